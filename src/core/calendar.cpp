#include "core/calendar.h"

namespace kith {
namespace {

Date shift(Date d, const Duration& duration, int sign) {
  const int n = sign * duration.count;
  switch (duration.unit) {
    case Duration::Unit::day:
      return d + date::days{n};
    case Duration::Unit::week:
      return d + date::days{7 * n};
    case Duration::Unit::month:
    case Duration::Unit::year: {
      const date::year_month_day ymd{d};
      date::year_month ym = ymd.year() / ymd.month();
      if (duration.unit == Duration::Unit::month) {
        ym += date::months{n};
      } else {
        ym += date::years{n};
      }
      const date::day last =
          date::year_month_day_last{ym.year(), date::month_day_last{ym.month()}}.day();
      return Date{ym / (ymd.day() > last ? last : ymd.day())};
    }
    case Duration::Unit::off:
      break;
  }
  return d;
}

}  // namespace

Date add_duration(Date d, const Duration& duration) { return shift(d, duration, 1); }

Date subtract_duration(Date d, const Duration& duration) { return shift(d, duration, -1); }

unsigned days_in_month(int year, unsigned month) {
  const date::year_month_day_last last{date::year{year}, date::month_day_last{date::month{month}}};
  return static_cast<unsigned>(last.day());
}

Date next_birthday(const Birthday& b, Date from) {
  const date::year_month_day start{from};
  const auto in_year = [&](date::year y) {
    const unsigned last = days_in_month(static_cast<int>(y), b.month);
    return Date{y / date::month{b.month} / date::day{b.day > last ? last : b.day}};
  };
  const Date candidate = in_year(start.year());
  return candidate >= from ? candidate : in_year(start.year() + date::years{1});
}

}  // namespace kith
