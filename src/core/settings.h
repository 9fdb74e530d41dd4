// Reading and writing the values of the settings kept in kith.json
// ("settings": {...}). Which settings exist is listed once, in vocabulary.h;
// this is where each one's values are checked, so that `kith config` never
// stores a value settings_of() (model.h) would refuse.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/model.h"
#include "core/status.h"

namespace kith {

// "every, homework": the names of the settings, for "unknown setting" hints.
std::string setting_names();

// The values `name` accepts, in words: "a DURATION (2w, 1m, 3m, quarterly,
// yearly…) or off". Empty for a name kith does not know.
std::string_view setting_values(std::string_view name);

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
// returns it), or removed when `value` is nullopt. An unknown name is a usage
// error. The result is checked as a whole with settings_of(): when another
// setting in the file is broken, that is a data error naming it, so nothing
// kith cannot read is ever written.
Result<Config> with_setting(const Config& config, std::string_view name,
                            const std::optional<Json>& value);

}  // namespace kith
