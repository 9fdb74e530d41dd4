// LinkedIn's Connections.csv reader takes any bytes, with or without a header.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/importer.h"
#include "core/linkedin.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  (void)kith::parse_linkedin_date(bytes);
  (void)kith::read_linkedin(bytes, "fuzz.csv");
  const std::string with_header =
      "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n" + std::string(bytes);
  auto batch = kith::read_linkedin(with_header, "fuzz.csv");
  if (!batch) __builtin_trap();  // a header is there: never a whole-file error
  (void)kith::plan_import(kith::Network{}, std::move(*batch), kith::MergePolicy::update,
                          kith::Date{date::days{20000}});
  return 0;
}
