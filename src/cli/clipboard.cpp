#include "cli/clipboard.h"

#include <cerrno>
#include <cstring>
#include <filesystem>

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cli/editor.h"

namespace kith::cli {
namespace {

bool is_set(const Environment& env, std::string_view name) {
  const auto value = env.get(name);
  return value && !value->empty();
}

}  // namespace

std::string base64(std::string_view bytes) {
  static constexpr char kDigits[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  std::size_t i = 0;
  for (; i + 3 <= bytes.size(); i += 3) {
    const unsigned n = static_cast<unsigned char>(bytes[i]) << 16 |
                       static_cast<unsigned char>(bytes[i + 1]) << 8 |
                       static_cast<unsigned char>(bytes[i + 2]);
    out += kDigits[n >> 18 & 63];
    out += kDigits[n >> 12 & 63];
    out += kDigits[n >> 6 & 63];
    out += kDigits[n & 63];
  }
  const std::size_t rest = bytes.size() - i;
  if (rest > 0) {
    unsigned n = static_cast<unsigned char>(bytes[i]) << 16;
    if (rest == 2) n |= static_cast<unsigned char>(bytes[i + 1]) << 8;
    out += kDigits[n >> 18 & 63];
    out += kDigits[n >> 12 & 63];
    out += rest == 2 ? kDigits[n >> 6 & 63] : '=';
    out += '=';
  }
  return out;
}

std::string osc52(std::string_view text) { return "\x1b]52;c;" + base64(text) + "\x07"; }

bool terminal_takes_osc52(const Environment& env) {
  const std::string term = env.get("TERM").value_or("");
  return term != "dumb" && term != "linux";
}

std::vector<std::string> clipboard_program(const Environment& env) {
  if (is_set(env, "WAYLAND_DISPLAY")) {
    if (auto path = find_on_path(env, "wl-copy"); !path.empty()) return {path};
  }
  if (is_set(env, "DISPLAY")) {
    if (auto path = find_on_path(env, "xclip"); !path.empty()) {
      return {path, "-selection", "clipboard"};
    }
  }
  return {};
}

Status copy_with(const Environment& env, const std::vector<std::string>& program,
                 std::string_view text) {
  if (program.empty()) return io_error("no clipboard program");
  // The text goes in through a file rather than a pipe: a program that
  // stops reading early cannot leave kith blocked or killed by SIGPIPE.
  auto input = EditBuffer::create(env, "kith-clipboard", text, ".txt");
  if (!input) return input.error();
  std::vector<std::string> env_strings;
  for (const auto& [name, value] : env.vars) env_strings.push_back(name + "=" + value);
  std::vector<char*> envp;
  for (auto& s : env_strings) envp.push_back(s.data());
  envp.push_back(nullptr);
  std::vector<std::string> args = program;
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, input->path().c_str(), O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  pid_t pid = 0;
  const int rc = ::posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) return io_error("cannot run " + program.front() + ": " + std::strerror(rc));
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) return io_error("cannot wait for " + program.front());
  }
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    return io_error(program.front() + " failed (" +
                    (WIFEXITED(status) ? "exit status " + std::to_string(WEXITSTATUS(status))
                                       : std::string("killed")) +
                    ")");
  }
  return {};
}

CopyResult copy_to_clipboard(const Environment& env, std::ostream* terminal,
                             std::string_view text) {
  CopyResult result;
  if (terminal && terminal_takes_osc52(env)) {
    *terminal << osc52(text) << std::flush;
    result.ways.emplace_back("the terminal (OSC 52)");
  }
  const auto program = clipboard_program(env);
  if (!program.empty()) {
    if (auto ok = copy_with(env, program, text); ok) {
      result.ways.push_back(std::filesystem::path(program.front()).filename().string());
    } else {
      result.problems.push_back(ok.error().message);
    }
  }
  return result;
}

}  // namespace kith::cli
