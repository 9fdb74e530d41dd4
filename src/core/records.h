// The records of a network as the engines read them, apart from where they
// are stored: the whole network, the log summarised, and the JSON text of
// the files (documents, log lines, and why a text is refused). Nothing here
// touches a file; the store (store.h) reads and writes them.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/history.h"
#include "core/model.h"
#include "core/status.h"

namespace kith {

// The ids `kith merge` merged into other contacts, each with the id of the
// contact that carries it as an alias (Contact::aliases). An alias claimed
// by two contacts belongs to the first by id (kith doctor reports it).
using AliasMap = std::map<std::string, std::string, std::less<>>;
AliasMap alias_map(std::span<const Contact> contacts);
AliasMap alias_map(std::span<const ContactHead> contacts);

// The id `id` stands for: the id of the contact it is an alias of, else `id`
// itself.
std::string_view canonical_id(const AliasMap& aliases, std::string_view id);

// Replaces each alias in `ids` by the id of its contact, keeping each id once,
// where it first appears: ["ada-2", "grace", "ada"] with ada-2 an alias of ada
// -> ["ada", "grace"]. True when `ids` changed.
bool resolve_aliases(std::vector<std::string>& ids, const AliasMap& aliases);

// A record a read left out, when it reads around what it cannot read (see
// Store: the reading commands serve the rest and name these): a contact
// file or me.json that cannot be read or is not valid, a month file of the
// log that cannot be read, or a line of one that is not a valid interaction.
struct Unreadable {
  enum class What { contact, profile, month, line };
  What what = What::contact;
  std::string file;  // relative to the data directory: "contacts/bob.json"
  std::string id;    // the contact's id, for a contact file
  Error error;       // what a strict read reports: names the file, and the line when known
};

struct Network {
  Config config;
  Settings settings;
  Profile profile;
  std::vector<Contact> contacts;          // sorted by id, archived ones included
  std::vector<Interaction> interactions;  // sorted by date, then logged_at, then id
  std::vector<std::string> warnings;      // e.g. a torn last line that was skipped
  // What a read around unreadable records left out (see Store::load); empty
  // for a strict read, which fails instead.
  std::vector<Unreadable> unreadable;

  // nullptr when no contact has this id.
  const Contact* find(std::string_view id) const;
};

// What the reports that do not need every interaction (due, log) read of the
// log (Store::summarize_log builds it): built from the read cache when it is valid, else by reading
// the log one month at a time, so memory does not grow with the history.
// How many interactions of each intent fall in one month.
struct IntentCounts {
  int give = 0;
  int catch_up = 0;
  int ask = 0;
  void add(Intent intent) {
    ++(intent == Intent::give ? give : intent == Intent::ask ? ask : catch_up);
  }
};

struct LogSummary {
  // Summaries of the interactions dated on or before `until`; `last` is
  // always nullptr here (use Store::load_interactions for that).
  HistoryMap history;
  // Interactions dated on or before `until` whose follow-up is not done, in
  // the order Store::load() sorts interactions.
  std::vector<Interaction> open_follow_ups;
  std::vector<std::string> warnings;   // as Store::load reports them
  std::vector<Unreadable> unreadable;  // as Store::load reports them
  // When asked for (SummaryOptions::months_until), the interactions dated
  // on or before that day counted by month and intent (one interaction with
  // several people counts once); empty otherwise.
  std::map<date::year_month, IntentCounts> months;
};

// Whether `c` came in by an import of another tool's export (LinkedIn, an
// address book, a CSV): the key "imported_from" that `kith import` sets (a
// string; null when an import matched a contact that was not imported), or,
// without that key, for contacts imported before kith wrote it, the tag
// "linkedin" its LinkedIn import adds or a kept "vcard_uid".
bool came_by_import(const Contact& c);

// Serialisations, as written to the files.
std::string serialize_document(const Json& j);  // pretty, 2 spaces, trailing newline
std::string serialize_line(const Json& j);      // compact, trailing newline

// Parses the text of one log file (`label` names it in messages, e.g.
// "log/2026-11.jsonl"). Blank lines are skipped; a torn last line (no
// newline, not JSON) is skipped and reported in `warnings`; any other bad
// line is a data error "LABEL:LINE: …", or, with `unreadable`, is skipped
// and added there (What::line) while the other lines are read.
// `first_line` is the number of the first line of `content` in its file
// (for a part read after the lines already known).
Result<std::vector<Interaction>> parse_log(std::string_view content, std::string_view label,
                                           std::vector<std::string>& warnings, int first_line = 1,
                                           std::vector<Unreadable>* unreadable = nullptr);

// Parses a JSON document; any error (syntax, a number out of range, nesting
// deeper than 256 levels, which would exhaust the stack later) is a data
// error "WHERE:LINE: not valid JSON: ...".
Result<Json> parse_json_document(std::string_view text, std::string_view where);

// Why `text` is not one JSON document kith accepts: the 1-based line where
// the parser stopped (or the nesting got too deep) and its words, printable.
// nullopt when parse_json_document would accept it.
struct JsonProblem {
  int line = 1;
  std::string detail;
};
std::optional<JsonProblem> json_problem(std::string_view text);

// The document of `text` when json_problem() has nothing to say of it;
// otherwise a discarded value, and what json_problem() says in `problem`.
// One parse for a valid text (json_problem() and then a parse take two).
Json parse_or_problem(std::string_view text, std::optional<JsonProblem>& problem);

// Parses the text of the contact file of `id` (`where` names it in
// messages, e.g. "contacts/ada.json"): errors as parse_json_document and
// contact_from_json report them, with the line of the key at fault when
// it can be found ("contacts/ada.json:16: 'added_on' is not a date…"), and
// a data error when the record's id is not `id`.
Result<Contact> parse_contact_file(std::string_view text, std::string_view id,
                                   const std::string& where);

}  // namespace kith
