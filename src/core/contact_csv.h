// Contacts as CSV with kith's own columns, for spreadsheets and scripts:
// what `kith export csv` writes and `kith import csv` reads (which also
// reads Google's and Outlook's exports, through address_book_csv.h).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/importer.h"
#include "core/model.h"
#include "core/status.h"

namespace kith {

// The columns export writes, in order: id, name, emails, phones, company,
// role, location, links, tags, skills, interests, how_met, met_on, every,
// birthday, notes, added_on, archived, snoozed_until.
const std::vector<std::string_view>& contact_csv_columns();

// A header row and one row per contact (RFC 4180, CRLF). Lists are joined
// with "; ", dates are YYYY-MM-DD, archived is true or false.
std::string write_contact_csv(const std::vector<Contact>& contacts);

// Reads a CSV file whose first row names kith fields, in any order and any
// subset, as long as `name` is there. Column names are matched
// case-insensitively, with ' ' or '-' for '_' and a few common spellings
// (email, phone, link or url, tag, skill, interest, note, met, bday). Lists
// are split on ';'. A header naming an unknown or repeated column is a usage
// error, unless the header is one that Google Contacts or Outlook exports:
// such a file is read by read_address_book_csv (address_book_csv.h). The
// hint of an unknown column names kith's columns and says that those
// exports are recognised too. A row with more fields than the header, no name, text that is not
// UTF-8, or a value that does not validate (id, email, date, duration,
// birthday, archived) is skipped and reported with its line; fewer fields
// than the header leave the missing ones empty.
Result<ImportBatch> read_contact_csv(std::string_view text, std::string_view file);

}  // namespace kith
