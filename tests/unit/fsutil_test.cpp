#include "core/fsutil.h"

#include <algorithm>
#include <csignal>
#include <functional>
#include <string>
#include <vector>

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/file.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "support/testutil.h"

namespace kith::fsutil::fsutil_test {
namespace {

using test::mode_of;
using test::NoUmask;
using test::read_file;
using test::TempDir;
using test::write_file;

std::vector<std::string> names_in(const fs::path& dir) {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

// Runs `body` in a forked child and returns its exit status (-1 if it did
// not exit normally). The body must not use gtest assertions.
int in_child(const std::function<int()>& body) {
  pid_t pid = ::fork();
  if (pid == 0) ::_exit(body());
  int status = 0;
  ::waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

// ---------------------------------------------------------------- ensure_dir

TEST(EnsureDir, CreatesMissingParentsWithMode0700) {
  TempDir tmp;
  NoUmask no_umask;
  ASSERT_TRUE(ensure_dir(tmp / "a/b/c").ok());
  EXPECT_EQ(mode_of(tmp / "a"), 0700u);
  EXPECT_EQ(mode_of(tmp / "a/b"), 0700u);
  EXPECT_EQ(mode_of(tmp / "a/b/c"), 0700u);
}

TEST(EnsureDir, LeavesAnExistingDirectoryAsItIs) {
  TempDir tmp;
  fs::create_directory(tmp / "d");
  ::chmod((tmp / "d").c_str(), 0755);
  ASSERT_TRUE(ensure_dir(tmp / "d").ok());
  EXPECT_EQ(mode_of(tmp / "d"), 0755u);
}

TEST(EnsureDir, APathThatIsAFileIsAnIoError) {
  TempDir tmp;
  write_file(tmp / "file", "x");
  Status s = ensure_dir(tmp / "file");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().kind, ErrorKind::io);
  EXPECT_TRUE(contains(s.error().message, (tmp / "file").string())) << s.error().message;
  s = ensure_dir(tmp / "file/sub");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(read_file(tmp / "file"), "x");
}

// ----------------------------------------------------------------- read_file

TEST(ReadFile, MissingFileIsNullopt) {
  TempDir tmp;
  auto r = fsutil::read_file(tmp / "nope.json");
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(r->has_value());
}

TEST(ReadFile, ReadsEveryByteOfALargeFile) {
  TempDir tmp;
  std::string content(200000, 'x');
  content[5] = '\0';
  content.back() = '\n';
  write_file(tmp / "big", content);
  auto r = fsutil::read_file(tmp / "big");
  ASSERT_TRUE(r.ok());
  ASSERT_TRUE(r->has_value());
  EXPECT_EQ(**r, content);
}

TEST(ReadFile, EmptyFileIsAnEmptyString) {
  TempDir tmp;
  write_file(tmp / "empty", "");
  auto r = fsutil::read_file(tmp / "empty");
  ASSERT_TRUE(r.ok());
  ASSERT_TRUE(r->has_value());
  EXPECT_EQ(**r, "");
}

TEST(ReadFile, ADirectoryIsAnIoErrorNamingIt) {
  TempDir tmp;
  fs::create_directory(tmp / "dir");
  auto r = fsutil::read_file(tmp / "dir");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, ErrorKind::io);
  EXPECT_TRUE(contains(r.error().message, (tmp / "dir").string())) << r.error().message;
}

// --------------------------------------------------------- write_file_atomic

TEST(WriteFileAtomic, CreatesTheFileWithMode0600AndExactContent) {
  TempDir tmp;
  NoUmask no_umask;
  ASSERT_TRUE(write_file_atomic(tmp / "a.json", "{}\n").ok());
  EXPECT_EQ(read_file(tmp / "a.json"), "{}\n");
  EXPECT_EQ(mode_of(tmp / "a.json"), 0600u);
  EXPECT_EQ(names_in(tmp.path()), std::vector<std::string>{"a.json"});
}

TEST(WriteFileAtomic, ReplacesAnExistingFileAndMakesItPrivate) {
  TempDir tmp;
  NoUmask no_umask;
  write_file(tmp / "a.json", "old content that is longer\n");
  ::chmod((tmp / "a.json").c_str(), 0644);
  ASSERT_TRUE(write_file_atomic(tmp / "a.json", "new\n").ok());
  EXPECT_EQ(read_file(tmp / "a.json"), "new\n");
  EXPECT_EQ(mode_of(tmp / "a.json"), 0600u);
  EXPECT_EQ(names_in(tmp.path()), std::vector<std::string>{"a.json"});
}

TEST(WriteFileAtomic, EmptyContentGivesAnEmptyFile) {
  TempDir tmp;
  ASSERT_TRUE(write_file_atomic(tmp / "a", "").ok());
  EXPECT_EQ(read_file(tmp / "a"), "");
}

TEST(WriteFileAtomic, MissingDirectoryIsAnIoErrorAndCreatesNothing) {
  TempDir tmp;
  Status s = write_file_atomic(tmp / "missing/a.json", "x");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().kind, ErrorKind::io);
  EXPECT_TRUE(contains(s.error().message, (tmp / "missing").string())) << s.error().message;
  EXPECT_TRUE(names_in(tmp.path()).empty());
}

TEST(WriteFileAtomic, FailedRenameRemovesTheTempFileAndKeepsTheTarget) {
  TempDir tmp;
  // A non-empty directory cannot be replaced by a file.
  write_file(tmp / "target/inside", "keep");
  Status s = write_file_atomic(tmp / "target", "x");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().kind, ErrorKind::io);
  EXPECT_TRUE(contains(s.error().message, "cannot replace")) << s.error().message;
  EXPECT_EQ(names_in(tmp.path()), std::vector<std::string>{"target"});
  EXPECT_EQ(read_file(tmp / "target/inside"), "keep");
}

