// Crash safety: every writing command killed with SIGKILL, first just before
// each file-system call it makes once it holds the lock (strace injects the
// signal), then at random moments. Afterwards every file parses, `list` and
// `due` work, the files hold the state before or after the command (for a
// command that changes several files — rm --purge, import — each file does,
// and running it again finishes the job), every command that exited 0 is
// wholly present, and the next writer removes the temp files a kill left.
#include <algorithm>
#include <chrono>
#include <random>
#include <set>
#include <sstream>

#include "e2e/reliability.h"

namespace kith::test::reliability_crash_test {
namespace {

// The calls that can change what is on disk (or take the lock). Files change
// only at these calls, so a kill just before each of them, plus a run that
// completes, reaches every state a crash can leave.
const std::set<std::string> kKillPoints = {
    "openat", "write",    "fsync",     "fdatasync", "rename",  "renameat", "renameat2",
    "unlink", "unlinkat", "ftruncate", "mkdir",     "mkdirat", "flock",    "syncfs"};

// An openat that may create or change a file; opening to read changes nothing.
bool opens_to_write(const std::string& line) {
  return line.find("O_CREAT") != std::string::npos || line.find("O_WRONLY") != std::string::npos ||
         line.find("O_RDWR") != std::string::npos;
}

struct KillPoint {
  std::string syscall;
  int invocation = 0;  // strace counts each syscall separately, from 1
  std::string line;    // as traced, for the failure message
};

// Every call of kKillPoints made from the moment the lock is held, as the
// (syscall, invocation) pairs strace's inject=…:when=N understands.
std::vector<KillPoint> kill_points(const std::string& trace) {
  std::vector<KillPoint> points;
  std::map<std::string, int> seen;
  bool locked = false;
  std::istringstream in(trace);
  std::string line;
  while (std::getline(in, line)) {
    const auto paren = line.find('(');
    if (paren == std::string::npos || line.starts_with("+++") || line.starts_with("---")) continue;
    const std::string name = line.substr(0, paren);
    if (!kKillPoints.contains(name)) continue;
    const int n = ++seen[name];
    if (name == "flock") locked = true;
    if (name == "openat" && !opens_to_write(line)) continue;
    if (locked) points.push_back({name, n, line});
  }
  return points;
}

std::string trace_set() {
  std::string set;
  for (const auto& s : kKillPoints) set += (set.empty() ? "" : ",") + s;
  return set;
}

using Files = std::map<std::string, std::string>;

// For a command that changes several files: each file holds what it held
// before the command or what it holds after it (a missing file included).
void expect_each_file_before_or_after(const Files& now, const Files& before, const Files& after,
                                      const std::string& where) {
  std::set<std::string> names;
  for (const auto* files : {&now, &before, &after}) {
    for (const auto& [name, content] : *files) names.insert(name);
  }
  auto content = [](const Files& files, const std::string& name) -> std::optional<std::string> {
    auto it = files.find(name);
    if (it == files.end()) return std::nullopt;
    return it->second;
  };
  for (const auto& name : names) {
    if (name.find(".tmp-") != std::string::npos) continue;  // a leftover, checked below
    const auto n = content(now, name);
    EXPECT_TRUE(n == content(before, name) || n == content(after, name))
        << where << ": " << name << " is neither as before nor as after:\n"
        << n.value_or("(missing)");
  }
}

class CrashTest : public ::testing::TestWithParam<Writer> {
 protected:
  TempDir tmp;
  void SetUp() override { KITH_REQUIRE_STRACE(); }
  Kith at(const fs::path& data) const {
    Kith kith{data};
    kith.today("2026-11-25");
    return kith;
  }
};

TEST_P(CrashTest, KilledBeforeEachFileCallLeavesTheBeforeOrAfterState) {
  const Writer& w = GetParam();
  const fs::path base = tmp / "base";
  w.setup(at(base), base, 1);
  const auto before = snapshot(base);

  // Where the command touches files, once it holds the lock.
  const fs::path data = tmp / "data";
  copy_tree(base, data);
  const fs::path trace = tmp / "trace";
  auto traced = under_strace(at(data), {"-o", trace.string(), "-e", "trace=" + trace_set()})
                    .run(w.args(data, 0));
  ASSERT_EQ(traced.exit_code, 0) << traced.err;
  ASSERT_TRUE(w.applied(data, 0));
  const auto after = snapshot(data);
  const auto points = kill_points(read_file(trace));
  ASSERT_GT(points.size(), 3u) << read_file(trace);

  int killed = 0;
  std::set<std::map<std::string, std::string>> checked;  // states the readers handled
  for (const auto& p : points) {
    const std::string where = w.name + " killed before " + p.syscall + " #" +
                              std::to_string(p.invocation) + ": " + p.line;
    copy_tree(base, data);
    const Kith kith = at(data);
    auto r = under_strace(kith, {"-o", "/dev/null", "-e", "trace=" + p.syscall, "-e",
                                 "inject=" + p.syscall +
                                     ":signal=KILL:when=" + std::to_string(p.invocation)})
                 .run(w.args(data, 0));
    if (r.exit_code == 0) {
      EXPECT_TRUE(w.applied(data, 0)) << where;
    } else {
      EXPECT_EQ(r.exit_code, 128 + SIGKILL) << where << "\n" << r.err;
      ++killed;
    }
    expect_every_file_parses(data, where);
    if (w.many_files) {
      expect_each_file_before_or_after(snapshot(data), before, after, where);
    } else {
      EXPECT_TRUE(w.applied(data, 0) || snapshot(data) == before)
          << where << ": neither the state before nor the one after";
    }
    if (checked.insert(snapshot(data)).second) expect_readers_work(kith, where);
    if (!temp_files(data).empty()) {
      kith.ok({"add", "After Crash", "--id", "after-crash", "-q"});
      EXPECT_TRUE(temp_files(data).empty()) << where << ": the next writer left temp files";
    }
    if (w.many_files && !w.applied(data, 0) && w.doctor_finishes) {
      // Half done: doctor --fix finishes what the command began, or the
      // command, run again, does.
      kith.ok({"doctor", "--fix"});
    }
    if (w.many_files && !w.applied(data, 0)) {
      // Half done: the same command, run again, finishes the job.
      auto again = kith.run(w.args(data, 0));
      EXPECT_EQ(again.exit_code, 0) << where << ": run again\n" << again.err;
      EXPECT_TRUE(w.applied(data, 0)) << where << ": run again, still not done";
    }
    if (HasFailure()) break;  // one scenario's messages are enough
  }
  EXPECT_GT(killed, 0);
  RecordProperty("kill_points", static_cast<int>(points.size()));
}

TEST_P(CrashTest, KilledAtRandomMomentsLosesNothingThatExitedZero) {
  const Writer& w = GetParam();
  constexpr int kRuns = 16;
  const fs::path data = tmp / "data";
  const Kith kith = at(data);
  w.setup(kith, data, kRuns + 1);

  // How long one run takes here, under timeout as below, to spread the
  // kills over a whole run; some runs outlive their kill time and exit 0.
  const auto start = std::chrono::steady_clock::now();
  EXPECT_EQ(Kith(kith).wrap({"timeout", "-s", "KILL", "60"}).run(w.args(data, kRuns)).exit_code, 0);
  const double run_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

  std::mt19937 random(20261125);  // fixed: a failure replays the same kills
  std::uniform_real_distribution<double> moment(0.0, run_seconds * 1.5);
  std::vector<int> exited_zero;
  int killed = 0;
  for (int k = 0; k < kRuns; ++k) {
    char delay[32];
    std::snprintf(delay, sizeof delay, "%.4f", moment(random));
    const std::string where =
        w.name + " run " + std::to_string(k) + " killed after " + delay + " s";
    auto r = Kith(kith).wrap({"timeout", "-s", "KILL", delay}).run(w.args(data, k));
    if (r.exit_code == 0) {
      exited_zero.push_back(k);
    } else {
      // timeout exits 137 for a kill (124 if it reports the timeout itself).
      EXPECT_TRUE(r.exit_code == 128 + SIGKILL || r.exit_code == 124) << where << "\n" << r.err;
      ++killed;
    }
    expect_every_file_parses(data, where);
    for (int done : exited_zero) {
      EXPECT_TRUE(w.applied(data, done)) << where << ": run " << done << " exited 0 but is lost";
    }
    if (HasFailure()) break;
  }
  expect_readers_work(kith, w.name + " after the kills");
  kith.ok({"add", "After Crash", "--id", "after-crash", "-q"});
  EXPECT_TRUE(temp_files(data).empty());
  expect_every_file_parses(data, w.name + " after the next writer");
  RecordProperty("killed", killed);
  RecordProperty("exited_zero", static_cast<int>(exited_zero.size()));
}

INSTANTIATE_TEST_SUITE_P(Writers, CrashTest, ::testing::ValuesIn(writers()), writer_name);

// Commands cut short that something other than a plain rerun finishes.
class CutShortTest : public ::testing::Test {
 protected:
  TempDir tmp;
  void SetUp() override { KITH_REQUIRE_STRACE(); }
  Kith at(const fs::path& data) const {
    Kith kith{data};
    kith.today("2026-11-25");
    return kith;
  }
};

// `kith merge` cut short is finished by `kith doctor --fix` as well as by the
// same merge run again: after a kill before any file call, doctor --fix
// leaves either the state before the merge or the state after it.
TEST_F(CutShortTest, DoctorFixCompletesAMergeKilledBeforeAnyFileCall) {
  const auto w = std::find_if(writers().begin(), writers().end(),
                              [](const Writer& x) { return x.name == "merge"; });
  ASSERT_NE(w, writers().end());
  const fs::path base = tmp / "base";
  Kith setup{base};
  setup.today("2026-11-25");
  w->setup(setup, base, 1);
  const auto before = snapshot(base);

  const fs::path data = tmp / "data";
  copy_tree(base, data);
  const fs::path trace = tmp / "trace";
  Kith kith{data};
  kith.today("2026-11-25");
  auto traced = under_strace(kith, {"-o", trace.string(), "-e", "trace=" + trace_set()})
                    .run(w->args(data, 0));
  ASSERT_EQ(traced.exit_code, 0) << traced.err;
  const auto after = snapshot(data);
  const auto points = kill_points(read_file(trace));
  ASSERT_GT(points.size(), 3u);

  int completed_by_doctor = 0;
  for (const auto& p : points) {
    const std::string where =
        "merge killed before " + p.syscall + " #" + std::to_string(p.invocation) + ": " + p.line;
    copy_tree(base, data);
    auto r = under_strace(kith, {"-o", "/dev/null", "-e", "trace=" + p.syscall, "-e",
                                 "inject=" + p.syscall +
                                     ":signal=KILL:when=" + std::to_string(p.invocation)})
                 .run(w->args(data, 0));
    const bool done_before_doctor = w->applied(data, 0);
    auto fixed = kith.run({"doctor", "--fix"});
    EXPECT_EQ(fixed.exit_code, 0) << where << "\n" << fixed.out << fixed.err;
    const auto now = snapshot(data);
    EXPECT_TRUE(now == before || now == after) << where << ": doctor --fix left neither state\n"
                                               << fixed.out;
    if (now == after && !done_before_doctor && r.exit_code != 0) ++completed_by_doctor;
    const std::string report = kith.ok({"doctor"}).out;
    EXPECT_EQ(report.find("merged into"), std::string::npos) << where << "\n" << report;
    if (HasFailure()) break;
  }
  // Some kills fell between the first write and the last, and doctor
  // finished those merges.
  EXPECT_GT(completed_by_doctor, 0);
  RecordProperty("completed_by_doctor", completed_by_doctor);
}

// `kith undo` cut short: each file is as the change left it or as it was
// before; `kith undo` run again finishes the job (unless the killed run had
// finished it), and `--redo` then makes the change again whole.
TEST_F(CutShortTest, UndoKilledBeforeEachFileCallFinishesWhenRunAgain) {
  const auto w = std::find_if(writers().begin(), writers().end(),
                              [](const Writer& x) { return x.name == "rm_purge"; });
  ASSERT_NE(w, writers().end());
  // A purge: the contact's file and two month files, put back by the undo.
  const fs::path base = tmp / "base";
  w->setup(at(base), base, 1);
  const auto before = snapshot(base);
  at(base).ok(w->args(base, 0));
  const auto purged = snapshot(base);

  const fs::path data = tmp / "data";
  copy_tree(base, data);
  const fs::path trace = tmp / "trace";
  auto traced =
      under_strace(at(data), {"-o", trace.string(), "-e", "trace=" + trace_set()}).run({"undo"});
  ASSERT_EQ(traced.exit_code, 0) << traced.err;
  ASSERT_EQ(snapshot(data), before);
  const auto points = kill_points(read_file(trace));
  ASSERT_GT(points.size(), 3u) << read_file(trace);

  int finished_by_rerun = 0;
  for (const auto& p : points) {
    const std::string where =
        "undo killed before " + p.syscall + " #" + std::to_string(p.invocation) + ": " + p.line;
    copy_tree(base, data);
    const Kith kith = at(data);
    auto r = under_strace(kith, {"-o", "/dev/null", "-e", "trace=" + p.syscall, "-e",
                                 "inject=" + p.syscall +
                                     ":signal=KILL:when=" + std::to_string(p.invocation)})
                 .run({"undo"});
    expect_every_file_parses(data, where);
    expect_each_file_before_or_after(snapshot(data), purged, before, where);
    const Json newest = kith.ok({"undo", "--list", "--json"}).json()[0];
    ASSERT_EQ(newest["message"], "rm --purge: person-0") << where;
    if (newest["undone"] != true) {
      auto again = kith.run({"undo"});
      EXPECT_EQ(again.exit_code, 0) << where << ": undo run again\n" << again.err;
      if (r.exit_code != 0) ++finished_by_rerun;
    }
    EXPECT_EQ(snapshot(data), before) << where;
    kith.ok({"undo", "--redo", "-q"});
    EXPECT_EQ(snapshot(data), purged) << where << ": redo after the undo";
    if (HasFailure()) break;
  }
  EXPECT_GT(finished_by_rerun, 0);
  RecordProperty("finished_by_rerun", finished_by_rerun);
}

}  // namespace
}  // namespace kith::test::reliability_crash_test
