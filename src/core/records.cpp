#include "core/records.h"

#include <algorithm>
#include <string>

#include "core/log_line.h"
#include "core/text.h"

namespace kith {
namespace {

int line_of(std::string_view text, std::size_t byte) {
  byte = std::min(byte, text.size());
  return 1 +
         static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(byte), '\n'));
}

// Deeper than this, a JSON text is refused: copying, comparing and printing
// a JSON value recurse once per level, so a deep enough file would overflow
// the stack. kith writes three levels; other tools rarely more than a few.
constexpr int kMaxJsonDepth = 256;

// The offset of the first bracket that opens more than kMaxJsonDepth levels,
// or nullopt. Strings are skipped, so brackets inside them do not count.
std::optional<std::size_t> too_deep_at(std::string_view text) {
  int depth = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char ch = text[i];
    if (in_string) {
      if (ch == '\\') {
        ++i;
      } else if (ch == '"') {
        in_string = false;
      }
    } else if (ch == '"') {
      in_string = true;
    } else if (ch == '[' || ch == '{') {
      if (++depth > kMaxJsonDepth) return i;
    } else if (ch == ']' || ch == '}') {
      --depth;
    }
  }
  return std::nullopt;
}

const char* const kCorruptHint =
    "fix or restore the file (kith never overwrites a corrupt file); "
    "`kith doctor` lists every problem";

std::string too_deep_message() {
  return "not valid JSON: nested too deeply (more than " + std::to_string(kMaxJsonDepth) +
         " levels)";
}

template <class Record>
AliasMap aliases_of(std::span<const Record> contacts) {
  AliasMap map;
  for (const auto& c : contacts) {
    for (const auto& alias : c.aliases) {
      if (alias != c.id) map.emplace(alias, c.id);
    }
  }
  return map;
}

}  // namespace

AliasMap alias_map(std::span<const Contact> contacts) { return aliases_of(contacts); }
AliasMap alias_map(std::span<const ContactHead> contacts) { return aliases_of(contacts); }

std::string_view canonical_id(const AliasMap& aliases, std::string_view id) {
  auto it = aliases.find(id);
  return it == aliases.end() ? id : std::string_view(it->second);
}

bool resolve_aliases(std::vector<std::string>& ids, const AliasMap& aliases) {
  if (aliases.empty()) return false;
  bool changed = false;
  std::vector<std::string> out;
  out.reserve(ids.size());
  for (auto& id : ids) {
    std::string_view to = canonical_id(aliases, id);
    if (to != id) changed = true;
    if (std::find(out.begin(), out.end(), to) != out.end()) {
      changed = true;
      continue;
    }
    out.emplace_back(to);
  }
  if (changed) ids = std::move(out);
  return changed;
}

const Contact* Network::find(std::string_view id) const {
  auto it = std::lower_bound(contacts.begin(), contacts.end(), id,
                             [](const Contact& c, std::string_view key) { return c.id < key; });
  if (it != contacts.end() && it->id == id) return &*it;
  return nullptr;
}

std::string serialize_document(const Json& j) { return j.dump(2) + "\n"; }
std::string serialize_line(const Json& j) { return j.dump() + "\n"; }

Json parse_or_problem(std::string_view text, std::optional<JsonProblem>& problem) {
  problem.reset();
  if (!too_deep_at(text)) {
    Json j = Json::parse(text.begin(), text.end(), nullptr, false);
    if (!j.is_discarded()) return j;
  }
  problem = json_problem(text);
  // The parser and json_problem() agree on what is valid; should they ever
  // not, the text is still no document.
  if (!problem) problem = JsonProblem{1, "not valid JSON"};
  return Json(Json::value_t::discarded);
}

std::optional<JsonProblem> json_problem(std::string_view text) {
  if (auto at = too_deep_at(text)) {
    return JsonProblem{line_of(text, *at), "nested too deeply (more than " +
                                               std::to_string(kMaxJsonDepth) + " levels)"};
  }
  // A SAX pass that stops at the first error: the parser reports a number too
  // large for a double as out_of_range, without the position parse_error
  // carries, but every error reaches this callback with the bytes read.
  struct FirstError : nlohmann::json_sax<Json> {
    std::size_t position = 0;
    std::string what;
    bool null() override { return true; }
    bool boolean(bool) override { return true; }
    bool number_integer(number_integer_t) override { return true; }
    bool number_unsigned(number_unsigned_t) override { return true; }
    bool number_float(number_float_t, const string_t&) override { return true; }
    bool string(string_t&) override { return true; }
    bool binary(binary_t&) override { return true; }
    bool start_object(std::size_t) override { return true; }
    bool key(string_t&) override { return true; }
    bool end_object() override { return true; }
    bool start_array(std::size_t) override { return true; }
    bool end_array() override { return true; }
    bool parse_error(std::size_t bytes, const std::string&,
                     const nlohmann::detail::exception& e) override {
      position = bytes;
      what = e.what();
      return false;
    }
  } sax;
  if (Json::sax_parse(text.begin(), text.end(), &sax)) return std::nullopt;
  // "[json.exception.parse_error.101] parse error at line 3, column 4: syntax
  // error ..." and "[json.exception.out_of_range.406] number overflow ...":
  // keep what comes after the bracket and the position.
  std::string_view detail = sax.what;
  if (auto bracket = detail.find("] "); detail.starts_with("[") && bracket != std::string::npos) {
    detail.remove_prefix(bracket + 2);
  }
  if (detail.starts_with("parse error")) {
    if (auto colon = detail.find(": "); colon != std::string::npos) detail.remove_prefix(colon + 2);
  }
  return JsonProblem{line_of(text, sax.position == 0 ? 0 : sax.position - 1),
                     text::sanitize_for_terminal(detail)};
}

