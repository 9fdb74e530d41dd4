#include "core/english.h"

#include <string>
#include <vector>

#include <date/date.h>
#include <gtest/gtest.h>

namespace kith::english_test {
namespace {

TEST(Plural, OneOrMinusOneTakesTheSingular) {
  EXPECT_EQ(plural(1, "day", "days"), "1 day");
  EXPECT_EQ(plural(-1, "day", "days"), "-1 day");
  EXPECT_EQ(plural(0, "day", "days"), "0 days");
  EXPECT_EQ(plural(2, "new contact", "new contacts"), "2 new contacts");
  EXPECT_EQ(plural(-3, "day", "days"), "-3 days");
  EXPECT_EQ(plural(10000000000LL, "ask", "asks"), "10000000000 asks");
  EXPECT_EQ(plural(1, "catch-up", "catch-ups"), "1 catch-up");
}

TEST(NaturalList, JoinsWithCommasAndTheLastSeparator) {
  EXPECT_EQ(natural_list({}), "");
  EXPECT_EQ(natural_list({"a"}), "a");
  EXPECT_EQ(natural_list({"a", "b"}), "a and b");
  EXPECT_EQ(natural_list({"a", "b", "c"}), "a, b and c");
  EXPECT_EQ(natural_list({"a", "b"}, " or "), "a or b");
}

TEST(RoughSpan, DaysThenWeeksThenMonths) {
  struct Case {
    long long days;
    const char* words;
  };
  const std::vector<Case> cases = {
      {0, "0 days"},     {1, "1 day"},        {13, "13 days"},     {14, "2 weeks"},
      {17, "2 weeks"},   {18, "3 weeks"},     {25, "4 weeks"},     {28, "4 weeks"},
      {60, "9 weeks"},   {89, "13 weeks"},    {90, "3 months"},    {106, "3 months"},
      {107, "4 months"}, {365, "12 months"},  {1000, "33 months"}, {-13, "13 days"},
      {-35, "5 weeks"},  {-400, "13 months"},
  };
  for (const auto& c : cases) EXPECT_EQ(rough_span(c.days), c.words) << c.days;
}

TEST(LatenessPhrase, LateTodayOrUpcoming) {
  struct Case {
    long long days_late;
    const char* words;
  };
  const std::vector<Case> cases = {
      {1, "1 day late"},      {13, "13 days late"}, {21, "3 weeks late"},  {51, "7 weeks late"},
      {100, "3 months late"}, {0, "due today"},     {-1, "tomorrow"},      {-2, "in 2 days"},
      {-4, "in 4 days"},      {-35, "in 5 weeks"},  {-120, "in 4 months"},
  };
  for (const auto& c : cases) EXPECT_EQ(lateness_phrase(c.days_late), c.words) << c.days_late;
}

TEST(MonthName, NamesEachMonthInEnglish) {
  const std::vector<std::string> expected = {"January",   "February", "March",    "April",
                                             "May",       "June",     "July",     "August",
                                             "September", "October",  "November", "December"};
  for (unsigned m = 1; m <= 12; ++m) {
    SCOPED_TRACE(m);
    EXPECT_EQ(month_name(m), expected[m - 1]);
  }
}

TEST(EnglishTest, WeekdayNamesStartOnSundayAsDateCountsThem) {
  const char* expected[] = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                            "Thursday", "Friday", "Saturday"};
  for (unsigned d = 0; d < 7; ++d) EXPECT_EQ(weekday_name(d), expected[d]);
  // 2026-11-20 is a Friday.
  EXPECT_EQ(weekday_name(date::weekday{date::sys_days{date::year{2026} / 11 / 20}}.c_encoding()),
            "Friday");
}

}  // namespace
}  // namespace kith::english_test
