// kith done FOLLOW_UP_ID: marks the follow-up of an interaction done today.
// The interaction's line is rewritten in place (its month file replaced
// atomically); marking one that is already done changes nothing.
#include "cli/actions.h"
#include "cli/commands.h"
#include "cli/git_support.h"
#include "cli/output.h"
#include "core/logbook.h"

namespace kith::cli {

int close_follow_up(Context& ctx, const Store& store, std::string_view id, Date today) {
  // Find it without the lock first, so that a bad id changes nothing at all.
  std::vector<std::string> warnings;
  {
    auto interactions = store.load_interactions(warnings);
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
  auto interactions = store.load_interactions(warnings);
  if (!interactions) return ctx.fail(interactions.error());
  ctx.report(warnings);
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
  ctx.confirm("done: " + clean(i.follow_up->text) + " (" + i.id + ")");
  return 0;
}

namespace {

struct DoneOptions {
  std::string id;
};

int run_done(const DoneOptions& o, Context& ctx) {
  auto today = ctx.today();
  if (!today) return ctx.fail(today.error());
  auto store = ctx.store();
  if (!store) return ctx.fail(store.error());
  return close_follow_up(ctx, *store, o.id, *today);
}

}  // namespace

void setup_done(CLI::App& sub, Context& ctx) {
  auto o = std::make_shared<DoneOptions>();
  sub.add_option("FOLLOW_UP_ID", o->id,
                 "The interaction id `kith log` printed (`kith due` lists them); "
                 "a unique prefix is enough")
      ->required();
  sub.footer(
      "Sets the follow-up's done_on to today. Marking a follow-up that is already\n"
      "done changes nothing and exits 0.\n"
      "\n"
      "Example:\n"
      "  kith done 20261105T212043Z-046f02");
  sub.callback([o, &ctx] { ctx.exit_code = run_done(*o, ctx); });
}

}  // namespace kith::cli
