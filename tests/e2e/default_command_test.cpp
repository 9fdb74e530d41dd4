// End-to-end: `kith` with no command is `kith due`, options included.
#include <gtest/gtest.h>

#include "support/testutil.h"

namespace kith::test::default_command_test {
namespace {

class DefaultCommandTest : public ::testing::Test {
 protected:
  TempDir tmp;
  Kith kith{tmp / "data"};
  void SetUp() override {
    kith.today("2026-11-25");
    kith.ok({"add", "Ada Lovelace", "--met", "2026-01-01", "--every", "1m"});
  }
};

TEST_F(DefaultCommandTest, DueOptionsWithoutACommandGoToDue) {
  auto alone = kith.ok({"--json"}).json();
  auto explicit_due = kith.ok({"due", "--json"}).json();
  EXPECT_EQ(alone, explicit_due);
  ASSERT_EQ(alone["due"].size(), 1u);
  EXPECT_EQ(alone["due"][0]["id"], "ada-lovelace");
}

TEST_F(DefaultCommandTest, GlobalOptionsBeforeDueOptionsStillApply) {
  auto r = kith.ok({"--today", "2026-01-15", "--json"});
  EXPECT_EQ(r.json()["today"], "2026-01-15");
  EXPECT_TRUE(r.json()["due"].empty());
}

TEST_F(DefaultCommandTest, UnknownCommandIsAUsageErrorNamingIt) {
  auto r = kith.run({"--today", "2026-01-15", "frobnicate"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("unknown command 'frobnicate'"), std::string::npos) << r.err;
  EXPECT_TRUE(r.out.empty());
}

TEST_F(DefaultCommandTest, UnknownOptionIsAUsageError) {
  auto r = kith.run({"--frobnicate"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--frobnicate"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace kith::test::default_command_test
