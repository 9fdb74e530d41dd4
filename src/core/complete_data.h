// Completion candidates read from a data directory (see store.h for its
// layout), made to answer within milliseconds on 10,000 contacts:
//   - contact ids come from the file names in contacts/ alone; the files are
//     opened (for the name, shown as a description) only when few match;
//   - tags, skills and interests read the contact files and me.json;
//   - kinds and follow-ups scan the log, parsing only the lines that matter.
// Nothing is ever written or locked, and nothing fails: a missing directory,
// an unreadable or corrupt file gives fewer candidates, never an error (the
// commands themselves report such files).
#pragma once

#include <filesystem>

#include "core/complete.h"

namespace kith::complete {

class DataDirSources : public Sources {
 public:
  // An empty path reads as an empty data directory.
  explicit DataDirSources(std::filesystem::path dir) : dir_(std::move(dir)) {}

  // Descriptions (the name, and "archived") when at most this many ids match.
  static constexpr std::size_t kDescribedContacts = 40;

  std::vector<Candidate> contacts(std::string_view prefix) const override;
  std::vector<Candidate> open_follow_ups() const override;
  // Deduplicated as pitch matches terms (normalize_term), first spelling
  // kept, sorted ignoring case.
  std::vector<std::string> terms(ValueKind kind) const override;
  // Sorted, each once.
  std::vector<std::string> kinds() const override;

 private:
  std::filesystem::path dir_;
};

}  // namespace kith::complete
