// Shared test fixtures: a temp directory removed on destruction, file helpers,
// file modes under a zero umask, and a runner for the real kith binary.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <sys/types.h>

#include "support/labels.h"

namespace kith::test {

namespace fs = std::filesystem;

// A fresh directory under $TMPDIR, removed (recursively) on destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const fs::path& path() const { return path_; }
  fs::path operator/(const std::string& name) const { return path_ / name; }

 private:
  fs::path path_;
};

std::string read_file(const fs::path& p);
// The lines of `text`, without their newlines.
std::vector<std::string> lines_of(const std::string& text);
void write_file(const fs::path& p, const std::string& content);  // creates parents
// Replaces the first `from` in `file` by `to` (of the same length), writing
// the file in place, then puts its atime and mtime back: only its ctime
// tells that it changed. Fails the test when `from` is not there.
void edit_keeping_size_and_mtime(const fs::path& file, const std::string& from,
                                 const std::string& to);
nlohmann::ordered_json read_json(const fs::path& p);

// Every path under `dir`, files and directories, relative to it ("log",
// "log/2026-11.jsonl"), sorted; empty when `dir` does not exist.
std::vector<std::string> tree(const fs::path& dir);
// tree(dir) with each path followed by a space and, for a regular file, its
// content: equal before and after a command that changed nothing there.
std::vector<std::string> tree_with_contents(const fs::path& dir);
// The records of a data directory, path and content: every file but .git,
// the lock and the undo journal (each machine's own).
std::map<std::string, std::string> record_files(const fs::path& dir);

// Sets the umask to 0 for its lifetime (and puts the old one back), so that
// the modes kith asks for are the modes the files get.
class NoUmask {
 public:
  NoUmask();
  ~NoUmask();
  NoUmask(const NoUmask&) = delete;
  NoUmask& operator=(const NoUmask&) = delete;

 private:
  mode_t old_;
};

// The permission bits of `p` (mode & 07777, following a symlink); fails the
// test when `p` cannot be stat'ed.
unsigned mode_of(const fs::path& p);

// A file of tests/fixtures/import/ (exports from LinkedIn, address books…):
// its path, and its content.
std::string import_fixture(const std::string& name);
std::string read_import_fixture(const std::string& name);

// An interaction record as kith writes it, logged at 10:00 UTC on its date;
// log_line is the same as one line of a month file (newline included).
nlohmann::ordered_json interaction(const std::string& id, const std::string& date,
                                   const std::vector<std::string>& contacts,
                                   const std::string& intent = "catch-up",
                                   const std::string& kind = "call");
std::string log_line(const std::string& id, const std::string& date,
                     const std::vector<std::string>& contacts,
                     const std::string& intent = "catch-up", const std::string& kind = "call");

struct RunResult {
  int exit_code = -1;
  std::string out;
  std::string err;
  nlohmann::ordered_json json() const;  // parses out; fails the test if it is not JSON
};

// Runs `command` with /bin/sh (popen): its exit status (-1 when it did not
// exit) and its standard output; the command redirects stderr if wanted.
struct ShellRun {
  int exit_code = -1;
  std::string out;
};
ShellRun run_shell(const std::string& command);

// Runs `script` (a file) with the system python3, Debian's first, where the
// python3-* packages install their modules, with `args` quoted; stdout and
// stderr together in `out`. Python fixtures exit 3 when a module they import
// is missing.
using PythonRun = ShellRun;
PythonRun run_python(const fs::path& script, const std::vector<std::string>& args);

// Fails the test, naming what to install, unless `run` exited 0: 127 is no
// python3, 3 a missing module (`package` provides it).
void expect_python_ok(const PythonRun& run, const std::string& package);

// Runs the kith binary built with the tests. The environment is minimal
// (PATH, HOME inside the temp dir, TZ=UTC, KITH_DIR=<data dir>, KITH_TODAY
// when set) plus `env`; a value of "\x01unset" removes a variable.
class Kith {
 public:
  explicit Kith(fs::path data_dir) : data_dir_(std::move(data_dir)) {}
  Kith& today(std::string date) {
    today_ = std::move(date);
    return *this;
  }
  Kith& env(std::string name, std::string value) {
    env_[std::move(name)] = std::move(value);
    return *this;
  }
  // Runs kith under another program: {"strace", "-o", "trace", "--"} puts
  // these words before the kith binary (the program is looked up in PATH).
  Kith& wrap(std::vector<std::string> prefix) {
    wrapper_ = std::move(prefix);
    return *this;
  }
  RunResult run(const std::vector<std::string>& args, const std::string& stdin_data = "") const;
  // Runs and fails the test (with stderr) unless the exit code is 0.
  RunResult ok(const std::vector<std::string>& args) const;
  // Runs kith inside the test process, as if stdin and stdout were a
  // terminal on which the user types `typed`, with the same environment as
  // run(). For the questions kith asks only on a terminal.
  RunResult run_on_terminal(const std::vector<std::string>& args, const std::string& typed) const;
  // Runs kith inside the test process (no terminal, no input), with the same
  // environment as run(): for thousands of runs, which would take minutes
  // as processes.
  RunResult run_in_process(const std::vector<std::string>& args) const;
  // The words that run kith with ARGS as run() does, for a program that
  // starts it: {"/usr/bin/env", "-i", "NAME=VALUE"..., the binary, ARGS...}.
  std::vector<std::string> command_line(const std::vector<std::string>& args) const;
  const fs::path& data_dir() const { return data_dir_; }

 private:
  std::map<std::string, std::string> environment() const;
  fs::path data_dir_;
  std::string today_;
  std::map<std::string, std::string> env_;
  std::vector<std::string> wrapper_;
};

// The words of a command line joined by spaces ("due --json"), for messages.
std::string command_text(const std::vector<std::string>& args);

// Path of the kith binary under test.
std::string kith_binary();

}  // namespace kith::test
