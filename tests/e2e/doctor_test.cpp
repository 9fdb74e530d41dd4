// End-to-end: `kith doctor` on a temp data directory: what it finds, what
// --fix repairs (and what it leaves alone), --json, and the exit status.
#include <functional>

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/file.h>
#include <unistd.h>

#include "support/testutil.h"

namespace kith::test::doctor_test {
namespace {

using Json = nlohmann::ordered_json;

class DoctorCommandTest : public ::testing::Test {
 public:
  TempDir tmp;
  Kith kith{tmp / "data"};
  fs::path data = tmp / "data";
  void SetUp() override {
    kith.today("2026-11-25");
    kith.ok({"add", "Ada Lovelace", "--id", "ada", "-q"});
    kith.ok({"add", "Grace Hopper", "--id", "grace", "-q"});
    kith.ok({"log", "ada", "grace", "--give", "-q"});
  }
  std::string line(const std::string& id, const std::string& date, const std::string& contact) {
    return log_line(id, date, {contact});
  }
  void append(const fs::path& file, const std::string& text) {
    write_file(file, (fs::exists(file) ? read_file(file) : "") + text);
  }
};

TEST_F(DoctorCommandTest, AHealthyDirectoryHasNoProblems) {
  auto r = kith.ok({"doctor"});
  EXPECT_NE(r.out.find("2 contacts, 1 interaction in 1 log file"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("No problems found."), std::string::npos) << r.out;
  EXPECT_TRUE(r.err.empty()) << r.err;
}

TEST_F(DoctorCommandTest, AMissingDirectorySaysHowToBeginAndCreatesNothing) {
  Kith fresh{tmp / "nothing"};
  auto r = fresh.ok({"doctor"});
  EXPECT_NE(r.out.find("No data directory yet"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("kith add"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("kith me"), std::string::npos) << r.out;
  r = fresh.ok({"doctor", "--fix", "--json"});
  EXPECT_EQ(r.json()["exists"], false);
  EXPECT_FALSE(fs::exists(tmp / "nothing"));
}

struct Broken {
  const char* label;
  std::function<void(DoctorCommandTest&)> damage;
  int exit_code;
  const char* expected;  // in the human report
};

void PrintTo(const Broken& b, std::ostream* os) { *os << b.label; }

class DoctorFindsTest : public DoctorCommandTest, public ::testing::WithParamInterface<Broken> {};

TEST_P(DoctorFindsTest, ReportsItWithFileAndLine) {
  GetParam().damage(*this);
  auto r = kith.run({"doctor"});
  EXPECT_EQ(r.exit_code, GetParam().exit_code) << r.out << r.err;
  EXPECT_NE(r.out.find(GetParam().expected), std::string::npos) << r.out;
  if (GetParam().exit_code == 1) {
    EXPECT_NE(r.err.find("kith: error: the data directory has"), std::string::npos) << r.err;
  }
  auto j = kith.run({"doctor", "--json"}).json();
  EXPECT_EQ(j["ok"], GetParam().exit_code == 0);
  EXPECT_FALSE(j["problems"].empty());
}

INSTANTIATE_TEST_SUITE_P(
    Damage, DoctorFindsTest,
    ::testing::Values(
        Broken{"CorruptContact",
               [](DoctorCommandTest& fx) {
                 write_file(fx.data / "contacts/ada.json", "{\n  \"id\": \"ada\",\n  oops\n}\n");
               },
               1, "error    contacts/ada.json:3: not valid JSON"},
        Broken{"EmptyContact",
               [](DoctorCommandTest& fx) { write_file(fx.data / "contacts/ada.json", ""); }, 1,
               "contacts/ada.json:1: the file is empty"},
        Broken{"InvalidRecord",
               [](DoctorCommandTest& fx) {
                 write_file(fx.data / "contacts/ada.json", "{\"id\": \"ada\", \"name\": 3}\n");
               },
               1, "contacts/ada.json: "},
        Broken{"IdMismatch",
               [](DoctorCommandTest& fx) {
                 auto j = read_json(fx.data / "contacts/ada.json");
                 j["id"] = "ada-l";
                 write_file(fx.data / "contacts/ada.json", j.dump(2) + "\n");
               },
               1, "contacts/ada.json: its id 'ada-l' does not match the file name"},
        Broken{"DuplicateContactId",
               [](DoctorCommandTest& fx) {
                 fs::copy_file(fx.data / "contacts/ada.json", fx.data / "contacts/ada-2.json");
               },
               1,
               "contacts/ada-2.json: its id 'ada' does not match the file name: "
               "contacts/ada.json has that id too"},
        Broken{"UnknownContact",
               [](DoctorCommandTest& fx) {
                 fx.append(fx.data / "log/2026-11.jsonl", fx.line("x-1", "2026-11-03", "nobody"));
               },
               1, "log/2026-11.jsonl:2: interaction x-1 names 'nobody', which has no file"},
        Broken{"DuplicateInteractionId",
               [](DoctorCommandTest& fx) {
                 fx.append(fx.data / "log/2026-11.jsonl", fx.line("x-1", "2026-11-03", "ada"));
                 fx.append(fx.data / "log/2026-10.jsonl", fx.line("x-1", "2026-10-03", "ada"));
               },
               1,
               "log/2026-11.jsonl:2: interaction id x-1 is used twice (first at "
               "log/2026-10.jsonl:1)"},
        Broken{"ConflictMarkers",
               [](DoctorCommandTest& fx) {
                 fx.append(fx.data / "log/2026-11.jsonl",
                           "<<<<<<< HEAD\n" + fx.line("x-1", "2026-11-03", "ada") + "=======\n" +
                               fx.line("x-2", "2026-11-04", "ada") + ">>>>>>> other\n");
               },
               1, "log/2026-11.jsonl:2: git merge conflict markers"},
        Broken{"NewerFormat",
               [](DoctorCommandTest& fx) {
                 write_file(fx.data / "kith.json", "{\"format\": \"kith\", \"version\": 9}\n");
               },
               1, "kith.json: data format version 9"},
        Broken{"TornLine",
               [](DoctorCommandTest& fx) { fx.append(fx.data / "log/2026-11.jsonl", "{\"id\":"); },
               0, "warning  log/2026-11.jsonl:2: torn last line"},
        Broken{"NoFinalNewline",
               [](DoctorCommandTest& fx) {
                 std::string s = read_file(fx.data / "log/2026-11.jsonl");
                 s.pop_back();
                 write_file(fx.data / "log/2026-11.jsonl", s);
               },
               0, "log/2026-11.jsonl:1: the last line has no newline at the end"},
        Broken{"TempFile",
               [](DoctorCommandTest& fx) {
                 write_file(fx.data / "contacts/.ada.json.tmp-123abc", "{");
               },
               0, "contacts/.ada.json.tmp-123abc: a temp file left by an interrupted write"},
        Broken{"WrongMonth",
               [](DoctorCommandTest& fx) {
                 fx.append(fx.data / "log/2026-11.jsonl", fx.line("x-1", "2026-10-03", "ada"));
               },
               0, "interaction x-1 is dated 2026-10-03 but kept in log/2026-11.jsonl"},
        Broken{"IgnoredFile",
               [](DoctorCommandTest& fx) { write_file(fx.data / "log/notes.txt", "hello\n"); }, 0,
               "log/notes.txt: not a month file"},
        Broken{"OpenPermissions",
               [](DoctorCommandTest& fx) {
                 fs::permissions(fx.data / "contacts/ada.json", fs::perms::others_read,
                                 fs::perm_options::add);
               },
               0, "can be read by other users (contacts/ada.json, mode 0604)"}),
    [](const ::testing::TestParamInfo<Broken>& p) { return std::string(p.param.label); });

TEST_F(DoctorCommandTest, FixRemovesTempFilesAndTornTailsAndSaysSo) {
  const fs::path month = data / "log/2026-11.jsonl";
  const std::string good = read_file(month);
  append(month, "{\"id\":\"torn");
  write_file(data / "contacts/.grace.json.tmp-abc123", "{\"id\"");
  write_file(data / ".kith.json.tmp-0f0f0f", "");
  auto r = kith.ok({"doctor", "--fix"});
  EXPECT_NE(r.out.find("fixed    .kith.json.tmp-0f0f0f: removed a temp file"), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("fixed    contacts/.grace.json.tmp-abc123: removed a temp file"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("fixed    log/2026-11.jsonl:2: removed a torn last line (11 bytes)"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("No problems left."), std::string::npos) << r.out;
  EXPECT_EQ(read_file(month), good);
  EXPECT_FALSE(fs::exists(data / "contacts/.grace.json.tmp-abc123"));
  r = kith.ok({"doctor", "--fix"});
  EXPECT_NE(r.out.find("No problems found."), std::string::npos) << r.out;
}

TEST_F(DoctorCommandTest, FixAddsAMissingFinalNewlineSoThatDoneCanRewriteTheMonth) {
  const std::string id = kith.ok({"log", "ada", "--follow-up", "send it", "-q"}).out.substr(0, 23);
  const fs::path month = data / "log/2026-11.jsonl";
  std::string s = read_file(month);
  s.pop_back();
  write_file(month, s);
  auto r = kith.run({"done", id});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find("kith doctor --fix"), std::string::npos) << r.err;
  r = kith.ok({"doctor", "--fix"});
  EXPECT_NE(r.out.find("added the missing newline at the end"), std::string::npos) << r.out;
  EXPECT_EQ(read_file(month), s + "\n");
  kith.ok({"done", id, "-q"});
}

TEST_F(DoctorCommandTest, FixLeavesEverythingElseAlone) {
  write_file(data / "contacts/ada.json", "{ not json\n");
  append(data / "log/2026-11.jsonl", line("x-1", "2026-11-03", "nobody"));
  write_file(data / "log/notes.txt", "keep me\n");
  const std::string contact = read_file(data / "contacts/ada.json");
  const std::string month = read_file(data / "log/2026-11.jsonl");
  auto r = kith.run({"doctor", "--fix"});
  EXPECT_EQ(r.exit_code, 1);
  // The one repair: the modes of the files written here with the test's
  // umask. The unknown contact is taken out only on a terminal, when asked.
  const auto fixed = r.out.find("fixed");
  ASSERT_NE(fixed, std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("fixed", fixed + 1), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("took the data away from other users"), std::string::npos) << r.out;
  EXPECT_NE(r.err.find("`kith doctor --fix` on a terminal asks whether to take them out"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(read_file(data / "contacts/ada.json"), contact);
  EXPECT_EQ(read_file(data / "log/2026-11.jsonl"), month);
  EXPECT_EQ(read_file(data / "log/notes.txt"), "keep me\n");
}

TEST_F(DoctorCommandTest, JsonListsProblemsAndFixes) {
  append(data / "log/2026-11.jsonl", "{\"id\":");
  append(data / "log/2026-11.jsonl", "");
  auto j = kith.run({"doctor", "--json"}).json();
  EXPECT_EQ(j["ok"], true);
  EXPECT_EQ(j["contacts"], 2);
  EXPECT_EQ(j["interactions"], 1);
  EXPECT_EQ(j["warnings"], 1);
  ASSERT_EQ(j["problems"].size(), 1u);
  const auto& p = j["problems"][0];
  EXPECT_EQ(p["severity"], "warning");
  EXPECT_EQ(p["check"], "torn-line");
  EXPECT_EQ(p["file"], "log/2026-11.jsonl");
  EXPECT_EQ(p["line"], 2);
  EXPECT_EQ(p["fixable"], true);
  EXPECT_TRUE(j["fixed"].empty());
  j = kith.ok({"doctor", "--fix", "--json"}).json();
  EXPECT_TRUE(j["problems"].empty());
  ASSERT_EQ(j["fixed"].size(), 1u);
  EXPECT_EQ(j["fixed"][0]["file"], "log/2026-11.jsonl");
  EXPECT_EQ(j["fixed"][0]["action"], "removed a torn last line (6 bytes)");
}

TEST_F(DoctorCommandTest, FixWaitsForTheLockLikeAnyWriter) {
  write_file(data / "contacts/.ada.json.tmp-123abc", "{");
  const int fd = ::open((data / ".lock").c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  ASSERT_EQ(::flock(fd, LOCK_EX), 0);
  auto r = Kith(kith).env("KITH_LOCK_TIMEOUT", "0").run({"doctor", "--fix"});
  ::close(fd);
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find("could not lock"), std::string::npos) << r.err;
  EXPECT_TRUE(fs::exists(data / "contacts/.ada.json.tmp-123abc"));
}

TEST_F(DoctorCommandTest, FixTakesTheDataAwayFromOtherUsers) {
  fs::permissions(data / "contacts/ada.json", fs::perms(0644));
  fs::permissions(data / "log", fs::perms(0755));
  const RunResult before = kith.run({"doctor"});
  EXPECT_NE(before.out.find("can be read by other users"), std::string::npos) << before.out;
  const RunResult r = kith.ok({"doctor", "--fix"});
  EXPECT_NE(r.out.find("took the data away from other users"), std::string::npos) << r.out;
  EXPECT_EQ(mode_of(data / "contacts/ada.json"), 0600u);
  EXPECT_EQ(mode_of(data / "log"), 0700u);
  EXPECT_NE(kith.ok({"doctor"}).out.find("No problems found."), std::string::npos);
}

TEST_F(DoctorCommandTest, FixOnATerminalAsksBeforeTakingAContactWithNoFileOutOfTheLog) {
  append(data / "log/2026-11.jsonl", log_line("x-1", "2026-11-03", {"ghost"}) +
                                         log_line("x-2", "2026-11-04", {"ada", "ghost"}));
  const std::string month = read_file(data / "log/2026-11.jsonl");
  RunResult no = kith.run_on_terminal({"doctor", "--fix"}, "n\n");
  EXPECT_EQ(no.exit_code, 1);
  EXPECT_NE(no.err.find("'ghost' has no contact file"), std::string::npos) << no.err;
  EXPECT_EQ(read_file(data / "log/2026-11.jsonl"), month);

  RunResult yes = kith.run_on_terminal({"doctor", "--fix"}, "y\n");
  EXPECT_EQ(yes.exit_code, 0) << yes.out << yes.err;
  EXPECT_NE(yes.out.find("deleted interaction x-1, which named only 'ghost'"), std::string::npos)
      << yes.out;
  EXPECT_NE(yes.out.find("took 'ghost' out of interaction x-2"), std::string::npos) << yes.out;
  const std::string after = read_file(data / "log/2026-11.jsonl");
  EXPECT_EQ(after.find("ghost"), std::string::npos) << after;
  EXPECT_NE(after.find("\"id\":\"x-2\",\"date\":\"2026-11-04\",\"contacts\":[\"ada\"]"),
            std::string::npos)
      << after;
}

}  // namespace
}  // namespace kith::test::doctor_test
