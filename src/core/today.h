// Today's date in the user's time zone, through `date`'s tz over the system
// time zone database. The instant and the TZ value are parameters: nothing
// here reads the clock or the environment.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "core/calendar.h"

namespace date {
class time_zone;
}

namespace kith {

// The zone for a TZ value, as today_in_zone picks it; nullptr only when even
// UTC cannot be loaded. Never throws.
const date::time_zone* resolve_zone(const std::optional<std::string>& tz_env);

// The calendar date at instant `now` in the time zone named by tz_env, the
// value of the TZ environment variable (nullopt when unset). A leading ':'
// is ignored and an absolute path containing "/zoneinfo/" is reduced to the
// zone name after it (a "posix/" or "right/" prefix is dropped too). An empty
// value, or a name the time zone database does not know (including POSIX
// rule strings such as "EST5"), falls back to the system zone
// (/etc/localtime), and if that cannot be determined, to UTC. Never throws.
Date today_in_zone(std::chrono::system_clock::time_point now,
                   const std::optional<std::string>& tz_env);

// The instant `at` as a local time to the minute ("2026-12-07 14:03"), in
// the zone today_in_zone uses for tz_env. Never throws.
std::string local_minute_text(std::chrono::system_clock::time_point at,
                              const std::optional<std::string>& tz_env);

// The instant an RFC 3339 UTC timestamp names ("2026-12-07T14:03:10Z", as
// format_timestamp writes it); nullopt for anything else.
std::optional<std::chrono::system_clock::time_point> parse_timestamp(std::string_view text);

// The IANA name of the zone today_in_zone uses for tz_env ("UTC" at worst).
// Never throws.
std::string resolve_zone_name(const std::optional<std::string>& tz_env);

}  // namespace kith
