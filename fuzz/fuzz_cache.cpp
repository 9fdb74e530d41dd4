// Fuzz target: the read cache decoders on arbitrary bytes. Each input is
// tried as it is and with a valid checksum appended, so that the decoders
// behind the checksum are reached too; any outcome but a crash is fine.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "core/cache.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string input(reinterpret_cast<const char*>(data), size);
  (void)kith::cache::decode_contact(input);
  (void)kith::cache::decode_contact_head(input);
  const std::uint64_t sum = kith::cache::checksum(input);
  const std::string summed = input + std::string(reinterpret_cast<const char*>(&sum), sizeof sum);
  for (const std::string* bytes : {&input, &summed}) {
    if (auto contacts = kith::cache::ContactsCache::decode(*bytes, "/data")) {
      for (const auto& e : contacts->entries()) {
        (void)kith::cache::decode_contact(e.record);
        (void)kith::cache::decode_contact_head(e.record);
      }
    }
    if (auto log = kith::cache::decode_log(*bytes, "/data")) {
      // Interning indexes every decoded id, then finds or adds one.
      (void)log->intern("ada");
      if (!log->ids.empty()) (void)log->intern(log->ids.front());
    }
  }
  return 0;
}
