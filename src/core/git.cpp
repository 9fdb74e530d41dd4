#include "core/git.h"

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fstream>
#include <sstream>

#include <fcntl.h>
#include <poll.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/fsutil.h"
#include "core/layout.h"
#include "core/text.h"

namespace kith::git {
namespace {

// The value of NAME in an environment list, or nullopt.
std::optional<std::string> lookup(const std::vector<std::string>& env, std::string_view name) {
  for (const auto& entry : env) {
    if (entry.size() > name.size() && entry.compare(0, name.size(), name) == 0 &&
        entry[name.size()] == '=') {
      return entry.substr(name.size() + 1);
    }
  }
  return std::nullopt;
}

// Where `program` is: itself when it names a path, else the first
// executable file of that name in PATH (the default search path of POSIX
// when PATH is unset).
std::optional<std::string> find_program(const std::vector<std::string>& env,
                                        const std::string& program) {
  if (program.find('/') != std::string::npos) return program;
  const std::string path = lookup(env, "PATH").value_or("/usr/bin:/bin");
  std::size_t start = 0;
  while (start <= path.size()) {
    std::size_t end = path.find(':', start);
    if (end == std::string::npos) end = path.size();
    std::string dir = path.substr(start, end - start);
    if (dir.empty()) dir = ".";
    const std::string candidate = dir + "/" + program;
    if (::access(candidate.c_str(), X_OK) == 0) {
      struct stat st {};
      if (::stat(candidate.c_str(), &st) == 0 && S_ISREG(st.st_mode)) return candidate;
    }
    start = end + 1;
  }
  return std::nullopt;
}

// Reads both pipes to their end without letting either fill up.
void drain(int out_fd, int err_fd, std::string& out, std::string& err) {
  pollfd fds[2] = {{out_fd, POLLIN, 0}, {err_fd, POLLIN, 0}};
  std::string* sinks[2] = {&out, &err};
  int open = 2;
  char buffer[65536];
  while (open > 0) {
    if (::poll(fds, 2, -1) < 0) {
      if (errno == EINTR) continue;
      break;
    }
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd < 0 || fds[i].revents == 0) continue;
      const ssize_t n = ::read(fds[i].fd, buffer, sizeof buffer);
      if (n > 0) {
        sinks[i]->append(buffer, static_cast<std::size_t>(n));
      } else if (n == 0 || errno != EINTR) {
        ::close(fds[i].fd);
        fds[i].fd = -1;
        --open;
      }
    }
  }
}

int wait_for(pid_t pid) {
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) return 128;
  }
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return 128;
}

}  // namespace

