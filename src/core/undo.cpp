#include "core/undo.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/cache.h"
#include "core/fsutil.h"
#include "core/layout.h"
#include "core/model.h"
#include "core/records.h"

namespace kith::undo {
namespace {

constexpr std::string_view kEntryFile = "entry.json";
constexpr std::string_view kBeforeDir = "before";
constexpr std::string_view kAfterDir = "after";
constexpr std::string_view kUndoneSuffix = ".undone";
constexpr std::string_view kTempPrefix = ".tmp-";
constexpr int kFormat = 1;

// An entry's directory in .undo/. Its name says all that record() needs to
// keep the journal within its limits, without reading any entry: the
// change's number, the bytes its copies take, and whether it was undone
// ("00000042-17066", "00000042-34132.undone").
struct Slot {
  std::uint64_t number = 0;
  std::uint64_t bytes = 0;
  bool undone = false;
  std::string name;
};

fs::path journal_dir(const fs::path& dir) { return dir / layout::kUndoDir; }

std::string slot_name(std::uint64_t number, std::uint64_t bytes, bool undone) {
  char text[48];
  std::snprintf(text, sizeof text, "%08llu-%llu", static_cast<unsigned long long>(number),
                static_cast<unsigned long long>(bytes));
  return std::string(text) + (undone ? std::string(kUndoneSuffix) : "");
}

std::optional<std::uint64_t> whole_number(std::string_view digits) {
  if (digits.empty() || digits.size() > 18) return std::nullopt;
  std::uint64_t n = 0;
  for (char ch : digits) {
    if (ch < '0' || ch > '9') return std::nullopt;
    n = n * 10 + static_cast<std::uint64_t>(ch - '0');
  }
  return n;
}

// The slot a directory name names; nullopt for anything else.
std::optional<Slot> slot_of(const std::string& name) {
  Slot slot;
  slot.name = name;
  std::string_view rest = name;
  if (rest.ends_with(kUndoneSuffix)) {
    rest.remove_suffix(kUndoneSuffix.size());
    slot.undone = true;
  }
  const std::size_t dash = rest.find('-');
  if (dash == std::string_view::npos) return std::nullopt;
  auto number = whole_number(rest.substr(0, dash));
  auto bytes = whole_number(rest.substr(dash + 1));
  if (!number || !bytes) return std::nullopt;
  slot.number = *number;
  slot.bytes = *bytes;
  return slot;
}

// The slots in .undo/, by number; leftovers of an interrupted record() go
// into `temps` when asked for.
Result<std::vector<Slot>> list_slots(const fs::path& dir, std::vector<fs::path>* temps = nullptr) {
  std::vector<Slot> slots;
  std::error_code ec;
  fs::directory_iterator it(journal_dir(dir), ec);
  if (ec) {
    if (ec == std::errc::no_such_file_or_directory) return slots;
    return io_error("cannot read the undo journal " + journal_dir(dir).string() + ": " +
                    ec.message());
  }
  for (const auto& e : it) {
    const std::string name = e.path().filename().string();
    if (name.starts_with(kTempPrefix)) {
      if (temps) temps->push_back(e.path());
    } else if (auto slot = slot_of(name)) {
      slots.push_back(std::move(*slot));
    }
  }
  std::sort(slots.begin(), slots.end(),
            [](const Slot& a, const Slot& b) { return a.number < b.number; });
  return slots;
}

FileState state_of(const std::optional<std::string>& content) {
  if (!content) return {};
  return {true, content->size(), cache::checksum(*content)};
}

Result<FileState> current_state(const fs::path& dir, const std::string& relative) {
  auto content = fsutil::read_file(dir / relative);
  if (!content) return content.error();
  return state_of(*content);
}

// A journal directory and its missing parents, mode 0700, without the
// fsyncs of fsutil::ensure_dir (see undo.h).
Status make_journal_dir(const fs::path& dir) {
  if (::mkdir(dir.c_str(), 0700) == 0 || errno == EEXIST) return {};
  if (errno == ENOENT && dir.has_parent_path() && dir.parent_path() != dir) {
    if (auto s = make_journal_dir(dir.parent_path()); !s) return s;
    if (::mkdir(dir.c_str(), 0700) == 0 || errno == EEXIST) return {};
  }
  return io_error("cannot create directory " + dir.string() + ": " + std::strerror(errno));
}

// A journal file, written without fsync (see undo.h), mode 0600.
Status write_copy(const fs::path& file, std::string_view content) {
  if (auto s = make_journal_dir(file.parent_path()); !s) return s;
  const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) return io_error("cannot write " + file.string() + ": " + std::strerror(errno));
  std::size_t done = 0;
  while (done < content.size()) {
    const ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      const int saved = errno;
      ::close(fd);
      return io_error("cannot write " + file.string() + ": " + std::strerror(saved));
    }
    done += static_cast<std::size_t>(n);
  }
  if (::close(fd) != 0)
    return io_error("cannot write " + file.string() + ": " + std::strerror(errno));
  return {};
}

