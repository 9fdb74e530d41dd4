// Unit tests of core/cache's file stamps: stamp_of keeps every field of a
// stat the cache's contract names (size, inode, device, mtime, ctime), so a
// change to any one of them alone makes the file look changed.
#include <functional>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <sys/stat.h>

#include "core/cache.h"

namespace kith::cache::cache_stamp_test {
namespace {

// A file's stat as a test builds it, every named field set.
struct stat base_stat() {
  struct stat st {};
  st.st_size = 4096;
  st.st_ino = 1234567;
  st.st_dev = 2049;
  st.st_mtim = {1764000000, 123456789};
  st.st_ctim = {1764000100, 987654321};
  st.st_atim = {1764000200, 5};
  st.st_mode = S_IFREG | 0600;
  st.st_nlink = 1;
  return st;
}

TEST(CacheStampOf, EqualStatsGiveEqualStamps) {
  const struct stat a = base_stat();
  const struct stat b = base_stat();
  EXPECT_EQ(stamp_of(a), stamp_of(b));
  EXPECT_EQ(stamp_of(a), stamp_of(a));
}

TEST(CacheStampOf, KeepsEachFieldAsStatGivesIt) {
  const FileStamp s = stamp_of(base_stat());
  EXPECT_EQ(s.size, 4096u);
  EXPECT_EQ(s.inode, 1234567u);
  EXPECT_EQ(s.device, 2049u);
  EXPECT_EQ(s.mtime_ns, 1764000000123456789);
  EXPECT_EQ(s.ctime_ns, 1764000100987654321);
}

TEST(CacheStampOf, AChangeToAnyOneNamedFieldAloneChangesTheStamp) {
  const struct {
    const char* field;
    std::function<void(struct stat&)> change;
  } cases[] = {
      // An edit that keeps the times (same tick, or set back by touch -d).
      {"size", [](struct stat& st) { st.st_size += 1; }},
      // Replaced by another file (a rename over it, a git checkout).
      {"inode", [](struct stat& st) { st.st_ino += 1; }},
      // The same inode number on another file system.
      {"device", [](struct stat& st) { st.st_dev += 1; }},
      {"mtime seconds", [](struct stat& st) { st.st_mtim.tv_sec += 1; }},
      {"mtime nanoseconds", [](struct stat& st) { st.st_mtim.tv_nsec += 1; }},
      {"ctime seconds", [](struct stat& st) { st.st_ctim.tv_sec += 1; }},
      {"ctime nanoseconds", [](struct stat& st) { st.st_ctim.tv_nsec += 1; }},
  };
  const FileStamp before = stamp_of(base_stat());
  for (const auto& c : cases) {
    struct stat st = base_stat();
    c.change(st);
    EXPECT_NE(stamp_of(st), before) << c.field << " changed, the stamp did not";
  }
}

TEST(CacheStampOf, ReadingTheFileLeavesTheStampAsItWas) {
  // A read changes the access time only; a cached file stays trusted.
  struct stat st = base_stat();
  st.st_atim.tv_sec += 3600;
  EXPECT_EQ(stamp_of(st), stamp_of(base_stat()));
}

}  // namespace
}  // namespace kith::cache::cache_stamp_test
