// Bringing people in from other tools: the records every import reader
// produces (linkedin.h, vcard.h, contact_csv.h, backup.h), and the plan that
// says what an import changes.
//
// Planning is a pure function of the network already kept and the records
// read: it touches no file. The command applies the plan under one write
// lock, or only prints it for --dry-run.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/dates.h"
#include "core/fields.h"
#include "core/model.h"
#include "core/records.h"

namespace kith {

// Where a record starts in an import file.
struct SourceLine {
  std::string file;
  int line = 0;  // 1-based
};

// One person read from an import file.
struct ImportRecord {
  SourceLine where;
  // The fields read. contact.id is set only when the file names a kith id
  // (kith CSV and JSON, a vCard UID "kith:<id>"); added_on is left at its
  // zero value when the file does not say (the plan uses today).
  Contact contact;
  std::optional<std::string> uid;  // a vCard UID from another tool, to match later imports by
  // The batch's `source` (below), copied by plan_import; a contact added from
  // this record keeps it under the key "imported_from".
  std::string source;
};

// A record that was skipped, or read with something left out.
struct Notice {
  SourceLine where;
  std::string message;
};

struct ImportedInteraction {
  SourceLine where;
  Interaction interaction;
};

// Everything the readers took from the import files.
struct ImportBatch {
  std::vector<ImportRecord> records;
  std::vector<Notice> skipped;   // records that could not be read
  std::vector<Notice> warnings;  // records read with a field left out
  // Only kith's own JSON export has these:
  std::vector<ImportedInteraction> interactions;
  std::optional<Profile> profile;
  Json settings = Json::object();
  // Where the records come from when it is another tool's export
  // ("linkedin", "vcard", "google-csv", "outlook-csv"): kept on each contact
  // added, under the key "imported_from", which tells a weak tie (due.h) from
  // someone added by hand. Empty for kith's own CSV and JSON, whose contacts
  // are restored as they were. A reader sets it for its records; when the
  // batches of several files are put together, each record carries its own.
  std::string source;
};

enum class MergePolicy {
  // LinkedIn's export, which carries each connection's current position: a
  // company (compared by identity.h's company_key) or role (role_key) that
  // differs replaces the kept one and is recorded as a job change.
  update,
  // An address book (vCard, CSV): fills an empty company or role, never
  // replaces a known one and never records a job change. Address books are
  // often years old; their positions are not news.
  fill,
  // kith's own export: fills in what is missing and adds to lists, never
  // replaces a value that is kept.
  restore,
};

// What the person importing asked every record to bring: tags added to each
// contact the import adds or matches, and the cadence of each contact it adds
// (contacts already kept keep theirs).
struct ImportChoices {
  std::vector<std::string> tags;
  std::optional<Duration> every;
};

// How a record was found to be a contact kept, or one added earlier by the
// same import.
enum class MatchedBy { id, email, url, uid, phone, name };
std::string_view to_string(MatchedBy by);  // "id", "email", "url", "uid", "phone", "name"

struct Match {
  SourceLine where;
  std::string id;  // the contact's id
  MatchedBy by;
};

// A contact the import adds although another contact has the same name
// (name_key): two people, or one person the fields could not tell apart.
struct PossibleDuplicate {
  SourceLine where;
  std::string id;    // the contact added
  std::string like;  // the other contact with the name
};

struct JobChangeReport {
  std::string id;
  std::string name;
  Job from;
  Job to;
};

struct ImportPlan {
  std::vector<Contact> added;    // new contacts with their ids, in file order
  std::vector<Contact> updated;  // the new versions of kept contacts, in file order
  int unchanged = 0;             // records matching a contact they would not change
  std::vector<Match> matched;    // every record that matched, in file order
  std::vector<PossibleDuplicate> possible_duplicates;
  std::vector<JobChangeReport> job_changes;
  std::vector<Notice> skipped;            // the batch's, then the planning's
  std::vector<Notice> warnings;           // the batch's
  std::vector<Interaction> interactions;  // to add, contact ids mapped to the kept ones
  int interactions_unchanged = 0;         // already kept (same id)
  std::optional<Profile> profile;         // set when the profile changes
  std::optional<Json> settings;           // the whole new settings object, when it changes
  std::vector<std::string> settings_added;

  bool changes_something() const {
    return !added.empty() || !updated.empty() || !interactions.empty() || profile || settings;
  }
};

// What importing `batch` into `network` would change.
//
// Each record is matched to a contact kept, or added earlier by the same
// import (a file may list a person twice), by the first of these that finds
// one: the kith id it names; an email (field_key: case aside); a LinkedIn
// profile URL among its links (profile_url_key); its vCard UID; a phone
// (identity.h's phone_match_key); then its name (name_key), when exactly one
// contact has that name and nothing contradicts the match: two different
// LinkedIn profiles do, and so do two birthdays on different days (a second
// email or phone does not). A record that names a kith id is a distinct
// contact of the file it comes from: it is never matched by name, and other
// keys match it only to contacts kept before this import. Archived contacts
// are matched too. Every match is listed in plan.matched with its reason.
//
// A matched contact keeps its id, name and every value it has; lists (emails,
// phones, links, tags, skills, interests) gain the entries they lack, the
// same value being the same under fields.h's keys (add_missing_values), and
// empty fields are filled. Its company and role follow `policy` (see
// MergePolicy); a change is recorded in its job_changes (on `today`) and
// reported only when it had a company or role before. An empty value never
// erases one.
//
// An unmatched record becomes a new contact: the id it names when that is a
// free, valid id, else one from allocate_id() (names in other scripts than
// Latin transliterated, by one Transliterator for the whole import); added_on today unless the
// record says; a vCard UID kept under the extra key "vcard_uid". A new contact
// whose name another contact has is listed in possible_duplicates.
// `choices` adds its tags to every contact added or matched, and gives its
// cadence to every contact added.
//
// Interactions whose id is kept already are counted as unchanged; the others
// are added with their contact ids mapped to the contacts the records
// matched; an id that matches nothing is kept as it is, with a warning, so
// that the log is restored whole (it named no contact in the export either:
// one purged on another machine, or whose file the export could not read).
// The profile gains what it lacks; settings keys that kith.json lacks are
// added when the result is valid.
ImportPlan plan_import(const Network& network, ImportBatch batch, MergePolicy policy, Date today,
                       const ImportChoices& choices = {});
// Helpers for the readers.

// `s` on one line: control characters (tabs, line breaks) become spaces,
// leading and trailing spaces are trimmed.
std::string one_line(std::string_view s);
// (profile_url_key, the key of a LinkedIn profile URL, is in fields.h.)

}  // namespace kith
