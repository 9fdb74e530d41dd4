// The log read as summaries (Store::summarize_log, load_interactions_of):
// month digests from the read cache where it is valid, else from the files.
#include <algorithm>
#include <cstring>

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

}  // namespace

Result<cache::LogCache> Store::read_log_digests(bool update_cache) const {
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
  for (const auto& name : *names) {
    auto it = work.months.find(name);
    if (it != work.months.end() && it->second.settled) {
      struct stat st {};
      if (::fstatat(handle.fd(), name.c_str(), &st, 0) == 0 &&
          it->second.stamp == cache::stamp_of(st)) {
        continue;
      }
    }
    auto text = read_stamped(handle.fd(), name, dir / name);
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
      auto parsed =
          parse_log(unread, std::string(layout::kLogDir) + "/" + name, warnings, first_line);
      if (!parsed) return parsed.error();
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
    cache::write_cache_file(cache_file, cache::encode(work, abs_dir_));
  }
  return work;
}

Result<StoreLogSummary> Store::summarize_log(const SummaryOptions& options) const {
  static const std::vector<Interaction> kNoFollowUps;
  auto digests = read_log_digests(options.update_cache);
  if (!digests) return digests.error();
  const cache::LogCache& work = *digests;
  StoreLogSummary out;
  // With `only`, a history for each of those contacts alone.
  std::vector<std::int32_t> slot;
  if (options.only) {
    slot.assign(work.ids.size(), -1);
    for (std::size_t k = 0; k < options.only->size(); ++k) {
      const auto at = std::find(work.ids.begin(), work.ids.end(), (*options.only)[k]);
      if (at != work.ids.end())
        slot[static_cast<std::size_t>(at - work.ids.begin())] = static_cast<std::int32_t>(k);
    }
  }
  std::vector<ContactHistory> per_id(options.only ? options.only->size() : work.ids.size());
  for (const auto& [name, d] : work.months) {
    fold(d.tables, options.until, per_id, options.only ? &slot : nullptr);
    for (const auto& i : options.only ? kNoFollowUps : d.open_follow_ups) {
      if (i.date <= options.until) out.open_follow_ups.push_back(i);
    }
    if (options.id_hashes) out.id_hashes.add(d.tables);
    out.warnings.insert(out.warnings.end(), d.warnings.begin(), d.warnings.end());
  }
  if (options.only) {
    for (std::size_t k = 0; k < options.only->size(); ++k) {
      if (per_id[k].total() > 0) out.history.emplace((*options.only)[k], per_id[k]);
    }
  } else {
    for (std::size_t k = 0; k < per_id.size(); ++k) {
      if (per_id[k].total() > 0) out.history.emplace(std::string(work.ids[k]), per_id[k]);
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
    std::string_view id, std::vector<std::string>& warnings) const {
  auto digests = read_log_digests(true);
  if (!digests) return digests.error();
  const cache::LogCache& work = *digests;
  std::vector<Interaction> out;
  const auto known = std::find(work.ids.begin(), work.ids.end(), id);
  for (const auto& [name, d] : work.months) {
    warnings.insert(warnings.end(), d.warnings.begin(), d.warnings.end());
    if (known == work.ids.end()) continue;
    const auto index = static_cast<std::uint32_t>(known - work.ids.begin());
    if (!d.tables.mentions(index)) continue;
    // Every line of this file parsed when it was digested; read again only
    // the complete lines that mention the id.
    auto text = fsutil::read_file(dir_ / layout::kLogDir / name);
    if (!text) return text.error();
    if (!text->has_value()) continue;
    const std::string quoted = "\"" + std::string(id) + "\"";
    std::string lines;
    std::string_view rest = **text;
    while (!rest.empty()) {
      const std::size_t end = rest.find('\n');
      if (end == std::string_view::npos) break;  // a torn last line: warned above
      const std::string_view line = rest.substr(0, end + 1);
      if (line.find(quoted) != std::string_view::npos) lines += line;
      rest.remove_prefix(end + 1);
    }
    std::vector<std::string> ignored;
    auto parsed = parse_log(lines, std::string(layout::kLogDir) + "/" + name, ignored);
    if (!parsed) return parsed.error();
    for (auto& i : *parsed) {
      if (std::find(i.contacts.begin(), i.contacts.end(), id) != i.contacts.end()) {
        out.push_back(std::move(i));
      }
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
