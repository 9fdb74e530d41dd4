// The pitch engine: why a contact would want to hear from you, worked out from
// their side. What you owe them (open follow-ups), what you can offer them,
// whom you could introduce them to, what they could offer you, what you have
// in common, the give/ask balance and where the relationship stands in time,
// plain advice, and a short draft message in the register you ask for. Here:
// the matching, the Pitch and its JSON; its advice and draft are written by
// core/pitch_text.h, a --template is read and filled by core/draft_template.h.
//
// Everything here is a pure function of its arguments: the same network,
// contact, today and options give the same Pitch, byte for byte. Every term
// comparison goes through text::normalize_term (case, diacritics,
// '-'/'_'/spaces, a trailing plural 's' on words over three letters).
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/dates.h"
#include "core/draft_template.h"
#include "core/history.h"
#include "core/model.h"
#include "core/occasions.h"
#include "core/records.h"
#include "core/status.h"

namespace kith {

// The register of the built-in draft (--tone).
enum class DraftTone { warm, brief, formal };

std::string_view to_string(DraftTone tone);  // "warm", "brief", "formal"
std::optional<DraftTone> parse_draft_tone(std::string_view text);

struct PitchOptions {
  std::optional<std::string> ask;    // --ask TEXT: what you want to ask for
  std::size_t max_intros = 3;        // --intros N
  DraftTone tone = DraftTone::warm;  // --tone
  // --template FILE; nullopt: the built-in draft.
  std::optional<DraftTemplate> draft_template;
};

// The draft, built in or from a template, is wrapped at this many columns.
inline constexpr std::size_t kDraftColumns = 72;
// An interaction at most this many days ago (and within a quarter of the
// cadence) is recent: the draft follows up on it instead of proposing to meet.
inline constexpr int kRecentDaysCap = 14;

// Where your relationship with someone stands: a give or catch-up within their
// cadence (warm), one longer ago (lapsed), or none at all (never; an ask does
// not count).
enum class Warmth { warm, lapsed, never };

std::string_view to_string(Warmth warmth);  // "warm", "lapsed", "never"

// Your warmth with `c` today, given the date of your last give or catch-up
// with them (none: never), judged by the contact's cadence, else (none, or
// off) the setting; a setting of off keeps everyone reached warm.
Warmth warmth_of(const Contact& c, const std::optional<Date>& last_no_need,
                 const Settings& settings, Date today);

// Someone in your network the contact might want to meet.
struct Introduction {
  std::string id;
  std::string name;
  // Their skills that match the contact's interests, spelled as in their
  // skills, in the order of the contact's interests.
  std::vector<std::string> topics;
  std::optional<Date> last_no_need;  // your own warmth with them
  Warmth warmth = Warmth::never;
  std::string every;  // the cadence warmth was judged by: "2w", "3m"
};

// Whom to introduce a contact to, as Pitch::introductions ranks them, for
// one contact (make_pitch) or for every contact of a network (`kith graph`):
// each candidate's skills are normalised once, and only the candidates
// knowing one of the contact's interests are looked at.
class IntroductionRanker {
 public:
  // The candidates: those of `contacts` that are not archived (the pointers
  // must outlive the ranker), with their warmth as of `today` from
  // `history`.
  IntroductionRanker(std::span<const Contact* const> contacts, const HistoryMap& history,
                     const Settings& settings, Date today);

  // The candidates (never `contact` itself, nor anyone in `met_ids`: they
  // already share an interaction with the contact) whose skills match the
  // contact's interests: the warm ones first, then the most matching
  // topics, then the most recent no-need interaction with you (none ranks
  // last), then id. At most `limit`.
  std::vector<Introduction> rank(const Contact& contact, const std::vector<std::string>& met_ids,
                                 std::size_t limit) const;

 private:
  struct Candidate {
    const Contact* contact = nullptr;
    std::vector<std::string> skill_keys;  // text::normalize_term of each skill, in order
    std::optional<Date> last_no_need;
    Warmth warmth = Warmth::never;
    std::string every;
  };
  std::vector<Candidate> candidates_;
  // Each skill key, and the candidates (indexes, ascending) that have it.
  std::unordered_map<std::string, std::vector<std::size_t>> by_skill_;
};

// One of your skills that meets one of their interests.
struct Offer {
  enum class Match { exact, close };
  std::string skill;     // yours, spelled as in your skills
  std::string interest;  // theirs, spelled as in their interests
  // exact: the same term; close: one holds the other's words in order
  // ("Rust" and "embedded Rust"; the held term has three letters or more).
  Match match = Match::exact;
  // They know it themselves (one of their skills is the same term or a close
  // one, or their role holds it): offered as trading notes, not as help.
  bool theirs = false;
};

std::string_view to_string(Offer::Match match);  // "exact", "close"

enum class CommonKind {
  tag,
  interest,
  skill,
  company,
  past_company,
  location,
  met_together,
  how_met
};

struct CommonGround {
  CommonKind kind;
  std::string value;  // spelled as in the contact's record; a name for met_together
};

// "shared tag: rust-meetup", "shared interest: open source funding", "shared
// skill: Rust", "same company: Gridwise", "past company: Gridwise (theirs
// before, yours now)", "same location: Berlin", "met together: Amélie
// Dubois", "how you met: Rust meetup in Berlin".
std::string describe(const CommonGround& c);

struct LastInteraction {
  Date date{};
  Intent intent = Intent::catch_up;
  std::string kind;
};

struct Balance {
  int gives = 0;
  int catch_ups = 0;
  int asks = 0;
  std::optional<LastInteraction> last;
  std::optional<Date> last_give;
  std::optional<Date> last_no_need;
  Warmth warmth = Warmth::never;  // yours with the contact
};

// Why the first advice is "lead with a give"; empty when it is not.
struct GiveFirstReasons {
  bool asks_outnumber_gives = false;
  bool last_was_ask = false;
  bool asking_without_recent_give = false;  // --ask, and no give in the last 90 days

