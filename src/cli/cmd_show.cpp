// kith show CONTACT [--full] [--json]: a contact, when it is next due, its
// open follow-ups and its interactions, newest first.
#include <algorithm>

#include "cli/commands.h"
#include "cli/output.h"
#include "core/contacts.h"
#include "core/due.h"
#include "core/english.h"
#include "core/history.h"
#include "core/logbook.h"
#include "core/occasions.h"

namespace kith::cli {
namespace {

struct ShowOptions {
  std::string contact;
  bool full = false;
  bool json = false;
};

// "CTO at Globex", or "unknown" when neither part is known.
std::string job_phrase(const Job& job) {
  const std::string s = describe(job);
  return s.empty() ? "unknown" : s;
}

// "1990-12-10" when the year is known, else "10 December" (a year-less
// birthday is stored as "--12-10", which reads as nothing to a person).
std::string birthday_phrase(const Birthday& b) {
  if (b.year) return format_birthday(b);
  return std::to_string(b.day) + " " + std::string(month_name(b.month));
}

struct DueRow {
  std::string label;  // "next due" or "due now"
  std::string value;
};

// When `c` is next due for a no-need hello, as `kith due` reckons it:
// "next due: 2027-01-12, in 5 weeks", "due now: 3 weeks late (due
// 2026-10-30)", "due now: today"; never for an archived contact or a cadence
// of off; "not yet" for a weak tie (due.h). A snooze past the due date puts it off to the snooze's
// end.
DueRow due_row(const Contact& c, const std::vector<Interaction>& interactions,
               const Settings& settings, Date today) {
  if (c.archived) return {"next due", "never (archived)"};
  ContactHistory history;
  for (const auto& i : interactions) {
    if (i.date <= today) count_interaction(history, i.intent, i.date);
  }
  const std::optional<Cadence> cadence = cadence_of(c, history, settings);
  if (!cadence) return {"next due", "never (every off)"};
  if (is_weak_tie(c, history)) {
    return {"next due", "not yet: a weak tie, suggested for the homework until you first write"};
  }
  Date due = cadence->due_on;
  std::string why;
  if (c.snoozed_until && *c.snoozed_until > today && *c.snoozed_until > due) {
    due = *c.snoozed_until;
    why = " (when the snooze ends)";
  }
  const long long late = (today - due).count();
  if (late > 0) return {"due now", lateness_phrase(late) + " (due " + format_date(due) + ")"};
  if (late == 0) return {"due now", "today"};
  return {"next due", format_date(due) + ", " + lateness_phrase(late) + why};
}

// The follow-ups of `history` not marked done, the earliest due first.
void print_open_follow_ups(const std::vector<const Interaction*>& history, Date today,
                           const Style& style, std::ostream& out) {
  std::vector<const Interaction*> open;
  for (const Interaction* i : history) {
    if (i->follow_up && !i->follow_up->done_on) open.push_back(i);
  }
  if (open.empty()) return;
  auto due_on = [](const Interaction* i) { return i->follow_up->by.value_or(i->date); };
  std::sort(open.begin(), open.end(), [&](const Interaction* a, const Interaction* b) {
    return due_on(a) != due_on(b) ? due_on(a) < due_on(b) : a->id < b->id;
  });
  out << "\n" << style(Tone::bold, "Open follow-ups") << " (" << open.size() << ")\n";
  Table table;
  table.set_flexible(2);  // what was promised
  table.fit(style.width());
  for (const Interaction* i : open) {
    table.add({{short_interaction_id(i->id), Tone::cyan},
               {follow_up_when(*i, today), due_on(i) < today ? Tone::yellow : Tone::plain},
               {clean(i->follow_up->text)}});
  }
  table.print(out, style, "  ");
  print_line(out, style, {{"  Mark one done: kith done ID", Tone::dim}}, style.width());
}

int run_show(const ShowOptions& o, Context& ctx) {
  auto store = ctx.store();
  if (!store) return ctx.fail(store.error());
  // Other contacts' files and log lines that cannot be read are left out
  // (and named at the end); the contact's own file must be read.
  auto network = store->load_records(Reading::around);
  if (!network) return ctx.fail(network.error());
  auto found = resolve_contact(network->contacts, o.contact, Scope::all, network->unreadable);
  if (!found) return ctx.fail(found.error());
  const Contact& c = **found;

  // Only the months that mention the contact are read in full.
  std::vector<std::string> warnings;
  std::vector<Unreadable>& unreadable = network->unreadable;
  auto interactions = store->load_interactions_of(c.id, warnings, c.aliases, &unreadable);
  if (!interactions) return ctx.fail(interactions.error());
  ctx.report(warnings);
  std::vector<const Interaction*> history;
  for (const auto& i : *interactions) history.push_back(&i);
  std::reverse(history.begin(), history.end());

  if (o.json) {
    Json j = to_json(c);
    Json list = Json::array();
    for (const Interaction* i : history) list.push_back(to_json(*i));
    j["interactions"] = std::move(list);
    print_json(ctx.out, j);
    return ctx.served(unreadable);
  }

  auto today = ctx.today();
  if (!today) return ctx.fail(today.error());
  const Style style(ctx.color(), o.full ? 0 : ctx.width());
  std::vector<Piece> title = {
      {clean(c.name), Tone::bold, true}, {"  "}, {"(" + c.id + ")", Tone::dim}};
  if (c.archived) title.push_back({"  archived", Tone::yellow});
  print_line(ctx.out, style, title, style.width());
  std::string headline;
  if (c.role) headline = clean(*c.role);
  if (c.company) headline += (headline.empty() ? "" : " at ") + clean(*c.company);
  if (c.location) headline += (headline.empty() ? "" : " · ") + clean(*c.location);
  if (!headline.empty())
    print_line(ctx.out, style, {{"  "}, {headline, Tone::plain, true}}, style.width());

  Table fields;
  fields.set_flexible(1);
  fields.fit(style.width());
  auto add = [&](const char* label, const std::string& value) {
    if (!value.empty()) fields.add({{label, Tone::dim}, {clean(value)}});
  };
  add("email", join(c.emails));
  add("phone", join(c.phones));
  add("links", join(c.links));
  add("tags", join(c.tags));
  add("skills", join(c.skills));
  add("interests", join(c.interests));
  add("how met", c.how_met.value_or(""));
  add("met on", c.met_on ? format_date(*c.met_on) : "");
  add("every",
      c.every ? c.every->text : network->settings.every.text + " (the default; kith config every)");
  const DueRow due = due_row(c, *interactions, network->settings, *today);
  add(due.label.c_str(), due.value);
  add("birthday", c.birthday ? birthday_phrase(*c.birthday) : "");
  add("snoozed", c.snoozed_until ? "until " + format_date(*c.snoozed_until) : "");
  // Newest first, as the interactions below.
  for (auto it = c.job_changes.rbegin(); it != c.job_changes.rend(); ++it) {
    add("job change",
        format_date(it->on) + ": " + job_phrase(it->from) + " → " + job_phrase(it->to));
  }
  if (c.notes) {
    // A note keeps its lines, each under the one before.
    const auto lines = text::split_lines(*c.notes);
    for (std::size_t k = 0; k < lines.size(); ++k) {
      fields.add({{k == 0 ? "notes" : "", Tone::dim}, {clean(lines[k])}});
    }
  }
  add("added on", format_date(c.added_on));
  add("merged", join(c.aliases));
  fields.print(ctx.out, style, "  ");
  print_open_follow_ups(history, *today, style, ctx.out);

  ctx.out << "\n";
  if (history.empty()) {
    ctx.out << wrap_words("No interactions yet. Reach out with no need, then record it:",
                          style.width());
    print_line(ctx.out, style, {{"  kith log " + c.id + " --kind coffee"}}, style.width());
    return ctx.served(unreadable);
  }
  ctx.out << style(Tone::bold, "Interactions") << " (newest first)\n";
  Table table;
  table.set_flexible(2);  // the kind
  table.set_flexible(4);  // the note
  table.fit(style.width());
  for (const Interaction* i : history) {
    Tone tone = i->intent == Intent::give  ? Tone::green
                : i->intent == Intent::ask ? Tone::yellow
                                           : Tone::plain;
    // The note's lines, each on a row of its own; who else was there opens
    // the first, the follow-up closes the last.
    std::vector<std::string> lines;
    for (const auto& line : text::split_lines(i->note.value_or(""))) lines.push_back(clean(line));
    std::vector<std::string> others;
    for (const auto& id : i->contacts) {
      if (id != c.id) others.push_back(id);
    }
    // The ids come from the log file as written: clean them like any text.
    if (!others.empty()) {
      lines.front() =
          "with " + clean(join(others)) + (lines.front().empty() ? "" : ": ") + lines.front();
    }
    if (i->follow_up) {
      lines.back() += std::string(lines.back().empty() ? "" : " ") + "[follow-up " +
                      (i->follow_up->done_on ? "done" : "open") + ": " + clean(i->follow_up->text) +
                      "]";
    }
    table.add({{short_interaction_id(i->id), Tone::dim},
               {format_date(i->date)},
               {clean(i->kind)},
               {std::string(to_string(i->intent)), tone},
               {lines.front()}});
    for (std::size_t k = 1; k < lines.size(); ++k) {
      table.add({{""}, {""}, {""}, {""}, {lines[k]}});
    }
  }
  table.print(ctx.out, style, "  ");
  return ctx.served(unreadable);
}

}  // namespace

void setup_show(CLI::App& sub, Context& ctx) {
  auto o = std::make_shared<ShowOptions>();
  sub.add_option("CONTACT", o->contact, "Id, id prefix, part of the name, or email")->required();
  sub.add_flag("--full", o->full,
               "Shorten nothing: whole notes and follow-ups, whatever the terminal's width");
  sub.add_flag("--json", o->json, "Print the contact and its interactions as JSON");
  sub.callback([o, &ctx] { ctx.exit_code = run_show(*o, ctx); });
}

}  // namespace kith::cli
