// kith undo [--redo | --list | --clear] [--json]: puts back the files the
// last change replaced, from the undo journal (core/undo.h). An undo is not
// a change of its own: a second undo undoes the change before, and
// --redo takes an undo back.
#include <algorithm>

#include "cli/commands.h"
#include "cli/git_support.h"
#include "cli/output.h"
#include "core/today.h"
#include "core/undo.h"

namespace kith::cli {
namespace {

struct UndoOptions {
  bool redo = false;
  bool list = false;
  bool clear = false;
  bool json = false;
};

std::string when_made(const Context& ctx, const std::string& at) {
  auto instant = parse_timestamp(at);
  return instant ? local_minute_text(*instant, ctx.env().get("TZ")) : at;
}

// "a, b, c and 2 more"
std::string some_of(const std::vector<std::string>& paths) {
  constexpr std::size_t kShown = 3;
  std::string text;
  for (std::size_t i = 0; i < paths.size() && i < kShown; ++i) {
    if (i > 0) text += paths.size() > kShown || i + 1 < paths.size() ? ", " : " and ";
    text += paths[i];
  }
  if (paths.size() > kShown) text += " and " + std::to_string(paths.size() - kShown) + " more";
  return text;
}

int list_journal(const UndoOptions& o, Context& ctx, const fs::path& dir) {
  auto all = undo::entries(dir);
  if (!all) return ctx.fail(all.error());
  std::reverse(all->begin(), all->end());  // newest first
  if (o.json) {
    Json out = Json::array();
    for (const auto& e : *all) {
      Json files = Json::array();
      for (const auto& f : e.files) files.push_back(f.path);
      out.push_back({{"number", e.number},
                     {"message", e.message},
                     {"at", e.at},
                     {"undone", e.undone},
                     {"files", std::move(files)}});
    }
    print_json(ctx.out, out);
    return 0;
  }
  if (all->empty()) {
    ctx.confirm("no change is in the undo journal");
    return 0;
  }
  for (const auto& e : *all) {
    ctx.out << when_made(ctx, e.at) << "  " << (e.undone ? "undone  " : "        ")
            << clean(e.message) << "\n";
  }
  return 0;
}

int clear_journal(Context& ctx, const Store& store) {
  std::error_code ec;
  if (!fs::is_directory(store.dir(), ec)) {
    ctx.confirm("no change is in the undo journal");
    return 0;
  }
  auto lock = store.lock_only(ctx.lock_options());
  if (!lock) return ctx.fail(lock.error());
  auto all = undo::entries(store.dir());
  if (!all) return ctx.fail(all.error());
  if (auto s = undo::clear(store.dir()); !s) return ctx.fail(s.error());
  ctx.confirm("forgot " + std::to_string(all->size()) +
              (all->size() == 1 ? " change" : " changes") +
              ": `kith undo` has nothing to undo until the next change");
  return 0;
}

int run_undo(const UndoOptions& o, Context& ctx) {
  auto store = ctx.store();
  if (!store) return ctx.fail(store.error());
  if (o.list) return list_journal(o, ctx, store->dir());
  if (o.clear) return clear_journal(ctx, *store);
  std::error_code ec;
  if (!fs::is_directory(store->dir(), ec)) {
    return ctx.fail(usage_error(std::string("nothing to ") + (o.redo ? "redo" : "undo") +
                                ": no change is in the journal"));
  }
  // The lock alone: an undo puts files back as they were, and makes nothing
  // else (not even the kith.json a first change made, once it is undone).
  auto lock = store->lock_only(ctx.lock_options());
  if (!lock) return ctx.fail(lock.error());
  auto done = o.redo ? undo::redo_last(store->dir()) : undo::undo_last(store->dir());
  if (!done) return ctx.fail(done.error());
  for (const auto& path : done->restored) store->note_changed(store->dir() / path);
  for (const auto& path : done->removed) store->note_changed(store->dir() / path);
  const std::string verb = o.redo ? "redo" : "undo";
  commit_files(ctx, *store, verb + ": " + done->entry.message);

  if (o.json) {
    print_json(ctx.out, {{o.redo ? "redone" : "undone", done->entry.message},
                         {"number", done->entry.number},
                         {"at", done->entry.at},
                         {"restored", done->restored},
                         {"removed", done->removed}});
  }
  std::string what;
  if (!done->restored.empty()) what += "put back " + some_of(done->restored);
  if (!done->removed.empty()) {
    what += (what.empty() ? "deleted " : "; deleted ") + some_of(done->removed);
  }
  if (what.empty()) {
    // An undo (or redo) cut short put every file back before it could say so.
    what = "its files were already put back";
  }
  ctx.confirm(std::string(o.redo ? "redid" : "undid") + " \"" + clean(done->entry.message) +
              "\" (made " + when_made(ctx, done->entry.at) + "): " + what);
  return 0;
}

}  // namespace

void setup_undo(CLI::App& sub, Context& ctx) {
  auto o = std::make_shared<UndoOptions>();
  auto* redo = sub.add_flag("--redo", o->redo, "Make the change the last undo took back again");
  auto* list = sub.add_flag("--list", o->list, "List the changes kith can undo, newest first");
  auto* clear = sub.add_flag("--clear", o->clear, "Forget every change kept for undo");
  auto* json =
      sub.add_flag("--json", o->json, "Print what was undone (or the --list) as JSON on stdout");
  redo->excludes(list)->excludes(clear);
  json->excludes(clear);
  list->excludes(clear);
  sub.footer(
      "Undoes the last change kith made on this machine: add, edit, log, done,\n"
      "rm (--purge too), restore, snooze, unsnooze, merge, import, me, config and\n"
      "what review does. A second undo undoes the change before it; --redo takes\n"
      "the last undo back. The journal keeps the last 20 changes in .undo/ in the\n"
      "data directory, never synced. A file changed since (by hand, a sync, kith\n"
      "doctor) is never overwritten: the undo is refused and names the file.\n"
      "\n"
      "Examples:\n"
      "  kith undo\n"
      "  kith undo --list\n"
      "  kith undo --redo");
  sub.callback([o, &ctx] { ctx.exit_code = run_undo(*o, ctx); });
}

}  // namespace kith::cli
