// Durability order, seen under strace: a rewrite is write(temp) → fsync(temp)
// → rename(temp, file) → fsync(directory); an append is one write() of the
// whole line → fsync; a removal is unlink(file) → fsync(directory). And when
// the system fails a call (strace injects the error), the command reports it
// with exit 1 and leaves the files as they were: a failed fsync is never
// taken for a success.
#include <regex>
#include <sstream>

#include "e2e/reliability.h"

namespace kith::test::reliability_durability_test {
namespace {

struct Call {
  std::string name;  // "write", "fsync", "rename", "unlink"
  std::string path;  // the file the call is about (-y shows descriptors' paths;
                     // unlink's is the path as kith passed it)
  std::string to;    // rename's target
  std::string line;
};

// Parses `strace -y` output: write(4</d/log/2026-11.jsonl>, …), rename("a", "b"),
// unlinkat(AT_FDCWD</cwd>, "a", 0) (named "unlink" whichever the call).
std::vector<Call> parse_trace(const std::string& trace) {
  static const std::regex fd_call(R"(^(\w+)\(\d+<([^>]*)>)");
  static const std::regex mkdir_call(R"re(^mkdir\("([^"]*)")re");
  static const std::regex unlink_call(R"re(^unlink\w*\((?:[^,]*, )?"([^"]*)")re");
  static const std::regex rename_call(
      R"re(^rename\w*\((?:[^,]*, )?"([^"]*)", (?:[^,]*, )?"([^"]*)")re");
  std::vector<Call> calls;
  std::istringstream in(trace);
  std::string line;
  std::smatch m;
  while (std::getline(in, line)) {
    if (std::regex_search(line, m, mkdir_call)) {
      calls.push_back({"mkdir", m[1], "", line});
    } else if (std::regex_search(line, m, unlink_call)) {
      calls.push_back({"unlink", m[1], "", line});
    } else if (std::regex_search(line, m, rename_call)) {
      calls.push_back({"rename", m[1], m[2], line});
    } else if (std::regex_search(line, m, fd_call)) {
      calls.push_back({m[1], m[2], "", line});
    }
  }
  return calls;
}

std::string dump(const std::vector<Call>& calls) {
  std::string s;
  for (const auto& c : calls) s += "  " + c.line + "\n";
  return s;
}

class DurabilityTest : public ::testing::Test {
 protected:
  TempDir tmp;
  fs::path data;
  Kith kith{tmp / "data"};
  void SetUp() override {
    KITH_REQUIRE_STRACE();
    kith.today("2026-11-25");
    // No read cache: whether a run refreshes it depends on the files' age,
    // which would shift the count of calls between the two runs below.
    kith.env("HOME", "\x01unset");
    add_base_contacts(kith);
    kith.ok({"log", "ada", "--note", "first", "-q"});
    data = fs::canonical(tmp / "data");  // strace shows resolved paths
  }
  std::vector<Call> traced(const std::vector<std::string>& args) {
    const fs::path trace = tmp / "trace";
    auto r = under_strace(kith, {"-y", "-o", trace.string(), "-e",
                                 "trace=openat,write,fsync,fdatasync,rename,renameat,renameat2,"
                                 "close,mkdir,?unlink,unlinkat"})
                 .run(args);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return parse_trace(read_file(trace));
  }
  // Index of the first call matching, or -1.
  static int find(const std::vector<Call>& calls, const std::string& name,
                  const std::function<bool(const Call&)>& match, int from = 0) {
    for (int i = from; i < static_cast<int>(calls.size()); ++i) {
      if (calls[static_cast<std::size_t>(i)].name == name &&
          match(calls[static_cast<std::size_t>(i)]))
        return i;
    }
    return -1;
  }
  // temp written, temp synced, renamed over `file`, directory synced.
  void expect_rewrite(const std::vector<Call>& calls, const fs::path& file) {
    const int rename = find(calls, "rename", [&](const Call& c) { return c.to == file.string(); });
    ASSERT_GE(rename, 0) << "no rename to " << file << "\n" << dump(calls);
    const std::string temp = calls[static_cast<std::size_t>(rename)].path;
    EXPECT_TRUE(is_temp_file(temp)) << temp;
    EXPECT_EQ(fs::path(temp).parent_path(), file.parent_path());
    const int write = find(calls, "write", [&](const Call& c) { return c.path == temp; });
    const int sync = find(calls, "fsync", [&](const Call& c) { return c.path == temp; });
    const int dir_sync = find(
        calls, "fsync", [&](const Call& c) { return c.path == file.parent_path().string(); },
        rename);
    EXPECT_GE(write, 0) << dump(calls);
    EXPECT_LT(write, sync) << "the temp file is synced after it is written\n" << dump(calls);
    EXPECT_LT(sync, rename) << "the temp file is synced before the rename\n" << dump(calls);
    EXPECT_GT(dir_sync, rename) << "the directory is synced after the rename\n" << dump(calls);
    EXPECT_EQ(find(calls, "write", [&](const Call& c) { return c.path == file.string(); }), -1)
        << "the file itself is never written in place\n"
        << dump(calls);
  }
  // `file` unlinked, and the very next fsync is of its directory: until then
  // the removal may not survive a power loss.
  void expect_removal(const std::vector<Call>& calls, const fs::path& file) {
    const int unlink =
        find(calls, "unlink", [&](const Call& c) { return fs::weakly_canonical(c.path) == file; });
    ASSERT_GE(unlink, 0) << "no unlink of " << file << "\n" << dump(calls);
    const int sync = find(
        calls, "fsync", [](const Call&) { return true; }, unlink);
    ASSERT_GT(sync, unlink) << "nothing is synced after removing " << file << "\n" << dump(calls);
    EXPECT_EQ(calls[static_cast<std::size_t>(sync)].path, file.parent_path().string())
        << "the directory is synced right after the unlink of " << file << "\n"
        << dump(calls);
    EXPECT_FALSE(fs::exists(file));
  }
};

TEST_F(DurabilityTest, AddWritesTheContactThroughTempFsyncRenameFsyncDir) {
  expect_rewrite(traced({"add", "Alan Turing", "--id", "alan"}), data / "contacts/alan.json");
}

TEST_F(DurabilityTest, NewDirectoriesAreSyncedIntoTheirParents) {
  Kith fresh{tmp / "fresh/data"};
  fresh.today("2026-11-25");
  const fs::path trace = tmp / "trace";
  fs::create_directories(tmp / "fresh");
  auto r = under_strace(fresh, {"-y", "-o", trace.string(), "-e", "trace=mkdir,fsync"})
               .run({"add", "Ada"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto calls = parse_trace(read_file(trace));
  const fs::path root = fs::canonical(tmp / "fresh");
  for (const auto& [made, parent] : std::vector<std::pair<fs::path, fs::path>>{
           {root / "data", root}, {root / "data/contacts", root / "data"}}) {
    const int mkdir = find(calls, "mkdir", [&](const Call& c) { return c.path == made.string(); });
    ASSERT_GE(mkdir, 0) << made << "\n" << dump(calls);
    EXPECT_GT(find(
                  calls, "fsync", [&](const Call& c) { return c.path == parent.string(); }, mkdir),
              mkdir)
        << "after creating " << made << ", its parent is synced\n"
        << dump(calls);
  }
}

TEST_F(DurabilityTest, MeRewritesTheProfileThroughTempFsyncRenameFsyncDir) {
  expect_rewrite(traced({"me", "--skill", "chess"}), data / "me.json");
}

TEST_F(DurabilityTest, DoneRewritesTheMonthThroughTempFsyncRenameFsyncDir) {
  const std::string id = kith.ok({"log", "ada", "--follow-up", "send notes", "-q"}).out;
  expect_rewrite(traced({"done", id.substr(0, id.size() - 1)}), data / "log/2026-11.jsonl");
}

TEST_F(DurabilityTest, LogToANewMonthCreatesItWholeThroughARename) {
  expect_rewrite(traced({"log", "ada", "--date", "2026-10-03"}), data / "log/2026-10.jsonl");
}

TEST_F(DurabilityTest, LogAppendsOneWriteOfTheWholeLineThenFsync) {
  const fs::path month = data / "log/2026-11.jsonl";
  const std::string before = read_file(month);
  auto calls = traced({"log", "ada", "--give", "--note", std::string(5000, 'x')});
  std::vector<int> writes;
  for (int i = 0; i < static_cast<int>(calls.size()); ++i) {
    if (calls[static_cast<std::size_t>(i)].name == "write" &&
        calls[static_cast<std::size_t>(i)].path == month.string()) {
      writes.push_back(i);
    }
  }
  ASSERT_EQ(writes.size(), 1u) << "one write() per line\n" << dump(calls);
  const int sync = find(calls, "fsync", [&](const Call& c) { return c.path == month.string(); });
  EXPECT_GT(sync, writes[0]) << dump(calls);
  // (The read cache under $HOME/.cache may be renamed into place, and the
  // undo journal's entry in .undo/; the records never are.)
  EXPECT_EQ(find(calls, "rename",
                 [&](const Call& c) {
                   return c.path.starts_with(data.string() + "/") &&
                          !c.path.starts_with((data / ".undo").string() + "/");
                 }),
            -1)
      << dump(calls);
  const std::string after = read_file(month);
  ASSERT_GT(after.size(), before.size() + 5000);
  EXPECT_EQ(after.substr(0, before.size()), before);
}

TEST_F(DurabilityTest, RmPurgeUnlinksTheContactThenSyncsContacts) {
  expect_removal(traced({"rm", "grace", "--purge", "--yes"}), data / "contacts/grace.json");
}

TEST_F(DurabilityTest, APurgeThatEmptiesAMonthUnlinksItThenSyncsLog) {
  // October names only Grace: purging her leaves it empty, so it goes.
  write_file(data / "log/2026-10.jsonl", log_line("alone", "2026-10-02", {"grace"}));
  const auto calls = traced({"rm", "grace", "--purge", "--yes"});
  expect_removal(calls, data / "log/2026-10.jsonl");
  expect_removal(calls, data / "contacts/grace.json");
  EXPECT_TRUE(fs::exists(data / "log/2026-11.jsonl"));
}

TEST_F(DurabilityTest, DoctorFixUnlinksTempFilesThenSyncsTheirDirectories) {
  write_file(data / "contacts/.ada.json.tmp-123abc", "{");
  write_file(data / ".kith.json.tmp-0f0f0f", "");
  const auto calls = traced({"doctor", "--fix"});
  expect_removal(calls, data / "contacts/.ada.json.tmp-123abc");
  expect_removal(calls, data / ".kith.json.tmp-0f0f0f");
}

// --- Injected failures ------------------------------------------------------

struct Injected {
  const char* label;
  std::vector<std::string> args;
  std::string call;              // the system call that fails
  std::string target;            // part of the path it is made on, as strace -y shows it
  std::string fault;             // "error=EIO", "retval=7" (a short write)…
  const char* message;           // expected in stderr
  bool file_may_change = false;  // the dir fsync fails after the rename: nothing to undo
};

void PrintTo(const Injected& i, std::ostream* os) { *os << i.label; }

class InjectedFailureTest : public ::testing::TestWithParam<Injected> {
 protected:
  TempDir tmp;
  Kith kith{tmp / "data"};
  void SetUp() override {
    KITH_REQUIRE_STRACE();
    kith.today("2026-11-25");
    // No read cache: whether a run refreshes it depends on the files' age,
    // which would shift the count of calls between the two runs below.
    kith.env("HOME", "\x01unset");
    add_base_contacts(kith);
    kith.ok({"me", "--name", "Me", "-q"});
    kith.ok({"log", "ada", "--note", "first", "-q"});
    write_file(tmp / "data/log/2026-11.jsonl",
               read_file(tmp / "data/log/2026-11.jsonl") +
                   R"({"id":"fu","date":"2026-11-02","contacts":["ada"],"kind":"call",)"
                   R"("intent":"give","logged_at":"2026-11-02T10:00:00Z",)"
                   R"("follow_up":{"text":"send it"}})"
                   "\n");
  }
  // strace counts each call from the start of the process, and a sanitizer
  // runtime makes calls of its own: which invocation of `call` is the first
  // one on `target` is found by a traced run on the same data, put back after.
  int invocation(const Injected& p) {
    const fs::path data = tmp / "data", saved = tmp / "saved", trace = tmp / "trace";
    copy_tree(data, saved);
    auto r = under_strace(kith, {"-y", "-o", trace.string(), "-e", "trace=" + p.call}).run(p.args);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    copy_tree(saved, data);
    std::istringstream in(read_file(trace));
    std::string line;
    int n = 0;
    while (std::getline(in, line)) {
      if (!line.starts_with(p.call + "(")) continue;
      ++n;
      if (line.find(p.target) != std::string::npos) return n;
    }
    ADD_FAILURE() << "no " << p.call << " on " << p.target << " in\n" << read_file(trace);
    return 1;
  }
};

TEST_P(InjectedFailureTest, ReportsExitOneAndLeavesTheFilesAsTheyWere) {
  const auto& p = GetParam();
  const int when = invocation(p);
  const auto before = snapshot(tmp / "data");
  auto r =
      under_strace(kith, {"-o", "/dev/null", "-e", "trace=" + p.call, "-e",
                          "inject=" + p.call + ":" + p.fault + ":when=" + std::to_string(when)})
          .run(p.args);
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find("kith: error: "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(p.message), std::string::npos) << r.err;
  EXPECT_TRUE(r.out.empty()) << r.out;
  if (!p.file_may_change) {
    EXPECT_EQ(snapshot(tmp / "data"), before);
  }
  EXPECT_TRUE(temp_files(tmp / "data").empty());
  expect_every_file_parses(tmp / "data");
  expect_readers_work(kith);
}

INSTANTIATE_TEST_SUITE_P(
    Calls, InjectedFailureTest,
    ::testing::Values(
        Injected{
            "AddTempFsyncFails", {"add", "Alan"}, "fsync", ".tmp-", "error=EIO", "cannot sync"},
        Injected{"AddDirFsyncFails",
                 {"add", "Alan"},
                 "fsync",
                 "/contacts>",
                 "error=EIO",
                 "cannot sync directory",
                 true},
        Injected{"AddWriteFails",
                 {"add", "Alan"},
                 "write",
                 ".tmp-",
                 "error=ENOSPC",
                 "No space left on device"},
        Injected{
            "AddRenameFails", {"add", "Alan"}, "rename", ".tmp-", "error=EIO", "cannot replace"},
        Injected{"MeTempFsyncFails",
                 {"me", "--skill", "x"},
                 "fsync",
                 ".tmp-",
                 "error=EIO",
                 "cannot sync"},
        Injected{
            "LogFsyncFails", {"log", "ada"}, "fsync", "2026-11.jsonl>", "error=EIO", "cannot sync"},
        Injected{"LogWriteFails",
                 {"log", "ada"},
                 "write",
                 "2026-11.jsonl>",
                 "error=ENOSPC",
                 "No space left on device"},
        Injected{"LogShortWrite",
                 {"log", "ada"},
                 "write",
                 "2026-11.jsonl>",
                 "retval=7",
                 "cannot append"},
        Injected{"LogLockFails", {"log", "ada"}, "flock", ".lock>", "error=ENOLCK", "cannot lock"},
        Injected{"NewMonthFsyncFails",
                 {"log", "ada", "--date", "2026-10-02"},
                 "fsync",
                 ".tmp-",
                 "error=EIO",
                 "cannot sync"},
        Injected{
            "DoneRenameFails", {"done", "fu"}, "rename", ".tmp-", "error=EIO", "cannot replace"},
        // After the unlink: the file is gone but its removal may not last.
        Injected{"RmPurgeDirFsyncFails",
                 {"rm", "grace", "--purge", "--yes"},
                 "fsync",
                 "/contacts>",
                 "error=EIO",
                 "cannot sync directory",
                 true},
        Injected{"PurgedMonthDirFsyncFails",
                 {"rm", "ada", "--purge", "--yes"},
                 "fsync",
                 "/log>",
                 "error=EIO",
                 "cannot sync directory",
                 true},
        Injected{"DoneTempWriteFails",
                 {"done", "fu"},
                 "write",
                 ".tmp-",
                 "error=EIO",
                 "Input/output error"}),
    [](const ::testing::TestParamInfo<Injected>& p) { return std::string(p.param.label); });

}  // namespace
}  // namespace kith::test::reliability_durability_test
