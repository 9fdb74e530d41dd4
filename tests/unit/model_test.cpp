#include "core/model.h"

#include <chrono>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include "support/labels.h"

namespace kith::model_test {
namespace {

Date ymd(int y, unsigned m, unsigned d) {
  return Date{date::year{y} / date::month{m} / date::day{d}};
}

Json parse(std::string_view text) { return Json::parse(text); }

std::vector<std::string> keys_of(const Json& j) {
  std::vector<std::string> keys;
  for (auto it = j.begin(); it != j.end(); ++it) keys.push_back(it.key());
  return keys;
}

// A data error whose message starts with `where` and contains `fragment`.
void expect_data_error(const Error& e, std::string_view where, std::string_view fragment) {
  EXPECT_EQ(e.kind, ErrorKind::data);
  EXPECT_EQ(e.message.substr(0, where.size() + 2), std::string(where) + ": ") << e.message;
  EXPECT_NE(e.message.find(fragment), std::string::npos) << e.message;
  EXPECT_EQ(e.message.find('\n'), std::string::npos) << e.message;
}

using ::kith::test::operator<<;

using ::kith::test::LabelName;

const std::vector<std::string> kContactKeys = {
    "id",       "name",  "emails",   "phones",    "company",      "role",   "location",
    "links",    "tags",  "skills",   "interests", "how_met",      "met_on", "every",
    "birthday", "notes", "added_on", "archived",  "snoozed_until"};

const std::vector<std::string> kInteractionKeys = {"id",     "date", "contacts", "kind",
                                                   "intent", "note", "logged_at"};

// A contact with every key set.
constexpr std::string_view kFullContact = R"({
  "id": "jose-nunez",
  "name": "José Núñez",
  "emails": ["jose@example.org", "jn@example.com"],
  "phones": ["+34 600 000 000"],
  "company": "Acme",
  "role": "CTO",
  "location": "Madrid",
  "links": ["https://example.org/jose"],
  "tags": ["conference", "madrid"],
  "skills": ["Rust", "distributed systems"],
  "interests": ["hiring", "fundraising"],
  "how_met": "RustConf hallway",
  "met_on": "2025-09-12",
  "every": "quarterly",
  "birthday": "--02-29",
  "notes": "Likes long walks.",
  "added_on": "2025-09-13",
  "archived": true,
  "snoozed_until": "2026-12-01"
})";

// ------------------------------------------------------------------ Contact

TEST(ContactJson, ReadsEveryKey) {
  auto c = contact_from_json(parse(kFullContact), "contacts/jose-nunez.json");
  ASSERT_TRUE(c.ok()) << c.error().message;
  EXPECT_EQ(c->id, "jose-nunez");
  EXPECT_EQ(c->name, "José Núñez");
  EXPECT_EQ(c->emails, (std::vector<std::string>{"jose@example.org", "jn@example.com"}));
  EXPECT_EQ(c->phones, (std::vector<std::string>{"+34 600 000 000"}));
  EXPECT_EQ(c->company, "Acme");
  EXPECT_EQ(c->role, "CTO");
  EXPECT_EQ(c->location, "Madrid");
  EXPECT_EQ(c->links, (std::vector<std::string>{"https://example.org/jose"}));
  EXPECT_EQ(c->tags, (std::vector<std::string>{"conference", "madrid"}));
  EXPECT_EQ(c->skills, (std::vector<std::string>{"Rust", "distributed systems"}));
  EXPECT_EQ(c->interests, (std::vector<std::string>{"hiring", "fundraising"}));
  EXPECT_EQ(c->how_met, "RustConf hallway");
  EXPECT_EQ(c->met_on, ymd(2025, 9, 12));
  ASSERT_TRUE(c->every.has_value());
  EXPECT_EQ(c->every->unit, Duration::Unit::month);
  EXPECT_EQ(c->every->count, 3);
  EXPECT_EQ(c->every->text, "quarterly");
  ASSERT_TRUE(c->birthday.has_value());
  EXPECT_FALSE(c->birthday->year.has_value());
  EXPECT_EQ(c->birthday->month, 2u);
  EXPECT_EQ(c->birthday->day, 29u);
  EXPECT_EQ(c->notes, "Likes long walks.");
  EXPECT_EQ(c->added_on, ymd(2025, 9, 13));
  EXPECT_TRUE(c->archived);
  EXPECT_EQ(c->snoozed_until, ymd(2026, 12, 1));
  EXPECT_TRUE(c->extra.empty());
}

