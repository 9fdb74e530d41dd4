#include "core/purge.h"

#include <algorithm>

namespace kith {
namespace {

bool is_one_of(const std::string& c, std::string_view id, const std::vector<std::string>& aliases) {
  return c == id || std::find(aliases.begin(), aliases.end(), c) != aliases.end();
}

bool names(const Interaction& i, std::string_view id, const std::vector<std::string>& aliases) {
  return std::any_of(i.contacts.begin(), i.contacts.end(),
                     [&](const std::string& c) { return is_one_of(c, id, aliases); });
}

}  // namespace

std::vector<date::year_month> months_naming(const std::vector<Interaction>& interactions,
                                            std::string_view id,
                                            const std::vector<std::string>& aliases) {
  std::vector<date::year_month> months;
  for (const auto& i : interactions) {
    if (!names(i, id, aliases)) continue;
    const date::year_month_day ymd{i.date};
    months.push_back(ymd.year() / ymd.month());
  }
  std::sort(months.begin(), months.end());
  months.erase(std::unique(months.begin(), months.end()), months.end());
  return months;
}

MonthPurge purge_from_month(std::vector<Interaction> interactions, std::string_view id,
                            const std::vector<std::string>& aliases) {
  MonthPurge out;
  for (auto& i : interactions) {
    if (!names(i, id, aliases)) {
      out.kept.push_back(std::move(i));
      continue;
    }
    std::erase_if(i.contacts, [&](const std::string& c) { return is_one_of(c, id, aliases); });
    if (i.contacts.empty()) {
      ++out.deleted;
    } else {
      ++out.changed;
      out.kept.push_back(std::move(i));
    }
  }
  return out;
}

}  // namespace kith
