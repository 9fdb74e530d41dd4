// The words of a pitch: the advice it gives you, the draft it writes for you
// in the tone asked for, the values a --template fills in, and why each
// introduction is suggested. Pure functions of a Pitch whose matching (what
// you owe, offers, introductions, common ground, balance, timing, first
// contact, occasion, give_first) make_pitch has worked out.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/calendar.h"
#include "core/draft_template.h"
#include "core/model.h"
#include "core/pitch.h"

namespace kith {

// Plain sentences for you, in this order: what you owe them (open
// follow-ups, most overdue first), lead with a give (only when
// p.give_first.any()), the occasion, the timing (a recent interaction the
// draft follows up on, or an ask it thanks them for), the snooze (when `c` is
// snoozed after `today`), what your profile `me` lacks, what you do not know
// of `c` or what nobody matches, skills they know too, the top introduction,
// what they could offer you, a first interaction, and last how to record the
// outreach. `c` is the contact of `p`.
std::vector<std::string> pitch_advice(const Pitch& p, const Profile& me, const Contact& c,
                                      Date today);

// The values of the pitch a draft template fills in (see DraftFields), its
// sentences in p.tone.
DraftFields draft_fields(const Pitch& pitch, Date today);

// The built-in draft in p.tone, one line per paragraph (make_pitch wraps it):
// greeting; what you owe; the occasion's opening; a follow-up on a recent
// interaction, or thanks after an ask; for a first contact, how you know each
// other, who you are and why them; the value you offer (trading notes on
// what they know too) and the top introduction; then an invitation to
// coffee or lunch, or (first contact) a request for 15 minutes, or (recent)
// no new meeting; the ask (after the value); sign-off.
std::string builtin_draft(const Pitch& pitch, Date today);

// "I'm Noor Haddad, Staff Engineer at Gridwise.": who you are in one
// sentence of p.tone, from your name, role and company (else your first
// skills); "" when the profile says nothing of it.
std::string about_me_sentence(const Pitch& p);

// Why `intro` is suggested to p's contact, one plain sentence a reason: the
// topics it matches, your warmth with them (and with the contact), and that
// the two share no interaction yet.
std::vector<std::string> introduction_reasons(const Pitch& p, const Introduction& intro);

// A follow-up's text (or any note about the contact) turned to speak to them:
// the contact's name and "he", "she", "they", "him", "her", "them" become
// "you", "his", "their", "her" before a noun "your", with the verb after a
// "he" or "she" agreeing ("he is" -> "you are", "she needs" -> "you need").
// A first word that is a known verb ("Send", "Intro", "Follow") gives the
// infinitive ("send you my CV", with "you" added after "send", "email" and
// the like when no one is named) and the gerund ("sending you my CV").
struct SecondPerson {
  std::string text;  // the whole text, turned
  bool is_action = false;
  std::string infinitive;    // "send you my CV" (without "to"); empty unless is_action
  std::string gerund;        // "sending you my CV"; empty unless is_action
  bool deliverable = false;  // something to hand over: "here it is"
};
SecondPerson to_second_person(std::string_view text, std::string_view first_name,
                              std::string_view full_name);

// The lines of `text` wrapped at `width` display columns: each line longer
// than that is broken at the last space that fits (spaces at the break
// dropped); a word wider than the line keeps a line of its own. Blank lines
// and lines that fit are kept as they are.
std::string wrap_draft(std::string_view text, std::size_t width);

}  // namespace kith
