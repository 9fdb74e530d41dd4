// kith git ARGS...: git run in the data directory, every argument passed as
// it is and git's exit status returned. `kith git init [OPTIONS]` also
// writes .gitattributes and .gitignore, registers kith's merge drivers and
// commits the data as it is.
//
// The words after `git` never reach the option parser: run() in app.cpp
// hands them over in Context::passthrough, so that `kith git log -p` or
// `kith git -c x=y commit` mean what they mean to git.
#include <algorithm>
#include <optional>
#include <set>

#include "cli/commands.h"
#include "cli/git_support.h"
#include "core/fsutil.h"
#include "core/gpg_keys.h"

namespace kith::cli {
namespace {

// `git init` as given, starting on branch main unless the words name a
// branch: no "Using 'master'" hint, the same branch on every machine.
std::vector<std::string> init_words(const std::vector<std::string>& args) {
  std::vector<std::string> words = args;
  const bool named = std::any_of(args.begin(), args.end(), [](const std::string& a) {
    return a == "-b" || a.starts_with("--initial-branch");
  });
  if (!named) words.insert(words.begin() + 1, "--initial-branch=main");
  return words;
}

// The git subcommand among `args` (after git's own options: -c NAME=VALUE,
// -C DIR, --no-pager…); empty when there is none.
std::string subcommand_of(const std::vector<std::string>& args) {
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "-c" || a == "-C" || a == "--git-dir" || a == "--work-tree" || a == "--namespace" ||
        a == "--exec-path" || a == "--config-env") {
      ++i;  // its value
      continue;
    }
    if (a.starts_with("-")) continue;
    return a;
  }
  return {};
}

// git commands that change the work tree (and so kith's records): run under
// kith's write lock, so that no kith writer runs in between.
bool changes_work_tree(const std::string& subcommand) {
  static const std::set<std::string, std::less<>> kChanging = {
      "commit",      "merge",  "pull",  "checkout", "switch", "reset", "restore", "rebase",
      "cherry-pick", "revert", "stash", "rm",       "mv",     "am",    "apply"};
  return kChanging.contains(subcommand);
}

int run_init(const std::vector<std::string>& args, const Store& store, Context& ctx) {
  auto lock = store.lock_for_write(ctx.lock_options());
  if (!lock) return ctx.fail(lock.error());
  const git::Runner runner = git_runner(ctx);
  const fs::path& dir = store.dir();
  ctx.out.flush();
  auto init = git::run(runner, dir, init_words(args), git::Output::inherit);
  if (!init) return ctx.fail(init.error());
  if (init->exit_code != 0) return init->exit_code;

  if (auto s = git::ensure_lines(dir / ".gitattributes", git::attributes_text()); !s) {
    return ctx.fail(s.error());
  }
  if (auto s = git::ensure_lines(dir / ".gitignore", git::ignore_text()); !s) {
    return ctx.fail(s.error());
  }
  if (!ctx.env().executable.empty()) {
    if (auto done = git::ensure_drivers(runner, dir, ctx.env().executable); !done) {
      return ctx.fail(done.error());
    }
  }
  auto add = git::run(runner, dir, {"add", "-A"});
  if (!add) return ctx.fail(add.error());
  if (add->exit_code != 0) {
    return ctx.fail(data_error("git add failed: " + git::first_line(add->err)));
  }
  auto staged = git::run(runner, dir, {"diff", "--cached", "--quiet"});
  if (!staged) return ctx.fail(staged.error());
  if (staged->exit_code != 0) {
    std::vector<std::string> commit = git::fallback_identity(runner, dir, ctx.env().hostname);
    for (const char* a : {"commit", "--quiet", "-m", "kith: track the data directory"}) {
      commit.emplace_back(a);
    }
    auto r = git::run(runner, dir, commit);
    if (!r) return ctx.fail(r.error());
    if (r->exit_code != 0) {
      return ctx.fail(data_error("git commit failed: " + git::first_line(r->err),
                                 "the repository is set up; commit with `kith git commit`"));
    }
  }
  ctx.confirm("each change is now committed in " + dir.string() +
              "; to share it: `kith git remote add origin URL`, then `kith sync`");
  return 0;
}

