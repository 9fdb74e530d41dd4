// The data directory: where each record lives and how it is read and written.
//
//   kith.json             {"format": "kith", "version": 1, "settings": {...}}
//   me.json               your profile
//   contacts/<id>.json    one contact per file
//   log/<YYYY-MM>.jsonl   interactions, one JSON object per line, by date
//
// Readers take no lock and never create anything: a data directory that does
// not exist reads as an empty network. Writers hold the WriteLock from
// lock_for_write() for the whole command; every rewrite is atomic and every
// append is a single write() of a whole line (see fsutil.h).
#pragma once

#include <chrono>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/cache.h"
#include "core/fsutil.h"
#include "core/history.h"
#include "core/model.h"
#include "core/status.h"

namespace kith {

namespace fs = std::filesystem;

struct Network {
  Config config;
  Settings settings;
  Profile profile;
  std::vector<Contact> contacts;          // sorted by id, archived ones included
  std::vector<Interaction> interactions;  // sorted by date, then logged_at, then id
  std::vector<std::string> warnings;      // e.g. a torn last line that was skipped

  // nullptr when no contact has this id.
  const Contact* find(std::string_view id) const;
};

// What the reports that do not need every interaction (due, log) read of the
// log: built from the read cache when it is valid, else by reading the log
// one month at a time, so memory does not grow with the history.
struct LogSummary {
  // Summaries of the interactions dated on or before `until`; `last` is
  // always nullptr here (use Store::load_interactions for that).
  HistoryMap history;
  // Interactions dated on or before `until` whose follow-up is not done, in
  // the order Store::load() sorts interactions.
  std::vector<Interaction> open_follow_ups;
  // cache::hash_id() of every interaction id; filled only when asked for.
  cache::IdHashSet id_hashes;
  std::vector<std::string> warnings;  // as Store::load reports them
};

struct SummaryOptions {
  Date until{date::year{9999} / 12 / 31};  // the whole log by default
  bool id_hashes = false;                  // fill LogSummary::id_hashes
  bool update_cache = true;                // save what was read in the cache
  // When set, `history` holds only these contacts and `open_follow_ups`
  // stays empty: what a writer that touches a few contacts needs (kith log),
  // without building the summary of every contact.
  std::optional<std::vector<std::string>> only;
};

// Where the read cache lives (see cache.h), and the time of this run, which
// decides which files are too fresh to be cached. An empty root: no cache.
struct CacheOptions {
  fs::path root;
  std::chrono::system_clock::time_point now{};
};

struct LockOptions {
  std::chrono::milliseconds timeout{10000};
  std::chrono::milliseconds slow_after{2000};
  std::function<void()> on_slow;  // called once when the wait gets long
};

class Store {
 public:
  explicit Store(fs::path dir, CacheOptions cache = {});

  const fs::path& dir() const { return dir_; }
  fs::path contact_path(std::string_view id) const;
  fs::path month_path(date::year_month month) const;

  // kith.json, or the defaults when it does not exist. A newer format
  // version is a data error; the file is never rewritten then.
  Result<Config> load_config() const;
  Result<Profile> load_profile() const;  // empty when me.json does not exist
  Result<std::vector<Contact>> load_contacts() const;
  // The id, name and emails of every contact as load_contacts() returns it
  // (same order, same errors, each file checked against the cache the same
  // way): what `kith add` needs for new ids and the duplicate warning,
  // without decoding the rest of each cached record.
  Result<std::vector<ContactHead>> load_contact_heads() const;
  // nullopt when there is no such contact file.
  Result<std::optional<Contact>> load_contact(std::string_view id) const;
  // Every interaction; a torn last line (no newline, not JSON) is skipped and
  // reported in `warnings`; any other bad line is a data error with file:line.
  Result<std::vector<Interaction>> load_interactions(std::vector<std::string>& warnings) const;
  // Everything at once, as the reports need it.
  Result<Network> load() const;
  // Everything but the interactions (network.interactions stays empty).
  Result<Network> load_records() const;
  // The log summarised as of options.until (see LogSummary). Errors as
  // load_interactions reports them.
  Result<LogSummary> summarize_log(const SummaryOptions& options) const;
  // The interactions that name contact `id`, sorted as load_interactions()
  // sorts them. Every month file is checked as summarize_log() checks it
  // (same errors, same warnings in `warnings`), but only the months whose
  // summary names `id` are read again.
  Result<std::vector<Interaction>> load_interactions_of(std::string_view id,
                                                        std::vector<std::string>& warnings) const;

