#include "core/layout.h"

#include <cstdio>

namespace kith::layout {
namespace {

bool is_digit(char ch) { return ch >= '0' && ch <= '9'; }

}  // namespace

std::string contact_file_name(std::string_view id) {
  return std::string(id) + std::string(kContactSuffix);
}

std::optional<std::string_view> contact_id_of(std::string_view file_name) {
  if (file_name.empty() || file_name.front() == '.' || file_name.size() <= kContactSuffix.size() ||
      !file_name.ends_with(kContactSuffix)) {
    return std::nullopt;
  }
  return file_name.substr(0, file_name.size() - kContactSuffix.size());
}

std::string contact_relative_path(std::string_view id) {
  return std::string(kContactsDir) + "/" + contact_file_name(id);
}

std::string month_file_name(date::year_month month) {
  char name[32];
  std::snprintf(name, sizeof name, "%04d-%02u", static_cast<int>(month.year()),
                static_cast<unsigned>(month.month()));
  return name + std::string(kMonthSuffix);
}

bool is_month_file(std::string_view file_name) {
  if (file_name.size() != 7 + kMonthSuffix.size() || !file_name.ends_with(kMonthSuffix) ||
      file_name[4] != '-') {
    return false;
  }
  for (std::size_t i : {0, 1, 2, 3, 5, 6}) {
    if (!is_digit(file_name[i])) return false;
  }
  return true;
}

std::optional<date::year_month> month_of(std::string_view file_name) {
  if (!is_month_file(file_name)) return std::nullopt;
  auto number = [&](std::size_t from, std::size_t count) {
    int n = 0;
    for (std::size_t i = from; i < from + count; ++i) n = n * 10 + (file_name[i] - '0');
    return n;
  };
  const int month = number(5, 2);
  if (month < 1 || month > 12) return std::nullopt;
  return date::year{number(0, 4)} / date::month{static_cast<unsigned>(month)};
}

std::string month_relative_path(date::year_month month) {
  return std::string(kLogDir) + "/" + month_file_name(month);
}

std::string temp_file_name(std::string_view file_name, std::string_view suffix) {
  return "." + std::string(file_name) + ".tmp-" + std::string(suffix);
}

std::optional<FileKind> kind_of(std::string_view relative_path) {
  if (relative_path == kConfigFile) return FileKind::config;
  if (relative_path == kProfileFile) return FileKind::profile;
  if (relative_path == kInboxFile) return FileKind::inbox;
  // DIR/NAME SUFFIX with a non-empty NAME and no further '/'.
  auto in = [&](std::string_view dir, std::string_view suffix) {
    if (relative_path.size() <= dir.size() + 1 + suffix.size()) return false;
    if (!relative_path.starts_with(dir) || relative_path[dir.size()] != '/') return false;
    if (!relative_path.ends_with(suffix)) return false;
    return relative_path.find('/', dir.size() + 1) == std::string_view::npos;
  };
  if (in(kContactsDir, kContactSuffix)) return FileKind::contact;
  if (in(kLogDir, kMonthSuffix)) return FileKind::month;
  return std::nullopt;
}

bool is_temp_name(std::string_view file_name) {
  return file_name.size() > 1 && file_name.front() == '.' &&
         file_name.find(".tmp-") != std::string_view::npos;
}

}  // namespace kith::layout
