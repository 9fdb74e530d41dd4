// The one file that includes GMime's (and GLib's) headers: it is compiled on
// its own, out of the core's unity build, so that GLib's macros stay here.
#include "core/mail_read.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cerrno>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <memory>
#include <mutex>
#include <optional>
#include <utility>

#include <dirent.h>
#include <fcntl.h>
#include <gmime/gmime.h>
#include <sys/stat.h>
#include <unistd.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "core/charset.h"
#include "core/text.h"

namespace kith::mail_read {
namespace {

namespace fs = std::filesystem;

// ---------------------------------------------------------------------------
// Text: header values as one line of valid UTF-8

char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (ascii_lower(a[i]) != ascii_lower(b[i])) return false;
  }
  return true;
}

// `s` equals `lower` (lower-case letters and "-") in any case.
bool is_name(std::string_view s, std::string_view lower) {
  if (s.size() != lower.size()) return false;
  unsigned differ = 0;
  for (std::size_t i = 0; i < s.size(); ++i)
    differ |= static_cast<unsigned>((s[i] | 0x20) != lower[i]);
  return differ == 0;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

std::string_view trim_spaces(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

// Windows-1252's bytes 0x80 to 0x9F; the five it leaves unassigned are read
// as Latin-1's C1 controls (which clean() then turns into spaces).
constexpr std::array<char16_t, 32> kCp1252High = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

// The well-formed UTF-8 sequence at s[i]: its code point and length, or a
// length of 0 when the bytes there are not one.
std::size_t decode_utf8(std::string_view s, std::size_t i, char32_t& cp) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char b0 = byte(i);
  std::size_t len = 0;
  char32_t min = 0;
  if (b0 < 0x80) {
    cp = b0;
    return 1;
  }
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    len = 2, cp = b0 & 0x1F, min = 0x80;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    len = 3, cp = b0 & 0x0F, min = 0x800;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    len = 4, cp = b0 & 0x07, min = 0x10000;
  } else {
    return 0;
  }
  if (s.size() - i < len) return 0;
  for (std::size_t k = 1; k < len; ++k) {
    const unsigned char b = byte(i + k);
    if ((b & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (b & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return len;
}

// Appends `bytes`, read as Windows-1252, to `out` in UTF-8.
void append_windows1252(std::string_view bytes, std::string& out) {
  for (char c : bytes) {
    const auto b = static_cast<unsigned char>(c);
    if (b < 0x80) {
      out += c;
    } else if (b < 0xA0) {
      text::append_utf8(out, kCp1252High[b - 0x80]);
    } else {
      text::append_utf8(out, b);
    }
  }
}

// A header field's value as text: the line breaks of its folding removed,
// NUL bytes as spaces, and bytes that are not UTF-8 read as Windows-1252.
void field_text(std::string_view raw, std::string& out) {
  raw = trim_spaces(raw);
  // One pass without branches (the compiler vectorizes it).
  unsigned high = 0;
  unsigned breaks = 0;
  for (char c : raw) {
    const auto b = static_cast<unsigned char>(c);
    high |= b;
    breaks |= static_cast<unsigned>(b == '\r') | static_cast<unsigned>(b == '\n') |
              static_cast<unsigned>(b == 0);
  }
  const bool ascii = (high & 0x80) == 0;
  out.assign(raw.data(), raw.size());
  if (breaks != 0) {
    char* const begin = out.data();
    char* kept = begin;
    for (const char* c = begin; c != begin + out.size(); ++c) {
      if (*c == '\r' || *c == '\n') continue;
      *kept++ = *c == '\0' ? ' ' : *c;
    }
    out.resize(static_cast<std::size_t>(kept - begin));
  }
  if (ascii || text::is_valid_utf8(out)) return;
  std::string converted;
  converted.reserve(out.size() * 2);
  append_windows1252(out, converted);
  out.swap(converted);
}

enum class Spaces { collapse, drop };

// True when clean(s, spaces) is `s` itself: printable ASCII, with single
// spaces between words (or none).
bool is_clean(std::string_view s, Spaces spaces) {
  if (s.empty()) return true;
  if (s.front() == ' ' || s.back() == ' ') return false;
  // Branch-free passes (the compiler vectorizes them): no byte outside
  // 0x20-0x7E, and no space (drop) or no two spaces in a row (collapse).
  unsigned bad = 0;
  for (char c : s) {
    const auto b = static_cast<unsigned char>(c);
    bad |= static_cast<unsigned>(b < 0x20) | static_cast<unsigned>(b > 0x7E);
  }
  if (bad != 0) return false;
  if (spaces == Spaces::drop) return s.find(' ') == std::string_view::npos;
  unsigned doubled = 0;
  for (std::size_t i = 1; i < s.size(); ++i) {
    doubled |= static_cast<unsigned>(s[i] == ' ') & static_cast<unsigned>(s[i - 1] == ' ');
  }
  return doubled == 0;
}

// True when clean(s, Spaces::collapse) is `s` itself, for `s` known to be
// valid UTF-8: no controls, single spaces. (0xC2 and 0xE2 lead the C1
// controls and the line separators: text with them goes through clean().)
bool is_clean_utf8(std::string_view s) {
  if (s.empty()) return true;
  if (s.front() == ' ' || s.back() == ' ') return false;
  // Branch-free passes (the compiler vectorizes them).
  unsigned bad = 0;
  for (char c : s) {
    const auto b = static_cast<unsigned char>(c);
    bad |= static_cast<unsigned>(b < 0x20) | static_cast<unsigned>(b == 0x7F) |
           static_cast<unsigned>(b == 0xC2) | static_cast<unsigned>(b == 0xE2);
  }
  for (std::size_t i = 1; i < s.size(); ++i)
    bad |= static_cast<unsigned>(s[i] == ' ') & static_cast<unsigned>(s[i - 1] == ' ');
  return bad == 0;
}

// `s` as valid UTF-8 (an ill-formed byte as U+FFFD) on one line: controls,
// line separators and runs of white space as one space (or none), trimmed.
void clean_into(std::string_view s, Spaces spaces, std::string& out) {
  if (is_clean(s, spaces)) {
    out.assign(s);
    return;
  }
  out.clear();
  bool pending_space = false;
  std::size_t i = 0;
  while (i < s.size()) {
    char32_t cp = 0;
    std::size_t len = decode_utf8(s, i, cp);
    if (len == 0) {
      cp = 0xFFFD;
      len = 1;
    }
    const bool blank =
        cp <= 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F) || cp == 0x2028 || cp == 0x2029;
    if (blank) {
      pending_space = spaces == Spaces::collapse && !out.empty();
    } else {
      if (pending_space) out += ' ';
      pending_space = false;
      if (cp == 0xFFFD && len == 1) {
        text::append_utf8(out, cp);
      } else {
        out.append(s.substr(i, len));
      }
    }
    i += len;
  }
}

std::string clean(std::string_view s, Spaces spaces) {
  std::string out;
  clean_into(s, spaces, out);
  return out;
}

// ---------------------------------------------------------------------------
// Finding bytes 16 at a time (SSE2 where there is SSE2: every x86-64)

// Bit i set when p[i] == c, for i < 16; p[0..15] must be readable.
std::uint32_t byte_mask16(const char* p, char c) {
#if defined(__SSE2__)
  const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  return static_cast<std::uint32_t>(_mm_movemask_epi8(_mm_cmpeq_epi8(bytes, _mm_set1_epi8(c))));
#else
  std::uint32_t mask = 0;
  for (unsigned i = 0; i < 16; ++i) mask |= static_cast<std::uint32_t>(p[i] == c) << i;
  return mask;
#endif
}

// The same for the n < 16 bytes at p.
std::uint32_t byte_mask_tail(const char* p, std::size_t n, char c) {
  std::uint32_t mask = 0;
  for (std::size_t i = 0; i < n; ++i) mask |= static_cast<std::uint32_t>(p[i] == c) << i;
  return mask;
}

// The number of bits set in a 16-bit mask (std::popcount is a library call
// on x86-64 CPUs that may lack POPCNT).
constexpr std::array<std::uint8_t, 256> kBitsSet = [] {
  std::array<std::uint8_t, 256> table{};
  for (unsigned i = 0; i < 256; ++i) {
    table[i] = static_cast<std::uint8_t>((i & 1) + ((i >> 1) & 1) + ((i >> 2) & 1) +
                                         ((i >> 3) & 1) + ((i >> 4) & 1) + ((i >> 5) & 1) +
                                         ((i >> 6) & 1) + ((i >> 7) & 1));
  }
  return table;
}();

unsigned bits_set16(std::uint32_t mask) {
  return kBitsSet[mask & 0xFF] + kBitsSet[(mask >> 8) & 0xFF];
}

// The positions of the line feeds of a text, one after the other.
class Newlines {
 public:
  explicit Newlines(std::string_view text) : text_(text) {}

  // The next line feed's position, or the text's size when there is none.
  std::size_t next() {
    while (mask_ == 0) {
      if (block_ >= text_.size()) return text_.size();
      // 64 bytes at a time: a line of a header is rarely longer.
      const char* p = text_.data() + block_;
      const std::size_t left = text_.size() - block_;
      if (left >= 64) {
        mask_ = static_cast<std::uint64_t>(byte_mask16(p, '\n')) |
                static_cast<std::uint64_t>(byte_mask16(p + 16, '\n')) << 16 |
                static_cast<std::uint64_t>(byte_mask16(p + 32, '\n')) << 32 |
                static_cast<std::uint64_t>(byte_mask16(p + 48, '\n')) << 48;
      } else {
        for (std::size_t k = 0; k < left; k += 16) {
          const std::uint32_t part =
              left - k >= 16 ? byte_mask16(p + k, '\n') : byte_mask_tail(p + k, left - k, '\n');
          mask_ |= static_cast<std::uint64_t>(part) << k;
        }
      }
      base_ = block_;
      block_ += 64;
    }
    const std::size_t at = base_ + static_cast<std::size_t>(std::countr_zero(mask_));
    mask_ &= mask_ - 1;
    return at;
  }

 private:
  std::string_view text_;
  std::size_t block_ = 0;  // the next 64 bytes to look at
  std::size_t base_ = 0;   // where the bits of mask_ start
  std::uint64_t mask_ = 0;
};

// ---------------------------------------------------------------------------
// GMime

void init_gmime() {
  static std::once_flag once;
  std::call_once(once, [] { g_mime_init(); });
}

struct GFree {
  void operator()(char* p) const { g_free(p); }
};
using GText = std::unique_ptr<char, GFree>;

struct GUnref {
  void operator()(gpointer p) const { g_object_unref(p); }
};

// Every mailbox of `list`, the members of groups (and of groups in them)
// included, with GMime's decoded name.
void gmime_mailboxes(InternetAddressList* list, std::vector<Address>& out, int depth) {
  const int n = internet_address_list_length(list);
  for (int i = 0; i < n; ++i) {
    InternetAddress* address = internet_address_list_get_address(list, i);
    if (INTERNET_ADDRESS_IS_MAILBOX(address)) {
      const char* name = internet_address_get_name(address);
      const char* email = internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(address));
      out.push_back({name ? name : "", email ? email : ""});
    } else if (INTERNET_ADDRESS_IS_GROUP(address) && depth < 8) {
      InternetAddressList* members =
          internet_address_group_get_members(INTERNET_ADDRESS_GROUP(address));
      if (members != nullptr) gmime_mailboxes(members, out, depth + 1);
    }
  }
}

void gmime_addresses(const std::string& value, std::vector<Address>& out) {
  std::unique_ptr<InternetAddressList, GUnref> list(
      internet_address_list_parse(nullptr, value.c_str()));
  if (list) gmime_mailboxes(list.get(), out, 0);
}

// An RFC 2047 phrase (a display name) decoded.
std::string gmime_phrase(const std::string& phrase) {
  GText decoded(g_mime_utils_header_decode_phrase(nullptr, phrase.c_str()));
  return decoded ? std::string(decoded.get()) : phrase;
}

std::string gmime_text(const std::string& value) {
  GText decoded(g_mime_utils_header_decode_text(nullptr, value.c_str()));
  return decoded ? std::string(decoded.get()) : value;
}

std::optional<date::sys_seconds> plausible(std::int64_t seconds);

std::optional<date::sys_seconds> gmime_date(const std::string& value) {
  GDateTime* when = g_mime_utils_header_decode_date(value.c_str());
  if (when == nullptr) return std::nullopt;
  const gint64 seconds = g_date_time_to_unix(when);
  g_date_time_unref(when);
  return plausible(seconds);
}

// The dates GMime accepts: after 1970-01-01 (what broken clients write for
// "no date") and before the year 10000.
std::optional<date::sys_seconds> plausible(std::int64_t seconds) {
  constexpr std::int64_t kYear10000 = 253402300800;
  if (seconds <= 86400 || seconds >= kYear10000) return std::nullopt;
  return date::sys_seconds{std::chrono::seconds{seconds}};
}

// Reads `min` to `max` digits at s[i] (and no more) into `value`.
bool read_digits(std::string_view s, std::size_t& i, std::size_t min, std::size_t max, int& value) {
  std::size_t k = 0;
  value = 0;
  while (i < s.size() && k < max && s[i] >= '0' && s[i] <= '9') {
    value = value * 10 + (s[i] - '0');
    ++i;
    ++k;
  }
  return k >= min && (i == s.size() || s[i] < '0' || s[i] > '9');
}

// The form nearly every Date field has, "[Www, ]D Mmm YYYY HH:MM[:SS] ZONE
// [(comment)]" with ZONE +HHMM, -HHMM, UT, GMT, Z or a US zone name, read
// here; nullopt for anything else (GMime reads it then).
std::optional<date::sys_seconds> fast_date(std::string_view s) {
  static constexpr std::array<std::string_view, 12> kMonthNames = {
      "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  static constexpr std::array<std::string_view, 7> kDayNames = {"Mon", "Tue", "Wed", "Thu",
                                                                "Fri", "Sat", "Sun"};
  static constexpr std::array<std::pair<std::string_view, int>, 11> kZones = {{{"UT", 0},
                                                                               {"GMT", 0},
                                                                               {"Z", 0},
                                                                               {"EST", -5},
                                                                               {"EDT", -4},
                                                                               {"CST", -6},
                                                                               {"CDT", -5},
                                                                               {"MST", -7},
                                                                               {"MDT", -6},
                                                                               {"PST", -8},
                                                                               {"PDT", -7}}};
  std::size_t i = 0;
  const auto spaces = [&s, &i] {
    const std::size_t before = i;
    while (i < s.size() && is_space(s[i])) ++i;
    return i > before;
  };
  const auto word = [&s, &i](std::size_t length) {
    const std::string_view w = s.substr(i, std::min(length, s.size() - i));
    i += w.size();
    return w;
  };
  spaces();
  if (i < s.size() && (s[i] < '0' || s[i] > '9')) {
    const std::string_view day_name = word(3);
    if (std::find(kDayNames.begin(), kDayNames.end(), day_name) == kDayNames.end()) return {};
    if (i == s.size() || s[i] != ',') return {};
    ++i;
    spaces();
  }
  int day = 0;
  int year = 0;
  int hour = 0;
  int minute = 0;
  int second = 0;
  if (!read_digits(s, i, 1, 2, day) || !spaces()) return {};
  const auto month = std::find(kMonthNames.begin(), kMonthNames.end(), word(3));
  if (month == kMonthNames.end() || !spaces()) return {};
  if (!read_digits(s, i, 4, 4, year) || !spaces()) return {};
  if (!read_digits(s, i, 2, 2, hour) || i == s.size() || s[i] != ':') return {};
  ++i;
  if (!read_digits(s, i, 2, 2, minute)) return {};
  if (i < s.size() && s[i] == ':') {
    ++i;
    if (!read_digits(s, i, 2, 2, second)) return {};
  }
  if (!spaces() || i == s.size()) return {};
  int offset = 0;  // minutes east of UTC
  if (s[i] == '+' || s[i] == '-') {
    const int sign = s[i] == '-' ? -1 : 1;
    ++i;
    int hhmm = 0;
    if (!read_digits(s, i, 4, 4, hhmm) || hhmm % 100 > 59) return {};
    offset = sign * (hhmm / 100 * 60 + hhmm % 100);
  } else {
    std::size_t j = i;
    while (j < s.size() && s[j] >= 'A' && s[j] <= 'Z') ++j;
    const std::string_view zone = s.substr(i, j - i);
    const auto known = std::find_if(kZones.begin(), kZones.end(),
                                    [&zone](const auto& z) { return z.first == zone; });
    if (known == kZones.end()) return {};
    offset = known->second * 60;
    i = j;
  }
  spaces();
  if (i < s.size() && s[i] == '(') {
    const std::size_t close = s.find(')', i);
    if (close == std::string_view::npos) return {};
    i = close + 1;
    spaces();
  }
  if (i != s.size() || hour > 23 || minute > 59 || second > 59) return {};
  const date::year_month_day ymd{
      date::year{year}, date::month{static_cast<unsigned>(month - kMonthNames.begin() + 1)},
      date::day{static_cast<unsigned>(day)}};
  if (!ymd.ok()) return {};
  const std::int64_t local = date::sys_days{ymd}.time_since_epoch().count() * 86400LL +
                             hour * 3600LL + minute * 60LL + second;
  return plausible(local - offset * 60LL);
}

// ---------------------------------------------------------------------------
// RFC 2047 encoded words in UTF-8, decoded here

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

int base64_digit(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}

// The bytes of one encoded word's text ("Q" or "B"), appended to `out`;
// false when the text is not well formed.
bool decode_word_text(char encoding, std::string_view text, std::string& out) {
  if (encoding == 'Q' || encoding == 'q') {
    for (std::size_t i = 0; i < text.size(); ++i) {
      const char c = text[i];
      if (c == '_') {
        out += ' ';
      } else if (c == '=') {
        if (i + 2 >= text.size()) return false;
        const int high = hex_digit(text[i + 1]);
        const int low = hex_digit(text[i + 2]);
        if (high < 0 || low < 0) return false;
        out += static_cast<char>(high * 16 + low);
        i += 2;
      } else {
        out += c;
      }
    }
    return true;
  }
  if (encoding != 'B' && encoding != 'b') return false;
  if (text.size() % 4 != 0) return false;
  for (std::size_t i = 0; i < text.size(); i += 4) {
    int digits[4];
    std::size_t pad = 0;
    for (std::size_t k = 0; k < 4; ++k) {
      const char c = text[i + k];
      if (c == '=' && i + 4 == text.size() && k >= 2) {
        digits[k] = 0;
        ++pad;
        continue;
      }
      if (pad > 0) return false;
      digits[k] = base64_digit(c);
      if (digits[k] < 0) return false;
    }
    const unsigned bits =
        (static_cast<unsigned>(digits[0]) << 18) | (static_cast<unsigned>(digits[1]) << 12) |
        (static_cast<unsigned>(digits[2]) << 6) | static_cast<unsigned>(digits[3]);
    out += static_cast<char>((bits >> 16) & 0xFF);
    if (pad < 2) out += static_cast<char>((bits >> 8) & 0xFF);
    if (pad < 1) out += static_cast<char>(bits & 0xFF);
  }
  return true;
}

// Text labelled ISO-8859-1 or US-ASCII is read as Windows-1252, as browsers
// do (the WHATWG encoding standard): mail labelled so is often Windows-1252.
bool is_windows1252_label(std::string_view charset) {
  for (std::string_view label : {"iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "l1",
                                 "us-ascii", "ascii", "windows-1252", "cp1252"}) {
    if (iequals(charset, label)) return true;
  }
  return false;
}

// Appends `bytes`, written in `charset`, to `out` in UTF-8; false when the
// bytes are not valid in it. A charset iconv does not know is read as UTF-8
// when the bytes are valid UTF-8, else as Windows-1252 (as a raw 8-bit
// header is): so that the result never depends on the machine's locale,
// which GMime would fall back to.
bool append_in_utf8(std::string_view bytes, std::string_view charset, std::string& out) {
  if (iequals(charset, "utf-8") || iequals(charset, "utf8")) {
    if (!text::is_valid_utf8(bytes)) return false;
    out.append(bytes);
    return true;
  }
  if (is_windows1252_label(charset)) {
    append_windows1252(bytes, out);
    return true;
  }
  const charset::Converted converted = charset::to_utf8(bytes, charset);
  if (converted.problem == charset::Converted::Problem::unknown_charset) {
    if (text::is_valid_utf8(bytes)) {
      out.append(bytes);
    } else {
      append_windows1252(bytes, out);
    }
    return true;
  }
  if (!converted.text) return false;
  out.append(*converted.text);
  return true;
}

// `text` (a display name or a Subject, unfolded) with its encoded words
// decoded, appended to `out`, when they stand as whole words in a charset
// iconv knows and decode to text with no control characters. White space
// between two encoded words is dropped; the bytes of adjacent words in one
// charset are joined before they are converted (a character split across
// two words is whole again). False when GMime must decode it.
//
// GMime 3.2 itself loses every word after one in base64 that ends in "="
// padding when the next is in base64 and the same charset
// ("=?UTF-8?B?SGVsbG8=?= =?UTF-8?B?IHdvcmxk?=" is "Hello" to it): mail
// clients split long names and subjects so.
bool fast_decode_words(std::string_view text, std::string& out) {
  const std::size_t start = out.size();
  std::string bytes;  // the decoded bytes of the run of encoded words
  std::string_view charset;
  bool after_encoded = false;
  const auto flush = [&out, &bytes, &charset] {
    const bool ok = charset.empty() || append_in_utf8(bytes, charset, out);
    bytes.clear();
    charset = {};
    return ok;
  };
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t j = i;
    while (j < text.size() && (text[j] == ' ' || text[j] == '\t')) ++j;
    const std::string_view space = text.substr(i, j - i);
    i = j;
    while (j < text.size() && text[j] != ' ' && text[j] != '\t') ++j;
    const std::string_view word = text.substr(i, j - i);
    i = j;
    if (word.size() < 8 || word.substr(0, 2) != "=?" || word.substr(word.size() - 2) != "?=") {
      if (!flush() || word.find("=?") != std::string_view::npos) return false;
      out.append(space).append(word);
      after_encoded = false;
      continue;
    }
    // =?charset?e?text?=
    const std::string_view inner = word.substr(2, word.size() - 4);
    const std::size_t q1 = inner.find('?');
    if (q1 == 0 || q1 == std::string_view::npos || q1 + 2 >= inner.size() || inner[q1 + 2] != '?')
      return false;
    const std::string_view word_charset = inner.substr(0, q1);
    if (word_charset.find('*') != std::string_view::npos) return false;  // RFC 2231 language
    const std::string_view encoded = inner.substr(q1 + 3);
    if (encoded.find('?') != std::string_view::npos) return false;
    if (!charset.empty() && !iequals(charset, word_charset) && !flush()) return false;
    if (!after_encoded) out.append(space);
    charset = word_charset;
    if (!decode_word_text(inner[q1 + 1], encoded, bytes)) return false;
    after_encoded = true;
  }
  if (!flush()) return false;
  const std::string_view decoded = std::string_view(out).substr(start);
  for (char c : decoded) {
    const auto b = static_cast<unsigned char>(c);
    if (b < 0x20 || b == 0x7F) return false;
  }
  return text::is_valid_utf8(decoded);
}

// ---------------------------------------------------------------------------
// Addresses: the common forms read here, the rest by GMime

// The addresses and ids of the messages read before (a few hundred at
// most), kept for their strings' buffers: the next message's are written
// into them.
struct Spares {
  static constexpr std::size_t kMax = 256;
  std::vector<Address> addresses;
  std::vector<std::string> strings;

  void keep(std::vector<Address>& list) {
    for (Address& a : list) {
      if (addresses.size() == kMax) break;
      a.name.clear();
      a.email.clear();
      addresses.push_back(std::move(a));
    }
    list.clear();
  }
  void keep(std::vector<std::string>& list) {
    for (std::string& s : list) {
      if (strings.size() == kMax) break;
      s.clear();
      strings.push_back(std::move(s));
    }
    list.clear();
  }
  Address& add_to(std::vector<Address>& list) {
    if (addresses.empty()) return list.emplace_back();
    list.push_back(std::move(addresses.back()));
    addresses.pop_back();
    return list.back();
  }
  std::string& add_to(std::vector<std::string>& list) {
    if (strings.empty()) return list.emplace_back();
    list.push_back(std::move(strings.back()));
    strings.pop_back();
    return list.back();
  }
};

// What each byte may be in the forms fast_addresses reads.
enum : std::uint8_t {
  kLocalChar = 1,   // in a dot-atom local part: atext and "."
  kDomainChar = 2,  // in a domain: letters, digits, "-" and "."
  kPhraseChar = 4,  // in a display name without quotes: atext, ".", white space, non-ASCII
  kQuotedChar = 8,  // in a quoted display name: not a control, "\\", "<", ">" or a quote
  kAsciiChar = 16,  // below 0x80
  kWordStop = 32,   // "<" and ",": where the words of an item end
};

constexpr std::array<std::uint8_t, 256> kByteClass = [] {
  std::array<std::uint8_t, 256> table{};
  const auto add = [&table](unsigned char c, std::uint8_t bits) { table[c] |= bits; };
  for (unsigned c = 0; c < 0x80; ++c) add(static_cast<unsigned char>(c), kAsciiChar);
  for (unsigned c = 0x20; c < 0x7F; ++c) add(static_cast<unsigned char>(c), kQuotedChar);
  for (unsigned c = 0x80; c < 0x100; ++c)
    add(static_cast<unsigned char>(c), kPhraseChar | kQuotedChar);
  for (char c : std::string_view(" \t\r\n"))
    add(static_cast<unsigned char>(c), kPhraseChar | kQuotedChar);
  for (char c : std::string_view("\\<>\"")) table[static_cast<unsigned char>(c)] &= ~kQuotedChar;
  const auto atext = [&add](unsigned char c) { add(c, kLocalChar | kPhraseChar); };
  for (unsigned char c = 'a'; c <= 'z'; ++c) atext(c), add(c, kDomainChar);
  for (unsigned char c = 'A'; c <= 'Z'; ++c) atext(c), add(c, kDomainChar);
  for (unsigned char c = '0'; c <= '9'; ++c) atext(c), add(c, kDomainChar);
  for (char c : std::string_view("!#$%&'*+-/=?^_`{|}~")) atext(static_cast<unsigned char>(c));
  add('-', kDomainChar);
  add('.', kLocalChar | kDomainChar | kPhraseChar);
  add('<', kWordStop);
  add(',', kWordStop);
  return table;
}();

// The class bits every byte of `s` has (one pass, no branch).
unsigned common_class(std::string_view s) {
  unsigned all = 0xFF;
  for (char c : s) all &= kByteClass[static_cast<unsigned char>(c)];
  return all;
}

// True when every byte of `s` has `bit` in its class.
bool all_bytes(std::string_view s, std::uint8_t bit) { return (common_class(s) & bit) != 0; }

// No dot at either end, nor two in a row.
bool dots_ok(std::string_view s) {
  return s.front() != '.' && s.back() != '.' && s.find("..") == std::string_view::npos;
}

// local@domain with a dot-atom local part and a domain of letters, digits
// and hyphens in dot-separated labels: the addresses GMime reads as written.
// True when a label of `domain` starts with "xn--": an internationalized
// domain, which GMime shows in Unicode ("xn--mnchen-3ya.de" as "münchen.de").
bool has_punycode_label(std::string_view domain) {
  for (std::size_t i = 0; i + 4 <= domain.size(); ++i) {
    if ((i == 0 || domain[i - 1] == '.') && iequals(domain.substr(i, 4), "xn--")) return true;
  }
  return false;
}

bool is_plain_addr_spec(std::string_view s) {
  const std::size_t at = s.find('@');
  if (at == std::string_view::npos || at == 0 || at + 1 == s.size()) return false;
  const std::string_view local(s.data(), at);
  const std::string_view domain(s.data() + at + 1, s.size() - at - 1);
  return all_bytes(local, kLocalChar) && all_bytes(domain, kDomainChar) && dots_ok(local) &&
         dots_ok(domain) && !has_punycode_label(domain);
}

// Appends `raw` to `out` with the line breaks of folding removed and runs of
// spaces and tabs as one space, trimmed.
void append_unfolded(std::string_view raw, std::string& out) {
  raw = trim_spaces(raw);
  unsigned fold = 0;
  for (char c : raw) {
    fold |= static_cast<unsigned>(c == '\r') | static_cast<unsigned>(c == '\n') |
            static_cast<unsigned>(c == '\t');
  }
  for (std::size_t i = 1; i < raw.size(); ++i)
    fold |= static_cast<unsigned>(raw[i] == ' ') & static_cast<unsigned>(raw[i - 1] == ' ');
  if (fold == 0) {
    out.append(raw);
    return;
  }
  bool space = false;
  const std::size_t start = out.size();
  for (char c : raw) {
    if (c == '\r' || c == '\n') continue;
    if (c == ' ' || c == '\t') {
      space = out.size() > start;
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
}

void append_lower(std::string_view s, std::string& out) {
  const std::size_t start = out.size();
  out.resize(start + s.size());
  // Through a pointer: writes through std::string's operator[] may alias the
  // string itself, which keeps the compiler from vectorizing the loop.
  char* to = out.data() + start;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    to[i] = static_cast<char>(c + (static_cast<unsigned char>(c - 'A') < 26 ? 32 : 0));
  }
}

// The display name of the phrase before "<" (the inside of its quotes when
// `quoted`; `ascii` when it is all ASCII), as GMime reads it; false when GMime must read the whole
// field (encoded words in quotes, bytes that are not UTF-8).
bool phrase_name(std::string_view phrase, bool quoted, bool ascii, std::string& name) {
  if (!ascii && !text::is_valid_utf8(phrase)) return false;
  if (phrase.find("=?") == std::string_view::npos) {
    append_unfolded(phrase, name);
    return true;
  }
  if (quoted) return false;
  std::string unfolded;
  append_unfolded(phrase, unfolded);
  if (!fast_decode_words(unfolded, name)) name = gmime_phrase(unfolded);
  return true;
}

// The forms most mail is written in: "a@b.c", "<a@b.c>", "Name <a@b.c>",
// "\"Last, First\" <a@b.c>" and encoded names, in a comma-separated list,
// read from the field's value as it is in the message (folded, not yet
// field_text()). False when `value` holds anything else (comments, groups,
// escapes, route addresses, domain literals, stray brackets, ";", bytes
// that are not UTF-8): GMime reads it then.
bool fast_addresses(std::string_view value, std::vector<Address>& out, Spares& spares) {
  const std::size_t n = value.size();
  std::size_t i = 0;
  for (;;) {
    while (i < n && (is_space(value[i]) || value[i] == ',')) ++i;
    if (i == n) return true;
    std::string_view phrase;
    bool quoted = false;
    bool ascii = true;
    if (value[i] == '"') {
      const std::size_t close = value.find('"', i + 1);
      if (close == std::string_view::npos) return false;
      phrase = std::string_view(value.data() + i + 1, close - i - 1);
      const unsigned classes = common_class(phrase);
      if ((classes & kQuotedChar) == 0) return false;
      ascii = (classes & kAsciiChar) != 0;
      quoted = true;
      i = close + 1;
      while (i < n && is_space(value[i])) ++i;
      if (i == n || value[i] != '<') return false;
    } else if (value[i] != '<') {
      std::size_t j = i;
      while (j < n && (kByteClass[static_cast<unsigned char>(value[j])] & kWordStop) == 0) ++j;
      const std::string_view words = trim_spaces(std::string_view(value.data() + i, j - i));
      i = j;
      if (j == n || value[j] == ',') {
        if (!is_plain_addr_spec(words)) return false;
        append_lower(words, spares.add_to(out).email);
        continue;
      }
      const unsigned classes = common_class(words);
      // GMime drops a name that starts with a dot.
      if ((classes & kPhraseChar) == 0 || words.front() == '.') return false;
      ascii = (classes & kAsciiChar) != 0;
      phrase = words;
    }
    const std::size_t close = value.find('>', i + 1);
    if (close == std::string_view::npos) return false;
    const std::string_view addr(value.data() + i + 1, close - i - 1);
    if (!is_plain_addr_spec(addr)) return false;
    i = close + 1;
    while (i < n && is_space(value[i])) ++i;
    if (i < n && value[i] != ',') return false;
    Address& a = spares.add_to(out);
    if (!phrase_name(phrase, quoted, ascii, a.name)) return false;
    append_lower(addr, a.email);
  }
}

// The words of `value` that hold an "@", as addresses with no name: what is
// left of a field neither reader could make sense of.
void salvage_addresses(std::string_view value, std::vector<Address>& out) {
  std::size_t i = 0;
  while (i < value.size()) {
    const auto is_break = [](char c) { return is_space(c) || std::strchr("<>,;:\"()[]", c); };
    while (i < value.size() && is_break(value[i])) ++i;
    const std::size_t start = i;
    while (i < value.size() && !is_break(value[i])) ++i;
    const std::string_view word = value.substr(start, i - start);
    const std::size_t at = word.find('@');
    if (at != std::string_view::npos && at > 0 && at + 1 < word.size()) {
      out.push_back({"", std::string(word)});
    }
  }
}

// The address in lower case, with no spaces or controls.
void normalize_email(std::string& email) {
  if (!is_clean(email, Spaces::drop)) email = clean(email, Spaces::drop);
  for (char& c : email) c = ascii_lower(c);
}

// The name on one line; dropped when it only repeats the address. `utf8`:
// the name is known to be valid UTF-8.
void normalize_name(std::string& name, const std::string& email, bool utf8) {
  if (utf8 ? !is_clean_utf8(name) : !is_clean(name, Spaces::collapse))
    name = clean(name, Spaces::collapse);
  std::string_view bare = name;
  while (!bare.empty() && (bare.front() == '\'' || bare.front() == '"')) bare.remove_prefix(1);
  while (!bare.empty() && (bare.back() == '\'' || bare.back() == '"')) bare.remove_suffix(1);
  if (bare.size() == email.size() && iequals(bare, email)) name.clear();
}

// ";" written between addresses (as Outlook users type them) read as ","
// unless the field holds a group ("name: a, b;").
void semicolons_as_commas(std::string& value) {
  if (value.find(';') == std::string::npos) return;
  bool quoted = false;
  for (char c : value) {
    if (c == '"') quoted = !quoted;
    if (c == ':' && !quoted) return;
  }
  quoted = false;
  for (char& c : value) {
    if (c == '"') quoted = !quoted;
    if (c == ';' && !quoted) c = ',';
  }
}

// Appends the addresses of one field's value, as it is in the message, to
// `out`; `text` is a buffer for the slow path, `spares` strings to reuse.
void addresses_of(std::string_view raw, Parser parser, std::vector<Address>& out, std::string& text,
                  Spares& spares) {
  const std::size_t first = out.size();
  // The fast reader's addresses are plain ASCII in lower case already.
  const bool fast = parser == Parser::fast && fast_addresses(raw, out, spares);
  if (!fast) {
    out.resize(first);
    field_text(raw, text);
    semicolons_as_commas(text);
    gmime_addresses(text, out);
    if (out.size() == first) salvage_addresses(text, out);
  }
  for (std::size_t i = first; i < out.size(); ++i) {
    if (!fast) normalize_email(out[i].email);
    normalize_name(out[i].name, out[i].email, fast);
  }
  out.erase(std::remove_if(out.begin() + static_cast<std::ptrdiff_t>(first), out.end(),
                           [](const Address& a) { return a.email.empty(); }),
            out.end());
}

// An unstructured field's value (Subject) decoded, on one line, into `out`;
// `text` is a buffer.
void subject_text(std::string_view raw, Parser parser, std::string& text, std::string& out) {
  field_text(raw, text);
  if (text.find("=?") == std::string::npos) {
    clean_into(text, Spaces::collapse, out);
    return;
  }
  std::string decoded;
  if (parser != Parser::fast || !fast_decode_words(text, decoded)) decoded = gmime_text(text);
  clean_into(decoded, Spaces::collapse, out);
}

// ---------------------------------------------------------------------------
// Message ids

bool is_id_char(char c) {
  return c != '<' && c != '>' && c != '"' && c != '(' && c != ')' && c != '\\' && !is_space(c) &&
         static_cast<unsigned char>(c) > 0x20;
}

// "<id>" with nothing unusual in it: the id; else nullopt.
std::optional<std::string_view> plain_id(std::string_view s) {
  if (s.size() < 3 || s.front() != '<' || s.back() != '>') return std::nullopt;
  const std::string_view inner = s.substr(1, s.size() - 2);
  for (char c : inner) {
    if (!is_id_char(c)) return std::nullopt;
  }
  return inner;
}

std::string id_text(std::string_view id) { return clean(id, Spaces::drop); }

// The ids of a References or In-Reply-To value, in order.
void ids_of(const std::string& value, std::vector<std::string>& out, Spares& spares) {
  std::size_t i = 0;
  bool plain = true;
  const std::size_t first = out.size();
  while (i < value.size()) {
    while (i < value.size() && is_space(value[i])) ++i;
    if (i == value.size()) break;
    const std::size_t close = value.find('>', i);
    const auto id = close == std::string::npos
                        ? std::nullopt
                        : plain_id(std::string_view(value).substr(i, close + 1 - i));
    if (!id) {
      plain = false;
      break;
    }
    clean_into(*id, Spaces::drop, spares.add_to(out));
    i = close + 1;
  }
  if (plain) return;
  out.resize(first);  // GMime reads it
  GMimeReferences* refs = g_mime_references_parse(nullptr, value.c_str());
  if (refs == nullptr) return;
  const int n = g_mime_references_length(refs);
  for (int k = 0; k < n; ++k) {
    std::string id = id_text(g_mime_references_get_message_id(refs, k));
    if (!id.empty()) out.push_back(std::move(id));
  }
  g_mime_references_free(refs);
}

// A Message-ID value: its id, or "" when there is none to read.
std::string message_id_of(const std::string& value) {
  if (const auto id = plain_id(value)) return id_text(*id);
  GText decoded(g_mime_utils_decode_message_id(value.c_str()));
  if (!decoded) return {};
  const std::string_view id = decoded.get();
  // GMime returns a value with no brackets as it is: a word with spaces is
  // not an id.
  for (char c : id) {
    if (!is_id_char(c) && c != '"' && c != '\\') return {};
  }
  return id_text(id);
}

// ---------------------------------------------------------------------------
// The header block

// The fields kith reads, as raw values (folded, as in the message).
struct Fields {
  std::size_t count = 0;  // header fields of any name
  std::optional<std::string_view> from, subject, date, message_id, in_reply_to, references;
  std::optional<std::string_view> list_id, list_unsubscribe, mailing_list, precedence,
      auto_submitted, x_autoreply, x_autorespond, x_auto_response_suppress, content_type;
  std::vector<std::string_view> to, cc, bcc;

  void clear() {
    std::vector<std::string_view> t = std::move(to);
    std::vector<std::string_view> c = std::move(cc);
    std::vector<std::string_view> b = std::move(bcc);
    *this = Fields{};
    to = std::move(t);
    cc = std::move(c);
    bcc = std::move(b);
    to.clear();
    cc.clear();
    bcc.clear();
  }
};

// Where the value of a field named `name` goes, or nullptr for a field kith
// does not read. The first of each single field is kept.
std::string_view* slot_for(Fields& f, std::string_view name) {
  const auto single = [](std::optional<std::string_view>& slot) -> std::string_view* {
    if (slot) return nullptr;
    slot.emplace();
    return &*slot;
  };
  const auto list = [](std::vector<std::string_view>& slots) {
    slots.emplace_back();
    return &slots.back();
  };
  switch (name.size()) {
    case 2:
      if (is_name(name, "to")) return list(f.to);
      if (is_name(name, "cc")) return list(f.cc);
      break;
    case 3:
      if (is_name(name, "bcc")) return list(f.bcc);
      break;
    case 4:
      if (is_name(name, "from")) return single(f.from);
      if (is_name(name, "date")) return single(f.date);
      break;
    case 7:
      if (is_name(name, "subject")) return single(f.subject);
      if (is_name(name, "list-id")) return single(f.list_id);
      break;
    case 10:
      if (is_name(name, "message-id")) return single(f.message_id);
      if (is_name(name, "references")) return single(f.references);
      if (is_name(name, "precedence")) return single(f.precedence);
      break;
    case 11:
      if (is_name(name, "in-reply-to")) return single(f.in_reply_to);
      if (is_name(name, "x-autoreply")) return single(f.x_autoreply);
      break;
    case 12:
      if (is_name(name, "mailing-list")) return single(f.mailing_list);
      if (is_name(name, "content-type")) return single(f.content_type);
      break;
    case 13:
      if (is_name(name, "x-autorespond")) return single(f.x_autorespond);
      break;
    case 14:
      if (is_name(name, "auto-submitted")) return single(f.auto_submitted);
      break;
    case 16:
      if (is_name(name, "list-unsubscribe")) return single(f.list_unsubscribe);
      break;
    case 24:
      if (is_name(name, "x-auto-response-suppress")) return single(f.x_auto_response_suppress);
      break;
    default:
      break;
  }
  return nullptr;
}

bool is_field_name_char(char c) { return c > 0x20 && c < 0x7F && c != ':'; }

bool all_name_chars(std::string_view name) {
  return std::all_of(name.begin(), name.end(), is_field_name_char);
}

// Reads the fields of a header block (no "From " line in it): a line "Name:
// value", continued by lines starting with a space or a tab. Lines that are
// neither are passed over.
void scan_fields(std::string_view block, Fields& f) {
  std::string_view* current = nullptr;
  const char* value_start = nullptr;
  Newlines newlines(block);
  std::size_t pos = 0;
  while (pos < block.size()) {
    const std::size_t end = newlines.next();
    const std::string_view line = block.substr(pos, end - pos);
    pos = end + 1;
    if (!line.empty() && (line.front() == ' ' || line.front() == '\t')) {
      if (current != nullptr) {
        *current = std::string_view(value_start, line.data() + line.size() - value_start);
      }
      continue;
    }
    current = nullptr;
    const void* found = std::memchr(line.data(), ':', line.size());
    if (found == nullptr) continue;
    const std::size_t colon =
        static_cast<std::size_t>(static_cast<const char*>(found) - line.data());
    std::size_t name_end = colon;
    while (name_end > 0 && (line[name_end - 1] == ' ' || line[name_end - 1] == '\t')) --name_end;
    const std::string_view name(line.data(), name_end);
    // A field of a name kith reads has a valid name; any other counts only
    // when its name is valid (and needs checking only until one is found).
    current = slot_for(f, name);
    if (current == nullptr) {
      if (f.count == 0 && !name.empty() && all_name_chars(name)) ++f.count;
      continue;
    }
    ++f.count;
    value_start = line.data() + colon + 1;
    *current = std::string_view(value_start, line.size() - colon - 1);
  }
}

// ---------------------------------------------------------------------------
// Bulk mail

// The first word of a field's value (before a parameter or a comment), in
// lower case, with no spaces or controls.
std::string lower_word(std::string_view raw) {
  std::string value;
  field_text(raw, value);
  std::string_view word = value;
  word = word.substr(0, std::min(word.find(';'), word.find('(')));
  std::string out = clean(word, Spaces::drop);
  for (char& c : out) c = ascii_lower(c);
  return out;
}

bool is_no_reply_local_part(std::string_view local) {
  static constexpr std::array<std::string_view, 6> kExact = {
      "mailer-daemon", "postmaster", "notifications", "notification", "bounce", "bounces"};
  static constexpr std::array<std::string_view, 6> kPrefix = {
      "noreply", "no-reply", "no_reply", "donotreply", "do-not-reply", "do_not_reply"};
  for (std::string_view word : kExact) {
    if (local == word) return true;
  }
  for (std::string_view word : kPrefix) {
    if (local.substr(0, word.size()) == word) return true;
  }
  return false;
}

// Why the message is bulk mail, or "".
std::string bulk_reason_of(const Fields& f, const Address& from) {
  if (f.list_id) return "List-Id";
  if (f.list_unsubscribe) return "List-Unsubscribe";
  if (f.mailing_list) return "Mailing-List";
  if (f.precedence) {
    const std::string value = lower_word(*f.precedence);
    if (value == "bulk" || value == "list" || value == "junk" || value == "auto_reply")
      return "Precedence: " + value;
  }
  if (f.auto_submitted) {
    const std::string value = lower_word(*f.auto_submitted);
    if (!value.empty() && value != "no") return "Auto-Submitted: " + value;
  }
  if (f.x_autoreply) {
    const std::string value = lower_word(*f.x_autoreply);
    if (value != "no" && value != "false") return "X-Autoreply";
  }
  if (f.x_autorespond) return "X-Autorespond";
  if (f.x_auto_response_suppress) {
    std::string value;
    field_text(*f.x_auto_response_suppress, value);
    std::size_t i = 0;
    while (i < value.size()) {
      const std::size_t comma = std::min(value.find(',', i), value.size());
      const std::string_view word = trim_spaces(std::string_view(value).substr(i, comma - i));
      for (std::string_view known : {"All", "OOF", "AutoReply"}) {
        if (iequals(word, known)) return "X-Auto-Response-Suppress: " + std::string(known);
      }
      i = comma + 1;
    }
  }
  if (f.content_type) {
    const std::string value = lower_word(*f.content_type);
    if (value == "multipart/report") return "delivery report";
  }
  const std::size_t at = from.email.rfind('@');
  const std::string_view local = std::string_view(from.email).substr(0, at);
  if (is_no_reply_local_part(local)) return "no-reply sender";
  return {};
}

// ---------------------------------------------------------------------------
// The mbox "From " line

bool parse_number(std::string_view s, int& out) {
  if (s.empty() || s.size() > 4) return false;
  out = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    out = out * 10 + (c - '0');
  }
  return true;
}

// The date of a "From sender Www Mmm dd hh:mm[:ss] [zone] yyyy" line, read
// as UTC (the line has no zone that tools agree on).
std::optional<date::sys_seconds> from_line_date(std::string_view line) {
  static constexpr std::array<std::string_view, 12> kMonths = {
      "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
  std::vector<std::string_view> words;
  std::size_t i = 5;  // after "From "
  while (i < line.size() && words.size() < 16) {
    while (i < line.size() && is_space(line[i])) ++i;
    const std::size_t start = i;
    while (i < line.size() && !is_space(line[i])) ++i;
    if (i > start) words.push_back(line.substr(start, i - start));
  }
  for (std::size_t m = 1; m + 3 < words.size() + 1 && m < words.size(); ++m) {
    std::size_t month = 12;
    for (std::size_t k = 0; k < kMonths.size(); ++k) {
      if (iequals(words[m], kMonths[k])) month = k;
    }
    if (month == 12 || m + 2 >= words.size()) continue;
    int day = 0;
    if (!parse_number(words[m + 1], day)) continue;
    const std::string_view time = words[m + 2];
    int hour = 0;
    int minute = 0;
    int second = 0;
    const std::size_t c1 = time.find(':');
    if (c1 == std::string_view::npos || !parse_number(time.substr(0, c1), hour)) continue;
    const std::string_view rest = time.substr(c1 + 1);
    const std::size_t c2 = rest.find(':');
    if (!parse_number(rest.substr(0, c2), minute)) continue;
    if (c2 != std::string_view::npos && !parse_number(rest.substr(c2 + 1), second)) continue;
    for (std::size_t y = m + 3; y < words.size() && y <= m + 5; ++y) {
      int year = 0;
      if (words[y].size() != 4 || !parse_number(words[y], year)) continue;
      const date::year_month_day ymd{date::year{year},
                                     date::month{static_cast<unsigned>(month + 1)},
                                     date::day{static_cast<unsigned>(day)}};
      if (!ymd.ok() || year < 1971 || hour > 23 || minute > 59 || second > 60) return std::nullopt;
      return date::sys_days{ymd} + std::chrono::hours{hour} + std::chrono::minutes{minute} +
             std::chrono::seconds{second};
    }
    return std::nullopt;
  }
  return std::nullopt;
}

// ---------------------------------------------------------------------------
// One message

constexpr std::string_view kTooLarge = "header block over 1 MiB";

// An mbox "From " line at the start of `text` (and not a "From :" field).
bool starts_with_envelope(std::string_view text) {
  if (text.substr(0, 5) != "From ") return false;
  std::size_t i = 5;
  while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
  return i == text.size() || text[i] != ':';
}

// Buffers reused from one message to the next.
struct Scratch {
  Fields fields;
  std::string value;
  std::vector<std::string> ids;
  std::vector<Address> from;
  Spares spares;
};

// The message whose header block is `block` (which may start with an mbox
// "From " line and holds no empty line): fills `out` but `where`, or says
// why not.
bool read_header_block(std::string_view block, Message& out, std::string& why_not,
                       Scratch& scratch) {
  init_gmime();
  Spares& spares = scratch.spares;
  out.message_id.clear();
  out.in_reply_to.clear();
  spares.keep(out.references);
  out.from.name.clear();
  out.from.email.clear();
  spares.keep(out.to);
  spares.keep(out.cc);
  spares.keep(out.bcc);
  out.subject.clear();
  out.date = {};
  out.dated = false;
  out.bulk = false;
  out.bulk_reason.clear();

  if (block.size() > max_header_bytes) {
    why_not = kTooLarge;
    return false;
  }
  std::optional<date::sys_seconds> envelope_date;
  if (starts_with_envelope(block)) {
    const std::size_t nl = block.find('\n');
    envelope_date = from_line_date(block.substr(0, nl));
    block = nl == std::string_view::npos ? std::string_view{} : block.substr(nl + 1);
  }
  Fields& f = scratch.fields;
  f.clear();
  scan_fields(block, f);
  if (f.count == 0) {
    why_not = "no header fields";
    return false;
  }
  if (!f.from) {
    why_not = "no From field";
    return false;
  }
  std::string& value = scratch.value;
  std::vector<Address>& from = scratch.from;
  spares.keep(from);
  addresses_of(*f.from, Parser::fast, from, value, spares);
  if (from.empty()) {
    why_not = "no address in the From field";
    return false;
  }
  std::swap(out.from, from.front());
  for (const auto& [fields, addresses] :
       {std::pair{&f.to, &out.to}, std::pair{&f.cc, &out.cc}, std::pair{&f.bcc, &out.bcc}}) {
    for (std::string_view raw : *fields) addresses_of(raw, Parser::fast, *addresses, value, spares);
  }
  if (f.subject) subject_text(*f.subject, Parser::fast, value, out.subject);
  if (f.message_id) {
    field_text(*f.message_id, value);
    out.message_id = message_id_of(value);
  }
  if (f.in_reply_to) {
    field_text(*f.in_reply_to, value);
    spares.keep(scratch.ids);
    ids_of(value, scratch.ids, spares);
    if (!scratch.ids.empty()) {
      std::swap(out.in_reply_to, scratch.ids.front());
    } else {
      out.in_reply_to = message_id_of(value);
    }
  }
  if (f.references) {
    field_text(*f.references, value);
    ids_of(value, out.references, spares);
  }
  std::optional<date::sys_seconds> when;
  if (f.date) {
    when = fast_date(*f.date);
    if (!when) {
      field_text(*f.date, value);
      when = gmime_date(value);
    }
  }
  if (!when) when = envelope_date;
  if (when) {
    out.date = *when;
    out.dated = true;
  }
  out.bulk_reason = bulk_reason_of(f, out.from);
  out.bulk = !out.bulk_reason.empty();
  return true;
}

// An empty line at p (LF or CRLF), `left` bytes before the end.
bool is_empty_line(const char* p, std::size_t left) {
  return left > 0 && (p[0] == '\n' || (p[0] == '\r' && left > 1 && p[1] == '\n'));
}

// The length of the header block at the start of `text` when the empty line
// that ends it is there, at or after `from`: up to and with the line feed
// before that empty line (0 when `text` starts with it). npos when it is not
// found (it may be in text that is still to come).
std::size_t find_header_block_end(std::string_view text, std::size_t from) {
  if (from == 0 && is_empty_line(text.data(), text.size())) return 0;
  Newlines newlines(text.substr(from));
  for (;;) {
    const std::size_t nl = from + newlines.next();
    if (nl >= text.size()) return std::string_view::npos;
    const std::size_t next = nl + 1;
    if (next < text.size() && text[next] == '\n') return next;
    if (next + 1 < text.size() && text[next] == '\r' && text[next + 1] == '\n') return next;
  }
}

// The length of the header block at the start of the whole text of a
// message: up to its first empty line, or all of it.
std::size_t header_block_length(std::string_view text) {
  const std::size_t end = find_header_block_end(text, 0);
  return end == std::string_view::npos ? text.size() : end;
}

void add_skip(Counts& counts, std::string where, std::string reason) {
  ++counts.skipped;
  if (counts.skips.size() < max_skips)
    counts.skips.push_back({std::move(where), std::move(reason)});
}

// ---------------------------------------------------------------------------
// Reading files

// An open file descriptor, closed on destruction.
class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  int get() const { return fd_; }

 private:
  int fd_;
};

// A read buffer over a file: bytes [0, end) of `data` hold the file from
// offset `base`; refill(keep) drops the bytes before `keep`, moves the rest
// to the front and reads more.
class Window {
 public:
  Window(int fd, std::size_t chunk) : fd_(fd), chunk_(std::max<std::size_t>(chunk, 16)) {
    data_.resize(chunk_);
  }
  const char* data() const { return data_.data(); }
  std::size_t end() const { return end_; }
  bool eof() const { return eof_; }
  int error() const { return error_; }

  // Keeps [keep, end), reads at least one more chunk (growing the buffer
  // when what is kept fills it) until EOF. Returns how far the bytes moved.
  std::size_t refill(std::size_t keep) {
    if (keep > 0) {
      std::memmove(data_.data(), data_.data() + keep, end_ - keep);
      end_ -= keep;
    }
    if (data_.size() - end_ < chunk_) data_.resize(end_ + chunk_);
    for (;;) {
      const ssize_t n = ::read(fd_, data_.data() + end_, data_.size() - end_);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) {
        error_ = errno;
        eof_ = true;
      } else if (n == 0) {
        eof_ = true;
      } else {
        end_ += static_cast<std::size_t>(n);
      }
      break;
    }
    // Once what is kept is small again, give back what a long header grew.
    if (data_.size() > 4 * chunk_ && end_ < chunk_) {
      data_.resize(2 * chunk_);
      data_.shrink_to_fit();
    }
    return keep;
  }

 private:
  int fd_;
  std::size_t chunk_;
  std::vector<char> data_;
  std::size_t end_ = 0;
  bool eof_ = false;
  int error_ = 0;
};