TEST(WriteFileAtomic, FailedWriteLeavesTheOldContentAndNoTempFile) {
  TempDir tmp;
  write_file(tmp / "a.json", "old\n");
  const std::string big(4096, 'n');
  int code = in_child([&] {
    std::signal(SIGXFSZ, SIG_IGN);
    rlimit limit{100, 100};
    if (::setrlimit(RLIMIT_FSIZE, &limit) != 0) return 10;
    Status s = write_file_atomic(tmp / "a.json", big);
    if (s.ok()) return 11;
    if (s.error().kind != ErrorKind::io) return 12;
    return 0;
  });
  EXPECT_EQ(code, 0);
  EXPECT_EQ(read_file(tmp / "a.json"), "old\n");
  EXPECT_EQ(names_in(tmp.path()), std::vector<std::string>{"a.json"});
}

// -------------------------------------------------------- write_files_atomic

TEST(WriteFilesAtomic, WritesEveryFilePrivateWithItsContentAndNoTempFile) {
  TempDir tmp;
  NoUmask no_umask;
  write_file(tmp / "b.json", "old\n");
  const std::vector<FileContent> files = {
      {tmp / "a.json", "a\n"}, {tmp / "b.json", "b\n"}, {tmp / "sub/c.json", "c\n"}};
  fs::create_directory(tmp / "sub");
  int calls = 0;
  ASSERT_TRUE(write_files_atomic(files, [&] { ++calls; }).ok());
  EXPECT_EQ(calls, 3);
  EXPECT_EQ(read_file(tmp / "a.json"), "a\n");
  EXPECT_EQ(read_file(tmp / "b.json"), "b\n");
  EXPECT_EQ(read_file(tmp / "sub/c.json"), "c\n");
  EXPECT_EQ(mode_of(tmp / "b.json"), 0600u);
  EXPECT_EQ(names_in(tmp.path()), (std::vector<std::string>{"a.json", "b.json", "sub"}));
  EXPECT_EQ(names_in(tmp / "sub"), std::vector<std::string>{"c.json"});
  EXPECT_TRUE(write_files_atomic({}).ok());
}

