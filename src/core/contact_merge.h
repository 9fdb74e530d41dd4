// One contact out of several that are one person (`kith merge KEEP
// OTHER...`): the record KEEP becomes, what each OTHER brings to it and where
// they disagree, and the log lines that name an OTHER made to name KEEP.
// Pure: the command reads and writes the files (cli/cmd_merge_contacts.cpp).
//
// The rules of the merged record (kith-merge(1) spells them for users):
//   lists     (emails, phones, links, tags, skills, interests) united with
//             each field's equality key (fields.h): KEEP's values first, then
//             what an OTHER has that KEEP lacks, in its order;
//   scalars   (name, company, role, location, how_met, met_on, every,
//             birthday, notes, snoozed_until, and keys kith does not know)
//             stay KEEP's unless KEEP has none; an OTHER's different value is a
//             conflict, listed and not kept. "Different" as kith compares:
//             names and locations by identity.h's name_key, companies by
//             company_key, roles by role_key, the rest as written; a birthday
//             with a year is not in conflict with the same day without one
//             (the year is taken);
//   job_changes  every change of each, once, oldest first;
//   added_on  the earliest; archived only when every one of them was;
//   aliases   KEEP's, then each OTHER's id and aliases: an OTHER's id names
//             KEEP from then on (contacts.h's resolve_contact, the log).
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/model.h"
#include "core/records.h"
#include "core/status.h"

namespace kith {

// A value an OTHER brought to KEEP: a list value KEEP lacked, a scalar KEEP
// had not set, a job change, an alias.
struct MergeAddition {
  std::string field;  // the key in the contact file: "emails", "company", "job_changes"…
  std::string value;  // as written in the file (a JSON text for a value that is not a string)
  std::string from;   // the id of the OTHER it came from
};

// A value of an OTHER that the merged record does not keep, because KEEP
// has its own.
struct MergeConflict {
  std::string field;  // "company", "birthday", or a key kith does not know
  std::string kept;   // KEEP's value, as written (see MergeAddition::value)
  std::string other;  // the value not kept
  std::string from;   // the id of the OTHER that had it
};

struct ContactMerge {
  Contact merged;  // KEEP with every OTHER in it
  std::vector<MergeAddition> added;
  std::vector<MergeConflict> conflicts;
};

// Merges `others` into `keep`, in the order given, by the rules above. A data
// error only when the merged record is not a valid contact (it always is
// when every input is).
Result<ContactMerge> merge_contacts(const Contact& keep, std::span<const Contact> others);

// Whether merging `other` into `keep` would add nothing to it: every value,
// job change and alias of `other` is already in `keep` (conflicts aside).
// `kith doctor --fix` removes such a leftover of an interrupted merge.
bool holds_all_of(const Contact& keep, const Contact& other);

// A month file's text with every line that names an alias made to name its
// contact instead (resolve_aliases: an interaction that named both names it
// once). Lines that name no alias, and lines that are not an interaction
// kith reads, are kept byte for byte; a changed line is written as kith
// writes it, with the line ending it had.
struct ReferenceRewrite {
  std::string text;
  int changed = 0;  // lines changed
};
ReferenceRewrite rewrite_references(std::string_view month_text, const AliasMap& aliases);

// How many lines of a month file's text rewrite_references would change.
int count_references(std::string_view month_text, const AliasMap& aliases);

}  // namespace kith
