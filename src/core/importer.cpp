#include "core/importer.h"

#include <algorithm>
#include <map>
#include <set>

#include "core/contacts.h"
#include "core/fields.h"
#include "core/identity.h"
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

std::vector<std::string> phone_keys(const Contact& c) {
  std::vector<std::string> out;
  for (const auto& phone : c.phones) {
    auto key = phone_match_key(phone);
    if (!key.empty()) out.push_back(std::move(key));
  }
  return out;
}

// Whether a and b cannot be one person although they have one name: each has
// a LinkedIn profile and none is the other's, or each has a birthday and
// they fall on different days.
bool contradicts(const Contact& a, const Contact& b) {
  const auto pa = profile_keys(a), pb = profile_keys(b);
  if (!pa.empty() && !pb.empty() && std::none_of(pa.begin(), pa.end(), [&](const std::string& k) {
        return std::find(pb.begin(), pb.end(), k) != pb.end();
      })) {
    return true;
  }
  if (a.birthday && b.birthday) {
    if (a.birthday->month != b.birthday->month || a.birthday->day != b.birthday->day) return true;
    if (a.birthday->year && b.birthday->year && *a.birthday->year != *b.birthday->year) return true;
  }
  return false;
}

bool same_company_text(const std::optional<std::string>& a, const std::optional<std::string>& b) {
  return company_key(a.value_or("")) == company_key(b.value_or(""));
}

bool same_role_text(const std::optional<std::string>& a, const std::optional<std::string>& b) {
  return role_key(a.value_or("")) == role_key(b.value_or(""));
}

bool has_text(const std::optional<std::string>& s) { return s && !text::trim(*s).empty(); }

class Planner {
 public:
  Planner(const Network& network, MergePolicy policy, Date today, const ImportChoices& choices)
      : policy_(policy), today_(today), choices_(choices) {
    for (const auto& c : network.contacts) add_to_pool(c, Origin::kept);
  }

