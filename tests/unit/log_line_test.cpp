// read_log_line: the lines kith writes are read straight into the
// interaction the JSON parser and interaction_from_json() make of them, and
// every other line is left to that parser (and so reads, or fails, exactly
// as it did).
#include "core/log_line.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "core/records.h"
#include "support/labels.h"

namespace kith::test::log_line_test {
namespace {

using Json = nlohmann::ordered_json;
using ::kith::test::operator<<;

// What the general reader makes of `line`: the interaction as JSON, the
// record's error message, or "not JSON" when the JSON parser refuses it.
std::string general_reading(std::string_view line) {
  auto json = parse_json_document(line, "log/2026-11.jsonl:1");
  if (!json) return "not JSON";
  auto i = interaction_from_json(*json, "log/2026-11.jsonl:1");
  if (!i) return "error: " + i.error().message;
  return to_json(*i).dump();
}

struct Case {
  const char* label;
  std::string line;
  bool read;  // whether read_log_line takes it (else the JSON parser does)
};

std::vector<Case> cases() {
  const std::string written =
      R"({"id":"7f3a9c21","date":"2026-11-05","contacts":["ada","jose-nunez"],"kind":"coffee",)"
      R"("intent":"give","note":"Intro to Tomasz","logged_at":"2026-11-05T19:14:10Z",)"
      R"("follow_up":{"text":"send the CV","by":"2026-11-20","done_on":null}})";
  return {
      {"kith_writes_it", written, true},
      {"minimal", R"({"id":"a1","date":"2026-11-05","contacts":["ada"]})", true},
      {"keys_in_another_order_and_white_space",
       " {\t\"contacts\" : [ \"ada\" , \"bo\" ] ,\r\"date\":\"2026-11-05\", \"id\" :\"a1\" } ",
       true},
      {"nulls_read_as_absent",
       R"({"id":"a1","date":"2026-11-05","contacts":["ada"],"kind":null,"intent":null,)"
       R"("note":null,"logged_at":null,"follow_up":null})",
       true},
      {"empty_kind_note_and_intent",
       R"({"id":"a1","date":"2026-11-05","contacts":["ada"],"kind":"","intent":"","note":""})",
       true},
      {"ask", R"({"id":"a1","date":"2026-11-05","contacts":["ada"],"intent":"ask"})", true},
      {"escapes",
       R"({"id":"a1","date":"2026-11-05","contacts":["ada"],)"
       R"("note":"say \"hi\"\\ \/ \b\f\n\r\t \u00e9\u4E2D \ud83d\ude00 caf\u00C9"})",
       true},
      {"utf8_as_it_is", R"({"id":"a1","date":"2026-11-05","contacts":["李雷"],"note":"Zoë 👋"})",
       true},
      {"follow_up_empty_object",
       R"({"id":"a1","date":"2026-11-05","contacts":["ada"],)"
       R"("follow_up":{}})",
       true},
      {"follow_up_done",
       R"({"id":"a1","date":"2026-11-05","contacts":["ada"],)"
       R"("follow_up":{"done_on":"2026-11-09","by":null,"text":"x"}})",
       true},
      // Left to the JSON parser: it keeps what it does not know, or words
      // the error.
      {"another_key_kept_as_extra",
       R"({"id":"a1","date":"2026-11-05","contacts":["ada"],"place":"Berlin"})", false},
      {"follow_up_with_another_key",
       R"({"id":"a1","date":"2026-11-05","contacts":["ada"],"follow_up":{"text":"x","n":1}})",
       false},
      {"key_twice", R"({"id":"a1","date":"2026-11-05","contacts":["ada"],"id":"b2"})", false},
      {"escaped_key_twice", R"({"id":"a1","date":"2026-11-05","contacts":["ada"],"\u0069d":"b2"})",
       false},
      {"number", R"({"id":"a1","date":"2026-11-05","contacts":["ada"],"kind":5})", false},
      {"bad_date", R"({"id":"a1","date":"2026-02-30","contacts":["ada"]})", false},
      {"no_date", R"({"id":"a1","contacts":["ada"]})", false},
      {"bad_id", R"({"id":"A 1","date":"2026-11-05","contacts":["ada"]})", false},
      {"no_contacts", R"({"id":"a1","date":"2026-11-05","contacts":[]})", false},
      {"contact_not_a_string", R"({"id":"a1","date":"2026-11-05","contacts":[1]})", false},
      {"unknown_intent", R"({"id":"a1","date":"2026-11-05","contacts":["ada"],"intent":"maybe"})",
       false},
      {"lone_surrogate", R"({"id":"a1","date":"2026-11-05","contacts":["ada"],"note":"\ud83d"})",
       false},
      {"low_surrogate_first",
       R"({"id":"a1","date":"2026-11-05","contacts":["ada"],"note":"\ude00\ud83d"})", false},
      {"escaped_nul", R"({"id":"a1","date":"2026-11-05","contacts":["ada"],"note":"a\u0000b"})",
       false},
      {"raw_control_character",
       "{\"id\":\"a1\",\"date\":\"2026-11-05\",\"contacts\":[\"ada\"],\"note\":\"a\tb\"}", false},
      {"invalid_utf8", "{\"id\":\"a1\",\"date\":\"2026-11-05\",\"contacts\":[\"\xff\"]}", false},
      {"bad_escape", R"({"id":"a1","date":"2026-11-05","contacts":["ada"],"note":"\x41"})", false},
      {"trailing_text", R"({"id":"a1","date":"2026-11-05","contacts":["ada"]} x)", false},
      {"two_objects", R"({"id":"a1","date":"2026-11-05","contacts":["ada"]}{})", false},
      {"byte_order_mark",
       "\xEF\xBB\xBF{\"id\":\"a1\",\"date\":\"2026-11-05\",\"contacts\":[\"ada\"]}", false},
      {"torn", R"({"id":"a1","date":"2026-11-05","contacts":["ada"],"no)", false},
      {"not_an_object", R"(["a1"])", false},
      {"nul_literal_misspelt", R"({"id":"a1","date":"2026-11-05","contacts":["ada"],"note":nul})",
       false},
  };
}

