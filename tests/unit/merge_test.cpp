#include "core/merge.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "core/store.h"

namespace kith::merge_test {
namespace {

// --- merge_log ---------------------------------------------------------------

// A log line with an id, a date and a note (not a whole interaction: the
// merge keys on id and sorts on date, and keeps any other line as it is).
std::string line(const std::string& id, const std::string& date, const std::string& note = "n") {
  return R"({"id":")" + id + R"(","date":")" + date + R"(","note":")" + note + "\"}\n";
}

struct LogCase {
  const char* label;
  std::string base;
  std::string ours;
  std::string theirs;
  std::string merged;
  std::size_t notes = 0;
};

class MergeLogTest : public testing::TestWithParam<LogCase> {};

TEST_P(MergeLogTest, MergesByInteractionId) {
  const LogCase& lc = GetParam();
  const merge::Outcome out = merge::merge_log(lc.base, lc.ours, lc.theirs, "log/2026-11.jsonl");
  EXPECT_EQ(out.text, lc.merged);
  EXPECT_EQ(out.notes.size(), lc.notes);
  for (const auto& note : out.notes) EXPECT_TRUE(note.starts_with("log/2026-11.jsonl: ")) << note;
}

const std::string a = line("a", "2026-11-01");
const std::string b = line("b", "2026-11-05");
const std::string c = line("c", "2026-11-03");
const std::string d = line("d", "2026-11-03");

INSTANTIATE_TEST_SUITE_P(
    Cases, MergeLogTest,
    testing::Values(
        LogCase{"appends_on_both_sides_are_all_kept", a, a + b, a + c, a + c + b},
        LogCase{"nothing_changed", a + b, a + b, a + b, a + b},
        LogCase{"all_empty", "", "", "", ""}, LogCase{"no_base_two_new_files", "", b, a, a + b},
        LogCase{"a_purge_on_one_side_stays_removed", a + b, a, a + b + c, a + c},
        LogCase{"a_purge_on_both_sides_stays_removed", a + b, a, a, a},
        LogCase{"the_same_line_added_on_both_sides_is_kept_once", a, a + c, a + c, a + c},
        LogCase{"a_change_on_one_side_is_taken", a + b, a + line("b", "2026-11-05", "done"),
                a + b + d, a + d + line("b", "2026-11-05", "done")},
        LogCase{"a_change_on_the_other_side_is_taken", a + b, a + b + c,
                line("a", "2026-11-01", "x") + b, line("a", "2026-11-01", "x") + c + b},
        LogCase{"removed_on_one_side_and_changed_on_the_other_stays_removed", a + b, a,
                a + line("b", "2026-11-05", "changed"), a, 1},
        LogCase{"sorted_by_date_then_id", "", d + b, c + a, a + c + d + b},
        LogCase{"a_date_moved_on_one_side_moves_the_line", a + b, line("b", "2026-10-30") + a,
                a + b, line("b", "2026-10-30") + a},
        LogCase{"changes_of_different_fields_on_both_sides_are_merged",
                R"({"id":"x","date":"2026-11-02","kind":"call","note":"n"})"
                "\n",
                R"({"id":"x","date":"2026-11-02","kind":"lunch","note":"n"})"
                "\n",
                R"({"id":"x","date":"2026-11-02","kind":"call","note":"m"})"
                "\n",
                R"({"id":"x","date":"2026-11-02","kind":"lunch","note":"m"})"
                "\n"},
        LogCase{"the_same_field_changed_on_both_sides_keeps_ours",
                R"({"id":"x","date":"2026-11-02","note":"n"})"
                "\n",
                R"({"id":"x","date":"2026-11-02","note":"ours"})"
                "\n",
                R"({"id":"x","date":"2026-11-02","note":"theirs"})"
                "\n",
                R"({"id":"x","date":"2026-11-02","note":"ours"})"
                "\n",
                1},
        LogCase{"a_torn_last_line_is_dropped", a, a + R"({"id":"b","da)", a + c, a + c, 1},
        LogCase{"a_line_kith_cannot_read_is_kept_last", a, "not json\n" + a, a + b,
                a + b + "not json\n"},
        LogCase{"blank_lines_go", a, a + "\n\n" + b, a, a + b},
        LogCase{"a_line_without_newline_that_is_json_is_kept", a, a + b.substr(0, b.size() - 1), a,
                a + b}),
    [](const testing::TestParamInfo<LogCase>& p) { return std::string(p.param.label); });

TEST(MergeLogTest, KeepsTheLinesOfRealInteractionsAsKithWritesThem) {
  Interaction i;
  i.id = "20261102T100000Z-abcdef";
  i.date = *parse_iso_date("2026-11-02");
  i.contacts = {"ada", "grace"};
  i.kind = "coffee";
  i.logged_at = "2026-11-02T10:00:00Z";
  const std::string base = serialize_line(to_json(i));
  Interaction ours = i;
  ours.contacts = {"grace"};  // ada purged here
  Interaction theirs = i;
  theirs.kind = "lunch";  // edited there
  const merge::Outcome out = merge::merge_log(base, serialize_line(to_json(ours)),
                                              serialize_line(to_json(theirs)), "log/2026-11.jsonl");
  Interaction expected = i;
  expected.contacts = {"grace"};
  expected.kind = "lunch";
  EXPECT_EQ(out.text, serialize_line(to_json(expected)));
  EXPECT_TRUE(out.notes.empty());
}

TEST(MergeLogTest, ALineLoggedUnderAnAliasNamesItsContact) {
  Interaction base;
  base.id = "20261102T100000Z-abcdef";
  base.date = *parse_iso_date("2026-11-02");
  base.contacts = {"ada"};
  base.logged_at = "2026-11-02T10:00:00Z";
  Interaction logged_there = base;  // logged under ada-l before the merge was synced
  logged_there.id = "20261103T100000Z-000001";
  logged_there.date = *parse_iso_date("2026-11-03");
  logged_there.contacts = {"ada-l", "grace"};
  const std::string ours = serialize_line(to_json(base));
  const std::string theirs = ours + serialize_line(to_json(logged_there));
  const merge::Outcome out =
      merge::merge_log(ours, ours, theirs, "log/2026-11.jsonl", AliasMap{{"ada-l", "ada"}});
  Interaction expected = logged_there;
  expected.contacts = {"ada", "grace"};
  EXPECT_EQ(out.text, ours + serialize_line(to_json(expected)));
  ASSERT_EQ(out.notes.size(), 1u);
  EXPECT_NE(out.notes[0].find("log/2026-11.jsonl: 1 interaction named a contact merged"),
            std::string::npos)
      << out.notes[0];
  // Without aliases the line is kept as it came.
  EXPECT_EQ(merge::merge_log(ours, ours, theirs, "log/2026-11.jsonl").text, theirs);
}

// --- merge_record ------------------------------------------------------------

struct RecordCase {
  const char* label;
  std::string base;
  std::string ours;
  std::string theirs;
  std::string merged;  // compact JSON of the result
  std::size_t notes = 0;
};

class MergeRecordTest : public testing::TestWithParam<RecordCase> {};

TEST_P(MergeRecordTest, MergesFieldByField) {
  const RecordCase& rc = GetParam();
  auto out = merge::merge_record(rc.base, rc.ours, rc.theirs, "notes.json");
  ASSERT_TRUE(out) << out.error().message;
  EXPECT_EQ(Json::parse(out->text).dump(), rc.merged);
  EXPECT_EQ(out->notes.size(), rc.notes);
  EXPECT_EQ(out->text, serialize_document(Json::parse(out->text)));
}

INSTANTIATE_TEST_SUITE_P(
    Cases, MergeRecordTest,
    testing::Values(
        RecordCase{"different_fields_changed_on_each_side_are_both_kept", R"({"a":1,"b":1})",
                   R"({"a":2,"b":1})", R"({"a":1,"b":3})", R"({"a":2,"b":3})"},
        RecordCase{"a_field_removed_on_one_side_is_removed", R"({"a":1,"b":1})", R"({"a":1})",
                   R"({"a":1,"b":1})", R"({"a":1})"},
        RecordCase{"a_field_added_on_the_other_side_comes_after_ours", R"({"a":1})",
                   R"({"a":1,"z":0})", R"({"a":1,"b":2})", R"({"a":1,"z":0,"b":2})"},
        RecordCase{"the_same_change_on_both_sides", R"({"a":1})", R"({"a":2})", R"({"a":2})",
                   R"({"a":2})"},
        RecordCase{"a_conflict_keeps_ours_and_says_so", R"({"a":1})", R"({"a":2})", R"({"a":3})",
                   R"({"a":2})", 1},
        RecordCase{"removed_here_changed_there_keeps_ours", R"({"a":1,"b":1})", R"({"b":1})",
                   R"({"a":5,"b":1})", R"({"b":1})", 1},
        RecordCase{"lists_merge_as_sets", R"({"t":["x","y"]})", R"({"t":["x","y","p"]})",
                   R"({"t":["x","y","q"]})", R"({"t":["x","y","p","q"]})"},
        RecordCase{"a_list_element_removed_on_one_side_stays_removed", R"({"t":["x","y"]})",
                   R"({"t":["y","p"]})", R"({"t":["x","y","q"]})", R"({"t":["y","p","q"]})"},
        RecordCase{"a_list_element_added_on_both_sides_is_kept_once", R"({"t":[]})",
                   R"({"t":["p"]})", R"({"t":["p","q"]})", R"({"t":["p","q"]})"},
        RecordCase{"objects_merge_key_by_key", R"({"o":{"a":1,"b":1}})", R"({"o":{"a":2,"b":1}})",
                   R"({"o":{"a":1,"b":2}})", R"({"o":{"a":2,"b":2}})"},
        RecordCase{"no_base_added_on_both_sides", "", R"({"a":1,"t":["x"]})",
                   R"({"a":1,"t":["y"],"b":2})", R"({"a":1,"t":["x","y"],"b":2})"},
        RecordCase{"no_base_and_a_conflict", "", R"({"a":1})", R"({"a":2})", R"({"a":1})", 1},
        RecordCase{"null_and_a_value", R"({"a":null})", R"({"a":null})", R"({"a":"v"})",
                   R"({"a":"v"})"}),
    [](const testing::TestParamInfo<RecordCase>& p) { return std::string(p.param.label); });

TEST(MergeRecordTest, RefusesWhatIsNotAJsonObject) {
  for (const auto& [ours, theirs] : std::vector<std::pair<std::string, std::string>>{
           {"{", "{}"}, {"{}", "[1]"}, {"<<<<<<< HEAD", "{}"}}) {
    auto out = merge::merge_record("{}", ours, theirs, "contacts/ada.json");
    ASSERT_FALSE(out) << ours << " / " << theirs;
    EXPECT_EQ(out.error().kind, ErrorKind::data);
    EXPECT_NE(out.error().message.find("contacts/ada.json"), std::string::npos);
  }
}

TEST(MergeRecordTest, WritesAContactAsKithWritesIt) {
  Contact base;
  base.id = "ada";
  base.name = "Ada Lovelace";
  base.added_on = *parse_iso_date("2026-01-02");
  base.tags = {"math"};
  base.extra["custom"] = "kept";
  Contact ours = base;
  ours.company = "Analytical Engines";
  ours.tags = {"math", "poetry"};
  Contact theirs = base;
  theirs.role = "Analyst";
  theirs.tags = {"math", "engines"};
  auto out =
      merge::merge_record(serialize_document(to_json(base)), serialize_document(to_json(ours)),
                          serialize_document(to_json(theirs)), "contacts/ada.json");
  ASSERT_TRUE(out) << out.error().message;
  Contact expected = base;
  expected.company = "Analytical Engines";
  expected.role = "Analyst";
  expected.tags = {"math", "poetry", "engines"};
  EXPECT_EQ(out->text, serialize_document(to_json(expected)));
  EXPECT_TRUE(out->notes.empty());
}

TEST(MergeRecordTest, NamesTheFieldAndBothValuesOfAConflict) {
  auto out = merge::merge_record(R"({"company":"A"})", R"({"company":"Ours Inc"})",
                                 R"({"company":"Theirs Ltd"})", "contacts/ada.json");
  ASSERT_TRUE(out);
  ASSERT_EQ(out->notes.size(), 1u);
  const std::string& note = out->notes.front();
  EXPECT_NE(note.find("contacts/ada.json"), std::string::npos) << note;
  EXPECT_NE(note.find("'company'"), std::string::npos) << note;
  EXPECT_NE(note.find("Ours Inc"), std::string::npos) << note;
  EXPECT_NE(note.find("Theirs Ltd"), std::string::npos) << note;
}

}  // namespace
}  // namespace kith::merge_test