Result<Run> run(const Runner& runner, const fs::path& dir, const std::vector<std::string>& args,
                Output output) {
  const auto program = find_program(runner.env, runner.program);
  if (!program) {
    return io_error("cannot run git: '" + runner.program + "' was not found in PATH",
                    "install git (Debian: apt install git) to use kith git and kith sync");
  }
  std::vector<std::string> argv_strings{runner.program};
  argv_strings.insert(argv_strings.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : argv_strings) argv.push_back(a.data());
  argv.push_back(nullptr);
  std::vector<std::string> env_strings = runner.env;
  std::vector<char*> envp;
  for (auto& e : env_strings) envp.push_back(e.data());
  envp.push_back(nullptr);

  int out_pipe[2] = {-1, -1};
  int err_pipe[2] = {-1, -1};
  if (output == Output::capture) {
    if (::pipe2(out_pipe, O_CLOEXEC) != 0 || ::pipe2(err_pipe, O_CLOEXEC) != 0) {
      for (int fd : {out_pipe[0], out_pipe[1], err_pipe[0], err_pipe[1]}) {
        if (fd >= 0) ::close(fd);
      }
      return io_error(std::string("cannot run git: pipe: ") + std::strerror(errno));
    }
  }
  // Like system(): while git owns the terminal, Ctrl-C is for git.
  struct sigaction ignore {
  }, old_int{}, old_quit{};
  ignore.sa_handler = SIG_IGN;
  if (output == Output::inherit) {
    ::sigaction(SIGINT, &ignore, &old_int);
    ::sigaction(SIGQUIT, &ignore, &old_quit);
  }
  const std::string dir_string = dir.string();
  const pid_t pid = ::fork();
  if (pid == 0) {
    if (output == Output::inherit) {
      ::sigaction(SIGINT, &old_int, nullptr);
      ::sigaction(SIGQUIT, &old_quit, nullptr);
    } else {
      const int null_fd = ::open("/dev/null", O_RDONLY);
      if (null_fd >= 0) ::dup2(null_fd, STDIN_FILENO);
      ::dup2(out_pipe[1], STDOUT_FILENO);
      ::dup2(err_pipe[1], STDERR_FILENO);
    }
    if (::chdir(dir_string.c_str()) != 0) {
      const char message[] = "kith: cannot enter the data directory\n";
      [[maybe_unused]] auto n = ::write(STDERR_FILENO, message, sizeof message - 1);
      ::_exit(127);
    }
    // What git writes in a data directory is personal: 0600 and 0700.
    ::umask(077);
    ::execve(program->c_str(), argv.data(), envp.data());
    const char message[] = "kith: cannot start git\n";
    [[maybe_unused]] auto n = ::write(STDERR_FILENO, message, sizeof message - 1);
    ::_exit(127);
  }
  const int fork_errno = errno;
  Run result;
  if (output == Output::capture) {
    ::close(out_pipe[1]);
    ::close(err_pipe[1]);
    if (pid > 0) {
      drain(out_pipe[0], err_pipe[0], result.out, result.err);
    } else {
      ::close(out_pipe[0]);
      ::close(err_pipe[0]);
    }
  }
  if (pid > 0) result.exit_code = wait_for(pid);
  if (output == Output::inherit) {
    ::sigaction(SIGINT, &old_int, nullptr);
    ::sigaction(SIGQUIT, &old_quit, nullptr);
  }
  if (pid < 0) return io_error(std::string("cannot run git: fork: ") + std::strerror(fork_errno));
  return result;
}

bool is_repository(const fs::path& dir) {
  std::error_code ec;
  const auto status = fs::symlink_status(dir / ".git", ec);
  return !ec && (fs::is_directory(status) || fs::is_regular_file(status));
}

std::string attributes_text() {
  using namespace layout;
  const std::string json = " merge=kith-json\n";
  return "# kith merges its own files line by line and field by field (kith git --help).\n" +
         std::string(kLogDir) + "/*" + std::string(kMonthSuffix) + " merge=kith-log\n" +
         std::string(kContactsDir) + "/*" + std::string(kContactSuffix) + json +
         std::string(kProfileFile) + json + std::string(kConfigFile) + json +
         std::string(kInboxFile) + " merge=kith-inbox\n";
}

Result<bool> ensure_lines(const fs::path& path, std::string_view wanted) {
  auto current = fsutil::read_file(path);
  if (!current) return current.error();
  std::string text = current->value_or(std::string());
  const bool fresh = !current->has_value();
  std::size_t pos = 0;
  bool added = false;
  while (pos < wanted.size()) {
    std::size_t end = wanted.find('\n', pos);
    if (end == std::string_view::npos) end = wanted.size();
    const std::string line(wanted.substr(pos, end - pos));
    pos = end + 1;
    if (line.empty() || (!fresh && line.front() == '#')) continue;
    const bool present = text.starts_with(line + "\n") ||
                         text.find("\n" + line + "\n") != std::string::npos || text == line;
    if (present) continue;
    if (!text.empty() && text.back() != '\n') text += "\n";
    text += line + "\n";
    added = true;
  }
  if (!added) return false;
  if (auto s = fsutil::write_file_atomic(path, text); !s) return s.error();
  return true;
}

RemoteKind remote_kind(std::string_view url) {
  if (url.starts_with("gcrypt::")) return RemoteKind::encrypted;
  if (url.starts_with("file://")) return RemoteKind::local;
  // Another transport ("ext::…", "codecommit::…") or a URL ("https://…").
  if (url.find("::") != std::string_view::npos || url.find("://") != std::string_view::npos) {
    return RemoteKind::hosted;
  }
  // As git reads it: a colon before the first slash makes "host:path"
  // (scp's form), else it is a path.
  const std::size_t colon = url.find(':');
  if (colon != std::string_view::npos && colon < url.find('/')) return RemoteKind::hosted;
  return RemoteKind::local;
}

