#include "core/store.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <deque>
#include <system_error>
#include <type_traits>

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/cache.h"
#include "core/store_files.h"
#include "core/text.h"

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

// Deeper than this, a JSON text is refused: copying, comparing and printing
// a JSON value recurse once per level, so a deep enough file would overflow
// the stack. kith writes three levels; other tools rarely more than a few.
constexpr int kMaxJsonDepth = 256;

// The offset of the first bracket that opens more than kMaxJsonDepth levels,
// or nullopt. Strings are skipped, so brackets inside them do not count.
std::optional<std::size_t> too_deep_at(std::string_view text) {
  int depth = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char ch = text[i];
    if (in_string) {
      if (ch == '\\') {
        ++i;
      } else if (ch == '"') {
        in_string = false;
      }
    } else if (ch == '"') {
      in_string = true;
    } else if (ch == '[' || ch == '{') {
      if (++depth > kMaxJsonDepth) return i;
    } else if (ch == ']' || ch == '}') {
      --depth;
    }
  }
  return std::nullopt;
}

const char* const kCorruptHint =
    "fix or restore the file (kith never overwrites a corrupt file); "
    "`kith doctor` lists every problem";

std::string too_deep_message() {
  return "not valid JSON: nested too deeply (more than " + std::to_string(kMaxJsonDepth) +
         " levels)";
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

// True when `file` is empty or missing or ends with a newline; false when
// it does not, or cannot be read (the caller then reads it whole and
// reports what is wrong).
bool ends_with_newline(const fs::path& file) {
  const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return errno == ENOENT;
  struct stat st {};
  char last = 0;
  const bool ok = ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
                  (st.st_size == 0 || ::pread(fd, &last, 1, st.st_size - 1) == 1);
  ::close(fd);
  return ok && (st.st_size == 0 || last == '\n');
}

// The stamp of contacts/ when kith (a writer sweeping it, or a reader
// listing it) last found it free of temp files, kept in the cache directory
// (losing it costs one more listing). An
// unreadable or damaged record reads as the zero stamp, which no directory
// has.
std::string encode_stamp(const cache::FileStamp& s) {
  char text[128];
  std::snprintf(text, sizeof text, "kith-swept 1 %llu %llu %llu %lld %lld\n",
                static_cast<unsigned long long>(s.size), static_cast<unsigned long long>(s.inode),
                static_cast<unsigned long long>(s.device), static_cast<long long>(s.mtime_ns),
                static_cast<long long>(s.ctime_ns));
  return text;
}

cache::FileStamp swept_stamp(const fs::path& file) {
  auto text = fsutil::read_file(file);
  if (!text || !text->has_value()) return {};
  unsigned long long size = 0, inode = 0, device = 0;
  long long mtime = 0, ctime = 0;
  char end = 0;
  if (std::sscanf((*text)->c_str(), "kith-swept 1 %llu %llu %llu %lld %lld%c", &size, &inode,
                  &device, &mtime, &ctime, &end) != 6 ||
      end != '\n' || encode_stamp({size, inode, device, mtime, ctime}) != **text) {
    return {};
  }
  return {size, inode, device, mtime, ctime};
}

// Records that contacts/ had the settled `stamp` when it was found free of
// temp files (written only when the record says otherwise).
void note_swept(const fs::path& swept, const cache::FileStamp& stamp) {
  if (!(swept_stamp(swept) == stamp)) cache::write_cache_file(swept, encode_stamp(stamp));
}

// What Store::load_contact_heads keeps of a contact.
ContactHead head_of(Contact&& c) {
  return ContactHead{std::move(c.id), std::move(c.name), std::move(c.emails)};
}

// A cached record as Store::load_contacts (Record = Contact) or
// Store::load_contact_heads (Record = ContactHead) return it.
template <class Record>
std::optional<Record> decode_record(std::string_view record) {
  if constexpr (std::is_same_v<Record, Contact>) {
    return cache::decode_contact(record);
  } else {
    return cache::decode_contact_head(record);
  }
}

// A contact parsed from its file, as Record.
template <class Record>
Record record_of(Contact&& c) {
  if constexpr (std::is_same_v<Record, Contact>) {
    return std::move(c);
  } else {
    return head_of(std::move(c));
  }
}

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

std::optional<JsonProblem> json_problem(std::string_view text) {
  if (auto at = too_deep_at(text)) {
    return JsonProblem{line_of(text, *at), "nested too deeply (more than " +
                                               std::to_string(kMaxJsonDepth) + " levels)"};
  }
  // A SAX pass that stops at the first error: the parser reports a number too
  // large for a double as out_of_range, without the position parse_error
  // carries, but every error reaches this callback with the bytes read.
  struct FirstError : nlohmann::json_sax<Json> {
    std::size_t position = 0;
    std::string what;
    bool null() override { return true; }
    bool boolean(bool) override { return true; }
    bool number_integer(number_integer_t) override { return true; }
    bool number_unsigned(number_unsigned_t) override { return true; }
    bool number_float(number_float_t, const string_t&) override { return true; }
    bool string(string_t&) override { return true; }
    bool binary(binary_t&) override { return true; }
    bool start_object(std::size_t) override { return true; }
    bool key(string_t&) override { return true; }
    bool end_object() override { return true; }
    bool start_array(std::size_t) override { return true; }
    bool end_array() override { return true; }
    bool parse_error(std::size_t bytes, const std::string&,
                     const nlohmann::detail::exception& e) override {
      position = bytes;
      what = e.what();
      return false;
    }
  } sax;
  if (Json::sax_parse(text.begin(), text.end(), &sax)) return std::nullopt;
  // "[json.exception.parse_error.101] parse error at line 3, column 4: syntax
  // error ..." and "[json.exception.out_of_range.406] number overflow ...":
  // keep what comes after the bracket and the position.
  std::string_view detail = sax.what;
  if (auto bracket = detail.find("] "); detail.starts_with("[") && bracket != std::string::npos) {
    detail.remove_prefix(bracket + 2);
  }
  if (detail.starts_with("parse error")) {
    if (auto colon = detail.find(": "); colon != std::string::npos) detail.remove_prefix(colon + 2);
  }
  return JsonProblem{line_of(text, sax.position == 0 ? 0 : sax.position - 1),
                     text::sanitize_for_terminal(detail)};
}

Result<Json> parse_json_document(std::string_view text, std::string_view where) {
  if (auto at = too_deep_at(text)) {
    return data_error(
        std::string(where) + ":" + std::to_string(line_of(text, *at)) + ": " + too_deep_message(),
        kCorruptHint);
  }
  try {
    return Json::parse(text.begin(), text.end());
  } catch (const Json::exception&) {  // a syntax error, or a number out of range
    const auto problem = json_problem(text);
    return data_error(std::string(where) + ":" + std::to_string(problem ? problem->line : 1) +
                          ": not valid JSON: " + (problem ? problem->detail : "unreadable"),
                      kCorruptHint);
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
    if (too_deep_at(line)) {
      return data_error(where + ": " + too_deep_message(),
                        "fix or remove that line (kith never overwrites a corrupt file); "
                        "`kith doctor` lists every problem");
    }
    Json json;
    try {
      json = Json::parse(line.begin(), line.end());
    } catch (const Json::exception&) {  // a syntax error, or a number out of range
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
  return load_contacts_cached<Contact>();
}

Result<std::vector<ContactHead>> Store::load_contact_heads() const {
  if (cache_dir_.empty()) {
    auto contacts = load_contacts_uncached();
    if (!contacts) return contacts.error();
    std::vector<ContactHead> heads;
    heads.reserve(contacts->size());
    for (auto& c : *contacts) heads.push_back(head_of(std::move(c)));
    return heads;
  }
  return load_contacts_cached<ContactHead>();
}

template <class Record>
Result<std::vector<Record>> Store::load_contacts_cached() const {
  const fs::path dir = dir_ / "contacts";
  const DirHandle handle(dir);
  if (handle.fd() < 0) {
    if (handle.error() == ENOENT) return std::vector<Record>();
    return io_error("cannot read directory " + dir.string() + ": " + std::strerror(handle.error()));
  }
  // The directory's stamp before its names are read: any entry added,
  // removed or renamed after this changes it.
  struct stat dir_st {};
  if (::fstat(handle.fd(), &dir_st) != 0) {
    return io_error("cannot read directory " + dir.string() + ": " + std::strerror(errno));
  }
  const cache::FileStamp dir_stamp = cache::stamp_of(dir_st);
  const fs::path cache_file = cache_dir_ / "contacts";
  const auto cached = cache::ContactsCache::read(cache_file, abs_dir_);
  static const std::vector<cache::ContactsCache::Entry> kNone;
  const auto& entries = cached ? cached->entries() : kNone;

  // The names of the files, in id order as the cache keeps them (no sort
  // of the contacts after). The cache's own when contacts/ still has the
  // settled stamp it had when they were all its files (see
  // ContactsCache::dir_stamp): then it has the same entries, and reading
  // them again would only cost time.
  std::vector<std::string_view> names;
  std::vector<std::string> listed;
  const bool same_names = cached && cached->dir_stamp() == dir_stamp;
  if (same_names) {
    names.reserve(entries.size());
    for (const auto& e : entries) names.push_back(e.file);
  } else {
    bool saw_temp = false;
    auto read = handle.names(dir, ".json", &saw_temp, cache::file_order);
    if (!read) return read.error();
    listed = std::move(*read);
    // Found clean: the next writer need not list contacts/ again to remove
    // temp files (see lock_for_write).
    if (!saw_temp && cache::is_settled(dir_stamp, cache_.now)) {
      note_swept(cache_dir_ / "swept", dir_stamp);
    }
    names.assign(listed.begin(), listed.end());
  }

  // Match each name with its entry, then stat every matched file at once.
  std::vector<const cache::ContactsCache::Entry*> entry_of(names.size(), nullptr);
  std::vector<std::string_view> to_stat;
  to_stat.reserve(names.size());
  bool changed = !cached;
  auto entry = entries.begin();
  for (std::size_t i = 0; i < names.size(); ++i) {
    // Entries before this file are files that are gone.
    while (entry != entries.end() && entry->file != names[i] &&
           cache::file_order(entry->file, names[i])) {
      changed = true;
      ++entry;
    }
    if (entry != entries.end() && entry->file == names[i]) {
      entry_of[i] = &*entry++;
      to_stat.push_back(names[i]);
    }
  }
  if (entry != entries.end()) changed = true;
  const auto stamps = store_files::stamps_of(handle.fd(), to_stat);

  std::vector<Record> contacts;
  contacts.reserve(names.size());
  // What the cache will hold, written only when it differs from what it holds.
  struct Keep {
    std::string_view file;
    cache::FileStamp stamp;
    std::string_view record;
  };
  std::vector<Keep> keep;
  keep.reserve(names.size());
  std::deque<std::string> encoded;  // records of the files parsed now
  std::size_t stamped = 0;
  for (std::size_t i = 0; i < names.size(); ++i) {
    const std::string_view name = names[i];
    if (const auto* e = entry_of[i]) {
      const auto& stamp = stamps[stamped++];
      if (stamp && e->stamp == *stamp) {
        if (auto contact = decode_record<Record>(e->record)) {
          contacts.push_back(std::move(*contact));
          keep.push_back({name, e->stamp, e->record});
          continue;
        }
      }
    }
    const std::string file(name);
    const std::string_view id = name.substr(0, name.size() - 5);
    auto text = read_stamped(handle.fd(), file, dir / file);
    if (!text) return text.error();
    if (!text->has_value()) continue;  // removed meanwhile
    auto contact = parse_contact_file((*text)->text, id, "contacts/" + file);
    if (!contact) return contact.error();
    if (cache::is_settled((*text)->stamp, cache_.now)) {
      changed = true;
      keep.push_back({name, (*text)->stamp, encoded.emplace_back(cache::encode_contact(*contact))});
    }
    contacts.push_back(record_of<Record>(std::move(*contact)));
  }
  // The directory's stamp goes with the entries when they are all its files.
  std::optional<cache::FileStamp> complete;
  if (keep.size() == names.size() && cache::is_settled(dir_stamp, cache_.now)) {
    complete = dir_stamp;
  }
  if (cached && cached->dir_stamp() != complete) changed = true;
  if (changed) {
    cache::ContactsCacheWriter writer;
    for (const auto& k : keep) writer.add(k.file, k.stamp, k.record);
    cache::write_cache_file(cache_file, writer.finish(abs_dir_, complete));
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
  auto lock = lock_only(options);
  if (!lock) return lock.error();
  // The version first: a directory of a newer format is left exactly as it is.
  auto config = load_config();
  if (!config) return config.error();
  // Under the lock no other writer is active: any temp file is a leftover.
  // (Plain readdir: contacts/ may hold thousands of files and this runs on
  // every write.) contacts/ is listed only when it may have changed since
  // it was last found clean (see swept_stamp).
  const fs::path swept = cache_dir_.empty() ? fs::path() : cache_dir_ / "swept";
  for (const char* sub : {"", "contacts", "log"}) {
    const bool contacts = std::string_view(sub) == "contacts";
    const int fd = ::open((dir_ / sub).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (contacts && fd >= 0 && !swept.empty()) {
      struct stat st {};
      if (::fstat(fd, &st) == 0 && swept_stamp(swept) == cache::stamp_of(st)) {
        ::close(fd);
        continue;
      }
    }
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
    if (contacts && !swept.empty()) {
      // Clean now. Any entry made later changes the directory's mtime and
      // ctime, which a settled stamp proves (as for the read cache).
      struct stat st {};
      if (::fstat(::dirfd(d), &st) == 0 && cache::is_settled(cache::stamp_of(st), cache_.now)) {
        note_swept(swept, cache::stamp_of(st));
      }
    }
    ::closedir(d);
  }
  std::error_code ec;
  if (!fs::exists(dir_ / "kith.json", ec)) {
    if (auto s = save_config(*config); !s) return s.error();
  }
  return lock;
}

Result<fsutil::FileLock> Store::lock_only(const LockOptions& options) const {
  return fsutil::FileLock::acquire(dir_ / ".lock", options.timeout, options.slow_after,
                                   options.on_slow);
}

void Store::note_changed(const fs::path& path) const {
  const fs::path rel = path.lexically_relative(dir_);
  std::string name = rel.empty() || rel.string().starts_with("..") ? path.string() : rel.string();
  auto it = std::lower_bound(changed_.begin(), changed_.end(), name);
  if (it == changed_.end() || *it != name) changed_.insert(it, std::move(name));
}

Status Store::save_config(const Config& config) const {
  note_changed(dir_ / "kith.json");
  return fsutil::write_file_atomic(dir_ / "kith.json", serialize_document(to_json(config)));
}

Status Store::save_profile(const Profile& profile) const {
  note_changed(dir_ / "me.json");
  return fsutil::write_file_atomic(dir_ / "me.json", serialize_document(to_json(profile)));
}

Status Store::save_contact(const Contact& contact) const {
  if (auto s = fsutil::ensure_dir(dir_ / "contacts"); !s) return s;
  note_changed(contact_path(contact.id));
  return fsutil::write_file_atomic(contact_path(contact.id), serialize_document(to_json(contact)));
}

Status Store::remove_contact(std::string_view id) const {
  note_changed(contact_path(id));
  return fsutil::remove_file(contact_path(id));
}

Status Store::append_interaction(const Interaction& interaction) const {
  if (auto s = fsutil::ensure_dir(dir_ / "log"); !s) return s;
  const date::year_month_day ymd{interaction.date};
  const fs::path path = month_path(ymd.year() / ymd.month());
  std::string line = serialize_line(to_json(interaction));
  // Appending after a last line that has no newline would glue the two
  // together into one corrupt line in the middle of the file. Its last byte
  // tells; the whole file is read only when that is not a newline.
  if (ends_with_newline(path)) {
    note_changed(path);
    return fsutil::append_line(path, line);
  }
  auto text = fsutil::read_file(path);
  if (!text) return text.error();
  if (text->has_value() && !(*text)->empty() && (*text)->back() != '\n') {
    const std::string& content = **text;
    const std::size_t start = content.rfind('\n') + 1;  // 0 when there is no newline
    const std::string_view last = std::string_view(content).substr(start);
    const bool blank = last.find_first_not_of(" \t\r") == std::string_view::npos;
    if (!blank && !Json::accept(last)) {
      return data_error(
          relative_name(dir_, path) + ":" + std::to_string(line_of(content, start)) +
              ": ends with a torn line (an interrupted write); not appending after it",
          "run `kith doctor --fix` to remove the torn line, then run the command again");
    }
    line.insert(0, "\n");  // a complete last line that only lacks its newline
  }
  note_changed(path);
  return fsutil::append_line(path, line);
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
  note_changed(path);
  if (interactions.empty()) return fsutil::remove_file(path);
  if (auto s = fsutil::ensure_dir(dir_ / "log"); !s) return s;
  std::string content;
  for (const auto& i : interactions) content += serialize_line(to_json(i));
  return fsutil::write_file_atomic(path, content);
}

}  // namespace kith
