// Contacts that are likely one person: what `kith dupes` lists, and what an
// import counts as possible duplicates. Pure: a function of the contacts.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/model.h"

namespace kith {

// Why a group of contacts looks like one person, most certain first.
enum class DupeReason {
  email,  // an email in common (fields.h's key: case aside)
  url,    // a LinkedIn profile in common (profile_url_key)
  phone,  // a phone in common (identity.h's phone_match_key)
  name,   // the same name (identity.h's name_key: case, accents, punctuation aside)
  // The same name once written in Latin letters (transliterate.h): "Дмитрий
  // Иванов" and "Dmitrii Ivanov".
  transliterated_name,
  // The same first and last word of the name (in Latin letters), one with a
  // middle name or initial the other lacks, or with an initial for the
  // other's middle name ("Ada Lovelace", "Ada B. Lovelace", "Ada Byron
  // Lovelace"). Two different middle names ("Ada Byron Lovelace", "Ada King
  // Lovelace") are no reason.
  first_and_last_name,
};
// "email", "url", "phone", "name", "transliterated", "first-last"
std::string_view to_string(DupeReason reason);

struct DupeGroup {
  DupeReason reason;
  std::string value;             // what they share, as the first of them writes it
  std::vector<std::size_t> who;  // indexes into the contacts, in their order; two or more
  // The `kith merge KEEP OTHER...` that makes one contact of the group, once
  // the lines of the groups before it ran: `keep` the contact to keep, and
  // `others` those to merge into it (a contact merged by an earlier line is
  // named by the one it was merged into). Kept is the one not archived,
  // then the one with the most values (fields set, list values, job
  // changes), then the one added first, then the first in `contacts`.
  std::size_t keep = 0;
  std::vector<std::size_t> others;
};

// The groups of likely duplicates among `contacts` (archived ones included),
// most certain reason first, then in the order of their first member. A
// contact sharing a key with others is grouped by the most certain reason;
// a weaker reason makes a group only when it joins contacts that no stronger
// group already joined, so one pair is never listed twice.
//
// `latin`, when given, holds text::latin_key of each contact's name (as
// Store::load_contacts gives it from the read cache); else the names in
// other scripts are transliterated here (building ICU's transform costs
// some hundred milliseconds).
std::vector<DupeGroup> find_dupes(const std::vector<Contact>& contacts,
                                  std::span<const std::string> latin = {});

}  // namespace kith
