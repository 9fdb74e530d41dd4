#include "core/address_book_csv.h"

#include <algorithm>

#include "core/dates.h"
#include "core/text.h"

namespace kith {
namespace address_book {
namespace {

enum class Field {
  ignored,
  given,
  middle,
  family,
  full_name,  // Google's older "Name"
  file_as,
  nickname,
  email,
  phone,
  link,
  company,
  role,
  city,
  region,
  country,
  birthday,
  notes,
  labels,      // Google: " ::: " between labels
  categories,  // Outlook: ';' between categories
};

std::string key_of(std::string_view header_cell) {
  std::string out(text::trim(header_cell));
  for (char& ch : out) {
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
  }
  return out;
}

bool is_number(std::string_view s) {
  return !s.empty() && s.size() <= 3 &&
         std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// "<prefix> N<suffix>", as in "e-mail 2 - value".
bool numbered(std::string_view key, std::string_view prefix, std::string_view suffix) {
  if (!key.starts_with(prefix) || !key.ends_with(suffix) ||
      key.size() < prefix.size() + suffix.size()) {
    return false;
  }
  return is_number(key.substr(prefix.size(), key.size() - prefix.size() - suffix.size()));
}

// Outlook's phone columns: "mobile phone", "business phone 2", "tty/tdd phone";
// not the assistant's.
bool is_outlook_phone(std::string_view key) {
  if (key.starts_with("assistant")) return false;
  if (key.ends_with(" phone")) return true;
  const auto space = key.rfind(' ');
  return space != std::string_view::npos && is_number(key.substr(space + 1)) &&
         key.substr(0, space).ends_with(" phone");
}

Field field_of(std::string_view key) {
  static const std::vector<std::pair<std::string_view, Field>> exact = {
      {"first name", Field::given},
      {"given name", Field::given},
      {"middle name", Field::middle},
      {"additional name", Field::middle},
      {"last name", Field::family},
      {"family name", Field::family},
      {"name", Field::full_name},
      {"file as", Field::file_as},
      {"nickname", Field::nickname},
      {"e-mail address", Field::email},
      {"web page", Field::link},
      {"organization name", Field::company},
      {"organization 1 - name", Field::company},
      {"company", Field::company},
      {"organization title", Field::role},
      {"organization 1 - title", Field::role},
      {"job title", Field::role},
      {"birthday", Field::birthday},
      {"notes", Field::notes},
      {"labels", Field::labels},
      {"group membership", Field::labels},
      {"categories", Field::categories},
  };
  for (const auto& [name, field] : exact) {
    if (key == name) return field;
  }
  if (numbered(key, "e-mail ", " - value") || numbered(key, "e-mail ", " address")) {
    return Field::email;
  }
  if (numbered(key, "phone ", " - value") || is_outlook_phone(key)) return Field::phone;
  if (numbered(key, "website ", " - value")) return Field::link;
  const bool address = key.starts_with("address ") || key.starts_with("home ") ||
                       key.starts_with("business ") || key.starts_with("other ");
  if (address && key.ends_with(" city")) return Field::city;
  if (address && key.find("country") != std::string_view::npos) return Field::country;
  if (address && (key.ends_with(" region") || key.ends_with(" state"))) return Field::region;
  return Field::ignored;
}

bool has(const std::vector<std::string>& keys, std::initializer_list<std::string_view> any_of) {
  return std::any_of(any_of.begin(), any_of.end(), [&](std::string_view k) {
    return std::find(keys.begin(), keys.end(), k) != keys.end();
  });
}

// Google's cells hold several values with " ::: " between them.
std::vector<std::string> split_on(std::string_view cell, std::string_view separator) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (;;) {
    const std::size_t end = cell.find(separator, start);
    std::string item = one_line(
        cell.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    if (!item.empty()) out.push_back(std::move(item));
    if (end == std::string_view::npos) break;
    start = end + separator.size();
  }
  return out;
}

std::string lf_line_breaks(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '\r') {
      out += s[i];
    } else if (i + 1 >= s.size() || s[i + 1] != '\n') {
      out += '\n';
    }
  }
  return out;
}

// A birthday cell: YYYY-MM-DD, --MM-DD, or Outlook's M/D/YYYY; nullopt for
// anything else.
std::optional<Birthday> iso_birthday(std::string_view v) {
  auto b = parse_birthday(v);
  if (!b) return std::nullopt;
  return *b;
}

std::optional<Birthday> birthday_of(std::string_view v) {
  if (v.find('/') == std::string_view::npos) return iso_birthday(v);
  std::vector<std::string> parts;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= v.size(); ++i) {
    if (i == v.size() || v[i] == '/') {
      parts.emplace_back(v.substr(start, i - start));
      start = i + 1;
    }
  }
  if (parts.size() != 3 || !is_number(parts[0]) || parts[0].size() > 2 || !is_number(parts[1]) ||
      parts[1].size() > 2 || parts[2].size() != 4 ||
      !std::all_of(parts[2].begin(), parts[2].end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return std::nullopt;
  }
  auto two = [](const std::string& s) { return s.size() == 1 ? "0" + s : s; };
  return iso_birthday(parts[2] + "-" + two(parts[0]) + "-" + two(parts[1]));
}

// An address has an '@' and no space, ';' or ',' (which would be a list).
bool is_email(const std::string& e) {
  return e.find('@') != std::string::npos && e.find_first_of(" ;,") == std::string::npos;
}

// One row's cells by field, then the contact they make.
struct RowReader {
  const std::vector<std::string>& header;
  const std::vector<Field>& fields;
  const SourceLine& where;
  std::vector<Notice> warnings;  // the values left out

