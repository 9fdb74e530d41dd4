// End-to-end: two machines and a bare remote in a temp directory, synced
// with `kith sync` through real git. Whatever each side did, both end with
// the same data, no conflict markers, a working `kith due` and a clean
// `git status`.
#include <map>
#include <set>
#include <sstream>

#include <gtest/gtest.h>

#include "support/gitutil.h"

namespace kith::test::git_sync_test {
namespace {

using Json = nlohmann::ordered_json;

class SyncTest : public ::testing::Test {
 protected:
  TempDir tmp;
  fs::path remote = tmp / "remote.git";
  Machine a{tmp / "a"};
  Machine b{tmp / "b"};

  void SetUp() override {
    ASSERT_EQ(git_in(tmp.path(), a.home(),
                     {"init", "-q", "--bare", "--initial-branch=main", remote.string()})
                  .exit_code,
              0);
    a.kith.ok({"add", "Ada Lovelace", "--skill", "math", "--tag", "x", "-q"});
    a.kith.ok({"add", "Grace Hopper", "--interest", "math", "-q"});
    a.kith.ok({"log", "ada", "grace", "--date", "2026-11-01", "--note", "first", "-q"});
    a.kith.ok({"git", "init", "-q"});
    a.kith.ok({"git", "remote", "add", "origin", remote.string()});
    auto r = a.kith.ok({"sync"});
    EXPECT_NE(r.out.find("Sent"), std::string::npos) << r.out;
    ASSERT_EQ(
        git_in(tmp.path(), b.home(), {"clone", "-q", remote.string(), b.data().string()}).exit_code,
        0);
  }

  // Syncs a, then b, then a again: both have everything.
  void sync_all() {
    a.kith.ok({"sync"});
    b.kith.ok({"sync"});
    a.kith.ok({"sync"});
  }

  void expect_same_and_clean() {
    for (const Machine* m : {&a, &b}) {
      EXPECT_EQ(m->status(), "") << m->root;
      for (const auto& [rel, content] : record_files(m->data())) {
        EXPECT_EQ(content.find("<<<<<<<"), std::string::npos) << rel << ":\n" << content;
        EXPECT_EQ(content.find(">>>>>>>"), std::string::npos) << rel << ":\n" << content;
      }
      m->kith.ok({"due"});
      m->kith.ok({"doctor"});
    }
    EXPECT_EQ(record_files(a.data()), record_files(b.data()));
    // Each machine keeps its undo journal; git never carries it.
    EXPECT_TRUE(fs::is_directory(a.data() / ".undo"));
    EXPECT_EQ(a.git_ok({"ls-files", "--", ".undo"}), "");
    EXPECT_EQ(b.git_ok({"ls-files", "--", ".undo"}), "");
    EXPECT_EQ(a.kith.ok({"list", "--all", "--json"}).out,
              b.kith.ok({"list", "--all", "--json"}).out);
    EXPECT_EQ(a.kith.ok({"due", "--json"}).out, b.kith.ok({"due", "--json"}).out);
    EXPECT_EQ(a.git_ok({"rev-parse", "HEAD"}), b.git_ok({"rev-parse", "HEAD"}));
  }

