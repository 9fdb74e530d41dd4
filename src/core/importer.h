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
};

enum class MergePolicy {
  // Another tool's view of your network (LinkedIn, vCard, CSV): a new company
  // or role replaces the kept one and is recorded as a job change.
  update,
  // kith's own export: fills in what is missing and adds to lists, never
  // replaces a value that is kept.
  restore,
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
  std::vector<JobChangeReport> job_changes;
  std::vector<Notice> skipped;            // the batch's, then the planning's
  std::vector<Notice> warnings;           // the batch's, then possible duplicates
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
// Each record is matched, in this order, to a contact kept or added earlier in
// the same import: by the kith id it names; by its vCard UID; by a LinkedIn
// profile URL among its links; by an email (case-insensitive); and, only when
// the record has none of those keys, by its name when exactly one contact has
// that name (case and accents ignored). Archived contacts are matched too. A
// record that names an id matches a contact added by the same import only by
// that id: the ids of one file are distinct people.
//
// A matched contact keeps its id, name and every value it has; lists (emails,
// phones, links, tags, skills, interests) gain the entries they lack, the
// same value being the same under fields.h's keys (add_missing_values), and
// empty fields are filled. Under MergePolicy::update a company or role that
// differs (case and accents ignored) replaces the kept one, and when the
// contact had a company or role before, the change is recorded in its
// job_changes (on `today`) and reported. An empty value never erases one.
//
// An unmatched record becomes a new contact: the id it names when that is a
// free, valid id, else one from allocate_id() (names in other scripts than
// Latin transliterated, by one Transliterator for the whole import); added_on today unless the
// record says; a vCard UID kept under the extra key "vcard_uid". A new contact
// whose name or email another contact has is added with a warning.
//
// Interactions whose id is kept already are counted as unchanged; the others
// are added with their contact ids mapped to the contacts the records
// matched; ids that match nothing are dropped, and an interaction left with
// no contact is skipped. The profile gains what it lacks; settings keys that
// kith.json lacks are added when the result is valid.
ImportPlan plan_import(const Network& network, ImportBatch batch, MergePolicy policy, Date today);

// Helpers for the readers.

// `s` on one line: control characters (tabs, line breaks) become spaces,
// leading and trailing spaces are trimmed.
std::string one_line(std::string_view s);
// (profile_url_key, the key of a LinkedIn profile URL, is in fields.h.)

}  // namespace kith
