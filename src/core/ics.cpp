#include "core/ics.h"

#include <algorithm>

#include "core/contentline.h"
#include "core/due.h"
#include "core/history.h"

namespace kith::ics {
namespace {

// YYYYMMDD.
std::string basic_date(Date d) {
  const date::year_month_day ymd{d};
  const int y = static_cast<int>(ymd.year());
  const unsigned m = static_cast<unsigned>(ymd.month());
  const unsigned day = static_cast<unsigned>(ymd.day());
  if (y < 0 || y > 9999) {  // not a date kith reads; as it always was written
    const std::string iso = format_date(d);
    return iso.substr(0, 4) + iso.substr(5, 2) + iso.substr(8, 2);
  }
  std::string out(8, '0');
  const unsigned digits[] = {static_cast<unsigned>(y) / 1000,
                             static_cast<unsigned>(y) / 100 % 10,
                             static_cast<unsigned>(y) / 10 % 10,
                             static_cast<unsigned>(y) % 10,
                             m / 10,
                             m % 10,
                             day / 10,
                             day % 10};
  for (std::size_t k = 0; k < 8; ++k) out[k] = static_cast<char>('0' + digits[k]);
  return out;
}

std::string one_line(std::string_view s) {
  std::string out(s);
  for (char& ch : out) {
    if (static_cast<unsigned char>(ch) < 0x20 || ch == 0x7f) ch = ' ';
  }
  return out;
}

Event birthday_event(const Contact& c) {
  const Birthday& b = *c.birthday;
  const bool leap_day = b.month == 2 && b.day == 29;
  // The first occurrence: the day of birth, or that day in a leap year.
  const date::year year{b.year.value_or(2000)};
  Event e;
  e.uid = "birthday-" + c.id + "@kith";
  e.date = Date{year / date::month{b.month} / date::day{b.day}};
  e.summary = "Birthday: " + one_line(c.name);
  e.description = "A natural reason to write, with no need.\nIdeas: kith pitch " + c.id +
                  "\nThen: kith log " + c.id;
  e.rrule = leap_day ? "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1" : "FREQ=YEARLY";
  return e;
}

}  // namespace

std::vector<Event> outreach_events(const Network& network, Date today) {
  LogSummary log;
  log.history = summarize(network.interactions);
  for (const Interaction& i : network.interactions) {
    if (i.follow_up && !i.follow_up->done_on) log.open_follow_ups.push_back(i);
  }
  return outreach_events(network, log, today);
}

std::vector<Event> outreach_events(const Network& network, const LogSummary& log, Date today) {
  std::vector<Event> events;
  const HistoryMap& history = log.history;
  for (const Contact& c : network.contacts) {
    if (c.archived) continue;
    if (c.birthday) events.push_back(birthday_event(c));
    const ContactHistory& h = history_of(history, c.id);
    if (is_weak_tie(c, h)) continue;  // never due: the homework's candidates
    const std::optional<Cadence> cadence = cadence_of(c, h, network.settings);
    if (!cadence) continue;
    const Date due_on = cadence->due_on;
    Date on = std::max(due_on, today);
    if (c.snoozed_until) on = std::max(on, *c.snoozed_until);
    Event e;
    e.uid = "due-" + c.id + "@kith";
    e.date = on;
    e.summary = "Reach out to " + one_line(c.name) + " (no need)";
    e.description = (h.last_no_need ? "Last give or catch-up: " + format_date(*h.last_no_need)
                                    : std::string("No give or catch-up yet")) +
                    "; every " + cadence->every.text + ", due " + format_date(due_on) +
                    ".\nIdeas: kith pitch " + c.id + "\nThen: kith log " + c.id;
    events.push_back(std::move(e));
  }
  for (const Interaction& i : log.open_follow_ups) {
    if (!i.follow_up || i.follow_up->done_on || !i.follow_up->by) continue;
    std::string names;
    for (const auto& id : i.contacts) {
      const Contact* c = network.find(id);
      names += (names.empty() ? "" : ", ") + (c ? one_line(c->name) : id);
    }
    Event e;
    e.uid = "follow-up-" + i.id + "@kith";
    e.date = std::max(*i.follow_up->by, today);
    e.summary = "Follow up with " + names + ": " + one_line(i.follow_up->text);
    e.description = "Promised on " + format_date(i.date) + ", by " + format_date(*i.follow_up->by) +
                    ".\nWhen it is done: kith done " + i.id;
    events.push_back(std::move(e));
  }
  std::sort(events.begin(), events.end(), [](const Event& a, const Event& b) {
    return a.date != b.date ? a.date < b.date : a.uid < b.uid;
  });
  return events;
}

std::string write_calendar(const std::vector<Event>& events, Date stamp) {
  using contentline::append_folded;
  using contentline::escape_text;
  std::string out;
  out.reserve(events.size() * 320 + 200);
  for (std::string_view line : {"BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//kith//kith//EN",
                                "CALSCALE:GREGORIAN", "METHOD:PUBLISH", "X-WR-CALNAME:kith"}) {
    append_folded(out, line);
  }
  const std::string dtstamp = "DTSTAMP:" + basic_date(stamp) + "T000000Z";
  std::string line;  // one content line, reused
  auto put = [&](std::string_view name, std::string_view value) {
    line.assign(name);
    line.append(value);
    append_folded(out, line);
  };
  for (const Event& e : events) {
    append_folded(out, "BEGIN:VEVENT");
    put("UID:", contentline::strip_controls(e.uid));
    append_folded(out, dtstamp);
    put("DTSTART;VALUE=DATE:", basic_date(e.date));
    put("DTEND;VALUE=DATE:", basic_date(e.date + date::days{1}));
    if (!e.rrule.empty()) put("RRULE:", e.rrule);
    put("SUMMARY:", escape_text(e.summary));
    put("DESCRIPTION:", escape_text(e.description));
    append_folded(out, "TRANSP:TRANSPARENT");
    append_folded(out, "END:VEVENT");
  }
  append_folded(out, "END:VCALENDAR");
  return out;
}

}  // namespace kith::ics
