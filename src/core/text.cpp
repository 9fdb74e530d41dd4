#include "core/text.h"

#include <cstdlib>
#include <memory>

#include <utf8proc.h>

namespace kith::text {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD
constexpr std::string_view kEllipsis = "\xE2\x80\xA6";     // U+2026, one column

bool is_ascii_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_ascii_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }
bool is_slug_char(char c) { return is_ascii_lower(c) || is_ascii_digit(c); }
char ascii_lower(char c) { return is_ascii_upper(c) ? static_cast<char>(c - 'A' + 'a') : c; }

bool is_ascii(std::string_view s) {
  for (char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

std::string ascii_lowered(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = ascii_lower(c);
  return out;
}

// Decodes the well-formed UTF-8 sequence starting at s[i] into cp and returns
// its length, or returns 0 when the bytes there are not well-formed UTF-8.
// NUL decodes as U+0000; rejecting it is the caller's business.
std::size_t decode(std::string_view s, std::size_t i, char32_t& cp) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const std::size_t left = s.size() - i;
  const unsigned char b0 = byte(i);
  if (b0 < 0x80) {
    cp = b0;
    return 1;
  }
  std::size_t len = 0;
  unsigned char lo = 0x80;  // allowed range of the second byte
  unsigned char hi = 0xBF;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    len = 2;
    cp = b0 & 0x1F;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    len = 3;
    cp = b0 & 0x0F;
    if (b0 == 0xE0) lo = 0xA0;  // overlong
    if (b0 == 0xED) hi = 0x9F;  // surrogates
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    len = 4;
    cp = b0 & 0x07;
    if (b0 == 0xF0) lo = 0x90;  // overlong
    if (b0 == 0xF4) hi = 0x8F;  // above U+10FFFF
  } else {
    return 0;  // continuation byte, overlong lead C0/C1, or F5..FF
  }
  if (left < len) return 0;
  const unsigned char b1 = byte(i + 1);
  if (b1 < lo || b1 > hi) return 0;
  cp = (cp << 6) | (b1 & 0x3F);
  for (std::size_t k = 2; k < len; ++k) {
    const unsigned char b = byte(i + k);
    if (b < 0x80 || b > 0xBF) return 0;
    cp = (cp << 6) | (b & 0x3F);
  }
  return len;
}

// Columns of one well-formed code point.
std::size_t code_point_width(char32_t cp) {
  if (cp < 0x80) return (cp < 0x20 || cp == 0x7F) ? 0 : 1;
  if (utf8proc_category(static_cast<utf8proc_int32_t>(cp)) == UTF8PROC_CATEGORY_CC) return 0;
  const int w = utf8proc_charwidth(static_cast<utf8proc_int32_t>(cp));
  return w > 0 ? static_cast<std::size_t>(w) : 0;
}

// Latin letters without a Unicode decomposition, as they look after case
// folding (capitals are folded before this table applies). Each is a two-byte
// sequence starting C3, C4 or C5.
struct LetterMapping {
  std::string_view from;
  std::string_view to;
};
constexpr LetterMapping kUndecomposedLetters[] = {
    {"\xC3\xB8", "o"},   // ø U+00F8
    {"\xC3\xA6", "ae"},  // æ U+00E6
    {"\xC5\x93", "oe"},  // œ U+0153
    {"\xC5\x82", "l"},   // ł U+0142
    {"\xC4\x91", "d"},   // đ U+0111
    {"\xC3\xB0", "d"},   // ð U+00F0
    {"\xC3\xBE", "th"},  // þ U+00FE
    {"\xC4\xB1", "i"},   // ı U+0131
    // Capitals, in case folding ever leaves one (it does not in Unicode 15).
    {"\xC3\x98", "o"},   // Ø U+00D8
    {"\xC3\x86", "ae"},  // Æ U+00C6
    {"\xC5\x92", "oe"},  // Œ U+0152
    {"\xC5\x81", "l"},   // Ł U+0141
    {"\xC4\x90", "d"},   // Đ U+0110
    {"\xC3\x90", "d"},   // Ð U+00D0
    {"\xC3\x9E", "th"},  // Þ U+00DE
};

void map_undecomposed_letters(std::string& s) {
  std::size_t i = 0;
  while (i + 1 < s.size()) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b < 0xC3 || b > 0xC5) {
      ++i;
      continue;
    }
    const std::string_view pair(s.data() + i, 2);
    bool replaced = false;
    for (const LetterMapping& m : kUndecomposedLetters) {
      if (pair == m.from) {
        s.replace(i, 2, m.to);
        i += m.to.size();
        replaced = true;
        break;
      }
    }
    if (!replaced) i += 2;
  }
}

