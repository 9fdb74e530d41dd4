// write_vcards: contacts as vCard 4.0 (the reader is vcard.cpp).
#include "core/contentline.h"
#include "core/text.h"
#include "core/vcard.h"

namespace kith::vcard {
namespace {

std::string family_and_given(std::string_view name) {
  std::string_view n = text::trim(name);
  const auto space = n.find_last_of(' ');
  if (space == std::string_view::npos) return contentline::escape_text(n) + ";;;;";
  return contentline::escape_text(text::trim(n.substr(space + 1))) + ";" +
         contentline::escape_text(text::trim(n.substr(0, space))) + ";;;";
}

std::string birthday_value(const Birthday& b) {
  const std::string iso = format_birthday(b);  // YYYY-MM-DD or --MM-DD
  if (b.year) return iso.substr(0, 4) + iso.substr(5, 2) + iso.substr(8, 2);
  return "--" + iso.substr(2, 2) + iso.substr(5, 2);
}

}  // namespace

std::string write_vcards(const std::vector<Contact>& contacts) {
  using contentline::escape_text;
  using contentline::fold;
  std::string out;
  for (const Contact& c : contacts) {
    auto text_line = [&](std::string_view name, std::string_view value) {
      out += fold(std::string(name) + ":" + escape_text(value));
    };
    out += fold("BEGIN:VCARD");
    out += fold("VERSION:4.0");
    std::string uid = "kith:" + c.id;
    if (auto it = c.extra.find("vcard_uid"); it != c.extra.end() && it->is_string()) {
      uid = it->get<std::string>();
    }
    out += fold("UID:" + contentline::strip_controls(uid));
    text_line("FN", c.name);
    out += fold("N:" + family_and_given(c.name));
    for (const auto& e : c.emails) text_line("EMAIL", e);
    for (const auto& p : c.phones) text_line("TEL", p);
    if (c.company) text_line("ORG", *c.company);
    if (c.role) text_line("TITLE", *c.role);
    if (c.location) out += fold("ADR:;;;" + escape_text(*c.location) + ";;;");
    for (const auto& link : c.links) out += fold("URL:" + contentline::strip_controls(link));
    if (!c.tags.empty()) {
      std::string value;
      for (const auto& tag : c.tags) value += (value.empty() ? "" : ",") + escape_text(tag);
      out += fold("CATEGORIES:" + value);
    }
    for (const auto& s : c.skills) text_line("EXPERTISE", s);
    for (const auto& i : c.interests) text_line("INTEREST", i);
    if (c.birthday) out += fold("BDAY:" + birthday_value(*c.birthday));
    if (c.notes) text_line("NOTE", *c.notes);
    out += fold("END:VCARD");
  }
  return out;
}

}  // namespace kith::vcard
