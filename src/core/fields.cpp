#include "core/fields.h"

#include <algorithm>
#include <array>
#include <set>

#include "core/text.h"

namespace kith {
namespace {

constexpr std::array<ListFieldInfo, 7> kFields = {{
    {ListField::emails, "email", &Contact::emails, &Profile::emails},
    {ListField::phones, "phone", &Contact::phones, nullptr},
    {ListField::links, "link", &Contact::links, nullptr},
    {ListField::tags, "tag", &Contact::tags, &Profile::tags},
    {ListField::skills, "skill", &Contact::skills, &Profile::skills},
    {ListField::interests, "interest", &Contact::interests, &Profile::interests},
    {ListField::goals, "goal", nullptr, &Profile::goals},
}};

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& ch : out) {
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
  }
  return out;
}

// `path` with each %XX escape decoded, when the result is UTF-8; else as it
// is, its escapes in lower case like the rest.
std::string percent_decoded(const std::string& path) {
  auto hex = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
  };
  std::string out;
  for (std::size_t i = 0; i < path.size(); ++i) {
    if (path[i] == '%' && i + 2 < path.size() && hex(path[i + 1]) >= 0 && hex(path[i + 2]) >= 0) {
      out += static_cast<char>(hex(path[i + 1]) * 16 + hex(path[i + 2]));
      i += 2;
    } else {
      out += path[i];
    }
  }
  return text::is_valid_utf8(out) ? out : path;
}

std::string email_key(std::string_view s) { return lower_ascii(text::trim(s)); }

std::string phone_key(std::string_view s) {
  const std::string folded = text::fold(text::trim(s));
  std::string digits;
  for (char ch : folded) {
    if (ch >= '0' && ch <= '9') digits += ch;
  }
  return digits.empty() ? folded : digits;
}

std::string link_key(std::string_view s) {
  if (std::string key = profile_url_key(s); !key.empty()) return key;
  std::string l = lower_ascii(text::trim(s));
  for (std::string_view scheme : {"https://", "http://"}) {
    if (l.starts_with(scheme)) {
      l.erase(0, scheme.size());
      break;
    }
  }
  while (!l.empty() && l.back() == '/') l.pop_back();
  return l;
}

std::string term_key(std::string_view s) {
  std::string key = text::normalize_term(s);
  return key.empty() ? text::fold(text::trim(s)) : key;
}

}  // namespace

std::span<const ListFieldInfo> list_fields() { return kFields; }

const ListFieldInfo& info(ListField field) { return kFields[static_cast<std::size_t>(field)]; }

std::string field_key(ListField field, std::string_view value) {
  switch (field) {
    case ListField::emails:
      return email_key(value);
    case ListField::phones:
      return phone_key(value);
    case ListField::links:
      return link_key(value);
    case ListField::tags:
    case ListField::skills:
    case ListField::interests:
    case ListField::goals:
      return term_key(value);
  }
  return std::string(value);
}

bool same_value(ListField field, std::string_view a, std::string_view b) {
  const std::string key = field_key(field, a);
  return !key.empty() && key == field_key(field, b);
}

std::size_t add_values(ListField field, std::vector<std::string>& list,
                       std::span<const std::string> values) {
  std::set<std::string, std::less<>> seen;
  for (const auto& have : list) seen.insert(field_key(field, have));
  std::size_t added = 0;
  for (const auto& v : values) {
    std::string key = field_key(field, v);
    if (key.empty() || !seen.insert(std::move(key)).second) continue;
    list.push_back(v);
    ++added;
  }
  return added;
}

std::size_t remove_values(ListField field, std::vector<std::string>& list, std::string_view value) {
  const std::string key = field_key(field, value);
  if (key.empty()) return 0;
  return std::erase_if(list,
                       [&](const std::string& have) { return field_key(field, have) == key; });
}

bool add_missing_values(Contact& into, const Contact& from) {
  if (&into == &from) return false;
  bool added = false;
  for (const ListFieldInfo& f : kFields) {
    if (f.in_contact && add_values(f.field, into.*f.in_contact, from.*f.in_contact) > 0) {
      added = true;
    }
  }
  return added;
}

bool add_missing_values(Profile& into, const Profile& from) {
  if (&into == &from) return false;
  bool added = false;
  for (const ListFieldInfo& f : kFields) {
    if (f.in_profile && add_values(f.field, into.*f.in_profile, from.*f.in_profile) > 0) {
      added = true;
    }
  }
  return added;
}

std::string profile_url_key(std::string_view url) {
  std::string u = lower_ascii(text::trim(url));
  for (std::string_view scheme : {"https://", "http://"}) {
    if (u.starts_with(scheme)) {
      u.erase(0, scheme.size());
      break;
    }
  }
  const auto slash = u.find('/');
  if (slash == std::string::npos) return {};
  std::string host = u.substr(0, slash);
  std::string path = u.substr(slash);
  if (host != "linkedin.com" && !host.ends_with(".linkedin.com")) return {};
  if (!path.starts_with("/in/")) return {};
  if (auto cut = path.find_first_of("?#"); cut != std::string::npos) path.erase(cut);
  while (!path.empty() && path.back() == '/') path.pop_back();
  path = percent_decoded(path);
  if (path.size() <= 4) return {};
  return "linkedin.com" + path;
}

}  // namespace kith
