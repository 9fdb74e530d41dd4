// End-to-end: `kith git` (pass-through and init), the commit every writing
// command makes in a git data directory, and the merge drivers' registration.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/file.h>
#include <unistd.h>

#include "support/gitutil.h"

namespace kith::test::git_test {
namespace {

using Json = nlohmann::ordered_json;

class GitTest : public ::testing::Test {
 protected:
  TempDir tmp;
  Machine m{tmp / "m"};
  const Kith& kith = m.kith;

  void init() {
    kith.ok({"add", "Ada Lovelace", "--skill", "math", "-q"});
    kith.ok({"add", "Grace Hopper", "--interest", "math", "-q"});
    kith.ok({"git", "init", "-q"});
  }
};

TEST_F(GitTest, InitWritesTheGitFilesRegistersTheDriversAndCommitsTheData) {
  kith.ok({"add", "Ada Lovelace", "-q"});
  auto r = kith.ok({"git", "init", "-q"});
  EXPECT_NE(r.err.find("kith sync"), std::string::npos) << r.err;
  EXPECT_TRUE(fs::is_directory(m.data() / ".git"));
  const std::string attributes = read_file(m.data() / ".gitattributes");
  EXPECT_NE(attributes.find("log/*.jsonl merge=kith-log\n"), std::string::npos);
  EXPECT_NE(attributes.find("contacts/*.json merge=kith-json\n"), std::string::npos);
  EXPECT_NE(attributes.find("me.json merge=kith-json\n"), std::string::npos);
  const std::string ignore = read_file(m.data() / ".gitignore");
  EXPECT_NE(ignore.find("/.lock\n"), std::string::npos);
  EXPECT_NE(ignore.find(".*.tmp-*\n"), std::string::npos);
  const std::string driver = m.git_ok({"config", "merge.kith-log.driver"});
  EXPECT_EQ(driver, "'" + fs::canonical(kith_binary()).string() + "' __merge log %O %A %B %P\n");
  EXPECT_NE(m.git_ok({"config", "merge.kith-json.driver"}).find("__merge json %O %A %B %P"),
            std::string::npos);
  EXPECT_EQ(m.commit_count(), 1);
  EXPECT_EQ(m.last_subject(), "kith: track the data directory");
  EXPECT_EQ(m.last_files(), (std::vector<std::string>{".gitattributes", ".gitignore",
                                                      "contacts/ada-lovelace.json", "kith.json"}));
  EXPECT_EQ(m.status(), "");
}

TEST_F(GitTest, InitOnAMissingDirectoryCreatesItAndTwiceIsHarmless) {
  kith.ok({"git", "init", "-q"});
  EXPECT_TRUE(fs::exists(m.data() / "kith.json"));
  EXPECT_EQ(m.commit_count(), 1);
  kith.ok({"git", "init", "-q"});
  EXPECT_EQ(m.commit_count(), 1);
  const std::string attributes = read_file(m.data() / ".gitattributes");
  EXPECT_EQ(attributes.find("log/*.jsonl"), attributes.rfind("log/*.jsonl"));
}

TEST_F(GitTest, PassesEveryArgumentToGitAndReturnsItsExitCode) {
  init();
  auto r = kith.run({"git", "log", "--format=%s", "-n", "1"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "kith: track the data directory\n");
  r = kith.run({"git", "rev-parse", "--verify", "--quiet", "no-such-ref"});
  EXPECT_EQ(r.exit_code, 1);
  r = kith.run({"git", "no-such-command"});
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.err.find("no-such-command"), std::string::npos) << r.err;
  // Global options go before `git`; after it, every word is git's.
  r = kith.run({"--data-dir", m.data().string(), "git", "--no-pager", "log", "--oneline"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("track the data directory"), std::string::npos);
}

TEST_F(GitTest, HelpIsKithsOwn) {
  auto r = kith.ok({"git", "--help"});
  EXPECT_NE(r.out.find("kith git init"), std::string::npos) << r.out;
}

TEST_F(GitTest, WithoutADataDirectorySaysHowToStart) {
  auto r = kith.run({"git", "status"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("kith: error: there is no data directory"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("kith: hint:"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(m.data()));
}

TEST_F(GitTest, ARepositoryAboveTheDataDirectoryIsNotTheDataDirectorys) {
  ASSERT_EQ(git_in(m.root, m.home(), {"init", "-q"}).exit_code, 0);
  kith.ok({"add", "Ada Lovelace", "-q"});
  EXPECT_FALSE(fs::exists(m.data() / ".git"));
  auto r = kith.run({"git", "status"});
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.err.find("not a git repository"), std::string::npos) << r.err;
  EXPECT_EQ(git_in(m.root, m.home(), {"rev-list", "--all"}).out, "");
}

TEST_F(GitTest, NoCommitAndNoRepositoryOutsideGit) {
  kith.ok({"add", "Ada Lovelace", "-q"});
  kith.ok({"log", "ada", "-q"});
  EXPECT_FALSE(fs::exists(m.data() / ".git"));
  EXPECT_FALSE(fs::exists(m.data() / ".gitattributes"));
}

// One writing command, what it commits and with which subject.
struct CommitCase {
  const char* label;
  std::vector<std::vector<std::string>> before;  // run after init, before the command
  std::vector<std::string> args;
  std::string subject;
  std::vector<std::string> files;
};

class AutoCommitTest : public GitTest, public ::testing::WithParamInterface<CommitCase> {};

TEST_P(AutoCommitTest, CommitsExactlyTheFilesItChanged) {
  const CommitCase& c = GetParam();
  init();
  for (const auto& args : c.before) kith.ok(args);
  // A change of the user's own, which no command must sweep into its commit.
  write_file(m.data() / "notes.txt", "mine\n");
  const int before = m.commit_count();
  auto r = kith.run(c.args, "");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err.find("warning"), std::string::npos) << r.err;
  EXPECT_EQ(m.commit_count(), before + 1);
  EXPECT_EQ(m.last_subject(), c.subject);
  EXPECT_EQ(m.last_files(), c.files);
  EXPECT_EQ(m.status(), "?? notes.txt\n");
}

const std::string kFollowUp = R"({"id":"fu-1","date":"2026-11-02","contacts":["ada-lovelace"],)"
                              R"("kind":"call","intent":"catch-up","note":null,)"
                              R"("logged_at":"2026-11-02T10:00:00Z",)"
                              R"("follow_up":{"text":"send the paper","by":"2026-11-20"}})";

INSTANTIATE_TEST_SUITE_P(
    Writers, AutoCommitTest,
    testing::Values(
        CommitCase{"add",
                   {},
                   {"add", "Alan Turing", "-q"},
                   "add: alan-turing",
                   {"contacts/alan-turing.json"}},
        CommitCase{"log",
                   {},
                   {"log", "ada", "--kind", "coffee", "--date", "2026-11-20"},
                   "log: coffee with ada-lovelace",
                   {"log/2026-11.jsonl"}},
        CommitCase{"log_give_two_contacts",
                   {},
                   {"log", "ada", "grace", "--give", "--kind", "intro"},
                   "log: intro with ada-lovelace, grace-hopper (give)",
                   {"log/2026-11.jsonl"}},
        CommitCase{"edit",
                   {},
                   {"edit", "ada", "--company", "Engines"},
                   "edit: ada-lovelace",
                   {"contacts/ada-lovelace.json"}},
        CommitCase{"edit_me", {}, {"edit", "me", "--name", "Me"}, "edit: me", {"me.json"}},
        CommitCase{"me", {}, {"me", "--skill", "writing"}, "me: profile", {"me.json"}},
        CommitCase{"rm", {}, {"rm", "ada"}, "rm: ada-lovelace", {"contacts/ada-lovelace.json"}},
        CommitCase{"restore",
                   {{"rm", "ada", "-q"}},
                   {"restore", "ada"},
                   "restore: ada-lovelace",
                   {"contacts/ada-lovelace.json"}},
        CommitCase{"snooze",
                   {},
                   {"snooze", "ada", "--until", "2027-01-01"},
                   "snooze: ada-lovelace",
                   {"contacts/ada-lovelace.json"}},
        CommitCase{"unsnooze",
                   {{"snooze", "ada", "--until", "2027-01-01", "-q"}},
                   {"unsnooze", "ada"},
                   "unsnooze: ada-lovelace",
                   {"contacts/ada-lovelace.json"}},
        CommitCase{"rm_purge",
                   {{"log", "ada", "grace", "-q"}, {"log", "ada", "-q"}},
                   {"rm", "ada", "--purge", "--yes"},
                   "rm --purge: ada-lovelace",
                   {"contacts/ada-lovelace.json", "log/2026-11.jsonl"}},
        CommitCase{"config", {}, {"config", "every", "2w"}, "config: every 2w", {"kith.json"}},
        CommitCase{"config_unset",
                   {{"config", "every", "2w", "-q"}},
                   {"config", "--unset", "every"},
                   "config: unset every",
                   {"kith.json"}}),
    [](const testing::TestParamInfo<CommitCase>& p) { return std::string(p.param.label); });

TEST_F(GitTest, DoneCommitsTheMonthItChanged) {
  init();
  write_file(m.data() / "log" / "2026-11.jsonl", kFollowUp + "\n");
  m.git_ok({"add", "-A"});
  m.git_ok({"-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "follow-up"});
  kith.ok({"done", "fu-1", "-q"});
  EXPECT_EQ(m.last_subject(), "done: fu-1");
  EXPECT_EQ(m.last_files(), std::vector<std::string>{"log/2026-11.jsonl"});
  EXPECT_EQ(m.status(), "");
}

TEST_F(GitTest, ImportAndDoctorFixCommitToo) {
  init();
  write_file(tmp / "people.csv", "name,email\nAlan Turing,alan@example.org\n");
  kith.ok({"import", "csv", (tmp / "people.csv").string(), "-q"});
  EXPECT_EQ(m.last_subject(), "import: 1 added, 0 updated, 0 interactions from people.csv");
  EXPECT_EQ(m.last_files(), std::vector<std::string>{"contacts/alan-turing.json"});

  kith.ok({"log", "ada", "-q"});
  const fs::path month = m.data() / "log" / "2026-11.jsonl";
  write_file(month, read_file(month) + R"({"id":"torn","da)");
  m.git_ok({"add", "-A"});
  m.git_ok({"-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "crash"});
  kith.ok({"doctor", "--fix"});
  EXPECT_EQ(m.last_subject(), "doctor --fix: log/2026-11.jsonl");
  EXPECT_EQ(m.last_files(), std::vector<std::string>{"log/2026-11.jsonl"});
  EXPECT_EQ(m.status(), "");
}

TEST_F(GitTest, WithNoIdentityCommitsAsKithAtThisHost) {
  init();
  kith.ok({"add", "Alan Turing", "-q"});
  const std::string author = m.git_ok({"log", "-1", "--format=%an <%ae>"});
  EXPECT_TRUE(author.starts_with("kith <kith@")) << author;
  // Nothing was written to the repository's configuration.
  EXPECT_EQ(m.git({"config", "--local", "user.name"}).exit_code, 1);
}

TEST_F(GitTest, UsesTheUsersIdentityWhenThereIsOne) {
  write_file(m.home() / ".gitconfig", "[user]\n\tname = Ada Byron\n\temail = ada@example.org\n");
  init();
  kith.ok({"add", "Alan Turing", "-q"});
  EXPECT_EQ(m.git_ok({"log", "-1", "--format=%an <%ae>"}), "Ada Byron <ada@example.org>\n");
}

TEST_F(GitTest, TheSettingAutocommitOffStopsTheCommits) {
  init();
  auto r = kith.ok({"config", "autocommit", "off"});
  const int commits = m.commit_count();
  kith.ok({"add", "Alan Turing", "-q"});
  EXPECT_EQ(m.commit_count(), commits);
  EXPECT_NE(m.status().find("contacts/alan-turing.json"), std::string::npos);
  EXPECT_EQ(kith.ok({"config", "autocommit"}).out, "off\n");
  kith.ok({"config", "autocommit", "on", "-q"});
  EXPECT_EQ(m.last_subject(), "config: autocommit on");
  auto bad = kith.run({"config", "autocommit", "maybe"});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("autocommit: 'maybe' is not on or off"), std::string::npos) << bad.err;
}

TEST_F(GitTest, WithoutGitTheChangeIsSavedAndAWarningSaysSo) {
  init();
  fs::create_directories(tmp / "nobin");
  Kith no_git = kith;
  no_git.env("PATH", (tmp / "nobin").string());
  auto r = no_git.run({"add", "Alan Turing"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "alan-turing\n");
  EXPECT_TRUE(fs::exists(m.data() / "contacts" / "alan-turing.json"));
  EXPECT_NE(r.err.find("kith: warning: the change is saved but not committed"), std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("git"), std::string::npos) << r.err;
}

TEST_F(GitTest, ABrokenRepositoryDoesNotLoseTheChange) {
  init();
  write_file(m.data() / ".git" / "HEAD", "garbage\n");
  auto r = kith.run({"log", "ada", "--note", "kept"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(read_file(m.data() / "log" / "2026-11.jsonl").find("\"kept\""), std::string::npos);
  EXPECT_NE(r.err.find("not committed"), std::string::npos) << r.err;
}

TEST_F(GitTest, NothingToChangeMeansNoCommit) {
  init();
  kith.ok({"rm", "ada", "-q"});
  const int commits = m.commit_count();
  kith.ok({"rm", "ada", "-q"});  // already archived
  EXPECT_EQ(m.commit_count(), commits);
}

// A plain `git clone` lacks the merge drivers in .git/config. Commands that
// only read leave it as it is; the first writer registers them.
TEST_F(GitTest, ReadersCreateNothingInACloneAndAWriterRegistersTheDrivers) {
  init();
  const fs::path clone = tmp / "c" / "data";
  fs::create_directories(tmp / "c" / "home");
  ASSERT_EQ(
      git_in(tmp.path(), tmp / "c" / "home", {"clone", "-q", m.data().string(), clone.string()})
          .exit_code,
      0);
  Machine c{tmp / "c"};
  const std::string config = read_file(clone / ".git" / "config");
  const std::vector<std::vector<std::string>> readers = {
      {"due"},    {"list"},  {"show", "ada"}, {"pitch", "ada"},           {"me"},
      {"config"}, {"stats"}, {"doctor"},      {"show", "grace", "--json"}};
  for (const auto& args : readers) {
    c.kith.ok(args);
    EXPECT_EQ(read_file(clone / ".git" / "config"), config) << "kith " << args.front();
  }
  EXPECT_EQ(c.git({"config", "merge.kith-log.driver"}).exit_code, 1);
  EXPECT_EQ(c.status(), "");

  c.kith.ok({"log", "ada", "-q"});
  EXPECT_NE(c.git_ok({"config", "merge.kith-log.driver"}).find("__merge log"), std::string::npos);
  EXPECT_NE(c.git_ok({"config", "merge.kith-json.driver"}).find("__merge json"), std::string::npos);
  EXPECT_EQ(c.status(), "");
}

TEST_F(GitTest, AStaleDriverPathIsReplacedByAWriterOrKithGitNotByAReader) {
  init();
  const std::string current =
      "'" + fs::canonical(kith_binary()).string() + "' __merge log %O %A %B %P\n";
  m.git_ok({"config", "merge.kith-log.driver", "'/old/kith' __merge log %O %A %B %P"});
  kith.ok({"due"});
  EXPECT_EQ(m.git_ok({"config", "merge.kith-log.driver"}), "'/old/kith' __merge log %O %A %B %P\n");
  kith.ok({"edit", "ada", "--tag", "x", "-q"});
  EXPECT_EQ(m.git_ok({"config", "merge.kith-log.driver"}), current);
  // `kith git pull` in a clone merges through them: kith git registers too.
  m.git_ok({"config", "merge.kith-log.driver", "'/old/kith' __merge log %O %A %B %P"});
  kith.ok({"git", "status", "--short"});
  EXPECT_EQ(m.git_ok({"config", "merge.kith-log.driver"}), current);
  EXPECT_EQ(m.status(), "");
}

TEST_F(GitTest, InitStartsOnMainWithoutHints) {
  Machine fresh{tmp / "fresh"};
  fresh.kith.ok({"add", "Ada Lovelace", "-q"});
  const RunResult r = fresh.kith.ok({"git", "init"});
  EXPECT_EQ(r.err.find("hint:"), std::string::npos) << r.err;
  EXPECT_EQ(r.out.find("hint:"), std::string::npos) << r.out;
  EXPECT_EQ(fresh.git_ok({"symbolic-ref", "--short", "HEAD"}), "main\n");
  Machine named{tmp / "named"};
  named.kith.ok({"git", "init", "-q", "-b", "trunk"});
  EXPECT_EQ(named.git_ok({"symbolic-ref", "--short", "HEAD"}), "trunk\n");
}

TEST_F(GitTest, CommandsThatChangeTheWorkTreeWaitForTheWriteLockAndOthersDoNot) {
  init();
  const int fd = ::open((m.data() / ".lock").c_str(), O_RDWR | O_CREAT, 0600);
  ASSERT_GE(fd, 0);
  ASSERT_EQ(::flock(fd, LOCK_EX), 0);  // another kith is writing
  const Kith waiting = Kith(kith).env("KITH_LOCK_TIMEOUT", "0.2");
  const int commits = m.commit_count();
  for (const auto& args :
       std::vector<std::vector<std::string>>{{"git", "commit", "--allow-empty", "-q", "-m", "x"},
                                             {"git", "-c", "user.name=x", "reset", "--hard"},
                                             {"git", "checkout", "-q", "-b", "other"}}) {
    const RunResult r = waiting.run(args);
    EXPECT_EQ(r.exit_code, 1) << args[1];
    EXPECT_NE(r.err.find("lock"), std::string::npos) << r.err;
  }
  EXPECT_EQ(m.commit_count(), commits);
  EXPECT_EQ(m.git_ok({"symbolic-ref", "--short", "HEAD"}), "main\n");
  waiting.ok({"git", "log", "--oneline"});
  waiting.ok({"git", "status"});
  ::close(fd);
  waiting.ok({"git", "-c", "user.name=T", "-c", "user.email=t@example.org", "commit",
              "--allow-empty", "-q", "-m", "now"});
  EXPECT_EQ(m.commit_count(), commits + 1);
}

}  // namespace
}  // namespace kith::test::git_test
