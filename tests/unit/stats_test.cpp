#include "core/stats.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace kith::stats_test {
namespace {

Date day(const char* iso) { return *parse_iso_date(iso); }

Contact contact(const char* id, const char* added_on, bool archived = false) {
  Contact c;
  c.id = id;
  c.name = id;
  c.added_on = day(added_on);
  c.archived = archived;
  return c;
}

Interaction interaction(const char* date, std::vector<std::string> ids, Intent intent) {
  static int n = 0;
  Interaction i;
  i.id = "i" + std::to_string(++n);
  i.date = day(date);
  i.contacts = std::move(ids);
  i.intent = intent;
  i.logged_at = std::string(date) + "T12:00:00Z";
  return i;
}

// "YYYY-MM reached/give/catch_up/ask" for each month, to compare in one go.
std::vector<std::string> rows(const Stats& s) {
  std::vector<std::string> out;
  for (const auto& m : s.months) {
    out.push_back(m.label() + " " + std::to_string(m.reached) + "/" + std::to_string(m.give) + "/" +
                  std::to_string(m.catch_up) + "/" + std::to_string(m.ask));
  }
  return out;
}

Network network(std::vector<Contact> contacts, std::vector<Interaction> interactions,
                int homework = 1) {
  Network n;
  n.contacts = std::move(contacts);
  n.interactions = std::move(interactions);
  n.settings.homework = homework;
  return n;
}

TEST(ComputeStatsTest, EmptyNetworkHasNoMonthsAndNoStreak) {
  const Stats s = compute_stats(Network{}, day("2026-11-25"));
  EXPECT_TRUE(s.months.empty());
  EXPECT_EQ(s.streak, 0);
  EXPECT_EQ(s.gives, 0);
  EXPECT_EQ(s.asks, 0);
}

TEST(ComputeStatsTest, MonthsRunFromTheFirstContactToTodayWithEmptyMonthsAsZeros) {
  const Stats s = compute_stats(network({contact("ada", "2026-08-10")}, {}), day("2026-11-25"));
  EXPECT_EQ(rows(s), (std::vector<std::string>{"2026-08 0/0/0/0", "2026-09 0/0/0/0",
                                               "2026-10 0/0/0/0", "2026-11 0/0/0/0"}));
}

TEST(ComputeStatsTest, MonthsStartAtAnInteractionOlderThanEveryContact) {
  const Stats s = compute_stats(
      network({contact("ada", "2026-11-01")}, {interaction("2026-09-30", {"ada"}, Intent::ask)}),
      day("2026-11-25"));
  EXPECT_EQ(rows(s),
            (std::vector<std::string>{"2026-09 0/0/0/1", "2026-10 0/0/0/0", "2026-11 0/0/0/0"}));
}

TEST(ComputeStatsTest, ReachedCountsOnlyTheFirstNoNeedInteraction) {
  const Stats s = compute_stats(
      network({contact("ada", "2026-09-01")}, {interaction("2026-09-05", {"ada"}, Intent::ask),
                                               interaction("2026-10-05", {"ada"}, Intent::catch_up),
                                               interaction("2026-11-05", {"ada"}, Intent::give)}),
      day("2026-11-25"));
  // The ask in September does not reach anyone; the catch-up in October does.
  EXPECT_EQ(rows(s),
            (std::vector<std::string>{"2026-09 0/0/0/1", "2026-10 1/0/1/0", "2026-11 0/1/0/0"}));
  EXPECT_EQ(s.gives, 1);
  EXPECT_EQ(s.catch_ups, 1);
  EXPECT_EQ(s.asks, 1);
}

TEST(ComputeStatsTest, AnInteractionWithSeveralPeopleCountsOnceButReachesEach) {
  const Stats s =
      compute_stats(network({contact("ada", "2026-11-01"), contact("bob", "2026-11-01")},
                            {interaction("2026-11-05", {"ada", "bob"}, Intent::catch_up)}),
                    day("2026-11-25"));
  EXPECT_EQ(rows(s), (std::vector<std::string>{"2026-11 2/0/1/0"}));
}

TEST(ComputeStatsTest, ArchivedContactsCountAndUnknownIdsNeverReach) {
  const Stats s = compute_stats(network({contact("ada", "2026-11-01", /*archived=*/true)},
                                        {interaction("2026-11-05", {"ada"}, Intent::give),
                                         interaction("2026-11-06", {"ghost"}, Intent::give)}),
                                day("2026-11-25"));
  EXPECT_EQ(rows(s), (std::vector<std::string>{"2026-11 1/2/0/0"}));
}

TEST(ComputeStatsTest, EverythingDatedAfterTodayIsLeftOut) {
  const Stats s =
      compute_stats(network({contact("ada", "2026-10-01"), contact("later", "2026-12-01")},
                            {interaction("2026-12-02", {"ada"}, Intent::give),
                             interaction("2026-11-26", {"ada"}, Intent::ask)}),
                    day("2026-11-25"));
  EXPECT_EQ(rows(s), (std::vector<std::string>{"2026-10 0/0/0/0", "2026-11 0/0/0/0"}));
  EXPECT_EQ(s.gives + s.asks, 0);
}

TEST(ComputeStatsTest, AFirstReachLaterThisMonthIsNotReachedYet) {
  // Ada was reached in October. Bob's first give and Cleo's first catch-up
  // are later this month: this month shows them nowhere, and its homework
  // is still open.
  const Stats s = compute_stats(network({contact("ada", "2026-10-01"), contact("bob", "2026-10-01"),
                                         contact("cleo", "2026-10-01")},
                                        {interaction("2026-10-05", {"ada"}, Intent::give),
                                         interaction("2026-11-27", {"bob"}, Intent::give),
                                         interaction("2026-11-30", {"cleo"}, Intent::catch_up)}),
                                day("2026-11-25"));
  EXPECT_EQ(rows(s), (std::vector<std::string>{"2026-10 1/1/0/0", "2026-11 0/0/0/0"}));
  EXPECT_FALSE(s.this_month_met);
  EXPECT_EQ(s.streak, 1);
  EXPECT_EQ(s.gives, 1);
  EXPECT_EQ(s.catch_ups, 0);
}

TEST(ComputeStatsTest, AFirstReachOnTodayCounts) {
  const Stats s = compute_stats(
      network({contact("ada", "2026-11-01")}, {interaction("2026-11-25", {"ada"}, Intent::give)}),
      day("2026-11-25"));
  EXPECT_EQ(rows(s), (std::vector<std::string>{"2026-11 1/1/0/0"}));
  EXPECT_TRUE(s.this_month_met);
  EXPECT_EQ(s.streak, 1);
}

struct StreakCase {
  const char* label;
  std::vector<const char*> first_reached;  // one contact reached first on each date
  int goal;
  int streak;
  bool this_month_met;
};

class StreakTest : public testing::TestWithParam<StreakCase> {};

TEST_P(StreakTest, CountsConsecutiveMonthsMeetingTheGoal) {
  const StreakCase& c = GetParam();
  std::vector<Contact> contacts{contact("first", "2026-01-01")};
  std::vector<Interaction> log;
  int n = 0;
  for (const char* date : c.first_reached) {
    const std::string id = "c" + std::to_string(++n);
    contacts.push_back(contact(id.c_str(), "2026-01-01"));
    log.push_back(interaction(date, {id}, Intent::catch_up));
  }
  const Stats s = compute_stats(network(contacts, log, c.goal), day("2026-11-25"));
  EXPECT_EQ(s.streak, c.streak);
  EXPECT_EQ(s.this_month_met, c.this_month_met);
  EXPECT_EQ(s.goal, c.goal);
}

INSTANTIATE_TEST_SUITE_P(
    Table, StreakTest,
    testing::Values(
        StreakCase{"nothing_reached", {}, 1, 0, false},
        StreakCase{
            "ends_this_month_when_met", {"2026-09-03", "2026-10-03", "2026-11-03"}, 1, 3, true},
        StreakCase{"ends_last_month_while_this_month_is_open",
                   {"2026-08-03", "2026-09-03", "2026-10-03"},
                   1,
                   3,
                   false},
        StreakCase{"a_gap_breaks_it", {"2026-07-03", "2026-09-03", "2026-10-03"}, 1, 2, false},
        StreakCase{"last_month_missed_means_zero", {"2026-09-03"}, 1, 0, false},
        StreakCase{"goal_of_two_needs_two_a_month",
                   {"2026-10-01", "2026-10-02", "2026-11-01"},
                   2,
                   1,
                   false},
        StreakCase{"goal_zero_turns_homework_off", {"2026-11-03"}, 0, 0, true},
        StreakCase{
            "never_longer_than_the_data",
            {"2026-01-05", "2026-02-05", "2026-03-05", "2026-04-05", "2026-05-05", "2026-06-05",
             "2026-07-05", "2026-08-05", "2026-09-05", "2026-10-05", "2026-11-05"},
            1,
            11,
            true}),
    [](const testing::TestParamInfo<StreakCase>& p) { return std::string(p.param.label); });

TEST(MonthStatsTest, LabelIsYearDashMonth) {
  MonthStats m;
  m.month = date::year{2026} / date::March;
  EXPECT_EQ(m.label(), "2026-03");
  m.month = date::year{987} / date::December;
  EXPECT_EQ(m.label(), "0987-12");
}

}  // namespace
}  // namespace kith::stats_test
