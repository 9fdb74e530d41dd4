#include "cli/output.h"

#include <algorithm>

#include "core/contacts.h"
#include "core/english.h"
#include "core/suggest.h"
#include "core/text.h"

namespace kith::cli {

std::string Style::operator()(Tone tone, std::string_view s) const {
  if (!enabled_ || tone == Tone::plain) return std::string(s);
  const char* code = "";
  switch (tone) {
    case Tone::plain:
      break;
    case Tone::bold:
      code = "1";
      break;
    case Tone::dim:
      code = "2";
      break;
    case Tone::red:
      code = "31";
      break;
    case Tone::green:
      code = "32";
      break;
    case Tone::yellow:
      code = "33";
      break;
    case Tone::cyan:
      code = "36";
      break;
  }
  return std::string("\x1b[") + code + "m" + std::string(s) + "\x1b[0m";
}

void Table::set_max_width(std::size_t column, std::size_t width) {
  if (max_width_.size() <= column) max_width_.resize(column + 1, 0);
  max_width_[column] = width;
}

void Table::set_flexible(std::size_t column) {
  if (flexible_.size() <= column) flexible_.resize(column + 1, false);
  flexible_[column] = true;
}

namespace {

// The cell as the table shows it before fitting: cut at its column's cap.
std::string capped(const std::vector<std::size_t>& max_width, std::size_t column,
                   const std::string& s) {
  if (column < max_width.size() && max_width[column] > 0) {
    return text::truncate_to_width(s, max_width[column]);
  }
  return s;
}

}  // namespace

// The display width of each column. Rows that end at column L (their later
// cells empty) are as wide as the indent, the columns before L with their
// separators, and their own last cell, which is not padded: the table fits
// when every such group of rows does.
std::vector<std::size_t> Table::column_widths(std::size_t indent_width, std::size_t fit) const {
  std::size_t columns = header_.size();
  for (const auto& row : rows_) columns = std::max(columns, row.size());
  std::vector<std::size_t> width(columns, 0);
  std::vector<std::size_t> last_width(columns, 0);  // widest cell ending a row, per column
  std::vector<bool> ends_a_row(columns, false);
  auto measure = [&](const std::vector<std::string>& cells) {
    std::size_t last = cells.size();
    while (last > 0 && cells[last - 1].empty()) --last;
    for (std::size_t c = 0; c < last; ++c) {
      const std::size_t w = text::display_width(capped(max_width_, c, cells[c]));
      width[c] = std::max(width[c], w);
      if (c + 1 == last) {
        last_width[c] = std::max(last_width[c], w);
        ends_a_row[c] = true;
      }
    }
  };
  measure(header_);
  for (const auto& row : rows_) {
    std::vector<std::string> cells;
    for (const auto& cell : row) cells.push_back(cell.text);
    measure(cells);
  }
  if (fit == 0) return width;

  const std::size_t separator = text::display_width(separator_);
  auto flexible = [&](std::size_t c) { return c < flexible_.size() && flexible_[c]; };
  for (;;) {
    // The widest group of rows too wide for the line, by its last column.
    std::size_t over = columns;
    std::size_t excess = 0;
    std::size_t before = indent_width;  // the columns before c, with separators
    for (std::size_t c = 0; c < columns; ++c) {
      if (ends_a_row[c]) {
        const std::size_t line = before + std::min(width[c], last_width[c]);
        if (line > fit) {
          over = c;
          excess = line - fit;
        }
      }
      before += width[c] + separator;
    }
    if (over == columns) break;
    // What each column up to `over` takes of those rows.
    auto taken = [&](std::size_t c) {
      return c == over ? std::min(width[c], last_width[c]) : width[c];
    };
    std::size_t pick = columns;
    for (const bool flexible_only : {true, false}) {
      const std::size_t floor = flexible_only ? kFlexibleFloor : 1;
      for (std::size_t c = 0; c <= over; ++c) {
        if (flexible_only && !flexible(c)) continue;
        if (taken(c) > floor && (pick == columns || taken(c) >= taken(pick))) pick = c;
      }
      if (pick == columns) continue;
      // Narrow the widest to what the line needs, but not below the floor
      // nor below the next widest, which is narrowed next if need be.
      // Columns as wide as it share the narrowing: one column at a time.
      std::size_t next = floor;
      bool tied = false;
      for (std::size_t c = 0; c <= over; ++c) {
        if (c == pick || (flexible_only && !flexible(c))) continue;
        if (taken(c) < taken(pick)) next = std::max(next, taken(c));
        tied = tied || taken(c) == taken(pick);
      }
      const std::size_t now = taken(pick);
      std::size_t narrowed =
          tied ? now - 1 : std::max({floor, next, now > excess ? now - excess : 0});
      if (narrowed >= now) narrowed = now - 1;
      width[pick] = narrowed;
      break;
    }
    if (pick == columns) break;  // nothing left to narrow
  }
  return width;
}

void Table::emit(std::ostream& out, const Style& style, std::string_view indent,
                 const std::vector<Cell>& row, const std::vector<std::size_t>& width) const {
  std::string line(indent);
  std::size_t last = std::min(row.size(), width.size());
  while (last > 0 && row[last - 1].text.empty()) --last;
  for (std::size_t c = 0; c < last; ++c) {
    std::string cell = text::truncate_to_width(capped(max_width_, c, row[c].text), width[c]);
    std::string padded = c + 1 < last ? text::pad_right(cell, width[c]) : cell;
    // Colour the text, not the padding.
    std::string coloured = style(row[c].tone, cell) + padded.substr(cell.size());
    line += coloured;
    if (c + 1 < last) line += separator_;
  }
  out << line << "\n";
}

std::size_t Table::natural_width(std::size_t indent_width) const {
  const std::vector<std::size_t> width = column_widths(indent_width, 0);
  const std::size_t separator = text::display_width(separator_);
  std::size_t widest = indent_width;
  for (const auto& row : rows_) {
    std::size_t last = row.size();
    while (last > 0 && row[last - 1].text.empty()) --last;
    std::size_t line = indent_width;
    for (std::size_t c = 0; c < last; ++c) {
      line += c + 1 < last ? width[c] + separator
                           : text::display_width(capped(max_width_, c, row[c].text));
    }
    widest = std::max(widest, line);
  }
  return widest;
}

void Table::print(std::ostream& out, const Style& style, std::string_view indent) const {
  const std::size_t indent_width = text::display_width(indent);
  std::vector<Cell> head;
  for (const auto& h : header_) head.push_back({h, Tone::bold});
  if (fit_ == 0 || wrap_from_ == 0 || natural_width(indent_width) <= fit_) {
    const std::vector<std::size_t> width = column_widths(indent_width, fit_);
    if (!head.empty()) emit(out, style, indent, head, width);
    for (const auto& row : rows_) emit(out, style, indent, row, width);
    return;
  }
  // Too wide: the columns from wrap_from_ on go to a line of their own below
  // each row, indented further.
  // From wrap_from_, or an earlier column when the columns before it fit
  // only by shortening one that is not flexible (an id, a date).
  std::size_t wrap = wrap_from_;
  Table top;
  std::vector<std::size_t> width;
  for (;; --wrap) {
    top = *this;
    top.header_.resize(std::min(header_.size(), wrap));
    for (auto& row : top.rows_) row.resize(std::min(row.size(), wrap));
    width = top.column_widths(indent_width, fit_);
    if (wrap <= wrap_last_resort_ || wrap <= 1) break;
    const std::vector<std::size_t> natural = top.column_widths(indent_width, 0);
    bool shortened = false;
    for (std::size_t c = 0; c < width.size(); ++c) {
      const bool flexible = c < flexible_.size() && flexible_[c];
      shortened = shortened || (!flexible && width[c] < natural[c]);
    }
    if (!shortened) break;
  }
  if (!head.empty()) emit(out, style, indent, head, width);
  const std::string below_indent = std::string(indent) + "    ";
  for (const auto& row : rows_) {
    emit(out, style, indent, row, width);
    std::vector<Piece> below = {{below_indent}};
    for (std::size_t c = wrap; c < row.size(); ++c) {
      if (row[c].text.empty()) continue;
      if (below.size() > 1) below.push_back({"  "});
      below.push_back(
          {capped(max_width_, c, row[c].text), row[c].tone, c < flexible_.size() && flexible_[c]});
    }
    if (below.size() > 1) print_line(out, style, below, fit_);
  }
}

void print_line(std::ostream& out, const Style& style, const std::vector<Piece>& pieces,
                std::size_t width) {
  Table line;
  line.set_separator("");
  line.fit(width);
  std::vector<Cell> cells;
  for (std::size_t k = 0; k < pieces.size(); ++k) {
    cells.push_back({pieces[k].text, pieces[k].tone});
    if (pieces[k].flexible) line.set_flexible(k);
  }
  line.add(std::move(cells));
  line.print(out, style);
}

std::string wrap_words(std::string_view text, std::size_t width, std::string_view indent,
                       std::string_view later_indent) {
  std::string out;
  std::string line;
  std::size_t line_width = 0;
  std::string_view prefix = indent;
  auto room = [&] {
    const std::size_t used = text::display_width(prefix);
    return width > used ? width - used : 1;
  };
  auto flush = [&] {
    out += std::string(prefix) + line + "\n";
    line.clear();
    line_width = 0;
    prefix = later_indent;
  };
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find(' ', start);
    if (end == std::string_view::npos) end = text.size();
    std::string word(text.substr(start, end - start));
    start = end + 1;
    if (word.empty()) continue;
    if (width > 0 && !line.empty() && line_width + 1 + text::display_width(word) > room()) {
      flush();
    }
    if (width > 0)
      word = text::truncate_to_width(word, room() - (line.empty() ? 0 : line_width + 1));
    if (!line.empty()) {
      line += ' ';
      ++line_width;
    }
    line += word;
    line_width += text::display_width(word);
  }
  if (!line.empty() || out.empty()) flush();
  return out;
}

std::string follow_up_when(const Interaction& i, Date today) {
  const bool by = i.follow_up && i.follow_up->by;
  const Date from = by ? *i.follow_up->by : i.date;
  return (by ? "by " : "since ") + format_date(from) + ", " +
         lateness_phrase((today - from).count());
}

void print_json(std::ostream& out, const Json& j) { out << j.dump(2) << "\n"; }

std::string clean(std::string_view s) { return text::sanitize_for_terminal(s); }

std::string join(const std::vector<std::string>& items, std::string_view sep) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i) out += sep;
    out += items[i];
  }
  return out;
}

void warn_unknown_tags(std::ostream& err, const std::vector<Contact>& contacts,
                       const std::vector<std::string>& tags) {
  if (contacts.empty()) return;
  for (const auto& unknown : unknown_tags(contacts, tags)) {
    err << "kith: warning: no contact has the tag '" << clean(unknown.tag) << "'\n";
    if (!unknown.closest.empty()) {
      err << "kith: hint: did you mean " << clean(quote_alternatives(unknown.closest)) << "?\n";
    }
  }
}

}  // namespace kith::cli
