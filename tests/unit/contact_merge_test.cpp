#include "core/contact_merge.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace kith::contact_merge_test {
namespace {

Date ymd(int y, unsigned m, unsigned d) {
  return Date{date::year{y} / date::month{m} / date::day{d}};
}

Contact person(std::string id, std::string name) {
  Contact c;
  c.id = std::move(id);
  c.name = std::move(name);
  c.added_on = ymd(2026, 1, 2);
  return c;
}

ContactMerge merged(const Contact& keep, const std::vector<Contact>& others) {
  auto r = merge_contacts(keep, others);
  EXPECT_TRUE(r) << r.error().message;
  return r ? *r : ContactMerge{};
}

std::vector<std::string> fields_of(const std::vector<MergeAddition>& added) {
  std::vector<std::string> out;
  for (const auto& a : added) out.push_back(a.field + "=" + a.value + "<" + a.from);
  return out;
}

TEST(MergeContacts, ListsAreUnitedByEachFieldsKeyKeepsValuesFirst) {
  Contact keep = person("ada", "Ada Lovelace");
  keep.emails = {"ada@example.org"};
  keep.phones = {"+44 20 7946 0000"};
  keep.tags = {"APIs"};
  keep.links = {"https://www.linkedin.com/in/ada"};
  Contact other = person("ada-l", "Ada L.");
  other.emails = {"ADA@example.org", "ada@work.example"};
  other.phones = {"+44 (20) 7946-0000", "+1 555 0100"};
  other.tags = {"api", "math"};
  other.links = {"linkedin.com/in/ada/"};
  other.skills = {"poetry"};
  const ContactMerge m = merged(keep, {other});
  EXPECT_EQ(m.merged.emails, (std::vector<std::string>{"ada@example.org", "ada@work.example"}));
  EXPECT_EQ(m.merged.phones, (std::vector<std::string>{"+44 20 7946 0000", "+1 555 0100"}));
  EXPECT_EQ(m.merged.tags, (std::vector<std::string>{"APIs", "math"}));
  EXPECT_EQ(m.merged.links, (std::vector<std::string>{"https://www.linkedin.com/in/ada"}));
  EXPECT_EQ(m.merged.skills, (std::vector<std::string>{"poetry"}));
  EXPECT_EQ(fields_of(m.added),
            (std::vector<std::string>{"emails=ada@work.example<ada-l", "phones=+1 555 0100<ada-l",
                                      "tags=math<ada-l", "skills=poetry<ada-l"}));
}

TEST(MergeContacts, ScalarsStayKeepsUnlessEmptyAndEachDifferenceIsAConflict) {
  Contact keep = person("ada", "Ada Lovelace");
  keep.company = "Acme";
  keep.role = "Engineer";
  keep.notes = "  ";  // blank: as good as none
  Contact other = person("ada-l", "ADA LOVELACE");
  other.company = "Babbage Ltd";
  other.role = "engineer";
  other.location = "London";
  other.notes = "Likes poetry";
  other.how_met = "Royal Society";
  const ContactMerge m = merged(keep, {other});
  EXPECT_EQ(m.merged.name, "Ada Lovelace");
  EXPECT_EQ(m.merged.company, "Acme");
  EXPECT_EQ(m.merged.role, "Engineer");
  EXPECT_EQ(m.merged.location, "London");
  EXPECT_EQ(m.merged.notes, "Likes poetry");
  EXPECT_EQ(m.merged.how_met, "Royal Society");
  ASSERT_EQ(m.conflicts.size(), 1u);  // the name and the role differ only in case
  EXPECT_EQ(m.conflicts[0].field, "company");
  EXPECT_EQ(m.conflicts[0].kept, "Acme");
  EXPECT_EQ(m.conflicts[0].other, "Babbage Ltd");
  EXPECT_EQ(m.conflicts[0].from, "ada-l");
}

TEST(MergeContacts, CompaniesAreComparedWithoutLegalFormsAndNamesWithoutAccents) {
  Contact keep = person("jose", "José Núñez");
  keep.company = "Acme";
  Contact other = person("jose-2", "Jose Nunez");
  other.company = "ACME, Inc.";
  EXPECT_TRUE(merged(keep, {other}).conflicts.empty());
}

TEST(MergeContacts, ABirthdayWithAYearFillsTheSameDayWithoutOne) {
  Contact keep = person("ada", "Ada");
  keep.birthday = Birthday{std::nullopt, 12, 10};
  Contact other = person("ada-2", "Ada");
  other.birthday = Birthday{1815, 12, 10};
  const ContactMerge m = merged(keep, {other});
  ASSERT_TRUE(m.merged.birthday);
  EXPECT_EQ(m.merged.birthday->year, 1815);
  EXPECT_TRUE(m.conflicts.empty());

  Contact third = person("ada-3", "Ada");
  third.birthday = Birthday{1816, 12, 10};
  const ContactMerge again = merged(m.merged, {third});
  ASSERT_EQ(again.conflicts.size(), 1u);
  EXPECT_EQ(again.conflicts[0].field, "birthday");
  EXPECT_EQ(again.conflicts[0].kept, "1815-12-10");
  EXPECT_EQ(again.conflicts[0].other, "1816-12-10");
}

TEST(MergeContacts, JobChangesAreCombinedOnceOldestFirst) {
  JobChange a{ymd(2025, 3, 1), Job{"Acme", "Engineer"}, Job{"Acme", "Lead"}, Json::object()};
  JobChange b{ymd(2026, 5, 1), Job{"Acme", "Lead"}, Job{"Globex", "CTO"}, Json::object()};
  JobChange c{ymd(2024, 1, 1), Job{std::nullopt, "Intern"}, Job{"Acme", "Engineer"},
              Json::object()};
  Contact keep = person("ada", "Ada");
  keep.job_changes = {b};
  Contact other = person("ada-2", "Ada");
  other.job_changes = {c, a, b};
  const ContactMerge m = merged(keep, {other});
  ASSERT_EQ(m.merged.job_changes.size(), 3u);
  EXPECT_EQ(m.merged.job_changes[0].on, ymd(2024, 1, 1));
  EXPECT_EQ(m.merged.job_changes[1].on, ymd(2025, 3, 1));
  EXPECT_EQ(m.merged.job_changes[2].on, ymd(2026, 5, 1));
  EXPECT_EQ(fields_of(m.added),
            (std::vector<std::string>{"job_changes=2024-01-01: Intern -> Engineer at Acme<ada-2",
                                      "job_changes=2025-03-01: Engineer at Acme -> Lead at "
                                      "Acme<ada-2"}));
}

TEST(MergeContacts, TheEarliestAddedOnAndArchivedOnlyWhenAllWere) {
  Contact keep = person("ada", "Ada");
  keep.archived = true;
  Contact other = person("ada-2", "Ada");
  other.added_on = ymd(2020, 5, 6);
  const ContactMerge m = merged(keep, {other});
  EXPECT_EQ(m.merged.added_on, ymd(2020, 5, 6));
  EXPECT_FALSE(m.merged.archived);
  Contact archived = other;
  archived.archived = true;
  EXPECT_TRUE(merged(keep, {archived}).merged.archived);
}

TEST(MergeContacts, EachOthersIdAndAliasesBecomeKeepsAliases) {
  Contact keep = person("ada", "Ada");
  keep.aliases = {"ada-old"};
  Contact b = person("ada-b", "Ada");
  b.aliases = {"ada-older", "ada"};
  Contact c = person("ada-c", "Ada");
  const ContactMerge m = merged(keep, {b, c});
  EXPECT_EQ(m.merged.id, "ada");
  EXPECT_EQ(m.merged.aliases, (std::vector<std::string>{"ada-old", "ada-b", "ada-older", "ada-c"}));
}

TEST(MergeContacts, UnknownKeysAreKeptAndTheirDifferencesAreConflicts) {
  Contact keep = person("ada", "Ada");
  keep.extra["crm_id"] = 17;
  Contact other = person("ada-2", "Ada");
  other.extra["crm_id"] = 18;
  other.extra["vcard_uid"] = "urn:uuid:1";
  const ContactMerge m = merged(keep, {other});
  EXPECT_EQ(m.merged.extra["crm_id"], 17);
  EXPECT_EQ(m.merged.extra["vcard_uid"], "urn:uuid:1");
  ASSERT_EQ(m.conflicts.size(), 1u);
  EXPECT_EQ(m.conflicts[0].field, "crm_id");
  EXPECT_EQ(m.conflicts[0].kept, "17");
  EXPECT_EQ(m.conflicts[0].other, "18");
}

TEST(MergeContacts, SeveralOthersMergeInTheOrderGiven) {
  Contact keep = person("ada", "Ada");
  Contact b = person("b", "Ada");
  b.company = "First";
  Contact c = person("c", "Ada");
  c.company = "Second";
  const ContactMerge m = merged(keep, {b, c});
  EXPECT_EQ(m.merged.company, "First");
  ASSERT_EQ(m.conflicts.size(), 1u);
  EXPECT_EQ(m.conflicts[0].from, "c");
}

TEST(MergeContacts, MergingAgainChangesNothing) {
  Contact keep = person("ada", "Ada");
  keep.emails = {"a@example.org"};
  Contact other = person("ada-2", "Ada B.");
  other.emails = {"b@example.org"};
  other.company = "Acme";
  const ContactMerge once = merged(keep, {other});
  const ContactMerge twice = merged(once.merged, {other});
  EXPECT_EQ(to_json(twice.merged), to_json(once.merged));
  EXPECT_TRUE(twice.added.empty());
  EXPECT_TRUE(holds_all_of(once.merged, other));
  EXPECT_FALSE(holds_all_of(keep, other));
}

const AliasMap kAliases = {{"ada-l", "ada"}, {"grace-2", "grace"}};

TEST(RewriteReferences, OnlyLinesNamingAnAliasChangeTheOthersStayByteForByte) {
  const std::string text =
      "{\"id\":\"a\", \"date\":\"2026-11-01\",\"contacts\":[\"grace\"]}\n"
      "{\"id\":\"b\",\"date\":\"2026-11-02\",\"contacts\":[\"ada-l\",\"grace\"],\"kind\":\"call\","
      "\"intent\":\"give\",\"note\":\"ada-l\",\"logged_at\":\"2026-11-02T10:00:00Z\",\"x\":1}\n"
      "not json naming \"ada-l\"\n"
      "{\"id\":\"c\",\"date\":\"2026-11-03\",\"contacts\":[\"ada\",\"ada-l\"]}";
  const ReferenceRewrite r = rewrite_references(text, kAliases);
  EXPECT_EQ(r.changed, 2);
  EXPECT_EQ(r.text,
            "{\"id\":\"a\", \"date\":\"2026-11-01\",\"contacts\":[\"grace\"]}\n"
            "{\"id\":\"b\",\"date\":\"2026-11-02\",\"contacts\":[\"ada\",\"grace\"],\"kind\":"
            "\"call\",\"intent\":\"give\",\"note\":\"ada-l\",\"logged_at\":\"2026-11-02T10:00:"
            "00Z\",\"x\":1}\n"
            "not json naming \"ada-l\"\n"
            "{\"id\":\"c\",\"date\":\"2026-11-03\",\"contacts\":[\"ada\"],\"kind\":\"other\","
            "\"intent\":\"catch-up\",\"note\":null,\"logged_at\":\"\"}");
  EXPECT_EQ(count_references(text, kAliases), 2);
  EXPECT_EQ(count_references(r.text, kAliases), 0);
}

TEST(RewriteReferences, ANoteOrKindThatSpellsAnAliasIsNotAReference) {
  const std::string text =
      "{\"id\":\"a\",\"date\":\"2026-11-01\",\"contacts\":[\"grace\"],\"note\":\"ada-l\"}\n";
  const ReferenceRewrite r = rewrite_references(text, kAliases);
  EXPECT_EQ(r.changed, 0);
  EXPECT_EQ(r.text, text);
}

TEST(RewriteReferences, NoAliasesNoChange) {
  const std::string text = "{\"id\":\"a\",\"date\":\"2026-11-01\",\"contacts\":[\"ada-l\"]}\n";
  EXPECT_EQ(rewrite_references(text, {}).text, text);
  EXPECT_EQ(rewrite_references(text, {}).changed, 0);
  EXPECT_EQ(rewrite_references("", kAliases).text, "");
}

}  // namespace
}  // namespace kith::contact_merge_test
