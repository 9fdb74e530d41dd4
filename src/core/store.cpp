#include "core/store.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <deque>
#include <system_error>

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/cache.h"
#include "core/store_files.h"

namespace kith {
namespace {

using store_files::DirHandle;
using store_files::is_month_file;
using store_files::read_stamped;

int line_of(std::string_view text, std::size_t byte) {
  byte = std::min(byte, text.size());
  return 1 +
         static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(byte), '\n'));
}

std::string relative_name(const fs::path& dir, const fs::path& p) {
  return p.lexically_relative(dir).string();
}

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

Result<Contact> parse_contact_file(std::string_view text, std::string_view id,
                                   const std::string& where) {
  auto json = parse_json_document(text, where);
  if (!json) return json.error();
  auto contact = contact_from_json(*json, where);
  if (!contact) return contact.error();
  if (contact->id != id) {
    return data_error(where + ": its id '" + contact->id + "' does not match the file name",
                      "rename the file or fix its \"id\"");
  }
  return contact;
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

const Contact* Network::find(std::string_view id) const {
  auto it = std::lower_bound(contacts.begin(), contacts.end(), id,
                             [](const Contact& c, std::string_view key) { return c.id < key; });
  if (it != contacts.end() && it->id == id) return &*it;
  return nullptr;
}

std::string serialize_document(const Json& j) { return j.dump(2) + "\n"; }
std::string serialize_line(const Json& j) { return j.dump() + "\n"; }

Result<Json> parse_json_document(std::string_view text, std::string_view where) {
  try {
    return Json::parse(text.begin(), text.end());
  } catch (const Json::parse_error& e) {
    std::string what = e.what();
    // "[json.exception.parse_error.101] parse error at line 3, column 4: ..." -> the part after ":
    // "
    auto colon = what.find(": ");
    std::string detail = colon == std::string::npos ? what : what.substr(colon + 2);
    return data_error(std::string(where) + ":" +
                          std::to_string(line_of(text, e.byte == 0 ? 0 : e.byte - 1)) +
                          ": not valid JSON: " + detail,
                      "fix or restore the file (kith never overwrites a corrupt file); "
                      "`kith doctor` lists every problem");
  }
}

Result<std::vector<Interaction>> parse_log(std::string_view content, std::string_view label,
                                           std::vector<std::string>& warnings, int first_line) {
  std::vector<Interaction> out;
  std::size_t pos = 0;
  int line_no = first_line - 1;
  while (pos < content.size()) {
    ++line_no;
    std::size_t end = content.find('\n', pos);
    const bool last_without_newline = end == std::string_view::npos;
    if (last_without_newline) end = content.size();
    std::string_view line = content.substr(pos, end - pos);
    pos = end + 1;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    const std::string where = std::string(label) + ":" + std::to_string(line_no);
    Json json;
    try {
      json = Json::parse(line.begin(), line.end());
    } catch (const Json::parse_error&) {
      if (last_without_newline) {
        warnings.push_back(where +
                           ": skipped a torn last line (an interrupted write); "
                           "`kith doctor --fix` removes it");
        break;
      }
      return data_error(where + ": not valid JSON",
                        "fix or remove that line (kith never overwrites a corrupt file); "
                        "`kith doctor` lists every problem");
    }
    auto interaction = interaction_from_json(json, where);
    if (!interaction) return interaction.error();
    out.push_back(std::move(*interaction));
  }
  return out;
}

fs::path Store::contact_path(std::string_view id) const {
  return dir_ / "contacts" / (std::string(id) + ".json");
}

fs::path Store::month_path(date::year_month month) const {
  char name[32];
  std::snprintf(name, sizeof name, "%04d-%02u.jsonl", static_cast<int>(month.year()),
                static_cast<unsigned>(month.month()));
  return dir_ / "log" / name;
}

Result<Config> Store::load_config() const {
  auto text = fsutil::read_file(dir_ / "kith.json");
  if (!text) return text.error();
  if (!text->has_value()) return Config{};
  auto json = parse_json_document(**text, "kith.json");
  if (!json) return json.error();
  return config_from_json(*json, "kith.json");
}

Result<Profile> Store::load_profile() const {
  auto text = fsutil::read_file(dir_ / "me.json");
  if (!text) return text.error();
  if (!text->has_value()) return Profile{};
  auto json = parse_json_document(**text, "me.json");
  if (!json) return json.error();
  return profile_from_json(*json, "me.json");
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

Result<std::vector<Contact>> Store::load_contacts() const {
  if (cache_dir_.empty()) return load_contacts_uncached();
  const fs::path dir = dir_ / "contacts";
  const DirHandle handle(dir);
  if (handle.fd() < 0) {
    if (handle.error() == ENOENT) return std::vector<Contact>();
    return io_error("cannot read directory " + dir.string() + ": " + std::strerror(handle.error()));
  }
  auto names = handle.names(dir, ".json");
  if (!names) return names.error();
  // In id order, as the cache keeps them: no sort of the contacts after.
  std::sort(names->begin(), names->end(), cache::file_order);
  const fs::path cache_file = cache_dir_ / "contacts";
  const auto cached = cache::ContactsCache::read(cache_file, abs_dir_);
  static const std::vector<cache::ContactsCache::Entry> kNone;
  const auto& entries = cached ? cached->entries() : kNone;

  std::vector<Contact> contacts;
  contacts.reserve(names->size());
  // What the cache will hold, written only when it differs from what it holds.
  struct Keep {
    std::string_view file;
    cache::FileStamp stamp;
    std::string_view record;
  };
  std::vector<Keep> keep;
  std::deque<std::string> encoded;  // records of the files parsed now
  bool changed = !cached;
  auto entry = entries.begin();
  for (const auto& name : *names) {
    // Entries before this file are files that are gone.
    while (entry != entries.end() && cache::file_order(entry->file, name)) {
      changed = true;
      ++entry;
    }
    if (entry != entries.end() && entry->file == name) {
      const auto& e = *entry++;
      struct stat st {};
      if (::fstatat(handle.fd(), name.c_str(), &st, 0) == 0 && e.stamp == cache::stamp_of(st)) {
        if (auto contact = cache::decode_contact(e.record)) {
          contacts.push_back(std::move(*contact));
          keep.push_back({name, e.stamp, e.record});
          continue;
        }
      }
    }
    const std::string_view id = std::string_view(name).substr(0, name.size() - 5);
    auto text = read_stamped(handle.fd(), name, dir / name);
    if (!text) return text.error();
    if (!text->has_value()) continue;  // removed meanwhile
    auto contact = parse_contact_file((*text)->text, id, "contacts/" + name);
    if (!contact) return contact.error();
    if (cache::is_settled((*text)->stamp, cache_.now)) {
      changed = true;
      keep.push_back({name, (*text)->stamp, encoded.emplace_back(cache::encode_contact(*contact))});
    }
    contacts.push_back(std::move(*contact));
  }
  if (entry != entries.end()) changed = true;
  if (changed) {
    cache::ContactsCacheWriter writer;
    for (const auto& k : keep) writer.add(k.file, k.stamp, k.record);
    cache::write_cache_file(cache_file, writer.finish(abs_dir_));
  }
  return contacts;
}

Result<std::vector<Contact>> Store::load_contacts_uncached() const {
  auto names = list_dir(dir_ / "contacts", ".json");
  if (!names) return names.error();
  std::vector<Contact> contacts;
  contacts.reserve(names->size());
  for (const auto& name : *names) {
    auto contact = load_contact(std::string_view(name).substr(0, name.size() - 5));
    if (!contact) return contact.error();
    if (contact->has_value()) contacts.push_back(std::move(**contact));
  }
  // File names sort "a-2.json" before "a.json"; ids sort "a" before "a-2".
  std::sort(contacts.begin(), contacts.end(), by_id);
  return contacts;
}

Result<std::vector<Interaction>> Store::load_interactions(
    std::vector<std::string>& warnings) const {
  auto names = list_dir(dir_ / "log", ".jsonl");
  if (!names) return names.error();
  std::vector<Interaction> all;
  for (const auto& name : *names) {
    if (!is_month_file(name)) continue;
    const fs::path path = dir_ / "log" / name;
    auto text = fsutil::read_file(path);
    if (!text) return text.error();
    if (!text->has_value()) continue;
    auto parsed = parse_log(**text, "log/" + name, warnings);
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

Result<Network> Store::load_records() const {
  Network n;
  auto config = load_config();
  if (!config) return config.error();
  n.config = std::move(*config);
  auto settings = settings_of(n.config, "kith.json");
  if (!settings) return settings.error();
  n.settings = *settings;
  auto profile = load_profile();
  if (!profile) return profile.error();
  n.profile = std::move(*profile);
  auto contacts = load_contacts();
  if (!contacts) return contacts.error();
  n.contacts = std::move(*contacts);
  return n;
}

Result<Network> Store::load() const {
  auto n = load_records();
  if (!n) return n.error();
  auto interactions = load_interactions(n->warnings);
  if (!interactions) return interactions.error();
  n->interactions = std::move(*interactions);
  return n;
}

Result<fsutil::FileLock> Store::lock_for_write(const LockOptions& options) const {
  if (auto s = fsutil::ensure_dir(dir_); !s) return s.error();
  auto lock = fsutil::FileLock::acquire(dir_ / ".lock", options.timeout, options.slow_after,
                                        options.on_slow);
  if (!lock) return lock.error();
  // Under the lock no other writer is active: any temp file is a leftover.
  // (Plain readdir: contacts/ may hold thousands of files and this runs on
  // every write.)
  for (const char* sub : {"", "contacts", "log"}) {
    const int fd = ::open((dir_ / sub).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    DIR* d = fd < 0 ? nullptr : ::fdopendir(fd);
    if (!d) {
      if (fd >= 0) ::close(fd);
      continue;
    }
    while (const struct dirent* e = ::readdir(d)) {
      if (e->d_name[0] == '.' && fsutil::is_temp_name(e->d_name)) {
        ::unlinkat(::dirfd(d), e->d_name, 0);
      }
    }
    ::closedir(d);
  }
  auto config = load_config();
  if (!config) return config.error();
  std::error_code ec;
  if (!fs::exists(dir_ / "kith.json", ec)) {
    if (auto s = save_config(*config); !s) return s.error();
  }
  return lock;
}

Status Store::save_config(const Config& config) const {
  return fsutil::write_file_atomic(dir_ / "kith.json", serialize_document(to_json(config)));
}

Status Store::save_profile(const Profile& profile) const {
  return fsutil::write_file_atomic(dir_ / "me.json", serialize_document(to_json(profile)));
}

Status Store::save_contact(const Contact& contact) const {
  if (auto s = fsutil::ensure_dir(dir_ / "contacts"); !s) return s;
  return fsutil::write_file_atomic(contact_path(contact.id), serialize_document(to_json(contact)));
}

Status Store::remove_contact(std::string_view id) const {
  const fs::path path = contact_path(id);
  if (::unlink(path.c_str()) != 0 && errno != ENOENT) {
    return io_error("cannot remove " + path.string() + ": " + std::strerror(errno));
  }
  return {};
}

Status Store::append_interaction(const Interaction& interaction) const {
  if (auto s = fsutil::ensure_dir(dir_ / "log"); !s) return s;
  const date::year_month_day ymd{interaction.date};
  return fsutil::append_line(month_path(ymd.year() / ymd.month()),
                             serialize_line(to_json(interaction)));
}

Status Store::rewrite_month(date::year_month month,
                            const std::vector<Interaction>& interactions) const {
  const fs::path path = month_path(month);
  auto text = fsutil::read_file(path);
  if (!text) return text.error();
  if (text->has_value() && !(*text)->empty() && (*text)->back() != '\n') {
    return data_error(relative_name(dir_, path) + ": ends with a torn line; not rewriting it",
                      "run `kith doctor --fix` first");
  }
  if (interactions.empty()) {
    if (::unlink(path.c_str()) != 0 && errno != ENOENT) {
      return io_error("cannot remove " + path.string() + ": " + std::strerror(errno));
    }
    return {};
  }
  if (auto s = fsutil::ensure_dir(dir_ / "log"); !s) return s;
  std::string content;
  for (const auto& i : interactions) content += serialize_line(to_json(i));
  return fsutil::write_file_atomic(path, content);
}

}  // namespace kith
