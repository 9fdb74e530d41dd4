// Finding contacts: ids for new ones, references typed by the user, and
// possible duplicates.
#pragma once

#include <functional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/model.h"
#include "core/records.h"
#include "core/status.h"
#include "core/transliterate.h"

namespace kith {

// An id for a new contact named `name`: the slug of the name
// (text::slug_of_name: Latin names as they are, other scripts transliterated
// by `t`, "李雷" -> li-lei), or contact-N (the first free N from 1) when that
// slug has no Latin letter ("👋", "42"); "-2", "-3"… appended while the id is
// taken. "me" is reserved for the profile.
std::string allocate_id(std::string_view name, const std::set<std::string, std::less<>>& taken,
                        const text::Transliterator& t);

// Checks an id given with --id: a usage error when it is not a valid slug,
// is reserved, or is taken.
Status check_new_id(std::string_view id, const std::set<std::string, std::less<>>& taken);

// An id is taken when a contact has it or carries it as an alias (an id
// merged into it by `kith merge`, which still names it).
//
// The same two, for callers that know which ids are taken without a set
// (e.g. contacts sorted by id): `is_taken(id)` says whether `id` is.
using IsTaken = std::function<bool(std::string_view id)>;
std::string allocate_id(std::string_view name, const IsTaken& is_taken,
                        const text::Transliterator& t);
Status check_new_id(std::string_view id, const IsTaken& is_taken);

enum class Scope { active, all };  // active: archived contacts cannot be named

// Resolves a CONTACT reference, in this order: an exact id (as written, then
// ignoring ASCII case); an exact alias, an id merged into a contact by `kith
// merge` (the same way); a unique id prefix (ignoring ASCII case); a unique
// case- and diacritic-insensitive substring of the name; a unique email
// (case-insensitive). No match and several matches are usage errors; several
// matches list the candidates (id and name). The returned pointer points into
// `contacts`.
Result<const Contact*> resolve_contact(const std::vector<Contact>& contacts, std::string_view ref,
                                       Scope scope);
// The same among contacts read around the files in `unreadable` (the
// contact files a read left out; other records there are ignored). An
// exact id or alias of a contact read is found as ever; a reference that is
// the id of a file left out fails with that file's error, and one that
// begins such an id, or that matches no contact read, fails with a data
// error naming those files: the contact may be in one of them, so kith
// neither guesses another nor says there is none.
Result<const Contact*> resolve_contact(const std::vector<Contact>& contacts, std::string_view ref,
                                       Scope scope, std::span<const Unreadable> unreadable);

// Other contacts that share the name (case- and diacritic-insensitive) or an
// email with `candidate`, for the "possible duplicate" warning.
std::vector<const Contact*> find_duplicates(const std::vector<Contact>& contacts,
                                            const Contact& candidate);
std::vector<const ContactHead*> find_duplicates(const std::vector<ContactHead>& contacts,
                                                const Contact& candidate);

// A tag asked for (`--tag`) that no contact has, archived ones included, as
// the filters match tags (text::terms_match), with the tags in use closest
// to it (core/suggest's closest_words, each in the spelling of the first
// contact by id that has it).
struct UnknownTag {
  std::string tag;
  std::vector<std::string> closest;
};
std::vector<UnknownTag> unknown_tags(const std::vector<Contact>& contacts,
                                     const std::vector<std::string>& wanted);

}  // namespace kith
