// End-to-end: the global options and environment, the exit status of bad
// command lines, and what every command does with a data directory it must
// not change (newer format, corrupt file, read-only).
#include <cerrno>
#include <cstdlib>
#include <map>

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sched.h>
#include <sys/mount.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/fsutil.h"
#include "support/testutil.h"

extern char** environ;

namespace kith::test::global_test {
namespace {

using Json = nlohmann::ordered_json;

bool has(const std::string& s, std::string_view what) { return s.find(what) != std::string::npos; }

// Every path under `dir` with its content, to show that nothing changed.
std::map<std::string, std::string> snapshot(const fs::path& dir) {
  std::map<std::string, std::string> out;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::end(it);
       it.increment(ec)) {
    const std::string rel = it->path().lexically_relative(dir).string();
    out[rel] = it->is_regular_file() ? read_file(it->path()) : "<dir>";
  }
  return out;
}

// Runs kith with stdout on a pseudo-terminal and returns what it printed
// there (stderr is discarded). The environment is exactly `env`.
std::string run_on_tty(const std::vector<std::string>& args,
                       const std::map<std::string, std::string>& env) {
  int master = ::posix_openpt(O_RDWR | O_NOCTTY);
  if (master < 0 || ::grantpt(master) != 0 || ::unlockpt(master) != 0) {
    ADD_FAILURE() << "no pseudo-terminal";
    return {};
  }
  const std::string slave_name = ::ptsname(master);
  std::vector<std::string> argv_s{kith_binary()};
  argv_s.insert(argv_s.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& s : argv_s) argv.push_back(s.data());
  argv.push_back(nullptr);
  std::vector<std::string> env_s;
  for (const auto& [k, v] : env) env_s.push_back(k + "=" + v);
  std::vector<char*> envp;
  for (auto& s : env_s) envp.push_back(s.data());
  envp.push_back(nullptr);

  // The terminal side is opened before the fork: it is then open from the
  // start, and reading the master ends (EIO) only once the child is done.
  const int slave = ::open(slave_name.c_str(), O_RDWR | O_NOCTTY);
  const int null = ::open("/dev/null", O_RDWR);
  if (slave < 0 || null < 0) {
    ADD_FAILURE() << "cannot open " << slave_name;
    return {};
  }
  pid_t pid = ::fork();
  if (pid == 0) {
    ::close(master);
    ::dup2(null, 0);
    ::dup2(slave, 1);
    ::dup2(null, 2);
    ::execve(argv[0], argv.data(), envp.data());
    ::_exit(127);
  }
  ::close(slave);
  ::close(null);
  std::string out;
  char buf[4096];
  for (;;) {
    ssize_t n = ::read(master, buf, sizeof buf);
    if (n > 0) {
      out.append(buf, static_cast<std::size_t>(n));
    } else if (n < 0 && errno == EINTR) {
      continue;
    } else {
      break;  // EIO once the child has closed the terminal
    }
  }
  ::close(master);
  int status = 0;
  ::waitpid(pid, &status, 0);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << out;
  return out;
}

class GlobalTest : public ::testing::Test {
 protected:
  TempDir tmp;
  Kith kith{tmp / "data"};
  void SetUp() override { kith.today("2026-11-25"); }

