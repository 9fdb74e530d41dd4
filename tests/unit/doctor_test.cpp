// Unit tests of core/doctor: analyze() on snapshots built in memory (each
// check, file:line, the per-file cap), and scan()/repair() on a temp dir.
#include "core/doctor.h"

#include <algorithm>
#include <fstream>
#include <functional>
#include <ostream>

#include <gtest/gtest.h>

#include "core/fsutil.h"
#include "support/testutil.h"

namespace kith::doctor::doctor_test {
namespace {

const std::string kAda = R"({"id": "ada", "name": "Ada", "added_on": "2026-01-01"})";
const std::string kConfig = R"({"format": "kith", "version": 1, "settings": {}})";

std::string log_line(const std::string& id, const std::string& date, const std::string& contact) {
  return R"({"id": ")" + id + R"(", "date": ")" + date + R"(", "contacts": [")" + contact +
         R"("], "kind": "call", "intent": "give", "logged_at": ")" + date + "T10:00:00Z\"}\n";
}

Entry file(std::string name, std::string content, unsigned mode = 0600) {
  Entry e;
  e.name = std::move(name);
  e.content = std::move(content);
  e.mode = mode;
  return e;
}

Entry dir(std::string name) {
  Entry e;
  e.name = std::move(name);
  e.type = Entry::Type::directory;
  e.mode = 0700;
  return e;
}

// A healthy directory: kith.json, one contact, one month.
Snapshot healthy() {
  Snapshot s;
  s.exists = true;
  s.entries = {file("kith.json", kConfig), dir("contacts"), dir("log"),
               file("contacts/ada.json", kAda),
               file("log/2026-11.jsonl", log_line("i-1", "2026-11-02", "ada"))};
  return s;
}

Entry* entry(Snapshot& s, const std::string& name) {
  for (auto& e : s.entries) {
    if (e.name == name) return &e;
  }
  s.entries.push_back(file(name, ""));
  return &s.entries.back();
}

TEST(DoctorAnalyzeTest, AHealthySnapshotHasNoFindingsAndCountsItsRecords) {
  const Report r = analyze(healthy());
  EXPECT_TRUE(r.findings.empty()) << r.findings.front().message;
  EXPECT_EQ(r.contacts, 1);
  EXPECT_EQ(r.interactions, 1);
  EXPECT_EQ(r.log_files, 1);
  EXPECT_EQ(r.files, 3);
}

TEST(DoctorAnalyzeTest, AMissingDirectoryIsNotAProblem) {
  const Report r = analyze(Snapshot{});
  EXPECT_FALSE(r.exists);
  EXPECT_TRUE(r.findings.empty());
}

struct Case {
  const char* label;
  std::function<void(Snapshot&)> damage;
  Severity severity;
  const char* check;
  const char* where;  // Finding::where()
  const char* message_part;
  Repair repair = Repair::none;
};

void PrintTo(const Case& c, std::ostream* os) { *os << c.label; }

class DoctorCheckTest : public ::testing::TestWithParam<Case> {};

TEST_P(DoctorCheckTest, FindsTheProblemWhereItIs) {
  const Case& c = GetParam();
  Snapshot s = healthy();
  c.damage(s);
  const Report r = analyze(s);
  const auto it = std::find_if(r.findings.begin(), r.findings.end(),
                               [&](const Finding& f) { return f.check == c.check; });
  ASSERT_NE(it, r.findings.end()) << "no '" << c.check << "' finding; first: "
                                  << (r.findings.empty() ? "none" : r.findings[0].message);
  EXPECT_EQ(it->severity, c.severity);
  EXPECT_EQ(it->where(), c.where);
  EXPECT_NE(it->message.find(c.message_part), std::string::npos) << it->message;
  EXPECT_EQ(it->repair, c.repair);
}

