#include "core/dates.h"

#include <array>
#include <cstddef>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>

#include "core/english.h"
#include "core/text.h"

namespace kith {
namespace {

constexpr int kMaxCount = 10000;
constexpr int kMinYear = 1;
constexpr int kMaxYear = 9999;
constexpr std::size_t kMaxQuoted = 64;

constexpr std::string_view kDateForms =
    "use YYYY-MM-DD, today, yesterday, tomorrow, a weekday (mon..sun), "
    "3d ago, -3d or +1w (units d, w, m, y)";

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool is_continuation(unsigned char c) { return c >= 0x80 && c <= 0xBF; }

// ASCII-only lower-casing: other bytes are kept as they are.
std::string to_lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// The length of the valid UTF-8 sequence starting at s[i], or 0.
std::size_t utf8_sequence_length(std::string_view s, std::size_t i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  std::size_t len = 0;
  unsigned char lo = 0x80;
  unsigned char hi = 0xBF;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    len = 2;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    len = 3;
    if (b0 == 0xE0) lo = 0xA0;  // no overlong forms
    if (b0 == 0xED) hi = 0x9F;  // no surrogates
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    len = 4;
    if (b0 == 0xF0) lo = 0x90;
    if (b0 == 0xF4) hi = 0x8F;
  } else {
    return 0;
  }
  if (s.size() - i < len) return 0;
  const auto b1 = static_cast<unsigned char>(s[i + 1]);
  if (b1 < lo || b1 > hi) return 0;
  for (std::size_t k = 2; k < len; ++k) {
    if (!is_continuation(static_cast<unsigned char>(s[i + k]))) return 0;
  }
  return len;
}

// The input as it can be shown between single quotes in a one-line message:
// control bytes and invalid UTF-8 as \xNN, long inputs shortened.
std::string quote(std::string_view input) {
  bool shortened = false;
  if (input.size() > kMaxQuoted) {
    std::size_t cut = kMaxQuoted;
    // Do not split a multi-byte character.
    for (int k = 0; k < 3 && cut > 0 && is_continuation(static_cast<unsigned char>(input[cut]));
         ++k) {
      --cut;
    }
    input = input.substr(0, cut);
    shortened = true;
  }
  std::string out = "'";
  std::size_t i = 0;
  while (i < input.size()) {
    const auto c = static_cast<unsigned char>(input[i]);
    if (c >= 0x20 && c < 0x7F) {
      out += static_cast<char>(c);
      ++i;
      continue;
    }
    if (c >= 0x80) {
      if (const std::size_t len = utf8_sequence_length(input, i); len > 0) {
        out.append(input.substr(i, len));
        i += len;
        continue;
      }
    }
    std::array<char, 5> buf{};
    std::snprintf(buf.data(), buf.size(), "\\x%02x", static_cast<unsigned>(c));
    out += buf.data();
    ++i;
  }
  out += shortened ? "...'" : "'";
  return out;
}

Error bad_date(std::string_view input, std::string_view reason) {
  return usage_error("bad date " + quote(input) + ": " + std::string(reason));
}

// A run of decimal digits at the start of s, consumed. Values above
// kMaxCount are reported as kMaxCount + 1 (no overflow whatever the length).
// nullopt when s does not start with a digit.
std::optional<int> take_count(std::string_view& s) {
  if (s.empty() || !is_digit(s.front())) return std::nullopt;
  int value = 0;
  while (!s.empty() && is_digit(s.front())) {
    if (value <= kMaxCount) value = value * 10 + (s.front() - '0');
    s.remove_prefix(1);
  }
  return value > kMaxCount ? kMaxCount + 1 : value;
}

std::optional<Duration::Unit> unit_from_name(std::string_view s) {
  struct Name {
    std::string_view name;
    Duration::Unit unit;
  };
  static constexpr std::array<Name, 12> kUnits = {{
      {"d", Duration::Unit::day},
      {"day", Duration::Unit::day},
      {"days", Duration::Unit::day},
      {"w", Duration::Unit::week},
      {"week", Duration::Unit::week},
      {"weeks", Duration::Unit::week},
      {"m", Duration::Unit::month},
      {"month", Duration::Unit::month},
      {"months", Duration::Unit::month},
      {"y", Duration::Unit::year},
      {"year", Duration::Unit::year},
      {"years", Duration::Unit::year},
  }};
  for (const Name& n : kUnits) {
    if (n.name == s) return n.unit;
  }
  return std::nullopt;
}

char unit_letter(Duration::Unit unit) {
  switch (unit) {
    case Duration::Unit::day:
      return 'd';
    case Duration::Unit::week:
      return 'w';
    case Duration::Unit::month:
      return 'm';
    case Duration::Unit::year:
      return 'y';
    case Duration::Unit::off:
      break;
  }
  return '?';
}

// "N<unit>" or "N <unit>" (lower-cased): the offset it names, count unchecked.
std::optional<Duration> parse_offset(std::string_view s) {
  const std::optional<int> count = take_count(s);
  if (!count) return std::nullopt;
  s = text::trim(s);
  const std::optional<Duration::Unit> unit = unit_from_name(s);
  if (!unit) return std::nullopt;
  Duration d;
  d.unit = *unit;
  d.count = *count;
  return d;
}

bool in_range(Date d) {
  const date::year_month_day ymd{d};
  return ymd.year() >= date::year{kMinYear} && ymd.year() <= date::year{kMaxYear};
}

// Digits at s[pos, pos + n) as a number, or nullopt if any is not a digit.
std::optional<int> fixed_digits(std::string_view s, std::size_t pos, std::size_t n) {
  int value = 0;
  for (std::size_t i = pos; i < pos + n; ++i) {
    if (!is_digit(s[i])) return std::nullopt;
    value = value * 10 + (s[i] - '0');
  }
  return value;
}

// Whether s has the shape DDDD-DD-DD.
bool looks_like_iso(std::string_view s) {
  return s.size() == 10 && s[4] == '-' && s[7] == '-' && fixed_digits(s, 0, 4) &&
         fixed_digits(s, 5, 2) && fixed_digits(s, 8, 2);
}

// Checks month and day; on failure returns the reason. `year` nullopt means
// "any year", so 29 February is allowed.
std::optional<std::string> check_month_day(std::optional<int> year, int month, int day) {
  if (month < 1 || month > 12) return "there is no month " + std::to_string(month);
  const unsigned limit = days_in_month(year.value_or(2000), static_cast<unsigned>(month));
  if (day < 1 || static_cast<unsigned>(day) > limit) {
    std::string where(month_name(static_cast<unsigned>(month)));
    if (year) where += " " + std::to_string(*year);
    return "there is no day " + std::to_string(day) + " in " + where;
  }
  return std::nullopt;
}

// s has the shape DDDD-DD-DD: the reason it is not a real date in the years
// 0001 to 9999, or nullopt.
std::optional<std::string> iso_problem(std::string_view s) {
  const int y = *fixed_digits(s, 0, 4);
  if (y < kMinYear) return "the year must be 0001 to 9999";
  return check_month_day(y, *fixed_digits(s, 5, 2), *fixed_digits(s, 8, 2));
}

// s has the shape DDDD-DD-DD and no iso_problem.
Date iso_value(std::string_view s) {
  return Date{date::year{*fixed_digits(s, 0, 4)} /
              date::month{static_cast<unsigned>(*fixed_digits(s, 5, 2))} /
              date::day{static_cast<unsigned>(*fixed_digits(s, 8, 2))}};
}

std::optional<date::weekday> weekday_from_name(std::string_view s) {
  struct Name {
    std::string_view name;
    unsigned weekday;  // 0 = Sunday
  };
  static constexpr std::array<Name, 17> kWeekdays = {{
      {"sun", 0},
      {"sunday", 0},
      {"mon", 1},
      {"monday", 1},
      {"tue", 2},
      {"tues", 2},
      {"tuesday", 2},
      {"wed", 3},
      {"wednesday", 3},
      {"thu", 4},
      {"thur", 4},
      {"thurs", 4},
      {"thursday", 4},
      {"fri", 5},
      {"friday", 5},
      {"sat", 6},
      {"saturday", 6},
  }};
  for (const Name& n : kWeekdays) {
    if (n.name == s) return date::weekday{n.weekday};
  }
  return std::nullopt;
}

}  // namespace

