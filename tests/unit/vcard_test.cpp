#include "core/vcard.h"

#include <ostream>
#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "support/labels.h"
#include "support/testutil.h"

namespace kith::vcard::vcard_test {
namespace {

using ::kith::test::operator<<;

using Strings = std::vector<std::string>;

// ---------------------------------------------------------------------------
// parse: the content-line syntax

TEST(VcardParse, UnfoldsLinesThatStartWithASpaceOrTab) {
  auto cards = parse("BEGIN:VCARD\r\nNOTE:one \r\n two\r\n\tthree\r\nEND:VCARD\r\n");
  ASSERT_EQ(cards.size(), 1u);
  ASSERT_EQ(cards[0].properties.size(), 1u);
  EXPECT_EQ(cards[0].properties[0].value, "one twothree");
}

TEST(VcardParse, ReadsGroupsParamsAndQuotedParamValues) {
  auto cards = parse(
      "BEGIN:VCARD\nitem1.EMAIL;TYPE=INTERNET;type=\"work,pref\":a@b.c\n"
      "ADR;LABEL=\"Main St; Suite: 1\":;;Main St;Town;;;\nTEL;CELL:123\nEND:VCARD\n");
  ASSERT_EQ(cards.size(), 1u);
  const auto& p = cards[0].properties;
  ASSERT_EQ(p.size(), 3u);
  EXPECT_EQ(p[0].group, "item1");
  EXPECT_EQ(p[0].name, "EMAIL");
  EXPECT_EQ(p[0].param("TYPE"), "INTERNET");
  ASSERT_EQ(p[0].params.size(), 2u);
  EXPECT_EQ(p[0].params[1].second, "work,pref");
  EXPECT_EQ(p[0].value, "a@b.c");
  EXPECT_EQ(p[1].param("LABEL"), "Main St; Suite: 1");
  EXPECT_EQ(p[1].value, ";;Main St;Town;;;");
  EXPECT_EQ(p[2].param("TYPE"), "CELL");  // vCard 2.1 bare type
}

TEST(VcardParse, NamesAreCaseInsensitiveAndValuesKeepTheirColons) {
  auto cards = parse("begin:vcard\nurl:https://x.example/a:b\nend:VCARD\n");
  ASSERT_EQ(cards.size(), 1u);
  EXPECT_EQ(cards[0].properties[0].name, "URL");
  EXPECT_EQ(cards[0].properties[0].value, "https://x.example/a:b");
}

TEST(VcardParse, CardsStartAtTheirBeginLineAndLinesOutsideCardsAreIgnored) {
  auto cards =
      parse("junk\nFN:outside\n\nBEGIN:VCARD\nFN:A\nEND:VCARD\nBEGIN:VCARD\nFN:B\nEND:VCARD\n");
  ASSERT_EQ(cards.size(), 2u);
  EXPECT_EQ(cards[0].line, 4);
  EXPECT_EQ(cards[1].line, 7);
}

TEST(VcardParse, NestedCardsAreIgnored) {
  auto cards = parse(
      "BEGIN:VCARD\nFN:Outer\nAGENT:BEGIN:VCARD\nBEGIN:VCARD\nFN:Inner\nEND:VCARD\n"
      "NOTE:after\nEND:VCARD\n");
  ASSERT_EQ(cards.size(), 1u);
  Strings names;
  for (const auto& p : cards[0].properties) names.push_back(p.name + "=" + p.value);
  EXPECT_EQ(names, (Strings{"FN=Outer", "AGENT=BEGIN:VCARD", "NOTE=after"}));
}

TEST(VcardParse, ACardWithoutEndIsAnError) {
  auto cards = parse("BEGIN:VCARD\nFN:A\n");
  ASSERT_EQ(cards.size(), 1u);
  EXPECT_EQ(cards[0].error, "no END:VCARD");
}

TEST(VcardParse, NeverFailsOnArbitraryBytes) {
  std::mt19937 rng(6350);
  const std::vector<std::string> pieces = {"BEGIN:VCARD",
                                           "END:VCARD",
                                           "\r\n",
                                           "\n",
                                           " ",
                                           ";",
                                           ":",
                                           "=",
                                           "\"",
                                           ",",
                                           "\\",
                                           "FN",
                                           "item1.",
                                           "TEL;VALUE=uri:tel:",
                                           "BDAY:--",
                                           "\xff",
                                           std::string(1, '\0'),
                                           "é"};
  for (int round = 0; round < 2000; ++round) {
    std::string text;
    const int n = static_cast<int>(rng() % 40);
    for (int i = 0; i < n; ++i) text += pieces[rng() % pieces.size()];
    auto cards = parse(text);
    auto batch = read_vcards(text, "f.vcf");
    (void)cards;
    (void)batch;
  }
}

TEST(VcardParse, EveryPrefixOfTheFixturesReadsWithoutFailing) {
  for (const char* name :
       {"google-contacts.vcf", "apple-contacts.vcf", "carddav-v4.vcf", "android-2.1.vcf"}) {
    const std::string text = test::read_import_fixture(name);
    for (std::size_t n = 0; n <= text.size(); ++n) {
      auto batch = read_vcards(std::string_view(text).substr(0, n), name);
      if (batch) {
        for (const auto& r : batch->records) EXPECT_FALSE(r.contact.name.empty());
      }
    }
  }
}

// ---------------------------------------------------------------------------
// BDAY values

struct BirthdayCase {
  const char* label;
  std::string_view value;
  std::optional<std::string_view> omit_year;
  std::optional<std::string> expected;  // format_birthday of the result
};

class BirthdayValueTest : public testing::TestWithParam<BirthdayCase> {};

TEST_P(BirthdayValueTest, ReadsTheFormsAddressBooksWrite) {
  const auto& c = GetParam();
  auto b = parse_birthday_value(c.value, c.omit_year);
  if (!c.expected) {
    EXPECT_FALSE(b.has_value());
  } else {
    ASSERT_TRUE(b.has_value());
    EXPECT_EQ(format_birthday(*b), *c.expected);
  }
}

INSTANTIATE_TEST_SUITE_P(
    Table, BirthdayValueTest,
    testing::Values(BirthdayCase{"iso_date", "1985-04-12", {}, "1985-04-12"},
                    BirthdayCase{"basic_date", "19850412", {}, "1985-04-12"},
                    BirthdayCase{"with_time", "1985-04-12T00:00:00Z", {}, "1985-04-12"},
                    BirthdayCase{"basic_with_time", "19850412T000000", {}, "1985-04-12"},
                    BirthdayCase{"no_year_basic", "--0412", {}, "--04-12"},
                    BirthdayCase{"no_year_extended", "--04-12", {}, "--04-12"},
                    BirthdayCase{"leap_day_without_year", "--0229", {}, "--02-29"},
                    BirthdayCase{"apple_omitted_year", "1604-12-09", "1604", "--12-09"},
                    BirthdayCase{"apple_param_other_year_kept", "1985-12-09", "1604", "1985-12-09"},
                    BirthdayCase{"spaces_trimmed", " 1985-04-12 ", {}, "1985-04-12"},
                    BirthdayCase{"impossible_date", "1990-02-30", {}, std::nullopt},
                    BirthdayCase{"year_and_month_only", "1985-04", {}, std::nullopt},
                    BirthdayCase{"text", "circa 1800", {}, std::nullopt},
                    BirthdayCase{"empty", "", {}, std::nullopt},
                    BirthdayCase{"month_13", "--1301", {}, std::nullopt}),
    [](const auto& c) { return std::string(c.param.label); });

// ---------------------------------------------------------------------------
// read_vcards: cards to records

const ImportRecord* by_name(const ImportBatch& batch, const std::string& name) {
  for (const auto& r : batch.records) {
    if (r.contact.name == name) return &r;
  }
  return nullptr;
}

TEST(ReadVcards, GoogleExportMapsEveryField) {
  auto batch = read_vcards(test::read_import_fixture("google-contacts.vcf"), "google.vcf");
  ASSERT_TRUE(batch) << batch.error().message;
  ASSERT_EQ(batch->records.size(), 2u);
  const Contact& ada = batch->records[0].contact;
  EXPECT_EQ(ada.name, "Ada Lovelace");
  EXPECT_EQ(ada.emails, (Strings{"ada@example.org", "ada@engines.example"}));
  EXPECT_EQ(ada.phones, (Strings{"+44 20 7946 0018"}));
  EXPECT_EQ(ada.company, "Analytical Engines, Ltd.");
  EXPECT_EQ(ada.role, "Mathematician");
  EXPECT_EQ(format_birthday(*ada.birthday), "--12-10");
  EXPECT_EQ(ada.tags, (Strings{"math", "mentors"}));  // Google's "myContacts" group is dropped
  EXPECT_EQ(ada.links, (Strings{"https://example.org/ada"}));
  EXPECT_EQ(ada.notes,
            "Met at the Royal Society\nLikes poetry; and engines. This note is long enough to be "
            "folded over two lines by the exporter.");
  EXPECT_FALSE(batch->records[0].uid.has_value());
  const Contact& jose = batch->records[1].contact;
  EXPECT_EQ(jose.name, "José Núñez");
  EXPECT_EQ(jose.emails, (Strings{"jose@paywell.example"}));
  EXPECT_EQ(jose.location, "Lisboa");
  EXPECT_EQ(format_birthday(*jose.birthday), "1988-07-14");
  ASSERT_EQ(batch->skipped.size(), 1u);
  EXPECT_EQ(batch->skipped[0].where.line, 26);
  EXPECT_EQ(batch->skipped[0].message, "no name (FN or N)");
}

TEST(ReadVcards, AppleExportOmitsTheYearAndKeepsTheUid) {
  auto batch = read_vcards(test::read_import_fixture("apple-contacts.vcf"), "apple.vcf");
  ASSERT_TRUE(batch);
  const ImportRecord* grace = by_name(*batch, "Grace Hopper");
  ASSERT_NE(grace, nullptr);
  EXPECT_EQ(format_birthday(*grace->contact.birthday), "--12-09");
  EXPECT_EQ(grace->uid, "6B29FC40-CA47-1067-B31D-00DD010662DA");
  EXPECT_EQ(grace->contact.company, "US Navy");
  EXPECT_EQ(grace->contact.phones, (Strings{"(555) 010-0199"}));
  EXPECT_EQ(grace->contact.links, (Strings{"https://www.linkedin.com/in/grace-hopper"}));
  const ImportRecord* zoe = by_name(*batch, "Zoë Achterberg");
  ASSERT_NE(zoe, nullptr);
  EXPECT_FALSE(zoe->contact.birthday.has_value());
  ASSERT_EQ(batch->warnings.size(), 1u);
  EXPECT_NE(batch->warnings[0].message.find("BDAY '1990-02-30'"), std::string::npos);
  ASSERT_EQ(batch->skipped.size(), 1u);
  EXPECT_EQ(batch->skipped[0].message, "no END:VCARD");
}

TEST(ReadVcards, Version4TelUrisAndInterests) {
  auto batch = read_vcards(test::read_import_fixture("carddav-v4.vcf"), "v4.vcf");
  ASSERT_TRUE(batch);
  ASSERT_EQ(batch->records.size(), 1u);
  const Contact& k = batch->records[0].contact;
  EXPECT_EQ(k.phones, (Strings{"+233-30-555-0142", "+233-30-555-0100 ext. 42"}));
  EXPECT_EQ(k.location, "Accra");
  EXPECT_EQ(format_birthday(*k.birthday), "--04-12");
  EXPECT_EQ(k.skills, (Strings{"robotics"}));
  EXPECT_EQ(k.interests, (Strings{"climate tech", "chess"}));
  EXPECT_EQ(k.tags, (Strings{"robotics", "quoted,tag"}));
  EXPECT_EQ(batch->records[0].uid, "urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6");
}

struct NameCase {
  const char* label;
  std::string card_body;
  std::string expected;
};

class VcardNameTest : public testing::TestWithParam<NameCase> {};

TEST_P(VcardNameTest, NameComesFromFnThenNThenOrgThenEmail) {
  auto batch =
      read_vcards("BEGIN:VCARD\nVERSION:3.0\n" + GetParam().card_body + "END:VCARD\n", "f");
  ASSERT_TRUE(batch);
  ASSERT_EQ(batch->records.size(), 1u);
  EXPECT_EQ(batch->records[0].contact.name, GetParam().expected);
}

INSTANTIATE_TEST_SUITE_P(
    Table, VcardNameTest,
    testing::Values(NameCase{"fn", "FN:Ada L.\nN:Lovelace;Ada;;;\n", "Ada L."},
                    NameCase{"n_in_display_order", "N:Hopper;Grace;Brewster;Adm.;PhD\n",
                             "Adm. Grace Brewster Hopper PhD"},
                    NameCase{"org_for_a_company_card", "N:;;;;\nORG:Acme;Sales\n", "Acme"},
                    NameCase{"email_last", "EMAIL:x@y.example\n", "x@y.example"},
                    NameCase{"line_breaks_become_spaces", "FN:Ada\\nLovelace\n", "Ada Lovelace"}),
    [](const auto& c) { return std::string(c.param.label); });

TEST(ReadVcards, InvalidUtf8SkipsTheCard) {
  auto batch = read_vcards("BEGIN:VCARD\nFN:Bad \xC3\x28\nEND:VCARD\n", "f.vcf");
  ASSERT_TRUE(batch);
  EXPECT_TRUE(batch->records.empty());
  ASSERT_EQ(batch->skipped.size(), 1u);
  EXPECT_NE(batch->skipped[0].message.find("UTF-8"), std::string::npos);
}

TEST(ReadVcards, MailtoAndEmailsWithoutAtSign) {
  auto batch = read_vcards("BEGIN:VCARD\nFN:A\nEMAIL:mailto:a@b.example\nEMAIL:nobody\nEND:VCARD\n",
                           "f.vcf");
  ASSERT_TRUE(batch);
  EXPECT_EQ(batch->records[0].contact.emails, (Strings{"a@b.example"}));
  ASSERT_EQ(batch->warnings.size(), 1u);
}

TEST(ReadVcards, TextWithoutAnyCardIsAUsageErrorButAnEmptyFileIsNot) {
  auto bad = read_vcards("name,email\nAda,a@b\n", "x.csv");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().kind, ErrorKind::usage);
  EXPECT_NE(bad.error().message.find("no vCard"), std::string::npos);
  auto empty = read_vcards("\n", "e.vcf");
  ASSERT_TRUE(empty);
  EXPECT_TRUE(empty->records.empty());
}

// ---------------------------------------------------------------------------
// write_vcards

Contact full_contact() {
  Contact c;
  c.id = "ada-lovelace";
  c.name = "Ada Lovelace";
  c.emails = {"ada@example.org", "ada@engines.example"};
  c.phones = {"+44 20 7946 0018"};
  c.company = "Analytical Engines, Ltd.";
  c.role = "Mathematician; Poet";
  c.location = "London, UK";
  c.links = {"https://www.linkedin.com/in/ada-lovelace"};
  c.tags = {"math", "a,b"};
  c.skills = {"mathematics"};
  c.interests = {"engines", "poetry"};
  c.birthday = *parse_birthday("1815-12-10");
  c.notes =
      "First line\nsecond line with a \\ backslash and a long tail to force folding beyond "
      "seventy-five octets.";
  return c;
}

TEST(WriteVcards, WritesVersion4WithCrLfAndFoldedLines) {
  const std::string text = write_vcards({full_contact()});
  EXPECT_TRUE(text.starts_with("BEGIN:VCARD\r\nVERSION:4.0\r\nUID:kith:ada-lovelace\r\n"));
  EXPECT_TRUE(text.ends_with("END:VCARD\r\n"));
  EXPECT_NE(text.find("FN:Ada Lovelace\r\n"), std::string::npos);
  EXPECT_NE(text.find("N:Lovelace;Ada;;;\r\n"), std::string::npos);
  EXPECT_NE(text.find("ORG:Analytical Engines\\, Ltd.\r\n"), std::string::npos);
  EXPECT_NE(text.find("TITLE:Mathematician\\; Poet\r\n"), std::string::npos);
  EXPECT_NE(text.find("ADR:;;;London\\, UK;;;\r\n"), std::string::npos);
  EXPECT_NE(text.find("CATEGORIES:math,a\\,b\r\n"), std::string::npos);
  EXPECT_NE(text.find("BDAY:18151210\r\n"), std::string::npos);
  EXPECT_NE(text.find("EXPERTISE:mathematics\r\n"), std::string::npos);
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t end = text.find("\r\n", pos);
    ASSERT_NE(end, std::string::npos);
    EXPECT_LE(end - pos, 75u);
    EXPECT_EQ(text.substr(pos, end - pos).find('\n'), std::string::npos);
    pos = end + 2;
  }
}

