// kith doctor's judging of a scanned data directory (analyze): every check
// of every record and line, pure, on the Snapshot scan() read.
#include <algorithm>
#include <cstdio>
#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "core/contact_merge.h"
#include "core/doctor.h"
#include "core/layout.h"
#include "core/log_line.h"
#include "core/logbook.h"
#include "core/model.h"
#include "core/parallel.h"
#include "core/records.h"
#include "core/text.h"

namespace kith::doctor {
namespace {

constexpr std::string_view kFixHint =
    "fix or restore the file (kith never overwrites a corrupt file)";

std::string safe(std::string_view s) { return text::sanitize_for_terminal(s); }

// A line git writes around a merge conflict: "<<<<<<< ours", "=======",
// ">>>>>>> theirs" (and "||||||| base" in diff3 style).
bool is_conflict_marker(std::string_view line) {
  if (line.empty() || (line[0] != '<' && line[0] != '=' && line[0] != '>' && line[0] != '|')) {
    return false;
  }
  if (line.back() == '\r') line.remove_suffix(1);
  if (line == "=======") return true;
  for (std::string_view mark : {"<<<<<<<", ">>>>>>>", "|||||||"}) {
    if (line.starts_with(mark) && (line.size() == mark.size() || line[mark.size()] == ' ')) {
      return true;
    }
  }
  return false;
}

// The line number of the first conflict marker, 0 when there is none.
int first_conflict_marker(std::string_view text) {
  std::size_t pos = 0;
  int line = 0;
  while (pos < text.size()) {
    ++line;
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    if (is_conflict_marker(text.substr(pos, end - pos))) return line;
    pos = end + 1;
  }
  return 0;
}

// The part of a model error after "WHERE: ".
std::string detail_of(const Error& e, std::string_view where) {
  std::string_view m = e.message;
  if (m.starts_with(where) && m.substr(where.size()).starts_with(": ")) {
    m.remove_prefix(where.size() + 2);
  }
  return safe(m);
}

// What reading a whole-file JSON document finds: its JSON, or the finding
// that says why not. Pure, so that many files are read at once.
struct DocumentRead {
  std::optional<Json> json;
  bool counted = true;  // the file counts as read (not when it cannot be read)
  std::string check;    // the finding, when json is nullopt
  int line = 0;
  std::string message;
  std::string hint;
};

DocumentRead read_document(const Entry& e) {
  DocumentRead r;
  if (!e.read_error.empty() || !e.content) {
    r.counted = false;
    r.check = "read";
    r.message = "cannot be read: " + e.read_error;
    return r;
  }
  const std::string& text = *e.content;
  if (int line = first_conflict_marker(text)) {
    r.check = "conflict";
    r.line = line;
    r.message = "git merge conflict markers";
    r.hint = "resolve the conflict (keep one version of the record), then run `kith doctor` again";
    return r;
  }
  if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
    r.check = "json";
    r.line = 1;
    r.message = "the file is empty";
    r.hint = kFixHint;
    return r;
  }
  std::optional<JsonProblem> problem;  // no exceptions; depth checked too
  Json parsed = parse_or_problem(text, problem);
  if (!problem) {
    r.json = std::move(parsed);
    return r;
  }
  const bool nul = text.find('\0') != std::string::npos;
  r.check = "json";
  r.line = problem->line;
  r.message = nul ? "not valid JSON: it holds NUL bytes, as a crash or power loss can leave"
                  : "not valid JSON: " + problem->detail;
  r.hint = kFixHint;
  return r;
}

// A contact file read: the document, and the contact when it is JSON.
struct ContactRead {
  DocumentRead document;
  std::optional<Result<Contact>> contact;  // set when document.json is
};

ContactRead read_contact(const Entry& e) {
  ContactRead r{read_document(e), std::nullopt};
  if (r.document.json) {
    r.contact = contact_from_json(std::move(*r.document.json), e.name);
    r.document.json = Json();  // read: the contact holds it now
  }
  return r;
}

// read_contact() of each entry, on a few threads at once: parsing the JSON
// of thousands of contact files is most of what doctor spends on them.
std::vector<ContactRead> read_contacts(const std::vector<const Entry*>& entries) {
  std::vector<ContactRead> out(entries.size());
  auto work = [&](std::size_t begin, std::size_t end) {
    for (std::size_t i = begin; i < end; ++i) out[i] = read_contact(*entries[i]);
  };
  parallel_ranges(entries.size(), 500, 4, work);
  return out;
}

class Analyzer {
 public:
  explicit Analyzer(Report& report) : report_(report) {}

