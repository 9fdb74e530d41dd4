#include "core/due.h"

#include <algorithm>

#include "core/english.h"
#include "core/history.h"
#include "core/json_writer.h"
#include "core/text.h"

namespace kith {
namespace {

constexpr std::size_t kMaxSuggestions = 3;

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
  if (a.occasion.has_value() != b.occasion.has_value()) return a.occasion.has_value();
  if (a.due_on != b.due_on) return a.due_on < b.due_on;
  return a.contact->id < b.contact->id;
}

// A contact never reached yet, and its occasion (a job change leads).
struct Candidate {
  const Contact* contact;
  std::optional<Occasion> occasion;
};

// The terms of `theirs` that match one of `mine`, in their order.
std::vector<std::string> common_terms(const std::vector<std::string>& theirs,
                                      const std::vector<std::string>& mine) {
  std::vector<std::string> out;
  for (const auto& t : theirs) {
    if (std::any_of(mine.begin(), mine.end(),
                    [&](const std::string& m) { return text::terms_match(t, m); })) {
      out.push_back(t);
    }
  }
  return out;
}

// How promising a candidate is for the homework, and why.
struct Promise {
  bool job_change = false;
  std::size_t in_common = 0;
  Date connected{};
  std::string why;
};

Promise promise_of(const Candidate& c, const Profile& me) {
  Promise p;
  const Contact& who = *c.contact;
  p.connected = who.met_on ? *who.met_on : who.added_on;
  std::vector<std::string> why;
  if (c.occasion && c.occasion->kind == Occasion::Kind::job_change) {
    p.job_change = true;
    why.push_back(c.occasion->text);
  }
  const auto interests = common_terms(who.interests, me.interests);
  const auto they_care_you_know = common_terms(who.interests, me.skills);
  const auto skills = common_terms(who.skills, me.skills);
  const auto you_care_they_know = common_terms(who.skills, me.interests);
  p.in_common =
      interests.size() + they_care_you_know.size() + skills.size() + you_care_they_know.size();
  if (!interests.empty()) {
    why.push_back("shares your interest in " + natural_list(interests));
  } else if (!they_care_you_know.empty()) {
    why.push_back("cares about " + natural_list(they_care_you_know) + ", which you know");
  } else if (!you_care_they_know.empty()) {
    why.push_back("knows " + natural_list(you_care_they_know) + ", which you care about");
  } else if (!skills.empty()) {
    why.push_back("also knows " + natural_list(skills));
  }
  if (why.empty()) {
    // LinkedIn's "Connected On" is what an import keeps as met_on.
    const char* how = !who.met_on ? "added " : came_by_import(who) ? "connected " : "met ";
    why.push_back(how + format_date(p.connected));
  }
  p.why = why.front();
  for (std::size_t k = 1; k < why.size(); ++k) p.why += "; " + why[k];
  return p;
}

// The homework's suggestions: the most promising candidates first.
void suggest(const std::vector<Candidate>& candidates, const Profile& me, Homework& hw) {
  std::vector<std::pair<Promise, const Contact*>> ranked;
  ranked.reserve(candidates.size());
  for (const auto& c : candidates) ranked.emplace_back(promise_of(c, me), c.contact);
  auto better = [](const auto& a, const auto& b) {
    if (a.first.job_change != b.first.job_change) return a.first.job_change;
    if (a.first.in_common != b.first.in_common) return a.first.in_common > b.first.in_common;
    if (a.first.connected != b.first.connected) return a.first.connected > b.first.connected;
    return a.second->id < b.second->id;
  };
  const std::size_t n = std::min(kMaxSuggestions, ranked.size());
  std::partial_sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(n), ranked.end(),
                    better);
  for (std::size_t k = 0; k < n; ++k) {
    hw.suggestions.push_back(ranked[k].second);
    hw.suggestion_reasons.push_back(std::move(ranked[k].first.why));
  }
}

std::string format_month(date::year_month m) {
  return format_date(Date{m / date::day{1}}).substr(0, 7);
}

