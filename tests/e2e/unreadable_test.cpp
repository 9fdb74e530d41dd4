// End to end: one file or log line kith cannot read (a typo in a hand edit,
// a record that is not valid, a file it may not open) does not stop the
// rest. Every reading command serves what it can read, names what it
// cannot on stderr (file and line) and exits 1; writers work on the other
// records and refuse to change one they cannot read. On the demo network,
// today pinned to 2026-11-20.
#include <algorithm>
#include <chrono>
#include <map>
#include <thread>

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include "support/labels.h"
#include "support/testutil.h"

namespace kith::test::unreadable_test {
namespace {

using ::kith::test::operator<<;

using Json = nlohmann::ordered_json;

constexpr const char* kLeftOut = "kith: error: left out what kith cannot read: ";

// What a breakage makes kith leave out.
enum class Part { contact, line, month };

struct Breakage {
  const char* label;
  Part part;
  // Breaks the demo data directory `data`; returns a reason to skip when
  // it cannot be made here.
  std::string (*apply)(const fs::path& data);
  const char* message;  // on stderr, naming the file (and line)
  const char* summary;  // what the last error line counts
  // The contact left out (Part::contact), or the interaction (Part::line).
  const char* left_out;
};

void replace_in(const fs::path& file, const std::string& from, const std::string& to) {
  std::string text = read_file(file);
  const auto at = text.find(from);
  ASSERT_NE(at, std::string::npos) << from << " not in " << file;
  text.replace(at, from.size(), to);
  write_file(file, text);
}

// The text of line `n` (1-based) of `file`, replaced by `line`.
void replace_line(const fs::path& file, int n, const std::string& line) {
  std::string text = read_file(file);
  std::size_t begin = 0;
  for (int k = 1; k < n; ++k) begin = text.find('\n', begin) + 1;
  const std::size_t end = text.find('\n', begin);
  text.replace(begin, end - begin, line);
  write_file(file, text);
}

// A file that cannot be opened, when not running as root (root reads it).
std::string unopenable(const fs::path& file) {
  if (::geteuid() == 0) return "root reads a file of mode 000";
  ::chmod(file.c_str(), 0);
  return "";
}

// A directory where a file should be: no one reads it, root included.
void directory_instead(const fs::path& file) {
  fs::remove(file);
  fs::create_directory(file);
}

const Breakage kBreakages[] = {
    {"ContactFileMissingAComma", Part::contact,
     [](const fs::path& data) {
       replace_in(data / "contacts/jose-nunez.json", "\"José Núñez\",", "\"José Núñez\"");
       return std::string();
     },
     "kith: warning: contacts/jose-nunez.json:4: not valid JSON", "1 contact file", "jose-nunez"},
    {"ContactFileWithAWrongDate", Part::contact,
     [](const fs::path& data) {
       replace_in(data / "contacts/hana-kovac.json", "\"added_on\": \"2026-09-15\"",
                  "\"added_on\": \"2026-13-15\"");
       return std::string();
     },
     "kith: warning: contacts/hana-kovac.json:31: 'added_on' is not a date (YYYY-MM-DD): "
     "'2026-13-15'",
     "1 contact file", "hana-kovac"},
    {"ContactFileOfMode000", Part::contact,
     [](const fs::path& data) { return unopenable(data / "contacts/jose-nunez.json"); },
     "contacts/jose-nunez.json: Permission denied", "1 contact file", "jose-nunez"},
    {"DirectoryForAContactFile", Part::contact,
     [](const fs::path& data) {
       directory_instead(data / "contacts/jose-nunez.json");
       return std::string();
     },
     "contacts/jose-nunez.json: Is a directory", "1 contact file", "jose-nunez"},
    {"LogLineThatIsNotJson", Part::line,
     [](const fs::path& data) {
       replace_line(data / "log/2026-03.jsonl", 3,
                    R"({"id":"20260319T200308Z-e8948d","date":"2026-03-19",)");
       return std::string();
     },
     "kith: warning: log/2026-03.jsonl:3: not valid JSON", "1 line of the log",
     "20260319T200308Z-e8948d"},
    {"LogLineWithAWrongIntent", Part::line,
     [](const fs::path& data) {
       replace_in(data / "log/2026-05.jsonl",
                  R"("bjorn-halvorsen"],"kind":"video","intent":"catch-up")",
                  R"("bjorn-halvorsen"],"kind":"video","intent":"maybe")");
       return std::string();
     },
     "kith: warning: log/2026-05.jsonl:4: 'intent' is not give, catch-up or ask: 'maybe'",
     "1 line of the log", "20260519T204027Z-6e2d3c"},
    {"MonthFileOfMode000", Part::month,
     [](const fs::path& data) { return unopenable(data / "log/2026-03.jsonl"); },
     "log/2026-03.jsonl: Permission denied", "1 month file of the log", "2026-03"},
    {"DirectoryForAMonthFile", Part::month,
     [](const fs::path& data) {
       directory_instead(data / "log/2026-03.jsonl");
       return std::string();
     },
     "log/2026-03.jsonl: Is a directory", "1 month file of the log", "2026-03"},
};

// A reading command, and what it reads.
struct Reader {
  std::vector<std::string> args;
  bool reads_log;
  bool json;
  // Names no contact it left out (the interactions it reads still may).
  bool names_contacts;
};

const Reader kReaders[] = {
    {{"list"}, false, false, true},
    {{"list", "--json", "--all"}, false, true, true},
    {{"show", "priya-raman"}, true, false, false},
    {{"show", "--json", "priya-raman"}, true, true, false},
    {{"due"}, true, false, true},
    {{"due", "--json"}, true, true, true},
    {{"due", "--cron"}, true, false, true},
    {{"pitch", "priya-raman"}, true, false, true},
    {{"pitch", "--json", "priya-raman"}, true, true, true},
    {{"stats"}, true, false, true},
    {{"stats", "--json"}, true, true, true},
    {{"export", "json"}, true, true, false},
    {{"export", "vcard"}, true, false, true},
    {{"export", "csv"}, true, false, true},
    {{"export", "ics"}, true, false, false},  // a follow-up's event names who it is with
    {{"dupes", "--json"}, false, true, true},
};

class UnreadableTest : public ::testing::TestWithParam<Breakage> {
 protected:
  TempDir tmp;
  Kith kith{tmp / "data"};
  void SetUp() override {
    fs::copy(fs::path(KITH_SOURCE_DIR) / "examples/demo", tmp / "data",
             fs::copy_options::recursive);
    kith.today("2026-11-20");
  }
  void break_it() {
    const std::string skip = GetParam().apply(tmp / "data");
    if (!skip.empty()) GTEST_SKIP() << skip;
  }
};

TEST_P(UnreadableTest, EveryReaderServesTheRestNamesItAndExitsOne) {
  const Breakage& b = GetParam();
  // What the readers print with nothing broken.
  std::map<std::vector<std::string>, RunResult> before;
  for (const Reader& reader : kReaders) before[reader.args] = kith.ok(reader.args);
  break_it();
  if (IsSkipped()) return;
  for (const Reader& reader : kReaders) {
    SCOPED_TRACE(::testing::Message() << "kith " << command_text(reader.args));
    const RunResult r = kith.run(reader.args);
    if (b.part != Part::contact && !reader.reads_log) {
      EXPECT_EQ(r.exit_code, 0) << r.err;
      EXPECT_EQ(r.out, before[reader.args].out);
      continue;
    }
    EXPECT_EQ(r.exit_code, 1) << r.err;
    EXPECT_NE(r.err.find(b.message), std::string::npos) << r.err;
    EXPECT_NE(r.err.find(kLeftOut + std::string(b.summary) + " (above)\n"), std::string::npos)
        << r.err;
    EXPECT_NE(r.err.find("kith: hint: fix each by hand"), std::string::npos) << r.err;
    EXPECT_FALSE(r.out.empty());
    if (reader.json) r.json();  // exactly one JSON document on stdout
    if (b.part == Part::contact && reader.names_contacts) {
      EXPECT_EQ(r.out.find(b.left_out), std::string::npos) << "what was left out is there";
    }
  }
}

TEST_P(UnreadableTest, TheBackupHoldsEverythingElse) {
  const Breakage& b = GetParam();
  const Json whole = kith.ok({"export", "json"}).json();
  break_it();
  if (IsSkipped()) return;
  const RunResult r = kith.run({"export", "json", "-o", (tmp / "backup.json").string()});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find(b.message), std::string::npos) << r.err;
  const Json part = read_json(tmp / "backup.json");
  // Everything but what was left out, as it was.
  Json expected = whole;
  auto drop = [](Json& list, auto&& left_out) {
    Json kept = Json::array();
    for (const auto& item : list) {
      if (!left_out(item)) kept.push_back(item);
    }
    list = std::move(kept);
  };
  switch (b.part) {
    case Part::contact:
      drop(expected["contacts"], [&](const Json& c) { return c["id"] == b.left_out; });
      break;
    case Part::line:
      drop(expected["interactions"], [&](const Json& i) { return i["id"] == b.left_out; });
      break;
    case Part::month:
      drop(expected["interactions"],
           [&](const Json& i) { return i["date"].get<std::string>().starts_with(b.left_out); });
      break;
  }
  EXPECT_LT(expected.dump().size(), whole.dump().size());
  EXPECT_EQ(part, expected);
}

TEST_P(UnreadableTest, IsNeverCachedAndIsReadOnceFixed) {
  const std::string due = kith.ok({"due", "--json"}).out;
  const std::string stats = kith.ok({"stats", "--json"}).out;
  const fs::path original = tmp / "original";
  fs::copy(tmp / "data", original, fs::copy_options::recursive);
  break_it();
  if (IsSkipped()) return;
  // Old enough to be cached: what was read around it must not be taken for
  // the whole file on the next run.
  std::this_thread::sleep_for(std::chrono::milliseconds(2200));
  for (int run = 0; run < 2; ++run) {
    const RunResult r = kith.run({"due", "--json"});
    EXPECT_EQ(r.exit_code, 1) << "run " << run;
    EXPECT_NE(r.err.find(GetParam().message), std::string::npos) << r.err;
    EXPECT_EQ(kith.run({"stats", "--json"}).exit_code, 1) << "run " << run;
  }
  // Fixed: put back as it was.
  for (const char* sub : {"contacts", "log"}) {
    for (const auto& entry : fs::directory_iterator(original / sub)) {
      const fs::path to = tmp / "data" / sub / entry.path().filename();
      if (fs::is_directory(to)) fs::remove(to);
      ::chmod(to.c_str(), 0600);
      if (!fs::exists(to) || read_file(to) != read_file(entry.path())) {
        fs::copy_file(entry.path(), to, fs::copy_options::overwrite_existing);
      }
    }
  }
  const RunResult fixed = kith.run({"due", "--json"});
  EXPECT_EQ(fixed.exit_code, 0) << fixed.err;
  EXPECT_EQ(fixed.out, due);
  EXPECT_EQ(kith.ok({"stats", "--json"}).out, stats);
}

INSTANTIATE_TEST_SUITE_P(Breakages, UnreadableTest, ::testing::ValuesIn(kBreakages), LabelName());

// ------------------------------------------------------------------- show

class UnreadableContactTest : public ::testing::Test {
 protected:
  TempDir tmp;
  Kith kith{tmp / "data"};
  void SetUp() override {
    fs::copy(fs::path(KITH_SOURCE_DIR) / "examples/demo", tmp / "data",
             fs::copy_options::recursive);
    kith.today("2026-11-20");
    replace_in(tmp / "data/contacts/jose-nunez.json", "\"José Núñez\",", "\"José Núñez\"");
  }
};

TEST_F(UnreadableContactTest, ShowOfItFailsWithItsFileAndLine) {
  for (const char* ref : {"jose-nunez", "JOSE-NUNEZ"}) {
    const RunResult r = kith.run({"show", ref});
    EXPECT_EQ(r.exit_code, 1) << r.err;
    EXPECT_TRUE(r.out.empty()) << r.out;
    EXPECT_NE(r.err.find("kith: error: contacts/jose-nunez.json:4: not valid JSON"),
              std::string::npos)
        << r.err;
  }
}

TEST_F(UnreadableContactTest, AReferenceThatMayNameItIsNotTakenForAnother) {
  // "jose" begins its id; nothing else matches it, but kith cannot tell.
  const RunResult r = kith.run({"show", "jose"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find("'jose' may name jose-nunez, whose file kith cannot read: "
                       "contacts/jose-nunez.json:4:"),
            std::string::npos)
      << r.err;
  // A name no contact read has may be its name: not a usage error.
  const RunResult name = kith.run({"show", "Núñez"});
  EXPECT_EQ(name.exit_code, 1) << name.err;
  EXPECT_NE(name.err.find("no contact kith can read matches 'Núñez', and 1 contact file cannot "
                          "be read (contacts/jose-nunez.json)"),
            std::string::npos)
      << name.err;
}

TEST_F(UnreadableContactTest, DueCronSpeaksEvenWhenNothingIsDue) {
  // On Friday 20 November, nobody due and the homework done: --cron prints
  // nothing, but for what it cannot read, on stderr, which cron mails too.
  TempDir other;
  Kith quiet{other / "data"};
  quiet.today("2026-11-20");
  quiet.ok({"add", "Ada Lovelace", "--every", "1y"});
  quiet.ok({"add", "Grace Hopper", "--every", "1y"});
  quiet.ok({"log", "ada-lovelace", "--kind", "coffee"});
  EXPECT_EQ(quiet.ok({"due", "--cron"}).err, "");
  write_file(other / "data/contacts/grace-hopper.json", "{\n  \"id\": \"grace-hopper\",,\n}\n");
  const RunResult r = quiet.run({"due", "--cron"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(r.out.empty()) << r.out;
  EXPECT_NE(r.err.find("kith: warning: contacts/grace-hopper.json:2: not valid JSON"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find(kLeftOut + std::string("1 contact file (above)")), std::string::npos)
      << r.err;
}

TEST(UnreadableProfileTest, ReadersLeaveItOutAndMeNamesIt) {
  TempDir tmp;
  fs::copy(fs::path(KITH_SOURCE_DIR) / "examples/demo", tmp / "data", fs::copy_options::recursive);
  Kith kith{tmp / "data"};
  kith.today("2026-11-20");
  write_file(tmp / "data/me.json", "{\"name\": ");
  for (const auto& args : std::vector<std::vector<std::string>>{
           {"due", "--json"}, {"pitch", "--json", "priya-raman"}, {"stats", "--json"}}) {
    const RunResult r = kith.run(args);
    EXPECT_EQ(r.exit_code, 1) << command_text(args) << "\n" << r.err;
    r.json();
    EXPECT_NE(r.err.find("kith: warning: me.json:1: not valid JSON"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find(kLeftOut + std::string("your profile (me.json) (above)")),
              std::string::npos)
        << r.err;
  }
  // What you can offer comes from the profile: nothing, then.
  EXPECT_TRUE(kith.run({"pitch", "--json", "priya-raman"}).json()["you_can_offer"].empty());
  // list reads no profile.
  EXPECT_EQ(kith.run({"list"}).exit_code, 0);
  // Asked for, or to be changed: its error.
  for (const auto& args : std::vector<std::vector<std::string>>{{"me"}, {"me", "--skill", "Go"}}) {
    const RunResult r = kith.run(args);
    EXPECT_EQ(r.exit_code, 1) << command_text(args);
    EXPECT_NE(r.err.find("kith: error: me.json:1: not valid JSON"), std::string::npos) << r.err;
  }
  EXPECT_EQ(read_file(tmp / "data/me.json"), "{\"name\": ");
}

// ----------------------------------------------------------------- writers

TEST_F(UnreadableContactTest, WritersWorkOnTheOthers) {
  const std::string broken = read_file(tmp / "data/contacts/jose-nunez.json");
  const auto had = kith.run({"show", "--json", "priya-raman"}).json()["interactions"].size();
  // By exact id (that file alone is read) and by a part of the name (every
  // contact is read, around the broken one).
  for (const char* ref : {"priya-raman", "Priya"}) {
    const RunResult logged = kith.run({"log", ref, "--kind", "call"});
    EXPECT_EQ(logged.exit_code, 0) << logged.err;
  }
  EXPECT_EQ(kith.run({"show", "--json", "priya-raman"}).json()["interactions"].size(), had + 2);
  for (const auto& args : std::vector<std::vector<std::string>>{
           {"edit", "priya", "--tag", "hiring"},
           {"snooze", "priya", "--until", "2026-12-24"},
           {"unsnooze", "priya"},
           {"rm", "priya"},
           {"restore", "priya"},
           // Interactions, one of them with the contact left out.
           {"edit", "046f02", "--kind", "call"},
           {"rm", "246040", "--yes"},
       }) {
    const RunResult r = kith.run(args);
    EXPECT_EQ(r.exit_code, 0) << command_text(args) << "\n" << r.err;
    EXPECT_NE(r.err.find("kith: warning: contacts/jose-nunez.json:4: not valid JSON"),
              std::string::npos)
        << command_text(args) << "\n"
        << r.err;
  }
  EXPECT_EQ(read_json(tmp / "data/contacts/priya-raman.json")["tags"],
            Json::array({"recruiting", "hiring"}));
  const std::string november = read_file(tmp / "data/log/2026-11.jsonl");
  EXPECT_NE(
      november.find(
          R"("id":"20261105T212043Z-046f02","date":"2026-11-05","contacts":["jose-nunez"],"kind":"call")"),
      std::string::npos)
      << november;
  EXPECT_EQ(november.find("246040"), std::string::npos) << november;
  EXPECT_EQ(read_file(tmp / "data/contacts/jose-nunez.json"), broken);
}

TEST_F(UnreadableContactTest, AddKeepsItsIdAndSaysTheDuplicateCheckMissedIt) {
  const std::string broken = read_file(tmp / "data/contacts/jose-nunez.json");
  const RunResult r = kith.run({"add", "José Núñez"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "jose-nunez-2\n");
  EXPECT_NE(r.err.find("kith: warning: contacts/jose-nunez.json:4: not valid JSON"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("kith: warning: the check for a duplicate name or email could not look "
                       "at 1 contact file (above)"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(read_file(tmp / "data/contacts/jose-nunez.json"), broken);
  const RunResult taken = kith.run({"add", "Someone", "--id", "jose-nunez"});
  EXPECT_EQ(taken.exit_code, 2) << taken.err;
  EXPECT_NE(taken.err.find("the id 'jose-nunez' is taken"), std::string::npos) << taken.err;
}

TEST_F(UnreadableContactTest, WritersRefuseToChangeItOrToNeedIt) {
  // What `kith list --json` prints: an import reads it.
  write_file(tmp / "people.json", R"([{"id": "ada", "name": "Ada", "added_on": "2026-01-01"}])");
  const auto files = tree_with_contents(tmp / "data");
  struct Refusal {
    std::vector<std::string> args;
    const char* message;
  };
  for (const Refusal& refusal : std::vector<Refusal>{
           {{"log", "jose-nunez"}, "kith: error: contacts/jose-nunez.json:4: not valid JSON"},
           {{"log", "jose"}, "'jose' may name jose-nunez"},
           {{"edit", "jose-nunez", "--tag", "x"}, "contacts/jose-nunez.json:4: not valid JSON"},
           {{"snooze", "jose", "--until", "2026-12-24"}, "'jose' may name jose-nunez"},
           {{"rm", "jose-nunez"}, "contacts/jose-nunez.json:4: not valid JSON"},
           {{"rm", "--purge", "--yes", "jose-nunez"}, "contacts/jose-nunez.json:4: not valid JSON"},
           {{"done", "jose-nunez"}, "contacts/jose-nunez.json:4: not valid JSON"},
           // Both must see every contact: a merge keeps ids unique, an
           // import matches each record against everyone.
           {{"merge", "priya-raman", "amelie-dubois", "--yes"},
            "kith: error: contacts/jose-nunez.json:4: not valid JSON"},
           {{"import", "json", (tmp / "people.json").string()},
            "kith: error: contacts/jose-nunez.json:4: not valid JSON"},
       }) {
    const RunResult r = kith.run(refusal.args);
    EXPECT_EQ(r.exit_code, 1) << command_text(refusal.args) << "\n" << r.err;
    EXPECT_NE(r.err.find(refusal.message), std::string::npos) << command_text(refusal.args) << "\n"
                                                              << r.err;
  }
  // Nothing changed but the lock file, created by the writers that locked.
  auto after = tree_with_contents(tmp / "data");
  std::erase_if(after, [](const std::string& f) { return f.starts_with(".lock"); });
  EXPECT_EQ(after, files);
}

class UnreadableLineTest : public UnreadableContactTest {
 protected:
  void SetUp() override {
    fs::copy(fs::path(KITH_SOURCE_DIR) / "examples/demo", tmp / "data",
             fs::copy_options::recursive);
    kith.today("2026-11-20");
    // The 2026-11 file: José's coffee with a follow-up, then this line.
    std::string month = read_file(tmp / "data/log/2026-11.jsonl");
    month.insert(month.find('\n') + 1, "{\"id\": oops}\n");
    write_file(tmp / "data/log/2026-11.jsonl", month);
  }
};

TEST_F(UnreadableLineTest, WritersWorkOnOtherMonthsAndNeverWriteToItsOwn) {
  const std::string month = read_file(tmp / "data/log/2026-11.jsonl");
  // Today's interaction would go to its month file: refused.
  const RunResult here = kith.run({"log", "priya-raman", "--kind", "call"});
  EXPECT_EQ(here.exit_code, 1) << here.err;
  EXPECT_TRUE(here.out.empty()) << here.out;
  EXPECT_NE(here.err.find("kith: error: log/2026-11.jsonl:2: not valid JSON"), std::string::npos)
      << here.err;
  // One of another month is logged, its follow-up marked done.
  const RunResult logged =
      kith.run({"log", "priya-raman", "--date", "2026-10-30", "--follow-up", "Send the deck"});
  EXPECT_EQ(logged.exit_code, 0) << logged.err;
  EXPECT_NE(logged.err.find("kith: warning: log/2026-11.jsonl:2: not valid JSON"),
            std::string::npos)
      << logged.err;
  const RunResult other = kith.run({"done", logged.out.substr(0, logged.out.size() - 1)});
  EXPECT_EQ(other.exit_code, 0) << other.err;
  EXPECT_NE(read_file(tmp / "data/log/2026-10.jsonl").find("\"done_on\":\"2026-11-20\""),
            std::string::npos);
  // José's follow-up is in its month: marking it done would rewrite it.
  const RunResult same = kith.run({"done", "046f02"});
  EXPECT_EQ(same.exit_code, 1) << same.err;
  EXPECT_NE(same.err.find("kith: error: log/2026-11.jsonl:2: not valid JSON"), std::string::npos)
      << same.err;
  // Which of José's follow-ups is open cannot be told.
  const RunResult by_contact = kith.run({"done", "jose-nunez"});
  EXPECT_EQ(by_contact.exit_code, 1) << by_contact.err;
  EXPECT_NE(by_contact.err.find("cannot tell which follow-up of José Núñez (jose-nunez) to mark "
                                "done while kith cannot read all of the log"),
            std::string::npos)
      << by_contact.err;
  // A purge must see every line: one it cannot read may name the contact.
  const RunResult purge = kith.run({"rm", "--purge", "--yes", "tomasz-wojcik"});
  EXPECT_EQ(purge.exit_code, 1) << purge.err;
  EXPECT_TRUE(fs::exists(tmp / "data/contacts/tomasz-wojcik.json"));
  EXPECT_EQ(read_file(tmp / "data/log/2026-11.jsonl"), month);
}

}  // namespace
}  // namespace kith::test::unreadable_test