  void take(ImportRecord record, ImportPlan& plan) {
    const std::string named_id = record.contact.id;
    add_values(ListField::tags, record.contact.tags, choices_.tags);
    // Notes keep their line breaks, as every format carries them.
    if (auto& notes = record.contact.notes) {
      notes = text::normalize_note(*notes);
      if (notes->empty()) notes.reset();
    }
    if (auto found = find(record)) {
      const auto [i, by] = *found;
      Contact& c = pool_[i];
      const Json before = to_json(c);
      const bool was_imported = came_by_import(c);
      std::optional<JobChangeReport> change = merge(c, record);
      // A contact of yours stays yours: the "linkedin" tag or the vCard UID
      // an import brings must not make it look imported (a weak tie).
      if (!was_imported && came_by_import(c)) c.extra["imported_from"] = nullptr;
      if (to_json(c) == before) {
        ++plan.unchanged;
      } else {
        if (origin_[i] == Origin::kept && !touched_.contains(i)) {
          touched_.insert(i);
          touched_order_.push_back(i);
        }
        index(i);
      }
      plan.matched.push_back({record.where, c.id, by});
      if (change) plan.job_changes.push_back(std::move(*change));
      if (!named_id.empty()) id_map_[named_id] = c.id;
      return;
    }
    Contact c = std::move(record.contact);
    if (named_id.empty() || !check_new_id(named_id, taken_))
      c.id = allocate_id(c.name, taken_, transliterator_);
    if (c.added_on == Date{}) c.added_on = today_;
    if (choices_.every) c.every = choices_.every;
    if (!record.source.empty() && !c.extra.contains("imported_from")) {
      c.extra["imported_from"] = record.source;
    }
    if (record.uid) c.extra["vcard_uid"] = *record.uid;
    if (auto it = by_name_.find(name_key(c.name)); it != by_name_.end() && !it->second.empty()) {
      plan.possible_duplicates.push_back({record.where, c.id, pool_[*it->second.begin()].id});
    }
    if (!named_id.empty()) id_map_[named_id] = c.id;
    add_to_pool(std::move(c), Origin::added);
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
  // The id of the contact `id` names (its own, or one it was merged into);
  // nullopt when none.
  std::optional<std::string> known_id(const std::string& id) const {
    auto it = by_id_.find(id);
    if (it == by_id_.end()) return std::nullopt;
    return pool_[it->second].id;
  }

 private:
  enum class Origin { kept, added };
  using Index = std::map<std::string, std::size_t, std::less<>>;

  void add_to_pool(Contact c, Origin origin) {
    taken_.insert(c.id);
    // An id merged into a contact still names it: a record naming it
    // matches that contact, and no new contact takes it.
    for (const auto& alias : c.aliases) taken_.insert(alias);
    pool_.push_back(std::move(c));
    origin_.push_back(origin);
    index(pool_.size() - 1);
  }

  // Indexes contact i under its keys; a key already taken by another
  // contact keeps pointing there (the first contact with a key wins).
  void index(std::size_t i) {
    const Contact& c = pool_[i];
    by_id_.emplace(c.id, i);
    for (const auto& alias : c.aliases) by_id_.emplace(alias, i);
    if (auto uid = c.extra.find("vcard_uid"); uid != c.extra.end() && uid->is_string()) {
      by_uid_.emplace(uid->get<std::string>(), i);
    }
    for (const auto& key : profile_keys(c)) by_profile_.emplace(key, i);
    for (const auto& e : c.emails) {
      if (auto key = email_match_key(e); !key.empty()) by_email_.emplace(std::move(key), i);
    }
    for (const auto& key : phone_keys(c)) by_phone_.emplace(key, i);
    if (auto key = name_key(c.name); !key.empty()) by_name_[key].insert(i);
  }

  std::optional<std::pair<std::size_t, MatchedBy>> find(const ImportRecord& r) const {
    // A record that names an id is a distinct contact of the file it comes
    // from: other keys match it only to contacts kept before this import.
    const bool named = !r.contact.id.empty();
    auto usable = [&](std::size_t i) { return !named || origin_[i] == Origin::kept; };
    auto lookup = [&](const Index& map, const std::string& key) -> std::optional<std::size_t> {
      if (key.empty()) return std::nullopt;
      auto it = map.find(key);
      if (it == map.end() || !usable(it->second)) return std::nullopt;
      return it->second;
    };
    using Found = std::pair<std::size_t, MatchedBy>;
    if (named) {
      if (auto it = by_id_.find(r.contact.id); it != by_id_.end()) {
        return Found{it->second, MatchedBy::id};
      }
    }
    for (const auto& e : r.contact.emails) {
      if (auto i = lookup(by_email_, email_match_key(e))) return Found{*i, MatchedBy::email};
    }
    for (const auto& key : profile_keys(r.contact)) {
      if (auto i = lookup(by_profile_, key)) return Found{*i, MatchedBy::url};
    }
    if (r.uid) {
      if (auto i = lookup(by_uid_, *r.uid)) return Found{*i, MatchedBy::uid};
    }
    for (const auto& key : phone_keys(r.contact)) {
      if (auto i = lookup(by_phone_, key)) return Found{*i, MatchedBy::phone};
    }
    if (named) return std::nullopt;
    auto it = by_name_.find(name_key(r.contact.name));
    if (it == by_name_.end() || it->second.size() != 1) return std::nullopt;
    const std::size_t i = *it->second.begin();
    if (contradicts(pool_[i], r.contact)) return std::nullopt;
    return Found{i, MatchedBy::name};
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
    switch (policy_) {
      case MergePolicy::restore:
        restore(c, in);
        return std::nullopt;
      case MergePolicy::fill:
        fill_job(c, in);
        return std::nullopt;
      case MergePolicy::update:
        break;
    }
    return update_job(c, in);
  }

  static void restore(Contact& c, const Contact& in) {
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
    for (const auto& alias : in.aliases) {
      if (alias != c.id && std::find(c.aliases.begin(), c.aliases.end(), alias) == c.aliases.end())
        c.aliases.push_back(alias);
    }
  }

  // An address book's position fills what is unknown, and only when it does
  // not describe another job: a role is taken when the company is unknown or
  // the same, a company when the role is unknown or the same.
  static void fill_job(Contact& c, const Contact& in) {
    const bool company_known = has_text(c.company), role_known = has_text(c.role);
    if (!company_known && has_text(in.company) &&
        (!role_known || same_role_text(c.role, in.role))) {
      c.company = in.company;
    }
    if (!role_known && has_text(in.role) &&
        (!company_known || !has_text(in.company) || same_company_text(c.company, in.company))) {
      c.role = in.role;
    }
  }

  // A company or role the record has and the contact lacks is filled in; one
  // that differs replaces the kept one, and is a job change when the kept
  // value was known (a role first learnt is news of nothing).
  std::optional<JobChangeReport> update_job(Contact& c, const Contact& in) {
    const Job old{c.company, c.role};
    const bool other_company = has_text(in.company) && !same_company_text(in.company, old.company);
    const bool other_role = has_text(in.role) && !same_role_text(in.role, old.role);
    if (!other_company && !other_role) return std::nullopt;
    Job now = old;
    if (other_company) {
      now.company = in.company;
      now.role = has_text(in.role) ? in.role : std::nullopt;
    } else {
      now.role = in.role;
    }
    c.company = now.company;
    c.role = now.role;
    const bool news =
        (other_company && has_text(old.company)) || (other_role && has_text(old.role));
    if (!news) return std::nullopt;
    c.job_changes.push_back({today_, old, now, Json::object()});
    return JobChangeReport{c.id, c.name, old, now};
  }

  MergePolicy policy_;
  Date today_;
  const ImportChoices& choices_;
  std::vector<Contact> pool_;                 // kept contacts, then the added ones
  std::set<std::string, std::less<>> taken_;  // their ids
  std::vector<Origin> origin_;
  std::set<std::size_t> touched_;
  std::vector<std::size_t> touched_order_;
  Index by_id_, by_uid_, by_profile_, by_email_, by_phone_;
  std::map<std::string, std::set<std::size_t>, std::less<>> by_name_;
  std::map<std::string, std::string, std::less<>> id_map_;
  text::Transliterator transliterator_;  // ICU built at most once per import
};

void plan_interactions(const Network& network, const Planner& planner,
                       std::vector<ImportedInteraction> interactions, ImportPlan& plan) {
  std::set<std::string, std::less<>> known;
  for (const auto& i : network.interactions) known.insert(i.id);
  // The ids that name no contact, each with where it first appears and how
  // many interactions name it: one warning each.
  struct Unknown {
    std::string id;
    SourceLine first;
    int count = 0;
  };
  std::vector<Unknown> unknown;
  for (auto& [where, i] : interactions) {
    if (known.contains(i.id)) {
      ++plan.interactions_unchanged;
      continue;
    }
    std::vector<std::string> contacts;
    for (const auto& id : i.contacts) {
      std::optional<std::string> mapped = planner.mapped_id(id);
      if (!mapped) mapped = planner.known_id(id);
      if (!mapped) {
        // The log is restored as it was: an id that named no contact there
        // (a contact purged on another machine, a file the export could not
        // read) names none here either, until that contact comes back.
        auto u = std::find_if(unknown.begin(), unknown.end(),
                              [&](const Unknown& k) { return k.id == id; });
        if (u == unknown.end()) u = unknown.insert(unknown.end(), Unknown{id, where, 0});
        ++u->count;
        mapped = id;
      }
      if (mapped && std::find(contacts.begin(), contacts.end(), *mapped) == contacts.end()) {
        contacts.push_back(*mapped);
      }
    }
    i.contacts = std::move(contacts);
    known.insert(i.id);
    plan.interactions.push_back(std::move(i));
  }
  for (const Unknown& u : unknown) {
    plan.warnings.push_back(
        {u.first, (u.count == 1 ? std::string("an interaction names '")
                                : std::to_string(u.count) + " interactions name '") +
                      u.id + "', which no contact has: kept as " +
                      (u.count == 1 ? "it was" : "they were") + " (`kith doctor` reports it)"});
  }
}

void plan_profile(const Network& network, const Profile& from, ImportPlan& plan) {
  Profile p = network.profile;
  if (p.name.empty()) p.name = from.name;
  add_missing_values(p, from);
  fill(p.company, from.company);
  fill(p.role, from.role);
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

std::string_view to_string(MatchedBy by) {
  switch (by) {
    case MatchedBy::id:
      return "id";
    case MatchedBy::email:
      return "email";
    case MatchedBy::url:
      return "url";
    case MatchedBy::uid:
      return "uid";
    case MatchedBy::phone:
      return "phone";
    case MatchedBy::name:
      return "name";
  }
  return "id";
}

ImportPlan plan_import(const Network& network, ImportBatch batch, MergePolicy policy, Date today,
                       const ImportChoices& choices) {
  ImportPlan plan;
  plan.skipped = std::move(batch.skipped);
  plan.warnings = std::move(batch.warnings);
  Planner planner(network, policy, today, choices);
  SourceLine first_source;
  if (!batch.records.empty()) first_source = batch.records.front().where;
  for (auto& record : batch.records) {
    if (record.source.empty()) record.source = batch.source;
    // As `kith add --met` refuses it: you cannot have met someone later
    // than today (a typo, or a clock set wrong where the file was made).
    if (auto& met = record.contact.met_on; met && *met > today) {
      plan.warnings.push_back(
          {record.where, "met on " + format_date(*met) + ", after today; left out"});
      met.reset();
    }
    planner.take(std::move(record), plan);
  }
  planner.finish(plan);
  plan_interactions(network, planner, std::move(batch.interactions), plan);
  if (batch.profile) plan_profile(network, *batch.profile, plan);
  plan_settings(network, batch.settings, first_source, plan);
  return plan;
}

}  // namespace kith