INSTANTIATE_TEST_SUITE_P(
    Checks, DoctorCheckTest,
    ::testing::Values(
        Case{"InvalidJsonNamesTheLine",
             [](Snapshot& s) { entry(s, "contacts/ada.json")->content = "{\n\"id\": \"ada\",\n}"; },
             Severity::error, "json", "contacts/ada.json:3", "not valid JSON"},
        Case{"MiddleLogLine",
             [](Snapshot& s) {
               entry(s, "log/2026-11.jsonl")->content =
                   "{oops\n" + log_line("i-2", "2026-11-03", "ada");
             },
             Severity::error, "json", "log/2026-11.jsonl:1", "not valid JSON"},
        Case{"NulBytes",
             [](Snapshot& s) {
               entry(s, "log/2026-11.jsonl")->content =
                   std::string(8, '\0') + "\n" + log_line("i-2", "2026-11-03", "ada");
             },
             Severity::error, "json", "log/2026-11.jsonl:1", "NUL bytes"},
        Case{"TornLastLine",
             [](Snapshot& s) { *entry(s, "log/2026-11.jsonl")->content += "{\"id\": \"i-"; },
             Severity::warning, "torn-line", "log/2026-11.jsonl:2", "torn last line",
             Repair::truncate_torn_line},
        Case{"NoFinalNewline",
             [](Snapshot& s) { entry(s, "log/2026-11.jsonl")->content->pop_back(); },
             Severity::warning, "no-newline", "log/2026-11.jsonl:1", "no newline",
             Repair::add_final_newline},
        Case{"ConflictMarkers",
             [](Snapshot& s) {
               entry(s, "contacts/ada.json")->content =
                   "<<<<<<< HEAD\n" + kAda + "\n=======\n" + kAda + "\n>>>>>>> b\n";
             },
             Severity::error, "conflict", "contacts/ada.json:1", "git merge conflict"},
        Case{"ConflictInLog",
             [](Snapshot& s) {
               *entry(s, "log/2026-11.jsonl")->content += "<<<<<<< HEAD\n=======\n" +
                                                          log_line("i-3", "2026-11-03", "ada") +
                                                          ">>>>>>> theirs\n";
             },
             Severity::error, "conflict", "log/2026-11.jsonl:2", "git merge conflict"},
        Case{"BadRecord",
             [](Snapshot& s) {
               entry(s, "contacts/ada.json")->content = R"({"id": "ada", "name": ["x"]})";
             },
             Severity::error, "record", "contacts/ada.json", "name"},
        Case{"BadInteraction",
             [](Snapshot& s) {
               entry(s, "log/2026-11.jsonl")->content = R"({"id": "i-1", "date": "2026-11-31"})"
                                                        "\n";
             },
             Severity::error, "record", "log/2026-11.jsonl:1", "date"},
        Case{"NewerVersion",
             [](Snapshot& s) {
               entry(s, "kith.json")->content = R"({"format": "kith", "version": 2})";
             },
             Severity::error, "record", "kith.json", "version 2"},
        Case{"BadSetting",
             [](Snapshot& s) {
               entry(s, "kith.json")->content =
                   R"({"format": "kith", "version": 1, "settings": {"every": "often"}})";
             },
             Severity::error, "record", "kith.json", "every"},
        Case{"BadProfile",
             [](Snapshot& s) { s.entries.push_back(file("me.json", R"({"skills": "x"})")); },
             Severity::error, "record", "me.json", "skills"},
        Case{"IdMismatch",
             [](Snapshot& s) {
               s.entries.push_back(file("contacts/bob.json",
                                        R"({"id": "rob", "name": "B", "added_on": "2026-01-01"})"));
             },
             Severity::error, "id-mismatch", "contacts/bob.json", "'rob' does not match"},
        Case{"DuplicateContactId",
             [](Snapshot& s) { s.entries.push_back(file("contacts/ada-2.json", kAda)); },
             Severity::error, "duplicate-id", "contacts/ada-2.json",
             "contacts/ada.json has that id too"},
        Case{"UnknownContact",
             [](Snapshot& s) {
               *entry(s, "log/2026-11.jsonl")->content += log_line("i-2", "2026-11-03", "zed");
             },
             Severity::error, "unknown-contact", "log/2026-11.jsonl:2", "'zed'",
             Repair::remove_unknown_contact},
        Case{"DuplicateInteractionId",
             [](Snapshot& s) {
               *entry(s, "log/2026-11.jsonl")->content += log_line("i-1", "2026-11-04", "ada");
             },
             Severity::error, "duplicate-id", "log/2026-11.jsonl:2",
             "first at log/2026-11.jsonl:1"},
        Case{"WrongMonth",
             [](Snapshot& s) {
               *entry(s, "log/2026-11.jsonl")->content += log_line("i-2", "2026-12-01", "ada");
             },
             Severity::warning, "month", "log/2026-11.jsonl:2", "dated 2026-12-01"},
        Case{"WrongYear",
             [](Snapshot& s) {
               *entry(s, "log/2026-11.jsonl")->content += log_line("i-2", "2025-11-01", "ada");
             },
             Severity::warning, "month", "log/2026-11.jsonl:2", "dated 2025-11-01"},
        Case{"MonthThirteen",
             [](Snapshot& s) {
               s.entries.push_back(file("log/2026-13.jsonl", log_line("i-2", "2026-11-05", "ada")));
             },
             Severity::warning, "month", "log/2026-13.jsonl:1",
             "dated 2026-11-05 but kept in log/2026-13.jsonl"},
        Case{"TempFile",
             [](Snapshot& s) { s.entries.push_back(file("log/.2026-11.jsonl.tmp-a1b2c3", "")); },
             Severity::warning, "temp-file", "log/.2026-11.jsonl.tmp-a1b2c3", "temp file",
             Repair::remove_temp_file},
        Case{"IgnoredContactFile",
             [](Snapshot& s) { s.entries.push_back(file("contacts/ada.json.bak", "x")); },
             Severity::warning, "ignored", "contacts/ada.json.bak", "not a contact file"},
        Case{"IgnoredLogFile",
             [](Snapshot& s) { s.entries.push_back(file("log/2026-11.jsonl.orig", "x")); },
             Severity::warning, "ignored", "log/2026-11.jsonl.orig", "not a month file"},
        // The store reads only YYYY-MM.jsonl, digits around one dash: a name
        // with a dash for a digit is not a month file for doctor either.
        Case{"IgnoredMisnamedMonthFile",
             [](Snapshot& s) { s.entries.push_back(file("log/2026--1.jsonl", "x")); },
             Severity::warning, "ignored", "log/2026--1.jsonl", "not a month file"},
        Case{"LogIsAFile",
             [](Snapshot& s) {
               s.entries.erase(s.entries.begin() + 2);
               entry(s, "log")->content = "";
             },
             Severity::error, "layout", "log", "should be a directory"},
        Case{"OpenPermissions", [](Snapshot& s) { entry(s, "contacts/ada.json")->mode = 0644; },
             Severity::warning, "permissions", ".", "(contacts/ada.json, mode 0644)",
             Repair::make_private},
        Case{"ReadOnly", [](Snapshot& s) { s.read_only = true; }, Severity::warning, "read-only",
             ".", "read-only file system"},
        Case{"Unreadable",
             [](Snapshot& s) {
               auto* e = entry(s, "contacts/ada.json");
               e->content.reset();
               e->read_error = "Permission denied";
             },
             Severity::error, "read", "contacts/ada.json", "Permission denied"}),
    [](const ::testing::TestParamInfo<Case>& p) { return std::string(p.param.label); });

