// The CSV files address books export: Google Contacts ("Google CSV", its
// current header and the older one) and Outlook. read_contact_csv
// (contact_csv.h) hands a file over when its header row is one of these.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/csv.h"
#include "core/importer.h"

namespace kith {

enum class AddressBookFormat {
  google,        // First Name, Middle Name, Last Name, …, Labels, E-mail 1 - Value, …
  google_older,  // Name, Given Name, Additional Name, Family Name, …, Group Membership, …
  outlook,       // First Name, Middle Name, Last Name, Title, …, E-mail Address, …, Categories
};

// The format a header row is in, by its column names (compared ignoring case
// and surrounding spaces); nullopt when it is none of them. Google's older
// header has Given Name and Family Name; the current one First Name and Last
// Name with one of Labels, File As, Organization Name, E-mail 1 - Value or
// Phone 1 - Value; Outlook's First Name and Last Name with one of E-mail
// Address, Job Title, Mobile Phone, Business Phone, Home Phone, Categories or
// Web Page. (LinkedIn's Connections.csv is none of these.)
std::optional<AddressBookFormat> address_book_format(const std::vector<std::string>& header);

// Reads the rows after rows[header] (a header address_book_format
// recognised). Columns are found by name, in any order; the others are
// passed over. Mapped:
//   - name: First/Given Name, Middle/Additional Name and Last/Family Name
//     joined; else Name (Google's older header), else File As, else
//     Nickname, else the company, else the first email;
//   - emails: every E-mail N - Value, E-mail Address and E-mail N Address;
//   - phones: every Phone N - Value, and Outlook's phone columns (Mobile
//     Phone, Home Phone, Business Phone 2, …: names ending in "Phone" or
//     "Phone N", except Assistant's Phone);
//   - links: every Website N - Value and Web Page;
//   - company: Organization Name, Organization 1 - Name or Company;
//   - role: Organization Title, Organization 1 - Title or Job Title
//     (Outlook's Title is an honorific: not read);
//   - location: the first city of an address (Address N - City, Home City,
//     Business City…), else its region or state, else its country;
//   - birthday: YYYY-MM-DD, --MM-DD (no year) or Outlook's M/D/YYYY; its
//     "0/0/00" is no birthday;
//   - notes: Notes, line breaks as LF;
//   - tags: Labels and Group Membership split on " ::: ", without the
//     system labels that start with "* " (* myContacts, * starred);
//     Categories split on ';'.
// Google writes several values in one cell separated by " ::: "; each is
// kept. An email without '@' (or with a space, ';' or ',') or a birthday not in those
// forms is left out with a warning on the row's line. A row that is
// malformed, has more fields than the header, holds a mapped value that is
// not UTF-8, or has no name is skipped with its line.
ImportBatch read_address_book_csv(const std::vector<csv::Record>& rows, std::size_t header,
                                  std::string_view file);

}  // namespace kith
