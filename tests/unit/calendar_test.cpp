#include "core/calendar.h"

#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include "core/dates.h"

namespace kith::calendar_test {
namespace {

Date ymd(int y, unsigned m, unsigned d) {
  return Date{date::year{y} / date::month{m} / date::day{d}};
}

// Wednesday 25 November 2026.
const Date kToday = ymd(2026, 11, 25);

// --------------------------------------------------- add / subtract_duration

Duration duration(std::string_view text) {
  Result<Duration> r = parse_duration(text, AllowOff::yes);
  EXPECT_TRUE(r.ok()) << text;
  return r.ok() ? *r : Duration{};
}

struct ArithmeticCase {
  Date start;
  std::string_view duration;
  std::string_view expected;
};

TEST(AddDuration, AddsDaysWeeksAndCalendarMonthsAndYearsClampingToMonthEnd) {
  const std::vector<ArithmeticCase> cases = {
      {ymd(2026, 11, 25), "1d", "2026-11-26"},        {ymd(2026, 12, 31), "1d", "2027-01-01"},
      {ymd(2024, 2, 28), "1d", "2024-02-29"},         {ymd(2026, 2, 28), "1d", "2026-03-01"},
      {ymd(2026, 11, 25), "2w", "2026-12-09"},        {ymd(2026, 11, 25), "weekly", "2026-12-02"},
      {ymd(2026, 11, 25), "biweekly", "2026-12-09"},  {ymd(2026, 1, 31), "1m", "2026-02-28"},
      {ymd(2024, 1, 31), "1m", "2024-02-29"},         {ymd(2026, 1, 31), "monthly", "2026-02-28"},
      {ymd(2026, 3, 31), "1m", "2026-04-30"},         {ymd(2026, 10, 31), "1m", "2026-11-30"},
      {ymd(2026, 11, 30), "quarterly", "2027-02-28"}, {ymd(2026, 11, 25), "1m", "2026-12-25"},
      {ymd(2026, 12, 15), "1m", "2027-01-15"},        {ymd(2026, 1, 15), "13m", "2027-02-15"},
      {ymd(2026, 1, 30), "1m", "2026-02-28"},         {ymd(2024, 2, 29), "1y", "2025-02-28"},
      {ymd(2024, 2, 29), "yearly", "2025-02-28"},     {ymd(2024, 2, 29), "4y", "2028-02-29"},
      {ymd(2024, 2, 29), "12m", "2025-02-28"},        {ymd(2026, 11, 25), "1y", "2027-11-25"},
      {ymd(2026, 11, 25), "10000d", "2054-04-12"},
  };
  for (const ArithmeticCase& c : cases) {
    SCOPED_TRACE(format_date(c.start) + " + " + std::string(c.duration));
    EXPECT_EQ(format_date(add_duration(c.start, duration(c.duration))), c.expected);
  }
}

TEST(SubtractDuration, SubtractsWithTheSameMonthEndClamping) {
  const std::vector<ArithmeticCase> cases = {
      {ymd(2026, 1, 1), "1d", "2025-12-31"},   {ymd(2024, 3, 1), "1d", "2024-02-29"},
      {ymd(2026, 3, 15), "1w", "2026-03-08"},  {ymd(2024, 3, 31), "1m", "2024-02-29"},
      {ymd(2025, 3, 31), "1m", "2025-02-28"},  {ymd(2026, 1, 31), "2m", "2025-11-30"},
      {ymd(2026, 5, 31), "1m", "2026-04-30"},  {ymd(2026, 1, 15), "1m", "2025-12-15"},
      {ymd(2026, 1, 15), "13m", "2024-12-15"}, {ymd(2024, 2, 29), "1y", "2023-02-28"},
      {ymd(2028, 2, 29), "4y", "2024-02-29"},  {ymd(2026, 11, 25), "quarterly", "2026-08-25"},
  };
  for (const ArithmeticCase& c : cases) {
    SCOPED_TRACE(format_date(c.start) + " - " + std::string(c.duration));
    EXPECT_EQ(format_date(subtract_duration(c.start, duration(c.duration))), c.expected);
  }
}

TEST(AddDuration, OffLeavesTheDateUnchanged) {
  const Duration off = duration("off");
  EXPECT_EQ(add_duration(kToday, off), kToday);
  EXPECT_EQ(subtract_duration(kToday, off), kToday);
}

// ------------------------------------------------------------- days_in_month

TEST(DaysInMonth, CountsTheDaysOfEachMonthWithLeapFebruaries) {
  const std::vector<unsigned> common = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  for (unsigned m = 1; m <= 12; ++m) {
    SCOPED_TRACE(m);
    EXPECT_EQ(days_in_month(2026, m), common[m - 1]);
  }
  EXPECT_EQ(days_in_month(2024, 2), 29u);
  EXPECT_EQ(days_in_month(2000, 2), 29u);  // divisible by 400
  EXPECT_EQ(days_in_month(1900, 2), 28u);  // divisible by 100 only
  EXPECT_EQ(days_in_month(1, 1), 31u);
  EXPECT_EQ(days_in_month(9999, 12), 31u);
}

// ------------------------------------------------------------------ birthdays

TEST(NextBirthday, IsTheNextAnniversaryOnOrAfterFrom) {
  struct Case {
    std::string_view birthday;
    Date from;
    std::string_view expected;
  };
  const std::vector<Case> cases = {
      {"--11-25", kToday, "2026-11-25"},  // today counts
      {"--11-26", kToday, "2026-11-26"},
      {"--11-24", kToday, "2027-11-24"},  // just passed
      {"--12-31", kToday, "2026-12-31"},
      {"--01-05", kToday, "2027-01-05"},  // across New Year
      {"--01-01", ymd(2026, 12, 31), "2027-01-01"},
      {"--12-31", ymd(2026, 12, 31), "2026-12-31"},
      {"--12-31", ymd(2027, 1, 1), "2027-12-31"},
      {"1990-05-17", kToday, "2027-05-17"},  // the year is ignored
      {"2030-05-17", kToday, "2027-05-17"},
      {"--02-29", kToday, "2027-02-28"},           // common year: 28 February
      {"--02-29", ymd(2027, 3, 1), "2028-02-29"},  // leap year: 29 February
      {"--02-29", ymd(2028, 2, 29), "2028-02-29"},
      {"--02-29", ymd(2028, 3, 1), "2029-02-28"},
      {"--02-29", ymd(2026, 2, 28), "2026-02-28"},
      {"--02-29", ymd(2026, 3, 1), "2027-02-28"},
      {"2000-02-29", ymd(2023, 12, 31), "2024-02-29"},
      {"--02-28", ymd(2024, 2, 29), "2025-02-28"},
      {"--03-01", ymd(2024, 2, 29), "2024-03-01"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(std::string(c.birthday) + " from " + format_date(c.from));
    const Result<Birthday> b = parse_birthday(c.birthday);
    ASSERT_TRUE(b.ok()) << b.error().message;
    EXPECT_EQ(format_date(next_birthday(*b, c.from)), c.expected);
  }
}

}  // namespace
}  // namespace kith::calendar_test
