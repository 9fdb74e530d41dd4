#include "core/history.h"

namespace kith {

void count_interaction(ContactHistory& h, Intent intent, Date date) {
  switch (intent) {
    case Intent::give:
      ++h.gives;
      if (!h.last_give || date > *h.last_give) h.last_give = date;
      break;
    case Intent::catch_up:
      ++h.catch_ups;
      break;
    case Intent::ask:
      ++h.asks;
      if (!h.last_ask || date > *h.last_ask) h.last_ask = date;
      break;
  }
  if (is_no_need(intent)) {
    if (!h.first_no_need || date < *h.first_no_need) h.first_no_need = date;
    if (!h.last_no_need || date > *h.last_no_need) h.last_no_need = date;
  }
}

HistoryMap summarize(const std::vector<Interaction>& interactions) {
  HistoryMap map;
  for (const auto& i : interactions) {
    for (const auto& id : i.contacts) {
      ContactHistory& h = map[id];
      h.last = &i;
      count_interaction(h, i.intent, i.date);
    }
  }
  return map;
}

const ContactHistory& history_of(const HistoryMap& map, const std::string& id) {
  static const ContactHistory empty;
  auto it = map.find(id);
  return it == map.end() ? empty : it->second;
}

}  // namespace kith
