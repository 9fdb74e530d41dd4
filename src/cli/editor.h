// Editing text in the user's editor, for `kith edit` with no option.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "cli/context.h"
#include "core/status.h"

namespace kith::cli {

// The editor command: $VISUAL, else $EDITOR, else "vi" (empty values are
// skipped). It may carry arguments ("code --wait"): it is run by /bin/sh.
std::string editor_command(const Environment& env);

// A private temp file (mode 0600, in $TMPDIR or /tmp, never in the data
// directory) holding text for the editor. The file is removed on destruction,
// whatever happened, unless kept.
class EditBuffer {
 public:
  // Creates "<stem>-XXXXXX<suffix>" holding `content`. An io error when it
  // cannot be created or written.
  static Result<EditBuffer> create(const Environment& env, std::string_view stem,
                                   std::string_view content, std::string_view suffix = ".json");

  EditBuffer(EditBuffer&& other) noexcept;
  EditBuffer& operator=(EditBuffer&&) = delete;
  EditBuffer(const EditBuffer&) = delete;
  EditBuffer& operator=(const EditBuffer&) = delete;
  ~EditBuffer();

  const std::filesystem::path& path() const { return path_; }

  // Leaves the file in place (it is no longer removed on destruction) and
  // returns its path: for text the user should not lose.
  std::filesystem::path keep();

  // Runs the editor on the file, as `/bin/sh -c '<editor> "$1"' sh FILE`
  // with the environment of `env`, waits for it, and returns the file's
  // content then. An editor that cannot start, exits with a non-zero status
  // or is killed is an io error naming it; the file then stays as it was
  // left.
  Result<std::string> edit(const Environment& env);

 private:
  explicit EditBuffer(std::filesystem::path path) : path_(std::move(path)) {}
  std::filesystem::path path_;
};

}  // namespace kith::cli
