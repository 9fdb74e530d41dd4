// Fuzz target: the Unicode text functions and the transliteration of names on
// arbitrary bytes.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/text.h"
#include "core/transliterate.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  (void)kith::text::is_valid_utf8(input);
  (void)kith::text::fold(input);
  const std::string slug = kith::text::slugify(input);
  if (!slug.empty() && !kith::text::is_valid_id(slug)) __builtin_trap();
  (void)kith::text::display_width(input);
  (void)kith::text::truncate_to_width(input, size % 17);
  (void)kith::text::pad_right(input, size % 23);
  (void)kith::text::normalize_term(input);
  (void)kith::text::terms_match(input, "machine learning");
  if (!kith::text::is_valid_utf8(kith::text::sanitize_for_terminal(input))) __builtin_trap();

  // Transliteration, with one transform for the whole run as an import keeps it.
  static const kith::text::Transliterator transliterator;
  const std::string latin = transliterator.to_latin(input);
  if (!kith::text::Transliterator::has_other_script(input) && latin != input) __builtin_trap();
  const std::string id = kith::text::slug_of_name(input, transliterator);
  if (!id.empty() && !kith::text::is_valid_id(id)) __builtin_trap();
  if (!kith::text::Transliterator::has_other_script(input) && id != slug) __builtin_trap();
  (void)kith::text::latin_key(input, transliterator);
  return 0;
}
