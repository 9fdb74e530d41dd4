#include "core/importer.h"

#include <ostream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "support/labels.h"

namespace kith {
namespace {

using ::kith::test::operator<<;

using Strings = std::vector<std::string>;

const Date kToday = *parse_iso_date("2026-11-25");

Contact contact(std::string id, std::string name) {
  Contact c;
  c.id = std::move(id);
  c.name = std::move(name);
  c.added_on = *parse_iso_date("2026-01-01");
  return c;
}

ImportRecord record(std::string name, int line = 1) {
  ImportRecord r;
  r.where = {"in", line};
  r.contact.name = std::move(name);
  return r;
}

ImportPlan plan(const Network& n, std::vector<ImportRecord> records,
                MergePolicy policy = MergePolicy::update) {
  ImportBatch batch;
  batch.records = std::move(records);
  return plan_import(n, std::move(batch), policy, kToday);
}

Strings ids(const std::vector<Contact>& contacts) {
  Strings out;
  for (const auto& c : contacts) out.push_back(c.id);
  return out;
}

TEST(PlanImport, NewPeopleGetSluggedIdsAndTodayAsAddedOn) {
  Network n;
  n.contacts.push_back(contact("ada-lovelace", "Ada Lovelace"));
  auto r1 = record("José Núñez");
  r1.contact.emails = {"jose@x.example"};
  auto r2 = record("Ada Lovelace");  // same name, but an email that matches nobody
  r2.contact.emails = {"other@x.example"};
  auto p = plan(n, {r1, r2});
  EXPECT_EQ(ids(p.added), (Strings{"jose-nunez", "ada-lovelace-2"}));
  EXPECT_EQ(p.added[0].added_on, kToday);
  ASSERT_EQ(p.warnings.size(), 1u);
  EXPECT_NE(p.warnings[0].message.find("possible duplicate: ada-lovelace-2"), std::string::npos);
}

struct MatchCase {
  const char* label;
  ImportRecord incoming;
  std::string matched;  // id of the contact it updates, "" when it is added
};

Network match_network() {
  Network n;
  Contact a = contact("ada", "Ada Lovelace");
  a.emails = {"Ada@Example.org"};
  a.links = {"https://www.linkedin.com/in/ada-l/"};
  Contact g = contact("grace", "Grace Hopper");
  g.extra["vcard_uid"] = "UID-G";
  Contact j1 = contact("john", "John Smith");
  Contact j2 = contact("john-2", "John Smith");
  Contact archived = contact("old", "Old Friend");
  archived.archived = true;
  n.contacts = {a, g, archived, j1, j2};
  return n;
}

ImportRecord with(ImportRecord r, void (*change)(ImportRecord&)) {
  change(r);
  return r;
}

class PlanMatchTest : public testing::TestWithParam<MatchCase> {};

TEST_P(PlanMatchTest, MatchesByIdUidProfileUrlEmailThenUniqueName) {
  ImportRecord r = GetParam().incoming;
  r.contact.notes = "new note";  // something to change, so a match shows as an update
  auto p = plan(match_network(), {r});
  if (GetParam().matched.empty()) {
    EXPECT_EQ(p.added.size(), 1u);
    EXPECT_TRUE(p.updated.empty());
  } else {
    EXPECT_TRUE(p.added.empty()) << p.added[0].id;
    EXPECT_EQ(ids(p.updated), (Strings{GetParam().matched}));
  }
}

INSTANTIATE_TEST_SUITE_P(
    Table, PlanMatchTest,
    testing::Values(
        MatchCase{"named_id",
                  with(record("Someone"), [](ImportRecord& r) { r.contact.id = "ada"; }), "ada"},
        MatchCase{"vcard_uid", with(record("G."), [](ImportRecord& r) { r.uid = "UID-G"; }),
                  "grace"},
        MatchCase{
            "profile_url_any_spelling",
            with(record("A."),
                 [](ImportRecord& r) { r.contact.links = {"http://LinkedIn.com/in/ada-l?trk=x"}; }),
            "ada"},
        MatchCase{
            "email_any_case",
            with(record("A."), [](ImportRecord& r) { r.contact.emails = {"ada@EXAMPLE.org"}; }),
            "ada"},
        MatchCase{"unique_name_without_keys", record("GRACE hopper"), "grace"},
        MatchCase{"name_not_used_when_keys_given",
                  with(record("Grace Hopper"),
                       [](ImportRecord& r) { r.contact.emails = {"g@new.example"}; }),
                  ""},
        MatchCase{"ambiguous_name_adds", record("John Smith"), ""},
        MatchCase{"archived_contacts_match_too", record("Old Friend"), "old"},
        MatchCase{"other_linkedin_path_is_not_a_profile",
                  with(record("A."),
                       [](ImportRecord& r) {
                         r.contact.links = {"https://www.linkedin.com/company/ada-l"};
                       }),
                  ""}),
    [](const auto& c) { return std::string(c.param.label); });

TEST(PlanImport, MergeAddsToListsAndFillsEmptyFieldsButNeverErases) {
  Network n;
  Contact a = contact("ada", "Ada Lovelace");
  a.emails = {"ada@example.org"};
  a.tags = {"Math"};
  a.location = "London";
  a.notes = "kept";
  n.contacts.push_back(a);
  auto r = record("Ada L.");
  r.contact.emails = {"ADA@example.org", "ada@work.example"};
  r.contact.tags = {"math", "poetry"};
  r.contact.location = "Paris";
  r.contact.met_on = *parse_iso_date("2024-03-12");
  auto p = plan(n, {r});
  ASSERT_EQ(p.updated.size(), 1u);
  const Contact& u = p.updated[0];
  EXPECT_EQ(u.name, "Ada Lovelace");
  EXPECT_EQ(u.emails, (Strings{"ada@example.org", "ada@work.example"}));
  EXPECT_EQ(u.tags, (Strings{"Math", "poetry"}));
  EXPECT_EQ(u.location, "London");
  EXPECT_EQ(u.notes, "kept");
  EXPECT_EQ(format_date(*u.met_on), "2024-03-12");
  EXPECT_TRUE(p.job_changes.empty());
}

struct JobCase {
  const char* label;
  Job kept;
  Job incoming;
  Job expected;
  bool reported;
};

class PlanJobTest : public testing::TestWithParam<JobCase> {};

TEST_P(PlanJobTest, ANewCompanyOrRoleIsAJobChange) {
  const JobCase& c = GetParam();
  Network n;
  Contact a = contact("ada", "Ada");
  a.emails = {"ada@x.example"};
  a.company = c.kept.company;
  a.role = c.kept.role;
  n.contacts.push_back(a);
  auto r = record("Ada");
  r.contact.emails = {"ada@x.example"};
  r.contact.company = c.incoming.company;
  r.contact.role = c.incoming.role;
  auto p = plan(n, {r});
  const Contact& result = p.updated.empty() ? n.contacts[0] : p.updated[0];
  EXPECT_EQ(result.company, c.expected.company);
  EXPECT_EQ(result.role, c.expected.role);
  if (c.reported) {
    ASSERT_EQ(p.job_changes.size(), 1u);
    EXPECT_EQ(p.job_changes[0].id, "ada");
    EXPECT_EQ(p.job_changes[0].from, c.kept);
    EXPECT_EQ(p.job_changes[0].to, c.expected);
    ASSERT_EQ(result.job_changes.size(), 1u);
    EXPECT_EQ(result.job_changes[0].on, kToday);
    EXPECT_EQ(result.job_changes[0].from, c.kept);
    EXPECT_EQ(result.job_changes[0].to, c.expected);
  } else {
    EXPECT_TRUE(p.job_changes.empty());
    EXPECT_TRUE(result.job_changes.empty());
  }
}

INSTANTIATE_TEST_SUITE_P(
    Table, PlanJobTest,
    testing::Values(
        JobCase{"new_company_and_role",
                {"Acme", "Engineer"},
                {"Globex", "CTO"},
                {"Globex", "CTO"},
                true},
        JobCase{"promotion", {"Acme", "Engineer"}, {"Acme", "Lead"}, {"Acme", "Lead"}, true},
        JobCase{
            "new_company_role_unknown", {"Acme", "Engineer"}, {"Globex", {}}, {"Globex", {}}, true},
        JobCase{"same_job_other_case",
                {"Acme", "Engineer"},
                {"ACME", "engineer"},
                {"Acme", "Engineer"},
                false},
        JobCase{"first_known_job_is_not_a_change",
                {},
                {"Acme", "Engineer"},
                {"Acme", "Engineer"},
                false},
        JobCase{"empty_never_erases", {"Acme", "Engineer"}, {}, {"Acme", "Engineer"}, false}),
    [](const auto& c) { return std::string(c.param.label); });

TEST(PlanImport, RestorePolicyFillsButNeverReplacesAJob) {
  Network n;
  Contact a = contact("ada", "Ada");
  a.company = "New";
  n.contacts.push_back(a);
  auto r = record("Ada");
  r.contact.id = "ada";
  r.contact.company = "Old";
  r.contact.role = "Eng";
  r.contact.job_changes.push_back({kToday, {"A", {}}, {"B", {}}, {}});
  auto p = plan(n, {r}, MergePolicy::restore);
  ASSERT_EQ(p.updated.size(), 1u);
  EXPECT_EQ(p.updated[0].company, "New");
  EXPECT_EQ(p.updated[0].role, "Eng");
  EXPECT_EQ(p.updated[0].job_changes.size(), 1u);
  EXPECT_TRUE(p.job_changes.empty());
}

TEST(PlanImport, ReimportingTheSameRecordsChangesNothing) {
  Network n;
  auto r = record("Ada Lovelace");
  r.contact.links = {"https://www.linkedin.com/in/ada"};
  r.contact.company = "Acme";
  r.contact.tags = {"linkedin"};
  auto first = plan(n, {r, record("No Keys")});
  ASSERT_EQ(first.added.size(), 2u);
  n.contacts = first.added;
  auto second = plan(n, {r, record("No Keys")});
  EXPECT_TRUE(second.added.empty());
  EXPECT_TRUE(second.updated.empty());
  EXPECT_EQ(second.unchanged, 2);
  EXPECT_FALSE(second.changes_something());
}

TEST(PlanImport, TheSamePersonTwiceInOneFileIsAddedOnce) {
  auto r1 = record("Ada", 2);
  r1.contact.emails = {"ada@x.example"};
  auto r2 = record("Ada", 3);
  r2.contact.emails = {"ada@x.example"};
  r2.contact.phones = {"123"};
  auto p = plan(Network{}, {r1, r2});
  ASSERT_EQ(p.added.size(), 1u);
  EXPECT_EQ(p.added[0].phones, (Strings{"123"}));
}

TEST(PlanImport, NamedIdsAreKeptWhenFreeAndReplacedWhenNot) {
  Network n;
  n.contacts.push_back(contact("taken", "Somebody"));
  auto free_id = record("Free Person");
  free_id.contact.id = "custom-id";
  auto invalid = record("Bad Id");
  invalid.contact.id = "Not Valid";
  auto p = plan(n, {free_id, invalid});
  EXPECT_EQ(ids(p.added), (Strings{"custom-id", "bad-id"}));
}

TEST(PlanImport, ForeignUidsAreKeptForTheNextImport) {
  auto r = record("Grace");
  r.uid = "urn:uuid:1";
  auto first = plan(Network{}, {r});
  ASSERT_EQ(first.added.size(), 1u);
  EXPECT_EQ(first.added[0].extra["vcard_uid"], "urn:uuid:1");
  Network n;
  n.contacts = first.added;
  auto renamed = record("Grace Hopper");
  renamed.uid = "urn:uuid:1";
  renamed.contact.phones = {"123"};
  auto second = plan(n, {renamed});
  EXPECT_TRUE(second.added.empty());
  EXPECT_EQ(ids(second.updated), (Strings{first.added[0].id}));
}

TEST(PlanImport, RecordsNamingIdsAreNotMergedWithEachOtherByEmail) {
  auto a = record("Ada");
  a.contact.id = "ada";
  a.contact.emails = {"shared@x.example"};
  auto b = record("Ada Again");
  b.contact.id = "ada-2";
  b.contact.emails = {"shared@x.example"};
  auto p = plan(Network{}, {a, b}, MergePolicy::restore);
  EXPECT_EQ(ids(p.added), (Strings{"ada", "ada-2"}));
}

Interaction interaction(std::string id, Strings contacts) {
  Interaction i;
  i.id = std::move(id);
  i.date = *parse_iso_date("2026-02-03");
  i.contacts = std::move(contacts);
  i.logged_at = "2026-02-03T10:00:00Z";
  return i;
}

TEST(PlanImport, InteractionsAreMappedToTheMatchedContactsAndNotDuplicated) {
  Network n;
  Contact kept = contact("ada-l", "Ada Lovelace");
  kept.emails = {"ada@x.example"};
  n.contacts.push_back(kept);
  n.contacts.push_back(contact("bob", "Bob"));
  n.interactions.push_back(interaction("already", {"bob"}));
  ImportBatch batch;
  auto ada = record("Ada Lovelace");
  ada.contact.id = "ada";  // another id in the exporting data, same email
  ada.contact.emails = {"ada@x.example"};
  batch.records = {ada};
  batch.interactions = {{{"b.json", 10}, interaction("already", {"bob"})},
                        {{"b.json", 11}, interaction("new-1", {"ada", "bob", "ghost"})},
                        {{"b.json", 12}, interaction("new-2", {"ghost"})}};
  auto p = plan_import(n, std::move(batch), MergePolicy::restore, kToday);
  EXPECT_EQ(p.interactions_unchanged, 1);
  ASSERT_EQ(p.interactions.size(), 1u);
  EXPECT_EQ(p.interactions[0].contacts, (Strings{"ada-l", "bob"}));
  ASSERT_EQ(p.skipped.size(), 1u);
  EXPECT_EQ(p.skipped[0].where.line, 12);
}

TEST(PlanImport, ProfileAndSettingsGainWhatTheyLack) {
  Network n;
  n.profile.skills = {"Rust"};
  n.config.settings = {{"every", "1m"}};
  ImportBatch batch;
  Profile p;
  p.name = "Noor";
  p.skills = {"rust", "hiring"};
  batch.profile = p;
  batch.settings = {{"every", "6m"}, {"homework", 3}};
  auto result = plan_import(n, std::move(batch), MergePolicy::restore, kToday);
  ASSERT_TRUE(result.profile);
  EXPECT_EQ(result.profile->name, "Noor");
  EXPECT_EQ(result.profile->skills, (Strings{"Rust", "hiring"}));
  ASSERT_TRUE(result.settings);
  EXPECT_EQ((*result.settings)["every"], "1m");
  EXPECT_EQ((*result.settings)["homework"], 3);
  EXPECT_EQ(result.settings_added, (Strings{"homework"}));
}

TEST(PlanImport, InvalidSettingsAreLeftOutWithAWarning) {
  ImportBatch batch;
  batch.settings = {{"every", "sometimes"}};
  batch.records.push_back(record("A"));
  auto result = plan_import(Network{}, std::move(batch), MergePolicy::restore, kToday);
  EXPECT_FALSE(result.settings);
  ASSERT_EQ(result.warnings.size(), 1u);
  EXPECT_NE(result.warnings[0].message.find("settings left as they are"), std::string::npos);
}

TEST(OneLine, ControlCharactersBecomeSpacesAndEndsAreTrimmed) {
  EXPECT_EQ(one_line("  Founder,\nCEO\t "), "Founder, CEO");
  EXPECT_EQ(one_line("a\x1b[31m"), "a [31m");
}

}  // namespace
}  // namespace kith
