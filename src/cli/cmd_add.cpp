// kith add NAME [options]: add a contact and print its id.
#include <algorithm>

#include "cli/actions.h"
#include "cli/commands.h"
#include "cli/contact_fields.h"
#include "cli/git_support.h"
#include "cli/output.h"
#include "core/contacts.h"
#include "core/english.h"
#include "core/records.h"

namespace kith::cli {

Result<Contact> add_contact(Context& ctx, const Store& store, Contact contact,
                            const std::optional<std::string>& id,
                            const std::function<Status(const Contact&)>& also) {
  auto lock = store.lock_for_write(ctx.lock_options());
  if (!lock) return lock.error();
  // Ids, names and emails are all that the new id and the duplicate
  // warning need. A contact file that cannot be read does not stop the
  // add: its id (its file's name) stays taken, and the warning says that
  // the duplicate check could not look at it.
  std::vector<Unreadable> unreadable;
  auto contacts = store.load_contact_heads(&unreadable);
  if (!contacts) return contacts.error();

  // The heads come sorted by id. An id merged into a contact (an alias)
  // still names it, so a new contact never takes it.
  const AliasMap aliases = alias_map(*contacts);
  const IsTaken taken = [&heads = *contacts, &aliases, &unreadable](std::string_view wanted) {
    auto it =
        std::lower_bound(heads.begin(), heads.end(), wanted,
                         [](const ContactHead& c, std::string_view key) { return c.id < key; });
    return (it != heads.end() && it->id == wanted) || aliases.contains(wanted) ||
           std::any_of(unreadable.begin(), unreadable.end(),
                       [&](const Unreadable& u) { return u.id == wanted; });
  };
  if (id) {
    if (auto s = check_new_id(*id, taken); !s) return s.error();
    contact.id = *id;
  } else {
    const text::Transliterator transliterator;
    contact.id = allocate_id(contact.name, taken, transliterator);
  }
  for (const ContactHead* dup : find_duplicates(*contacts, contact)) {
    ctx.warn("possible duplicate: " + dup->id + " (" + clean(dup->name) +
             ") has the same name or email");
  }
  if (!unreadable.empty()) {
    ctx.report(unreadable);
    ctx.warn("the check for a duplicate name or email could not look at " +
             plural(static_cast<long long>(unreadable.size()), "contact file", "contact files") +
             " (above)");
  }
  if (auto s = store.save_contact(contact); !s) return s.error();
  if (also) {
    if (auto s = also(contact); !s) {
      commit_change(ctx, store, "add: " + contact.id);
      return s.error();
    }
  }
  commit_change(ctx, store, "add: " + contact.id);
  return contact;
}

namespace {

struct AddOptions {
  std::string name;
  std::optional<std::string> id;
  ContactFields fields;
  bool json = false;
};

int run_add(const AddOptions& o, Context& ctx) {
  auto today = ctx.today();
  if (!today) return ctx.fail(today.error());
  if (auto s = check_text("NAME", o.name); !s) return ctx.fail(s.error());

  Contact contact;
  contact.name = o.name;
  contact.added_on = *today;
  if (auto s = apply_contact_fields(o.fields, *today, contact); !s) return ctx.fail(s.error());

  if (o.id) {
    // Syntax first, so that a bad --id fails before anything is created.
    if (auto s = check_new_id(*o.id, [](std::string_view) { return false; }); !s) {
      return ctx.fail(s.error());
    }
  }
  auto store = ctx.store();
  if (!store) return ctx.fail(store.error());
  auto added = add_contact(ctx, *store, std::move(contact), o.id);
  if (!added) return ctx.fail(added.error());
  contact = std::move(*added);

  if (o.json) {
    print_json(ctx.out, to_json(contact));
  } else {
    ctx.out << contact.id << "\n";
  }
  ctx.confirm("added " + contact.id + " (" + clean(contact.name) + ")");
  return 0;
}

}  // namespace

void setup_add(CLI::App& sub, Context& ctx) {
  auto o = std::make_shared<AddOptions>();
  sub.add_option("NAME", o->name, "The person's name")->required();
  sub.add_option("--id", o->id, "Use this id instead of one made from the name")->type_name("ID");
  add_contact_field_options(sub, o->fields);
  sub.add_flag("--json", o->json, "Print the contact written, as JSON");
  sub.callback([o, &ctx] { ctx.exit_code = run_add(*o, ctx); });
}

}  // namespace kith::cli