// "FILE:LINE".
std::string where_in(const std::string& name, std::uint64_t line) {
  char digits[24];
  const auto result = std::to_chars(digits, digits + sizeof digits, line);
  std::string where;
  where.reserve(name.size() + 1 + static_cast<std::size_t>(result.ptr - digits));
  where.append(name).append(1, ':').append(digits, result.ptr);
  return where;
}

void finish_message(std::string_view block, const std::string& name, std::uint64_t line,
                    Message& message, Scratch& scratch, std::string& why_not, Counts& counts,
                    const Visitor& visit) {
  message.where = where_in(name, line);
  if (read_header_block(block, message, why_not, scratch)) {
    ++counts.messages;
    visit(message);
  } else {
    add_skip(counts, message.where, why_not);
  }
}

// The bytes an mbox scan must see past a line feed to judge the line after
// it: "From " and one more.
constexpr std::size_t kLookahead = 6;

// Advances `b` 64 bytes at a time over bytes where no line feed is followed
// by `next1` or `next2`, counting the line feeds passed in `line`. Stops at
// the first 64 bytes that hold such a line feed (the caller reads them 16
// at a time), or when fewer than 64 + `ahead` bytes are left before `end`.
// Without SSE2 it leaves all the work to the caller.
void skip_chunks(const char* d, std::size_t& b, std::size_t end, std::size_t ahead, char next1,
                 char next2, std::uint64_t& line) {
#if defined(__SSE2__)
  const __m128i newline = _mm_set1_epi8('\n');
  const __m128i first = _mm_set1_epi8(next1);
  const __m128i second = _mm_set1_epi8(next2);
  const __m128i zero = _mm_setzero_si128();
  // Per byte lane, the line feeds seen (at most 4 a round: summed before
  // they overflow).
  __m128i counts = zero;
  int rounds = 0;
  const auto flush = [&counts, &line, &zero] {
    alignas(16) std::uint64_t sums[2];
    _mm_store_si128(reinterpret_cast<__m128i*>(sums), _mm_sad_epu8(counts, zero));
    line += sums[0] + sums[1];
    counts = zero;
  };
  while (b + 64 + ahead <= end) {
    __m128i lf[4];
    __m128i hit = zero;
    for (int k = 0; k < 4; ++k) {
      const char* p = d + b + 16 * k;
      lf[k] = _mm_cmpeq_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p)), newline);
      const __m128i after = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 1));
      hit = _mm_or_si128(hit, _mm_and_si128(lf[k], _mm_or_si128(_mm_cmpeq_epi8(after, first),
                                                                _mm_cmpeq_epi8(after, second))));
    }
    if (_mm_movemask_epi8(hit) != 0) break;
    counts =
        _mm_sub_epi8(counts, _mm_add_epi8(_mm_add_epi8(lf[0], lf[1]), _mm_add_epi8(lf[2], lf[3])));
    b += 64;
    if (++rounds == 63) {
      flush();
      rounds = 0;
    }
  }
  flush();
