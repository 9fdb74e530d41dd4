// kith sync: commit what is pending, pull (a merge, never a rebase) and
// push the data directory, and say what came in and what went out. kith's
// own files merge through its merge drivers; a conflict in any other file
// stops the sync with the merge left in place for the user to finish.
#include "cli/commands.h"
#include "cli/git_support.h"
#include "core/dates.h"
#include "core/english.h"
#include "core/fsutil.h"
#include "core/logbook.h"
#include "core/sync.h"
#include "core/text.h"

namespace kith::cli {
namespace {

constexpr std::size_t kMaxSubjects = 10;

// sync takes no option of its own (the global ones apply).
struct SyncOptions {};

void print_subjects(const std::string& heading, const std::vector<std::string>& subjects,
                    Context& ctx) {
  ctx.out << heading << "\n";
  for (std::size_t i = 0; i < subjects.size() && i < kMaxSubjects; ++i) {
    ctx.out << "  " << text::sanitize_for_terminal(subjects[i]) << "\n";
  }
  if (subjects.size() > kMaxSubjects) {
    ctx.out << "  … and " << subjects.size() - kMaxSubjects << " more\n";
  }
}

// Says what the sync did: on stderr what it committed, what the merge
// drivers said and the warnings; on stdout what came in and went out.
int report(const sync::Outcome& outcome, Context& ctx) {
  if (outcome.committed_pending) ctx.confirm("committed the changes that were not committed yet");
  for (const auto& line : outcome.driver_notes) {
    ctx.err << text::sanitize_for_terminal(line) << "\n";
  }
  for (const auto& warning : outcome.warnings) ctx.warn(warning);
  if (outcome.aliases_resolved > 0) {
    ctx.confirm(plural(outcome.aliases_resolved, "interaction", "interactions") +
                " logged under the id of a merged contact now " +
                (outcome.aliases_resolved == 1 ? "names" : "name") + " the contact kept");
  }
  if (!outcome.status) return ctx.fail(outcome.status.error());
  if (outcome.received.empty() && outcome.sent.empty()) {
    ctx.out << "Up to date with " << outcome.remote << ".\n";
    return 0;
  }
  if (!outcome.received.empty()) {
    print_subjects(
        "Received " + plural(static_cast<long long>(outcome.received.size()), "change", "changes") +
            " from " + outcome.remote + ":",
        outcome.received, ctx);
  }
  if (!outcome.purged.empty()) {
    ctx.out << "Left purged contacts out of "
            << plural(static_cast<long long>(outcome.purged.size()), "interaction", "interactions")
            << " logged before the purge reached this machine:\n";
    for (const auto& p : outcome.purged) {
      std::string ids;
      for (const auto& id : p.change.removed) ids += (ids.empty() ? "" : ", ") + id;
      ctx.out << "  " << format_date(p.change.date) << "  "
              << short_interaction_id(p.change.interaction_id) << "  "
              << text::sanitize_for_terminal(p.change.deleted ? "deleted: it named only " + ids
                                                              : ids + " left out")
              << "\n";
    }
  }
  if (!outcome.sent.empty()) {
    print_subjects("Sent " +
                       plural(static_cast<long long>(outcome.sent.size()), "change", "changes") +
                       " to " + outcome.remote + ":",
                   outcome.sent, ctx);
  }
  return 0;
}

int run_sync(const SyncOptions&, Context& ctx) {
  auto store = ctx.store();
  if (!store) return ctx.fail(store.error());
  const fs::path& dir = store->dir();
  if (auto s = sync::check_repository(dir); !s) return ctx.fail(s.error());
  register_merge_drivers(ctx);
  // The lock alone: a sync makes no file of its own (not even kith.json in a
  // fresh clone, which would be a change to commit before the first pull).
  auto lock = store->lock_only(ctx.lock_options());
  if (!lock) return ctx.fail(lock.error());
  const sync::Outcome outcome =
      sync::run(git::client(git_runner(ctx), dir), dir, ctx.env().hostname);
  // What the merge brought in is personal data: 0600 and 0700, whatever
  // modes it had where it came from.
  if (auto s = fsutil::make_private(dir); !s) ctx.warn(s.error().message);
  return report(outcome, ctx);
}

}  // namespace

void setup_sync(CLI::App& sub, Context& ctx) {
  auto o = std::make_shared<SyncOptions>();
  sub.footer(
      "Commits whatever is not committed yet, fetches and merges the branch's\n"
      "upstream (else the same branch of origin, or of the only remote), then\n"
      "pushes, setting the upstream on the first push. Prints the subjects of\n"
      "the commits received and sent. Needs git, and a remote: `kith git remote\n"
      "add origin URL`. Exits 1 when the remote cannot be reached or a merge\n"
      "leaves a conflict in a file kith does not merge itself.\n"
      "\n"
      "Examples:\n"
      "  kith git init && kith git remote add origin git@example.org:me/kith-data.git\n"
      "  kith sync");
  sub.callback([o, &ctx] { ctx.exit_code = run_sync(*o, ctx); });
}

}  // namespace kith::cli
