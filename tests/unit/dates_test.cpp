#include "core/dates.h"

#include <chrono>
#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

namespace kith::dates_test {
namespace {

using namespace std::string_view_literals;

Date ymd(int y, unsigned m, unsigned d) {
  return Date{date::year{y} / date::month{m} / date::day{d}};
}

// Wednesday 25 November 2026.
const Date kToday = ymd(2026, 11, 25);

// How a test input is shown in failure output (NUL and other bytes visible).
std::string printable(std::string_view s) {
  std::string out;
  for (char c : s) {
    const auto b = static_cast<unsigned char>(c);
    if (b >= 0x20 && b < 0x7F) {
      out += c;
    } else {
      out += "\\x" + std::string(1, "0123456789abcdef"[b >> 4]) +
             std::string(1, "0123456789abcdef"[b & 0xF]);
    }
  }
  return "'" + out + "'";
}

struct DateCase {
  std::string_view input;
  std::string_view expected;  // YYYY-MM-DD
};

void expect_dates(const std::vector<DateCase>& cases, Date today, DateDirection direction) {
  for (const DateCase& c : cases) {
    SCOPED_TRACE(printable(c.input));
    const Result<Date> r = parse_date(c.input, today, direction);
    ASSERT_TRUE(r.ok()) << r.error().message;
    EXPECT_EQ(format_date(*r), c.expected);
  }
}

// The error is a usage error naming the kind of value and quoting `quoted`.
void expect_usage_error(const Error& e, std::string_view what, std::string_view quoted) {
  EXPECT_EQ(e.kind, ErrorKind::usage);
  const std::string prefix = "bad " + std::string(what) + " '" + std::string(quoted) + "'";
  EXPECT_EQ(e.message.substr(0, prefix.size()), prefix) << e.message;
  EXPECT_EQ(e.message.find('\n'), std::string::npos) << e.message;
}

// ---------------------------------------------------------------- parse_date

TEST(ParseDate, AcceptsIsoDatesIndependentlyOfToday) {
  expect_dates({{"2026-11-25", "2026-11-25"},
                {"2024-02-29", "2024-02-29"},
                {"0001-01-01", "0001-01-01"},
                {"9999-12-31", "9999-12-31"},
                {"1970-01-01", "1970-01-01"},
                {"  2026-01-05\t", "2026-01-05"}},
               kToday, DateDirection::past);
}

TEST(ParseDate, AcceptsTodayYesterdayTomorrowInAnyCaseWithSurroundingSpace) {
  expect_dates({{"today", "2026-11-25"},
                {"TODAY", "2026-11-25"},
                {"  Today  ", "2026-11-25"},
                {"\ttoday\n", "2026-11-25"},
                {"yesterday", "2026-11-24"},
                {"YesterDay", "2026-11-24"},
                {"tomorrow", "2026-11-26"},
                {"Tomorrow ", "2026-11-26"}},
               kToday, DateDirection::past);
}

TEST(ParseDate, YesterdayAndTomorrowCrossMonthAndYearBoundaries) {
  expect_dates({{"yesterday", "2025-12-31"}, {"tomorrow", "2026-01-02"}}, ymd(2026, 1, 1),
               DateDirection::past);
  expect_dates({{"tomorrow", "2024-02-29"}}, ymd(2024, 2, 28), DateDirection::past);
}

TEST(ParseDate, AgoFormsCountBackFromToday) {
  expect_dates(
      {{"3d ago", "2026-11-22"},      {"1d ago", "2026-11-24"},      {"0d ago", "2026-11-25"},
       {"25d ago", "2026-10-31"},     {"1w ago", "2026-11-18"},      {"2w ago", "2026-11-11"},
       {"1m ago", "2026-10-25"},      {"12m ago", "2025-11-25"},     {"1y ago", "2025-11-25"},
       {"10000d ago", "1999-07-10"},  {"007d ago", "2026-11-18"},    {"3D AGO", "2026-11-22"},
       {"3d  ago", "2026-11-22"},     {"3d\tago", "2026-11-22"},     {"3 d ago", "2026-11-22"},
       {"3days ago", "2026-11-22"},   {"3 days ago", "2026-11-22"},  {"1 day ago", "2026-11-24"},
       {"2 weeks ago", "2026-11-11"}, {"1 week ago", "2026-11-18"},  {"2 months ago", "2026-09-25"},
       {"1 month ago", "2026-10-25"}, {"5 years ago", "2021-11-25"}, {"1 year ago", "2025-11-25"}},
      kToday, DateDirection::past);
}

TEST(ParseDate, SignedOffsetsGoBackOrForward) {
  expect_dates({{"-3d", "2026-11-22"},
                {"+3d", "2026-11-28"},
                {"+6d", "2026-12-01"},
                {"-0d", "2026-11-25"},
                {"+0d", "2026-11-25"},
                {"-2w", "2026-11-11"},
                {"+2w", "2026-12-09"},
                {"+1m", "2026-12-25"},
                {"+2m", "2027-01-25"},
                {"-1m", "2026-10-25"},
                {"-11m", "2025-12-25"},
                {"+1y", "2027-11-25"},
                {"-1y", "2025-11-25"},
                {"+10000d", "2054-04-12"},
                {"-10000d", "1999-07-10"},
                {"+1W", "2026-12-02"},
                {"+2 months", "2027-01-25"},
                {"-3days", "2026-11-22"}},
               kToday, DateDirection::past);
}

TEST(ParseDate, OffsetsIgnoreTheDirection) {
  expect_dates({{"3d ago", "2026-11-22"}, {"+3d", "2026-11-28"}, {"yesterday", "2026-11-24"}},
               kToday, DateDirection::future);
}

TEST(ParseDate, ABareDurationIsFromTodayWhereAFutureDateIsExpected) {
  expect_dates({{"2w", "2026-12-09"},
                {"3d", "2026-11-28"},
                {"1m", "2026-12-25"},
                {"2 weeks", "2026-12-09"},
                {" 1Y ", "2027-11-25"},
                {"0d", "2026-11-25"}},
               kToday, DateDirection::future);
  for (std::string_view input : {"2w", "3 days"}) {
    SCOPED_TRACE(input);
    EXPECT_FALSE(parse_date(input, kToday, DateDirection::past).ok());
  }
  EXPECT_FALSE(parse_date("3", kToday, DateDirection::future).ok());
  EXPECT_FALSE(parse_date("10001d", kToday, DateDirection::future).ok());
}

TEST(ParseDate, MonthAndYearOffsetsClampToTheEndOfTheMonth) {
  expect_dates({{"1m ago", "2026-02-28"}, {"-1m", "2026-02-28"}, {"+1m", "2026-04-30"}},
               ymd(2026, 3, 31), DateDirection::past);
  expect_dates({{"1m ago", "2024-02-29"}, {"-1m", "2024-02-29"}, {"-4m", "2023-11-30"}},
               ymd(2024, 3, 31), DateDirection::past);
  expect_dates({{"+1m", "2026-02-28"}, {"+1 month", "2026-02-28"}}, ymd(2026, 1, 31),
               DateDirection::past);
  expect_dates({{"+1m", "2024-02-29"}}, ymd(2024, 1, 31), DateDirection::past);
  expect_dates({{"+1y", "2025-02-28"}, {"1y ago", "2023-02-28"}, {"+4y", "2028-02-29"}},
               ymd(2024, 2, 29), DateDirection::past);
}

TEST(ParseDate, PastWeekdayIsTheMostRecentOnOrBeforeToday) {
  expect_dates({{"mon", "2026-11-23"},
                {"monday", "2026-11-23"},
                {"tue", "2026-11-24"},
                {"tues", "2026-11-24"},
                {"tuesday", "2026-11-24"},
                {"wed", "2026-11-25"},
                {"wednesday", "2026-11-25"},
                {"thu", "2026-11-19"},
                {"thur", "2026-11-19"},
                {"thurs", "2026-11-19"},
                {"thursday", "2026-11-19"},
                {"fri", "2026-11-20"},
                {"friday", "2026-11-20"},
                {"sat", "2026-11-21"},
                {"saturday", "2026-11-21"},
                {"sun", "2026-11-22"},
                {"sunday", "2026-11-22"},
                {"MON", "2026-11-23"},
                {" Friday ", "2026-11-20"}},
               kToday, DateDirection::past);
}

TEST(ParseDate, FutureWeekdayIsTheNextStrictlyAfterToday) {
  expect_dates({{"thu", "2026-11-26"},
                {"thursday", "2026-11-26"},
                {"fri", "2026-11-27"},
                {"sat", "2026-11-28"},
                {"sun", "2026-11-29"},
                {"mon", "2026-11-30"},
                {"tue", "2026-12-01"},
                {"tues", "2026-12-01"},
                {"wed", "2026-12-02"},
                {"wednesday", "2026-12-02"},
                {"SUNDAY", "2026-11-29"}},
               kToday, DateDirection::future);
}

TEST(ParseDate, WeekdaysCrossTheYearBoundary) {
  // 2026-01-01 is a Thursday.
  expect_dates({{"fri", "2025-12-26"}, {"thu", "2026-01-01"}}, ymd(2026, 1, 1),
               DateDirection::past);
  // 2026-12-31 is a Thursday.
  expect_dates({{"fri", "2027-01-01"}, {"thu", "2027-01-07"}}, ymd(2026, 12, 31),
               DateDirection::future);
}

TEST(ParseDate, RejectsMalformedInputWithAUsageErrorQuotingIt) {
  const std::vector<std::string_view> bad = {
      "",
      "foo",
      "26-1-1",
      "2026-1-1",
      "2026-01-1",
      "2026/01/01",
      "20260101",
      "2026-01-01junk",
      "2026-01-01 today",
      "+2026-01-01",
      "3x ago",
      "+0x",
      "+",
      "-",
      "++3d",
      "+-3d",
      "+ 3d",
      "+3",
      "-d",
      "3d",
      "3",
      "d ago",
      "ago",
      "3dago",
      "3d ago ago",
      "-3d ago",
      "+3d ago",
      "3d since",
      "1.5d ago",
      "-1.5d",
      "0x1d ago",
      "3dd ago",
      "mondays",
      "mo",
      "next monday",
      "last friday",
      "yesterdays",
      "to day",
      "tmrw",
  };
  for (std::string_view input : bad) {
    SCOPED_TRACE(printable(input));
    const Result<Date> r = parse_date(input, kToday, DateDirection::past);
    ASSERT_FALSE(r.ok()) << format_date(*r);
    expect_usage_error(r.error(), "date", input);
  }
}

TEST(ParseDate, UnrecognisedInputListsTheAcceptedForms) {
  const Result<Date> r = parse_date("foo", kToday, DateDirection::past);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message,
            "bad date 'foo': use YYYY-MM-DD, today, yesterday, tomorrow, a weekday (mon..sun), "
            "3d ago, -3d or +1w (units d, w, m, y)");
}

TEST(ParseDate, WhitespaceOnlyIsRejectedQuotingTheOriginalInput) {
  const Result<Date> r = parse_date("  \t", kToday, DateDirection::past);
  ASSERT_FALSE(r.ok());
  expect_usage_error(r.error(), "date", "  \\x09");
}

TEST(ParseDate, RejectsImpossibleCalendarDatesSayingWhy) {
  struct Case {
    std::string_view input;
    std::string_view reason;
  };
  const std::vector<Case> cases = {
      {"2026-02-30", "there is no day 30 in February 2026"},
      {"2026-02-29", "there is no day 29 in February 2026"},
      {"1900-02-29", "there is no day 29 in February 1900"},
      {"2026-04-31", "there is no day 31 in April 2026"},
      {"2026-01-00", "there is no day 0 in January 2026"},
      {"2026-01-32", "there is no day 32 in January 2026"},
      {"2026-13-01", "there is no month 13"},
      {"2026-00-10", "there is no month 0"},
      {"0000-01-01", "the year must be 0001 to 9999"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.input);
    const Result<Date> r = parse_date(c.input, kToday, DateDirection::past);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().kind, ErrorKind::usage);
    EXPECT_EQ(r.error().message,
              "bad date '" + std::string(c.input) + "': " + std::string(c.reason));
  }
}