TEST(ContactJson, RoundTripGivesTheSameDocument) {
  const Json in = parse(kFullContact);
  auto c = contact_from_json(in, "contacts/jose-nunez.json");
  ASSERT_TRUE(c.ok()) << c.error().message;
  EXPECT_EQ(to_json(*c).dump(2), in.dump(2));
}

TEST(ContactJson, WritesKeysInTheDocumentedOrder) {
  auto c = contact_from_json(parse(kFullContact), "c.json");
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(keys_of(to_json(*c)), kContactKeys);
}

TEST(ContactJson, MinimalContactWritesEveryKeyAsNullOrEmpty) {
  auto c = contact_from_json(parse(R"({"id": "ada", "name": "Ada", "added_on": "2026-01-02"})"),
                             "contacts/ada.json");
  ASSERT_TRUE(c.ok()) << c.error().message;
  EXPECT_EQ(to_json(*c), parse(R"({
    "id": "ada", "name": "Ada", "emails": [], "phones": [], "company": null, "role": null,
    "location": null, "links": [], "tags": [], "skills": [], "interests": [], "how_met": null,
    "met_on": null, "every": null, "birthday": null, "notes": null, "added_on": "2026-01-02",
    "archived": false, "snoozed_until": null})"));
  EXPECT_EQ(keys_of(to_json(*c)), kContactKeys);
}

TEST(ContactJson, NullEmptyListAndEmptyStringFormsReadAsAbsent) {
  auto c = contact_from_json(parse(R"({
    "id": "ada", "name": "Ada", "emails": null, "phones": [], "company": "", "role": null,
    "location": "", "links": null, "tags": [], "skills": null, "interests": [], "how_met": "",
    "met_on": null, "every": null, "birthday": null, "notes": "", "added_on": "2026-01-02",
    "archived": null, "snoozed_until": null})"),
                             "contacts/ada.json");
  ASSERT_TRUE(c.ok()) << c.error().message;
  EXPECT_TRUE(c->emails.empty());
  EXPECT_FALSE(c->company.has_value());
  EXPECT_FALSE(c->location.has_value());
  EXPECT_FALSE(c->how_met.has_value());
  EXPECT_FALSE(c->notes.has_value());
  EXPECT_FALSE(c->every.has_value());
  EXPECT_FALSE(c->archived);
  EXPECT_TRUE(c->extra.empty());
}

TEST(ContactJson, EveryOffAndYearlessAndFullBirthdaysRoundTrip) {
  auto c = contact_from_json(parse(R"({"id": "a", "name": "A", "added_on": "2026-01-02",
                                       "every": "off", "birthday": "1990-05-17"})"),
                             "c.json");
  ASSERT_TRUE(c.ok()) << c.error().message;
  EXPECT_EQ(c->every->unit, Duration::Unit::off);
  EXPECT_EQ(c->birthday->year, 1990);
  const Json out = to_json(*c);
  EXPECT_EQ(out["every"], "off");
  EXPECT_EQ(out["birthday"], "1990-05-17");
}

TEST(ContactJson, UnknownKeysAreKeptAfterTheKnownOnesInTheirOrder) {
  auto c = contact_from_json(parse(R"({"zeta": 1, "id": "ada", "name": "Ada",
                                       "x-custom": {"nested": [1, 2]}, "added_on": "2026-01-02",
                                       "alpha": null})"),
                             "c.json");
  ASSERT_TRUE(c.ok()) << c.error().message;
  EXPECT_EQ(c->extra, parse(R"({"zeta": 1, "x-custom": {"nested": [1, 2]}, "alpha": null})"));
  std::vector<std::string> expected = kContactKeys;
  expected.insert(expected.end(), {"zeta", "x-custom", "alpha"});
  const Json out = to_json(*c);
  EXPECT_EQ(keys_of(out), expected);
  EXPECT_EQ(out["x-custom"], parse(R"({"nested": [1, 2]})"));
}

TEST(ContactJson, AnExtraKeyNeverOverridesAKnownOne) {
  Contact c;
  c.id = "ada";
  c.name = "Ada";
  c.extra = parse(R"({"name": "Mallory", "other": true})");
  const Json out = to_json(c);
  EXPECT_EQ(out["name"], "Ada");
  EXPECT_EQ(out["other"], true);
}

