// Address completion for mail clients (`kith query`): the email addresses of
// the contacts a text finds, in the order a person picking one wants them.
// Pure: a function of the contacts.
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/model.h"

namespace kith {

// One address of a contact: one line of `kith query`.
struct AddressLine {
  std::string email;  // trimmed
  std::string name;   // the contact's name
  std::string extra;  // the contact's company, else its role, else empty
  std::string id;     // the contact's id
};

struct AddressQuery {
  std::vector<AddressLine> lines;
  std::size_t contacts = 0;                // the contacts the text finds
  std::size_t contacts_without_email = 0;  // of those, the ones with no address
};

// The addresses of the contacts that `text` finds. A contact is found when
// the text (text::fold: case and accents ignored; surrounding spaces
// trimmed) is part of its folded name, its id, its transliterated name
// (`latin`: text::latin_key of each contact's name, by index, as the read
// cache keeps it; empty when not known, or for a name in Latin letters),
// one of its emails, or its company. An empty text finds everyone.
// Archived contacts are left out unless `include_archived`.
//
// Every address of a contact found is one line, in the contact's order (its
// primary address first); a blank address is none. The contacts whose name
// (folded or transliterated) starts with the text come first, then the
// others; each group by folded name, then id.
AddressQuery query_addresses(std::span<const Contact> contacts, std::span<const std::string> latin,
                             std::string_view text, bool include_archived);

}  // namespace kith
