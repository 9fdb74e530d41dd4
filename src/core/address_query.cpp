#include "core/address_query.h"

#include <algorithm>

#include "core/text.h"

namespace kith {
namespace {

bool fold_contains(std::string_view value, std::string_view folded_text) {
  return text::fold(value).find(folded_text) != std::string::npos;
}

// A contact found, with what orders it.
struct FoundContact {
  const Contact* contact;
  bool name_starts;  // its name starts with the text
  std::string folded_name;
};

}  // namespace

AddressQuery query_addresses(std::span<const Contact> contacts, std::span<const std::string> latin,
                             std::string_view text, bool include_archived) {
  const std::string wanted = text::fold(text::trim(text));
  std::vector<FoundContact> found;
  AddressQuery out;
  for (std::size_t i = 0; i < contacts.size(); ++i) {
    const Contact& c = contacts[i];
    if (c.archived && !include_archived) continue;
    const std::string_view latin_name =
        i < latin.size() ? std::string_view(latin[i]) : std::string_view();
    std::string folded_name = text::fold(c.name);
    const bool name_starts =
        folded_name.starts_with(wanted) || (!latin_name.empty() && latin_name.starts_with(wanted));
    const bool matches = name_starts || folded_name.find(wanted) != std::string::npos ||
                         c.id.find(wanted) != std::string::npos ||
                         latin_name.find(wanted) != std::string_view::npos ||
                         (c.company && fold_contains(*c.company, wanted)) ||
                         std::any_of(c.emails.begin(), c.emails.end(), [&](const std::string& e) {
                           return fold_contains(e, wanted);
                         });
    if (!matches) continue;
    ++out.contacts;
    const bool has_email = std::any_of(c.emails.begin(), c.emails.end(),
                                       [](const std::string& e) { return !text::trim(e).empty(); });
    if (!has_email) {
      ++out.contacts_without_email;
      continue;
    }
    found.push_back({&c, name_starts, std::move(folded_name)});
  }
  std::sort(found.begin(), found.end(), [](const FoundContact& a, const FoundContact& b) {
    if (a.name_starts != b.name_starts) return a.name_starts;
    if (a.folded_name != b.folded_name) return a.folded_name < b.folded_name;
    return a.contact->id < b.contact->id;
  });
  for (const FoundContact& f : found) {
    const Contact& c = *f.contact;
    std::string extra = c.company ? *c.company : c.role ? *c.role : std::string();
    for (const std::string& email : c.emails) {
      const std::string_view trimmed = text::trim(email);
      if (trimmed.empty()) continue;
      out.lines.push_back({std::string(trimmed), c.name, extra, c.id});
    }
  }
  return out;
}

}  // namespace kith
