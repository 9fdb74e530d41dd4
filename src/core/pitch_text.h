// The words of a pitch: the advice it gives you, the draft it writes for you,
// and the values a --template fills in. Pure functions of a Pitch whose
// matching (offers, introductions, common ground, balance, occasion,
// give_first) make_pitch has worked out.
#pragma once

#include <string>
#include <vector>

#include "core/calendar.h"
#include "core/draft_template.h"
#include "core/model.h"
#include "core/pitch.h"

namespace kith {

// Plain sentences for you, in this order: lead with a give (only when
// p.give_first.any()), the occasion, the snooze (when `c` is snoozed after
// `today`), what your profile `me` lacks, what you do not know of `c` or what
// nobody matches, the top introduction, what they could offer you, a first
// interaction, and last how to record the outreach. `c` is the contact of `p`.
std::vector<std::string> pitch_advice(const Pitch& p, const Profile& me, const Contact& c,
                                      Date today);

// The values of the pitch a draft template fills in (see DraftFields).
DraftFields draft_fields(const Pitch& pitch);

// The built-in draft: greeting, the occasion's opening, the value you offer, an invitation to
// coffee or lunch, the ask (after the value), sign-off. One line per paragraph, so it can be pasted
// into a mail or a chat that wraps it.
std::string builtin_draft(const Pitch& pitch);

}  // namespace kith
