#include "core/english.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace kith {
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

TEST(MonthName, NamesEachMonthInEnglish) {
  const std::vector<std::string> expected = {"January",   "February", "March",    "April",
                                             "May",       "June",     "July",     "August",
                                             "September", "October",  "November", "December"};
  for (unsigned m = 1; m <= 12; ++m) {
    SCOPED_TRACE(m);
    EXPECT_EQ(month_name(m), expected[m - 1]);
  }
}

}  // namespace
}  // namespace kith
