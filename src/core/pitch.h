// The pitch engine: why a contact would want to hear from you, worked out from
// their side. What you can offer them, whom you could introduce them to, what
// they could offer you, what you have in common, the give/ask balance, plain
// advice, and a short draft message that opens with a fresh occasion (a job
// change or a birthday) when there is one. Here: the matching, the Pitch and
// its JSON; its advice and draft are written by core/pitch_text.h, a
// --template is read and filled by core/draft_template.h.
//
// Everything here is a pure function of its arguments: the same network,
// contact, today and options give the same Pitch, byte for byte. Every term
// comparison goes through text::terms_match (case, diacritics, '-'/'_'/spaces,
// a trailing plural 's' on words over three letters).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/dates.h"
#include "core/draft_template.h"
#include "core/history.h"
#include "core/model.h"
#include "core/occasions.h"
#include "core/records.h"
#include "core/status.h"

namespace kith {

struct PitchOptions {
  std::optional<std::string> ask;  // --ask TEXT: what you want to ask for
  std::size_t max_intros = 3;      // --intros N
  // --template FILE; nullopt: the built-in draft.
  std::optional<DraftTemplate> draft_template;
};

// Someone in your network the contact might want to meet.
struct Introduction {
  std::string id;
  std::string name;
  // Their skills that match the contact's interests, spelled as in their
  // skills, in the order of the contact's interests.
  std::vector<std::string> topics;
  std::optional<Date> last_no_need;  // your own warmth with them
};

enum class CommonKind { tag, company, location, how_met };

struct CommonGround {
  CommonKind kind;
  std::string value;  // spelled as in the contact's record
};

// "shared tag: rust-meetup", "same company: Gridwise", "same location:
// Berlin", "how you met: Rust meetup in Berlin".
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
};

// A pitch owns all its data: it holds no pointer into the Network.
struct Pitch {
  std::string id;
  std::string name;
  std::string first_name;  // the first word of the name
  std::string my_name;     // from your profile; may be empty

  // Your skills that match their interests, spelled as in your skills, in the
  // order of their interests.
  std::vector<std::string> you_can_offer;
  // Ranked: most matching topics, then the most recent no-need interaction
  // with you (none ranks last), then id. At most PitchOptions::max_intros.
  std::vector<Introduction> introductions;
  // Their skills that match your interests, spelled as in their skills, in
  // the order of your interests.
  std::vector<std::string> they_can_offer_you;
  // Shared tags (in the contact's order), then company, location, how met.
  std::vector<CommonGround> common_ground;
  Balance balance;
  // The occasion `kith due` would show for the contact today (a job change
  // not yet answered by a give or catch-up, else a birthday in the next 7
  // days); nullopt when there is none or the contact is snoozed.
  std::optional<PitchOccasion> occasion;
  GiveFirstReasons give_first;
  std::vector<std::string> advice;  // plain sentences, the give-first one first
  std::optional<std::string> ask;
  std::string draft;  // no trailing newline
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
// interaction, except that `last` is needed only in the entry of `contact`.
Pitch make_pitch(const Network& network, const HistoryMap& history, const Contact& contact,
                 Date today, const PitchOptions& options);

// The JSON report (see kith-pitch(1)).
Json to_json(const Pitch& pitch);

}  // namespace kith
