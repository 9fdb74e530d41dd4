#include "core/sync.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <sstream>

#include "core/contact_merge.h"
#include "core/fsutil.h"
#include "core/layout.h"
#include "core/merge.h"
#include "core/purge.h"
#include "core/store.h"
#include "core/text.h"

namespace kith::sync {
namespace {

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) out.push_back(line);
  }
  return out;
}

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

Error git_failed(const std::string& what, const git::Run& r, std::string hint = {}) {
  return data_error(what + ": " + git::first_line(r.err), std::move(hint));
}

// The git steps of one sync, on one client.
class Steps {
 public:
  Steps(const git::Client& git, fs::path dir, std::string_view hostname)
      : git_(git), dir_(std::move(dir)), hostname_(hostname) {}

  Result<git::Run> run(const std::vector<std::string>& args) const { return git_(args); }

  // Runs and returns stdout without its line breaks at the end, or nullopt
  // when git exits non-zero.
  Result<std::optional<std::string>> value(const std::vector<std::string>& args) const {
    auto r = run(args);
    if (!r) return r.error();
    if (r->exit_code != 0) return std::optional<std::string>();
    std::string out = r->out;
    while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
    return std::optional<std::string>(out);
  }

  // `args` after the identity options a commit needs.
  std::vector<std::string> with_identity(std::initializer_list<const char*> args) const {
    std::vector<std::string> out = git::fallback_identity(git_, hostname_);
    for (const char* a : args) out.emplace_back(a);
    return out;
  }

  const fs::path& dir() const { return dir_; }

 private:
  const git::Client& git_;
  fs::path dir_;
  std::string_view hostname_;
};

// git runs no merge driver when one side deleted a file the other changed
// (a purge that emptied a month, or removed a contact, against an append
// or an edit). For kith's own files this settles it as the drivers would:
// a month is merged line by line with the deleted side empty; a record
// deleted on one side stays deleted. Other files are left to the user.
Status settle_deletions(const Steps& git, Outcome& outcome) {
  auto unmerged = git.run({"ls-files", "--unmerged", "-z"});
  if (!unmerged) return unmerged.error();
  if (unmerged->exit_code != 0) return {};
  std::map<std::string, std::set<char>> stages;  // path -> stages present
  const std::string& out = unmerged->out;
  for (std::size_t pos = 0; pos < out.size();) {
    std::size_t end = out.find('\0', pos);
    if (end == std::string::npos) end = out.size();
    const std::string entry = out.substr(pos, end - pos);
    pos = end + 1;
    const std::size_t tab = entry.find('\t');
    if (tab == std::string::npos || tab < 1) continue;
    stages[entry.substr(tab + 1)].insert(entry[tab - 1]);
  }
  auto version = [&](const std::string& path, char stage) -> Result<std::string> {
    auto r = git.run({"show", std::string(":") + stage + ":" + path});
    if (!r) return r.error();
    if (r->exit_code != 0) return git_failed("cannot read " + path, *r);
    return r->out;
  };
  for (const auto& [path, present] : stages) {
    const bool ours = present.count('2') > 0;
    const bool theirs = present.count('3') > 0;
    if (!kith_merges(path) || (ours && theirs)) continue;
    std::string merged;
    if (layout::kind_of(path) == layout::FileKind::month) {
      std::string base, our_text, their_text;
      for (auto [stage, text] :
           {std::pair<char, std::string*>{'1', &base}, {'2', &our_text}, {'3', &their_text}}) {
        if (!present.count(stage)) continue;
        auto v = version(path, stage);
        if (!v) return v.error();
        *text = std::move(*v);
      }
      merge::Outcome merged_log = merge::merge_log(base, our_text, their_text, path);
      for (const auto& note : merged_log.notes) outcome.warnings.push_back("merge: " + note);
      merged = std::move(merged_log.text);
    } else {
      outcome.warnings.push_back("merge: " + path +
                                 " was deleted on one side and changed on the other: kept deleted");
    }
    if (merged.empty()) {
      std::error_code ec;
      fs::remove(git.dir() / path, ec);
      auto r = git.run({"rm", "--quiet", "--cached", "--ignore-unmatch", "--", path});
      if (!r) return r.error();
      if (r->exit_code != 0) return git_failed("git rm failed", *r);
    } else {
      if (auto s = fsutil::write_file_atomic(git.dir() / path, merged); !s) return s;
      auto r = git.run({"add", "--", path});
      if (!r) return r.error();
      if (r->exit_code != 0) return git_failed("git add failed", *r);
    }
    outcome.settled.push_back(path);
  }
  return {};
}

