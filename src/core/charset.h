// Decoding text as older address books write it: quoted-printable bytes
// (RFC 2045, section 6.7, as vCard 2.1 uses it) and values in a named
// character set, converted to UTF-8 through iconv. Pure functions on
// strings; total on any input.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace kith::charset {

// Names longer than this are refused as unknown without asking iconv.
inline constexpr std::size_t max_name_length = 64;

// Quoted-printable decoded: "=XX" (two hex digits, either case) is that byte;
// "=" at the end of a line (followed by CRLF, LF or CR, or by spaces or tabs
// and then one of those) is a soft line break and is removed with that line
// break; every other byte, line breaks included, stands for itself. nullopt
// when an "=" is followed by anything else, or ends the text.
std::optional<std::string> decode_quoted_printable(std::string_view encoded);

// The outcome of to_utf8: the text in UTF-8, or why there is none.
struct Converted {
  std::optional<std::string> text;  // set on success
  enum class Problem { none, unknown_charset, invalid_bytes } problem = Problem::none;
};

// `bytes`, written in the character set `name`, converted to UTF-8. Names
// are the ones glibc's iconv knows, in any case ("UTF-8", "ISO-8859-1",
// "latin1", "Windows-1252", "CP1252", "Shift_JIS"…). A name that iconv does
// not know, that is empty or longer than max_name_length, or that holds
// anything but letters, digits and "-_.:()+" (no "//" conversion options)
// is an unknown charset; bytes that are not valid in that charset (a stray
// byte in UTF-8, 0x81 in Windows-1252, a truncated sequence) are invalid
// bytes, and so is a NUL character (kith never stores one: see
// text::is_valid_utf8). On success the text is valid UTF-8.
Converted to_utf8(std::string_view bytes, std::string_view name);

// `name` as it may be shown in a message: at most max_name_length bytes,
// anything but printable ASCII replaced by '?'.
std::string printable_name(std::string_view name);

}  // namespace kith::charset
