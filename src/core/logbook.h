// The log as `kith log` and `kith done` change it: checking what a new
// interaction may hold, finding a follow-up by id, and marking it done by
// rewriting its month file in place.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/dates.h"
#include "core/model.h"
#include "core/status.h"
#include "core/store.h"

namespace kith {

inline constexpr std::size_t kMaxKindLength = 32;

// The kind of an interaction as stored: the word with ASCII letters
// lower-cased ("Coffee" -> "coffee"). A kind is 1 to 32 bytes of letters
// (any script), digits, '-' and '_', starting with a letter. Anything else
// (spaces, punctuation, control bytes, invalid UTF-8) is a usage error
// quoting the input.
Result<std::string> parse_kind(std::string_view text);

// The short form of an interaction id, the one `kith show` prints and people
// type: the random part of kith's own ids ("046f02" of
// "20261105T212043Z-046f02"); any other id whole.
std::string short_interaction_id(std::string_view id);

// Whether `ref` names interaction `id`: the id itself, a prefix of it, or a
// prefix of its random part (at least 4 characters: "046f" or "046f02").
bool names_interaction(std::string_view id, std::string_view ref);

// The interaction named by `ref` (names_interaction): exactly one, else a
// usage error that says there is none or lists those it matches (up to 10,
// with their dates). The pointer points into `interactions`.
Result<const Interaction*> find_interaction(const std::vector<Interaction>& interactions,
                                            std::string_view ref);

// The interaction with a follow-up named by `ref`: an exact interaction id,
// else the unique id prefix among interactions with an open follow-up, else
// the unique id prefix among those with a done one. Errors
// (usage): a ref that is not a valid id; several matches (listing them);
// an interaction that exists but has no follow-up; no match. The pointer
// points into `interactions`.
Result<const Interaction*> find_follow_up(const std::vector<Interaction>& interactions,
                                          std::string_view ref);

// The interactions of one month file in the order of its lines (the order
// in which they were logged). A month without a file is empty. Errors as
// Store::load_interactions reports them, except that a torn last line is an
// error here: the caller is about to rewrite the file.
Result<std::vector<Interaction>> read_month_in_file_order(const Store& store,
                                                          date::year_month month);

// Sets follow_up.done_on = done_on on interaction `id` of the month of
// `date` and rewrites that month file atomically, other lines unchanged in
// content and order. The caller holds the write lock. A usage error when
// the file has no such interaction with a follow-up; the file is unchanged
// on any error.
Status mark_follow_up_done(const Store& store, std::string_view id, Date date, Date done_on);

// The key an edited interaction carries: how many times it was edited (1
// after the first edit). It tells the copy to keep when an interrupted move
// between months left an interaction in two month files: the higher one.
inline constexpr std::string_view kRevisionKey = "revision";

// The revision of `i`: its "revision" when it is a whole number, else 0.
long long revision_of(const Interaction& i);

// Replaces interaction `old` (found in the month file of old.date) by
// `updated`, which keeps its id, or deletes it when `updated` is nullopt.
// The caller holds the write lock and has set updated's "revision" to one
// more than old's. Month
// files are rewritten atomically, other lines unchanged in content and
// order. When the new date falls in another month, the line is first added
// at the end of that month's file and only then taken out of the old one:
// stopped in between, the interaction is in both files, and the copy with
// the higher "revision" is the one `kith doctor --fix` keeps. A usage error
// when the old month file no longer has the interaction; nothing is
// written on any error before the first rewrite.
Status replace_interaction(const Store& store, const Interaction& old,
                           const std::optional<Interaction>& updated);

}  // namespace kith
