// Three-way merges of kith's own files, as git's merge drivers run them
// (`kith __merge log|json BASE OURS THEIRS PATH`): pure functions from the
// three versions' text to the merged text, which never holds conflict
// markers.
//
// "Ours" is the version of the machine doing the merge, "theirs" the one
// coming in, "base" their common ancestor (empty when there is none, as for
// a file added on both sides).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/model.h"
#include "core/records.h"
#include "core/status.h"

namespace kith::merge {

struct Outcome {
  std::string text;  // the merged file, formatted as kith writes it
  // One sentence per conflict resolved or line dropped, naming the file
  // (`path`) and the field or interaction; empty for a clean merge.
  std::vector<std::string> notes;
};

// Field by field: a key changed on one side only takes that side's value
// (a key removed on one side is removed); a key changed on both sides to
// the same value takes it; arrays changed on both sides are merged as sets
// (an element removed on either side stays removed, elements added on
// either side are kept, ours first, in their order); objects changed on both
// sides are merged key by key the same way. Any other change on both sides
// is a conflict: ours wins and a note names the field and the value not
// kept. `base`, `ours` and `theirs` may be nullptr for "absent".
// Returns nullopt when the result is absent.
std::optional<Json> merge_values(const Json* base, const Json* ours, const Json* theirs,
                                 const std::string& where, std::vector<std::string>& notes);

// A JSON record file (contacts/<id>.json, me.json, kith.json), merged with
// merge_values(). An empty `base` stands for an empty object. A data error
// when `ours` or `theirs` is not a JSON object (the driver then fails and
// git reports the file as conflicted, left as ours).
Result<Outcome> merge_record(std::string_view base, std::string_view ours, std::string_view theirs,
                             std::string_view path);

// A month of the interaction log (log/YYYY-MM.jsonl), merged by interaction
// id: lines added on either side are kept; lines removed on either side (a
// purge) stay removed, also when the other side changed them; a line
// changed on one side takes the change; a line changed on both sides is
// merged field by field (merge_values). Lines come out sorted by date, then
// id, each once. A line that is not an interaction kith can read is kept
// as it is, after the others, so that kith keeps reporting it; a torn last
// line (no newline, not JSON: an interrupted write) is dropped with a note.
// A line that names an id merged into a contact (an alias: `kith merge` on
// one machine, `kith log OTHER` on another before it synced) names that
// contact instead (contact_merge.h's rewrite_references), with a note.
Outcome merge_log(std::string_view base, std::string_view ours, std::string_view theirs,
                  std::string_view path, const AliasMap& aliases = {});

}  // namespace kith::merge
