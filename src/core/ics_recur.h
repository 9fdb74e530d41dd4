// The recurrence engine under core/ics_read: RRULE expansion and the rules of
// a calendar's own VTIMEZONEs, through libical. ics_recur.cpp is the only
// file that sees libical's headers; this header shows none of its types.
//
// libical runs a single call of its iterator for as long as the rule takes
// to find its next occurrence (up to the year 2582), so nothing reaches it
// unchecked: a rule is first tried on a window of 30 years, sub-daily rules
// with BY parts are refused, and every call is paid for from a Budget.
#pragma once

#include <compare>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kith::ics_recur {

// A wall-clock time as an iCalendar value writes it, with no zone: a date
// (is_date, the time fields 0) or a date and a time. The fields are valid
// (a real calendar date, hour 0 to 23, minute and second 0 to 59).
struct WallTime {
  int year = 1970;
  int month = 1;
  int day = 1;
  int hour = 0;
  int minute = 0;
  int second = 0;
  bool is_date = false;
  friend auto operator<=>(const WallTime&, const WallTime&) = default;
};

// The work one read may ask of libical, in units of roughly one step of its
// iterator (a day of a daily rule, a week of a weekly one, and more for a
// month or a year, which cost it more). Shared by every rule and zone of a
// read, so that a file of many pathological rules still ends quickly.
class Budget {
 public:
  explicit Budget(long units) : left_(units) {}
  // Takes `units`; false (and nothing left) when there were not enough.
  bool spend(long units);
  bool exhausted() const { return left_ <= 0; }

 private:
  long left_;
};

// An RRULE: its value with the UNTIL part taken out, and that UNTIL as a
// wall-clock time of the rule's DTSTART (the caller converts a UTC UNTIL).
struct Rule {
  std::string text;
  std::optional<WallTime> until;
};

// How an expansion ended.
enum class Outcome {
  complete,        // every occurrence up to `stop_at` was visited (or visit said stop)
  not_understood,  // libical does not read the rule (or it asks for RSCALE)
  too_frequent,    // a rule repeating more often than daily with BY parts: not expanded
  no_repeat,       // libical finds no second occurrence within 30 years: not expanded
  out_of_budget,   // the walk stopped early: this rule's share, or the read's budget, ran out
};

// Visits the occurrences of `rule` from `dtstart` (the first one included
// when the walk starts there), in order, while visit returns true and up to
// `stop_at`. Occurrences before `walk_from` may be skipped (the iterator
// jumps when the rule allows it). All times are wall-clock times of
// DTSTART's zone; an occurrence is a date when dtstart is.
Outcome expand(const Rule& rule, const WallTime& dtstart, const WallTime& walk_from,
               const WallTime& stop_at, Budget& budget,
               const std::function<bool(const WallTime&)>& visit);

// One STANDARD or DAYLIGHT of a VTIMEZONE.
struct Observance {
  bool daylight = false;
  WallTime start;               // DTSTART, in the local time before the change
  int offset_from = 0;          // TZOFFSETFROM, seconds east of UTC
  int offset_to = 0;            // TZOFFSETTO
  std::vector<Rule> rules;      // RRULE (each must be yearly)
  std::vector<WallTime> dates;  // RDATE, local times
};

// A VTIMEZONE of the calendar as libical computes it.
class TimeZone {
 public:
  // The zone of these observances; nullptr, with the reason in `why`, when
  // there is none, a rule is not yearly or not understood, or the budget
  // cannot pay for the expansion.
  static std::unique_ptr<TimeZone> build(const std::string& tzid,
                                         const std::vector<Observance>& observances, Budget& budget,
                                         std::string& why);
  ~TimeZone();
  TimeZone(const TimeZone&) = delete;
  TimeZone& operator=(const TimeZone&) = delete;

  // Seconds east of UTC at this local time, and at this UTC time.
  int offset_at_local(const WallTime& local) const;
  int offset_at_utc(const WallTime& utc) const;

 private:
  struct Impl;
  explicit TimeZone(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace kith::ics_recur
