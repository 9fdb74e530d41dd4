// kith show CONTACT [--json]: a contact and its interactions, newest first.
#include <algorithm>

#include "cli/commands.h"
#include "cli/output.h"
#include "core/contacts.h"
#include "core/english.h"
#include "core/occasions.h"

namespace kith::cli {
namespace {

struct ShowOptions {
  std::string contact;
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

int run_show(const ShowOptions& o, Context& ctx) {
  auto store = ctx.store();
  if (!store) return ctx.fail(store.error());
  auto network = store->load_records();
  if (!network) return ctx.fail(network.error());
  auto found = resolve_contact(network->contacts, o.contact, Scope::all);
  if (!found) return ctx.fail(found.error());
  const Contact& c = **found;

  // Only the months that mention the contact are read in full.
  std::vector<std::string> warnings;
  auto interactions = store->load_interactions_of(c.id, warnings);
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
    return 0;
  }

  const Style style(ctx.color());
  ctx.out << style(Tone::bold, clean(c.name)) << "  " << style(Tone::dim, "(" + c.id + ")");
  if (c.archived) ctx.out << "  " << style(Tone::yellow, "archived");
  ctx.out << "\n";
  std::string headline;
  if (c.role) headline = clean(*c.role);
  if (c.company) headline += (headline.empty() ? "" : " at ") + clean(*c.company);
  if (c.location) headline += (headline.empty() ? "" : " · ") + clean(*c.location);
  if (!headline.empty()) ctx.out << "  " << headline << "\n";

  Table fields;
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
  add("birthday", c.birthday ? birthday_phrase(*c.birthday) : "");
  add("snoozed", c.snoozed_until ? "until " + format_date(*c.snoozed_until) : "");
  // Newest first, as the interactions below.
  for (auto it = c.job_changes.rbegin(); it != c.job_changes.rend(); ++it) {
    add("job change",
        format_date(it->on) + ": " + job_phrase(it->from) + " → " + job_phrase(it->to));
  }
  add("notes", c.notes.value_or(""));
  add("added on", format_date(c.added_on));
  fields.print(ctx.out, style, "  ");

  ctx.out << "\n";
  if (history.empty()) {
    ctx.out << "No interactions yet. Reach out with no need, then record it:\n"
            << "  kith log " << c.id << " --kind coffee\n";
    return 0;
  }
  ctx.out << style(Tone::bold, "Interactions") << " (newest first)\n";
  Table table;
  table.set_max_width(3, 60);
  for (const Interaction* i : history) {
    Tone tone = i->intent == Intent::give  ? Tone::green
                : i->intent == Intent::ask ? Tone::yellow
                                           : Tone::plain;
    std::string note = clean(i->note.value_or(""));
    std::vector<std::string> others;
    for (const auto& id : i->contacts) {
      if (id != c.id) others.push_back(id);
    }
    // The ids come from the log file as written: clean them like any text.
    if (!others.empty()) {
      note = "with " + clean(join(others)) + (note.empty() ? "" : ": ") + note;
    }
    if (i->follow_up) {
      note += std::string(note.empty() ? "" : " ") + "[follow-up " +
              (i->follow_up->done_on ? "done" : "open") + ": " + clean(i->follow_up->text) + "]";
    }
    table.add({{format_date(i->date)},
               {clean(i->kind)},
               {std::string(to_string(i->intent)), tone},
               {note}});
  }
  table.print(ctx.out, style, "  ");
  return 0;
}

}  // namespace

void setup_show(CLI::App& sub, Context& ctx) {
  auto o = std::make_shared<ShowOptions>();
  sub.add_option("CONTACT", o->contact, "Id, id prefix, part of the name, or email")->required();
  sub.add_flag("--json", o->json, "Print the contact and its interactions as JSON");
  sub.callback([o, &ctx] { ctx.exit_code = run_show(*o, ctx); });
}

}  // namespace kith::cli
