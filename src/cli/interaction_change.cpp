#include "cli/interaction_change.h"

#include "cli/output.h"
#include "core/contacts.h"
#include "core/logbook.h"
#include "core/text.h"

namespace kith::cli {

Result<std::optional<Interaction>> interaction_named(const Store& store, std::string_view ref) {
  // Files and lines that cannot be read are worked around here: the
  // command reads again, whole, what it changes.
  std::vector<Unreadable> unreadable;
  auto contacts = store.load_contacts(nullptr, &unreadable);
  if (!contacts) return contacts.error();
  auto contact = resolve_contact(*contacts, ref, Scope::all, unreadable);
  const bool no_contact =
      !contact && (contact.error().message.starts_with("no contact matches") ||
                   contact.error().message.starts_with("no contact kith can read matches"));
  if (!no_contact) return std::optional<Interaction>();
  if (!is_valid_interaction_id(ref)) return contact.error();
  std::vector<std::string> warnings;
  auto interactions = store.load_interactions(warnings, &unreadable);
  if (!interactions) return interactions.error();
  auto found = find_interaction(*interactions, ref);
  if (!found) {
    if (found.error().message.starts_with("no interaction matches")) {
      if (!unreadable.empty()) {
        return data_error(
            "no contact or interaction kith can read matches '" + clean(ref) +
                "'; it may be in what kith cannot read: " + unreadable.front().error.message,
            "fix it by hand (kith never overwrites a file it cannot read); "
            "`kith doctor` checks every file");
      }
      return usage_error("no contact matches '" + clean(ref) + "', nor any interaction",
                         "`kith list` shows the contacts; `kith show CONTACT` their interactions "
                         "with their ids");
    }
    return found.error();
  }
  return std::optional<Interaction>(**found);
}

std::string interaction_label(const Interaction& i, const std::vector<Contact>& contacts) {
  std::vector<std::string> names;
  for (const auto& id : i.contacts) {
    auto it = std::find_if(contacts.begin(), contacts.end(),
                           [&](const Contact& c) { return c.id == id; });
    names.push_back(clean(it == contacts.end() ? id : it->name));
  }
  std::string label = short_interaction_id(i.id) + " (" + format_date(i.date) + ", " +
                      clean(i.kind) + ", " + std::string(to_string(i.intent)) + ", with " +
                      join(names);
  if (i.note) label += ": " + clean(text::split_lines(*i.note).front());
  return label + ")";
}

}  // namespace kith::cli
