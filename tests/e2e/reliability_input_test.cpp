// Bad data never spreads and bad input never crashes: a corrupt line stops
// every command with file:line and nothing rewrites it; a torn last line is
// skipped with a warning and never glued to the next line; hostile command
// lines (invalid UTF-8, control characters, huge notes, 10,000 tags, long
// ids, impossible dates) either work or are usage errors, and never leave a
// corrupt file.
#include <algorithm>

#include "e2e/reliability.h"

namespace kith::test::reliability_input_test {
namespace {

class BadFileTest : public ::testing::Test {
 protected:
  TempDir tmp;
  Kith kith{tmp / "data"};
  fs::path month;
  void SetUp() override {
    kith.today("2026-11-25");
    add_base_contacts(kith);
    kith.ok({"log", "ada", "--note", "one", "-q"});
    kith.ok({"log", "grace", "--note", "two", "--follow-up", "write back", "-q"});
    month = tmp / "data/log/2026-11.jsonl";
  }
  // Puts `text` in place of line `n` (1-based) of the month file.
  void replace_line(int n, const std::string& text) {
    std::string content = read_file(month);
    std::size_t start = 0;
    for (int k = 1; k < n; ++k) start = content.find('\n', start) + 1;
    const std::size_t end = content.find('\n', start);
    content.replace(start, end - start, text);
    write_file(month, content);
  }
};

TEST_F(BadFileTest, ACorruptMiddleLineIsNamedByEveryCommandAndNeverWritten) {
  replace_line(1, R"({"id": "x", "date": "2026-11-0)");
  const std::string corrupt = read_file(month);
  const std::string fu = log_lines(tmp / "data").back()["id"];
  // Readers print the rest, name it and exit 1.
  for (const auto& args : std::vector<std::vector<std::string>>{
           {"due"}, {"due", "--json"}, {"show", "ada"}, {"pitch", "ada"}}) {
    auto r = kith.run(args);
    EXPECT_EQ(r.exit_code, 1) << args[0] << "\n" << r.err;
    EXPECT_NE(r.err.find("kith: warning: log/2026-11.jsonl:1: not valid JSON"), std::string::npos)
        << r.err;
    EXPECT_NE(r.err.find("kith: error: left out what kith cannot read: 1 line of the log"),
              std::string::npos)
        << r.err;
    EXPECT_FALSE(r.out.empty()) << args[0];
  }
  // Writers that would write to its file refuse.
  for (const auto& args : std::vector<std::vector<std::string>>{{"log", "ada"}, {"done", fu}}) {
    auto r = kith.run(args);
    EXPECT_EQ(r.exit_code, 1) << args[0] << "\n" << r.err;
    EXPECT_NE(r.err.find("kith: error: log/2026-11.jsonl:1: not valid JSON"), std::string::npos)
        << r.err;
    EXPECT_TRUE(r.out.empty()) << r.out;
  }
  EXPECT_EQ(read_file(month), corrupt) << "kith never rewrites a corrupt file";
  auto r = kith.run({"doctor"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("error    log/2026-11.jsonl:1: not valid JSON"), std::string::npos) << r.out;
  r = kith.run({"doctor", "--fix"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(read_file(month), corrupt) << "--fix does not touch a corrupt line";
}

TEST_F(BadFileTest, ANumberTooLargeForADoubleIsACorruptLineNotAnInternalError) {
  replace_line(1, R"({"id": "x", "date": "2026-11-03", "weight": 5E5511112222221282222223})");
  auto r = kith.run({"due"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("kith: warning: log/2026-11.jsonl:1: not valid JSON"), std::string::npos)
      << r.err;
  EXPECT_EQ(r.err.find("internal error"), std::string::npos) << r.err;
  r = kith.run({"doctor"});
  EXPECT_NE(r.out.find("log/2026-11.jsonl:1: not valid JSON: number overflow"), std::string::npos)
      << r.out;
}

TEST_F(BadFileTest, NulBytesLeftByAPowerLossAreNamed) {
  replace_line(1, std::string(40, '\0'));
  auto r = kith.run({"due"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("log/2026-11.jsonl:1"), std::string::npos) << r.err;
  r = kith.run({"doctor"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("log/2026-11.jsonl:1: not valid JSON: NUL bytes"), std::string::npos)
      << r.out;
}

TEST_F(BadFileTest, ATornLastLineIsSkippedWithAWarningAndNeverGluedToTheNext) {
  const std::string good = read_file(month);
  write_file(month, good + R"({"id":"20261125T1)");
  auto r = kith.ok({"due", "--json"});
  EXPECT_TRUE(Json::accept(r.out));
  EXPECT_NE(r.err.find("kith: warning: log/2026-11.jsonl:3: skipped a torn last line"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(kith.ok({"show", "ada", "--json"}).json()["interactions"].size(), 1u);

  // Appending after it would make a corrupt middle line: refused, file kept.
  const std::string torn = read_file(month);
  r = kith.run({"log", "ada", "--note", "three"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find("log/2026-11.jsonl:3: ends with a torn line"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("kith doctor --fix"), std::string::npos) << r.err;
  EXPECT_EQ(read_file(month), torn);
  // Logging into another month still works.
  kith.ok({"log", "ada", "--date", "2026-10-10", "-q"});

  // doctor --fix cuts exactly the torn tail; then logging works again.
  r = kith.ok({"doctor", "--fix"});
  EXPECT_NE(r.out.find("fixed    log/2026-11.jsonl:3: removed a torn last line (17 bytes)"),
            std::string::npos)
      << r.out;
  EXPECT_EQ(read_file(month), good);
  kith.ok({"log", "ada", "--note", "three", "-q"});
  r = kith.ok({"due"});
  EXPECT_EQ(r.err.find("warning"), std::string::npos) << r.err;
}

TEST_F(BadFileTest, ACompleteLastLineWithoutNewlineGetsOneBeforeTheNextAppend) {
  std::string content = read_file(month);
  content.pop_back();
  write_file(month, content);
  kith.ok({"log", "ada", "--note", "three", "-q"});
  expect_every_file_parses(tmp / "data");
  EXPECT_EQ(log_lines(tmp / "data").size(), 3u);
}

TEST_F(BadFileTest, GitConflictMarkersAreNamedAsSuch) {
  write_file(tmp / "data/contacts/ada.json",
             "<<<<<<< HEAD\n{\"id\": \"ada\"}\n=======\n{\"id\": \"ada\", \"name\": \"A\"}\n"
             ">>>>>>> theirs\n");
  auto r = kith.run({"list"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("contacts/ada.json:1"), std::string::npos) << r.err;
  r = kith.run({"doctor"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("contacts/ada.json:1: git merge conflict markers"), std::string::npos)
      << r.out;
}

TEST_F(BadFileTest, ATempFileIsNeverReadAsAContact) {
  write_file(tmp / "data/contacts/.zed.json.tmp-a1b2c3", "{\"id\": \"zed\", \"na");
  auto list = kith.ok({"list", "--json"}).json();
  EXPECT_EQ(list.size(), 2u);
  kith.ok({"log", "ada", "-q"});
  EXPECT_TRUE(temp_files(tmp / "data").empty()) << "the next writer removes it";
}

// --- Hostile command lines ---------------------------------------------------

struct Hostile {
  const char* label;
  std::vector<std::string> args;
  int exit_code;        // 0 or 2
  const char* message;  // expected in stderr for exit 2
};

void PrintTo(const Hostile& h, std::ostream* os) { *os << h.label; }

// No raw control byte but the newline: what reaches a terminal is safe.
bool text_is_clean(const std::string& s) {
  return std::none_of(s.begin(), s.end(), [](char ch) {
    const auto b = static_cast<unsigned char>(ch);
    return (b < 0x20 && b != '\n') || b == 0x7f;
  });
}

class HostileInputTest : public ::testing::TestWithParam<Hostile> {
 protected:
  TempDir tmp;
  Kith kith{tmp / "data"};
  void SetUp() override {
    kith.today("2026-11-25");
    add_base_contacts(kith);
  }
};

TEST_P(HostileInputTest, WorksOrIsAUsageErrorAndNeverCorrupts) {
  const auto& p = GetParam();
  const auto before = snapshot(tmp / "data");
  auto r = kith.run(p.args);
  EXPECT_EQ(r.exit_code, p.exit_code) << r.err;
  if (p.exit_code == 2) {
    EXPECT_NE(r.err.find("kith: error: "), std::string::npos) << r.err;
    EXPECT_NE(r.err.find(p.message), std::string::npos) << r.err;
    EXPECT_EQ(snapshot(tmp / "data"), before);
  }
  EXPECT_TRUE(text_is_clean(r.err)) << "stderr carries raw control bytes";
  expect_every_file_parses(tmp / "data");
  expect_readers_work(kith);
  kith.ok({"doctor"});
}

std::vector<std::string> many_tags(int n) {
  std::vector<std::string> args{"add", "Tagged Person"};
  for (int k = 0; k < n; ++k) {
    args.push_back("--tag");
    args.push_back("tag-" + std::to_string(k));
  }
  return args;
}

INSTANTIATE_TEST_SUITE_P(
    Inputs, HostileInputTest,
    ::testing::Values(
        Hostile{"InvalidUtf8Name", {"add", "Bad \xff name"}, 2, "not valid UTF-8"},
        Hostile{"InvalidUtf8Note", {"log", "ada", "--note", "\xc3\x28"}, 2, "not valid UTF-8"},
        Hostile{"InvalidUtf8Contact", {"log", "\xed\xa0\x80"}, 2, "not valid UTF-8"},
        Hostile{"InvalidUtf8Date", {"log", "ada", "--date", "\xfe"}, 2, "not valid UTF-8"},
        Hostile{"EscapeInName", {"add", "Evil\x1b[2J"}, 2, "control characters"},
        Hostile{"NewlineInNote", {"log", "ada", "--note", "two\nlines"}, 0, ""},
        Hostile{"TabInNote", {"log", "ada", "--note", "two\tcolumns"}, 2, "control characters"},
        Hostile{"NulLikeKind", {"log", "ada", "--kind", "a\x01"}, 2, "bad kind"},
        Hostile{"LargestArgvNote",  // one argument can hold up to 128 KiB on Linux
                {"log", "ada", "--note", std::string(128 * 1024 - 1, 'n')},
                0,
                ""},
        Hostile{"TenThousandTags", many_tags(10000), 0, ""},
        Hostile{"Id64", {"add", "X", "--id", std::string(64, 'a')}, 0, ""},
        Hostile{"Id65", {"add", "X", "--id", std::string(65, 'a')}, 2, "invalid id"},
        Hostile{"LongNameSlug", {"add", std::string(500, 'z')}, 0, ""},
        Hostile{"February30", {"log", "ada", "--date", "2026-02-30"}, 2, "bad date '2026-02-30'"},
        Hostile{"YearZero", {"log", "ada", "--date", "0000-01-01"}, 2, "bad date '0000-01-01'"},
        Hostile{"YearOne", {"log", "ada", "--date", "0001-01-01"}, 2, "before 1900"},
        Hostile{"Year10000", {"add", "X", "--met", "10000-01-01"}, 2, "bad date"},
        Hostile{"HugeCount", {"log", "ada", "--date", "99999999999999999999d ago"}, 2, "bad date"},
        Hostile{"FarPastMet", {"add", "X", "--met", "10000y ago"}, 2, "bad date"},
        Hostile{"BirthdayFeb30", {"add", "X", "--birthday", "--02-30"}, 2, "bad birthday"},
        Hostile{"EveryZero", {"add", "X", "--every", "0d"}, 2, "bad duration"},
        Hostile{"EveryHuge", {"add", "X", "--every", "10000y"}, 0, ""},
        Hostile{"FollowUpFarFuture",
                {"log", "ada", "--follow-up", "later", "--by", "9999-12-31"},
                0,
                ""},
        Hostile{"TodayOutOfRange", {"--today", "9999-12-31", "add", "Late"}, 0, ""},
        Hostile{"EmptyContact", {"log", ""}, 2, "error"},
        Hostile{"DotDotId", {"add", "X", "--id", "../../etc"}, 2, "invalid id"}),
    [](const ::testing::TestParamInfo<Hostile>& p) { return std::string(p.param.label); });

TEST(HugeDataTest, AOneMebibyteNoteInTheFilesIsReadAndShown) {
  TempDir tmp;
  Kith kith{tmp / "data"};
  kith.today("2026-11-25");
  add_base_contacts(kith);
  auto ada = read_json(tmp / "data/contacts/ada.json");
  ada["notes"] = std::string(1 << 20, 'm');
  write_file(tmp / "data/contacts/ada.json", ada.dump(2) + "\n");
  Json line = {{"id", "big-1"},
               {"date", "2026-11-20"},
               {"contacts", {"ada"}},
               {"kind", "call"},
               {"intent", "give"},
               {"note", std::string(1 << 20, 'l')},
               {"logged_at", "2026-11-20T10:00:00Z"}};
  write_file(tmp / "data/log/2026-11.jsonl", line.dump() + "\n");
  for (const auto& args : std::vector<std::vector<std::string>>{
           {"due"}, {"list"}, {"show", "ada"}, {"pitch", "ada"}, {"doctor"}}) {
    kith.ok(args);
  }
  EXPECT_EQ(kith.ok({"show", "ada", "--json"}).json()["notes"].get<std::string>().size(), 1u << 20);
  kith.ok({"log", "ada", "--note", "after", "-q"});
  EXPECT_EQ(log_lines(tmp / "data").size(), 2u);
}

}  // namespace
}  // namespace kith::test::reliability_input_test
