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
      // Every read of the packed tables stays inside them.
      for (const auto& [name, d] : log->months) {
        for (std::size_t k = 0; k < d.tables.entry_count(); ++k) {
          const auto e = d.tables.entry(k);
          for (std::uint32_t r = 0; r < e.count && r < 4; ++r) (void)d.tables.ref(e.first + r);
        }
        (void)d.tables.refs();
        (void)d.tables.has_id_hash(kith::cache::hash_id("ada"));
        (void)d.tables.mentions(0);
      }
      // Interning scans, then indexes every decoded id, and finds or adds one.
      for (int k = 0; k < 10; ++k) (void)log->intern("ada");
      if (!log->ids.empty()) (void)log->intern(log->ids.front());
    }
  }
  return 0;
}
