#include "cli/contact_change.h"

#include "cli/git_support.h"
#include "cli/output.h"

namespace kith::cli {

int change_contact(Context& ctx, std::string_view command, std::string_view ref, Scope scope,
                   const std::function<Change(Contact&)>& change) {
  auto store = ctx.store();
  if (!store) return ctx.fail(store.error());
  if (auto config = store->load_config(); !config) return ctx.fail(config.error());
  // Other contacts' files that cannot be read are worked around (and
  // named); the contact changed must be read.
  std::vector<Unreadable> unreadable;
  auto contacts = store->load_contacts(nullptr, &unreadable);
  if (!contacts) return ctx.fail(contacts.error());
  auto found = resolve_contact(*contacts, ref, scope, unreadable);
  if (!found) return ctx.fail(found.error());
  const std::string id = (*found)->id;
  ctx.report(unreadable);

  auto lock = store->lock_for_write(ctx.lock_options());
  if (!lock) return ctx.fail(lock.error());
  auto current = store->load_contact(id);
  if (!current) return ctx.fail(current.error());
  if (!current->has_value()) {
    return ctx.fail(usage_error("no contact matches '" + id + "' any more",
                                "another kith removed it meanwhile; `kith list` shows your "
                                "contacts"));
  }
  Contact contact = std::move(**current);
  const Change result = change(contact);
  if (result.save) {
    if (auto s = store->save_contact(contact); !s) return ctx.fail(s.error());
    commit_change(ctx, *store, std::string(command) + ": " + contact.id);
  }
  ctx.confirm(result.message);
  return 0;
}

std::string contact_label(const Contact& c) { return c.id + " (" + clean(c.name) + ")"; }

}  // namespace kith::cli
