// The reader of CSV files with kith's columns takes any bytes.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/contact_csv.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  (void)kith::read_contact_csv(bytes, "fuzz.csv");
  const std::string with_header =
      "id,name,emails,met_on,every,birthday,archived,notes\n" + std::string(bytes);
  auto batch = kith::read_contact_csv(with_header, "fuzz.csv");
  if (!batch) __builtin_trap();  // a valid header is there: never a whole-file error
  // What was read writes back and reads the same.
  std::vector<kith::Contact> contacts;
  for (const auto& r : batch->records) contacts.push_back(r.contact);
  auto again = kith::read_contact_csv(kith::write_contact_csv(contacts), "again.csv");
  if (!again || again->records.size() != contacts.size()) __builtin_trap();
  return 0;
}
