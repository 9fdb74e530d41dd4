// The read cache of the log (see cache.h): month digests, their packed
// tables read in place, the set of interaction id hashes, and the log cache
// file.
#include <algorithm>
#include <cstring>
#include <memory>

#include "core/cache.h"
#include "core/cache_codec.h"

namespace kith::cache {
namespace {

using codec::date_of;
using codec::days_of;
using codec::Kind;
using codec::Reader;
using codec::Writer;

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

}  // namespace

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
    for (std::uint32_t k = 0; k < ids.size(); ++k) index_.emplace(hash_id(ids[k]), k);
  }
  const std::uint64_t h = hash_id(id);
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

}  // namespace kith::cache
