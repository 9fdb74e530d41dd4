#include "core/contact_csv.h"

#include <ostream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "core/csv.h"
#include "support/labels.h"
#include "support/testutil.h"

namespace kith::contact_csv_test {
namespace {

using ::kith::test::operator<<;

using Strings = std::vector<std::string>;

Contact sample() {
  Contact c;
  c.id = "priya-raman";
  c.name = "Priya Raman";
  c.emails = {"priya@example.in", "p@work.example"};
  c.phones = {"+91 98 7654 3210"};
  c.company = "Fintrack, Inc.";
  c.role = "Staff Engineer";
  c.location = "Bengaluru";
  c.links = {"https://example.in/priya"};
  c.tags = {"fintech", "mentors"};
  c.skills = {"Go", "payments"};
  c.interests = {"hiring"};
  c.how_met = "GopherCon \"hallway\" track";
  c.met_on = *parse_iso_date("2025-06-01");
  c.every = *parse_duration("2m", AllowOff::yes);
  c.birthday = *parse_birthday("--03-14");
  c.notes = "Line one\nline two, with a comma";
  c.added_on = *parse_iso_date("2025-06-02");
  c.archived = true;
  c.snoozed_until = *parse_iso_date("2026-12-01");
  return c;
}

TEST(WriteContactCsv, HeaderRowThenOneQuotedRowPerContact) {
  const std::string text = write_contact_csv({sample()});
  EXPECT_TRUE(text.starts_with(
      "id,name,emails,phones,company,role,location,links,tags,skills,interests,how_met,met_on,"
      "every,birthday,notes,added_on,archived,snoozed_until\r\n"));
  auto records = csv::parse(text);
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[1].fields[2], "priya@example.in; p@work.example");
  EXPECT_EQ(records[1].fields[4], "Fintrack, Inc.");
  EXPECT_EQ(records[1].fields[13], "2m");
  EXPECT_EQ(records[1].fields[14], "--03-14");
  EXPECT_EQ(records[1].fields[17], "true");
}

TEST(ContactCsv, ExportThenImportGivesTheSameContact) {
  auto batch = read_contact_csv(write_contact_csv({sample()}), "out.csv");
  ASSERT_TRUE(batch) << batch.error().message;
  ASSERT_EQ(batch->records.size(), 1u);
  EXPECT_EQ(to_json(batch->records[0].contact), to_json(sample()));
}

TEST(ReadContactCsv, FixtureWithAliasesSubsetAndBadRows) {
  auto batch = read_contact_csv(test::read_import_fixture("contacts.csv"), "contacts.csv");
  ASSERT_TRUE(batch) << batch.error().message;
  ASSERT_EQ(batch->records.size(), 2u);
  const Contact& priya = batch->records[0].contact;
  EXPECT_EQ(priya.name, "Priya Raman");
  EXPECT_TRUE(priya.id.empty());
  EXPECT_EQ(priya.emails, (Strings{"priya@example.in", "priya.r@work.example"}));
  EXPECT_EQ(priya.tags, (Strings{"fintech", "mentors"}));
  EXPECT_EQ(format_date(*priya.met_on), "2025-06-01");
  EXPECT_EQ(priya.every->text, "2m");
  EXPECT_EQ(format_birthday(*priya.birthday), "--03-14");  // MM-DD accepted
  EXPECT_EQ(priya.notes, "Said: \"write anytime\",\nmet at GopherCon");
  EXPECT_EQ(priya.added_on, Date{});  // not given: the plan uses today
  EXPECT_EQ(batch->records[1].contact.name, "Matteo Rossi");
  ASSERT_EQ(batch->skipped.size(), 3u);
  EXPECT_EQ(batch->skipped[0].where.line, 5);
  EXPECT_EQ(batch->skipped[0].message, "no name");
  EXPECT_EQ(batch->skipped[1].where.line, 6);
  EXPECT_NE(batch->skipped[1].message.find("met_on: '2025-13-01'"), std::string::npos);
  EXPECT_NE(batch->skipped[2].message.find("every: 'sometimes'"), std::string::npos);
}

struct BadRow {
  const char* label;
  std::string row;
  std::string message;
};

class ContactCsvBadRowTest : public testing::TestWithParam<BadRow> {};

TEST_P(ContactCsvBadRowTest, IsSkippedWithItsLineAndReason) {
  auto batch = read_contact_csv("id,name,emails,archived,birthday\n" + GetParam().row + "\n", "f");
  ASSERT_TRUE(batch);
  EXPECT_TRUE(batch->records.empty());
  ASSERT_EQ(batch->skipped.size(), 1u);
  EXPECT_EQ(batch->skipped[0].where.line, 2);
  EXPECT_NE(batch->skipped[0].message.find(GetParam().message), std::string::npos)
      << batch->skipped[0].message;
}

INSTANTIATE_TEST_SUITE_P(
    Table, ContactCsvBadRowTest,
    testing::Values(BadRow{"bad_id", "A B,Ada,,,", "id 'A B' is not a valid id"},
                    BadRow{"reserved_id", "me,Ada,,,", "id 'me'"},
                    BadRow{"bad_email", ",Ada,nope,,", "'nope' is not an email address"},
                    BadRow{"bad_archived", ",Ada,,maybe,", "archived: 'maybe'"},
                    BadRow{"bad_birthday", ",Ada,,,13-45", "birthday: '13-45'"},
                    BadRow{"too_many_fields", ",Ada,,,,extra", "has 6 fields"},
                    BadRow{"not_utf8", ",Ad\xff,,,", "UTF-8"},
                    BadRow{"open_quote", ",\"Ada,,,", "unterminated"}),
    [](const auto& c) { return std::string(c.param.label); });

struct BadHeader {
  const char* label;
  std::string header;
  std::string message;
};

class ContactCsvBadHeaderTest : public testing::TestWithParam<BadHeader> {};

TEST_P(ContactCsvBadHeaderTest, IsAUsageError) {
  auto batch = read_contact_csv(GetParam().header + "\nAda\n", "f.csv");
  ASSERT_FALSE(batch);
  EXPECT_EQ(batch.error().kind, ErrorKind::usage);
  EXPECT_NE(batch.error().message.find(GetParam().message), std::string::npos)
      << batch.error().message;
}

INSTANTIATE_TEST_SUITE_P(
    Table, ContactCsvBadHeaderTest,
    testing::Values(BadHeader{"unknown_column", "name,shoe size", "unknown column 'shoe size'"},
                    BadHeader{"repeated_column", "name,email,emails", "appears twice"},
                    BadHeader{"no_name", "email,company", "no 'name' column"}),
    [](const auto& c) { return std::string(c.param.label); });

TEST(ReadContactCsv, HeaderMatchingIgnoresCaseSpacesAndDashes) {
  auto batch =
      read_contact_csv("Name,How Met,Met-On,E-Mail\nAda,Salon,2020-01-02,a@b.example\n", "f");
  ASSERT_TRUE(batch) << batch.error().message;
  ASSERT_EQ(batch->records.size(), 1u);
  EXPECT_EQ(batch->records[0].contact.how_met, "Salon");
  EXPECT_EQ(batch->records[0].contact.emails, (Strings{"a@b.example"}));
}

TEST(ReadContactCsv, AnEmptyFileHasNoRecords) {
  auto batch = read_contact_csv("", "f");
  ASSERT_TRUE(batch);
  EXPECT_TRUE(batch->records.empty());
}

}  // namespace
}  // namespace kith::contact_csv_test
