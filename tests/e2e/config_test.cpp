// End-to-end: `kith config`, reading and changing the settings in kith.json.
#include <gtest/gtest.h>

#include "support/testutil.h"

namespace kith::test::config_test {
namespace {

using Json = nlohmann::ordered_json;

class ConfigTest : public ::testing::Test {
 protected:
  TempDir tmp;
  Kith kith{tmp / "data"};
  fs::path config_file = tmp / "data/kith.json";
  void SetUp() override { kith.today("2026-11-25"); }
};

TEST_F(ConfigTest, ListsEverySettingWithDefaultsMarkedAndCreatesNothing) {
  auto r = kith.ok({"config"});
  EXPECT_NE(r.out.find("every       3m  (default)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("homework    1   (default)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("autocommit  on  (default)"), std::string::npos) << r.out;
  EXPECT_TRUE(r.err.empty()) << r.err;
  EXPECT_FALSE(fs::exists(tmp / "data"));
}

TEST_F(ConfigTest, PrintsOneValue) {
  EXPECT_EQ(kith.ok({"config", "every"}).out, "3m\n");
  EXPECT_EQ(kith.ok({"config", "homework"}).out, "1\n");
}

TEST_F(ConfigTest, SetsAValueInItsCanonicalFormKeepingUnknownKeys) {
  write_file(config_file,
             R"({"format": "kith", "version": 1, "settings": {"theme": "dark"}, "owner": "me"})");
  auto r = kith.ok({"config", "every", "Quarterly"});
  EXPECT_TRUE(r.out.empty()) << r.out;
  EXPECT_NE(r.err.find("set every to quarterly"), std::string::npos) << r.err;
  kith.ok({"config", "homework", "2"});
  const Json j = read_json(config_file);
  EXPECT_EQ(j["settings"], (Json{{"theme", "dark"}, {"every", "quarterly"}, {"homework", 2}}));
  EXPECT_EQ(j["owner"], "me");
  EXPECT_EQ(kith.ok({"config", "every"}).out, "quarterly\n");
  auto list = kith.ok({"config"}).out;
  EXPECT_NE(list.find("homework    2"), std::string::npos) << list;
  EXPECT_EQ(list.find("homework    2   (default)"), std::string::npos) << list;
}

TEST_F(ConfigTest, TheDefaultCadenceIsWhatShowUses) {
  kith.ok({"add", "Ada Lovelace"});
  kith.ok({"config", "every", "off"});
  EXPECT_NE(kith.ok({"show", "ada"}).out.find("off (the default"), std::string::npos);
}

TEST_F(ConfigTest, SettingTheSameValueAgainWritesNothing) {
  kith.ok({"config", "homework", "3"});
  const std::string before = read_file(config_file);
  auto r = kith.ok({"config", "homework", "03"});
  EXPECT_NE(r.err.find("homework is already 3"), std::string::npos) << r.err;
  EXPECT_EQ(read_file(config_file), before);
}

TEST_F(ConfigTest, UnsetGoesBackToTheDefault) {
  kith.ok({"config", "every", "2w"});
  auto r = kith.ok({"config", "--unset", "every"});
  EXPECT_NE(r.err.find("every is back to its default, 3m"), std::string::npos) << r.err;
  EXPECT_FALSE(read_json(config_file)["settings"].contains("every"));
  r = kith.ok({"config", "--unset", "every"});
  EXPECT_NE(r.err.find("every is already the default"), std::string::npos) << r.err;
}

TEST_F(ConfigTest, JsonPrintsTheValuesInEffect) {
  kith.ok({"config", "homework", "0"});
  EXPECT_EQ(kith.ok({"config", "--json"}).json(),
            (Json{{"every", "3m"}, {"homework", 0}, {"daily", 7}, {"autocommit", "on"}}));
  EXPECT_EQ(kith.ok({"config", "every", "--json"}).json(), (Json{{"every", "3m"}}));
}

TEST_F(ConfigTest, DailyIsAWholeNumberFromOne) {
  EXPECT_EQ(kith.ok({"config", "daily"}).out, "7\n");
  kith.ok({"config", "daily", "3"});
  EXPECT_EQ(read_json(config_file)["settings"]["daily"], 3);
  auto r = kith.run({"config", "daily", "0"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("daily: '0' is not a whole number from 1 to 1000"), std::string::npos)
      << r.err;
  EXPECT_EQ(read_json(config_file)["settings"]["daily"], 3);
}

TEST_F(ConfigTest, ABrokenSettingIsADataErrorThatSettingItAgainRepairs) {
  write_file(config_file, R"({"format": "kith", "version": 1, "settings": {"every": "often"}})");
  auto r = kith.run({"config"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find("kith.json: setting 'every' is not a duration"), std::string::npos) << r.err;
  r = kith.run({"config", "homework", "2"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find("kith config --unset"), std::string::npos) << r.err;
  kith.ok({"config", "every", "1m"});
  EXPECT_EQ(kith.ok({"config", "every"}).out, "1m\n");
}

TEST_F(ConfigTest, ANewerFormatIsRefusedAndNeverRewritten) {
  const std::string newer = R"({"format": "kith", "version": 9, "settings": {}})";
  write_file(config_file, newer);
  auto r = kith.run({"config", "homework", "2"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find("newer"), std::string::npos) << r.err;
  EXPECT_EQ(read_file(config_file), newer);
}

struct BadConfig {
  const char* label;
  std::vector<std::string> args;
  const char* message;
};

class ConfigUsageErrorTest : public ConfigTest, public ::testing::WithParamInterface<BadConfig> {};

TEST_P(ConfigUsageErrorTest, ExitsTwoAndWritesNothing) {
  auto r = kith.run(GetParam().args);
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_TRUE(r.out.empty()) << r.out;
  EXPECT_NE(r.err.find("kith: error: "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(GetParam().message), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(tmp / "data"));
}

INSTANTIATE_TEST_SUITE_P(
    BadInput, ConfigUsageErrorTest,
    ::testing::Values(
        BadConfig{"UnknownKey", {"config", "colour"}, "unknown setting 'colour'"},
        BadConfig{"UnknownKeyListsTheValidOnes",
                  {"config", "colour", "red"},
                  "the settings are: every, homework"},
        BadConfig{"BadEvery", {"config", "every", "3x"}, "every: bad duration '3x'"},
        BadConfig{"ZeroEvery", {"config", "every", "0m"}, "every:"},
        BadConfig{"HomeworkTooBig", {"config", "homework", "1001"}, "from 0 to 1000"},
        BadConfig{"HomeworkNegative", {"config", "homework", "-1"}, "homework: '-1'"},
        BadConfig{"HomeworkWord", {"config", "homework", "one"}, "homework: 'one'"},
        BadConfig{"UnsetWithoutKey", {"config", "--unset"}, "--unset needs the name"},
        BadConfig{"UnsetWithValue", {"config", "--unset", "every", "2w"}, "--unset takes"},
        BadConfig{"UnsetUnknown", {"config", "--unset", "colour"}, "unknown setting"},
        BadConfig{"JsonWhenSetting", {"config", "every", "2w", "--json"}, "--json only applies"},
        BadConfig{"TooManyArguments", {"config", "every", "2w", "extra"}, "extra"}),
    [](const ::testing::TestParamInfo<BadConfig>& p) { return std::string(p.param.label); });

}  // namespace
}  // namespace kith::test::config_test