#else
  (void)d, (void)b, (void)end, (void)ahead, (void)next1, (void)next2, (void)line;
#endif
}

// Skips the lines of a body. `cur` is the start of a line that is not empty
// and does not start a message; moves it to the start of the next line that
// does ("From " after an empty line) and returns true, counting the line
// feeds passed in `line`; at the end of the file, returns false with `cur`
// there.
bool skip_body(Window& w, std::size_t& cur, std::uint64_t& line) {
  std::size_t floor = cur;  // the bytes before it are not this body's
  std::size_t b = cur;
  // A line "From " at q after an empty line.
  const auto starts_message = [&w, &floor](std::size_t q) {
    const char* d = w.data();
    if (std::memcmp(d + q, "From ", 5) != 0) return false;
    if (q >= floor + 2 && d[q - 2] == '\n') return true;
    return q >= floor + 3 && d[q - 2] == '\r' && d[q - 3] == '\n';
  };
  for (;;) {
    const char* d = w.data();
    const std::size_t end = w.end();
    while (b + 16 + kLookahead <= end) {
      // 64 bytes at a time while no line feed is followed by an "F" (the
      // only places a message can start), then 16 at a time over the next
      // 64: the line feeds among them, and those followed by an "F".
      skip_chunks(d, b, end, kLookahead, 'F', 'F', line);
      for (const std::size_t stop = b + 64; b < stop && b + 16 + kLookahead <= end; b += 16) {
        const std::uint32_t nl = byte_mask16(d + b, '\n');
        std::uint32_t maybe = nl & byte_mask16(d + b + 1, 'F');
        while (maybe != 0) {
          const int i = std::countr_zero(maybe);
          if (starts_message(b + static_cast<std::size_t>(i) + 1)) {
            line += bits_set16(nl & ((2u << i) - 1));
            cur = b + static_cast<std::size_t>(i) + 1;
            return true;
          }
          maybe &= maybe - 1;
        }
        line += bits_set16(nl);
      }
    }
    if (w.eof()) {
      for (; b < end; ++b) {
        if (d[b] != '\n') continue;
        ++line;
        if (b + 1 + 5 <= end && starts_message(b + 1)) {
          cur = b + 1;
          return true;
        }
      }
      cur = end;
      return false;
    }
    // Keep what is left, and the three bytes before it to look back at.
    const std::size_t keep = b >= floor + 3 ? b - 3 : floor;
    const std::size_t moved = w.refill(keep);
    b -= moved;
    floor = 0;
  }
}