TEST(DoctorAnalyzeTest, HiddenEntriesThatAreNotTempFilesAreNotKiths) {
  Snapshot s = healthy();
  s.entries.push_back(file(".gitignore", "x", 0644));
  s.entries.push_back(dir(".git"));
  s.entries.push_back(file(".lock", "", 0644));
  EXPECT_TRUE(analyze(s).findings.empty());
}

TEST(DoctorAnalyzeTest, ManyBadLinesAreCappedPerFileButRepairsAreKept) {
  Snapshot s = healthy();
  std::string content;
  for (int k = 0; k < 50; ++k) content += "{bad\n";
  content += "{\"torn";
  entry(s, "log/2026-11.jsonl")->content = content;
  const Report r = analyze(s);
  EXPECT_EQ(r.findings.size(), static_cast<std::size_t>(kMaxFindingsPerFile + 2));
  EXPECT_EQ(r.repairable(), 1);
  EXPECT_EQ(r.findings.back().message, "and 30 more problems in this file");
  EXPECT_EQ(r.findings.back().severity, Severity::error);
}

TEST(DoctorAnalyzeTest, MessagesAreSafeForTheTerminalAndForJson) {
  Snapshot s = healthy();
  entry(s, "contacts/ada.json")->content = "\x1b[31m\xff";
  const Report r = analyze(s);
  ASSERT_FALSE(r.findings.empty());
  for (const auto& f : r.findings) {
    EXPECT_EQ(f.message.find('\x1b'), std::string::npos) << f.message;
  }
}

