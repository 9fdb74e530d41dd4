// A full disk (a tiny tmpfs, filled up) and a read-only data directory (a
// read-only bind mount), in a private mount namespace. Both need root; they
// skip otherwise (CI runs as root).
#include <fstream>

#include <fcntl.h>
#include <sys/stat.h>

#include "e2e/reliability.h"

namespace kith::test::reliability_mount_test {
namespace {

// Fills the file system holding `dir` with a file `dir`/filler, to the last
// byte.
void fill_up(const fs::path& dir) {
  const int fd = ::open((dir / "filler").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  ASSERT_GE(fd, 0);
  const std::string block(4096, 'f');
  while (::write(fd, block.data(), block.size()) > 0) {
  }
  while (::write(fd, "f", 1) > 0) {
  }
  ::close(fd);
}

class DiskFullTest : public ::testing::Test {
 protected:
  TempDir tmp;
  MountNamespace mounts;
  fs::path disk;
  fs::path data;
  void SetUp() override {
    if (auto why = mounts.enter(); !why.empty()) GTEST_SKIP() << why;
    disk = tmp / "disk";
    if (auto why = mounts.mount_tmpfs(disk, "size=512k,mode=0700"); !why.empty()) {
      GTEST_SKIP() << why;
    }
    data = disk / "data";
  }
  Kith kith() const {
    Kith k{data};
    k.today("2026-11-25");
    return k;
  }
};

class DiskFullWriterTest : public DiskFullTest, public ::testing::WithParamInterface<Writer> {};

// Pads the month file with a blank line (which kith skips) so that only a
// few bytes are left in its last page: an append then fits only in part.
void leave_a_few_bytes_in_the_last_page(const fs::path& month) {
  const auto size = fs::file_size(month);
  const auto room = 4096 - size % 4096;
  const auto pad = room > 12 ? room - 12 : room + 4096 - 12;
  std::ofstream(month, std::ios::app) << std::string(pad - 1, ' ') << "\n";
  ASSERT_EQ(4096 - fs::file_size(month) % 4096, 12u);
}

TEST_P(DiskFullWriterTest, FailsWithExitOneAndLeavesEveryFileByteIdentical) {
  const Writer& w = GetParam();
  const Kith k = kith();
  w.setup(k, data, 2);
  k.ok({"log", "ada", "--note", std::string(1500, 'h'), "-q"});
  leave_a_few_bytes_in_the_last_page(data / "log/2026-11.jsonl");
  fill_up(disk);
  const auto before = snapshot(data);

  auto r = k.run(w.args(data, 0));
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find("kith: error: "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("No space left on device"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("kith: hint: free some disk space"), std::string::npos) << r.err;
  EXPECT_TRUE(r.out.empty()) << r.out;
  EXPECT_EQ(snapshot(data), before) << "a failed command changes nothing";
  EXPECT_TRUE(temp_files(data).empty());
  expect_every_file_parses(data);
  expect_readers_work(k);

  // With room again, the same command works.
  fs::remove(disk / "filler");
  k.ok(w.args(data, 0));
  EXPECT_TRUE(w.applied(data, 0));
}

INSTANTIATE_TEST_SUITE_P(Writers, DiskFullWriterTest, ::testing::ValuesIn(writers()), writer_name);

TEST_F(DiskFullTest, AShortAppendIsTruncatedBack) {
  const Kith k = kith();
  add_base_contacts(k);
  k.ok({"log", "ada", "--note", "short", "-q"});
  const fs::path month = data / "log/2026-11.jsonl";
  ASSERT_NE(fs::file_size(month) % 4096, 0u) << "the append must start inside a page";
  fill_up(disk);
  const std::string before = read_file(month);
  // Longer than what is left of the file's last page: the kernel writes the
  // part that fits and reports a short write.
  auto r = k.run({"log", "ada", "--note", std::string(6000, 'x')});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find("cannot append to"), std::string::npos) << r.err;
  EXPECT_EQ(read_file(month), before) << "no partial line remains";
}

TEST_F(DiskFullTest, ANewMonthFileIsNotLeftBehindEmpty) {
  const Kith k = kith();
  add_base_contacts(k);
  fill_up(disk);
  auto r = k.run({"log", "ada", "--date", "2026-10-01"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_FALSE(fs::exists(data / "log/2026-10.jsonl"));
  EXPECT_TRUE(temp_files(data).empty());
}

TEST_F(DiskFullTest, DoctorStillChecksAFullDisk) {
  const Kith k = kith();
  add_base_contacts(k);
  fill_up(disk);
  auto r = k.ok({"doctor"});
  EXPECT_NE(r.out.find("No problems found."), std::string::npos) << r.out;
}

// --- Read-only ---------------------------------------------------------------

class ReadOnlyTest : public ::testing::Test {
 protected:
  TempDir tmp;
  MountNamespace mounts;
  Kith kith{tmp / "data"};
  void SetUp() override {
    kith.today("2026-11-25");
    if (auto why = mounts.enter(); !why.empty()) GTEST_SKIP() << why;
    add_base_contacts(kith);
    kith.ok({"me", "--name", "Me", "--skill", "math", "-q"});
    kith.ok({"log", "ada", "--give", "--date", "2026-11-10", "--follow-up", "send the paper",
             "--by", "2026-11-20", "-q"});
    kith.ok({"log", "grace", "--ask", "--date", "2026-10-02", "-q"});
    // A torn last line too: reading must still work, and --fix must fail.
    std::ofstream(tmp / "data/log/2026-10.jsonl", std::ios::app) << "{\"id\":\"torn";
    if (auto why = mounts.bind_read_only(tmp / "data"); !why.empty()) GTEST_SKIP() << why;
  }
};

TEST_F(ReadOnlyTest, EveryReadingCommandWorks) {
  const auto before = snapshot(tmp / "data");
  for (const auto& args : std::vector<std::vector<std::string>>{{},
                                                                {"due"},
                                                                {"due", "--json"},
                                                                {"due", "--within", "1y", "--cron"},
                                                                {"list"},
                                                                {"ls", "--all", "--json"},
                                                                {"show", "ada"},
                                                                {"show", "grace", "--json"},
                                                                {"pitch", "grace"},
                                                                {"pitch", "grace", "--json"},
                                                                {"me"},
                                                                {"me", "--json"},
                                                                {"doctor"},
                                                                {"doctor", "--json"},
                                                                {"--help"},
                                                                {"--version"}}) {
    std::string cmd;
    for (const auto& a : args) cmd += " " + a;
    auto r = kith.run(args);
    EXPECT_EQ(r.exit_code, 0) << "kith" << cmd << "\n" << r.err;
    EXPECT_EQ(r.err.find("error"), std::string::npos) << "kith" << cmd << "\n" << r.err;
    if (std::find(args.begin(), args.end(), "--json") != args.end()) {
      EXPECT_TRUE(Json::accept(r.out)) << "kith" << cmd << "\n" << r.out;
    }
  }
  EXPECT_EQ(snapshot(tmp / "data"), before);
}

TEST_F(ReadOnlyTest, DoctorSaysTheDirectoryIsReadOnly) {
  auto r = kith.ok({"doctor"});
  EXPECT_NE(r.out.find("read-only file system"), std::string::npos) << r.out;
}

TEST_F(ReadOnlyTest, DoctorFixFailsWithExitOneAndSaysWhy) {
  const auto before = snapshot(tmp / "data");
  auto r = kith.run({"doctor", "--fix"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find("Read-only file system"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("reading commands still work"), std::string::npos) << r.err;
  EXPECT_EQ(snapshot(tmp / "data"), before);
}

class ReadOnlyWriterTest : public ::testing::TestWithParam<Writer> {
 protected:
  TempDir tmp;
  MountNamespace mounts;
};

TEST_P(ReadOnlyWriterTest, FailsWithExitOneAndSaysWhy) {
  const Writer& w = GetParam();
  if (auto why = mounts.enter(); !why.empty()) GTEST_SKIP() << why;
  const fs::path data = tmp / "data";
  Kith kith{data};
  kith.today("2026-11-25");
  w.setup(kith, data, 1);
  if (auto why = mounts.bind_read_only(data); !why.empty()) GTEST_SKIP() << why;
  const auto before = snapshot(data);
  auto r = kith.run(w.args(data, 0));
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find("kith: error: "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("Read-only file system"), std::string::npos) << r.err;
  EXPECT_NE(
      r.err.find("kith: hint: the data directory is not writable; reading commands still work"),
      std::string::npos)
      << r.err;
  EXPECT_TRUE(r.out.empty()) << r.out;
  EXPECT_EQ(snapshot(data), before);
  expect_readers_work(kith);
}

INSTANTIATE_TEST_SUITE_P(Writers, ReadOnlyWriterTest, ::testing::ValuesIn(writers()), writer_name);

}  // namespace
}  // namespace kith::test::reliability_mount_test
