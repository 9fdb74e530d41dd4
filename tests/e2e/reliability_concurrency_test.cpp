// Many kith processes at once: writers serialise on the lock and lose
// nothing, readers never fail; a writer waits for a held lock, says so after
// a while, gives up after its timeout, and never writes without the lock.
#include <atomic>
#include <mutex>
#include <set>
#include <thread>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include "e2e/reliability.h"

namespace kith::test::reliability_concurrency_test {
namespace {

class ConcurrencyTest : public ::testing::Test {
 protected:
  TempDir tmp;
  Kith kith{tmp / "data"};
  void SetUp() override {
    kith.today("2026-11-25");
    add_base_contacts(kith);
  }
};

TEST_F(ConcurrencyTest, EightLoggersTwoAddersAndReadersAtOnceLoseNothing) {
  constexpr int kLoggers = 8, kAdders = 2, kReaders = 2, kEach = 5;
  // Ten writers queue for one lock on two cores (slower still under the
  // sanitizers): what is tested here is that nothing is lost, not the timeout.
  kith.env("KITH_LOCK_TIMEOUT", "120");
  std::mutex mutex;
  std::vector<std::string> failures;
  std::vector<std::string> logged_ids, added_ids;
  std::atomic<int> writers_left{kLoggers + kAdders};
  std::atomic<int> reads{0};
  auto failed = [&](const std::string& what, const RunResult& r) {
    std::lock_guard<std::mutex> hold(mutex);
    failures.push_back(what + ": exit " + std::to_string(r.exit_code) + "\n" + r.err);
  };

  std::vector<std::thread> threads;
  for (int t = 0; t < kLoggers; ++t) {
    threads.emplace_back([&, t] {
      for (int k = 0; k < kEach; ++k) {
        const std::string note = "w" + std::to_string(t) + "-" + std::to_string(k);
        auto r = kith.run({"log", t % 2 ? "ada" : "grace", "--note", note, "-q"});
        if (r.exit_code != 0) {
          failed("log " + note, r);
        } else {
          std::lock_guard<std::mutex> hold(mutex);
          logged_ids.push_back(r.out.substr(0, r.out.size() - 1));
        }
      }
      --writers_left;
    });
  }
  for (int t = 0; t < kAdders; ++t) {
    threads.emplace_back([&] {
      // Both adders use the same names: the ids must still come out unique.
      for (int k = 0; k < kEach; ++k) {
        auto r = kith.run({"add", "Same Name " + std::to_string(k), "-q"});
        if (r.exit_code != 0) {
          failed("add", r);
        } else {
          std::lock_guard<std::mutex> hold(mutex);
          added_ids.push_back(r.out.substr(0, r.out.size() - 1));
        }
      }
      --writers_left;
    });
  }
  for (int t = 0; t < kReaders; ++t) {
    threads.emplace_back([&, t] {
      const std::vector<std::vector<std::string>> commands = {{"due", "--json"},
                                                              {"list", "--json"},
                                                              {"show", "ada", "--json"},
                                                              {"pitch", "grace", "--json"}};
      for (int k = t; writers_left > 0 || k < t + 4; ++k) {
        const auto& args = commands[static_cast<std::size_t>(k) % commands.size()];
        auto r = kith.run(args);
        if (r.exit_code != 0 || !Json::accept(r.out)) failed("reader " + args[0], r);
        ++reads;
      }
    });
  }
  for (auto& th : threads) th.join();

  EXPECT_TRUE(failures.empty()) << failures.size() << " failed, first: " << failures.front();
  expect_every_file_parses(tmp / "data");
  // Every log that exited 0 is there once, under the id it printed.
  const auto lines = log_lines(tmp / "data");
  std::set<std::string> ids, notes;
  for (const auto& line : lines) {
    EXPECT_TRUE(ids.insert(line["id"].get<std::string>()).second) << "duplicate id " << line["id"];
    notes.insert(line.value("note", ""));
  }
  EXPECT_EQ(lines.size(), static_cast<std::size_t>(kLoggers * kEach));
  for (const auto& id : logged_ids) EXPECT_TRUE(ids.contains(id)) << id;
  for (int t = 0; t < kLoggers; ++t) {
    for (int k = 0; k < kEach; ++k) {
      EXPECT_TRUE(notes.contains("w" + std::to_string(t) + "-" + std::to_string(k)));
    }
  }
  // Every add that exited 0 has its own file.
  EXPECT_EQ(std::set<std::string>(added_ids.begin(), added_ids.end()).size(),
            static_cast<std::size_t>(kAdders * kEach));
  for (const auto& id : added_ids) {
    EXPECT_TRUE(fs::exists(tmp / "data/contacts" / (id + ".json"))) << id;
  }
  auto list = kith.ok({"list", "--json"}).json();
  EXPECT_EQ(list.size(), static_cast<std::size_t>(2 + kAdders * kEach));
  EXPECT_TRUE(temp_files(tmp / "data").empty());
  kith.ok({"doctor"});
  RecordProperty("reads", reads.load());
}

// Holds kith's write lock, as another kith would.
class HeldLock {
 public:
  explicit HeldLock(const fs::path& file)
      : fd_(::open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600)) {
    EXPECT_GE(fd_, 0);
    EXPECT_EQ(::flock(fd_, LOCK_EX), 0);
  }
  void release() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
  }
  ~HeldLock() { release(); }

