// Unicode text handling: validation, comparison keys, ids and terminal layout.
//
// All strings are UTF-8. Functions never fail: input that is not well-formed
// UTF-8 is handled byte by byte as documented on each function, so a corrupt
// field degrades its own display or matching and nothing else.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace kith::text {

// Longest contact id, in bytes.
inline constexpr std::size_t max_id_length = 64;

// True when s is well-formed UTF-8: no overlong forms, no surrogates
// (U+D800..U+DFFF), nothing above U+10FFFF, no truncated sequence. A NUL byte
// also makes it false, since kith never stores NUL. The empty string is valid.
bool is_valid_utf8(std::string_view s);

// Appends code point `cp` (at most U+10FFFF, not a surrogate) in UTF-8.
void append_utf8(std::string& out, char32_t cp);

// `s` without leading and trailing ASCII white space (space, \t, \n, \r,
// \v, \f); a view into `s`.
std::string_view trim(std::string_view s);

// Comparison key for case- and diacritic-insensitive matching: compatibility
// decomposition, combining marks stripped, case folded, then recomposed.
//   "José Núñez" -> "jose nunez", "STRASSE" and "Straße" -> "strasse",
//   "Ørsted" -> "orsted", "ﬁ" -> "fi", full-width "Ａ" -> "a".
// Also: default-ignorable characters (soft hyphen, zero-width space and
// joiner, variation selectors) are dropped; every Unicode space becomes ' ',
// every dash '-', and typographic apostrophes '\'' ("O’Brien" == "O'Brien").
// Letters Unicode does not decompose are mapped by a fixed table: ø->o,
// æ->ae, œ->oe, ł->l, đ->d, ð->d, þ->th, ı->i, and their capitals.
// Stripping marks is lossy by design: "й" folds like "и", "ガ" like "カ".
// CJK ideographs and other letters without marks are kept as they are.
// Pure-ASCII input is only lower-cased. Other input that is not valid UTF-8
// (see is_valid_utf8, NUL included) is returned with ASCII letters lower-cased
// and every other byte unchanged.
std::string fold(std::string_view s);

// Whether fold(s) == folded, for a `folded` that fold() returned; what
// comparing fold(s) would say, but most s that cannot fold to `folded` are
// told apart without folding them (fold keeps every ASCII letter and digit
// of s, lower-cased and in order).
bool folds_to(std::string_view s, std::string_view folded);

// Slug for a contact id: fold(name), ASCII letters and digits kept, every
// other run of characters replaced by one '-', no leading or trailing '-'.
// Longer than max_len bytes: cut at the last '-' within max_len when that
// keeps at least half of max_len, otherwise cut at max_len; never ends in '-'.
//   "José Núñez" -> "jose-nunez", "  Ada  Lovelace!! " -> "ada-lovelace",
//   "O'Brien" -> "o-brien", "42" -> "42".
// Empty when nothing Latin or digit is left ("李小龙", "👋"); the caller then
// picks another id. The result is empty or satisfies is_valid_id() (for
// max_len <= max_id_length).
std::string slugify(std::string_view name, std::size_t max_len = max_id_length);

// A valid contact id: 1..max_id_length bytes of [a-z0-9-], starting and
// ending with a letter or digit. Inner runs of '-' are allowed ("a--b").
// Rejects path tricks such as "../x" and "a/b".
bool is_valid_id(std::string_view id);

// True when the slug contains at least one ASCII letter [a-z].
bool has_latin_letter(std::string_view slug);

// Terminal columns taken by s, summed per code point: East Asian wide and
// full-width characters and emoji count 2; combining marks, zero-width
// joiners, variation selectors and control characters count 0; everything
// else 1. Each byte that is not part of valid UTF-8 counts 1.
// Emoji sequences are not merged: "👨‍👩‍👧" (three emoji joined by ZWJ) counts
// 6, as wcswidth() and most terminals count it; a flag (two regional
// indicators) counts 2.
std::size_t display_width(std::string_view s);

// s padded with spaces on the right to `width` display columns; s unchanged
// when it is already that wide or wider.
std::string pad_right(std::string_view s, std::size_t width);

// s when it fits in `width` display columns; otherwise its longest prefix of
// whole grapheme clusters (a base character with its combining marks, an
// emoji sequence) that fits in width - 1 columns, followed by "…" (one
// column). The result may be one column narrower than `width` when a wide
// character does not fit; pad_right() it for alignment. For width 0 the
// result is empty whenever s is not.
std::string truncate_to_width(std::string_view s, std::size_t width);

// Key for matching skills, interests and tags: fold(), then every run of
// whitespace, '-' and '_' becomes one ' ', trimmed at both ends; then in each
// word longer than three bytes a single trailing 's' is dropped.
//   "Machine-Learning", "machine learning", "machine_learnings"
//     -> "machine learning";
//   "APIs" -> "api"; "bus" -> "bus"; "Ökonomie" -> "okonomie";
//   "class" -> "clas" but "clas" -> "cla", so "class" and "clas" differ.
// Other punctuation is kept: "C++" and "C#" stay distinct.
std::string normalize_term(std::string_view term);

// True when both terms normalise to the same non-empty key.
bool terms_match(std::string_view a, std::string_view b);

// s made safe to print on one terminal line: every C0 control (U+0000..U+001F,
// including tab and newline), DEL (U+007F), C1 control (U+0080..U+009F), line
// and paragraph separator (U+2028, U+2029) and every byte that is not part of
// valid UTF-8 is replaced by U+FFFD "�", one per character or byte. Escape
// sequences such as "\x1b[31m" therefore never reach the terminal raw, and the
// result is always valid UTF-8. Everything else is kept.
std::string sanitize_for_terminal(std::string_view s);

// A note as kith keeps it: every line break (CRLF, a lone CR, U+2028,
// U+2029) made "\n", every other C0 control and DEL made a space, trailing
// spaces removed from each line, and blank lines at the start and the end
// dropped. Notes are the one text that may span lines.
std::string normalize_note(std::string_view s);

// The lines of `s` split at "\n" (one empty line for an empty `s`).
std::vector<std::string> split_lines(std::string_view s);

}  // namespace kith::text
