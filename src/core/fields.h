// The list fields of a contact and of your profile (emails, phones, links,
// tags, skills, interests, goals) and when two values of one are the same
// value: each field's equality key. `kith add`, `kith edit`, `kith me` and
// the import plan (importer.h) all add and remove through these, so that a
// value one of them takes for one already kept is one for all of them.
//
// The keys (field_key), for values that are not blank:
//   emails   trimmed; ASCII letters without regard to case, other characters
//            as written: " Ada@Example.ORG" == "ada@example.org".
//   phones   the digits alone (after text::fold, so full-width digits count):
//            a leading '+', spaces, dots, dashes and parentheses do not
//            matter, so "+1 (555) 010-0" == "1-555-0100" == "+15550100"; a
//            value with no digit at all: its folded, trimmed text.
//   links    a LinkedIn profile: profile_url_key ("linkedin.com/in/ada");
//            any other URL: trimmed, ASCII letters without regard to case,
//            without a leading "http://" or "https://" and trailing '/':
//            "HTTPS://Example.org/" == "example.org".
//   tags, skills, interests, goals
//            the term as text::normalize_term makes it: case, accents,
//            spaces, '-' and '_' and a trailing plural 's' do not matter,
//            so "APIs" == "api" and "Machine-Learning" == "machine learning";
//            a term that normalises to nothing ("-", "_") keeps its folded,
//            trimmed text as its key.
// A blank value (nothing but white space) has the empty key: it is the same
// as nothing, is never added and removes nothing.
//
// Everything here is pure and the functions never fail.
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/model.h"

namespace kith {

enum class ListField { emails, phones, links, tags, skills, interests, goals };

// What kith knows of one list field.
struct ListFieldInfo {
  ListField field;
  std::string_view name;  // singular, for messages: "email", "phone", "skill"…
  // The list in a Contact; nullptr for goals, which only the profile has.
  std::vector<std::string> Contact::*in_contact;
  // The list in a Profile; nullptr for phones and links.
  std::vector<std::string> Profile::*in_profile;
};

// Every list field, in the order of ListField.
std::span<const ListFieldInfo> list_fields();
const ListFieldInfo& info(ListField field);

// The equality key of `value` in `field` (see the top of this file). Two
// values are the same value when their keys are equal and not empty.
std::string field_key(ListField field, std::string_view value);
bool same_value(ListField field, std::string_view a, std::string_view b);

// Appends to `list`, in order, each of `values` that is not blank and not the
// same value as an entry of `list` or a value appended before it. The value
// kept is always the one written first: the entry in `list`, or the first of
// several equal `values`. Returns how many were appended. Each key is
// computed once, so that thousands of values stay fast.
std::size_t add_values(ListField field, std::vector<std::string>& list,
                       std::span<const std::string> values);

// Removes every entry of `list` that is the same value as `value`, and
// returns how many went (0 when none matched, or `value` is blank).
std::size_t remove_values(ListField field, std::vector<std::string>& list, std::string_view value);

// Adds to each list of `into` the values of `from`'s same list that it lacks
// (add_values, so `into`'s spellings stay). True when anything was added.
bool add_missing_values(Contact& into, const Contact& from);
bool add_missing_values(Profile& into, const Profile& from);

// The matching key of a LinkedIn profile URL ("linkedin.com/in/ada-l"), or
// empty when `url` is not one. Scheme, "www." and country subdomains, case,
// a query, a fragment and a trailing slash are ignored.
std::string profile_url_key(std::string_view url);

}  // namespace kith
