// vCard 2.1 as Android and older phones write it: quoted-printable values
// with soft line breaks, CHARSET parameters, bare types and BASE64 blobs.
#include <ostream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "core/vcard.h"
#include "support/labels.h"
#include "support/testutil.h"

namespace kith::vcard::vcard_21_test {
namespace {

using ::kith::test::operator<<;

using Strings = std::vector<std::string>;

// NAME=value of every property of the card.
Strings properties_of(const Card& card) {
  Strings out;
  for (const auto& p : card.properties) out.push_back(p.name + "=" + p.value);
  return out;
}

std::string card(const std::string& body) {
  return "BEGIN:VCARD\r\nVERSION:2.1\r\n" + body + "END:VCARD\r\n";
}

// ---------------------------------------------------------------------------
// parse: the lines of vCard 2.1

TEST(Vcard21Parse, AQuotedPrintableSoftBreakJoinsTheNextLineAsItIs) {
  auto cards =
      parse(card("FN;ENCODING=QUOTED-PRINTABLE:Jos=C3=A9 N=C3=BA=\r\n=C3=B1ez\r\n"
                 "NOTE;QUOTED-PRINTABLE:one=\r\n two=\r\nthree\r\nTEL:1\r\n"));
  ASSERT_EQ(cards.size(), 1u);
  EXPECT_EQ(properties_of(cards[0]),
            (Strings{"VERSION=2.1", "FN=Jos=C3=A9 N=C3=BA=C3=B1ez", "NOTE=one twothree", "TEL=1"}));
  EXPECT_EQ(cards[0].properties[3].line, 8);  // lines still counted
}

TEST(Vcard21Parse, ASoftBreakBeforeEndOfCardDoesNotSwallowIt) {
  auto cards = parse(card("FN;ENCODING=QUOTED-PRINTABLE:Ann=\r\n") + card("FN:Bob\r\n"));
  ASSERT_EQ(cards.size(), 2u);
  EXPECT_EQ(cards[0].error, "");
  EXPECT_EQ(properties_of(cards[0]), (Strings{"VERSION=2.1", "FN=Ann"}));
  EXPECT_EQ(properties_of(cards[1]), (Strings{"VERSION=2.1", "FN=Bob"}));
}

TEST(Vcard21Parse, AnEqualsSignEndsOnlyQuotedPrintableLinesSpecially) {
  auto cards = parse(card("NOTE:a=\r\nTEL:1\r\n"));
  ASSERT_EQ(cards.size(), 1u);
  EXPECT_EQ(properties_of(cards[0]), (Strings{"VERSION=2.1", "NOTE=a=", "TEL=1"}));
}

TEST(Vcard21Parse, AnIndentedBase64BlobEndingInABlankLineLeavesTheNextProperties) {
  auto cards =
      parse(card("FN:Ann\r\nPHOTO;ENCODING=BASE64;JPEG:/9j/4AAQ\r\n SkZJRgAB\r\n AQAAAQAB==\r\n\r\n"
                 "TEL;CELL;PREF:+1 555\r\n"));
  ASSERT_EQ(cards.size(), 1u);
  EXPECT_EQ(properties_of(cards[0]),
            (Strings{"VERSION=2.1", "FN=Ann", "PHOTO=/9j/4AAQSkZJRgABAQAAAQAB==", "TEL=+1 555"}));
}

TEST(Vcard21Parse, UnindentedBase64LinesBelongToTheirBlob) {
  for (const char* encoding : {"ENCODING=BASE64", "ENCODING=b", "BASE64"}) {
    auto cards = parse(card(std::string("PHOTO;TYPE=JPEG;") + encoding +
                            ":\r\n/9j/4AAQ\r\nSkZJRgAB\r\nTEL:2\r\nAQAB\r\n"));
    ASSERT_EQ(cards.size(), 1u) << encoding;
    EXPECT_EQ(properties_of(cards[0]), (Strings{"VERSION=2.1", "PHOTO=/9j/4AAQSkZJRgAB", "TEL=2"}))
        << encoding;  // "AQAB" after another property is not part of the blob
  }
}

// ---------------------------------------------------------------------------
// read_vcards: the values of vCard 2.1

struct ValueCase {
  const char* label;
  std::string body;   // the card's lines between VERSION and END
  std::string field;  // name, company, role, location, notes, emails, phones
  std::string expected;
};

std::string field_of(const Contact& c, const std::string& field) {
  auto join = [](const Strings& v) {
    std::string out;
    for (const auto& s : v) out += (out.empty() ? "" : "|") + s;
    return out;
  };
  if (field == "name") return c.name;
  if (field == "company") return c.company.value_or("");
  if (field == "role") return c.role.value_or("");
  if (field == "location") return c.location.value_or("");
  if (field == "notes") return c.notes.value_or("");
  if (field == "emails") return join(c.emails);
  if (field == "phones") return join(c.phones);
  if (field == "birthday") return c.birthday ? format_birthday(*c.birthday) : "";
  ADD_FAILURE() << "no field " << field;
  return {};
}

class Vcard21ValueTest : public ::testing::TestWithParam<ValueCase> {};

TEST_P(Vcard21ValueTest, IsDecoded) {
  auto batch = read_vcards(card(GetParam().body), "a.vcf");
  ASSERT_TRUE(batch);
  ASSERT_EQ(batch->records.size(), 1u) << (batch->skipped.empty() ? "" : batch->skipped[0].message);
  EXPECT_TRUE(batch->warnings.empty());
  EXPECT_EQ(field_of(batch->records[0].contact, GetParam().field), GetParam().expected);
}

INSTANTIATE_TEST_SUITE_P(
    Table, Vcard21ValueTest,
    ::testing::Values(
        ValueCase{"QuotedPrintableUtf8",
                  "FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Jos=C3=A9 N=C3=BA=C3=B1ez\r\n",
                  "name", "José Núñez"},
        ValueCase{"BareQuotedPrintableWithoutCharsetIsUtf8", "FN;QUOTED-PRINTABLE:Jos=c3=a9\r\n",
                  "name", "José"},
        ValueCase{"SoftBreakInsideACharacter",
                  "FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Jos=C3=\r\n=A9\r\n", "name", "José"},
        ValueCase{"Latin1QuotedPrintable",
                  "FN;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:Fran=E7oise\r\n", "name",
                  "Françoise"},
        ValueCase{"Latin1EightBit", "FN:A\r\nORG;CHARSET=ISO-8859-1:Caf\xE9\r\n", "company",
                  "Café"},
        ValueCase{"Windows1252CurlyQuotesAndEuro",
                  "FN:A\r\nNOTE;CHARSET=Windows-1252;ENCODING=QUOTED-PRINTABLE:=93=80 5=94\r\n",
                  "notes", "“€ 5”"},
        ValueCase{"Windows1252EightBitName",
                  "FN;CHARSET=WINDOWS-1252:Zo\xEB O\x92"
                  "Brien\r\n",
                  "name", "Zoë O’Brien"},
        ValueCase{"NSplitAfterDecoding",
                  "N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:N=C3=BA=C3=B1ez=3BJos=C3=A9;;;\r\n",
                  "name", "José Núñez"},
        ValueCase{"AdrSplitAfterDecoding",
                  "FN:A\r\nADR;HOME;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:;;Stra=C3=9Fe 5;"
                  "M=C3=BC=\r\nnchen;;80331;Germany\r\n",
                  "location", "München"},
        ValueCase{"NoteLineBreaks", "FN:A\r\nNOTE;ENCODING=QUOTED-PRINTABLE:one=0D=0Atwo=0D\r\n",
                  "notes", "one\ntwo"},
        ValueCase{"BareTelTypes", "FN:A\r\nTEL;CELL;PREF:+1 555 0100\r\nTEL;WORK;VOICE:2\r\n",
                  "phones", "+1 555 0100|2"},
        ValueCase{"BareEmailTypes", "FN:A\r\nEMAIL;INTERNET;HOME:a@example.com\r\n", "emails",
                  "a@example.com"},
        ValueCase{"PropertiesAfterAPhoto",
                  "FN:A\r\nPHOTO;ENCODING=BASE64;TYPE=JPEG:/9j/\r\n AAAA\r\n\r\n"
                  "TITLE;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Dire=C3=A7=C3=A3o\r\n",
                  "role", "Direção"},
        ValueCase{"UnmappedPropertiesAreNotDecoded",
                  "FN:A\r\nX-FOO;CHARSET=x-unknown;ENCODING=QUOTED-PRINTABLE:=ZZ\r\n"
                  "BDAY:1984-07-02\r\n",
                  "birthday", "1984-07-02"}),
    test::LabelName{});

struct SkipCase {
  const char* label;
  std::string body;
  std::string reason;
};

class Vcard21SkipTest : public ::testing::TestWithParam<SkipCase> {};

TEST_P(Vcard21SkipTest, SkipsTheCardWithItsLineAndWhy) {
  const std::string text = card("FN:Before\r\n") + card(GetParam().body) + card("FN:After\r\n");
  auto batch = read_vcards(text, "a.vcf");
  ASSERT_TRUE(batch);
  ASSERT_EQ(batch->records.size(), 2u);
  EXPECT_EQ(batch->records[1].contact.name, "After");
  ASSERT_EQ(batch->skipped.size(), 1u);
  EXPECT_EQ(batch->skipped[0].where.line, 5);
  EXPECT_EQ(batch->skipped[0].message, GetParam().reason);
  EXPECT_TRUE(batch->warnings.empty());
}

INSTANTIATE_TEST_SUITE_P(
    Table, Vcard21SkipTest,
    ::testing::Values(
        SkipCase{"UnknownCharset", "FN;CHARSET=x-foo:Someone\r\n",
                 "FN (line 7): unknown CHARSET x-foo"},
        SkipCase{"BytesNotInTheCharset", "FN:A\r\nN;CHARSET=Windows-1252:B\x81;;;\r\n",
                 "N (line 8) is not valid Windows-1252"},
        SkipCase{"Utf8CharsetButNotUtf8", "FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Jos=E9\r\n",
                 "FN (line 7) is not valid UTF-8"},
        SkipCase{"BadQuotedPrintableEscape", "FN;ENCODING=QUOTED-PRINTABLE:Jos=G9\r\n",
                 "FN (line 7) is not valid quoted-printable (an '=' not followed by two hex "
                 "digits)"},
        SkipCase{"EightBitWithoutCharsetStaysRefused", "FN:Jos\xE9\r\n",
                 "not valid UTF-8 (is the file in another encoding?)"},
        SkipCase{"ACharsetNameWithControlBytesIsShownSafely", "FN;CHARSET=\x1b[31m:A\r\n",
                 "FN (line 7): unknown CHARSET ?[31m"}),
    test::LabelName{});

// ---------------------------------------------------------------------------
// The Android-shaped fixture

TEST(Vcard21Fixture, ReadsEveryCardButTheOneInAnUnknownCharset) {
  auto batch = read_vcards(test::read_import_fixture("android-2.1.vcf"), "android-2.1.vcf");
  ASSERT_TRUE(batch);
  Strings names;
  for (const auto& r : batch->records) names.push_back(r.contact.name);
  EXPECT_EQ(names,
            (Strings{"José Núñez", "Françoise Müller", "Zoë O’Brien",
                     "María Fernanda González de la Peña y Álvarez-Cabrera", "Chidi Okafor"}));
  ASSERT_EQ(batch->skipped.size(), 1u);
  EXPECT_EQ(batch->skipped[0].where.line, 42);
  EXPECT_EQ(batch->skipped[0].message, "N (line 44): unknown CHARSET X-FOO-BAR");
  EXPECT_TRUE(batch->warnings.empty());

  const Contact& jose = batch->records[0].contact;
  EXPECT_EQ(jose.phones, (Strings{"+34 600 123 456", "+34 91 555 0101"}));
  EXPECT_EQ(jose.emails, (Strings{"jose.nunez@example.es"}));
  EXPECT_EQ(jose.company, "Librería Cervantes");
  EXPECT_EQ(jose.role, "Owner");
  EXPECT_EQ(jose.notes, "Met at the Feria del Libro\nAsk about the Madrid shop");
  EXPECT_EQ(jose.location, "Madrid");
  ASSERT_TRUE(jose.birthday);
  EXPECT_EQ(format_birthday(*jose.birthday), "1984-07-02");
  EXPECT_EQ(batch->records[1].contact.company, "Café Lumière");
  EXPECT_EQ(batch->records[2].contact.notes, "Owes me € 20 for the “big” dinner");
  const Contact& chidi = batch->records[4].contact;
  EXPECT_EQ(chidi.phones, (Strings{"+234 803 000 0000"}));
  EXPECT_EQ(chidi.emails, (Strings{"chidi@example.ng"}));
  ASSERT_TRUE(chidi.birthday);
  EXPECT_EQ(format_birthday(*chidi.birthday), "1990-03-15");
}

}  // namespace
}  // namespace kith::vcard::vcard_21_test
