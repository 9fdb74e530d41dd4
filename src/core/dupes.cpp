#include "core/dupes.h"

#include <algorithm>
#include <functional>
#include <map>
#include <numeric>
#include <tuple>

#include "core/fields.h"
#include "core/identity.h"
#include "core/transliterate.h"

namespace kith {
namespace {

// Contacts joined so far, as a union-find forest.
class Components {
 public:
  explicit Components(std::size_t n) : parent_(n) {
    std::iota(parent_.begin(), parent_.end(), std::size_t{0});
  }
  std::size_t root(std::size_t i) {
    while (parent_[i] != i) i = parent_[i] = parent_[parent_[i]];
    return i;
  }
  void join(std::size_t a, std::size_t b) { parent_[root(a)] = root(b); }

 private:
  std::vector<std::size_t> parent_;
};

// A key and the value it was made from, for one contact.
struct Keyed {
  std::string key;
  std::string value;
};

using KeysOf = std::function<std::vector<Keyed>(std::size_t)>;

std::vector<Keyed> list_keys(const std::vector<std::string>& values,
                             std::string (*key_of)(std::string_view)) {
  std::vector<Keyed> out;
  for (const auto& v : values) {
    if (auto key = key_of(v); !key.empty()) out.push_back({std::move(key), v});
  }
  return out;
}

std::string email_dupe_key(std::string_view v) { return field_key(ListField::emails, v); }

std::vector<std::string> name_words(const std::string& key) {
  std::vector<std::string> words;
  std::size_t pos = 0;
  while (pos < key.size()) {
    std::size_t end = key.find(' ', pos);
    if (end == std::string::npos) end = key.size();
    if (end > pos) words.push_back(key.substr(pos, end - pos));
    pos = end + 1;
  }
  return words;
}

std::string first_and_last(const std::vector<std::string>& words) {
  if (words.size() < 2) return {};
  return words.front() + " " + words.back();
}

// Whether two middle names (the words between the first and the last) can
// be one person's: one has none, or word by word they are the same or one is
// the other's initial.
bool middles_agree(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  if (a.size() <= 2 || b.size() <= 2) return true;
  if (a.size() != b.size()) return false;
  for (std::size_t i = 1; i + 1 < a.size(); ++i) {
    const std::string &x = a[i], &y = b[i];
    if (x == y) continue;
    const bool initial =
        (x.size() == 1 && y.front() == x.front()) || (y.size() == 1 && x.front() == y.front());
    if (!initial) return false;
  }
  return true;
}

// How much a contact holds, to pick the one to keep.
std::size_t values_of(const Contact& c) {
  std::size_t n = c.emails.size() + c.phones.size() + c.links.size() + c.tags.size() +
                  c.skills.size() + c.interests.size() + c.job_changes.size() + c.aliases.size();
  for (const auto* s : {&c.company, &c.role, &c.location, &c.how_met, &c.notes}) {
    if (s->has_value()) ++n;
  }
  n += c.met_on.has_value() + c.every.has_value() + c.birthday.has_value() +
       c.snoozed_until.has_value();
  return n + c.extra.size();
}

// True when a is the better one to keep (see DupeGroup::keep).
bool keep_rather(const std::vector<Contact>& contacts, std::size_t a, std::size_t b) {
  const Contact &x = contacts[a], &y = contacts[b];
  if (x.archived != y.archived) return !x.archived;
  if (values_of(x) != values_of(y)) return values_of(x) > values_of(y);
  if (x.added_on != y.added_on) return x.added_on < y.added_on;
  return a < b;
}

// Fills each group's keep and others, the groups taken in order: a contact
// merged by an earlier group's line is named by the contact it went into.
void suggest_merges(const std::vector<Contact>& contacts, std::vector<DupeGroup>& groups) {
  std::vector<std::size_t> into(contacts.size());
  std::iota(into.begin(), into.end(), std::size_t{0});
  auto current = [&](std::size_t i) {
    while (into[i] != i) i = into[i];
    return i;
  };
  for (auto& g : groups) {
    std::vector<std::size_t> now;
    for (std::size_t i : g.who) {
      const std::size_t c = current(i);
      if (std::find(now.begin(), now.end(), c) == now.end()) now.push_back(c);
    }
    g.keep = *std::min_element(now.begin(), now.end(), [&](std::size_t a, std::size_t b) {
      return keep_rather(contacts, a, b);
    });
    g.others.clear();
    for (std::size_t c : now) {
      if (c == g.keep) continue;
      g.others.push_back(c);
      into[c] = g.keep;
    }
  }
}

}  // namespace

std::string_view to_string(DupeReason reason) {
  switch (reason) {
    case DupeReason::email:
      return "email";
    case DupeReason::url:
      return "url";
    case DupeReason::phone:
      return "phone";
    case DupeReason::name:
      return "name";
    case DupeReason::transliterated_name:
      return "transliterated";
    case DupeReason::first_and_last_name:
      return "first-last";
  }
  return "name";
}

std::vector<DupeGroup> find_dupes(const std::vector<Contact>& contacts,
                                  std::span<const std::string> latin) {
  // Each name in Latin letters, as words (ICU is reached only for a name in
  // another script, and only when `latin` does not say).
  const text::Transliterator transliterator;
  const bool given = latin.size() == contacts.size();
  std::vector<std::vector<std::string>> latin_words(contacts.size());
  for (std::size_t i = 0; i < contacts.size(); ++i) {
    const std::string& name = contacts[i].name;
    const std::string in_latin =
        given ? (latin[i].empty() ? name : latin[i]) : transliterator.to_latin(name);
    latin_words[i] = name_words(name_key(in_latin));
  }
  auto one = [](std::string key, std::string value) {
    return std::vector<Keyed>{{std::move(key), std::move(value)}};
  };
  const std::vector<std::pair<DupeReason, KeysOf>> reasons = {
      {DupeReason::email,
       [&](std::size_t i) { return list_keys(contacts[i].emails, email_dupe_key); }},
      {DupeReason::url,
       [&](std::size_t i) { return list_keys(contacts[i].links, profile_url_key); }},
      {DupeReason::phone,
       [&](std::size_t i) { return list_keys(contacts[i].phones, phone_match_key); }},
      {DupeReason::name,
       [&](std::size_t i) { return one(name_key(contacts[i].name), contacts[i].name); }},
      {DupeReason::transliterated_name,
       [&](std::size_t i) {
         std::string key;
         for (const auto& w : latin_words[i]) key += (key.empty() ? "" : " ") + w;
         return one(std::move(key), contacts[i].name);
       }},
      {DupeReason::first_and_last_name,
       [&](std::size_t i) { return one(first_and_last(latin_words[i]), contacts[i].name); }},
  };
  Components joined(contacts.size());
  std::vector<DupeGroup> groups;
  for (const auto& [reason, keys_of] : reasons) {
    // key -> the contacts with it, in order, and the first one's spelling
    std::map<std::string, DupeGroup> buckets;
    for (std::size_t i = 0; i < contacts.size(); ++i) {
      for (auto& [key, value] : keys_of(i)) {
        if (key.empty()) continue;
        auto [it, fresh] = buckets.try_emplace(key, DupeGroup{reason, value, {}, 0, {}});
        if (it->second.who.empty() || it->second.who.back() != i) it->second.who.push_back(i);
      }
    }
    std::vector<DupeGroup> candidates;
    for (auto& [key, bucket] : buckets) {
      if (bucket.who.size() < 2) continue;
      if (reason != DupeReason::first_and_last_name) {
        candidates.push_back(std::move(bucket));
        continue;
      }
      // One group per set of names whose middle names agree, joined pair
      // by pair: "Ada Lovelace" agrees with both "Ada Byron Lovelace" and
      // "Ada King Lovelace", which do not agree with each other.
      Components agree(bucket.who.size());
      for (std::size_t x = 0; x < bucket.who.size(); ++x) {
        for (std::size_t y = x + 1; y < bucket.who.size(); ++y) {
          if (middles_agree(latin_words[bucket.who[x]], latin_words[bucket.who[y]])) {
            agree.join(y, x);
          }
        }
      }
      std::map<std::size_t, DupeGroup> parts;  // by the root of each part
      for (std::size_t x = 0; x < bucket.who.size(); ++x) {
        const std::size_t i = bucket.who[x];
        auto [it, fresh] =
            parts.try_emplace(agree.root(x), DupeGroup{reason, contacts[i].name, {}, 0, {}});
        it->second.who.push_back(i);
      }
      for (auto& [root, part] : parts) {
        if (part.who.size() >= 2) candidates.push_back(std::move(part));
      }
    }
    // In the order of their first member, each group only when it joins
    // contacts not joined yet (two contacts sharing two emails are one group).
    std::stable_sort(
        candidates.begin(), candidates.end(),
        [](const DupeGroup& a, const DupeGroup& b) { return a.who.front() < b.who.front(); });
    for (auto& group : candidates) {
      const std::size_t first = joined.root(group.who.front());
      const bool new_join = std::any_of(group.who.begin(), group.who.end(),
                                        [&](std::size_t i) { return joined.root(i) != first; });
      if (!new_join) continue;
      for (std::size_t i : group.who) joined.join(i, group.who.front());
      groups.push_back(std::move(group));
    }
  }
  suggest_merges(contacts, groups);
  return groups;
}

}  // namespace kith
