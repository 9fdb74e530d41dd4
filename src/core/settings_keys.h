// The settings kept in kith.json ("settings": {...}): their names, what each
// one means and the values it accepts. This is the one list of settings: the
// `config` command and the shell completion both read it, and settings_of()
// (model.h) reads the stored values.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model.h"
#include "core/status.h"

namespace kith {

struct SettingKey {
  std::string_view name;     // as typed: `kith config every`
  std::string_view summary;  // one line: what it changes
  std::string_view accepts;  // the values it takes, for messages and help
};

// Every setting kith knows, in the order `kith config` lists them.
const std::vector<SettingKey>& setting_keys();

// nullptr when kith has no setting of that name (names are case-sensitive).
const SettingKey* find_setting_key(std::string_view name);

// "every, homework": the names, for "unknown setting" hints.
std::string setting_names();

// Parses a value typed on the command line for the setting `name` into the
// JSON kith.json stores: `every` takes a DURATION or "off" (stored in its
// canonical spelling, "quarterly", "3m"), `homework` a whole number from 0 to
// 1000 (stored as a number). An unknown name or a bad value is a usage error
// quoting it.
Result<Json> parse_setting_value(std::string_view name, std::string_view value);

// The value in effect for `name`, in its JSON form ("3m", 1); null for a
// name kith does not know.
Json setting_value(const Settings& settings, std::string_view name);

// True when kith.json sets `name` (a null value counts as unset).
bool is_setting_stored(const Config& config, std::string_view name);

// A copy of `config` with `name` set to `value` (as parse_setting_value
// returns it), or removed when `value` is nullopt. An unknown name is a usage error. The result is
// checked as a whole with settings_of(): when another setting in the file is broken, that is a data
// error naming it, so nothing kith cannot read is ever written.
Result<Config> with_setting(const Config& config, std::string_view name,
                            const std::optional<Json>& value);

}  // namespace kith
