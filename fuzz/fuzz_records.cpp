// Fuzz target: the JSON record loaders (contact, interaction, profile,
// kith.json) on arbitrary bytes, and the round trip of whatever loads.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/model.h"
#include "core/records.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  auto json = kith::parse_json_document(input, "fuzz.json");
  if (!json) return 0;
  if (auto c = kith::contact_from_json(*json, "fuzz.json")) {
    // What loads must write back and load again to the same record.
    auto again = kith::contact_from_json(kith::to_json(*c), "again");
    if (!again || kith::to_json(*again) != kith::to_json(*c)) __builtin_trap();
    (void)kith::serialize_document(kith::to_json(*c));
  }
  if (auto i = kith::interaction_from_json(*json, "fuzz.json")) {
    auto again = kith::interaction_from_json(kith::to_json(*i), "again");
    if (!again || kith::to_json(*again) != kith::to_json(*i)) __builtin_trap();
    (void)kith::serialize_line(kith::to_json(*i));
  }
  if (auto p = kith::profile_from_json(*json, "fuzz.json")) (void)kith::to_json(*p);
  if (auto c = kith::config_from_json(*json, "fuzz.json")) {
    (void)kith::settings_of(*c, "fuzz.json");
    (void)kith::to_json(*c);
  }
  return 0;
}
