// End-to-end: `kith log` on a temp data directory, success and error paths.
#include <algorithm>
#include <regex>
#include <set>

#include <gtest/gtest.h>

#include "support/testutil.h"

namespace kith::test::log_test {
namespace {

using Json = nlohmann::ordered_json;

// Every line of a month file, parsed.
std::vector<Json> log_lines(const fs::path& file) {
  std::vector<Json> out;
  const std::string text = read_file(file);
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string::npos) end = text.size();
    out.push_back(Json::parse(text.substr(pos, end - pos)));
    pos = end + 1;
  }
  return out;
}

class LogTest : public ::testing::Test {
 protected:
  TempDir tmp;
  Kith kith{tmp / "data"};
  void SetUp() override {
    kith.today("2026-11-25");  // a Wednesday
    kith.ok({"add", "Ada Lovelace", "--email", "ada@example.org"});
    kith.ok({"add", "Bob Builder"});
    kith.ok({"add", "Bob Marley"});
  }
  fs::path month(const std::string& ym) const { return tmp / ("data/log/" + ym + ".jsonl"); }
};

TEST_F(LogTest, PrintsTheNewIdAndAppendsOneLineToTheMonthOfTheDate) {
  auto r = kith.ok(
      {"log", "ada", "--date", "2026-10-03", "--kind", "Coffee", "--note", "Talked about engines"});
  std::smatch m;
  const std::string out = r.out;
  ASSERT_TRUE(std::regex_match(out, m, std::regex(R"((\d{8}T\d{6}Z-[0-9a-f]{6})\n)"))) << out;
  EXPECT_NE(r.err.find("logged a catch-up (coffee) with Ada Lovelace on 2026-10-03"),
            std::string::npos)
      << r.err;
  auto lines = log_lines(month("2026-10"));
  ASSERT_EQ(lines.size(), 1u);
  const Json& j = lines[0];
  EXPECT_EQ(j["id"], m[1].str());
  EXPECT_EQ(j["date"], "2026-10-03");
  EXPECT_EQ(j["contacts"], Json::array({"ada-lovelace"}));
  EXPECT_EQ(j["kind"], "coffee");
  EXPECT_EQ(j["intent"], "catch-up");
  EXPECT_EQ(j["note"], "Talked about engines");
  EXPECT_TRUE(std::regex_match(j["logged_at"].get<std::string>(),
                               std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)")));
  EXPECT_FALSE(j.contains("follow_up"));
  EXPECT_FALSE(fs::exists(month("2026-11")));
}

TEST_F(LogTest, DefaultsToACatchUpOfKindOtherToday) {
  auto j = kith.ok({"log", "ada", "--json"}).json();
  EXPECT_EQ(j["date"], "2026-11-25");
  EXPECT_EQ(j["kind"], "other");
  EXPECT_EQ(j["intent"], "catch-up");
  EXPECT_TRUE(j["note"].is_null());
  EXPECT_EQ(log_lines(month("2026-11")), std::vector<Json>{j});
}

TEST_F(LogTest, GiveAndAskSetTheIntent) {
  EXPECT_EQ(kith.ok({"log", "ada", "--give", "--json"}).json()["intent"], "give");
  auto r = kith.ok({"log", "ada", "--ask", "--json"});
  EXPECT_EQ(r.json()["intent"], "ask");
  EXPECT_NE(r.err.find("an ask does not reset the no-need clock"), std::string::npos) << r.err;
  EXPECT_EQ(log_lines(month("2026-11")).size(), 2u);
}

TEST_F(LogTest, OneInteractionNamesSeveralContactsInTheOrderGiven) {
  auto j =
      kith.ok({"log", "Builder", "ada@example.org", "--kind", "intro", "--give", "--json"}).json();
  EXPECT_EQ(j["contacts"], Json::array({"bob-builder", "ada-lovelace"}));
  EXPECT_EQ(log_lines(month("2026-11")).size(), 1u);
}

TEST_F(LogTest, WeekdaysMeanTheLastOneForDateAndTheNextOneForBy) {
  auto j = kith.ok({"log", "ada", "--date", "mon", "--follow-up", "Send the paper", "--by", "wed",
                    "--json"})
               .json();
  EXPECT_EQ(j["date"], "2026-11-23");
  EXPECT_EQ(j["follow_up"]["text"], "Send the paper");
  EXPECT_EQ(j["follow_up"]["by"], "2026-12-02");
  EXPECT_TRUE(j["follow_up"]["done_on"].is_null());
  j = kith.ok({"log", "ada", "--date", "wed", "--json"}).json();
  EXPECT_EQ(j["date"], "2026-11-25");
}

TEST_F(LogTest, AFollowUpWithoutByHasNoDate) {
  auto r = kith.ok({"log", "ada", "--follow-up", "Introduce her to Bob", "--json"});
  auto j = r.json();
  EXPECT_TRUE(j["follow_up"]["by"].is_null());
  EXPECT_NE(r.err.find("kith done " + j["id"].get<std::string>().substr(17) + "`"),
            std::string::npos)
      << r.err;
}

TEST_F(LogTest, RelativeAndPastDatesAreAccepted) {
  EXPECT_EQ(kith.ok({"log", "ada", "--date", "yesterday", "--json"}).json()["date"], "2026-11-24");
  EXPECT_EQ(kith.ok({"log", "ada", "--date", "2w ago", "--json"}).json()["date"], "2026-11-11");
  EXPECT_EQ(kith.ok({"log", "ada", "--date", "-1m", "--json"}).json()["date"], "2026-10-25");
  EXPECT_EQ(kith.ok({"log", "ada", "--date", "today", "--json"}).json()["date"], "2026-11-25");
}

TEST_F(LogTest, QuietHidesTheConfirmationButNotTheId) {
  auto r = kith.ok({"-q", "log", "ada"});
  EXPECT_TRUE(r.err.empty()) << r.err;
  EXPECT_FALSE(r.out.empty());
}

TEST_F(LogTest, AFirstNoNeedOutreachThisMonthIsCountedForTheHomework) {
  auto r = kith.ok({"log", "ada"});
  EXPECT_NE(r.err.find("counts for this month's homework"), std::string::npos) << r.err;
  r = kith.ok({"log", "ada"});
  EXPECT_EQ(r.err.find("homework"), std::string::npos) << r.err;
}

TEST_F(LogTest, IdsAreUniqueWithinTheSameSecond) {
  std::set<std::string> ids;
  for (int k = 0; k < 5; ++k) ids.insert(kith.ok({"log", "ada"}).out);
  EXPECT_EQ(ids.size(), 5u);
}

struct BadLog {
  const char* label;
  std::vector<std::string> args;
  const char* message;
};

class LogUsageErrorTest : public LogTest, public ::testing::WithParamInterface<BadLog> {};

TEST_P(LogUsageErrorTest, ExitsTwoWithAMessageAndWritesNothing) {
  // An archived contact, as `kith rm` leaves it.
  kith.ok({"add", "Old Friend"});
  auto old = read_json(tmp / "data/contacts/old-friend.json");
  old["archived"] = true;
  write_file(tmp / "data/contacts/old-friend.json", old.dump(2) + "\n");
  const auto before = tree(tmp / "data");

  auto r = kith.run(GetParam().args);
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_TRUE(r.out.empty()) << r.out;
  EXPECT_NE(r.err.find("kith: error: "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(GetParam().message), std::string::npos) << r.err;
  EXPECT_EQ(tree(tmp / "data"), before);
  EXPECT_FALSE(fs::exists(tmp / "data/log"));
}

INSTANTIATE_TEST_SUITE_P(
    BadInput, LogUsageErrorTest,
    ::testing::Values(
        BadLog{"NoContact", {"log"}, "CONTACT is required"},
        BadLog{"UnknownContact", {"log", "nobody"}, "no contact matches 'nobody'"},
        BadLog{"UnknownAmongKnown", {"log", "ada", "nobody"}, "no contact matches 'nobody'"},
        BadLog{"AmbiguousContact", {"log", "bob"}, "matches 2 contacts: bob-builder"},
        BadLog{"ArchivedContact", {"log", "old-friend"}, "'old-friend' is archived"},
        BadLog{"SameContactTwice", {"log", "ada", "ada-lovelace"}, "ada-lovelace a second time"},
        BadLog{"FutureDate", {"log", "ada", "--date", "tomorrow"}, "2026-11-26 is in the future"},
        BadLog{"FutureIsoDate", {"log", "ada", "--date", "2027-01-01"}, "in the future"},
        BadLog{"FutureRelativeDate", {"log", "ada", "--date", "+1d"}, "in the future"},
        BadLog{"BadDate", {"log", "ada", "--date", "2026-02-30"}, "bad date '2026-02-30'"},
        BadLog{"GarbageDate", {"log", "ada", "--date", "soon"}, "bad date 'soon'"},
        BadLog{"GiveAndAsk", {"log", "ada", "--give", "--ask"}, "--give excludes --ask"},
        BadLog{"ByWithoutFollowUp", {"log", "ada", "--by", "fri"}, "--by requires --follow-up"},
        BadLog{"BadBy", {"log", "ada", "--follow-up", "x", "--by", "someday"}, "bad date"},
        BadLog{"ByBeforeTheDate",
               {"log", "ada", "--date", "2026-11-20", "--follow-up", "x", "--by", "2026-11-19"},
               "is before the interaction"},
        BadLog{"EmptyFollowUp", {"log", "ada", "--follow-up", ""}, "--follow-up: empty"},
        BadLog{"EmptyNote", {"log", "ada", "--note", " "}, "--note: empty"},
        BadLog{"ControlInNote", {"log", "ada", "--note", "a\x1b[2Jb"}, "control characters"},
        BadLog{"KindWithSpace", {"log", "ada", "--kind", "long lunch"}, "bad kind 'long lunch'"},
        BadLog{"EmptyKind", {"log", "ada", "--kind", ""}, "bad kind"},
        BadLog{"UnknownOption", {"log", "ada", "--frobnicate"}, "--frobnicate"},
        BadLog{"BadToday", {"--today", "2026-13-01", "log", "ada"}, "--today: bad date"}),
    [](const ::testing::TestParamInfo<BadLog>& p) { return std::string(p.param.label); });

TEST(LogOnAMissingDataDir, AnUnknownContactCreatesNothing) {
  TempDir tmp;
  Kith kith{tmp / "data"};
  kith.today("2026-11-25");
  auto r = kith.run({"log", "ada"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("no contact matches 'ada'"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(tmp / "data"));
}

TEST_F(LogTest, ACorruptLogStopsWithExitOneAndIsNotTouched) {
  write_file(month("2026-11"), "{not json}\n{\"also\": 1}\n");
  auto r = kith.run({"log", "ada"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find("log/2026-11.jsonl:1"), std::string::npos) << r.err;
  EXPECT_EQ(read_file(month("2026-11")), "{not json}\n{\"also\": 1}\n");
}

}  // namespace
}  // namespace kith::test::log_test