TEST(WriteVcards, UsesTheKeptUidAndWritesYearlessBirthdays) {
  Contact c = full_contact();
  c.extra["vcard_uid"] = "urn:uuid:1234";
  c.birthday = *parse_birthday("--02-29");
  const std::string text = write_vcards({c});
  EXPECT_NE(text.find("UID:urn:uuid:1234\r\n"), std::string::npos);
  EXPECT_NE(text.find("BDAY:--0229\r\n"), std::string::npos);
}

TEST(WriteVcards, ReadingBackGivesTheMappedFields) {
  Contact single_word = full_contact();
  single_word.id = "cher";
  single_word.name = "李小龙";
  single_word.birthday = *parse_birthday("--07-04");
  const std::vector<Contact> contacts = {full_contact(), single_word};
  auto batch = read_vcards(write_vcards(contacts), "out.vcf");
  ASSERT_TRUE(batch);
  ASSERT_EQ(batch->records.size(), 2u);
  for (std::size_t i = 0; i < contacts.size(); ++i) {
    const Contact& in = contacts[i];
    const Contact& out = batch->records[i].contact;
    EXPECT_EQ(out.name, in.name);
    EXPECT_EQ(out.emails, in.emails);
    EXPECT_EQ(out.phones, in.phones);
    EXPECT_EQ(out.company, in.company);
    EXPECT_EQ(out.role, in.role);
    EXPECT_EQ(out.location, in.location);
    EXPECT_EQ(out.links, in.links);
    EXPECT_EQ(out.tags, in.tags);
    EXPECT_EQ(out.skills, in.skills);
    EXPECT_EQ(out.interests, in.interests);
    EXPECT_EQ(format_birthday(*out.birthday), format_birthday(*in.birthday));
    EXPECT_EQ(out.notes, in.notes);
    EXPECT_EQ(out.id, in.id);  // from UID:kith:<id>
    EXPECT_FALSE(batch->records[i].uid.has_value());
  }
}

}  // namespace
}  // namespace kith::vcard::vcard_test
