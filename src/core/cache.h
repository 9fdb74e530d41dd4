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
#include <cstring>
#include <deque>
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
  // What keeps the bytes alive, for views that outlive this object.
  std::shared_ptr<const void> owner() const { return data_; }

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
    // text::latin_key() of the contact's name, for completion: empty when
    // the name has nothing of another script than Latin.
    std::string_view latin;
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
// The name of a contact record, a view into it, decoding nothing else;
// nullopt when it does not decode.
std::optional<std::string_view> contact_name(std::string_view record);

// Builds a contacts cache file. Files must be added in file_order.
class ContactsCacheWriter {
 public:
  void add(std::string_view file, const FileStamp& stamp, std::string_view record,
           std::string_view latin);
  // `dir_stamp`: see ContactsCache::dir_stamp(); nullopt when the files
  // added are not all those of contacts/, or its stamp is not settled.
  std::string finish(const fs::path& data_dir, const std::optional<FileStamp>& dir_stamp = {});

 private:
  std::string body_;
  std::uint32_t count_ = 0;
};

// The tables of a month digest, packed in one immutable buffer read in
// place: one entry per interaction in file order (its date, intent, and its
// contacts as a run of `refs`, indices into LogCache::ids), and the sorted
// hash_id() of every interaction id. A digest read from the cache file views
// the file's bytes, so a command that needs one contact's history or one id
// decodes nothing else. Copies share the bytes.
//
// The reads check their bounds, so no bytes can make them read outside the
// buffer; an entry whose intent or contacts fall outside the tables is for
// its reader to skip (the file's checksum already rules out damage, so only
// a forged file could hold one).
class MonthTables {
 public:
  struct Entry {
    std::int32_t date = 0;    // days since 1970-01-01
    std::uint8_t intent = 0;  // static_cast of Intent
    std::uint32_t first = 0;  // index of its first contact in the refs
    std::uint32_t count = 0;  // number of contacts
  };

  MonthTables() = default;  // no interactions
  // Packs decoded tables; `id_hashes` need not be sorted.
  static MonthTables pack(const std::vector<Entry>& entries, const std::vector<std::uint32_t>& refs,
                          std::vector<std::uint64_t> id_hashes);
  // Views packed `bytes` that `keep` holds alive; nullopt when the sizes in
  // them do not add up to their length.
  static std::optional<MonthTables> view(std::string_view bytes, std::shared_ptr<const void> keep);

  std::size_t entry_count() const { return entries_; }
  Entry entry(std::size_t k) const {
    Entry e;
    if (k >= entries_) return e;
    const char* p = bytes_.data() + kHeader + k * kEntrySize;
    std::memcpy(&e.date, p, 4);
    std::memcpy(&e.intent, p + 4, 1);
    std::memcpy(&e.first, p + 8, 4);
    std::memcpy(&e.count, p + 12, 4);
    return e;
  }
  std::size_t ref_count() const { return refs_; }
  std::uint32_t ref(std::size_t k) const {
    std::uint32_t v = 0;
    if (k < refs_) std::memcpy(&v, bytes_.data() + kHeader + entries_ * kEntrySize + k * 4, 4);
    return v;
  }
  std::size_t id_hash_count() const { return hashes_; }
  bool has_id_hash(std::uint64_t h) const;  // a binary search
  // Whether any entry names contact index `ref`.
  bool mentions(std::uint32_t ref) const;

  std::string_view bytes() const { return bytes_; }  // what the cache file holds

  // Decoded copies, to extend a digest (and for tests).
  std::vector<Entry> entries() const;
  std::vector<std::uint32_t> refs() const;
  std::vector<std::uint64_t> id_hashes() const;

 private:
  // Three u32 counts, then the entries (16 bytes each: date, intent, three
  // zero bytes, first, count), the refs (u32 each) and the sorted id hashes
  // (u64 each).
  static constexpr std::size_t kHeader = 12;
  static constexpr std::size_t kEntrySize = 16;

  std::uint64_t hash_at(std::size_t k) const;

  std::string_view bytes_;
  std::shared_ptr<const void> keep_;
  std::size_t entries_ = 0, refs_ = 0, hashes_ = 0;
};

// The hash_id() of every interaction id of the log, as the sorted runs of
// the month digests (shared, not copied).
class IdHashSet {
 public:
  void add(const MonthTables& tables);
  bool contains(std::uint64_t hash) const;
  std::size_t size() const;

 private:
  std::vector<MonthTables> runs_;
};

// What the reports need of one month file of the log, without the
// interactions themselves. A digest is reused while its file keeps the same
// stamp (when the stamp was settled), or while the file still begins with
// exactly the bytes digested (checked by checksum): then only the lines
// appended since are read, which is what `kith log` does to a month file.
struct MonthDigest {
  using Entry = MonthTables::Entry;
  FileStamp stamp;
  bool settled = false;                      // is_settled(stamp) when it was made
  std::uint64_t content_size = 0;            // bytes digested
  std::uint64_t content_hash = 0;            // checksum() of them
  std::uint32_t lines = 0;                   // newlines in them
  MonthTables tables;                        // entries, refs and id hashes
  std::vector<Interaction> open_follow_ups;  // follow-up not done, in file order
  std::vector<std::string> warnings;         // e.g. the torn last line skipped
};

// log/*.jsonl, by file name ("2026-11.jsonl").
struct LogCache {
  // The contact ids the digests refer to: views into the cache file's bytes
  // or into the ids interned since, which copies share.
  std::vector<std::string_view> ids;
  std::map<std::string, MonthDigest, std::less<>> months;

  // The index of `id` in `ids`, adding it when new.
  std::uint32_t intern(std::string_view id);

  // Keeps the bytes `ids` and the tables view alive.
  std::shared_ptr<const void> bytes;

 private:
  std::shared_ptr<std::deque<std::string>> added_ = std::make_shared<std::deque<std::string>>();
  // hash_id() of each id in `ids` to its index, built once more than a few
  // ids were looked up (a writer that logs one interaction looks up one or
  // two: scanning is cheaper than indexing thousands of ids).
  std::unordered_multimap<std::uint64_t, std::uint32_t> index_;
  std::uint32_t scans_ = 0;
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
std::optional<LogCache> decode_log(Bytes bytes, const fs::path& data_dir);
std::optional<LogCache> decode_log(std::string bytes, const fs::path& data_dir);

// Reads a log cache file; nullopt when it is missing, unreadable or damaged.
std::optional<LogCache> read_log_cache(const fs::path& file, const fs::path& data_dir);

// Replaces a cache file atomically (temp file + rename; no fsync: losing it
// costs only time), creating its directory 0700 and the file 0600. Returns
// false on any failure, leaving no temp file behind.
bool write_cache_file(const fs::path& file, std::string_view bytes);

}  // namespace kith::cache
