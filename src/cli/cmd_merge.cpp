// kith __merge log|json BASE OURS THEIRS PATH: the merge drivers git runs
// for kith's files (registered by `kith git init`, see git.h). Hidden from
// --help. Writes the merged file over OURS, as git expects, and exits 0 so
// that git sees no conflict; every conflict it resolved is a warning on
// stderr. Exits 1, leaving OURS as it was, when a version cannot be read:
// git then reports the file as conflicted.
#include <fstream>

#include "cli/commands.h"
#include "core/fsutil.h"
#include "core/inbox.h"
#include "core/merge.h"
#include "core/store.h"

namespace kith::cli {
namespace {

struct MergeOptions {
  std::string kind;  // "log" or "json"
  std::string base;
  std::string ours;
  std::string theirs;
  std::string path;  // the file's path in the repository, for messages
};

Result<std::string> read_version(const std::string& file) {
  auto text = fsutil::read_file(file);
  if (!text) return text.error();
  return text->value_or(std::string());
}

// The ids merged into contacts (aliases) of the data directory being merged:
// git runs its drivers at the top of the work tree, which is the data
// directory. These are this machine's contacts: an alias that only comes
// in with this merge is settled by `kith sync` after it (core/sync.h).
// None when the contacts cannot be read: the driver never fails for that.
AliasMap merged_ids(const Context& ctx) {
  std::error_code ec;
  const fs::path dir = fs::current_path(ec);
  if (ec) return {};
  const Store store(dir, CacheOptions{ctx.cache_root(), ctx.env().now});
  auto heads = store.load_contact_heads();
  if (!heads) return {};
  return alias_map(*heads);
}

int run_merge(const MergeOptions& o, Context& ctx) {
  auto base = read_version(o.base);
  if (!base) return ctx.fail(base.error());
  auto ours = read_version(o.ours);
  if (!ours) return ctx.fail(ours.error());
  auto theirs = read_version(o.theirs);
  if (!theirs) return ctx.fail(theirs.error());
  merge::Outcome outcome;
  if (o.kind == "log") {
    outcome = merge::merge_log(*base, *ours, *theirs, o.path, merged_ids(ctx));
  } else if (o.kind == "inbox") {
    outcome.text = inbox::merge_text(*base, *ours, *theirs);
  } else {
    auto merged = merge::merge_record(*base, *ours, *theirs, o.path);
    if (!merged) return ctx.fail(merged.error());
    outcome = std::move(*merged);
  }
  std::ofstream out(o.ours, std::ios::binary | std::ios::trunc);
  out << outcome.text;
  out.flush();
  if (!out) return ctx.fail(io_error("cannot write the merged " + o.path));
  for (const auto& note : outcome.notes) ctx.warn("merge: " + note);
  return 0;
}

}  // namespace

void setup_merge(CLI::App& sub, Context& ctx) {
  auto o = std::make_shared<MergeOptions>();
  sub.add_option("KIND", o->kind, "log (an interaction log), json (a record) or inbox")
      ->required()
      ->check(CLI::IsMember({"log", "json", "inbox"}));
  sub.add_option("BASE", o->base, "The common ancestor's version (%O)")->required();
  sub.add_option("OURS", o->ours, "This machine's version, replaced by the result (%A)")
      ->required();
  sub.add_option("THEIRS", o->theirs, "The incoming version (%B)")->required();
  sub.add_option("PATH", o->path, "The file's path in the data directory (%P)")->required();
  sub.callback([o, &ctx] { ctx.exit_code = run_merge(*o, ctx); });
}

}  // namespace kith::cli
