// End-to-end: `kith review` walks the inbox's proposals (what `kith scan`
// found in a mailbox written by Python's mailbox and email modules) before
// the people due, in tmux as a user would; each key's change is checked in
// the files and in the commits of a git data directory.
#include <gtest/gtest.h>

#include "support/gitutil.h"
#include "support/tmux.h"

namespace kith::test::review_inbox_test {
namespace {

using Json = nlohmann::ordered_json;

// Writes Sent.mbox into argv[1]: one message to Ada (a contact) on
// 2026-11-18, two to Lin Wei (no contact), one to Bo (a contact) on
// 2026-11-12. "Today" in these tests is 2026-11-20.
constexpr const char* kMakeMail = R"PY(
import sys, os, datetime as dt, mailbox
from email.message import EmailMessage
from email.utils import format_datetime, formataddr

UTC = dt.timezone.utc
box = mailbox.mbox(os.path.join(sys.argv[1], "Sent.mbox"))
def mail(mid, to, subject, day):
    m = EmailMessage()
    m["From"] = formataddr(("Me", "me@home.example"))
    m["To"] = to
    m["Subject"] = subject
    m["Date"] = format_datetime(dt.datetime(2026, 11, day, 10, 0, tzinfo=UTC))
    m["Message-ID"] = "<%s>" % mid
    m.set_content("Hello,\n")
    box.add(mailbox.mboxMessage(m))

mail("s1@home", formataddr(("Ada Lovelace", "ada@example.org")), "The talk slides", 18)
mail("s2@home", formataddr(("Lin Wei", "lin@example.org")), "Hello", 10)
mail("s3@home", "lin@example.org", "Following up", 14)
mail("s4@home", formataddr(("Bo Stone", "bo@example.org")), "Your book", 12)
box.flush()
)PY";

const std::string kKeys = "? help:";

class ReviewInboxTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!Tmux::available()) GTEST_SKIP() << "tmux is not installed (scripts/deps test installs it)";
    write_file(tmp / "make_mail.py", kMakeMail);
    expect_python_ok(run_python(tmp / "make_mail.py", {tmp.path().string()}), "python3");
    if (HasFatalFailure()) return;
    // Ada is due: met in January, every month, never contacted.
    kith.ok({"add", "Ada Lovelace", "--email", "ada@example.org", "--met", "2026-01-05", "--every",
             "1m", "-q"});
    kith.ok({"add", "Bo Stone", "--email", "bo@example.org", "-q"});
    kith.ok({"me", "--email", "me@home.example", "-q"});
  }
  void scan() { kith.ok({"scan", "mail", (tmp / "Sent.mbox").string(), "-q"}); }
  Json inbox(bool all = false) const {
    return all ? kith.ok({"inbox", "--json", "--all"}).json() : kith.ok({"inbox", "--json"}).json();
  }
  RunResult review(const std::vector<std::string>& args, const std::vector<Turn>& turns) {
    return run_in_tmux(kith, args, turns, tmp / ("tmux-" + std::to_string(++runs)));
  }
  static bool shows(const RunResult& r, const std::string& text) {
    return r.out.find(text) != std::string::npos;
  }

  TempDir tmp;
  Kith kith = Kith(tmp / "data").today("2026-11-20").env("NO_COLOR", "1").env("TERM", "xterm");
  int runs = 0;
};

