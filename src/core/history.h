// What the interactions say about each contact: when you first and last
// reached out with no need, the give/catch-up/ask balance, and the latest
// interaction. The due engine, pitch and stats all read these summaries, so
// the no-need rule (give and catch-up count, an ask does not) lives here once.
#pragma once

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/dates.h"
#include "core/model.h"

namespace kith {

struct ContactHistory {
  std::optional<Date> first_no_need;  // the first give or catch-up ever
  std::optional<Date> last_no_need;   // the latest give or catch-up
  std::optional<Date> last_give;
  std::optional<Date> last_ask;       // the latest ask (which resets no clock)
  const Interaction* last = nullptr;  // the latest interaction of any intent
  int gives = 0;
  int catch_ups = 0;
  int asks = 0;

  int total() const { return gives + catch_ups + asks; }
};

using HistoryMap = std::unordered_map<std::string, ContactHistory>;

// Counts one interaction of `intent` on `date` in `h` (all but `last`), in
// any order: the counts, the first and last no-need dates, the last give and
// the last ask.
void count_interaction(ContactHistory& h, Intent intent, Date date);

// One summary per contact id named by an interaction. `interactions` must be
// sorted by date, then logged_at, then id (as Store::load returns them);
// "latest" follows that order. The pointers point into `interactions`.
HistoryMap summarize(const std::vector<Interaction>& interactions);

// The summary for `id`, or an empty one when it has no interaction.
const ContactHistory& history_of(const HistoryMap& map, const std::string& id);

}  // namespace kith
