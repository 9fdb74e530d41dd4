#include "core/history.h"

namespace kith {

HistoryMap summarize(const std::vector<Interaction>& interactions) {
  HistoryMap map;
  for (const auto& i : interactions) {
    for (const auto& id : i.contacts) {
      ContactHistory& h = map[id];
      h.last = &i;
      switch (i.intent) {
        case Intent::give:
          ++h.gives;
          h.last_give = i.date;
          break;
        case Intent::catch_up:
          ++h.catch_ups;
          break;
        case Intent::ask:
          ++h.asks;
          break;
      }
      if (is_no_need(i.intent)) {
        if (!h.first_no_need || i.date < *h.first_no_need) h.first_no_need = i.date;
        if (!h.last_no_need || i.date > *h.last_no_need) h.last_no_need = i.date;
      }
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
