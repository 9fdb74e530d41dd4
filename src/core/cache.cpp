#include "core/cache.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <deque>
#include <random>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/cache_codec.h"
#include "core/fsutil.h"

namespace kith::cache {
namespace {

using codec::date_of;
using codec::days_of;
using codec::Reader;
using codec::Writer;

// Bump when the encoding of anything below changes.
constexpr std::uint32_t kCacheVersion = 6;
constexpr std::string_view kMagic = "kith-cache\n";
enum class Kind : std::uint8_t { contacts = 1, log = 2 };

std::uint64_t fnv1a(std::string_view bytes, std::uint64_t h = 0xcbf29ce484222325ULL) {
  for (unsigned char ch : bytes) {
    h ^= ch;
    h *= 0x100000001b3ULL;
  }
  return h;
}

// A checksum of a whole cache file (and of the first bytes of a month file):
// Fletcher-style sums over 8-byte words, in four lanes, then mixed with
// FNV-1a. The first sums change with any changed bit, the second (the sums of
// the first) with any word moved. Fast enough for megabytes on every run (a
// few adds per word); it only has to notice damage, not resist an attacker.
std::uint64_t checksum64(std::string_view bytes) {
  std::uint64_t sum[4] = {0x9e3779b97f4a7c15ULL, 0xbf58476d1ce4e5b9ULL, 0x94d049bb133111ebULL,
                          0x2545f4914f6cdd1dULL};
  std::uint64_t sum_of_sums[4] = {0, 0, 0, 0};
  std::size_t i = 0;
  for (; i + 32 <= bytes.size(); i += 32) {
    for (std::size_t k = 0; k < 4; ++k) {
      std::uint64_t word;
      std::memcpy(&word, bytes.data() + i + 8 * k, 8);
      sum[k] += word;
      sum_of_sums[k] += sum[k];
    }
  }
  std::uint64_t h = 0xcbf29ce484222325ULL ^ bytes.size();
  for (std::size_t k = 0; k < 4; ++k) {
    h = (h ^ sum[k]) * 0x100000001b3ULL;
    h ^= h >> 29;
    h = (h ^ sum_of_sums[k]) * 0x100000001b3ULL;
    h ^= h >> 29;
  }
  return fnv1a(bytes.substr(i), h);
}

std::int64_t ns_of(const struct timespec& ts) {
  return static_cast<std::int64_t>(ts.tv_sec) * 1000000000LL + ts.tv_nsec;
}

void write_contact(Writer& w, const Contact& c) {
  w.str(c.id);
  w.str(c.name);
  w.strs(c.emails);
  w.strs(c.phones);
  w.opt_str(c.company);
  w.opt_str(c.role);
  w.opt_str(c.location);
  w.strs(c.links);
  w.strs(c.tags);
  w.strs(c.skills);
  w.strs(c.interests);
  w.opt_str(c.how_met);
  w.opt_date(c.met_on);
  // Cadence and birthday as their fields: decoding them needs no parsing.
  w.u8(c.every ? 1 : 0);
  if (c.every) {
    w.u8(static_cast<std::uint8_t>(c.every->unit));
    w.i32(c.every->count);
    w.str(c.every->text);
  }
  w.u8(c.birthday ? 1 : 0);
  if (c.birthday) {
    w.u8(c.birthday->year ? 1 : 0);
    w.i32(c.birthday->year.value_or(0));
    w.u8(static_cast<std::uint8_t>(c.birthday->month));
    w.u8(static_cast<std::uint8_t>(c.birthday->day));
  }
  w.opt_str(c.notes);
  w.date(c.added_on);
  w.u8(c.archived ? 1 : 0);
  w.opt_date(c.snoozed_until);
  w.u32(static_cast<std::uint32_t>(c.job_changes.size()));
  for (const JobChange& change : c.job_changes) {
    w.date(change.on);
    w.opt_str(change.from.company);
    w.opt_str(change.from.role);
    w.opt_str(change.to.company);
    w.opt_str(change.to.role);
    w.extra(change.extra);
  }
  w.extra(c.extra);
}

Contact read_contact(Reader& r) {
  Contact c;
  c.id = r.str();
  c.name = r.str();
  c.emails = r.strs();
  c.phones = r.strs();
  c.company = r.opt_str();
  c.role = r.opt_str();
  c.location = r.opt_str();
  c.links = r.strs();
  c.tags = r.strs();
  c.skills = r.strs();
  c.interests = r.strs();
  c.how_met = r.opt_str();
  c.met_on = r.opt_date();
  if (r.u8() != 0) {
    Duration every;
    const std::uint8_t unit = r.u8();
    every.count = r.i32();
    every.text = r.str();
    if (unit > static_cast<std::uint8_t>(Duration::Unit::off) || every.count < 0 ||
        every.count > 10000) {
      r.fail();
    }
    every.unit = static_cast<Duration::Unit>(unit);
    c.every = std::move(every);
  }
  if (r.u8() != 0) {
    Birthday b;
    const bool has_year = r.u8() != 0;
    const std::int32_t year = r.i32();
    b.month = r.u8();
    b.day = r.u8();
    if (has_year) b.year = year;
    // A real day of a real month (in a leap year when the year is unknown).
    const date::year_month_day ymd{date::year{has_year ? year : 2000}, date::month{b.month},
                                   date::day{b.day}};
    if (!ymd.ok() || year < 0 || year > 9999) r.fail();
    c.birthday = b;
  }
  c.notes = r.opt_str();
  c.added_on = r.date();
  c.archived = r.u8() != 0;
  c.snoozed_until = r.opt_date();
  // Each change is at least a date, four flags and an empty extra.
  c.job_changes.resize(r.count(12));
  for (JobChange& change : c.job_changes) {
    change.on = r.date();
    change.from.company = r.opt_str();
    change.from.role = r.opt_str();
    change.to.company = r.opt_str();
    change.to.role = r.opt_str();
    change.extra = r.extra();
  }
  c.extra = r.extra();
  return c;
}

void write_interaction(Writer& w, const Interaction& i) {
  w.str(i.id);
  w.date(i.date);
  w.strs(i.contacts);
  w.str(i.kind);
  w.u8(static_cast<std::uint8_t>(i.intent));
  w.opt_str(i.note);
  w.str(i.logged_at);
  w.u8(i.follow_up ? 1 : 0);
  if (i.follow_up) {
    w.str(i.follow_up->text);
    w.opt_date(i.follow_up->by);
    w.opt_date(i.follow_up->done_on);
    w.extra(i.follow_up->extra);
  }
  w.extra(i.extra);
}

std::optional<Intent> intent_of(std::uint8_t v) {
  switch (v) {
    case static_cast<std::uint8_t>(Intent::give):
      return Intent::give;
    case static_cast<std::uint8_t>(Intent::catch_up):
      return Intent::catch_up;
    case static_cast<std::uint8_t>(Intent::ask):
      return Intent::ask;
    default:
      return std::nullopt;
  }
}

Interaction read_interaction(Reader& r) {
  Interaction i;
  i.id = r.str();
  i.date = r.date();
  i.contacts = r.strs();
  i.kind = r.str();
  auto intent = intent_of(r.u8());
  if (!intent) r.fail();
  i.intent = intent.value_or(Intent::catch_up);
  i.note = r.opt_str();
  i.logged_at = r.str();
  if (r.u8() != 0) {
    FollowUp f;
    f.text = r.str();
    f.by = r.opt_date();
    f.done_on = r.opt_date();
    f.extra = r.extra();
    i.follow_up = std::move(f);
  }
  i.extra = r.extra();
  return i;
}

void write_header(Writer& w, Kind kind, const fs::path& data_dir) {
  w.raw(kMagic.data(), kMagic.size());
  w.u32(kCacheVersion);
  w.u8(static_cast<std::uint8_t>(kind));
  w.str(data_dir.string());
}

std::string finish_file(Writer& w) {
  const std::uint64_t sum = checksum64(w.out());
  w.u64(sum);
  return std::move(w.out());
}

// The body after a valid header and before a valid checksum; nullopt otherwise.
std::optional<std::string_view> body_of(std::string_view bytes, Kind kind,
                                        const fs::path& data_dir) {
  if (bytes.size() < kMagic.size() + 8 || !bytes.starts_with(kMagic)) return std::nullopt;
  std::uint64_t sum = 0;
  std::memcpy(&sum, bytes.data() + bytes.size() - 8, 8);
  const std::string_view content = bytes.substr(0, bytes.size() - 8);
  if (checksum64(content) != sum) return std::nullopt;
  Reader r(content.substr(kMagic.size()));
  if (r.u32() != kCacheVersion || r.u8() != static_cast<std::uint8_t>(kind)) return std::nullopt;
  if (r.str() != data_dir.string() || !r.ok()) return std::nullopt;
  const std::size_t header = kMagic.size() + 4 + 1 + 4 + data_dir.string().size();
  return content.substr(header);
}

}  // namespace

FileStamp stamp_of(const struct stat& st) {
  FileStamp s;
  s.size = static_cast<std::uint64_t>(st.st_size);
  s.inode = static_cast<std::uint64_t>(st.st_ino);
  s.device = static_cast<std::uint64_t>(st.st_dev);
  s.mtime_ns = ns_of(st.st_mtim);
  s.ctime_ns = ns_of(st.st_ctim);
  return s;
}

bool is_settled(const FileStamp& stamp, std::chrono::system_clock::time_point now) {
  const std::int64_t limit =
      std::chrono::duration_cast<std::chrono::nanoseconds>(now.time_since_epoch() - kRacyWindow)
          .count();
  return stamp.mtime_ns < limit && stamp.ctime_ns < limit;
}

fs::path dir_for(const fs::path& cache_root, const fs::path& data_dir) {
  char name[32];
  std::snprintf(name, sizeof name, "%016llx",
                static_cast<unsigned long long>(fnv1a(data_dir.string())));
  return cache_root / name;
}

std::uint32_t LogCache::intern(std::string_view id) {
  constexpr std::uint32_t kScansBeforeIndex = 8;
  if (index_.size() != ids.size() && scans_ < kScansBeforeIndex) {
    ++scans_;
    const auto at = std::find(ids.begin(), ids.end(), id);
    if (at != ids.end()) return static_cast<std::uint32_t>(at - ids.begin());
    ids.emplace_back(added_->emplace_back(id));
    return static_cast<std::uint32_t>(ids.size() - 1);
  }
  if (index_.size() != ids.size()) {
    // Index what was decoded or scanned so far.
    index_.clear();
    index_.reserve(ids.size() * 2);
    for (std::uint32_t k = 0; k < ids.size(); ++k) index_.emplace(fnv1a(ids[k]), k);
  }
  const std::uint64_t h = fnv1a(id);
  for (auto [it, end] = index_.equal_range(h); it != end; ++it) {
    if (ids[it->second] == id) return it->second;
  }
  const auto k = static_cast<std::uint32_t>(ids.size());
  ids.emplace_back(added_->emplace_back(id));
  index_.emplace(h, k);
  return k;
}

MonthTables MonthTables::pack(const std::vector<Entry>& entries,
                              const std::vector<std::uint32_t>& refs,
                              std::vector<std::uint64_t> id_hashes) {
  std::sort(id_hashes.begin(), id_hashes.end());
  Writer w;
  w.u32(static_cast<std::uint32_t>(entries.size()));
  w.u32(static_cast<std::uint32_t>(refs.size()));
  w.u32(static_cast<std::uint32_t>(id_hashes.size()));
  for (const auto& e : entries) {
    w.i32(e.date);
    w.u8(e.intent);
    w.u8(0);
    w.u8(0);
    w.u8(0);
    w.u32(e.first);
    w.u32(e.count);
  }
  w.raw(refs.data(), refs.size() * sizeof(std::uint32_t));
  w.raw(id_hashes.data(), id_hashes.size() * sizeof(std::uint64_t));
  auto owned = std::make_shared<const std::string>(std::move(w.out()));
  const std::string_view bytes = *owned;
  return *view(bytes, std::move(owned));
}

std::optional<MonthTables> MonthTables::view(std::string_view bytes,
                                             std::shared_ptr<const void> keep) {
  Reader r(bytes);
  const std::uint64_t entries = r.u32(), refs = r.u32(), hashes = r.u32();
  if (!r.ok() || bytes.size() != kHeader + entries * kEntrySize + refs * sizeof(std::uint32_t) +
                                     hashes * sizeof(std::uint64_t)) {
    return std::nullopt;
  }
  MonthTables t;
  t.bytes_ = bytes;
  t.keep_ = std::move(keep);
  t.entries_ = static_cast<std::size_t>(entries);
  t.refs_ = static_cast<std::size_t>(refs);
  t.hashes_ = static_cast<std::size_t>(hashes);
  return t;
}

std::uint64_t MonthTables::hash_at(std::size_t k) const {
  std::uint64_t v = 0;
  std::memcpy(&v, bytes_.data() + kHeader + entries_ * kEntrySize + refs_ * 4 + k * 8, 8);
  return v;
}

bool MonthTables::has_id_hash(std::uint64_t h) const {
  std::size_t lo = 0, hi = hashes_;
  while (lo < hi) {
    const std::size_t mid = lo + (hi - lo) / 2;
    if (hash_at(mid) < h) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo < hashes_ && hash_at(lo) == h;
}

bool MonthTables::mentions(std::uint32_t ref) const {
  const char* p = bytes_.data() + kHeader + entries_ * kEntrySize;
  for (std::size_t k = 0; k < refs_; ++k) {
    std::uint32_t v;
    std::memcpy(&v, p + k * 4, 4);
    if (v == ref) return true;
  }
  return false;
}

std::vector<MonthTables::Entry> MonthTables::entries() const {
  std::vector<Entry> out(entries_);
  for (std::size_t k = 0; k < entries_; ++k) out[k] = entry(k);
  return out;
}

std::vector<std::uint32_t> MonthTables::refs() const {
  std::vector<std::uint32_t> out(refs_);
  if (refs_ > 0) {
    std::memcpy(out.data(), bytes_.data() + kHeader + entries_ * kEntrySize, refs_ * 4);
  }
  return out;
}

std::vector<std::uint64_t> MonthTables::id_hashes() const {
  std::vector<std::uint64_t> out(hashes_);
  for (std::size_t k = 0; k < hashes_; ++k) out[k] = hash_at(k);
  return out;
}

void IdHashSet::add(const MonthTables& tables) {
  if (tables.id_hash_count() > 0) runs_.push_back(tables);
}

bool IdHashSet::contains(std::uint64_t hash) const {
  return std::any_of(runs_.begin(), runs_.end(),
                     [&](const MonthTables& t) { return t.has_id_hash(hash); });
}

std::size_t IdHashSet::size() const {
  std::size_t n = 0;
  for (const auto& t : runs_) n += t.id_hash_count();
  return n;
}

std::uint64_t hash_id(std::string_view id) { return fnv1a(id); }

std::uint64_t checksum(std::string_view bytes) { return checksum64(bytes); }

void digest_into(MonthDigest& d, const std::vector<Interaction>& interactions, LogCache& cache) {
  std::vector<MonthDigest::Entry> entries = d.tables.entries();
  std::vector<std::uint32_t> refs = d.tables.refs();
  std::vector<std::uint64_t> hashes = d.tables.id_hashes();
  entries.reserve(entries.size() + interactions.size());
  hashes.reserve(hashes.size() + interactions.size());
  for (const auto& i : interactions) {
    MonthDigest::Entry e;
    e.date = days_of(i.date);
    e.intent = static_cast<std::uint8_t>(i.intent);
    e.first = static_cast<std::uint32_t>(refs.size());
    e.count = static_cast<std::uint32_t>(i.contacts.size());
    for (const auto& id : i.contacts) refs.push_back(cache.intern(id));
    entries.push_back(e);
    hashes.push_back(hash_id(i.id));
    if (i.follow_up && !i.follow_up->done_on) d.open_follow_ups.push_back(i);
  }
  d.tables = MonthTables::pack(entries, refs, std::move(hashes));
}

bool file_order(std::string_view a, std::string_view b) {
  auto stem = [](std::string_view f) {
    return f.ends_with(".json") ? f.substr(0, f.size() - 5) : f;
  };
  return stem(a) < stem(b);
}

std::string encode_contact(const Contact& contact) {
  Writer w;
  write_contact(w, contact);
  return std::move(w.out());
}

std::optional<Contact> decode_contact(std::string_view record) {
  Reader r(record);
  Contact c = read_contact(r);
  if (!r.ok() || !r.at_end()) return std::nullopt;
  return c;
}

std::optional<ContactHead> decode_contact_head(std::string_view record) {
  // write_contact() begins with these three.
  Reader r(record);
  ContactHead c;
  c.id = r.str();
  c.name = r.str();
  c.emails = r.strs();
  if (!r.ok()) return std::nullopt;
  return c;
}

void ContactsCacheWriter::add(std::string_view file, const FileStamp& stamp,
                              std::string_view record) {
  Writer w;
  w.str(file);
  w.stamp(stamp);
  w.str(record);
  body_ += w.out();
  ++count_;
}

std::string ContactsCacheWriter::finish(const fs::path& data_dir,
                                        const std::optional<FileStamp>& dir_stamp) {
  Writer w;
  write_header(w, Kind::contacts, data_dir);
  w.u8(dir_stamp ? 1 : 0);
  if (dir_stamp) w.stamp(*dir_stamp);
  w.u32(count_);
  w.out() += body_;
  return finish_file(w);
}

Bytes::Bytes(std::string owned) {
  auto holder = std::make_shared<const std::string>(std::move(owned));
  size_ = holder->size();
  data_ = std::shared_ptr<const char>(holder, holder->data());
}

std::optional<Bytes> Bytes::map(const fs::path& file) {
  const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return std::nullopt;
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    return std::nullopt;
  }
  Bytes bytes;
  bytes.size_ = static_cast<std::size_t>(st.st_size);
  if (bytes.size_ == 0) {
    ::close(fd);
    return bytes;
  }
  void* p = ::mmap(nullptr, bytes.size_, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
  ::close(fd);
  if (p == MAP_FAILED) return std::nullopt;
  const std::size_t size = bytes.size_;
  bytes.data_ = std::shared_ptr<const char>(
      static_cast<const char*>(p), [size](const char* q) { ::munmap(const_cast<char*>(q), size); });
  return bytes;
}

std::optional<ContactsCache> ContactsCache::read(const fs::path& file, const fs::path& data_dir) {
  auto bytes = Bytes::map(file);
  if (!bytes) return std::nullopt;
  return decode(std::move(*bytes), data_dir);
}

std::optional<ContactsCache> ContactsCache::decode(std::string bytes, const fs::path& data_dir) {
  return decode(Bytes(std::move(bytes)), data_dir);
}

std::optional<ContactsCache> ContactsCache::decode(Bytes bytes, const fs::path& data_dir) {
  ContactsCache cache;
  cache.bytes_ = std::move(bytes);
  auto body = body_of(cache.bytes_.view(), Kind::contacts, data_dir);
  if (!body) return std::nullopt;
  Reader r(*body);
  if (r.u8() != 0) cache.dir_stamp_ = r.stamp();
  const std::size_t n = r.count(4 + 40 + 4);
  cache.entries_.reserve(n);
  for (std::size_t k = 0; k < n && r.ok(); ++k) {
    Entry e;
    e.file = r.view();
    e.stamp = r.stamp();
    e.record = r.view();
    if (!cache.entries_.empty() && !file_order(cache.entries_.back().file, e.file)) r.fail();
    cache.entries_.push_back(e);
  }
  if (!r.ok() || !r.at_end()) return std::nullopt;
  return cache;
}

std::string encode(const LogCache& cache, const fs::path& data_dir) {
  Writer w;
  // Most of the file is the tables: make room for them once.
  std::size_t size = 64 + data_dir.string().size();
  for (const auto id : cache.ids) size += 4 + id.size();
  for (const auto& [name, d] : cache.months) size += 128 + name.size() + d.tables.bytes().size();
  w.out().reserve(size);
  write_header(w, Kind::log, data_dir);
  w.u32(static_cast<std::uint32_t>(cache.ids.size()));
  for (const auto id : cache.ids) w.str(id);
  w.u32(static_cast<std::uint32_t>(cache.months.size()));
  for (const auto& [name, d] : cache.months) {
    w.str(name);
    w.stamp(d.stamp);
    w.u8(d.settled ? 1 : 0);
    w.u64(d.content_size);
    w.u64(d.content_hash);
    w.u32(d.lines);
    w.str(d.tables.bytes());
    w.u32(static_cast<std::uint32_t>(d.open_follow_ups.size()));
    for (const auto& i : d.open_follow_ups) write_interaction(w, i);
    w.strs(d.warnings);
  }
  return finish_file(w);
}

std::optional<LogCache> decode_log(Bytes bytes, const fs::path& data_dir) {
  auto body = body_of(bytes.view(), Kind::log, data_dir);
  if (!body) return std::nullopt;
  const std::shared_ptr<const void> owner = bytes.owner();
  Reader r(*body);
  LogCache cache;
  cache.bytes = owner;
  cache.ids.resize(r.count(4));
  for (auto& id : cache.ids) id = r.view();
  const std::size_t months = r.count(8);
  for (std::size_t k = 0; k < months && r.ok(); ++k) {
    std::string name = r.str();
    MonthDigest d;
    d.stamp = r.stamp();
    d.settled = r.u8() != 0;
    d.content_size = r.u64();
    d.content_hash = r.u64();
    d.lines = r.u32();
    // The tables stay in the file's bytes until they are read.
    const std::string_view tables = r.view();
    if (auto t = MonthTables::view(tables, owner)) {
      d.tables = std::move(*t);
    } else {
      r.fail();
    }
    const std::size_t follow_ups = r.count(8);
    for (std::size_t f = 0; f < follow_ups && r.ok(); ++f) {
      d.open_follow_ups.push_back(read_interaction(r));
    }
    d.warnings = r.strs();
    cache.months.emplace_hint(cache.months.end(), std::move(name), std::move(d));
  }
  if (!r.ok() || !r.at_end()) return std::nullopt;
  return cache;
}

std::optional<LogCache> decode_log(std::string bytes, const fs::path& data_dir) {
  return decode_log(Bytes(std::move(bytes)), data_dir);
}

std::optional<LogCache> read_log_cache(const fs::path& file, const fs::path& data_dir) {
  auto bytes = Bytes::map(file);
  if (!bytes) return std::nullopt;
  return decode_log(std::move(*bytes), data_dir);
}

bool write_cache_file(const fs::path& file, std::string_view bytes) {
  const fs::path dir = file.parent_path();
  if (!fsutil::ensure_dir(dir)) return false;
  std::random_device rd;
  char suffix[16];
  std::snprintf(suffix, sizeof suffix, "%06x", rd() & 0xffffffu);
  const fs::path tmp = dir / ("." + file.filename().string() + ".tmp-" + suffix);
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) return false;
  bool ok = true;
  std::string_view rest = bytes;
  while (ok && !rest.empty()) {
    const ssize_t n = ::write(fd, rest.data(), rest.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      ok = false;
    } else {
      rest.remove_prefix(static_cast<std::size_t>(n));
    }
  }
  if (::close(fd) != 0) ok = false;
  if (ok && ::rename(tmp.c_str(), file.c_str()) != 0) ok = false;
  if (!ok) ::unlink(tmp.c_str());
  return ok;
}

}  // namespace kith::cache
