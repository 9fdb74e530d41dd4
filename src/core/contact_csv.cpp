#include "core/contact_csv.h"

#include <algorithm>
#include <map>

#include "core/address_book_csv.h"
#include "core/charset.h"
#include "core/csv.h"
#include "core/text.h"

namespace kith {
namespace {

enum class Column {
  id,
  name,
  emails,
  phones,
  company,
  role,
  location,
  links,
  tags,
  skills,
  interests,
  how_met,
  met_on,
  every,
  birthday,
  notes,
  added_on,
  archived,
  snoozed_until,
};

std::string header_key(std::string_view s) {
  std::string out(text::trim(s));
  for (char& ch : out) {
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
    if (ch == ' ' || ch == '-') ch = '_';
  }
  return out;
}

const std::map<std::string, Column, std::less<>>& column_names() {
  static const std::map<std::string, Column, std::less<>> names = {
      {"id", Column::id},
      {"name", Column::name},
      {"emails", Column::emails},
      {"email", Column::emails},
      {"e_mail", Column::emails},
      {"phones", Column::phones},
      {"phone", Column::phones},
      {"company", Column::company},
      {"role", Column::role},
      {"location", Column::location},
      {"links", Column::links},
      {"link", Column::links},
      {"url", Column::links},
      {"urls", Column::links},
      {"tags", Column::tags},
      {"tag", Column::tags},
      {"skills", Column::skills},
      {"skill", Column::skills},
      {"interests", Column::interests},
      {"interest", Column::interests},
      {"how_met", Column::how_met},
      {"met_on", Column::met_on},
      {"met", Column::met_on},
      {"every", Column::every},
      {"birthday", Column::birthday},
      {"bday", Column::birthday},
      {"notes", Column::notes},
      {"note", Column::notes},
      {"added_on", Column::added_on},
      {"archived", Column::archived},
      {"snoozed_until", Column::snoozed_until},
  };
  return names;
}

std::vector<std::string> split_list(std::string_view cell) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= cell.size(); ++i) {
    if (i == cell.size() || cell[i] == ';' || cell[i] == '\n' || cell[i] == '\r') {
      std::string item = one_line(cell.substr(start, i - start));
      if (!item.empty()) out.push_back(std::move(item));
      start = i + 1;
    }
  }
  return out;
}

std::optional<std::string> scalar(const std::string& cell) {
  std::string v = one_line(cell);
  if (v.empty()) return std::nullopt;
  return v;
}

// Sets one column's value on c; an error message when the value is bad.
std::string apply(Column column, const std::string& cell, Contact& c) {
  const std::string v = one_line(cell);
  auto date = [&](const char* what, std::optional<Date>& into) -> std::string {
    if (v.empty()) return {};
    auto d = parse_iso_date(v);
    if (!d) return std::string(what) + ": '" + v + "' is not a date (YYYY-MM-DD)";
    into = *d;
    return {};
  };
  switch (column) {
    case Column::id:
      if (v.empty()) return {};
      if (!text::is_valid_id(v) || v == "me") return "id '" + v + "' is not a valid id";
      c.id = v;
      return {};
    case Column::name:
      c.name = v;
      return {};
    case Column::emails:
      c.emails = split_list(cell);
      for (const auto& e : c.emails) {
        if (e.find('@') == std::string::npos || e.find(' ') != std::string::npos) {
          return "emails: '" + e + "' is not an email address";
        }
      }
      return {};
    case Column::phones:
      c.phones = split_list(cell);
      return {};
    case Column::company:
      c.company = scalar(cell);
      return {};
    case Column::role:
      c.role = scalar(cell);
      return {};
    case Column::location:
      c.location = scalar(cell);
      return {};
    case Column::links:
      c.links = split_list(cell);
      return {};
    case Column::tags:
      c.tags = split_list(cell);
      return {};
    case Column::skills:
      c.skills = split_list(cell);
      return {};
    case Column::interests:
      c.interests = split_list(cell);
      return {};
    case Column::how_met:
      c.how_met = scalar(cell);
      return {};
    case Column::met_on:
      return date("met_on", c.met_on);
    case Column::every: {
      if (v.empty()) return {};
      auto d = parse_duration(v, AllowOff::yes);
      if (!d) return "every: '" + v + "' is not a duration (2w, 3m, quarterly, off…)";
      c.every = *d;
      return {};
    }
    case Column::birthday: {
      if (v.empty()) return {};
      std::string b = v.size() == 5 && v[2] == '-' ? "--" + v : v;
      auto parsed = parse_birthday(b);
      if (!parsed) return "birthday: '" + v + "' is not YYYY-MM-DD or --MM-DD";
      c.birthday = *parsed;
      return {};
    }
    case Column::notes: {
      std::string note(text::trim(cell));
      if (!note.empty()) c.notes = note;
      return {};
    }
    case Column::added_on: {
      std::optional<Date> d;
      auto error = date("added_on", d);
      if (d) c.added_on = *d;
      return error;
    }
    case Column::archived: {
      const std::string lower = text::fold(v);
      if (lower.empty() || lower == "false" || lower == "no" || lower == "0") {
        c.archived = false;
      } else if (lower == "true" || lower == "yes" || lower == "1") {
        c.archived = true;
      } else {
        return "archived: '" + v + "' is not true or false";
      }
      return {};
    }
    case Column::snoozed_until:
      return date("snoozed_until", c.snoozed_until);
  }
  return {};
}