// True for `kith git remote add … --encrypt …`.
bool adds_encrypted_remote(const std::vector<std::string>& args) {
  return args.size() >= 2 && args[0] == "remote" && args[1] == "add" &&
         std::find(args.begin() + 2, args.end(), "--encrypt") != args.end();
}

// The keys gpg lists for `ref` (a fingerprint, a key id, an email or a
// name); `secret`: the secret keys only.
Result<std::vector<gpg::Key>> gpg_keys_of(const git::Runner& gpg, const fs::path& dir,
                                          const std::string& ref, bool secret) {
  auto r = git::run(gpg, dir,
                    {"--batch", "--with-colons", "--fixed-list-mode",
                     secret ? "--list-secret-keys" : "--list-keys", "--", ref});
  if (!r) return r.error();
  // gpg exits 2 when it finds no key: an empty list.
  return gpg::parse_listing(r->out);
}

// kith git remote add --encrypt NAME URL KEYID...: a gcrypt:: remote whose
// repository git-remote-gcrypt encrypts for those keys. Checks everything
// before it changes anything: the tools are installed, each key is one
// public key that can encrypt, one of them is this machine's own.
int run_encrypted_remote(const std::vector<std::string>& args, const Store& store, Context& ctx) {
  const std::string usage = "kith git remote add --encrypt NAME URL KEYID...";
  std::vector<std::string> words;
  for (std::size_t i = 2; i < args.size(); ++i) {
    if (args[i] == "--encrypt") continue;
    if (args[i].starts_with("-")) {
      return ctx.fail(
          usage_error(usage + " takes no other option: '" + clean(args[i]) + "'",
                      "git's own options work with `kith git config` once it is added"));
    }
    words.push_back(args[i]);
  }
  if (words.size() < 3) {
    return ctx.fail(usage_error(usage + ": name the remote, its URL and at least one GPG key",
                                "your own key first: `gpg --list-secret-keys` lists them"));
  }
  const std::string& name = words[0];
  std::string url = words[1];
  const std::vector<std::string> refs(words.begin() + 2, words.end());
  const fs::path& dir = store.dir();
  if (!git::is_repository(dir)) {
    return ctx.fail(
        data_error(dir.string() + " is not a git repository yet", "start with `kith git init`"));
  }
  for (const char* tool : {"git-remote-gcrypt", "gpg"}) {
    if (find_on_path(ctx.env(), tool).empty()) {
      return ctx.fail(
          io_error(std::string(tool) + " is not installed: an encrypted remote needs it",
                   "sudo apt-get install git-remote-gcrypt gnupg"));
    }
  }
  git::Runner gpg = git_runner(ctx);
  gpg.program = "gpg";
  std::vector<gpg::Key> keys;
  std::string signing;  // the first key whose secret part is here
  for (const std::string& ref : refs) {
    auto found = gpg_keys_of(gpg, dir, ref, false);
    if (!found) return ctx.fail(found.error());
    if (found->empty()) {
      return ctx.fail(usage_error("GPG has no public key for '" + clean(ref) + "'",
                                  "`gpg --list-keys` lists them; `gpg --import FILE` adds one"));
    }
    if (found->size() > 1) {
      return ctx.fail(usage_error("'" + clean(ref) + "' names " + std::to_string(found->size()) +
                                      " GPG keys: " + clean(gpg::describe(found->front())) +
                                      " and more",
                                  "give the fingerprint of the one you mean"));
    }
    const gpg::Key& key = found->front();
    if (!key.can_encrypt) {
      const std::string why = key.revoked   ? "is revoked"
                              : key.expired ? "has expired"
                                            : "cannot encrypt";
      return ctx.fail(usage_error("the GPG key " + clean(gpg::describe(key)) + " " + why,
                                  "name a key that can encrypt: `gpg --list-keys` shows [E]"));
    }
    if (std::none_of(keys.begin(), keys.end(),
                     [&](const gpg::Key& k) { return k.fingerprint == key.fingerprint; })) {
      keys.push_back(key);
    }
    if (signing.empty()) {
      auto secret = gpg_keys_of(gpg, dir, key.fingerprint, true);
      if (!secret) return ctx.fail(secret.error());
      if (!secret->empty()) signing = key.fingerprint;
    }
  }
  if (signing.empty()) {
    return ctx.fail(usage_error(
        "none of these keys has its secret key on this machine: kith sync could send to '" +
            clean(name) + "' but never read it back",
        "name your own key too (`gpg --list-secret-keys`), or import it with `gpg --import`"));
  }
  if (!url.starts_with("gcrypt::")) url = "gcrypt::" + url;
  std::string participants;
  for (const auto& k : keys) participants += (participants.empty() ? "" : " ") + k.fingerprint;

  const git::Runner runner = git_runner(ctx);
  auto added = git::run(runner, dir, {"remote", "add", name, url});
  if (!added) return ctx.fail(added.error());
  if (added->exit_code != 0) {
    return ctx.fail(usage_error("git remote add failed: " + git::first_line(added->err)));
  }
  const std::string prefix = "remote." + name + ".";
  for (const auto& [key, value] : std::vector<std::pair<std::string, std::string>>{
           {prefix + "gcrypt-participants", participants},
           {prefix + "gcrypt-signingkey", signing}}) {
    auto set = git::run(runner, dir, {"config", key, value});
    if (!set || set->exit_code != 0) {
      // Nothing half set up: the remote goes again.
      (void)git::run(runner, dir, {"remote", "remove", name});
      if (!set) return ctx.fail(set.error());
      return ctx.fail(data_error("git config failed: " + git::first_line(set->err)));
    }
  }
  std::vector<std::string> names;
  for (const auto& k : keys) names.push_back(clean(gpg::describe(k)));
  ctx.out << name << "\t" << url << "\n";
  ctx.confirm("'" + clean(name) + "' is encrypted for " + join(names, ", ") +
              ": whoever hosts it sees only ciphertext; `kith sync` sends to it");
  return 0;
}

