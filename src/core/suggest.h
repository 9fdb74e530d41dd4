// "Did you mean…?": the words of a known list closest to a word typed, for
// the hints of a mistyped command, option or tag. Pure.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kith {

// The optimal string alignment distance between a and b (insertions,
// deletions, substitutions and swaps of two neighbours, each costing 1),
// counted in bytes, ASCII case ignored: "lgo" is 1 from "log".
std::size_t edit_distance(std::string_view a, std::string_view b);

// The candidates a mistyped `word` most likely meant, in the order of
// `candidates`, without repeats:
// - the one candidate that `word` is a prefix of, when only one is;
// - else those at the smallest edit distance, when that distance is at most
//   1 for a word of up to 4 bytes and at most 2 for a longer one;
// - else none. A candidate equal to `word` (ASCII case ignored) is never
//   suggested: it was not mistyped.
std::vector<std::string> closest_words(std::string_view word,
                                       const std::vector<std::string>& candidates);

// "`log`", "`log` or `ls`", "`a`, `b` or `c`": the words quoted for a hint.
std::string quote_alternatives(const std::vector<std::string>& words);

}  // namespace kith
