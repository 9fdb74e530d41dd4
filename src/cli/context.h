// What every command runs with: its output streams, the environment it was
// started in, the global options, and the resolved data directory and today.
// Nothing here is global: main() builds one Context per run, and the tests
// build their own.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <istream>
#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "core/dates.h"
#include "core/status.h"
#include "core/store.h"

namespace kith::cli {

struct Environment {
  std::map<std::string, std::string, std::less<>> vars;  // environment variables
  bool stdout_is_tty = false;
  bool stdin_is_tty = false;
  bool stderr_is_tty = false;  // progress bars only on a terminal
  // The width of the terminal on stdout (TIOCGWINSZ), when it is one and
  // says; 0 otherwise.
  std::size_t terminal_columns = 0;
  std::chrono::system_clock::time_point now{};
  std::function<std::uint32_t()> random;  // source of interaction id suffixes
  std::istream* in = nullptr;             // answers to questions; nullptr: none
  // The descriptor behind `in` when it is a terminal (0 for stdin), which
  // `kith review` switches to single-key reads; -1: read `in` a line at a time.
  int terminal_fd = -1;
  std::string executable;  // absolute path of the running kith (/proc/self/exe); may be empty
  std::string hostname;    // this machine's name, for the fallback git identity

  std::optional<std::string> get(std::string_view name) const;
};

// The executable `name` in one of the absolute directories of PATH in
// `env`; empty if none.
std::string find_on_path(const Environment& env, std::string_view name);

enum class ColorMode { auto_, always, never };

struct GlobalOptions {
  std::string data_dir;  // --data-dir, else KITH_DIR, else XDG
  std::string today;     // --today, else KITH_TODAY, else the local date
  std::string color = "auto";
  bool quiet = false;
};

class Context {
 public:
  Context(std::ostream& out_stream, std::ostream& err_stream, Environment env)
      : out(out_stream), err(err_stream), env_(std::move(env)) {}

  std::ostream& out;  // data: reports, ids, JSON
  std::ostream& err;  // messages: errors, warnings, confirmations
  GlobalOptions global;
  int exit_code = 0;  // set by the command that ran
  // The words after `kith git`, which go to git unparsed.
  std::vector<std::string> passthrough;

  const Environment& env() const { return env_; }

  // The data directory: --data-dir, KITH_DIR, $XDG_DATA_HOME/kith,
  // ~/.local/share/kith. A usage error when none can be found.
  Result<fs::path> data_dir() const;
  Result<Store> store() const;
  // The read cache's root: $XDG_CACHE_HOME/kith, else ~/.cache/kith; empty
  // without either (kith then reads every file each time).
  fs::path cache_root() const;
  // Today: --today, KITH_TODAY, else the date in TZ / /etc/localtime / UTC.
  Result<Date> today() const;
  // The real date, ignoring --today (for parsing --today itself).
  Date real_today() const;
  bool color() const;
  // How many columns the human reports may use: COLUMNS when it is a whole
  // number (at most 10000), else the terminal's own width when stdout is a
  // terminal that tells it, else 80. Never less than kMinWidth.
  std::size_t width() const;
  static constexpr std::size_t kMinWidth = 20;
  LockOptions lock_options();

  // Prints "kith: error: …" (and the hint) and returns the exit code.
  int fail(const Error& error);
  void warn(std::string_view message);     // always shown
  void confirm(std::string_view message);  // hidden by --quiet
  // Asks a yes/no question on stderr (even with --quiet) and reads one line
  // of answer from the environment's input: "y" or "yes" in any case is yes;
  // anything else, no input or end of input is no.
  bool ask(std::string_view question);
  // Prints the warnings a load collected (torn lines and the like).
  void report(const std::vector<std::string>& warnings);
  // Prints each record a read left out (Reading::around) as a warning that
  // names its file and line and says why, each once: what a writer that
  // worked around them says.
  void report(const std::vector<Unreadable>& unreadable);
  // How a reading command ends once it has printed what it could read:
  // report(unreadable), then, when anything was left out, an error that
  // says what (and how to find and fix it). Returns the exit code: 1 when
  // anything was left out, so that scripts and cron notice, else 0.
  int served(const std::vector<Unreadable>& unreadable);

 private:
  Environment env_;
};

}  // namespace kith::cli
