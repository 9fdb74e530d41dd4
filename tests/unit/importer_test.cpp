#include "core/importer.h"

#include <ostream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "support/labels.h"

namespace kith::importer_test {
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
  auto r2 = record("Ada Lovelace", 7);  // same name, another LinkedIn profile: someone else
  r2.contact.links = {"https://www.linkedin.com/in/ada-two"};
  n.contacts[0].links = {"https://www.linkedin.com/in/ada-one"};
  auto p = plan(n, {r1, r2});
  EXPECT_EQ(ids(p.added), (Strings{"jose-nunez", "ada-lovelace-2"}));
  EXPECT_EQ(p.added[0].added_on, kToday);
  EXPECT_TRUE(p.warnings.empty()) << "a possible duplicate is counted, not warned about";
  ASSERT_EQ(p.possible_duplicates.size(), 1u);
  EXPECT_EQ(p.possible_duplicates[0].id, "ada-lovelace-2");
  EXPECT_EQ(p.possible_duplicates[0].like, "ada-lovelace");
  EXPECT_EQ(p.possible_duplicates[0].where.line, 7);
}

TEST(PlanImport, AMeetingDateAfterTodayIsLeftOutWithAWarning) {
  auto later = record("Ada Lovelace", 4);
  later.contact.met_on = *parse_iso_date("2030-01-01");
  auto today = record("Bo Stone", 5);
  today.contact.met_on = kToday;
  auto p = plan(Network{}, {later, today});
  ASSERT_EQ(p.added.size(), 2u);
  EXPECT_FALSE(p.added[0].met_on.has_value());
  EXPECT_EQ(p.added[1].met_on, kToday);
  ASSERT_EQ(p.warnings.size(), 1u);
  EXPECT_EQ(p.warnings[0].where.line, 4);
  EXPECT_EQ(p.warnings[0].message, "met on 2030-01-01, after today; left out");
}

// A contact you added by hand that an import matches stays yours: what the
// import brings (the "linkedin" tag, a vCard UID) comes with imported_from
// null, so that it is not taken for a contact kith imported.
TEST(PlanImport, AContactOfYoursMatchedByAnImportIsNotMarkedImported) {
  Network n;
  n.contacts.push_back(contact("ada", "Ada Lovelace"));
  n.contacts[0].emails = {"ada@x.example"};
  n.contacts.push_back(contact("bo", "Bo Stone"));
  n.contacts[1].emails = {"bo@x.example"};
  n.contacts[1].tags = {"linkedin"};  // imported by a kith that did not write imported_from
  auto ada = record("Ada Lovelace", 2);
  ada.contact.emails = {"ada@x.example"};
  ada.contact.tags = {"linkedin"};
  auto bo = record("Bo Stone", 3);
  bo.contact.emails = {"bo@x.example"};
  bo.contact.company = "Acme";
  auto p = plan(n, {ada, bo});
  ASSERT_EQ(ids(p.updated), (Strings{"ada", "bo"}));
  ASSERT_TRUE(p.updated[0].extra.contains("imported_from"));
  EXPECT_TRUE(p.updated[0].extra["imported_from"].is_null());
  EXPECT_FALSE(p.updated[1].extra.contains("imported_from"));
}

TEST(PlanImport, AnIdMergedIntoAContactIsTakenAndFindsThatContact) {
  Network n;
  Contact ada = contact("ada", "Ada Lovelace");
  ada.aliases = {"ada-l"};
  n.contacts.push_back(ada);
  // A backup made before the merge names ada-l: its record and its
  // interaction land on ada.
  ImportBatch batch;
  auto named = record("Ada L.");
  named.contact.id = "ada-l";
  named.contact.skills = {"poetry"};
  batch.records.push_back(named);
  Interaction i;
  i.id = "i-1";
  i.date = kToday;
  i.contacts = {"ada-l"};
  batch.interactions.push_back({{"in", 2}, i});
  // A new person whose name makes the slug of the alias gets another id.
  batch.records.push_back(record("Ada L"));
  auto p = plan_import(n, std::move(batch), MergePolicy::restore, kToday);
  EXPECT_EQ(ids(p.updated), (Strings{"ada"}));
  EXPECT_EQ(p.updated[0].skills, (Strings{"poetry"}));
  EXPECT_EQ(ids(p.added), (Strings{"ada-l-2"}));
  ASSERT_EQ(p.interactions.size(), 1u);
  EXPECT_EQ(p.interactions[0].contacts, (Strings{"ada"}));
}