TEST(ParseDate, RejectsCountsAboveTenThousandWithoutOverflow) {
  const std::vector<std::string_view> bad = {
      "10001d ago",   "+10001d",      "-99999w", "99999999999999999999999999999999d ago",
      "+4294967297d", "-2147483648d",
  };
  for (std::string_view input : bad) {
    SCOPED_TRACE(input);
    const Result<Date> r = parse_date(input, kToday, DateDirection::past);
    ASSERT_FALSE(r.ok());
    expect_usage_error(r.error(), "date", input);
    EXPECT_NE(r.error().message.find("at most 10000"), std::string::npos) << r.error().message;
  }
}

TEST(ParseDate, RejectsResultsOutsideTheSupportedYears) {
  struct Case {
    std::string_view input;
    Date today;
  };
  const std::vector<Case> cases = {
      {"10000y ago", kToday},          {"+10000y", kToday},      {"yesterday", ymd(1, 1, 1)},
      {"tomorrow", ymd(9999, 12, 31)}, {"1w ago", ymd(1, 1, 5)}, {"+1m", ymd(9999, 12, 1)},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.input);
    const Result<Date> r = parse_date(c.input, c.today, DateDirection::past);
    ASSERT_FALSE(r.ok()) << format_date(*r);
    expect_usage_error(r.error(), "date", c.input);
    EXPECT_NE(r.error().message.find("outside the years 0001 to 9999"), std::string::npos);
  }
}

