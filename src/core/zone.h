// The local time zone from its one file of the system tz database, without
// loading the database.
//
// date's tz (over the system database) lists every file under
// /usr/share/zoneinfo before it can name any zone: hundreds of stat calls,
// on every run, to learn "today". Here a zone name is looked up the way
// that listing would find it, and its TZif file is read and used the way
// date reads it (the same transitions, the same offset before the first
// one, the footer ignored), so the answers are the same. Whatever this
// cannot decide for certain is left to date's tz: a lookup answers
// "unsure" and the caller asks the database, as before.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <date/date.h>

namespace kith::zone {

namespace fs = std::filesystem;

// What a TZif file (RFC 8536) says about offsets from UTC.
class ZoneFile {
 public:
  // nullopt unless `bytes` is a TZif file of version 1 to 4 whose tables
  // are complete and consistent (type indices in range, transitions in
  // increasing order) and that has no leap-second records.
  static std::optional<ZoneFile> parse(std::string_view bytes);

  // The offset at instant `t`: that of the last transition at or before
  // `t`; before the first transition (or with none), that of the first
  // standard-time type, else of the first type.
  std::chrono::seconds offset_at(date::sys_seconds t) const;

 private:
  std::vector<std::int64_t> times_;    // transition instants, increasing
  std::vector<std::int32_t> offsets_;  // offset in effect from each transition
  std::int32_t initial_offset_ = 0;    // before the first transition
};

// Where the zone files and the system's choice of zone are. The defaults
// are what date's tz reads on Linux; tests point them elsewhere.
struct Sources {
  fs::path tz_dir = "/usr/share/zoneinfo";
  fs::path localtime = "/etc/localtime";
  fs::path tz_link = "/etc/TZ";
  fs::path timezone_file = "/etc/timezone";
};

// The answer of a lookup: a zone read from its file, a name the database
// cannot hold, or a case to leave to date's tz.
struct Lookup {
  enum class Kind { found, absent, unsure };
  Kind kind = Kind::unsure;
  std::string name;              // the zone's name in the database when found
  std::optional<ZoneFile> file;  // set when found
};

// Looks `name` up as date's tz over the system database would: found when
// the database certainly lists it and its file reads as a ZoneFile; absent
// when the database certainly does not list it (an empty name, a NUL byte,
// a part that is empty, hidden or one the database skips — "posix…",
// "right", "Factory", its tables —, or no such file); unsure otherwise.
Lookup find_zone(std::string_view name, const Sources& sources = {});

// The system's zone as date's current_zone() finds it, when that is
// certain: /etc/localtime a symbolic link into the zone files (or else the
// first line of /etc/timezone) naming a zone that find_zone finds. nullopt
// otherwise (leave it to date's tz).
std::optional<Lookup> system_zone(const Sources& sources = {});

// The zone name in a TZ value: a leading ':' dropped, and an absolute path
// containing "/zoneinfo/" reduced to the part after it (without a "posix/"
// or "right/" prefix). Anything else is returned as it is.
std::string_view name_in_tz(std::string_view tz);

}  // namespace kith::zone