Result<std::vector<Remote>> remotes(const Runner& runner, const fs::path& dir) {
  auto r = run(runner, dir, {"config", "--get-regexp", "^remote\\..*\\.url$"});
  if (!r) return r.error();
  std::vector<Remote> found;
  // Exit status 1: no remote at all.
  if (r->exit_code == 1) return found;
  if (r->exit_code != 0) return data_error("git config failed: " + first_line(r->err));
  std::size_t start = 0;
  while (start < r->out.size()) {
    std::size_t end = r->out.find('\n', start);
    if (end == std::string::npos) end = r->out.size();
    const std::string_view line(r->out.data() + start, end - start);
    start = end + 1;
    // "remote.NAME.url VALUE"; NAME may hold dots, VALUE spaces.
    const std::size_t space = line.find(' ');
    const std::string_view key = line.substr(0, space);
    if (!key.starts_with("remote.") || !key.ends_with(".url")) continue;
    Remote remote;
    remote.name = std::string(key.substr(7, key.size() - 7 - 4));
    if (space != std::string_view::npos) remote.url = std::string(line.substr(space + 1));
    found.push_back(std::move(remote));
  }
  return found;
}

std::string ignore_text() {
  return "# kith's lock file, the temp files of interrupted writes, and the undo\n"
         "# journal, which stays on this machine.\n/" +
         std::string(layout::kLockFile) + "\n" + layout::temp_file_name("*", "*") + "\n/" +
         std::string(layout::kUndoDir) + "/\n";
}

std::string shell_quote(std::string_view word) {
  std::string out = "'";
  for (char ch : word) {
    if (ch == '\'') {
      out += "'\\''";
    } else {
      out += ch;
    }
  }
  out += "'";
  return out;
}

std::vector<DriverSetting> driver_settings(const fs::path& executable) {
  const std::string kith = shell_quote(executable.string());
  return {
      {"merge.kith-log.name", "kith: merge interaction logs by id"},
      {"merge.kith-log.driver", kith + " __merge log %O %A %B %P"},
      {"merge.kith-json.name", "kith: merge contacts and profiles field by field"},
      {"merge.kith-json.driver", kith + " __merge json %O %A %B %P"},
      {"merge.kith-inbox.name", "kith: merge the inbox of proposals by id"},
      {"merge.kith-inbox.driver", kith + " __merge inbox %O %A %B %P"},
  };
}

Result<bool> ensure_local_files_excluded(const fs::path& dir) {
  std::error_code ec;
  if (!fs::is_directory(fs::symlink_status(dir / ".git", ec))) return false;
  const fs::path exclude = dir / ".git" / "info" / "exclude";
  auto text = fsutil::read_file(exclude);
  if (!text) return text.error();
  std::string content = text->value_or(std::string());
  const std::string wanted = ignore_text();
  bool added = false;
  std::size_t pos = 0;
  while (pos < wanted.size()) {
    std::size_t end = wanted.find('\n', pos);
    if (end == std::string::npos) end = wanted.size();
    const std::string line = wanted.substr(pos, end - pos);
    pos = end + 1;
    if (line.empty() || line.front() == '#') continue;
    const bool present = content == line || content.starts_with(line + "\n") ||
                         content.find("\n" + line + "\n") != std::string::npos ||
                         content.ends_with("\n" + line);
    if (present) continue;
    if (!added) {
      if (!content.empty() && content.back() != '\n') content += "\n";
      content += "# kith's files that stay on this machine\n";
      added = true;
    }
    content += line + "\n";
  }
  if (!added) return false;
  if (auto s = fsutil::ensure_dir(exclude.parent_path()); !s) return s.error();
  if (auto s = fsutil::write_file_atomic(exclude, content); !s) return s.error();
  return true;
}

