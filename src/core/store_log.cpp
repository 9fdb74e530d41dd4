// The log read as summaries (Store::summarize_log, load_interactions_of):
// month digests from the read cache where it is valid, else from the files.
#include <algorithm>
#include <cstring>
#include <map>

#include "core/cache.h"
#include "core/fsutil.h"
#include "core/layout.h"
#include "core/store.h"
#include "core/store_files.h"

namespace kith {
namespace {

using store_files::DirHandle;
using store_files::read_stamped;

// Whether rewriting the cache pays: `reread` bytes of month files were read
// again (and checksummed) and `parsed` bytes parsed, because the cache did
// not cover them, and the next runs would do the same. Parsing costs some
// sixty times more than reading; a rewrite costs about as much as reading
// the whole cache (`cached` bytes of tables) several times. So a `kith log`
// that appended a line to a month, in a log of years, leaves the cache as
// it is (the next run checks the month's first bytes by checksum and reads
// the new line alone), and the cache is rewritten once tens of lines were
// appended, or when a month was changed other than by appending.
bool rewrite_pays(std::size_t reread, std::size_t parsed, std::size_t cached) {
  return reread + 64 * parsed > cached / 4;
}

// The entry whose run of refs holds ref position `p` (entries are in the
// order of their runs); nullopt when none does.
std::optional<cache::MonthTables::Entry> entry_at(const cache::MonthTables& t, std::size_t p) {
  std::size_t lo = 0, hi = t.entry_count();
  while (lo < hi) {  // the first entry whose run starts after p
    const std::size_t mid = lo + (hi - lo) / 2;
    if (t.entry(mid).first <= p) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  if (lo == 0) return std::nullopt;
  const cache::MonthTables::Entry e = t.entry(lo - 1);
  if (p >= static_cast<std::uint64_t>(e.first) + e.count) return std::nullopt;
  return e;
}

// Folds a month digest into per-id histories, as summarize() does. With
// `slot`, the history of contact index k is per_id[slot[k]], and contacts
// whose slot is -1 are skipped: then the refs are scanned for those
// contacts, and only their entries read. Entries or refs outside the tables
// (only a forged cache file holds any) are skipped.
void fold(const cache::MonthTables& t, Date until, std::vector<ContactHistory>& per_id,
          const std::vector<std::int32_t>* slot = nullptr) {
  const auto until_days = static_cast<std::int32_t>(until.time_since_epoch().count());
  auto usable = [&](const cache::MonthTables::Entry& e) {
    return e.date <= until_days && e.intent <= static_cast<std::uint8_t>(Intent::ask) &&
           static_cast<std::uint64_t>(e.first) + e.count <= t.ref_count();
  };
  if (slot) {
    for (std::size_t p = 0; p < t.ref_count(); ++p) {
      const std::uint32_t ref = t.ref(p);
      if (ref >= slot->size() || (*slot)[ref] < 0) continue;
      const auto e = entry_at(t, p);
      if (!e || !usable(*e)) continue;
      count_interaction(per_id[static_cast<std::size_t>((*slot)[ref])],
                        static_cast<Intent>(e->intent), Date{date::days{e->date}});
    }
    return;
  }
  for (std::size_t n = 0; n < t.entry_count(); ++n) {
    const cache::MonthTables::Entry e = t.entry(n);
    if (!usable(e)) continue;
    const Date date{date::days{e.date}};
    for (std::uint32_t k = 0; k < e.count; ++k) {
      const std::uint32_t ref = t.ref(e.first + k);
      if (ref < per_id.size()) count_interaction(per_id[ref], static_cast<Intent>(e.intent), date);
    }
  }
}

// fold() for a log in which some ids stand for others (aliases): contact
// index k counts for per_id[slot[k]] (skipped when -1), and an interaction
// that names two ids of one contact counts once for it. With `scan_refs`,
// the refs are scanned for the few contacts that have a slot, as fold()
// does with `only`; else every entry is read.
void fold_remapped(const cache::MonthTables& t, Date until, std::vector<ContactHistory>& per_id,
                   const std::vector<std::int32_t>& slot, bool scan_refs) {
  const auto until_days = static_cast<std::int32_t>(until.time_since_epoch().count());
  auto usable = [&](const cache::MonthTables::Entry& e) {
    return e.date <= until_days && e.intent <= static_cast<std::uint8_t>(Intent::ask) &&
           static_cast<std::uint64_t>(e.first) + e.count <= t.ref_count();
  };
  // The entry (by the position of its first ref) each history last counted.
  std::vector<std::int64_t> counted(per_id.size(), -1);
  auto count = [&](std::uint32_t ref, const cache::MonthTables::Entry& e) {
    if (ref >= slot.size() || slot[ref] < 0) return;
    const auto k = static_cast<std::size_t>(slot[ref]);
    if (counted[k] == static_cast<std::int64_t>(e.first)) return;
    counted[k] = e.first;
    count_interaction(per_id[k], static_cast<Intent>(e.intent), Date{date::days{e.date}});
  };
  if (scan_refs) {
    for (std::size_t p = 0; p < t.ref_count(); ++p) {
      const std::uint32_t ref = t.ref(p);
      if (ref >= slot.size() || slot[ref] < 0) continue;
      const auto e = entry_at(t, p);
      if (e && usable(*e)) count(ref, *e);
    }
    return;
  }
  for (std::size_t n = 0; n < t.entry_count(); ++n) {
    const cache::MonthTables::Entry e = t.entry(n);
    if (!usable(e)) continue;
    for (std::uint32_t k = 0; k < e.count; ++k) count(t.ref(e.first + k), e);
  }
}

// Adds the entries of a month digest dated on or before `until` to the
// counts by month and intent (entries outside the tables skipped, as fold()
// skips them).
void count_months(const cache::MonthTables& t, Date until,
                  std::map<date::year_month, IntentCounts>& months) {
  const auto until_days = static_cast<std::int32_t>(until.time_since_epoch().count());
  // A month file holds one month: the lookup is made once per run of dates
  // in the same month.
  std::optional<date::year_month> current;
  IntentCounts* counts = nullptr;
  for (std::size_t n = 0; n < t.entry_count(); ++n) {
    const cache::MonthTables::Entry e = t.entry(n);
    if (e.date > until_days || e.intent > static_cast<std::uint8_t>(Intent::ask) ||
        static_cast<std::uint64_t>(e.first) + e.count > t.ref_count()) {
      continue;
    }
    const date::year_month_day ymd{Date{date::days{e.date}}};
    const date::year_month month = ymd.year() / ymd.month();
    if (!current || *current != month) {
      current = month;
      counts = &months[month];
    }
    counts->add(static_cast<Intent>(e.intent));
  }
}

}  // namespace

Result<cache::LogCache> Store::read_log_digests(bool update_cache,
                                                std::vector<Unreadable>* unreadable) const {
  const fs::path dir = dir_ / layout::kLogDir;
  const DirHandle handle(dir);
  if (handle.fd() < 0) {
    if (handle.error() == ENOENT) return cache::LogCache{};
    return io_error("cannot read directory " + dir.string() + ": " + std::strerror(handle.error()));
  }
  auto names = handle.names(dir, layout::kMonthSuffix);
  if (!names) return names.error();
  std::erase_if(*names, [](const std::string& name) { return !layout::is_month_file(name); });

  const fs::path cache_file = cache_dir_.empty() ? fs::path() : cache_dir_ / "log";
  std::optional<cache::LogCache> cached;
  if (!cache_file.empty()) cached = cache::read_log_cache(cache_file, abs_dir_);
  bool changed = !cached;
  cache::LogCache work = cached ? std::move(*cached) : cache::LogCache{};
  std::size_t cached_size = 0, reread = 0, reparsed = 0;
  for (const auto& [name, d] : work.months) cached_size += d.tables.bytes().size();
  // The months read around what they could not read: kept out of the cache,
  // so that they are read again on every run until they are fixed.
  std::vector<std::string> left_out;
  for (const auto& name : *names) {
    const std::string label = std::string(layout::kLogDir) + "/" + name;
    auto it = work.months.find(name);
    if (it != work.months.end() && it->second.settled) {
      struct stat st {};
      if (::fstatat(handle.fd(), name.c_str(), &st, 0) == 0 &&
          it->second.stamp == cache::stamp_of(st)) {
        continue;
      }
    }
    auto text = read_stamped(handle.fd(), name, dir / name);
    if (!text && unreadable) {
      unreadable->push_back({Unreadable::What::month, label, "", text.error()});
      if (it != work.months.end()) work.months.erase(it);
      left_out.push_back(name);
      continue;
    }
    if (!text) return text.error();
    if (!text->has_value()) continue;  // removed meanwhile; dropped below
    const std::string_view content = (*text)->text;
    cache::MonthDigest digest;
    std::string_view unread = content;
    int first_line = 1;
    if (it != work.months.end()) {
      // Still the same bytes, perhaps with lines appended: read only those.
      cache::MonthDigest& known = it->second;
      const auto size = static_cast<std::size_t>(known.content_size);
      if (known.warnings.empty() && size > 0 && size <= content.size() &&
          content[size - 1] == '\n' &&
          cache::checksum(content.substr(0, size)) == known.content_hash) {
        digest = std::move(known);
        unread = content.substr(size);
        first_line = static_cast<int>(digest.lines) + 1;
      }
    }
    if (!unread.empty() || digest.content_size == 0) {
      std::vector<std::string> warnings;
      const std::size_t before = unreadable ? unreadable->size() : 0;
      auto parsed = parse_log(unread, label, warnings, first_line, unreadable);
      if (!parsed) return parsed.error();
      if (unreadable && unreadable->size() > before) left_out.push_back(name);
      cache::digest_into(digest, *parsed, work);
      digest.warnings = std::move(warnings);
    }
    digest.stamp = (*text)->stamp;
    digest.settled = cache::is_settled(digest.stamp, cache_.now);
    digest.content_size = content.size();
    digest.content_hash = cache::checksum(content);
    digest.lines = static_cast<std::uint32_t>(std::count(content.begin(), content.end(), '\n'));
    reread += content.size();
    reparsed += unread.size();
    work.months.insert_or_assign(name, std::move(digest));
  }
  // Months whose file is gone.
  for (auto it = work.months.begin(); it != work.months.end();) {
    if (std::binary_search(names->begin(), names->end(), it->first)) {
      ++it;
    } else {
      it = work.months.erase(it);
      changed = true;
    }
  }

  if (rewrite_pays(reread, reparsed, cached_size)) changed = true;
  if (!cache_file.empty() && changed && update_cache) {
    if (left_out.empty()) {
      cache::write_cache_file(cache_file, cache::encode(work, abs_dir_));
    } else {
      cache::LogCache good = work;
      for (const auto& name : left_out) good.months.erase(name);
      cache::write_cache_file(cache_file, cache::encode(good, abs_dir_));
    }
  }
  return work;
}

Result<StoreLogSummary> Store::summarize_log(const SummaryOptions& options) const {
  static const std::vector<Interaction> kNoFollowUps;
  StoreLogSummary out;
  auto digests =
      read_log_digests(options.update_cache, options.read_around ? &out.unreadable : nullptr);
  if (!digests) return digests.error();
  const cache::LogCache& work = *digests;
  const AliasMap& aliases = options.aliases;
  const bool remap = !aliases.empty();
  // With `only`, a history for each of those contacts alone. With aliases,
  // the interactions of an alias count for the contact it names: its slot
  // is that contact's (appended to `names` when the log has no id of its
  // own for it).
  std::vector<std::int32_t> slot;
  std::vector<std::string_view> names;
  if (options.only) {
    slot.assign(work.ids.size(), -1);
    for (std::size_t k = 0; k < options.only->size(); ++k) {
      const auto at = std::find(work.ids.begin(), work.ids.end(), (*options.only)[k]);
      if (at != work.ids.end())
        slot[static_cast<std::size_t>(at - work.ids.begin())] = static_cast<std::int32_t>(k);
    }
    if (remap) {
      for (std::size_t r = 0; r < work.ids.size(); ++r) {
        const std::string_view to = canonical_id(aliases, work.ids[r]);
        if (to == work.ids[r]) continue;
        const auto k = std::find(options.only->begin(), options.only->end(), to);
        if (k != options.only->end())
          slot[r] = static_cast<std::int32_t>(k - options.only->begin());
      }
    }
  } else if (remap) {
    names = work.ids;
    std::map<std::string_view, std::int32_t, std::less<>> index;
    for (std::size_t r = 0; r < names.size(); ++r) index.emplace(names[r], r);
    slot.resize(work.ids.size());
    for (std::size_t r = 0; r < work.ids.size(); ++r) {
      const std::string_view to = canonical_id(aliases, work.ids[r]);
      auto [it, added] = index.emplace(to, static_cast<std::int32_t>(names.size()));
      if (added) names.push_back(to);
      slot[r] = to == work.ids[r] ? static_cast<std::int32_t>(r) : it->second;
    }
  }
  std::vector<ContactHistory> per_id(options.only ? options.only->size()
                                     : remap      ? names.size()
                                                  : work.ids.size());
  for (const auto& [name, d] : work.months) {
    if (remap) {
      fold_remapped(d.tables, options.until, per_id, slot, options.only.has_value());
    } else {
      fold(d.tables, options.until, per_id, options.only ? &slot : nullptr);
    }
    for (const auto& i : options.only ? kNoFollowUps : d.open_follow_ups) {
      if (i.date > options.until) continue;
      out.open_follow_ups.push_back(i);
      resolve_aliases(out.open_follow_ups.back().contacts, aliases);
    }
    if (options.id_hashes) out.id_hashes.add(d.tables);
    if (options.months_until) count_months(d.tables, *options.months_until, out.months);
    out.warnings.insert(out.warnings.end(), d.warnings.begin(), d.warnings.end());
  }
  if (options.only) {
    for (std::size_t k = 0; k < options.only->size(); ++k) {
      if (per_id[k].total() > 0) out.history.emplace((*options.only)[k], per_id[k]);
    }
  } else {
    for (std::size_t k = 0; k < per_id.size(); ++k) {
      if (per_id[k].total() == 0) continue;
      out.history.emplace(std::string(remap ? names[k] : work.ids[k]), per_id[k]);
    }
  }
  std::stable_sort(out.open_follow_ups.begin(), out.open_follow_ups.end(),
                   [](const Interaction& a, const Interaction& b) {
                     if (a.date != b.date) return a.date < b.date;
                     if (a.logged_at != b.logged_at) return a.logged_at < b.logged_at;
                     return a.id < b.id;
                   });

  return out;
}

Result<std::vector<Interaction>> Store::load_interactions_of(
    std::string_view id, std::vector<std::string>& warnings, std::span<const std::string> aliases,
    std::vector<Unreadable>* unreadable) const {
  auto digests = read_log_digests(true, unreadable);
  if (!digests) return digests.error();
  const cache::LogCache& work = *digests;
  std::vector<Interaction> out;
  // The id and its aliases: their indexes in the log's id table, and each
  // as it appears quoted in a line.
  AliasMap as_id;
  std::vector<std::uint32_t> indexes;
  std::vector<std::string> quoted;
  for (std::size_t n = 0; n <= aliases.size(); ++n) {
    const std::string_view name = n == 0 ? id : std::string_view(aliases[n - 1]);
    if (n > 0) as_id.emplace(name, std::string(id));
    const auto known = std::find(work.ids.begin(), work.ids.end(), name);
    if (known == work.ids.end()) continue;
    indexes.push_back(static_cast<std::uint32_t>(known - work.ids.begin()));
    quoted.push_back("\"" + std::string(name) + "\"");
  }
  auto names_one = [&](const Interaction& i) {
    return std::any_of(i.contacts.begin(), i.contacts.end(),
                       [&](const std::string& c) { return c == id || as_id.contains(c); });
  };
  for (const auto& [name, d] : work.months) {
    warnings.insert(warnings.end(), d.warnings.begin(), d.warnings.end());
    const auto& tables = d.tables;  // clang 14 cannot capture a structured binding
    if (std::none_of(indexes.begin(), indexes.end(),
                     [&](std::uint32_t index) { return tables.mentions(index); })) {
      continue;
    }
    // Every line of this file parsed when it was digested; read again only
    // the complete lines that mention the id.
    auto text = fsutil::read_file(dir_ / layout::kLogDir / name);
    if (!text && unreadable) continue;  // listed when the month was digested just before
    if (!text) return text.error();
    if (!text->has_value()) continue;
    std::string lines;
    std::string_view rest = **text;
    while (!rest.empty()) {
      const std::size_t end = rest.find('\n');
      if (end == std::string_view::npos) break;  // a torn last line: warned above
      const std::string_view line = rest.substr(0, end + 1);
      if (std::any_of(quoted.begin(), quoted.end(), [&](const std::string& q) {
            return line.find(q) != std::string_view::npos;
          })) {
        lines += line;
      }
      rest.remove_prefix(end + 1);
    }
    // Lines that are not valid interactions were listed when the month was
    // digested (with their place in the file): here they are only skipped.
    std::vector<std::string> ignored;
    std::vector<Unreadable> listed;
    auto parsed = parse_log(lines, std::string(layout::kLogDir) + "/" + name, ignored, 1,
                            unreadable ? &listed : nullptr);
    if (!parsed) return parsed.error();
    for (auto& i : *parsed) {
      if (!names_one(i)) continue;
      resolve_aliases(i.contacts, as_id);
      out.push_back(std::move(i));
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const Interaction& a, const Interaction& b) {
    if (a.date != b.date) return a.date < b.date;
    if (a.logged_at != b.logged_at) return a.logged_at < b.logged_at;
    return a.id < b.id;
  });
  return out;
}

}  // namespace kith
