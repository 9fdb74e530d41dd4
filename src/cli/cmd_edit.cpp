// kith edit CONTACT|INTERACTION|me [options]: change a contact, an
// interaction or your profile. With options, scalars replace, lists add, and
// the --no-… options and --untag remove. With no option, the record's JSON
// opens in $VISUAL / $EDITOR and is saved only when the result is a valid
// record with the same id.
#include <algorithm>
#include <functional>
#include <optional>
#include <set>

#include "cli/actions.h"
#include "cli/commands.h"
#include "cli/contact_fields.h"
#include "cli/editor.h"
#include "cli/git_support.h"
#include "cli/interaction_change.h"
#include "cli/output.h"
#include "core/contacts.h"
#include "core/fields.h"
#include "core/logbook.h"
#include "core/records.h"

namespace kith::cli {

Result<ContactEdit> save_contact_edit(
    Context& ctx, const Store& store, const std::string& id, const std::vector<Contact>& contacts,
    const std::function<Result<Contact>(const Contact& current)>& change) {
  auto lock = store.lock_for_write(ctx.lock_options());
  if (!lock) return lock.error();
  auto current = store.load_contact(id);
  if (!current) return current.error();
  if (!current->has_value()) {
    return usage_error("no contact matches '" + id + "' any more",
                       "another kith removed it meanwhile; nothing was saved");
  }
  auto updated = change(**current);
  if (!updated) return updated.error();
  if (to_json(**current) == to_json(*updated)) return ContactEdit{std::move(*updated), false};
  if (updated->name != (*current)->name) {
    for (const Contact* dup : find_duplicates(contacts, *updated)) {
      ctx.warn("possible duplicate: " + dup->id + " (" + clean(dup->name) +
               ") has the same name or email");
    }
  }
  if (auto s = store.save_contact(*updated); !s) return s.error();
  commit_change(ctx, store, "edit: " + updated->id);
  return ContactEdit{std::move(*updated), true};
}

namespace {

struct EditOptions {
  std::string target;  // a CONTACT reference, or "me"
  std::optional<std::string> name;
  ContactFields fields;
  ContactRemovals removals;
  std::vector<std::string> goals;     // me only
  std::vector<std::string> no_goals;  // me only
  // An interaction only (--note is shared with contacts):
  std::optional<std::string> date;
  std::optional<std::string> kind;
  bool give = false;
  bool ask = false;
  bool catch_up = false;
  std::vector<std::string> contacts;
  bool json = false;