TEST(WriteFilesAtomic, AFileThatCannotBeWrittenChangesNothingAndLeavesNoTempFile) {
  TempDir tmp;
  write_file(tmp / "a.json", "old\n");
  const std::vector<FileContent> files = {{tmp / "a.json", "new\n"},
                                          {tmp / "missing/b.json", "b\n"}};
  Status s = write_files_atomic(files);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().kind, ErrorKind::io);
  EXPECT_TRUE(contains(s.error().message, (tmp / "missing").string())) << s.error().message;
  EXPECT_EQ(read_file(tmp / "a.json"), "old\n");
  EXPECT_EQ(names_in(tmp.path()), std::vector<std::string>{"a.json"});
}

TEST(WriteFilesAtomic, AFailedRenameKeepsTheFilesBeforeItReplacedAndTheRestAsTheyWere) {
  TempDir tmp;
  write_file(tmp / "a.json", "old a\n");
  write_file(tmp / "target/inside", "keep");  // a directory cannot be replaced by a file
  write_file(tmp / "c.json", "old c\n");
  const std::vector<FileContent> files = {
      {tmp / "a.json", "new a\n"}, {tmp / "target", "x"}, {tmp / "c.json", "new c\n"}};
  int calls = 0;
  Status s = write_files_atomic(files, [&] { ++calls; });
  ASSERT_FALSE(s.ok());
  EXPECT_TRUE(contains(s.error().message, "cannot replace")) << s.error().message;
  EXPECT_EQ(calls, 1);
  EXPECT_EQ(read_file(tmp / "a.json"), "new a\n");
  EXPECT_EQ(read_file(tmp / "c.json"), "old c\n");
  EXPECT_EQ(read_file(tmp / "target/inside"), "keep");
  EXPECT_EQ(names_in(tmp.path()), (std::vector<std::string>{"a.json", "c.json", "target"}));
}

// ---------------------------------------------------------------- append_line

TEST(AppendLine, CreatesThePrivateFileAndAppendsWholeLines) {
  TempDir tmp;
  NoUmask no_umask;
  ASSERT_TRUE(append_line(tmp / "log.jsonl", "{\"a\":1}\n").ok());
  ASSERT_TRUE(append_line(tmp / "log.jsonl", "{\"b\":2}\n").ok());
  EXPECT_EQ(read_file(tmp / "log.jsonl"), "{\"a\":1}\n{\"b\":2}\n");
  EXPECT_EQ(mode_of(tmp / "log.jsonl"), 0600u);
}

TEST(AppendLine, MissingDirectoryIsAnIoErrorNamingTheFile) {
  TempDir tmp;
  Status s = append_line(tmp / "log/2026-11.jsonl", "x\n");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().kind, ErrorKind::io);
  EXPECT_TRUE(contains(s.error().message, (tmp / "log/2026-11.jsonl").string()))
      << s.error().message;
  EXPECT_FALSE(fs::exists(tmp / "log"));
}

// The file size limit makes the kernel accept only part of the line: the
// file must be cut back to what it was.
TEST(AppendLine, AShortWriteIsUndoneAndTheFileStaysAsItWas) {
  TempDir tmp;
  const std::string before = "{\"first\":1}\n";
  write_file(tmp / "log.jsonl", before);
  int code = in_child([&] {
    std::signal(SIGXFSZ, SIG_IGN);
    const rlim_t max = before.size() + 5;
    rlimit limit{max, max};
    if (::setrlimit(RLIMIT_FSIZE, &limit) != 0) return 10;
    Status s = append_line(tmp / "log.jsonl", "{\"second\":2222222222}\n");
    if (s.ok()) return 11;
    if (s.error().kind != ErrorKind::io) return 12;
    if (!contains(s.error().message, (tmp / "log.jsonl").string())) return 13;
    return 0;
  });
  EXPECT_EQ(code, 0);
  EXPECT_EQ(read_file(tmp / "log.jsonl"), before);
}

