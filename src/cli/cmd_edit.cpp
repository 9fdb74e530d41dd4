// kith edit CONTACT|me [options]: change a contact or your profile. With
// options, scalars replace, lists add, and the --no-… options and --untag
// remove. With no option, the record's JSON opens in $VISUAL / $EDITOR and is
// saved only when the result is a valid record with the same id.
#include <functional>
#include <optional>
#include <set>

#include "cli/actions.h"
#include "cli/commands.h"
#include "cli/contact_fields.h"
#include "cli/editor.h"
#include "cli/git_support.h"
#include "cli/output.h"
#include "core/contacts.h"
#include "core/fields.h"

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
  bool json = false;

  bool changes_something() const {
    return name || !fields.empty() || !removals.empty() || !goals.empty() || !no_goals.empty();
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
  if (!o.goals.empty() || !o.no_goals.empty()) {
    return ctx.fail(usage_error(
        std::string(o.goals.empty() ? "--no-goal" : "--goal") + " only applies to your profile",
        "kith edit me --goal G"));
  }
  if (auto config = store.load_config(); !config) return ctx.fail(config.error());
  auto contacts = store.load_contacts();
  if (!contacts) return ctx.fail(contacts.error());
  auto found = resolve_contact(*contacts, o.target, Scope::all);
  if (!found) return ctx.fail(found.error());
  const Contact original = **found;

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
// Your profile

// The options that make no sense for the profile, with whether they were given.
Status check_profile_options(const EditOptions& o) {
  const ContactFields& f = o.fields;
  const ContactRemovals& r = o.removals;
  const std::pair<const char*, bool> contact_only[] = {
      {"--email", !f.emails.empty()},       {"--phone", !f.phones.empty()},
      {"--role", f.role.has_value()},       {"--link", !f.links.empty()},
      {"--how-met", f.how_met.has_value()}, {"--met", f.met.has_value()},
      {"--every", f.every.has_value()},     {"--birthday", f.birthday.has_value()},
      {"--note", f.note.has_value()},       {"--no-email", !r.emails.empty()},
      {"--no-phone", !r.phones.empty()},    {"--no-link", !r.links.empty()},
  };
  for (const auto& [option, given] : contact_only) {
    if (given) {
      return usage_error(std::string(option) + " does not apply to your profile",
                         "your profile has a name, skills, interests, goals, tags, a company "
                         "and a location");
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
           {"--company", &f.company}, {"--location", &f.location}}) {
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
  return edit_contact(o, *today, *store, ctx);
}

}  // namespace

void setup_edit(CLI::App& sub, Context& ctx) {
  auto o = std::make_shared<EditOptions>();
  sub.add_option("CONTACT", o->target,
                 "Id, id prefix, part of the name, or email; `me` for your profile")
      ->required();
  sub.add_option("--name", o->name, "Change the name (the id stays)")->type_name("N");
  add_contact_field_options(sub, o->fields, FieldsFor::edit);
  add_contact_removal_options(sub, o->removals);
  sub.add_option("--goal", o->goals, "Add a goal to your profile (edit me only; repeatable)")
      ->type_name("G");
  sub.add_option("--no-goal", o->no_goals, "Remove a goal from your profile (edit me only)")
      ->type_name("G");
  sub.add_flag("--json", o->json, "Print the record as saved, as JSON");
  sub.footer(
      "With no option, opens the record's JSON in $VISUAL, else $EDITOR, else vi,\n"
      "and saves it only when it is valid and keeps its id.");
  sub.callback([o, &ctx] { ctx.exit_code = run_edit(*o, ctx); });
}

}  // namespace kith::cli