// Commits the month files at `paths` (changed or deleted) with `message`.
Status commit_months(const Steps& git, const std::vector<std::string>& paths,
                     std::string_view message) {
  std::vector<std::string> add{"add", "-A", "--"};
  add.insert(add.end(), paths.begin(), paths.end());
  auto added = git.run(add);
  if (!added) return added.error();
  if (added->exit_code != 0) return git_failed("git add failed", *added);
  std::vector<std::string> commit = git.with_identity({"commit", "--quiet", "-m"});
  commit.emplace_back(message);
  auto r = git.run(commit);
  if (!r) return r.error();
  if (r->exit_code != 0) return git_failed("git commit failed", *r);
  return {};
}

// After a merge, the log lines that name an id merged into a contact name
// that contact: lines another machine logged under an OTHER before it synced
// a `kith merge` (the merge drivers rewrite only the months both sides
// changed, and know only this machine's aliases). One commit of their own.
Status settle_aliases(const Steps& git, Outcome& outcome) {
  const Store store(git.dir());
  auto contacts = store.load_contacts();
  if (!contacts) {
    outcome.warnings.push_back("could not check the log for merged contacts: " +
                               contacts.error().message);
    return {};
  }
  const AliasMap aliases = alias_map(*contacts);
  if (aliases.empty()) return {};
  auto months = store.months();
  if (!months) return months.error();
  std::vector<std::string> paths;
  int changed = 0;
  for (const auto& month : *months) {
    auto text = fsutil::read_file(store.month_path(month));
    if (!text) return text.error();
    if (!text->has_value()) continue;
    ReferenceRewrite r = rewrite_references(**text, aliases);
    if (r.changed == 0) continue;
    if (auto s = store.replace_month(month, r.text); !s) {
      outcome.warnings.push_back(s.error().message);
      continue;
    }
    changed += r.changed;
    paths.push_back(layout::month_relative_path(month));
  }
  if (paths.empty()) return {};
  if (auto s = commit_months(git, paths, kAliasesMessage); !s) return s;
  outcome.aliases_resolved = changed;
  return {};
}