TEST(ContactJson, AliasesAreWrittenOnlyWhenThereIsOneAfterTheKnownKeys) {
  auto c =
      contact_from_json(parse(R"({"id": "ada", "name": "Ada", "added_on": "2026-01-02", "crm": 1,
                "aliases": ["ada-l", "ada-2"]})"),
                        "contacts/ada.json");
  ASSERT_TRUE(c.ok()) << c.error().message;
  EXPECT_EQ(c->aliases, (std::vector<std::string>{"ada-l", "ada-2"}));
  const Json out = to_json(*c);
  std::vector<std::string> keys;
  for (const auto& [key, value] : out.items()) keys.push_back(key);
  ASSERT_GE(keys.size(), 2u);
  EXPECT_EQ(keys[keys.size() - 2], "aliases");
  EXPECT_EQ(keys.back(), "crm");
  c->aliases.clear();
  EXPECT_FALSE(to_json(*c).contains("aliases"));
}

struct BadContactCase {
  const char* label;
  std::string_view json;
  std::string_view fragment;  // expected in the message, after "contacts/ada.json: "
};

class BadContactTest : public testing::TestWithParam<BadContactCase> {};

TEST_P(BadContactTest, IsADataErrorNamingTheFileAndKey) {
  auto c = contact_from_json(parse(GetParam().json), "contacts/ada.json");
  ASSERT_FALSE(c.ok());
  expect_data_error(c.error(), "contacts/ada.json", GetParam().fragment);
}

#define BASE R"("id": "ada", "name": "Ada", "added_on": "2026-01-02")"
INSTANTIATE_TEST_SUITE_P(
    Table, BadContactTest,
    testing::Values(
        BadContactCase{"not_an_object", "[1, 2]", "is not a JSON object"},
        BadContactCase{"missing_id", R"({"name": "Ada", "added_on": "2026-01-02"})", "has no 'id'"},
        BadContactCase{"missing_name", R"({"id": "ada", "added_on": "2026-01-02"})",
                       "has no 'name'"},
        BadContactCase{"missing_added_on", R"({"id": "ada", "name": "Ada"})", "has no 'added_on'"},
        BadContactCase{"id_not_string", R"({"id": 7, "name": "Ada", "added_on": "2026-01-02"})",
                       "'id' is not a string"},
        BadContactCase{"id_not_a_slug",
                       R"({"id": "../x", "name": "Ada", "added_on": "2026-01-02"})",
                       "'id' is not a valid id: '../x'"},
        BadContactCase{"name_not_string",
                       R"({"id": "ada", "name": ["Ada"], "added_on": "2026-01-02"})",
                       "'name' is not a string"},
        BadContactCase{"emails_not_list", "{" BASE R"(, "emails": "a@b.c"})",
                       "'emails' is not a list"},
        BadContactCase{"phones_hold_number", "{" BASE R"(, "phones": [123]})",
                       "'phones' holds something that is not a string"},
        BadContactCase{"company_not_string", "{" BASE R"(, "company": 1})",
                       "'company' is not a string"},
        BadContactCase{"role_not_string", "{" BASE R"(, "role": true})", "'role' is not a string"},
        BadContactCase{"location_not_string", "{" BASE R"(, "location": {}})",
                       "'location' is not a string"},
        BadContactCase{"links_not_list", "{" BASE R"(, "links": {}})", "'links' is not a list"},
        BadContactCase{"tags_hold_null", "{" BASE R"(, "tags": [null]})",
                       "'tags' holds something that is not a string"},
        BadContactCase{"skills_not_list", "{" BASE R"(, "skills": 3})", "'skills' is not a list"},
        BadContactCase{"interests_hold_list", "{" BASE R"(, "interests": [["x"]]})",
                       "'interests' holds something"},
        BadContactCase{"how_met_not_string", "{" BASE R"(, "how_met": 2})",
                       "'how_met' is not a string"},
        BadContactCase{"met_on_not_string", "{" BASE R"(, "met_on": 20260102})",
                       "'met_on' is not a date"},
        BadContactCase{"met_on_not_a_date", "{" BASE R"(, "met_on": "2026-02-30"})",
                       "'met_on' is not a date (YYYY-MM-DD): '2026-02-30'"},
        BadContactCase{"every_not_string", "{" BASE R"(, "every": 3})", "'every' is not a string"},
        BadContactCase{"every_not_a_duration", "{" BASE R"(, "every": "3x"})",
                       "'every' is not a duration: '3x'"},
        BadContactCase{"birthday_not_a_birthday", "{" BASE R"(, "birthday": "13-01"})",
                       "'birthday' is not a birthday"},
        BadContactCase{"notes_not_string", "{" BASE R"(, "notes": ["x"]})",
                       "'notes' is not a string"},
        BadContactCase{"added_on_not_a_date",
                       R"({"id": "ada", "name": "Ada", "added_on": "yesterday"})",
                       "'added_on' is not a date (YYYY-MM-DD): 'yesterday'"},
        BadContactCase{"archived_not_bool", "{" BASE R"(, "archived": "yes"})",
                       "'archived' is not true or false"},
        BadContactCase{"snoozed_until_not_a_date", "{" BASE R"(, "snoozed_until": "soon"})",
                       "'snoozed_until' is not a date"},
        BadContactCase{"aliases_not_list", "{" BASE R"(, "aliases": "ada-l"})",
                       "'aliases' is not a list"},
        BadContactCase{"alias_not_an_id", "{" BASE R"(, "aliases": ["Ada L"]})",
                       "'aliases' holds 'Ada L', which is not a valid id"},
        BadContactCase{"alias_is_own_id", "{" BASE R"(, "aliases": ["ada"]})",
                       "'aliases' holds the contact's own id 'ada'"},
        BadContactCase{"name_invalid_utf8_escape",
                       R"({"id": "ada", "name": "A\u0000da", "added_on": "2026-01-02"})",
                       "'name' is not valid UTF-8"}),
    LabelName{});
