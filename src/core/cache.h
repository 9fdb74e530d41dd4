// The read cache: a summary of the data directory kept under
// $XDG_CACHE_HOME/kith (or ~/.cache/kith) so that reports need not parse
// every file on every run.
//
// The cache is never the only copy of anything and never trusted blindly:
// every entry records the stat of the file it summarises (size, mtime,
// ctime, inode, device) and is used only while that file still has exactly
// that stat. A file whose mtime or ctime is within kRacyWindow of the time
// the entry was made is never cached ("racily clean", as git calls it: a
// second change in the same timestamp tick would keep the same stat), so a
// hand edit, a `git pull` or a concurrent writer is never missed. Deleting
// the cache, or any damage to it, only costs time: a cache file that does
// not decode is ignored and rebuilt; a cache directory that cannot be
// created or written means running without a cache.
//
// This file holds the on-disk encoding (a small versioned binary format with
// a checksum) and the in-memory form; Store decides when to use it.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model.h"

struct stat;

namespace kith::cache {

namespace fs = std::filesystem;

// Files changed less than this before `now` are re-read on every run until
// they are older.
inline constexpr std::chrono::seconds kRacyWindow{2};

// What stat says about a file; equal stamps mean "unchanged".
struct FileStamp {
  std::uint64_t size = 0;
  std::uint64_t inode = 0;
  std::uint64_t device = 0;
  std::int64_t mtime_ns = 0;
  std::int64_t ctime_ns = 0;

  bool operator==(const FileStamp&) const = default;
};

FileStamp stamp_of(const struct stat& st);

// False when the file changed too close to `now` (or after it) for its stamp
// to prove that it has not changed since.
bool is_settled(const FileStamp& stamp, std::chrono::system_clock::time_point now);

// The directory holding the cache of the data directory `data_dir` inside
// `cache_root` (e.g. ~/.cache/kith): one subdirectory per data directory,
// named by a hash of its absolute path.
fs::path dir_for(const fs::path& cache_root, const fs::path& data_dir);

// One contact file as parsed.
struct ContactEntry {
  FileStamp stamp;
  Contact contact;
};

// contacts/*.json, by file name ("ada.json").
struct ContactsCache {
  std::map<std::string, ContactEntry, std::less<>> files;
};

// What the reports need of one month file of the log, without the
// interactions themselves.
struct MonthDigest {
  struct Entry {
    std::int32_t date = 0;    // days since 1970-01-01
    std::uint8_t intent = 0;  // static_cast of Intent
    std::uint32_t first = 0;  // index of its first contact in `refs`
    std::uint32_t count = 0;  // number of contacts
  };
  FileStamp stamp;
  std::vector<Entry> entries;                // one per interaction, in file order
  std::vector<std::uint32_t> refs;           // indices into LogCache::ids
  std::vector<std::uint64_t> id_hashes;      // hash_id() of every interaction id, sorted
  std::vector<Interaction> open_follow_ups;  // follow-up not done, in file order
  std::vector<std::string> warnings;         // e.g. the torn last line skipped
};

// log/*.jsonl, by file name ("2026-11.jsonl").
struct LogCache {
  std::vector<std::string> ids;  // contact ids the digests refer to
  std::map<std::string, MonthDigest, std::less<>> months;

  // The index of `id` in `ids`, adding it when new.
  std::uint32_t intern(std::string_view id);

 private:
  std::map<std::string, std::uint32_t, std::less<>> index_;
};

// The digest of the interactions of one month file (as parse_log returns
// them) into `cache` (whose ids it interns).
MonthDigest digest_month(const std::vector<Interaction>& interactions, LogCache& cache);

// A stable 64-bit hash of an interaction id (FNV-1a).
std::uint64_t hash_id(std::string_view id);

// One contact file to cache: its name ("ada.json"), stamp and record.
struct ContactRef {
  std::string_view file;
  FileStamp stamp;
  const Contact* contact = nullptr;
};

// Encodings. decode_* return nullopt for anything that is not a cache file
// of this version written for `data_dir`: wrong magic, version or directory,
// truncated, bad checksum, or a record that does not decode.
std::string encode_contacts(const std::vector<ContactRef>& files, const fs::path& data_dir);
std::optional<ContactsCache> decode_contacts(std::string_view bytes, const fs::path& data_dir);
std::string encode(const LogCache& cache, const fs::path& data_dir);
std::optional<LogCache> decode_log(std::string_view bytes, const fs::path& data_dir);

// Reads a cache file; nullopt when it is missing, unreadable or damaged.
std::optional<ContactsCache> read_contacts_cache(const fs::path& file, const fs::path& data_dir);
std::optional<LogCache> read_log_cache(const fs::path& file, const fs::path& data_dir);

// Replaces a cache file atomically (temp file + rename; no fsync: losing it
// costs only time), creating its directory 0700 and the file 0600. Returns
// false on any failure, leaving no temp file behind.
bool write_cache_file(const fs::path& file, std::string_view bytes);

}  // namespace kith::cache