std::string join_list(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : "; ") + item;
  return out;
}

}  // namespace

const std::vector<std::string_view>& contact_csv_columns() {
  static const std::vector<std::string_view> columns = {
      "id",       "name",  "emails",   "phones",    "company",      "role",   "location",
      "links",    "tags",  "skills",   "interests", "how_met",      "met_on", "every",
      "birthday", "notes", "added_on", "archived",  "snoozed_until"};
  return columns;
}

std::string write_contact_csv(const std::vector<Contact>& contacts) {
  std::vector<std::string> header(contact_csv_columns().begin(), contact_csv_columns().end());
  std::string out = csv::format_record(header);
  for (const Contact& c : contacts) {
    auto opt = [](const std::optional<std::string>& s) { return s.value_or(""); };
    auto date = [](const std::optional<Date>& d) { return d ? format_date(*d) : std::string(); };
    out += csv::format_record(
        {c.id, c.name, join_list(c.emails), join_list(c.phones), opt(c.company), opt(c.role),
         opt(c.location), join_list(c.links), join_list(c.tags), join_list(c.skills),
         join_list(c.interests), opt(c.how_met), date(c.met_on), c.every ? c.every->text : "",
         c.birthday ? format_birthday(*c.birthday) : "", opt(c.notes), format_date(c.added_on),
         c.archived ? "true" : "false", date(c.snoozed_until)});
  }
  return out;
}

Result<ImportBatch> read_contact_csv(std::string_view text, std::string_view file) {
  const std::vector<csv::Record> rows = csv::parse(text);
  std::size_t n = 0;
  while (n < rows.size() && rows[n].ok() && rows[n].blank()) ++n;
  if (n == rows.size()) return ImportBatch{};
  const std::string f(file);
  if (!rows[n].ok()) {
    return usage_error(f + ":" + std::to_string(rows[n].line) + ": header row: " + rows[n].error);
  }
  const auto& header = rows[n].fields;
  const bool kith_columns = std::all_of(header.begin(), header.end(), [](const std::string& cell) {
    return column_names().contains(header_key(cell));
  });
  if (!kith_columns) {
    const auto format = address_book_format(header);
    if (format == AddressBookFormat::outlook && !text::is_valid_utf8(text)) {
      // Outlook writes its CSV in the Windows code page, not UTF-8.
      if (auto converted = charset::to_utf8(text, "WINDOWS-1252"); converted.text) {
        auto batch = read_contact_csv(*converted.text, file);
        if (batch) {
          batch->warnings.insert(
              batch->warnings.begin(),
              {{f, rows[n].line}, "not UTF-8: read as Windows-1252, as Outlook writes it"});
        }
        return batch;
      }
    }
    if (format) return read_address_book_csv(rows, n, file);
  }
  std::vector<Column> columns;
  bool has_name = false;
  for (const auto& cell : header) {
    auto it = column_names().find(header_key(cell));
    if (it == column_names().end()) {
      std::string known;
      for (auto c : contact_csv_columns()) known += (known.empty() ? "" : ", ") + std::string(c);
      return usage_error(f + ": unknown column '" + text::sanitize_for_terminal(cell) + "'",
                         "the header row names kith fields (" + known +
                             "); the CSV files Google Contacts and Outlook export are "
                             "recognised too");
    }
    if (std::find(columns.begin(), columns.end(), it->second) != columns.end()) {
      return usage_error(f + ": column '" + text::sanitize_for_terminal(cell) +
                         "' appears twice in the header row");
    }
    has_name = has_name || it->second == Column::name;
    columns.push_back(it->second);
  }
  if (!has_name) {
    return usage_error(f + ": the header row has no 'name' column",
                       "the first row names the columns: name,emails,company,…");
  }
  ImportBatch batch;
  for (++n; n < rows.size(); ++n) {
    const csv::Record& row = rows[n];
    const SourceLine where{f, row.line};
    if (!row.ok()) {
      batch.skipped.push_back({where, row.error});
      continue;
    }
    if (row.blank()) continue;
    if (row.fields.size() > columns.size()) {
      batch.skipped.push_back({where, "has " + std::to_string(row.fields.size()) +
                                          " fields where the header has " +
                                          std::to_string(columns.size())});
      continue;
    }
    ImportRecord record;
    record.where = where;
    std::string error;
    for (std::size_t k = 0; k < row.fields.size() && error.empty(); ++k) {
      if (!text::is_valid_utf8(row.fields[k])) {
        error = "not valid UTF-8";
      } else {
        error = apply(columns[k], row.fields[k], record.contact);
      }
    }
    if (error.empty() && record.contact.name.empty()) error = "no name";
    if (!error.empty()) {
      batch.skipped.push_back({where, error});
      continue;
    }
    batch.records.push_back(std::move(record));
  }
  return batch;
}

}  // namespace kith