#undef BASE

// -------------------------------------------------------------- Interaction

constexpr std::string_view kFullInteraction = R"({
  "id": "20261125T191410Z-00abcd",
  "date": "2026-11-24",
  "contacts": ["ada", "jose-nunez"],
  "kind": "coffee",
  "intent": "give",
  "note": "Introduced them to each other",
  "logged_at": "2026-11-25T19:14:10Z",
  "follow_up": {"text": "send the deck", "by": "2026-12-01", "done_on": null}
})";

TEST(InteractionJson, ReadsEveryKey) {
  auto i = interaction_from_json(parse(kFullInteraction), "log/2026-11.jsonl:1");
  ASSERT_TRUE(i.ok()) << i.error().message;
  EXPECT_EQ(i->id, "20261125T191410Z-00abcd");
  EXPECT_EQ(i->date, ymd(2026, 11, 24));
  EXPECT_EQ(i->contacts, (std::vector<std::string>{"ada", "jose-nunez"}));
  EXPECT_EQ(i->kind, "coffee");
  EXPECT_EQ(i->intent, Intent::give);
  EXPECT_EQ(i->note, "Introduced them to each other");
  EXPECT_EQ(i->logged_at, "2026-11-25T19:14:10Z");
  ASSERT_TRUE(i->follow_up.has_value());
  EXPECT_EQ(i->follow_up->text, "send the deck");
  EXPECT_EQ(i->follow_up->by, ymd(2026, 12, 1));
  EXPECT_FALSE(i->follow_up->done_on.has_value());
}

TEST(InteractionJson, RoundTripGivesTheSameDocumentWithKeysInOrder) {
  const Json in = parse(kFullInteraction);
  auto i = interaction_from_json(in, "log/2026-11.jsonl:1");
  ASSERT_TRUE(i.ok()) << i.error().message;
  const Json out = to_json(*i);
  EXPECT_EQ(out.dump(), in.dump());
  std::vector<std::string> expected = kInteractionKeys;
  expected.push_back("follow_up");
  EXPECT_EQ(keys_of(out), expected);
  EXPECT_EQ(keys_of(out["follow_up"]), (std::vector<std::string>{"text", "by", "done_on"}));
}

TEST(InteractionJson, DefaultsKindOtherIntentCatchUpAndWritesNoFollowUp) {
  auto i = interaction_from_json(
      parse(R"({"id": "x1", "date": "2026-11-24", "contacts": ["ada"]})"), "log/2026-11.jsonl:1");
  ASSERT_TRUE(i.ok()) << i.error().message;
  EXPECT_EQ(i->kind, "other");
  EXPECT_EQ(i->intent, Intent::catch_up);
  EXPECT_FALSE(i->note.has_value());
  EXPECT_FALSE(i->follow_up.has_value());
  const Json out = to_json(*i);
  EXPECT_EQ(keys_of(out), kInteractionKeys);
  EXPECT_EQ(out["kind"], "other");
  EXPECT_EQ(out["intent"], "catch-up");
  EXPECT_TRUE(out["note"].is_null());
}

