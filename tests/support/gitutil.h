// Helpers for the tests of `kith git` and `kith sync`: git run directly on a
// test's directories, never reading the machine's git configuration
// (GIT_CONFIG_NOSYSTEM, and a HOME inside the temp directory).
#pragma once

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <sys/wait.h>

#include "support/testutil.h"

namespace kith::test {

struct GitResult {
  int exit_code = -1;
  std::string out;  // stdout and stderr together
};

inline std::string shell_word(const std::string& word) {
  std::string out = "'";
  for (char ch : word) out += ch == '\'' ? std::string("'\\''") : std::string(1, ch);
  return out + "'";
}

// Runs `git ARGS` in `dir` with HOME=`home`.
inline GitResult git_in(const fs::path& dir, const fs::path& home,
                        const std::vector<std::string>& args) {
  std::string command =
      "cd " + shell_word(dir.string()) +
      " && env -i PATH=/usr/local/bin:/usr/bin:/bin HOME=" + shell_word(home.string()) +
      " GIT_CONFIG_NOSYSTEM=1 LANG=C.UTF-8 TZ=UTC git";
  for (const auto& a : args) command += " " + shell_word(a);
  command += " 2>&1";
  const ShellRun run = run_shell(command);
  return {run.exit_code, run.out};
}

// A machine: a data directory tmp/NAME/data, its HOME tmp/NAME/home, and a
// kith that runs there with no system git configuration.
struct Machine {
  fs::path root;
  Kith kith;

  explicit Machine(fs::path dir) : root(std::move(dir)), kith(root / "data") {
    fs::create_directories(root / "home");
    kith.today("2026-11-25");
    kith.env("GIT_CONFIG_NOSYSTEM", "1");
  }
  fs::path data() const { return root / "data"; }
  fs::path home() const { return root / "home"; }
  GitResult git(const std::vector<std::string>& args) const { return git_in(data(), home(), args); }
  // Runs git and fails the test unless it exits 0; returns its output.
  std::string git_ok(const std::vector<std::string>& args) const {
    GitResult r = git(args);
    std::string line = "git";
    for (const auto& a : args) line += " " + a;
    EXPECT_EQ(r.exit_code, 0) << line << "\n" << r.out;
    return r.out;
  }
  std::string last_subject() const { return trimmed(git({"log", "-1", "--format=%s"}).out); }
  int commit_count() const {
    auto r = git({"rev-list", "--count", "HEAD"});
    return r.exit_code == 0 ? std::stoi(r.out) : 0;
  }
  // The files the last commit changed, sorted.
  std::vector<std::string> last_files() const {
    std::vector<std::string> files;
    std::string out = git({"show", "--name-only", "--format=", "HEAD"}).out;
    std::size_t pos = 0;
    while (pos < out.size()) {
      std::size_t end = out.find('\n', pos);
      if (end == std::string::npos) end = out.size();
      if (end > pos) files.push_back(out.substr(pos, end - pos));
      pos = end + 1;
    }
    std::sort(files.begin(), files.end());
    return files;
  }
  std::string status() const { return git({"status", "--porcelain"}).out; }

  static std::string trimmed(std::string s) {
    while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
    return s;
  }
};

}  // namespace kith::test
