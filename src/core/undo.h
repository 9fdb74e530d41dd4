// The undo journal: what each writing command replaced, so that `kith undo`
// can put it back and `kith undo --redo` can take the undo back.
//
// It lives in the data directory, in .undo/ (never synced: git ignores it),
// one directory per change, numbered in the order the changes were made:
//
//   .undo/00000042-1733/entry.json     what changed: the command, when, and
//                                       each file's size and checksum before
//                                       and after
//   .undo/00000042-1733/before/<path>  the files as they were before
//   .undo/00000042-3466.undone/after/<path>
//                                       written by an undo: the files as the
//                                       change left them, for a redo
//
// A directory's name holds the change's number, the bytes of its copies
// and ".undone" once undone, so that keeping the journal within its limits
// reads no entry.
//
// An entry is written whole in a temp directory and renamed into place. Its
// files are not fsynced: the data files are what must survive a power loss,
// the journal only has to be right when it is used, and every copy is
// checked against its checksum before it is put back. A file that changed
// after the entry was made (by hand, by a sync, by doctor) is never
// overwritten: the undo is refused and says which file.
//
// The entries form two stacks: the changes made (undo takes the newest) and
// the changes undone (redo takes the one undone last). A new change empties
// the second. The journal keeps the newest Limits::entries changes and at
// most Limits::bytes of copies; the newest change is always kept.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/status.h"

namespace kith::undo {

namespace fs = std::filesystem;

struct Limits {
  std::size_t entries = 20;
  std::uint64_t bytes = std::uint64_t{64} << 20;  // 64 MiB of copies
};

// A file as it was at some point: absent, or its size and checksum.
struct FileState {
  bool exists = false;
  std::uint64_t size = 0;
  std::uint64_t sum = 0;  // cache::checksum of the content

  bool operator==(const FileState&) const = default;
};

struct FileChange {
  std::string path;  // relative to the data directory: "contacts/ada.json"
  FileState before;
  FileState after;
};

struct Entry {
  std::uint64_t number = 0;  // the order the changes were made in
  std::string message;       // what the command did: "log: coffee with ada"
  std::string at;            // when, UTC RFC 3339: "2026-12-07T14:03:10Z"
  bool undone = false;
  std::vector<FileChange> files;  // sorted by path
};

// What the files a writer changes held before it first changed each one.
// The Store keeps one while it holds the write lock (Store::note_changed).
class Recorder {
 public:
  // Keeps what `dir`/`relative` holds now, the first time `relative` is named;
  // later calls for the same file keep nothing.
  void keep(const fs::path& dir, const std::string& relative);
  bool empty() const { return before_.empty(); }
  // Set when a file could not be read: the change cannot be undone.
  const std::optional<Error>& error() const { return error_; }

 private:
  friend Status record(const fs::path&, const Recorder&, const std::string&,
                       std::chrono::system_clock::time_point, const Limits&);
  std::map<std::string, std::optional<std::string>> before_;  // nullopt: absent
  std::optional<Error> error_;
};

// Writes the change `recorder` kept as the newest entry of the journal of
// data directory `dir`, the files' "after" states read as they are now.
// Drops the undone entries first (a new change leaves nothing to redo) and
// the oldest entries past `limits` last. A recorder that kept nothing
// writes nothing; one that has an error writes nothing and returns it.
Status record(const fs::path& dir, const Recorder& recorder, const std::string& message,
              std::chrono::system_clock::time_point at, const Limits& limits = {});

// Every complete entry, oldest first. Entries that cannot be read (a crash
// while one was written) are skipped. No journal: none.
Result<std::vector<Entry>> entries(const fs::path& dir);

// What undo_last() or redo_last() did.
struct Outcome {
  Entry entry;                        // the entry undone or redone, as it is now
  std::vector<std::string> restored;  // the files written back
  std::vector<std::string> removed;   // the files deleted (they did not exist)
};

// Puts back the files of the newest change not undone, then marks it
// undone. A data error (and nothing written) when a file changed since, or
// a copy in the journal is damaged; a usage error when there is nothing to
// undo. The caller holds the write lock. Idempotent after a crash: a file
// already put back is left as it is.
Result<Outcome> undo_last(const fs::path& dir);
// Puts back what the last undo replaced, and marks the change done again.
// Errors as undo_last(); a usage error when there is nothing to redo.
Result<Outcome> redo_last(const fs::path& dir);

// Deletes the journal (nothing left to undo or redo).
Status clear(const fs::path& dir);

}  // namespace kith::undo