TEST(InteractionJson, NullFollowUpIsNoFollowUp) {
  auto i = interaction_from_json(
      parse(R"({"id": "x1", "date": "2026-11-24", "contacts": ["ada"], "follow_up": null})"), "w");
  ASSERT_TRUE(i.ok()) << i.error().message;
  EXPECT_FALSE(i->follow_up.has_value());
  EXPECT_FALSE(to_json(*i).contains("follow_up"));
}

TEST(InteractionJson, UnknownKeysAreKeptAtTopLevelAndInsideFollowUp) {
  const Json in = parse(R"({"id": "x1", "date": "2026-11-24", "contacts": ["ada"],
      "source": "import", "follow_up": {"text": "t", "priority": 3, "by": null},
      "mood": {"score": 5}})");
  auto i = interaction_from_json(in, "w");
  ASSERT_TRUE(i.ok()) << i.error().message;
  EXPECT_EQ(i->extra, parse(R"({"source": "import", "mood": {"score": 5}})"));
  EXPECT_EQ(i->follow_up->extra, parse(R"({"priority": 3})"));
  const Json out = to_json(*i);
  std::vector<std::string> expected = kInteractionKeys;
  expected.insert(expected.end(), {"follow_up", "source", "mood"});
  EXPECT_EQ(keys_of(out), expected);
  EXPECT_EQ(keys_of(out["follow_up"]),
            (std::vector<std::string>{"text", "by", "done_on", "priority"}));
  EXPECT_EQ(out["follow_up"]["priority"], 3);
  EXPECT_EQ(out["mood"]["score"], 5);
}

struct BadInteractionCase {
  const char* label;
  std::string_view json;
  std::string_view where;  // how the message starts
  std::string_view fragment;
};

class BadInteractionTest : public testing::TestWithParam<BadInteractionCase> {};

TEST_P(BadInteractionTest, IsADataErrorNamingTheLineAndKey) {
  auto i = interaction_from_json(parse(GetParam().json), "log/2026-11.jsonl:7");
  ASSERT_FALSE(i.ok());
  expect_data_error(i.error(), GetParam().where, GetParam().fragment);
}

#define BASE R"("id": "x1", "date": "2026-11-24", "contacts": ["ada"])"
constexpr std::string_view kLine = "log/2026-11.jsonl:7";
constexpr std::string_view kFollowUp = "log/2026-11.jsonl:7 follow_up";
INSTANTIATE_TEST_SUITE_P(
    Table, BadInteractionTest,
    testing::Values(
        BadInteractionCase{"not_an_object", R"("text")", kLine, "is not a JSON object"},
        BadInteractionCase{"missing_id", R"({"date": "2026-11-24", "contacts": ["ada"]})", kLine,
                           "has no 'id'"},
        BadInteractionCase{"id_not_string", R"({"id": 5, "date": "2026-11-24", "contacts": ["a"]})",
                           kLine, "'id' is not a string"},
        BadInteractionCase{"id_invalid",
                           R"({"id": "a b", "date": "2026-11-24", "contacts": ["a"]})", kLine,
                           "'id' is not a valid interaction id: 'a b'"},
        BadInteractionCase{"missing_date", R"({"id": "x1", "contacts": ["ada"]})", kLine,
                           "has no 'date'"},
        BadInteractionCase{"date_not_a_date",
                           R"({"id": "x1", "date": "2026-13-01", "contacts": ["ada"]})", kLine,
                           "'date' is not a date (YYYY-MM-DD): '2026-13-01'"},
        BadInteractionCase{"contacts_missing", R"({"id": "x1", "date": "2026-11-24"})", kLine,
                           "'contacts' is empty"},
        BadInteractionCase{"contacts_empty",
                           R"({"id": "x1", "date": "2026-11-24", "contacts": []})", kLine,
                           "'contacts' is empty"},
        BadInteractionCase{"contacts_not_list",
                           R"({"id": "x1", "date": "2026-11-24", "contacts": "ada"})", kLine,
                           "'contacts' is not a list"},
        BadInteractionCase{"kind_not_string", "{" BASE R"(, "kind": 1})", kLine,
                           "'kind' is not a string"},
        BadInteractionCase{"intent_unknown", "{" BASE R"(, "intent": "favour"})", kLine,
                           "'intent' is not give, catch-up or ask: 'favour'"},
        BadInteractionCase{"intent_not_string", "{" BASE R"(, "intent": true})", kLine,
                           "'intent' is not a string"},
        BadInteractionCase{"note_not_string", "{" BASE R"(, "note": 1})", kLine,
                           "'note' is not a string"},
        BadInteractionCase{"logged_at_not_string", "{" BASE R"(, "logged_at": 1})", kLine,
                           "'logged_at' is not a string"},
        BadInteractionCase{"follow_up_not_object", "{" BASE R"(, "follow_up": "call"})", kFollowUp,
                           "is not a JSON object"},
        BadInteractionCase{"follow_up_text_not_string", "{" BASE R"(, "follow_up": {"text": 1}})",
                           kFollowUp, "'text' is not a string"},
        BadInteractionCase{"follow_up_by_not_a_date",
                           "{" BASE R"(, "follow_up": {"text": "t", "by": "friday"}})", kFollowUp,
                           "'by' is not a date (YYYY-MM-DD): 'friday'"},
        BadInteractionCase{"follow_up_done_on_not_a_date",
                           "{" BASE R"(, "follow_up": {"text": "t", "done_on": 3}})", kFollowUp,
                           "'done_on' is not a date"}),
    LabelName{});
