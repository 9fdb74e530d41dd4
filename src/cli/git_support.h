// What the commands share about a data directory kept in git: how git is
// started, the commit each writing command makes of its own change, and the
// registration of the merge drivers in a clone (by writers, sync and git).
#pragma once

#include <string>

#include "cli/context.h"
#include "core/git.h"
#include "core/store.h"

namespace kith::cli {

// git started with kith's environment, less the variables that would point
// it at another repository than the data directory (GIT_DIR, GIT_WORK_TREE,
// GIT_INDEX_FILE…), and with GIT_CEILING_DIRECTORIES set so that git never
// takes a repository above the data directory for its own.
git::Runner git_runner(const Context& ctx);

// Ends a writing command's change, described by `message` ("add:
// ada-lovelace"): writes it to the undo journal (Store::record_undo), then
// commit_files(). Called by every writing command after its change is on
// disk, with the write lock still held. Never fails the command: the change
// is saved either way; a warning says what could not be done.
void commit_change(Context& ctx, const Store& store, const std::string& message);

// Commits the files `store` changed with `message`, when the data directory
// is a git repository and the setting autocommit is on; when git fails, a
// warning says so and how to commit by hand. When `store` changed files in
// a git repository it also registers the merge drivers
// (register_merge_drivers), autocommit on or off: writers are what registers
// them in a fresh clone, readers create nothing. `kith undo` commits with
// this alone: an undo is not itself journaled.
void commit_files(Context& ctx, const Store& store, const std::string& message);

// Makes sure the merge drivers of the data directory's repository name this
// kith binary (a clone lacks them, and an old path may be stale) and that
// git ignores the files that stay on this machine (the lock, the undo
// journal: git::ensure_local_files_excluded). Reads
// .git/config and .git/info/exclude only, unless something must be written. Does nothing outside
// a git repository; a failure is a warning. Called by the writers (through
// commit_change), by `kith sync` and by `kith git` (whose pull or merge
// needs them), never by a command that only reads.
void register_merge_drivers(Context& ctx);

}  // namespace kith::cli