Result<Date> parse_date(std::string_view text, Date today, DateDirection direction) {
  const std::string s = to_lower_ascii(text::trim(text));
  std::optional<Date> result;

  if (s.empty()) return bad_date(text, kDateForms);

  if (looks_like_iso(s)) {
    if (auto problem = iso_problem(s)) return bad_date(text, *problem);
    return iso_value(s);
  }

  if (s == "today") {
    result = today;
  } else if (s == "yesterday") {
    result = today - date::days{1};
  } else if (s == "tomorrow") {
    result = today + date::days{1};
  } else if (const auto wd = weekday_from_name(s)) {
    const date::weekday now{today};
    if (direction == DateDirection::past) {
      result = today - (now - *wd);  // 0..6 days back
    } else {
      const date::days ahead = *wd - now;  // 0..6
      result = today + (ahead == date::days{0} ? date::days{7} : ahead);
    }
  } else {
    std::string_view rest = s;
    int sign = 0;
    if (rest.front() == '+' || rest.front() == '-') {
      sign = rest.front() == '+' ? 1 : -1;
      rest.remove_prefix(1);
    } else {
      constexpr std::string_view kAgo = "ago";
      if (rest.size() > kAgo.size() && rest.substr(rest.size() - kAgo.size()) == kAgo &&
          is_space(rest[rest.size() - kAgo.size() - 1])) {
        rest.remove_suffix(kAgo.size());
        sign = -1;
      }
    }
    // Where a future date is expected, a bare "2w" is two weeks from today.
    if (sign == 0 && direction == DateDirection::future) sign = 1;
    if (sign == 0) return bad_date(text, kDateForms);
    const std::optional<Duration> offset = parse_offset(rest);
    if (!offset) return bad_date(text, kDateForms);
    if (offset->count > kMaxCount) {
      return bad_date(text, "the count must be at most " + std::to_string(kMaxCount));
    }
    result = sign > 0 ? add_duration(today, *offset) : subtract_duration(today, *offset);
  }

  if (!in_range(*result)) return bad_date(text, "it falls outside the years 0001 to 9999");
  return *result;
}

