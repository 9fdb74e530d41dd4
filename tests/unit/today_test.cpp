#include "core/today.h"

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include "core/dates.h"

namespace kith::today_test {
namespace {

Date ymd(int y, unsigned m, unsigned d) {
  return Date{date::year{y} / date::month{m} / date::day{d}};
}

// 2026-11-25T11:30:00Z.
const std::chrono::system_clock::time_point kInstant =
    ymd(2026, 11, 25) + std::chrono::hours{11} + std::chrono::minutes{30};

TEST(TodayInZone, UsesTheCalendarDateInTheNamedZone) {
  struct Case {
    std::string_view tz;
    std::chrono::system_clock::time_point now;
    std::string_view expected;
    std::string_view zone;
  };
  const auto late = ymd(2026, 11, 25) + std::chrono::hours{20};  // 20:00Z
  const std::vector<Case> cases = {
      {"Pacific/Kiritimati", kInstant, "2026-11-26", "Pacific/Kiritimati"},  // UTC+14
      {"Pacific/Pago_Pago", kInstant, "2026-11-25", "Pacific/Pago_Pago"},    // UTC-11
      {"UTC", kInstant, "2026-11-25", "UTC"},
      {":Europe/Paris", kInstant, "2026-11-25", "Europe/Paris"},
      {":Europe/Paris", ymd(2026, 11, 25) + std::chrono::hours{23}, "2026-11-26", "Europe/Paris"},
      {"/usr/share/zoneinfo/Asia/Tokyo", late, "2026-11-26", "Asia/Tokyo"},
      {":/usr/share/zoneinfo/Asia/Tokyo", late, "2026-11-26", "Asia/Tokyo"},
      {"/usr/share/zoneinfo/posix/Asia/Tokyo", late, "2026-11-26", "Asia/Tokyo"},
      {"America/Los_Angeles", ymd(2026, 11, 25) + std::chrono::hours{7}, "2026-11-24",
       "America/Los_Angeles"},
      {"America/Los_Angeles", ymd(2026, 11, 25) + std::chrono::hours{8}, "2026-11-25",
       "America/Los_Angeles"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.tz);
    const std::optional<std::string> tz{std::string(c.tz)};
    EXPECT_EQ(format_date(today_in_zone(c.now, tz)), c.expected);
    EXPECT_EQ(resolve_zone_name(tz), c.zone);
  }
}

TEST(TodayInZone, UnknownOrEmptyZonesFallBackToTheSystemZoneWithoutThrowing) {
  const std::string system_zone = resolve_zone_name(std::nullopt);
  EXPECT_FALSE(system_zone.empty());
  const Date system_today = today_in_zone(kInstant, std::nullopt);
  // Whatever the system zone, the date is within a day of the UTC date.
  EXPECT_GE(system_today, ymd(2026, 11, 24));
  EXPECT_LE(system_today, ymd(2026, 11, 26));

  const std::vector<std::string> unknown = {
      "Not/AZone",
      "",
      ":",
      "JST-9",
      "/etc/passwd",
      "/usr/share/zoneinfo/",
      "/usr/share/zoneinfo/Not/AZone",
      "../../../../etc/passwd",
      std::string("Europe/Paris\0", 13),
      std::string("\xFF\xFE"),
      std::string(10000, 'A'),
  };
  for (const std::string& tz : unknown) {
    SCOPED_TRACE(testing::PrintToString(tz));
    Date d;
    EXPECT_NO_THROW(d = today_in_zone(kInstant, tz));
    EXPECT_EQ(d, system_today);
    std::string name;
    EXPECT_NO_THROW(name = resolve_zone_name(tz));
    EXPECT_EQ(name, system_zone);
  }
}

TEST(TodayInZone, DependsOnlyOnTheInstantNotOnTheProcessClock) {
  const std::optional<std::string> tz{"Pacific/Kiritimati"};
  const auto epoch = std::chrono::system_clock::time_point{};
  EXPECT_EQ(format_date(today_in_zone(epoch, tz)), "1969-12-31");  // UTC-10:40 in 1970
  EXPECT_EQ(format_date(today_in_zone(epoch, std::optional<std::string>{"UTC"})), "1970-01-01");
}

}  // namespace
}  // namespace kith::today_test
