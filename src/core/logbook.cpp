#include "core/logbook.h"

#include <algorithm>

#include "core/fsutil.h"
#include "core/layout.h"
#include "core/text.h"

namespace kith {
namespace {

bool is_ascii_letter(char ch) { return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z'); }
bool is_ascii_digit(char ch) { return ch >= '0' && ch <= '9'; }

}  // namespace

Result<std::string> parse_kind(std::string_view input) {
  auto bad = [&](std::string_view why) {
    return usage_error("bad kind '" + text::sanitize_for_terminal(input) + "': " + std::string(why),
                       "a kind is one word: coffee, lunch, call, video, email, message, "
                       "meeting, event, intro, other…");
  };
  if (input.empty()) return bad("empty");
  if (input.size() > kMaxKindLength) return bad("longer than 32 bytes");
  if (!text::is_valid_utf8(input) || text::sanitize_for_terminal(input) != input) {
    return bad("not printable text");
  }
  // fold() turns every Unicode space into ' ', so this catches them all.
  if (text::fold(input).find(' ') != std::string::npos) return bad("one word, no spaces");
  const auto first = static_cast<unsigned char>(input.front());
  if (!is_ascii_letter(input.front()) && first < 0x80) return bad("must start with a letter");
  std::string kind;
  for (char ch : input) {
    const auto byte = static_cast<unsigned char>(ch);
    if (byte >= 0x80 || is_ascii_digit(ch) || ch == '-' || ch == '_') {
      kind += ch;
    } else if (is_ascii_letter(ch)) {
      kind += static_cast<char>(ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch);
    } else {
      return bad("only letters, digits, '-' and '_'");
    }
  }
  return kind;
}

Result<const Interaction*> find_follow_up(const std::vector<Interaction>& interactions,
                                          std::string_view ref) {
  if (!is_valid_interaction_id(ref)) {
    return usage_error("'" + text::sanitize_for_terminal(ref) + "' is not an interaction id",
                       "`kith due` lists the open follow-ups with their ids");
  }
  const Interaction* exact_without = nullptr;
  for (const auto& i : interactions) {
    if (i.id != ref) continue;
    if (i.follow_up) return &i;
    exact_without = &i;
  }
  // A prefix that matches open follow-ups names one of them; only when none
  // is open does it name a done one (to say it is done already).
  std::vector<const Interaction*> matches;
  for (bool open : {true, false}) {
    for (const auto& i : interactions) {
      if (i.follow_up && (!open || !i.follow_up->done_on) && i.id.starts_with(ref)) {
        matches.push_back(&i);
      }
    }
    if (!matches.empty()) break;
  }
  if (matches.size() == 1 && !exact_without) return matches.front();
  if (exact_without) {
    return usage_error("interaction " + exact_without->id + " has no follow-up",
                       "log one with `kith log CONTACT --follow-up TEXT --by DATE`");
  }
  if (matches.size() > 1) {
    std::string list;
    for (std::size_t k = 0; k < matches.size() && k < 10; ++k) {
      list += (k ? ", " : "") + matches[k]->id;
    }
    if (matches.size() > 10) list += ", …";
    return usage_error("'" + std::string(ref) + "' matches " + std::to_string(matches.size()) +
                           " follow-ups: " + list,
                       "give more of the id");
  }
  const bool names_an_interaction =
      std::any_of(interactions.begin(), interactions.end(),
                  [&](const Interaction& i) { return i.id.starts_with(ref); });
  if (names_an_interaction) {
    return usage_error(
        "no follow-up matches '" + std::string(ref) + "' (the interactions it names have none)",
        "`kith due` lists the open follow-ups with their ids");
  }
  return usage_error("no follow-up matches '" + std::string(ref) + "'",
                     "`kith due` lists the open follow-ups with their ids");
}

Result<std::vector<Interaction>> read_month_in_file_order(const Store& store,
                                                          date::year_month month) {
  const std::string name = layout::month_file_name(month);
  auto text = fsutil::read_file(store.month_path(month));
  if (!text) return text.error();
  std::vector<Interaction> out;
  if (!text->has_value()) return out;
  const std::string& content = **text;
  std::size_t pos = 0;
  int line_no = 0;
  while (pos < content.size()) {
    ++line_no;
    std::size_t end = content.find('\n', pos);
    const std::string where =
        std::string(layout::kLogDir) + "/" + name + ":" + std::to_string(line_no);
    if (end == std::string::npos) {
      return data_error(where + ": ends with a torn line; not rewriting it",
                        "run `kith doctor --fix` first");
    }
    std::string_view line(content.data() + pos, end - pos);
    pos = end + 1;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    auto json = parse_json_document(line, where);
    if (!json) return data_error(where + ": not valid JSON", "fix or remove that line");
    auto interaction = interaction_from_json(*json, where);
    if (!interaction) return interaction.error();
    out.push_back(std::move(*interaction));
  }
  return out;
}

Status mark_follow_up_done(const Store& store, std::string_view id, Date date, Date done_on) {
  const date::year_month_day ymd{date};
  const date::year_month month = ymd.year() / ymd.month();
  auto lines = read_month_in_file_order(store, month);
  if (!lines) return lines.error();
  auto it = std::find_if(lines->begin(), lines->end(), [&](const Interaction& i) {
    return i.id == id && i.follow_up.has_value();
  });
  if (it == lines->end()) {
    return usage_error(layout::month_relative_path(month) + " has no follow-up " + std::string(id));
  }
  it->follow_up->done_on = done_on;
  return store.rewrite_month(month, *lines);
}

}  // namespace kith
