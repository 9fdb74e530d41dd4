#include "support/testutil.h"

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include <fcntl.h>
#include <gtest/gtest.h>
#include <poll.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cli/app.h"

extern char** environ;

namespace kith::test {

TempDir::TempDir() {
  const char* base = std::getenv("TMPDIR");
  std::string tmpl = std::string(base && *base ? base : "/tmp") + "/kith-test-XXXXXX";
  char* made = ::mkdtemp(tmpl.data());
  if (made == nullptr) throw std::runtime_error("mkdtemp failed");
  path_ = made;
}

TempDir::~TempDir() {
  std::error_code ec;
  // Make everything writable again so a test that chmods can still be cleaned.
  for (auto it = fs::recursive_directory_iterator(path_, ec); !ec && it != fs::end(it);
       it.increment(ec)) {
    fs::permissions(it->path(), fs::perms::owner_all, fs::perm_options::add, ec);
  }
  fs::remove_all(path_, ec);
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void write_file(const fs::path& p, const std::string& content) {
  if (p.has_parent_path()) fs::create_directories(p.parent_path());
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out << content;
}

void edit_keeping_size_and_mtime(const fs::path& file, const std::string& from,
                                 const std::string& to) {
  ASSERT_EQ(from.size(), to.size());
  struct stat before {};
  ASSERT_EQ(::stat(file.c_str(), &before), 0);
  std::string text = read_file(file);
  const auto at = text.find(from);
  ASSERT_NE(at, std::string::npos) << text;
  text.replace(at, from.size(), to);
  write_file(file, text);
  const struct timespec times[2] = {before.st_atim, before.st_mtim};
  ASSERT_EQ(::utimensat(AT_FDCWD, file.c_str(), times, 0), 0);
}

nlohmann::ordered_json read_json(const fs::path& p) {
  return nlohmann::ordered_json::parse(read_file(p));
}

nlohmann::ordered_json RunResult::json() const {
  try {
    return nlohmann::ordered_json::parse(out);
  } catch (const std::exception& e) {
    ADD_FAILURE() << "stdout is not JSON: " << e.what() << "\nstdout:\n"
                  << out << "\nstderr:\n"
                  << err;
    return nullptr;
  }
}

nlohmann::ordered_json interaction(const std::string& id, const std::string& date,
                                   const std::vector<std::string>& contacts,
                                   const std::string& intent, const std::string& kind) {
  return {{"id", id},
          {"date", date},
          {"contacts", contacts},
          {"kind", kind},
          {"intent", intent},
          {"note", nullptr},
          {"logged_at", date + "T10:00:00Z"}};
}

std::string log_line(const std::string& id, const std::string& date,
                     const std::vector<std::string>& contacts, const std::string& intent,
                     const std::string& kind) {
  return interaction(id, date, contacts, intent, kind).dump() + "\n";
}

namespace {

// Every path under `dir`, relative, sorted; with its content when `contents`.
std::vector<std::string> walk(const fs::path& dir, bool contents) {
  std::vector<std::string> out;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::end(it);
       it.increment(ec)) {
    std::string line = it->path().lexically_relative(dir).string();
    if (contents) line += " " + (it->is_regular_file() ? read_file(it->path()) : std::string());
    out.push_back(std::move(line));
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

std::vector<std::string> tree(const fs::path& dir) { return walk(dir, false); }

std::vector<std::string> tree_with_contents(const fs::path& dir) { return walk(dir, true); }

std::map<std::string, std::string> record_files(const fs::path& dir) {
  std::map<std::string, std::string> out;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::end(it);
       it.increment(ec)) {
    const std::string rel = it->path().lexically_relative(dir).string();
    if (rel == ".git" || rel == ".undo") {
      it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file() && rel != ".lock") out[rel] = read_file(it->path());
  }
  return out;
}

NoUmask::NoUmask() : old_(::umask(0)) {}

NoUmask::~NoUmask() { ::umask(old_); }

unsigned mode_of(const fs::path& p) {
  struct stat st {};
  EXPECT_EQ(::stat(p.c_str(), &st), 0) << p;
  return st.st_mode & 07777;
}

std::string import_fixture(const std::string& name) {
  return (fs::path(KITH_SOURCE_DIR) / "tests/fixtures/import" / name).string();
}

std::string read_import_fixture(const std::string& name) { return read_file(import_fixture(name)); }

std::string kith_binary() {
  if (const char* env = std::getenv("KITH_TEST_BINARY"); env && *env) return env;
  return KITH_BINARY;
}

std::map<std::string, std::string> Kith::environment() const {
  std::map<std::string, std::string> vars = {
      {"PATH", "/usr/local/bin:/usr/bin:/bin"},
      {"HOME", (data_dir_.parent_path() / "home").string()},
      {"TZ", "UTC"},
      {"LANG", "C.UTF-8"},
      {"KITH_DIR", data_dir_.string()},
  };
  if (const char* asan = std::getenv("ASAN_OPTIONS")) vars["ASAN_OPTIONS"] = asan;
  if (const char* ubsan = std::getenv("UBSAN_OPTIONS")) vars["UBSAN_OPTIONS"] = ubsan;
  if (!today_.empty()) vars["KITH_TODAY"] = today_;
  for (const auto& [k, v] : env_) {
    if (v == "\x01unset") {
      vars.erase(k);
    } else {
      vars[k] = v;
    }
  }
  return vars;
}

namespace {

// cli::run in this process with `kith`'s environment, `typed` as the input
// of a terminal when `terminal`.
RunResult run_here(const std::map<std::string, std::string>& vars,
                   const std::vector<std::string>& args, const std::string* typed) {
  cli::Environment env;
  for (const auto& [k, v] : vars) env.vars.emplace(k, v);
  std::istringstream in(typed ? *typed : std::string());
  if (typed) {
    env.stdin_is_tty = true;
    env.stdout_is_tty = true;
    env.in = &in;
  }
  env.now = std::chrono::system_clock::now();
  // Reproducible, and a new value each call: interactions logged within the
  // same second get ids of their own.
  static std::atomic<std::uint32_t> next_random{0x00abcdefu};
  env.random = [] { return next_random++; };
  std::ostringstream out, err;
  cli::Context ctx(out, err, std::move(env));
  RunResult result;
  result.exit_code = cli::run(args, ctx);
  result.out = out.str();
  result.err = err.str();
  return result;
}

}  // namespace

RunResult Kith::run_on_terminal(const std::vector<std::string>& args,
                                const std::string& typed) const {
  return run_here(environment(), args, &typed);
}

RunResult Kith::run_in_process(const std::vector<std::string>& args) const {
  return run_here(environment(), args, nullptr);
}

std::string command_text(const std::vector<std::string>& args) {
  std::string out;
  for (const auto& a : args) out += (out.empty() ? "" : " ") + a;
  return out;
}

std::vector<std::string> Kith::command_line(const std::vector<std::string>& args) const {
  std::vector<std::string> words = {"/usr/bin/env", "-i"};
  for (const auto& [k, v] : environment()) words.push_back(k + "=" + v);
  words.insert(words.end(), wrapper_.begin(), wrapper_.end());
  words.push_back(kith_binary());
  words.insert(words.end(), args.begin(), args.end());
  return words;
}

RunResult Kith::run(const std::vector<std::string>& args, const std::string& stdin_data) const {
  const std::map<std::string, std::string> vars = environment();
  std::vector<std::string> env_strings;
  for (const auto& [k, v] : vars) env_strings.push_back(k + "=" + v);
  std::vector<char*> envp;
  for (auto& s : env_strings) envp.push_back(s.data());
  envp.push_back(nullptr);

  std::string binary = kith_binary();
  std::vector<std::string> argv_strings = wrapper_;
  argv_strings.push_back(binary);
  argv_strings.insert(argv_strings.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& s : argv_strings) argv.push_back(s.data());
  argv.push_back(nullptr);

  int in_pipe[2], out_pipe[2], err_pipe[2];
  if (::pipe2(in_pipe, O_CLOEXEC) != 0 || ::pipe2(out_pipe, O_CLOEXEC) != 0 ||
      ::pipe2(err_pipe, O_CLOEXEC) != 0) {
    throw std::runtime_error("pipe failed");
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, in_pipe[0], 0);
  posix_spawn_file_actions_adddup2(&actions, out_pipe[1], 1);
  posix_spawn_file_actions_adddup2(&actions, err_pipe[1], 2);
  pid_t pid = 0;
  int rc = wrapper_.empty()
               ? ::posix_spawn(&pid, binary.c_str(), &actions, nullptr, argv.data(), envp.data())
               : ::posix_spawnp(&pid, wrapper_.front().c_str(), &actions, nullptr, argv.data(),
                                envp.data());
  posix_spawn_file_actions_destroy(&actions);
  ::close(in_pipe[0]);
  ::close(out_pipe[1]);
  ::close(err_pipe[1]);
  if (rc != 0) throw std::runtime_error("cannot run " + binary);

  RunResult result;
  std::size_t written = 0;
  if (stdin_data.empty()) {
    ::close(in_pipe[1]);
    in_pipe[1] = -1;
  }
  pollfd fds[3] = {{out_pipe[0], POLLIN, 0}, {err_pipe[0], POLLIN, 0}, {in_pipe[1], POLLOUT, 0}};
  int open_fds = 2;
  while (open_fds > 0) {
    int nfds = in_pipe[1] >= 0 ? 3 : 2;
    if (::poll(fds, static_cast<nfds_t>(nfds), -1) < 0) break;
    for (int k = 0; k < 2; ++k) {
      if (fds[k].fd >= 0 && (fds[k].revents & (POLLIN | POLLHUP))) {
        char buf[65536];
        ssize_t n = ::read(fds[k].fd, buf, sizeof buf);
        if (n > 0) {
          (k == 0 ? result.out : result.err).append(buf, static_cast<std::size_t>(n));
        } else {
          ::close(fds[k].fd);
          fds[k].fd = -1;
          --open_fds;
        }
      }
    }
    if (in_pipe[1] >= 0 && (fds[2].revents & (POLLOUT | POLLERR | POLLHUP))) {
      ssize_t n = ::write(in_pipe[1], stdin_data.data() + written, stdin_data.size() - written);
      if (n > 0) written += static_cast<std::size_t>(n);
      if (n <= 0 || written == stdin_data.size()) {
        ::close(in_pipe[1]);
        in_pipe[1] = -1;
      }
    }
  }
  if (in_pipe[1] >= 0) ::close(in_pipe[1]);
  int status = 0;
  ::waitpid(pid, &status, 0);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return result;
}

RunResult Kith::ok(const std::vector<std::string>& args) const {
  RunResult r = run(args);
  std::string cmd;
  for (const auto& a : args) cmd += " " + a;
  EXPECT_EQ(r.exit_code, 0) << "kith" << cmd << "\nstderr:\n" << r.err << "\nstdout:\n" << r.out;
  return r;
}

ShellRun run_shell(const std::string& command) {
  ShellRun result;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) return result;
  char buf[4096];
  std::size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, pipe)) > 0) result.out.append(buf, n);
  const int status = ::pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

PythonRun run_python(const fs::path& script, const std::vector<std::string>& args) {
  std::string command = "PATH=/usr/bin:/bin:/usr/local/bin python3 '" + script.string() + "'";
  for (const auto& arg : args) command += " '" + arg + "'";
  return run_shell(command + " 2>&1");
}

void expect_python_ok(const PythonRun& run, const std::string& package) {
  ASSERT_NE(run.exit_code, 127) << "python3 is missing: sudo apt-get install python3 " << package;
  ASSERT_NE(run.exit_code, 3) << "a python module is missing: sudo apt-get install " << package
                              << "\n"
                              << run.out;
  ASSERT_EQ(run.exit_code, 0) << run.out;
}

}  // namespace kith::test
