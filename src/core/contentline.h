// The "content line" syntax that vCard (RFC 6350, RFC 2426) and iCalendar
// (RFC 5545) share: NAME;PARAM=VALUE:value lines, folded at 75 octets, with
// backslash escapes in text values. Pure functions on strings; total on any
// input.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kith::contentline {

// A text value with '\', ';', ',' and line breaks escaped (\\ \; \, \n).
// CR and LF, alone or as a pair, become one "\n"; other control characters
// (which neither format allows) are dropped.
std::string escape_text(std::string_view s);

// The reverse of escape_text: \\ \; \, \: and \n or \N resolved; a backslash
// before any other character, or at the end, is kept as written.
std::string unescape_text(std::string_view raw);

// Splits a raw value on `sep` where it is not escaped by a backslash, then
// unescapes each part: "a\,b,c" split on ',' gives {"a,b", "c"}.
std::vector<std::string> split_unescaped(std::string_view raw, char sep);

// `line` (without its line break) folded as both RFC require: physical lines
// of at most 75 octets, continuation lines starting with one space, never
// splitting a UTF-8 sequence; every physical line ends in CRLF.
std::string fold(std::string_view line);
// The same, appended to `out`.
void append_folded(std::string& out, std::string_view line);

// A value with control characters removed, for values that are not text
// (URIs, UIDs, dates): they cannot be escaped, so they must not break the line.
std::string strip_controls(std::string_view s);

}  // namespace kith::contentline
