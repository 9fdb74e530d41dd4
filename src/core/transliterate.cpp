#include "core/transliterate.h"

#include <unicode/translit.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

namespace kith::text {

struct Transliterator::Icu {
  std::unique_ptr<icu::Transliterator> transform;
};

namespace {

// ICU's "Any-Latin; Latin-ASCII", with the Cyrillic short i written "i" as
// passports write it (Дмитрий -> Dmitrii) rather than ICU's "j".
constexpr const char* kRules = "й > i; Й > I; ::Any-Latin; ::Latin-ASCII;";

// Where a code point goes when runs are cut.
enum class Side {
  latin,    // kept as it is: ASCII, Latin script, ill-formed bytes
  other,    // a script other than Latin: transliterated
  neutral,  // no script of its own (Common, Inherited): with the run before
};

Side side_of(UChar32 c) {
  if (c < 0x80) return Side::latin;  // ASCII, and ill-formed bytes (c < 0)
  UErrorCode status = U_ZERO_ERROR;
  const UScriptCode script = uscript_getScript(c, &status);
  if (U_FAILURE(status)) return Side::latin;
  switch (script) {
    case USCRIPT_LATIN:
      return Side::latin;
    case USCRIPT_COMMON:
    case USCRIPT_INHERITED:
    case USCRIPT_UNKNOWN:
      return Side::neutral;
    default:
      return Side::other;
  }
}

bool is_ascii_text(std::string_view s) {
  for (char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

// Calls f(start, end, side) for each run of `s`, in order; neutral code
// points joined to the run before them (to a Latin run at the start).
template <class F>
void for_each_run(std::string_view s, F&& f) {
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(s.data());
  const auto length = static_cast<std::int32_t>(s.size());
  std::int32_t i = 0;
  std::int32_t start = 0;
  Side current = Side::latin;
  while (i < length) {
    const std::int32_t at = i;
    UChar32 c = 0;
    U8_NEXT(bytes, i, length, c);
    Side side = side_of(c);
    if (side == Side::neutral) continue;
    if (side != current) {
      if (at > start) f(start, at, current);
      start = at;
      current = side;
    }
  }
  if (length > start) f(start, length, current);
}

// A byte of a word: a letter or digit, or part of a non-ASCII character.
bool is_word_byte(char c) {
  const auto b = static_cast<unsigned char>(c);
  return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9') || b >= 0x80;
}

}  // namespace

Transliterator::Transliterator() = default;
Transliterator::~Transliterator() = default;

bool Transliterator::has_other_script(std::string_view s) {
  if (is_ascii_text(s)) return false;
  bool found = false;
  for_each_run(s, [&](std::int32_t, std::int32_t, Side side) { found |= side == Side::other; });
  return found;
}

std::string Transliterator::transliterate_run(std::string_view run) const {
  std::call_once(once_, [this] {
    auto icu = std::make_unique<Icu>();
    UErrorCode status = U_ZERO_ERROR;
    UParseError where;
    icu->transform.reset(icu::Transliterator::createFromRules(
        "kith-latin", icu::UnicodeString::fromUTF8(kRules), UTRANS_FORWARD, where, status));
    if (U_FAILURE(status)) icu->transform.reset();
    icu_ = std::move(icu);
    built_ = icu_->transform != nullptr;
  });
  if (!icu_->transform) return std::string(run);
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(
      icu::StringPiece(run.data(), static_cast<std::int32_t>(run.size())));
  icu_->transform->transliterate(text);
  std::string out;
  text.toUTF8String(out);
  return out;
}

std::string Transliterator::to_latin(std::string_view s) const {
  if (is_ascii_text(s) || !has_other_script(s)) return std::string(s);
  std::string out;
  out.reserve(s.size() * 2);
  bool space_before_next = false;  // a word after a transliterated run is set apart
  for_each_run(s, [&](std::int32_t start, std::int32_t end, Side side) {
    const std::string_view run =
        s.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(end - start));
    if (side == Side::other) {
      if (!out.empty() && is_word_byte(out.back())) out.push_back(' ');
      out += transliterate_run(run);
      space_before_next = true;
      return;
    }
    if (space_before_next && is_word_byte(run.front()) && !out.empty() &&
        is_word_byte(out.back())) {
      out.push_back(' ');
    }
    space_before_next = false;
    out.append(run);
  });
  return out;
}

std::string slug_of_name(std::string_view name, const Transliterator& t, std::size_t max_len) {
  if (!Transliterator::has_other_script(name)) return slugify(name, max_len);
  return slugify(t.to_latin(name), max_len);
}

std::string latin_key(std::string_view name, const Transliterator& t) {
  if (!Transliterator::has_other_script(name)) return {};
  return fold(t.to_latin(name));
}

}  // namespace kith::text
