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

// How the human reports look on this terminal: in colour or not, and how
// many display columns each line may take (Context::width(); 0: no limit, as
// `kith show --full` prints).
class Style {
 public:
  explicit Style(bool enabled, std::size_t width = 0) : enabled_(enabled), width_(width) {}
  std::string operator()(Tone tone, std::string_view s) const;
  bool enabled() const { return enabled_; }
  std::size_t width() const { return width_; }

 private:
  bool enabled_;
  std::size_t width_;
};

struct Cell {
  std::string text;  // already sanitised for the terminal
  Tone tone = Tone::plain;
};

// Columns separated by two spaces (set_separator); the last column is not
// padded, nor are the empty cells that end a row. Cells wider than
// `max_width` (0: no limit) are cut with an ellipsis "…".
//
// With fit(width) (0, the default: no limit), every printed line, indent
// included, is at most `width` display columns: the flexible columns (names,
// notes…) are narrowed first, the widest first, down to kFlexibleFloor
// columns; then, only if that is not enough, any column, the widest first.
// A narrowed cell is cut with "…" (text::truncate_to_width). A line cannot
// fit when the indent and separators alone leave less than one column per
// cell; Context::width() is never that narrow for kith's tables.
//
// With wrap_from(column) too, a table wider than `width` first moves the
// cells from `column` on to a line of their own below each row, indented
// four more columns (then fits both parts as above).
class Table {
 public:
  static constexpr std::size_t kFlexibleFloor = 10;

  explicit Table(std::vector<std::string> header = {}) : header_(std::move(header)) {}
  void add(std::vector<Cell> row) { rows_.push_back(std::move(row)); }
  void set_max_width(std::size_t column, std::size_t width);
  void set_flexible(std::size_t column);
  void set_separator(std::string separator) { separator_ = std::move(separator); }
  void fit(std::size_t width) { fit_ = width; }
  // When the rows are too wide for the fit, the columns from `column` on go
  // to a line of their own below each row; and when the columns before it
  // still fit only by shortening one that is not flexible (an id), from
  // one column earlier, down to `last_resort`.
  void wrap_from(std::size_t column, std::size_t last_resort = 0) {
    wrap_from_ = column;
    wrap_last_resort_ = last_resort == 0 ? column : last_resort;
  }
  bool empty() const { return rows_.empty(); }
  void print(std::ostream& out, const Style& style, std::string_view indent = "") const;

 private:
  std::vector<std::size_t> column_widths(std::size_t indent_width, std::size_t fit) const;
  std::size_t natural_width(std::size_t indent_width) const;
  void emit(std::ostream& out, const Style& style, std::string_view indent,
            const std::vector<Cell>& row, const std::vector<std::size_t>& width) const;

  std::vector<std::string> header_;
  std::vector<std::vector<Cell>> rows_;
  std::vector<std::size_t> max_width_;
  std::vector<bool> flexible_;
  std::string separator_ = "  ";
  std::size_t fit_ = 0;
  std::size_t wrap_from_ = 0;  // 0: never
  std::size_t wrap_last_resort_ = 0;
};

// A piece of a line printed by print_line(); `flexible` pieces are the ones
// to shorten first (names, free text).
struct Piece {
  std::string text;  // already sanitised for the terminal
  Tone tone = Tone::plain;
  bool flexible = false;
};

// Prints the pieces one after the other, then a newline, shortened as a
// one-row Table with no separator and fit(width) would (0: not at all).
void print_line(std::ostream& out, const Style& style, const std::vector<Piece>& pieces,
                std::size_t width);

// `text` (plain words, no newline) broken into lines at spaces, the first
// starting with `indent`, the others with `later_indent`, each at most `width`
// display columns (0: one line); a word longer than a line is cut with "…".
// Every line ends in a newline.
std::string wrap_words(std::string_view text, std::size_t width, std::string_view indent,
                       std::string_view later_indent);
inline std::string wrap_words(std::string_view text, std::size_t width,
                              std::string_view indent = "") {
  return wrap_words(text, width, indent, indent);
}

// When an open follow-up of `i` is due, as of `today`: "by 2026-11-12, 8 days
// late", "by 2026-11-25, in 5 days", or "since 2026-11-05, due today" for
// one logged without --by (due from the interaction's date).
std::string follow_up_when(const Interaction& i, Date today);

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