TEST(ParseDate, RejectsEmbeddedNulShowingItEscaped) {
  const std::vector<std::pair<std::string_view, std::string_view>> cases = {
      {"to\0day"sv, "to\\x00day"},
      {"today\0"sv, "today\\x00"},
      {"\0today"sv, "\\x00today"},
      {"2026-01-01\0"sv, "2026-01-01\\x00"},
      {"2026-01\0-01"sv, "2026-01\\x00-01"},
      {"3d\0ago"sv, "3d\\x00ago"},
      {"+3\0d"sv, "+3\\x00d"},
      {"\0"sv, "\\x00"},
  };
  for (const auto& [input, quoted] : cases) {
    SCOPED_TRACE(printable(input));
    const Result<Date> r = parse_date(input, kToday, DateDirection::past);
    ASSERT_FALSE(r.ok());
    expect_usage_error(r.error(), "date", quoted);
  }
}

TEST(ParseDate, RejectsNonAsciiKeepingValidUtf8AndEscapingInvalidBytes) {
  const std::vector<std::pair<std::string_view, std::string_view>> cases = {
      {"mañana", "mañana"},
      {"ｔｏｄａｙ", "ｔｏｄａｙ"},
      {"2026\xE2\x80\x91"
       "01-01",
       "2026\xE2\x80\x91"
       "01-01"},  // non-breaking hyphen
      {"\xFF\xFE", "\\xff\\xfe"},
      {"today\xC3", "today\\xc3"},
      {"\xC3(", "\\xc3("},
      {"\xED\xA0\x80", "\\xed\\xa0\\x80"},  // a UTF-16 surrogate
      {"\xC0\xAF", "\\xc0\\xaf"},           // an overlong '/'
      {"3d\xC2\xA0"
       "ago",
       "3d\xC2\xA0"
       "ago"},  // no-break space is not a separator
  };
  for (const auto& [input, quoted] : cases) {
    SCOPED_TRACE(printable(input));
    const Result<Date> r = parse_date(input, kToday, DateDirection::past);
    ASSERT_FALSE(r.ok());
    expect_usage_error(r.error(), "date", quoted);
  }
}