  std::map<std::string, std::string> tty_env(std::map<std::string, std::string> extra) const {
    std::map<std::string, std::string> env = {
        {"PATH", "/usr/bin:/bin"},
        {"HOME", (tmp / "home").string()},
        {"TZ", "UTC"},
        {"KITH_DIR", (tmp / "data").string()},
        {"KITH_TODAY", "2026-11-25"},
        {"TERM", "xterm-256color"},
    };
    if (const char* asan = std::getenv("ASAN_OPTIONS")) env["ASAN_OPTIONS"] = asan;
    if (const char* ubsan = std::getenv("UBSAN_OPTIONS")) env["UBSAN_OPTIONS"] = ubsan;
    for (auto& [k, v] : extra) env[k] = v;
    return env;
  }
};

// ------------------------------------------------------------ data directory

TEST_F(GlobalTest, DataDirOptionWorksBeforeAndAfterTheCommand) {
  const std::string other = (tmp / "other").string();
  kith.ok({"--data-dir", other, "add", "Ada"});
  kith.ok({"add", "Bob", "--data-dir", other});
  EXPECT_TRUE(fs::exists(tmp / "other/contacts/ada.json"));
  EXPECT_TRUE(fs::exists(tmp / "other/contacts/bob.json"));
  EXPECT_FALSE(fs::exists(tmp / "data"));  // KITH_DIR lost to the option
  EXPECT_EQ(kith.ok({"--data-dir", other, "list", "--json"}).json().size(), 2u);
  EXPECT_EQ(kith.ok({"list", "--data-dir", other, "--json"}).json().size(), 2u);
  EXPECT_EQ(kith.ok({"list", "--json"}).json().size(), 0u);
}

TEST_F(GlobalTest, DataDirComesFromKithDirThenXdgDataHomeThenHome) {
  // KITH_DIR (the harness sets it to tmp/data).
  kith.ok({"add", "In Kith Dir"});
  EXPECT_TRUE(fs::exists(tmp / "data/contacts/in-kith-dir.json"));
  // XDG_DATA_HOME/kith when KITH_DIR is unset or empty.
  kith.env("KITH_DIR", "").env("XDG_DATA_HOME", (tmp / "xdg").string());
  kith.ok({"add", "In Xdg"});
  EXPECT_TRUE(fs::exists(tmp / "xdg/kith/contacts/in-xdg.json"));
  // ~/.local/share/kith when XDG_DATA_HOME is unset, empty or relative.
  kith.env("KITH_DIR", "\x01unset").env("XDG_DATA_HOME", "relative/xdg");
  kith.ok({"add", "In Home"});
  EXPECT_TRUE(fs::exists(tmp / "home/.local/share/kith/contacts/in-home.json"));
  kith.env("XDG_DATA_HOME", "");
  kith.ok({"add", "In Home Too"});
  EXPECT_TRUE(fs::exists(tmp / "home/.local/share/kith/contacts/in-home-too.json"));
  kith.env("XDG_DATA_HOME", "\x01unset");
  EXPECT_EQ(kith.ok({"list", "--json"}).json().size(), 2u);
  EXPECT_FALSE(fs::exists(tmp / "relative"));
}

TEST_F(GlobalTest, NoHomeAndNoDataDirIsAUsageError) {
  kith.env("KITH_DIR", "\x01unset").env("HOME", "\x01unset");
  auto r = kith.run({"list"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(r.out.empty());
  EXPECT_TRUE(has(r.err, "kith: error: no data directory")) << r.err;
  EXPECT_TRUE(has(r.err, "kith: hint: pass --data-dir DIR or set KITH_DIR")) << r.err;
  EXPECT_EQ(kith.ok({"--data-dir", (tmp / "d").string(), "list", "--json"}).out, "[]\n");
}

// --------------------------------------------------------------------- today

TEST_F(GlobalTest, TodayComesFromTheOptionBeforeOrAfterThenKithToday) {
  kith.ok({"--today", "2026-01-02", "add", "Ada"});
  kith.ok({"add", "Bob", "--today", "2025-12-31"});
  kith.ok({"add", "Cy"});  // KITH_TODAY=2026-11-25
  kith.env("KITH_TODAY", "2026-03-04");
  kith.ok({"add", "Di"});
  kith.ok({"add", "Ed", "--today", "2026-05-06"});
  kith.env("KITH_TODAY", "\x01unset");
  kith.ok({"add", "Fay", "--today", "2026-07-08"});
  for (const auto& [id, date] :
       std::vector<std::pair<std::string, std::string>>{{"ada", "2026-01-02"},
                                                        {"bob", "2025-12-31"},
                                                        {"cy", "2026-11-25"},
                                                        {"di", "2026-03-04"},
                                                        {"ed", "2026-05-06"},
                                                        {"fay", "2026-07-08"}}) {
    EXPECT_EQ(read_json(tmp / "data/contacts" / (id + ".json"))["added_on"], date) << id;
  }
}

TEST_F(GlobalTest, TodayAcceptsRelativeDatesAgainstTheRealDate) {
  kith.env("KITH_TODAY", "\x01unset");
  auto j = kith.ok({"add", "Ada", "--today", "today", "--json"}).json();
  EXPECT_EQ(j["added_on"].get<std::string>().size(), 10u);
}

TEST_F(GlobalTest, ABadTodayIsRefusedByEveryCommandQuotingIt) {
  kith.ok({"add", "Ada"});
  const auto before = snapshot(tmp / "data");
  for (const auto& args :
       std::vector<std::vector<std::string>>{{"--today", "someday", "list"},
                                             {"list", "--today", "someday"},
                                             {"show", "ada", "--today", "someday"},
                                             {"me", "--today", "someday"},
                                             {"add", "Bob", "--today", "someday"},
                                             {"--today", "2026-02-30", "list"}}) {
    SCOPED_TRACE(args.back());
    auto r = kith.run(args);
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_TRUE(r.out.empty()) << r.out;
    EXPECT_TRUE(has(r.err, "kith: error: --today: bad date '")) << r.err;
  }
  kith.env("KITH_TODAY", "not-a-date");
  for (const auto& args : std::vector<std::vector<std::string>>{{"list"}, {"me"}, {"add", "Bob"}}) {
    auto r = kith.run(args);
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_TRUE(has(r.err, "kith: error: KITH_TODAY: bad date 'not-a-date'")) << r.err;
  }
  // The option wins over a bad environment value.
  kith.ok({"list", "--today", "2026-11-25"});
  EXPECT_EQ(snapshot(tmp / "data"), before);
}

// --------------------------------------------------------------------- color

TEST_F(GlobalTest, ColourIsOffWhenPipedUnlessAlways) {
  kith.ok({"add", "Ada", "--tag", "x"});
  EXPECT_FALSE(has(kith.ok({"list"}).out, "\x1b["));
  EXPECT_FALSE(has(kith.ok({"list", "--color", "auto"}).out, "\x1b["));
  EXPECT_FALSE(has(kith.ok({"--color", "never", "list"}).out, "\x1b["));
  auto always = kith.ok({"--color", "always", "list"}).out;
  EXPECT_TRUE(has(always, "\x1b[1mID\x1b[0m")) << always;
  EXPECT_TRUE(has(kith.ok({"list", "--color", "always"}).out, "\x1b["));
  // An explicit --color always wins over NO_COLOR and TERM=dumb.
  kith.env("NO_COLOR", "1").env("TERM", "dumb");
  EXPECT_TRUE(has(kith.ok({"list", "--color", "always"}).out, "\x1b["));
  // JSON is never coloured.
  EXPECT_FALSE(has(kith.ok({"list", "--color", "always", "--json"}).out, "\x1b["));
}

TEST_F(GlobalTest, OnATerminalAutoColoursUnlessNoColorOrDumbTerm) {
  kith.ok({"add", "Ada", "--tag", "x"});
  EXPECT_TRUE(has(run_on_tty({"list"}, tty_env({})), "\x1b["));
  EXPECT_FALSE(has(run_on_tty({"list"}, tty_env({{"NO_COLOR", "1"}})), "\x1b["));
  EXPECT_FALSE(has(run_on_tty({"list"}, tty_env({{"TERM", "dumb"}})), "\x1b["));
  EXPECT_FALSE(has(run_on_tty({"list", "--color", "never"}, tty_env({})), "\x1b["));
  // An empty NO_COLOR does not count (no-color.org: "present and not empty").
  EXPECT_TRUE(has(run_on_tty({"list"}, tty_env({{"NO_COLOR", ""}})), "\x1b["));
}

TEST_F(GlobalTest, ABadColorValueIsAUsageError) {
  auto r = kith.run({"--color", "sometimes", "list"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(has(r.err, "kith: error: --color: sometimes not in {auto,always,never}")) << r.err;
}

// ------------------------------------------------------------------- quiet

TEST_F(GlobalTest, QuietHidesConfirmationsButNotWarningsOrData) {
  auto r = kith.ok({"add", "Ada"});
  EXPECT_EQ(r.err, "kith: added ada (Ada)\n");
  r = kith.ok({"-q", "add", "Bob"});
  EXPECT_EQ(r.out, "bob\n");
  EXPECT_TRUE(r.err.empty()) << r.err;
  r = kith.ok({"add", "Cy", "--quiet"});
  EXPECT_TRUE(r.err.empty()) << r.err;
  r = kith.ok({"add", "Ada", "-q"});
  EXPECT_EQ(r.out, "ada-2\n");
  EXPECT_EQ(r.err, "kith: warning: possible duplicate: ada (Ada) has the same name or email\n");
}

// ------------------------------------------------------------ help, version

TEST_F(GlobalTest, VersionAndHelpExitZeroOnStdout) {
  for (const auto& args :
       std::vector<std::vector<std::string>>{{"--version"}, {"list", "--version"}}) {
    auto r = kith.run(args);
    EXPECT_EQ(r.exit_code, 0);
    EXPECT_EQ(r.out, "kith 0.1.0\n");
    EXPECT_TRUE(r.err.empty());
  }
  auto r = kith.run({"--help"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_TRUE(r.err.empty());
  for (const char* word : {"add", "list, ls", "show", "me", "--data-dir", "--today", "--color",
                           "--quiet", "--version"}) {
    EXPECT_TRUE(has(r.out, word)) << word;
  }
  r = kith.run({"list", "--help"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_TRUE(has(r.out, "Usage: kith list")) << r.out;
  EXPECT_TRUE(has(r.out, "--tag")) << r.out;
  EXPECT_TRUE(has(r.out, "--all")) << r.out;
  r = kith.run({"-h"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_TRUE(has(r.out, "Usage: kith")) << r.out;
  EXPECT_FALSE(fs::exists(tmp / "data"));
}

// -------------------------------------------------------- bad command lines

TEST_F(GlobalTest, AnUnknownCommandIsAUsageError) {
  for (const auto& args :
       std::vector<std::vector<std::string>>{{"frobnicate"},
                                             {"frobnicate", "--all"},
                                             {"--data-dir", (tmp / "d").string(), "frobnicate"},
                                             {"-q", "--color", "never", "frobnicate"}}) {
    auto r = kith.run(args);
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_TRUE(r.out.empty());
    EXPECT_EQ(r.err,
              "kith: error: unknown command 'frobnicate'\n"
              "kith: hint: `kith --help` lists the commands\n");
  }
  EXPECT_FALSE(fs::exists(tmp / "d"));
}

TEST_F(GlobalTest, AnUnknownOptionIsAUsageError) {
  for (const auto& args : std::vector<std::vector<std::string>>{
           {"--frobnicate", "list"}, {"list", "--frobnicate"}, {"--frobnicate"}}) {
    auto r = kith.run(args);
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_TRUE(r.out.empty());
    EXPECT_TRUE(has(r.err, "kith: error: ")) << r.err;
    EXPECT_TRUE(has(r.err, "--frobnicate")) << r.err;
    EXPECT_TRUE(has(r.err, "kith: hint: see `kith")) << r.err;
  }
  auto r = kith.run({"--data-dir"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(has(r.err, "--data-dir")) << r.err;
}

TEST_F(GlobalTest, AMistypedCommandOrOptionGetsTheClosestOneAsAHint) {
  auto r = kith.run({"lgo"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(r.out.empty()) << r.out;
  EXPECT_EQ(r.err, "kith: error: unknown command 'lgo'\nkith: hint: did you mean `log`?\n");
  r = kith.run({"lst"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err,
            "kith: error: unknown command 'lst'\nkith: hint: did you mean `list` or `ls`?\n");
  r = kith.run({"log", "x", "--giv"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(r.out.empty()) << r.out;
  EXPECT_EQ(r.err,
            "kith: error: The following argument was not expected: --giv\n"
            "kith: hint: did you mean `--give`?\n");
  r = kith.run({"list", "--tga=ai"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(has(r.err, "\nkith: hint: did you mean `--tag`?\n")) << r.err;
  r = kith.run({"due", "--tday", "2026-01-01"});  // a global option, after the command
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(has(r.err, "\nkith: hint: did you mean `--today`?\n")) << r.err;
  r = kith.run({"log", "x", "--zzzzzz"});  // nothing close: where to look
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(has(r.err, "\nkith: hint: see `kith log --help`\n")) << r.err;
  EXPECT_FALSE(fs::exists(kith.data_dir()));
}

TEST_F(GlobalTest, AnArgumentThatIsNotUtf8IsAUsageError) {
  for (const auto& args : std::vector<std::vector<std::string>>{
           {"list", "\xff"}, {"show", "caf\xe9"}, {"--data-dir", "/tmp/\xc3", "list"}}) {
    auto r = kith.run(args);
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_TRUE(r.out.empty());
    EXPECT_TRUE(has(r.err, "kith: error: argument ")) << r.err;
    EXPECT_TRUE(has(r.err, "is not valid UTF-8")) << r.err;
  }
}

// -------------------------------------------- data kith must leave alone

TEST_F(GlobalTest, ANewerFormatVersionStopsEveryCommandAndIsNotTouched) {
  const std::string v2 = "{\"format\": \"kith\", \"version\": 2, \"settings\": {}}\n";
  write_file(tmp / "data/kith.json", v2);
  for (const auto& args : std::vector<std::vector<std::string>>{{"list"},
                                                                {"list", "--json"},
                                                                {"show", "ada"},
                                                                {"me"},
                                                                {"me", "--json"},
                                                                {"me", "--name", "Sam"},
                                                                {"add", "Ada"}}) {
    SCOPED_TRACE(args[0]);
    auto r = kith.run(args);
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_TRUE(r.out.empty()) << r.out;
    EXPECT_TRUE(has(r.err, "kith: error: kith.json: data format version 2 is newer")) << r.err;
    EXPECT_TRUE(has(r.err, "kith: hint: upgrade kith")) << r.err;
    EXPECT_EQ(read_file(tmp / "data/kith.json"), v2);
  }
  EXPECT_FALSE(fs::exists(tmp / "data/contacts"));
  EXPECT_FALSE(fs::exists(tmp / "data/me.json"));
}

TEST_F(GlobalTest, ACorruptContactIsNamedLeftOutAndNeverRewritten) {
  kith.ok({"add", "Ada"});
  write_file(tmp / "data/contacts/bob.json", "{\"id\": \"bob\", \"name\": }");
  const auto before = snapshot(tmp / "data");
  // Readers serve the rest, name it and exit 1.
  for (const auto& args : std::vector<std::vector<std::string>>{{"list"}, {"show", "ada"}}) {
    SCOPED_TRACE(args[0]);
    auto r = kith.run(args);
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_TRUE(has(r.out, "Ada")) << r.out;
    EXPECT_TRUE(has(r.err, "kith: warning: contacts/bob.json:1: not valid JSON")) << r.err;
    EXPECT_TRUE(has(r.err, "kith: error: left out what kith cannot read: 1 contact file")) << r.err;
  }
  EXPECT_EQ(snapshot(tmp / "data"), before);
  // A writer works on the others and leaves it as it is.
  auto added = kith.run({"add", "Cy"});
  EXPECT_EQ(added.exit_code, 0) << added.err;
  EXPECT_EQ(added.out, "cy\n");
  EXPECT_TRUE(has(added.err, "kith: warning: contacts/bob.json:1: not valid JSON")) << added.err;
  EXPECT_EQ(snapshot(tmp / "data").at("contacts/bob.json"), before.at("contacts/bob.json"));
}

TEST_F(GlobalTest, AWriterThatCannotGetTheLockExitsOneAndWritesNothing) {
  kith.ok({"add", "Ada"});
  auto lock = fsutil::FileLock::acquire(tmp / "data/.lock", std::chrono::milliseconds(0),
                                        std::chrono::milliseconds(0), nullptr);
  ASSERT_TRUE(lock.ok());
  kith.env("KITH_LOCK_TIMEOUT", "0.2");
  auto r = kith.run({"add", "Bob"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(r.out.empty());
  EXPECT_TRUE(has(r.err, "kith: error: another kith is still writing: could not lock " +
                             (tmp / "data/.lock").string() + " within 0.2 s"))
      << r.err;
  EXPECT_FALSE(fs::exists(tmp / "data/contacts/bob.json"));
  // Readers need no lock.
  EXPECT_EQ(kith.ok({"list", "--json"}).json().size(), 1u);
}

TEST_F(GlobalTest, AMeaninglessLockTimeoutKeepsTheDefault) {
  for (const char* value : {"abc", "", "nan", "inf", "-inf", "1e300", "-5"}) {
    SCOPED_TRACE(value);
    kith.env("KITH_LOCK_TIMEOUT", value);
    kith.ok({"me", "--skill", std::string("s") + std::to_string(std::string(value).size())});
  }
}

// Tests run as root, for whom permission bits do not stop a write: the data
// directory is made read-only with a read-only bind mount in a private mount
// namespace, in a child process. The results come back through a file.
TEST_F(GlobalTest, ReadingCommandsWorkOnAReadOnlyDataDirectory) {
  kith.ok({"add", "Ada Lovelace", "--skill", "math"});
  kith.ok({"me", "--name", "Sam"});
  write_file(tmp / "data/log/2026-11.jsonl",
             R"({"id":"x1","date":"2026-11-01","contacts":["ada-lovelace"],"intent":"give"})"
             "\n");
  const auto before = snapshot(tmp / "data");
  const std::vector<std::vector<std::string>> readers = {
      {"list"}, {"list", "--json"}, {"ls", "ada"}, {"show", "ada"}, {"show", "ada", "--json"},
      {"me"},   {"me", "--json"},   {"--help"}};
  const fs::path results = tmp / "results.json";
  pid_t pid = ::fork();
  if (pid == 0) {
    const std::string data = (tmp / "data").string();
    if (::unshare(CLONE_NEWNS) != 0) ::_exit(77);
    if (::mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0) ::_exit(77);
    if (::mount(data.c_str(), data.c_str(), nullptr, MS_BIND, nullptr) != 0) ::_exit(77);
    if (::mount(nullptr, data.c_str(), nullptr, MS_REMOUNT | MS_BIND | MS_RDONLY, nullptr) != 0) {
      ::_exit(77);
    }
    Json out = Json::array();
    auto record = [&](const RunResult& r) {
      out.push_back({{"code", r.exit_code}, {"out", r.out}, {"err", r.err}});
    };
    for (const auto& args : readers) record(kith.run(args));
    record(kith.run({"add", "Bob"}));
    record(kith.run({"me", "--skill", "C++"}));
    write_file(results, out.dump());
    ::_exit(0);
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFEXITED(status));
  if (WEXITSTATUS(status) == 77) {
    GTEST_SKIP() << "cannot make a read-only bind mount here (no mount namespace privilege)";
  }
  ASSERT_EQ(WEXITSTATUS(status), 0);
  const Json out = read_json(results);
  ASSERT_EQ(out.size(), readers.size() + 2);
  for (std::size_t k = 0; k < readers.size(); ++k) {
    SCOPED_TRACE(readers[k][0]);
    EXPECT_EQ(out[k]["code"], 0) << out[k]["err"];
    EXPECT_EQ(out[k]["err"], "");
    EXPECT_NE(out[k]["out"], "");
  }
  EXPECT_TRUE(has(out[3]["out"].get<std::string>(), "give")) << out[3]["out"];
  for (std::size_t k = readers.size(); k < out.size(); ++k) {
    EXPECT_EQ(out[k]["code"], 1);
    EXPECT_EQ(out[k]["out"], "");
    const std::string err = out[k]["err"];
    EXPECT_TRUE(has(err, "kith: error: ")) << err;
    EXPECT_TRUE(has(err, "Read-only file system")) << err;
    EXPECT_TRUE(has(err, "kith: hint: the data directory is not writable")) << err;
  }
  EXPECT_EQ(snapshot(tmp / "data"), before);
}

}  // namespace
}  // namespace kith::test::global_test