#undef BASE

struct InteractionIdCase {
  const char* label;
  std::string id;
  bool valid;
};

class InteractionIdTest : public testing::TestWithParam<InteractionIdCase> {};

TEST_P(InteractionIdTest, Classifies) {
  EXPECT_EQ(is_valid_interaction_id(GetParam().id), GetParam().valid);
}

INSTANTIATE_TEST_SUITE_P(
    Table, InteractionIdTest,
    testing::Values(InteractionIdCase{"kith_made", "20261125T191410Z-00abcd", true},
                    InteractionIdCase{"one_char", "a", true},
                    InteractionIdCase{"digits", "12345", true},
                    InteractionIdCase{"dot_underscore_dash", "a.b_c-D", true},
                    InteractionIdCase{"upper_case", "ABC", true},
                    InteractionIdCase{"sixty_four", std::string(64, 'x'), true},
                    InteractionIdCase{"empty", "", false},
                    InteractionIdCase{"sixty_five", std::string(65, 'x'), false},
                    InteractionIdCase{"space", "a b", false},
                    InteractionIdCase{"slash", "a/b", false},
                    InteractionIdCase{"colon", "a:b", false},
                    InteractionIdCase{"non_ascii", "caf\u00e9", false},
                    InteractionIdCase{"newline", "a\n", false},
                    InteractionIdCase{"nul", std::string("a\0b", 3), false}),
    LabelName{});

TEST(MakeInteractionId, IsUtcTimestampDashAndSixHexDigits) {
  const auto now = date::sys_days{ymd(2026, 11, 25)} + std::chrono::hours(19) +
                   std::chrono::minutes(14) + std::chrono::seconds(10) +
                   std::chrono::milliseconds(999);
  EXPECT_EQ(make_interaction_id(now, 0xabcd), "20261125T191410Z-00abcd");
  EXPECT_EQ(make_interaction_id(now, 0), "20261125T191410Z-000000");
  // Only the low 24 bits are used.
  EXPECT_EQ(make_interaction_id(now, 0xffffffffu), "20261125T191410Z-ffffff");
  EXPECT_EQ(make_interaction_id(now, 0x12abcdefu), "20261125T191410Z-abcdef");
  EXPECT_TRUE(is_valid_interaction_id(make_interaction_id(now, 0x123456)));
  EXPECT_EQ(format_timestamp(now), "2026-11-25T19:14:10Z");
}

TEST(IntentNames, RoundTripAndRejectOthers) {
  for (Intent intent : {Intent::give, Intent::catch_up, Intent::ask}) {
    EXPECT_EQ(parse_intent(to_string(intent)), intent);
  }
  EXPECT_EQ(to_string(Intent::catch_up), "catch-up");
  EXPECT_FALSE(parse_intent("catch_up").has_value());
  EXPECT_FALSE(parse_intent("Give").has_value());
  EXPECT_FALSE(parse_intent("").has_value());
  EXPECT_TRUE(is_no_need(Intent::give));
  EXPECT_TRUE(is_no_need(Intent::catch_up));
  EXPECT_FALSE(is_no_need(Intent::ask));
}

