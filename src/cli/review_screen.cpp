#include <algorithm>
#include <cctype>
#include <set>

#include "cli/review.h"
#include "core/english.h"
#include "core/logbook.h"
#include "core/text.h"

namespace kith::cli {
namespace {

// "today", "tomorrow", "in 4 days", "3 days ago"
std::string review_when(Date date, Date today) {
  const auto days = (date - today).count();
  if (days == 0) return "today";
  if (days == 1) return "tomorrow";
  if (days < 0) return plural(-days, "day", "days") + " ago";
  return "in " + plural(days, "day", "days");
}

Tone review_lateness_tone(int days_overdue, int cycle_days) {
  if (days_overdue <= 0) return Tone::plain;
  return cycle_days > 0 && days_overdue >= cycle_days ? Tone::red : Tone::yellow;
}

std::string_view part_title(ReviewPart part) {
  switch (part) {
    case ReviewPart::due:
      return "Due";
    case ReviewPart::follow_up:
      return "Follow-up";
    case ReviewPart::homework:
      return "Homework";
    case ReviewPart::weak_tie:
      return "Weak tie";
    case ReviewPart::proposal:
      return "Inbox";
  }
  return "";
}

void number_part(std::vector<ReviewStop>& stops, std::size_t from) {
  const std::size_t count = stops.size() - from;
  for (std::size_t k = from; k < stops.size(); ++k) {
    stops[k].number = k - from + 1;
    stops[k].count = count;
  }
}

// As `kith due` says it: "9 months late · every 1m; last: gave 2026-08-31",
// "last: asked 2026-11-20 (asks don't reset the clock)", "last: never (met
// 2026-03-01)".
void print_why_due(std::ostream& out, const Style& style, const DueEntry& e, Date today) {
  out << "  Why now: "
      << style(review_lateness_tone(e.days_overdue, e.cycle_days),
               lateness_phrase(e.days_overdue) + " · every " + e.every.text)
      << "; last: ";
  if (e.last_no_need) {
    const bool gave = e.last_give && *e.last_give == *e.last_no_need;
    out << (gave ? "gave " : "caught up ") << format_date(*e.last_no_need);
  } else if (e.last_ask) {
    out << "asked " << format_date(*e.last_ask) << " (asks don't reset the clock)";
  } else {
    out << (e.contact->met_on ? "never (met " + format_date(*e.contact->met_on) + ")"
                              : "never (added " + format_date(e.contact->added_on) + ")");
  }
  out << "\n";
  if (e.occasion) {
    const Occasion& o = *e.occasion;
    std::string text = clean(o.text);
    if (o.kind == Occasion::Kind::birthday) text += " " + review_when(o.date, today);
    out << "  Occasion: " << style(Tone::green, text) << "\n";
  }
}

void print_why_follow_up(std::ostream& out, const Style& style, const DueFollowUp& f,
                         const std::string& contact_id) {
  const Interaction& i = *f.interaction;
  const std::string by = i.follow_up->by ? "by " + format_date(f.by) : "since " + format_date(f.by);
  out << "  Why now: you promised \"" << clean(i.follow_up->text) << "\", " << by << ", "
      << style(review_lateness_tone(f.days_overdue, 0), lateness_phrase(f.days_overdue)) << " ("
      << style(Tone::cyan, short_interaction_id(i.id)) << ")\n";
  std::vector<std::string> others;
  for (const auto& id : i.contacts) {
    if (id != contact_id) others.push_back(clean(id));
  }
  if (!others.empty()) out << "  Also with: " << join(others) << "\n";
}

// "imported from linkedin, connected 2024-03-12" for a contact that came
// by import (LinkedIn's "Connected On" is kept as met_on); "met 2026-03-01"
// or "added 2026-11-20" for one added by hand; without the date unless
// `dated`.
std::string review_origin(const Contact& c, bool dated = true) {
  std::string origin;
  const bool imported = came_by_import(c);
  if (imported) {
    const auto from = c.extra.find("imported_from");
    origin = from != c.extra.end() && from->is_string()
                 ? "imported from " + clean(from->get<std::string>())
                 : std::string("imported");
  }
  if (dated) {
    const std::string date = c.met_on ? (imported ? "connected " : "met ") + format_date(*c.met_on)
                                      : "added " + format_date(c.added_on);
    origin += (origin.empty() ? "" : ", ") + date;
  }
  return origin;
}

void print_why_homework(std::ostream& out, const Style& style, const ReviewScreen& screen) {
  const Homework& hw = screen.report->homework;
  out << "  Why now: homework for " << month_name(static_cast<unsigned>(hw.month.month())) << " "
      << static_cast<int>(hw.month.year()) << ", "
      << style(Tone::yellow, std::to_string(hw.reached.size()) + " of " +
                                 plural(hw.goal, "new contact", "new contacts") + " reached")
      << "\n";
  // The reason may be the date already ("connected 2024-03-12"): then the
  // origin does not say it again.
  const std::string& reason = screen.stop->reason;
  const Contact& c = *screen.contact;
  const Date connected = c.met_on ? *c.met_on : c.added_on;
  const bool dated = reason.find(format_date(connected)) != std::string::npos;
  out << "  Why them: " << (reason.empty() ? "" : style(Tone::green, clean(reason)) + "; ")
      << "never contacted";
  if (!dated || came_by_import(c)) out << "; " << review_origin(c, !dated);
  out << "\n";
}

void print_why_weak_tie(std::ostream& out, const ReviewScreen& screen) {
  const Contact& c = *screen.contact;
  std::string origin = review_origin(c);
  origin.front() = static_cast<char>(std::toupper(static_cast<unsigned char>(origin.front())));
  out << "  " << origin << "; never contacted\n"
      << "  Cadence: " << review_cadence(c, *screen.settings)
      << "; tags: " << (c.tags.empty() ? std::string("none") : clean(join(c.tags))) << "\n";
}

void print_recent(std::ostream& out, const Style& style, const std::vector<Interaction>& all) {
  if (all.empty()) {
    out << "  Last: " << style(Tone::dim, "no interaction yet") << "\n";
    return;
  }
  const std::size_t shown = std::min(all.size(), kReviewRecent);
  for (std::size_t k = 0; k < shown; ++k) {
    const Interaction& i = all[all.size() - 1 - k];
    out << (k == 0 ? "  Last: " : "        ") << format_date(i.date) << " " << to_string(i.intent)
        << " (" << clean(i.kind) << ")";
    // A note keeps its lines, each under the one before.
    const auto lines = text::split_lines(i.note.value_or(""));
    if (i.note) out << ": " << clean(lines.front());
    out << "\n";
    for (std::size_t l = 1; l < lines.size(); ++l) out << "          " << clean(lines[l]) << "\n";
  }
  if (all.size() > shown) {
    out << "        "
        << style(Tone::dim, "… and " + plural(static_cast<long long>(all.size() - shown),
                                              "earlier one", "earlier ones"))
        << "\n";
  }
}

}  // namespace

std::string review_cadence(const Contact& c, const Settings& settings) {
  if (!c.every) return "none of its own (the setting: every " + settings.every.text + ")";
  if (c.every->unit == Duration::Unit::off) return "cadence off";
  return "every " + c.every->text;
}

std::vector<ReviewStop> review_stops(const DueReport& report, const Network& network) {
  std::vector<ReviewStop> stops;
  std::set<std::string, std::less<>> shown;
  for (const auto& e : report.due) {
    ReviewStop s;
    s.part = ReviewPart::due;
    s.contact_id = e.contact->id;
    s.due = &e;
    stops.push_back(std::move(s));
    shown.insert(e.contact->id);
  }
  number_part(stops, 0);
  std::size_t from = stops.size();
  for (const auto& f : report.follow_ups) {
    for (const auto& id : f.interaction->contacts) {
      const Contact* c = network.find(id);
      if (c == nullptr || c->archived) continue;
      ReviewStop s;
      s.part = ReviewPart::follow_up;
      s.contact_id = id;
      s.follow_up = &f;
      stops.push_back(std::move(s));
      break;
    }
  }
  number_part(stops, from);
  from = stops.size();
  const Homework& hw = report.homework;
  for (std::size_t k = 0; !hw.done() && k < hw.suggestions.size(); ++k) {
    const Contact* c = hw.suggestions[k];
    if (shown.contains(c->id)) continue;
    ReviewStop s;
    s.part = ReviewPart::homework;
    s.contact_id = c->id;
    if (k < hw.suggestion_reasons.size()) s.reason = hw.suggestion_reasons[k];
    stops.push_back(std::move(s));
  }
  number_part(stops, from);
  return stops;
}

std::vector<ReviewStop> weak_tie_stops(const Network& network, const HistoryMap& history) {
  std::vector<const Contact*> weak;
  for (const auto& c : network.contacts) {
    if (!c.archived && is_weak_tie(c, history_of(history, c.id))) weak.push_back(&c);
  }
  std::stable_sort(weak.begin(), weak.end(), [](const Contact* a, const Contact* b) {
    return a->added_on != b->added_on ? a->added_on < b->added_on : a->id < b->id;
  });
  std::vector<ReviewStop> stops;
  for (const Contact* c : weak) {
    ReviewStop s;
    s.part = ReviewPart::weak_tie;
    s.contact_id = c->id;
    stops.push_back(std::move(s));
  }
  number_part(stops, 0);
  return stops;
}

std::vector<ReviewStop> proposal_stops(const inbox::Inbox& box) {
  std::vector<const inbox::Proposal*> open;
  for (const auto& p : box.proposals) {
    if (p.state == inbox::State::open) open.push_back(&p);
  }
  std::stable_sort(open.begin(), open.end(),
                   [](const inbox::Proposal* a, const inbox::Proposal* b) {
                     if (a->is_person() != b->is_person()) return b->is_person();
                     return !a->is_person() && a->date < b->date;
                   });
  std::vector<ReviewStop> stops;
  for (const inbox::Proposal* p : open) {
    ReviewStop s;
    s.part = ReviewPart::proposal;
    s.proposal = p;
    if (!p->contacts.empty()) s.contact_id = p->contacts.front();
    stops.push_back(std::move(s));
  }
  number_part(stops, 0);
  return stops;
}

void print_proposal_screen(std::ostream& out, const Style& style, const ReviewStop& stop,
                           const Network& network, const std::vector<Interaction>* interactions) {
  const inbox::Proposal& p = *stop.proposal;
  std::string title = std::string(part_title(stop.part)) + " " + std::to_string(stop.number) +
                      " of " + std::to_string(stop.count) + ": ";
  if (p.is_person()) {
    title += clean(p.name.empty() ? p.email : p.name + " <" + p.email + ">");
    out << "\n" << style(Tone::bold, title) << "\n";
    out << "  Not a contact; you wrote to them " << plural(p.messages, "time", "times")
        << ", last on " << format_date(p.date) << "\n";
  } else {
    std::vector<std::string> names;
    for (const auto& id : p.contacts) {
      const Contact* c = network.find(id);
      names.push_back(c ? clean(c->name) + " (" + style(Tone::cyan, id) + ")"
                        : style(Tone::cyan, id) + " (no longer a contact)");
    }
    title += clean(p.kind) + " with ";
    out << "\n"
        << style(Tone::bold, title) << natural_list(names) << style(Tone::bold, " on ")
        << style(Tone::bold, format_date(p.date)) << "\n";
    if (!p.note.empty()) out << "  \"" << clean(p.note) << "\"\n";
  }
  out << "  Found in: "
      << (p.source == "ics"    ? "calendar "
          : p.source == "mail" ? "mail "
                               : "")
      << clean(p.where) << "\n";
  if (interactions) print_recent(out, style, *interactions);
}

std::vector<const Interaction*> open_follow_ups(const std::vector<Interaction>& interactions) {
  std::vector<const Interaction*> open;
  for (const auto& i : interactions) {
    if (i.follow_up && !i.follow_up->done_on) open.push_back(&i);
  }
  return open;
}

void print_review_screen(std::ostream& out, const Style& style, const ReviewScreen& screen) {
  const ReviewStop& stop = *screen.stop;
  const Contact& c = *screen.contact;
  out << "\n"
      << style(Tone::bold, std::string(part_title(stop.part)) + " " + std::to_string(stop.number) +
                               " of " + std::to_string(stop.count) + ": " + clean(c.name))
      << " (" << style(Tone::cyan, c.id) << ")\n";
  std::string headline;
  if (c.role) headline = clean(*c.role);
  if (c.company) headline += (headline.empty() ? "" : " at ") + clean(*c.company);
  if (c.location) headline += (headline.empty() ? "" : " · ") + clean(*c.location);
  if (!headline.empty()) out << "  " << headline << "\n";

  switch (stop.part) {
    case ReviewPart::due:
      print_why_due(out, style, *stop.due, screen.today);
      break;
    case ReviewPart::follow_up:
      print_why_follow_up(out, style, *stop.follow_up, c.id);
      break;
    case ReviewPart::homework:
      print_why_homework(out, style, screen);
      break;
    case ReviewPart::weak_tie:
      print_why_weak_tie(out, screen);
      break;
    case ReviewPart::proposal:
      break;
  }
  if (stop.part != ReviewPart::weak_tie) print_recent(out, style, *screen.interactions);
  // The follow-up a screen is for is its "why now", not listed again.
  auto open = open_follow_ups(*screen.interactions);
  if (stop.follow_up) {
    std::erase_if(open,
                  [&](const Interaction* i) { return i->id == stop.follow_up->interaction->id; });
  }
  for (std::size_t k = 0; k < open.size(); ++k) {
    const FollowUp& f = *open[k]->follow_up;
    out << "  Open follow-up";
    if (open.size() > 1) out << " " << k + 1;
    out << ": " << clean(f.text);
    if (f.by) out << ", by " << format_date(*f.by);
    out << " (" << style(Tone::cyan, short_interaction_id(open[k]->id)) << ")\n";
  }
  if (screen.offer) out << "  " << style(Tone::green, *screen.offer) << "\n";
}

}  // namespace kith::cli