  // Creates the directory (0700) and kith.json when missing, removes temp
  // files left by a killed writer, and returns the held lock. Every write
  // below must happen while it is held. A kith.json that is corrupt or of a
  // newer format is an error before anything is removed or written (only
  // the .lock file exists then).
  Result<fsutil::FileLock> lock_for_write(const LockOptions& options) const;
  // The write lock alone, for repairs that must see the directory as it is:
  // creates only the lock file and removes nothing. The directory must exist.
  Result<fsutil::FileLock> lock_only(const LockOptions& options) const;

  Status save_config(const Config& config) const;
  Status save_profile(const Profile& profile) const;
  Status save_contact(const Contact& contact) const;
  Status remove_contact(std::string_view id) const;
  // Appends one line to the interaction's month file (see
  // fsutil::append_line). A data error, and nothing written, when the file
  // ends with a torn line; a last line that is complete but lacks its
  // newline gets one first.
  Status append_interaction(const Interaction& interaction) const;
  // Rewrites one month's file with exactly these interactions (deletes the
  // file when empty). Refuses when the file has a torn last line.
  Status rewrite_month(date::year_month month, const std::vector<Interaction>& interactions) const;

  // The files this Store wrote or removed (relative to dir(), e.g.
  // "contacts/ada.json"), sorted, each once: what a commit of the command's
  // change must hold. note_changed() adds a file written by other means.
  const std::vector<std::string>& changed_files() const { return changed_; }
  void note_changed(const fs::path& path) const;

 private:
  Result<std::vector<Contact>> load_contacts_uncached() const;
  // load_contacts() (Record = Contact) and load_contact_heads() (Record =
  // ContactHead) through the cache.
  template <class Record>
  Result<std::vector<Record>> load_contacts_cached() const;
  // Every month file's digest, from the cache where it is valid, else read.
  Result<cache::LogCache> read_log_digests(bool update_cache) const;

  fs::path dir_;
  fs::path abs_dir_;  // dir_ made absolute: names the data directory in the cache
  CacheOptions cache_;
  fs::path cache_dir_;  // empty: no cache
  // Written by the const writers above: a record of what they touched, not
  // part of the Store's observable state.
  mutable std::vector<std::string> changed_;
};

// Serialisations, as written to the files.
std::string serialize_document(const Json& j);  // pretty, 2 spaces, trailing newline
std::string serialize_line(const Json& j);      // compact, trailing newline

// Parses the text of one log file (`label` names it in messages, e.g.
// "log/2026-11.jsonl"). Blank lines are skipped; a torn last line (no
// newline, not JSON) is skipped and reported in `warnings`; any other bad
// line is a data error "LABEL:LINE: …".
// `first_line` is the number of the first line of `content` in its file
// (for a part read after the lines already known).
Result<std::vector<Interaction>> parse_log(std::string_view content, std::string_view label,
                                           std::vector<std::string>& warnings, int first_line = 1);

// Parses a JSON document; any error (syntax, a number out of range, nesting
// deeper than 256 levels, which would exhaust the stack later) is a data
// error "WHERE:LINE: not valid JSON: ...".
Result<Json> parse_json_document(std::string_view text, std::string_view where);

// Why `text` is not one JSON document kith accepts: the 1-based line where
// the parser stopped (or the nesting got too deep) and its words, printable.
// nullopt when parse_json_document would accept it.
struct JsonProblem {
  int line = 1;
  std::string detail;
};
std::optional<JsonProblem> json_problem(std::string_view text);

}  // namespace kith
