#include "core/purge.h"

#include <algorithm>

#include "core/records.h"

namespace kith {
namespace {

bool is_one_of(const std::string& c, std::string_view id, const std::vector<std::string>& aliases) {
  return c == id || std::find(aliases.begin(), aliases.end(), c) != aliases.end();
}

bool names(const Interaction& i, std::string_view id, const std::vector<std::string>& aliases) {
  return std::any_of(i.contacts.begin(), i.contacts.end(),
                     [&](const std::string& c) { return is_one_of(c, id, aliases); });
}

}  // namespace

std::vector<date::year_month> months_naming(const std::vector<Interaction>& interactions,
                                            std::string_view id,
                                            const std::vector<std::string>& aliases) {
  std::vector<date::year_month> months;
  for (const auto& i : interactions) {
    if (!names(i, id, aliases)) continue;
    const date::year_month_day ymd{i.date};
    months.push_back(ymd.year() / ymd.month());
  }
  std::sort(months.begin(), months.end());
  months.erase(std::unique(months.begin(), months.end()), months.end());
  return months;
}

MonthPurge purge_from_month(std::vector<Interaction> interactions, std::string_view id,
                            const std::vector<std::string>& aliases) {
  MonthPurge out;
  for (auto& i : interactions) {
    if (!names(i, id, aliases)) {
      out.kept.push_back(std::move(i));
      continue;
    }
    std::erase_if(i.contacts, [&](const std::string& c) { return is_one_of(c, id, aliases); });
    if (i.contacts.empty()) {
      ++out.deleted;
    } else {
      ++out.changed;
      out.kept.push_back(std::move(i));
    }
  }
  return out;
}

MonthCleanup remove_unknown_contacts(std::string_view month_text,
                                     const std::function<bool(std::string_view)>& known) {
  MonthCleanup out;
  out.text.reserve(month_text.size());
  std::size_t pos = 0;
  while (pos < month_text.size()) {
    std::size_t end = month_text.find('\n', pos);
    const bool last = end == std::string_view::npos;
    if (last) end = month_text.size();
    const std::string_view line = month_text.substr(pos, end - pos);
    const std::string_view ending = last ? std::string_view() : std::string_view("\n");
    pos = end + 1;
    std::optional<Interaction> i;
    if (Json::accept(line)) {
      if (auto parsed = interaction_from_json(Json::parse(line), "log")) i = std::move(*parsed);
    }
    if (!i || std::all_of(i->contacts.begin(), i->contacts.end(),
                          [&](const std::string& c) { return known(c); })) {
      out.text += line;
      out.text += ending;
      continue;
    }
    UnknownRemoved change{i->id, i->date, {}, false};
    std::vector<std::string> kept;
    for (auto& c : i->contacts) {
      if (known(c)) {
        kept.push_back(std::move(c));
      } else {
        change.removed.push_back(std::move(c));
      }
    }
    change.deleted = kept.empty();
    if (!change.deleted) {
      i->contacts = std::move(kept);
      std::string written = serialize_line(to_json(*i));
      written.pop_back();
      out.text += written;
      out.text += ending;
    }
    out.changes.push_back(std::move(change));
  }
  return out;
}

}  // namespace kith
