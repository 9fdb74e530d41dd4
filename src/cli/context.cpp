#include "cli/context.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include <unistd.h>

#include "core/english.h"
#include "core/layout.h"
#include "core/text.h"
#include "core/today.h"

namespace kith::cli {

std::optional<std::string> Environment::get(std::string_view name) const {
  auto it = vars.find(name);
  if (it == vars.end()) return std::nullopt;
  return it->second;
}

std::string find_on_path(const Environment& env, std::string_view name) {
  const std::string path = env.get("PATH").value_or("");
  std::size_t start = 0;
  while (start <= path.size()) {
    std::size_t end = path.find(':', start);
    if (end == std::string::npos) end = path.size();
    const std::string dir = path.substr(start, end - start);
    if (!dir.empty() && dir.front() == '/') {
      const std::string candidate = dir + "/" + std::string(name);
      if (::access(candidate.c_str(), X_OK) == 0) return candidate;
    }
    start = end + 1;
  }
  return {};
}

Result<fs::path> Context::data_dir() const {
  if (!global.data_dir.empty()) return fs::path(global.data_dir);
  if (auto dir = env_.get("KITH_DIR"); dir && !dir->empty()) return fs::path(*dir);
  if (auto xdg = env_.get("XDG_DATA_HOME"); xdg && !xdg->empty() && xdg->front() == '/') {
    return fs::path(*xdg) / "kith";
  }
  if (auto home = env_.get("HOME"); home && !home->empty()) {
    return fs::path(*home) / ".local" / "share" / "kith";
  }
  return usage_error("no data directory: HOME is not set", "pass --data-dir DIR or set KITH_DIR");
}

Result<Store> Context::store() const {
  auto dir = data_dir();
  if (!dir) return dir.error();
  CacheOptions cache;
  cache.root = cache_root();
  cache.now = env_.now;
  return Store(*dir, std::move(cache));
}

fs::path Context::cache_root() const {
  if (auto xdg = env_.get("XDG_CACHE_HOME"); xdg && !xdg->empty() && xdg->front() == '/') {
    return fs::path(*xdg) / "kith";
  }
  if (auto home = env_.get("HOME"); home && !home->empty())
    return fs::path(*home) / ".cache" / "kith";
  return {};
}

Date Context::real_today() const { return today_in_zone(env_.now, env_.get("TZ")); }

Result<Date> Context::today() const {
  std::string text = global.today;
  std::string source = "--today";
  if (text.empty()) {
    if (auto v = env_.get("KITH_TODAY"); v && !v->empty()) {
      text = *v;
      source = "KITH_TODAY";
    }
  }
  const Date real = real_today();
  if (text.empty()) return real;
  auto parsed = parse_date(text, real, DateDirection::past);
  if (!parsed) {
    Error e = parsed.error();
    e.message = source + ": " + e.message;
    return e;
  }
  return parsed;
}

bool Context::color() const {
  if (global.color == "always") return true;
  if (global.color == "never") return false;
  // no-color.org: NO_COLOR counts when it is set and not empty.
  if (auto no_color = env_.get("NO_COLOR"); no_color && !no_color->empty()) return false;
  if (auto term = env_.get("TERM"); term && *term == "dumb") return false;
  return env_.stdout_is_tty;
}

std::size_t Context::width() const {
  constexpr std::size_t kDefault = 80;
  constexpr std::size_t kMax = 10000;
  std::size_t width = 0;
  if (auto columns = env_.get("COLUMNS"); columns && !columns->empty() && columns->size() <= 5) {
    bool digits = true;
    for (char ch : *columns) digits = digits && ch >= '0' && ch <= '9';
    if (digits) width = std::stoul(*columns);
    if (width > kMax) width = 0;
  }
  if (width == 0 && env_.stdout_is_tty) width = env_.terminal_columns;
  if (width == 0) width = kDefault;
  return std::max(width, kMinWidth);
}

LockOptions Context::lock_options() {
  LockOptions options;
  if (auto v = env_.get("KITH_LOCK_TIMEOUT")) {
    // Seconds, 0 to a day; anything else (not a number, nan, inf, negative)
    // keeps the default. Checked before the conversion, which would be
    // undefined for a value out of range.
    char* end = nullptr;
    const double seconds = std::strtod(v->c_str(), &end);
    if (!v->empty() && end && *end == '\0' && seconds >= 0.0 && seconds <= 86400.0) {
      options.timeout = std::chrono::milliseconds(std::llround(seconds * 1000.0));
    }
  }
  options.on_slow = [this] {
    warn(
        "waiting for another kith to finish writing (lock " +
        (data_dir() ? (*data_dir() / layout::kLockFile).string() : std::string(layout::kLockFile)) +
        ")");
  };
  return options;
}

int Context::fail(const Error& error) {
  err << "kith: error: " << error.message << "\n";
  if (!error.hint.empty()) err << "kith: hint: " << error.hint << "\n";
  exit_code = kith::exit_code(error.kind);
  return exit_code;
}

void Context::warn(std::string_view message) { err << "kith: warning: " << message << "\n"; }

void Context::confirm(std::string_view message) {
  if (!global.quiet) err << "kith: " << message << "\n";
}

bool Context::ask(std::string_view question) {
  err << "kith: " << question << " [y/N] " << std::flush;
  std::string answer;
  if (env_.in == nullptr || !std::getline(*env_.in, answer)) {
    err << "\n";
    return false;
  }
  const auto first = answer.find_first_not_of(" \t");
  const auto last = answer.find_last_not_of(" \t\r");
  answer = first == std::string::npos ? "" : answer.substr(first, last - first + 1);
  for (char& ch : answer) {
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
  }
  return answer == "y" || answer == "yes";
}

void Context::report(const std::vector<std::string>& warnings) {
  for (const auto& w : warnings) warn(w);
}

void Context::report(const std::vector<Unreadable>& unreadable) {
  std::vector<const std::string*> said;
  for (const auto& u : unreadable) {
    const std::string& message = u.error.message;
    if (std::any_of(said.begin(), said.end(), [&](const std::string* s) { return *s == message; }))
      continue;
    said.push_back(&message);
    warn(text::sanitize_for_terminal(message));
  }
}

int Context::served(const std::vector<Unreadable>& unreadable) {
  if (unreadable.empty()) return 0;
  report(unreadable);
  // How many of each kind, each record once.
  std::vector<const Unreadable*> seen;
  for (const auto& u : unreadable) {
    if (std::none_of(seen.begin(), seen.end(), [&](const Unreadable* s) {
          return s->file == u.file && s->error.message == u.error.message;
        })) {
      seen.push_back(&u);
    }
  }
  auto count = [&](Unreadable::What what) {
    return std::count_if(seen.begin(), seen.end(),
                         [&](const Unreadable* u) { return u->what == what; });
  };
  std::vector<std::string> parts;
  if (auto n = count(Unreadable::What::contact)) {
    parts.push_back(plural(n, "contact file", "contact files"));
  }
  if (count(Unreadable::What::profile) > 0) parts.push_back("your profile (me.json)");
  if (auto n = count(Unreadable::What::month)) {
    parts.push_back(plural(n, "month file of the log", "month files of the log"));
  }
  if (auto n = count(Unreadable::What::line)) {
    parts.push_back(plural(n, "line of the log", "lines of the log"));
  }
  return fail(data_error("left out what kith cannot read: " + natural_list(parts) + " (above)",
                         "fix each by hand (kith never overwrites a file it cannot read); "
                         "`kith doctor` checks every file"));
}

}  // namespace kith::cli
