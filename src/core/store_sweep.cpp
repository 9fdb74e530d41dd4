// The write lock, and the sweep of temp files a killed writer left, which
// lock_for_write does under it; the record of when contacts/ was last found
// clean (store_files.h) lets most writers skip listing contacts/.
#include <cstdio>
#include <string_view>
#include <system_error>

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/cache.h"
#include "core/layout.h"
#include "core/store.h"
#include "core/store_files.h"

namespace kith {
namespace store_files {
namespace {

std::string encode_stamp(const cache::FileStamp& s) {
  char text[128];
  std::snprintf(text, sizeof text, "kith-swept 1 %llu %llu %llu %lld %lld\n",
                static_cast<unsigned long long>(s.size), static_cast<unsigned long long>(s.inode),
                static_cast<unsigned long long>(s.device), static_cast<long long>(s.mtime_ns),
                static_cast<long long>(s.ctime_ns));
  return text;
}

}  // namespace

cache::FileStamp swept_stamp(const fs::path& swept) {
  auto text = fsutil::read_file(swept);
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

void note_swept(const fs::path& swept, const cache::FileStamp& stamp) {
  if (!(swept_stamp(swept) == stamp)) cache::write_cache_file(swept, encode_stamp(stamp));
}

}  // namespace store_files

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
  for (const std::string_view sub : {std::string_view(), layout::kContactsDir, layout::kLogDir}) {
    const bool contacts = sub == layout::kContactsDir;
    const int fd = ::open((dir_ / sub).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (contacts && fd >= 0 && !swept.empty()) {
      struct stat st {};
      if (::fstat(fd, &st) == 0 && store_files::swept_stamp(swept) == cache::stamp_of(st)) {
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
      if (e->d_name[0] == '.' && layout::is_temp_name(e->d_name)) {
        ::unlinkat(::dirfd(d), e->d_name, 0);
      }
    }
    if (contacts && !swept.empty()) {
      // Clean now. Any entry made later changes the directory's mtime and
      // ctime, which a settled stamp proves (as for the read cache).
      struct stat st {};
      if (::fstat(::dirfd(d), &st) == 0 && cache::is_settled(cache::stamp_of(st), cache_.now)) {
        store_files::note_swept(swept, cache::stamp_of(st));
      }
    }
    ::closedir(d);
  }
  // A new change starts here. The kith.json made now, with the default
  // settings, is committed with it but is not the change: undo leaves it.
  changed_.clear();
  recorder_.reset();
  std::error_code ec;
  if (!fs::exists(dir_ / layout::kConfigFile, ec)) {
    if (auto s = save_config(*config); !s) return s.error();
  }
  if (options.journal) recorder_ = std::make_shared<undo::Recorder>();
  return lock;
}

Result<fsutil::FileLock> Store::lock_only(const LockOptions& options) const {
  return fsutil::FileLock::acquire(dir_ / layout::kLockFile, options.timeout, options.slow_after,
                                   options.on_slow);
}

}  // namespace kith