TEST(ParseDate, ShortensVeryLongInputInTheMessage) {
  const std::string input(1000, 'x');
  const Result<Date> r = parse_date(input, kToday, DateDirection::past);
  ASSERT_FALSE(r.ok());
  expect_usage_error(r.error(), "date", std::string(64, 'x') + "...");
  EXPECT_LT(r.error().message.size(), 250u);
}

TEST(ParseDate, ShorteningDoesNotSplitAMultiByteCharacter) {
  // 63 ASCII bytes, then a 2-byte character straddling the 64-byte limit.
  const std::string input = std::string(63, 'a') + "é" + "tail";
  const Result<Date> r = parse_date(input, kToday, DateDirection::past);
  ASSERT_FALSE(r.ok());
  expect_usage_error(r.error(), "date", std::string(63, 'a') + "...");
}

TEST(ParseDate, RoundTripsEveryDayOfFourYearsThroughFormatDate) {
  for (Date d = ymd(2023, 1, 1); d < ymd(2027, 1, 1); d += date::days{1}) {
    const std::string text = format_date(d);
    const Result<Date> r = parse_date(text, kToday, DateDirection::past);
    ASSERT_TRUE(r.ok()) << text;
    ASSERT_EQ(*r, d) << text;
  }
}

// ------------------------------------------------------------ parse_iso_date

