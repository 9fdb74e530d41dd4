#include "core/identity.h"

#include <array>
#include <vector>

#include "core/text.h"

namespace kith {
namespace {

bool is_ascii_punct_or_space(unsigned char ch) {
  return ch < 0x80 && !(ch >= '0' && ch <= '9') && !(ch >= 'a' && ch <= 'z') &&
         !(ch >= 'A' && ch <= 'Z');
}

// fold(s) as words: dots and apostrophes dropped, other ASCII punctuation
// and white space between words.
std::vector<std::string> folded_words(std::string_view s) {
  const std::string folded = text::fold(s);
  std::vector<std::string> words;
  std::string word;
  for (char c : folded) {
    const auto ch = static_cast<unsigned char>(c);
    if (ch == '.' || ch == '\'') continue;
    if (is_ascii_punct_or_space(ch)) {
      if (!word.empty()) words.push_back(std::move(word));
      word.clear();
    } else {
      word += c;
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

std::string joined(const std::vector<std::string>& words, std::size_t from, std::size_t to) {
  std::string out;
  for (std::size_t i = from; i < to; ++i) {
    if (!out.empty()) out += ' ';
    out += words[i];
  }
  return out;
}

constexpr std::array<std::string_view, 35> kLegalForms = {
    "inc", "incorporated", "llc",  "llp",         "lp",  "ltd",     "limited", "gmbh", "ag",
    "kg",  "ug",           "se",   "sa",          "sas", "sarl",    "srl",     "sl",   "spa",
    "bv",  "nv",           "corp", "corporation", "co",  "company", "plc",     "pty",  "pte",
    "oy",  "oyj",          "ab",   "as",          "asa", "aps",     "kk",      "gk"};

bool is_legal_form(std::string_view word) {
  for (std::string_view form : kLegalForms) {
    if (word == form) return true;
  }
  return false;
}

}  // namespace

std::string name_key(std::string_view name) {
  const auto words = folded_words(name);
  return joined(words, 0, words.size());
}

std::string company_key(std::string_view company) {
  const auto words = folded_words(company);
  std::size_t from = 0, to = words.size();
  if (to - from > 1 && words[from] == "the") ++from;
  while (to - from > 1 && is_legal_form(words[to - 1])) --to;
  return joined(words, from, to);
}

bool same_company(std::string_view a, std::string_view b) {
  return company_key(a) == company_key(b);
}

std::string role_key(std::string_view role) { return name_key(role); }

bool same_role(std::string_view a, std::string_view b) { return role_key(a) == role_key(b); }

std::string phone_match_key(std::string_view phone) {
  const std::string folded = text::fold(phone);
  std::string digits;
  for (char ch : folded) {
    if (ch >= '0' && ch <= '9') digits += ch;
  }
  if (digits.size() < 6) return {};
  if (digits.size() > 9) digits.erase(0, digits.size() - 9);
  return digits;
}

}  // namespace kith
