#include "core/ics_recur.h"

#include <algorithm>
#include <cstdlib>
#include <iterator>
#include <utility>

#include <date/date.h>
#include <libical/ical.h>

// libical keeps process-wide state, and kith leaves as little of it as it
// can: its error number, and whether its errors abort (set to "never" before
// each call, so that it neither aborts nor prints); and, inside its zone
// code, the list of its built-in zones (zone.tab, read once, the first time
// it needs its UTC zone) and how far ahead it expands a zone's changes (from
// the clock, through the C library: a cost, never a result). kith hands it
// no text to parse but RRULE values (with UNTIL taken out), builds the
// VTIMEZONEs it gives it from values read and checked here, never asks it for
// a built-in zone, and frees every object it makes before returning: any
// number of reads may follow one another.

namespace kith::ics_recur {
namespace {

// Where a rule is tried before it is expanded: a leap year, 30 years before
// the last year libical's iterator walks to (2582).
constexpr int kProbeYear = 2552;
constexpr int kProbeEndYear = 2582;

// The most one rule may spend, whatever the read's budget has left.
constexpr long kRuleShare = 20000;

void ics_recur_quiet() {
  icalerror_set_errors_are_fatal(0);
  icalerror_clear_errno();
}

icaltimetype ics_recur_to_ical(const WallTime& t) {
  icaltimetype r = icaltime_null_time();
  r.year = t.year;
  r.month = t.month;
  r.day = t.day;
  r.is_date = t.is_date ? 1 : 0;
  if (!t.is_date) {
    r.hour = t.hour;
    r.minute = t.minute;
    r.second = t.second;
  }
  r.zone = nullptr;
  return r;
}

// t as a WallTime, a date when is_date; nullopt for anything that is not a
// real date and time.
std::optional<WallTime> ics_recur_from_ical(const icaltimetype& t, bool is_date) {
  if (icaltime_is_null_time(t)) return std::nullopt;
  if (t.year < 1 || t.year > 9999 || t.month < 1 || t.month > 12 || t.day < 1 || t.day > 31) {
    return std::nullopt;
  }
  const date::year_month_day ymd{date::year{t.year}, date::month{static_cast<unsigned>(t.month)},
                                 date::day{static_cast<unsigned>(t.day)}};
  if (!ymd.ok()) return std::nullopt;
  WallTime w;
  w.year = t.year;
  w.month = t.month;
  w.day = t.day;
  w.is_date = is_date;
  if (!is_date) {
    if (t.hour < 0 || t.hour > 23 || t.minute < 0 || t.minute > 59 || t.second < 0 ||
        t.second > 60) {
      return std::nullopt;
    }
    w.hour = t.hour;
    w.minute = t.minute;
    w.second = std::min(t.second, 59);
  }
  return w;
}

bool ics_recur_has(const short* by) { return by[0] != ICAL_RECURRENCE_ARRAY_MAX; }

bool ics_recur_has_by_parts(const icalrecurrencetype& r) {
  return ics_recur_has(r.by_second) || ics_recur_has(r.by_minute) || ics_recur_has(r.by_hour) ||
         ics_recur_has(r.by_day) || ics_recur_has(r.by_month_day) || ics_recur_has(r.by_year_day) ||
         ics_recur_has(r.by_week_no) || ics_recur_has(r.by_month) || ics_recur_has(r.by_set_pos);
}

long ics_recur_day_number(const WallTime& t) {
  const date::sys_days d{date::year{t.year} / date::month{static_cast<unsigned>(t.month)} /
                         date::day{static_cast<unsigned>(t.day)}};
  return d.time_since_epoch().count();
}

// What a call of libical's iterator that walks from `from` to `to` costs:
// two units for the call (and the reader's work on what it returns), and
// one per period of the rule's frequency passed over, weighted by what a
// step of that frequency costs libical. A unit is a few microseconds.
long ics_recur_cost(const icalrecurrencetype& r, const WallTime& from, const WallTime& to) {
  const long interval = std::max<long>(1, r.interval);
  const long days = std::max<long>(0, ics_recur_day_number(to) - ics_recur_day_number(from));
  long periods = 0;
  long weight = 0;
  switch (r.freq) {
    case ICAL_DAILY_RECURRENCE:
      periods = days;
      weight = 1;
      break;
    case ICAL_WEEKLY_RECURRENCE:
      periods = days / 7;
      weight = 2;
      break;
    case ICAL_MONTHLY_RECURRENCE:
      periods = std::max<long>(0, (to.year - from.year) * 12L + (to.month - from.month));
      weight = 17;
      break;
    case ICAL_YEARLY_RECURRENCE:
      periods = std::max<long>(0, to.year - from.year);
      weight = 50;
      break;
    default:      // sub-daily rules have no BY parts here: one step a call, and
      return 10;  // each occurrence costs the reader more than libical
  }
  return 2 + weight * (periods / interval);
}

struct IteratorFree {
  void operator()(icalrecur_iterator* it) const { icalrecur_iterator_free(it); }
};
using Iterator = std::unique_ptr<icalrecur_iterator, IteratorFree>;

// The rule's value read by libical; nullopt when it is not understood or
// asks for a calendar other than the Gregorian one (RSCALE).
std::optional<icalrecurrencetype> ics_recur_parse(const std::string& text) {
  ics_recur_quiet();
  if (text.empty()) return std::nullopt;
  icalrecurrencetype r = icalrecurrencetype_from_string(text.c_str());
  if (r.freq == ICAL_NO_RECURRENCE || icalerrno != ICAL_NO_ERROR) return std::nullopt;
  if (r.rscale != nullptr) return std::nullopt;
  if (r.interval < 1 || r.count < 0) return std::nullopt;
  r.until = icaltime_null_time();
  return r;
}

// Whether a monthly or yearly rule has a second occurrence within 30 years.
//
// libical finds the next month or year that has a matching day by expanding
// one period after another, with no end but one far in the future: a rule
// that matches nothing (the 31st of February, the 30th Monday of a month)
// costs it a second. So these rules are first checked here, the way libical
// expands them (RFC 5545, with its defaults from DTSTART), over the periods
// the INTERVAL visits. BYWEEKNO, and BYYEARDAY with BYMONTH or BYMONTHDAY,
// are not modelled (libical's readings of them are its own): such rules are
// not expanded.
class IcsRecurModel {
 public:
  IcsRecurModel(const icalrecurrencetype& r, const WallTime& dtstart) : r_(r), start_(dtstart) {
    months_ = values(r.by_month, ICAL_BY_MONTH_SIZE);
    month_days_ = values(r.by_month_day, ICAL_BY_MONTHDAY_SIZE);
    year_days_ = values(r.by_year_day, ICAL_BY_YEARDAY_SIZE);
    set_pos_ = values(r.by_set_pos, ICAL_BY_SETPOS_SIZE);
    for (int v : values(r.by_day, ICAL_BY_DAY_SIZE)) {
      const int dow = std::abs(v) % 8;  // 1 (Sunday) to 7
      const int pos = (std::abs(v) - dow) / 8 * (v < 0 ? -1 : 1);
      if (dow >= 1 && dow <= 7) days_.push_back({dow, pos});
    }
  }

