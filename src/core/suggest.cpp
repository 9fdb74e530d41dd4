#include "core/suggest.h"

#include <algorithm>

namespace kith {
namespace {

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool equal_ignoring_case(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(),
                                            [](char x, char y) { return lower(x) == lower(y); });
}

bool starts_with_ignoring_case(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && equal_ignoring_case(s.substr(0, prefix.size()), prefix);
}

}  // namespace

std::size_t edit_distance(std::string_view a, std::string_view b) {
  // Three rows of the dynamic programme: i-2, i-1 and i.
  const std::size_t n = b.size();
  std::vector<std::size_t> before(n + 1), previous(n + 1), current(n + 1);
  for (std::size_t j = 0; j <= n; ++j) previous[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    current[0] = i;
    for (std::size_t j = 1; j <= n; ++j) {
      const std::size_t cost = lower(a[i - 1]) == lower(b[j - 1]) ? 0 : 1;
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
      if (i > 1 && j > 1 && lower(a[i - 1]) == lower(b[j - 2]) &&
          lower(a[i - 2]) == lower(b[j - 1])) {
        current[j] = std::min(current[j], before[j - 2] + 1);
      }
    }
    std::swap(before, previous);
    std::swap(previous, current);
  }
  return previous[n];
}

std::vector<std::string> closest_words(std::string_view word,
                                       const std::vector<std::string>& candidates) {
  std::vector<std::string> unique;
  for (const auto& c : candidates) {
    if (equal_ignoring_case(c, word)) return {};
    if (std::find(unique.begin(), unique.end(), c) == unique.end()) unique.push_back(c);
  }
  if (word.empty()) return {};
  std::vector<std::string> prefixed;
  for (const auto& c : unique) {
    if (starts_with_ignoring_case(c, word)) prefixed.push_back(c);
  }
  if (prefixed.size() == 1) return prefixed;

  const std::size_t limit = word.size() <= 4 ? 1 : 2;
  std::size_t best = limit + 1;
  std::vector<std::string> found;
  for (const auto& c : unique) {
    const std::size_t d = edit_distance(word, c);
    if (d > limit) continue;
    if (d < best) {
      best = d;
      found.clear();
    }
    if (d == best) found.push_back(c);
  }
  return found;
}

std::string quote_alternatives(const std::vector<std::string>& words) {
  std::string out;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (i > 0) out += i + 1 == words.size() ? " or " : ", ";
    out += "`" + words[i] + "`";
  }
  return out;
}

}  // namespace kith
