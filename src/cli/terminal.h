// Reading a user's answers on a terminal, for `kith review`: one key press at
// a time, or one line with the terminal's own line editing.
//
// A key is read with the terminal in non-canonical mode without echo, and
// only while waiting for that key: the terminal's settings are put back as
// soon as it is read, so a line, an editor or a crash finds the terminal as
// the user had it. Without a terminal descriptor (Environment::terminal_fd
// is -1) a key is the first character of the next line, so that the same
// questions can be answered a line at a time.
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <string_view>

#include "cli/context.h"

namespace kith::cli {

class Keyboard {
 public:
  // Reads env.in (which must outlive the Keyboard); keys one at a time when
  // env.terminal_fd is a terminal.
  explicit Keyboard(const Environment& env) : env_(env) {}

  // Prints `prompt` on `out` and reads the next key: a character, '\n' for
  // Enter, '\0' for a key that sends an escape sequence (an arrow, a
  // function key) or a non-ASCII character, both read whole. nullopt for
  // Ctrl-C, Ctrl-D and the end of the input.
  std::optional<char> key(std::ostream& out, std::string_view prompt);

  // The next line, without its line ending; nullopt at the end of the input
  // (Ctrl-D on an empty line), after which reading can go on.
  std::optional<std::string> line();

 private:
  const Environment& env_;
};

}  // namespace kith::cli