  // Whether the rule matches a day after DTSTART's within `years`; each
  // period looked at is paid for.
  bool repeats_within(int years, Budget& budget) const {
    if (ics_recur_has(r_.by_week_no)) return false;
    if (!year_days_.empty() && (!months_.empty() || !month_days_.empty())) return false;
    for (int m : months_) {
      if (m < 1 || m > 12) return false;  // a leap month (RSCALE) or worse
    }
    const int interval = std::max<int>(1, r_.interval);
    if (r_.freq == ICAL_MONTHLY_RECURRENCE) {
      const long first = start_.year * 12L + (start_.month - 1);
      for (long k = 0;; ++k) {
        const long index = first + k * interval;
        const int year = static_cast<int>(index / 12);
        if (year > start_.year + years || year > kProbeEndYear) return false;
        if (!budget.spend(kModelPeriod)) return false;
        if (month_matches(year, static_cast<int>(index % 12) + 1, k == 0)) return true;
      }
    }
    for (long k = 0;; ++k) {
      const long year = start_.year + k * interval;
      if (year > start_.year + years || year > kProbeEndYear) return false;
      if (!budget.spend(12 * kModelPeriod)) return false;
      if (year_matches(static_cast<int>(year), k == 0)) return true;
    }
  }

 private:
  static constexpr long kModelPeriod = 2;  // what looking at a month costs