  void warn(std::size_t column, const std::string& value, const char* what) {
    warnings.push_back({where, std::string(text::trim(header[column])) + ": '" + value +
                                   "' is not " + what + "; left out"});
  }

  // The record, or the reason the row is skipped.
  std::optional<ImportRecord> read(const std::vector<std::string>& cells, std::string& reason) {
    for (std::size_t k = 0; k < cells.size(); ++k) {
      if (fields[k] != Field::ignored && !text::is_valid_utf8(cells[k])) {
        reason = "not valid UTF-8 (is the file in another encoding?)";
        return std::nullopt;
      }
    }
    ImportRecord record;
    record.where = where;
    Contact& c = record.contact;
    std::string given, middle, family, full_name, file_as, nickname, city, region, country;
    auto first = [](std::string& into, const std::string& cell) {
      if (into.empty()) into = one_line(cell);
    };
    for (std::size_t k = 0; k < cells.size(); ++k) {
      const std::string& cell = cells[k];
      switch (fields[k]) {
        case Field::ignored:
          break;
        case Field::given:
          first(given, cell);
          break;
        case Field::middle:
          first(middle, cell);
          break;
        case Field::family:
          first(family, cell);
          break;
        case Field::full_name:
          first(full_name, cell);
          break;
        case Field::file_as:
          first(file_as, cell);
          break;
        case Field::nickname:
          first(nickname, cell);
          break;
        case Field::email:
          for (auto& e : split_on(cell, " ::: ")) {
            if (is_email(e)) {
              c.emails.push_back(std::move(e));
            } else {
              warn(k, e, "an email address");
            }
          }
          break;
        case Field::phone:
          for (auto& p : split_on(cell, " ::: ")) c.phones.push_back(std::move(p));
          break;
        case Field::link:
          for (auto& l : split_on(cell, " ::: ")) c.links.push_back(std::move(l));
          break;
        case Field::company:
          if (!c.company && !one_line(cell).empty()) c.company = one_line(cell);
          break;
        case Field::role:
          if (!c.role && !one_line(cell).empty()) c.role = one_line(cell);
          break;
        case Field::city:
          first(city, cell);
          break;
        case Field::region:
          first(region, cell);
          break;
        case Field::country:
          first(country, cell);
          break;
        case Field::birthday: {
          const std::string v = one_line(cell);
          if (v.empty() || v == "0/0/00" || c.birthday) break;
          if (auto b = birthday_of(v)) {
            c.birthday = *b;
          } else {
            warn(k, v, "a date kith knows (YYYY-MM-DD, --MM-DD or M/D/YYYY)");
          }
          break;
        }
        case Field::notes: {
          std::string note(text::trim(lf_line_breaks(cell)));
          if (!note.empty()) c.notes = c.notes ? *c.notes + "\n" + note : note;
          break;
        }
        case Field::labels:
          for (auto& label : split_on(cell, " ::: ")) {
            if (!label.starts_with("* ")) c.tags.push_back(std::move(label));
          }
          break;
        case Field::categories:
          for (auto& category : split_on(cell, ";")) c.tags.push_back(std::move(category));
          break;
      }
    }
    if (!city.empty() || !region.empty() || !country.empty()) {
      c.location = !city.empty() ? city : !region.empty() ? region : country;
    }
    std::string joined;
    for (const std::string* part : {&given, &middle, &family}) {
      if (!part->empty()) joined += (joined.empty() ? "" : " ") + *part;
    }
    c.name = !joined.empty()      ? joined
             : !full_name.empty() ? full_name
             : !file_as.empty()   ? file_as
             : !nickname.empty()  ? nickname
             : c.company          ? *c.company
             : !c.emails.empty()  ? c.emails.front()
                                  : std::string();
    if (c.name.empty()) {
      reason = "no name (First Name, Last Name, File As, Nickname, a company or an email)";
      return std::nullopt;
    }
    return record;
  }
};

}  // namespace
}  // namespace address_book

