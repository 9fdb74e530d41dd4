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

namespace {

// The random part of one of kith's own ids (YYYYMMDDTHHMMSSZ-xxxxxx), else
// empty.
std::string_view random_part(std::string_view id) {
  if (id.size() == 23 && id[8] == 'T' && id[15] == 'Z' && id[16] == '-') return id.substr(17);
  return {};
}

constexpr std::size_t kMinRandomPrefix = 4;
constexpr std::size_t kMaxListed = 10;

std::string listed(const std::vector<const Interaction*>& matches) {
  std::string list;
  for (std::size_t k = 0; k < matches.size() && k < kMaxListed; ++k) {
    list +=
        std::string(k ? ", " : "") + matches[k]->id + " (" + format_date(matches[k]->date) + ")";
  }
  if (matches.size() > kMaxListed) list += ", …";
  return list;
}

Status check_interaction_ref(std::string_view ref, std::string_view hint) {
  if (!is_valid_interaction_id(ref)) {
    return usage_error("'" + text::sanitize_for_terminal(ref) + "' is not an interaction id",
                       std::string(hint));
  }
  return {};
}

}  // namespace

std::string short_interaction_id(std::string_view id) {
  const std::string_view random = random_part(id);
  return std::string(random.empty() ? id : random);
}

bool names_interaction(std::string_view id, std::string_view ref) {
  if (ref.empty()) return false;
  if (id.starts_with(ref)) return true;
  const std::string_view random = random_part(id);
  return ref.size() >= kMinRandomPrefix && random.starts_with(ref);
}

Result<const Interaction*> find_interaction(const std::vector<Interaction>& interactions,
                                            std::string_view ref) {
  constexpr std::string_view kHint =
      "`kith show CONTACT` lists a contact's interactions with their ids";
  if (auto s = check_interaction_ref(ref, kHint); !s) return s.error();
  std::vector<const Interaction*> matches;
  for (const auto& i : interactions) {
    if (i.id == ref) return &i;
    if (names_interaction(i.id, ref)) matches.push_back(&i);
  }
  if (matches.size() == 1) return matches.front();
  if (matches.empty())
    return usage_error("no interaction matches '" + std::string(ref) + "'", std::string(kHint));
  return usage_error("'" + std::string(ref) + "' matches " + std::to_string(matches.size()) +
                         " interactions: " + listed(matches),
                     "give more of the id");
}

Result<const Interaction*> find_follow_up(const std::vector<Interaction>& interactions,
                                          std::string_view ref) {
  constexpr std::string_view kHint = "`kith due` lists the open follow-ups with their ids";
  if (auto s = check_interaction_ref(ref, kHint); !s) return s.error();
  const Interaction* exact_without = nullptr;
  for (const auto& i : interactions) {
    if (i.id != ref) continue;
    if (i.follow_up) return &i;
    exact_without = &i;
  }
  if (exact_without) {
    return usage_error("interaction " + exact_without->id + " has no follow-up",
                       "log one with `kith log CONTACT --follow-up TEXT --by DATE`");
  }
  // A ref that matches open follow-ups names one of them; only when none is
  // open does it name a done one (to say it is done already).
  std::vector<const Interaction*> matches;
  for (bool open : {true, false}) {
    for (const auto& i : interactions) {
      if (i.follow_up && (!open || !i.follow_up->done_on) && names_interaction(i.id, ref)) {
        matches.push_back(&i);
      }
    }
    if (!matches.empty()) break;
  }
  if (matches.size() == 1) return matches.front();
  if (matches.size() > 1) {
    return usage_error("'" + std::string(ref) + "' matches " + std::to_string(matches.size()) +
                           " follow-ups: " + listed(matches),
                       "give more of the id");
  }
  const bool names_an_interaction =
      std::any_of(interactions.begin(), interactions.end(),
                  [&](const Interaction& i) { return names_interaction(i.id, ref); });
  if (names_an_interaction) {
    return usage_error(
        "no follow-up matches '" + std::string(ref) + "' (the interactions it names have none)",
        std::string(kHint));
  }
  return usage_error("no follow-up matches '" + std::string(ref) + "'", std::string(kHint));
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

namespace {

date::year_month month_of_date(Date d) {
  const date::year_month_day ymd{d};
  return ymd.year() / ymd.month();
}

}  // namespace

long long revision_of(const Interaction& i) {
  auto it = i.extra.find(kRevisionKey);
  if (it == i.extra.end() || !it->is_number_integer()) return 0;
  return it->get<long long>();
}

Status replace_interaction(const Store& store, const Interaction& old,
                           const std::optional<Interaction>& updated) {
  const date::year_month from = month_of_date(old.date);
  auto lines = read_month_in_file_order(store, from);
  if (!lines) return lines.error();
  auto it = std::find_if(lines->begin(), lines->end(),
                         [&](const Interaction& i) { return i.id == old.id; });
  if (it == lines->end()) {
    return usage_error(
        layout::month_relative_path(from) + " has no interaction " + old.id + " any more",
        "another kith changed it meanwhile; look again with `kith show`");
  }
  if (!updated) {
    lines->erase(it);
    return store.rewrite_month(from, *lines);
  }
  const date::year_month to = month_of_date(updated->date);
  if (to == from) {
    *it = *updated;
    return store.rewrite_month(from, *lines);
  }
  auto destination = read_month_in_file_order(store, to);
  if (!destination) return destination.error();
  destination->push_back(*updated);
  if (auto s = store.rewrite_month(to, *destination); !s) return s;
  lines->erase(it);
  return store.rewrite_month(from, *lines);
}

}  // namespace kith
