#include "core/fsutil.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <random>
#include <thread>
#include <vector>

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/layout.h"

namespace kith::fsutil {
namespace {

std::string describe(const fs::path& p, int err) { return p.string() + ": " + std::strerror(err); }

Error io_failure(const std::string& what, const fs::path& p, int err) {
  std::string hint;
  if (err == ENOSPC || err == EDQUOT) hint = "free some disk space and run the command again";
  if (err == EROFS || err == EACCES || err == EPERM) {
    hint = "the data directory is not writable; reading commands still work";
  }
  return io_error(what + " " + describe(p, err), hint);
}

// Closes a descriptor on scope exit.
class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  int get() const { return fd_; }
  int release() {
    int fd = fd_;
    fd_ = -1;
    return fd;
  }

 private:
  int fd_;
};

Status fsync_dir(const fs::path& dir) {
  Fd fd(::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (fd.get() < 0) return io_failure("cannot open directory", dir, errno);
  if (::fsync(fd.get()) != 0) return io_failure("cannot sync directory", dir, errno);
  return {};
}

Status write_all(int fd, std::string_view data, const fs::path& p) {
  while (!data.empty()) {
    ssize_t n = ::write(fd, data.data(), data.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return io_failure("cannot write", p, errno);
    }
    data.remove_prefix(static_cast<std::size_t>(n));
  }
  return {};
}

}  // namespace

Status ensure_dir(const fs::path& dir) {
  std::error_code ec;
  if (fs::is_directory(dir, ec)) return {};
  if (dir.has_parent_path() && dir.parent_path() != dir) {
    if (auto s = ensure_dir(dir.parent_path()); !s) return s;
  }
  if (::mkdir(dir.c_str(), 0700) != 0) {
    const int err = errno;
    // EEXIST is fine when another process just made it, not when it is a file.
    if (err != EEXIST) return io_failure("cannot create directory", dir, err);
    if (!fs::is_directory(dir, ec)) return io_failure("cannot create directory", dir, ENOTDIR);
  }
  // The new entry lives in the parent: sync it, or a power loss may take the
  // directory, and every file written into it, away.
  return fsync_dir(dir.has_parent_path() ? dir.parent_path() : fs::path("."));
}

Result<std::optional<std::string>> read_file(const fs::path& file) {
  Fd fd(::open(file.c_str(), O_RDONLY | O_CLOEXEC));
  if (fd.get() < 0) {
    if (errno == ENOENT) return std::optional<std::string>();
    return io_failure("cannot read", file, errno);
  }
  std::string content;
  struct stat st {};
  if (::fstat(fd.get(), &st) == 0 && st.st_size > 0) {
    content.reserve(static_cast<std::size_t>(st.st_size));
  }
  char buf[65536];
  for (;;) {
    ssize_t n = ::read(fd.get(), buf, sizeof buf);
    if (n < 0) {
      if (errno == EINTR) continue;
      return io_failure("cannot read", file, errno);
    }
    if (n == 0) break;
    content.append(buf, static_cast<std::size_t>(n));
  }
  return std::optional<std::string>(std::move(content));
}

namespace {

// A new temp file beside `file`, mode 0600, holding `content`, closed but
// not synced; removed again on any failure.
Result<fs::path> write_temp(const fs::path& file, std::string_view content, bool sync) {
  const fs::path dir = file.parent_path();
  std::random_device rd;
  std::string tmp_name;
  int raw = -1;
  for (int attempt = 0; attempt < 16 && raw < 0; ++attempt) {
    char suffix[16];
    std::snprintf(suffix, sizeof suffix, "%06x", rd() & 0xffffffu);
    tmp_name = layout::temp_file_name(file.filename().string(), suffix);
    raw = ::open((dir / tmp_name).c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (raw < 0 && errno != EEXIST) return io_failure("cannot write", file, errno);
  }
  if (raw < 0) return io_failure("cannot create a temp file for", file, EEXIST);
  fs::path tmp = dir / tmp_name;
  Fd fd(raw);
  auto fail = [&](Error e) -> Result<fs::path> {
    ::unlink(tmp.c_str());
    return e;
  };
  if (auto s = write_all(fd.get(), content, file); !s) return fail(s.error());
  if (sync && ::fsync(fd.get()) != 0) return fail(io_failure("cannot sync", file, errno));
  if (::close(fd.release()) != 0) return fail(io_failure("cannot write", file, errno));
  return tmp;
}

}  // namespace

Status write_file_atomic(const fs::path& file, std::string_view content) {
  auto tmp = write_temp(file, content, true);
  if (!tmp) return tmp.error();
  if (::rename(tmp->c_str(), file.c_str()) != 0) {
    const int err = errno;
    ::unlink(tmp->c_str());
    return io_failure("cannot replace", file, err);
  }
  return fsync_dir(file.parent_path());
}

Status write_files_atomic(std::span<const FileContent> files,
                          const std::function<void()>& on_each) {
  if (files.empty()) return {};
  std::vector<fs::path> temps;
  temps.reserve(files.size());
  auto remove_temps = [&](std::size_t from) {
    for (std::size_t i = from; i < temps.size(); ++i) ::unlink(temps[i].c_str());
  };
  for (const auto& [file, content] : files) {
    auto tmp = write_temp(file, content, false);
    if (!tmp) {
      remove_temps(0);
      return tmp.error();
    }
    temps.push_back(std::move(*tmp));
  }
  {
    const fs::path dir = files.front().file.parent_path();
    Fd fd(::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (fd.get() < 0 || ::syncfs(fd.get()) != 0) {
      const int err = errno;
      remove_temps(0);
      return io_failure("cannot sync the files written in", dir, err);
    }
  }
  std::vector<fs::path> dirs;
  for (std::size_t i = 0; i < files.size(); ++i) {
    if (::rename(temps[i].c_str(), files[i].file.c_str()) != 0) {
      const int err = errno;
      remove_temps(i);
      return io_failure("cannot replace", files[i].file, err);
    }
    fs::path dir = files[i].file.parent_path();
    if (std::find(dirs.begin(), dirs.end(), dir) == dirs.end()) dirs.push_back(std::move(dir));
    if (on_each) on_each();
  }
  for (const auto& dir : dirs) {
    if (auto s = fsync_dir(dir); !s) return s;
  }
  return {};
}

Status append_line(const fs::path& file, std::string_view line) {
  Fd fd(::open(file.c_str(), O_WRONLY | O_APPEND | O_CLOEXEC));
  if (fd.get() < 0) {
    // A new file is created whole, by rename: a crash or a full disk never
    // leaves an empty or partial one behind.
    if (errno == ENOENT) return write_file_atomic(file, line);
    return io_failure("cannot open", file, errno);
  }
  struct stat st {};
  if (::fstat(fd.get(), &st) != 0) return io_failure("cannot read", file, errno);
  const off_t before = st.st_size;
  ssize_t n;
  do {
    n = ::write(fd.get(), line.data(), line.size());
  } while (n < 0 && errno == EINTR);
  if (n != static_cast<ssize_t>(line.size())) {
    // A short write returns how much fitted; the rest failed (ENOSPC).
    const int err = n < 0 ? errno : ENOSPC;
    if (n > 0 && (::ftruncate(fd.get(), before) != 0 || ::fsync(fd.get()) != 0)) {
      return io_failure("cannot undo a partial write to", file, errno);
    }
    return io_failure("cannot append to", file, err);
  }
  if (::fsync(fd.get()) != 0) {
    // The line may not be on disk: take it back and report the failure,
    // never carry on as if a second fsync made the first one good.
    const int err = errno;
    if (::ftruncate(fd.get(), before) == 0) (void)::fsync(fd.get());
    return io_failure("cannot sync", file, err);
  }
  return {};
}

Status truncate_file(const fs::path& file, std::uint64_t size) {
  Fd fd(::open(file.c_str(), O_WRONLY | O_CLOEXEC));
  if (fd.get() < 0) return io_failure("cannot open", file, errno);
  if (::ftruncate(fd.get(), static_cast<off_t>(size)) != 0) {
    return io_failure("cannot truncate", file, errno);
  }
  if (::fsync(fd.get()) != 0) return io_failure("cannot sync", file, errno);
  return {};
}

Status remove_file(const fs::path& file) {
  if (::unlink(file.c_str()) != 0) {
    if (errno == ENOENT) return {};
    return io_failure("cannot remove", file, errno);
  }
  return fsync_dir(file.parent_path());
}

Status remove_files(std::span<const fs::path> files) {
  std::vector<fs::path> dirs;
  for (const auto& file : files) {
    if (::unlink(file.c_str()) != 0) {
      if (errno == ENOENT) continue;
      return io_failure("cannot remove", file, errno);
    }
    if (std::find(dirs.begin(), dirs.end(), file.parent_path()) == dirs.end()) {
      dirs.push_back(file.parent_path());
    }
  }
  for (const auto& dir : dirs) {
    if (auto s = fsync_dir(dir); !s) return s;
  }
  return {};
}

Result<FileLock> FileLock::acquire(const fs::path& lock_file, std::chrono::milliseconds timeout,
                                   std::chrono::milliseconds slow_after,
                                   const std::function<void()>& on_slow) {
  Fd fd(::open(lock_file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600));
  if (fd.get() < 0) return io_failure("cannot open the lock", lock_file, errno);
  const auto start = std::chrono::steady_clock::now();
  bool told = false;
  for (;;) {
    if (::flock(fd.get(), LOCK_EX | LOCK_NB) == 0) return FileLock(fd.release());
    if (errno != EWOULDBLOCK && errno != EINTR) {
      return io_failure("cannot lock", lock_file, errno);
    }
    const auto waited = std::chrono::steady_clock::now() - start;
    if (waited >= timeout) {
      char seconds[32];
      std::snprintf(seconds, sizeof seconds, "%g", static_cast<double>(timeout.count()) / 1000.0);
      return Error{ErrorKind::lock,
                   "another kith is still writing: could not lock " + lock_file.string() +
                       " within " + seconds + " s",
                   "run the command again when the other kith has finished "
                   "(KITH_LOCK_TIMEOUT sets how many seconds to wait)"};
    }
    if (!told && waited >= slow_after && on_slow) {
      on_slow();
      told = true;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
}

FileLock::FileLock(FileLock&& other) noexcept : fd_(other.fd_) { other.fd_ = -1; }

FileLock& FileLock::operator=(FileLock&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = other.fd_;
    other.fd_ = -1;
  }
  return *this;
}

FileLock::~FileLock() {
  if (fd_ >= 0) ::close(fd_);  // closing releases the flock
}

Status make_private(const fs::path& dir) {
  std::error_code ec;
  if (::chmod(dir.c_str(), 0700) != 0 && errno != ENOENT) {
    return io_error("cannot make " + dir.string() + " private: " + std::strerror(errno),
                    "chmod -R go-rwx " + dir.string());
  }
  for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->path().filename() == ".git" && it.depth() == 0) {
      it.disable_recursion_pending();
      continue;
    }
    struct stat st {};
    if (::lstat(it->path().c_str(), &st) != 0) continue;  // gone since it was listed
    mode_t want = 0;
    if (S_ISREG(st.st_mode)) {
      want = st.st_mode & 0700;
    } else if (S_ISDIR(st.st_mode)) {
      want = 0700;
    } else {
      continue;  // symlinks and the like are not kith's
    }
    if ((st.st_mode & 07777) == want) continue;
    if (::chmod(it->path().c_str(), want) != 0) {
      return io_error("cannot make " + it->path().string() + " private: " + std::strerror(errno),
                      "chmod -R go-rwx " + dir.string());
    }
  }
  if (ec) return io_error("cannot read " + dir.string() + ": " + ec.message());
  return {};
}

}  // namespace kith::fsutil
