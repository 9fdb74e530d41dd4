#pragma once

// A reader for the log lines kith writes, without building a JSON value
// first. Reading every line through a general JSON parser is most of what
// `kith export json` and `kith doctor` spend on a big log; this reader takes
// the common case and leaves everything else to that parser.

#include <optional>
#include <string_view>

#include "core/model.h"

namespace kith {

// The interaction of `line` when it is one JSON object holding only the
// keys of an interaction (id, date, contacts, kind, intent, note, logged_at,
// and follow_up with text, by and done_on), each once, each a string, a
// list of strings or null as interaction_from_json() reads them, and the
// record is valid: then it equals what interaction_from_json() returns for
// the parsed line. nullopt for anything else — another key (kept by the
// general reader as an extra), a key twice, a number, a value of another
// type, bytes JSON does not allow, an invalid record — and the caller reads
// the line the general way, which also words any error.
std::optional<Interaction> read_log_line(std::string_view line);

}  // namespace kith
