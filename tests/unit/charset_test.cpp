#include "core/charset.h"

#include <optional>
#include <ostream>
#include <string>

#include <gtest/gtest.h>

#include "support/labels.h"

namespace kith::charset::charset_test {
namespace {

using ::kith::test::operator<<;

// ---------------------------------------------------------------------------
// decode_quoted_printable

struct QpCase {
  const char* label;
  std::string encoded;
  std::optional<std::string> decoded;  // nullopt: refused
};

class QuotedPrintableTest : public ::testing::TestWithParam<QpCase> {};

TEST_P(QuotedPrintableTest, DecodesOrRefuses) {
  EXPECT_EQ(decode_quoted_printable(GetParam().encoded), GetParam().decoded);
}

INSTANTIATE_TEST_SUITE_P(
    Table, QuotedPrintableTest,
    ::testing::Values(QpCase{"Empty", "", ""},
                      QpCase{"PlainTextStandsForItself", "Jane Doe; x", "Jane Doe; x"},
                      QpCase{"Utf8Name", "Jos=C3=A9 N=C3=BA=C3=B1ez",
                             "Jos\xC3\xA9 N\xC3\xBA\xC3\xB1"
                             "ez"},
                      QpCase{"LowercaseHex", "Jos=c3=a9", "Jos\xC3\xA9"},
                      QpCase{"EqualsSignEncoded", "a=3Db", "a=b"},
                      QpCase{"EncodedLineBreaks", "one=0D=0Atwo", "one\r\ntwo"},
                      QpCase{"SoftBreakCrlf", "=4A=6F=\r\n=73=C3=A9", "Jos\xC3\xA9"},
                      QpCase{"SoftBreakLf", "ab=\ncd", "abcd"},
                      QpCase{"SoftBreakCr", "ab=\rcd", "abcd"},
                      QpCase{"SoftBreakSplitsASequence", "=C3=\r\n=A9", "\xC3\xA9"},
                      QpCase{"SoftBreakAfterTrailingSpaces", "ab= \t\r\ncd", "abcd"},
                      QpCase{"HardLineBreakIsKept", "ab\r\ncd", "ab\r\ncd"},
                      QpCase{"BadHexDigit", "Jos=G9", std::nullopt},
                      QpCase{"OneHexDigitAtTheEnd", "Jos=C", std::nullopt},
                      QpCase{"EqualsAtTheEnd", "Jos=", std::nullopt},
                      QpCase{"EqualsBeforeASpace", "a= b", std::nullopt},
                      QpCase{"NulByteDecoded", "a=00b", std::string("a\0b", 3)}),
    test::LabelName{});

// ---------------------------------------------------------------------------
// to_utf8

using Problem = Converted::Problem;

struct CharsetCase {
  const char* label;
  std::string bytes;
  std::string charset;
  std::optional<std::string> utf8;
  Problem problem;
};

class ToUtf8Test : public ::testing::TestWithParam<CharsetCase> {};

TEST_P(ToUtf8Test, ConvertsOrSaysWhy) {
  const Converted c = to_utf8(GetParam().bytes, GetParam().charset);
  EXPECT_EQ(c.text, GetParam().utf8);
  EXPECT_EQ(c.problem, GetParam().problem);
}

INSTANTIATE_TEST_SUITE_P(
    Table, ToUtf8Test,
    ::testing::Values(
        CharsetCase{"Utf8StaysAsItIs", "Jos\xC3\xA9", "UTF-8", "Jos\xC3\xA9", Problem::none},
        CharsetCase{"Utf8NameInLowerCase", "Jos\xC3\xA9", "utf8", "Jos\xC3\xA9", Problem::none},
        CharsetCase{"Utf8StrayByte", "Jos\xE9", "UTF-8", std::nullopt, Problem::invalid_bytes},
        CharsetCase{"Latin1EAcute",
                    "Jos\xE9 N\xFA\xF1"
                    "ez",
                    "ISO-8859-1",
                    "Jos\xC3\xA9 N\xC3\xBA\xC3\xB1"
                    "ez",
                    Problem::none},
        CharsetCase{"Latin1Alias", "M\xFCller", "latin1", "M\xC3\xBCller", Problem::none},
        CharsetCase{"Windows1252Euro",
                    "\x80"
                    "5",
                    "Windows-1252",
                    "\xE2\x82\xAC"
                    "5",
                    Problem::none},
        CharsetCase{"Windows1252CurlyQuotes", "\x93hi\x94 \x91x\x92", "WINDOWS-1252",
                    "\xE2\x80\x9Chi\xE2\x80\x9D \xE2\x80\x98x\xE2\x80\x99", Problem::none},
        CharsetCase{"Cp1252Alias", "\x80", "cp1252", "\xE2\x82\xAC", Problem::none},
        CharsetCase{"Windows1252UndefinedByte", "a\x81", "Windows-1252", std::nullopt,
                    Problem::invalid_bytes},
        CharsetCase{"AsciiHighByte", "a\xE9", "US-ASCII", std::nullopt, Problem::invalid_bytes},
        CharsetCase{"ShiftJis", "\x93\xFA\x96\x7B", "Shift_JIS", "\xE6\x97\xA5\xE6\x9C\xAC",
                    Problem::none},
        CharsetCase{"TruncatedSequence", "\x93", "Shift_JIS", std::nullopt, Problem::invalid_bytes},
        CharsetCase{"NulIsNeverText", std::string("a\0b", 3), "ISO-8859-1", std::nullopt,
                    Problem::invalid_bytes},
        CharsetCase{"EmptyValue", "", "ISO-8859-1", "", Problem::none},
        CharsetCase{"UnknownCharset", "abc", "x-foo", std::nullopt, Problem::unknown_charset},
        CharsetCase{"EmptyName", "abc", "", std::nullopt, Problem::unknown_charset},
        CharsetCase{"ConversionOptionsAreNotAName", "a\xE9", "UTF-8//IGNORE", std::nullopt,
                    Problem::unknown_charset},
        CharsetCase{"NameWithASpace", "abc", "ISO 8859-1", std::nullopt, Problem::unknown_charset},
        CharsetCase{"NameTooLong", "abc", std::string(max_name_length + 1, 'A'), std::nullopt,
                    Problem::unknown_charset}),
    test::LabelName{});

TEST(CharsetToUtf8, ALongValueGrowsTheOutputAsNeeded) {
  const std::string latin1(10000, '\xE9');  // each byte becomes two
  const Converted c = to_utf8(latin1, "ISO-8859-1");
  ASSERT_TRUE(c.text);
  EXPECT_EQ(c.text->size(), 20000u);
  EXPECT_EQ(c.text->substr(0, 4), "\xC3\xA9\xC3\xA9");
}

TEST(CharsetPrintableName, KeepsPrintableAsciiAndBoundsTheLength) {
  EXPECT_EQ(printable_name("x-foo"), "x-foo");
  EXPECT_EQ(printable_name("a\xE9\n"), "a??");
  EXPECT_EQ(printable_name(std::string(200, 'A')).size(), max_name_length);
}

}  // namespace
}  // namespace kith::charset::charset_test