// After a merge, the interactions that name a contact purged on some
// machine (its file deleted in the history, no contact or alias left with
// that id) leave that contact out: what another machine logged with the
// person before it synced the purge. An interaction left with nobody is
// deleted; the others' part is kept. An unknown id whose file never
// existed (a typo in a hand edit) is left for `kith doctor`. One commit.
Status settle_purged(const Steps& git, Outcome& outcome) {
  const Store store(git.dir());
  auto contacts = store.load_contacts();
  if (!contacts) {
    outcome.warnings.push_back("could not check the log for purged contacts: " +
                               contacts.error().message);
    return {};
  }
  std::set<std::string, std::less<>> known;
  for (const auto& c : *contacts) {
    known.insert(c.id);
    known.insert(c.aliases.begin(), c.aliases.end());
  }
  auto months = store.months();
  if (!months) return months.error();
  std::map<date::year_month, std::string> texts;
  std::set<std::string> unknown;
  for (const auto& month : *months) {
    auto text = fsutil::read_file(store.month_path(month));
    if (!text) return text.error();
    if (!text->has_value()) continue;
    auto found = remove_unknown_contacts(**text, [&](std::string_view id) {
      if (known.contains(id)) return true;
      unknown.emplace(id);
      return false;
    });
    if (!found.changes.empty()) texts.emplace(month, std::move(**text));
  }
  if (unknown.empty()) return {};
  // Which of them were contacts once: their file was deleted in a commit.
  std::vector<std::string> args{"log", "--diff-filter=D", "--format=", "--name-only", "--"};
  for (const auto& id : unknown) args.push_back(layout::contact_relative_path(id));
  auto deleted = git.value(args);
  if (!deleted) return deleted.error();
  std::set<std::string, std::less<>> purged;
  if (*deleted) {
    for (const auto& path : lines_of(**deleted)) {
      const std::string_view name = std::string_view(path).substr(path.rfind('/') + 1);
      if (auto id = layout::contact_id_of(name)) purged.emplace(*id);
    }
  }
  if (purged.empty()) return {};
  std::vector<std::string> paths;
  for (const auto& [month, text] : texts) {
    auto cleaned =
        remove_unknown_contacts(text, [&](std::string_view id) { return !purged.contains(id); });
    if (cleaned.changes.empty()) continue;
    if (auto s = store.replace_month(month, cleaned.text); !s) {
      outcome.warnings.push_back(s.error().message);
      continue;
    }
    const std::string path = layout::month_relative_path(month);
    for (auto& change : cleaned.changes) outcome.purged.push_back({path, std::move(change)});
    paths.push_back(path);
  }
  if (paths.empty()) return {};
  return commit_months(git, paths, kPurgedMessage);
}

// Where the sync goes.
struct Target {
  std::string branch;         // the local branch
  std::string remote;         // the remote's name
  std::string remote_branch;  // the branch there
  bool has_upstream = false;  // the branch's config names its remote
  std::string tracking() const { return "refs/remotes/" + remote + "/" + remote_branch; }
};

Result<Target> target(const Steps& git, const std::string& branch) {
  Target t{branch, {}, branch, false};
  auto configured = git.value({"config", "--get", "branch." + branch + ".remote"});
  if (!configured) return configured.error();
  t.remote = configured->value_or("");
  t.has_upstream = !t.remote.empty();
  if (t.remote.empty()) {
    auto remotes = git.value({"remote"});
    if (!remotes) return remotes.error();
    const std::vector<std::string> names = lines_of(remotes->value_or(""));
    if (names.empty()) {
      return data_error("the data directory has no git remote to sync with",
                        "add one: `kith git remote add origin URL` (an empty repository "
                        "on a server, a USB stick or another machine)");
    }
    if (std::find(names.begin(), names.end(), "origin") != names.end()) {
      t.remote = "origin";
    } else if (names.size() == 1) {
      t.remote = names.front();
    } else {
      return data_error("the data directory has several remotes and no upstream",
                        "pick one: `kith git push -u REMOTE " + branch + "`");
    }
  }
  if (t.has_upstream) {
    auto merge_ref = git.value({"config", "--get", "branch." + branch + ".merge"});
    if (!merge_ref) return merge_ref.error();
    if (*merge_ref && (*merge_ref)->starts_with("refs/heads/")) {
      t.remote_branch = (*merge_ref)->substr(11);
    }
  }
  return t;
}

// Commits whatever git status shows.
Status commit_pending(const Steps& git, Outcome& outcome) {
  auto status = git.run({"status", "--porcelain"});
  if (!status) return status.error();
  if (status->exit_code != 0) return git_failed("git status failed", *status);
  if (status->out.empty()) return {};
  auto add = git.run({"add", "-A"});
  if (!add) return add.error();
  if (add->exit_code != 0) return git_failed("git add failed", *add);
  std::vector<std::string> commit = git.with_identity({"commit", "--quiet", "-m"});
  commit.emplace_back(kPendingMessage);
  auto r = git.run(commit);
  if (!r) return r.error();
  if (r->exit_code != 0) return git_failed("git commit failed", *r);
  outcome.committed_pending = true;
  return {};
}