TEST(ParseIsoDate, AcceptsRealCalendarDates) {
  for (std::string_view input :
       {"2026-11-25"sv, "2024-02-29"sv, "2000-02-29"sv, "0001-01-01"sv, "9999-12-31"sv}) {
    const Result<Date> r = parse_iso_date(input);
    ASSERT_TRUE(r.ok()) << input;
    EXPECT_EQ(format_date(*r), input);
  }
}

TEST(ParseIsoDate, RejectsEverythingElseQuotingTheInput) {
  const std::vector<std::string_view> bad = {
      "",
      "today",
      "2026-02-30",
      "2026-13-01",
      "0000-01-01",
      "26-1-1",
      "2026-1-1",
      " 2026-01-01",
      "2026-01-01 ",
      "2026-01-01junk",
      "2026/01/01",
      "-2026-01-01",
      "+1d",
      "mon",
      "2026-01-01\0"sv,
      "２026-01-01",
      "2026-01-0a",
      "a026-01-01",
      "2026-0x-01",
      "2026-01-01T00:00",
  };
  for (std::string_view input : bad) {
    SCOPED_TRACE(printable(input));
    const Result<Date> r = parse_iso_date(input);
    ASSERT_FALSE(r.ok()) << format_date(*r);
    EXPECT_EQ(r.error().kind, ErrorKind::usage);
    EXPECT_EQ(r.error().message.rfind("bad date '", 0), 0u) << r.error().message;
  }
  const Result<Date> r = parse_iso_date("today");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message, "bad date 'today': use YYYY-MM-DD");
}

// --------------------------------------------------------------- format_date

TEST(FormatDate, ZeroPadsYearMonthAndDay) {
  EXPECT_EQ(format_date(ymd(2026, 11, 25)), "2026-11-25");
  EXPECT_EQ(format_date(ymd(2026, 1, 5)), "2026-01-05");
  EXPECT_EQ(format_date(ymd(1, 1, 1)), "0001-01-01");
  EXPECT_EQ(format_date(ymd(999, 12, 31)), "0999-12-31");
  EXPECT_EQ(format_date(ymd(9999, 12, 31)), "9999-12-31");
  EXPECT_EQ(format_date(Date{}), "1970-01-01");
}

// ------------------------------------------------------------ parse_duration

