// kith doctor: every check of a data directory, and the few repairs that are
// always safe.
//
// Checking is split at the file system edge: scan() reads the directory into
// a Snapshot (names, modes, contents) and never writes; analyze() is a pure
// function of that snapshot, so the unit tests and the fuzzer feed it files
// without touching a disk. repair() applies only what cannot lose anything:
// cutting a torn last log line (an interrupted write), adding a missing final
// newline after a complete log line, removing the temp files a killed
// writer left, and finishing an interrupted `kith merge`: log lines that
// name an id merged into a contact (an alias) are made to name that contact,
// then the merged contact's file, when the contact kept holds all of it, is
// removed.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace kith::doctor {

namespace fs = std::filesystem;

// One entry of the data directory, named relative to it ("kith.json",
// "contacts/ada.json", "log/.2026-11.jsonl.tmp-1a2b3c").
struct Entry {
  enum class Type { file, directory, other };
  std::string name;
  Type type = Type::file;
  unsigned mode = 0600;                // permission bits
  std::optional<std::string> content;  // read for the files kith reads, else nullopt
  std::string read_error;              // why the content could not be read, if so
};

struct Snapshot {
  bool exists = false;         // false: no data directory yet (nothing else is set)
  bool read_only = false;      // on a read-only file system
  unsigned mode = 0700;        // the data directory's permission bits
  std::vector<Entry> entries;  // the directory's entries, contacts/ and log/ included
};

// Reads the data directory: its entries, their modes, and the content of
// kith.json, me.json, contacts/*.json and log/*.jsonl. Takes no lock and
// writes nothing. A file that cannot be read is recorded in its Entry; an
// io error only when `dir` exists but cannot be listed.
Result<Snapshot> scan(const fs::path& dir);

enum class Severity { warning, error };

// What repair() can do about a finding.
enum class Repair {
  none,
  truncate_torn_line,  // cut the file to `keep_bytes`, dropping a torn last line
  add_final_newline,   // append "\n" after a complete last line that lacks it
  remove_temp_file,    // delete a temp file left by an interrupted write
  remove_stale_copy,   // delete line `line` (interaction `line_id`) of a month file: the
                       // older copy an interrupted move between months left behind
  // Rewrite a month file so that its lines naming an alias name its contact
  // (Report::aliases); the file's other lines stay byte for byte.
  rewrite_aliases,
  // Delete the file of a contact whose id is an alias of another contact
  // that holds all of it: what an interrupted `kith merge` leaves. Done
  // after every rewrite_aliases.
  remove_merged_contact,
  // Clear the group and other bits of every file and directory (the
  // permissions finding): fsutil::make_private.
  make_private,
  // Take `contact_id`, which has no contact file, out of the interaction on
  // this line (deleting it when it names nobody else): what a purge on
  // another machine leaves when this one logged with the person before it
  // synced. Done only for the ids in RepairOptions::drop_unknown, which the
  // user confirmed.
  remove_unknown_contact,
};

struct Finding {
  Severity severity = Severity::error;
  std::string check;  // a short stable name: "json", "conflict", "torn-line", ...
  std::string file;   // relative to the data directory; "" for the directory
  int line = 0;       // 1-based; 0 when the finding is not about one line
  std::string message;
  std::string hint;  // what to do; may be empty
  Repair repair = Repair::none;
  std::uint64_t keep_bytes = 0;  // for truncate_torn_line
  std::string line_id;           // for remove_stale_copy: the id on that line
  std::string contact_id;        // for remove_unknown_contact: the id it names

  std::string where() const;  // "log/2026-11.jsonl:3", "contacts/ada.json", "."
};

struct Report {
  bool exists = false;
  int files = 0;                  // data files read: kith.json, me.json, contacts, months
  int contacts = 0;               // contact files that loaded
  int log_files = 0;              // month files read
  int interactions = 0;           // log lines that loaded
  std::vector<Finding> findings;  // by file, then line
  // Each id merged into a contact and that contact's id (alias_map), for
  // Repair::rewrite_aliases.
  std::map<std::string, std::string, std::less<>> aliases;

  int count(Severity severity) const;
  int repairable() const;
};

// At most this many findings are listed per file; the rest are summed up in
// one more finding.
inline constexpr int kMaxFindingsPerFile = 20;

// Every check, on a snapshot: each file parses (JSON, with file:line), each
// record is valid, the format version is known; contact ids match their file
// names and are unique; no id is the alias of two contacts; interaction ids
// are unique, name known contacts (an alias names its contact: a warning,
// repaired by rewriting the line) and sit in the month file of their date;
// no contact file is left over from an interrupted `kith merge`; no git
// conflict markers; torn last lines; leftover temp files; files that kith
// ignores in contacts/ and log/; data readable by other users; a read-only
// directory.
Report analyze(const Snapshot& snapshot);

// scan() then analyze().
Result<Report> check(const fs::path& dir);

struct Repaired {
  std::string file;  // relative to the data directory
  int line = 0;
  std::string action;  // "removed a torn last line (57 bytes)"
};

// Applies the repairable findings of `report`: first those of each file on
// its own, then the log lines naming an alias or (when confirmed) an unknown
// contact, then the merged contacts' files, then the modes. The caller holds the write lock and
// made `report` under it. Stops at the first failure (an io error naming the file); what was done
// before it stays done and is in `done`. What repair() may do beyond the safe repairs.
struct RepairOptions {
  // The unknown contact ids (Finding::contact_id) to take out of the log.
  std::set<std::string, std::less<>> drop_unknown;
};
Status repair(const fs::path& dir, const Report& report, std::vector<Repaired>& done,
              const RepairOptions& options = {});

}  // namespace kith::doctor