// Finds the end of the header block that starts at `start` (a "From "
// line): the start of its first empty line, or the end of the file, counting
// the line feeds passed in `line` from `scan` on. The block stays in the
// buffer (`start` and `scan` move with it). False when the block grows over
// max_header_bytes; `scan` is then where the search stopped.
bool find_header_end(Window& w, std::size_t& start, std::size_t& scan, std::uint64_t& line) {
  for (;;) {
    const char* d = w.data();
    const std::size_t end = w.end();
    while (scan + 16 + 2 <= end) {
      // As skip_body does, for a line feed followed by "\n" or "\r\n".
      skip_chunks(d, scan, end, 2, '\n', '\r', line);
      if (scan - start > max_header_bytes) return false;
      for (const std::size_t stop = scan + 64; scan < stop && scan + 16 + 2 <= end; scan += 16) {
        const std::uint32_t nl = byte_mask16(d + scan, '\n');
        std::uint32_t maybe =
            nl & (byte_mask16(d + scan + 1, '\n') | byte_mask16(d + scan + 1, '\r'));
        while (maybe != 0) {
          const int i = std::countr_zero(maybe);
          const std::size_t q = scan + static_cast<std::size_t>(i) + 1;
          if (d[q] == '\n' || d[q + 1] == '\n') {
            line += bits_set16(nl & ((2u << i) - 1));
            scan = q;
            return q - start <= max_header_bytes;
          }
          maybe &= maybe - 1;
        }
        line += bits_set16(nl);
      }
      if (scan - start > max_header_bytes) return false;
    }
    if (w.eof()) {
      for (; scan < end; ++scan) {
        if (d[scan] != '\n') continue;
        ++line;
        if (is_empty_line(d + scan + 1, end - scan - 1)) {
          ++scan;
          return scan - start <= max_header_bytes;
        }
      }
      return scan - start <= max_header_bytes;
    }
    const std::size_t moved = w.refill(start);
    start -= moved;
    scan -= moved;
  }
}