Status remove_tree(const fs::path& path) {
  std::error_code ec;
  fs::remove_all(path, ec);
  if (ec) return io_error("cannot remove " + path.string() + ": " + ec.message());
  return {};
}

Json state_json(const FileState& s) {
  if (!s.exists) return nullptr;
  Json j = Json::object();
  j["size"] = s.size;
  j["sum"] = s.sum;
  return j;
}

Json entry_json(const Entry& e) {
  Json j = Json::object();
  j["format"] = kFormat;
  j["message"] = e.message;
  j["at"] = e.at;
  Json files = Json::array();
  for (const auto& f : e.files) {
    Json file = Json::object();
    file["path"] = f.path;
    file["before"] = state_json(f.before);
    file["after"] = state_json(f.after);
    files.push_back(std::move(file));
  }
  j["files"] = std::move(files);
  return j;
}

std::optional<FileState> state_from(const Json& j) {
  if (j.is_null()) return FileState{};
  if (!j.is_object() || !j.contains("size") || !j.contains("sum") ||
      !j["size"].is_number_unsigned() || !j["sum"].is_number_unsigned()) {
    return std::nullopt;
  }
  return FileState{true, j["size"].get<std::uint64_t>(), j["sum"].get<std::uint64_t>()};
}

// A path an entry may name: one of kith's own files, nothing above the data
// directory (a hand-made entry.json must not write elsewhere).
bool safe_path(const std::string& path) { return layout::kind_of(path).has_value(); }

std::optional<Entry> parse_entry(std::string_view text, const Slot& slot) {
  Json j = Json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object() || !j.contains("format") || j["format"] != kFormat ||
      !j.contains("message") || !j["message"].is_string() || !j.contains("at") ||
      !j["at"].is_string() || !j.contains("files") || !j["files"].is_array()) {
    return std::nullopt;
  }
  Entry e;
  e.number = slot.number;
  e.undone = slot.undone;
  e.message = j["message"].get<std::string>();
  e.at = j["at"].get<std::string>();
  for (const auto& f : j["files"]) {
    if (!f.is_object() || !f.contains("path") || !f["path"].is_string() || !f.contains("before") ||
        !f.contains("after")) {
      return std::nullopt;
    }
    auto before = state_from(f["before"]);
    auto after = state_from(f["after"]);
    std::string path = f["path"].get<std::string>();
    if (!before || !after || !safe_path(path)) return std::nullopt;
    e.files.push_back({std::move(path), *before, *after});
  }
  return e;
}

Result<std::optional<Entry>> read_entry(const fs::path& dir, const Slot& slot) {
  auto text = fsutil::read_file(journal_dir(dir) / slot.name / kEntryFile);
  if (!text) return text.error();
  if (!text->has_value()) return std::optional<Entry>();
  return parse_entry(**text, slot);
}

// The bytes of an entry's "before" copies.
std::uint64_t before_bytes(const Entry& e) {
  std::uint64_t bytes = 0;
  for (const auto& f : e.files) {
    if (f.before.exists) bytes += f.before.size;
  }
  return bytes;
}

std::string describe(const Entry& e) { return "\"" + e.message + "\""; }

// The copy of `file` kept under `entry_dir`/`side`, checked against `want`.
Result<std::string> read_copy(const fs::path& entry_dir, std::string_view side,
                              const FileChange& file, const FileState& want, const Entry& e) {
  auto content = fsutil::read_file(entry_dir / side / file.path);
  if (!content) return content.error();
  if (!content->has_value() || state_of(*content) != want) {
    return data_error("the undo journal's copy of " + file.path + " for " + describe(e) +
                          " is missing or damaged; nothing was changed",
                      "the files stay as they are; `kith undo --clear` forgets the journal");
  }
  return std::move(**content);
}

