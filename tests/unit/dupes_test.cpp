#include "core/dupes.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace kith {
namespace {

using Indexes = std::vector<std::size_t>;

Contact person(std::string name) {
  Contact c;
  c.id = name;
  c.name = std::move(name);
  return c;
}

TEST(FindDupes, NoGroupWithoutASharedKey) {
  EXPECT_TRUE(find_dupes({person("Ada"), person("Grace"), person("Zoë")}).empty());
  EXPECT_TRUE(find_dupes({}).empty());
}

TEST(FindDupes, APairSharingSeveralKeysIsListedOnceByTheMostCertain) {
  Contact a = person("Ada Lovelace"), b = person("ada lovelace");
  a.emails = {"ada@x.example"};
  b.emails = {"ADA@x.example"};
  a.phones = b.phones = {"+1 555 010 0000"};
  const auto groups = find_dupes({a, b});
  ASSERT_EQ(groups.size(), 1u);
  EXPECT_EQ(groups[0].reason, DupeReason::email);
  EXPECT_EQ(groups[0].value, "ada@x.example");
  EXPECT_EQ(groups[0].who, (Indexes{0, 1}));
}

TEST(FindDupes, AWeakerReasonGroupsOnlyWhenItJoinsSomeoneNew) {
  Contact a = person("Ada Lovelace"), b = person("Ada Lovelace"), c = person("Ada B. Lovelace");
  a.links = {"https://www.linkedin.com/in/ada"};
  b.links = {"linkedin.com/in/Ada/"};
  const auto groups = find_dupes({a, b, c});
  ASSERT_EQ(groups.size(), 2u);
  EXPECT_EQ(groups[0].reason, DupeReason::url);
  EXPECT_EQ(groups[0].who, (Indexes{0, 1}));
  EXPECT_EQ(groups[1].reason, DupeReason::first_and_last_name);
  EXPECT_EQ(groups[1].who, (Indexes{0, 1, 2}));
}

TEST(FindDupes, ShortPhonesAndSingleWordNamesMakeNoFirstLastGroup) {
  Contact a = person("Cher"), b = person("Madonna");
  a.phones = b.phones = {"112"};
  EXPECT_TRUE(find_dupes({a, b}).empty());
}

TEST(FindDupes, ReasonsHaveTheirJsonNames) {
  EXPECT_EQ(to_string(DupeReason::email), "email");
  EXPECT_EQ(to_string(DupeReason::url), "url");
  EXPECT_EQ(to_string(DupeReason::phone), "phone");
  EXPECT_EQ(to_string(DupeReason::name), "name");
  EXPECT_EQ(to_string(DupeReason::first_and_last_name), "first-last");
}

}  // namespace
}  // namespace kith
