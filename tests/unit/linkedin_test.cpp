#include "core/linkedin.h"

#include <ostream>
#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "support/labels.h"
#include "support/testutil.h"

namespace kith::linkedin_test {
namespace {

using ::kith::test::operator<<;

using Strings = std::vector<std::string>;

struct DateCase {
  const char* label;
  std::string_view text;
  std::optional<std::string> expected;
};

class LinkedinDateTest : public testing::TestWithParam<DateCase> {};

TEST_P(LinkedinDateTest, ReadsConnectedOnDates) {
  auto d = parse_linkedin_date(GetParam().text);
  if (!GetParam().expected) {
    EXPECT_FALSE(d.has_value()) << format_date(*d);
  } else {
    ASSERT_TRUE(d.has_value());
    EXPECT_EQ(format_date(*d), *GetParam().expected);
  }
}

INSTANTIATE_TEST_SUITE_P(
    Table, LinkedinDateTest,
    testing::Values(DateCase{"day_month_year", "12 Mar 2024", "2024-03-12"},
                    DateCase{"dashes_two_digit_year", "7-Feb-22", "2022-02-07"},
                    DateCase{"dashes_four_digit_year", "12-Mar-2024", "2024-03-12"},
                    DateCase{"full_month_name", "1 September 2023", "2023-09-01"},
                    DateCase{"sept", "1 Sept 2023", "2023-09-01"},
                    DateCase{"month_first", "Mar 12, 2024", "2024-03-12"},
                    DateCase{"iso", "2024-03-12", "2024-03-12"},
                    DateCase{"any_case_and_spaces", "  12 MAR 2024 ", "2024-03-12"},
                    DateCase{"leap_day", "29 Feb 2024", "2024-02-29"},
                    DateCase{"not_a_leap_day", "29 Feb 2023", std::nullopt},
                    DateCase{"day_32", "32 Jan 2024", std::nullopt},
                    DateCase{"unknown_month", "12 Foo 2024", std::nullopt},
                    DateCase{"three_digit_year", "12 Mar 202", std::nullopt},
                    DateCase{"words", "not a date", std::nullopt},
                    DateCase{"empty", "", std::nullopt}),
    [](const auto& c) { return std::string(c.param.label); });

TEST(ReadLinkedin, FindsTheHeaderAfterTheBomAndNotesPreamble) {
  auto batch =
      read_linkedin(test::read_import_fixture("linkedin-connections.csv"), "Connections.csv");
  ASSERT_TRUE(batch) << batch.error().message;
  Strings names;
  for (const auto& r : batch->records) names.push_back(r.contact.name);
  EXPECT_EQ(names,
            (Strings{"Ada Lovelace", "José Núñez", "李 小龙", "Grace Hopper", "Zoë Achterberg"}));
  const Contact& ada = batch->records[0].contact;
  EXPECT_EQ(ada.company, "Analytical Engines");
  EXPECT_EQ(ada.role, "Mathematician, Poet");
  EXPECT_EQ(ada.emails, (Strings{"ada@example.org"}));
  EXPECT_EQ(ada.links, (Strings{"https://www.linkedin.com/in/ada-lovelace"}));
  EXPECT_EQ(format_date(*ada.met_on), "2024-03-12");
  EXPECT_EQ(ada.tags, (Strings{"linkedin"}));
  EXPECT_EQ(batch->records[0].where.line, 5);
  EXPECT_EQ(format_date(*batch->records[1].contact.met_on), "2022-02-07");
  EXPECT_TRUE(batch->records[1].contact.emails.empty());
  EXPECT_EQ(batch->records[2].contact.company, "Golden Harvest, Ltd.");
  EXPECT_EQ(batch->records[2].contact.role, "Actor \"and\" teacher");
  EXPECT_FALSE(batch->records[3].contact.met_on.has_value());
  EXPECT_EQ(batch->records[4].contact.role, "Founder, CEO");  // a line break inside quotes
}

TEST(ReadLinkedin, ReportsSkippedRowsAndLeftOutValuesWithTheirLines) {
  auto batch =
      read_linkedin(test::read_import_fixture("linkedin-connections.csv"), "Connections.csv");
  ASSERT_TRUE(batch);
  ASSERT_EQ(batch->skipped.size(), 2u);
  EXPECT_EQ(batch->skipped[0].where.line, 10);
  EXPECT_EQ(batch->skipped[0].message, "has 8 fields where the header has 7");
  EXPECT_EQ(batch->skipped[1].where.line, 11);
  EXPECT_NE(batch->skipped[1].message.find("no name"), std::string::npos);
  ASSERT_EQ(batch->warnings.size(), 1u);
  EXPECT_EQ(batch->warnings[0].where.line, 9);
  EXPECT_NE(batch->warnings[0].message.find("'not a date'"), std::string::npos);
}

TEST(ReadLinkedin, ColumnsMayComeInAnyOrderAndCase) {
  auto batch = read_linkedin(
      "url,LAST NAME,first name,Connected On\nhttps://linkedin.com/in/x,Doe,Jane,1 Jan 2021\n",
      "c.csv");
  ASSERT_TRUE(batch);
  ASSERT_EQ(batch->records.size(), 1u);
  EXPECT_EQ(batch->records[0].contact.name, "Jane Doe");
  EXPECT_EQ(format_date(*batch->records[0].contact.met_on), "2021-01-01");
}

TEST(ReadLinkedin, InvalidUtf8AndUnterminatedQuotesSkipTheirRows) {
  auto batch =
      read_linkedin("First Name,Last Name,URL\nBad\xff,X,u\n\"Open,Quote,u\nGood,Row,u\n", "c.csv");
  ASSERT_TRUE(batch);
  ASSERT_EQ(batch->records.size(), 1u);
  EXPECT_EQ(batch->records[0].contact.name, "Good Row");
  ASSERT_EQ(batch->skipped.size(), 2u);
  EXPECT_NE(batch->skipped[0].message.find("UTF-8"), std::string::npos);
  EXPECT_NE(batch->skipped[1].message.find("unterminated"), std::string::npos);
  EXPECT_EQ(batch->skipped[1].where.line, 3);
}

TEST(ReadLinkedin, NoHeaderIsAUsageError) {
  auto batch = read_linkedin("name,email\nAda,a@b\n", "people.csv");
  ASSERT_FALSE(batch);
  EXPECT_EQ(batch.error().kind, ErrorKind::usage);
  EXPECT_NE(batch.error().message.find("people.csv: no LinkedIn header"), std::string::npos);
}

TEST(ReadLinkedin, NeverFailsOnArbitraryBytesAfterAHeader) {
  std::mt19937 rng(2003);
  const std::string alphabet("a,\"\r\n \xff\xc3\x00", 9);
  for (int round = 0; round < 2000; ++round) {
    std::string text = "First Name,Last Name,URL,Connected On\n";
    const int len = static_cast<int>(rng() % 120);
    for (int i = 0; i < len; ++i) text += alphabet[rng() % alphabet.size()];
    auto batch = read_linkedin(text, "f");
    ASSERT_TRUE(batch);
    for (const auto& r : batch->records) EXPECT_FALSE(r.contact.name.empty());
  }
}

}  // namespace
}  // namespace kith::linkedin_test