struct FreeDeleter {
  void operator()(utf8proc_uint8_t* p) const { std::free(p); }
};

std::string fold_unicode(std::string_view s) {
  constexpr auto kOptions = static_cast<utf8proc_option_t>(
      UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD | UTF8PROC_IGNORE |
      UTF8PROC_STRIPMARK | UTF8PROC_LUMP);
  utf8proc_uint8_t* raw = nullptr;
  const utf8proc_ssize_t n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(s.data()),
                                          static_cast<utf8proc_ssize_t>(s.size()), &raw, kOptions);
  const std::unique_ptr<utf8proc_uint8_t, FreeDeleter> owned(raw);
  if (n < 0 || raw == nullptr) return ascii_lowered(s);  // out of memory or rejected
  std::string out(reinterpret_cast<const char*>(raw), static_cast<std::size_t>(n));
  map_undecomposed_letters(out);
  return out;
}

bool is_term_separator(char c) {
  return c == ' ' || c == '-' || c == '_' || c == '\t' || c == '\n' || c == '\r' || c == '\v' ||
         c == '\f';
}

}  // namespace

bool is_valid_utf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b == 0) return false;
    if (b < 0x80) {
      ++i;
      continue;
    }
    char32_t cp = 0;
    const std::size_t len = decode(s, i, cp);
    if (len == 0) return false;
    i += len;
  }
  return true;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

std::string fold(std::string_view s) {
  if (is_ascii(s) || !is_valid_utf8(s)) return ascii_lowered(s);
  return fold_unicode(s);
}

bool folds_to(std::string_view s, std::string_view folded) {
  if (is_ascii(s) || !is_valid_utf8(s)) {
    // fold(s) is ascii_lowered(s).
    if (s.size() != folded.size()) return false;
    for (std::size_t i = 0; i < s.size(); ++i) {
      if (ascii_lower(s[i]) != folded[i]) return false;
    }
    return true;
  }
  std::size_t at = 0;
  for (char c : s) {
    if (!is_ascii_upper(c) && !is_ascii_lower(c) && !is_ascii_digit(c)) continue;
    at = folded.find(ascii_lower(c), at);
    if (at == std::string_view::npos) return false;
    ++at;
  }
  return fold_unicode(s) == folded;
}

std::string slugify(std::string_view name, std::size_t max_len) {
  const std::string folded = fold(name);
  std::string slug;
  slug.reserve(folded.size());
  bool pending_dash = false;
  for (char c : folded) {
    if (is_slug_char(c)) {
      if (pending_dash && !slug.empty()) slug.push_back('-');
      pending_dash = false;
      slug.push_back(c);
    } else {
      pending_dash = true;
    }
  }
  if (slug.size() > max_len) {
    std::size_t cut = max_len;
    if (slug[cut] != '-') {
      const std::size_t dash = slug.rfind('-', cut);
      if (dash != std::string::npos && dash >= max_len / 2 && dash > 0) cut = dash;
    }
    slug.resize(cut);
    while (!slug.empty() && slug.back() == '-') slug.pop_back();
  }
  return slug;
}

bool is_valid_id(std::string_view id) {
  if (id.empty() || id.size() > max_id_length) return false;
  if (!is_slug_char(id.front()) || !is_slug_char(id.back())) return false;
  for (char c : id) {
    if (!is_slug_char(c) && c != '-') return false;
  }
  return true;
}

bool has_latin_letter(std::string_view slug) {
  for (char c : slug) {
    if (is_ascii_lower(c)) return true;
  }
  return false;
}

std::size_t display_width(std::string_view s) {
  std::size_t width = 0;
  std::size_t i = 0;
  while (i < s.size()) {
    char32_t cp = 0;
    const std::size_t len = decode(s, i, cp);
    if (len == 0) {
      ++width;
      ++i;
      continue;
    }
    width += code_point_width(cp);
    i += len;
  }
  return width;
}

std::string pad_right(std::string_view s, std::size_t width) {
  const std::size_t have = display_width(s);
  std::string out;
  out.reserve(s.size() + (have < width ? width - have : 0));
  out.append(s);
  if (have < width) out.append(width - have, ' ');
  return out;
}

