#include "core/due.h"

#include <algorithm>

#include "core/history.h"
#include "core/text.h"

namespace kith {
namespace {

constexpr std::size_t kMaxSuggestions = 3;
constexpr int kDefaultOccasionDays = 7;

bool has_all_tags(const Contact& c, const std::vector<std::string>& tags) {
  return std::all_of(tags.begin(), tags.end(), [&](const std::string& wanted) {
    return std::any_of(c.tags.begin(), c.tags.end(),
                       [&](const std::string& t) { return text::terms_match(t, wanted); });
  });
}

bool is_active(const Contact& c, Date today) {
  return !c.archived && !(c.snoozed_until && *c.snoozed_until > today);
}

int days_between(Date from, Date to) { return static_cast<int>((to - from).count()); }

// a is more overdue than b, relative to its cadence:
// a.late / a.cycle > b.late / b.cycle, compared exactly (cycles are >= 1).
bool more_overdue(const DueEntry& a, const DueEntry& b) {
  const long long lhs = static_cast<long long>(a.days_overdue) * b.cycle_days;
  const long long rhs = static_cast<long long>(b.days_overdue) * a.cycle_days;
  if (lhs != rhs) return lhs > rhs;
  if (a.due_on != b.due_on) return a.due_on < b.due_on;
  return a.contact->id < b.contact->id;
}

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

Json nullable_date(const std::optional<Date>& d) {
  return d ? Json(format_date(*d)) : Json(nullptr);
}

std::string format_month(date::year_month m) {
  return format_date(Date{m / date::day{1}}).substr(0, 7);
}

}  // namespace

std::string_view to_string(Occasion::Kind kind) {
  switch (kind) {
    case Occasion::Kind::birthday:
      return "birthday";
  }
  return "birthday";
}

namespace {

// The report from the history of each contact as of today and the
// interactions dated on or before today that may carry a due follow-up.
DueReport compute(const Network& network, const HistoryMap& history,
                  const std::vector<const Interaction*>& candidates, Date today,
                  const DueOptions& options) {
  DueReport report;
  report.today = today;
  report.horizon = options.within ? add_duration(today, *options.within) : today;

  std::vector<DueEntry> entries;
  std::vector<DueEntry> later;
  std::vector<const Contact*> never_contacted;
  for (const auto& c : network.contacts) {
    if (!is_active(c, today) || !has_all_tags(c, options.tags)) continue;
    const ContactHistory& h = history_of(history, c.id);
    const Duration every = c.every ? *c.every : network.settings.every;
    if (every.unit == Duration::Unit::off) continue;
    if (h.total() == 0) never_contacted.push_back(&c);

    DueEntry e;
    e.contact = &c;
    e.every = every;
    e.last_no_need = h.last_no_need;
    e.last_give = h.last_give;
    e.since = h.last_no_need ? *h.last_no_need : c.met_on ? *c.met_on : c.added_on;
    e.due_on = add_duration(e.since, every);
    e.days_overdue = days_between(e.due_on, today);
    e.cycle_days = std::max(1, days_between(e.since, e.due_on));
    (e.due_on <= report.horizon ? entries : later).push_back(std::move(e));
  }
  std::sort(entries.begin(), entries.end(), more_overdue);
  report.due_total = entries.size();
  if (options.limit && entries.size() > *options.limit) entries.resize(*options.limit);
  report.due = std::move(entries);
  if (!later.empty()) {
    report.next = *std::min_element(later.begin(), later.end(), [](const auto& a, const auto& b) {
      return a.due_on != b.due_on ? a.due_on < b.due_on : a.contact->id < b.contact->id;
    });
  }

  // Follow-ups: promises stand even while a contact is snoozed; only when
  // every contact of the interaction is archived is the follow-up dropped.
  for (const Interaction* candidate : candidates) {
    const Interaction& i = *candidate;
    if (i.date > today || !i.follow_up || i.follow_up->done_on) continue;
    const Date by = i.follow_up->by.value_or(i.date);
    if (by > report.horizon) continue;
    bool shown = false;
    for (const auto& id : i.contacts) {
      const Contact* c = network.find(id);
      if (c && !c->archived && has_all_tags(*c, options.tags)) shown = true;
    }
    if (!shown) continue;
    report.follow_ups.push_back({&i, by, days_between(by, today)});
  }
  std::sort(report.follow_ups.begin(), report.follow_ups.end(), [](const auto& a, const auto& b) {
    return a.by != b.by ? a.by < b.by : a.interaction->id < b.interaction->id;
  });

  const Date occasions_until =
      options.within ? report.horizon : today + date::days{kDefaultOccasionDays};
  for (const auto& c : network.contacts) {
    if (!is_active(c, today) || !has_all_tags(c, options.tags)) continue;
    if (auto o = birthday_occasion(c, today, occasions_until)) report.occasions.push_back(*o);
    // Job changes seen by an import join here once the importer records them.
  }
  std::sort(report.occasions.begin(), report.occasions.end(), [](const auto& a, const auto& b) {
    return a.date != b.date ? a.date < b.date : a.contact->id < b.contact->id;
  });

  Homework& hw = report.homework;
  const date::year_month_day ymd{today};
  hw.month = ymd.year() / ymd.month();
  hw.goal = network.settings.homework;
  const Date month_start{hw.month / date::day{1}};
  const Date month_end{hw.month / date::last};
  for (const auto& c : network.contacts) {
    const ContactHistory& h = history_of(history, c.id);
    if (h.first_no_need && *h.first_no_need >= month_start && *h.first_no_need <= month_end) {
      hw.reached.push_back(&c);
    }
  }
  std::stable_sort(never_contacted.begin(), never_contacted.end(),
                   [](const Contact* a, const Contact* b) {
                     return a->added_on != b->added_on ? a->added_on < b->added_on : a->id < b->id;
                   });
  if (never_contacted.size() > kMaxSuggestions) never_contacted.resize(kMaxSuggestions);
  hw.suggestions = std::move(never_contacted);
  return report;
}

}  // namespace

DueReport compute_due(const Network& network, Date today, const DueOptions& options) {
  // The past as of today: what was logged for later dates does not count yet.
  const auto& all = network.interactions;
  const bool all_past =
      std::all_of(all.begin(), all.end(), [&](const Interaction& i) { return i.date <= today; });
  std::vector<Interaction> past;
  if (!all_past) {
    std::copy_if(all.begin(), all.end(), std::back_inserter(past),
                 [&](const Interaction& i) { return i.date <= today; });
  }
  const HistoryMap history = summarize(all_past ? all : past);
  std::vector<const Interaction*> candidates;
  for (const auto& i : all) {
    if (i.follow_up) candidates.push_back(&i);
  }
  return compute(network, history, candidates, today, options);
}

DueReport compute_due(const Network& network, const LogSummary& log, Date today,
                      const DueOptions& options) {
  std::vector<const Interaction*> candidates;
  candidates.reserve(log.open_follow_ups.size());
  for (const auto& i : log.open_follow_ups) candidates.push_back(&i);
  return compute(network, log.history, candidates, today, options);
}

Json to_json(const DueReport& report) {
  Json j = Json::object();
  j["today"] = format_date(report.today);
  Json due = Json::array();
  for (const auto& e : report.due) {
    Json d = Json::object();
    d["id"] = e.contact->id;
    d["name"] = e.contact->name;
    d["every"] = e.every.text;
    d["since"] = format_date(e.since);
    d["last_no_need"] = nullable_date(e.last_no_need);
    d["last_give"] = nullable_date(e.last_give);
    d["due_on"] = format_date(e.due_on);
    d["days_overdue"] = e.days_overdue;
    due.push_back(std::move(d));
  }
  j["due"] = std::move(due);
  j["due_total"] = report.due_total;
  Json follow_ups = Json::array();
  for (const auto& f : report.follow_ups) {
    Json o = Json::object();
    o["id"] = f.interaction->id;
    o["contacts"] = f.interaction->contacts;
    o["text"] = f.interaction->follow_up->text;
    o["by"] = nullable_date(f.interaction->follow_up->by);
    o["date"] = format_date(f.interaction->date);
    o["days_overdue"] = f.days_overdue;
    follow_ups.push_back(std::move(o));
  }
  j["follow_ups"] = std::move(follow_ups);
  const Homework& hw = report.homework;
  Json homework = Json::object();
  homework["month"] = format_month(hw.month);
  homework["goal"] = hw.goal;
  homework["reached"] = hw.reached.size();
  homework["done"] = hw.done();
  Json suggestions = Json::array();
  for (const Contact* c : hw.suggestions) suggestions.push_back(c->id);
  homework["suggestions"] = std::move(suggestions);
  Json reached = Json::array();
  for (const Contact* c : hw.reached) reached.push_back(c->id);
  homework["reached_contacts"] = std::move(reached);
  j["homework"] = std::move(homework);
  Json occasions = Json::array();
  for (const auto& o : report.occasions) {
    Json x = Json::object();
    x["id"] = o.contact->id;
    x["name"] = o.contact->name;
    x["kind"] = std::string(to_string(o.kind));
    x["date"] = format_date(o.date);
    x["text"] = o.text;
    occasions.push_back(std::move(x));
  }
  j["occasions"] = std::move(occasions);
  return j;
}

}  // namespace kith
