// Comma-separated values as RFC 4180 describes them, read and written.
//
// The reader is total: any byte string yields a list of records, and a record
// that cannot be read (an unterminated quote, too many fields) comes back
// with an error instead of stopping the whole file, so an importer can skip it
// and name its line. It never fails as a whole and never reads past `text`.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace kith::csv {

// Bounds that keep a hostile file from costing more than linear time.
inline constexpr std::size_t max_fields = 1000;          // per record
inline constexpr std::size_t max_field_bytes = 1 << 20;  // per field

struct Record {
  int line = 0;  // 1-based physical line where the record starts
  std::vector<std::string> fields;
  std::string error;  // non-empty: the record is malformed; `fields` is what was read

  bool ok() const { return error.empty(); }
  // True when every field is empty or white space (a row of commas).
  bool blank() const;
};

// Splits `text` into records. Accepted:
//   - an optional UTF-8 byte order mark at the start;
//   - records ended by CRLF, LF or a lone CR; the last one may lack an ending;
//   - fields separated by ',', quoted with '"' when they hold a comma, a
//     quote (doubled: "") or a line break;
//   - leniently, a '"' inside an unquoted field (kept as is) and text after a
//     closing quote (appended to the field).
// Empty lines are skipped. Bytes are passed through unchanged (no UTF-8
// check: the caller decides what a field may hold).
// A quote left open at the end of the text makes that record an error
// ("unterminated quoted field") and reading resumes on the line after the
// one where the record started, so later records survive.
std::vector<Record> parse(std::string_view text);

// One record as RFC 4180 writes it: fields quoted when they hold a comma, a
// quote, CR or LF, or start or end with a space; quotes doubled; CRLF at the end.
std::string format_record(const std::vector<std::string>& fields);

}  // namespace kith::csv
