#include "core/vocabulary.h"

#include <set>
#include <string>

#include <gtest/gtest.h>

#include "core/dates.h"
#include "core/model.h"

namespace kith::vocabulary_test {
namespace {

const Date kToday = Date{date::year{2026} / 11 / 25};

TEST(SettingKeys, ListEveryHomeworkDailyAndAutocommitWithTheKindOfValueEachTakes) {
  const auto keys = setting_keys();
  ASSERT_EQ(keys.size(), 4u);
  EXPECT_EQ(keys[0].key, "every");
  EXPECT_EQ(keys[0].value_name, "DURATION");
  EXPECT_EQ(keys[1].key, "homework");
  EXPECT_EQ(keys[1].value_name, "N");
  EXPECT_EQ(keys[2].key, "daily");
  EXPECT_EQ(keys[2].value_name, "N");
  EXPECT_EQ(keys[3].key, "autocommit");
  EXPECT_EQ(keys[3].value_name, "on|off");
  for (const auto& k : keys) EXPECT_FALSE(k.summary.empty()) << k.key;
}

TEST(SettingKeys, SummariesStateTheDefaultsTheSettingsStructUses) {
  const Settings defaults;
  EXPECT_NE(find_setting_key("every")->summary.find("(" + defaults.every.text + ")"),
            std::string_view::npos);
  EXPECT_NE(
      find_setting_key("homework")->summary.find("(" + std::to_string(defaults.homework) + ")"),
      std::string_view::npos);
  EXPECT_TRUE(defaults.autocommit);
  EXPECT_NE(find_setting_key("autocommit")->summary.find("(on)"), std::string_view::npos);
}

TEST(FindSettingKey, FindsKnownKeysExactlyAndNothingElse) {
  struct Case {
    std::string_view key;
    bool known;
  };
  for (const Case c : {Case{"every", true}, Case{"homework", true}, Case{"Every", false},
                       Case{"ever", false}, Case{"", false}, Case{"every ", false}}) {
    SCOPED_TRACE(std::string(c.key));
    EXPECT_EQ(find_setting_key(c.key) != nullptr, c.known);
  }
}

TEST(StandardKinds, AreDistinctLowerCaseWordsEndingWithTheDefaultOther) {
  const auto kinds = standard_kinds();
  ASSERT_EQ(kinds.size(), 10u);
  EXPECT_EQ(kinds.back(), "other");
  std::set<std::string_view> seen;
  for (auto k : kinds) {
    EXPECT_TRUE(seen.insert(k).second) << k;
    for (char c : k) EXPECT_TRUE(c >= 'a' && c <= 'z') << k;
  }
}

TEST(CompletionShells, AreBashZshAndFish) {
  const auto shells = completion_shells();
  ASSERT_EQ(shells.size(), 3u);
  EXPECT_EQ(shells[0], "bash");
  EXPECT_EQ(shells[1], "zsh");
  EXPECT_EQ(shells[2], "fish");
}

TEST(SuggestedDates, EveryOneParsesInBothDirections) {
  ASSERT_EQ(suggested_dates().size(), 10u);
  for (auto d : suggested_dates()) {
    EXPECT_TRUE(parse_date(d, kToday, DateDirection::past).ok()) << d;
    EXPECT_TRUE(parse_date(d, kToday, DateDirection::future).ok()) << d;
  }
}

TEST(SuggestedDurations, EveryOneParsesWhereOffIsNotAllowed) {
  ASSERT_EQ(suggested_durations().size(), 10u);
  for (auto d : suggested_durations()) EXPECT_TRUE(parse_duration(d, AllowOff::no).ok()) << d;
}

}  // namespace
}  // namespace kith::vocabulary_test
