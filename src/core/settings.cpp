#include "core/settings.h"

#include "core/layout.h"
#include "core/text.h"
#include "core/vocabulary.h"

namespace kith {
namespace {

Result<Json> parse_every(std::string_view value) {
  auto d = parse_duration(value, AllowOff::yes);
  if (!d) {
    return usage_error("every: " + d.error().message,
                       "e.g. 2w, 1m, 3m, quarterly or off; `kith config --unset every` goes back "
                       "to the default");
  }
  return Json(d->text);
}

// A whole number from `low` to 1000, or a usage error naming the setting.
Result<Json> parse_count(std::string_view name, std::string_view value, long low,
                         std::string_view hint) {
  const std::string quoted = "'" + text::sanitize_for_terminal(value) + "'";
  bool digits = !value.empty() && value.size() <= 9;
  for (char ch : value) digits = digits && ch >= '0' && ch <= '9';
  const long n = digits ? std::stol(std::string(value)) : -1;
  if (n < low || n > 1000) {
    return usage_error(std::string(name) + ": " + quoted + " is not a whole number from " +
                           std::to_string(low) + " to 1000",
                       std::string(hint));
  }
  return Json(static_cast<int>(n));
}

Result<Json> parse_on_off(std::string_view name, std::string_view value) {
  std::string folded = text::fold(value);
  if (folded == "on" || folded == "true" || folded == "yes") return Json("on");
  if (folded == "off" || folded == "false" || folded == "no") return Json("off");
  return usage_error(
      std::string(name) + ": '" + text::sanitize_for_terminal(value) + "' is not on or off",
      "e.g. `kith config " + std::string(name) + " off`");
}

}  // namespace

std::string_view setting_values(std::string_view name) {
  if (name == "every") return "a DURATION (2w, 1m, 3m, quarterly, yearly…) or off";
  if (name == "homework") return "a whole number from 0 (off) to 1000";
  if (name == "daily") return "a whole number from 1 to 1000";
  if (name == "autocommit") return "on or off";
  return {};
}

std::string setting_names() {
  std::string out;
  for (const auto& key : setting_keys()) {
    if (!out.empty()) out += ", ";
    out += key.key;
  }
  return out;
}

Result<Json> parse_setting_value(std::string_view name, std::string_view value) {
  if (name == "every") return parse_every(value);
  if (name == "homework") {
    return parse_count(name, value, 0,
                       "the number of new contacts to reach each month; 0 turns it off");
  }
  if (name == "daily") {
    return parse_count(name, value, 1,
                       "how many people `kith due` lists at most; `kith due --all` lists everyone");
  }
  if (name == "autocommit") return parse_on_off(name, value);
  return usage_error("unknown setting '" + text::sanitize_for_terminal(name) + "'",
                     "the settings are: " + setting_names());
}

Json setting_value(const Settings& settings, std::string_view name) {
  if (name == "every") return Json(settings.every.text);
  if (name == "homework") return Json(settings.homework);
  if (name == "daily") return Json(settings.daily);
  if (name == "autocommit") return Json(settings.autocommit ? "on" : "off");
  return Json(nullptr);
}

bool is_setting_stored(const Config& config, std::string_view name) {
  auto it = config.settings.find(std::string(name));
  return it != config.settings.end() && !it->is_null();
}

Result<Config> with_setting(const Config& config, std::string_view name,
                            const std::optional<Json>& value) {
  if (!find_setting_key(name)) {
    return usage_error("unknown setting '" + text::sanitize_for_terminal(name) + "'",
                       "the settings are: " + setting_names());
  }
  Config out = config;
  if (value) {
    out.settings[std::string(name)] = *value;
  } else {
    out.settings.erase(std::string(name));
  }
  // The new value was checked by parse_setting_value(); what fails here is
  // another setting already broken in the file.
  if (auto checked = settings_of(out, layout::kConfigFile); !checked) {
    return data_error(checked.error().message,
                      "replace it with `kith config KEY VALUE` or `kith config --unset KEY`");
  }
  return out;
}

}  // namespace kith