Result<Date> parse_iso_date(std::string_view text) {
  if (!looks_like_iso(text)) return bad_date(text, "use YYYY-MM-DD");
  if (auto problem = iso_problem(text)) return bad_date(text, *problem);
  return iso_value(text);
}

std::string format_date(Date d) {
  const date::year_month_day ymd{d};
  std::array<char, 32> buf{};
  std::snprintf(buf.data(), buf.size(), "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return buf.data();
}

Result<Date> parse_since(std::string_view text, Date today) {
  if (auto back = parse_duration(text, AllowOff::no)) return subtract_duration(today, *back);
  return parse_date(text, today, DateDirection::past);
}

Result<Duration> parse_duration(std::string_view text, AllowOff allow_off) {
  const std::string s = to_lower_ascii(text::trim(text));
  const std::string forms = std::string("use Nd, Nw, Nm or Ny (N from 1 to ") +
                            std::to_string(kMaxCount) +
                            ", no space), daily, weekly, biweekly, monthly, quarterly or yearly" +
                            (allow_off == AllowOff::yes ? ", or off" : "");
  const auto bad = [&](std::string_view reason) {
    return usage_error("bad duration " + quote(text) + ": " + std::string(reason));
  };

  struct Name {
    std::string_view name;
    Duration::Unit unit;
    int count;
  };
  static constexpr std::array<Name, 6> kNames = {{
      {"daily", Duration::Unit::day, 1},
      {"weekly", Duration::Unit::week, 1},
      {"biweekly", Duration::Unit::week, 2},
      {"monthly", Duration::Unit::month, 1},
      {"quarterly", Duration::Unit::month, 3},
      {"yearly", Duration::Unit::year, 1},
  }};
  for (const Name& n : kNames) {
    if (n.name == s) return Duration{n.unit, n.count, s};
  }
  if (s == "off") {
    if (allow_off == AllowOff::no) return bad("off is not allowed here");
    return Duration{Duration::Unit::off, 0, s};
  }

  std::string_view rest = s;
  const std::optional<int> count = take_count(rest);
  if (!count || rest.size() != 1) return bad(forms);
  const std::optional<Duration::Unit> unit = unit_from_name(rest);
  if (!unit) return bad(forms);
  if (*count < 1 || *count > kMaxCount) {
    return bad("the count must be from 1 to " + std::to_string(kMaxCount));
  }
  return Duration{*unit, *count, std::to_string(*count) + unit_letter(*unit)};
}

Result<Birthday> parse_birthday(std::string_view text) {
  const auto bad = [&](std::string_view reason) {
    return usage_error("bad birthday " + quote(text) + ": " + std::string(reason));
  };
  constexpr std::string_view kForms = "use YYYY-MM-DD, or --MM-DD when the year is unknown";

  if (looks_like_iso(text)) {
    if (auto problem = iso_problem(text)) return bad(*problem);
    const date::year_month_day ymd{iso_value(text)};
    return Birthday{static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                    static_cast<unsigned>(ymd.day())};
  }
  if (text.size() == 7 && text[0] == '-' && text[1] == '-' && text[4] == '-') {
    const std::optional<int> m = fixed_digits(text, 2, 2);
    const std::optional<int> d = fixed_digits(text, 5, 2);
    if (m && d) {
      if (auto reason = check_month_day(std::nullopt, *m, *d)) return bad(*reason);
      return Birthday{std::nullopt, static_cast<unsigned>(*m), static_cast<unsigned>(*d)};
    }
  }
  return bad(kForms);
}

Status check_event_date(std::string_view option, std::string_view typed, Date d, Date today) {
  const std::string what = std::string(option) + ": " + quote(typed);
  if (d < kEarliestEventDate) {
    return usage_error(what + " is before 1900",
                       "check the year; dates are YYYY-MM-DD, e.g. " + format_date(today));
  }
  if (d > today + date::years{1}) {
    return usage_error(what + " is more than a year ahead",
                       "check the year; dates are YYYY-MM-DD, e.g. " + format_date(today));
  }
  return {};
}

std::string format_birthday(const Birthday& b) {
  std::array<char, 32> buf{};
  if (b.year) {
    std::snprintf(buf.data(), buf.size(), "%04d-%02u-%02u", *b.year, b.month, b.day);
  } else {
    std::snprintf(buf.data(), buf.size(), "--%02u-%02u", b.month, b.day);
  }
  return buf.data();
}

}  // namespace kith
