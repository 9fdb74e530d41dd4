// The read cache's files: their frame (magic, version, data directory,
// checksum), the stamps of the files they summarise, where they live, and
// how they are mapped and written. What they hold is encoded in
// cache_contacts.cpp (contacts/) and cache_log.cpp (the log).
#include "core/cache.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <random>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/cache_codec.h"
#include "core/fsutil.h"
#include "core/layout.h"

namespace kith::cache {
namespace {

using codec::Kind;
using codec::Reader;
using codec::Writer;

// Bump when the encoding of anything in a cache file changes (here, in
// cache_contacts.cpp or in cache_log.cpp).
constexpr std::uint32_t kCacheVersion = 8;
constexpr std::string_view kMagic = "kith-cache\n";

std::uint64_t fnv1a(std::string_view bytes, std::uint64_t h = 0xcbf29ce484222325ULL) {
  for (unsigned char ch : bytes) {
    h ^= ch;
    h *= 0x100000001b3ULL;
  }
  return h;
}

// A checksum of a whole cache file (and of the first bytes of a month file):
// Fletcher-style sums over 8-byte words, in four lanes, then mixed with
// FNV-1a. The first sums change with any changed bit, the second (the sums of
// the first) with any word moved. Fast enough for megabytes on every run (a
// few adds per word); it only has to notice damage, not resist an attacker.
std::uint64_t checksum64(std::string_view bytes) {
  std::uint64_t sum[4] = {0x9e3779b97f4a7c15ULL, 0xbf58476d1ce4e5b9ULL, 0x94d049bb133111ebULL,
                          0x2545f4914f6cdd1dULL};
  std::uint64_t sum_of_sums[4] = {0, 0, 0, 0};
  std::size_t i = 0;
  for (; i + 32 <= bytes.size(); i += 32) {
    for (std::size_t k = 0; k < 4; ++k) {
      std::uint64_t word;
      std::memcpy(&word, bytes.data() + i + 8 * k, 8);
      sum[k] += word;
      sum_of_sums[k] += sum[k];
    }
  }
  std::uint64_t h = 0xcbf29ce484222325ULL ^ bytes.size();
  for (std::size_t k = 0; k < 4; ++k) {
    h = (h ^ sum[k]) * 0x100000001b3ULL;
    h ^= h >> 29;
    h = (h ^ sum_of_sums[k]) * 0x100000001b3ULL;
    h ^= h >> 29;
  }
  return fnv1a(bytes.substr(i), h);
}

std::int64_t ns_of(const struct timespec& ts) {
  return static_cast<std::int64_t>(ts.tv_sec) * 1000000000LL + ts.tv_nsec;
}

}  // namespace

namespace codec {

void write_header(Writer& w, Kind kind, const fs::path& data_dir) {
  w.raw(kMagic.data(), kMagic.size());
  w.u32(kCacheVersion);
  w.u8(static_cast<std::uint8_t>(kind));
  w.str(data_dir.string());
}

std::string finish_file(Writer& w) {
  const std::uint64_t sum = checksum64(w.out());
  w.u64(sum);
  return std::move(w.out());
}

std::optional<std::string_view> body_of(std::string_view bytes, Kind kind,
                                        const fs::path& data_dir) {
  if (bytes.size() < kMagic.size() + 8 || !bytes.starts_with(kMagic)) return std::nullopt;
  std::uint64_t sum = 0;
  std::memcpy(&sum, bytes.data() + bytes.size() - 8, 8);
  const std::string_view content = bytes.substr(0, bytes.size() - 8);
  if (checksum64(content) != sum) return std::nullopt;
  Reader r(content.substr(kMagic.size()));
  if (r.u32() != kCacheVersion || r.u8() != static_cast<std::uint8_t>(kind)) return std::nullopt;
  if (r.str() != data_dir.string() || !r.ok()) return std::nullopt;
  const std::size_t header = kMagic.size() + 4 + 1 + 4 + data_dir.string().size();
  return content.substr(header);
}

}  // namespace codec

FileStamp stamp_of(const struct stat& st) {
  FileStamp s;
  s.size = static_cast<std::uint64_t>(st.st_size);
  s.inode = static_cast<std::uint64_t>(st.st_ino);
  s.device = static_cast<std::uint64_t>(st.st_dev);
  s.mtime_ns = ns_of(st.st_mtim);
  s.ctime_ns = ns_of(st.st_ctim);
  return s;
}

bool is_settled(const FileStamp& stamp, std::chrono::system_clock::time_point now) {
  const std::int64_t limit =
      std::chrono::duration_cast<std::chrono::nanoseconds>(now.time_since_epoch() - kRacyWindow)
          .count();
  return stamp.mtime_ns < limit && stamp.ctime_ns < limit;
}

fs::path dir_for(const fs::path& cache_root, const fs::path& data_dir) {
  char name[32];
  std::snprintf(name, sizeof name, "%016llx",
                static_cast<unsigned long long>(fnv1a(data_dir.string())));
  return cache_root / name;
}

std::uint64_t hash_id(std::string_view id) { return fnv1a(id); }

std::uint64_t checksum(std::string_view bytes) { return checksum64(bytes); }

Bytes::Bytes(std::string owned) {
  auto holder = std::make_shared<const std::string>(std::move(owned));
  size_ = holder->size();
  data_ = std::shared_ptr<const char>(holder, holder->data());
}

std::optional<Bytes> Bytes::map(const fs::path& file) {
  const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return std::nullopt;
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    return std::nullopt;
  }
  Bytes bytes;
  bytes.size_ = static_cast<std::size_t>(st.st_size);
  if (bytes.size_ == 0) {
    ::close(fd);
    return bytes;
  }
  void* p = ::mmap(nullptr, bytes.size_, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
  ::close(fd);
  if (p == MAP_FAILED) return std::nullopt;
  const std::size_t size = bytes.size_;
  bytes.data_ = std::shared_ptr<const char>(
      static_cast<const char*>(p), [size](const char* q) { ::munmap(const_cast<char*>(q), size); });
  return bytes;
}

bool write_cache_file(const fs::path& file, std::string_view bytes) {
  const fs::path dir = file.parent_path();
  if (!fsutil::ensure_dir(dir)) return false;
  std::random_device rd;
  char suffix[16];
  std::snprintf(suffix, sizeof suffix, "%06x", rd() & 0xffffffu);
  const fs::path tmp = dir / layout::temp_file_name(file.filename().string(), suffix);
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) return false;
  bool ok = true;
  std::string_view rest = bytes;
  while (ok && !rest.empty()) {
    const ssize_t n = ::write(fd, rest.data(), rest.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      ok = false;
    } else {
      rest.remove_prefix(static_cast<std::size_t>(n));
    }
  }
  if (::close(fd) != 0) ok = false;
  if (ok && ::rename(tmp.c_str(), file.c_str()) != 0) ok = false;
  if (!ok) ::unlink(tmp.c_str());
  return ok;
}

}  // namespace kith::cache