  static std::vector<int> values(const short* by, int size) {
    std::vector<int> out;
    for (int i = 0; i < size && by[i] != ICAL_RECURRENCE_ARRAY_MAX; ++i) out.push_back(by[i]);
    return out;
  }

  static date::sys_days day_of(int y, int m, int d) {
    return date::sys_days{date::year{y} / date::month{static_cast<unsigned>(m)} /
                          date::day{static_cast<unsigned>(d)}};
  }

  static int days_in(int y, int m) {
    return static_cast<int>(static_cast<unsigned>(date::year_month_day_last{
        date::year{y}, date::month_day_last{date::month{
                           static_cast<unsigned>(m)}}}.day()));
  }

  // 1 (Sunday) to 7, as libical numbers weekdays.
  static int dow_of(date::sys_days d) {
    return static_cast<int>(date::weekday{d}.c_encoding()) + 1;
  }

  // The days from..to (inclusive, one period) that BYDAY selects, ordinals
  // counted within the period.
  std::vector<date::sys_days> by_day(date::sys_days from, date::sys_days to) const {
    std::vector<date::sys_days> out;
    const int first_dow = dow_of(from);
    for (const auto& [dow, pos] : days_) {
      const date::sys_days first = from + date::days{(dow - first_dow + 7) % 7};
      if (first > to) continue;
      const long n = (to - first).count() / 7 + 1;  // that weekday's days in the period
      if (pos == 0) {
        for (long k = 0; k < n; ++k) out.push_back(first + date::days{7 * k});
      } else if (pos > 0 && pos <= n) {
        out.push_back(first + date::days{7L * (pos - 1)});
      } else if (pos < 0 && -pos <= n) {
        out.push_back(first + date::days{7L * (n + pos)});
      }
    }
    return out;
  }

  std::vector<date::sys_days> by_month_day(int y, int m, const std::vector<int>& month_days) const {
    std::vector<date::sys_days> out;
    const int length = days_in(y, m);
    for (int md : month_days) {
      const int d = md > 0 ? md : length + md + 1;
      if (d >= 1 && d <= length) out.push_back(day_of(y, m, d));
    }
    return out;
  }

  // Whether the days of a period, after BYSETPOS, hold one after DTSTART's
  // (any, for a later period).
  bool selects(std::vector<date::sys_days> days, bool first_period) const {
    std::sort(days.begin(), days.end());
    days.erase(std::unique(days.begin(), days.end()), days.end());
    const date::sys_days start = day_of(start_.year, start_.month, start_.day);
    const long n = static_cast<long>(days.size());
    auto counts = [&](date::sys_days d) { return !first_period || d > start; };
    if (set_pos_.empty()) return std::any_of(days.begin(), days.end(), counts);
    for (int p : set_pos_) {
      const long i = p > 0 ? p - 1 : n + p;
      if (i >= 0 && i < n && counts(days[static_cast<std::size_t>(i)])) return true;
    }
    return false;
  }

  static std::vector<date::sys_days> intersect(std::vector<date::sys_days> a,
                                               std::vector<date::sys_days> b) {
    std::sort(a.begin(), a.end());
    std::sort(b.begin(), b.end());
    std::vector<date::sys_days> out;
    std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
    return out;
  }

  bool month_matches(int y, int m, bool first_period) const {
    if (!months_.empty() && std::find(months_.begin(), months_.end(), m) == months_.end()) {
      return false;
    }
    if (!year_days_.empty()) return false;  // libical refuses BYYEARDAY in a monthly rule
    std::vector<int> month_days = month_days_;
    if (month_days.empty() && days_.empty()) month_days.push_back(start_.day);
    std::vector<date::sys_days> days;
    if (!days_.empty()) {
      days = by_day(day_of(y, m, 1), day_of(y, m, days_in(y, m)));
      if (!month_days.empty()) days = intersect(days, by_month_day(y, m, month_days));
    } else {
      days = by_month_day(y, m, month_days);
    }
    return selects(std::move(days), first_period);
  }