// ------------------------------------------------------------------ Profile

TEST(ProfileJson, RoundTripKeepsEveryKeyInOrderAndUnknownKeys) {
  const Json in = parse(R"({"name": "Sam", "emails": ["sam@work.example", "Sam@Home.example"],
      "skills": ["C++"], "interests": ["climate"],
      "goals": ["meet founders"], "tags": ["rust"], "company": "Acme",
      "role": "Staff Engineer", "location": "Lyon", "pronouns": "they"})");
  auto p = profile_from_json(in, "me.json");
  ASSERT_TRUE(p.ok()) << p.error().message;
  EXPECT_EQ(p->name, "Sam");
  EXPECT_EQ(p->emails, (std::vector<std::string>{"sam@work.example", "Sam@Home.example"}));
  EXPECT_EQ(p->goals, (std::vector<std::string>{"meet founders"}));
  EXPECT_EQ(p->role, "Staff Engineer");
  EXPECT_EQ(p->extra, parse(R"({"pronouns": "they"})"));
  EXPECT_EQ(to_json(*p).dump(), in.dump());
}

TEST(ProfileJson, EmptyObjectIsAnEmptyProfileWrittenWithEveryKey) {
  auto p = profile_from_json(Json::object(), "me.json");
  ASSERT_TRUE(p.ok());
  EXPECT_TRUE(p->empty());
  EXPECT_EQ(to_json(*p), parse(R"({"name": "", "emails": [], "skills": [], "interests": [],
                                   "goals": [], "tags": [], "company": null, "role": null,
                                   "location": null})"));
}

TEST(ProfileJson, EmptyMeansNoNameSkillOrInterest) {
  Profile p;
  p.goals = {"g"};
  EXPECT_TRUE(p.empty());
  p.interests = {"i"};
  EXPECT_FALSE(p.empty());
}

TEST(ProfileJson, BadTypesAreDataErrorsNamingTheKey) {
  for (const auto& [json, fragment] : std::vector<std::pair<std::string_view, std::string_view>>{
           {R"({"name": 1})", "'name' is not a string"},
           {R"({"emails": "sam@example.org"})", "'emails' is not a list"},
           {R"({"emails": [null]})", "'emails' holds something that is not a string"},
           {R"({"skills": "C++"})", "'skills' is not a list"},
           {R"({"interests": [1]})", "'interests' holds something that is not a string"},
           {R"({"goals": {}})", "'goals' is not a list"},
           {R"({"tags": true})", "'tags' is not a list"},
           {R"({"company": []})", "'company' is not a string"},
           {R"({"role": false})", "'role' is not a string"},
           {R"({"location": 2})", "'location' is not a string"},
           {R"([])", "is not a JSON object"}}) {
    SCOPED_TRACE(json);
    auto p = profile_from_json(parse(json), "me.json");
    ASSERT_FALSE(p.ok());
    expect_data_error(p.error(), "me.json", fragment);
  }
}

// ------------------------------------------------------------------- Config

TEST(ConfigJson, RoundTripKeepsSettingsAndUnknownKeysInOrder) {
  const Json in = parse(R"({"format": "kith", "version": 1,
      "settings": {"every": "2m", "homework": 2, "future_setting": [1]}, "remote": "origin"})");
  auto c = config_from_json(in, "kith.json");
  ASSERT_TRUE(c.ok()) << c.error().message;
  EXPECT_EQ(c->version, 1);
  EXPECT_EQ(c->extra, parse(R"({"remote": "origin"})"));
  EXPECT_EQ(to_json(*c).dump(), in.dump());
}

TEST(ConfigJson, DefaultConfigIsFormatVersionAndEmptySettings) {
  EXPECT_EQ(to_json(Config{}).dump(), R"({"format":"kith","version":1,"settings":{}})");
  auto c = config_from_json(parse(R"({"format": "kith", "version": 1})"), "kith.json");
  ASSERT_TRUE(c.ok()) << c.error().message;
  EXPECT_TRUE(c->settings.empty());
}