TEST(ParseDuration, AcceptsCountAndUnitLetterInEitherCase) {
  struct Case {
    std::string_view input;
    Duration::Unit unit;
    int count;
    std::string_view text;
  };
  using U = Duration::Unit;
  const std::vector<Case> cases = {
      {"1d", U::day, 1, "1d"},
      {"7D", U::day, 7, "7d"},
      {"2w", U::week, 2, "2w"},
      {"2W", U::week, 2, "2w"},
      {"3m", U::month, 3, "3m"},
      {"3M", U::month, 3, "3m"},
      {"1y", U::year, 1, "1y"},
      {"1Y", U::year, 1, "1y"},
      {"10000d", U::day, 10000, "10000d"},
      {"10000y", U::year, 10000, "10000y"},
      {"03m", U::month, 3, "3m"},
      {"0001w", U::week, 1, "1w"},
      {" 6m ", U::month, 6, "6m"},
      {"\t18m\n", U::month, 18, "18m"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(printable(c.input));
    const Result<Duration> r = parse_duration(c.input, AllowOff::no);
    ASSERT_TRUE(r.ok()) << r.error().message;
    EXPECT_EQ(r->unit, c.unit);
    EXPECT_EQ(r->count, c.count);
    EXPECT_EQ(r->text, c.text);
  }
}

TEST(ParseDuration, AcceptsNamedIntervalsStoringTheLowerCasedName) {
  struct Case {
    std::string_view input;
    Duration::Unit unit;
    int count;
    std::string_view text;
  };
  using U = Duration::Unit;
  const std::vector<Case> cases = {
      {"daily", U::day, 1, "daily"},           {"weekly", U::week, 1, "weekly"},
      {"biweekly", U::week, 2, "biweekly"},    {"BiWeekly", U::week, 2, "biweekly"},
      {"monthly", U::month, 1, "monthly"},     {"quarterly", U::month, 3, "quarterly"},
      {"QUARTERLY", U::month, 3, "quarterly"}, {"yearly", U::year, 1, "yearly"},
      {" Yearly ", U::year, 1, "yearly"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.input);
    const Result<Duration> r = parse_duration(c.input, AllowOff::yes);
    ASSERT_TRUE(r.ok()) << r.error().message;
    EXPECT_EQ(r->unit, c.unit);
    EXPECT_EQ(r->count, c.count);
    EXPECT_EQ(r->text, c.text);
  }
}

TEST(ParseDuration, AcceptsOffOnlyWhenAllowed) {
  for (std::string_view input : {"off"sv, "OFF"sv, " Off "sv}) {
    SCOPED_TRACE(input);
    const Result<Duration> yes = parse_duration(input, AllowOff::yes);
    ASSERT_TRUE(yes.ok()) << yes.error().message;
    EXPECT_EQ(yes->unit, Duration::Unit::off);
    EXPECT_EQ(yes->count, 0);
    EXPECT_EQ(yes->text, "off");

    const Result<Duration> no = parse_duration(input, AllowOff::no);
    ASSERT_FALSE(no.ok());
    expect_usage_error(no.error(), "duration", input);
    EXPECT_NE(no.error().message.find("off is not allowed here"), std::string::npos);
  }
}

TEST(ParseDuration, RejectsMalformedInputWithAUsageErrorQuotingIt) {
  const std::vector<std::string_view> bad = {
      "",
      "   ",
      "0d",
      "00w",
      "-1w",
      "+1w",
      "3x",
      "3",
      "m",
      "3 m",
      "3m3",
      "3mm",
      "3days",
      "3 days",
      "1.5m",
      "1,5m",
      "0x3m",
      "10001d",
      "99999999999999999999999m",
      "3m ago",
      "annually",
      "fortnightly",
      "week",
      "weeklyy",
      "bi-weekly",
      "offf",
      "never",
      "mañana",
  };
  for (AllowOff allow : {AllowOff::no, AllowOff::yes}) {
    for (std::string_view input : bad) {
      SCOPED_TRACE(printable(input));
      const Result<Duration> r = parse_duration(input, allow);
      ASSERT_FALSE(r.ok()) << r->text;
      expect_usage_error(r.error(), "duration", input);
    }
  }
}

TEST(ParseDuration, RejectsNulAndInvalidUtf8ShowingThemEscaped) {
  const std::vector<std::pair<std::string_view, std::string_view>> cases = {
      {"3m\0"sv, "3m\\x00"},
      {"\0"
       "3m"sv,
       "\\x003m"},
      {"weekly\0"sv, "weekly\\x00"},
      {"of\0f"sv, "of\\x00f"},
      {"3\xFFm", "3\\xffm"},
  };
  for (const auto& [input, quoted] : cases) {
    SCOPED_TRACE(printable(input));
    const Result<Duration> r = parse_duration(input, AllowOff::yes);
    ASSERT_FALSE(r.ok());
    expect_usage_error(r.error(), "duration", quoted);
  }
}

TEST(ParseDuration, ErrorsListTheAcceptedFormsMentioningOffOnlyWhenAllowed) {
  const Result<Duration> no = parse_duration("3x", AllowOff::no);
  ASSERT_FALSE(no.ok());
  EXPECT_EQ(no.error().message,
            "bad duration '3x': use Nd, Nw, Nm or Ny (N from 1 to 10000, no space), daily, "
            "weekly, biweekly, monthly, quarterly or yearly");
  const Result<Duration> yes = parse_duration("3x", AllowOff::yes);
  ASSERT_FALSE(yes.ok());
  EXPECT_EQ(yes.error().message,
            "bad duration '3x': use Nd, Nw, Nm or Ny (N from 1 to 10000, no space), daily, "
            "weekly, biweekly, monthly, quarterly or yearly, or off");
  const Result<Duration> zero = parse_duration("0d", AllowOff::no);
  ASSERT_FALSE(zero.ok());
  EXPECT_EQ(zero.error().message, "bad duration '0d': the count must be from 1 to 10000");
}

// ------------------------------------------------------------------ birthdays

TEST(ParseBirthday, AcceptsFullDatesAndYearlessMonthDays) {
  struct Case {
    std::string_view input;
    std::optional<int> year;
    unsigned month;
    unsigned day;
  };
  const std::vector<Case> cases = {
      {"1990-05-17", 1990, 5, 17},      {"2000-02-29", 2000, 2, 29},
      {"0001-01-01", 1, 1, 1},          {"--02-29", std::nullopt, 2, 29},
      {"--01-01", std::nullopt, 1, 1},  {"--12-31", std::nullopt, 12, 31},
      {"--04-30", std::nullopt, 4, 30},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.input);
    const Result<Birthday> r = parse_birthday(c.input);
    ASSERT_TRUE(r.ok()) << r.error().message;
    EXPECT_EQ(r->year, c.year);
    EXPECT_EQ(r->month, c.month);
    EXPECT_EQ(r->day, c.day);
    EXPECT_EQ(format_birthday(*r), c.input);
  }
}

