#include "core/dupes.h"

#include <algorithm>
#include <functional>
#include <map>
#include <numeric>

#include "core/fields.h"
#include "core/identity.h"

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

using KeysOf = std::function<std::vector<Keyed>(const Contact&)>;

std::vector<Keyed> list_keys(const std::vector<std::string>& values,
                             std::string (*key_of)(std::string_view)) {
  std::vector<Keyed> out;
  for (const auto& v : values) {
    if (auto key = key_of(v); !key.empty()) out.push_back({std::move(key), v});
  }
  return out;
}

std::string email_dupe_key(std::string_view v) { return field_key(ListField::emails, v); }

std::string first_and_last(std::string_view name) {
  const std::string key = name_key(name);
  const auto first_space = key.find(' ');
  if (first_space == std::string::npos) return {};
  return key.substr(0, first_space) + " " + key.substr(key.rfind(' ') + 1);
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
    case DupeReason::first_and_last_name:
      return "first-last";
  }
  return "name";
}

std::vector<DupeGroup> find_dupes(const std::vector<Contact>& contacts) {
  const std::vector<std::pair<DupeReason, KeysOf>> reasons = {
      {DupeReason::email, [](const Contact& c) { return list_keys(c.emails, email_dupe_key); }},
      {DupeReason::url, [](const Contact& c) { return list_keys(c.links, profile_url_key); }},
      {DupeReason::phone, [](const Contact& c) { return list_keys(c.phones, phone_match_key); }},
      {DupeReason::name,
       [](const Contact& c) {
         return std::vector<Keyed>{{name_key(c.name), c.name}};
       }},
      {DupeReason::first_and_last_name,
       [](const Contact& c) {
         return std::vector<Keyed>{{first_and_last(c.name), c.name}};
       }},
  };
  Components joined(contacts.size());
  std::vector<DupeGroup> groups;
  for (const auto& [reason, keys_of] : reasons) {
    // key -> the contacts with it, in order, and the first one's spelling
    std::map<std::string, DupeGroup> buckets;
    for (std::size_t i = 0; i < contacts.size(); ++i) {
      for (auto& [key, value] : keys_of(contacts[i])) {
        if (key.empty()) continue;
        auto [it, fresh] = buckets.try_emplace(key, DupeGroup{reason, value, {}});
        if (it->second.who.empty() || it->second.who.back() != i) it->second.who.push_back(i);
      }
    }
    std::vector<DupeGroup> found;
    for (auto& [key, group] : buckets) {
      if (group.who.size() < 2) continue;
      const std::size_t first = joined.root(group.who.front());
      const bool new_join = std::any_of(group.who.begin(), group.who.end(),
                                        [&](std::size_t i) { return joined.root(i) != first; });
      if (!new_join) continue;
      found.push_back(std::move(group));
    }
    std::sort(found.begin(), found.end(),
              [](const DupeGroup& a, const DupeGroup& b) { return a.who.front() < b.who.front(); });
    for (auto& group : found) {
      for (std::size_t i : group.who) joined.join(i, group.who.front());
      groups.push_back(std::move(group));
    }
  }
  return groups;
}

}  // namespace kith