class ReadLogLine : public testing::TestWithParam<Case> {};

TEST_P(ReadLogLine, ReadsWhatItTakesAsTheJsonParserDoesAndLeavesTheRestToIt) {
  const Case& c = GetParam();
  auto read = read_log_line(c.line);
  EXPECT_EQ(read.has_value(), c.read);
  const std::string general = general_reading(c.line);
  if (read) {
    EXPECT_EQ(to_json(*read).dump(), general);
  }
  // The log reader, which tries read_log_line first, reads the line as the
  // general reader does: the same interaction, or the same error.
  std::vector<std::string> warnings;
  auto log = parse_log(c.line + "\n", "log/2026-11.jsonl", warnings);
  if (general == "not JSON") {
    ASSERT_FALSE(log.ok());
    EXPECT_EQ(log.error().message, "log/2026-11.jsonl:1: not valid JSON");
  } else if (general.starts_with("error: ")) {
    ASSERT_FALSE(log.ok());
    EXPECT_EQ("error: " + log.error().message, general);
  } else {
    ASSERT_TRUE(log.ok()) << log.error().message;
    ASSERT_EQ(log->size(), 1u);
    EXPECT_EQ(to_json(log->front()).dump(), general);
  }
}

INSTANTIATE_TEST_SUITE_P(Lines, ReadLogLine, testing::ValuesIn(cases()), test::LabelName{});

TEST(ReadLogLineWritten, EveryLineKithWritesIsReadBackToTheSameInteraction) {
  Interaction i;
  i.id = "0c1d2e3f";
  i.date = *parse_iso_date("2024-02-29");
  i.contacts = {"ada", "李雷", "o-brien"};
  i.kind = "call";
  i.intent = Intent::catch_up;
  i.note = "Line one\nline \"two\" \\ \x01 tab\t end 👋";
  i.logged_at = "2024-02-29T08:00:00Z";
  i.follow_up = FollowUp{"send the deck", *parse_iso_date("2024-03-07"), std::nullopt, {}};
  for (const Intent intent : {Intent::give, Intent::catch_up, Intent::ask}) {
    i.intent = intent;
    std::string line = serialize_line(to_json(i));
    line.pop_back();  // the newline
    auto read = read_log_line(line);
    ASSERT_TRUE(read.has_value()) << line;
    EXPECT_EQ(to_json(*read), to_json(i));
  }
}

}  // namespace
}  // namespace kith::test::log_line_test
