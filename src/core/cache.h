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
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
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

// The bytes of a cache file, read-only: mapped from the file, or owned.
// Copies share them; views into them stay valid while any copy lives.
class Bytes {
 public:
  Bytes() = default;
  explicit Bytes(std::string owned);
  // nullopt when the file is missing or cannot be read.
  static std::optional<Bytes> map(const fs::path& file);
  std::string_view view() const { return {data_.get(), size_}; }

 private:
  std::shared_ptr<const char> data_;
  std::size_t size_ = 0;
};

// contacts/*.json as cached: for each file, its name ("ada.json"), its stamp
// and the contact's record, in the order of the ids (the file names
// without ".json"). Records are decoded on demand, so a lookup costs
// nothing for the files that changed.
class ContactsCache {
 public:
  struct Entry {
    std::string_view file;
    FileStamp stamp;
    std::string_view record;  // decode_contact() reads it
  };

  // nullopt when the file is missing, unreadable, damaged, of another
  // version or written for another data directory.
  static std::optional<ContactsCache> read(const fs::path& file, const fs::path& data_dir);
  static std::optional<ContactsCache> decode(std::string bytes, const fs::path& data_dir);

  const std::vector<Entry>& entries() const { return entries_; }
  // The stamp contacts/ had when the entries were its every *.json file,
  // recorded only when settled: while contacts/ keeps it, no file was
  // added, removed or renamed there since, so the entries name them all.
  const std::optional<FileStamp>& dir_stamp() const { return dir_stamp_; }

 private:
  static std::optional<ContactsCache> decode(Bytes bytes, const fs::path& data_dir);

  Bytes bytes_;
  std::optional<FileStamp> dir_stamp_;
  std::vector<Entry> entries_;  // views into bytes_
};

// The order of contact files in the cache and in load_contacts(): by id,
// i.e. by name without ".json" ("a.json" before "a-2.json").
bool file_order(std::string_view a, std::string_view b);

// A contact record; nullopt when the bytes do not decode.
std::optional<Contact> decode_contact(std::string_view record);
// The id, name and emails of a contact record, decoding nothing else;
// nullopt when they do not decode.
std::optional<ContactHead> decode_contact_head(std::string_view record);
std::string encode_contact(const Contact& contact);

// Builds a contacts cache file. Files must be added in file_order.
class ContactsCacheWriter {
 public:
  void add(std::string_view file, const FileStamp& stamp, std::string_view record);
  // `dir_stamp`: see ContactsCache::dir_stamp(); nullopt when the files
  // added are not all those of contacts/, or its stamp is not settled.
  std::string finish(const fs::path& data_dir, const std::optional<FileStamp>& dir_stamp = {});

 private:
  std::string body_;
  std::uint32_t count_ = 0;
};

// What the reports need of one month file of the log, without the
// interactions themselves. A digest is reused while its file keeps the same
// stamp (when the stamp was settled), or while the file still begins with
// exactly the bytes digested (checked by checksum): then only the lines
// appended since are read, which is what `kith log` does to a month file.
struct MonthDigest {
  struct Entry {
    std::int32_t date = 0;    // days since 1970-01-01
    std::uint8_t intent = 0;  // static_cast of Intent
    std::uint32_t first = 0;  // index of its first contact in `refs`
    std::uint32_t count = 0;  // number of contacts
  };
  FileStamp stamp;
  bool settled = false;                      // is_settled(stamp) when it was made
  std::uint64_t content_size = 0;            // bytes digested
  std::uint64_t content_hash = 0;            // checksum() of them
  std::uint32_t lines = 0;                   // newlines in them
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
  // hash_id() of each id in `ids` to its index, built on first use: no copy
  // of the strings, so building it for thousands of ids costs little.
  std::unordered_multimap<std::uint64_t, std::uint32_t> index_;
};

// Adds the interactions of a month file (as parse_log returns them) to
// `digest`, interning their contact ids in `cache`.
void digest_into(MonthDigest& digest, const std::vector<Interaction>& interactions,
                 LogCache& cache);

// The checksum cache files and digests use (64-bit, fast, not cryptographic).
std::uint64_t checksum(std::string_view bytes);

// A stable 64-bit hash of an interaction id (FNV-1a).
std::uint64_t hash_id(std::string_view id);

// Encodings of the log cache. decode_log returns nullopt for anything
// that is not a log cache file of this version written for `data_dir`:
// wrong magic, version or directory, truncated, bad checksum, or a record
// that does not decode.
std::string encode(const LogCache& cache, const fs::path& data_dir);
std::optional<LogCache> decode_log(std::string_view bytes, const fs::path& data_dir);

// Reads a log cache file; nullopt when it is missing, unreadable or damaged.
std::optional<LogCache> read_log_cache(const fs::path& file, const fs::path& data_dir);

// Replaces a cache file atomically (temp file + rename; no fsync: losing it
// costs only time), creating its directory 0700 and the file 0600. Returns
// false on any failure, leaving no temp file behind.
bool write_cache_file(const fs::path& file, std::string_view bytes);

}  // namespace kith::cache
