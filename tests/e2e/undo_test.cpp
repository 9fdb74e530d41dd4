// End-to-end: `kith undo` after each writing command puts the records back
// as they were, `--redo` as the command left them; a second undo goes one
// change further back; a file changed since is never overwritten; in git the
// undo is a commit of its own and the journal is never committed.
#include <gtest/gtest.h>

#include "support/gitutil.h"
#include "support/testutil.h"

namespace kith::test::undo_test {
namespace {

using Json = nlohmann::ordered_json;

class UndoTest : public ::testing::Test {
 protected:
  TempDir tmp;
  Kith kith = Kith(tmp / "data").today("2026-11-20");
  fs::path data = tmp / "data";

  void SetUp() override {
    kith.ok({"add", "Ada Lovelace", "--skill", "math", "-q"});
    kith.ok({"add", "Grace Hopper", "--company", "Navy", "-q"});
    write_file(data / "log/2026-11.jsonl", [] {
      Json line =
          interaction("20261102T100000Z-aaaa01", "2026-11-02", {"ada-lovelace", "grace-hopper"});
      line["follow_up"] = {{"text", "Send the paper"}, {"by", "2026-11-10"}};
      return line.dump() + "\n";
    }() + log_line("20261103T100000Z-bbbb02", "2026-11-03", {"grace-hopper"}));
    kith.ok({"me", "--name", "Me Myself", "-q"});
  }
};

struct Row {
  std::string name;
  std::vector<std::vector<std::string>> before;  // commands run first
  std::vector<std::string> args;                 // the change to undo
  std::string message;                           // what undo says it undid
};

TEST_F(UndoTest, EveryWritingCommandIsUndoneToTheRecordsBeforeAndRedoneToTheRecordsAfter) {
  write_file(tmp / "people.csv", "name,email\nLin Wu,lin@example.org\nAda Lovelace,\n");
  write_file(tmp / "Connections.csv",
             "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
             "Sam,Ortiz,https://www.linkedin.com/in/samortiz,,Initech,CTO,12 Mar 2024\n");
  const std::vector<Row> rows = {
      {"add", {}, {"add", "New Person", "--tag", "x"}, "add: new-person"},
      {"edit", {}, {"edit", "ada", "--company", "Acme", "--note", "Two\nlines"}, "edit: ada"},
      {"edit me", {}, {"edit", "me", "--company", "Acme"}, "edit: me"},
      {"edit interaction",
       {},
       {"edit", "bbbb02", "--date", "2026-10-15", "--give"},
       "edit: 20261103T100000Z-bbbb02"},
      {"log", {}, {"log", "ada", "grace", "--give", "--date", "2026-10-01"}, "log: other with"},
      {"done", {}, {"done", "aaaa01"}, "done: 20261102T100000Z-aaaa01"},
      {"done contact", {}, {"done", "ada"}, "done: 20261102T100000Z-aaaa01"},
      {"rm", {}, {"rm", "grace"}, "rm: grace-hopper"},
      {"restore", {{"rm", "grace", "-q"}}, {"restore", "grace"}, "restore: grace-hopper"},
      {"rm --purge", {}, {"rm", "--purge", "--yes", "grace"}, "rm --purge: grace-hopper"},
      {"rm interaction", {}, {"rm", "bbbb02", "--yes"}, "rm: 20261103T100000Z-bbbb02"},
      {"snooze", {}, {"snooze", "ada", "--until", "2027-01-01"}, "snooze: ada-lovelace"},
      {"unsnooze",
       {{"snooze", "ada", "--until", "2027-01-01", "-q"}},
       {"unsnooze", "ada"},
       "unsnooze: ada-lovelace"},
      {"merge", {}, {"merge", "ada", "grace", "--yes"}, "merge: grace-hopper into ada-lovelace"},
      {"import csv", {}, {"import", "csv", (tmp / "people.csv").string()}, "import"},
      {"import linkedin", {}, {"import", "linkedin", (tmp / "Connections.csv").string()}, "import"},
      {"me", {}, {"me", "--skill", "rust", "--interest", "chess"}, "me: profile"},
      {"config", {}, {"config", "every", "2m"}, "config"},
  };
  const fs::path base = tmp / "base";
  fs::copy(data, base, fs::copy_options::recursive);
  for (const Row& row : rows) {
    SCOPED_TRACE(row.name);
    fs::remove_all(data);
    fs::copy(base, data, fs::copy_options::recursive);
    for (const auto& step : row.before) kith.ok(step);
    const auto before = record_files(data);
    kith.ok(row.args);
    const auto after = record_files(data);
    ASSERT_NE(after, before);

    const RunResult undone = kith.ok({"undo"});
    EXPECT_NE(undone.err.find("kith: undid \"" + row.message), std::string::npos) << undone.err;
    EXPECT_EQ(undone.out, "");
    EXPECT_EQ(record_files(data), before);
    kith.ok({"doctor"});

    const RunResult redone = kith.ok({"undo", "--redo"});
    EXPECT_NE(redone.err.find("kith: redid \"" + row.message), std::string::npos) << redone.err;
    EXPECT_EQ(record_files(data), after);
    kith.ok({"doctor"});
  }
}

TEST_F(UndoTest, ASecondUndoUndoesTheChangeBeforeAndRedoGoesForwardInOrder) {
  const auto s0 = record_files(data);
  kith.ok({"log", "ada", "--give", "-q"});
  const auto s1 = record_files(data);
  kith.ok({"edit", "ada", "--role", "Analyst", "-q"});
  const auto s2 = record_files(data);
  kith.ok({"snooze", "grace", "--until", "2027-01-01", "-q"});
  const auto s3 = record_files(data);

  kith.ok({"undo"});
  EXPECT_EQ(record_files(data), s2);
  kith.ok({"undo"});
  EXPECT_EQ(record_files(data), s1);
  kith.ok({"undo"});
  EXPECT_EQ(record_files(data), s0);
  const auto list = kith.ok({"undo", "--list", "--json"}).json();
  ASSERT_GE(list.size(), 3u);
  EXPECT_EQ(list[0]["message"], "snooze: grace-hopper");
  EXPECT_EQ(list[0]["undone"], true);
  EXPECT_EQ(list[2]["undone"], true);
  EXPECT_EQ(list[3]["undone"], false);  // `me` in SetUp, still made

  kith.ok({"undo", "--redo"});
  EXPECT_EQ(record_files(data), s1);
  kith.ok({"undo", "--redo"});
  EXPECT_EQ(record_files(data), s2);
  // A new change ends the redo: the snooze stays undone.
  kith.ok({"log", "grace", "-q"});
  const RunResult none = kith.run({"undo", "--redo"});
  EXPECT_EQ(none.exit_code, 2);
  EXPECT_NE(none.err.find("nothing to redo"), std::string::npos) << none.err;
  EXPECT_FALSE(kith.ok({"show", "grace", "--json"}).json()["snoozed_until"].is_string());
}

TEST_F(UndoTest, AFileChangedSinceIsNeverOverwrittenAndTheErrorNamesIt) {
  kith.ok({"log", "ada", "--note", "coffee", "-q"});
  std::string month = read_file(data / "log/2026-11.jsonl");
  month += log_line("20261119T100000Z-cccc03", "2026-11-19", {"ada-lovelace"});
  write_file(data / "log/2026-11.jsonl", month);
  const auto before = tree_with_contents(data);
  const RunResult r = kith.run({"undo"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("kith: error: log/2026-11.jsonl changed after \"log: other with "
                       "ada-lovelace\""),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("nothing was changed"), std::string::npos) << r.err;
  EXPECT_EQ(tree_with_contents(data), before);
}

TEST_F(UndoTest, NothingToUndoExitsTwoAndCreatesNothing) {
  TempDir fresh;
  Kith empty{fresh / "none"};
  for (const auto& args : std::vector<std::vector<std::string>>{{"undo"}, {"undo", "--redo"}}) {
    const RunResult r = empty.run(args);
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("kith: error: nothing to"), std::string::npos) << r.err;
  }
  EXPECT_EQ(empty.ok({"undo", "--list", "--json"}).out, "[]\n");
  EXPECT_FALSE(fs::exists(fresh / "none"));
  const RunResult both = kith.run({"undo", "--redo", "--list"});
  EXPECT_EQ(both.exit_code, 2);
}

TEST_F(UndoTest, JsonSaysWhatWasUndoneAndWhichFilesCameBack) {
  kith.ok({"rm", "--purge", "--yes", "grace", "-q"});
  const Json j = kith.ok({"undo", "--json"}).json();
  EXPECT_EQ(j["undone"], "rm --purge: grace-hopper");
  EXPECT_EQ(j["restored"], Json::array({"contacts/grace-hopper.json", "log/2026-11.jsonl"}));
  EXPECT_EQ(j["removed"], Json::array());
  EXPECT_TRUE(j["at"].is_string());
  const Json again = kith.ok({"undo", "--redo", "--json"}).json();
  EXPECT_EQ(again["redone"], "rm --purge: grace-hopper");
  EXPECT_EQ(again["removed"], Json::array({"contacts/grace-hopper.json"}));
}

TEST_F(UndoTest, ClearForgetsTheJournalSoAPurgeLeavesNoCopy) {
  kith.ok({"rm", "--purge", "--yes", "grace", "-q"});
  const RunResult cleared = kith.ok({"undo", "--clear"});
  EXPECT_NE(cleared.err.find("forgot 4 changes"), std::string::npos) << cleared.err;
  EXPECT_FALSE(fs::exists(data / ".undo"));
  const RunResult r = kith.run({"undo"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("nothing to undo"), std::string::npos) << r.err;
}

TEST_F(UndoTest, KeepsTheLastTwentyChanges) {
  for (int k = 0; k < 22; ++k) kith.ok({"add", "Person " + std::to_string(k), "-q"});
  EXPECT_EQ(kith.ok({"undo", "--list", "--json"}).json().size(), 20u);
  for (int k = 0; k < 20; ++k) kith.ok({"undo", "-q"});
  const RunResult r = kith.run({"undo"});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_TRUE(fs::exists(data / "contacts/person-1.json"));
  EXPECT_FALSE(fs::exists(data / "contacts/person-2.json"));
}

TEST_F(UndoTest, InGitTheUndoIsACommitOfItsOwnAndTheJournalIsNeverCommitted) {
  Machine m(tmp / "git");
  m.kith.ok({"add", "Ada Lovelace", "-q"});
  m.kith.ok({"git", "init", "-q"});
  m.kith.ok({"log", "ada", "--give", "-q"});
  m.kith.ok({"undo"});
  EXPECT_EQ(m.last_subject(), "undo: log: other with ada-lovelace (give)");
  EXPECT_EQ(m.status(), "");
  EXPECT_EQ(m.git_ok({"ls-files", "--", ".undo"}), "");
  EXPECT_NE(read_file(m.data() / ".gitignore").find("/.undo/\n"), std::string::npos);
  EXPECT_NE(read_file(m.data() / ".git/info/exclude").find("/.undo/\n"), std::string::npos);
  m.kith.ok({"undo", "--redo"});
  EXPECT_EQ(m.last_subject(), "redo: log: other with ada-lovelace (give)");
  EXPECT_EQ(m.status(), "");
}

}  // namespace
}  // namespace kith::test::undo_test