TEST(ParseBirthday, RejectsImpossibleDatesSayingWhy) {
  struct Case {
    std::string_view input;
    std::string_view reason;
  };
  const std::vector<Case> cases = {
      {"--13-01", "there is no month 13"},
      {"--00-01", "there is no month 0"},
      {"--02-30", "there is no day 30 in February"},
      {"--04-31", "there is no day 31 in April"},
      {"--01-00", "there is no day 0 in January"},
      {"1999-02-29", "there is no day 29 in February 1999"},
      {"2026-13-01", "there is no month 13"},
      {"0000-01-01", "the year must be 0001 to 9999"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.input);
    const Result<Birthday> r = parse_birthday(c.input);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().kind, ErrorKind::usage);
    EXPECT_EQ(r.error().message,
              "bad birthday '" + std::string(c.input) + "': " + std::string(c.reason));
  }
}

TEST(ParseBirthday, RejectsOtherShapesQuotingTheInput) {
  const std::vector<std::string_view> bad = {
      "",       "02-29",     "-02-29",   "---02-29",   "--2-29",        "--02-9",
      "--0229", "--02-29 ",  " --02-29", "--02/29",    "--ab-cd",       "--02-29\0"sv,
      "today",  "1990-5-17", "90-05-17", "--02-2\0"sv, "--\xFF\xFF-01",
  };
  for (std::string_view input : bad) {
    SCOPED_TRACE(printable(input));
    const Result<Birthday> r = parse_birthday(input);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().kind, ErrorKind::usage);
    EXPECT_EQ(r.error().message.rfind("bad birthday '", 0), 0u) << r.error().message;
  }
  const Result<Birthday> r = parse_birthday("02-29");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message,
            "bad birthday '02-29': use YYYY-MM-DD, or --MM-DD when the year is unknown");
}

