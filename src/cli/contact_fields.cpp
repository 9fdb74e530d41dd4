#include "cli/contact_fields.h"

#include <algorithm>

#include "core/text.h"

namespace kith::cli {
namespace {

Status check_list(std::string_view option, const std::vector<std::string>& values) {
  for (const auto& v : values) {
    if (auto s = check_text(option, v); !s) return s;
  }
  return {};
}

void add_unique(std::vector<std::string>& list, const std::vector<std::string>& values) {
  for (const auto& v : values) {
    bool present = std::any_of(list.begin(), list.end(), [&](const std::string& have) {
      return text::fold(have) == text::fold(v);
    });
    if (!present) list.push_back(v);
  }
}

std::optional<std::string> non_empty(const std::optional<std::string>& s) {
  if (!s || s->empty()) return std::nullopt;
  return s;
}

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

void add_contact_field_options(CLI::App& sub, ContactFields& f) {
  sub.add_option("--email", f.emails, "Email address (repeatable)")->type_name("E");
  sub.add_option("--phone", f.phones, "Phone number (repeatable)")->type_name("P");
  sub.add_option("--company", f.company, "Company or organisation")->type_name("C");
  sub.add_option("--role", f.role, "Role or job title")->type_name("R");
  sub.add_option("--location", f.location, "City or place")->type_name("L");
  sub.add_option("--link", f.links, "A URL: profile, site (repeatable)")->type_name("URL");
  sub.add_option("--tag", f.tags, "A tag (repeatable)")->type_name("T");
  sub.add_option("--skill", f.skills, "What they know or can offer (repeatable)")->type_name("S");
  sub.add_option("--interest", f.interests, "What they care about or look for now (repeatable)")
      ->type_name("I");
  sub.add_option("--how-met", f.how_met, "How you met")->type_name("TEXT");
  sub.add_option("--met", f.met, "When you met")->type_name("DATE");
  sub.add_option("--every", f.every,
                 "How often to be in touch: 2w, 1m, 3m, quarterly, yearly, off…")
      ->type_name("DURATION");
  sub.add_option("--birthday", f.birthday, "Birthday: YYYY-MM-DD, or MM-DD without the year")
      ->type_name("DATE");
  sub.add_option("--note", f.note, "A free-text note")->type_name("TEXT");
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
    if (email.find('@') == std::string::npos || email.find(' ') != std::string::npos) {
      return usage_error("--email: '" + text::sanitize_for_terminal(email) +
                         "' is not an email address");
    }
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
  if (f.note && !text::is_valid_utf8(*f.note)) return usage_error("--note: not valid UTF-8");

  Contact updated = contact;
  if (f.met) {
    auto d = parse_date(*f.met, today, DateDirection::past);
    if (!d) return Error{ErrorKind::usage, "--met: " + d.error().message, d.error().hint};
    if (*d > today) return usage_error("--met: " + *f.met + " is in the future");
    updated.met_on = *d;
  }
  if (f.every) {
    auto d = parse_duration(*f.every, AllowOff::yes);
    if (!d) return Error{ErrorKind::usage, "--every: " + d.error().message, d.error().hint};
    updated.every = *d;
  }
  if (f.birthday) {
    std::string text = *f.birthday;
    if (text.size() == 5 && text[2] == '-') text = "--" + text;  // MM-DD
    auto b = parse_birthday(text);
    if (!b) return Error{ErrorKind::usage, "--birthday: " + b.error().message, b.error().hint};
    updated.birthday = *b;
  }
  if (f.company) updated.company = non_empty(f.company);
  if (f.role) updated.role = non_empty(f.role);
  if (f.location) updated.location = non_empty(f.location);
  if (f.how_met) updated.how_met = non_empty(f.how_met);
  if (f.note) updated.notes = non_empty(f.note);
  add_unique(updated.emails, f.emails);
  add_unique(updated.phones, f.phones);
  add_unique(updated.links, f.links);
  add_unique(updated.tags, f.tags);
  add_unique(updated.skills, f.skills);
  add_unique(updated.interests, f.interests);
  contact = std::move(updated);
  return {};
}

}  // namespace kith::cli
