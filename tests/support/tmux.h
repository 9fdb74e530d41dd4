// kith in a real terminal: a detached tmux session on a private tmux server,
// driven as a user would drive it (send-keys) and read as the user would read
// it (capture-pane). For `kith review`, whose keys and screens only exist on
// a terminal.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "support/testutil.h"

namespace kith::test {

class Tmux {
 public:
  // Whether tmux is on PATH. Tests that need it skip, saying why, without it
  // (`scripts/deps test` installs it).
  static bool available();

  // Starts `kith ARGS`, with the environment of kith.run() (TERM=screen unless
  // it sets TERM), in a detached session of 100 columns and 40 rows on a
  // tmux server of its own whose socket is in `dir`. The server puts what
  // kith copies with OSC 52 in its paste buffer (set-clipboard on), and keeps
  // the pane after kith exits, so that its last screen and exit status can
  // be read.
  Tmux(const Kith& kith, const std::vector<std::string>& args, const fs::path& dir);
  ~Tmux();  // kills the server, and kith with it if it still runs
  Tmux(const Tmux&) = delete;
  Tmux& operator=(const Tmux&) = delete;

  // What the pane has shown since kith started, its history and its screen
  // (capture-pane -J: wrapped lines joined), each line without the spaces
  // at its end, without the empty lines at the end. With `attributes`, the
  // escape sequences of the colours and attributes too (capture-pane -e).
  std::string text(bool attributes = false) const;
  // Waits (up to 60 s, looking again every 20 ms) until `expected` shows in
  // text() after the place where the previous wait found its text. False
  // when it does not.
  bool wait_for(const std::string& expected);
  // Types `keys` as literal characters (send-keys -l): "\r" is Enter,
  // "\x03" Ctrl-C, "\x04" Ctrl-D, "\x1b[A" the up arrow.
  void type(const std::string& keys) const;
  // Waits (up to 60 s) for kith to exit and returns its exit status; nullopt
  // when it is still running.
  std::optional<int> exit_status() const;
  // The server's newest paste buffer (what kith copied with OSC 52), or "".
  std::string clipboard() const;

 private:
  struct Output {
    int status = -1;
    std::string out;
  };
  Output tmux(const std::vector<std::string>& args) const;
  fs::path socket_;
  fs::path status_file_;  // kith's exit status, once it has exited
  std::size_t from_ = 0;  // where the next wait_for() looks from
};

// One turn of a conversation: wait until the terminal shows `expect` (after
// what the turn before waited for), then type `send` (see Tmux::type).
struct Turn {
  std::string expect;
  std::string send;
};

// Runs `kith ARGS` in tmux (see Tmux), plays `turns`, then waits for kith to
// exit. `out` is what the terminal showed (Tmux::text()), `exit_code` kith's
// exit status (-1 when it did not exit and was killed). A turn whose text
// does not show fails the test and ends the conversation.
RunResult run_in_tmux(const Kith& kith, const std::vector<std::string>& args,
                      const std::vector<Turn>& turns, const fs::path& dir);

}  // namespace kith::test