TEST(ConfigJson, NewerFormatVersionIsRefusedWithAHint) {
  auto c =
      config_from_json(parse(R"({"format": "kith", "version": 2, "settings": {}})"), "kith.json");
  ASSERT_FALSE(c.ok());
  expect_data_error(c.error(), "kith.json", "version 2 is newer than this kith understands");
  EXPECT_NE(c.error().hint.find("upgrade kith"), std::string::npos) << c.error().hint;
}

TEST(ConfigJson, NewerVersionIsRefusedBeforeLookingAtTheRest) {
  // A newer format may shape its settings differently: the message must be
  // about the version, not about what this kith does not understand.
  auto c = config_from_json(parse(R"({"format": "kith", "version": 3, "settings": ["x"]})"),
                            "kith.json");
  ASSERT_FALSE(c.ok());
  expect_data_error(c.error(), "kith.json", "version 3 is newer");
}

TEST(ConfigJson, AHugeVersionNumberIsNewerNotWrappedAround) {
  for (std::string_view v : {"4294967297", "18446744073709551615", "2147483648"}) {
    SCOPED_TRACE(v);
    auto c = config_from_json(parse(R"({"format": "kith", "version": )" + std::string(v) + "}"),
                              "kith.json");
    ASSERT_FALSE(c.ok());
    expect_data_error(c.error(), "kith.json", "is newer than this kith understands");
  }
}

TEST(ConfigJson, BadDocumentsAreDataErrors) {
  for (const auto& [json, fragment] : std::vector<std::pair<std::string_view, std::string_view>>{
           {R"({"format": "other", "version": 1})", "not a kith data file (format 'other')"},
           {R"({"version": 1})", "not a kith data file"},
           {R"({"format": 3, "version": 1})", "'format' is not a string"},
           {R"({"format": "kith"})", "has no integer 'version'"},
           {R"({"format": "kith", "version": "1"})", "has no integer 'version'"},
           {R"({"format": "kith", "version": 1.5})", "has no integer 'version'"},
           {R"({"format": "kith", "version": 0})", "bad format version"},
           {R"({"format": "kith", "version": -4})", "bad format version"},
           {R"({"format": "kith", "version": 1, "settings": []})", "'settings' is not a JSON"},
           {R"("kith")", "is not a JSON object"}}) {
    SCOPED_TRACE(json);
    auto c = config_from_json(parse(json), "kith.json");
    ASSERT_FALSE(c.ok());
    expect_data_error(c.error(), "kith.json", fragment);
  }
}

TEST(Settings, DefaultsAreThreeMonthsAndOneNewContact) {
  auto s = settings_of(Config{}, "kith.json");
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->every.text, "3m");
  EXPECT_EQ(s->every.unit, Duration::Unit::month);
  EXPECT_EQ(s->every.count, 3);
  EXPECT_EQ(s->homework, 1);
}

TEST(Settings, ReadsEveryAndHomework) {
  Config c;
  c.settings = parse(R"({"every": "biweekly", "homework": 0})");
  auto s = settings_of(c, "kith.json");
  ASSERT_TRUE(s.ok()) << s.error().message;
  EXPECT_EQ(s->every.text, "biweekly");
  EXPECT_EQ(s->homework, 0);
  c.settings = parse(R"({"every": "off", "homework": null})");
  s = settings_of(c, "kith.json");
  ASSERT_TRUE(s.ok()) << s.error().message;
  EXPECT_EQ(s->every.unit, Duration::Unit::off);
  EXPECT_EQ(s->homework, 1);
}

TEST(Settings, BadValuesAreDataErrorsNamingTheSetting) {
  for (const auto& [json, fragment] : std::vector<std::pair<std::string_view, std::string_view>>{
           {R"({"every": "3x"})", "setting 'every' is not a duration"},
           {R"({"every": 3})", "setting 'every' is not a duration"},
           {R"({"homework": -1})", "setting 'homework' is not a whole number"},
           {R"({"homework": 1001})", "setting 'homework'"},
           {R"({"homework": "2"})", "setting 'homework'"},
           {R"({"homework": 1.5})", "setting 'homework'"},
           {R"({"homework": 18446744073709551615})", "setting 'homework'"}}) {
    SCOPED_TRACE(json);
    Config c;
    c.settings = parse(json);
    auto s = settings_of(c, "kith.json");
    ASSERT_FALSE(s.ok());
    expect_data_error(s.error(), "kith.json", fragment);
  }
}

}  // namespace
}  // namespace kith::model_test