std::string truncate_to_width(std::string_view s, std::size_t width) {
  if (display_width(s) <= width) return std::string(s);
  if (width == 0) return {};
  const std::size_t budget = width - 1;  // one column for the ellipsis

  std::size_t used = 0;           // columns of the clusters kept so far
  std::size_t keep = 0;           // bytes of the clusters kept so far
  std::size_t cluster_width = 0;  // columns of the cluster being read
  utf8proc_int32_t state = 0;
  char32_t prev = 0;
  bool have_prev = false;
  std::size_t i = 0;
  while (i < s.size()) {
    char32_t cp = 0;
    std::size_t len = decode(s, i, cp);
    const bool valid = len != 0;
    if (!valid) len = 1;
    const bool extends =
        valid && have_prev &&
        !utf8proc_grapheme_break_stateful(static_cast<utf8proc_int32_t>(prev),
                                          static_cast<utf8proc_int32_t>(cp), &state);
    if (!extends && i > 0) {
      // The cluster ending at i is complete.
      if (used + cluster_width > budget) break;
      used += cluster_width;
      keep = i;
      cluster_width = 0;
    }
    cluster_width += valid ? code_point_width(cp) : 1;
    if (valid) {
      prev = cp;
      have_prev = true;
    } else {
      have_prev = false;
      state = 0;
    }
    i += len;
  }
  // The last cluster is never kept: s is wider than width, so it cannot fit.

  std::string out;
  out.reserve(keep + kEllipsis.size());
  out.append(s.substr(0, keep));
  out.append(kEllipsis);
  return out;
}

std::string normalize_term(std::string_view term) {
  const std::string folded = fold(term);
  std::string out;
  out.reserve(folded.size());
  std::size_t word_start = 0;
  const auto end_word = [&] {
    if (out.size() - word_start > 3 && out.back() == 's') out.pop_back();
  };
  bool pending_space = false;
  for (char c : folded) {
    if (is_term_separator(c)) {
      pending_space = true;
      continue;
    }
    if (pending_space && !out.empty()) {
      end_word();
      out.push_back(' ');
      word_start = out.size();
    }
    pending_space = false;
    out.push_back(c);
  }
  if (!out.empty()) end_word();
  return out;
}

bool terms_match(std::string_view a, std::string_view b) {
  const std::string na = normalize_term(a);
  return !na.empty() && na == normalize_term(b);
}

std::string normalize_note(std::string_view s) {
  std::vector<std::string> lines(1);
  for (std::size_t k = 0; k < s.size(); ++k) {
    const unsigned char ch = static_cast<unsigned char>(s[k]);
    const bool separator = s.substr(k, 3) == "\u2028" || s.substr(k, 3) == "\u2029";
    if (ch == '\r' || ch == '\n' || separator) {
      if (ch == '\r' && k + 1 < s.size() && s[k + 1] == '\n') ++k;
      if (separator) k += 2;
      lines.emplace_back();
    } else if (ch < 0x20 || ch == 0x7f) {
      lines.back() += ' ';
    } else {
      lines.back() += static_cast<char>(ch);
    }
  }
  for (auto& line : lines) {
    while (!line.empty() && line.back() == ' ') line.pop_back();
  }
  std::size_t first = 0;
  while (first < lines.size() && lines[first].empty()) ++first;
  std::size_t last = lines.size();
  while (last > first && lines[last - 1].empty()) --last;
  std::string out;
  for (std::size_t k = first; k < last; ++k) out += (k == first ? "" : "\n") + lines[k];
  return out;
}

std::vector<std::string> split_lines(std::string_view s) {
  std::vector<std::string> out(1);
  for (char ch : s) {
    if (ch == '\n') {
      out.emplace_back();
    } else {
      out.back() += ch;
    }
  }
  return out;
}

std::string sanitize_for_terminal(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  std::size_t i = 0;
  while (i < s.size()) {
    const char c = s[i];
    const auto b = static_cast<unsigned char>(c);
    if (b >= 0x20 && b < 0x7F) {
      out.push_back(c);
      ++i;
      continue;
    }
    char32_t cp = 0;
    const std::size_t len = decode(s, i, cp);
    if (len == 0) {
      out.append(kReplacement);
      ++i;
      continue;
    }
    const bool control = cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0x2028 || cp == 0x2029;
    if (control) {
      out.append(kReplacement);
    } else {
      out.append(s.substr(i, len));
    }
    i += len;
  }
  return out;
}

std::string_view trim(std::string_view s) {
  constexpr std::string_view kSpace = " \t\n\r\v\f";
  const auto first = s.find_first_not_of(kSpace);
  if (first == std::string_view::npos) return {};
  const auto last = s.find_last_not_of(kSpace);
  return s.substr(first, last - first + 1);
}

}  // namespace kith::text