enum class Direction { undo, redo };

// Moves the files of entry `slot` from one side of the change to the other:
// for an undo from `after` to `before`, for a redo back.
Result<Outcome> apply(const fs::path& dir, const Slot& slot, Direction direction) {
  auto read = read_entry(dir, slot);
  if (!read) return read.error();
  if (!*read) {
    return data_error("the undo journal's entry " + slot.name + " is damaged; nothing was changed",
                      "`kith undo --clear` forgets the journal");
  }
  Entry e = std::move(**read);
  const fs::path entry_dir = journal_dir(dir) / slot.name;
  const bool undoing = direction == Direction::undo;

  // Check every file first: each must be as the change left it (or, after an
  // interrupted run, already put back).
  std::vector<const FileChange*> to_write;
  std::vector<std::string> changed_since;
  for (const auto& f : e.files) {
    const FileState& from = undoing ? f.after : f.before;
    const FileState& to = undoing ? f.before : f.after;
    auto now = current_state(dir, f.path);
    if (!now) return now.error();
    if (*now == to) continue;
    if (*now == from) {
      to_write.push_back(&f);
    } else {
      changed_since.push_back(f.path);
    }
  }
  if (!changed_since.empty()) {
    std::string list = changed_since.front();
    if (changed_since.size() > 1)
      list += " and " + std::to_string(changed_since.size() - 1) + " more";
    return data_error(list + " changed after " + describe(e) +
                          " (by hand, a sync or kith doctor); " +
                          (undoing ? "undoing" : "redoing") + " it would lose that change",
                      "nothing was changed; `kith undo --list` shows the changes kith can undo");
  }

  // The contents to put back, all checked before anything is written.
  std::vector<std::pair<const FileChange*, std::optional<std::string>>> writes;
  for (const FileChange* f : to_write) {
    const FileState& to = undoing ? f->before : f->after;
    if (!to.exists) {
      writes.emplace_back(f, std::nullopt);
      continue;
    }
    auto copy = read_copy(entry_dir, undoing ? kBeforeDir : kAfterDir, *f, to, e);
    if (!copy) return copy.error();
    writes.emplace_back(f, std::move(*copy));
  }
  // An undo keeps what it replaces, for a redo (every file the change left,
  // counted whole in the slot's bytes even when an earlier undo kept it).
  std::uint64_t bytes = slot.bytes;
  if (undoing) {
    for (const auto& f : e.files) {
      if (f.after.exists) bytes += f.after.size;
    }
    for (const FileChange* f : to_write) {
      if (!f->after.exists) continue;
      auto content = fsutil::read_file(dir / f->path);
      if (!content) return content.error();
      if (!content->has_value()) continue;  // checked above; gone since
      if (auto s = write_copy(entry_dir / kAfterDir / f->path, **content); !s) return s.error();
    }
  }

  // Written as an import writes (a few syncs in all, each file whole), then
  // the files to delete: thousands after an import.
  Outcome outcome;
  std::vector<fsutil::FileContent> files;
  std::vector<fs::path> gone;
  for (auto& [f, content] : writes) {
    if (content) {
      if (auto s = fsutil::ensure_dir((dir / f->path).parent_path()); !s) return s.error();
      files.push_back({dir / f->path, std::move(*content)});
      outcome.restored.push_back(f->path);
    } else {
      gone.push_back(dir / f->path);
      outcome.removed.push_back(f->path);
    }
  }
  if (auto s = fsutil::write_files_atomic(files); !s) return s.error();
  if (auto s = fsutil::remove_files(gone); !s) return s.error();
  // The files are back; now the entry moves to the other stack.
  const std::string new_name = slot_name(slot.number, undoing ? bytes : before_bytes(e), undoing);
  std::error_code ec;
  fs::rename(entry_dir, journal_dir(dir) / new_name, ec);
  if (ec) {
    return io_error("the files are back, but the undo journal could not be updated: " +
                    ec.message());
  }
  e.undone = undoing;
  outcome.entry = std::move(e);
  return outcome;
}

}  // namespace

