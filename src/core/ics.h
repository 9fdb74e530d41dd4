// iCalendar (RFC 5545) for `kith export ics`: the no-need outreach that is due,
// the open follow-ups and the birthdays, as all-day events a calendar app can subscribe to
// or import. Each event's UID depends only on the contact or the interaction,
// so a calendar app updates the event on a later export instead of adding a
// second one.
#pragma once

#include <string>
#include <vector>

#include "core/dates.h"
#include "core/records.h"

namespace kith::ics {

struct Event {
  std::string uid;  // stable across exports
  Date date{};      // an all-day event on this day
  std::string summary;
  std::string description;
  std::string rrule;  // the RRULE value of a recurring event; empty: once
};

// The events for `network` as of `today`, by date, then UID:
//   - one per contact that is not archived and whose cadence is not "off":
//     UID "due-<id>@kith", on its due date (the last give or catch-up, else
//     met_on, else added_on, plus the contact's `every` or the setting), but
//     not before `today` (an overdue outreach is shown today) nor before the
//     end of a snooze;
//   - one per follow-up that is not done and has a date: UID
//     "follow-up-<interaction id>@kith", on its date, or today when that has
//     passed;
//   - one per contact that is not archived and has a birthday: UID
//     "birthday-<id>@kith", a yearly event from the birthday in the year of
//     birth (in 2000, a leap year, when the year is unknown). 29 February
//     recurs on the last day of February (BYMONTH=2;BYMONTHDAY=-1), so that
//     calendars show it on 28 February in common years, as kith due does.
//     A snooze does not hide a birthday.
std::vector<Event> outreach_events(const Network& network, Date today);

// The same from the records alone (network.interactions unused) and a
// summary of the whole log: its histories and its open follow-ups, as
// Store::summarize_log builds them from the read cache.
std::vector<Event> outreach_events(const Network& network, const LogSummary& log, Date today);

// A whole VCALENDAR with the events: CRLF line ends, lines folded at 75
// octets, text escaped. DTSTAMP is `stamp` at midnight UTC, so the same data
// on the same day gives the same bytes.
std::string write_calendar(const std::vector<Event>& events, Date stamp);

}  // namespace kith::ics