TEST(DoctorRepairTest, ScanThenRepairFixesOnlyWhatIsSafe) {
  test::TempDir tmp;
  const fs::path d = tmp.path();
  test::write_file(d / "kith.json", kConfig + "\n");
  test::write_file(d / "contacts/ada.json", kAda + "\n");
  test::write_file(d / "contacts/.ada.json.tmp-0a0b0c", "{");
  const std::string good = log_line("i-1", "2026-11-02", "ada");
  test::write_file(d / "log/2026-11.jsonl", good + "{\"id\": \"i-2\", \"da");
  test::write_file(d / "log/2026-10.jsonl", log_line("i-0", "2026-10-02", "ada") + "{broken\n");
  ASSERT_TRUE(fsutil::make_private(d));  // the modes kith gives its files

  auto report = check(d);
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report->repairable(), 2);
  std::vector<Repaired> done;
  ASSERT_TRUE(repair(d, *report, done).ok());
  ASSERT_EQ(done.size(), 2u);
  EXPECT_EQ(done[0].file, "contacts/.ada.json.tmp-0a0b0c");
  EXPECT_EQ(done[1].file, "log/2026-11.jsonl");
  EXPECT_EQ(done[1].line, 2);
  EXPECT_EQ(test::read_file(d / "log/2026-11.jsonl"), good);
  EXPECT_FALSE(fs::exists(d / "contacts/.ada.json.tmp-0a0b0c"));

  report = check(d);
  ASSERT_TRUE(report.ok());
  ASSERT_EQ(report->count(Severity::error), 1);
  const auto it = std::find_if(report->findings.begin(), report->findings.end(),
                               [](const Finding& f) { return f.severity == Severity::error; });
  EXPECT_EQ(it->where(), "log/2026-10.jsonl:2");
  EXPECT_EQ(report->repairable(), 0);
}

// ------------------------------------------------------- an interrupted merge

const std::string kKeep =
    R"({"id": "ada", "name": "Ada", "emails": ["a@x.example", "b@x.example"],
        "added_on": "2026-01-01", "aliases": ["ada-l"]})";
const std::string kLeftover =
    R"({"id": "ada-l", "name": "Ada L.", "emails": ["b@x.example"], "added_on": "2026-01-01"})";

std::vector<std::string> checks_of(const Report& r) {
  std::vector<std::string> out;
  for (const auto& f : r.findings) {
    out.push_back(f.check + " " + f.where() + (f.repair != Repair::none ? " fixable" : ""));
  }
  return out;
}

TEST(DoctorAnalyzeTest, AnInterruptedMergeIsWarnedAboutAndRepairable) {
  Snapshot s = healthy();
  entry(s, "contacts/ada.json")->content = kKeep;
  s.entries.push_back(file("contacts/ada-l.json", kLeftover));
  entry(s, "log/2026-11.jsonl")->content =
      log_line("i-1", "2026-11-02", "ada") + log_line("i-2", "2026-11-03", "ada-l");
  const Report r = analyze(s);
  EXPECT_EQ(checks_of(r), (std::vector<std::string>{"merged-contact contacts/ada-l.json fixable",
                                                    "alias log/2026-11.jsonl:2 fixable"}));
  EXPECT_EQ(r.count(Severity::error), 0);
  EXPECT_EQ(r.aliases.at("ada-l"), "ada");
  EXPECT_NE(r.findings[1].message.find("names 'ada-l' (merged into ada)"), std::string::npos)
      << r.findings[1].message;
}

TEST(DoctorAnalyzeTest, ALeftoverThatHoldsWhatKeepLacksIsNotRemoved) {
  Snapshot s = healthy();
  entry(s, "contacts/ada.json")->content = kKeep;
  s.entries.push_back(file("contacts/ada-l.json", R"({"id": "ada-l", "name": "Ada L.",
      "emails": ["c@x.example"], "added_on": "2026-01-01"})"));
  const Report r = analyze(s);
  EXPECT_EQ(checks_of(r), (std::vector<std::string>{"merged-contact contacts/ada-l.json"}));
  EXPECT_NE(r.findings[0].hint.find("kith merge ada ada-l --dry-run"), std::string::npos);
}