TEST(FormatBirthday, ZeroPadsWithOrWithoutYear) {
  EXPECT_EQ(format_birthday({1990, 5, 7}), "1990-05-07");
  EXPECT_EQ(format_birthday({42, 12, 31}), "0042-12-31");
  EXPECT_EQ(format_birthday({std::nullopt, 2, 29}), "--02-29");
  EXPECT_EQ(format_birthday({std::nullopt, 1, 1}), "--01-01");
}

// ------------------------------------------------------ robustness (fuzz-like)

TEST(Parsers, NeverCrashOnArbitraryBytesAndAlwaysQuoteTheInputOnError) {
  std::mt19937 rng(20261125);
  const std::string alphabet =
      std::string("0123456789-+ dwmyDWMYagotdyesrwmnfuhiclqkb\t:/\xFF\xC3\xA9") + '\0';
  std::uniform_int_distribution<std::size_t> length(0, 16);
  std::uniform_int_distribution<std::size_t> pick(0, alphabet.size() - 1);
  std::uniform_int_distribution<int> any_byte(0, 255);
  for (int i = 0; i < 20000; ++i) {
    std::string s;
    const std::size_t n = length(rng);
    for (std::size_t k = 0; k < n; ++k) {
      s += (i % 4 == 0) ? static_cast<char>(any_byte(rng)) : alphabet[pick(rng)];
    }
    const Result<Date> d =
        parse_date(s, kToday, (i % 2) ? DateDirection::past : DateDirection::future);
    if (d.ok()) {
      EXPECT_GE(*d, ymd(1, 1, 1));
      EXPECT_LE(*d, ymd(9999, 12, 31));
    } else {
      EXPECT_EQ(d.error().message.rfind("bad date '", 0), 0u);
    }
    const Result<Date> iso = parse_iso_date(s);
    if (iso.ok()) {
      EXPECT_EQ(format_date(*iso), s);
    }
    const Result<Duration> dur = parse_duration(s, AllowOff::yes);
    if (dur.ok() && dur->unit != Duration::Unit::off) {
      EXPECT_GE(dur->count, 1);
      EXPECT_LE(dur->count, 10000);
      (void)add_duration(kToday, *dur);
      (void)subtract_duration(kToday, *dur);
    }
    const Result<Birthday> b = parse_birthday(s);
    if (b.ok()) {
      EXPECT_EQ(format_birthday(*b), s);
      (void)next_birthday(*b, kToday);
    }
    for (const Result<Date>* r : {&d, &iso}) {
      if (!r->ok()) {
        EXPECT_EQ(r->error().message.find('\0'), std::string::npos);
      }
    }
  }
}

TEST(CheckEventDate, FromNineteenHundredToAYearAhead) {
  const Date today{date::year{2026} / 11 / 20};
  auto ok = [&](Date d) { return check_event_date("--date", "typed", d, today).ok(); };
  EXPECT_TRUE(ok(Date{date::year{1900} / 1 / 1}));
  EXPECT_TRUE(ok(today));
  EXPECT_TRUE(ok(Date{date::year{2027} / 11 / 20}));
  EXPECT_FALSE(ok(Date{date::year{1899} / 12 / 31}));
  EXPECT_FALSE(ok(Date{date::year{2027} / 11 / 21}));
  auto r = check_event_date("--met", "1899-12-31", Date{date::year{1899} / 12 / 31}, today);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, ErrorKind::usage);
  EXPECT_EQ(r.error().message, "--met: '1899-12-31' is before 1900");
  EXPECT_NE(r.error().hint.find("check the year"), std::string::npos);
}

}  // namespace
}  // namespace kith::dates_test
