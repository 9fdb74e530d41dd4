// kith sync: commit what is pending, pull (a merge, never a rebase) and
// push the data directory, and say what came in and what went out. kith's
// own files merge through its merge drivers; a conflict in any other file
// stops the sync with the merge left in place for the user to finish.
#include <map>
#include <set>
#include <sstream>

#include "cli/commands.h"
#include "cli/git_support.h"
#include "cli/output.h"
#include "core/fsutil.h"
#include "core/merge.h"
#include "core/text.h"

namespace kith::cli {
namespace {

constexpr std::size_t kMaxSubjects = 10;

// sync takes no option of its own (the global ones apply).
struct SyncOptions {};

// One git step of the sync, captured.
class Git {
 public:
  Git(Context& ctx, fs::path dir) : ctx_(ctx), runner_(git_runner(ctx)), dir_(std::move(dir)) {}

  Result<git::Run> run(const std::vector<std::string>& args) const {
    return git::run(runner_, dir_, args);
  }
  // Runs and returns stdout trimmed, or nullopt when git exits non-zero.
  Result<std::optional<std::string>> value(const std::vector<std::string>& args) const {
    auto r = run(args);
    if (!r) return r.error();
    if (r->exit_code != 0) return std::optional<std::string>();
    std::string out = r->out;
    while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
    return std::optional<std::string>(out);
  }
  std::vector<std::string> identity() const {
    return git::fallback_identity(runner_, dir_, ctx_.env().hostname);
  }
  const fs::path& dir() const { return dir_; }

 private:
  Context& ctx_;
  git::Runner runner_;
  fs::path dir_;
};

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) out.push_back(line);
  }
  return out;
}

// Passes on what kith's merge drivers said (their lines start "kith: ").
void relay_driver_notes(const std::string& git_stderr, Context& ctx) {
  for (const auto& line : lines_of(git_stderr)) {
    if (line.starts_with("kith: ")) ctx.err << text::sanitize_for_terminal(line) << "\n";
  }
}

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

std::string changes(std::size_t n) { return std::to_string(n) + (n == 1 ? " change" : " changes"); }

Error git_failed(const std::string& what, const git::Run& r, std::string hint = {}) {
  return data_error(what + ": " + git::first_line(r.err), std::move(hint));
}

bool kith_merges(std::string_view path) {
  const bool log = path.starts_with("log/") && path.ends_with(".jsonl") &&
                   path.find('/', 4) == std::string_view::npos;
  const bool contact = path.starts_with("contacts/") && path.ends_with(".json") &&
                       path.find('/', 9) == std::string_view::npos;
  return log || contact || path == "me.json" || path == "kith.json";
}

// git runs no merge driver when one side deleted a file the other changed
// (a purge that emptied a month, or removed a contact, against an append
// or an edit). For kith's own files this settles it as the drivers would:
// a month is merged line by line with the deleted side empty; a record
// deleted on one side stays deleted. Other files are left to the user.
Status resolve_deletions(const Git& git, Context& ctx) {
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
    if (path.starts_with("log/")) {
      std::string base, our_text, their_text;
      for (auto [stage, text] :
           {std::pair<char, std::string*>{'1', &base}, {'2', &our_text}, {'3', &their_text}}) {
        if (!present.count(stage)) continue;
        auto v = version(path, stage);
        if (!v) return v.error();
        *text = std::move(*v);
      }
      merge::Outcome outcome = merge::merge_log(base, our_text, their_text, path);
      for (const auto& note : outcome.notes) ctx.warn("merge: " + note);
      merged = std::move(outcome.text);
    } else {
      ctx.warn("merge: " + path +
               " was deleted on one side and changed on the other: " + "kept deleted");
    }
    std::error_code ec;
    if (merged.empty()) {
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
  }
  return {};
}

