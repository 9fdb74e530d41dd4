#include "core/linkedin.h"

#include <array>
#include <map>

#include "core/csv.h"
#include "core/text.h"

namespace kith {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& ch : out) {
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
  }
  return out;
}

// 1 to 12 for an English month name or its first three letters; 0 otherwise.
unsigned month_number(std::string_view word) {
  static constexpr std::array<std::string_view, 12> names = {
      "january", "february", "march",     "april",   "may",      "june",
      "july",    "august",   "september", "october", "november", "december"};
  const std::string w = lower(word);
  if (w.size() < 3) return 0;
  for (unsigned m = 0; m < names.size(); ++m) {
    if (names[m].starts_with(w) || (w == "sept" && m == 8)) return m + 1;
  }
  return 0;
}

// A number of 1 to max_digits ASCII digits; nullopt otherwise.
std::optional<int> number(std::string_view s, std::size_t max_digits) {
  if (s.empty() || s.size() > max_digits) return std::nullopt;
  int n = 0;
  for (char ch : s) {
    if (ch < '0' || ch > '9') return std::nullopt;
    n = n * 10 + (ch - '0');
  }
  return n;
}

std::optional<Date> make_date(int y, unsigned m, int d) {
  if (y < 1 || y > 9999 || d < 1 || d > 31) return std::nullopt;
  const date::year_month_day ymd{date::year{y}, date::month{m},
                                 date::day{static_cast<unsigned>(d)}};
  if (!ymd.ok()) return std::nullopt;
  return Date{ymd};
}

std::optional<int> year_of(std::string_view s) {
  if (s.size() == 2) {
    auto n = number(s, 2);
    if (n) return 2000 + *n;
    return std::nullopt;
  }
  if (s.size() == 4) return number(s, 4);
  return std::nullopt;
}

struct Columns {
  int first = -1, last = -1, url = -1, email = -1, company = -1, position = -1, connected = -1;
};

std::optional<Columns> header_columns(const std::vector<std::string>& fields) {
  static const std::map<std::string, int Columns::*, std::less<>> names = {
      {"first name", &Columns::first},
      {"last name", &Columns::last},
      {"url", &Columns::url},
      {"profile url", &Columns::url},
      {"email address", &Columns::email},
      {"email", &Columns::email},
      {"company", &Columns::company},
      {"position", &Columns::position},
      {"connected on", &Columns::connected},
  };
  Columns c;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    auto it = names.find(lower(text::trim(fields[i])));
    if (it != names.end() && c.*(it->second) < 0) c.*(it->second) = static_cast<int>(i);
  }
  if (c.first < 0 || c.last < 0 || c.url < 0) return std::nullopt;
  return c;
}

std::string field(const csv::Record& r, int column) {
  if (column < 0 || static_cast<std::size_t>(column) >= r.fields.size()) return {};
  return one_line(r.fields[static_cast<std::size_t>(column)]);
}

}  // namespace

std::optional<Date> parse_linkedin_date(std::string_view text) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  const std::string_view seps = " -/,.";
  text = text::trim(text);
  if (text.size() > 40) return std::nullopt;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || seps.find(text[i]) != std::string_view::npos) {
      if (i > start) parts.push_back(text.substr(start, i - start));
      start = i + 1;
    }
  }
  if (parts.size() != 3) return std::nullopt;
  if (parts[0].size() == 4) {  // 2024-03-12
    auto y = number(parts[0], 4);
    auto m = number(parts[1], 2);
    auto d = number(parts[2], 2);
    if (!y || !m || !d || *m < 1 || *m > 12) return std::nullopt;
    return make_date(*y, static_cast<unsigned>(*m), *d);
  }
  auto y = year_of(parts[2]);
  if (!y) return std::nullopt;
  if (unsigned m = month_number(parts[1])) {  // 12 Mar 2024, 7-Feb-22
    auto d = number(parts[0], 2);
    if (!d) return std::nullopt;
    return make_date(*y, m, *d);
  }
  if (unsigned m = month_number(parts[0])) {  // Mar 12, 2024
    auto d = number(parts[1], 2);
    if (!d) return std::nullopt;
    return make_date(*y, m, *d);
  }
  return std::nullopt;
}

Result<ImportBatch> read_linkedin(std::string_view text, std::string_view file) {
  const std::vector<csv::Record> rows = csv::parse(text);
  std::optional<Columns> columns;
  std::size_t header_fields = 0;
  std::size_t n = 0;
  for (; n < rows.size(); ++n) {
    if (!rows[n].ok()) continue;
    columns = header_columns(rows[n].fields);
    if (columns) {
      header_fields = rows[n].fields.size();
      ++n;
      break;
    }
  }
  if (!columns) {
    return usage_error(std::string(file) +
                           ": no LinkedIn header row (First Name,Last Name,URL,Email "
                           "Address,Company,Position,Connected On)",
                       "use the Connections.csv of LinkedIn's data export; for other CSV files "
                       "use `kith import csv`");
  }
  ImportBatch batch;
  batch.source = "linkedin";
  for (; n < rows.size(); ++n) {
    const csv::Record& row = rows[n];
    const SourceLine where{std::string(file), row.line};
    if (!row.ok()) {
      batch.skipped.push_back({where, row.error});
      continue;
    }
    if (row.blank()) continue;
    if (row.fields.size() != header_fields) {
      batch.skipped.push_back({where, "has " + std::to_string(row.fields.size()) +
                                          " fields where the header has " +
                                          std::to_string(header_fields)});
      continue;
    }
    bool utf8 = true;
    for (const auto& f : row.fields) utf8 = utf8 && text::is_valid_utf8(f);
    if (!utf8) {
      batch.skipped.push_back({where, "not valid UTF-8 (LinkedIn exports are UTF-8)"});
      continue;
    }
    ImportRecord record;
    record.where = where;
    Contact& c = record.contact;
    c.name = one_line(field(row, columns->first) + " " + field(row, columns->last));
    if (c.name.empty()) {
      batch.skipped.push_back({where, "no name (First Name and Last Name are empty)"});
      continue;
    }
    if (auto url = field(row, columns->url); !url.empty()) c.links.push_back(url);
    if (auto email = field(row, columns->email); !email.empty()) {
      if (email.find('@') != std::string::npos && email.find(' ') == std::string::npos) {
        c.emails.push_back(email);
      } else {
        batch.warnings.push_back({where, "email '" + email + "' is not an address; left out"});
      }
    }
    if (auto company = field(row, columns->company); !company.empty()) c.company = company;
    if (auto role = field(row, columns->position); !role.empty()) c.role = role;
    if (auto on = field(row, columns->connected); !on.empty()) {
      if (auto d = parse_linkedin_date(on)) {
        c.met_on = *d;
      } else {
        batch.warnings.push_back(
            {where, "Connected On '" + on + "' is not a date kith knows; left out"});
      }
    }
    c.tags.push_back("linkedin");
    batch.records.push_back(std::move(record));
  }
  return batch;
}

}  // namespace kith
