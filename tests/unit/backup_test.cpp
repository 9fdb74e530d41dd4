#include "core/backup.h"

#include <ostream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "support/labels.h"

namespace kith::backup_test {
namespace {

using ::kith::test::operator<<;

Network sample_network() {
  Network n;
  n.config.settings = {{"every", "2m"}, {"homework", 2}};
  n.profile.name = "Noor Haddad";
  n.profile.skills = {"Rust"};
  Contact ada;
  ada.id = "ada";
  ada.name = "Ada Lovelace";
  ada.added_on = *parse_iso_date("2026-01-02");
  ada.job_changes.push_back({*parse_iso_date("2026-03-04"), {"Old", "Eng"}, {"New", "CTO"}, {}});
  ada.extra["custom"] = "kept";
  n.contacts.push_back(ada);
  Interaction i;
  i.id = "20260105T100000Z-abcdef";
  i.date = *parse_iso_date("2026-01-05");
  i.contacts = {"ada"};
  i.intent = Intent::give;
  i.logged_at = "2026-01-05T10:00:00Z";
  n.interactions.push_back(i);
  return n;
}

TEST(ExportDocument, HoldsEverythingUnderStableKeys) {
  const Json j = export_document(sample_network());
  std::vector<std::string> keys;
  for (auto it = j.begin(); it != j.end(); ++it) keys.push_back(it.key());
  EXPECT_EQ(keys, (std::vector<std::string>{"format", "version", "settings", "me", "contacts",
                                            "interactions"}));
  EXPECT_EQ(j["format"], "kith-export");
  EXPECT_EQ(j["version"], 1);
  EXPECT_EQ(j["contacts"][0]["custom"], "kept");
  EXPECT_EQ(j["contacts"][0]["job_changes"][0]["to"]["company"], "New");
}

TEST(ExportText, IsTheDocumentAsDumpWritesItByteForByte) {
  Network n = sample_network();
  EXPECT_EQ(export_text(n), serialize_document(export_document(n)));
  // Follow-ups, notes, several contacts, keys kith does not know (one named
  // like a key kith writes only sometimes), escapes and other scripts.
  Interaction i = n.interactions.front();
  i.id = "20260106T100000Z-123456";
  i.contacts = {"ada", "chen"};
  i.note = "Line one\nline \"two\" \\ 陈静";
  i.follow_up =
      FollowUp{"Send the deck", *parse_iso_date("2026-01-20"), std::nullopt, Json::object()};
  i.follow_up->extra = Json{{"reminder", true}, {"text", "not this one"}};
  i.extra = Json{{"proposal", "3f9a01bc"}, {"follow_up", "kept only without one"}};
  n.interactions.push_back(i);
  i.id = "20260107T100000Z-654321";
  i.follow_up.reset();
  n.interactions.push_back(i);
  Contact chen;
  chen.id = "chen";
  chen.name = "陈静";
  chen.added_on = *parse_iso_date("2026-01-03");
  chen.aliases = {"chen-jing"};
  chen.tags = {"a", "b"};
  n.contacts.push_back(chen);
  n.profile.goals = {"find a <mentor> & more"};
  EXPECT_EQ(export_text(n), serialize_document(export_document(n)));
  EXPECT_EQ(export_text(Network{}), serialize_document(export_document(Network{})));
}

TEST(ReadExport, ReadsBackWhatExportWrote) {
  const Network n = sample_network();
  const std::string text = serialize_document(export_document(n));
  auto batch = read_export(text, "backup.json");
  ASSERT_TRUE(batch) << batch.error().message;
  ASSERT_EQ(batch->records.size(), 1u);
  EXPECT_EQ(to_json(batch->records[0].contact), to_json(n.contacts[0]));
  ASSERT_EQ(batch->interactions.size(), 1u);
  EXPECT_EQ(to_json(batch->interactions[0].interaction), to_json(n.interactions[0]));
  ASSERT_TRUE(batch->profile);
  EXPECT_EQ(batch->profile->name, "Noor Haddad");
  EXPECT_EQ(batch->settings, n.config.settings);
}

TEST(ReadExport, BadContactsAndInteractionsAreSkippedWithTheLineTheyStartOn) {
  const std::string text =
      "{\n"
      "  \"format\": \"kith-export\",\n"
      "  \"version\": 1,\n"
      "  \"contacts\": [\n"
      "    {\"id\": \"ok\", \"name\": \"Ok\", \"added_on\": \"2026-01-01\"},\n"
      "    {\"id\": \"bad\", \"name\": \"Bad\",\n"
      "     \"added_on\": \"yesterday\"},\n"
      "    {\"id\": \"me\", \"name\": \"Me\", \"added_on\": \"2026-01-01\"}\n"
      "  ],\n"
      "  \"interactions\": [\n"
      "    {\"id\": \"x\", \"date\": \"2026-01-01\", \"contacts\": []}\n"
      "  ]\n"
      "}\n";
  auto batch = read_export(text, "b.json");
  ASSERT_TRUE(batch);
  ASSERT_EQ(batch->records.size(), 1u);
  ASSERT_EQ(batch->skipped.size(), 3u);
  EXPECT_EQ(batch->skipped[0].where.line, 6);
  EXPECT_NE(batch->skipped[0].message.find("contacts[1]: 'added_on'"), std::string::npos)
      << batch->skipped[0].message;
  EXPECT_EQ(batch->skipped[1].where.line, 8);
  EXPECT_NE(batch->skipped[1].message.find("reserved"), std::string::npos);
  EXPECT_EQ(batch->skipped[2].where.line, 11);
  EXPECT_NE(batch->skipped[2].message.find("'contacts' is empty"), std::string::npos);
}

TEST(ReadExport, AcceptsTheArrayThatListJsonPrints) {
  auto batch =
      read_export("[{\"id\": \"a\", \"name\": \"A\", \"added_on\": \"2026-01-01\"}]", "l.json");
  ASSERT_TRUE(batch);
  ASSERT_EQ(batch->records.size(), 1u);
  EXPECT_EQ(batch->records[0].contact.id, "a");
  EXPECT_EQ(batch->records[0].where.line, 1);
}

struct BadDocument {
  const char* label;
  std::string text;
  std::string message;
};

class ReadExportErrorTest : public testing::TestWithParam<BadDocument> {};

TEST_P(ReadExportErrorTest, IsAUsageErrorNamingTheFile) {
  auto batch = read_export(GetParam().text, "in.json");
  ASSERT_FALSE(batch);
  EXPECT_EQ(batch.error().kind, ErrorKind::usage);
  EXPECT_NE(batch.error().message.find("in.json" + GetParam().message), std::string::npos)
      << batch.error().message;
}

INSTANTIATE_TEST_SUITE_P(
    Table, ReadExportErrorTest,
    testing::Values(BadDocument{"not_json", "{\"format\": ", ":1: not valid JSON"},
                    BadDocument{"empty", "", ":1: not valid JSON"},
                    // A number no double holds, and nesting deeper than the
                    // stack should go, are errors, not exceptions.
                    BadDocument{"number_overflow", "[\n1e99999]", ":2: not valid JSON"},
                    BadDocument{"nested_too_deep", std::string(300, '['),
                                ":1: not valid JSON: nested too deeply"},
                    BadDocument{"other_object", "{\"name\": \"x\"}", ": not a kith export"},
                    BadDocument{"a_number", "42", ": not a kith export"},
                    BadDocument{"newer_version", "{\"format\": \"kith-export\", \"version\": 2}",
                                ": export format version 2 is newer"},
                    BadDocument{"no_version", "{\"format\": \"kith-export\"}",
                                ": the export has no valid 'version'"},
                    BadDocument{"contacts_not_a_list",
                                "{\"format\": \"kith-export\", \"version\": 1, \"contacts\": {}}",
                                ": 'contacts' is not a list"}),
    [](const auto& c) { return std::string(c.param.label); });

struct LinesCase {
  const char* label;
  std::string text;
  std::string key;
  std::vector<int> lines;
};

class ElementLinesTest : public testing::TestWithParam<LinesCase> {};

TEST_P(ElementLinesTest, FindsWhereEachElementStarts) {
  EXPECT_EQ(element_lines(GetParam().text, GetParam().key), GetParam().lines);
}

INSTANTIATE_TEST_SUITE_P(
    Table, ElementLinesTest,
    testing::Values(
        LinesCase{"top_level_array", "[\n 1,\n {\"a\": [2, 3]},\n \"x\"\n]", "", {2, 3, 4}},
        LinesCase{"empty_array", "[ ]", "", {}},
        LinesCase{
            "keyed_array", "{\"other\": [1],\n\"contacts\": [\n{},\n{}]}", "contacts", {3, 4}},
        LinesCase{"key_inside_a_string_is_not_a_key",
                  "{\"a\": \"contacts\", \"contacts\": [\n1]}",
                  "contacts",
                  {2}},
        LinesCase{"escaped_quotes_in_strings",
                  "{\"x\": \"a\\\"b\", \"contacts\": [\"\\\"\",\n2]}",
                  "contacts",
                  {1, 2}},
        LinesCase{"nested_key_ignored",
                  "{\"a\": {\"contacts\": [1]}, \"contacts\": [\n\n5]}",
                  "contacts",
                  {3}},
        LinesCase{"missing_key", "{\"a\": [1]}", "contacts", {}}),
    [](const auto& c) { return std::string(c.param.label); });

}  // namespace
}  // namespace kith::backup_test
