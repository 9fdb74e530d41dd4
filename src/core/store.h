// The data directory: how each record is read and written (where each one
// lives is spelled in layout.h: kith.json, me.json, contacts/<id>.json,
// log/<YYYY-MM>.jsonl).
//
// Readers take no lock and never create anything: a data directory that does
// not exist reads as an empty network. Writers hold the WriteLock from
// lock_for_write() for the whole command; every rewrite is atomic and every
// append is a single write() of whole lines (see fsutil.h). One rule holds
// for every append to the log, whoever appends (kith log, kith import): a
// month file that ends with a torn line is never appended to, and a last
// line that only lacks its newline gets one first (prepare_append).
#pragma once

#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/cache.h"
#include "core/fsutil.h"
#include "core/history.h"
#include "core/inbox.h"
#include "core/model.h"
#include "core/records.h"
#include "core/status.h"
#include "core/transliterate.h"
#include "core/undo.h"

namespace kith {

namespace fs = std::filesystem;

// What Store::summarize_log returns: the log summary of records.h, and the
// hashes of the interaction ids, which only the store can fill (they come
// from its read cache).
struct StoreLogSummary : LogSummary {
  // cache::hash_id() of every interaction id; filled only when asked for.
  cache::IdHashSet id_hashes;
};

struct SummaryOptions {
  Date until{date::year{9999} / 12 / 31};  // the whole log by default
  bool id_hashes = false;                  // fill StoreLogSummary::id_hashes
  // When set, LogSummary::months counts the interactions dated on or before
  // this day by month and intent (what `kith stats` charts).
  std::optional<Date> months_until;
  bool update_cache = true;  // save what was read in the cache
  // When set, `history` holds only these contacts and `open_follow_ups`
  // stays empty: what a writer that touches a few contacts needs (kith log),
  // without building the summary of every contact.
  std::optional<std::vector<std::string>> only;
  // Ids merged into other contacts (alias_map of the contacts): an
  // interaction that names one counts for the contact it names now (once,
  // when it names both), and the open follow-ups name that contact.
  AliasMap aliases;
  // Read around what cannot be read (see Reading::around): a month file
  // that cannot be read, or a line that is not a valid interaction, is left
  // out and listed in `unreadable` instead of failing the summary.
  bool read_around = false;
};

// How the reads below treat a record they cannot read (a file they cannot
// open, JSON that does not parse, a record that is not valid): `strict`
// fails with its error, as a writer that is about to change the data must;
// `around` leaves it out, lists it in `unreadable` and reads the rest, as
// the reading commands do (they serve what they can and name the rest).
// Either way, a record left out is never cached: it is read again each
// time, and a file fixed by hand is read as soon as it changes.
enum class Reading { strict, around };

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
  // Keep what each file held before this writer changes it, for the undo
  // journal (see record_undo). Off for `kith undo` itself.
  bool journal = true;
};

// Lines to append to the log, grouped by month file, as Store::prepare_append
// checked them.
class LogAppend {
 public:
  std::size_t file_count() const { return files_.size(); }

 private:
  friend class Store;
  struct File {
    fs::path path;
    std::string lines;  // a newline first when the file's last line lacks one
  };
  std::vector<File> files_;
};

class Store {
 public:
  explicit Store(fs::path dir, CacheOptions cache = {});

  const fs::path& dir() const { return dir_; }
  fs::path contact_path(std::string_view id) const;
  fs::path month_path(date::year_month month) const;

  // kith.json, or the defaults when it does not exist. A newer format
  // version is a data error; the file is never rewritten then. It says how
  // to read the rest, so it is never read around.
  Result<Config> load_config() const;
  Result<Profile> load_profile() const;  // empty when me.json does not exist
  // inbox.jsonl (empty when it does not exist); lines it cannot read are
  // skipped and named in the inbox's warnings.
  Result<inbox::Inbox> load_inbox() const;
  // With `latin`, also each contact's text::latin_key (the name in Latin
  // letters when it is written in another script, else empty), from the read
  // cache where it holds it, so that ICU's transform is built only for names
  // not cached yet (`kith dupes`, `kith doctor`). With `unreadable`, a
  // contact file that cannot be read or is not valid is left out and listed
  // there (What::contact, with its id) while the others are read
  // (Reading::around); without, it fails the read.
  Result<std::vector<Contact>> load_contacts(std::vector<std::string>* latin = nullptr,
                                             std::vector<Unreadable>* unreadable = nullptr) const;
  // The id, name and emails of every contact as load_contacts() returns it
  // (same order, same errors, each file checked against the cache the same
  // way): what `kith add` needs for new ids and the duplicate warning,
  // without decoding the rest of each cached record.
  Result<std::vector<ContactHead>> load_contact_heads(
      std::vector<Unreadable>* unreadable = nullptr) const;
  // nullopt when there is no such contact file.
  Result<std::optional<Contact>> load_contact(std::string_view id) const;
  // The months that have a file in log/, oldest first.
  Result<std::vector<date::year_month>> months() const;
  // Every interaction; a torn last line (no newline, not JSON) is skipped and
  // reported in `warnings`; any other bad line is a data error with file:line,
  // or with `unreadable`, left out and listed there (What::line), as is a
  // month file that cannot be read (What::month).
  Result<std::vector<Interaction>> load_interactions(
      std::vector<std::string>& warnings, std::vector<Unreadable>* unreadable = nullptr) const;
  // Everything at once, as the reports need it. Interactions that name an
  // id merged into a contact (an alias) name that contact instead. With
  // Reading::around, the contact files, me.json (then read as an empty
  // profile) and the log lines that cannot be read are listed in
  // network.unreadable; kith.json must be readable either way.
  Result<Network> load(Reading reading = Reading::strict) const;
  // Everything but the interactions (network.interactions stays empty).
  Result<Network> load_records(Reading reading = Reading::strict) const;
  // The log summarised as of options.until (see LogSummary). Errors as
  // load_interactions reports them (listed in `unreadable` with
  // options.read_around).
  Result<StoreLogSummary> summarize_log(const SummaryOptions& options) const;
  // The interactions that name contact `id` or one of its `aliases` (the
  // ids merged into it), sorted as load_interactions() sorts them, each
  // alias replaced by `id`. Every month file is checked as summarize_log()
  // checks it (same errors, same warnings in `warnings`, the same records
  // listed in `unreadable` when given), but only the months whose summary
  // names `id` or an alias are read again.
  Result<std::vector<Interaction>> load_interactions_of(
      std::string_view id, std::vector<std::string>& warnings,
      std::span<const std::string> aliases = {},
      std::vector<Unreadable>* unreadable = nullptr) const;

