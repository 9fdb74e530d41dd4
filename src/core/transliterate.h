// Latin letters for names written in other scripts, through ICU's transform
// "Any-Latin; Latin-ASCII" (with the Cyrillic "й" as "i", as passports write
// it: Дмитрий -> Dmitrii, where ICU alone writes Dmitrij): the ids of new
// contacts ("李雷" -> "li-lei") and the words completion matches ("dmi"
// finds Дмитрий). This is the only file of kith that sees ICU.
//
// Building ICU's transform costs milliseconds (its rules are compiled from
// ICU's data), so a Transliterator is made once by its caller and kept for
// as many names as it handles: an import of thousands of rows builds it at
// most once. It is built on first need only: text without a character of
// another script than Latin never reaches ICU.
#pragma once

#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>

#include "core/text.h"

namespace kith::text {

class Transliterator {
 public:
  Transliterator();  // cheap: ICU's transform is built on first need
  ~Transliterator();
  Transliterator(const Transliterator&) = delete;
  Transliterator& operator=(const Transliterator&) = delete;

  // `s` with each run of characters of a script other than Latin replaced
  // by ICU's "Any-Latin; Latin-ASCII" of it, set apart by a space from a
  // letter or digit it touches. ASCII, Latin letters (accented or not), and bytes
  // that are not well-formed UTF-8 are kept as they are; a non-ASCII
  // character of no script of its own (punctuation, symbols, emoji,
  // combining marks) goes with the run before it, or is kept when it opens
  // `s`. So text with no character of another script is returned unchanged,
  // and pure-ASCII text without looking at any character beyond ASCII.
  //   "李雷" -> "li lei", "Дмитрий" -> "Dmitrii", "Ελένη" -> "Elene",
  //   "李 Rossum" -> "li Rossum", "José Núñez" -> "José Núñez", "👋" -> "👋".
  // What ICU leaves (e.g. an emoji inside a run) stays; when ICU's transform
  // cannot be built (no ICU data), every run is kept as it is.
  // Not for use by two threads at once.
  std::string to_latin(std::string_view s) const;

  // Whether to_latin(s) would differ from s: s has a character of a script
  // other than Latin (checked character by character, without ICU).
  static bool has_other_script(std::string_view s);

  // Whether ICU's transform has been built (by a to_latin() that needed it).
  bool built() const { return built_; }

 private:
  struct Icu;
  std::string transliterate_run(std::string_view run) const;

  mutable std::once_flag once_;
  mutable std::unique_ptr<Icu> icu_;  // null until built, or when it cannot be
  mutable bool built_ = false;
};

// The slug of a new contact's name: slugify(t.to_latin(name), max_len).
// Latin names get exactly slugify(name); others their transliteration:
//   "李雷" -> "li-lei", "李 Rossum" -> "li-rossum", "José Núñez" -> "jose-nunez";
// empty when nothing transliterates to a letter or digit ("👋").
std::string slug_of_name(std::string_view name, const Transliterator& t,
                         std::size_t max_len = max_id_length);

// The transliterated name completion matches, ASCII as far as ICU goes:
// fold(t.to_latin(name)) when the name has a character of another script
// than Latin, else empty (fold(name) then says it all). "Дмитрий" -> "dmitrii".
std::string latin_key(std::string_view name, const Transliterator& t);

}  // namespace kith::text