int run_sync(const SyncOptions&, Context& ctx) {
  auto store = ctx.store();
  if (!store) return ctx.fail(store.error());
  const fs::path& dir = store->dir();
  if (!git::is_repository(dir)) {
    return ctx.fail(
        data_error("the data directory " + dir.string() + " is not a git repository",
                   "start with `kith git init`, then `kith git remote add origin URL`"));
  }
  register_merge_drivers(ctx);
  auto lock = store->lock_for_write(ctx.lock_options());
  if (!lock) return ctx.fail(lock.error());
  const Git git(ctx, dir);

  auto merge_head = git.value({"rev-parse", "--verify", "--quiet", "MERGE_HEAD"});
  if (!merge_head) return ctx.fail(merge_head.error());
  if (*merge_head) {
    return ctx.fail(data_error("a merge is in progress in " + dir.string(),
                               "finish it with `kith git commit` (or undo it with `kith git merge "
                               "--abort`), then run `kith sync` again"));
  }
  auto branch = git.value({"symbolic-ref", "--quiet", "--short", "HEAD"});
  if (!branch) return ctx.fail(branch.error());
  if (!*branch) {
    return ctx.fail(data_error("the data directory's repository is not on a branch",
                               "check out one with `kith git switch BRANCH`"));
  }

  // 1. What is pending.
  auto status = git.run({"status", "--porcelain"});
  if (!status) return ctx.fail(status.error());
  if (status->exit_code != 0) return ctx.fail(git_failed("git status failed", *status));
  if (!status->out.empty()) {
    auto add = git.run({"add", "-A"});
    if (!add) return ctx.fail(add.error());
    if (add->exit_code != 0) return ctx.fail(git_failed("git add failed", *add));
    std::vector<std::string> commit = git.identity();
    for (const char* a : {"commit", "--quiet", "-m", "sync: changes made outside kith"}) {
      commit.emplace_back(a);
    }
    auto r = git.run(commit);
    if (!r) return ctx.fail(r.error());
    if (r->exit_code != 0) return ctx.fail(git_failed("git commit failed", *r));
    ctx.confirm("committed the changes that were not committed yet");
  }

  // 2. Where to: the branch's upstream, else origin (or the only remote).
  auto configured = git.value({"config", "--get", "branch." + **branch + ".remote"});
  if (!configured) return ctx.fail(configured.error());
  std::string remote = configured->value_or("");
  bool has_upstream = !remote.empty();
  if (remote.empty()) {
    auto remotes = git.value({"remote"});
    if (!remotes) return ctx.fail(remotes.error());
    const std::vector<std::string> names = lines_of(remotes->value_or(""));
    if (names.empty()) {
      return ctx.fail(data_error("the data directory has no git remote to sync with",
                                 "add one: `kith git remote add origin URL` (an empty repository "
                                 "on a server, a USB stick or another machine)"));
    }
    if (std::find(names.begin(), names.end(), "origin") != names.end()) {
      remote = "origin";
    } else if (names.size() == 1) {
      remote = names.front();
    } else {
      return ctx.fail(data_error("the data directory has several remotes and no upstream",
                                 "pick one: `kith git push -u REMOTE " + **branch + "`"));
    }
  }
  std::string remote_branch = **branch;
  if (has_upstream) {
    auto merge_ref = git.value({"config", "--get", "branch." + **branch + ".merge"});
    if (!merge_ref) return ctx.fail(merge_ref.error());
    if (*merge_ref && (*merge_ref)->starts_with("refs/heads/")) {
      remote_branch = (*merge_ref)->substr(11);
    }
  }
  const std::string tracking = "refs/remotes/" + remote + "/" + remote_branch;

  // 3. Pull: fetch, then merge.
  auto fetch = git.run({"fetch", "--quiet", remote});
  if (!fetch) return ctx.fail(fetch.error());
  if (fetch->exit_code != 0) {
    return ctx.fail(git_failed("cannot fetch from '" + remote + "'", *fetch,
                               "check the network and the remote's address (`kith git remote "
                               "-v`); nothing was changed"));
  }
  auto before = git.value({"rev-parse", "--verify", "--quiet", "HEAD"});
  if (!before) return ctx.fail(before.error());
  auto incoming_ref = git.value({"rev-parse", "--verify", "--quiet", tracking});
  if (!incoming_ref) return ctx.fail(incoming_ref.error());
  std::vector<std::string> received;
  if (*incoming_ref) {
    std::vector<std::string> merge = git.identity();
    for (const char* a : {"merge", "--no-edit", "--no-stat", "--quiet"}) merge.emplace_back(a);
    merge.push_back(tracking);
    auto r = git.run(merge);
    if (!r) return ctx.fail(r.error());
    relay_driver_notes(r->err, ctx);
    if (r->exit_code != 0) {
      if (auto resolved = resolve_deletions(git, ctx); !resolved) return ctx.fail(resolved.error());
      auto conflicted = git.value({"diff", "--name-only", "--diff-filter=U"});
      const std::vector<std::string> files =
          conflicted && *conflicted ? lines_of(**conflicted) : std::vector<std::string>{};
      if (!files.empty()) {
        return ctx.fail(data_error(
            "the merge with '" + remote +
                "' has conflicts in: " + text::sanitize_for_terminal(join(files)),
            "resolve them in " + dir.string() +
                ", then `kith git add -A && kith git commit`; `kith git merge --abort` undoes "
                "the merge"));
      }
      auto in_merge = git.value({"rev-parse", "--verify", "--quiet", "MERGE_HEAD"});
      if (!in_merge || !*in_merge) {
        return ctx.fail(git_failed("cannot merge the changes from '" + remote + "'", *r,
                                   "see `kith git status`"));
      }
      // Every conflict was one kith resolves: finish the merge.
      std::vector<std::string> commit = git.identity();
      for (const char* a : {"commit", "--quiet", "--no-edit"}) commit.emplace_back(a);
      auto done = git.run(commit);
      if (!done) return ctx.fail(done.error());
      if (done->exit_code != 0) {
        return ctx.fail(git_failed("cannot commit the merge", *done, "see `kith git status`"));
      }
    }
    if (*before) {
      auto log = git.value({"log", "--no-merges", "--format=%s", **before + "..HEAD"});
      if (log && *log) received = lines_of(**log);
    } else {
      auto log = git.value({"log", "--no-merges", "--format=%s", "HEAD"});
      if (log && *log) received = lines_of(**log);
    }
  }

  // 4. Push what the remote lacks.
  std::vector<std::string> sent;
  {
    auto head = git.value({"rev-parse", "--verify", "--quiet", "HEAD"});
    if (!head) return ctx.fail(head.error());
    if (*head) {
      const std::string range = *incoming_ref ? tracking + "..HEAD" : "HEAD";
      auto log = git.value({"log", "--no-merges", "--format=%s", range});
      if (log && *log) sent = lines_of(**log);
    }
    const bool needed = *head && (!sent.empty() || !*incoming_ref || !has_upstream);
    if (needed) {
      std::vector<std::string> push{"push", "--quiet"};
      if (!has_upstream) push.emplace_back("--set-upstream");
      push.push_back(remote);
      push.push_back("HEAD:refs/heads/" + remote_branch);
      auto r = git.run(push);
      if (!r) return ctx.fail(r.error());
      if (r->exit_code != 0) {
        return ctx.fail(git_failed("cannot push to '" + remote + "'", *r,
                                   "what came in is merged and committed here; run `kith sync` "
                                   "again once the remote can be reached"));
      }
      if (!has_upstream) {
        // --set-upstream with HEAD:ref does not set it for a branch of
        // another name; say where this branch goes explicitly.
        auto set_remote = git.run({"config", "branch." + **branch + ".remote", remote});
        auto set_merge =
            git.run({"config", "branch." + **branch + ".merge", "refs/heads/" + remote_branch});
        if (!set_remote || set_remote->exit_code != 0 || !set_merge || set_merge->exit_code != 0) {
          ctx.warn("could not record " + remote + " as the branch's upstream");
        }
      }
    }
  }

  if (received.empty() && sent.empty()) {
    ctx.out << "Up to date with " << remote << ".\n";
    return 0;
  }
  if (!received.empty()) {
    print_subjects("Received " + changes(received.size()) + " from " + remote + ":", received, ctx);
  }
  if (!sent.empty()) {
    print_subjects("Sent " + changes(sent.size()) + " to " + remote + ":", sent, ctx);
  }
  return 0;
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
