// Occasions: timely, natural reasons to write to someone with no need of your
// own. A birthday coming up, or a job change an import noticed that you have
// not yet answered with a give or a catch-up. The due report lists them, pitch
// opens its draft with one, and the iCalendar export repeats birthdays.
//
// Everything here is a pure function of the contact, its no-need history and
// today; the returned occasions point into the contact they were made from,
// which must outlive them.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/dates.h"
#include "core/model.h"

namespace kith {

struct Occasion {
  enum class Kind { birthday, job_change };
  const Contact* contact = nullptr;
  Kind kind = Kind::birthday;
  // The birthday's next anniversary, or the day the import saw the change.
  Date date{};
  // "birthday", "38th birthday", "changed jobs: Acme → Globex (CTO)",
  // "changed roles: Engineer → CTO at Globex".
  std::string text;
  // For a job change: the entry of contact->job_changes it comes from.
  const JobChange* job_change = nullptr;
};

std::string_view to_string(Occasion::Kind kind);  // "birthday", "job-change"

// How far ahead a birthday is an occasion when no window is given.
inline constexpr int kBirthdayDays = 7;
// How long a job change stays an occasion when you never reach out.
inline constexpr int kJobChangeDays = 90;

// The birthday's next anniversary on or after today, when it falls on or
// before `until`. 29 February is celebrated on 28 February in common years.
std::optional<Occasion> birthday_occasion(const Contact& c, Date today, Date until);

// The latest job change that is still fresh: seen on or before today, at most
// kJobChangeDays ago, and after the last no-need interaction (a give or a
// catch-up on or after the day the change was seen answers it). nullopt when
// none is.
std::optional<Occasion> job_change_occasion(const Contact& c,
                                            const std::optional<Date>& last_no_need, Date today);

// Both of the above for a contact that is active today (not archived, not
// snoozed past today): by date, a job change before a birthday on the same
// day. Empty for an archived or snoozed contact.
std::vector<Occasion> occasions_of(const Contact& c, const std::optional<Date>& last_no_need,
                                   Date today, Date until);

// The occasion to open a message with: the job change when there is one (news
// is the better reason), else the birthday. nullptr when `occasions` is empty.
const Occasion* lead_occasion(const std::vector<Occasion>& occasions);

// "Acme → Globex (CTO)" or "Engineer → CTO at Globex": the change in a few
// words, for reports.
std::string describe(const JobChange& change);

// A job as one phrase: "CTO at Globex", "Globex", "CTO", or "" when unknown.
std::string describe(const Job& job);

// The first sentence of a message for the occasion, as of today:
// "Congratulations on the new role at Globex!", "Happy birthday!",
// "Happy birthday for tomorrow!", "Happy birthday for Friday!".
std::string opening_line(const Occasion& occasion, Date today);

}  // namespace kith
