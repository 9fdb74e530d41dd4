// The English words kith writes in its reports: a count with its noun, a list
// joined with "and", the name of a month, a stretch of days in round words.
// Pure functions of their arguments.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kith {

// "1 day", "3 days", "0 days": the count, a space, then `one` when n is 1 or
// -1 and `many` otherwise.
std::string plural(long long n, std::string_view one, std::string_view many);

// "a", "a and b", "a, b and c" (with `last_sep` " or " for alternatives); ""
// for no item.
std::string natural_list(const std::vector<std::string>& items,
                         std::string_view last_sep = " and ");

// "January" .. "December". Precondition: 1 <= month <= 12.
std::string_view month_name(unsigned month);

// "Sunday" .. "Saturday" for 0 .. 6 (date::weekday's c_encoding()).
// Precondition: weekday <= 6.
std::string_view weekday_name(unsigned weekday);

// A number of days (its absolute value) in the unit a person would use:
// days under two weeks ("1 day", "13 days"), then weeks under 90 days
// ("2 weeks", "13 weeks"), then months of 30.44 days ("3 months",
// "14 months"); weeks and months rounded to the nearest.
std::string rough_span(long long days);

// How late something due `days_late` days ago is: "3 weeks late" when
// positive, "due today" for 0, "tomorrow" for -1, "in 4 days" / "in 5 weeks"
// when it falls due later (negative). Spans as rough_span() writes them.
std::string lateness_phrase(long long days_late);

}  // namespace kith
