// The due engine: who is overdue for a no-need outreach, which follow-ups
// you promised are due, which timely occasions (birthdays) give a natural
// reason to write (birthdays, job changes), and how this month's homework
// stands.
//
// compute_due() is a pure function of the network, today and the options: it
// reads no clock, no environment and no file. The report points into the
// Network it was computed from, which must outlive it.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/dates.h"
#include "core/history.h"
#include "core/model.h"
#include "core/occasions.h"
#include "core/records.h"

namespace kith {

struct DueOptions {
  // Also list what falls due within this duration after today (entries with
  // negative days_overdue); it also sets the birthday window. nullopt:
  // only what is due today, and birthdays within the next 7 days.
  std::optional<Duration> within;
  // Only contacts carrying every one of these tags (matched with
  // text::terms_match). Applies to the due list, follow-ups, occasions and
  // homework suggestions; never to the homework count.
  std::vector<std::string> tags;
  // Caps the due list (after ordering); nullopt: no cap. due_total still
  // counts every entry.
  std::optional<std::size_t> limit;
};

// One contact whose no-need clock has run out (or will, within the window).
struct DueEntry {
  const Contact* contact = nullptr;
  Duration every;                    // the contact's cadence, else the setting
  Date since{};                      // last no-need, else met_on, else added_on
  std::optional<Date> last_no_need;  // the latest give or catch-up
  std::optional<Date> last_give;
  // The latest ask (which does not reset the clock).
  std::optional<Date> last_ask;
  Date due_on{};         // since + every, in calendar months and years
  int days_overdue = 0;  // today - due_on; negative for upcoming entries
  int cycle_days = 0;    // due_on - since, always >= 1
  // The contact's occasion, if it has one in the report (lead_occasion():
  // the job change, else the birthday); it sorts ahead of others equally late.
  std::optional<Occasion> occasion;
};

// Whether a due entry is a whole cadence late or more (as long overdue as
// the cycle it missed): the relationship has lapsed rather than just fallen
// due. `kith due` shows these in red, `kith graph` as lapsed.
inline bool cadence_missed(const DueEntry& e) { return e.days_overdue >= e.cycle_days; }

// When a contact's no-need clock runs out.
struct Cadence {
  Duration every;  // the contact's, else the setting
  Date since{};    // last no-need, else met_on, else added_on
  Date due_on{};   // since + every
};

// The cadence of `c` given its history; nullopt when its cadence is "off".
// Archive and snooze are not looked at: the caller decides what they mean.
std::optional<Cadence> cadence_of(const Contact& c, const ContactHistory& history,
                                  const Settings& settings);

// A follow-up not marked done whose date has come.
struct DueFollowUp {
  const Interaction* interaction = nullptr;
  // The follow-up's `by`; a follow-up logged without one is due from the
  // interaction's date.
  Date by{};
  int days_overdue = 0;  // today - by; negative for upcoming ones (--within)
};

// Reach out to `goal` new people each calendar month.
struct Homework {
  date::year_month month{};
  int goal = 1;
  // Contacts whose first ever no-need interaction falls in `month`, by id.
  std::vector<const Contact*> reached;
  // Up to three contacts with no interaction at all (not archived, not
  // snoozed, cadence not off; weak ties among them), the most promising
  // first: a fresh job change, then the most interests and skills in common
  // with your profile (theirs and yours, either way), then the most recent
  // connection (met_on, else added_on), then by id.
  std::vector<const Contact*> suggestions;
  // Why each suggestion, in the same order: "changed jobs: Acme → Globex",
  // "shares your interest in climate tech", "cares about rust, which you
  // know", "also knows design", else "connected 2024-03-12" (met_on of an
  // imported contact), "met 2024-03-12" (of one added by hand) or "added
  // 2024-03-12" (no met_on).
  std::vector<std::string> suggestion_reasons;

  bool done() const { return static_cast<int>(reached.size()) >= goal; }
};

struct DueReport {
  Date today{};
  Date horizon{};  // today, or today + within
  // Most overdue relative to its cadence first: by
  // (today - due_on) / (due_on - since) descending, then due_on, then id.
  std::vector<DueEntry> due;
  std::size_t due_total = 0;  // entries before the limit was applied
  // The first contact to fall due after the horizon, if any (for "nobody is
  // overdue; next is…").
  std::optional<DueEntry> next;
  std::vector<DueFollowUp> follow_ups;  // by date, then interaction id
  // Birthdays up to 7 days ahead (to the horizon with `within`), fresh job
  // changes (see occasions.h): by date, then contact id, then kind.
  std::vector<Occasion> occasions;
  Homework homework;

  // True when there is nothing to act on: nobody due, no follow-up, no
  // occasion and the homework done. `kith due --cron` prints nothing then.
  bool nothing_to_do() const {
    return due.empty() && follow_ups.empty() && occasions.empty() && homework.done();
  }
};

// A weak tie: a contact that came by import, has no cadence of its own and no
// interaction at all yet. It is a candidate for the monthly homework, never a
// due entry, until you first reach out to it (any interaction) or give it a
// cadence (`kith edit --every`).
bool is_weak_tie(const Contact& c, const ContactHistory& history);

// Whether `kith due --cron` prints the report: when someone is due, a
// follow-up is due or an occasion comes; when only the homework is left
// undone, on the 1st of the month, on Mondays and on the last three days of
// the month, so that cron does not mail the same reminder every morning.
bool cron_speaks(const DueReport& report);

// Computes the report for `today`. Interactions dated after today are
// ignored (so that --today in the past shows the past as it was). Contacts
// that are archived, or snoozed until after today, are neither due nor
// suggested and have no occasions; cadence "off" is never due; a weak tie
// (is_weak_tie) is never due nor `next`, only suggested.
DueReport compute_due(const Network& network, Date today, const DueOptions& options);

// The same report from a log summary made with until = today
// (Store::summarize_log) instead of network.interactions, which is not read:
// what `kith due` uses, so that it never holds the whole history in memory.
DueReport compute_due(const Network& network, const LogSummary& log, Date today,
                      const DueOptions& options);

// The report as `kith due --json` prints it (keys documented in kith-due(1)).
Json to_json(const DueReport& report);
// The same document as text, exactly to_json(report).dump(2), written
// without building the document (see json_writer.h).
std::string to_json_text(const DueReport& report);

}  // namespace kith