Result<Counts> read_mbox_fd(int fd, const std::string& name, const Visitor& visit,
                            std::size_t chunk) {
  Counts counts;
  Window w(fd, chunk);
  Message message;
  Scratch scratch;
  std::string why_not;
  std::size_t cur = 0;     // the start of the line being looked at
  std::uint64_t line = 1;  // its number

  // Makes kLookahead bytes from `cur` available (fewer at the end).
  const auto look = [&w, &cur] {
    while (w.end() - cur < kLookahead && !w.eof()) cur -= w.refill(cur);
  };
  // Passes empty lines; true when the line at `cur` then starts a message.
  const auto at_message = [&] {
    for (;;) {
      look();
      const char* p = w.data() + cur;
      const std::size_t left = w.end() - cur;
      if (!is_empty_line(p, left)) return left >= 5 && std::memcmp(p, "From ", 5) == 0;
      cur += p[0] == '\n' ? 1 : 2;
      ++line;
    }
  };

  w.refill(0);
  if (!at_message()) {
    if (cur == w.end()) return counts;  // empty, or empty lines only
    return data_error(name + " is not an mbox: it does not start with a \"From \" line");
  }
  for (;;) {
    // A message at `cur`: its header block, kept whole in the buffer.
    std::size_t start = cur;
    const std::uint64_t at = line;
    std::size_t scan = cur;
    if (find_header_end(w, start, scan, line)) {
      finish_message(std::string_view(w.data() + start, scan - start), name, at, message, scratch,
                     why_not, counts, visit);
      cur = scan;
      if (cur == w.end() && w.eof()) break;
      if (at_message()) continue;  // right after the empty line
    } else {
      add_skip(counts, where_in(name, at), std::string(kTooLarge));
      cur = scan;
      // Stopped at the empty line that ends the block, or within the block.
      look();
      if (is_empty_line(w.data() + cur, w.end() - cur) && at_message()) continue;
    }
    if (cur == w.end() && w.eof()) break;
    if (!skip_body(w, cur, line)) break;
  }
  if (w.error() != 0) return io_error("cannot read " + name + ": " + std::strerror(w.error()));
  return counts;
}