bool by_date_then_id(const Occasion& a, const Occasion& b) {
  if (a.date != b.date) return a.date < b.date;
  if (a.contact->id != b.contact->id) return a.contact->id < b.contact->id;
  return a.kind == Occasion::Kind::job_change && b.kind != Occasion::Kind::job_change;
}

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
  std::vector<Candidate> never_contacted;
  const Date birthdays_until = options.within ? report.horizon : today + date::days{kBirthdayDays};
  // Each contact's history, looked up once for the due list and the homework.
  std::vector<const ContactHistory*> history_by_index;
  history_by_index.reserve(network.contacts.size());
  for (const auto& c : network.contacts) history_by_index.push_back(&history_of(history, c.id));
  for (std::size_t k = 0; k < network.contacts.size(); ++k) {
    const Contact& c = network.contacts[k];
    if (!is_active(c, today) || !has_all_tags(c, options.tags)) continue;
    const ContactHistory& h = *history_by_index[k];
    // Occasions come whatever the cadence: a birthday is a reason to write
    // even to someone you never schedule.
    std::vector<Occasion> occasions = occasions_of(c, h.last_no_need, today, birthdays_until);
    std::optional<Occasion> lead;
    if (const Occasion* o = lead_occasion(occasions)) lead = *o;
    report.occasions.insert(report.occasions.end(), occasions.begin(), occasions.end());

    const std::optional<Cadence> cadence = cadence_of(c, h, network.settings);
    if (!cadence) continue;
    if (h.total() == 0) never_contacted.push_back({&c, lead});
    if (is_weak_tie(c, h)) continue;

    DueEntry e;
    e.contact = &c;
    e.every = cadence->every;
    e.last_no_need = h.last_no_need;
    e.last_give = h.last_give;
    e.last_ask = h.last_ask;
    e.since = cadence->since;
    e.due_on = cadence->due_on;
    e.days_overdue = days_between(e.due_on, today);
    e.cycle_days = std::max(1, days_between(e.since, e.due_on));
    e.occasion = std::move(lead);
    (e.due_on <= report.horizon ? entries : later).push_back(std::move(e));
  }
  std::sort(report.occasions.begin(), report.occasions.end(), by_date_then_id);
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

  Homework& hw = report.homework;
  const date::year_month_day ymd{today};
  hw.month = ymd.year() / ymd.month();
  hw.goal = network.settings.homework;
  const Date month_start{hw.month / date::day{1}};
  const Date month_end{hw.month / date::last};
  for (std::size_t k = 0; k < network.contacts.size(); ++k) {
    const Contact& c = network.contacts[k];
    const ContactHistory& h = *history_by_index[k];
    if (h.first_no_need && *h.first_no_need >= month_start && *h.first_no_need <= month_end) {
      hw.reached.push_back(&c);
    }
  }
  suggest(never_contacted, network.profile, hw);
  return report;
}

}  // namespace

bool is_weak_tie(const Contact& c, const ContactHistory& history) {
  return history.total() == 0 && !c.every && came_by_import(c);
}

bool cron_speaks(const DueReport& r) {
  if (!r.due.empty() || !r.follow_ups.empty() || !r.occasions.empty()) return true;
  if (r.homework.done()) return false;
  const date::year_month_day ymd{r.today};
  const unsigned day = static_cast<unsigned>(ymd.day());
  const unsigned last =
      static_cast<unsigned>(date::year_month_day_last{ymd.year() / ymd.month() / date::last}.day());
  return day == 1 || date::weekday{r.today} == date::Monday || day + 2 >= last;
}

std::optional<Cadence> cadence_of(const Contact& c, const ContactHistory& history,
                                  const Settings& settings) {
  Cadence cadence;
  cadence.every = c.every ? *c.every : settings.every;
  if (cadence.every.unit == Duration::Unit::off) return std::nullopt;
  cadence.since = history.last_no_need ? *history.last_no_need : c.met_on ? *c.met_on : c.added_on;
  cadence.due_on = add_duration(cadence.since, cadence.every);
  return cadence;
}

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

