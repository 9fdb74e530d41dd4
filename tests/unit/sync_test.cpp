#include "core/sync.h"

#include <algorithm>
#include <deque>
#include <map>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "core/merge.h"
#include "support/testutil.h"

namespace kith::sync_test {
namespace {

using Strings = std::vector<std::string>;
using test::read_file;
using test::TempDir;
using test::write_file;
namespace fs = std::filesystem;

git::Run exits(int code, std::string out = {}, std::string err = {}) {
  return git::Run{code, std::move(out), std::move(err)};
}

// A git that answers from a script: each command line (the arguments joined
// by spaces) gets its answers in turn, the last one again and again. A
// command with no answer succeeds with no output. Every call is recorded.
class FakeGit {
 public:
  void on(const std::string& command, std::deque<git::Run> answers) {
    script_[command] = std::move(answers);
  }

  git::Client client() {
    return [this](const Strings& args) -> Result<git::Run> {
      std::string command;
      for (const auto& a : args) command += (command.empty() ? "" : " ") + a;
      calls.push_back(command);
      auto it = script_.find(command);
      if (it == script_.end()) return exits(0);
      git::Run r = it->second.front();
      if (it->second.size() > 1) it->second.pop_front();
      return r;
    };
  }

  bool called(const std::string& command) const {
    return std::find(calls.begin(), calls.end(), command) != calls.end();
  }
  // Where `command` was first called; calls.size() when it never was.
  std::size_t position(const std::string& command) const {
    return static_cast<std::size_t>(std::find(calls.begin(), calls.end(), command) - calls.begin());
  }

  Strings calls;

 private:
  std::map<std::string, std::deque<git::Run>> script_;
};

const std::string kMerge = "merge --no-edit --no-stat --quiet refs/remotes/origin/main";
const std::string kPush = "push --quiet origin HEAD:refs/heads/main";

// A repository on branch main, tracking origin/main, with an identity, no
// pending change and no merge in progress; both sides have commits.
class SyncProtocol : public testing::Test {
 protected:
  TempDir tmp;
  FakeGit git;

  void SetUp() override {
    git.on("rev-parse --verify --quiet MERGE_HEAD", {exits(1)});
    git.on("symbolic-ref --quiet --short HEAD", {exits(0, "main\n")});
    git.on("status --porcelain", {exits(0)});
    git.on("config --get user.name", {exits(0, "Ada\n")});
    git.on("config --get user.email", {exits(0, "ada@example.org\n")});
    git.on("config --get branch.main.remote", {exits(0, "origin\n")});
    git.on("config --get branch.main.merge", {exits(0, "refs/heads/main\n")});
    git.on("rev-parse --verify --quiet HEAD", {exits(0, "1111\n")});
    git.on("rev-parse --verify --quiet refs/remotes/origin/main", {exits(0, "2222\n")});
    git.on("log --no-merges --format=%s 1111..HEAD", {exits(0, "add: grace-hopper\n")});
    git.on("log --no-merges --format=%s refs/remotes/origin/main..HEAD",
           {exits(0, "log: ada-lovelace\nedit: ada-lovelace\n")});
  }

