// The Store's reading of whole records (kith.json, me.json, a contact, all
// contacts and interactions without the cache) and what it wrote. The cached
// reads of contacts/ are in store_contacts.cpp, of the log in store_log.cpp;
// the writes in store_write.cpp; the lock and the sweep in store_sweep.cpp.
#include "core/store.h"

#include <algorithm>
#include <system_error>

#include "core/layout.h"
#include "core/store_files.h"

namespace kith {
namespace {

using store_files::relative_name;

// Sorted file names in `dir` with the given suffix, skipping hidden ones
// (temp files start with a dot).
Result<std::vector<std::string>> list_dir(const fs::path& dir, std::string_view suffix) {
  std::vector<std::string> names;
  std::error_code ec;
  fs::directory_iterator it(dir, ec);
  if (ec) {
    if (ec == std::errc::no_such_file_or_directory) return names;
    return io_error("cannot read directory " + dir.string() + ": " + ec.message());
  }
  for (const auto& entry : it) {
    std::string name = entry.path().filename().string();
    if (name.empty() || name.front() == '.') continue;
    if (name.size() <= suffix.size() ||
        name.compare(name.size() - suffix.size(), suffix.size(), suffix) != 0) {
      continue;
    }
    names.push_back(std::move(name));
  }
  std::sort(names.begin(), names.end());
  return names;
}

bool by_id(const Contact& a, const Contact& b) { return a.id < b.id; }

}  // namespace

Store::Store(fs::path dir, CacheOptions cache) : dir_(std::move(dir)), cache_(std::move(cache)) {
  if (cache_.root.empty()) return;
  std::error_code ec;
  fs::path absolute = fs::absolute(dir_, ec);
  if (ec) return;
  abs_dir_ = absolute.lexically_normal();
  cache_dir_ = cache::dir_for(cache_.root, abs_dir_);
}

fs::path Store::contact_path(std::string_view id) const {
  return dir_ / layout::kContactsDir / layout::contact_file_name(id);
}

fs::path Store::month_path(date::year_month month) const {
  return dir_ / layout::kLogDir / layout::month_file_name(month);
}

Result<Config> Store::load_config() const {
  auto text = fsutil::read_file(dir_ / layout::kConfigFile);
  if (!text) return text.error();
  if (!text->has_value()) return Config{};
  auto json = parse_json_document(**text, layout::kConfigFile);
  if (!json) return json.error();
  return config_from_json(*json, std::string(layout::kConfigFile));
}

Result<Profile> Store::load_profile() const {
  auto text = fsutil::read_file(dir_ / layout::kProfileFile);
  if (!text) return text.error();
  if (!text->has_value()) return Profile{};
  auto json = parse_json_document(**text, layout::kProfileFile);
  if (!json) return json.error();
  return profile_from_json(*json, std::string(layout::kProfileFile));
}

Result<inbox::Inbox> Store::load_inbox() const {
  auto text = fsutil::read_file(dir_ / layout::kInboxFile);
  if (!text) return text.error();
  if (!*text) return inbox::Inbox{};
  return inbox::parse(**text, layout::kInboxFile);
}

Result<std::optional<Contact>> Store::load_contact(std::string_view id) const {
  const fs::path path = contact_path(id);
  auto text = fsutil::read_file(path);
  if (!text) return text.error();
  if (!text->has_value()) return std::optional<Contact>();
  auto contact = parse_contact_file(**text, id, relative_name(dir_, path));
  if (!contact) return contact.error();
  return std::optional<Contact>(std::move(*contact));
}

Result<std::vector<Contact>> Store::load_contacts_uncached(
    std::vector<Unreadable>* unreadable) const {
  auto names = list_dir(dir_ / layout::kContactsDir, layout::kContactSuffix);
  if (!names) return names.error();
  std::vector<Contact> contacts;
  contacts.reserve(names->size());
  for (const auto& name : *names) {
    const std::string_view id = *layout::contact_id_of(name);
    auto contact = load_contact(id);
    if (!contact && unreadable) {
      unreadable->push_back({Unreadable::What::contact,
                             std::string(layout::kContactsDir) + "/" + name, std::string(id),
                             contact.error()});
      continue;
    }
    if (!contact) return contact.error();
    if (contact->has_value()) contacts.push_back(std::move(**contact));
  }
  // File names sort "a-2.json" before "a.json"; ids sort "a" before "a-2".
  std::sort(contacts.begin(), contacts.end(), by_id);
  return contacts;
}

Result<std::vector<date::year_month>> Store::months() const {
  auto names = list_dir(dir_ / layout::kLogDir, layout::kMonthSuffix);
  if (!names) return names.error();
  std::vector<date::year_month> out;
  for (const auto& name : *names) {
    if (auto month = layout::month_of(name)) out.push_back(*month);
  }
  return out;
}

Result<std::vector<Interaction>> Store::load_interactions(
    std::vector<std::string>& warnings, std::vector<Unreadable>* unreadable) const {
  auto names = list_dir(dir_ / layout::kLogDir, layout::kMonthSuffix);
  if (!names) return names.error();
  std::vector<Interaction> all;
  for (const auto& name : *names) {
    if (!layout::is_month_file(name)) continue;
    const fs::path path = dir_ / layout::kLogDir / name;
    const std::string label = std::string(layout::kLogDir) + "/" + name;
    auto text = fsutil::read_file(path);
    if (!text && unreadable) {
      unreadable->push_back({Unreadable::What::month, label, "", text.error()});
      continue;
    }
    if (!text) return text.error();
    if (!text->has_value()) continue;
    auto parsed = parse_log(**text, label, warnings, 1, unreadable);
    if (!parsed) return parsed.error();
    for (auto& i : *parsed) all.push_back(std::move(i));
  }
  std::stable_sort(all.begin(), all.end(), [](const Interaction& a, const Interaction& b) {
    if (a.date != b.date) return a.date < b.date;
    if (a.logged_at != b.logged_at) return a.logged_at < b.logged_at;
    return a.id < b.id;
  });
  return all;
}

Result<Network> Store::load_records(Reading reading) const {
  Network n;
  std::vector<Unreadable>* unreadable = reading == Reading::around ? &n.unreadable : nullptr;
  auto config = load_config();
  if (!config) return config.error();
  n.config = std::move(*config);
  auto settings = settings_of(n.config, layout::kConfigFile);
  if (!settings) return settings.error();
  n.settings = *settings;
  auto profile = load_profile();
  if (!profile && unreadable) {
    unreadable->push_back(
        {Unreadable::What::profile, std::string(layout::kProfileFile), "", profile.error()});
  } else if (!profile) {
    return profile.error();
  } else {
    n.profile = std::move(*profile);
  }
  auto contacts = load_contacts(nullptr, unreadable);
  if (!contacts) return contacts.error();
  n.contacts = std::move(*contacts);
  return n;
}

Result<Network> Store::load(Reading reading) const {
  auto n = load_records(reading);
  if (!n) return n.error();
  auto interactions =
      load_interactions(n->warnings, reading == Reading::around ? &n->unreadable : nullptr);
  if (!interactions) return interactions.error();
  n->interactions = std::move(*interactions);
  if (const AliasMap aliases = alias_map(n->contacts); !aliases.empty()) {
    for (auto& i : n->interactions) resolve_aliases(i.contacts, aliases);
  }
  return n;
}

void Store::note_changed(const fs::path& path) const {
  const fs::path rel = path.lexically_relative(dir_);
  std::string name = rel.empty() || rel.string().starts_with("..") ? path.string() : rel.string();
  auto it = std::lower_bound(changed_.begin(), changed_.end(), name);
  if (it != changed_.end() && *it == name) return;
  if (recorder_ && name == rel.string()) recorder_->keep(dir_, name);
  changed_.insert(it, std::move(name));
}

Status Store::record_undo(const std::string& message,
                          std::chrono::system_clock::time_point now) const {
  if (!recorder_) return {};
  auto recorder = std::move(recorder_);
  recorder_.reset();
  return undo::record(dir_, *recorder, message, now);
}

}  // namespace kith
