// vCard, as Google Contacts, Apple Contacts and CardDAV tools write it
// (3.0, RFC 2426; 4.0, RFC 6350) and as Android and older phones export it
// (2.1): reading cards into import records (vcard.cpp), and writing contacts
// as vCard 4.0 (vcard_write.cpp).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/dates.h"
#include "core/importer.h"
#include "core/model.h"
#include "core/status.h"

namespace kith::vcard {

// Bounds that keep a hostile file cheap.
inline constexpr std::size_t max_properties = 10000;  // per card
inline constexpr std::size_t max_params = 100;        // per property

// One content line, unfolded: [group.]NAME;PARAM=VALUE...:value
struct Property {
  std::string group;  // "item1" in "item1.EMAIL", or empty
  std::string name;   // upper case: "EMAIL"
  // Parameter names in upper case; values with their quotes removed. A bare
  // value (vCard 2.1 "TEL;CELL:") is read as TYPE=value.
  std::vector<std::pair<std::string, std::string>> params;
  std::string value;  // as written: escapes are resolved by whoever reads it
  int line = 0;       // where the content line starts

  // The value of the first parameter called `name` (upper case); nullopt when absent.
  std::optional<std::string> param(std::string_view name) const;
};

struct Card {
  int line = 0;  // the line of BEGIN:VCARD
  std::vector<Property> properties;
  std::string error;  // non-empty: the card is malformed ("no END:VCARD")
};

// Splits `text` into cards. Lines are unfolded (a line starting with a space
// or a tab continues the one before) and may end in CRLF, LF or CR; a UTF-8
// byte order mark is skipped. As vCard 2.1 writes them, a QUOTED-PRINTABLE
// line ending in "=" (a soft line break) continues on the next line as it is,
// the "=" removed, unless that line begins or ends a card; and a BASE64 value
// continues on the unindented lines of base64 characters after it, up to a
// blank line or a content line. Values are kept as written (not decoded). Lines outside
// BEGIN:VCARD/END:VCARD and lines that are not content lines are passed over; nested cards
// (vCard 2.1 AGENT) are ignored. Total: any byte string gives a list of cards.
std::vector<Card> parse(std::string_view text);

// A BDAY value: YYYY-MM-DD, YYYYMMDD (a time after 'T' is ignored), --MMDD or
// --MM-DD without a year. `omit_year` is Apple's X-APPLE-OMIT-YEAR parameter:
// when it names the year, the year is unknown. nullopt for anything else.
std::optional<Birthday> parse_birthday_value(std::string_view value,
                                             std::optional<std::string_view> omit_year = {});

// Reads vCards into import records. Mapped: FN (else N, else ORG, else the
// first EMAIL) to the name, every EMAIL and TEL (a "tel:" or "mailto:" URI
// reduced to its number or address), ORG (its first component) to company,
// TITLE (else ROLE) to role, the first ADR's locality (else region, else
// country) to location, URL to links, CATEGORIES to tags, EXPERTISE to
// skills, INTEREST and HOBBY to interests (RFC 6715), NOTE to notes, BDAY to
// birthday, UID for matching (a UID "kith:<id>", as kith writes it, names the
// contact's id instead). Before mapping, a value with ENCODING=QUOTED-PRINTABLE
// (or vCard 2.1's bare QUOTED-PRINTABLE) is decoded, and one with a CHARSET
// is converted to UTF-8 (charset.h); structured values (N, ADR, ORG) are split
// after that. Values without a CHARSET must be UTF-8. A card that is
// malformed, has no name, has a mapped value with a bad quoted-printable
// escape, an unknown CHARSET or bytes not valid in its CHARSET ("N (line 14)
// is not valid ISO-8859-1"), or holds bytes that are not UTF-8 is skipped
// with its line and that reason; other properties (PHOTO, X-…) are never
// decoded. A BDAY that is not understood is left out with a warning. A usage error when the text
// holds no BEGIN:VCARD at all.
Result<ImportBatch> read_vcards(std::string_view text, std::string_view file);

// The contacts as one vCard 4.0 file: CRLF line ends, lines folded at 75
// octets, text escaped. Mapped: the fields read_vcards reads (UID is the
// contact's kept "vcard_uid", else "kith:<id>"). N is made from the name:
// the last word as the family name, the words before it as given names.
std::string write_vcards(const std::vector<Contact>& contacts);

}  // namespace kith::vcard
