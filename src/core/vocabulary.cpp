#include "core/vocabulary.h"

#include <array>

namespace kith {
namespace {

constexpr std::array<SettingKey, 4> kSettingKeys = {{
    {"every", "DURATION", "How often to be in touch with a contact that sets no cadence (3m)"},
    {"homework", "N", "New contacts to reach out to each month (1)"},
    {"daily", "N", "People `kith due` lists at most, the most pressing first (7)"},
    {"autocommit", "on|off", "In a git data directory, commit each change as it is made (on)"},
}};

constexpr std::array<std::string_view, 10> kKinds = {
    "coffee", "lunch", "call", "video", "email", "message", "meeting", "event", "intro", "other"};

constexpr std::array<std::string_view, 3> kShells = {"bash", "zsh", "fish"};

constexpr std::array<std::string_view, 10> kDates = {"today",    "yesterday", "tomorrow", "monday",
                                                     "tuesday",  "wednesday", "thursday", "friday",
                                                     "saturday", "sunday"};

constexpr std::array<std::string_view, 10> kDurations = {
    "2w", "1m", "3m", "6m", "1y", "weekly", "biweekly", "monthly", "quarterly", "yearly"};

}  // namespace

std::span<const SettingKey> setting_keys() { return kSettingKeys; }

const SettingKey* find_setting_key(std::string_view key) {
  for (const auto& s : kSettingKeys) {
    if (s.key == key) return &s;
  }
  return nullptr;
}

std::span<const std::string_view> standard_kinds() { return kKinds; }
std::span<const std::string_view> completion_shells() { return kShells; }
std::span<const std::string_view> suggested_dates() { return kDates; }
std::span<const std::string_view> suggested_durations() { return kDurations; }

}  // namespace kith