TEST(AppendLine, AFailedWriteToAFullFileLeavesItAsItWas) {
  TempDir tmp;
  const std::string before = "{\"first\":1}\n";
  write_file(tmp / "log.jsonl", before);
  int code = in_child([&] {
    std::signal(SIGXFSZ, SIG_IGN);
    rlimit limit{before.size(), before.size()};
    if (::setrlimit(RLIMIT_FSIZE, &limit) != 0) return 10;
    return append_line(tmp / "log.jsonl", "{\"second\":2}\n").ok() ? 11 : 0;
  });
  EXPECT_EQ(code, 0);
  EXPECT_EQ(read_file(tmp / "log.jsonl"), before);
}

TEST(AppendLine, AFailedFirstAppendLeavesNoFileBehind) {
  TempDir tmp;
  int code = in_child([&] {
    std::signal(SIGXFSZ, SIG_IGN);
    rlimit limit{0, 0};
    if (::setrlimit(RLIMIT_FSIZE, &limit) != 0) return 10;
    return append_line(tmp / "2026-11.jsonl", "{\"a\":1}\n").ok() ? 11 : 0;
  });
  EXPECT_EQ(code, 0);
  EXPECT_TRUE(names_in(tmp.path()).empty());
}

// ------------------------------------------------------------------- FileLock

TEST(FileLock, CreatesThePrivateLockFile) {
  TempDir tmp;
  NoUmask no_umask;
  auto lock = FileLock::acquire(tmp / ".lock", std::chrono::milliseconds(0),
                                std::chrono::milliseconds(0), nullptr);
  ASSERT_TRUE(lock.ok()) << lock.error().message;
  EXPECT_EQ(mode_of(tmp / ".lock"), 0600u);
}

TEST(FileLock, ASecondHolderTimesOutWithALockErrorNamingTheFile) {
  TempDir tmp;
  auto first = FileLock::acquire(tmp / ".lock", std::chrono::milliseconds(0),
                                 std::chrono::milliseconds(0), nullptr);
  ASSERT_TRUE(first.ok());
  int slow_calls = 0;
  auto second = FileLock::acquire(tmp / ".lock", std::chrono::milliseconds(300),
                                  std::chrono::milliseconds(0), [&] { ++slow_calls; });
  ASSERT_FALSE(second.ok());
  EXPECT_EQ(second.error().kind, ErrorKind::lock);
  EXPECT_EQ(exit_code(second.error().kind), 1);
  EXPECT_TRUE(contains(second.error().message, (tmp / ".lock").string())) << second.error().message;
  EXPECT_TRUE(contains(second.error().message, "0.3 s")) << second.error().message;
  EXPECT_FALSE(second.error().hint.empty());
  EXPECT_LE(slow_calls, 1);  // called at most once (the timeout is short for this test)
}

TEST(FileLock, OnSlowIsCalledOnceAndWholeSecondsAreShownInSeconds) {
  TempDir tmp;
  auto first = FileLock::acquire(tmp / ".lock", std::chrono::milliseconds(0),
                                 std::chrono::milliseconds(0), nullptr);
  ASSERT_TRUE(first.ok());
  int slow_calls = 0;
  auto second = FileLock::acquire(tmp / ".lock", std::chrono::milliseconds(1000),
                                  std::chrono::milliseconds(0), [&] { ++slow_calls; });
  ASSERT_FALSE(second.ok());
  EXPECT_EQ(slow_calls, 1);
  EXPECT_TRUE(contains(second.error().message, "within 1 s")) << second.error().message;
}