// Merges the fetched branch; true when it exists. Fills outcome.received.
Result<bool> pull(const Steps& git, const Target& t, Outcome& outcome) {
  auto before = git.value({"rev-parse", "--verify", "--quiet", "HEAD"});
  if (!before) return before.error();
  auto incoming = git.value({"rev-parse", "--verify", "--quiet", t.tracking()});
  if (!incoming) return incoming.error();
  if (!*incoming) return false;
  std::vector<std::string> merge =
      git.with_identity({"merge", "--no-edit", "--no-stat", "--quiet"});
  merge.push_back(t.tracking());
  auto r = git.run(merge);
  if (!r) return r.error();
  for (const auto& line : lines_of(r->err)) {
    if (line.starts_with("kith: ")) outcome.driver_notes.push_back(line);
  }
  if (r->exit_code != 0) {
    if (auto s = settle_deletions(git, outcome); !s) return s.error();
    auto conflicted = git.value({"diff", "--name-only", "--diff-filter=U"});
    const std::vector<std::string> files =
        conflicted && *conflicted ? lines_of(**conflicted) : std::vector<std::string>{};
    if (!files.empty()) {
      return data_error("the merge with '" + t.remote +
                            "' has conflicts in: " + text::sanitize_for_terminal(joined(files)),
                        "resolve them in " + git.dir().string() +
                            ", then `kith git add -A && kith git commit`; `kith git merge --abort` "
                            "undoes the merge");
    }
    auto in_merge = git.value({"rev-parse", "--verify", "--quiet", "MERGE_HEAD"});
    if (!in_merge || !*in_merge) {
      return git_failed("cannot merge the changes from '" + t.remote + "'", *r,
                        "see `kith git status`");
    }
    // Every conflict was one kith settles: finish the merge.
    auto done = git.run(git.with_identity({"commit", "--quiet", "--no-edit"}));
    if (!done) return done.error();
    if (done->exit_code != 0) {
      return git_failed("cannot commit the merge", *done, "see `kith git status`");
    }
  }
  const std::string range = *before ? **before + "..HEAD" : "HEAD";
  auto log = git.value({"log", "--no-merges", "--format=%s", range});
  if (log && *log) outcome.received = lines_of(**log);
  return true;
}

// Pushes what the remote lacks. Fills outcome.sent.
Status push(const Steps& git, const Target& t, bool remote_has_branch, Outcome& outcome) {
  auto head = git.value({"rev-parse", "--verify", "--quiet", "HEAD"});
  if (!head) return head.error();
  if (!*head) return {};
  const std::string range = remote_has_branch ? t.tracking() + "..HEAD" : "HEAD";
  auto log = git.value({"log", "--no-merges", "--format=%s", range});
  if (log && *log) outcome.sent = lines_of(**log);
  if (outcome.sent.empty() && remote_has_branch && t.has_upstream) return {};
  std::vector<std::string> args{"push", "--quiet"};
  if (!t.has_upstream) args.emplace_back("--set-upstream");
  args.push_back(t.remote);
  args.push_back("HEAD:refs/heads/" + t.remote_branch);
  auto r = git.run(args);
  if (!r) return r.error();
  if (r->exit_code != 0) {
    return git_failed("cannot push to '" + t.remote + "'", *r,
                      "what came in is merged and committed here; run `kith sync` "
                      "again once the remote can be reached");
  }
  if (!t.has_upstream) {
    // --set-upstream with HEAD:ref does not set it for a branch of another
    // name; say where this branch goes explicitly.
    auto set_remote = git.run({"config", "branch." + t.branch + ".remote", t.remote});
    auto set_merge =
        git.run({"config", "branch." + t.branch + ".merge", "refs/heads/" + t.remote_branch});
    if (!set_remote || set_remote->exit_code != 0 || !set_merge || set_merge->exit_code != 0) {
      outcome.warnings.push_back("could not record " + t.remote + " as the branch's upstream");
    }
  }
  return {};
}