Result<bool> ensure_drivers(const Runner& runner, const fs::path& dir, const fs::path& executable) {
  const auto settings = driver_settings(executable);
  std::error_code ec;
  if (fs::is_directory(dir / ".git", ec)) {
    // git writes a plain value as "\tdriver = VALUE"; a value it had to quote
    // or escape is not found here and is simply written again.
    std::ifstream in(dir / ".git" / "config", std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    const std::string config = text.str();
    bool all = true;
    for (const auto& s : settings) {
      const std::string name = s.key.substr(s.key.rfind('.') + 1);
      if (config.find("\t" + name + " = " + s.value + "\n") == std::string::npos) all = false;
    }
    if (all) return false;
  }
  for (const auto& s : settings) {
    auto r = run(runner, dir, {"config", s.key, s.value});
    if (!r) return r.error();
    if (r->exit_code != 0) {
      return data_error("cannot register kith's merge drivers: " + first_line(r->err),
                        "check " + (dir / ".git" / "config").string());
    }
  }
  return true;
}

Client client(Runner runner, fs::path dir) {
  return [runner = std::move(runner), dir = std::move(dir)](const std::vector<std::string>& args) {
    return run(runner, dir, args);
  };
}

std::vector<std::string> fallback_identity(const Runner& runner, const fs::path& dir,
                                           std::string_view hostname) {
  return fallback_identity(client(runner, dir), hostname);
}

std::vector<std::string> fallback_identity(const Client& git, std::string_view hostname) {
  std::vector<std::string> options;
  for (const char* key : {"user.name", "user.email"}) {
    auto r = git({"config", "--get", key});
    if (r && r->exit_code == 0 && !text::trim(r->out).empty()) continue;
    const std::string host = hostname.empty() ? "localhost" : std::string(hostname);
    options.push_back("-c");
    options.push_back(std::string(key) + "=" +
                      (std::string_view(key) == "user.name" ? "kith" : "kith@" + host));
  }
  return options;
}

Result<bool> commit_paths(const Runner& runner, const fs::path& dir,
                          const std::vector<std::string>& paths, const std::string& message,
                          std::string_view hostname) {
  if (paths.empty()) return false;
  auto failed = [](std::string_view what, const Run& r) {
    return data_error("git " + std::string(what) + " failed: " + first_line(r.err));
  };
  std::vector<std::string> present;
  std::vector<std::string> gone;
  for (const auto& p : paths) {
    std::error_code ec;
    (fs::exists(dir / p, ec) ? present : gone).push_back(p);
  }
  if (!present.empty()) {
    std::vector<std::string> args{"add", "-A", "--"};
    args.insert(args.end(), present.begin(), present.end());
    auto r = run(runner, dir, args);
    if (!r) return r.error();
    if (r->exit_code != 0) return failed("add", *r);
  }
  if (!gone.empty()) {
    std::vector<std::string> args{"rm", "--cached", "--quiet", "--ignore-unmatch", "--"};
    args.insert(args.end(), gone.begin(), gone.end());
    auto r = run(runner, dir, args);
    if (!r) return r.error();
    if (r->exit_code != 0) return failed("rm", *r);
  }
  std::vector<std::string> diff{"diff", "--cached", "--name-only", "-z", "--no-renames", "--"};
  diff.insert(diff.end(), paths.begin(), paths.end());
  auto changed = run(runner, dir, diff);
  if (!changed) return changed.error();
  if (changed->exit_code != 0) return failed("diff", *changed);
  std::vector<std::string> names;
  for (std::size_t pos = 0; pos < changed->out.size();) {
    std::size_t end = changed->out.find('\0', pos);
    if (end == std::string::npos) end = changed->out.size();
    if (end > pos) names.push_back(changed->out.substr(pos, end - pos));
    pos = end + 1;
  }
  if (names.empty()) return false;
  std::vector<std::string> args = fallback_identity(runner, dir, hostname);
  for (const char* a : {"commit", "--quiet", "--no-edit", "-m"}) args.emplace_back(a);
  args.push_back(message);
  args.emplace_back("--");
  args.insert(args.end(), names.begin(), names.end());
  auto r = run(runner, dir, args);
  if (!r) return r.error();
  if (r->exit_code != 0) return failed("commit", *r);
  return true;
}

std::string first_line(std::string_view text) {
  std::string out;
  for (std::size_t pos = 0; pos < text.size();) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string line(text::trim(text.substr(pos, end - pos)));
    pos = end + 1;
    if (line.empty() || line.starts_with("hint:")) continue;
    if (line.starts_with("fatal: ")) line.erase(0, 7);
    if (line.starts_with("error: ")) line.erase(0, 7);
    out = line;
    break;
  }
  std::string printable;
  for (char ch : out) {
    printable += (static_cast<unsigned char>(ch) < 0x20 || ch == 0x7f) ? '?' : ch;
  }
  return printable.empty() ? std::string("(no message)") : printable;
}

}  // namespace kith::git