  Finding& add(Severity severity, std::string check, std::string file, int line,
               std::string message, std::string hint = {}, Repair repair = Repair::none,
               std::uint64_t keep = 0) {
    report_.findings.push_back(Finding{severity,
                                       std::move(check),
                                       std::move(file),
                                       line,
                                       safe(message),
                                       std::move(hint),
                                       repair,
                                       keep,
                                       {},
                                       {}});
    return report_.findings.back();
  }

  // Parses a whole-file JSON document; reports why not and returns nullopt.
  std::optional<Json> document(const Entry& e) { return take(read_document(e), e); }

  // What read_document() found, reported: the JSON, or nullopt and a finding.
  std::optional<Json> take(DocumentRead read, const Entry& e) {
    if (read.counted) ++report_.files;
    if (!read.json) add(Severity::error, read.check, e.name, read.line, read.message, read.hint);
    return std::move(read.json);
  }
  void config(const Entry& e) {
    auto json = document(e);
    if (!json) return;
    auto c = config_from_json(*json, e.name);
    if (!c) {
      add(Severity::error, "record", e.name, 0, detail_of(c.error(), e.name), c.error().hint);
      return;
    }
    if (auto s = settings_of(*c, e.name); !s) {
      add(Severity::error, "record", e.name, 0, detail_of(s.error(), e.name),
          "fix it with `kith config`");
    }
  }

  void profile(const Entry& e) {
    auto json = document(e);
    if (!json) return;
    if (auto p = profile_from_json(*json, e.name); !p) {
      add(Severity::error, "record", e.name, 0, detail_of(p.error(), e.name),
          std::string(kFixHint));
    }
  }

  // First pass over contacts/: which ids exist, and where, from what
  // read_contact() found in the file.
  void contact(const Entry& e, std::string_view stem, ContactRead read) {
    known_ids_.insert(std::string(stem));
    if (!take(std::move(read.document), e)) return;
    Result<Contact>& c = *read.contact;
    if (!c) {
      add(Severity::error, "record", e.name, 0, detail_of(c.error(), e.name),
          std::string(kFixHint));
      return;
    }
    ++report_.contacts;
    known_ids_.insert(c->id);
    contact_files_[c->id].push_back(e.name);
    if (c->id != stem) {
      mismatched_.emplace_back(e.name, c->id);
    }
    contacts_.push_back(std::move(*c));
  }

  // The ids merged into contacts (Report::aliases), once every contact is
  // read: an id claimed as an alias by two contacts is an error.
  void aliases() {
    std::sort(contacts_.begin(), contacts_.end(),
              [](const Contact& a, const Contact& b) { return a.id < b.id; });
    for (const auto& c : contacts_) {
      for (const auto& alias : c.aliases) {
        auto [it, fresh] = report_.aliases.emplace(alias, c.id);
        if (fresh || it->second == c.id) continue;
        add(Severity::error, "alias", layout::contact_relative_path(c.id), 0,
            "'" + alias + "' is an alias of both " + it->second + " and " + c.id,
            "keep it in the \"aliases\" of the contact it names, and remove it from the other");
      }
    }
  }

  // The files of contacts merged into another (their id is its alias) that
  // an interrupted `kith merge` left, once the log has been read.
  void merged_contacts() {
    for (const auto& c : contacts_) {
      auto owner = report_.aliases.find(c.id);
      if (owner == report_.aliases.end() || owner->second == c.id) continue;
      const std::string& keep = owner->second;
      auto k = std::lower_bound(contacts_.begin(), contacts_.end(), keep,
                                [](const Contact& x, const std::string& id) { return x.id < id; });
      const std::string file = layout::contact_relative_path(c.id);
      const std::string message = "'" + c.id + "' was merged into " + keep +
                                  " (it is an alias of " + keep +
                                  "), but its file is still here: an interrupted `kith merge`";
      if (k == contacts_.end() || k->id != keep || !holds_all_of(*k, c)) {
        add(Severity::warning, "merged-contact", file, 0,
            message + ", and it holds what " + keep + " lacks",
            "`kith merge " + keep + " " + c.id + " --dry-run` shows what merging it again adds");
      } else if (stuck_aliases_.contains(c.id)) {
        add(Severity::warning, "merged-contact", file, 0, message,
            "fix the log files' errors, then `kith doctor --fix` finishes the merge");
      } else {
        add(Severity::warning, "merged-contact", file, 0, message,
            "`kith doctor --fix` finishes the merge (it removes the file, " + keep +
                " holds all of it)",
            Repair::remove_merged_contact);
      }
    }
  }

