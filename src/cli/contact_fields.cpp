#include "cli/contact_fields.h"

#include "core/text.h"

namespace kith::cli {
namespace {

Status check_list(std::string_view option, const std::vector<std::string>& values) {
  for (const auto& v : values) {
    if (auto s = check_text(option, v); !s) return s;
  }
  return {};
}

std::optional<std::string> non_empty(const std::optional<std::string>& s) {
  if (!s || s->empty()) return std::nullopt;
  return s;
}

Status remove_matching(ListField field, std::vector<std::string>& list,
                       const std::vector<std::string>& values, std::string_view owner) {
  const std::string_view what = info(field).name;
  for (const auto& value : values) {
    if (remove_values(field, list, value) > 0) continue;
    std::string has;
    for (const auto& have : list) {
      has += (has.empty() ? "" : ", ") + text::sanitize_for_terminal(have);
    }
    const std::string plural = std::string(what) + "s";
    return usage_error(
        std::string(owner) + " has no " + std::string(what) + " '" +
            text::sanitize_for_terminal(value) + "'",
        has.empty() ? std::string(owner) + " has no " + plural : "its " + plural + ": " + has);
  }
  return {};
}

bool is_default_word(const std::string& s) { return text::fold(s) == "default"; }

}  // namespace

Status check_text(std::string_view option, std::string_view value) {
  if (!text::is_valid_utf8(value)) {
    return usage_error(std::string(option) + ": not valid UTF-8");
  }
  if (value.find_first_not_of(" \t") == std::string_view::npos) {
    return usage_error(std::string(option) + ": empty value");
  }
  for (unsigned char ch : value) {
    if (ch < 0x20 || ch == 0x7f) {
      return usage_error(std::string(option) + ": control characters are not allowed in '" +
                         text::sanitize_for_terminal(value) + "'");
    }
  }
  return {};
}

Status check_email(std::string_view option, std::string_view value) {
  if (auto s = check_text(option, value); !s) return s;
  if (value.find('@') == std::string_view::npos || value.find(' ') != std::string_view::npos) {
    return usage_error(std::string(option) + ": '" + text::sanitize_for_terminal(value) +
                       "' is not an email address");
  }
  return {};
}

Result<std::string> check_note(std::string_view option, std::string_view value) {
  if (!text::is_valid_utf8(value)) return usage_error(std::string(option) + ": not valid UTF-8");
  for (unsigned char ch : value) {
    if ((ch < 0x20 && ch != '\n' && ch != '\r') || ch == 0x7f) {
      return usage_error(std::string(option) +
                             ": control characters other than line breaks are not allowed in '" +
                             text::sanitize_for_terminal(value) + "'",
                         "a tab or an escape sequence cannot be shown; use spaces");
    }
  }
  return text::normalize_note(value);
}

void add_contact_field_options(CLI::App& sub, ContactFields& f, FieldsFor purpose) {
  const bool edit = purpose == FieldsFor::edit;
  auto help = [&](const char* for_add, const char* for_edit) {
    return std::string(edit ? for_edit : for_add);
  };
  sub.add_option("--email", f.emails,
                 help("Email address (repeatable)", "Add an email address (repeatable)"))
      ->type_name("E");
  sub.add_option("--phone", f.phones,
                 help("Phone number (repeatable)", "Add a phone number (repeatable)"))
      ->type_name("P");
  sub.add_option("--company", f.company,
                 help("Company or organisation", "Company or organisation (\"\" clears it)"))
      ->type_name("C");
  sub.add_option("--role", f.role, help("Role or job title", "Role or job title (\"\" clears it)"))
      ->type_name("R");
  sub.add_option("--location", f.location, help("City or place", "City or place (\"\" clears it)"))
      ->type_name("L");
  sub.add_option("--link", f.links,
                 help("A URL: profile, site (repeatable)", "Add a URL: profile, site (repeatable)"))
      ->type_name("URL");
  sub.add_option("--tag", f.tags, help("A tag (repeatable)", "Add a tag (repeatable)"))
      ->type_name("T");
  sub.add_option("--skill", f.skills,
                 help("What they know or can offer (repeatable)",
                      "Add something they know or can offer (repeatable)"))
      ->type_name("S");
  sub.add_option("--interest", f.interests,
                 help("What they care about or look for now (repeatable)",
                      "Add something they care about or look for now (repeatable)"))
      ->type_name("I");
  sub.add_option("--how-met", f.how_met, help("How you met", "How you met (\"\" clears it)"))
      ->type_name("TEXT");
  sub.add_option("--met", f.met, help("When you met", "When you met (\"\" clears it)"))
      ->type_name("DATE");
  sub.add_option("--every", f.every,
                 help("How often to be in touch: 2w, 1m, 3m, quarterly, yearly, off…",
                      "How often to be in touch: 2w, 3m, yearly, off…; default: the setting"))
      ->type_name("DURATION");
  sub.add_option("--birthday", f.birthday,
                 help("Birthday: YYYY-MM-DD, or MM-DD without the year",
                      "Birthday: YYYY-MM-DD, or MM-DD without year (\"\" clears it)"))
      ->type_name("DATE");
  sub.add_option("--note", f.note, help("A free-text note", "The free-text note (\"\" clears it)"))
      ->type_name("TEXT");
}

void add_contact_removal_options(CLI::App& sub, ContactRemovals& r) {
  sub.add_option("--no-email", r.emails, "Remove an email address (repeatable)")->type_name("E");
  sub.add_option("--no-phone", r.phones, "Remove a phone number (repeatable)")->type_name("P");
  sub.add_option("--no-link", r.links, "Remove a URL (repeatable)")->type_name("URL");
  sub.add_option("--untag", r.tags, "Remove a tag (repeatable)")->type_name("T");
  sub.add_option("--no-skill", r.skills, "Remove a skill (repeatable)")->type_name("S");
  sub.add_option("--no-interest", r.interests, "Remove an interest (repeatable)")->type_name("I");
}

Status remove_from_list(ListField field, std::vector<std::string>& list,
                        const std::vector<std::string>& values, std::string_view owner) {
  std::vector<std::string> copy = list;
  if (auto s = remove_matching(field, copy, values, owner); !s) return s;
  list = std::move(copy);
  return {};
}

Status check_not_both(ListField field, std::string_view add_option,
                      const std::vector<std::string>& added, std::string_view remove_option,
                      const std::vector<std::string>& removed) {
  for (const auto& a : added) {
    for (const auto& r : removed) {
      if (same_value(field, a, r)) {
        return usage_error(std::string(add_option) + " and " + std::string(remove_option) +
                           " both name '" + text::sanitize_for_terminal(a) + "'");
      }
    }
  }
  return {};
}

Status apply_contact_removals(const ContactRemovals& r, const ContactFields& additions,
                              std::string_view owner, Contact& contact) {
  struct ListRemoval {
    ListField field;
    const char* add_option;
    const std::vector<std::string>* added;
    const char* remove_option;
    const std::vector<std::string>* removed;
  };
  const ListRemoval lists[] = {
      {ListField::emails, "--email", &additions.emails, "--no-email", &r.emails},
      {ListField::phones, "--phone", &additions.phones, "--no-phone", &r.phones},
      {ListField::links, "--link", &additions.links, "--no-link", &r.links},
      {ListField::tags, "--tag", &additions.tags, "--untag", &r.tags},
      {ListField::skills, "--skill", &additions.skills, "--no-skill", &r.skills},
      {ListField::interests, "--interest", &additions.interests, "--no-interest", &r.interests},
  };
  Contact updated = contact;
  for (const auto& l : lists) {
    if (auto s = check_not_both(l.field, l.add_option, *l.added, l.remove_option, *l.removed); !s) {
      return s;
    }
    auto& list = updated.*(info(l.field).in_contact);
    if (auto s = remove_matching(l.field, list, *l.removed, owner); !s) return s;
  }
  contact = std::move(updated);
  return {};
}

Status apply_contact_fields(const ContactFields& f, Date today, Contact& contact) {
  for (const auto& [option, values] :
       std::initializer_list<std::pair<const char*, const std::vector<std::string>*>>{
           {"--email", &f.emails},
           {"--phone", &f.phones},
           {"--link", &f.links},
           {"--tag", &f.tags},
           {"--skill", &f.skills},
           {"--interest", &f.interests}}) {
    if (auto s = check_list(option, *values); !s) return s;
  }
  for (const auto& email : f.emails) {
    if (auto s = check_email("--email", email); !s) return s;
  }
  for (const auto& [option, value] :
       std::initializer_list<std::pair<const char*, const std::optional<std::string>*>>{
           {"--company", &f.company},
           {"--role", &f.role},
           {"--location", &f.location},
           {"--how-met", &f.how_met}}) {
    if (*value && !value->value().empty()) {
      if (auto s = check_text(option, **value); !s) return s;
    }
  }
  std::optional<std::string> note;
  if (f.note) {
    auto checked = check_note("--note", *f.note);
    if (!checked) return checked.error();
    note = std::move(*checked);
  }

  Contact updated = contact;
  if (f.met && f.met->empty()) {
    updated.met_on.reset();
  } else if (f.met) {
    auto d = parse_date(*f.met, today, DateDirection::past);
    if (!d) return Error{ErrorKind::usage, "--met: " + d.error().message, d.error().hint};
    if (auto s = check_event_date("--met", *f.met, *d, today); !s) return s;
    if (*d > today) {
      return usage_error("--met: " + text::sanitize_for_terminal(*f.met) + " is in the future");
    }
    updated.met_on = *d;
  }
  if (f.every && (f.every->empty() || is_default_word(*f.every))) {
    updated.every.reset();
  } else if (f.every) {
    auto d = parse_duration(*f.every, AllowOff::yes);
    if (!d) return Error{ErrorKind::usage, "--every: " + d.error().message, d.error().hint};
    updated.every = *d;
  }
  if (f.birthday && f.birthday->empty()) {
    updated.birthday.reset();
  } else if (f.birthday) {
    std::string text = *f.birthday;
    if (text.size() == 5 && text[2] == '-') text = "--" + text;  // MM-DD
    auto b = parse_birthday(text);
    if (!b) {
      // Name the value as it was typed ("02-30"), not as it was read ("--02-30").
      std::string message = b.error().message;
      if (text != *f.birthday) {
        const std::string read = "'" + text + "'";
        if (auto at = message.find(read); at != std::string::npos) {
          message.replace(at, read.size(), "'" + text::sanitize_for_terminal(*f.birthday) + "'");
        }
      }
      return Error{ErrorKind::usage, "--birthday: " + message, b.error().hint};
    }
    if (b->year) {
      const Date born{date::year{*b->year} / date::month{b->month} / date::day{b->day}};
      if (born > today) {
        return usage_error("--birthday: " + format_birthday(*b) + " is in the future",
                           "give the year of birth, or --birthday MM-DD when you do not know it");
      }
    }
    updated.birthday = *b;
  }
  if (f.company) updated.company = non_empty(f.company);
  if (f.role) updated.role = non_empty(f.role);
  if (f.location) updated.location = non_empty(f.location);
  if (f.how_met) updated.how_met = non_empty(f.how_met);
  if (note) updated.notes = non_empty(note);
  add_values(ListField::emails, updated.emails, f.emails);
  add_values(ListField::phones, updated.phones, f.phones);
  add_values(ListField::links, updated.links, f.links);
  add_values(ListField::tags, updated.tags, f.tags);
  add_values(ListField::skills, updated.skills, f.skills);
  add_values(ListField::interests, updated.interests, f.interests);
  contact = std::move(updated);
  return {};
}

}  // namespace kith::cli
