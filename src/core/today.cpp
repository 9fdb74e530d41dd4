#include "core/today.h"

#include <exception>
#include <initializer_list>
#include <sstream>
#include <string_view>

#include <date/tz.h>

namespace kith {
namespace {

const date::time_zone* try_locate(std::string_view name) {
  if (name.empty()) return nullptr;
  try {
    return date::locate_zone(name);
  } catch (const std::exception&) {
    return nullptr;
  }
}

// Whether TZ names UTC itself: then no time zone database is needed (it is
// read whole, some 600 files, the first time a zone is looked up).
bool names_utc(const std::optional<std::string>& tz_env) {
  if (!tz_env) return false;
  std::string_view name = *tz_env;
  if (!name.empty() && name.front() == ':') name.remove_prefix(1);
  for (std::string_view utc : {"UTC", "Etc/UTC"}) {
    if (name == utc) return true;
  }
  return false;
}

}  // namespace

const date::time_zone* resolve_zone(const std::optional<std::string>& tz_env) {
  if (tz_env) {
    std::string_view name = *tz_env;
    if (!name.empty() && name.front() == ':') name.remove_prefix(1);
    if (!name.empty() && name.front() == '/') {
      constexpr std::string_view kDir = "/zoneinfo/";
      if (const std::size_t pos = name.rfind(kDir); pos != std::string_view::npos) {
        name.remove_prefix(pos + kDir.size());
        for (std::string_view prefix : {std::string_view("posix/"), std::string_view("right/")}) {
          if (name.substr(0, prefix.size()) == prefix) name.remove_prefix(prefix.size());
        }
      }
    }
    if (const date::time_zone* zone = try_locate(name)) return zone;
  }
  try {
    return date::current_zone();
  } catch (const std::exception&) {
  }
  if (const date::time_zone* zone = try_locate("UTC")) return zone;
  return try_locate("Etc/UTC");
}

Date today_in_zone(std::chrono::system_clock::time_point now,
                   const std::optional<std::string>& tz_env) {
  const auto seconds = std::chrono::floor<std::chrono::seconds>(now);
  if (names_utc(tz_env)) return date::floor<date::days>(seconds);
  try {
    if (const date::time_zone* zone = resolve_zone(tz_env)) {
      const auto local = zone->to_local(seconds);
      return Date{date::floor<date::days>(local).time_since_epoch()};
    }
  } catch (const std::exception&) {
  }
  return date::floor<date::days>(seconds);
}

std::string local_minute_text(std::chrono::system_clock::time_point at,
                              const std::optional<std::string>& tz_env) {
  const auto minutes = std::chrono::floor<std::chrono::minutes>(at);
  try {
    if (const date::time_zone* zone = resolve_zone(tz_env)) {
      return date::format("%Y-%m-%d %H:%M", zone->to_local(minutes));
    }
  } catch (const std::exception&) {
  }
  return date::format("%Y-%m-%d %H:%M UTC", minutes);
}

std::optional<std::chrono::system_clock::time_point> parse_timestamp(std::string_view text) {
  if (text.size() != 20 || text.back() != 'Z') return std::nullopt;
  std::istringstream in{std::string(text)};
  date::sys_seconds at;
  in >> date::parse("%Y-%m-%dT%H:%M:%SZ", at);
  if (in.fail()) return std::nullopt;
  return at;
}

std::string resolve_zone_name(const std::optional<std::string>& tz_env) {
  try {
    if (const date::time_zone* zone = resolve_zone(tz_env)) return std::string(zone->name());
  } catch (const std::exception&) {
  }
  return "UTC";
}

}  // namespace kith