std::optional<AddressBookFormat> address_book_format(const std::vector<std::string>& header) {
  using address_book::has;
  std::vector<std::string> keys;
  for (const auto& cell : header) keys.push_back(address_book::key_of(cell));
  if (has(keys, {"given name"}) && has(keys, {"family name"})) {
    return AddressBookFormat::google_older;
  }
  if (!has(keys, {"first name"}) || !has(keys, {"last name"})) return std::nullopt;
  if (has(keys,
          {"labels", "file as", "organization name", "e-mail 1 - value", "phone 1 - value"})) {
    return AddressBookFormat::google;
  }
  if (has(keys, {"e-mail address", "job title", "mobile phone", "business phone", "home phone",
                 "categories", "web page"})) {
    return AddressBookFormat::outlook;
  }
  return std::nullopt;
}

ImportBatch read_address_book_csv(const std::vector<csv::Record>& rows, std::size_t header,
                                  std::string_view file) {
  using address_book::Field;
  const std::vector<std::string>& names = rows[header].fields;
  std::vector<Field> fields;
  for (const auto& cell : names) {
    fields.push_back(address_book::field_of(address_book::key_of(cell)));
  }
  ImportBatch batch;
  batch.source =
      address_book_format(names) == AddressBookFormat::outlook ? "outlook-csv" : "google-csv";
  const std::string f(file);
  for (std::size_t n = header + 1; n < rows.size(); ++n) {
    const csv::Record& row = rows[n];
    const SourceLine where{f, row.line};
    if (!row.ok()) {
      batch.skipped.push_back({where, row.error});
      continue;
    }
    if (row.blank()) continue;
    if (row.fields.size() > names.size()) {
      batch.skipped.push_back({where, "has " + std::to_string(row.fields.size()) +
                                          " fields where the header has " +
                                          std::to_string(names.size())});
      continue;
    }
    address_book::RowReader reader{names, fields, where, {}};
    std::string reason;
    if (auto record = reader.read(row.fields, reason)) {
      batch.records.push_back(std::move(*record));
      for (auto& w : reader.warnings) batch.warnings.push_back(std::move(w));
    } else {
      batch.skipped.push_back({where, reason});
    }
  }
  return batch;
}

}  // namespace kith