  void contact_ids() {
    for (const auto& [file, id] : mismatched_) {
      std::string message = "its id '" + id + "' does not match the file name";
      const std::string expected = layout::contact_relative_path(id);
      const auto& files = contact_files_[id];
      if (std::find(files.begin(), files.end(), expected) != files.end()) {
        add(Severity::error, "duplicate-id", file, 0,
            message + ": " + expected + " has that id too",
            "give one of them another id, or merge them into one file");
      } else {
        add(Severity::error, "id-mismatch", file, 0, message,
            "rename the file to " + safe(expected) + " or fix its \"id\"");
      }
    }
  }

  void month(const Entry& e, date::year_month month) {
    if (!e.read_error.empty() || !e.content) {
      add(Severity::error, "read", e.name, 0, "cannot be read: " + e.read_error);
      return;
    }
    ++report_.files;
    ++report_.log_files;
    log_files_.push_back(e.name);
    file_month_ = month;
    const std::string& text = *e.content;
    const std::size_t first_finding = report_.findings.size();
    pending_aliases_.clear();
    if (int line = first_conflict_marker(text)) {
      add(Severity::error, "conflict", e.name, line, "git merge conflict markers",
          "resolve the conflict: keep the lines of both sides, delete the marker lines");
    }
    std::size_t pos = 0;
    int line_no = 0;
    while (pos < text.size()) {
      ++line_no;
      const std::size_t start = pos;
      std::size_t end = text.find('\n', pos);
      const bool last_without_newline = end == std::string::npos;
      if (last_without_newline) end = text.size();
      const std::string_view line = std::string_view(text).substr(start, end - start);
      pos = end + 1;
      if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
      if (is_conflict_marker(line)) continue;
      // A line as kith writes it is read without a JSON value (the most of
      // a big log); any other is parsed, which words what is wrong with it.
      auto written = read_log_line(line);
      // Checked as parse_log reads it: too deep is an error even on the last
      // line; other bad JSON there is a torn line.
      std::optional<JsonProblem> problem;
      const Json json = written ? Json() : parse_or_problem(line, problem);
      if (problem) {
        const bool nul = line.find('\0') != std::string_view::npos;
        const bool deep = problem->detail.starts_with("nested too deeply");
        if (last_without_newline && !deep) {
          add(Severity::warning, "torn-line", e.name, line_no,
              std::string("torn last line (an interrupted write") + (nul ? ", NUL bytes" : "") +
                  "); kith skips it",
              "`kith doctor --fix` removes it", Repair::truncate_torn_line, start);
        } else {
          add(Severity::error, "json", e.name, line_no,
              "not valid JSON: " +
                  (nul ? std::string("NUL bytes, as a crash or power loss can leave")
                       : problem->detail),
              "fix or remove that line (kith never overwrites a corrupt file)");
        }
        continue;
      }
      if (last_without_newline) {
        add(Severity::warning, "no-newline", e.name, line_no,
            "the last line has no newline at the end", "`kith doctor --fix` adds it",
            Repair::add_final_newline);
      }
      if (written) {
        interaction(e.name, line_no, *written);
      } else {
        interaction(e.name, line_no, json);
      }
    }
    // Lines naming an alias are rewritten only in a file kith can read
    // whole (or that --fix mends first): kith never rewrites a corrupt file.
    const bool sound = std::none_of(
        report_.findings.begin() + static_cast<long>(first_finding), report_.findings.end(),
        [](const Finding& f) { return f.severity == Severity::error && f.repair == Repair::none; });
    for (auto& [line, ids, message] : pending_aliases_) {
      if (sound) {
        add(Severity::warning, "alias", e.name, line, message,
            "`kith doctor --fix` makes it name the contact kept", Repair::rewrite_aliases);
      } else {
        add(Severity::warning, "alias", e.name, line, message,
            "fix the file's errors, then `kith doctor --fix` makes it name the contact kept");
        stuck_aliases_.insert(ids.begin(), ids.end());
      }
    }
  }

  void interaction(const std::string& file, int line, const Json& json) {
    const std::string where = file + ":" + std::to_string(line);
    auto i = interaction_from_json(json, where);
    if (!i) {
      add(Severity::error, "record", file, line, detail_of(i.error(), where),
          "fix or remove that line (kith never overwrites a corrupt file)");
      return;
    }
    interaction(file, line, *i);
  }

