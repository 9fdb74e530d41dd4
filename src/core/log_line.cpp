#include "core/log_line.h"

#include <string>
#include <utility>
#include <vector>

#include "core/dates.h"
#include "core/text.h"

namespace kith {
namespace {

// A cursor over one line. Every read returns false when the text is not
// what this reader takes; the caller then gives up on the line.
class LineCursor {
 public:
  explicit LineCursor(std::string_view text) : text_(text) {}

  void skip_space() {
    while (pos_ < text_.size()) {
      const char c = text_[pos_];
      if (c != ' ' && c != '\t' && c != '\r' && c != '\n') break;
      ++pos_;
    }
  }

  // Skips white space, then takes `c` if it comes next.
  bool take(char c) {
    skip_space();
    if (pos_ < text_.size() && text_[pos_] == c) {
      ++pos_;
      return true;
    }
    return false;
  }

  bool at_end() {
    skip_space();
    return pos_ == text_.size();
  }

  // Takes the literal `null`.
  bool take_null() {
    skip_space();
    if (text_.substr(pos_, 4) != "null") return false;
    pos_ += 4;
    return true;
  }

  bool next_is(char c) {
    skip_space();
    return pos_ < text_.size() && text_[pos_] == c;
  }

  // Reads a JSON string into `out`, its escapes decoded. Refuses control
  // characters, bad escapes and surrogates that do not pair, as a JSON
  // parser does; the bytes in between are checked by the caller
  // (text::is_valid_utf8), which also refuses what JSON would.
  bool string(std::string& out) {
    out.clear();
    if (!take('"')) return false;
    while (pos_ < text_.size()) {
      // Copy the run of plain bytes at once.
      std::size_t run = pos_;
      while (run < text_.size()) {
        const auto b = static_cast<unsigned char>(text_[run]);
        if (b == '"' || b == '\\' || b < 0x20) break;
        ++run;
      }
      out.append(text_.substr(pos_, run - pos_));
      pos_ = run;
      if (pos_ == text_.size()) return false;
      const char c = text_[pos_++];
      if (c == '"') return true;
      if (c != '\\') return false;  // a control character
      if (pos_ == text_.size()) return false;
      switch (text_[pos_++]) {
        case '"':
          out += '"';
          break;
        case '\\':
          out += '\\';
          break;
        case '/':
          out += '/';
          break;
        case 'b':
          out += '\b';
          break;
        case 'f':
          out += '\f';
          break;
        case 'n':
          out += '\n';
          break;
        case 'r':
          out += '\r';
          break;
        case 't':
          out += '\t';
          break;
        case 'u': {
          char32_t cp = 0;
          if (!hex4(cp)) return false;
          if (cp >= 0xDC00 && cp <= 0xDFFF) return false;
          if (cp >= 0xD800 && cp <= 0xDBFF) {
            char32_t low = 0;
            if (text_.substr(pos_, 2) != "\\u") return false;
            pos_ += 2;
            if (!hex4(low) || low < 0xDC00 || low > 0xDFFF) return false;
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
          }
          text::append_utf8(out, cp);
          break;
        }
        default:
          return false;
      }
    }
    return false;
  }

 private:
  bool hex4(char32_t& cp) {
    if (text_.size() - pos_ < 4) return false;
    cp = 0;
    for (int k = 0; k < 4; ++k) {
      const char c = text_[pos_++];
      cp <<= 4;
      if (c >= '0' && c <= '9') {
        cp |= static_cast<char32_t>(c - '0');
      } else if (c >= 'a' && c <= 'f') {
        cp |= static_cast<char32_t>(c - 'a' + 10);
      } else if (c >= 'A' && c <= 'F') {
        cp |= static_cast<char32_t>(c - 'A' + 10);
      } else {
        return false;
      }
    }
    return true;
  }