 private:
  int fd_;
};

TEST_F(ConcurrencyTest, EveryWriterWaitsForAHeldLockThenGivesUpChangingNothing) {
  // The first writer waits long enough to be told about the wait; the others
  // give up at once: what matters for them is that none writes without it.
  bool first = true;
  for (const auto& w : writers()) {
    const fs::path data = tmp / ("locked-" + w.name);
    Kith k{data};
    k.today("2026-11-25");
    w.setup(k, data, 1);
    const auto before = snapshot(data);
    const std::string lock_file = (data / ".lock").string();
    HeldLock lock(data / ".lock");
    const std::string timeout = first ? "2.2" : "0";
    auto r = Kith(k).env("KITH_LOCK_TIMEOUT", timeout).run(w.args(data, 0));
    EXPECT_EQ(r.exit_code, 1) << w.name << "\n" << r.err;
    EXPECT_NE(r.err.find("kith: error: another kith is still writing: could not lock " + lock_file +
                         " within " + timeout + " s"),
              std::string::npos)
        << r.err;
    if (first) {
      EXPECT_NE(r.err.find("kith: warning: waiting for another kith to finish writing (lock " +
                           lock_file + ")"),
                std::string::npos)
          << r.err;
    }
    EXPECT_TRUE(r.out.empty()) << r.out;
    EXPECT_EQ(snapshot(data), before) << w.name;
    first = false;
  }
}

TEST_F(ConcurrencyTest, ReadersDoNotWaitForTheLock) {
  HeldLock lock(tmp / "data/.lock");
  for (const auto& args : std::vector<std::vector<std::string>>{
           {"due"}, {"list"}, {"show", "ada"}, {"pitch", "ada"}, {"me"}, {"doctor"}}) {
    auto r = Kith(kith).env("KITH_LOCK_TIMEOUT", "0").run(args);
    EXPECT_EQ(r.exit_code, 0) << args[0] << "\n" << r.err;
  }
}

TEST_F(ConcurrencyTest, AWriterWaitsForTheLockThenWrites) {
  HeldLock lock(tmp / "data/.lock");
  std::thread releaser([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(800));
    lock.release();
  });
  auto r = kith.run({"log", "ada", "--note", "after the wait"});
  releaser.join();
  EXPECT_EQ(r.exit_code, 0) << r.err;
  const auto lines = log_lines(tmp / "data");
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0]["note"], "after the wait");
}

TEST_F(ConcurrencyTest, ALockTimeoutOfZeroFailsAtOnceWhenTheLockIsHeld) {
  HeldLock lock(tmp / "data/.lock");
  auto r = Kith(kith).env("KITH_LOCK_TIMEOUT", "0").run({"add", "Nobody"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find("could not lock"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(tmp / "data/contacts/nobody.json"));
}

}  // namespace
}  // namespace kith::test::reliability_concurrency_test
