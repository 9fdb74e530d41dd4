// The read cache of contacts/ (see cache.h): each contact's record in the
// cache's binary encoding, and the file of entries ContactsCache reads.
#include <algorithm>
#include <cstring>
#include <memory>

#include "core/cache.h"
#include "core/cache_codec.h"
#include "core/layout.h"

namespace kith::cache {
namespace {

using codec::date_of;
using codec::days_of;
using codec::Kind;
using codec::Reader;
using codec::Writer;

void write_contact(Writer& w, const Contact& c) {
  w.str(c.id);
  w.str(c.name);
  w.strs(c.emails);
  w.strs(c.aliases);
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
  c.aliases = r.strs();
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

}  // namespace

bool file_order(std::string_view a, std::string_view b) {
  auto stem = [](std::string_view f) {
    return f.ends_with(layout::kContactSuffix)
               ? f.substr(0, f.size() - layout::kContactSuffix.size())
               : f;
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

std::optional<std::string_view> contact_name(std::string_view record) {
  // write_contact() begins with the id and the name.
  Reader r(record);
  (void)r.view();
  const std::string_view name = r.view();
  if (!r.ok()) return std::nullopt;
  return name;
}

std::optional<ContactHead> decode_contact_head(std::string_view record) {
  // write_contact() begins with these four.
  Reader r(record);
  ContactHead c;
  c.id = r.str();
  c.name = r.str();
  c.emails = r.strs();
  c.aliases = r.strs();
  if (!r.ok()) return std::nullopt;
  return c;
}

void ContactsCacheWriter::add(std::string_view file, const FileStamp& stamp,
                              std::string_view record, std::string_view latin) {
  Writer w;
  w.str(file);
  w.stamp(stamp);
  w.str(record);
  w.str(latin);
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
  const std::size_t n = r.count(4 + 40 + 4 + 4);
  cache.entries_.reserve(n);
  for (std::size_t k = 0; k < n && r.ok(); ++k) {
    Entry e;
    e.file = r.view();
    e.stamp = r.stamp();
    e.record = r.view();
    e.latin = r.view();
    if (!cache.entries_.empty() && !file_order(cache.entries_.back().file, e.file)) r.fail();
    cache.entries_.push_back(e);
  }
  if (!r.ok() || !r.at_end()) return std::nullopt;
  return cache;
}

}  // namespace kith::cache
