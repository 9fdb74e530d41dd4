#include "core/stats.h"

#include <cstdio>
#include <map>

#include "core/due.h"
#include "core/history.h"

namespace kith {
namespace {

date::year_month month_of(Date d) {
  const date::year_month_day ymd{d};
  return ymd.year() / ymd.month();
}

}  // namespace

std::string MonthStats::label() const {
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02u", static_cast<int>(month.year()),
                static_cast<unsigned>(month.month()));
  return text;
}

Stats compute_stats(const Network& network, Date today) {
  LogSummary log;
  for (const auto& i : network.interactions) {
    if (i.date <= today) log.months[month_of(i.date)].add(i.intent);
  }
  log.history = summarize(network.interactions);
  return compute_stats(network, log, today);
}

Stats compute_stats(const Network& network, const LogSummary& log, Date today) {
  Stats stats;
  stats.goal = network.settings.homework;
  const date::year_month this_month = month_of(today);

  std::map<date::year_month, MonthStats> by_month;
  auto at = [&](Date d) -> MonthStats& {
    const date::year_month m = month_of(d);
    MonthStats& entry = by_month[m];
    entry.month = m;
    return entry;
  };

  for (const auto& [month, counts] : log.months) {
    if (month > this_month) continue;
    MonthStats& m = by_month[month];
    m.month = month;
    m.give += counts.give;
    m.catch_up += counts.catch_up;
    m.ask += counts.ask;
  }
  for (const auto& c : network.contacts) {
    if (c.added_on <= today) at(c.added_on);
    // first_no_need is the earliest give or catch-up, in the past or not: a
    // contact first reached after today has not been reached yet.
    const ContactHistory& h = history_of(log.history, c.id);
    if (h.first_no_need && *h.first_no_need <= today) ++at(*h.first_no_need).reached;
    if (!c.archived && c.added_on <= today && is_weak_tie(c, h)) ++stats.weak_ties;
  }
  if (by_month.empty()) return stats;

  for (date::year_month m = by_month.begin()->first; m <= this_month; m += date::months{1}) {
    auto it = by_month.find(m);
    MonthStats entry = it == by_month.end() ? MonthStats{} : it->second;
    entry.month = m;
    stats.gives += entry.give;
    stats.catch_ups += entry.catch_up;
    stats.asks += entry.ask;
    stats.months.push_back(entry);
  }

  if (stats.goal == 0) {
    stats.this_month_met = true;
  } else {
    auto met = [&](const MonthStats& m) { return m.reached >= stats.goal; };
    stats.this_month_met = met(stats.months.back());
    auto it = stats.months.rbegin();
    if (!stats.this_month_met) ++it;
    for (; it != stats.months.rend() && met(*it); ++it) ++stats.streak;
  }
  return stats;
}

}  // namespace kith
