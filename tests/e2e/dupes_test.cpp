// End-to-end: `kith dupes` on a temp data directory.
#include <string>

#include <gtest/gtest.h>

#include "support/testutil.h"

namespace kith::test {
namespace {

using Json = nlohmann::ordered_json;

class DupesTest : public ::testing::Test {
 protected:
  TempDir tmp;
  Kith kith{tmp / "data"};
  void SetUp() override { kith.today("2026-11-25"); }
};

TEST_F(DupesTest, ListsGroupsMostCertainFirstWithTheirReason) {
  kith.ok({"add", "Ada Lovelace", "--email", "ada@example.org"});
  kith.ok({"add", "Ada L.", "--email", "ADA@example.org", "--company", "Acme"});
  kith.ok({"add", "John Smith"});
  kith.ok({"add", "John Smith"});
  kith.ok({"add", "Grace B. Hopper", "--phone", "+44 20 7946 0000"});
  kith.ok({"add", "Grace Hopper"});
  kith.ok({"add", "G. Hopper", "--phone", "020 7946 0000"});
  kith.ok({"add", "Zoë Achterberg"});
  auto j = kith.ok({"dupes", "--json"}).json();
  ASSERT_EQ(j.size(), 4u) << j.dump(1);
  EXPECT_EQ(j[0], Json({{"reason", "email"},
                        {"value", "ADA@example.org"},
                        {"ids", Json::array({"ada-l", "ada-lovelace"})}}))
      << j.dump(1);
  EXPECT_EQ(j[1]["reason"], "phone");
  EXPECT_EQ(j[1]["ids"], Json::array({"g-hopper", "grace-b-hopper"}));
  EXPECT_EQ(j[2]["reason"], "name");
  EXPECT_EQ(j[2]["ids"], Json::array({"john-smith", "john-smith-2"}));
  EXPECT_EQ(j[3]["reason"], "first-last");
  EXPECT_EQ(j[3]["ids"], Json::array({"grace-b-hopper", "grace-hopper"}));

  auto out = kith.ok({"dupes"}).out;
  EXPECT_NE(out.find("4 groups of likely duplicates, the most certain first:"), std::string::npos)
      << out;
  EXPECT_NE(out.find("same email ADA@example.org"), std::string::npos) << out;
  EXPECT_NE(out.find("same first and last name"), std::string::npos) << out;
  EXPECT_EQ(out.find("zoe"), std::string::npos) << out;
}

TEST_F(DupesTest, SaysSoWhenThereAreNoneAndCreatesNothing) {
  auto r = kith.ok({"dupes"});
  EXPECT_EQ(r.out, "No likely duplicates among 0 contacts.\n");
  EXPECT_FALSE(fs::exists(tmp / "data"));
  EXPECT_EQ(kith.ok({"dupes", "--json"}).json(), Json::array());
}

}  // namespace
}  // namespace kith::test
