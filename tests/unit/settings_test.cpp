#include "core/settings.h"

#include <string>

#include <gtest/gtest.h>

#include "core/vocabulary.h"

namespace kith::settings_test {
namespace {

struct ValueCase {
  const char* label;
  const char* key;
  const char* input;
  Json stored;          // null: a usage error is expected
  const char* message;  // part of the error message
};

class ParseSettingValueTest : public testing::TestWithParam<ValueCase> {};

TEST_P(ParseSettingValueTest, StoresTheCanonicalValueOrRefusesIt) {
  const ValueCase& c = GetParam();
  auto v = parse_setting_value(c.key, c.input);
  if (c.stored.is_null()) {
    ASSERT_FALSE(v.ok()) << v->dump();
    EXPECT_EQ(v.error().kind, ErrorKind::usage);
    EXPECT_NE(v.error().message.find(c.message), std::string::npos) << v.error().message;
  } else {
    ASSERT_TRUE(v.ok()) << v.error().message;
    EXPECT_EQ(*v, c.stored);
  }
}

INSTANTIATE_TEST_SUITE_P(
    Table, ParseSettingValueTest,
    testing::Values(ValueCase{"every_months", "every", "2m", Json("2m"), ""},
                    ValueCase{"every_leading_zero", "every", "03m", Json("3m"), ""},
                    ValueCase{"every_named", "every", "Quarterly", Json("quarterly"), ""},
                    ValueCase{"every_off", "every", "off", Json("off"), ""},
                    ValueCase{"every_bad_unit", "every", "3x", Json(), "every: bad duration '3x'"},
                    ValueCase{"every_zero", "every", "0d", Json(), "every:"},
                    ValueCase{"every_empty", "every", "", Json(), "every:"},
                    ValueCase{"homework_one", "homework", "1", Json(1), ""},
                    ValueCase{"homework_zero", "homework", "0", Json(0), ""},
                    ValueCase{"homework_max", "homework", "1000", Json(1000), ""},
                    ValueCase{"homework_leading_zero", "homework", "007", Json(7), ""},
                    ValueCase{"homework_too_big", "homework", "1001", Json(), "homework: '1001'"},
                    ValueCase{"homework_negative", "homework", "-1", Json(), "from 0 to 1000"},
                    ValueCase{"homework_word", "homework", "two", Json(), "'two'"},
                    ValueCase{"homework_fraction", "homework", "1.5", Json(), "'1.5'"},
                    ValueCase{"homework_huge", "homework", "99999999999999999999", Json(),
                              "from 0"},
                    ValueCase{"homework_empty", "homework", "", Json(), "''"},
                    ValueCase{"daily_seven", "daily", "7", Json(7), ""},
                    ValueCase{"daily_max", "daily", "1000", Json(1000), ""},
                    ValueCase{"daily_zero_is_refused", "daily", "0", Json(),
                              "daily: '0' is not a whole number from 1 to 1000"},
                    ValueCase{"daily_word", "daily", "many", Json(), "'many'"},
                    ValueCase{"autocommit_on", "autocommit", "on", Json("on"), ""},
                    ValueCase{"autocommit_off", "autocommit", "off", Json("off"), ""},
                    ValueCase{"autocommit_false", "autocommit", "False", Json("off"), ""},
                    ValueCase{"autocommit_yes", "autocommit", "yes", Json("on"), ""},
                    ValueCase{"autocommit_word", "autocommit", "maybe", Json(),
                              "autocommit: 'maybe' is not on or off"},
                    ValueCase{"autocommit_empty", "autocommit", "", Json(), "autocommit:"},
                    ValueCase{"unknown_key", "colour", "red", Json(), "unknown setting 'colour'"},
                    ValueCase{"keys_are_case_sensitive", "Every", "3m", Json(), "unknown setting"}),
    [](const testing::TestParamInfo<ValueCase>& p) { return std::string(p.param.label); });

// Every setting of the shared list has its values checked here, a value in
// effect and a description of what it accepts: a setting added to the list
// without them fails this test.
TEST(SettingValuesTest, EverySettingOfTheVocabularyIsHandled) {
  ASSERT_FALSE(setting_keys().empty());
  const Settings defaults;
  for (const auto& key : setting_keys()) {
    EXPECT_FALSE(setting_values(key.key).empty()) << key.key;
    EXPECT_FALSE(setting_value(defaults, key.key).is_null()) << key.key;
    auto unknown = parse_setting_value(key.key, "\x01");
    ASSERT_FALSE(unknown.ok()) << key.key;
    EXPECT_EQ(unknown.error().message.find("unknown setting"), std::string::npos) << key.key;
  }
  EXPECT_TRUE(setting_values("nope").empty());
  EXPECT_EQ(setting_names(), "every, homework, daily, autocommit");
}

TEST(SettingValueTest, ValuesInEffectAreTyped) {
  Settings s;
  EXPECT_EQ(setting_value(s, "every"), Json("3m"));
  EXPECT_EQ(setting_value(s, "homework"), Json(1));
  s.homework = 4;
  EXPECT_EQ(setting_value(s, "homework"), Json(4));
  EXPECT_TRUE(setting_value(s, "nope").is_null());
  EXPECT_EQ(setting_value(s, "daily"), Json(7));
  EXPECT_EQ(setting_value(s, "autocommit"), Json("on"));
  s.autocommit = false;
  EXPECT_EQ(setting_value(s, "autocommit"), Json("off"));
}

TEST(SettingValueTest, AutocommitIsReadFromTheFileAndCheckedThere) {
  Config c;
  c.settings = Json{{"autocommit", "off"}};
  auto read = settings_of(c, "kith.json");
  ASSERT_TRUE(read.ok());
  EXPECT_FALSE(read->autocommit);
  for (const Json& bad : {Json(true), Json("yes"), Json(1)}) {
    c.settings = Json{{"autocommit", bad}};
    auto refused = settings_of(c, "kith.json");
    ASSERT_FALSE(refused.ok()) << bad.dump();
    EXPECT_NE(refused.error().message.find("kith.json: setting 'autocommit'"), std::string::npos);
  }
}

TEST(WithSettingTest, SetsAndUnsetsKeepingEverythingElse) {
  Config c;
  c.settings = Json{{"future", "kept"}, {"homework", 3}};
  c.extra = Json{{"note", "kept too"}};
  auto set = with_setting(c, "every", Json("2w"));
  ASSERT_TRUE(set.ok()) << set.error().message;
  EXPECT_EQ(set->settings, (Json{{"future", "kept"}, {"homework", 3}, {"every", "2w"}}));
  EXPECT_EQ(set->extra, c.extra);
  EXPECT_TRUE(is_setting_stored(*set, "every"));
  auto unset = with_setting(*set, "homework", std::nullopt);
  ASSERT_TRUE(unset.ok());
  EXPECT_EQ(unset->settings, (Json{{"future", "kept"}, {"every", "2w"}}));
  EXPECT_FALSE(is_setting_stored(*unset, "homework"));
}

TEST(WithSettingTest, UnknownKeyIsAUsageError) {
  auto r = with_setting(Config{}, "colour", Json("red"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, ErrorKind::usage);
  EXPECT_NE(r.error().hint.find("every, homework"), std::string::npos);
}

TEST(WithSettingTest, AnotherBrokenSettingIsADataErrorUnlessItIsReplaced) {
  Config c;
  c.settings = Json{{"every", "fortnightly-ish"}};
  auto r = with_setting(c, "homework", Json(2));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, ErrorKind::data);
  EXPECT_NE(r.error().message.find("'every'"), std::string::npos) << r.error().message;
  EXPECT_TRUE(with_setting(c, "every", Json("2w")).ok());
  EXPECT_TRUE(with_setting(c, "every", std::nullopt).ok());
}

TEST(IsSettingStoredTest, NullCountsAsUnset) {
  Config c;
  c.settings = Json{{"every", nullptr}, {"homework", 2}};
  EXPECT_FALSE(is_setting_stored(c, "every"));
  EXPECT_TRUE(is_setting_stored(c, "homework"));
}

}  // namespace
}  // namespace kith::settings_test
