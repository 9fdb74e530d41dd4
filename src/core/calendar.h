// Calendar values and their arithmetic: a date, a repeat interval, a
// birthday, and how they add up (Howard Hinnant's `date`). Parsing and
// formatting them is core/dates.h; today's date is core/today.h.
#pragma once

#include <optional>
#include <string>

#include <date/date.h>

namespace kith {

// A calendar day. kith only produces dates in the years 0001 to 9999.
using Date = date::sys_days;

// A repeat interval, e.g. how often to keep in touch.
struct Duration {
  enum class Unit { day, week, month, year, off };
  Unit unit = Unit::off;
  int count = 0;     // 1 to 10000 unless unit == off (then 0)
  std::string text;  // canonical spelling to store: the lower-cased name
                     // ("quarterly", "off") or "<count><unit letter>" ("3m")
};

// d plus / minus the duration. Days and weeks are exact; months and years
// are calendar arithmetic clamped to the end of the month:
// 2026-01-31 + 1m = 2026-02-28, 2024-01-31 + 1m = 2024-02-29,
// 2024-02-29 + 1y = 2025-02-28, 2024-03-31 - 1m = 2024-02-29.
// Preconditions: 0 <= count <= 10000 (as parse_duration guarantees); a
// duration whose unit is off leaves d unchanged.
Date add_duration(Date d, const Duration& duration);
Date subtract_duration(Date d, const Duration& duration);

// The number of days of the month (1 to 12) in the year: 28 to 31.
unsigned days_in_month(int year, unsigned month);

// A birthday, possibly without a year.
struct Birthday {
  std::optional<int> year;
  unsigned month = 1;  // 1 to 12
  unsigned day = 1;    // valid for the month (in a leap year when year is unset)
};

// The next anniversary of the birthday on or after `from` (the year of the
// birthday, if any, is ignored). 29 February is celebrated on 28 February
// in common years. Precondition: b is valid, as parse_birthday returns.
Date next_birthday(const Birthday& b, Date from);

}  // namespace kith
