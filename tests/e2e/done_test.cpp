// End-to-end: `kith done` closes a follow-up by rewriting its line in place.
#include <gtest/gtest.h>

#include "support/testutil.h"

namespace kith::test::done_test {
namespace {

using Json = nlohmann::ordered_json;

std::string trim(std::string s) {
  while (!s.empty() && s.back() == '\n') s.pop_back();
  return s;
}

class DoneTest : public ::testing::Test {
 protected:
  TempDir tmp;
  Kith kith{tmp / "data"};
  std::string first, second, plain;
  void SetUp() override {
    kith.today("2026-11-20");
    kith.ok({"add", "Ada Lovelace"});
    first = trim(kith.ok({"log", "ada", "--date", "2026-11-03", "--follow-up", "Send the paper",
                          "--by", "2026-11-10"})
                     .out);
    plain = trim(kith.ok({"log", "ada", "--date", "2026-11-05"}).out);
    second = trim(kith.ok({"log", "ada", "--ask", "--follow-up", "Thank her"}).out);
    kith.today("2026-11-25");
  }
  fs::path month() const { return tmp / "data/log/2026-11.jsonl"; }
  std::vector<Json> lines() const {
    std::vector<Json> out;
    const std::string text = read_file(month());
    std::size_t pos = 0;
    while (pos < text.size()) {
      const std::size_t end = text.find('\n', pos);
      out.push_back(Json::parse(text.substr(pos, end - pos)));
      pos = end + 1;
    }
    return out;
  }
};

TEST_F(DoneTest, SetsDoneOnToTodayAndLeavesEveryOtherLineAsItWas) {
  const auto before = lines();
  ASSERT_EQ(before.size(), 3u);
  auto r = kith.ok({"done", first});
  EXPECT_EQ(r.out, "");
  // The confirmation names it by its short id, as `kith show` does.
  EXPECT_NE(r.err.find("done: Send the paper (" + first.substr(17) + ")"), std::string::npos)
      << r.err;
  const auto after = lines();
  ASSERT_EQ(after.size(), 3u);
  EXPECT_EQ(after[0]["id"], first);
  EXPECT_EQ(after[0]["follow_up"]["done_on"], "2026-11-25");
  Json expected = before[0];
  expected["follow_up"]["done_on"] = "2026-11-25";
  EXPECT_EQ(after[0], expected);
  EXPECT_EQ(after[1], before[1]);
  EXPECT_EQ(after[2], before[2]);
}

TEST_F(DoneTest, DueNoLongerListsIt) {
  auto j = kith.ok({"due", "--json"}).json();
  ASSERT_EQ(j["follow_ups"].size(), 2u);
  EXPECT_EQ(j["follow_ups"][0]["id"], first);
  EXPECT_EQ(j["follow_ups"][1]["id"], second);
  EXPECT_TRUE(j["follow_ups"][1]["by"].is_null());
  kith.ok({"done", first});
  j = kith.ok({"due", "--json"}).json();
  ASSERT_EQ(j["follow_ups"].size(), 1u);
  EXPECT_EQ(j["follow_ups"][0]["id"], second);
}

TEST_F(DoneTest, AUniquePrefixIsEnough) {
  // All but the last two hex digits of the id.
  const std::string prefix = second.substr(0, second.size() - 2);
  kith.ok({"done", prefix});
  EXPECT_EQ(lines()[2]["follow_up"]["done_on"], "2026-11-25");
  EXPECT_TRUE(lines()[0]["follow_up"]["done_on"].is_null());
}

TEST_F(DoneTest, AlreadyDoneIsAFriendlyNoOp) {
  kith.ok({"done", first});
  const std::string content = read_file(month());
  auto r = kith.today("2026-11-30").ok({"done", first});
  EXPECT_NE(r.err.find("already done on 2026-11-25"), std::string::npos) << r.err;
  EXPECT_EQ(read_file(month()), content);
}

TEST_F(DoneTest, KeepsKeysItDoesNotKnow) {
  std::string content = read_file(month());
  const std::string needle = "\"done_on\":null}";
  const auto pos = content.find(needle);
  ASSERT_NE(pos, std::string::npos) << content;
  content.replace(pos, needle.size(), "\"done_on\":null,\"channel\":\"email\"}");
  write_file(month(), content);
  kith.ok({"done", first});
  EXPECT_EQ(lines()[0]["follow_up"]["channel"], "email");
}

struct BadDone {
  const char* label;
  std::vector<std::string> args;
  const char* message;
};

class DoneUsageErrorTest : public DoneTest, public ::testing::WithParamInterface<BadDone> {};

TEST_P(DoneUsageErrorTest, ExitsTwoAndChangesNothing) {
  const std::string content = read_file(month());
  std::vector<std::string> args = GetParam().args;
  for (auto& a : args) {
    if (a == "PLAIN") a = plain;
    if (a == "SHARED") a = first.substr(0, 3);  // the century and decade
  }
  auto r = kith.run(args);
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("kith: error: "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(GetParam().message), std::string::npos) << r.err;
  EXPECT_EQ(read_file(month()), content);
}

INSTANTIATE_TEST_SUITE_P(
    BadInput, DoneUsageErrorTest,
    ::testing::Values(BadDone{"NoId", {"done"}, "FOLLOW_UP_ID is required"},
                      BadDone{
                          "Unknown", {"done", "20991231T000000Z-000000"}, "no follow-up matches"},
                      BadDone{"NoFollowUp", {"done", "PLAIN"}, "has no follow-up"},
                      BadDone{"Ambiguous", {"done", "SHARED"}, "matches 2 follow-ups"},
                      BadDone{"NotAnId", {"done", "../etc"}, "is not an interaction id"},
                      BadDone{"TwoIds", {"done", "a", "b"}, "b"}),
    [](const ::testing::TestParamInfo<BadDone>& p) { return std::string(p.param.label); });

TEST(DoneOnAMissingDataDir, FailsWithoutCreatingAnything) {
  TempDir tmp;
  Kith kith{tmp / "data"};
  kith.today("2026-11-25");
  auto r = kith.run({"done", "20261105T212043Z-046f02"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("no follow-up matches"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(tmp / "data"));
}

TEST_F(DoneTest, ATornLastLineIsNotRewritten) {
  const std::string content = read_file(month()) + "{\"id\":\"torn";
  write_file(month(), content);
  auto r = kith.run({"done", first});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find("torn"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("kith doctor --fix"), std::string::npos) << r.err;
  EXPECT_EQ(read_file(month()), content);
}

}  // namespace
}  // namespace kith::test::done_test