  void interaction(const std::string& file, int line, const Interaction& i) {
    ++report_.interactions;
    const date::year_month_day ymd{i.date};
    if (ymd.year() != file_month_.year() || ymd.month() != file_month_.month()) {
      const std::string month = format_date(i.date).substr(0, 7);
      add(Severity::warning, "month", file, line,
          "interaction " + i.id + " is dated " + format_date(i.date) + " but kept in " + file,
          "move the line to " + std::string(layout::kLogDir) + "/" + month +
              std::string(layout::kMonthSuffix) + ", where `kith done` looks for it");
    }
    const long long revision = revision_of(i);
    const std::size_t here = log_files_.size() - 1;  // the month file being read
    auto [it, inserted] = interaction_ids_.try_emplace(i.id, Seen{here, line, revision});
    if (!inserted) {
      const Seen& first = it->second;
      const std::string& first_file = log_files_[first.file];
      const std::string first_where = first_file + ":" + std::to_string(first.line);
      if (first.file != here && first.revision != revision) {
        // An edit that moved the interaction to another month and stopped
        // before taking it out of the old one: the later edit stands.
        const bool this_one_is_newer = revision > first.revision;
        const Seen stale = this_one_is_newer ? first : Seen{here, line, revision};
        const std::string kept =
            this_one_is_newer ? file + ":" + std::to_string(line) : first_where;
        Finding& f = add(Severity::error, "duplicate-id", log_files_[stale.file], stale.line,
                         "interaction " + i.id + " is also at " + kept +
                             ", edited later: this copy is the one an interrupted edit left",
                         "`kith doctor --fix` deletes this copy", Repair::remove_stale_copy);
        f.line_id = i.id;
        if (this_one_is_newer) it->second = Seen{here, line, revision};
      } else {
        add(Severity::error, "duplicate-id", file, line,
            "interaction id " + i.id + " is used twice (first at " + first_where + ")",
            "give one of them another id, or delete the copy");
      }
    }
    std::vector<std::string> merged;  // "ada-l (merged into ada)"
    std::vector<std::string> merged_ids;
    for (auto named = i.contacts.begin(); named != i.contacts.end(); ++named) {
      const std::string& id = *named;
      if (std::find(i.contacts.begin(), named, id) != named) continue;  // named twice
      if (auto alias = report_.aliases.find(id); alias != report_.aliases.end()) {
        merged.push_back("'" + id + "' (merged into " + alias->second + ")");
        merged_ids.push_back(id);
        continue;
      }
      if (!known_ids_.contains(id)) {
        add(Severity::error, "unknown-contact", file, line,
            "interaction " + i.id + " names '" + id + "', which has no file in contacts/",
            "`kith doctor --fix` on a terminal offers to take it out (a contact purged on "
            "another machine), or add it back with `kith add NAME --id " +
                safe(id) + "`",
            Repair::remove_unknown_contact)
            .contact_id = id;
      }
    }
    if (!merged.empty()) {
      std::string list;
      for (std::size_t n = 0; n < merged.size(); ++n) {
        list += (n == 0 ? "" : n + 1 == merged.size() ? " and " : ", ") + merged[n];
      }
      pending_aliases_.push_back(
          {line, std::move(merged_ids), "interaction " + i.id + " names " + list});
    }
  }

 private:
  Report& report_;
  std::unordered_set<std::string> known_ids_;
  std::map<std::string, std::vector<std::string>> contact_files_;
  std::vector<std::pair<std::string, std::string>> mismatched_;  // file, id
  // Where each interaction id was first seen, and its revision.
  struct Seen {
    std::size_t file = 0;  // in log_files_
    int line = 0;
    long long revision = 0;
  };
  std::unordered_map<std::string, Seen> interaction_ids_;
  std::vector<std::string> log_files_;  // the month files read, in order
  date::year_month file_month_;         // the month of the one being read
  std::vector<Contact> contacts_;       // those that loaded
  // The lines of the month being read that name an alias: line, the aliases,
  // the message.
  struct AliasLine {
    int line;
    std::vector<std::string> ids;
    std::string message;
  };
  std::vector<AliasLine> pending_aliases_;
  std::set<std::string, std::less<>> stuck_aliases_;  // named in a file kith cannot rewrite
};

// Keeps the first kMaxFindingsPerFile findings of each file (and every
// repairable one), summing up the rest in one finding.
void cap_per_file(std::vector<Finding>& findings) {
  std::vector<Finding> kept;
  std::map<std::string, int> shown, dropped;
  std::map<std::string, Severity> worst;
  for (auto& f : findings) {
    if (f.repair != Repair::none || ++shown[f.file] <= kMaxFindingsPerFile) {
      kept.push_back(std::move(f));
      continue;
    }
    ++dropped[f.file];
    worst[f.file] = std::max(worst[f.file], f.severity);
  }
  for (const auto& [file, n] : dropped) {
    kept.push_back(Finding{worst[file],
                           "more",
                           file,
                           0,
                           "and " + std::to_string(n) + " more problems in this file",
                           {},
                           Repair::none,
                           0,
                           {},
                           {}});
  }
  std::stable_sort(kept.begin(), kept.end(), [](const Finding& a, const Finding& b) {
    if (a.file != b.file) return a.file < b.file;
    if ((a.line == 0) != (b.line == 0)) return b.line == 0;  // the summary goes last
    return a.line < b.line;
  });
  findings = std::move(kept);
}

}  // namespace

