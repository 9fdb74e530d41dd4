// The fixed words kith knows: settings, standard interaction kinds, supported
// shells, and the date and duration forms worth suggesting. One list each, so
// that the commands, their checks and the shell completion never disagree.
#pragma once

#include <span>
#include <string_view>

namespace kith {

// A key of kith.json's "settings" object that `kith config` reads and writes.
struct SettingKey {
  std::string_view key;         // "every"
  std::string_view value_name;  // the kind of value it takes: "DURATION", "N"
  std::string_view summary;     // one line, for --help, completions and man pages
};

// Every setting kith knows, in the order `kith config` lists them.
std::span<const SettingKey> setting_keys();

// nullptr when `key` is not a known setting.
const SettingKey* find_setting_key(std::string_view key);

// The interaction kinds suggested for `kith log --kind` (any other lower-case
// word is accepted too); "other" is the default.
std::span<const std::string_view> standard_kinds();

// The shells `kith completion` writes a script for.
std::span<const std::string_view> completion_shells();

// Dates worth suggesting where a DATE is typed: the relative words, then the
// weekday names (see parse_date in dates.h for every accepted form).
std::span<const std::string_view> suggested_dates();

// Durations worth suggesting where a DURATION is typed (see parse_duration);
// "off" is not one of them, as only a cadence accepts it.
std::span<const std::string_view> suggested_durations();

}  // namespace kith
