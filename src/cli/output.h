// Shared formatting for the human reports: colour that respects --color and
// NO_COLOR, and tables whose columns stay aligned whatever the script of the
// names (display width, not bytes).
#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "core/model.h"

namespace kith::cli {

enum class Tone { plain, bold, dim, red, green, yellow, cyan };

class Style {
 public:
  explicit Style(bool enabled) : enabled_(enabled) {}
  std::string operator()(Tone tone, std::string_view s) const;
  bool enabled() const { return enabled_; }

 private:
  bool enabled_;
};

struct Cell {
  std::string text;  // already sanitised for the terminal
  Tone tone = Tone::plain;
};

// Columns separated by two spaces; the last column is not padded. Cells wider
// than `max_width` (0: no limit) are cut with an ellipsis.
class Table {
 public:
  explicit Table(std::vector<std::string> header = {}) : header_(std::move(header)) {}
  void add(std::vector<Cell> row) { rows_.push_back(std::move(row)); }
  void set_max_width(std::size_t column, std::size_t width);
  bool empty() const { return rows_.empty(); }
  void print(std::ostream& out, const Style& style, std::string_view indent = "") const;

 private:
  std::vector<std::string> header_;
  std::vector<std::vector<Cell>> rows_;
  std::vector<std::size_t> max_width_;
};

// One JSON document on stdout, pretty-printed, ending in a newline.
void print_json(std::ostream& out, const Json& j);

// Safe for the terminal (control characters replaced).
std::string clean(std::string_view s);
// "a, b, c"
std::string join(const std::vector<std::string>& items, std::string_view sep = ", ");

// For a `--tag` that no contact has (core unknown_tags), on `err`:
// "kith: warning: no contact has the tag 'clmate'", then "kith: hint: did
// you mean `climate`?" when a tag in use is close. Nothing when `contacts`
// is empty (the report then says how to begin).
void warn_unknown_tags(std::ostream& err, const std::vector<Contact>& contacts,
                       const std::vector<std::string>& tags);

}  // namespace kith::cli
