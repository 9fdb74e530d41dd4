#include "core/draft_template.h"

#include <algorithm>
#include <cstddef>
#include <utility>

#include "core/english.h"
#include "core/suggest.h"
#include "core/text.h"

namespace kith {
namespace {

bool is_blank(std::string_view line) {
  return std::all_of(line.begin(), line.end(),
                     [](char ch) { return ch == ' ' || ch == '\t' || ch == '\r'; });
}

bool is_placeholder_char(char ch) {
  return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
         ch == '_' || ch == '-';
}

// When text[at] starts a placeholder ("{{", spaces, word, spaces, "}}"),
// its word and total length; otherwise an empty word.
std::pair<std::string_view, std::size_t> placeholder_at(std::string_view text, std::size_t at) {
  if (text.substr(at, 2) != "{{") return {{}, 0};
  std::size_t i = at + 2;
  while (i < text.size() && text[i] == ' ') ++i;
  const std::size_t word_begin = i;
  while (i < text.size() && is_placeholder_char(text[i])) ++i;
  const std::size_t word_end = i;
  while (i < text.size() && text[i] == ' ') ++i;
  if (word_end == word_begin || text.substr(i, 2) != "}}") return {{}, 0};
  return {text.substr(word_begin, word_end - word_begin), i + 2 - at};
}

struct PlaceholderField {
  std::string_view name;
  std::string DraftFields::*member;
};

// Every placeholder and its field, in the documented order.
constexpr PlaceholderField kPlaceholderFields[] = {
    {"name", &DraftFields::name},
    {"first_name", &DraftFields::first_name},
    {"my_name", &DraftFields::my_name},
    {"offer", &DraftFields::offer},
    {"intro", &DraftFields::intro},
    {"common", &DraftFields::common},
    {"ask", &DraftFields::ask},
    {"occasion", &DraftFields::occasion},
    {"occasion_kind", &DraftFields::occasion_kind},
    {"occasion_date", &DraftFields::occasion_date},
    {"occasion_weekday", &DraftFields::occasion_weekday},
    {"occasion_company", &DraftFields::occasion_company},
    {"occasion_role", &DraftFields::occasion_role},
    {"owed", &DraftFields::owed},
    {"owed_text", &DraftFields::owed_text},
    {"owed_by", &DraftFields::owed_by},
    {"follow_up", &DraftFields::follow_up},
    {"recent_kind", &DraftFields::recent_kind},
    {"recent_date", &DraftFields::recent_date},
    {"recent_weekday", &DraftFields::recent_weekday},
    {"thanks_date", &DraftFields::thanks_date},
    {"connection", &DraftFields::connection},
    {"about_me", &DraftFields::about_me},
    {"reason", &DraftFields::reason},
    {"my_role", &DraftFields::my_role},
    {"my_company", &DraftFields::my_company},
    {"how_met", &DraftFields::how_met},
    {"shared", &DraftFields::shared},
    {"trade", &DraftFields::trade},
};

const std::string& field_value(const DraftFields& f, std::string_view name) {
  for (const auto& p : kPlaceholderFields) {
    if (p.name == name) return f.*(p.member);
  }
  return f.ask;  // parse_template admits no other name
}

}  // namespace

const std::vector<std::string_view>& template_placeholders() {
  static const std::vector<std::string_view> names = [] {
    std::vector<std::string_view> out;
    for (const auto& p : kPlaceholderFields) out.push_back(p.name);
    return out;
  }();
  return names;
}

Result<DraftTemplate> parse_template(std::string_view text, std::string_view where) {
  const std::string file = text::sanitize_for_terminal(where);
  if (!text::is_valid_utf8(text)) {
    return usage_error("template " + file + " is not valid UTF-8 text");
  }
  DraftTemplate tmpl;
  std::size_t line_start = 0;
  int line_number = 1;
  while (line_start <= text.size()) {
    std::size_t line_end = text.find('\n', line_start);
    if (line_end == std::string_view::npos) line_end = text.size();
    const std::string_view line = text.substr(line_start, line_end - line_start);
    DraftTemplate::Line pieces;
    std::string literal;
    for (std::size_t i = 0; i < line.size();) {
      auto [word, length] = placeholder_at(line, i);
      if (length == 0) {
        literal.push_back(line[i++]);
        continue;
      }
      const auto& known = template_placeholders();
      if (std::find(known.begin(), known.end(), word) == known.end()) {
        std::string list;
        std::vector<std::string> names;
        for (auto name : known) {
          list += (list.empty() ? "" : " ") + ("{{" + std::string(name) + "}}");
          names.emplace_back(name);
        }
        std::string hint;
        const auto closest = closest_words(word, names);
        if (!closest.empty()) {
          std::vector<std::string> quoted;
          for (const auto& c : closest) quoted.push_back("{{" + c + "}}");
          hint = "did you mean " + natural_list(quoted, " or ") + "? ";
        }
        return usage_error("template " + file + ":" + std::to_string(line_number) +
                               ": unknown placeholder {{" + std::string(word) + "}}",
                           hint + "the placeholders are " + list);
      }
      if (!literal.empty()) pieces.push_back({false, std::move(literal)});
      literal.clear();
      pieces.push_back({true, std::string(word)});
      i += length;
    }
    if (!literal.empty()) pieces.push_back({false, std::move(literal)});
    tmpl.lines.push_back(std::move(pieces));
    line_start = line_end + 1;
    ++line_number;
  }
  return tmpl;
}

std::string fill_template(const DraftTemplate& tmpl, const DraftFields& fields) {
  std::vector<std::string> kept;
  const auto& lines = tmpl.lines;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    std::string line;
    bool has_placeholder = false;
    bool all_empty = true;
    for (const auto& piece : lines[i]) {
      if (!piece.placeholder) {
        line += piece.text;
        continue;
      }
      has_placeholder = true;
      const std::string& value = field_value(fields, piece.text);
      if (!value.empty()) all_empty = false;
      line += value;
    }
    if (has_placeholder && all_empty) {
      // Keep paragraphs one blank line apart: a dropped line between two
      // blank lines (or at the top, before one) takes the next one along.
      const bool blank_before = kept.empty() || is_blank(kept.back());
      if (blank_before && i + 1 < lines.size()) {
        std::string next;
        bool next_literal = true;
        for (const auto& piece : lines[i + 1]) {
          next_literal = next_literal && !piece.placeholder;
          next += piece.text;
        }
        if (next_literal && is_blank(next)) ++i;
      }
      continue;
    }
    kept.push_back(std::move(line));
  }
  std::string out;
  for (std::size_t i = 0; i < kept.size(); ++i) {
    if (i > 0) out += '\n';
    out += kept[i];
  }
  while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
  return out;
}

}  // namespace kith
