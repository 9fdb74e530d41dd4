// The screens of `kith review`: which people it walks and in what order, and
// what each screen says. The walk itself (keys, actions) is cmd_review.cpp.
#pragma once

#include <cstddef>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "cli/output.h"
#include "core/due.h"
#include "core/history.h"
#include "core/inbox.h"
#include "core/model.h"
#include "core/records.h"

namespace kith::cli {

enum class ReviewPart { due, follow_up, homework, weak_tie, proposal };

// One screen: a person, and why they are on the list.
struct ReviewStop {
  ReviewPart part = ReviewPart::due;
  std::string contact_id;
  const DueEntry* due = nullptr;              // part due: the report's entry
  const DueFollowUp* follow_up = nullptr;     // part follow_up: the report's follow-up
  std::string reason;                         // part homework: why this suggestion
  const inbox::Proposal* proposal = nullptr;  // part proposal: the inbox's proposal
  std::size_t number = 1;                     // its place in its part, from 1
  std::size_t count = 1;                      // the size of its part
};

// The stops of `kith review`, in the order of `kith due`: the people due,
// then the follow-ups due (each shown with the first of its people who is
// still in the network and not archived; one naming nobody left is not
// shown), then, while this month's homework is not done, its suggestions
// not already shown as due. The
// stops point into `report`, which must outlive them.
std::vector<ReviewStop> review_stops(const DueReport& report, const Network& network);

// The stops of `kith review --new`: the weak ties (core/due.h's
// is_weak_tie: imported, never contacted, no cadence of their own) that are
// not archived, oldest added first, then by id. `history` summarises the
// whole log.
std::vector<ReviewStop> weak_tie_stops(const Network& network, const HistoryMap& history);

// The stops of the inbox's open proposals: the interactions oldest first,
// then the people, each in the order `kith scan` found them. A proposal's
// contact_id is the first contact it names (none for a person). The stops
// point into `box`, which must outlive them.
std::vector<ReviewStop> proposal_stops(const inbox::Inbox& box);

// What a screen shows besides the stop: the contact as it is now on disk,
// its interactions (oldest first, as the store returns them) and the
// pitch's first offer.
struct ReviewScreen {
  const ReviewStop* stop = nullptr;
  const Contact* contact = nullptr;
  const std::vector<Interaction>* interactions = nullptr;
  const DueReport* report = nullptr;  // nullptr for --new
  const Settings* settings = nullptr;
  std::optional<std::string> offer;  // "What you can offer: rust" (not for --new)
  Date today{};
};

// "every 2w", "none of its own (the setting: every 3m)", "cadence off".
std::string review_cadence(const Contact& c, const Settings& settings);

// How many interactions a screen lists, newest first.
inline constexpr std::size_t kReviewRecent = 3;

// The open follow-ups among a contact's interactions, oldest first.
std::vector<const Interaction*> open_follow_ups(const std::vector<Interaction>& interactions);

// Prints a screen: a blank line, "Due 2 of 5: NAME (ID)", the role and
// company, why now, the latest interactions, the open follow-ups and the
// offer; plain lines, no cursor movement, so that it scrolls and a screen
// reader reads it in order.
void print_review_screen(std::ostream& out, const Style& style, const ReviewScreen& screen);

// Prints a proposal's screen: "Inbox 1 of 3: coffee with Ada Lovelace on
// 2026-12-03", the note, where it was found, and the latest interactions
// with its first contact (`interactions`, oldest first; nullptr for a
// person). `network` names the contacts.
void print_proposal_screen(std::ostream& out, const Style& style, const ReviewStop& stop,
                           const Network& network, const std::vector<Interaction>* interactions);

}  // namespace kith::cli
