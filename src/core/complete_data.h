// Completion candidates read from a data directory (see store.h for its
// layout), made to answer within milliseconds on 10,000 contacts:
//   - contact ids come from the file names in contacts/; a contact is offered
//     when its id starts with the word typed, or when its id, its folded name
//     (text::fold: case and accents ignored) or its transliterated name
//     (text::latin_key) has a word that starts with it ("nun" offers
//     jose-nunez, "dmi" the contact named Дмитрий). The names come from the
//     read cache (see cache.h), without a stat of every file: a contact
//     found by a cached name is offered only when its file still has the
//     entry's stamp (else its file is read), but a file changed outside kith
//     since the last kith command may go unfound by its new name until the
//     next one refreshes the cache. A contact not in the cache has its file
//     read, up to kUncachedNames of them (beyond, until a command fills the
//     cache, they match by id alone);
//     the files are opened for a description (the name) only when few match;
//   - tags, skills and interests read the contact files and me.json;
//   - kinds and follow-ups scan the log, parsing only the lines that matter.
// Nothing is ever written or locked, and nothing fails: a missing directory,
// an unreadable or corrupt file gives fewer candidates, never an error (the
// commands themselves report such files).
#pragma once

#include <filesystem>
#include <memory>
#include <optional>

#include "core/cache.h"
#include "core/complete.h"
#include "core/transliterate.h"

namespace kith::complete {

class DataDirSources : public Sources {
 public:
  // An empty path reads as an empty data directory; an empty cache root
  // means no read cache (as CacheOptions::root in store.h).
  explicit DataDirSources(std::filesystem::path dir, std::filesystem::path cache_root = {});

  // Descriptions (the name, and "archived") when at most this many ids match.
  static constexpr std::size_t kDescribedContacts = 40;
  // Contact files read for their names when the cache lacks them.
  static constexpr std::size_t kUncachedNames = 200;

  // Every candidate is marked `matched`: those found by name need not start
  // with the word.
  std::vector<Candidate> contacts(std::string_view word) const override;
  std::vector<Candidate> open_follow_ups() const override;
  // Deduplicated as pitch matches terms (normalize_term), first spelling
  // kept, sorted ignoring case.
  std::vector<std::string> terms(ValueKind kind) const override;
  // Sorted, each once.
  std::vector<std::string> kinds() const override;

 private:
  // What a contact's name says to the matching: the words of its folded
  // name and of its transliterated name, one string ("jose-nunez",
  // "дмитрии-dmitrii"); empty when unknown. `stamp`: of the cache entry they
  // come from, nullopt when read from the file.
  struct NameWords {
    std::string words;
    std::optional<cache::FileStamp> stamp;
  };
  // For each of `ids` (sorted).
  std::vector<NameWords> name_words(const std::vector<std::string>& ids) const;
  // Read from the contact's file.
  NameWords name_words_of_file(const std::string& id) const;

  std::filesystem::path dir_;
  std::filesystem::path contacts_cache_;  // empty: no cache
  std::filesystem::path abs_dir_;
  std::shared_ptr<const text::Transliterator> transliterator_;
};

}  // namespace kith::complete
