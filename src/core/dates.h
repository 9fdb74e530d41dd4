// Calendar dates, durations and birthdays as kith reads and writes them: the
// DATE, DURATION and birthday words of the command line and of the data
// files (the values and their arithmetic are core/calendar.h).
//
// Every parser here is total: any byte string, including ones with NUL or
// non-ASCII bytes, yields either a value or a usage error whose message quotes
// the input in single quotes (control bytes and invalid UTF-8 shown as \xNN,
// inputs longer than 64 bytes shortened with "..."). Nothing here reads the
// clock: "today" is a parameter.
#pragma once

#include <string>
#include <string_view>

#include "core/calendar.h"
#include "core/status.h"

namespace kith {

// How a weekday name given as a date resolves.
enum class DateDirection {
  past,    // the most recent such weekday on or before today
  future,  // the next such weekday strictly after today
};

// Parses a date as typed on the command line. Case-insensitive (ASCII);
// surrounding ASCII whitespace is ignored. Accepted forms:
//   YYYY-MM-DD          a real calendar date, years 0001 to 9999
//   today, yesterday, tomorrow
//   N<unit> ago         N days, weeks, months or years before today;
//                       unit is d, w, m, y or day(s), week(s), month(s),
//                       year(s); spaces between N and the unit are allowed,
//                       at least one space before "ago": "3d ago", "2 weeks ago"
//   -N<unit>, +N<unit>  N units before / after today: "-3d", "+1w", "+2 months"
//                       (no space between the sign and N)
//   N<unit>             with DateDirection::future only: N units after today,
//                       as +N<unit> ("2w" for `snooze --until`, `log --by`)
//   a weekday           mon..sun, monday..sunday, tue/tues, wed, thu/thur/thurs,
//                       resolved according to `direction`
// N is a decimal integer from 0 to 10000 (leading zeros allowed). Months and
// years are calendar arithmetic with end-of-month clamping (see add_duration).
// Returns a usage error quoting the input for anything else, for a count
// above 10000, and for a result outside the years 0001 to 9999.
Result<Date> parse_date(std::string_view text, Date today, DateDirection direction);

// The earliest date an interaction or a first meeting may have.
inline constexpr Date kEarliestEventDate = Date{date::year{1900} / 1 / 1};

// Whether `d`, parsed from `typed` for `option` ("--date", "--met"), is a
// plausible day for something that happened: from 1900-01-01 up to a year
// after today. A usage error naming the value as typed, with a hint, when
// not (a mistyped year: "1900-01-01", "2062-11-20").
Status check_event_date(std::string_view option, std::string_view typed, Date d, Date today);

// Parses exactly YYYY-MM-DD (a real calendar date, years 0001 to 9999), with
// no surrounding whitespace. Returns a usage error quoting the input
// otherwise; callers reading data files re-wrap it as a data error that
// names the file and line.
Result<Date> parse_iso_date(std::string_view text);

// "YYYY-MM-DD" (the year zero-padded to four digits).
std::string format_date(Date d);

// Whether "off" is an acceptable duration.
enum class AllowOff { no, yes };

// Parses a duration. Case-insensitive; surrounding whitespace is ignored.
// Accepted forms:
//   Nd, Nw, Nm, Ny      N from 1 to 10000, leading zeros allowed, no space
//                       between N and the letter ("03m" is stored as "3m")
//   daily (1d), weekly (1w), biweekly (2w), monthly (1m), quarterly (3m),
//   yearly (1y)
//   off                 only when allow_off == AllowOff::yes
// Returns a usage error quoting the input for anything else (empty, "0d",
// "-1w", "+1w", "3x", "3 m", "1.5m", ...).
Result<Duration> parse_duration(std::string_view text, AllowOff allow_off);

// Parses the DATE of a --since option (`kith scan`, `kith graph`): a bare
// DURATION means that long before today ("6m": six months ago), anything
// else is a DATE read as parse_date(text, today, DateDirection::past) reads
// it. The error is parse_date's.
Result<Date> parse_since(std::string_view text, Date today);

// Parses "YYYY-MM-DD" (a real calendar date, years 0001 to 9999) or
// "--MM-DD" (no year: month 01 to 12, a day that exists in that month in a
// leap year, so --02-29 is accepted). No surrounding whitespace. Returns a
// usage error quoting the input otherwise.
Result<Birthday> parse_birthday(std::string_view text);

// "YYYY-MM-DD" when the year is known, else "--MM-DD".
std::string format_birthday(const Birthday& b);

}  // namespace kith
