// Reading the data directory's files quickly: a directory handle whose
// entries are listed and stat'ed relative to it, a read that also returns
// the stamp of what it read (for the read cache), and the record of when
// contacts/ was last found free of temp files. Internal to the store
// (store*.cpp) and to completion, which checks the cache the same way
// (complete_data.cpp).
#pragma once

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/cache.h"
#include "core/layout.h"
#include "core/parallel.h"
#include "core/status.h"

namespace kith::store_files {

namespace fs = std::filesystem;

// `p` as named in messages: relative to the data directory `dir`.
inline std::string relative_name(const fs::path& dir, const fs::path& p) {
  return p.lexically_relative(dir).string();
}

// A directory opened for reading its entries relative to it.
class DirHandle {
 public:
  explicit DirHandle(const fs::path& dir)
      : fd_(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC)), err_(fd_ < 0 ? errno : 0) {}
  DirHandle(const DirHandle&) = delete;
  DirHandle& operator=(const DirHandle&) = delete;
  ~DirHandle() {
    if (fd_ >= 0) ::close(fd_);
  }
  int fd() const { return fd_; }
  int error() const { return err_; }

  // Names with `suffix`, hidden ones (temp files) skipped, sorted by
  // `order` (by default, as strings). Sets *saw_temp, when given, to whether
  // a writer's temp file was among them.
  using Order = bool (*)(std::string_view, std::string_view);
  Result<std::vector<std::string>> names(const fs::path& dir, std::string_view suffix,
                                         bool* saw_temp = nullptr, Order order = nullptr) const {
    std::vector<std::string> out;
    const int dup = ::dup(fd_);
    DIR* d = dup < 0 ? nullptr : ::fdopendir(dup);
    if (!d) {
      if (dup >= 0) ::close(dup);
      return io_error("cannot read directory " + dir.string() + ": " + std::strerror(errno));
    }
    errno = 0;
    while (const struct dirent* e = ::readdir(d)) {
      std::string_view name(e->d_name);
      if (saw_temp && !name.empty() && name.front() == '.' && layout::is_temp_name(e->d_name)) {
        *saw_temp = true;
      }
      if (name.empty() || name.front() == '.' || name.size() <= suffix.size() ||
          !name.ends_with(suffix)) {
        continue;
      }
      out.emplace_back(name);
    }
    const int err = errno;
    ::closedir(d);
    if (err != 0) {
      return io_error("cannot read directory " + dir.string() + ": " + std::strerror(err));
    }
    if (order) {
      std::sort(out.begin(), out.end(), order);
    } else {
      std::sort(out.begin(), out.end());
    }
    return out;
  }

 private:
  int fd_;
  int err_;
};

// The stamp of each of `names` in the directory `dir_fd` (nullopt for a
// name that cannot be stat'ed, e.g. removed meanwhile). Thousands of files
// are stat'ed by a few threads at once: each stat is a system call, and on
// a network of 10,000 contacts they are most of what a command costs.
inline std::vector<std::optional<cache::FileStamp>> stamps_of(
    int dir_fd, const std::vector<std::string_view>& names) {
  std::vector<std::optional<cache::FileStamp>> out(names.size());
  auto work = [&](std::size_t begin, std::size_t end) {
    std::string name;
    for (std::size_t i = begin; i < end; ++i) {
      name.assign(names[i]);
      struct stat st {};
      if (::fstatat(dir_fd, name.c_str(), &st, 0) == 0) out[i] = cache::stamp_of(st);
    }
  };
  parallel_ranges(names.size(), 2000, 4, work);
  return out;
}

// A file's content and the stamp of what was read; nullopt when missing.
struct StampedText {
  std::string text;
  cache::FileStamp stamp;
};

inline Result<std::optional<StampedText>> read_stamped(int dir_fd, const std::string& name,
                                                       const fs::path& path) {
  const int fd = ::openat(dir_fd, name.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    if (errno == ENOENT) return std::optional<StampedText>();
    return io_error("cannot read " + path.string() + ": " + std::strerror(errno));
  }
  StampedText out;
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    const int err = errno;
    ::close(fd);
    return io_error("cannot read " + path.string() + ": " + std::strerror(err));
  }
  out.stamp = cache::stamp_of(st);
  out.text.resize(static_cast<std::size_t>(st.st_size));
  std::size_t got = 0;
  for (;;) {
    if (got == out.text.size()) out.text.resize(out.text.size() + 4096);
    const ssize_t n = ::read(fd, out.text.data() + got, out.text.size() - got);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      const int err = errno;
      ::close(fd);
      return io_error("cannot read " + path.string() + ": " + std::strerror(err));
    }
    if (n == 0) break;
    got += static_cast<std::size_t>(n);
  }
  ::close(fd);
  out.text.resize(got);
  return std::optional<StampedText>(std::move(out));
}

// The stamp of contacts/ when kith (a writer sweeping it, or a reader
// listing it) last found it free of temp files, kept in the file `swept` of
// the cache directory (losing it costs one more listing). An unreadable or
// damaged record reads as the zero stamp, which no directory has.
cache::FileStamp swept_stamp(const fs::path& swept);
// Records that contacts/ had the settled `stamp` when it was found free of
// temp files (written only when the record says otherwise).
void note_swept(const fs::path& swept, const cache::FileStamp& stamp);

}  // namespace kith::store_files
