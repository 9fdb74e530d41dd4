// The protocol of `kith sync`: commit what is pending, pull (a merge, never
// a rebase) from the branch's upstream, settle what git leaves to kith, and
// push, setting the upstream on the first push. kith's own files merge
// through its merge drivers (registered by the caller beforehand); a
// conflict in any other file stops the sync with the merge left in place
// for the user to finish.
//
// git is reached only through a git::Client, so that the tests run the
// protocol against a fake. The caller holds the write lock for the whole
// sync. Nothing here prints: the Outcome says what happened.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/git.h"
#include "core/purge.h"
#include "core/status.h"

namespace kith::sync {

namespace fs = std::filesystem;

// What a sync did, in the order it did it. When `status` is an error the
// sync stopped there, and the fields say what it had done before.
struct Outcome {
  // Changes made outside kith (or not committed yet) were committed first,
  // as "sync: changes made outside kith".
  bool committed_pending = false;
  std::string remote;  // the remote synced with, once chosen
  // What kith's merge drivers said during the merge: their lines of git's
  // stderr that start "kith: ", as they wrote them.
  std::vector<std::string> driver_notes;
  // Files that one side deleted and the other changed, which git leaves
  // unmerged and kith settles: a month merged line by line with the deleted
  // side empty, a record kept deleted. Paths relative to the data directory.
  std::vector<std::string> settled;
  // Log lines that named an id merged into a contact (`kith merge` on one
  // machine, `kith log OTHER` on another before it synced) and that, after
  // the merge, name that contact: committed as kAliasesMessage.
  int aliases_resolved = 0;
  // Interactions that named a contact purged on some machine (its file
  // deleted in the history; another machine logged with them before it
  // synced the purge): each lost that id, and one left with nobody was
  // deleted. Committed as kPurgedMessage. `file` is the month's path.
  struct Purged {
    std::string file;
    UnknownRemoved change;
  };
  std::vector<Purged> purged;
  // Things worth saying that did not stop the sync ("merge: …", an upstream
  // that could not be recorded).
  std::vector<std::string> warnings;
  // The subjects of the commits received (merged in) and sent (pushed),
  // newest first, merges left out.
  std::vector<std::string> received;
  std::vector<std::string> sent;
  Status status;
};

// The commit message of the changes found pending.
inline constexpr std::string_view kPendingMessage = "sync: changes made outside kith";
// The commit message of the log lines that, after a merge, name the contact
// an id was merged into.
inline constexpr std::string_view kAliasesMessage =
    "sync: interactions logged under merged ids name the contacts kept";

// A data error unless `dir` is the top of a git work tree: what to check
// before taking the lock.
Status check_repository(const fs::path& dir);

// The commit message of the interactions that left out a purged contact.
inline constexpr std::string_view kPurgedMessage =
    "sync: interactions leave out the contacts purged on another machine";

// Syncs the repository at `dir`, running git through `git` (a client in
// `dir`). `hostname` names this machine in the fallback identity of commits
// (git::fallback_identity).
//
// Steps: a merge in progress, or a HEAD on no branch, is an error. Pending
// changes (git status) are added and committed. The remote is the branch's
// configured one, else "origin", else the only remote (none, or several
// without origin, is an error); the remote branch is the configured merge
// ref, else the same name. Fetch (failing: an error, nothing changed), then
// merge the remote branch when it exists; a merge that stops only on files
// deleted on one side and changed on the other, among kith's own files, is
// settled and committed; a conflict in another file is an error. When
// commits came in, log lines naming an id merged into a contact are made to
// name that contact and committed (aliases_resolved), and the interactions
// that name a purged contact leave it out, committed (purged). Then push
// when the remote lacks commits (or the branch has no upstream yet, which
// the first push records in the branch's config).
Outcome run(const git::Client& git, const fs::path& dir, std::string_view hostname);

// Whether kith merges `path` (relative to the data directory) itself: a
// month of the log, a contact record, me.json, kith.json.
bool kith_merges(std::string_view path);

}  // namespace kith::sync