  static std::vector<Json> interactions(const Machine& m) {
    const Json shown = m.kith.ok({"show", "ada", "--json"}).json();
    return std::vector<Json>(shown["interactions"].begin(), shown["interactions"].end());
  }
};

TEST_F(SyncTest, AFreshCloneSyncsWithNothingToDo) {
  auto r = b.kith.ok({"sync"});
  EXPECT_EQ(r.out, "Up to date with origin.\n");
  expect_same_and_clean();
}

TEST_F(SyncTest, ConcurrentLogsInTheSameMonthAreAllKept) {
  a.kith.ok({"log", "ada", "--kind", "coffee", "--date", "2026-11-20", "--note", "from a", "-q"});
  b.kith.ok({"log", "ada", "--kind", "lunch", "--date", "2026-11-10", "--note", "from b", "-q"});
  b.kith.ok({"log", "grace", "--give", "--date", "2026-11-24", "-q"});
  auto first = a.kith.ok({"sync"});
  EXPECT_NE(first.out.find("Sent 1 change to origin:\n  log: coffee with ada-lovelace"),
            std::string::npos)
      << first.out;
  auto second = b.kith.ok({"sync"});
  EXPECT_NE(second.out.find("Received 1 change from origin:\n  log: coffee with ada-lovelace"),
            std::string::npos)
      << second.out;
  EXPECT_NE(second.out.find("Sent 2 changes to origin:"), std::string::npos) << second.out;
  a.kith.ok({"sync"});
  expect_same_and_clean();
  const std::string month = read_file(a.data() / "log" / "2026-11.jsonl");
  EXPECT_EQ(std::count(month.begin(), month.end(), '\n'), 4) << month;
  // Sorted by date.
  EXPECT_LT(month.find("first"), month.find("from b"));
  EXPECT_LT(month.find("from b"), month.find("from a"));
  EXPECT_EQ(interactions(a).size(), 3u);
}

TEST_F(SyncTest, ConcurrentAddsAreBothKept) {
  a.kith.ok({"add", "Alan Turing", "-q"});
  b.kith.ok({"add", "Katherine Johnson", "-q"});
  b.kith.ok({"add", "Alan Turing", "--email", "alan@example.org", "-q"});  // the same id
  sync_all();
  expect_same_and_clean();
  auto list = a.kith.ok({"list", "--json"}).json();
  ASSERT_EQ(list.size(), 4u);
  auto alan = read_json(a.data() / "contacts" / "alan-turing.json");
  EXPECT_EQ(alan["emails"], Json::array({"alan@example.org"}));
}

TEST_F(SyncTest, EditsOfDifferentFieldsOfOneContactAreBothKept) {
  a.kith.ok({"edit", "ada", "--company", "Analytical Engines", "--tag", "from-a", "-q"});
  b.kith.ok({"edit", "ada", "--role", "Analyst", "--tag", "from-b", "--untag", "x", "-q"});
  sync_all();
  expect_same_and_clean();
  auto ada = read_json(a.data() / "contacts" / "ada-lovelace.json");
  EXPECT_EQ(ada["company"], "Analytical Engines");
  EXPECT_EQ(ada["role"], "Analyst");
  // b merged: its list first, then what a added; x, removed by b, stays removed.
  EXPECT_EQ(ada["tags"], Json::array({"from-b", "from-a"}));
  // Written as kith writes it.
  const std::string text = read_file(a.data() / "contacts" / "ada-lovelace.json");
  EXPECT_EQ(text, ada.dump(2) + "\n");
}

TEST_F(SyncTest, TheSameFieldEditedOnBothSidesKeepsTheMergingSidesValueAndSaysSo) {
  a.kith.ok({"edit", "ada", "--company", "Company A", "-q"});
  b.kith.ok({"edit", "ada", "--company", "Company B", "-q"});
  a.kith.ok({"sync"});
  auto r = b.kith.ok({"sync"});
  EXPECT_NE(r.err.find("kith: warning: merge: contacts/ada-lovelace.json: 'company'"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("Company B"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("Company A"), std::string::npos) << r.err;
  a.kith.ok({"sync"});
  expect_same_and_clean();
  EXPECT_EQ(read_json(a.data() / "contacts" / "ada-lovelace.json")["company"], "Company B");
}

TEST_F(SyncTest, APurgeOnOneSideWithAppendsOnTheOther) {
  a.kith.ok({"rm", "grace", "--purge", "--yes", "-q"});
  b.kith.ok({"log", "ada", "--date", "2026-11-05", "--note", "after", "-q"});
  b.kith.ok({"edit", "ada", "--company", "Engines", "-q"});
  sync_all();
  expect_same_and_clean();
  EXPECT_FALSE(fs::exists(a.data() / "contacts" / "grace-hopper.json"));
  const std::string month = read_file(b.data() / "log" / "2026-11.jsonl");
  EXPECT_EQ(month.find("grace-hopper"), std::string::npos) << month;
  EXPECT_NE(month.find("after"), std::string::npos) << month;
  EXPECT_NE(month.find("first"), std::string::npos) << month;  // kept, without grace
  EXPECT_EQ(interactions(b).size(), 2u);
}

TEST_F(SyncTest, APurgeThatEmptiesAMonthAgainstAnAppendToThatMonth) {
  a.kith.ok({"log", "grace", "--date", "2026-10-10", "--note", "only grace", "-q"});
  sync_all();
  a.kith.ok({"rm", "grace", "--purge", "--yes", "-q"});
  ASSERT_FALSE(fs::exists(a.data() / "log" / "2026-10.jsonl"));
  b.kith.ok({"log", "ada", "--date", "2026-10-15", "--note", "october ada", "-q"});
  sync_all();
  expect_same_and_clean();
  const std::string month = read_file(a.data() / "log" / "2026-10.jsonl");
  EXPECT_EQ(month.find("only grace"), std::string::npos) << month;
  EXPECT_NE(month.find("october ada"), std::string::npos) << month;
}

TEST_F(SyncTest, APurgeAgainstAnEditOfTheSameContactKeepsItPurged) {
  a.kith.ok({"rm", "grace", "--purge", "--yes", "-q"});
  b.kith.ok({"edit", "grace", "--company", "Navy", "-q"});
  a.kith.ok({"sync"});
  auto r = b.kith.ok({"sync"});
  EXPECT_NE(r.err.find("kith: warning: merge: contacts/grace-hopper.json was deleted on one side "
                       "and changed on the other: kept deleted"),
            std::string::npos)
      << r.err;
  a.kith.ok({"sync"});
  expect_same_and_clean();
  EXPECT_FALSE(fs::exists(b.data() / "contacts" / "grace-hopper.json"));
}

TEST_F(SyncTest, ADoneOnOneSideAndALogOnTheOther) {
  a.kith.ok({"log", "ada", "--date", "2026-11-02", "--follow-up", "send the paper", "--by",
             "2026-11-20", "-q"});
  sync_all();
  const std::string id = a.kith.ok({"due", "--json"}).json()["follow_ups"][0]["id"];
  a.kith.ok({"done", id, "-q"});
  b.kith.ok({"log", "grace", "--date", "2026-11-03", "-q"});
  sync_all();
  expect_same_and_clean();
  EXPECT_TRUE(b.kith.ok({"due", "--json"}).json()["follow_ups"].empty());
}

TEST_F(SyncTest, WithoutARemoteItFailsClearly) {
  Machine c{tmp / "c"};
  c.kith.ok({"add", "Ada Lovelace", "-q"});
  c.kith.ok({"git", "init", "-q"});
  auto r = c.kith.run({"sync"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("kith: error: the data directory has no git remote"), std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("kith: hint: add one: `kith git remote add origin URL`"), std::string::npos)
      << r.err;
  EXPECT_EQ(r.out, "");
}

TEST_F(SyncTest, OutsideARepositoryItFailsClearly) {
  Machine c{tmp / "c"};
  c.kith.ok({"add", "Ada Lovelace", "-q"});
  auto r = c.kith.run({"sync"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("is not a git repository"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("kith git init"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(c.data() / ".git"));
}

TEST_F(SyncTest, AnUnreachableRemoteFailsAndChangesNothing) {
  fs::rename(remote, tmp / "elsewhere.git");
  a.kith.ok({"log", "ada", "-q"});
  const std::string head = a.git_ok({"rev-parse", "HEAD"});
  auto r = a.kith.run({"sync"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("kith: error: cannot fetch from 'origin'"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("kith: hint: check the network"), std::string::npos) << r.err;
  EXPECT_EQ(a.git_ok({"rev-parse", "HEAD"}), head);
  EXPECT_EQ(a.status(), "");
}

TEST_F(SyncTest, ChangesMadeOutsideKithAreCommittedFirst) {
  write_file(a.data() / "notes.txt", "mine\n");
  auto r = a.kith.ok({"sync"});
  EXPECT_NE(r.out.find("sync: changes made outside kith"), std::string::npos) << r.out;
  b.kith.ok({"sync"});
  EXPECT_EQ(read_file(b.data() / "notes.txt"), "mine\n");
}

TEST_F(SyncTest, AConflictInAFileKithDoesNotOwnIsReported) {
  write_file(a.data() / "notes.txt", "from a\n");
  write_file(b.data() / "notes.txt", "from b\n");
  a.kith.ok({"sync"});
  auto r = b.kith.run({"sync"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("kith: error: the merge with 'origin' has conflicts in: notes.txt"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("merge --abort"), std::string::npos) << r.err;
  // Left for the user to resolve, and sync says so until it is.
  EXPECT_NE(b.status().find("notes.txt"), std::string::npos);
  r = b.kith.run({"sync"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("a merge is in progress"), std::string::npos) << r.err;
  b.kith.ok({"git", "merge", "--abort"});
}

TEST_F(SyncTest, TheFirstPushSetsTheUpstream) {
  EXPECT_EQ(a.git_ok({"rev-parse", "--abbrev-ref", "@{u}"}),
            "origin/" + Machine::trimmed(a.git_ok({"symbolic-ref", "--short", "HEAD"})) + "\n");
}

// Every id named by an interaction in a machine's log.
std::set<std::string> logged_ids(const Machine& m) {
  std::set<std::string> ids;
  for (const auto& entry : fs::directory_iterator(m.data() / "log")) {
    std::istringstream in(read_file(entry.path()));
    for (std::string line; std::getline(in, line);) {
      const Json j = Json::parse(line);
      for (const auto& id : j["contacts"]) ids.insert(id.get<std::string>());
    }
  }
  return ids;
}

TEST_F(SyncTest, AnInteractionLoggedUnderAMergedIdElsewhereLandsOnTheContactKept) {
  a.kith.ok({"add", "Ada L.", "--id", "ada-l", "--email", "ada@work.example", "-q"});
  a.kith.ok({"log", "ada-l", "--date", "2026-10-02", "--note", "october", "-q"});
  sync_all();
  // a merges ada-l into ada-lovelace; b, not synced since, logs with ada-l in
  // a month a rewrote (October) and in one a did not touch (November).
  a.kith.ok({"merge", "ada-lovelace", "ada-l", "--yes", "-q"});
  b.kith.ok(
      {"log", "ada-l", "grace-hopper", "--date", "2026-10-20", "--note", "b in october", "-q"});
  b.kith.ok({"log", "ada-l", "--give", "--date", "2026-11-20", "--note", "b in november", "-q"});
  a.kith.ok({"sync"});
  auto r = b.kith.ok({"sync"});
  EXPECT_NE(r.err.find("kith: 2 interactions logged under the id of a merged contact now name the "
                       "contact kept"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(logged_ids(b), (std::set<std::string>{"ada-lovelace", "grace-hopper"}));
  EXPECT_FALSE(fs::exists(b.data() / "contacts/ada-l.json"));
  a.kith.ok({"sync"});
  expect_same_and_clean();
  std::vector<std::string> notes;
  for (const auto& i : interactions(a)) notes.push_back(i.value("note", ""));
  EXPECT_EQ(notes, (std::vector<std::string>{"b in november", "first", "b in october", "october"}));
  // On b the merged id now finds the contact kept.
  b.kith.ok({"log", "ada-l", "--note", "after the sync", "-q"});
  EXPECT_EQ(b.kith.ok({"show", "ada-l", "--json"}).json()["id"], "ada-lovelace");
  EXPECT_EQ(logged_ids(b), (std::set<std::string>{"ada-lovelace", "grace-hopper"}));
}

TEST_F(SyncTest, TheMachineThatMergedRewritesWhatComesInUnderTheMergedId) {
  a.kith.ok({"add", "Ada L.", "--id", "ada-l", "-q"});
  a.kith.ok({"log", "ada-l", "--date", "2026-11-02", "--note", "before", "-q"});
  sync_all();
  // b logs and syncs first; a merges before it has pulled that.
  b.kith.ok({"log", "ada-l", "--date", "2026-11-21", "--note", "from b", "-q"});
  b.kith.ok({"log", "ada-l", "--date", "2026-09-21", "--note", "b in september", "-q"});
  b.kith.ok({"sync"});
  a.kith.ok({"merge", "ada-lovelace", "ada-l", "--yes", "-q"});
  a.kith.ok({"sync"});
  EXPECT_EQ(logged_ids(a), (std::set<std::string>{"ada-lovelace", "grace-hopper"}));
  b.kith.ok({"sync"});
  expect_same_and_clean();
  EXPECT_EQ(interactions(b).size(), 4u);
}

TEST_F(SyncTest, APurgeMeetingLogsFromTheOtherMachineLeavesThePurgedOutAndListsEach) {
  b.kith.ok({"sync"});
  a.kith.ok({"add", "Dmitri Volkov", "-q"});
  a.kith.ok({"sync"});
  b.kith.ok({"sync"});
  a.kith.ok({"rm", "--purge", "--yes", "dmitri", "-q"});
  b.kith.ok({"log", "dmitri", "--give", "--date", "2026-11-20", "--note", "sent the intro", "-q"});
  b.kith.ok({"log", "dmitri", "ada", "--date", "2026-11-21", "--note", "lunch", "-q"});
  a.kith.ok({"sync"});
  const RunResult r = b.kith.ok({"sync"});
  EXPECT_NE(r.out.find("Left purged contacts out of 2 interactions logged before the purge "
                       "reached this machine:"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("2026-11-20"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("deleted: it named only dmitri-volkov"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("dmitri-volkov left out"), std::string::npos) << r.out;
  a.kith.ok({"sync"});
  expect_same_and_clean();
  for (const Machine* m : {&a, &b}) {
    const std::string month = read_file(m->data() / "log/2026-11.jsonl");
    EXPECT_EQ(month.find("dmitri"), std::string::npos) << month;
    EXPECT_EQ(month.find("sent the intro"), std::string::npos) << month;
    EXPECT_NE(month.find("lunch"), std::string::npos) << month;
    EXPECT_EQ(m->kith.ok({"doctor"}).out.find("error"), std::string::npos);
  }
}

TEST_F(SyncTest, WhatASyncBringsInIsPrivate) {
  b.kith.ok({"sync"});
  // What a plain `git pull` or a copy leaves: files 0644, directories 0755.
  for (const auto& e : fs::recursive_directory_iterator(b.data())) {
    if (e.path().string().find("/.git") != std::string::npos) continue;
    fs::permissions(e.path(), e.is_directory() ? fs::perms(0755) : fs::perms(0644));
  }
  a.kith.ok({"add", "New Person", "-q"});
  a.kith.ok({"log", "new", "--date", "2026-10-02", "-q"});
  a.kith.ok({"sync"});
  b.kith.ok({"sync"});
  ASSERT_TRUE(fs::exists(b.data() / "contacts/new-person.json"));
  ASSERT_TRUE(fs::exists(b.data() / "log/2026-10.jsonl"));
  for (const auto& e : fs::recursive_directory_iterator(b.data())) {
    if (e.path().string().find("/.git") != std::string::npos) continue;
    EXPECT_EQ(mode_of(e.path()), e.is_directory() ? 0700u : 0600u) << e.path();
  }
  EXPECT_EQ(mode_of(b.data()), 0700u);
  EXPECT_EQ(b.kith.ok({"doctor"}).out.find("permissions"), std::string::npos);
}

// Writes an mbox at argv[1] holding a message from me@home.example to each
// "ADDRESS:DAY" of the other arguments (a day of November 2026), with
// Python's mailbox and email modules.
constexpr const char* kSentMail = R"PY(
import sys, datetime as dt, mailbox
from email.message import EmailMessage
from email.utils import format_datetime

box = mailbox.mbox(sys.argv[1])
for n, spec in enumerate(sys.argv[2:]):
    address, day = spec.split(":")
    m = EmailMessage()
    m["From"] = "Me <me@home.example>"
    m["To"] = address
    m["Subject"] = "Note %d" % n
    m["Date"] = format_datetime(dt.datetime(2026, 11, int(day), 9, 0, tzinfo=dt.timezone.utc))
    m["Message-ID"] = "<%s-%s@home.example>" % (address, day)
    m.set_content("Hello\n")
    box.add(mailbox.mboxMessage(m))
box.flush()
)PY";

// The state of each proposal of `m`'s inbox, by its contact and date.
std::map<std::string, std::string> inbox_states(const Machine& m) {
  std::map<std::string, std::string> states;
  for (const auto& p : m.kith.ok({"inbox", "--all", "--json"}).json()) {
    states[p["with"][0].get<std::string>() + " " + p["date"].get<std::string>()] = p["state"];
  }
  return states;
}

// A data directory set up before the inbox existed (no rule for it in
// .gitattributes): the first scan brings the rule, and from then on both
// machines settle and add proposals, and a sync merges them by proposal.
TEST_F(SyncTest, InboxChangesOnBothMachinesMergeByProposalInAnOlderDataDirectory) {
  std::string attributes = read_file(a.data() / ".gitattributes");
  const std::string rule = "inbox.jsonl merge=kith-inbox\n";
  ASSERT_NE(attributes.find(rule), std::string::npos) << attributes;
  attributes.erase(attributes.find(rule), rule.size());
  write_file(a.data() / ".gitattributes", attributes);
  a.git_ok({"-c", "user.name=A", "-c", "user.email=a@a", "commit", "-q", "-am", "older rules"});
  a.kith.ok({"edit", "ada", "--email", "ada@example.org", "-q"});
  a.kith.ok({"edit", "grace", "--email", "grace@example.org", "-q"});
  a.kith.ok({"me", "--email", "me@home.example", "-q"});
  const fs::path script = tmp / "sent_mail.py";
  write_file(script, kSentMail);
  const fs::path first = tmp / "first.mbox";
  const fs::path second = tmp / "second.mbox";
  expect_python_ok(run_python(script, {first.string(), "ada@example.org:3", "grace@example.org:4"}),
                   "python3");
  expect_python_ok(run_python(script, {second.string(), "ada@example.org:10"}), "python3");
  ASSERT_FALSE(HasFatalFailure());

  a.kith.ok({"scan", "mail", first.string(), "-q"});
  EXPECT_NE(read_file(a.data() / ".gitattributes").find(rule), std::string::npos);
  EXPECT_EQ(a.last_files(), (std::vector<std::string>{".gitattributes", "inbox.jsonl"}));
  EXPECT_EQ(a.status(), "");
  sync_all();

  std::string ada_id, grace_id;
  for (const auto& p : a.kith.ok({"inbox", "--json"}).json()) {
    (p["with"][0] == "ada-lovelace" ? ada_id : grace_id) = p["id"].get<std::string>();
  }
  ASSERT_FALSE(ada_id.empty());
  ASSERT_FALSE(grace_id.empty());
  // Both machines change the same lines of inbox.jsonl, and b adds one.
  a.kith.ok({"inbox", "accept", ada_id, "-q"});
  b.kith.ok({"inbox", "skip", grace_id, "-q"});
  b.kith.ok({"scan", "mail", second.string(), "-q"});
  sync_all();
  expect_same_and_clean();
  const std::map<std::string, std::string> expected = {{"ada-lovelace 2026-11-03", "accepted"},
                                                       {"grace-hopper 2026-11-04", "skipped"},
                                                       {"ada-lovelace 2026-11-10", "open"}};
  EXPECT_EQ(inbox_states(a), expected);
  EXPECT_EQ(inbox_states(b), expected);
  bool logged = false;
  for (const auto& i : interactions(b)) logged = logged || i["date"] == "2026-11-03";
  EXPECT_TRUE(logged);
}

// A bare remote made with git's old default branch ("master"), to which the
// first machine pushed kith's "main": a clone checks nothing out, and its
// first `kith sync` takes the remote's branch.
TEST(SyncCloneTest, AFreshCloneOfARemoteWhoseHeadNamesAnotherBranchTakesTheRemotesBranch) {
  TempDir tmp;
  const fs::path remote = tmp / "remote.git";
  Machine a{tmp / "a"};
  Machine b{tmp / "b"};
  ASSERT_EQ(git_in(tmp.path(), a.home(),
                   {"init", "-q", "--bare", "--initial-branch=master", remote.string()})
                .exit_code,
            0);
  a.kith.ok({"add", "Ada Lovelace", "-q"});
  a.kith.ok({"git", "init", "-q"});
  a.kith.ok({"git", "remote", "add", "origin", remote.string()});
  a.kith.ok({"sync"});
  EXPECT_EQ(a.git_ok({"symbolic-ref", "--short", "HEAD"}), "main\n");
  ASSERT_EQ(
      git_in(tmp.path(), b.home(), {"clone", "-q", remote.string(), b.data().string()}).exit_code,
      0);
  EXPECT_FALSE(fs::exists(b.data() / "contacts"));  // nothing checked out
  const RunResult r = b.kith.ok({"sync"});
  EXPECT_NE(r.out.find("Received 1 change from origin"), std::string::npos) << r.out;
  EXPECT_EQ(b.git_ok({"symbolic-ref", "--short", "HEAD"}), "main\n");
  EXPECT_TRUE(fs::exists(b.data() / "contacts/ada-lovelace.json"));
  EXPECT_EQ(b.status(), "");
  b.kith.ok({"log", "ada", "-q"});
  b.kith.ok({"sync"});
  const RunResult back = a.kith.ok({"sync"});
  EXPECT_NE(back.out.find("log: other with ada-lovelace"), std::string::npos) << back.out;
  EXPECT_EQ(a.git_ok({"branch", "-r"}), "  origin/main\n");
}

}  // namespace
}  // namespace kith::test::git_sync_test
