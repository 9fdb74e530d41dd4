// End-to-end: `kith dupes` on a temp data directory.
#include <string>

#include <gtest/gtest.h>

#include "support/testutil.h"

namespace kith::test::dupes_test {
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
                        {"ids", Json::array({"ada-l", "ada-lovelace"})},
                        {"keep", "ada-l"},
                        {"merge", Json::array({"ada-lovelace"})},
                        {"command", "kith merge ada-l ada-lovelace"}}))
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
  EXPECT_NE(out.find("  kith merge ada-l ada-lovelace\n"), std::string::npos) << out;
  EXPECT_EQ(out.find("zoe"), std::string::npos) << out;
}

TEST_F(DupesTest, EachGroupEndsWithAMergeLineAndTheLinesRunFromTheTop) {
  kith.ok({"add", "Ada Lovelace", "--id", "ada", "--link", "https://www.linkedin.com/in/ada",
           "--company", "Acme"});
  kith.ok({"add", "Ada Lovelace", "--id", "ada-2", "--link", "linkedin.com/in/ada/"});
  kith.ok({"add", "Ada B. Lovelace", "--id", "ada-b"});
  // B. is not King, but both may be the Ada Lovelace without a middle name.
  kith.ok({"add", "Ada King Lovelace", "--id", "ada-k"});
  kith.ok({"add", "Дмитрий Иванов", "--id", "dmitrii-cyr", "--email", "d@example.ru"});
  kith.ok({"add", "Dmitrii Ivanov", "--id", "dmitrii"});
  const Json j = kith.ok({"dupes", "--json"}).json();
  std::vector<std::string> lines;
  for (const auto& g : j)
    lines.push_back(g["reason"].get<std::string>() + ": " + g["command"].get<std::string>());
  EXPECT_EQ(lines, (std::vector<std::string>{"url: kith merge ada ada-2",
                                             "transliterated: kith merge dmitrii-cyr dmitrii",
                                             "first-last: kith merge ada ada-b ada-k"}))
      << j.dump(1);
  // Run from the top, the lines make one contact of each group.
  for (const auto& g : j) {
    std::vector<std::string> args{"merge"};
    args.push_back(g["keep"]);
    for (const auto& id : g["merge"]) args.push_back(id);
    args.push_back("--yes");
    args.push_back("-q");
    kith.ok(args);
  }
  EXPECT_EQ(kith.ok({"dupes"}).out, "No likely duplicates among 2 contacts.\n");
}

TEST_F(DupesTest, DoctorSaysHowManyGroupsThereAre) {
  kith.ok({"add", "John Smith", "-q"});
  kith.ok({"add", "John Smith", "-q"});
  auto r = kith.ok({"doctor"});
  EXPECT_NE(r.out.find("1 group of likely duplicates: `kith dupes` lists them"), std::string::npos)
      << r.out;
  EXPECT_EQ(kith.ok({"doctor", "--json"}).json()["dupe_groups"], 1);
  kith.ok({"merge", "john-smith", "john-smith-2", "--yes", "-q"});
  EXPECT_EQ(kith.ok({"doctor"}).out.find("likely duplicates"), std::string::npos);
  EXPECT_EQ(kith.ok({"doctor", "--json"}).json()["dupe_groups"], 0);
}

TEST_F(DupesTest, SaysSoWhenThereAreNoneAndCreatesNothing) {
  auto r = kith.ok({"dupes"});
  EXPECT_EQ(r.out, "No likely duplicates among 0 contacts.\n");
  EXPECT_FALSE(fs::exists(tmp / "data"));
  EXPECT_EQ(kith.ok({"dupes", "--json"}).json(), Json::array());
}

}  // namespace
}  // namespace kith::test::dupes_test
