// End-to-end: how repeatable options and positionals share the command line.
#include <gtest/gtest.h>

#include "support/testutil.h"

namespace kith::test::options_test {
namespace {

TEST(RepeatableOptionTest, TakesOneValuePerOccurrenceSoPositionalsStayPositional) {
  TempDir tmp;
  Kith kith{tmp / "data"};
  kith.today("2026-11-25");
  kith.ok({"add", "Ada Lovelace", "--tag", "math"});
  kith.ok({"add", "Alan Turing", "--tag", "math"});
  auto r = kith.ok({"list", "--tag", "math", "ada", "--json"});
  auto j = r.json();
  ASSERT_EQ(j.size(), 1u) << r.out;
  EXPECT_EQ(j[0]["id"], "ada-lovelace");
}

TEST(RepeatableOptionTest, ASecondBareValueIsAUsageError) {
  TempDir tmp;
  Kith kith{tmp / "data"};
  auto r = kith.run({"add", "Ada Lovelace", "--skill", "math", "poetry"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("poetry"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(tmp / "data/contacts/ada-lovelace.json"));
}

}  // namespace
}  // namespace kith::test::options_test
