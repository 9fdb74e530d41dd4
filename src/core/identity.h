// When two records name the same person, the same company or the same role:
// the keys `kith import` matches and compares by (importer.h), and that the
// occasions read to tell a promotion from a move.
//
// Every key is pure and never fails; an empty key matches nothing.
#pragma once

#include <string>
#include <string_view>

namespace kith {

// A person's name as import matches it: text::fold (case and accents
// aside), apostrophes and dots dropped, every other run of ASCII
// punctuation and white space one space, trimmed:
//   "José  Núñez" == "jose nunez", "O'Brien, Pat" == "obrien pat".
std::string name_key(std::string_view name);

// A company name as kith compares it: case, accents and punctuation aside
// (dots and apostrophes dropped, other punctuation a space), a leading "the"
// and trailing legal forms dropped — Inc, Incorporated, LLC, LLP, LP, Ltd,
// Limited, GmbH, AG, KG, UG, SE, SA, SAS, SARL, SRL, SL, SpA, BV, NV, Corp,
// Corporation, Co, Company, PLC, Pty, Pte, Oy, Oyj, AB, AS, ASA, ApS, KK —
// as long as one word is left:
//   "Acme" == "Acme Inc." == "ACME, Inc." == "The Acme Company";
//   "Siemens AG" == "Siemens"; "Co" stays "co".
std::string company_key(std::string_view company);
bool same_company(std::string_view a, std::string_view b);

// A role as kith compares it: case, accents and punctuation aside, so that
// "Sr. Engineer" == "sr engineer".
std::string role_key(std::string_view role);
bool same_role(std::string_view a, std::string_view b);

// A phone number as import matches it: its last nine digits (a country code
// or a trunk '0' in front does not matter, so "+44 20 7946 0000" matches
// "020 7946 0000"), or all of them when it has fewer; empty when it has
// fewer than six, too short to tell people apart.
std::string phone_match_key(std::string_view phone);

}  // namespace kith