// ---------------------------------------------------------------------------
// Maildir

constexpr std::size_t kMaildirBatch = 4096;
constexpr int kMaildirDepth = 16;

// The header block of the open file `fd`, read into `buf`: up to its first
// empty line. False with the reason when it cannot be read.
bool read_head(int fd, std::string& buf, std::string& why_not) {
  buf.clear();
  constexpr std::size_t kStep = 64 * 1024;
  std::size_t from = 0;
  for (;;) {
    const std::size_t old = buf.size();
    buf.resize(old + kStep);
    ssize_t n;
    do {
      n = ::read(fd, buf.data() + old, kStep);
    } while (n < 0 && errno == EINTR);
    if (n < 0) {
      why_not = std::string("cannot read: ") + std::strerror(errno);
      return false;
    }
    buf.resize(old + static_cast<std::size_t>(n));
    const std::size_t end = find_header_block_end(buf, from);
    if (end != std::string::npos) {
      buf.resize(end);
      return true;
    }
    if (n == 0) return true;  // the end of the file: all of it
    if (buf.size() > max_header_bytes) {
      why_not = kTooLarge;
      return false;
    }
    // The empty line may start with the last two bytes read.
    from = buf.size() >= 2 ? buf.size() - 2 : 0;
  }
}

struct MaildirReader {
  explicit MaildirReader(const Visitor& v) : visit(v) {}
  const Visitor& visit;
  Counts counts;
  Message message;
  Scratch scratch;
  std::string head;
  std::string why_not;
  bool found = false;

