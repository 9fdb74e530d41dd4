#include "core/english.h"

#include <array>
#include <cstddef>

namespace kith {

std::string plural(long long n, std::string_view one, std::string_view many) {
  return std::to_string(n) + " " + std::string(n == 1 || n == -1 ? one : many);
}

std::string natural_list(const std::vector<std::string>& items, std::string_view last_sep) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += i + 1 == items.size() ? std::string(last_sep) : std::string(", ");
    out += items[i];
  }
  return out;
}

std::string_view month_name(unsigned month) {
  static constexpr std::array<std::string_view, 12> kNames = {
      "January", "February", "March",     "April",   "May",      "June",
      "July",    "August",   "September", "October", "November", "December"};
  return kNames[month - 1];
}

std::string_view weekday_name(unsigned weekday) {
  static constexpr std::array<std::string_view, 7> kNames = {
      "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};
  return kNames[weekday];
}

std::string rough_span(long long days) {
  if (days < 0) days = -days;
  constexpr long long kWeeksFrom = 14;
  constexpr long long kMonthsFrom = 90;
  if (days < kWeeksFrom) return plural(days, "day", "days");
  if (days < kMonthsFrom) return plural((days + 3) / 7, "week", "weeks");
  // A month is 365.25 / 12 = 30.4375 days: months = days / 30.4375, rounded.
  return plural((days * 16 + 487 / 2) / 487, "month", "months");
}

std::string lateness_phrase(long long days_late) {
  if (days_late > 0) return rough_span(days_late) + " late";
  if (days_late == 0) return "due today";
  if (days_late == -1) return "tomorrow";
  return "in " + rough_span(days_late);
}

}  // namespace kith
