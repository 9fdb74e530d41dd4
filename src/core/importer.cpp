#include "core/importer.h"

#include <algorithm>
#include <map>
#include <set>

#include "core/contacts.h"
#include "core/fields.h"
#include "core/text.h"
#include "core/transliterate.h"

namespace kith {
namespace {

// The key under which two emails are the same email (for matching records).
std::string email_match_key(std::string_view s) { return field_key(ListField::emails, s); }

template <class T>
void fill(std::optional<T>& into, const std::optional<T>& from) {
  if (!into && from) into = from;
}

bool same_text(const std::optional<std::string>& a, const std::optional<std::string>& b) {
  return text::fold(text::trim(a.value_or(""))) == text::fold(text::trim(b.value_or("")));
}

bool same_change(const JobChange& a, const JobChange& b) {
  return a.on == b.on && a.from == b.from && a.to == b.to;
}

std::vector<std::string> profile_keys(const Contact& c) {
  std::vector<std::string> out;
  for (const auto& link : c.links) {
    auto key = profile_url_key(link);
    if (!key.empty()) out.push_back(std::move(key));
  }
  return out;
}

class Planner {
 public:
  Planner(const Network& network, MergePolicy policy, Date today) : policy_(policy), today_(today) {
    for (const auto& c : network.contacts) add_to_pool(c, Origin::kept);
  }

  void take(ImportRecord record, ImportPlan& plan) {
    const std::string named_id = record.contact.id;
    std::optional<std::size_t> match = find(record);
    if (match) {
      Contact& c = pool_[*match];
      const Json before = to_json(c);
      std::optional<JobChangeReport> change = merge(c, record);
      if (to_json(c) == before) {
        ++plan.unchanged;
      } else {
        if (origin_[*match] == Origin::kept && !touched_.contains(*match)) {
          touched_.insert(*match);
          touched_order_.push_back(*match);
        }
        index(*match);
      }
      if (change) plan.job_changes.push_back(std::move(*change));
      if (!named_id.empty()) id_map_[named_id] = c.id;
      return;
    }
    Contact c = std::move(record.contact);
    if (named_id.empty() || !check_new_id(named_id, taken_))
      c.id = allocate_id(c.name, taken_, transliterator_);
    if (c.added_on == Date{}) c.added_on = today_;
    if (record.uid) c.extra["vcard_uid"] = *record.uid;
    if (auto other = duplicate_of(c)) {
      plan.warnings.push_back({record.where, "possible duplicate: " + c.id + " (" + c.name +
                                                 ") has the same name or email as " + *other});
    }
    if (!named_id.empty()) id_map_[named_id] = c.id;
    add_to_pool(c, Origin::added);
  }

  void finish(ImportPlan& plan) {
    for (std::size_t i = 0; i < pool_.size(); ++i) {
      if (origin_[i] == Origin::added) plan.added.push_back(pool_[i]);
    }
    for (std::size_t i : touched_order_) plan.updated.push_back(pool_[i]);
  }

  // The id a record's named id ended up as; nullopt when no record named it.
  std::optional<std::string> mapped_id(const std::string& named) const {
    auto it = id_map_.find(named);
    if (it == id_map_.end()) return std::nullopt;
    return it->second;
  }
  bool is_known(const std::string& id) const { return by_id_.contains(id); }

 private:
  enum class Origin { kept, added };

  // The id of a contact with the same name (case and accents aside) or
  // email, if any.
  std::optional<std::string> duplicate_of(const Contact& c) const {
    if (auto it = by_name_.find(text::fold(c.name)); it != by_name_.end() && !it->second.empty()) {
      return pool_[*it->second.begin()].id;
    }
    for (const auto& e : c.emails) {
      if (auto it = by_email_.find(email_match_key(e)); it != by_email_.end()) {
        return pool_[it->second].id;
      }
    }
    return std::nullopt;
  }