  bool changes_something() const {
    return name || !fields.empty() || !removals.empty() || !goals.empty() || !no_goals.empty() ||
           changes_interaction();
  }
  // The options only an interaction takes, the first one given, else null.
  const char* interaction_option() const {
    if (date) return "--date";
    if (kind) return "--kind";
    if (give) return "--give";
    if (ask) return "--ask";
    if (catch_up) return "--catch-up";
    if (!contacts.empty()) return "--contact";
    return nullptr;
  }
  bool changes_interaction() const { return interaction_option() != nullptr || fields.note; }
  // Whether an option that an interaction does not take was given.
  bool changes_more_than_an_interaction() const {
    ContactFields others = fields;
    others.note.reset();
    return name || !others.empty() || !removals.empty() || !goals.empty() || !no_goals.empty();
  }
};

// ---------------------------------------------------------------------------
// Editing in the editor, shared by contacts and the profile.

// Turns a problem with the edited text into the usage error the user sees.
Error edit_problem(const Error& e, std::string_view again) {
  return usage_error(e.message,
                     "nothing was saved; `kith edit " + std::string(again) + "` starts over");
}

// The lines put above the user's text when the editor reopens on it: the
// problem, as `//` lines, which unannotated() blanks again.
std::string annotated(const Error& problem, const std::string& text) {
  std::string out = "// kith: " + problem.message + "\n";
  out += "// Fix the text below and save; these // lines at the top are ignored.\n";
  return out + text;
}

// The text with each leading line that starts with "//" made empty, so that
// the line numbers of a problem still match the file.
std::string unannotated(std::string text) {
  std::size_t at = 0;
  while (text.compare(at, 2, "//") == 0) {
    const std::size_t end = text.find('\n', at);
    if (end == std::string::npos) return text.substr(0, at);
    text.erase(at, end - at);
    ++at;
  }
  return text;
}

// Lets the user edit `original` until `validate` accepts it, and returns the
// accepted text. `validate` returns the problem. On a terminal kith asks
// whether to edit again, and reopens the editor on the user's text with the
// problem at the top. A text given up (no terminal, or no to the question)
// is kept in a temp file of mode 0600 that the error names.
Result<std::string> edit_until_valid(Context& ctx, std::string_view stem, std::string_view again,
                                     const std::string& original,
                                     const std::function<Status(const std::string&)>& validate) {
  auto first = EditBuffer::create(ctx.env(), stem, original);
  if (!first) return first.error();
  std::optional<EditBuffer> buffer(std::move(*first));
  for (;;) {
    ctx.out.flush();
    ctx.err.flush();
    auto edited = buffer->edit(ctx.env());
    if (!edited) return edited.error();
    const std::string text = unannotated(std::move(*edited));
    Status s = validate(text);
    if (s) return text;
    Error problem = edit_problem(s.error(), again);
    bool retry = false;
    if (ctx.env().stdin_is_tty) {
      ctx.err << "kith: error: " << problem.message << "\n";
      retry = ctx.ask("Edit again?");
    }
    auto next = EditBuffer::create(ctx.env(), stem, retry ? annotated(problem, text) : text);
    if (!next) return next.error();
    buffer.reset();
    buffer.emplace(std::move(*next));
    if (retry) continue;
    const std::string kept = clean(buffer->keep().string());
    if (ctx.env().stdin_is_tty) {
      return usage_error("edit abandoned; nothing was saved; your text is kept in " + kept);
    }
    problem.message += " (your text is kept in " + kept + ")";
    return problem;
  }
}

// ---------------------------------------------------------------------------
// Contacts

Status check_contact_edit(const Contact& edited, const Contact& original) {
  if (edited.id != original.id) {
    return usage_error("the id cannot be changed (it was '" + original.id + "', the edit says '" +
                           clean(edited.id) + "')",
                       "an id names the contact throughout the log; add a new contact instead");
  }
  if (auto s = check_text("name", edited.name); !s) return s;
  return {};
}

Result<Contact> parse_contact_edit(const std::string& text, const Contact& original) {
  auto json = parse_json_document(text, "your edit");
  if (!json) return json.error();
  auto edited = contact_from_json(*json, "your edit");
  if (!edited) return edited.error();
  if (auto s = check_contact_edit(*edited, original); !s) return s.error();
  return edited;
}

Result<Contact> apply_options(const EditOptions& o, Date today, const Contact& contact) {
  Contact updated = contact;
  if (o.name) {
    if (auto s = check_text("--name", *o.name); !s) return s.error();
    updated.name = *o.name;
  }
  // Removals first, so that a message about a missing value lists what the
  // contact had.
  if (auto s = apply_contact_removals(o.removals, o.fields, updated.id, updated); !s) {
    return s.error();
  }
  if (auto s = apply_contact_fields(o.fields, today, updated); !s) return s.error();
  return updated;
}

enum class Outcome { saved, unchanged };

int finish(Context& ctx, const EditOptions& o, const Json& record, Outcome outcome,
           const std::string& what) {
  if (o.json) print_json(ctx.out, record);
  ctx.confirm(outcome == Outcome::saved ? "updated " + what : "no changes to " + what);
  return 0;
}

int edit_contact(const EditOptions& o, Date today, const Store& store, Context& ctx) {
  if (const char* option = o.interaction_option()) {
    return ctx.fail(usage_error(std::string(option) + " applies to an interaction, not a contact",
                                std::string("`kith show CONTACT` lists the interactions with "
                                            "their ids: kith edit ID ") +
                                    option + " …"));
  }
  if (!o.goals.empty() || !o.no_goals.empty()) {
    return ctx.fail(usage_error(
        std::string(o.goals.empty() ? "--no-goal" : "--goal") + " only applies to your profile",
        "kith edit me --goal G"));
  }
  if (auto config = store.load_config(); !config) return ctx.fail(config.error());
  // Other contacts' files that cannot be read are worked around (and
  // named); the contact edited must be read.
  std::vector<Unreadable> unreadable;
  auto contacts = store.load_contacts(nullptr, &unreadable);
  if (!contacts) return ctx.fail(contacts.error());
  auto found = resolve_contact(*contacts, o.target, Scope::all, unreadable);
  if (!found) return ctx.fail(found.error());
  const Contact original = **found;
  ctx.report(unreadable);

  Contact updated;
  if (o.changes_something()) {
    // Every value is checked here, before the lock, and again on the record
    // read under the lock.
    auto checked = apply_options(o, today, original);
    if (!checked) return ctx.fail(checked.error());
    updated = std::move(*checked);
  } else {
    auto text = edit_until_valid(ctx, "kith-edit-" + original.id, original.id,
                                 serialize_document(to_json(original)),
                                 [&](const std::string& t) -> Status {
                                   auto parsed = parse_contact_edit(t, original);
                                   return parsed ? Status() : Status(parsed.error());
                                 });
    if (!text) return ctx.fail(text.error());
    updated = *parse_contact_edit(*text, original);
  }

  // Under the lock, on the record read again: the options are applied anew;
  // an edit in the editor stands only when nobody changed the record since.
  auto saved = save_contact_edit(
      ctx, store, original.id, *contacts, [&](const Contact& current) -> Result<Contact> {
        if (o.changes_something()) return apply_options(o, today, current);
        if (to_json(current) != to_json(original)) {
          return Error{ErrorKind::lock,
                       "another kith changed '" + original.id +
                           "' while you were editing it; nothing was saved",
                       "run `kith edit " + original.id + "` again"};
        }
        return updated;
      });
  if (!saved) return ctx.fail(saved.error());
  const std::string what = saved->contact.id + " (" + clean(saved->contact.name) + ")";
  return finish(ctx, o, to_json(saved->contact), saved->saved ? Outcome::saved : Outcome::unchanged,
                what);
}

// ---------------------------------------------------------------------------
// Interactions

// The checks `kith log` makes, on an interaction as edited: its id kept, a
// plausible date that is not in the future, a valid kind, contacts that
// exist (each once: a contact file kith cannot read, in `unreadable`, exists),
// a note of text.
Status check_interaction_edit(const Interaction& edited, const Interaction& original, Date today,
                              const std::vector<Contact>& contacts,
                              const std::vector<Unreadable>& unreadable) {
  if (edited.id != original.id) {
    return usage_error("the id cannot be changed (it was '" + original.id + "', the edit says '" +
                       clean(edited.id) + "')");
  }
  const std::string date = format_date(edited.date);
  if (auto s = check_event_date("date", date, edited.date, today); !s) return s;
  if (edited.date > today) return usage_error("date: " + date + " is in the future");
  auto kind = parse_kind(edited.kind);
  if (!kind) return kind.error();
  if (*kind != edited.kind) return usage_error("kind: write it as '" + *kind + "'");
  std::set<std::string> seen;
  for (const auto& id : edited.contacts) {
    if (!seen.insert(id).second) return usage_error("contacts: '" + clean(id) + "' is named twice");
    const bool known = std::any_of(contacts.begin(), contacts.end(),
                                   [&](const Contact& c) { return c.id == id; }) ||
                       std::any_of(unreadable.begin(), unreadable.end(), [&](const Unreadable& u) {
                         return !u.id.empty() && u.id == id;
                       });
    if (!known) {
      return usage_error("contacts: no contact has the id '" + clean(id) + "'",
                         "`kith list` shows the ids");
    }
  }
  if (edited.note) {
    auto note = check_note("note", *edited.note);
    if (!note) return note.error();
    if (*note != *edited.note) return usage_error("note: trailing spaces or blank lines");
  }
  return {};
}

Result<Interaction> parse_interaction_edit(const std::string& text, const Interaction& original,
                                           Date today, const std::vector<Contact>& contacts,
                                           const std::vector<Unreadable>& unreadable) {
  auto json = parse_json_document(text, "your edit");
  if (!json) return json.error();
  auto edited = interaction_from_json(*json, "your edit");
  if (!edited) return edited.error();
  if (auto s = check_interaction_edit(*edited, original, today, contacts, unreadable); !s) {
    return s.error();
  }
  return edited;
}

Result<Interaction> apply_interaction_options(const EditOptions& o, Date today,
                                              const Interaction& original,
                                              const std::vector<Contact>& contacts,
                                              const std::vector<Unreadable>& unreadable) {
  Interaction updated = original;
  if (o.date) {
    auto d = parse_date(*o.date, today, DateDirection::past);
    if (!d) return Error{ErrorKind::usage, "--date: " + d.error().message, d.error().hint};
    if (auto s = check_event_date("--date", *o.date, *d, today); !s) return s.error();
    if (*d > today) return usage_error("--date: " + format_date(*d) + " is in the future");
    updated.date = *d;
  }
  if (o.kind) {
    auto k = parse_kind(*o.kind);
    if (!k) return Error{ErrorKind::usage, "--kind: " + k.error().message, k.error().hint};
    updated.kind = *k;
  }
  if (o.give) updated.intent = Intent::give;
  if (o.ask) updated.intent = Intent::ask;
  if (o.catch_up) updated.intent = Intent::catch_up;
  if (o.fields.note) {
    auto note = check_note("--note", *o.fields.note);
    if (!note) return note.error();
    updated.note = note->empty() ? std::nullopt : std::optional<std::string>(std::move(*note));
  }
  if (!o.contacts.empty()) {
    updated.contacts.clear();
    for (const auto& ref : o.contacts) {
      auto c = resolve_contact(contacts, ref, Scope::active, unreadable);
      if (!c) return Error{c.error().kind, "--contact: " + c.error().message, c.error().hint};
      if (std::find(updated.contacts.begin(), updated.contacts.end(), (*c)->id) !=
          updated.contacts.end()) {
        return usage_error("--contact: " + (*c)->id + " is named twice");
      }
      updated.contacts.push_back((*c)->id);
    }
  }
  return updated;
}

int edit_interaction(const EditOptions& o, Date today, const Store& store, Context& ctx,
                     const Interaction& original) {
  if (o.changes_more_than_an_interaction()) {
    return ctx.fail(usage_error(
        "an interaction takes only --date, --kind, --give, --ask, --catch-up, --note and "
        "--contact",
        "to change a contact, name the contact: kith edit CONTACT …"));
  }
  // Contacts' files that cannot be read are worked around; the month of
  // the interaction is read whole before it is rewritten.
  std::vector<Unreadable> unreadable;
  auto contacts = store.load_contacts(nullptr, &unreadable);
  if (!contacts) return ctx.fail(contacts.error());
  Interaction updated;
  if (o.changes_something()) {
    auto checked = apply_interaction_options(o, today, original, *contacts, unreadable);
    if (!checked) return ctx.fail(checked.error());
    updated = std::move(*checked);
  } else {
    const std::string again = short_interaction_id(original.id);
    auto text = edit_until_valid(
        ctx, "kith-edit-" + again, again, serialize_document(to_json(original)),
        [&](const std::string& t) -> Status {
          auto parsed = parse_interaction_edit(t, original, today, *contacts, unreadable);
          return parsed ? Status() : Status(parsed.error());
        });
    if (!text) return ctx.fail(text.error());
    updated = *parse_interaction_edit(*text, original, today, *contacts, unreadable);
  }
  const std::string label = interaction_label(updated, *contacts);
  if (to_json(updated) == to_json(original)) {
    if (o.json) print_json(ctx.out, to_json(original));
    ctx.confirm("no changes to interaction " + label);
    return 0;
  }
  updated.extra[std::string(kRevisionKey)] = revision_of(original) + 1;

  auto lock = store.lock_for_write(ctx.lock_options());
  if (!lock) return ctx.fail(lock.error());
  std::vector<std::string> warnings;
  auto interactions = store.load_interactions(warnings, &unreadable);
  if (!interactions) return ctx.fail(interactions.error());
  auto current = std::find_if(interactions->begin(), interactions->end(),
                              [&](const Interaction& i) { return i.id == original.id; });
  if (current == interactions->end() || to_json(*current) != to_json(original)) {
    return ctx.fail(
        Error{ErrorKind::lock,
              "another kith changed interaction " + original.id + " meanwhile; nothing was saved",
              "look again with `kith show`"});
  }
  if (auto s = replace_interaction(store, original, updated); !s) return ctx.fail(s.error());
  ctx.report(unreadable);
  commit_change(ctx, store, "edit: " + original.id);
  if (o.json) print_json(ctx.out, to_json(updated));
  ctx.confirm("updated interaction " + label);
  return 0;
}

// ---------------------------------------------------------------------------
// Your profile

// The options that make no sense for the profile, with whether they were given.
Status check_profile_options(const EditOptions& o) {
  if (const char* option = o.interaction_option()) {
    return usage_error(std::string(option) + " does not apply to your profile",
                       "it applies to an interaction: kith edit ID " + std::string(option) + " …");
  }
  const ContactFields& f = o.fields;
  const ContactRemovals& r = o.removals;
  const std::pair<const char*, bool> contact_only[] = {
      {"--phone", !f.phones.empty()},       {"--link", !f.links.empty()},
      {"--how-met", f.how_met.has_value()}, {"--met", f.met.has_value()},
      {"--every", f.every.has_value()},     {"--birthday", f.birthday.has_value()},
      {"--note", f.note.has_value()},       {"--no-phone", !r.phones.empty()},
      {"--no-link", !r.links.empty()},
  };
  for (const auto& [option, given] : contact_only) {
    if (given) {
      return usage_error(std::string(option) + " does not apply to your profile",
                         "your profile has a name, emails, skills, interests, goals, tags, "
                         "a company, a role and a location");
    }
  }
  return {};
}

Result<Profile> apply_profile_options(const EditOptions& o, const Profile& profile) {
  const ContactFields& f = o.fields;
  const ContactRemovals& r = o.removals;
  if (o.name) {
    if (auto s = check_text("--name", *o.name); !s) return s.error();
  }
  for (const auto& email : f.emails) {
    if (auto s = check_email("--email", email); !s) return s.error();
  }
  for (const auto& [option, values] :
       std::initializer_list<std::pair<const char*, const std::vector<std::string>*>>{
           {"--skill", &f.skills},
           {"--interest", &f.interests},
           {"--tag", &f.tags},
           {"--goal", &o.goals}}) {
    for (const auto& v : *values) {
      if (auto s = check_text(option, v); !s) return s.error();
    }
  }
  for (const auto& [option, value] :
       std::initializer_list<std::pair<const char*, const std::optional<std::string>*>>{
           {"--company", &f.company}, {"--role", &f.role}, {"--location", &f.location}}) {
    if (*value && !(*value)->empty()) {
      if (auto s = check_text(option, **value); !s) return s.error();
    }
  }
  struct ProfileList {
    ListField field;
    const char* add_option;
    const std::vector<std::string>* added;
    const char* remove_option;
    const std::vector<std::string>* removed;
  };
  const ProfileList lists[] = {
      {ListField::emails, "--email", &f.emails, "--no-email", &r.emails},
      {ListField::skills, "--skill", &f.skills, "--no-skill", &r.skills},
      {ListField::interests, "--interest", &f.interests, "--no-interest", &r.interests},
      {ListField::tags, "--tag", &f.tags, "--untag", &r.tags},
      {ListField::goals, "--goal", &o.goals, "--no-goal", &o.no_goals},
  };
  for (const auto& l : lists) {
    if (auto s = check_not_both(l.field, l.add_option, *l.added, l.remove_option, *l.removed); !s) {
      return s.error();
    }
  }

  Profile p = profile;
  if (o.name) p.name = *o.name;
  auto set_scalar = [](std::optional<std::string>& field, const std::optional<std::string>& v) {
    if (v) field = v->empty() ? std::nullopt : v;
  };
  set_scalar(p.company, f.company);
  set_scalar(p.role, f.role);
  set_scalar(p.location, f.location);
  for (const auto& l : lists) {
    auto& list = p.*(info(l.field).in_profile);
    if (auto s = remove_from_list(l.field, list, *l.removed, "your profile"); !s) return s.error();
  }
  for (const auto& l : lists) add_values(l.field, p.*(info(l.field).in_profile), *l.added);
  return p;
}

Result<Profile> parse_profile_edit(const std::string& text) {
  auto json = parse_json_document(text, "your edit");
  if (!json) return json.error();
  return profile_from_json(*json, "your edit");
}

int edit_profile(const EditOptions& o, const Store& store, Context& ctx) {
  if (auto s = check_profile_options(o); !s) return ctx.fail(s.error());
  if (auto config = store.load_config(); !config) return ctx.fail(config.error());
  auto loaded = store.load_profile();
  if (!loaded) return ctx.fail(loaded.error());
  const Profile original = std::move(*loaded);

  Profile updated;
  if (o.changes_something()) {
    auto checked = apply_profile_options(o, original);
    if (!checked) return ctx.fail(checked.error());
    updated = std::move(*checked);
  } else {
    auto text = edit_until_valid(ctx, "kith-edit-me", "me", serialize_document(to_json(original)),
                                 [](const std::string& t) -> Status {
                                   auto parsed = parse_profile_edit(t);
                                   return parsed ? Status() : Status(parsed.error());
                                 });
    if (!text) return ctx.fail(text.error());
    updated = *parse_profile_edit(*text);
  }

  auto lock = store.lock_for_write(ctx.lock_options());
  if (!lock) return ctx.fail(lock.error());
  auto current = store.load_profile();
  if (!current) return ctx.fail(current.error());
  if (o.changes_something()) {
    auto again = apply_profile_options(o, *current);
    if (!again) return ctx.fail(again.error());
    updated = std::move(*again);
  } else if (to_json(*current) != to_json(original)) {
    return ctx.fail(Error{ErrorKind::lock,
                          "another kith changed your profile while you were editing it; "
                          "nothing was saved",
                          "run `kith edit me` again"});
  }
  const Json after = to_json(updated);
  if (to_json(*current) == after) return finish(ctx, o, after, Outcome::unchanged, "your profile");
  if (auto s = store.save_profile(updated); !s) return ctx.fail(s.error());
  commit_change(ctx, store, "edit: me");
  return finish(ctx, o, after, Outcome::saved, "your profile");
}

int run_edit(const EditOptions& o, Context& ctx) {
  auto today = ctx.today();
  if (!today) return ctx.fail(today.error());
  auto store = ctx.store();
  if (!store) return ctx.fail(store.error());
  if (o.target == "me") return edit_profile(o, *store, ctx);
  auto interaction = interaction_named(*store, o.target);
  if (!interaction) return ctx.fail(interaction.error());
  if (*interaction) return edit_interaction(o, *today, *store, ctx, **interaction);
  return edit_contact(o, *today, *store, ctx);
}

}  // namespace

void setup_edit(CLI::App& sub, Context& ctx) {
  auto o = std::make_shared<EditOptions>();
  sub.add_option("CONTACT", o->target,
                 "Id, id prefix, part of the name, or email; `me` for your profile; or an "
                 "interaction's id (its random part is enough)")
      ->required();
  sub.add_option("--name", o->name, "Change the name (the id stays)")->type_name("N");
  add_contact_field_options(sub, o->fields, FieldsFor::edit);
  add_contact_removal_options(sub, o->removals);
  sub.add_option("--goal", o->goals, "Add a goal to your profile (edit me only; repeatable)")
      ->type_name("G");
  sub.add_option("--no-goal", o->no_goals, "Remove a goal from your profile (edit me only)")
      ->type_name("G");
  sub.add_option("--date", o->date, "An interaction's date (it may move to another month)")
      ->type_name("DATE");
  sub.add_option("--kind", o->kind, "An interaction's kind: coffee, call, email…")
      ->type_name("KIND");
  auto* give = sub.add_flag("--give", o->give, "Make an interaction a give");
  auto* ask = sub.add_flag("--ask", o->ask, "Make an interaction an ask");
  auto* catch_up = sub.add_flag("--catch-up", o->catch_up, "Make an interaction a catch-up");
  give->excludes(ask)->excludes(catch_up);
  ask->excludes(catch_up);
  sub.add_option("--contact", o->contacts,
                 "Whom an interaction was with (repeatable; replaces the list)")
      ->type_name("CONTACT");
  sub.add_flag("--json", o->json, "Print the record as saved, as JSON");
  sub.footer(
      "With no option, opens the record's JSON in $VISUAL, else $EDITOR, else vi,\n"
      "and saves it only when it is valid and keeps its id. The argument names a\n"
      "contact first; only when no contact matches is it an interaction's id\n"
      "(as `kith show` prints it: 046f02). --note applies to both.");
  sub.callback([o, &ctx] { ctx.exit_code = run_edit(*o, ctx); });
}

}  // namespace kith::cli
