// Reading iCalendar (RFC 5545) files, as Google Calendar, Outlook and Apple
// Calendar export them, into the past occurrences of their events: who was
// there (the addresses of the organizer and the attendees) and what kind of
// meeting it was. Pure: text in, events out; the recurrence rules and the
// calendar's own time zones are computed by libical (core/ics_recur.h).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <date/date.h>
#include <date/tz.h>

#include "core/calendar.h"

namespace kith::ics_read {

struct Options {
  Date since{};                            // the first local date read, inclusive
  date::sys_seconds now{};                 // only occurrences that started before now are returned
  const date::time_zone* zone = nullptr;   // the user's zone (UTC when null): dates are local to it
  std::vector<std::string> own_addresses;  // the user's addresses (any case)
};

struct Event {
  std::string uid;  // as in the file; "" when the event has none
  // "" for a one-off event; for an occurrence of a recurring event, its
  // original start: "YYYYMMDDTHHMMSSZ" (UTC) or "YYYYMMDD" for an all-day
  // event, the same whether the occurrence comes from the rule or from an
  // override's RECURRENCE-ID.
  std::string recurrence_id;
  Date date{};          // local date of the (possibly moved) start; an all-day event's own date
  std::string summary;  // unescaped, on one line (line breaks become spaces), trimmed
  std::string kind;     // "video" | "coffee" | "lunch" | "call" | "meeting"
  // The mailto: addresses of ORGANIZER and ATTENDEE (or their EMAIL
  // parameter when the value is another URI), lower case, each once,
  // the user's own left out, the organizer first and then the attendees in
  // file order. Rooms and resources (CUTYPE=ROOM or RESOURCE) are not people
  // and are left out too.
  std::vector<std::string> addresses;
  std::vector<std::string> names;  // the CN of each address ("" if none), parallel to addresses
};

struct Skip {
  int line = 0;  // 1-based line where the bad component or line starts
  std::string reason;
};

struct Scan {
  std::vector<Event> events;  // by start, then UID, then recurrence id
  std::vector<Skip> skipped;  // by line
};

// Bounds that keep a hostile file cheap.
inline constexpr std::size_t max_skips = 1000;  // more are summed up in one last Skip

// The past occurrences of the VEVENTs of `text` (the VCALENDAR wrapper may be
// missing; lines may end in CRLF, LF or CR; a UTF-8 byte order mark is
// skipped). Left out, with no Skip: cancelled events and occurrences
// (STATUS:CANCELLED; every event of a METHOD:CANCEL calendar), occurrences
// removed by EXDATE, events the user declined (an ATTENDEE with one of
// own_addresses and PARTSTAT=DECLINED), occurrences that start at or after
// `now`, and those whose local date is before `since`. An event left with
// no address is still returned.
//
// Times: UTC, TZID naming a zone of the time zone database (also behind a
// prefix such as "/mozilla.org/20050126_1/"), else a VTIMEZONE of the file
// (Outlook's "W. Europe Standard Time"), else, like floating times, the
// user's zone. All-day events keep their date; an all-day event has started
// at the local midnight that begins it.
//
// Recurrence: RRULE (COUNT, UNTIL or neither), RDATE, EXDATE, and overrides
// (a VEVENT with the UID of a recurring event and a RECURRENCE-ID replaces
// that occurrence with its own start, summary, people and status; a
// RANGE=THISANDFUTURE is read as that one occurrence; an override without
// DTSTART keeps its original start). Rules are expanded by libical, only as
// far as needed, and within a budget of work that grows with the text: a rule
// that cannot be walked to the end of the window is reported as a Skip with
// the occurrences it reached.
//
// Total: any bytes give a Scan; nothing is thrown, nothing is written to any
// stream. A VEVENT that cannot be read (no END:VEVENT, no DTSTART or one that
// is not a date, bytes that are not UTF-8) is skipped with the reason; so is
// a line that is not a content line, a date of an RDATE or EXDATE that is not
// a date, or a rule that is not understood (its event keeps its first
// occurrence). A text with neither VCALENDAR nor VEVENT gives one Skip.
Scan read(std::string_view text, const Options& options);

// The kind of an event from its summary and what it links to: "video" when
// `conference` (it has a CONFERENCE, X-GOOGLE-CONFERENCE or Teams'
// X-MICROSOFT-SKYPETEAMSMEETINGURL property) or when
// one of `links` (its URL, LOCATION and DESCRIPTION) names a video service
// (zoom.us, meet.google.com, teams.microsoft.com, teams.live.com,
// whereby.com, meet.jit.si, webex.com; any case); else "coffee", "lunch" or
// "call" when the summary holds that word (whole, any case), in that order;
// else "meeting".
std::string kind_of(std::string_view summary, bool conference,
                    const std::vector<std::string>& links);

}  // namespace kith::ics_read