TEST_F(ReviewInboxTest, WalksTheInboxFirstAndWhoIsDueIsReadAfterIt) {
  scan();
  const RunResult r = review({"review"}, {{kKeys, "k"},
                                          {"Kind (", "call\r"},
                                          {kKeys, "y"},
                                          {kKeys, "g"},
                                          {kKeys, "y"},
                                          {"Nothing to review", ""}});
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_TRUE(shows(r, "kith review: 3 proposals in the inbox first (kith scan found them)."))
      << r.out;
  // Oldest first, the person last.
  const auto bo = r.out.find(
      "Inbox 1 of 3: email with Bo Stone (bo-stone) on 2026-11-12\n"
      "  \"Your book\"\n");
  const auto ada = r.out.find(
      "Inbox 2 of 3: email with Ada Lovelace (ada-lovelace) on 2026-11-18\n"
      "  \"The talk slides\"\n");
  const auto lin = r.out.find(
      "Inbox 3 of 3: Lin Wei <lin@example.org>\n"
      "  Not a contact; you wrote to them 2 times, last on 2026-11-14\n");
  ASSERT_NE(bo, std::string::npos) << r.out;
  ASSERT_NE(ada, std::string::npos) << r.out;
  ASSERT_NE(lin, std::string::npos) << r.out;
  EXPECT_LT(bo, ada);
  EXPECT_LT(ada, lin);
  EXPECT_TRUE(shows(r, "  Found in: mail ")) << r.out;
  EXPECT_TRUE(shows(r, "It will be logged as call.")) << r.out;
  EXPECT_TRUE(shows(r, "kith: logged a catch-up (call) with Bo Stone on 2026-11-12")) << r.out;
  EXPECT_TRUE(shows(r, "kith: logged a give (email) with Ada Lovelace on 2026-11-18")) << r.out;
  EXPECT_TRUE(shows(r, "kith: added lin-wei (Lin Wei)")) << r.out;
  // Ada was due when the session began; the give accepted restarted her
  // clock, so the people part that follows does not list her.
  EXPECT_FALSE(shows(r, "Due 1 of")) << r.out;
  EXPECT_TRUE(shows(r, "kith: added lin-wei (Lin Wei)\n\nNothing to review: nobody is due"))
      << r.out;

  const Json bo_shown = kith.ok({"show", "bo-stone", "--json"}).json();
  ASSERT_EQ(bo_shown["interactions"].size(), 1u);
  EXPECT_EQ(bo_shown["interactions"][0]["kind"], "call");
  EXPECT_EQ(bo_shown["interactions"][0]["intent"], "catch-up");
  EXPECT_EQ(bo_shown["interactions"][0]["date"], "2026-11-12");
  EXPECT_EQ(bo_shown["interactions"][0]["note"], "Your book");
  const Json lin_shown = kith.ok({"show", "lin-wei", "--json"}).json();
  EXPECT_EQ(lin_shown["emails"], Json::array({"lin@example.org"}));
  EXPECT_EQ(inbox().size(), 0u);
  for (const auto& p : inbox(true)) EXPECT_EQ(p["state"], "accepted") << p.dump();
}

TEST_F(ReviewInboxTest, SkipIgnoreAndNextSettleOnlyWhatTheySay) {
  scan();
  const RunResult r = review({"review", "--inbox"},
                             {{kKeys, "x"}, {kKeys, "n"}, {kKeys, "i"}, {"inbox is done", ""}});
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_TRUE(shows(r, "kith review --inbox: 3 proposals in the inbox (kith scan found them)."))
      << r.out;
  EXPECT_TRUE(shows(r, "kith: skipped proposal ")) << r.out;
  EXPECT_TRUE(shows(r, "kith: kith scan will never propose lin@example.org again")) << r.out;
  // --inbox walks the inbox only: Ada, due, is not shown.
  EXPECT_FALSE(shows(r, "Due 1 of")) << r.out;
  std::map<std::string, std::string> state;
  for (const auto& p : inbox(true)) {
    state[p.contains("with") ? p["with"][0].get<std::string>() : p["email"].get<std::string>()] =
        p["state"];
  }
  EXPECT_EQ(state, (std::map<std::string, std::string>{{"bo-stone", "skipped"},
                                                       {"ada-lovelace", "open"},
                                                       {"lin@example.org", "skipped"}}));
  EXPECT_NE(read_file(kith.data_dir() / "inbox.jsonl").find("{\"ignore\":\"lin@example.org\"}"),
            std::string::npos);
  EXPECT_FALSE(fs::exists(kith.data_dir() / "contacts" / "lin-wei.json"));
  // Nothing was logged.
  EXPECT_EQ(kith.ok({"show", "bo-stone", "--json"}).json()["interactions"].size(), 0u);
}

