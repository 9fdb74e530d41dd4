// Putting text on the user's clipboard from a terminal program, for `kith
// review`'s pitch drafts: through the terminal itself (the OSC 52 escape
// sequence, which reaches the user's own clipboard over ssh and through tmux
// with `set-clipboard on`), and through wl-copy or xclip when the session has
// a display and one of them is on PATH.
#pragma once

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

}  // namespace kith::cli