  std::string_view text_;
  std::size_t pos_ = 0;
};

// A string value, or null (nullopt in `out`); false for anything else or a
// string that is not valid UTF-8.
bool string_or_null(LineCursor& in, std::optional<std::string>& out) {
  if (in.take_null()) {
    out.reset();
    return true;
  }
  std::string s;
  if (!in.string(s) || !text::is_valid_utf8(s)) return false;
  out = std::move(s);
  return true;
}

// A date string, or null.
bool date_or_null(LineCursor& in, std::optional<Date>& out) {
  std::optional<std::string> s;
  if (!string_or_null(in, s)) return false;
  if (!s) {
    out.reset();
    return true;
  }
  auto d = parse_iso_date(*s);
  if (!d) return false;
  out = *d;
  return true;
}

// A list of strings, or null (an empty list).
bool strings_or_null(LineCursor& in, std::vector<std::string>& out) {
  out.clear();
  if (in.take_null()) return true;
  if (!in.take('[')) return false;
  if (in.take(']')) return true;
  do {
    std::string s;
    if (!in.string(s) || !text::is_valid_utf8(s)) return false;
    out.push_back(std::move(s));
  } while (in.take(','));
  return in.take(']');
}

// Reads an object's members, calling `member(key)` with the cursor before
// each value; false when a key comes twice (a JSON parser keeps the last,
// the general reader then decides), a key is not known, or the syntax is
// not an object's.
template <typename Member>
bool members(LineCursor& in, Member member) {
  if (!in.take('{')) return false;
  if (in.take('}')) return true;
  unsigned seen = 0;
  std::string key;
  do {
    if (!in.string(key) || !in.take(':')) return false;
    const int bit = member(key, in);
    if (bit < 0 || (seen & (1u << bit)) != 0) return false;
    seen |= 1u << bit;
  } while (in.take(','));
  return in.take('}');
}

bool follow_up(LineCursor& in, std::optional<FollowUp>& out) {
  out.reset();
  if (in.take_null()) return true;
  FollowUp f;
  bool ok = true;
  const bool read = members(in, [&](const std::string& key, LineCursor& c) -> int {
    if (key == "text") {
      std::optional<std::string> text;
      ok = string_or_null(c, text);
      f.text = text.value_or("");
      return ok ? 0 : -1;
    }
    if (key == "by") return (ok = date_or_null(c, f.by)) ? 1 : -1;
    if (key == "done_on") return (ok = date_or_null(c, f.done_on)) ? 2 : -1;
    return -1;
  });
  if (!read || !ok) return false;
  out = std::move(f);
  return true;
}

}  // namespace

std::optional<Interaction> read_log_line(std::string_view line) {
  LineCursor in(line);
  Interaction i;
  bool has_date = false;
  const bool read = members(in, [&](const std::string& key, LineCursor& c) -> int {
    std::optional<std::string> s;
    if (key == "id") {
      if (!string_or_null(c, s) || !s) return -1;
      i.id = std::move(*s);
      return 0;
    }
    if (key == "date") {
      std::optional<Date> d;
      if (!date_or_null(c, d) || !d) return -1;
      i.date = *d;
      has_date = true;
      return 1;
    }
    if (key == "contacts") return strings_or_null(c, i.contacts) ? 2 : -1;
    if (key == "kind") {
      if (!string_or_null(c, s)) return -1;
      i.kind = s && !s->empty() ? std::move(*s) : "other";
      return 3;
    }
    if (key == "intent") {
      if (!string_or_null(c, s)) return -1;
      if (!s || s->empty()) {
        i.intent = Intent::catch_up;
      } else if (auto intent = parse_intent(*s)) {
        i.intent = *intent;
      } else {
        return -1;
      }
      return 4;
    }
    if (key == "note") {
      if (!string_or_null(c, s)) return -1;
      if (s && !s->empty()) i.note = std::move(*s);
      return 5;
    }
    if (key == "logged_at") {
      if (!string_or_null(c, s)) return -1;
      i.logged_at = s.value_or("");
      return 6;
    }
    if (key == "follow_up") return follow_up(c, i.follow_up) ? 7 : -1;
    return -1;
  });
  if (!read || !in.at_end()) return std::nullopt;
  if (i.id.empty() || !has_date || i.contacts.empty() || !is_valid_interaction_id(i.id)) {
    return std::nullopt;
  }
  return i;
}

}  // namespace kith
