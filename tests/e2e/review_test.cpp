// End-to-end: `kith review` in a real terminal, tmux, driven as a user would
// (send-keys) and read from the screen (capture-pane). Each key's action is
// checked in the files it writes (contacts/*.json, log/*.jsonl), and in the
// commits of a git data directory; without a terminal the command refuses.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/file.h>
#include <unistd.h>

#include "support/gitutil.h"
#include "support/tmux.h"

namespace kith::test::review_test {
namespace {

using Json = nlohmann::ordered_json;
// The lines of a .jsonl file, parsed.
std::vector<Json> read_json_lines(const fs::path& file) {
  std::vector<Json> lines;
  const std::string text = read_file(file);
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = text.find('\n', start);
    lines.push_back(Json::parse(text.substr(start, end - start)));
    start = end + 1;
  }
  return lines;
}

// The key line of a person's screen ends so (the screen drops the space
// after it); a key is read after it.
const std::string kKeys = "? help:";

class ReviewTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!Tmux::available()) GTEST_SKIP() << "tmux is not installed (scripts/deps test installs it)";
  }
  TempDir tmp;
  Kith kith = Kith(tmp / "data").today("2026-11-20").env("NO_COLOR", "1").env("TERM", "xterm");

  // A contact met long ago with a monthly cadence: due today.
  void add_due(const std::string& name, const std::vector<std::string>& more = {}) {
    std::vector<std::string> args = {"add", name, "--met", "2026-01-05", "--every", "1m", "-q"};
    args.insert(args.end(), more.begin(), more.end());
    kith.ok(args);
  }
  // Imports a LinkedIn export of these rows (First Name,…,Connected On).
  void import_linkedin(const std::vector<std::string>& rows) {
    std::string csv = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n";
    for (const auto& row : rows) csv += row + "\n";
    write_file(tmp / "Connections.csv", csv);
    kith.ok({"import", "linkedin", (tmp / "Connections.csv").string(), "-q"});
  }
  Json contact(const std::string& id) const {
    return read_json(kith.data_dir() / "contacts" / (id + ".json"));
  }
  // The lines of a month file, parsed.
  std::vector<Json> log_of(const std::string& month) const {
    return read_json_lines(kith.data_dir() / "log" / (month + ".jsonl"));
  }
  static bool shows(const RunResult& r, const std::string& text) {
    return r.out.find(text) != std::string::npos;
  }
  RunResult review(const std::vector<std::string>& args, const std::vector<Turn>& turns,
                   const Kith* other = nullptr) {
    return run_in_tmux(other ? *other : kith, args, turns,
                       tmp / ("tmux-" + std::to_string(++runs)));
  }
  int runs = 0;
};

