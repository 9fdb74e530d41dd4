// Durable file operations. Every write kith makes goes through here, so that a
// reader, a crash or a full disk sees each file as it was before or after a
// command, never half-written.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "core/status.h"

namespace kith::fsutil {

namespace fs = std::filesystem;

// Creates `dir` and its missing parents with mode 0700. Existing directories
// are left as they are; a path that exists but is not a directory is an io
// error.
Status ensure_dir(const fs::path& dir);

// The whole content of a file; nullopt when it does not exist. Any other
// failure is an io error naming the file.
Result<std::optional<std::string>> read_file(const fs::path& file);

// Replaces `file` atomically: writes a temp file in the same directory (mode
// 0600, named by layout::temp_file_name), fsyncs it, renames it over `file`, then
// fsyncs the directory. On failure the temp file is removed and `file` is as
// it was, with one exception: when only the final directory fsync fails, the
// new content is in place but may not survive a power loss, and that is
// reported as a failure too.
Status write_file_atomic(const fs::path& file, std::string_view content);

// A file to replace, and its new content.
struct FileContent {
  fs::path file;
  std::string content;
};

// Replaces each of `files` atomically, as write_file_atomic does, with a
// handful of syncs rather than two a file (5,000 contacts of an import):
// writes every temp file, syncs the file system they are on once
// (syncfs(2)), renames each over its file, calling `on_each` after each
// rename, then fsyncs each directory once. Every file is always whole, old or
// new. A failure before the first rename changes nothing (every temp file is
// removed); a failure at a rename leaves the files before it replaced and the
// others as they were; a failure of the final directory syncs leaves every
// file replaced but reports that they may not survive a power loss.
Status write_files_atomic(std::span<const FileContent> files,
                          const std::function<void()>& on_each = {});

// Appends `line` (which must end in '\n') with one write() on the file opened
// with O_APPEND, then fsyncs it. A file that does not exist yet is created
// with write_file_atomic instead, so it appears whole or not at all. On a
// short or failed write, or a failed fsync, the file is truncated back to its
// former size, so no partial line remains, and the failure is reported: a
// failed fsync is never taken as a success.
// The caller holds the write lock.
Status append_line(const fs::path& file, std::string_view line);

// Cuts `file` to its first `size` bytes and fsyncs it (to drop a torn last
// line). The caller holds the write lock.
Status truncate_file(const fs::path& file, std::uint64_t size);

// Removes `file` and fsyncs its directory; a file that is already gone is
// not an error.
Status remove_file(const fs::path& file);
// Removes each of `files`, then fsyncs each of their directories once (not
// once a file, as remove_file would). Stops at the first failure; the files
// removed before it stay removed.
Status remove_files(std::span<const fs::path> files);

// Takes every file and directory under `dir` (but a top-level .git, which
// git manages) out of other users' reach: the group and other bits cleared,
// so a file that came in as 0644 becomes 0600 and a directory 0700.
// Symlinks are left as they are. `dir` itself is made 0700 too.
Status make_private(const fs::path& dir);

// An exclusive flock() on a lock file, released on destruction.
class FileLock {
 public:
  // Waits up to `timeout` for the lock. `on_slow` is called once if the lock
  // is still held by another process after `slow_after`. Fails with a lock
  // error naming the lock file and the timeout (or an io error when it cannot
  // be created).
  static Result<FileLock> acquire(const fs::path& lock_file, std::chrono::milliseconds timeout,
                                  std::chrono::milliseconds slow_after,
                                  const std::function<void()>& on_slow);

  FileLock(FileLock&& other) noexcept;
  FileLock& operator=(FileLock&& other) noexcept;
  FileLock(const FileLock&) = delete;
  FileLock& operator=(const FileLock&) = delete;
  ~FileLock();

 private:
  explicit FileLock(int fd) : fd_(fd) {}
  int fd_ = -1;
};

}  // namespace kith::fsutil
