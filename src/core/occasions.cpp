#include "core/occasions.h"

#include <algorithm>

#include "core/english.h"
#include "core/identity.h"

namespace kith {
namespace {

std::string ordinal(int n) {
  const int last_two = n % 100;
  const char* suffix = "th";
  if (last_two < 11 || last_two > 13) {
    switch (n % 10) {
      case 1:
        suffix = "st";
        break;
      case 2:
        suffix = "nd";
        break;
      case 3:
        suffix = "rd";
        break;
      default:
        break;
    }
  }
  return std::to_string(n) + suffix;
}

bool is_active(const Contact& c, Date today) {
  return !c.archived && !(c.snoozed_until && *c.snoozed_until > today);
}

// A new company, rather than a new role at the same one (compared as the
// importer compares them: identity.h's company_key).
bool company_changed(const JobChange& change) {
  if (!change.to.company) return false;
  return !change.from.company || !same_company(*change.from.company, *change.to.company);
}

// Whether the entry records a change at all: older versions of kith took
// "Acme" -> "Acme Inc." for one.
bool is_real_change(const JobChange& change) {
  return company_changed(change) ||
         role_key(change.from.role.value_or("")) != role_key(change.to.role.value_or(""));
}

std::string day_and_month(Date d) {
  const date::year_month_day ymd{d};
  return std::to_string(static_cast<unsigned>(ymd.day())) + " " +
         std::string(month_name(static_cast<unsigned>(ymd.month())));
}

}  // namespace

std::string_view to_string(Occasion::Kind kind) {
  switch (kind) {
    case Occasion::Kind::birthday:
      return "birthday";
    case Occasion::Kind::job_change:
      return "job-change";
  }
  return "birthday";
}

std::optional<Occasion> birthday_occasion(const Contact& c, Date today, Date until) {
  if (!c.birthday) return std::nullopt;
  const Date next = next_birthday(*c.birthday, today);
  if (next > until) return std::nullopt;
  Occasion o;
  o.contact = &c;
  o.kind = Occasion::Kind::birthday;
  o.date = next;
  o.text = "birthday";
  if (c.birthday->year) {
    const int age = static_cast<int>(date::year_month_day{next}.year()) - *c.birthday->year;
    if (age > 0) o.text = ordinal(age) + " birthday";
  }
  return o;
}

std::optional<Occasion> job_change_occasion(const Contact& c,
                                            const std::optional<Date>& last_no_need, Date today) {
  const Date oldest = today - date::days{kJobChangeDays};
  const JobChange* fresh = nullptr;
  for (const JobChange& change : c.job_changes) {
    if (change.on > today || change.on < oldest || !is_real_change(change)) continue;
    if (last_no_need && *last_no_need >= change.on) continue;
    if (!fresh || change.on >= fresh->on) fresh = &change;
  }
  if (!fresh) return std::nullopt;
  Occasion o;
  o.contact = &c;
  o.kind = Occasion::Kind::job_change;
  o.date = fresh->on;
  o.text = (company_changed(*fresh) ? "changed jobs: " : "changed roles: ") + describe(*fresh);
  o.job_change = fresh;
  return o;
}

std::vector<Occasion> occasions_of(const Contact& c, const std::optional<Date>& last_no_need,
                                   Date today, Date until) {
  std::vector<Occasion> out;
  if (!is_active(c, today)) return out;
  if (auto o = job_change_occasion(c, last_no_need, today)) out.push_back(std::move(*o));
  if (auto o = birthday_occasion(c, today, until)) out.push_back(std::move(*o));
  // A job change is seen on or before today and a birthday falls on or after
  // it, so this order is already by date, job change first on a tie.
  return out;
}

const Occasion* lead_occasion(const std::vector<Occasion>& occasions) {
  auto it = std::find_if(occasions.begin(), occasions.end(),
                         [](const Occasion& o) { return o.kind == Occasion::Kind::job_change; });
  if (it != occasions.end()) return &*it;
  return occasions.empty() ? nullptr : &occasions.front();
}

std::string describe(const Job& job) {
  if (job.role && job.company) return *job.role + " at " + *job.company;
  return job.role ? *job.role : job.company.value_or("");
}

std::string describe(const JobChange& change) {
  if (company_changed(change)) {
    const std::string from = change.from.company ? *change.from.company : describe(change.from);
    std::string s = (from.empty() ? "" : from + " → ") + *change.to.company;
    if (change.to.role) s += " (" + *change.to.role + ")";
    return s;
  }
  std::string s = change.from.role ? *change.from.role + " → " : "";
  s += change.to.role.value_or("a new role");
  if (change.to.company) s += " at " + *change.to.company;
  return s;
}

std::string opening_line(const Occasion& o, Date today) {
  if (o.kind == Occasion::Kind::job_change && o.job_change) {
    const JobChange& change = *o.job_change;
    if (company_changed(change))
      return "Congratulations on the new role at " + *change.to.company + "!";
    if (change.to.role) return "Congratulations on the new role as " + *change.to.role + "!";
    return "Congratulations on the new job!";
  }
  const auto days = (o.date - today).count();
  if (days <= 0) return "Happy birthday!";
  if (days == 1) return "Happy birthday for tomorrow!";
  if (days < 7)
    return "Happy birthday for " + std::string(weekday_name(date::weekday{o.date}.c_encoding())) +
           "!";
  return "Happy birthday for " + day_and_month(o.date) + "!";
}

}  // namespace kith