void Recorder::keep(const fs::path& dir, const std::string& relative) {
  if (before_.contains(relative)) return;
  auto content = fsutil::read_file(dir / relative);
  if (!content) {
    if (!error_) error_ = content.error();
    before_.emplace(relative, std::nullopt);
    return;
  }
  before_.emplace(relative, std::move(*content));
}

Status record(const fs::path& dir, const Recorder& recorder, const std::string& message,
              std::chrono::system_clock::time_point at, const Limits& limits) {
  if (recorder.empty()) return {};
  if (recorder.error_) return *recorder.error_;
  // What changed, first: a command that wrote its files back as they were
  // leaves the journal as it is (and the redo with it).
  Entry e;
  e.message = message;
  e.at = format_timestamp(at);
  std::vector<const std::string*> copies;  // the "before" contents, as e.files
  for (const auto& [path, before] : recorder.before_) {
    auto after = current_state(dir, path);
    if (!after) return after.error();
    const FileState was = state_of(before);
    if (was == *after) continue;
    e.files.push_back({path, was, *after});
    copies.push_back(before ? &*before : nullptr);
  }
  if (e.files.empty()) return {};

  std::vector<fs::path> temps;
  auto slots = list_slots(dir, &temps);
  if (!slots) return slots.error();
  // What an interrupted record() left, and the changes undone: a new change
  // leaves nothing to redo.
  for (const auto& t : temps) {
    if (auto s = remove_tree(t); !s) return s;
  }
  std::uint64_t number = 1;
  std::vector<Slot> kept;
  for (const auto& slot : *slots) {
    number = std::max(number, slot.number + 1);
    if (slot.undone) {
      if (auto s = remove_tree(journal_dir(dir) / slot.name); !s) return s;
    } else {
      kept.push_back(slot);
    }
  }
  e.number = number;
  const std::uint64_t bytes = before_bytes(e);
  const std::string name = slot_name(number, bytes, false);
  const fs::path temp = journal_dir(dir) / (std::string(kTempPrefix) + name);
  if (auto s = make_journal_dir(temp); !s) return s;
  for (std::size_t i = 0; i < e.files.size(); ++i) {
    if (!copies[i]) continue;
    if (auto s = write_copy(temp / kBeforeDir / e.files[i].path, *copies[i]); !s) return s;
  }
  if (auto s = write_copy(temp / kEntryFile, serialize_document(entry_json(e))); !s) return s;
  std::error_code ec;
  fs::rename(temp, journal_dir(dir) / name, ec);
  if (ec) return io_error("cannot write the undo journal: " + ec.message());

  // The newest change always stays; the oldest go first.
  kept.push_back({number, bytes, false, name});
  std::uint64_t total = 0;
  for (const auto& slot : kept) total += slot.bytes;
  for (std::size_t i = 0; i + 1 < kept.size(); ++i) {
    if (kept.size() - i <= limits.entries && total <= limits.bytes) break;
    if (auto s = remove_tree(journal_dir(dir) / kept[i].name); !s) return s;
    total -= kept[i].bytes;
  }
  return {};
}

Result<std::vector<Entry>> entries(const fs::path& dir) {
  auto slots = list_slots(dir);
  if (!slots) return slots.error();
  std::vector<Entry> out;
  for (const auto& slot : *slots) {
    auto e = read_entry(dir, slot);
    if (!e) return e.error();
    if (*e) out.push_back(std::move(**e));
  }
  return out;
}

Result<Outcome> undo_last(const fs::path& dir) {
  auto slots = list_slots(dir);
  if (!slots) return slots.error();
  for (auto it = slots->rbegin(); it != slots->rend(); ++it) {
    if (!it->undone) return apply(dir, *it, Direction::undo);
  }
  return usage_error(slots->empty() ? "nothing to undo: no change is in the journal"
                                    : "nothing to undo: every change in the journal is undone",
                     slots->empty() ? "" : "`kith undo --redo` makes the last one again");
}

Result<Outcome> redo_last(const fs::path& dir) {
  auto slots = list_slots(dir);
  if (!slots) return slots.error();
  // The undone entries are the newest ones, undone newest first: the one
  // undone last has the smallest number.
  for (const auto& slot : *slots) {
    if (slot.undone) return apply(dir, slot, Direction::redo);
  }
  return usage_error("nothing to redo: no change was undone since the last one");
}

Status clear(const fs::path& dir) { return remove_tree(journal_dir(dir)); }

}  // namespace kith::undo
