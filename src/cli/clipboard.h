// Putting text on the user's clipboard from a terminal program, for the pitch
// drafts of `kith review` and `kith pitch --copy`: through the terminal itself (the OSC 52 escape
// sequence, which reaches the user's own clipboard over ssh and through tmux
// with `set-clipboard on`), and through wl-copy or xclip when the session has
// a display and one of them is on PATH.
#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "cli/context.h"
#include "core/status.h"

namespace kith::cli {

// RFC 4648 base64, with padding.
std::string base64(std::string_view bytes);

// "ESC ] 52 ; c ; BASE64 BEL": asks the terminal to put `text` on the
// clipboard. Terminals that do not know it ignore it.
std::string osc52(std::string_view text);

// Whether to send OSC 52 to the terminal TERM names: any but "dumb" and the
// Linux console ("linux"), which would print it.
bool terminal_takes_osc52(const Environment& env);

// The clipboard program of this session: {"/path/wl-copy"} when WAYLAND_DISPLAY
// is set and wl-copy is on PATH, else {"/path/xclip", "-selection",
// "clipboard"} when DISPLAY is set and xclip is on PATH; empty otherwise.
std::vector<std::string> clipboard_program(const Environment& env);

// Runs `program` (from clipboard_program) with `text` on its standard input
// (a private temp file) and its output discarded, with the environment of
// `env`, and waits for it. An io error when it cannot start or fails.
Status copy_with(const Environment& env, const std::vector<std::string>& program,
                 std::string_view text);

// What copy_to_clipboard did: the ways the text went ("the terminal (OSC
// 52)", "wl-copy", "xclip"), and why a way that was tried failed.
struct CopyResult {
  std::vector<std::string> ways;
  std::vector<std::string> problems;
};

// Puts `text` on the clipboard every way this session has: OSC 52 written to
// `terminal` (a stream on the user's terminal, or nullptr for none) when
// terminal_takes_osc52, and the clipboard_program.
CopyResult copy_to_clipboard(const Environment& env, std::ostream* terminal, std::string_view text);

// Why nothing could be copied, for a message: "the terminal takes no OSC 52
// (TERM) and neither wl-copy nor xclip is there for a display".
inline constexpr std::string_view kCannotCopyReason =
    "the terminal takes no OSC 52 (TERM) and neither wl-copy nor xclip is there for a display";

}  // namespace kith::cli
