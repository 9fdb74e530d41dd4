#include "support/tmux.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <thread>

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

namespace kith::test {
namespace {

constexpr auto kPatience = std::chrono::seconds(60);
constexpr auto kPollEvery = std::chrono::milliseconds(20);

std::string quoted(const std::string& word) {
  std::string out = "'";
  for (char ch : word) out += ch == '\'' ? std::string("'\\''") : std::string(1, ch);
  return out + "'";
}

// `text` with the spaces at each line's end and the empty lines at its end
// taken away.
std::string tidy(const std::string& text) {
  std::string out;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(start, end - start);
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line + "\n";
    start = end + 1;
  }
  while (out.size() >= 2 && out.ends_with("\n\n")) out.pop_back();
  if (out == "\n") out.clear();
  return out;
}

}  // namespace

bool Tmux::available() {
  const char* path = std::getenv("PATH");
  std::string dirs = path ? path : "/usr/bin:/bin";
  std::size_t start = 0;
  while (start <= dirs.size()) {
    std::size_t end = dirs.find(':', start);
    if (end == std::string::npos) end = dirs.size();
    const std::string dir = dirs.substr(start, end - start);
    if (!dir.empty() && ::access((dir + "/tmux").c_str(), X_OK) == 0) return true;
    start = end + 1;
  }
  return false;
}

Tmux::Output Tmux::tmux(const std::vector<std::string>& args) const {
  // TMUX unset: a test run inside tmux still gets a server of its own.
  std::string command = "unset TMUX; exec tmux -S " + quoted(socket_.string());
  for (const auto& a : args) command += " " + quoted(a);
  command += " 2>&1";
  const ShellRun run = run_shell(command);
  return {run.exit_code, run.out};
}

Tmux::Tmux(const Kith& kith, const std::vector<std::string>& args, const fs::path& dir)
    : socket_(dir / "tmux.sock"), status_file_(dir / "status") {
  fs::create_directories(dir);
  const fs::path conf = dir / "tmux.conf";
  write_file(conf,
             "set -g remain-on-exit on\n"
             "set -s set-clipboard on\n"
             "set -g history-limit 100000\n"
             "set -s escape-time 0\n");
  std::vector<std::string> words = kith.command_line(args);
  // env -i ... : TERM as a terminal in tmux has it, unless the test chose one.
  bool has_term = false;
  for (const auto& w : words) has_term = has_term || w.starts_with("TERM=");
  if (!has_term) words.insert(words.begin() + 2, "TERM=screen");
  // A shell in between keeps kith's exit status: tmux 3.3 sometimes leaves
  // the pane's process unreaped, without a status. The shell's trap (not an
  // ignored signal, which kith would inherit) keeps it alive through a Ctrl-C
  // that reaches kith as a signal.
  std::string command = "trap : INT;";
  for (const auto& w : words) command += " " + quoted(w);
  command += "; echo $? > " + quoted(status_file_.string());
  const Output started = tmux(
      {"-f", conf.string(), "new-session", "-d", "-s", "kith", "-x", "100", "-y", "40", command});
  EXPECT_EQ(started.status, 0) << "tmux new-session failed: " << started.out;
}

Tmux::~Tmux() { tmux({"kill-server"}); }

std::string Tmux::text(bool attributes) const {
  std::vector<std::string> args = {"capture-pane", "-p", "-J", "-t", "kith", "-S", "-", "-E", "-"};
  if (attributes) args.push_back("-e");
  return tidy(tmux(args).out);
}

bool Tmux::wait_for(const std::string& expected) {
  const auto deadline = std::chrono::steady_clock::now() + kPatience;
  for (;;) {
    const std::string shown = text();
    if (const std::size_t at = shown.find(expected, from_); at != std::string::npos) {
      from_ = at + expected.size();
      return true;
    }
    if (std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::sleep_for(kPollEvery);
  }
}

void Tmux::type(const std::string& keys) const {
  if (keys.empty()) return;
  const Output sent = tmux({"send-keys", "-t", "kith", "-l", keys});
  EXPECT_EQ(sent.status, 0) << "tmux send-keys failed: " << sent.out;
}

std::optional<int> Tmux::exit_status() const {
  const auto deadline = std::chrono::steady_clock::now() + kPatience;
  for (;;) {
    if (fs::exists(status_file_)) {
      const std::string status = read_file(status_file_);
      if (status.ends_with("\n")) return std::stoi(status);
    }
    if (std::chrono::steady_clock::now() > deadline) return std::nullopt;
    std::this_thread::sleep_for(kPollEvery);
  }
}

std::string Tmux::clipboard() const {
  const Output buffer = tmux({"show-buffer"});
  return buffer.status == 0 ? buffer.out : std::string();
}

RunResult run_in_tmux(const Kith& kith, const std::vector<std::string>& args,
                      const std::vector<Turn>& turns, const fs::path& dir) {
  Tmux term(kith, args, dir);
  RunResult result;
  for (const auto& turn : turns) {
    if (!term.wait_for(turn.expect)) {
      ADD_FAILURE() << "the terminal never showed \"" << turn.expect << "\"; it shows:\n"
                    << term.text();
      result.out = term.text();
      return result;
    }
    term.type(turn.send);
  }
  const auto status = term.exit_status();
  result.out = term.text();
  if (!status) {
    ADD_FAILURE() << "kith did not exit; the terminal shows:\n" << result.out;
  } else {
    result.exit_code = *status;
  }
  return result;
}

}  // namespace kith::test
