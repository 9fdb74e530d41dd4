// The Store's writes: records rewritten whole (atomically), and the log,
// appended to or rewritten a month at a time. One rule for every writer: a
// month file that ends with a torn line is never appended to or rewritten.
#include <algorithm>
#include <cerrno>
#include <map>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/layout.h"
#include "core/store.h"
#include "core/store_files.h"

namespace kith {
namespace {

using store_files::relative_name;

// True when `file` is empty or missing or ends with a newline; false when
// it does not, or cannot be read (the caller then reads it whole and
// reports what is wrong).
bool ends_with_newline(const fs::path& file) {
  const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return errno == ENOENT;
  struct stat st {};
  char last = 0;
  const bool ok = ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
                  (st.st_size == 0 || ::pread(fd, &last, 1, st.st_size - 1) == 1);
  ::close(fd);
  return ok && (st.st_size == 0 || last == '\n');
}

}  // namespace

Status Store::save_config(const Config& config) const {
  note_changed(dir_ / layout::kConfigFile);
  return fsutil::write_file_atomic(dir_ / layout::kConfigFile, serialize_document(to_json(config)));
}

Status Store::save_profile(const Profile& profile) const {
  note_changed(dir_ / layout::kProfileFile);
  return fsutil::write_file_atomic(dir_ / layout::kProfileFile,
                                   serialize_document(to_json(profile)));
}

Status Store::save_inbox(const inbox::Inbox& inbox) const {
  note_changed(dir_ / layout::kInboxFile);
  return fsutil::write_file_atomic(dir_ / layout::kInboxFile, inbox::to_text(inbox));
}

Status Store::save_contact(const Contact& contact) const {
  if (auto s = fsutil::ensure_dir(dir_ / layout::kContactsDir); !s) return s;
  note_changed(contact_path(contact.id));
  return fsutil::write_file_atomic(contact_path(contact.id), serialize_document(to_json(contact)));
}

Status Store::save_contacts(std::span<const Contact> contacts,
                            const std::function<void()>& on_each) const {
  if (contacts.empty()) return {};
  if (auto s = fsutil::ensure_dir(dir_ / layout::kContactsDir); !s) return s;
  std::vector<fsutil::FileContent> files;
  files.reserve(contacts.size());
  for (const Contact& c : contacts) {
    note_changed(contact_path(c.id));
    files.push_back({contact_path(c.id), serialize_document(to_json(c))});
  }
  return fsutil::write_files_atomic(files, on_each);
}

Status Store::remove_contact(std::string_view id) const {
  note_changed(contact_path(id));
  return fsutil::remove_file(contact_path(id));
}

Status Store::append_interaction(const Interaction& interaction) const {
  auto batch = prepare_append({interaction});
  if (!batch) return batch.error();
  return append(*batch);
}

Result<LogAppend> Store::prepare_append(const std::vector<Interaction>& interactions) const {
  std::map<date::year_month, std::string> months;
  for (const auto& i : interactions) {
    const date::year_month_day ymd{i.date};
    months[ymd.year() / ymd.month()] += serialize_line(to_json(i));
  }
  LogAppend batch;
  for (auto& [month, lines] : months) {
    const fs::path path = month_path(month);
    // Appending after a last line that has no newline would glue the two
    // together into one corrupt line in the middle of the file. Its last
    // byte tells; the whole file is read only when that is not a newline.
    if (!ends_with_newline(path)) {
      auto text = fsutil::read_file(path);
      if (!text) return text.error();
      if (text->has_value() && !(*text)->empty() && (*text)->back() != '\n') {
        const std::string& content = **text;
        const std::size_t start = content.rfind('\n') + 1;  // 0 when there is no newline
        const std::string_view last = std::string_view(content).substr(start);
        const bool blank = last.find_first_not_of(" \t\r") == std::string_view::npos;
        if (!blank && !Json::accept(last)) {
          const auto line =
              1 + std::count(content.begin(), content.begin() + static_cast<long>(start), '\n');
          return data_error(
              relative_name(dir_, path) + ":" + std::to_string(line) +
                  ": ends with a torn line (an interrupted write); not appending after it",
              "run `kith doctor --fix` to remove the torn line, then run the command again");
        }
        lines.insert(0, "\n");  // a complete last line that only lacks its newline
      }
    }
    batch.files_.push_back({path, std::move(lines)});
  }
  return batch;
}

Status Store::append(const LogAppend& batch, const std::function<void()>& after_each) const {
  if (batch.files_.empty()) return {};
  if (auto s = fsutil::ensure_dir(dir_ / layout::kLogDir); !s) return s;
  for (const auto& file : batch.files_) {
    note_changed(file.path);
    if (auto s = fsutil::append_line(file.path, file.lines); !s) return s;
    if (after_each) after_each();
  }
  return {};
}

Status Store::rewrite_month(date::year_month month,
                            const std::vector<Interaction>& interactions) const {
  std::string content;
  for (const auto& i : interactions) content += serialize_line(to_json(i));
  return replace_month(month, content);
}

Status Store::replace_month(date::year_month month, std::string_view content) const {
  const fs::path path = month_path(month);
  auto text = fsutil::read_file(path);
  if (!text) return text.error();
  if (text->has_value() && !(*text)->empty() && (*text)->back() != '\n') {
    return data_error(relative_name(dir_, path) + ": ends with a torn line; not rewriting it",
                      "run `kith doctor --fix` first");
  }
  note_changed(path);
  if (content.empty()) return fsutil::remove_file(path);
  if (auto s = fsutil::ensure_dir(dir_ / layout::kLogDir); !s) return s;
  return fsutil::write_file_atomic(path, content);
}

}  // namespace kith