  bool year_matches(int y, bool first_period) const {
    const date::sys_days first = day_of(y, 1, 1);
    const date::sys_days last = day_of(y, 12, 31);
    std::vector<date::sys_days> days;
    if (!year_days_.empty()) {
      const int length = static_cast<int>((last - first).count()) + 1;
      for (int yd : year_days_) {
        const int n = yd > 0 ? yd : length + yd + 1;
        if (n >= 1 && n <= length) days.push_back(first + date::days{n - 1});
      }
      if (!days_.empty()) days = intersect(days, by_day(first, last));
      return selects(std::move(days), first_period);
    }
    std::vector<int> month_days = month_days_;
    if (month_days.empty() && days_.empty()) month_days.push_back(start_.day);
    std::vector<int> months = months_;
    if (months.empty() && !month_days.empty()) months.push_back(start_.month);
    if (!month_days.empty()) {
      for (int m : months) {
        const std::vector<date::sys_days> more = by_month_day(y, m, month_days);
        days.insert(days.end(), more.begin(), more.end());
      }
    }
    if (!days_.empty()) {
      std::vector<date::sys_days> weekdays;
      if (!months.empty()) {
        for (int m : months) {
          const std::vector<date::sys_days> more =
              by_day(day_of(y, m, 1), day_of(y, m, days_in(y, m)));
          weekdays.insert(weekdays.end(), more.begin(), more.end());
        }
      } else {
        weekdays = by_day(first, last);
      }
      days = month_days.empty() ? weekdays : intersect(days, weekdays);
    }
    return selects(std::move(days), first_period);
  }