TEST(DoctorAnalyzeTest, AnAliasInAFileWithErrorsIsNotRewrittenNorItsContactRemoved) {
  Snapshot s = healthy();
  entry(s, "contacts/ada.json")->content = kKeep;
  s.entries.push_back(file("contacts/ada-l.json", kLeftover));
  entry(s, "log/2026-11.jsonl")->content = log_line("i-2", "2026-11-03", "ada-l") + "{broken\n";
  const Report r = analyze(s);
  EXPECT_EQ(checks_of(r),
            (std::vector<std::string>{"merged-contact contacts/ada-l.json",
                                      "alias log/2026-11.jsonl:1", "json log/2026-11.jsonl:2"}));
}

TEST(DoctorAnalyzeTest, AnAliasOfTwoContactsIsAnError) {
  Snapshot s = healthy();
  entry(s, "contacts/ada.json")->content = kKeep;
  s.entries.push_back(file("contacts/bob.json", R"({"id": "bob", "name": "Bob",
      "added_on": "2026-01-01", "aliases": ["ada-l"]})"));
  const Report r = analyze(s);
  EXPECT_EQ(checks_of(r), (std::vector<std::string>{"alias contacts/bob.json"}));
  EXPECT_EQ(r.findings[0].message, "'ada-l' is an alias of both ada and bob");
}

TEST(DoctorRepairTest, FinishesAnInterruptedMergeLogFirstThenTheLeftoverFile) {
  test::TempDir tmp;
  const fs::path d = tmp.path();
  test::write_file(d / "kith.json", kConfig + "\n");
  test::write_file(d / "contacts/ada.json", kKeep + "\n");
  test::write_file(d / "contacts/ada-l.json", kLeftover + "\n");
  const std::string kept = log_line("i-1", "2026-10-02", "ada");
  test::write_file(d / "log/2026-10.jsonl", kept + log_line("i-2", "2026-10-03", "ada-l"));
  // A torn last line too: cut first, then the alias rewritten.
  test::write_file(d / "log/2026-11.jsonl", log_line("i-3", "2026-11-02", "ada-l") + "{\"id");
  ASSERT_TRUE(fsutil::make_private(d));  // the modes kith gives its files

  auto report = check(d);
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report->repairable(), 4);
  std::vector<Repaired> done;
  ASSERT_TRUE(repair(d, *report, done).ok());
  std::vector<std::string> files;
  for (const auto& r : done) files.push_back(r.file);
  EXPECT_EQ(files, (std::vector<std::string>{"log/2026-11.jsonl", "log/2026-10.jsonl",
                                             "log/2026-11.jsonl", "contacts/ada-l.json"}));
  EXPECT_FALSE(fs::exists(d / "contacts/ada-l.json"));
  const std::string october = test::read_file(d / "log/2026-10.jsonl");
  EXPECT_EQ(october.substr(0, kept.size()), kept);  // untouched, byte for byte
  EXPECT_EQ(october.find("ada-l"), std::string::npos);
  report = check(d);
  ASSERT_TRUE(report.ok());
  std::vector<std::string> left;
  for (const auto& f : report->findings) {
    if (f.check != "permissions") left.push_back(f.check + " " + f.where());  // test files' modes
  }
  EXPECT_TRUE(left.empty()) << left[0];
  EXPECT_EQ(report->interactions, 3);
}

TEST(DoctorScanTest, AMissingDirectoryScansAsNotExisting) {
  test::TempDir tmp;
  auto s = scan(tmp.path() / "none");
  ASSERT_TRUE(s.ok());
  EXPECT_FALSE(s->exists);
}

TEST(DoctorScanTest, AFileInsteadOfTheDirectoryIsAnIoError) {
  test::TempDir tmp;
  test::write_file(tmp.path() / "f", "x");
  auto s = scan(tmp.path() / "f");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().kind, ErrorKind::io);
}

}  // namespace
}  // namespace kith::doctor::doctor_test
