// kith: build the app and run it. Everything else lives in src/cli and src/core.
#include <chrono>
#include <exception>
#include <filesystem>
#include <iostream>
#include <random>

#include <sys/ioctl.h>
#include <unistd.h>

#include "cli/app.h"

extern char** environ;

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  kith::cli::Environment env;
  for (char** e = environ; e && *e; ++e) {
    std::string_view entry(*e);
    auto eq = entry.find('=');
    if (eq != std::string_view::npos) {
      env.vars.emplace(std::string(entry.substr(0, eq)), std::string(entry.substr(eq + 1)));
    }
  }
  env.stdout_is_tty = ::isatty(STDOUT_FILENO) == 1;
  env.stdin_is_tty = ::isatty(STDIN_FILENO) == 1;
  env.stderr_is_tty = ::isatty(STDERR_FILENO) == 1;
  if (env.stdout_is_tty) {
    struct winsize size {};
    if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0) env.terminal_columns = size.ws_col;
  }
  env.in = &std::cin;
  if (env.stdin_is_tty) env.terminal_fd = STDIN_FILENO;
  env.now = std::chrono::system_clock::now();
  std::error_code ec;
  env.executable = std::filesystem::read_symlink("/proc/self/exe", ec).string();
  char host[256] = {};
  if (::gethostname(host, sizeof host - 1) == 0) env.hostname = host;
  std::random_device device;
  env.random = [&device] { return static_cast<std::uint32_t>(device()); };

  kith::cli::Context ctx(std::cout, std::cerr, std::move(env));
  int code;
  try {
    code = kith::cli::run(std::vector<std::string>(argv + 1, argv + argc), ctx);
  } catch (const std::exception& e) {
    std::cout.flush();
    std::cerr << "kith: error: internal error: " << e.what() << "\n"
              << "kith: hint: this is a bug in kith; your files were not changed by it\n";
    code = 1;
  }
  std::cout.flush();
  if (!std::cout) {
    std::cerr << "kith: error: cannot write to standard output\n";
    return 1;
  }
  return code;
}