TEST_F(ReviewTest, RefusesWithoutATerminalAndWritesNothing) {
  add_due("Ada Lovelace");
  const auto before = tree_with_contents(kith.data_dir());
  for (const auto& args : {std::vector<std::string>{"review"}, {"review", "--new"}}) {
    const RunResult r = kith.run(args, "c\n\n\n");
    EXPECT_EQ(r.exit_code, 2) << r.err;
    EXPECT_EQ(r.out, "");
    EXPECT_NE(r.err.find("kith: error: kith review needs a terminal"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("kith due"), std::string::npos) << r.err;
  }
  EXPECT_EQ(tree_with_contents(kith.data_dir()), before);
}

TEST_F(ReviewTest, WhatItCannotReadIsNamedFirstAndTheSessionEndsWithExitOne) {
  add_due("Ada Lovelace");
  add_due("Bob Stone");
  write_file(kith.data_dir() / "contacts/bob-stone.json", "{\"id\": \"bob-stone\",,\n}\n");
  const RunResult r = review({"review"}, {{kKeys, "q"}});
  EXPECT_EQ(r.exit_code, 1) << r.out;
  EXPECT_TRUE(shows(r, "kith: warning: contacts/bob-stone.json:1: not valid JSON")) << r.out;
  EXPECT_TRUE(shows(r, "kith: error: left out what kith cannot read: 1 contact file (above)"))
      << r.out;
  EXPECT_TRUE(shows(r, "kith review: 1 due, 0 follow-ups")) << r.out;
  EXPECT_TRUE(shows(r, "Due 1 of 1: Ada Lovelace (ada-lovelace)")) << r.out;
}

TEST_F(ReviewTest, LogsACatchUpAGiveAndAnAskWithTheirKindAndNote) {
  add_due("Ada Lovelace", {"--company", "Acme", "--role", "Engineer"});
  add_due("Bob Stone");
  add_due("Cy Young");
  const RunResult r = review({"review"}, {{kKeys, "c"},
                                          {"Kind (", "coffee\r"},
                                          {"Note (Enter: none):", "Talked about Rust hiring\r"},
                                          {kKeys, "g"},
                                          {"Kind (", "\r"},  // Enter: the standard kind
                                          {"Note (Enter: none):", "\r"},
                                          {kKeys, "a"},
                                          {"Kind (", "Email\r"},
                                          {"Note (Enter: none):", "Asked for a referral\r"}});
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_TRUE(shows(r, "kith review: 3 due, 0 follow-ups, 0 for the homework.")) << r.out;
  EXPECT_TRUE(shows(r, "Due 1 of 3: Ada Lovelace (ada-lovelace)\n  Engineer at Acme\n")) << r.out;
  EXPECT_TRUE(shows(r, "  Why now: 9 months late · every 1m; last: never (met 2026-01-05)\n"))
      << r.out;
  EXPECT_TRUE(shows(r, "  Last: no interaction yet")) << r.out;
  EXPECT_TRUE(shows(r, "Due 2 of 3: Bob Stone (bob-stone)")) << r.out;
  EXPECT_TRUE(shows(r, "Due 3 of 3: Cy Young (cy-young)")) << r.out;
  EXPECT_TRUE(shows(r, "kith: logged a catch-up (coffee) with Ada Lovelace on 2026-11-20"))
      << r.out;
  EXPECT_TRUE(shows(r, "That is everyone for today.")) << r.out;

  const auto lines = log_of("2026-11");
  ASSERT_EQ(lines.size(), 3u) << r.out;
  EXPECT_EQ(lines[0]["contacts"], Json::array({"ada-lovelace"}));
  EXPECT_EQ(lines[0]["intent"], "catch-up");
  EXPECT_EQ(lines[0]["kind"], "coffee");
  EXPECT_EQ(lines[0]["note"], "Talked about Rust hiring");
  EXPECT_EQ(lines[0]["date"], "2026-11-20");
  EXPECT_EQ(lines[1]["contacts"], Json::array({"bob-stone"}));
  EXPECT_EQ(lines[1]["intent"], "give");
  EXPECT_EQ(lines[1]["kind"], "other");
  EXPECT_FALSE(lines[1].contains("note") && !lines[1]["note"].is_null()) << lines[1].dump();
  EXPECT_EQ(lines[2]["contacts"], Json::array({"cy-young"}));
  EXPECT_EQ(lines[2]["intent"], "ask");
  EXPECT_EQ(lines[2]["kind"], "email");
  EXPECT_EQ(lines[2]["note"], "Asked for a referral");
  // Each action is a change of its own: `kith undo` takes back the last one.
  const RunResult undone = kith.ok({"undo"});
  EXPECT_NE(undone.err.find("undid \"log: email with cy-young (ask)\""), std::string::npos)
      << undone.err;
  EXPECT_EQ(log_of("2026-11").size(), 2u);
}

TEST_F(ReviewTest, ABadKindIsAskedAgainAndAnEmptyAnswerCancels) {
  add_due("Ada Lovelace");
  const RunResult r = review({"review"}, {{kKeys, "c"},
                                          {"Kind (", "two words\r"},
                                          {"Kind (", "call\r"},
                                          {"Note (Enter: none):", "\x04"},  // Ctrl-D
                                          {"Cancelled.", ""},
                                          {kKeys, "q"}});
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_TRUE(shows(r, "kith: error: ")) << r.out;
  EXPECT_TRUE(shows(r, "Stopped; `kith review` starts again from the top.")) << r.out;
  EXPECT_FALSE(fs::exists(kith.data_dir() / "log" / "2026-11.jsonl"));
}

TEST_F(ReviewTest, CtrlCAtAQuestionInterruptsAndWritesNothingOfThatAction) {
  add_due("Ada Lovelace");
  add_due("Bob Stone");
  const RunResult r = review({"review"}, {{kKeys, "g"},
                                          {"Kind (", "\r"},
                                          {"Note (Enter: none):", "\r"},
                                          {kKeys, "c"},
                                          {"Kind (", "call\r"},
                                          {"Note (Enter: none):", "half a note\x03"}});
  EXPECT_EQ(r.exit_code, 130) << r.out;
  const auto lines = log_of("2026-11");
  ASSERT_EQ(lines.size(), 1u) << r.out;
  EXPECT_EQ(lines[0]["intent"], "give");
}

TEST_F(ReviewTest, SnoozesUntilADurationAsSnoozeTakesItAfterABadOne) {
  add_due("Ada Lovelace");
  const RunResult r = review(
      {"review"}, {{kKeys, "s"}, {"Snooze until (", "yesterday\r"}, {"Snooze until (", "2w\r"}});
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_TRUE(shows(r, "kith: error: until: ")) << r.out;
  EXPECT_TRUE(shows(r, "kith: snoozed ada-lovelace (Ada Lovelace) until 2026-12-04")) << r.out;
  EXPECT_EQ(contact("ada-lovelace")["snoozed_until"], "2026-12-04");
  EXPECT_TRUE(shows(r, "That is everyone for today.")) << r.out;
}

TEST_F(ReviewTest, ChangesTheCadenceAsEditEveryTakesItAndStaysOnTheScreen) {
  add_due("Ada Lovelace");
  const RunResult r = review({"review"}, {{kKeys, "e"},
                                          {"Every (", "fortnightly\r"},
                                          {"Every (", "2w\r"},
                                          {"Cadence: every 2w", ""},
                                          {kKeys, "q"}});
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_TRUE(shows(r, "kith: error: --every: ")) << r.out;
  EXPECT_TRUE(shows(r, "kith: updated ada-lovelace (Ada Lovelace)")) << r.out;
  EXPECT_EQ(contact("ada-lovelace")["every"], "2w");
}

TEST_F(ReviewTest, MarksTheFollowUpOfAFollowUpScreenDone) {
  kith.ok({"add", "Ada Lovelace", "-q"});
  kith.ok({"log", "ada", "--date", "2026-11-01", "--follow-up", "Send the CV", "--by", "2026-11-10",
           "-q"});
  const std::string id = log_of("2026-11")[0]["id"];
  const std::string short_id = id.substr(id.find('-') + 1);  // as kith show prints it
  const RunResult r = review({"review"}, {{kKeys, "d"}, {kKeys, "d"}, {kKeys, "n"}});
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_TRUE(shows(r, "Follow-up 1 of 1: Ada Lovelace (ada-lovelace)")) << r.out;
  EXPECT_TRUE(shows(
      r, "  Why now: you promised \"Send the CV\", by 2026-11-10, 10 days late (" + short_id + ")"))
      << r.out;
  EXPECT_TRUE(shows(r, "kith: done: Send the CV (" + short_id + ")")) << r.out;
  EXPECT_TRUE(shows(r, "No open follow-up.")) << r.out;
  EXPECT_EQ(log_of("2026-11")[0]["follow_up"]["done_on"], "2026-11-20");
}

TEST_F(ReviewTest, ADuePersonsOpenFollowUpIsListedAndClosedByD) {
  add_due("Ada Lovelace");
  kith.ok({"log", "ada", "--date", "2026-01-10", "--kind", "call", "--note", "Met at the meetup",
           "--follow-up", "Send the slides", "--by", "2026-12-01", "-q"});
  kith.ok({"edit", "ada", "--every", "1m", "-q"});
  const std::string id = log_of("2026-01")[0]["id"];
  const std::string short_id = id.substr(id.find('-') + 1);
  const RunResult r = review({"review"}, {{kKeys, "d"}, {kKeys, "q"}});
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_TRUE(shows(r, "  Last: 2026-01-10 catch-up (call): Met at the meetup\n")) << r.out;
  EXPECT_TRUE(shows(r, "  Open follow-up: Send the slides, by 2026-12-01 (" + short_id + ")"))
      << r.out;
  EXPECT_TRUE(shows(r, "d done, ")) << r.out;
  EXPECT_EQ(log_of("2026-01")[0]["follow_up"]["done_on"], "2026-11-20");
}

TEST_F(ReviewTest, ADueScreenSaysAnAskDoesNotResetTheClockAndANoteKeepsItsLines) {
  add_due("Ada Lovelace");
  kith.ok({"log", "ada", "--ask", "--date", "2026-10-01", "--kind", "email", "--note",
           "Asked for a referral\nand for a coffee", "-q"});
  const RunResult r = review({"review"}, {{kKeys, "q"}});
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_TRUE(shows(r,
                    "  Why now: 9 months late · every 1m; last: asked 2026-10-01 (asks don't "
                    "reset the clock)\n"
                    "  Last: 2026-10-01 ask (email): Asked for a referral\n"
                    "          and for a coffee\n"))
      << r.out;
}

TEST_F(ReviewTest, SkipAndQuitWriteNothing) {
  add_due("Ada Lovelace");
  add_due("Bob Stone");
  const auto before = tree_with_contents(kith.data_dir());
  const RunResult r = review({"review"}, {{kKeys, "x"}, {kKeys, "n"}, {kKeys, "q"}});
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_TRUE(shows(r, "kith: no action on that key here; ? lists the keys")) << r.out;
  EXPECT_TRUE(shows(r, ": skip\n\nDue 2 of 2: Bob Stone (bob-stone)")) << r.out;
  EXPECT_TRUE(shows(r, ": quit\nStopped;")) << r.out;
  EXPECT_EQ(tree_with_contents(kith.data_dir()), before);
}

TEST_F(ReviewTest, CtrlCQuitsAndTheHelpListsTheKeys) {
  add_due("Ada Lovelace");
  const RunResult r = review({"review"}, {{kKeys, "?"}, {"  q  quit", ""}, {kKeys, "\x03"}});
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_TRUE(shows(r, "  c  log a catch-up")) << r.out;
  EXPECT_TRUE(shows(r, "Stopped;")) << r.out;
}

TEST_F(ReviewTest, NothingDueSaysSo) {
  kith.ok({"add", "Ada Lovelace", "-q"});
  kith.ok({"log", "ada", "-q"});
  const RunResult r = review({"review"}, {});
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_TRUE(shows(r, "Nothing to review: nobody is due")) << r.out;
}

TEST_F(ReviewTest, WalksTheDueThenTheFollowUpsThenTheHomeworkWithItsReasons) {
  kith.ok({"me", "--name", "Sam Lee", "--interest", "baseball", "-q"});
  import_linkedin({"Ada,Lovelace,https://www.linkedin.com/in/ada,,Engines,Poet,12 Mar 2024"});
  kith.ok({"add", "Bob Stone", "--met", "2026-01-05", "-q"});
  kith.ok({"log", "bob", "--date", "2026-01-06", "--follow-up", "Send the CV", "-q"});
  kith.ok({"add", "Cy Young", "--interest", "baseball", "-q"});
  const RunResult r = review(
      {"review"}, {{kKeys, "n"}, {kKeys, "n"}, {kKeys, "n"}, {kKeys, "n"}, {"everyone", ""}});
  EXPECT_EQ(r.exit_code, 0) << r.out;
  // The weak tie Ada, connected in 2024, is not due: she is homework.
  EXPECT_TRUE(shows(r, "kith review: 1 due, 1 follow-up, 2 for the homework.")) << r.out;
  const auto due = r.out.find("Due 1 of 1: Bob Stone (bob-stone)\n");
  const auto follow_up = r.out.find("Follow-up 1 of 1: Bob Stone (bob-stone)\n");
  const auto cy = r.out.find(
      "Homework 1 of 2: Cy Young (cy-young)\n"
      "  Why now: homework for November 2026, 0 of 1 new contact reached\n"
      "  Why them: shares your interest in baseball; never contacted; added 2026-11-20\n");
  const auto ada = r.out.find(
      "Homework 2 of 2: Ada Lovelace (ada-lovelace)\n"
      "  Poet at Engines\n"
      "  Why now: homework for November 2026, 0 of 1 new contact reached\n"
      "  Why them: connected 2024-03-12; never contacted; imported from linkedin\n"
      "  Last: no interaction yet\n");
  ASSERT_NE(due, std::string::npos) << r.out;
  ASSERT_NE(follow_up, std::string::npos) << r.out;
  ASSERT_NE(cy, std::string::npos) << r.out;
  ASSERT_NE(ada, std::string::npos) << r.out;
  EXPECT_LT(due, follow_up);
  EXPECT_LT(follow_up, cy);
  EXPECT_LT(cy, ada);
  EXPECT_TRUE(shows(r, "That is everyone for today.")) << r.out;
}

TEST_F(ReviewTest, KeepsToTheDailyBudgetUnlessAll) {
  for (const char* name : {"Ada Lovelace", "Bob Stone", "Cy Young"}) {
    add_due(name);
    // Contacted before this month: no homework to walk.
    kith.ok({"log", name, "--date", "2026-02-01", "-q"});
  }
  kith.ok({"config", "daily", "2", "-q"});
  RunResult r = review({"review"}, {{kKeys, "n"}, {kKeys, "n"}, {"everyone", ""}});
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_TRUE(shows(r,
                    "kith review: 2 of 3 due (the daily budget; --all for everyone), 0 "
                    "follow-ups, 0 for the homework."))
      << r.out;
  EXPECT_TRUE(shows(r, "Due 2 of 2: ")) << r.out;
  r = review({"review", "--all"}, {{kKeys, "n"}, {kKeys, "n"}, {kKeys, "n"}, {"everyone", ""}});
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_TRUE(shows(r, "kith review: 3 due, 0 follow-ups, 0 for the homework.")) << r.out;
  EXPECT_TRUE(shows(r, "Due 3 of 3: ")) << r.out;
}

TEST_F(ReviewTest, NewWalksTheWeakTiesToGiveACadenceATagOrArchive) {
  import_linkedin({"Ada,Lovelace,https://www.linkedin.com/in/ada,,Engines,Poet,12 Mar 2024",
                   "Bob,Stone,https://www.linkedin.com/in/bob,,Quarry,Mason,01 Feb 2023",
                   "Cy,Young,https://www.linkedin.com/in/cy,,Baseball,Pitcher,05 May 2025",
                   "Dee,Called,https://www.linkedin.com/in/dee,,Phones,Operator,05 May 2025",
                   "Eve,Steady,https://www.linkedin.com/in/eve,,Crypto,Analyst,05 May 2025"});
  kith.ok({"log", "dee", "-q"});                    // contacted: no longer a weak tie
  kith.ok({"edit", "eve", "--every", "1m", "-q"});  // a cadence: no longer a weak tie
  kith.ok({"add", "Hand Added", "-q"});             // never contacted, but not imported
  EXPECT_EQ(kith.ok({"due", "--json"}).json()["due"].size(), 1u);  // Eve
  const RunResult r = review({"review", "--new"}, {{kKeys, "e"},
                                                   {"Every (", "6m\r"},
                                                   {"Cadence: every 6m", ""},
                                                   {kKeys, "n"},
                                                   {kKeys, "t"},
                                                   {"Tag:", "climate\r"},
                                                   {kKeys, "n"},
                                                   {kKeys, "r"},
                                                   {"everyone", ""}});
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_TRUE(shows(r, "kith review --new: 3 weak ties to sort out.")) << r.out;
  EXPECT_TRUE(shows(r,
                    "Weak tie 1 of 3: Ada Lovelace (ada-lovelace)\n"
                    "  Poet at Engines\n"
                    "  Imported from linkedin, connected 2024-03-12; never contacted\n"
                    "  Cadence: none of its own (the setting: every 3m); tags: linkedin\n"
                    "e cadence, t tag, r archive, n skip, q quit, ? help: cadence\n"))
      << r.out;
  EXPECT_TRUE(shows(r, "Weak tie 2 of 3: Bob Stone (bob-stone)")) << r.out;
  EXPECT_TRUE(shows(r, "Weak tie 3 of 3: Cy Young (cy-young)")) << r.out;
  for (const char* other : {"Dee Called", "Eve Steady", "Hand Added"}) {
    EXPECT_FALSE(shows(r, other)) << other << "\n" << r.out;
  }
  EXPECT_TRUE(
      shows(r, "Cadence: none of its own (the setting: every 3m); tags: linkedin, climate."))
      << r.out;
  EXPECT_TRUE(
      shows(r, "kith: archived cy-young (Cy Young); `kith restore cy-young` brings it back"))
      << r.out;
  EXPECT_EQ(contact("ada-lovelace")["every"], "6m");
  EXPECT_EQ(contact("bob-stone")["tags"], Json::array({"linkedin", "climate"}));
  EXPECT_EQ(contact("cy-young")["archived"], true);
  EXPECT_EQ(contact("dee-called")["archived"], false);
  // With a cadence of her own Ada is an ordinary contact, due since 2024.
  const Json due = kith.ok({"due", "--json"}).json()["due"];
  ASSERT_EQ(due.size(), 2u) << due.dump();
  EXPECT_EQ(due[1]["id"], "ada-lovelace");
}

TEST_F(ReviewTest, NewWithNoWeakTieSaysSo) {
  kith.ok({"add", "Ada Lovelace", "-q"});
  const RunResult r = review({"review", "--new"}, {});
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_TRUE(shows(r, "No weak ties: everyone imported has been contacted or has a cadence."))
      << r.out;
}

TEST_F(ReviewTest, ShowsThePitchDraftCopiesItAndOpensItInTheEditor) {
  kith.ok({"me", "--name", "Sam Lee", "--skill", "rust", "-q"});
  add_due("Ada Lovelace", {"--interest", "rust"});
  // A clipboard program and an editor that leave traces.
  const fs::path bin = tmp / "bin";
  write_file(bin / "wl-copy", "#!/bin/sh\ncat > \"" + (tmp / "clipboard").string() + "\"\n");
  write_file(bin / "editor", "#!/bin/sh\nprintf 'PS: see you soon\\n' >> \"$1\"\n");
  fs::permissions(bin / "wl-copy", fs::perms::owner_all);
  fs::permissions(bin / "editor", fs::perms::owner_all);
  const Kith k = Kith(kith)
                     .env("PATH", bin.string() + ":/usr/bin:/bin")
                     .env("WAYLAND_DISPLAY", "wayland-0")
                     .env("EDITOR", (bin / "editor").string());
  Tmux term(k, {"review"}, tmp / "tmux");
  ASSERT_TRUE(term.wait_for(kKeys)) << term.text();
  term.type("p");
  ASSERT_TRUE(term.wait_for("Enter back:")) << term.text();
  term.type("y");
  ASSERT_TRUE(term.wait_for("Copied the draft")) << term.text();
  const std::string first = term.clipboard();  // through OSC 52, which tmux keeps
  EXPECT_TRUE(first.starts_with("Hi Ada,\n")) << first;
  EXPECT_EQ(read_file(tmp / "clipboard"), first);
  ASSERT_TRUE(term.wait_for("Enter back:")) << term.text();
  term.type("o");
  ASSERT_TRUE(term.wait_for("PS: see you soon")) << term.text();
  ASSERT_TRUE(term.wait_for("Enter back:")) << term.text();
  term.type("y");
  ASSERT_TRUE(term.wait_for("Copied the draft")) << term.text();
  ASSERT_TRUE(term.wait_for("Enter back:")) << term.text();
  term.type("\r");
  ASSERT_TRUE(term.wait_for(kKeys)) << term.text();
  term.type("q");
  EXPECT_EQ(term.exit_status(), 0) << term.text();
  const RunResult r{0, term.text(), ""};
  EXPECT_TRUE(shows(r, "  What you can offer: rust\n")) << r.out;
  EXPECT_TRUE(shows(r, "Hi Ada,\n")) << r.out;
  EXPECT_TRUE(shows(r, "Copied the draft through the terminal (OSC 52) and wl-copy.")) << r.out;
  // The edited draft is the one copied from then on, by both ways.
  const std::string edited = term.clipboard();
  EXPECT_EQ(edited, first + "\nPS: see you soon");
  EXPECT_EQ(read_file(tmp / "clipboard"), edited);
  EXPECT_FALSE(fs::exists(kith.data_dir() / "log"));
}

TEST_F(ReviewTest, TheOfferIsAnIntroductionWhenYouKnowNothingTheyCareAbout) {
  add_due("Ada Lovelace", {"--interest", "payments"});
  kith.ok({"add", "Bob Stone", "--skill", "payments", "-q"});
  const RunResult r = review({"review"}, {{kKeys, "q"}});
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_TRUE(shows(r, "  What you can offer: an introduction to Bob Stone (payments)\n")) << r.out;
}

TEST_F(ReviewTest, CopiesWithXclipForAnX11Display) {
  add_due("Ada Lovelace");
  const fs::path bin = tmp / "bin";
  write_file(bin / "xclip", "#!/bin/sh\necho \"$@\" > \"" + (tmp / "args").string() +
                                "\"\ncat > \"" + (tmp / "clipboard").string() + "\"\n");
  fs::permissions(bin / "xclip", fs::perms::owner_all);
  const Kith k = Kith(kith).env("PATH", bin.string() + ":/usr/bin:/bin").env("DISPLAY", ":0");
  const RunResult r = review(
      {"review"}, {{kKeys, "p"}, {"Enter back:", "y"}, {"Enter back:", "\r"}, {kKeys, "q"}}, &k);
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_TRUE(shows(r, "Copied the draft through the terminal (OSC 52) and xclip.")) << r.out;
  EXPECT_EQ(read_file(tmp / "args"), "-selection clipboard\n");
  EXPECT_TRUE(read_file(tmp / "clipboard").starts_with("Hi Ada,\n"));
}

TEST_F(ReviewTest, SaysWhenItCannotCopy) {
  add_due("Ada Lovelace");
  // TERM=dumb: no OSC 52; no display: no clipboard program.
  const Kith k = Kith(kith).env("TERM", "dumb");
  const RunResult r = review(
      {"review"}, {{kKeys, "p"}, {"Enter back:", "y"}, {"Enter back:", "\r"}, {kKeys, "q"}}, &k);
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_TRUE(shows(r, "kith: warning: cannot copy: ")) << r.out;
  EXPECT_FALSE(shows(r, "Copied")) << r.out;
}

TEST_F(ReviewTest, ColourFollowsNoColorAndTheColorOption) {
  add_due("Ada Lovelace");
  const Kith coloured = Kith(kith).env("NO_COLOR", "\x01unset");
  {
    Tmux term(coloured, {"review"}, tmp / "tmux-1");
    ASSERT_TRUE(term.wait_for(kKeys)) << term.text();
    EXPECT_NE(term.text(true).find("\x1b[1mDue 1 of 1: Ada Lovelace"), std::string::npos)
        << term.text(true);
    term.type("q");
    EXPECT_EQ(term.exit_status(), 0);
  }
  for (const auto& [k, args] : std::vector<std::pair<Kith, std::vector<std::string>>>{
           {coloured, {"--color", "never", "review"}}, {kith, {"review"}}}) {
    Tmux term(k, args, tmp / "tmux-2");
    ASSERT_TRUE(term.wait_for(kKeys)) << term.text();
    EXPECT_EQ(term.text(true).find("\x1b["), std::string::npos) << term.text(true);
    term.type("q");
    EXPECT_EQ(term.exit_status(), 0);
  }
}

TEST_F(ReviewTest, AnActionThatFailsChangesNothingAndTheSessionGoesOn) {
  add_due("Ada Lovelace");
  const auto before = tree_with_contents(kith.data_dir());
  // Another kith holds the write lock for the whole session.
  const int fd = ::open((kith.data_dir() / ".lock").c_str(), O_RDWR | O_CREAT, 0600);
  ASSERT_GE(fd, 0);
  ASSERT_EQ(::flock(fd, LOCK_EX), 0);
  const Kith k = Kith(kith).env("KITH_LOCK_TIMEOUT", "0");
  const RunResult r = review({"review"},
                             {{kKeys, "c"},
                              {"Kind (", "call\r"},
                              {"Note (Enter: none):", "lost\r"},
                              {kKeys, "e"},
                              {"Every (", "2w\r"},
                              {kKeys, "s"},
                              {"Snooze until (", "2w\r"},
                              {kKeys, "q"}},
                             &k);
  ::close(fd);
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_TRUE(shows(r, "kith: error: ")) << r.out;
  EXPECT_FALSE(shows(r, "kith: logged")) << r.out;
  EXPECT_TRUE(shows(r, "Stopped;")) << r.out;
  std::vector<std::string> after = tree_with_contents(kith.data_dir());
  std::erase_if(after, [](const std::string& line) { return line.starts_with(".lock"); });
  std::vector<std::string> expected = before;
  std::erase_if(expected, [](const std::string& line) { return line.starts_with(".lock"); });
  EXPECT_EQ(after, expected);
}

TEST_F(ReviewTest, ArrowKeysAndCtrlDAreReadWhole) {
  add_due("Ada Lovelace");
  add_due("Bob Stone");
  const RunResult r = review({"review"}, {{kKeys, "\x1b[A"}, {kKeys, "\x04"}});
  EXPECT_EQ(r.exit_code, 0) << r.out;
  // One "no action" for the whole arrow, none for its '[' or 'A'.
  const auto first = r.out.find("no action on that key");
  ASSERT_NE(first, std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("no action on that key", first + 1), std::string::npos) << r.out;
  EXPECT_TRUE(shows(r, "Stopped;")) << r.out;
  EXPECT_FALSE(shows(r, "Bob Stone")) << r.out;
}

TEST(ReviewGitTest, EveryActionIsACommitInAGitDataDirectory) {
  if (!Tmux::available()) GTEST_SKIP() << "tmux is not installed (scripts/deps test installs it)";
  TempDir tmp;
  Machine m{tmp / "m"};
  const Kith kith = Kith(m.kith).today("2026-11-20").env("NO_COLOR", "1");
  kith.ok({"add", "Ada Lovelace", "--met", "2026-01-05", "-q"});
  kith.ok({"add", "Bob Stone", "--met", "2026-01-05", "-q"});
  kith.ok({"log", "bob", "--date", "2026-01-06", "--follow-up", "Send the CV", "-q"});
  const std::string id =
      read_json_lines(m.data() / "log" / "2026-01.jsonl").at(0)["id"].get<std::string>();
  kith.ok({"git", "init", "-q"});
  const RunResult r = run_in_tmux(kith, {"review"},
                                  {{kKeys, "e"},
                                   {"Every (", "1m\r"},
                                   {kKeys, "g"},
                                   {"Kind (", "intro\r"},
                                   {"Note (Enter: none):", "\r"},
                                   {kKeys, "d"},
                                   {kKeys, "s"},
                                   {"Snooze until (", "+1m\r"}},
                                  tmp / "tmux");
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_EQ(m.git_ok({"log", "--format=%s", "-n", "4"}),
            "snooze: bob-stone\ndone: " + id +
                "\nlog: intro with ada-lovelace (give)\nedit: ada-lovelace\n");
  EXPECT_EQ(m.git_ok({"status", "--porcelain"}), "");
}

}  // namespace
}  // namespace kith::test::review_test
