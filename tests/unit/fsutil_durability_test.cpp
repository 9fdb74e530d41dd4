// Unit tests of core/fsutil: atomic rewrites, appends, truncation, temp-file
// names and the write lock. The failure paths that need a failing system call
// (ENOSPC, EIO, a short write) are driven end to end under strace and on a
// full tmpfs (tests/e2e/reliability_*_test.cpp).
#include <algorithm>

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/fsutil.h"
#include "core/layout.h"
#include "support/testutil.h"

namespace kith::fsutil::fsutil_durability_test {
namespace {

using test::mode_of;

std::vector<std::string> names_in(const fs::path& dir) {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

TEST(WriteFileAtomicDurability, ReplacesTheContentAndLeavesNoTempFile) {
  test::TempDir tmp;
  const fs::path f = tmp / "a.json";
  ASSERT_TRUE(write_file_atomic(f, "one\n").ok());
  ASSERT_TRUE(write_file_atomic(f, "two\n").ok());
  EXPECT_EQ(test::read_file(f), "two\n");
  EXPECT_EQ(mode_of(f), 0600u);
  EXPECT_EQ(names_in(tmp.path()), std::vector<std::string>{"a.json"});
}

TEST(WriteFileAtomicDurability, AMissingDirectoryIsAnIoErrorNamingTheFile) {
  test::TempDir tmp;
  auto s = write_file_atomic(tmp / "none/a.json", "x");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().kind, ErrorKind::io);
  EXPECT_NE(s.error().message.find("none/a.json"), std::string::npos) << s.error().message;
}

TEST(AppendLineDurability, CreatesANewFileWholeAndAppendsToAnExistingOne) {
  test::TempDir tmp;
  const fs::path f = tmp / "2026-11.jsonl";
  ASSERT_TRUE(append_line(f, "{\"a\":1}\n").ok());
  EXPECT_EQ(mode_of(f), 0600u);
  ASSERT_TRUE(append_line(f, "{\"b\":2}\n").ok());
  EXPECT_EQ(test::read_file(f), "{\"a\":1}\n{\"b\":2}\n");
  EXPECT_EQ(names_in(tmp.path()), std::vector<std::string>{"2026-11.jsonl"});
}

TEST(AppendLineDurability, ADirectoryInTheWayIsAnIoError) {
  test::TempDir tmp;
  fs::create_directories(tmp / "x.jsonl");
  auto s = append_line(tmp / "x.jsonl", "line\n");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().kind, ErrorKind::io);
}

TEST(TruncateFile, CutsToTheGivenSize) {
  test::TempDir tmp;
  test::write_file(tmp / "f", "keep\ntorn");
  ASSERT_TRUE(truncate_file(tmp / "f", 5).ok());
  EXPECT_EQ(test::read_file(tmp / "f"), "keep\n");
  EXPECT_FALSE(truncate_file(tmp / "missing", 0).ok());
}

TEST(RemoveFile, RemovesAndAMissingFileIsFine) {
  test::TempDir tmp;
  test::write_file(tmp / "f", "x");
  EXPECT_TRUE(remove_file(tmp / "f").ok());
  EXPECT_FALSE(fs::exists(tmp / "f"));
  EXPECT_TRUE(remove_file(tmp / "f").ok());
}

TEST(IsTempNameDurability, RecognisesOnlyTheNamesWriteFileAtomicUses) {
  const struct {
    const char* name;
    bool temp;
  } cases[] = {
      {".ada.json.tmp-1a2b3c", true},
      {".2026-11.jsonl.tmp-000000", true},
      {".kith.json.tmp-ffffff", true},
      {"ada.json", false},
      {".lock", false},
      {"ada.json.tmp-1a2b3c", false},
      {".gitignore", false},
      {".", false},
  };
  for (const auto& c : cases) EXPECT_EQ(layout::is_temp_name(c.name), c.temp) << c.name;
}

TEST(FileLockDurability, IsExclusiveAndReleasedOnDestruction) {
  test::TempDir tmp;
  const fs::path lock = tmp / ".lock";
  {
    auto held = FileLock::acquire(lock, std::chrono::milliseconds(0), std::chrono::milliseconds(0),
                                  nullptr);
    ASSERT_TRUE(held.ok());
    // Another open file description cannot take it meanwhile.
    const int fd = ::open(lock.c_str(), O_RDWR | O_CLOEXEC);
    EXPECT_NE(::flock(fd, LOCK_EX | LOCK_NB), 0);
    ::close(fd);
  }
  const int fd = ::open(lock.c_str(), O_RDWR | O_CLOEXEC);
  EXPECT_EQ(::flock(fd, LOCK_EX | LOCK_NB), 0);
  ::close(fd);
}

TEST(FileLockDurability, WaitsThenFailsWithALockErrorNamingTheFileAndTellsOnceWhenSlow) {
  test::TempDir tmp;
  const fs::path lock = tmp / ".lock";
  const int fd = ::open(lock.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  ASSERT_EQ(::flock(fd, LOCK_EX), 0);
  int told = 0;
  auto r = FileLock::acquire(lock, std::chrono::milliseconds(300), std::chrono::milliseconds(100),
                             [&] { ++told; });
  ::close(fd);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, ErrorKind::lock);
  EXPECT_NE(r.error().message.find(lock.string() + " within 0.3 s"), std::string::npos)
      << r.error().message;
  EXPECT_EQ(told, 1);
}

TEST(FileLockDurability, AnUncreatableLockFileIsAnIoError) {
  test::TempDir tmp;
  auto r = FileLock::acquire(tmp / "none/.lock", std::chrono::milliseconds(0),
                             std::chrono::milliseconds(0), nullptr);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, ErrorKind::io);
}

}  // namespace
}  // namespace kith::fsutil::fsutil_durability_test
