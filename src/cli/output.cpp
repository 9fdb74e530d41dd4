#include "cli/output.h"

#include <algorithm>

#include "core/contacts.h"
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

void Table::print(std::ostream& out, const Style& style, std::string_view indent) const {
  std::size_t columns = header_.size();
  for (const auto& row : rows_) columns = std::max(columns, row.size());
  auto limit = [&](std::size_t col, const std::string& s) {
    if (col < max_width_.size() && max_width_[col] > 0) {
      return text::truncate_to_width(s, max_width_[col]);
    }
    return s;
  };
  std::vector<std::size_t> width(columns, 0);
  for (std::size_t c = 0; c < header_.size(); ++c) width[c] = text::display_width(header_[c]);
  for (const auto& row : rows_) {
    for (std::size_t c = 0; c < row.size(); ++c) {
      width[c] = std::max(width[c], text::display_width(limit(c, row[c].text)));
    }
  }
  auto emit = [&](const std::vector<Cell>& row) {
    std::string line(indent);
    std::size_t last = row.size();
    while (last > 0 && row[last - 1].text.empty()) --last;
    for (std::size_t c = 0; c < last; ++c) {
      std::string cell = limit(c, row[c].text);
      std::string padded = c + 1 < last ? text::pad_right(cell, width[c]) : cell;
      // Colour the text, not the padding.
      std::string coloured = style(row[c].tone, cell) + padded.substr(cell.size());
      line += coloured;
      if (c + 1 < last) line += "  ";
    }
    out << line << "\n";
  };
  if (!header_.empty()) {
    std::vector<Cell> head;
    for (const auto& h : header_) head.push_back({h, Tone::bold});
    emit(head);
  }
  for (const auto& row : rows_) emit(row);
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
