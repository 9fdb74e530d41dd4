// End-to-end: `kith stats`, human and JSON.
#include <gtest/gtest.h>

#include "support/testutil.h"

namespace kith::test::stats_test {
namespace {

using Json = nlohmann::ordered_json;

std::string line(const std::string& id, const std::string& date,
                 const std::vector<std::string>& contacts, const std::string& intent) {
  return log_line(id, date, contacts, intent, "coffee");
}

class StatsTest : public ::testing::Test {
 protected:
  TempDir tmp;
  Kith kith{tmp / "data"};
  void SetUp() override { kith.today("2026-11-25"); }

  // Ada added in August and reached in September; Bob reached in October
  // and again this month with Ada; one ask in October.
  void write_history() {
    kith.today("2026-08-10").ok({"add", "Ada Lovelace"});
    kith.today("2026-08-10").ok({"add", "Bob Babbage"});
    kith.today("2026-11-25");
    write_file(tmp / "data/log/2026-09.jsonl", line("s1", "2026-09-04", {"ada-lovelace"}, "give"));
    write_file(tmp / "data/log/2026-10.jsonl",
               line("o1", "2026-10-02", {"ada-lovelace"}, "ask") +
                   line("o2", "2026-10-20", {"bob-babbage"}, "catch-up"));
    write_file(tmp / "data/log/2026-11.jsonl",
               line("n1", "2026-11-03", {"ada-lovelace", "bob-babbage"}, "give"));
  }
};

TEST_F(StatsTest, EmptyDataDirectorySaysHowToBeginAndCreatesNothing) {
  auto r = kith.ok({"stats"});
  EXPECT_NE(r.out.find("kith add"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("kith me"), std::string::npos) << r.out;
  EXPECT_FALSE(fs::exists(tmp / "data"));
  EXPECT_EQ(
      kith.ok({"stats", "--json"}).json(),
      (Json{
          {"months", Json::array()}, {"streak", 0}, {"gives", 0}, {"asks", 0}, {"weak_ties", 0}}));
}

TEST_F(StatsTest, JsonHasOneEntryPerMonthOldestFirstWithExactlyTheDocumentedKeys) {
  write_history();
  const Json j = kith.ok({"stats", "--json"}).json();
  const Json expected = {
      {"months",
       {{{"month", "2026-08"}, {"reached", 0}, {"give", 0}, {"catch_up", 0}, {"ask", 0}},
        {{"month", "2026-09"}, {"reached", 1}, {"give", 1}, {"catch_up", 0}, {"ask", 0}},
        {{"month", "2026-10"}, {"reached", 1}, {"give", 0}, {"catch_up", 1}, {"ask", 1}},
        {{"month", "2026-11"}, {"reached", 0}, {"give", 1}, {"catch_up", 0}, {"ask", 0}}}},
      {"streak", 2},
      {"gives", 2},
      {"asks", 1},
      {"weak_ties", 0}};
  EXPECT_EQ(j, expected);
}

TEST_F(StatsTest, HumanFormChartsEachMonthAndSumsUp) {
  write_history();
  auto r = kith.ok({"stats"});
  const std::string& out = r.out;
  EXPECT_NE(out.find("The last 4 months"), std::string::npos) << out;
  EXPECT_NE(out.find("month    reached  give  catch-up  ask"), std::string::npos) << out;
  EXPECT_NE(out.find("2026-09      1 ✓     1         0    0  █\n"), std::string::npos) << out;
  EXPECT_NE(out.find("2026-10      1 ✓     0         1    1  ▒░\n"), std::string::npos) << out;
  EXPECT_NE(out.find("2026-11      0       1         0    0  █\n"), std::string::npos) << out;
  EXPECT_NE(out.find("Homework streak  2 months (goal: 1 new contact a month)"), std::string::npos)
      << out;
  EXPECT_NE(out.find("This month       0 of 1 so far"), std::string::npos) << out;
  EXPECT_NE(out.find("2 gives, 1 ask, 1 catch-up: 2.0 gives per ask"), std::string::npos) << out;
  EXPECT_EQ(out.find("\x1b["), std::string::npos) << "no colour when not a terminal";
}

TEST_F(StatsTest, HumanFormShowsOnlyTheLastTwelveMonths) {
  kith.today("2025-01-15").ok({"add", "Ada Lovelace"});
  kith.today("2026-11-25");
  const std::string out = kith.ok({"stats"}).out;
  EXPECT_NE(out.find("The last 12 months"), std::string::npos) << out;
  EXPECT_EQ(out.find("2025-11"), std::string::npos) << out;
  EXPECT_NE(out.find("2025-12"), std::string::npos) << out;
  EXPECT_NE(out.find("2026-11"), std::string::npos) << out;
  EXPECT_EQ(kith.ok({"stats", "--json"}).json()["months"].size(), 23u);
}

TEST_F(StatsTest, HumanTotalsCoverTheMonthsChartedAndJsonTotalsEveryMonth) {
  // A give and an ask from 2024, before the 12 months charted; one give this month.
  kith.today("2024-12-01").ok({"add", "Ada Lovelace"});
  kith.today("2026-11-25");
  write_file(tmp / "data/log/2024-12.jsonl", line("o1", "2024-12-02", {"ada-lovelace"}, "give") +
                                                 line("o2", "2024-12-03", {"ada-lovelace"}, "ask"));
  write_file(tmp / "data/log/2026-11.jsonl", line("n1", "2026-11-02", {"ada-lovelace"}, "give"));
  auto r = kith.run({"stats"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("The last 12 months"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Gives and asks   1 give, 0 asks, 0 catch-ups: all give, no ask\n"),
            std::string::npos)
      << r.out;
  const Json j = kith.ok({"stats", "--json"}).json();
  EXPECT_EQ(j["gives"], 2);
  EXPECT_EQ(j["asks"], 1);
}

TEST_F(StatsTest, BarsAreScaledWhenAMonthIsBusy) {
  kith.ok({"add", "Ada Lovelace"});
  std::string november;
  for (int k = 0; k < 60; ++k) {
    november += line("n" + std::to_string(k), "2026-11-02", {"ada-lovelace"}, "catch-up");
  }
  write_file(tmp / "data/log/2026-11.jsonl", november);
  const std::string out = kith.ok({"stats"}).out;
  std::string bar;
  for (int k = 0; k < 30; ++k) bar += "▒";
  EXPECT_NE(out.find("   60    0  " + bar + "\n"), std::string::npos) << out;
  EXPECT_NE(out.find("scaled: the busiest month had 60"), std::string::npos) << out;
}

TEST_F(StatsTest, AFirstGiveLaterThisMonthIsNotCountedAsReached) {
  // Ada reached in October; Bob's first give is dated two days after today,
  // in this month (written by hand: kith log refuses a future date).
  kith.today("2026-10-01").ok({"add", "Ada Lovelace"});
  kith.today("2026-10-01").ok({"add", "Bob Babbage"});
  kith.today("2026-11-25");
  write_file(tmp / "data/log/2026-10.jsonl", line("o1", "2026-10-05", {"ada-lovelace"}, "give"));
  write_file(tmp / "data/log/2026-11.jsonl", line("n1", "2026-11-27", {"bob-babbage"}, "give"));
  const Json expected = {
      {"months",
       {{{"month", "2026-10"}, {"reached", 1}, {"give", 1}, {"catch_up", 0}, {"ask", 0}},
        {{"month", "2026-11"}, {"reached", 0}, {"give", 0}, {"catch_up", 0}, {"ask", 0}}}},
      {"streak", 1},
      {"gives", 1},
      {"asks", 0},
      {"weak_ties", 0}};
  EXPECT_EQ(kith.ok({"stats", "--json"}).json(), expected);
  const std::string out = kith.ok({"stats"}).out;
  EXPECT_NE(out.find("This month       0 of 1 so far"), std::string::npos) << out;
  EXPECT_NE(out.find("Homework streak  1 month"), std::string::npos) << out;
}

TEST_F(StatsTest, HomeworkGoalAndStreakFollowTheSetting) {
  write_history();
  kith.ok({"config", "homework", "2"});
  auto j = kith.ok({"stats", "--json"}).json();
  EXPECT_EQ(j["streak"], 0);
  kith.ok({"config", "homework", "0"});
  const std::string out = kith.ok({"stats"}).out;
  EXPECT_NE(out.find("Homework        off"), std::string::npos) << out;
  EXPECT_EQ(kith.ok({"stats", "--json"}).json()["streak"], 0);
}

TEST_F(StatsTest, MoreAsksThanGivesIsPointedOut) {
  kith.ok({"add", "Ada Lovelace"});
  write_file(tmp / "data/log/2026-11.jsonl", line("n1", "2026-11-02", {"ada-lovelace"}, "ask"));
  const std::string out = kith.ok({"stats"}).out;
  EXPECT_NE(out.find("more asks than gives"), std::string::npos) << out;
}

TEST_F(StatsTest, ColourOnlyWhenAsked) {
  write_history();
  const std::string out = kith.ok({"--color", "always", "stats"}).out;
  EXPECT_NE(out.find("\x1b[32m█\x1b[0m"), std::string::npos) << out;
}

TEST_F(StatsTest, ACorruptLogLineIsLeftOutNamedAndExitsOne) {
  kith.ok({"add", "Ada Lovelace"});
  write_file(tmp / "data/log/2026-11.jsonl",
             "nope\n" + line("n1", "2026-11-02", {"ada-lovelace"}, "give"));
  auto r = kith.run({"stats", "--json"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("kith: warning: log/2026-11.jsonl:1: not valid JSON"), std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("kith: error: left out what kith cannot read: 1 line of the log"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(r.json()["gives"], 1);
}

TEST_F(StatsTest, TornLastLineIsSkippedWithAWarning) {
  kith.ok({"add", "Ada Lovelace"});
  write_file(tmp / "data/log/2026-11.jsonl",
             line("n1", "2026-11-02", {"ada-lovelace"}, "give") + "{\"id\":");
  auto r = kith.ok({"stats", "--json"});
  EXPECT_NE(r.err.find("torn last line"), std::string::npos) << r.err;
  EXPECT_EQ(r.json()["gives"], 1);
}

TEST_F(StatsTest, UnknownOptionIsAUsageError) {
  auto r = kith.run({"stats", "--month", "3"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--month"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace kith::test::stats_test