  void add_to_pool(Contact c, Origin origin) {
    taken_.insert(c.id);
    pool_.push_back(std::move(c));
    origin_.push_back(origin);
    index(pool_.size() - 1);
  }

  void index(std::size_t i) {
    const Contact& c = pool_[i];
    by_id_.emplace(c.id, i);
    if (auto uid = c.extra.find("vcard_uid"); uid != c.extra.end() && uid->is_string()) {
      by_uid_.emplace(uid->get<std::string>(), i);
    }
    for (const auto& key : profile_keys(c)) by_profile_.emplace(key, i);
    for (const auto& e : c.emails) by_email_.emplace(email_match_key(e), i);
    by_name_[text::fold(c.name)].insert(i);
  }

  std::optional<std::size_t> find(const ImportRecord& r) const {
    // A record that names an id is a distinct contact of the file it comes
    // from: other keys match it only to contacts kept before this import.
    const bool named = !r.contact.id.empty();
    auto lookup = [&](const auto& map, const std::string& key) -> std::optional<std::size_t> {
      if (key.empty()) return std::nullopt;
      auto it = map.find(key);
      if (it == map.end()) return std::nullopt;
      if (named && &map != &by_id_ && origin_[it->second] == Origin::added) return std::nullopt;
      return it->second;
    };
    bool has_key = named;
    if (named) {
      if (auto i = lookup(by_id_, r.contact.id)) return i;
    }
    if (r.uid) {
      has_key = true;
      if (auto i = lookup(by_uid_, *r.uid)) return i;
    }
    for (const auto& key : profile_keys(r.contact)) {
      has_key = true;
      if (auto i = lookup(by_profile_, key)) return i;
    }
    for (const auto& e : r.contact.emails) {
      has_key = true;
      if (auto i = lookup(by_email_, email_match_key(e))) return i;
    }
    if (has_key) return std::nullopt;
    auto it = by_name_.find(text::fold(r.contact.name));
    if (it != by_name_.end() && it->second.size() == 1) return *it->second.begin();
    return std::nullopt;
  }

  // Merges the record into c; returns the job change it makes, if any.
  std::optional<JobChangeReport> merge(Contact& c, const ImportRecord& r) {
    const Contact& in = r.contact;
    add_missing_values(c, in);
    fill(c.location, in.location);
    fill(c.how_met, in.how_met);
    fill(c.met_on, in.met_on);
    fill(c.every, in.every);
    fill(c.birthday, in.birthday);
    fill(c.notes, in.notes);
    if (r.uid && !c.extra.contains("vcard_uid")) c.extra["vcard_uid"] = *r.uid;
    std::optional<JobChangeReport> report;
    if (policy_ == MergePolicy::restore) {
      fill(c.company, in.company);
      fill(c.role, in.role);
      fill(c.snoozed_until, in.snoozed_until);
      for (const auto& change : in.job_changes) {
        if (std::none_of(c.job_changes.begin(), c.job_changes.end(),
                         [&](const JobChange& have) { return same_change(have, change); })) {
          c.job_changes.push_back(change);
        }
      }
      std::stable_sort(c.job_changes.begin(), c.job_changes.end(),
                       [](const JobChange& a, const JobChange& b) { return a.on < b.on; });
      for (auto it = in.extra.begin(); it != in.extra.end(); ++it) {
        if (!c.extra.contains(it.key())) c.extra[it.key()] = it.value();
      }
      return report;
    }
    const Job old{c.company, c.role};
    const bool company_changed = in.company && !same_text(in.company, old.company);
    Job now;
    now.company = in.company ? in.company : old.company;
    now.role = in.role ? in.role : (company_changed ? std::nullopt : old.role);
    if (same_text(now.company, old.company) && same_text(now.role, old.role)) return report;
    c.company = now.company;
    c.role = now.role;
    if (!old.empty()) {
      c.job_changes.push_back({today_, old, now, Json::object()});
      report = JobChangeReport{c.id, c.name, old, now};
    }
    return report;
  }