namespace {

enum class Who { included, omitted };

// {"id", "name", "kind", "date", "text"} (without id and name inside a due
// entry, which names the contact already), plus the job change itself.
void write_occasion(JsonWriter& w, const Occasion& o, Who who) {
  w.begin_object();
  if (who == Who::included) {
    w.key("id");
    w.value(o.contact->id);
    w.key("name");
    w.value(o.contact->name);
  }
  w.key("kind");
  w.value(to_string(o.kind));
  w.key("date");
  w.value(format_date(o.date));
  w.key("text");
  w.value(o.text);
  if (o.job_change) {
    auto job = [&w](const Job& j) {
      w.begin_object();
      w.key("company");
      if (j.company) {
        w.value(*j.company);
      } else {
        w.null();
      }
      w.key("role");
      if (j.role) {
        w.value(*j.role);
      } else {
        w.null();
      }
      w.end_object();
    };
    w.key("from");
    job(o.job_change->from);
    w.key("to");
    job(o.job_change->to);
  }
  w.end_object();
}

}  // namespace

std::string to_json_text(const DueReport& report) {
  std::string out;
  out.reserve(1024 +
              256 * (report.due.size() + report.follow_ups.size() + report.occasions.size()));
  JsonWriter w(out);
  auto date_or_null = [&w](const std::optional<Date>& d) {
    if (d) {
      w.value(format_date(*d));
    } else {
      w.null();
    }
  };
  w.begin_object();
  w.key("today");
  w.value(format_date(report.today));
  w.key("due");
  w.begin_array();
  for (const auto& e : report.due) {
    w.begin_object();
    w.key("id");
    w.value(e.contact->id);
    w.key("name");
    w.value(e.contact->name);
    w.key("every");
    w.value(e.every.text);
    w.key("since");
    w.value(format_date(e.since));
    w.key("last_no_need");
    date_or_null(e.last_no_need);
    w.key("last_give");
    date_or_null(e.last_give);
    w.key("due_on");
    w.value(format_date(e.due_on));
    w.key("days_overdue");
    w.value(e.days_overdue);
    w.key("occasion");
    if (e.occasion) {
      write_occasion(w, *e.occasion, Who::omitted);
    } else {
      w.null();
    }
    w.end_object();
  }
  w.end_array();
  w.key("due_total");
  w.value(report.due_total);
  w.key("follow_ups");
  w.begin_array();
  for (const auto& f : report.follow_ups) {
    w.begin_object();
    w.key("id");
    w.value(f.interaction->id);
    w.key("contacts");
    w.strings(f.interaction->contacts);
    w.key("text");
    w.value(f.interaction->follow_up->text);
    w.key("by");
    date_or_null(f.interaction->follow_up->by);
    w.key("date");
    w.value(format_date(f.interaction->date));
    w.key("days_overdue");
    w.value(f.days_overdue);
    w.end_object();
  }
  w.end_array();
  const Homework& hw = report.homework;
  w.key("homework");
  w.begin_object();
  w.key("month");
  w.value(format_month(hw.month));
  w.key("goal");
  w.value(hw.goal);
  w.key("reached");
  w.value(hw.reached.size());
  w.key("done");
  w.value(hw.done());
  w.key("suggestions");
  w.begin_array();
  for (const Contact* c : hw.suggestions) w.value(c->id);
  w.end_array();
  w.key("suggestion_reasons");
  w.begin_array();
  for (const auto& why : hw.suggestion_reasons) w.value(why);
  w.end_array();
  w.key("reached_contacts");
  w.begin_array();
  for (const Contact* c : hw.reached) w.value(c->id);
  w.end_array();
  w.end_object();
  w.key("occasions");
  w.begin_array();
  for (const auto& o : report.occasions) write_occasion(w, o, Who::included);
  w.end_array();
  w.end_object();
  return out;
}

Json to_json(const DueReport& report) { return Json::parse(to_json_text(report)); }

}  // namespace kith
