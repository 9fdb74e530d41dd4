// The reader of CSV files takes any bytes: with kith's columns, and with the
// headers Google Contacts (current and older) and Outlook export.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/contact_csv.h"
#include "core/text.h"

namespace {

// A header row of each address book export (shortened, the columns kith maps).
constexpr std::string_view kAddressBookHeaders[] = {
    "First Name,Middle Name,Last Name,Nickname,File As,Organization Name,Organization Title,"
    "Birthday,Notes,Labels,E-mail 1 - Label,E-mail 1 - Value,Phone 1 - Label,Phone 1 - Value,"
    "Address 1 - City,Address 1 - Region,Address 1 - Country,Website 1 - Value\n",
    "Name,Given Name,Additional Name,Family Name,Nickname,Birthday,Location,Notes,"
    "Group Membership,E-mail 1 - Type,E-mail 1 - Value,Phone 1 - Value,Organization 1 - Name,"
    "Organization 1 - Title,Website 1 - Value\n",
    "First Name,Middle Name,Last Name,Title,Web Page,Birthday,Notes,E-mail Address,"
    "E-mail 2 Address,Home Phone,Mobile Phone,Business Phone 2,Assistant's Phone,Home City,"
    "Company,Job Title,Business State,Categories\n",
};

}  // namespace

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

  // The same rows under an address book's header: every record read has a
  // UTF-8 name and writes back as kith's CSV, read again to as many records.
  const std::string_view header = kAddressBookHeaders[size % std::size(kAddressBookHeaders)];
  auto book = kith::read_contact_csv(std::string(header) + std::string(bytes), "book.csv");
  if (!book) __builtin_trap();
  contacts.clear();
  for (const auto& r : book->records) {
    if (r.contact.name.empty() || !kith::text::is_valid_utf8(r.contact.name)) __builtin_trap();
    contacts.push_back(r.contact);
  }
  auto book_again = kith::read_contact_csv(kith::write_contact_csv(contacts), "again.csv");
  if (!book_again || book_again->records.size() != contacts.size()) __builtin_trap();
  return 0;
}
