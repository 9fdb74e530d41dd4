// kith doctor's reading of a data directory (scan), its repairs, and check()
// = analyze(scan()). The judging of what was read is in doctor_analyze.cpp.
#include "core/doctor.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <iterator>
#include <set>
#include <system_error>

#include <sys/stat.h>
#include <sys/statvfs.h>

#include "core/contact_merge.h"
#include "core/fsutil.h"
#include "core/layout.h"
#include "core/parallel.h"
#include "core/purge.h"

namespace kith::doctor {
namespace {

Entry::Type type_of(const struct stat& st) {
  if (S_ISREG(st.st_mode)) return Entry::Type::file;
  if (S_ISDIR(st.st_mode)) return Entry::Type::directory;
  return Entry::Type::other;
}

// The entries of `dir` named "<prefix><name>", sorted, each stat()ed and, when
// `read(name)`, read.
template <class ShouldRead>
Status list_into(const fs::path& dir, const std::string& prefix, ShouldRead read,
                 std::vector<Entry>& out) {
  std::error_code ec;
  std::vector<std::string> names;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    names.push_back(it->path().filename().string());
  }
  if (ec) return io_error("cannot read directory " + dir.string() + ": " + ec.message());
  std::sort(names.begin(), names.end());
  // Each entry stat()ed and read on a few threads at once: thousands of
  // files are thousands of system calls.
  std::vector<Entry> entries(names.size());
  parallel_ranges(names.size(), 500, 4, [&](std::size_t begin, std::size_t end) {
    for (std::size_t i = begin; i < end; ++i) {
      const std::string& name = names[i];
      Entry& e = entries[i];
      e.name = prefix + name;
      struct stat st {};
      if (::stat((dir / name).c_str(), &st) != 0) {
        e.type = Entry::Type::other;
        e.read_error = std::generic_category().message(errno);
      } else {
        e.type = type_of(st);
        e.mode = st.st_mode & 07777;
      }
      if (e.type == Entry::Type::file && read(name)) {
        auto content = fsutil::read_file(dir / name);
        if (!content) {
          e.read_error = content.error().message;
        } else if (content->has_value()) {
          e.content = std::move(**content);
        } else {
          e.read_error = "it disappeared while kith doctor read the directory";
        }
      }
    }
  });
  std::move(entries.begin(), entries.end(), std::back_inserter(out));
  return {};
}

}  // namespace

std::string Finding::where() const {
  if (file.empty()) return ".";
  return line > 0 ? file + ":" + std::to_string(line) : file;
}

int Report::count(Severity severity) const {
  return static_cast<int>(std::count_if(findings.begin(), findings.end(),
                                        [&](const Finding& f) { return f.severity == severity; }));
}

int Report::repairable() const {
  return static_cast<int>(std::count_if(findings.begin(), findings.end(),
                                        [](const Finding& f) { return f.repair != Repair::none; }));
}

Result<Snapshot> scan(const fs::path& dir) {
  Snapshot s;
  struct stat st {};
  if (::stat(dir.c_str(), &st) != 0) {
    if (errno == ENOENT) return s;
    return io_error("cannot read " + dir.string() + ": " + std::strerror(errno));
  }
  if (!S_ISDIR(st.st_mode)) {
    return io_error(dir.string() + " is not a directory",
                    "point --data-dir or KITH_DIR at kith's data directory");
  }
  s.exists = true;
  s.mode = st.st_mode & 07777;
  struct statvfs vfs {};
  if (::statvfs(dir.c_str(), &vfs) == 0) s.read_only = (vfs.f_flag & ST_RDONLY) != 0;
  auto root_files = [](const std::string& name) {
    return name == layout::kConfigFile || name == layout::kProfileFile;
  };
  if (auto r = list_into(dir, "", root_files, s.entries); !r) return r.error();
  const std::vector<Entry> root = s.entries;
  for (const auto& e : root) {
    if (e.type != Entry::Type::directory) continue;
    const std::string sub = std::string(e.name) + "/";
    if (e.name == layout::kContactsDir) {
      auto read = [](const std::string& n) { return layout::contact_id_of(n).has_value(); };
      if (auto r = list_into(dir / e.name, sub, read, s.entries); !r) return r.error();
    } else if (e.name == layout::kLogDir) {
      auto read = [](const std::string& n) { return layout::is_month_file(n); };
      if (auto r = list_into(dir / e.name, sub, read, s.entries); !r) return r.error();
    }
  }
  return s;
}

Result<Report> check(const fs::path& dir) {
  auto snapshot = scan(dir);
  if (!snapshot) return snapshot.error();
  return analyze(*snapshot);
}