Result<Json> parse_json_document(std::string_view text, std::string_view where) {
  if (auto at = too_deep_at(text)) {
    return data_error(
        std::string(where) + ":" + std::to_string(line_of(text, *at)) + ": " + too_deep_message(),
        kCorruptHint);
  }
  try {
    return Json::parse(text.begin(), text.end());
  } catch (const Json::exception&) {  // a syntax error, or a number out of range
    const auto problem = json_problem(text);
    return data_error(std::string(where) + ":" + std::to_string(problem ? problem->line : 1) +
                          ": not valid JSON: " + (problem ? problem->detail : "unreadable"),
                      kCorruptHint);
  }
}

Result<std::vector<Interaction>> parse_log(std::string_view content, std::string_view label,
                                           std::vector<std::string>& warnings, int first_line,
                                           std::vector<Unreadable>* unreadable) {
  std::vector<Interaction> out;
  std::size_t pos = 0;
  int line_no = first_line - 1;
  // A bad line: the error, or with `unreadable`, left out and noted.
  auto bad = [&](Error e) -> std::optional<Error> {
    if (!unreadable) return e;
    unreadable->push_back({Unreadable::What::line, std::string(label), "", std::move(e)});
    return std::nullopt;
  };
  const char* const line_hint =
      "fix or remove that line (kith never overwrites a corrupt file); "
      "`kith doctor` lists every problem";
  while (pos < content.size()) {
    ++line_no;
    std::size_t end = content.find('\n', pos);
    const bool last_without_newline = end == std::string_view::npos;
    if (last_without_newline) end = content.size();
    std::string_view line = content.substr(pos, end - pos);
    pos = end + 1;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    // A line as kith writes it is read without a JSON value; any other goes
    // through the JSON parser, which also words what is wrong with it.
    if (auto written = read_log_line(line)) {
      out.push_back(std::move(*written));
      continue;
    }
    const std::string where = std::string(label) + ":" + std::to_string(line_no);
    if (too_deep_at(line)) {
      if (auto e = bad(data_error(where + ": " + too_deep_message(), line_hint))) return *e;
      continue;
    }
    Json json;
    try {
      json = Json::parse(line.begin(), line.end());
    } catch (const Json::exception&) {  // a syntax error, or a number out of range
      if (last_without_newline) {
        warnings.push_back(where +
                           ": skipped a torn last line (an interrupted write); "
                           "`kith doctor --fix` removes it");
        break;
      }
      if (auto e = bad(data_error(where + ": not valid JSON", line_hint))) return *e;
      continue;
    }
    auto interaction = interaction_from_json(std::move(json), where);
    if (!interaction) {
      Error e = interaction.error();
      if (e.hint.empty()) e.hint = line_hint;
      if (auto stop = bad(std::move(e))) return *stop;
      continue;
    }
    out.push_back(std::move(*interaction));
  }
  return out;
}

namespace {

// The line of `text` where the top-level key `key` of a JSON object is
// written ("key" followed by a colon), or 0 when it cannot be found.
int line_of_key(std::string_view text, std::string_view key) {
  const std::string quoted = "\"" + std::string(key) + "\"";
  for (std::size_t at = text.find(quoted); at != std::string_view::npos;
       at = text.find(quoted, at + 1)) {
    const std::size_t after = text.find_first_not_of(" \t\r\n", at + quoted.size());
    if (after != std::string_view::npos && text[after] == ':') return line_of(text, at);
  }
  return 0;
}

// "WHERE: 'key' is …" or "WHERE key[0]: …" made "WHERE:LINE: …", with the
// line of that key in `text`, when the error names a key found there.
Error with_key_line(Error e, std::string_view text, const std::string& where) {
  if (!e.message.starts_with(where) || e.message.size() <= where.size()) return e;
  const std::string_view rest = std::string_view(e.message).substr(where.size());
  std::string_view key;
  if (rest.starts_with(": '")) {
    key = rest.substr(3);
    key = key.substr(0, key.find('\''));
  } else if (rest.starts_with(" ")) {
    key = rest.substr(1);
    key = key.substr(0, key.find_first_of("[: "));
  }
  if (key.empty()) return e;
  if (const int line = line_of_key(text, key); line > 0) {
    e.message =
        where + ":" + std::to_string(line) + (rest.starts_with(" ") ? ":" : "") + std::string(rest);
  }
  return e;
}

}  // namespace

Result<Contact> parse_contact_file(std::string_view text, std::string_view id,
                                   const std::string& where) {
  auto json = parse_json_document(text, where);
  if (!json) return json.error();
  auto contact = contact_from_json(std::move(*json), where);
  if (!contact) {
    Error e = with_key_line(contact.error(), text, where);
    if (e.hint.empty()) e.hint = kCorruptHint;
    return e;
  }
  if (contact->id != id) {
    return data_error(where + ": its id '" + contact->id + "' does not match the file name",
                      "rename the file or fix its \"id\"");
  }
  return contact;
}

bool came_by_import(const Contact& c) {
  // The key says it either way: null is written into a contact of yours
  // that an import matched, which brought it a tag or a UID of its own.
  if (auto it = c.extra.find("imported_from"); it != c.extra.end()) return it->is_string();
  if (c.extra.contains("vcard_uid")) return true;
  return std::any_of(c.tags.begin(), c.tags.end(),
                     [](const std::string& t) { return text::terms_match(t, "linkedin"); });
}

}  // namespace kith
