// The English words kith writes in its reports: a count with its noun, a list
// joined with "and", the name of a month. Pure functions of their arguments.
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

}  // namespace kith