  void read_file(int dir_fd, const std::string& name, const std::string& where) {
    const int fd = ::openat(dir_fd, name.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
    if (fd < 0) {
      add_skip(counts, where,
               errno == ENOENT ? "vanished" : std::string("cannot open: ") + std::strerror(errno));
      return;
    }
    Fd file(fd);
    struct stat st {};
    if (::fstat(fd, &st) != 0) {
      add_skip(counts, where, std::string("cannot read: ") + std::strerror(errno));
      return;
    }
    if (!S_ISREG(st.st_mode)) return;  // a directory or a device is no message
    if (!read_head(fd, head, why_not)) {
      add_skip(counts, where, why_not);
      return;
    }
    message.where = where;
    if (!read_header_block(head, message, why_not, scratch)) {
      add_skip(counts, where, why_not);
      return;
    }
    if (!message.dated) {
      message.date = date::sys_seconds{std::chrono::seconds{st.st_mtim.tv_sec}};
      message.dated = true;
    }
    ++counts.messages;
    visit(message);
  }

  // The messages of one cur/ or new/ directory.
  void read_dir(const fs::path& dir) {
    DIR* d = ::opendir(dir.c_str());
    if (d == nullptr) {
      if (errno != ENOENT)
        add_skip(counts, dir.string(), std::string("cannot list: ") + std::strerror(errno));
      return;
    }
    std::unique_ptr<DIR, int (*)(DIR*)> handle(d, ::closedir);
    const std::string prefix = dir.string() + "/";
    std::vector<std::string> names;
    bool more = true;
    while (more) {
      names.clear();
      while (names.size() < kMaildirBatch) {
        errno = 0;
        const dirent* entry = ::readdir(d);
        if (entry == nullptr) {
          if (errno != 0)
            add_skip(counts, dir.string(), std::string("cannot list: ") + std::strerror(errno));
          more = false;
          break;
        }
        if (entry->d_name[0] == '.') continue;
        if (entry->d_type != DT_REG && entry->d_type != DT_UNKNOWN && entry->d_type != DT_LNK)
          continue;
        names.emplace_back(entry->d_name);
      }
      std::sort(names.begin(), names.end());
      for (const std::string& name : names) read_file(::dirfd(d), name, prefix + name);
    }
  }

  // `dir` if it is a Maildir, then the Maildirs below it.
  void walk(const fs::path& dir, int depth) {
    const bool maildir = is_maildir(dir);
    if (maildir) {
      found = true;
      read_dir(dir / "cur");
      read_dir(dir / "new");
    }
    if (depth >= kMaildirDepth) return;
    std::vector<std::string> subdirs;
    {
      DIR* d = ::opendir(dir.c_str());
      if (d == nullptr) {
        if (depth > 0)
          add_skip(counts, dir.string(), std::string("cannot list: ") + std::strerror(errno));
        return;
      }
      std::unique_ptr<DIR, int (*)(DIR*)> handle(d, ::closedir);
      while (const dirent* entry = ::readdir(d)) {
        const std::string_view name = entry->d_name;
        if (name == "." || name == "..") continue;
        if (maildir && (name == "cur" || name == "new" || name == "tmp")) continue;
        bool is_dir = entry->d_type == DT_DIR;
        if (entry->d_type == DT_UNKNOWN) {
          struct stat st {};
          is_dir = ::fstatat(::dirfd(d), entry->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0 &&
                   S_ISDIR(st.st_mode);
        }
        if (is_dir) subdirs.emplace_back(name);
      }
    }
    std::sort(subdirs.begin(), subdirs.end());
    for (const std::string& sub : subdirs) walk(dir / sub, depth + 1);
  }
};

}  // namespace

std::vector<Address> parse_addresses(std::string_view value, Parser parser) {
  init_gmime();
  std::string text;
  Spares spares;
  std::vector<Address> out;
  addresses_of(value, parser, out, text, spares);
  return out;
}

std::string decode_text(std::string_view value, Parser parser) {
  init_gmime();
  std::string text;
  std::string out;
  subject_text(value, parser, text, out);
  return out;
}

std::optional<date::sys_seconds> parse_date(std::string_view value, Parser parser) {
  init_gmime();
  if (parser == Parser::fast) {
    if (const auto when = fast_date(value)) return when;
  }
  std::string text;
  field_text(value, text);
  return gmime_date(text);
}

bool read_message(std::string_view text, Message& out, std::string& why_not) {
  Scratch scratch;
  std::size_t skip = 0;
  if (starts_with_envelope(text)) {
    const std::size_t nl = text.find('\n');
    skip = nl == std::string_view::npos ? text.size() : nl + 1;
  }
  const std::size_t length = header_block_length(text.substr(skip));
  if (length > max_header_bytes) {
    why_not = kTooLarge;
    return false;
  }
  return read_header_block(text.substr(0, skip + length), out, why_not, scratch);
}

Result<Counts> read_mbox(const std::filesystem::path& file, const Visitor& visit,
                         std::size_t chunk_bytes) {
  const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY);
  if (fd < 0) return io_error("cannot open " + file.string() + ": " + std::strerror(errno));
  Fd handle(fd);
  struct stat st {};
  if (::fstat(fd, &st) == 0 && S_ISDIR(st.st_mode))
    return io_error("cannot read " + file.string() + ": it is a directory");
#ifdef POSIX_FADV_SEQUENTIAL
  (void)::posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);
#endif
  return read_mbox_fd(fd, file.string(), visit, chunk_bytes);
}

Result<Counts> read_maildir(const std::filesystem::path& dir, const Visitor& visit) {
  DIR* d = ::opendir(dir.c_str());
  if (d == nullptr) return io_error("cannot read " + dir.string() + ": " + std::strerror(errno));
  ::closedir(d);
  MaildirReader reader(visit);
  reader.walk(dir, 0);
  if (!reader.found) {
    return usage_error(dir.string() + " is not a Maildir: it has no cur/ or new/ directory",
                       "a Maildir holds cur/, new/ and tmp/; an mbox is a file");
  }
  return std::move(reader.counts);
}

bool is_maildir(const std::filesystem::path& dir) {
  std::error_code ec;
  return fs::is_directory(dir / "cur", ec) || fs::is_directory(dir / "new", ec);
}

}  // namespace kith::mail_read