Status repair(const fs::path& dir, const Report& report, std::vector<Repaired>& done,
              const RepairOptions& options) {
  for (const auto& f : report.findings) {
    const fs::path path = dir / f.file;
    switch (f.repair) {
      case Repair::none:
        break;
      case Repair::truncate_torn_line: {
        std::error_code ec;
        const auto size = fs::file_size(path, ec);
        if (ec) return io_error("cannot read " + path.string() + ": " + ec.message());
        if (size <= f.keep_bytes) break;
        if (auto s = fsutil::truncate_file(path, f.keep_bytes); !s) return s;
        done.push_back(
            {f.file, f.line,
             "removed a torn last line (" + std::to_string(size - f.keep_bytes) + " bytes)"});
        break;
      }
      case Repair::add_final_newline:
        if (auto s = fsutil::append_line(path, "\n"); !s) return s;
        done.push_back({f.file, f.line, "added the missing newline at the end"});
        break;
      case Repair::remove_temp_file:
        if (auto s = fsutil::remove_file(path); !s) return s;
        done.push_back({f.file, 0, "removed a temp file left by an interrupted write"});
        break;
      case Repair::remove_stale_copy: {
        // Only when the line still holds that interaction: the file is
        // rewritten atomically without it, every other byte kept.
        auto text = fsutil::read_file(path);
        if (!text) return text.error();
        if (!text->has_value()) break;
        const std::string& content = **text;
        std::size_t begin = 0;
        for (int n = 1; n < f.line && begin != std::string::npos; ++n) {
          begin = content.find('\n', begin);
          if (begin != std::string::npos) ++begin;
        }
        if (begin == std::string::npos || begin >= content.size()) break;
        std::size_t end = content.find('\n', begin);
        end = end == std::string::npos ? content.size() : end + 1;
        const std::string quoted_id = "\"id\":\"" + f.line_id + "\"";
        if (content.substr(begin, end - begin).find(quoted_id) == std::string::npos) break;
        std::string kept = content.substr(0, begin) + content.substr(end);
        if (kept.empty()) {
          if (auto s = fsutil::remove_file(path); !s) return s;
        } else if (auto s = fsutil::write_file_atomic(path, kept); !s) {
          return s;
        }
        done.push_back({f.file, f.line, "deleted the older copy of interaction " + f.line_id});
        break;
      }
      case Repair::rewrite_aliases:
      case Repair::remove_unknown_contact:
      case Repair::remove_merged_contact:
      case Repair::make_private:
        break;  // below, in this order
    }
  }
  // An interrupted `kith merge`: the log first, then the merged contacts'
  // files, as the merge itself orders them.
  const AliasMap aliases(report.aliases.begin(), report.aliases.end());
  std::set<std::string> rewritten;
  for (const auto& f : report.findings) {
    if (f.repair != Repair::rewrite_aliases || !rewritten.insert(f.file).second) continue;
    const fs::path path = dir / f.file;
    auto text = fsutil::read_file(path);
    if (!text) return text.error();
    if (!text->has_value()) continue;
    ReferenceRewrite r = rewrite_references(**text, aliases);
    if (r.changed == 0) continue;
    if (auto s = fsutil::write_file_atomic(path, r.text); !s) return s;
    done.push_back({f.file, 0,
                    std::to_string(r.changed) +
                        (r.changed == 1 ? " interaction names" : " interactions name") +
                        " the contact kept instead of a merged one"});
  }
  // Unknown contacts the user agreed to take out, a month file at a time.
  std::set<std::string> cleaned;
  for (const auto& f : report.findings) {
    if (f.repair != Repair::remove_unknown_contact ||
        !options.drop_unknown.contains(f.contact_id) || !cleaned.insert(f.file).second) {
      continue;
    }
    const fs::path path = dir / f.file;
    auto text = fsutil::read_file(path);
    if (!text) return text.error();
    if (!text->has_value()) continue;
    MonthCleanup c = remove_unknown_contacts(
        **text, [&](std::string_view id) { return !options.drop_unknown.contains(id); });
    if (c.changes.empty()) continue;
    if (c.text.empty()) {
      if (auto s = fsutil::remove_file(path); !s) return s;
    } else if (auto s = fsutil::write_file_atomic(path, c.text); !s) {
      return s;
    }
    for (const auto& change : c.changes) {
      std::string ids;
      for (const auto& id : change.removed) ids += (ids.empty() ? "'" : ", '") + id + "'";
      done.push_back(
          {f.file, 0,
           change.deleted
               ? "deleted interaction " + change.interaction_id + ", which named only " + ids
               : "took " + ids + " out of interaction " + change.interaction_id});
    }
  }
  for (const auto& f : report.findings) {
    if (f.repair != Repair::remove_merged_contact) continue;
    if (auto s = fsutil::remove_file(dir / f.file); !s) return s;
    done.push_back({f.file, 0, "removed the contact file an interrupted `kith merge` left"});
  }
  for (const auto& f : report.findings) {
    if (f.repair != Repair::make_private) continue;
    if (auto s = fsutil::make_private(dir); !s) return s;
    done.push_back({"", 0, "took the data away from other users (files 0600, directories 0700)"});
    break;
  }
  return {};
}

}  // namespace kith::doctor