Report analyze(const Snapshot& snapshot) {
  Report report;
  report.exists = snapshot.exists;
  if (!snapshot.exists) return report;
  Analyzer a(report);
  if (snapshot.read_only) {
    a.add(Severity::warning, "read-only", "", 0,
          "the data directory is on a read-only file system: reading commands work, "
          "writing commands fail");
  }
  // Personal data: directories 0700, files 0600. Hidden entries (.git…) are
  // not kith's.
  int exposed = 0;
  std::string example;
  if ((snapshot.mode & 077) != 0) {
    ++exposed;
    example = ". (the data directory)";
  }
  for (const auto& e : snapshot.entries) {
    const std::string base = e.name.substr(e.name.rfind('/') + 1);
    if (base.empty() || base.front() == '.' || (e.mode & 077) == 0 || e.type == Entry::Type::other)
      continue;
    if (example.empty()) {
      char mode[8];
      std::snprintf(mode, sizeof mode, "%04o", e.mode);
      example = e.name + ", mode " + mode;
    }
    ++exposed;
  }
  if (exposed > 0) {
    a.add(Severity::warning, "permissions", "", 0,
          std::to_string(exposed) +
              " of kith's files and directories can be read by other users "
              "(" +
              example + ")",
          "kith keeps personal data private: `kith doctor --fix` (or chmod -R go-rwx on the "
          "data directory) makes it so",
          Repair::make_private);
  }

  std::vector<const Entry*> months;
  std::vector<std::pair<const Entry*, std::string>> contacts;  // the file, its id
  for (const auto& e : snapshot.entries) {
    const auto slash = e.name.find('/');
    const std::string folder = slash == std::string::npos ? "" : e.name.substr(0, slash);
    const std::string base = e.name.substr(slash == std::string::npos ? 0 : slash + 1);
    if (layout::is_temp_name(base) && e.type == Entry::Type::file) {
      a.add(Severity::warning, "temp-file", e.name, 0,
            "a temp file left by an interrupted write (kith never reads it)",
            "`kith doctor --fix` removes it, as does the next kith command that writes",
            Repair::remove_temp_file);
      continue;
    }
    if (base.empty() || base.front() == '.') continue;
    if (folder.empty()) {
      if ((base == layout::kContactsDir || base == layout::kLogDir) &&
          e.type != Entry::Type::directory) {
        a.add(Severity::error, "layout", e.name, 0, "should be a directory",
              "move it away; kith keeps " + base + "/ as a directory");
      } else if (base == layout::kConfigFile && e.type == Entry::Type::file) {
        a.config(e);
      } else if (base == layout::kProfileFile && e.type == Entry::Type::file) {
        a.profile(e);
      }
      continue;
    }
    const bool is_file = e.type == Entry::Type::file;
    if (folder == layout::kContactsDir) {
      if (const auto id = layout::contact_id_of(base); is_file && id) {
        contacts.emplace_back(&e, std::string(*id));
      } else {
        a.add(Severity::warning, "ignored", e.name, 0,
              "not a contact file: kith reads only contacts/ID.json");
      }
    } else if (folder == layout::kLogDir) {
      if (is_file && layout::is_month_file(base)) {
        months.push_back(&e);
      } else {
        a.add(Severity::warning, "ignored", e.name, 0,
              "not a month file: kith reads only log/YYYY-MM.jsonl");
      }
    }
  }
  std::vector<const Entry*> contact_entries;
  for (const auto& [e, id] : contacts) contact_entries.push_back(e);
  std::vector<ContactRead> read = read_contacts(contact_entries);
  for (std::size_t i = 0; i < contacts.size(); ++i) {
    a.contact(*contacts[i].first, contacts[i].second, std::move(read[i]));
  }
  a.contact_ids();
  a.aliases();
  for (const Entry* e : months) {
    // A month file named for no month (2026-13) holds no interaction where
    // it belongs: month 13 matches no date.
    const auto month =
        layout::month_of(std::string_view(e->name).substr(layout::kLogDir.size() + 1));
    a.month(*e, month.value_or(date::year{0} / date::month{13}));
  }
  a.merged_contacts();
  cap_per_file(report.findings);
  return report;
}

}  // namespace kith::doctor