  bool any() const { return asks_outnumber_gives || last_was_ask || asking_without_recent_give; }
};

// How long a give keeps counting as recent when you are about to ask.
inline constexpr int kRecentGiveDays = 90;

// A timely reason to write, as the pitch uses it (see occasions.h).
struct PitchOccasion {
  Occasion::Kind kind = Occasion::Kind::birthday;
  Date date{};
  std::string text;     // as in `kith due`: "38th birthday", "changed jobs: Acme → Globex"
  std::string opening;  // the draft's first sentence: "Congratulations on the new role at Globex!"
  std::string company;  // a job change's new company, if known
  std::string role;     // a job change's new role, if known
};

// Something you promised them and have not done: an open follow-up of an
// interaction with them.
struct OwedFollowUp {
  std::string interaction_id;
  Date date{};  // of the interaction
  std::string kind;
  std::string text;  // as logged
  std::optional<Date> by;
  // today - by (or the interaction's date, without one): negative when it
  // is not due yet.
  int days_late = 0;
};

// Where the relationship stands in time, which decides the shape of the
// draft.
struct Timing {
  bool first_contact = false;  // no interaction at all yet
  std::optional<int> days_since_last;
  // The last interaction is recent within this many days: a quarter of the
  // cadence, at most kRecentDaysCap.
  int recent_days = kRecentDaysCap;
  bool recent = false;            // the draft follows up on it
  bool thanks = false;            // it was an ask: the draft thanks them
  bool proposes_meeting = false;  // neither recent nor a first contact
};

// A first message to someone you have never written to: how you know each
// other and why them.
struct FirstContact {
  // How you know each other: how you met, else the same company, a past
  // company, a shared tag, the same location; nullopt when none is known.
  std::optional<CommonGround> connection;
  bool linkedin = false;  // no connection but an import from LinkedIn
  // Why them: a shared interest, else a shared skill, else (kind skill) what
  // they know that you care about; nullopt when none.
  std::optional<CommonGround> reason;
};

// A pitch owns all its data: it holds no pointer into the Network.
struct Pitch {
  std::string id;
  std::string name;
  std::string first_name;  // the first word of the name
  std::string my_name;     // from your profile; may be empty
  std::string my_role;     // from your profile; may be empty
  std::string my_company;  // from your profile; may be empty
  std::string how_met;     // the contact's, as written; may be empty
  DraftTone tone = DraftTone::warm;

  // Open follow-ups of your interactions with them dated on or before today,
  // most overdue first (then by interaction id).
  std::vector<OwedFollowUp> owed;
  // Your skills that meet their interests, most closely matched first: exact
  // matches before close ones, then in the order of their interests, then
  // of your skills. Each skill once.
  std::vector<Offer> offers;
  // The skills of `offers`, in that order.
  std::vector<std::string> you_can_offer;
  // Ranked: the warm ones first, then most matching topics, then the most
  // recent no-need interaction with you (none ranks last), then id. Never someone who
  // already shares an interaction with the contact. At most
  // PitchOptions::max_intros.
  std::vector<Introduction> introductions;
  // Their skills that match your interests, spelled as in their skills, in
  // the order of your interests.
  std::vector<std::string> they_can_offer_you;
  // Shared tags, interests and skills (each in the contact's order), then
  // company, past company, location, people met together (the most recent
  // first), how met.
  std::vector<CommonGround> common_ground;
  Balance balance;
  Timing timing;
  std::optional<FirstContact> first_contact;  // when timing.first_contact
  // The occasion `kith due` would show for the contact today (a job change
  // not yet answered by a give or catch-up, else a birthday in the next 7
  // days); nullopt when there is none or the contact is snoozed.
  std::optional<PitchOccasion> occasion;
  GiveFirstReasons give_first;
  std::vector<std::string> advice;  // plain sentences: what you owe, then give-first
  std::optional<std::string> ask;
  std::string draft;  // wrapped at kDraftColumns, no trailing newline
};

// The first word of a name ("José Núñez" -> "José"), after leading spaces
// and tabs; the whole name when it has no space ("陈静").
std::string first_word(std::string_view name);

// The pitch for `contact` (which must be one of network.contacts). Archived
// contacts are never proposed as introductions; snoozed ones are.
Pitch make_pitch(const Network& network, const Contact& contact, Date today,
                 const PitchOptions& options);
// The same pitch from summaries of the log instead of network.interactions
// (which is not read): `history` as summarize() makes it of every
// interaction (the contact's own entry is not read), and `own` the
// interactions that name the contact, sorted as Store::load sorts them, each
// alias of the contact replaced by its id (Store::load_interactions_of).
Pitch make_pitch(const Network& network, const HistoryMap& history,
                 const std::vector<Interaction>& own, const Contact& contact, Date today,
                 const PitchOptions& options);

// The JSON report (see kith-pitch(1)).
Json to_json(const Pitch& pitch);

}  // namespace kith
