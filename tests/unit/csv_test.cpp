#include "core/csv.h"

#include <ostream>
#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "support/labels.h"

namespace kith::csv::csv_test {
namespace {

using ::kith::test::operator<<;

using namespace std::string_view_literals;
using Fields = std::vector<std::string>;

struct ParseCase {
  const char* label;
  std::string_view input;
  std::vector<Fields> records;
  std::vector<int> lines;
};

class CsvParseTest : public testing::TestWithParam<ParseCase> {};

TEST_P(CsvParseTest, SplitsRecordsAndFieldsAndNamesTheirLines) {
  const ParseCase& c = GetParam();
  auto records = parse(c.input);
  ASSERT_EQ(records.size(), c.records.size());
  for (std::size_t i = 0; i < records.size(); ++i) {
    EXPECT_TRUE(records[i].ok()) << records[i].error;
    EXPECT_EQ(records[i].fields, c.records[i]) << "record " << i;
    EXPECT_EQ(records[i].line, c.lines[i]) << "record " << i;
  }
}

INSTANTIATE_TEST_SUITE_P(
    Table, CsvParseTest,
    testing::Values(
        ParseCase{"empty_text", "", {}, {}}, ParseCase{"one_field", "a", {{"a"}}, {1}},
        ParseCase{"lf_endings", "a,b\nc,d\n", {{"a", "b"}, {"c", "d"}}, {1, 2}},
        ParseCase{"crlf_endings", "a,b\r\nc,d\r\n", {{"a", "b"}, {"c", "d"}}, {1, 2}},
        ParseCase{"lone_cr_endings", "a\rb\r", {{"a"}, {"b"}}, {1, 2}},
        ParseCase{"no_final_newline", "a,b\nc", {{"a", "b"}, {"c"}}, {1, 2}},
        ParseCase{"empty_fields", ",,\n", {{"", "", ""}}, {1}},
        ParseCase{"trailing_comma", "a,\n", {{"a", ""}}, {1}},
        ParseCase{"empty_lines_skipped", "\n\na\r\n\r\nb\n", {{"a"}, {"b"}}, {3, 5}},
        ParseCase{"quoted_comma", "\"Smith, Jane\",x\n", {{"Smith, Jane", "x"}}, {1}},
        ParseCase{"doubled_quote", "\"say \"\"hi\"\"\"\n", {{"say \"hi\""}}, {1}},
        ParseCase{"quoted_empty", "\"\",a\n", {{"", "a"}}, {1}},
        ParseCase{"quoted_newline_counts_lines", "\"a\nb\",c\nd\n", {{"a\nb", "c"}, {"d"}}, {1, 3}},
        ParseCase{
            "quoted_crlf_counts_one_line", "\"a\r\nb\"\r\nd\r\n", {{"a\r\nb"}, {"d"}}, {1, 3}},
        ParseCase{"bom_skipped", "\xEF\xBB\xBFName\n", {{"Name"}}, {1}},
        ParseCase{"stray_quote_in_unquoted_field_kept", "ab\"c,d\n", {{"ab\"c", "d"}}, {1}},
        ParseCase{"text_after_closing_quote_appended", "\"ab\"c,d\n", {{"abc", "d"}}, {1}},
        ParseCase{"utf8_passed_through", "José,李小龙\n", {{"José", "李小龙"}}, {1}},
        ParseCase{"nul_byte_passed_through", "a\0b,c\n"sv, {{std::string("a\0b", 3), "c"}}, {1}},
        ParseCase{"spaces_kept", " a , b \n", {{" a ", " b "}}, {1}}),
    [](const auto& c) { return std::string(c.param.label); });

TEST(CsvParse, UnterminatedQuoteSkipsThatRecordAndResumesOnTheNextLine) {
  auto records = parse("a,b\n\"open,c\nd,e\nf\n");
  ASSERT_EQ(records.size(), 4u);
  EXPECT_TRUE(records[0].ok());
  EXPECT_FALSE(records[1].ok());
  EXPECT_EQ(records[1].line, 2);
  EXPECT_NE(records[1].error.find("unterminated"), std::string::npos);
  EXPECT_EQ(records[2].fields, (Fields{"d", "e"}));
  EXPECT_EQ(records[2].line, 3);
  EXPECT_EQ(records[3].fields, (Fields{"f"}));
  EXPECT_EQ(records[3].line, 4);
}

TEST(CsvParse, AQuoteLeftOpenEarlyLosesOnlyItsOwnRecord) {
  std::string text = "\"open\n";
  for (int i = 0; i < 10000; ++i) text += "a,b\n";
  auto records = parse(text);
  ASSERT_EQ(records.size(), 10001u);
  EXPECT_FALSE(records[0].ok());
  EXPECT_EQ(records[1].fields, (Fields{"a", "b"}));
  EXPECT_EQ(records.back().line, 10001);
}

TEST(CsvParse, TooManyFieldsMarksTheRecordButKeepsTheNextOne) {
  std::string text(max_fields + 5, ',');
  text += "\nnext\n";
  auto records = parse(text);
  ASSERT_EQ(records.size(), 2u);
  EXPECT_FALSE(records[0].ok());
  EXPECT_EQ(records[0].fields.size(), max_fields);
  EXPECT_EQ(records[1].fields, (Fields{"next"}));
}

TEST(CsvParse, OverlongFieldMarksTheRecord) {
  std::string text(max_field_bytes + 10, 'x');
  auto records = parse(text + "\nok\n");
  ASSERT_EQ(records.size(), 2u);
  EXPECT_FALSE(records[0].ok());
  EXPECT_EQ(records[0].fields[0].size(), max_field_bytes);
  EXPECT_TRUE(records[1].ok());
}

TEST(CsvRecord, BlankWhenEveryFieldIsEmptyOrSpaces) {
  EXPECT_TRUE(parse(",, ,\t\n")[0].blank());
  EXPECT_FALSE(parse(",,x\n")[0].blank());
}

struct FormatCase {
  const char* label;
  Fields fields;
  std::string_view expected;
};

class CsvFormatTest : public testing::TestWithParam<FormatCase> {};

TEST_P(CsvFormatTest, QuotesOnlyWhatNeedsIt) {
  EXPECT_EQ(format_record(GetParam().fields), GetParam().expected);
}

INSTANTIATE_TEST_SUITE_P(
    Table, CsvFormatTest,
    testing::Values(FormatCase{"plain", {"a", "b"}, "a,b\r\n"},
                    FormatCase{"empty_fields", {"", ""}, ",\r\n"},
                    FormatCase{"comma", {"a,b"}, "\"a,b\"\r\n"},
                    FormatCase{"quote_doubled", {"say \"hi\""}, "\"say \"\"hi\"\"\"\r\n"},
                    FormatCase{"newline", {"a\nb"}, "\"a\nb\"\r\n"},
                    FormatCase{"leading_space", {" a"}, "\" a\"\r\n"},
                    FormatCase{"unicode_unquoted", {"José"}, "José\r\n"}),
    [](const auto& c) { return std::string(c.param.label); });

TEST(CsvRoundTrip, FormatThenParseGivesTheFieldsBack) {
  const std::vector<Fields> rows = {{"id", "name", "notes"},
                                    {"a", "Smith, \"Jo\"", "line one\nline two"},
                                    {"", " spaced ", "李小龙"}};
  std::string text;
  for (const auto& r : rows) text += format_record(r);
  auto records = parse(text);
  ASSERT_EQ(records.size(), rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) EXPECT_EQ(records[i].fields, rows[i]);
}

TEST(CsvParse, NeverFailsOnArbitraryBytes) {
  std::mt19937 rng(4180);
  const std::string alphabet("a,\"\r\n \xEF\xBB\xBF\x00\xff"sv);
  for (int round = 0; round < 2000; ++round) {
    std::string text;
    const int len = static_cast<int>(rng() % 200);
    for (int i = 0; i < len; ++i) text += alphabet[rng() % alphabet.size()];
    auto records = parse(text);
    for (const auto& r : records) EXPECT_GE(r.line, 1);
  }
}

}  // namespace
}  // namespace kith::csv::csv_test
