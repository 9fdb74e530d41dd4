// kith list [QUERY] [--tag T]... [--all] [--json]: contacts by name.
#include <algorithm>

#include "cli/commands.h"
#include "cli/output.h"
#include "core/json_writer.h"
#include "core/text.h"

namespace kith::cli {
namespace {

struct ListOptions {
  std::string query;
  std::vector<std::string> tags;
  bool all = false;
  bool json = false;
};

bool has_tag(const Contact& c, const std::string& tag) {
  return std::any_of(c.tags.begin(), c.tags.end(),
                     [&](const std::string& t) { return text::terms_match(t, tag); });
}

// A contact matches QUERY when its id starts with it, or its name, company or
// an email contains it (case- and diacritic-insensitive).
bool matches_query(const Contact& c, const std::string& folded_query) {
  if (folded_query.empty()) return true;
  if (c.id.starts_with(folded_query)) return true;
  if (text::fold(c.name).find(folded_query) != std::string::npos) return true;
  if (c.company && text::fold(*c.company).find(folded_query) != std::string::npos) return true;
  return std::any_of(c.emails.begin(), c.emails.end(), [&](const std::string& e) {
    return text::fold(e).find(folded_query) != std::string::npos;
  });
}

int run_list(const ListOptions& o, Context& ctx) {
  auto store = ctx.store();
  if (!store) return ctx.fail(store.error());
  if (auto config = store->load_config(); !config) return ctx.fail(config.error());
  std::vector<Unreadable> unreadable;  // left out, and named at the end
  auto contacts = store->load_contacts(nullptr, &unreadable);
  if (!contacts) return ctx.fail(contacts.error());

  warn_unknown_tags(ctx.err, *contacts, o.tags);
  const std::string folded_query = text::fold(o.query);
  std::vector<const Contact*> shown;
  for (const auto& c : *contacts) {
    if (c.archived && !o.all) continue;
    if (!matches_query(c, folded_query)) continue;
    if (!std::all_of(o.tags.begin(), o.tags.end(),
                     [&](const std::string& t) { return has_tag(c, t); })) {
      continue;
    }
    shown.push_back(&c);
  }
  // By folded name, then id: each name folded once.
  std::vector<std::pair<std::string, const Contact*>> keyed;
  keyed.reserve(shown.size());
  for (const Contact* c : shown) keyed.emplace_back(text::fold(c->name), c);
  std::sort(keyed.begin(), keyed.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first < b.first : a.second->id < b.second->id;
  });
  for (std::size_t k = 0; k < keyed.size(); ++k) shown[k] = keyed[k].second;

  if (o.json) {
    // Written straight out, as to_json(contact).dump(2) would write it.
    std::string text;
    text.reserve(512 * shown.size() + 4);
    JsonWriter w(text);
    w.begin_array();
    for (const Contact* c : shown) write_contact(w, *c);
    w.end_array();
    ctx.out << text << "\n";
    return ctx.served(unreadable);
  }
  if (contacts->empty() && !unreadable.empty()) {
    ctx.out << "No contact kith can read.\n";
    return ctx.served(unreadable);
  }
  if (contacts->empty()) {
    ctx.out << "No contacts yet. Add the first one:\n"
            << "  kith add \"Ada Lovelace\" --company Acme --skill math --interest compilers\n"
            << "and tell kith what you can offer others:\n"
            << "  kith me --name \"Your Name\" --skill \"…\" --interest \"…\"\n";
    return 0;
  }
  if (shown.empty()) {
    ctx.out << "No contact matches.\n";
    return ctx.served(unreadable);
  }
  const Style style(ctx.color(), ctx.width());
  Table table({"ID", "NAME", "COMPANY", "TAGS"});
  table.set_max_width(2, 28);
  table.set_flexible(1);  // the name
  table.set_flexible(2);  // company and role
  table.set_flexible(3);  // the tags
  table.fit(style.width());
  for (const Contact* c : shown) {
    std::string company = c->company ? clean(*c->company) : "";
    if (c->role) company += (company.empty() ? "" : " · ") + clean(*c->role);
    std::string tags = clean(join(c->tags));
    if (c->archived) tags = "(archived)" + std::string(tags.empty() ? "" : " ") + tags;
    table.add({{c->id, Tone::cyan}, {clean(c->name)}, {company}, {tags, Tone::dim}});
  }
  table.print(ctx.out, style);
  return ctx.served(unreadable);
}

}  // namespace

void setup_list(CLI::App& sub, Context& ctx) {
  auto o = std::make_shared<ListOptions>();
  sub.add_option("QUERY", o->query, "Part of a name, company, email, or an id prefix");
  sub.add_option("--tag", o->tags, "Only contacts with this tag (repeatable: all must match)")
      ->type_name("T");
  sub.add_flag("--all", o->all, "Include archived contacts");
  sub.add_flag("--json", o->json, "Print the contacts as a JSON array");
  sub.callback([o, &ctx] { ctx.exit_code = run_list(*o, ctx); });
}

}  // namespace kith::cli
