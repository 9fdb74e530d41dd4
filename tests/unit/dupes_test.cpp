#include "core/dupes.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace kith::dupes_test {
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
  EXPECT_EQ(to_string(DupeReason::transliterated_name), "transliterated");
  EXPECT_EQ(to_string(DupeReason::first_and_last_name), "first-last");
}

TEST(FindDupes, NamesInOtherScriptsMatchTheirTransliteration) {
  const auto groups = find_dupes({person("Dmitrii Ivanov"), person("Дмитрий Иванов"),
                                  person("李雷"), person("Li Lei"), person("Zoë")});
  ASSERT_EQ(groups.size(), 2u);
  EXPECT_EQ(groups[0].reason, DupeReason::transliterated_name);
  EXPECT_EQ(groups[0].who, (Indexes{0, 1}));
  EXPECT_EQ(groups[1].reason, DupeReason::transliterated_name);
  EXPECT_EQ(groups[1].who, (Indexes{2, 3}));
}

TEST(FindDupes, TheLatinKeysGivenAreUsedForNamesInOtherScripts) {
  // As the read cache gives them: empty for a name in Latin letters.
  const std::vector<std::string> latin = {"", "dmitrii ivanov", "zzz"};
  const auto groups =
      find_dupes({person("Dmitrii Ivanov"), person("Дмитрий Иванов"), person("Иван")}, latin);
  ASSERT_EQ(groups.size(), 1u);
  EXPECT_EQ(groups[0].reason, DupeReason::transliterated_name);
  EXPECT_EQ(groups[0].who, (Indexes{0, 1}));
}

TEST(FindDupes, AFoldedNameIsMoreCertainThanATransliteratedOne) {
  const auto groups = find_dupes({person("José Núñez"), person("jose nunez")});
  ASSERT_EQ(groups.size(), 1u);
  EXPECT_EQ(groups[0].reason, DupeReason::name);
}

TEST(FindDupes, AMiddleNameOrInitialMayBeMissingButNotDiffer) {
  // Byron and King disagree; the name without a middle one agrees with both.
  const auto groups = find_dupes(
      {person("Ada Byron Lovelace"), person("Ada King Lovelace"), person("Ada B. Lovelace")});
  ASSERT_EQ(groups.size(), 1u);
  EXPECT_EQ(groups[0].reason, DupeReason::first_and_last_name);
  EXPECT_EQ(groups[0].who, (Indexes{0, 2}));
  EXPECT_TRUE(find_dupes({person("Ada Byron Lovelace"), person("Ada King Lovelace")}).empty());
  const auto with_plain = find_dupes(
      {person("Ada Byron Lovelace"), person("Ada King Lovelace"), person("Ada Lovelace")});
  ASSERT_EQ(with_plain.size(), 1u);
  EXPECT_EQ(with_plain[0].who, (Indexes{0, 1, 2}));
  // A transliterated name with a middle name (a patronymic) is found too.
  const auto cyrillic = find_dupes({person("Дмитрий Сергеевич Иванов"), person("Dmitrii Ivanov")});
  ASSERT_EQ(cyrillic.size(), 1u);
  EXPECT_EQ(cyrillic[0].reason, DupeReason::first_and_last_name);
}

TEST(FindDupes, TwoContactsSharingTwoEmailsAreOneGroup) {
  Contact a = person("Ada"), b = person("Ada L.");
  a.emails = {"ada@x.example", "ada@y.example"};
  b.emails = {"ada@y.example", "ADA@x.example"};
  EXPECT_EQ(find_dupes({a, b}).size(), 1u);
}

TEST(FindDupes, KeepsTheActiveContactWithTheMostValuesThenTheOldest) {
  Contact a = person("Ada Lovelace"), b = person("Ada Lovelace"), c = person("Ada Lovelace");
  a.id = "a";
  b.id = "b";
  c.id = "c";
  b.emails = {"ada@x.example"};
  b.company = "Acme";
  c.emails = {"ada@y.example"};
  c.skills = {"math", "poetry"};
  c.archived = true;
  auto groups = find_dupes({a, b, c});
  ASSERT_EQ(groups.size(), 1u);
  EXPECT_EQ(groups[0].keep, 1u);  // b: c has as many values but is archived
  EXPECT_EQ(groups[0].others, (Indexes{0, 2}));
  b.company.reset();
  b.emails.clear();
  a.added_on = Date{date::year{2020} / 1 / 1};
  b.added_on = Date{date::year{2021} / 1 / 1};
  groups = find_dupes({a, b});
  ASSERT_EQ(groups.size(), 1u);
  EXPECT_EQ(groups[0].keep, 0u);  // as many values: the one added first
}

TEST(FindDupes, ALaterGroupMergesIntoWhatAnEarlierOneKept) {
  Contact a = person("Ada Lovelace"), b = person("Ada Lovelace"), c = person("Ada B. Lovelace");
  a.links = {"https://www.linkedin.com/in/ada"};
  b.links = {"linkedin.com/in/Ada/"};
  b.company = "Acme";  // b is kept of the first group
  const auto groups = find_dupes({a, b, c});
  ASSERT_EQ(groups.size(), 2u);
  EXPECT_EQ(groups[0].keep, 1u);
  EXPECT_EQ(groups[0].others, (Indexes{0}));
  // a went into b: the second line merges c into b alone.
  EXPECT_EQ(groups[1].keep, 1u);
  EXPECT_EQ(groups[1].others, (Indexes{2}));
}

}  // namespace
}  // namespace kith::dupes_test
