// Running git over a data directory, and what kith keeps in a repository
// there: the attributes and ignore lists that `kith git init` writes, the
// merge drivers registered in .git/config, the commits of writing commands.
//
// git runs as a child process (fork, then exec of an argv: never a shell),
// with the environment the caller passes in; nothing here reads the
// process's own environment or keeps state between calls.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace kith::git {

namespace fs = std::filesystem;

// How to start git: the environment it gets ("NAME=value" entries; PATH in
// it is where git is looked for) and the program name or path.
struct Runner {
  std::vector<std::string> env;
  std::string program = "git";
};

enum class Output {
  capture,  // stdout and stderr are collected; stdin is /dev/null
  inherit,  // git shares kith's stdin, stdout and stderr (pagers, editors)
};

struct Run {
  int exit_code = 0;  // git's exit status; 128 + N when killed by signal N
  std::string out;    // captured stdout (Output::capture only)
  std::string err;    // captured stderr (Output::capture only)
};

// Runs `git ARGS` with `dir` as its working directory. An io error only
// when git cannot be started at all (not installed, not executable); any
// exit status of git itself is returned in Run.
Result<Run> run(const Runner& runner, const fs::path& dir, const std::vector<std::string>& args,
                Output output = Output::capture);

// git in one directory, output captured: `run(runner, dir, ARGS)` for the
// real git (client()), a fake in tests. What the sync protocol (sync.h)
// asks of git.
using Client = std::function<Result<Run>(const std::vector<std::string>& args)>;
Client client(Runner runner, fs::path dir);

// True when `dir` is the top of a git work tree (it holds a .git directory
// or a .git file, as a worktree or submodule does). Starts no process.
bool is_repository(const fs::path& dir);

// The files `kith git init` writes.
std::string attributes_text();  // .gitattributes: which driver merges which file
std::string ignore_text();      // .gitignore: the lock and temp files

// Adds to the file at `path` the lines of `wanted` it lacks, atomically
// (writes it whole when missing; a comment line only goes into a new file).
// True when it wrote.
Result<bool> ensure_lines(const fs::path& path, std::string_view wanted);

// The merge drivers, as `git config` stores them: "merge.kith-log.driver"
// -> "'/usr/bin/kith' __merge log %O %A %B %P".
struct DriverSetting {
  std::string key;
  std::string value;
};
std::vector<DriverSetting> driver_settings(const fs::path& executable);

// Registers the merge drivers in the repository's config when they are
// missing or name another kith binary. Cheap when they are in place: reads
// .git/config and starts no process. Returns whether it wrote anything.
Result<bool> ensure_drivers(const Runner& runner, const fs::path& dir, const fs::path& executable);

// Makes sure git ignores the files that belong to this machine alone (the
// lock, temp files, the undo journal: ignore_text()) in this clone, whatever
// its .gitignore says or whether it has one yet (a clone made before kith
// ignored them, a repository made by hand, a clone that checked nothing
// out): adds the lines .git/info/exclude lacks. Does nothing when .git is
// not a directory (a worktree or submodule keeps its exclude file
// elsewhere). Returns whether it wrote anything.
Result<bool> ensure_local_files_excluded(const fs::path& dir);

// Quotes `word` for a POSIX shell (git runs merge drivers through sh).
std::string shell_quote(std::string_view word);

// The identity options to add before a commit ("-c", "user.name=kith"…)
// for the parts of the identity git has no value for, so that a commit never
// fails for want of one. Empty when git knows both.
std::vector<std::string> fallback_identity(const Runner& runner, const fs::path& dir,
                                           std::string_view hostname);
std::vector<std::string> fallback_identity(const Client& git, std::string_view hostname);

// Commits exactly `paths` (relative to `dir`; new, changed or deleted
// files) with `message`, whatever else is staged or changed. Returns false
// when none of them differs from HEAD (nothing is committed then); a data
// error carrying git's message when git fails.
Result<bool> commit_paths(const Runner& runner, const fs::path& dir,
                          const std::vector<std::string>& paths, const std::string& message,
                          std::string_view hostname);

// Where a remote keeps the data, by its URL: a path on this machine
// (/srv/kith.git, ../kith.git, file:///srv/kith.git), encrypted by
// git-remote-gcrypt ("gcrypt::" followed by any URL), or on a host that can
// read every file (https://…, ssh://…, git@host:path, any other transport).
enum class RemoteKind { local, encrypted, hosted };
RemoteKind remote_kind(std::string_view url);

struct Remote {
  std::string name;
  std::string url;
};

// The remotes of the repository at `dir` with their URLs, as `git config`
// lists them (remote.NAME.url), in its order.
Result<std::vector<Remote>> remotes(const Runner& runner, const fs::path& dir);

// git's stderr made one printable line for an error message.
std::string first_line(std::string_view text);

}  // namespace kith::git
