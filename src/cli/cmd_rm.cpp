// kith rm CONTACT [--purge [--yes]], kith rm INTERACTION [--yes] and kith
// restore CONTACT.
//
// rm archives: the contact stays on disk with "archived": true, hidden from
// list, due and pitch, and restore brings it back. rm --purge deletes the
// contact's file and takes its id out of every interaction, deleting the
// interactions that named nobody else. rm of an interaction's id deletes
// that interaction's line.
#include <algorithm>

#include "cli/actions.h"
#include "cli/commands.h"
#include "cli/contact_change.h"
#include "cli/git_support.h"
#include "cli/interaction_change.h"
#include "cli/output.h"
#include "core/english.h"
#include "core/logbook.h"
#include "core/purge.h"

namespace kith::cli {

int archive_contact(Context& ctx, std::string_view ref) {
  return change_contact(ctx, "rm", ref, Scope::all, [](Contact& c) {
    if (c.archived) return Change{false, contact_label(c) + " is already archived"};
    c.archived = true;
    return Change{true,
                  "archived " + contact_label(c) + "; `kith restore " + c.id + "` brings it back"};
  });
}

namespace {

struct RmOptions {
  std::string contact;
  bool purge = false;
  bool yes = false;
};

int run_archive(const RmOptions& o, Context& ctx) { return archive_contact(ctx, o.contact); }

int run_purge(const RmOptions& o, Context& ctx) {
  auto store = ctx.store();
  if (!store) return ctx.fail(store.error());
  if (auto config = store->load_config(); !config) return ctx.fail(config.error());
  // Other contacts' files that cannot be read are worked around; the log
  // must be read whole (a line left out could name the contact).
  std::vector<Unreadable> unreadable;
  auto contacts = store->load_contacts(nullptr, &unreadable);
  if (!contacts) return ctx.fail(contacts.error());
  auto found = resolve_contact(*contacts, o.contact, Scope::all, unreadable);
  if (!found) return ctx.fail(found.error());
  const Contact contact = **found;
  ctx.report(unreadable);

  if (!o.yes) {
    if (!ctx.env().stdin_is_tty) {
      return ctx.fail(usage_error("rm --purge deletes " + contact.id +
                                      " for good and asks first, but there is no terminal to ask",
                                  "pass --yes to purge from a script"));
    }
    std::vector<std::string> warnings;
    auto interactions = store->load_interactions(warnings);
    if (!interactions) return ctx.fail(interactions.error());
    const MonthPurge preview =
        purge_from_month(std::move(*interactions), contact.id, contact.aliases);
    std::string question = "Purge " + contact_label(contact) + "? This deletes contacts/" +
                           contact.id + ".json and takes it out of " +
                           plural(preview.changed + preview.deleted, "interaction", "interactions");
    if (preview.deleted > 0) {
      question += " (" + std::to_string(preview.deleted) + " of them name nobody else and go too)";
    }
    const bool go = ctx.ask(question + ". This cannot be undone.");
    if (!go) {
      ctx.err << "kith: nothing was purged\n";
      return 0;
    }
  }

  auto lock = store->lock_for_write(ctx.lock_options());
  if (!lock) return ctx.fail(lock.error());
  auto current = store->load_contact(contact.id);
  if (!current) return ctx.fail(current.error());
  if (!current->has_value()) {
    return ctx.fail(usage_error("no contact matches '" + contact.id + "' any more",
                                "another kith removed it meanwhile"));
  }
  const std::vector<std::string> aliases = (*current)->aliases;
  std::vector<std::string> warnings;
  auto interactions = store->load_interactions(warnings);
  if (!interactions) return ctx.fail(interactions.error());

  // Plan every month first: a month that cannot be rewritten stops the purge
  // before anything is written.
  struct Rewrite {
    date::year_month month;
    MonthPurge purge;
  };
  std::vector<Rewrite> rewrites;
  int changed = 0;
  int deleted = 0;
  for (const auto& month : months_naming(*interactions, contact.id, aliases)) {
    // In file order, so the rewrite changes only the lines that name the
    // contact; a torn last line is an error here.
    auto lines = read_month_in_file_order(*store, month);
    if (!lines) return ctx.fail(lines.error());
    MonthPurge purge = purge_from_month(std::move(*lines), contact.id, aliases);
    changed += purge.changed;
    deleted += purge.deleted;
    rewrites.push_back({month, std::move(purge)});
  }
  // The log first and the contact last: if this stops half-way, the contact
  // is still there and running the purge again finishes it.
  for (const auto& r : rewrites) {
    if (auto s = store->rewrite_month(r.month, r.purge.kept); !s) return ctx.fail(s.error());
  }
  if (auto s = store->remove_contact(contact.id); !s) return ctx.fail(s.error());
  commit_change(ctx, *store, "rm --purge: " + contact.id);
  ctx.confirm("purged " + contact_label(contact) + ": taken out of " +
              plural(changed, "shared interaction", "shared interactions") + ", deleted " +
              plural(deleted, "interaction", "interactions"));
  return 0;
}

// Deletes one interaction, after asking on a terminal (--yes: without).
int delete_interaction(const RmOptions& o, Context& ctx, const Store& store,
                       const Interaction& doomed) {
  if (o.purge) {
    return ctx.fail(usage_error("--purge applies to a contact; an interaction is simply deleted",
                                "kith rm " + short_interaction_id(doomed.id)));
  }
  std::vector<Unreadable> unreadable;  // a name not read is shown as its id
  auto contacts = store.load_contacts(nullptr, &unreadable);
  if (!contacts) return ctx.fail(contacts.error());
  const std::string label = interaction_label(doomed, *contacts);
  if (!o.yes) {
    if (!ctx.env().stdin_is_tty) {
      return ctx.fail(usage_error("rm deletes interaction " + label +
                                      " for good and asks first, but there is no terminal to ask",
                                  "pass --yes to delete it from a script"));
    }
    if (!ctx.ask("Delete interaction " + label + "? This cannot be undone.")) {
      ctx.err << "kith: nothing was deleted\n";
      return 0;
    }
  }
  auto lock = store.lock_for_write(ctx.lock_options());
  if (!lock) return ctx.fail(lock.error());
  // Lines of other months that cannot be read are worked around; its own
  // month is read whole before it is rewritten (replace_interaction).
  std::vector<std::string> warnings;
  auto interactions = store.load_interactions(warnings, &unreadable);
  if (!interactions) return ctx.fail(interactions.error());
  const bool still_there = std::any_of(interactions->begin(), interactions->end(),
                                       [&](const Interaction& i) { return i.id == doomed.id; });
  if (!still_there) {
    return ctx.fail(usage_error("interaction " + doomed.id + " is gone already",
                                "another kith deleted it meanwhile"));
  }
  if (auto s = replace_interaction(store, doomed, std::nullopt); !s) return ctx.fail(s.error());
  ctx.report(unreadable);
  commit_change(ctx, store, "rm: " + doomed.id);
  ctx.confirm("deleted interaction " + label);
  return 0;
}

int run_rm(const RmOptions& o, Context& ctx) {
  auto store = ctx.store();
  if (!store) return ctx.fail(store.error());
  auto interaction = interaction_named(*store, o.contact);
  if (!interaction) return ctx.fail(interaction.error());
  if (*interaction) return delete_interaction(o, ctx, *store, **interaction);
  return o.purge ? run_purge(o, ctx) : run_archive(o, ctx);
}

struct RestoreOptions {
  std::string contact;
};

int run_restore(const RestoreOptions& o, Context& ctx) {
  return change_contact(ctx, "restore", o.contact, Scope::all, [](Contact& c) {
    if (!c.archived) return Change{false, contact_label(c) + " is not archived"};
    c.archived = false;
    return Change{true, "restored " + contact_label(c)};
  });
}

}  // namespace

void setup_rm(CLI::App& sub, Context& ctx) {
  auto o = std::make_shared<RmOptions>();
  sub.add_option("CONTACT", o->contact,
                 "Id, id prefix, part of the name, or email; or an interaction's id (its random "
                 "part is enough), to delete that interaction")
      ->required();
  sub.add_flag("--purge", o->purge,
               "Delete the contact and take it out of every interaction, for good");
  sub.add_flag("--yes", o->yes,
               "Purge, or delete an interaction, without asking (needed when stdin is not a "
               "terminal)");
  sub.callback([o, &ctx] { ctx.exit_code = run_rm(*o, ctx); });
}

void setup_restore(CLI::App& sub, Context& ctx) {
  auto o = std::make_shared<RestoreOptions>();
  sub.add_option("CONTACT", o->contact, "Id, id prefix, part of the name, or email")->required();
  sub.callback([o, &ctx] { ctx.exit_code = run_restore(*o, ctx); });
}

}  // namespace kith::cli