TEST(FileLock, ZeroTimeoutFailsAtOnceWithoutCallingOnSlow) {
  TempDir tmp;
  auto first = FileLock::acquire(tmp / ".lock", std::chrono::milliseconds(0),
                                 std::chrono::milliseconds(0), nullptr);
  ASSERT_TRUE(first.ok());
  int slow_calls = 0;
  auto second = FileLock::acquire(tmp / ".lock", std::chrono::milliseconds(0),
                                  std::chrono::milliseconds(0), [&] { ++slow_calls; });
  ASSERT_FALSE(second.ok());
  EXPECT_EQ(slow_calls, 0);
}

TEST(FileLock, IsReleasedOnDestructionAndFollowsAMove) {
  TempDir tmp;
  const auto zero = std::chrono::milliseconds(0);
  {
    auto first = FileLock::acquire(tmp / ".lock", zero, zero, nullptr);
    ASSERT_TRUE(first.ok());
    FileLock moved = std::move(*first);
    EXPECT_FALSE(FileLock::acquire(tmp / ".lock", zero, zero, nullptr).ok());
    auto other = FileLock::acquire(tmp / ".other", zero, zero, nullptr);
    ASSERT_TRUE(other.ok());
    moved = std::move(*other);  // releases .lock, now holds .other
    EXPECT_TRUE(FileLock::acquire(tmp / ".lock", zero, zero, nullptr).ok());
    EXPECT_FALSE(FileLock::acquire(tmp / ".other", zero, zero, nullptr).ok());
  }
  EXPECT_TRUE(FileLock::acquire(tmp / ".other", zero, zero, nullptr).ok());
}

TEST(FileLock, AnotherProcessHoldingTheLockBlocksUntilItLetsGo) {
  TempDir tmp;
  int ready[2], release[2];
  ASSERT_EQ(::pipe(ready), 0);
  ASSERT_EQ(::pipe(release), 0);
  pid_t pid = ::fork();
  if (pid == 0) {
    ::close(ready[0]);
    ::close(release[1]);
    auto lock = FileLock::acquire(tmp / ".lock", std::chrono::milliseconds(5000),
                                  std::chrono::milliseconds(5000), nullptr);
    char c = lock.ok() ? 'y' : 'n';
    if (::write(ready[1], &c, 1) != 1) ::_exit(2);
    if (::read(release[0], &c, 1) < 0) ::_exit(3);  // returns when the parent closes its end
    ::_exit(0);
  }
  ::close(ready[1]);
  ::close(release[0]);
  char c = 0;
  ASSERT_EQ(::read(ready[0], &c, 1), 1);
  ASSERT_EQ(c, 'y');

  int slow_calls = 0;
  auto blocked = FileLock::acquire(tmp / ".lock", std::chrono::milliseconds(1000),
                                   std::chrono::milliseconds(0), [&] { ++slow_calls; });
  ASSERT_FALSE(blocked.ok());
  EXPECT_EQ(blocked.error().kind, ErrorKind::lock);
  EXPECT_TRUE(contains(blocked.error().message, (tmp / ".lock").string()));
  EXPECT_EQ(slow_calls, 1);

  ::close(release[1]);  // the child exits, which releases its lock
  int status = 0;
  ::waitpid(pid, &status, 0);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  ::close(ready[0]);
  auto after = FileLock::acquire(tmp / ".lock", std::chrono::milliseconds(5000),
                                 std::chrono::milliseconds(5000), nullptr);
  EXPECT_TRUE(after.ok());
}

TEST(FileLock, MissingDirectoryIsAnIoError) {
  TempDir tmp;
  auto lock = FileLock::acquire(tmp / "missing/.lock", std::chrono::milliseconds(0),
                                std::chrono::milliseconds(0), nullptr);
  ASSERT_FALSE(lock.ok());
  EXPECT_EQ(lock.error().kind, ErrorKind::io);
  EXPECT_TRUE(contains(lock.error().message, (tmp / "missing/.lock").string()));
}

}  // namespace
}  // namespace kith::fsutil::fsutil_test