  MergePolicy policy_;
  Date today_;
  std::vector<Contact> pool_;                 // kept contacts, then the added ones
  std::set<std::string, std::less<>> taken_;  // their ids
  std::vector<Origin> origin_;
  std::set<std::size_t> touched_;
  std::vector<std::size_t> touched_order_;
  std::map<std::string, std::size_t, std::less<>> by_id_, by_uid_, by_profile_, by_email_;
  std::map<std::string, std::set<std::size_t>, std::less<>> by_name_;
  std::map<std::string, std::string, std::less<>> id_map_;
  text::Transliterator transliterator_;  // ICU built at most once per import
};

void plan_interactions(const Network& network, const Planner& planner,
                       std::vector<ImportedInteraction> interactions, ImportPlan& plan) {
  std::set<std::string, std::less<>> known;
  for (const auto& i : network.interactions) known.insert(i.id);
  for (auto& [where, i] : interactions) {
    if (known.contains(i.id)) {
      ++plan.interactions_unchanged;
      continue;
    }
    std::vector<std::string> contacts;
    for (const auto& id : i.contacts) {
      std::optional<std::string> mapped = planner.mapped_id(id);
      if (!mapped && planner.is_known(id)) mapped = id;
      if (mapped && std::find(contacts.begin(), contacts.end(), *mapped) == contacts.end()) {
        contacts.push_back(*mapped);
      }
    }
    if (contacts.empty()) {
      plan.skipped.push_back({where, "interaction " + i.id + " names no contact kept or imported"});
      continue;
    }
    i.contacts = std::move(contacts);
    known.insert(i.id);
    plan.interactions.push_back(std::move(i));
  }
}

void plan_profile(const Network& network, const Profile& from, ImportPlan& plan) {
  Profile p = network.profile;
  if (p.name.empty()) p.name = from.name;
  add_missing_values(p, from);
  fill(p.company, from.company);
  fill(p.location, from.location);
  for (auto it = from.extra.begin(); it != from.extra.end(); ++it) {
    if (!p.extra.contains(it.key())) p.extra[it.key()] = it.value();
  }
  if (to_json(p) != to_json(network.profile)) plan.profile = std::move(p);
}

void plan_settings(const Network& network, const Json& from, const SourceLine& where,
                   ImportPlan& plan) {
  if (!from.is_object()) return;
  Config config = network.config;
  std::vector<std::string> added;
  for (auto it = from.begin(); it != from.end(); ++it) {
    if (!config.settings.contains(it.key())) {
      config.settings[it.key()] = it.value();
      added.push_back(it.key());
    }
  }
  if (added.empty()) return;
  if (auto s = settings_of(config, "settings"); !s) {
    plan.warnings.push_back({where, "settings left as they are: " + s.error().message});
    return;
  }
  plan.settings = config.settings;
  plan.settings_added = std::move(added);
}

}  // namespace

std::string one_line(std::string_view s) {
  std::string out(s);
  for (char& ch : out) {
    const auto u = static_cast<unsigned char>(ch);
    if (u < 0x20 || u == 0x7f) ch = ' ';
  }
  return std::string(text::trim(out));
}

ImportPlan plan_import(const Network& network, ImportBatch batch, MergePolicy policy, Date today) {
  ImportPlan plan;
  plan.skipped = std::move(batch.skipped);
  plan.warnings = std::move(batch.warnings);
  Planner planner(network, policy, today);
  SourceLine first_source;
  if (!batch.records.empty()) first_source = batch.records.front().where;
  for (auto& record : batch.records) planner.take(std::move(record), plan);
  planner.finish(plan);
  plan_interactions(network, planner, std::move(batch.interactions), plan);
  if (batch.profile) plan_profile(network, *batch.profile, plan);
  plan_settings(network, batch.settings, first_source, plan);
  return plan;
}

}  // namespace kith