int run_git(Context& ctx) {
  const std::vector<std::string>& args = ctx.passthrough;
  auto store = ctx.store();
  if (!store) return ctx.fail(store.error());
  const fs::path& dir = store->dir();
  const bool init = !args.empty() && args.front() == "init";
  const bool clone = !args.empty() && args.front() == "clone";
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    if (!init && !clone) {
      return ctx.fail(data_error("there is no data directory at " + dir.string() + " yet",
                                 "start one with `kith add` or `kith git init`, or clone one: "
                                 "`git clone URL " +
                                     dir.string() + "`"));
    }
    if (auto s = fsutil::ensure_dir(dir); !s) return ctx.fail(s.error());
  }
  if (init) return run_init(args, *store, ctx);
  if (adds_encrypted_remote(args)) return run_encrypted_remote(args, *store, ctx);
  std::optional<fsutil::FileLock> lock;
  const bool changing = changes_work_tree(subcommand_of(args));
  if (changing) {
    auto held = store->lock_only(ctx.lock_options());
    if (!held) return ctx.fail(held.error());
    lock = std::move(*held);
  }
  // `kith git pull` or `merge` in a fresh clone merges through the drivers.
  register_merge_drivers(ctx);
  ctx.out.flush();
  ctx.err.flush();
  auto r = git::run(git_runner(ctx), dir, args, git::Output::inherit);
  if (!r) return ctx.fail(r.error());
  // What git wrote into the work tree is personal data: 0600 and 0700.
  if (changing) {
    if (auto s = fsutil::make_private(dir); !s) ctx.warn(s.error().message);
  }
  return r->exit_code;
}

}  // namespace

void setup_git(CLI::App& sub, Context& ctx) {
  sub.footer(
      "Every word after `git` goes to git as it is: put kith's own options\n"
      "(--data-dir…) before `git`. kith's exit status is git's.\n"
      "\n"
      "`kith git init` also writes .gitattributes and .gitignore, registers\n"
      "kith's merge drivers and commits the data. From then on every change\n"
      "kith makes is committed (`kith config autocommit off` stops that).\n"
      "\n"
      "`kith git remote add --encrypt NAME URL KEYID...` adds a remote that\n"
      "git-remote-gcrypt encrypts with GPG for those keys (yours among them):\n"
      "whoever hosts it sees only ciphertext; the clones stay plain.\n"
      "\n"
      "Examples:\n"
      "  kith git init\n"
      "  kith git remote add origin git@example.org:me/kith-data.git\n"
      "  kith git remote add --encrypt origin git@example.org:me/kith-data.git KEYID\n"
      "  kith git log --oneline");
  sub.callback([&ctx] { ctx.exit_code = run_git(ctx); });
}

}  // namespace kith::cli