  // Creates the directory (0700) and kith.json when missing, removes temp
  // files left by a killed writer, and returns the held lock. Every write
  // below must happen while it is held. Starts a new change: changed_files()
  // empties, and with options.journal each file's content is kept before it
  // is first changed, for record_undo(). A kith.json that is corrupt or of a
  // newer format is an error before anything is removed or written (only
  // the .lock file exists then).
  Result<fsutil::FileLock> lock_for_write(const LockOptions& options) const;
  // The write lock alone, for repairs that must see the directory as it is:
  // creates only the lock file and removes nothing. The directory must exist.
  Result<fsutil::FileLock> lock_only(const LockOptions& options) const;

  Status save_config(const Config& config) const;
  Status save_profile(const Profile& profile) const;
  Status save_inbox(const inbox::Inbox& inbox) const;
  Status save_contact(const Contact& contact) const;
  // Saves many contacts at once (an import), with fsutil::write_files_atomic:
  // each file whole, a few syncs in all; `on_each` is called after each file
  // is in place.
  Status save_contacts(std::span<const Contact> contacts,
                       const std::function<void()>& on_each = {}) const;
  Status remove_contact(std::string_view id) const;
  // Appends one line to the interaction's month file: append(prepare_append
  // ({interaction})).
  Status append_interaction(const Interaction& interaction) const;
  // Checks, before anything is written, that the interactions can be
  // appended to their month files: a data error naming the file and line
  // when one ends with a torn line (an interrupted write); a last line that
  // is complete but lacks its newline is given one by append(). The result
  // holds each month's lines (in the order given) and stays right while the
  // write lock is held.
  Result<LogAppend> prepare_append(const std::vector<Interaction>& interactions) const;
  // Appends a prepared batch: one fsutil::append_line per month file, in
  // month order, calling `after_each` after each file. Stops at the first
  // failure; the files appended before it keep their new lines.
  Status append(const LogAppend& batch, const std::function<void()>& after_each = {}) const;
  // Rewrites one month's file with exactly these interactions (deletes the
  // file when empty). Refuses when the file has a torn last line.
  Status rewrite_month(date::year_month month, const std::vector<Interaction>& interactions) const;
  // Rewrites one month's file with exactly `content`, its lines as given
  // (deletes the file when empty): for a change of a few lines that keeps
  // the others byte for byte. Refuses when the file has a torn last line.
  Status replace_month(date::year_month month, std::string_view content) const;

  // The files this Store wrote or removed (relative to dir(), e.g.
  // "contacts/ada.json"), sorted, each once: what a commit of the command's
  // change must hold. note_changed() adds a file written by other means.
  const std::vector<std::string>& changed_files() const { return changed_; }
  // Called before a file is written or removed (by other means than the
  // writes above: after, which keeps it out of the undo journal).
  void note_changed(const fs::path& path) const;

  // Writes the change made since lock_for_write() as the newest entry of
  // the undo journal (undo.h), described by `message`, and starts a new
  // change. Nothing when nothing was kept (no journal, or nothing changed).
  Status record_undo(const std::string& message, std::chrono::system_clock::time_point now) const;

 private:
  Result<std::vector<Contact>> load_contacts_uncached(std::vector<Unreadable>* unreadable) const;
  // load_contacts() (Record = Contact) and load_contact_heads() (Record =
  // ContactHead) through the cache.
  template <class Record>
  Result<std::vector<Record>> load_contacts_cached(std::vector<std::string>* latin,
                                                   std::vector<Unreadable>* unreadable) const;
  // Every month file's digest, from the cache where it is valid, else read.
  // A month file that cannot be read, and each line that is not a valid
  // interaction, is listed in `unreadable` (and the month is kept out of
  // the cache), or fails the read without it.
  Result<cache::LogCache> read_log_digests(bool update_cache,
                                           std::vector<Unreadable>* unreadable) const;

  fs::path dir_;
  fs::path abs_dir_;  // dir_ made absolute: names the data directory in the cache
  CacheOptions cache_;
  fs::path cache_dir_;  // empty: no cache
  // The completion words of the names cached (cache::ContactsCache::Entry::latin);
  // ICU's transform built only when a name in another script is read.
  std::shared_ptr<const text::Transliterator> transliterator_ =
      std::make_shared<const text::Transliterator>();
  // Written by the const writers above: a record of what they touched, not
  // part of the Store's observable state.
  mutable std::vector<std::string> changed_;
  // What the changed files held before (set by lock_for_write with a journal).
  mutable std::shared_ptr<undo::Recorder> recorder_;
};

}  // namespace kith
