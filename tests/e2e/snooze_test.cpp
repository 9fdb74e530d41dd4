// End-to-end: `kith snooze` and `kith unsnooze`.
#include <gtest/gtest.h>

#include "support/testutil.h"

namespace kith::test::snooze_test {
namespace {

class SnoozeTest : public ::testing::Test {
 protected:
  TempDir tmp;
  Kith kith{tmp / "data"};
  fs::path ada_file = tmp / "data/contacts/ada-lovelace.json";

  void SetUp() override {
    kith.today("2026-11-25");  // a Wednesday
    kith.ok({"add", "Ada Lovelace"});
  }
  nlohmann::ordered_json ada() { return read_json(ada_file); }
};

struct GoodUntil {
  const char* label;
  const char* until;
  const char* date;
};

class SnoozeUntilTest : public SnoozeTest, public ::testing::WithParamInterface<GoodUntil> {};

TEST_P(SnoozeUntilTest, StoresTheDateAndSaysSo) {
  auto r = kith.ok({"snooze", "ada", "--until", GetParam().until});
  EXPECT_TRUE(r.out.empty()) << r.out;
  EXPECT_NE(r.err.find(std::string("snoozed ada-lovelace (Ada Lovelace) until ") + GetParam().date),
            std::string::npos)
      << r.err;
  EXPECT_EQ(ada()["snoozed_until"], GetParam().date);
}

INSTANTIATE_TEST_SUITE_P(Dates, SnoozeUntilTest,
                         ::testing::Values(GoodUntil{"Iso", "2027-01-15", "2027-01-15"},
                                           GoodUntil{"Tomorrow", "tomorrow", "2026-11-26"},
                                           GoodUntil{"PlusMonths", "+2m", "2027-01-25"},
                                           GoodUntil{"WeekdayIsTheNextOne", "wed", "2026-12-02"},
                                           GoodUntil{"WeekdayLater", "friday", "2026-11-27"}),
                         [](const ::testing::TestParamInfo<GoodUntil>& p) {
                           return std::string(p.param.label);
                         });

TEST_F(SnoozeTest, ABareDurationIsFromTodayForUntilAndBy) {
  auto r = kith.run({"snooze", "ada", "--until", "2w"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "kith: snoozed ada-lovelace (Ada Lovelace) until 2026-12-09\n");
  EXPECT_EQ(ada()["snoozed_until"], "2026-12-09");
  r = kith.run({"log", "ada", "--follow-up", "send the paper", "--by", "3d", "--json"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.json()["follow_up"]["by"], "2026-11-28");
  // A past date is no duration from today: still refused.
  r = kith.run({"log", "ada", "--date", "3d"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("bad date '3d'"), std::string::npos) << r.err;
}

TEST_F(SnoozeTest, SnoozingAgainMovesTheDateAndSameDateIsANoOp) {
  kith.ok({"snooze", "ada", "--until", "2027-01-15"});
  auto r = kith.ok({"snooze", "ada", "--until", "2027-02-01"});
  EXPECT_NE(r.err.find("until 2027-02-01 (was 2027-01-15)"), std::string::npos) << r.err;
  const std::string before = read_file(ada_file);
  r = kith.ok({"snooze", "ada", "--until", "2027-02-01"});
  EXPECT_NE(r.err.find("already snoozed until 2027-02-01"), std::string::npos) << r.err;
  EXPECT_EQ(read_file(ada_file), before);
}

TEST_F(SnoozeTest, ShowDisplaysTheSnooze) {
  kith.ok({"snooze", "ada", "--until", "2027-01-15"});
  EXPECT_NE(kith.ok({"show", "ada"}).out.find("until 2027-01-15"), std::string::npos);
}

TEST_F(SnoozeTest, UnsnoozeClearsAndIsIdempotent) {
  kith.ok({"snooze", "ada", "--until", "2027-01-15"});
  auto r = kith.ok({"unsnooze", "ada"});
  EXPECT_NE(r.err.find("unsnoozed ada-lovelace (Ada Lovelace); it was snoozed until 2027-01-15"),
            std::string::npos)
      << r.err;
  EXPECT_TRUE(ada()["snoozed_until"].is_null());
  const std::string before = read_file(ada_file);
  r = kith.ok({"unsnooze", "ada"});
  EXPECT_NE(r.err.find("ada-lovelace (Ada Lovelace) is not snoozed"), std::string::npos) << r.err;
  EXPECT_EQ(read_file(ada_file), before);
}

TEST_F(SnoozeTest, UnsnoozeClearsASnoozeThatAlreadyEnded) {
  kith.ok({"snooze", "ada", "--until", "2026-12-01"});
  auto r = kith.today("2026-12-05").ok({"unsnooze", "ada"});
  EXPECT_NE(r.err.find("cleared the snooze of ada-lovelace (Ada Lovelace), which ended on "
                       "2026-12-01"),
            std::string::npos)
      << r.err;
  EXPECT_TRUE(ada()["snoozed_until"].is_null());
}

TEST_F(SnoozeTest, UnsnoozeWorksOnAnArchivedContact) {
  kith.ok({"snooze", "ada", "--until", "2027-01-15"});
  kith.ok({"rm", "ada"});
  kith.ok({"unsnooze", "ada-lovelace"});
  EXPECT_TRUE(ada()["snoozed_until"].is_null());
  EXPECT_EQ(ada()["archived"], true);
}

struct BadSnooze {
  const char* label;
  std::vector<std::string> args;
  const char* message;
};

class SnoozeUsageErrorTest : public SnoozeTest, public ::testing::WithParamInterface<BadSnooze> {};

TEST_P(SnoozeUsageErrorTest, ExitsTwoAndChangesNothing) {
  const std::string before = read_file(ada_file);
  auto r = kith.run(GetParam().args);
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_TRUE(r.out.empty()) << r.out;
  EXPECT_NE(r.err.find("kith: error: "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(GetParam().message), std::string::npos) << r.err;
  EXPECT_EQ(read_file(ada_file), before);
}

INSTANTIATE_TEST_SUITE_P(
    BadInput, SnoozeUsageErrorTest,
    ::testing::Values(
        BadSnooze{"NoUntil", {"snooze", "ada"}, "--until is required"},
        BadSnooze{"NoContact", {"snooze", "--until", "2027-01-01"}, "CONTACT is required"},
        BadSnooze{"PastDate",
                  {"snooze", "ada", "--until", "2026-11-01"},
                  "--until: 2026-11-01 is not after today (2026-11-25)"},
        BadSnooze{"Today", {"snooze", "ada", "--until", "today"}, "is not after today"},
        BadSnooze{"Ago", {"snooze", "ada", "--until", "3d ago"}, "is not after today"},
        BadSnooze{"BadDate",
                  {"snooze", "ada", "--until", "2027-02-30"},
                  "--until: bad date '2027-02-30'"},
        BadSnooze{"Gibberish", {"snooze", "ada", "--until", "someday"}, "bad date 'someday'"},
        BadSnooze{"UnknownContact", {"snooze", "zed", "--until", "+1w"}, "no contact matches"},
        BadSnooze{"UnsnoozeUnknown", {"unsnooze", "zed"}, "no contact matches"},
        BadSnooze{"UnsnoozeExtra", {"unsnooze", "ada", "--until", "+1w"}, "--until"}),
    [](const ::testing::TestParamInfo<BadSnooze>& p) { return std::string(p.param.label); });

TEST_F(SnoozeTest, BadDateFailsBeforeTouchingAMissingDataDirectory) {
  TempDir other;
  Kith fresh{other / "data"};
  auto r = fresh.run({"snooze", "ada", "--until", "yesterday"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_FALSE(fs::exists(other / "data"));
}

}  // namespace
}  // namespace kith::test::snooze_test
