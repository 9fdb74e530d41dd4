// kith dupes [--json]: groups of contacts that are likely one person.
#include "cli/commands.h"
#include "cli/output.h"
#include "core/dupes.h"
#include "core/english.h"

namespace kith::cli {
namespace {

struct DupesOptions {
  bool json = false;
};

// "same email ada@example.org", "same name", "same first and last name…".
std::string heading(const DupeGroup& g) {
  switch (g.reason) {
    case DupeReason::email:
      return "same email " + clean(g.value);
    case DupeReason::url:
      return "same LinkedIn profile " + clean(g.value);
    case DupeReason::phone:
      return "same phone " + clean(g.value);
    case DupeReason::name:
      return "same name";
    case DupeReason::transliterated_name:
      return "same name in Latin letters";
    case DupeReason::first_and_last_name:
      return "same first and last name, with or without a middle name";
  }
  return "same name";
}

// "kith merge ada-lovelace ada-l": the line that makes one contact of `g`.
std::string merge_line(const DupeGroup& g, const std::vector<Contact>& contacts) {
  std::string line = "kith merge " + contacts[g.keep].id;
  for (std::size_t i : g.others) line += " " + contacts[i].id;
  return line;
}

int run_dupes(const DupesOptions& o, Context& ctx) {
  auto store = ctx.store();
  if (!store) return ctx.fail(store.error());
  if (auto config = store->load_config(); !config) return ctx.fail(config.error());
  std::vector<std::string> latin;      // the names in other scripts, transliterated
  std::vector<Unreadable> unreadable;  // left out, and named at the end
  auto contacts = store->load_contacts(&latin, &unreadable);
  if (!contacts) return ctx.fail(contacts.error());
  const std::vector<DupeGroup> groups = find_dupes(*contacts, latin);

  if (o.json) {
    Json list = Json::array();
    for (const auto& g : groups) {
      Json ids = Json::array();
      for (std::size_t i : g.who) ids.push_back((*contacts)[i].id);
      Json others = Json::array();
      for (std::size_t i : g.others) others.push_back((*contacts)[i].id);
      list.push_back({{"reason", std::string(to_string(g.reason))},
                      {"value", g.value},
                      {"ids", std::move(ids)},
                      {"keep", (*contacts)[g.keep].id},
                      {"merge", std::move(others)},
                      {"command", merge_line(g, *contacts)}});
    }
    print_json(ctx.out, list);
    return ctx.served(unreadable);
  }
  if (groups.empty()) {
    ctx.out << "No likely duplicates among " << plural(contacts->size(), "contact", "contacts")
            << ".\n";
    return ctx.served(unreadable);
  }
  const Style style(ctx.color());
  ctx.out << plural(groups.size(), "group", "groups")
          << " of likely duplicates, the most certain first:\n";
  for (const auto& g : groups) {
    ctx.out << style(Tone::bold, heading(g)) << "\n";
    Table table;
    table.set_max_width(2, 40);
    for (std::size_t i : g.who) {
      const Contact& c = (*contacts)[i];
      std::string job = clean(c.company.value_or(""));
      if (c.role) job += (job.empty() ? "" : " · ") + clean(*c.role);
      if (c.archived) job = "(archived)" + std::string(job.empty() ? "" : " ") + job;
      table.add({{c.id, Tone::cyan}, {clean(c.name)}, {job, Tone::dim}});
    }
    table.print(ctx.out, style, "  ");
    if (!g.others.empty()) ctx.out << "  " << style(Tone::green, merge_line(g, *contacts)) << "\n";
  }
  ctx.out << "Each `kith merge` line makes one contact of its group (the groups above it "
             "merged first); add --dry-run to see what it would do, `kith show ID` to compare.\n";
  return ctx.served(unreadable);
}

}  // namespace

void setup_dupes(CLI::App& sub, Context& ctx) {
  auto o = std::make_shared<DupesOptions>();
  sub.add_flag("--json", o->json, "Print the groups as a JSON array");
  sub.callback([o, &ctx] { ctx.exit_code = run_dupes(*o, ctx); });
}

}  // namespace kith::cli