  sync::Outcome run() { return sync::run(git.client(), tmp.path(), "host"); }
};

TEST_F(SyncProtocol, HappyPathFetchesMergesAndPushesAndSaysWhat) {
  const sync::Outcome out = run();
  ASSERT_TRUE(out.status) << out.status.error().message;
  EXPECT_EQ(out.remote, "origin");
  EXPECT_FALSE(out.committed_pending);
  EXPECT_EQ(out.received, (Strings{"add: grace-hopper"}));
  EXPECT_EQ(out.sent, (Strings{"log: ada-lovelace", "edit: ada-lovelace"}));
  EXPECT_TRUE(out.settled.empty());
  EXPECT_TRUE(out.warnings.empty());
  EXPECT_LT(git.position("fetch --quiet origin"), git.position(kMerge));
  EXPECT_LT(git.position(kMerge), git.position(kPush));
  EXPECT_EQ(git.calls.back(), kPush);
}

TEST_F(SyncProtocol, PendingChangesAreCommittedFirst) {
  git.on("status --porcelain", {exits(0, "?? notes.txt\n")});
  const sync::Outcome out = run();
  ASSERT_TRUE(out.status) << out.status.error().message;
  EXPECT_TRUE(out.committed_pending);
  const std::string commit = "commit --quiet -m " + std::string(sync::kPendingMessage);
  EXPECT_LT(git.position("add -A"), git.position(commit));
  EXPECT_LT(git.position(commit), git.position("fetch --quiet origin"));
}

TEST_F(SyncProtocol, NothingToPushPushesNothing) {
  git.on("log --no-merges --format=%s 1111..HEAD", {exits(0)});
  git.on("log --no-merges --format=%s refs/remotes/origin/main..HEAD", {exits(0)});
  const sync::Outcome out = run();
  ASSERT_TRUE(out.status) << out.status.error().message;
  EXPECT_TRUE(out.received.empty());
  EXPECT_TRUE(out.sent.empty());
  EXPECT_FALSE(git.called(kPush));
}

TEST_F(SyncProtocol, AFetchFailureStopsBeforeAnythingIsMergedOrPushed) {
  git.on("fetch --quiet origin",
         {exits(128, "", "fatal: unable to access 'https://x/': Could not resolve host: x\n")});
  const sync::Outcome out = run();
  ASSERT_FALSE(out.status);
  EXPECT_EQ(out.status.error().kind, ErrorKind::data);
  EXPECT_EQ(out.status.error().message,
            "cannot fetch from 'origin': unable to access 'https://x/': Could not resolve host: x");
  EXPECT_NE(out.status.error().hint.find("nothing was changed"), std::string::npos);
  EXPECT_FALSE(git.called(kMerge));
  EXPECT_FALSE(git.called(kPush));
}

TEST_F(SyncProtocol, GitThatCannotStartIsAnError) {
  git::Client none = [](const Strings&) -> Result<git::Run> {
    return io_error("cannot run git: 'git' was not found in PATH");
  };
  const sync::Outcome out = sync::run(none, tmp.path(), "host");
  ASSERT_FALSE(out.status);
  EXPECT_EQ(out.status.error().kind, ErrorKind::io);
}

// ours deleted a month (a purge) that theirs appended to; theirs deleted a
// contact that ours edited. git runs no driver for either; kith settles them.
TEST_F(SyncProtocol, DeleteModifyConflictsInKithsFilesAreSettledAndTheMergeCommitted) {
  const std::string month = "log/2026-11.jsonl";
  const std::string record = "contacts/grace-hopper.json";
  const std::string a = R"({"id":"a","date":"2026-11-01","note":"n"})"
                        "\n";
  const std::string b = R"({"id":"b","date":"2026-11-05","note":"n"})"
                        "\n";
  // What git leaves in the work tree: the side that changed each file.
  write_file(tmp / record, "{\"id\": \"grace-hopper\"}\n");
  write_file(tmp / month, a + b);
  git.on(kMerge, {exits(1, "",
                        "kith: merge: contacts/ada-lovelace.json: 'company' differs\n"
                        "CONFLICT (modify/delete): log/2026-11.jsonl deleted in HEAD\n")});
  git.on("ls-files --unmerged -z",
         {exits(0, "100644 aaaa 1\t" + month + '\0' + "100644 bbbb 3\t" + month + '\0' +
                       "100644 cccc 1\t" + record + '\0' + "100644 dddd 2\t" + record + '\0')});
  git.on("show :1:" + month, {exits(0, a)});
  git.on("show :3:" + month, {exits(0, a + b)});
  git.on("diff --name-only --diff-filter=U", {exits(0)});
  git.on("rev-parse --verify --quiet MERGE_HEAD", {exits(1), exits(0, "3333\n")});

  const sync::Outcome out = run();
  ASSERT_TRUE(out.status) << out.status.error().message;
  EXPECT_EQ(out.settled, (Strings{record, month}));
  EXPECT_EQ(out.driver_notes,
            (Strings{"kith: merge: contacts/ada-lovelace.json: 'company' differs"}));
  // The month: the purged line stays purged, the appended one is kept.
  EXPECT_EQ(read_file(tmp / month), merge::merge_log(a, "", a + b, month).text);
  EXPECT_EQ(read_file(tmp / month), b);
  EXPECT_TRUE(git.called("add -- " + month));
  // The record: kept deleted, and said so.
  EXPECT_FALSE(fs::exists(tmp / record));
  EXPECT_TRUE(git.called("rm --quiet --cached --ignore-unmatch -- " + record));
  ASSERT_EQ(out.warnings.size(), 1u);
  EXPECT_EQ(out.warnings[0],
            "merge: " + record + " was deleted on one side and changed on the other: kept deleted");
  EXPECT_LT(git.position("add -- " + month), git.position("commit --quiet --no-edit"));
  EXPECT_TRUE(git.called(kPush));
}

TEST_F(SyncProtocol, AConflictInAnotherFileStopsWithTheMergeLeftInPlace) {
  git.on(kMerge, {exits(1)});
  git.on("ls-files --unmerged -z", {exits(0, std::string("100644 aaaa 2\tnotes.txt") + '\0' +
                                                 "100644 bbbb 3\tnotes.txt" + '\0')});
  git.on("diff --name-only --diff-filter=U", {exits(0, "notes.txt\n")});
  const sync::Outcome out = run();
  ASSERT_FALSE(out.status);
  EXPECT_EQ(out.status.error().message, "the merge with 'origin' has conflicts in: notes.txt");
  EXPECT_TRUE(out.settled.empty());
  EXPECT_FALSE(git.called("commit --quiet --no-edit"));
  EXPECT_FALSE(git.called(kPush));
}

TEST_F(SyncProtocol, AMergeInProgressIsRefused) {
  git.on("rev-parse --verify --quiet MERGE_HEAD", {exits(0, "3333\n")});
  const sync::Outcome out = run();
  ASSERT_FALSE(out.status);
  EXPECT_NE(out.status.error().message.find("a merge is in progress"), std::string::npos);
  EXPECT_FALSE(git.called("fetch --quiet origin"));
}

TEST_F(SyncProtocol, WithoutARemoteItSaysHowToAddOne) {
  git.on("config --get branch.main.remote", {exits(1)});
  git.on("remote", {exits(0)});
  const sync::Outcome out = run();
  ASSERT_FALSE(out.status);
  EXPECT_EQ(out.status.error().message, "the data directory has no git remote to sync with");
  EXPECT_FALSE(git.called("fetch --quiet origin"));
}

TEST_F(SyncProtocol, TheFirstPushToAnEmptyRemoteSetsTheUpstream) {
  git.on("config --get branch.main.remote", {exits(1)});
  git.on("remote", {exits(0, "backup\norigin\n")});
  git.on("rev-parse --verify --quiet refs/remotes/origin/main", {exits(1)});
  git.on("log --no-merges --format=%s HEAD", {exits(0, "add: ada-lovelace\n")});
  const sync::Outcome out = run();
  ASSERT_TRUE(out.status) << out.status.error().message;
  EXPECT_EQ(out.remote, "origin");
  EXPECT_TRUE(out.received.empty());
  EXPECT_EQ(out.sent, (Strings{"add: ada-lovelace"}));
  EXPECT_FALSE(git.called(kMerge));
  EXPECT_TRUE(git.called("push --quiet --set-upstream origin HEAD:refs/heads/main"));
  EXPECT_TRUE(git.called("config branch.main.remote origin"));
  EXPECT_TRUE(git.called("config branch.main.merge refs/heads/main"));
}

TEST(KithMerges, OwnsItsRecordsAndMonthsOnly) {
  for (const char* path : {"log/2026-11.jsonl", "contacts/ada.json", "me.json", "kith.json"}) {
    EXPECT_TRUE(sync::kith_merges(path)) << path;
  }
  for (const char* path : {"notes.txt", "log/x/2026-11.jsonl", "contacts/a/b.json", ".gitignore"}) {
    EXPECT_FALSE(sync::kith_merges(path)) << path;
  }
}

}  // namespace
}  // namespace kith::sync_test
