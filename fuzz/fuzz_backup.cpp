// The reader of kith's JSON export takes any bytes.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/backup.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  (void)kith::element_lines(text, "contacts");
  auto batch = kith::read_export(text, "fuzz.json");
  if (!batch) return 0;
  (void)kith::plan_import(kith::Network{}, std::move(*batch), kith::MergePolicy::restore,
                          kith::Date{date::days{20000}});
  return 0;
}
