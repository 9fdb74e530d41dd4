// LinkedIn's "Connections.csv", from Settings > Data privacy > Get a copy of
// your data.
#pragma once

#include <optional>
#include <string_view>

#include "core/dates.h"
#include "core/importer.h"
#include "core/status.h"

namespace kith {

// Reads a Connections.csv. The file may start with a byte order mark and a
// "Notes:" preamble; the header row
//   First Name,Last Name,URL,Email Address,Company,Position,Connected On
// is searched for (column names are matched case-insensitively, in any order;
// First Name, Last Name and URL are required). Each row becomes a record with
// the name, company, role (Position), email, the profile URL in links, met_on
// from Connected On, and the tag "linkedin". Rows of empty fields are passed
// over; a row that cannot be read (an unterminated quote, a wrong number of
// fields, no name, bytes that are not UTF-8) is skipped and reported with its
// line; a value that is not understood (a date, an email without '@') is
// left out with a warning. A usage error when no header row is found.
Result<ImportBatch> read_linkedin(std::string_view text, std::string_view file);

// A "Connected On" date: "12 Mar 2024", "7-Feb-22", "12-Mar-2024",
// "Mar 12, 2024" or "2024-03-12". Month names in English, abbreviated or in
// full, any case; a two-digit year is in the 2000s (LinkedIn started in 2003).
std::optional<Date> parse_linkedin_date(std::string_view text);

}  // namespace kith