TEST_F(ReviewInboxTest, QuitWritesNothingAndTheHelpListsTheProposalKeys) {
  scan();
  const auto before = tree_with_contents(kith.data_dir());
  const RunResult r = review({"review"}, {{kKeys, "?"}, {"  q  quit", ""}, {kKeys, "q"}});
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_TRUE(shows(r, "  k  change the kind it is logged as (kith inbox accept --kind)")) << r.out;
  EXPECT_TRUE(shows(r, ": quit\nStopped;")) << r.out;
  EXPECT_EQ(tree_with_contents(kith.data_dir()), before);
}

TEST_F(ReviewInboxTest, APersonScreenOffersNoLoggingKeys) {
  kith.ok({"inbox", "ignore", "ada@example.org", "-q"});  // nothing to skip yet
  scan();
  // Bo's and Ada's emails skipped from the command line: Lin is left.
  for (const auto& p : inbox()) {
    if (p.contains("with")) kith.ok({"inbox", "skip", p["id"].get<std::string>(), "-q"});
  }
  const RunResult r = review({"review", "--inbox"}, {{kKeys, "g"}, {kKeys, "k"}, {kKeys, "q"}});
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_TRUE(shows(r, "Inbox 1 of 1: Lin Wei <lin@example.org>")) << r.out;
  EXPECT_TRUE(shows(r, "y add, x skip, i ignore, n next, q quit, ? help:")) << r.out;
  EXPECT_TRUE(shows(r, "kith: no action on that key here; ? lists the keys")) << r.out;
  EXPECT_EQ(inbox().size(), 1u);
}

TEST_F(ReviewInboxTest, AnEmptyInboxSaysSoAndNewExcludesInbox) {
  const RunResult r = review({"review", "--inbox"}, {});
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_TRUE(shows(r, "Nothing open in the inbox. `kith scan ics` and `kith scan mail` fill it."))
      << r.out;
  const RunResult both = review({"review", "--inbox", "--new"}, {});
  EXPECT_EQ(both.exit_code, 2) << both.out;
  EXPECT_TRUE(shows(both, "--new and --inbox exclude each other")) << both.out;
}

TEST(ReviewInboxGitTest, EachProposalSettledIsACommitOfItsOwn) {
  if (!Tmux::available()) GTEST_SKIP() << "tmux is not installed (scripts/deps test installs it)";
  TempDir tmp;
  Machine m{tmp / "m"};
  const Kith kith = Kith(m.kith).today("2026-11-20").env("NO_COLOR", "1");
  write_file(tmp / "make_mail.py", kMakeMail);
  expect_python_ok(run_python(tmp / "make_mail.py", {tmp.path().string()}), "python3");
  kith.ok({"add", "Ada Lovelace", "--email", "ada@example.org", "-q"});
  kith.ok({"add", "Bo Stone", "--email", "bo@example.org", "-q"});
  kith.ok({"me", "--email", "me@home.example", "-q"});
  kith.ok({"git", "init", "-q"});
  kith.ok({"scan", "mail", (tmp / "Sent.mbox").string(), "-q"});
  const RunResult r =
      run_in_tmux(kith, {"review", "--inbox"},
                  {{kKeys, "y"}, {kKeys, "x"}, {kKeys, "y"}, {"inbox is done", ""}}, tmp / "tmux");
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_EQ(m.git_ok({"log", "--format=%s", "-n", "4"}),
            "add: lin-wei\ninbox: skip 1 proposal\nlog: email with bo-stone\nscan mail: 3 "
            "proposals\n");
  EXPECT_EQ(m.git_ok({"status", "--porcelain"}), "");
}

}  // namespace
}  // namespace kith::test::review_inbox_test
