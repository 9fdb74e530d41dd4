// kith done FOLLOW_UP_ID|CONTACT: marks the follow-up of an interaction done
// today. The interaction's line is rewritten in place (its month file
// replaced atomically); marking one that is already done changes nothing.
#include <algorithm>

#include "cli/actions.h"
#include "cli/commands.h"
#include "cli/git_support.h"
#include "cli/output.h"
#include "core/contacts.h"
#include "core/logbook.h"

namespace kith::cli {

int close_follow_up(Context& ctx, const Store& store, std::string_view id, Date today) {
  // Find it without the lock first, so that a bad id changes nothing at all.
  // Lines of the log that cannot be read are worked around; the month of
  // the follow-up is read whole before it is rewritten.
  std::vector<std::string> warnings;
  std::vector<Unreadable> unreadable;
  {
    auto interactions = store.load_interactions(warnings, &unreadable);
    if (!interactions) return ctx.fail(interactions.error());
    auto found = find_follow_up(*interactions, id);
    if (!found) return ctx.fail(found.error());
    if (const auto& done_on = (*found)->follow_up->done_on) {
      ctx.report(warnings);
      ctx.confirm("follow-up " + (*found)->id + " was already done on " + format_date(*done_on) +
                  "; nothing to change");
      return 0;
    }
  }
  auto lock = store.lock_for_write(ctx.lock_options());
  if (!lock) return ctx.fail(lock.error());
  warnings.clear();
  unreadable.clear();
  auto interactions = store.load_interactions(warnings, &unreadable);
  if (!interactions) return ctx.fail(interactions.error());
  ctx.report(warnings);
  ctx.report(unreadable);
  auto found = find_follow_up(*interactions, id);
  if (!found) return ctx.fail(found.error());
  const Interaction& i = **found;
  if (i.follow_up->done_on) {
    ctx.confirm("follow-up " + i.id + " was already done on " + format_date(*i.follow_up->done_on) +
                "; nothing to change");
    return 0;
  }
  if (auto s = mark_follow_up_done(store, i.id, i.date, today); !s) return ctx.fail(s.error());
  commit_change(ctx, store, "done: " + i.id);
  ctx.confirm("done: " + clean(i.follow_up->text) + " (" + short_interaction_id(i.id) + ")");
  return 0;
}

namespace {

struct DoneOptions {
  std::string id;
};

// The one open follow-up of the contact `ref` names, as the full
// interaction id; a usage error when `ref` names no contact, or one with no
// open follow-up or several (listed, to pick one by id).
// `log_left_out`: what the log's read left out. Then the follow-up seen may
// not be the only one, and kith does not guess: a data error asks for the id.
Result<std::string> only_open_follow_up_of(const Store& store, std::string_view ref,
                                           const std::vector<Interaction>& interactions,
                                           const std::vector<Unreadable>& log_left_out) {
  std::vector<Unreadable> unreadable;  // other contacts' files are worked around
  auto contacts = store.load_contacts(nullptr, &unreadable);
  if (!contacts) return contacts.error();
  auto found = resolve_contact(*contacts, ref, Scope::all, unreadable);
  if (!found) return found.error();
  const Contact& c = **found;
  // Lines logged under an id merged into the contact are the contact's too.
  auto names_contact = [&c](const std::string& id) {
    return id == c.id || std::find(c.aliases.begin(), c.aliases.end(), id) != c.aliases.end();
  };
  std::vector<const Interaction*> open;
  for (const auto& i : interactions) {
    if (i.follow_up && !i.follow_up->done_on &&
        std::any_of(i.contacts.begin(), i.contacts.end(), names_contact)) {
      open.push_back(&i);
    }
  }
  if (open.size() < 2 && !log_left_out.empty()) {
    // One more may be in what was left out.
    return data_error("cannot tell which follow-up of " + clean(c.name) + " (" + c.id +
                          ") to mark done while kith cannot read all of the log: " +
                          log_left_out.front().error.message,
                      "mark it done by its id (`kith show " + c.id +
                          "` lists them), or fix the log by hand first");
  }
  if (open.size() == 1) return open.front()->id;
  if (open.empty()) {
    return usage_error(clean(c.name) + " (" + c.id + ") has no open follow-up",
                       "`kith due` lists the open follow-ups with their ids");
  }
  std::string list;
  for (const Interaction* i : open) {
    list += "\n  " + short_interaction_id(i->id) + "  " + format_date(i->date) + "  " +
            clean(i->follow_up->text);
  }
  return usage_error(
      clean(c.name) + " (" + c.id + ") has " + std::to_string(open.size()) +
          " open follow-ups:" + list,
      "mark one done by its id: kith done " + short_interaction_id(open.front()->id));
}

int run_done(const DoneOptions& o, Context& ctx) {
  auto today = ctx.today();
  if (!today) return ctx.fail(today.error());
  auto store = ctx.store();
  if (!store) return ctx.fail(store.error());
  std::vector<std::string> warnings;
  std::vector<Unreadable> unreadable;
  auto interactions = store->load_interactions(warnings, &unreadable);
  if (!interactions) return ctx.fail(interactions.error());
  auto found = find_follow_up(*interactions, o.id);
  if (found) return close_follow_up(ctx, *store, (*found)->id, *today);
  // Not a follow-up's id: a contact, whose only open follow-up it closes.
  const bool names_an_interaction =
      std::any_of(interactions->begin(), interactions->end(),
                  [&](const Interaction& i) { return names_interaction(i.id, o.id); });
  if (names_an_interaction) return ctx.fail(found.error());
  auto id = only_open_follow_up_of(*store, o.id, *interactions, unreadable);
  if (!id && id.error().message.starts_with("no contact") && !unreadable.empty()) {
    // It may be a line kith cannot read.
    return ctx.fail(data_error(
        found.error().message + ", nor any contact, among what kith can read; it may be in: " +
            unreadable.front().error.message,
        "fix it by hand (kith never overwrites a file it cannot read); `kith doctor` checks "
        "every file"));
  }
  if (!id) {
    if (id.error().message.starts_with("no contact")) {
      return ctx.fail(
          Error{ErrorKind::usage, found.error().message + ", nor any contact", found.error().hint});
    }
    return ctx.fail(id.error());
  }
  return close_follow_up(ctx, *store, *id, *today);
}

}  // namespace

void setup_done(CLI::App& sub, Context& ctx) {
  auto o = std::make_shared<DoneOptions>();
  sub.add_option("FOLLOW_UP_ID", o->id,
                 "The interaction id `kith log` printed (`kith due` lists them): a unique "
                 "prefix or its random part is enough; or a contact with one open follow-up")
      ->required();
  sub.footer(
      "Sets the follow-up's done_on to today. Marking a follow-up that is already\n"
      "done changes nothing and exits 0.\n"
      "\n"
      "Examples:\n"
      "  kith done 20261105T212043Z-046f02\n"
      "  kith done 046f02        (the random part, as `kith show` prints it)\n"
      "  kith done jose          (José's only open follow-up)");
  sub.callback([o, &ctx] { ctx.exit_code = run_done(*o, ctx); });
}

}  // namespace kith::cli