  const icalrecurrencetype& r_;
  WallTime start_;
  std::vector<int> months_, month_days_, year_days_, set_pos_;
  std::vector<std::pair<int, int>> days_;  // BYDAY: weekday (1 = Sunday), ordinal (0: every)
};

enum class Probe { repeats, no_repeat };

// Whether the rule has a second occurrence within 30 years. A monthly or
// yearly rule is checked by the model above; a daily or weekly one is tried
// with its DTSTART moved to kProbeYear, where libical's scan (which stops at
// UNTIL for these frequencies) is short. Paid for.
Probe ics_recur_probe(icalrecurrencetype r, const WallTime& dtstart, Budget& budget) {
  r.count = 0;
  WallTime start = dtstart;
  start.year = kProbeYear;  // a leap year: 29 February stays a date
  WallTime end = dtstart;
  end.year = kProbeEndYear;
  end.month = 12;
  end.day = 31;
  if (!end.is_date) {
    end.hour = 23;
    end.minute = 59;
    end.second = 59;
  }
  const long whole = ics_recur_cost(r, start, end);
  if (r.freq == ICAL_MONTHLY_RECURRENCE || r.freq == ICAL_YEARLY_RECURRENCE) {
    return IcsRecurModel(r, dtstart).repeats_within(kProbeEndYear - kProbeYear, budget)
               ? Probe::repeats
               : Probe::no_repeat;
  }
  r.until = ics_recur_to_ical(end);
  ics_recur_quiet();
  Iterator it{icalrecur_iterator_new(r, ics_recur_to_ical(start))};
  if (!it) {  // libical refuses the rule, or found nothing to start from
    (void)budget.spend(whole);
    return Probe::no_repeat;
  }
  (void)icalrecur_iterator_next(it.get());  // DTSTART itself
  const std::optional<WallTime> second =
      ics_recur_from_ical(icalrecur_iterator_next(it.get()), start.is_date);
  if (!second) {
    (void)budget.spend(whole);
    return Probe::no_repeat;
  }
  if (!budget.spend(ics_recur_cost(r, start, *second))) return Probe::no_repeat;
  return Probe::repeats;
}

// t as a date when is_date (its time dropped), else as a date and time (a
// date becomes its last second: an UNTIL date includes its day).
WallTime ics_recur_like(WallTime t, bool is_date) {
  if (is_date) {
    t.hour = t.minute = t.second = 0;
  } else if (t.is_date) {
    t.hour = 23;
    t.minute = 59;
    t.second = 59;
  }
  t.is_date = is_date;
  return t;
}

}  // namespace

bool Budget::spend(long units) {
  if (units > left_) {
    left_ = 0;
    return false;
  }
  left_ -= units;
  return true;
}

Outcome expand(const Rule& rule, const WallTime& dtstart, const WallTime& walk_from,
               const WallTime& stop_at, Budget& budget,
               const std::function<bool(const WallTime&)>& visit) {
  if (budget.exhausted()) return Outcome::out_of_budget;
  std::optional<icalrecurrencetype> parsed = ics_recur_parse(rule.text);
  if (!parsed) return Outcome::not_understood;
  icalrecurrencetype r = *parsed;
  const bool sub_daily = r.freq == ICAL_SECONDLY_RECURRENCE || r.freq == ICAL_MINUTELY_RECURRENCE ||
                         r.freq == ICAL_HOURLY_RECURRENCE;
  if (sub_daily && ics_recur_has_by_parts(r)) return Outcome::too_frequent;
  if (!sub_daily) {
    switch (ics_recur_probe(r, dtstart, budget)) {
      case Probe::repeats:
        break;
      case Probe::no_repeat:
        return budget.exhausted() ? Outcome::out_of_budget : Outcome::no_repeat;
    }
  }

  const bool is_date = dtstart.is_date;
  WallTime end = ics_recur_like(stop_at, is_date);
  if (rule.until) end = std::min(end, ics_recur_like(*rule.until, is_date));
  const WallTime from = ics_recur_like(walk_from, is_date);
  if (end < dtstart) return Outcome::complete;
  if (r.count == 0 && end < from) return Outcome::complete;
  r.until = ics_recur_to_ical(end);

  ics_recur_quiet();
  Iterator it{icalrecur_iterator_new(r, ics_recur_to_ical(dtstart))};
  if (!it) return Outcome::not_understood;
  WallTime last = dtstart;
  // A rule without COUNT may start at the window; libical's jump is right
  // for daily and longer rules (it misplaces an hourly rule's interval).
  if (r.count == 0 && !sub_daily && dtstart < from) {
    if (icalrecur_iterator_set_start(it.get(), ics_recur_to_ical(from)) != 0) {
      last = from;
    } else {
      it.reset(icalrecur_iterator_new(r, ics_recur_to_ical(dtstart)));
      if (!it) return Outcome::not_understood;
    }
  }
  long spent = 0;
  std::optional<WallTime> previous;
  for (;;) {
    ics_recur_quiet();
    const std::optional<WallTime> next =
        ics_recur_from_ical(icalrecur_iterator_next(it.get()), is_date);
    if (!next || (previous && *next < *previous)) {
      // libical looked as far as UNTIL (or its own end) before giving up.
      (void)budget.spend(ics_recur_cost(r, std::min(last, end), end));
      return Outcome::complete;
    }
    const long cost = ics_recur_cost(r, std::min(last, *next), *next);
    spent += cost;
    if (spent > kRuleShare || !budget.spend(cost)) return Outcome::out_of_budget;
    if (end < *next) return Outcome::complete;
    if (!visit(*next)) return Outcome::complete;
    previous = *next;
    last = *next;
  }
}

struct TimeZone::Impl {
  icaltimezone* zone = nullptr;
  ~Impl() {
    if (zone != nullptr) icaltimezone_free(zone, 1);
  }
};

TimeZone::TimeZone(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
TimeZone::~TimeZone() = default;

std::unique_ptr<TimeZone> TimeZone::build(const std::string& tzid,
                                          const std::vector<Observance>& observances,
                                          Budget& budget, std::string& why) {
  if (observances.empty()) {
    why = "it has no STANDARD or DAYLIGHT";
    return nullptr;
  }
  // libical expands a zone's rules from their DTSTART to 2037 at most.
  constexpr int kLastYear = 2037;
  // Outlook starts its rules in 1601: from 1900 on, a yearly rule without
  // COUNT gives the same changes, for a third of the work.
  constexpr int kFirstYear = 1900;
  std::vector<Observance> shifted = observances;
  for (Observance& o : shifted) {
    bool counted = o.rules.empty();
    for (const Rule& rule : o.rules) {
      const std::optional<icalrecurrencetype> r = ics_recur_parse(rule.text);
      counted = counted || !r || r->count != 0;
    }
    if (!counted && o.start.year < kFirstYear) {
      o.start.year = (o.start.month == 2 && o.start.day == 29) ? kFirstYear + 4 : kFirstYear;
    }
  }
  std::vector<icalrecurrencetype> rules;
  for (const Observance& o : shifted) {
    if (!budget.spend(1 + static_cast<long>(o.dates.size()))) {
      why = "the calendar has too many recurrences to read";
      return nullptr;
    }
    for (const Rule& rule : o.rules) {
      std::optional<icalrecurrencetype> r = ics_recur_parse(rule.text);
      if (!r) {
        why = "its RRULE '" + rule.text + "' is not understood";
        return nullptr;
      }
      if (r->freq != ICAL_YEARLY_RECURRENCE) {
        why = "its RRULE '" + rule.text + "' is not yearly";
        return nullptr;
      }
      if (ics_recur_probe(*r, o.start, budget) != Probe::repeats) {
        why = budget.exhausted() ? "the calendar has too many recurrences to read"
                                 : "its RRULE '" + rule.text + "' has no second change";
        return nullptr;
      }
      if (!budget.spend(10L * std::max(0, kLastYear - o.start.year))) {
        why = "the calendar has too many recurrences to read";
        return nullptr;
      }
      if (rule.until) r->until = ics_recur_to_ical(ics_recur_like(*rule.until, false));
      rules.push_back(*r);
    }
  }

  ics_recur_quiet();
  icalcomponent* component = icalcomponent_new(ICAL_VTIMEZONE_COMPONENT);
  icalcomponent_add_property(component, icalproperty_new_tzid(tzid.c_str()));
  std::size_t next_rule = 0;
  for (const Observance& o : shifted) {
    icalcomponent* part =
        icalcomponent_new(o.daylight ? ICAL_XDAYLIGHT_COMPONENT : ICAL_XSTANDARD_COMPONENT);
    icalcomponent_add_property(
        part, icalproperty_new_dtstart(ics_recur_to_ical(ics_recur_like(o.start, false))));
    icalcomponent_add_property(part, icalproperty_new_tzoffsetfrom(o.offset_from));
    icalcomponent_add_property(part, icalproperty_new_tzoffsetto(o.offset_to));
    for (std::size_t i = 0; i < o.rules.size(); ++i) {
      icalcomponent_add_property(part, icalproperty_new_rrule(rules[next_rule++]));
    }
    for (const WallTime& d : o.dates) {
      icaldatetimeperiodtype when;
      when.time = ics_recur_to_ical(ics_recur_like(d, false));
      when.period = icalperiodtype_null_period();
      icalcomponent_add_property(part, icalproperty_new_rdate(when));
    }
    icalcomponent_add_component(component, part);
  }
  auto impl = std::make_unique<Impl>();
  impl->zone = icaltimezone_new();
  if (impl->zone == nullptr || icaltimezone_set_component(impl->zone, component) == 0) {
    icalcomponent_free(component);
    why = "libical does not read it";
    return nullptr;
  }
  return std::unique_ptr<TimeZone>(new TimeZone(std::move(impl)));
}

int TimeZone::offset_at_local(const WallTime& local) const {
  ics_recur_quiet();
  icaltimetype t = ics_recur_to_ical(ics_recur_like(local, false));
  int is_daylight = 0;
  return icaltimezone_get_utc_offset(impl_->zone, &t, &is_daylight);
}

int TimeZone::offset_at_utc(const WallTime& utc) const {
  ics_recur_quiet();
  icaltimetype t = ics_recur_to_ical(ics_recur_like(utc, false));
  int is_daylight = 0;
  return icaltimezone_get_utc_offset_of_utc_time(impl_->zone, &t, &is_daylight);
}

}  // namespace kith::ics_recur