// A clone of a remote whose HEAD names a branch it lacks (a bare
// repository made with git's old default, "master", to which kith's "main"
// was pushed) checks nothing out and sits on an unborn branch of the wrong
// name. With nothing to commit yet, that unborn branch takes the name of
// the remote's: the same name when the remote has it, else "main", else
// its only branch. Returns the branch to sync.
Result<std::string> adopt_remote_branch(const Steps& git, const std::string& branch) {
  auto status = git.value({"status", "--porcelain"});
  if (!status) return status.error();
  if (!*status || !(*status)->empty()) return branch;
  auto t = target(git, branch);
  if (!t) return branch;  // no remote: said later, as usual
  auto fetch = git.run({"fetch", "--quiet", t->remote});
  if (!fetch) return fetch.error();
  if (fetch->exit_code != 0) return branch;  // the fetch below says why
  auto refs =
      git.value({"for-each-ref", "--format=%(refname:strip=3)", "refs/remotes/" + t->remote + "/"});
  if (!refs) return refs.error();
  std::vector<std::string> names;
  for (auto& name : lines_of(refs->value_or(""))) {
    if (name != "HEAD") names.push_back(std::move(name));
  }
  auto has = [&](const std::string& n) {
    return std::find(names.begin(), names.end(), n) != names.end();
  };
  if (has(t->remote_branch)) return branch;
  const std::string pick = has("main") ? "main" : names.size() == 1 ? names.front() : "";
  if (pick.empty()) return branch;
  auto moved = git.run({"symbolic-ref", "HEAD", "refs/heads/" + pick});
  if (!moved) return moved.error();
  if (moved->exit_code != 0) return git_failed("cannot switch to branch " + pick, *moved);
  return pick;
}

Status sync(const Steps& git, Outcome& outcome) {
  auto merge_head = git.value({"rev-parse", "--verify", "--quiet", "MERGE_HEAD"});
  if (!merge_head) return merge_head.error();
  if (*merge_head) {
    return data_error("a merge is in progress in " + git.dir().string(),
                      "finish it with `kith git commit` (or undo it with `kith git merge "
                      "--abort`), then run `kith sync` again");
  }
  auto branch = git.value({"symbolic-ref", "--quiet", "--short", "HEAD"});
  if (!branch) return branch.error();
  if (!*branch) {
    return data_error("the data directory's repository is not on a branch",
                      "check out one with `kith git switch BRANCH`");
  }
  std::string name = **branch;
  auto born = git.value({"rev-parse", "--verify", "--quiet", "HEAD"});
  if (!born) return born.error();
  if (!*born) {
    auto adopted = adopt_remote_branch(git, name);
    if (!adopted) return adopted.error();
    name = *adopted;
  }
  if (auto s = commit_pending(git, outcome); !s) return s;
  auto t = target(git, name);
  if (!t) return t.error();
  outcome.remote = t->remote;

  auto fetch = git.run({"fetch", "--quiet", t->remote});
  if (!fetch) return fetch.error();
  if (fetch->exit_code != 0) {
    return git_failed("cannot fetch from '" + t->remote + "'", *fetch,
                      "check the network and the remote's address (`kith git remote "
                      "-v`); nothing was changed");
  }
  auto pulled = pull(git, *t, outcome);
  if (!pulled) return pulled.error();
  if (!outcome.received.empty()) {
    if (auto s = settle_aliases(git, outcome); !s) return s;
    if (auto s = settle_purged(git, outcome); !s) return s;
  }
  return push(git, *t, *pulled, outcome);
}

}  // namespace

Status check_repository(const fs::path& dir) {
  if (git::is_repository(dir)) return {};
  return data_error("the data directory " + dir.string() + " is not a git repository",
                    "start with `kith git init`, then `kith git remote add origin URL`");
}

Outcome run(const git::Client& git, const fs::path& dir, std::string_view hostname) {
  Outcome outcome;
  outcome.status = sync(Steps(git, dir, hostname), outcome);
  return outcome;
}

bool kith_merges(std::string_view path) { return layout::kind_of(path).has_value(); }

}  // namespace kith::sync
