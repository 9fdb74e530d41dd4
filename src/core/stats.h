// Monthly statistics over the whole network: how many new people you reached
// each month, how many interactions of each intent, the homework streak, and
// the gives and asks in total. A pure function of the data and today.
#pragma once

#include <string>
#include <vector>

#include "core/dates.h"
#include "core/records.h"

namespace kith {

struct MonthStats {
  date::year_month month;
  int reached = 0;   // contacts whose first ever give or catch-up falls in this month
  int give = 0;      // interactions dated in this month, by intent; an
  int catch_up = 0;  // interaction with several people counts once
  int ask = 0;

  int total() const { return give + catch_up + ask; }
  std::string label() const;  // "YYYY-MM"
};

struct Stats {
  // One entry per calendar month, oldest first, without gaps: from the month
  // of the earliest interaction or contact (added_on) up to today's month.
  // Empty when there is neither. Interactions and contacts dated after today
  // are left out of every count.
  std::vector<MonthStats> months;
  int goal = 1;                 // the setting homework: new contacts to reach each month
  int streak = 0;               // consecutive months with reached >= goal, ending with this
                                // month when it is met, else with the month before; 0 when
                                // goal is 0 (no homework)
  bool this_month_met = false;  // true when goal is 0
  int gives = 0;                // totals over `months`
  int catch_ups = 0;
  int asks = 0;
  // Weak ties (due.h's is_weak_tie): imported, never contacted, no cadence of
  // their own, not archived; the homework's candidates, never due.
  int weak_ties = 0;
};

// Archived contacts count: what happened with them still happened. Contact
// ids in the log that have no contact file count in the intent totals but
// never as reached.
Stats compute_stats(const Network& network, Date today);

// The same from the records alone (network.interactions unused) and a
// summary of the log: `log.history` of the whole log (the first give or
// catch-up ever, which may lie after today) and `log.months` counted up to
// today (SummaryOptions::months_until), as Store::summarize_log builds them
// from its read cache.
Stats compute_stats(const Network& network, const LogSummary& log, Date today);

}  // namespace kith
