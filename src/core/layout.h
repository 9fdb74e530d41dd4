// Where each record lives in a data directory: the one place that spells
// its names. Pure: no file is touched here.
//
//   kith.json             the format version and the settings
//   me.json               your profile
//   contacts/<id>.json    one contact per file
//   log/<YYYY-MM>.jsonl   interactions, one JSON object per line, by date
//   .lock                 the writers' lock file
//   .undo/                the undo journal (undo.h), never synced
//   .<name>.tmp-XXXXXX    a temp file next to the file <name> it replaces
//
// Names "relative" to the data directory use '/' ("contacts/ada.json"), as
// messages, git and the merge drivers name the files.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/dates.h"

namespace kith::layout {

inline constexpr std::string_view kConfigFile = "kith.json";
inline constexpr std::string_view kProfileFile = "me.json";
// What `kith scan` proposes, one proposal a line (core/inbox.h).
inline constexpr std::string_view kInboxFile = "inbox.jsonl";
inline constexpr std::string_view kContactsDir = "contacts";
inline constexpr std::string_view kLogDir = "log";
inline constexpr std::string_view kLockFile = ".lock";
inline constexpr std::string_view kUndoDir = ".undo";
inline constexpr std::string_view kContactSuffix = ".json";
inline constexpr std::string_view kMonthSuffix = ".jsonl";

// "ada.json" for id "ada". The id is not checked.
std::string contact_file_name(std::string_view id);
// "ada" for "ada.json": the name without its ".json"; nullopt for a hidden
// name (a temp file) or one without the suffix or with nothing before it.
std::optional<std::string_view> contact_id_of(std::string_view file_name);
// "contacts/ada.json".
std::string contact_relative_path(std::string_view id);

// "2026-11.jsonl" (the year in four digits, the month in two).
std::string month_file_name(date::year_month month);
// A month file of the log: four digits, '-', two digits, ".jsonl".
bool is_month_file(std::string_view file_name);
// The month a month file holds; nullopt when is_month_file is false or the
// month is not 01 to 12.
std::optional<date::year_month> month_of(std::string_view file_name);
// "log/2026-11.jsonl".
std::string month_relative_path(date::year_month month);

// The kinds of file kith keeps, and which one a relative path names:
// "kith.json", "me.json", "contacts/NAME.json", "log/NAME.jsonl" (one level
// deep, as git's attribute patterns `contacts/*.json` and `log/*.jsonl`
// match them); nullopt for any other path.
enum class FileKind { config, profile, contact, month, inbox };
std::optional<FileKind> kind_of(std::string_view relative_path);

// The temp file that replaces `file_name` ("ada.json" -> ".ada.json.tmp-SUFFIX").
std::string temp_file_name(std::string_view file_name, std::string_view suffix);
// True for the names temp_file_name makes: what a killed writer leaves behind.
bool is_temp_name(std::string_view file_name);

}  // namespace kith::layout