struct MatchCase {
  const char* label;
  ImportRecord incoming;
  std::string matched;  // id of the contact it updates, "" when it is added
  const char* by = "";  // why it matched
};

Network match_network() {
  Network n;
  Contact a = contact("ada", "Ada Lovelace");
  a.emails = {"Ada@Example.org"};
  a.links = {"https://www.linkedin.com/in/ada-l/"};
  Contact g = contact("grace", "Grace Hopper");
  g.extra["vcard_uid"] = "UID-G";
  g.phones = {"+44 20 7946 0000"};
  g.birthday = Birthday{1906, 12, 9};
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

TEST_P(PlanMatchTest, MatchesByIdEmailUrlUidPhoneThenAnUncontradictedUniqueName) {
  ImportRecord r = GetParam().incoming;
  r.contact.notes = "new note";  // something to change, so a match shows as an update
  auto p = plan(match_network(), {r});
  if (GetParam().matched.empty()) {
    EXPECT_EQ(p.added.size(), 1u);
    EXPECT_TRUE(p.updated.empty());
    EXPECT_TRUE(p.matched.empty());
  } else {
    EXPECT_TRUE(p.added.empty()) << p.added[0].id;
    EXPECT_EQ(ids(p.updated), (Strings{GetParam().matched}));
    ASSERT_EQ(p.matched.size(), 1u);
    EXPECT_EQ(p.matched[0].id, GetParam().matched);
    EXPECT_EQ(to_string(p.matched[0].by), GetParam().by);
    EXPECT_EQ(p.matched[0].where.line, 1);
  }
}

INSTANTIATE_TEST_SUITE_P(
    Table, PlanMatchTest,
    testing::Values(
        MatchCase{"named_id",
                  with(record("Someone"), [](ImportRecord& r) { r.contact.id = "ada"; }), "ada",
                  "id"},
        MatchCase{"vcard_uid", with(record("G."), [](ImportRecord& r) { r.uid = "UID-G"; }),
                  "grace", "uid"},
        MatchCase{
            "profile_url_any_spelling",
            with(record("A."),
                 [](ImportRecord& r) { r.contact.links = {"http://LinkedIn.com/in/ada-l?trk=x"}; }),
            "ada", "url"},
        MatchCase{"profile_url_percent_encoded",
                  with(record("A."),
                       [](ImportRecord& r) {
                         r.contact.links = {"https://www.linkedin.com/in/%61da-l/"};
                       }),
                  "ada", "url"},
        MatchCase{
            "email_any_case",
            with(record("A."), [](ImportRecord& r) { r.contact.emails = {"ada@EXAMPLE.org"}; }),
            "ada", "email"},
        MatchCase{"email_before_uid",
                  with(record("A."),
                       [](ImportRecord& r) {
                         r.uid = "UID-G";
                         r.contact.emails = {"ada@example.org"};
                       }),
                  "ada", "email"},
        MatchCase{"phone_national_form",
                  with(record("G."), [](ImportRecord& r) { r.contact.phones = {"020 7946 0000"}; }),
                  "grace", "phone"},
        MatchCase{"short_phone_matches_nobody",
                  with(record("G."), [](ImportRecord& r) { r.contact.phones = {"0000"}; }), ""},
        MatchCase{"unique_name_without_keys", record("GRACE hopper"), "grace", "name"},
        MatchCase{"unique_name_with_spacing_and_accents", record("  Grâce   Hopper "), "grace",
                  "name"},
        MatchCase{"name_despite_a_second_email",
                  with(record("Grace Hopper"),
                       [](ImportRecord& r) { r.contact.emails = {"g@new.example"}; }),
                  "grace", "name"},
        MatchCase{"name_with_the_same_birthday",
                  with(record("Grace Hopper"),
                       [](ImportRecord& r) {
                         r.contact.birthday = Birthday{{}, 12, 9};
                       }),
                  "grace", "name"},
        MatchCase{"name_contradicted_by_another_birthday",
                  with(record("Grace Hopper"),
                       [](ImportRecord& r) {
                         r.contact.birthday = Birthday{1950, 3, 1};
                       }),
                  ""},
        MatchCase{"name_contradicted_by_another_linkedin_profile",
                  with(record("Ada Lovelace"),
                       [](ImportRecord& r) {
                         r.contact.links = {"https://www.linkedin.com/in/someone-else"};
                       }),
                  ""},
        MatchCase{"name_of_a_record_naming_an_id_is_not_used",
                  with(record("Grace Hopper"), [](ImportRecord& r) { r.contact.id = "zed"; }), ""},
        MatchCase{"ambiguous_name_adds", record("John Smith"), ""},
        MatchCase{"archived_contacts_match_too", record("Old Friend"), "old", "name"},
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
        JobCase{"empty_never_erases", {"Acme", "Engineer"}, {}, {"Acme", "Engineer"}, false},
        JobCase{"legal_suffix_is_the_same_company",
                {"Acme", "Engineer"},
                {"Acme Inc.", "Engineer"},
                {"Acme", "Engineer"},
                false},
        JobCase{"role_punctuation_is_the_same_role",
                {"Acme", "Sr. Engineer"},
                {"ACME, Inc.", "sr engineer"},
                {"Acme", "Sr. Engineer"},
                false},
        JobCase{"a_first_known_role_is_not_a_change",
                {"Acme", {}},
                {"Acme Inc.", "Engineer"},
                {"Acme", "Engineer"},
                false},
        JobCase{"a_first_known_company_is_not_a_change",
                {{}, "Engineer"},
                {"Acme", "Engineer"},
                {"Acme", "Engineer"},
                false},
        JobCase{"another_company_where_only_a_role_was_known",
                {{}, "Engineer"},
                {"Acme", "CTO"},
                {"Acme", "CTO"},
                true},
        JobCase{"promotion_keeps_the_kept_company_spelling",
                {"Acme", "Engineer"},
                {"ACME, Inc.", "Lead"},
                {"Acme", "Lead"},
                true}),
    [](const auto& c) { return std::string(c.param.label); });

class PlanAddressBookJobTest : public testing::TestWithParam<JobCase> {};

TEST_P(PlanAddressBookJobTest, AnAddressBookFillsAnUnknownJobAndNeverReportsAChange) {
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
  auto p = plan(n, {r}, MergePolicy::fill);
  const Contact& result = p.updated.empty() ? n.contacts[0] : p.updated[0];
  EXPECT_EQ(result.company, c.expected.company);
  EXPECT_EQ(result.role, c.expected.role);
  EXPECT_TRUE(p.job_changes.empty());
  EXPECT_TRUE(result.job_changes.empty());
}

INSTANTIATE_TEST_SUITE_P(
    Table, PlanAddressBookJobTest,
    testing::Values(
        JobCase{"fills_an_unknown_job", {}, {"Acme", "Engineer"}, {"Acme", "Engineer"}, false},
        JobCase{"an_older_position_never_replaces_a_known_one",
                {"Globex", "CTO"},
                {"Acme", "Engineer"},
                {"Globex", "CTO"},
                false},
        JobCase{"fills_the_role_at_the_same_company",
                {"Acme", {}},
                {"Acme Inc.", "Engineer"},
                {"Acme", "Engineer"},
                false},
        JobCase{
            "no_role_from_another_company", {"Acme", {}}, {"Globex", "CTO"}, {"Acme", {}}, false},
        JobCase{"fills_the_company_of_the_same_role",
                {{}, "Engineer"},
                {"Acme", "engineer"},
                {"Acme", "Engineer"},
                false},
        JobCase{"no_company_for_another_role",
                {{}, "Engineer"},
                {"Acme", "CTO"},
                {{}, "Engineer"},
                false}),
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

TEST(PlanImport, AFileListingSomeoneTwiceByProfileUrlAddsThemOnceAndSaysWhy) {
  auto r1 = record("José Núñez", 2);
  r1.contact.links = {"https://www.linkedin.com/in/jose-nunez"};
  auto r2 = record("Jose Nunez", 9);
  r2.contact.links = {"https://linkedin.com/in/jose-nunez/"};
  r2.contact.emails = {"jose@x.example"};
  auto p = plan(Network{}, {r1, r2});
  ASSERT_EQ(p.added.size(), 1u);
  EXPECT_EQ(p.added[0].name, "José Núñez");
  EXPECT_EQ(p.added[0].emails, (Strings{"jose@x.example"}));
  ASSERT_EQ(p.matched.size(), 1u);
  EXPECT_EQ(p.matched[0].where.line, 9);
  EXPECT_EQ(p.matched[0].by, MatchedBy::url);
  EXPECT_TRUE(p.possible_duplicates.empty());
}

TEST(PlanImport, ChoicesTagEveryContactAndGiveACadenceOnlyToThoseAdded) {
  Network n;
  Contact kept = contact("ada", "Ada Lovelace");
  kept.every = Duration{Duration::Unit::month, 1, "1m"};
  kept.tags = {"Conference"};
  n.contacts.push_back(kept);
  ImportChoices choices;
  choices.tags = {"conference", "berlin-2026"};
  choices.every = Duration{Duration::Unit::off, 0, "off"};
  ImportBatch batch;
  batch.records = {record("Ada Lovelace"), record("Grace Hopper")};
  auto p = plan_import(n, std::move(batch), MergePolicy::fill, kToday, choices);
  ASSERT_EQ(p.updated.size(), 1u);
  EXPECT_EQ(p.updated[0].tags, (Strings{"Conference", "berlin-2026"}));
  EXPECT_EQ(p.updated[0].every->text, "1m");
  ASSERT_EQ(p.added.size(), 1u);
  EXPECT_EQ(p.added[0].tags, (Strings{"conference", "berlin-2026"}));
  ASSERT_TRUE(p.added[0].every);
  EXPECT_EQ(p.added[0].every->unit, Duration::Unit::off);
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
  ASSERT_EQ(p.interactions.size(), 2u);
  EXPECT_EQ(p.interactions[0].contacts, (Strings{"ada-l", "bob", "ghost"}));
  // An id that names no contact is kept as it was, and said.
  EXPECT_EQ(p.interactions[1].contacts, (Strings{"ghost"}));
  EXPECT_TRUE(p.skipped.empty());
  // One warning per id, where it first appears.
  ASSERT_EQ(p.warnings.size(), 1u);
  EXPECT_EQ(p.warnings[0].where.line, 11);
  EXPECT_EQ(p.warnings[0].message,
            "2 interactions name 'ghost', which no contact has: kept as they were (`kith doctor` "
            "reports it)");
}

TEST(PlanImport, ProfileAndSettingsGainWhatTheyLack) {
  Network n;
  n.profile.skills = {"Rust"};
  n.config.settings = {{"every", "1m"}};
  ImportBatch batch;
  Profile p;
  p.name = "Noor";
  p.skills = {"rust", "hiring"};
  p.role = "Staff Engineer";
  p.company = "Gridwise";
  batch.profile = p;
  batch.settings = {{"every", "6m"}, {"homework", 3}};
  auto result = plan_import(n, std::move(batch), MergePolicy::restore, kToday);
  ASSERT_TRUE(result.profile);
  EXPECT_EQ(result.profile->name, "Noor");
  EXPECT_EQ(result.profile->skills, (Strings{"Rust", "hiring"}));
  EXPECT_EQ(result.profile->role, "Staff Engineer");
  EXPECT_EQ(result.profile->company, "Gridwise");
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
}  // namespace kith::importer_test
