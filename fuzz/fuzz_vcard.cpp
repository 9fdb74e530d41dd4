// The vCard reader takes any bytes; the cards it reads plan into an import
// and write back as vCard 4.0 that reads to the same names.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/importer.h"
#include "core/vcard.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  (void)kith::vcard::parse(text);
  auto batch = kith::vcard::read_vcards(text, "fuzz.vcf");
  if (!batch) return 0;
  std::vector<kith::Contact> contacts;
  for (const auto& r : batch->records) {
    kith::Contact c = r.contact;
    c.id = "c" + std::to_string(contacts.size());
    contacts.push_back(std::move(c));
  }
  auto again = kith::vcard::read_vcards(kith::vcard::write_vcards(contacts), "again.vcf");
  if (!contacts.empty() && (!again || again->records.size() != contacts.size())) __builtin_trap();
  for (std::size_t i = 0; again && i < contacts.size(); ++i) {
    if (again->records[i].contact.name != contacts[i].name) __builtin_trap();
  }
  (void)kith::plan_import(kith::Network{}, std::move(*batch), kith::MergePolicy::update,
                          kith::Date{date::days{20000}});
  return 0;
}
