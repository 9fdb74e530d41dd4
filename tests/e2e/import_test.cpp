// End-to-end: `kith import` on a temp data directory, success and error paths.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <ostream>

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/file.h>
#include <unistd.h>

#include "support/labels.h"
#include "support/testutil.h"

namespace kith::test::import_test {
namespace {

using ::kith::test::operator<<;

using Json = nlohmann::ordered_json;

// Every file under dir (relative name -> content), to show that nothing changed.
std::map<std::string, std::string> snapshot(const fs::path& dir) {
  std::map<std::string, std::string> files;
  if (!fs::exists(dir)) return files;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (e.is_regular_file()) files[e.path().lexically_relative(dir).string()] = read_file(e.path());
  }
  return files;
}

class ImportTest : public ::testing::Test {
 protected:
  TempDir tmp;
  Kith kith{tmp / "data"};
  void SetUp() override { kith.today("2026-11-25"); }
  fs::path contact_file(const std::string& id) const {
    return tmp / "data" / "contacts" / (id + ".json");
  }
};

TEST_F(ImportTest, LinkedinAddsEachConnectionWithItsFields) {
  auto r = kith.ok({"import", "linkedin", import_fixture("linkedin-connections.csv")});
  EXPECT_NE(r.out.find("Added 5:"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("5 added, 0 updated, 0 unchanged, 2 skipped."), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("linkedin-connections.csv:10"), std::string::npos) << r.out;
  EXPECT_NE(r.err.find("linkedin-connections.csv:9: Connected On 'not a date'"), std::string::npos)
      << r.err;
  auto ada = read_json(contact_file("ada-lovelace"));
  EXPECT_EQ(ada["company"], "Analytical Engines");
  EXPECT_EQ(ada["role"], "Mathematician, Poet");
  EXPECT_EQ(ada["emails"], Json::array({"ada@example.org"}));
  EXPECT_EQ(ada["links"], Json::array({"https://www.linkedin.com/in/ada-lovelace"}));
  EXPECT_EQ(ada["met_on"], "2024-03-12");
  EXPECT_EQ(ada["tags"], Json::array({"linkedin"}));
  EXPECT_EQ(ada["added_on"], "2026-11-25");
  EXPECT_FALSE(ada.contains("job_changes"));
  EXPECT_EQ(read_json(contact_file("jose-nunez"))["met_on"], "2022-02-07");
  EXPECT_EQ(read_json(contact_file("li-xiao-long"))["name"], "李 小龙");
}

TEST_F(ImportTest, JsonReportHasTheDocumentedShape) {
  auto j =
      kith.ok({"import", "linkedin", import_fixture("linkedin-connections.csv"), "--json"}).json();
  EXPECT_EQ(j["added"], Json::array({"ada-lovelace", "jose-nunez", "li-xiao-long", "grace-hopper",
                                     "zoe-achterberg"}));
  EXPECT_EQ(j["updated"], Json::array());
  EXPECT_EQ(j["unchanged"], 0);
  EXPECT_EQ(j["job_changes"], Json::array());
  ASSERT_EQ(j["skipped"].size(), 2u);
  EXPECT_EQ(j["skipped"][0]["line"], 10);
  EXPECT_EQ(j["skipped"][0]["reason"], "has 8 fields where the header has 7");
  EXPECT_EQ(j["skipped"][1]["line"], 11);
  EXPECT_EQ(j["dry_run"], false);
}

TEST_F(ImportTest, ReimportingTheSameFileChangesNothing) {
  kith.ok({"import", "linkedin", import_fixture("linkedin-connections.csv")});
  const auto before = snapshot(tmp / "data");
  auto j =
      kith.ok({"import", "linkedin", import_fixture("linkedin-connections.csv"), "--json"}).json();
  EXPECT_EQ(j["added"], Json::array());
  EXPECT_EQ(j["updated"], Json::array());
  EXPECT_EQ(j["unchanged"], 5);
  EXPECT_EQ(snapshot(tmp / "data"), before);
}

TEST_F(ImportTest, ALaterExportReportsAndRecordsJobChanges) {
  kith.ok({"import", "linkedin", import_fixture("linkedin-connections.csv")});
  kith.today("2026-12-01");
  auto j =
      kith.ok({"import", "linkedin", import_fixture("linkedin-connections-later.csv"), "--json"})
          .json();
  EXPECT_EQ(j["added"], Json::array({"kwame-asante"}));
  EXPECT_EQ(j["updated"], Json::array({"ada-lovelace", "jose-nunez"}));
  EXPECT_EQ(j["unchanged"], 3);
  ASSERT_EQ(j["job_changes"].size(), 1u);
  const Json& change = j["job_changes"][0];
  EXPECT_EQ(change["id"], "ada-lovelace");
  EXPECT_EQ(change["from"],
            Json({{"company", "Analytical Engines"}, {"role", "Mathematician, Poet"}}));
  EXPECT_EQ(change["to"], Json({{"company", "Babbage & Co"}, {"role", "Chief Scientist"}}));
  auto ada = read_json(contact_file("ada-lovelace"));
  EXPECT_EQ(ada["company"], "Babbage & Co");
  EXPECT_EQ(ada["role"], "Chief Scientist");
  ASSERT_EQ(ada["job_changes"].size(), 1u);
  EXPECT_EQ(ada["job_changes"][0]["on"], "2026-12-01");
  EXPECT_EQ(ada["job_changes"][0]["from"], change["from"]);
  EXPECT_EQ(ada["job_changes"][0]["to"], change["to"]);
  // The profile URL matched despite another spelling; the new email was added.
  EXPECT_EQ(read_json(contact_file("jose-nunez"))["emails"], Json::array({"jose@paywell.example"}));
  // A third import finds nothing new.
  kith.today("2026-12-02");
  auto again = kith.ok({"import", "linkedin", import_fixture("linkedin-connections-later.csv")});
  EXPECT_EQ(again.out.find("Job changes"), std::string::npos) << again.out;
}

TEST_F(ImportTest, HumanReportListsJobChanges) {
  kith.ok({"import", "linkedin", import_fixture("linkedin-connections.csv")});
  auto r = kith.ok({"import", "linkedin", import_fixture("linkedin-connections-later.csv")});
  EXPECT_NE(r.out.find("Job changes"), std::string::npos) << r.out;
  EXPECT_NE(
      r.out.find("Mathematician, Poet at Analytical Engines → Chief Scientist at Babbage & Co"),
      std::string::npos)
      << r.out;
}

TEST_F(ImportTest, DryRunShowsTheChangesAndWritesNothing) {
  auto r = kith.ok({"import", "linkedin", import_fixture("linkedin-connections.csv"), "--dry-run"});
  EXPECT_NE(r.out.find("Would add 5:"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Dry run, nothing written"), std::string::npos) << r.out;
  EXPECT_FALSE(fs::exists(tmp / "data"));
  kith.ok({"import", "linkedin", import_fixture("linkedin-connections.csv")});
  const auto before = snapshot(tmp / "data");
  auto j = kith.ok({"import", "linkedin", import_fixture("linkedin-connections-later.csv"),
                    "--dry-run", "--json"})
               .json();
  EXPECT_EQ(j["dry_run"], true);
  EXPECT_EQ(j["added"], Json::array({"kwame-asante"}));
  EXPECT_EQ(j["job_changes"].size(), 1u);
  EXPECT_EQ(snapshot(tmp / "data"), before);
}

TEST_F(ImportTest, VcardFilesFromSeveralAddressBooksInOneImport) {
  auto j =
      kith.ok({"import", "vcard", import_fixture("google-contacts.vcf"),
               import_fixture("apple-contacts.vcf"), import_fixture("carddav-v4.vcf"), "--json"})
          .json();
  EXPECT_EQ(j["added"], Json::array({"ada-lovelace", "jose-nunez", "grace-hopper", "zoe-achterberg",
                                     "kwame-asante"}));
  ASSERT_EQ(j["skipped"].size(), 2u);
  EXPECT_NE(j["skipped"][0]["file"].get<std::string>().find("google-contacts.vcf"),
            std::string::npos);
  EXPECT_EQ(j["skipped"][0]["line"], 26);
  EXPECT_EQ(j["skipped"][1]["reason"], "no END:VCARD");
  auto kwame = read_json(contact_file("kwame-asante"));
  EXPECT_EQ(kwame["phones"], Json::array({"+233-30-555-0142", "+233-30-555-0100 ext. 42"}));
  EXPECT_EQ(kwame["birthday"], "--04-12");
  EXPECT_EQ(kwame["vcard_uid"], "urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6");
  EXPECT_EQ(read_json(contact_file("grace-hopper"))["birthday"], "--12-09");
  const auto before = snapshot(tmp / "data");
  auto again =
      kith.ok({"import", "vcard", import_fixture("google-contacts.vcf"),
               import_fixture("apple-contacts.vcf"), import_fixture("carddav-v4.vcf"), "--json"})
          .json();
  EXPECT_EQ(again["unchanged"], 5);
  EXPECT_EQ(snapshot(tmp / "data"), before);
}

TEST_F(ImportTest, VcardMergesIntoContactsAlreadyKept) {
  kith.ok({"import", "linkedin", import_fixture("linkedin-connections.csv")});
  auto j = kith.ok({"import", "vcard", import_fixture("apple-contacts.vcf"), "--json"}).json();
  // Grace matched by her LinkedIn URL, Zoë by her unique name.
  EXPECT_EQ(j["added"], Json::array());
  EXPECT_EQ(j["updated"], Json::array({"grace-hopper"}));
  auto grace = read_json(contact_file("grace-hopper"));
  EXPECT_EQ(grace["phones"], Json::array({"(555) 010-0199"}));
  EXPECT_EQ(grace["tags"], Json::array({"linkedin", "navy"}));
}

TEST_F(ImportTest, CsvWithKithColumns) {
  auto j = kith.ok({"import", "csv", import_fixture("contacts.csv"), "--json"}).json();
  EXPECT_EQ(j["added"], Json::array({"priya-raman", "matteo-rossi"}));
  ASSERT_EQ(j["skipped"].size(), 3u);
  EXPECT_EQ(j["skipped"][0]["line"], 5);
  EXPECT_EQ(j["skipped"][0]["reason"], "no name");
  auto priya = read_json(contact_file("priya-raman"));
  EXPECT_EQ(priya["every"], "2m");
  EXPECT_EQ(priya["birthday"], "--03-14");
  EXPECT_EQ(priya["notes"], "Said: \"write anytime\",\nmet at GopherCon");
  EXPECT_EQ(
      kith.ok({"import", "csv", import_fixture("contacts.csv"), "--json"}).json()["unchanged"], 2);
}

TEST_F(ImportTest, JsonRestoresInteractionsIntoTheirMonthFiles) {
  kith.ok({"add", "Ada Lovelace", "--email", "ada@example.org"});
  const std::string kept =
      R"({"id":"20261101T100000Z-aaaaaa","date":"2026-11-01","contacts":["ada-lovelace"],)"
      R"("kind":"coffee","intent":"give","note":null,"logged_at":"2026-11-01T10:00:00Z"})"
      "\n";
  write_file(tmp / "data/log/2026-11.jsonl", kept);
  const std::string backup = R"({
  "format": "kith-export",
  "version": 1,
  "settings": {"homework": 2},
  "me": {"name": "Noor Haddad", "skills": ["Rust"]},
  "contacts": [
    {"id": "ada", "name": "Ada Lovelace", "emails": ["ada@example.org"], "added_on": "2026-01-01"},
    {"id": "bob", "name": "Bob Stone", "added_on": "2026-02-01", "custom": {"x": 1}}
  ],
  "interactions": [
    {"id": "20261101T100000Z-aaaaaa", "date": "2026-11-01", "contacts": ["ada"], "intent": "give",
     "logged_at": "2026-11-01T10:00:00Z"},
    {"id": "20261110T100000Z-bbbbbb", "date": "2026-11-10", "contacts": ["ada", "bob"],
     "kind": "lunch", "logged_at": "2026-11-10T10:00:00Z"},
    {"id": "20251010T100000Z-cccccc", "date": "2025-10-10", "contacts": ["bob"], "intent": "ask",
     "logged_at": "2025-10-10T10:00:00Z"},
    {"id": "bad id!", "date": "2025-10-10", "contacts": ["bob"]}
  ]
}
)";
  write_file(tmp / "backup.json", backup);
  auto j = kith.ok({"import", "json", (tmp / "backup.json").string(), "--json"}).json();
  EXPECT_EQ(j["added"], Json::array({"bob"}));
  EXPECT_EQ(j["interactions"], Json({{"added", 2}, {"unchanged", 1}}));
  EXPECT_EQ(j["profile_updated"], true);
  EXPECT_EQ(j["settings_added"], Json::array({"homework"}));
  ASSERT_EQ(j["skipped"].size(), 1u);
  EXPECT_EQ(j["skipped"][0]["line"], 17);
  const std::string november = read_file(tmp / "data/log/2026-11.jsonl");
  EXPECT_TRUE(november.starts_with(kept)) << november;
  EXPECT_NE(november.find(R"("contacts":["ada-lovelace","bob"])"), std::string::npos) << november;
  EXPECT_TRUE(fs::exists(tmp / "data/log/2025-10.jsonl"));
  EXPECT_EQ(read_json(contact_file("bob"))["custom"], Json({{"x", 1}}));
  EXPECT_EQ(read_json(tmp / "data/me.json")["name"], "Noor Haddad");
  EXPECT_EQ(read_json(tmp / "data/kith.json")["settings"]["homework"], 2);
  const auto before = snapshot(tmp / "data");
  auto again = kith.ok({"import", "json", (tmp / "backup.json").string(), "--json"}).json();
  EXPECT_EQ(again["interactions"], Json({{"added", 0}, {"unchanged", 3}}));
  EXPECT_EQ(snapshot(tmp / "data"), before);
}

TEST_F(ImportTest, ATornLogLineStopsAJsonImportBeforeAnyWrite) {
  kith.ok({"add", "Ada Lovelace"});
  write_file(tmp / "data/log/2026-11.jsonl", R"({"id":"torn)");
  write_file(tmp / "backup.json", R"({"format": "kith-export", "version": 1, "contacts": [
    {"id": "bob", "name": "Bob", "added_on": "2026-01-01"}], "interactions": [
    {"id": "x1", "date": "2026-11-02", "contacts": ["bob"]}]})");
  const auto before = snapshot(tmp / "data");
  auto r = kith.run({"import", "json", (tmp / "backup.json").string()});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find("kith: error: log/2026-11.jsonl:1: ends with a torn line"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("kith doctor --fix"), std::string::npos) << r.err;
  EXPECT_EQ(snapshot(tmp / "data"), before);
}

TEST_F(ImportTest, AJsonImportAppendsAfterACompleteLastLineThatLacksItsNewline) {
  kith.ok({"add", "Bob"});
  const std::string last =
      R"({"id":"a1","date":"2026-11-01","logged_at":"2026-11-01T10:00:00Z","kind":"call",)"
      R"("intent":"catch-up","contacts":["bob"]})";
  write_file(tmp / "data/log/2026-11.jsonl", last);  // complete, no newline at the end
  write_file(tmp / "backup.json", R"({"format": "kith-export", "version": 1, "contacts": [
    {"id": "bob", "name": "Bob", "added_on": "2026-01-01"}], "interactions": [
    {"id": "x1", "date": "2026-11-02", "contacts": ["bob"]}]})");
  auto r = kith.run({"import", "json", (tmp / "backup.json").string(), "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.json()["interactions"], Json({{"added", 1}, {"unchanged", 0}}));
  const std::string november = read_file(tmp / "data/log/2026-11.jsonl");
  ASSERT_EQ(november.substr(0, last.size() + 1), last + "\n") << november;
  const std::string added = november.substr(last.size() + 1);
  EXPECT_EQ(std::count(added.begin(), added.end(), '\n'), 1) << november;
  EXPECT_TRUE(added.ends_with("\n")) << november;
  EXPECT_EQ(Json::parse(added)["id"], "x1");
  auto shown = kith.ok({"show", "bob", "--json"}).json();
  EXPECT_EQ(shown["interactions"].size(), 2u) << shown.dump();
}

TEST_F(ImportTest, AnImportWhoseEveryRecordIsSkippedExitsOne) {
  write_file(tmp / "none.csv", "name,email\n,a@example.org\n,b@example.org\n");
  auto r = kith.run({"import", "csv", (tmp / "none.csv").string()});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("0 added, 0 updated, 0 unchanged, 2 skipped."), std::string::npos) << r.out;
  EXPECT_EQ(r.err,
            "kith: error: nothing was imported: all 2 records were skipped\n"
            "kith: hint: each skipped record is listed with its reason\n");
  r = kith.run({"import", "csv", (tmp / "none.csv").string(), "--json", "--dry-run"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.json()["skipped"].size(), 2u);
  EXPECT_EQ(r.err,
            "kith: error: nothing would be imported: all 2 records were skipped\n"
            "kith: hint: each skipped record is listed with its reason\n");
  // One record imported, one skipped: a success.
  write_file(tmp / "some.csv", "name,email\nAda,a@example.org\n,b@example.org\n");
  r = kith.run({"import", "csv", (tmp / "some.csv").string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("1 added, 0 updated, 0 unchanged, 1 skipped."), std::string::npos) << r.out;
  // Again: the record is kept unchanged, which is no failure either.
  r = kith.run({"import", "csv", (tmp / "some.csv").string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("0 added, 0 updated, 1 unchanged, 1 skipped."), std::string::npos) << r.out;
}

TEST_F(ImportTest, ManyRowsImportAtOnceWithoutAProgressBarWhenStderrIsNotATerminal) {
  std::string text = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n";
  for (int i = 0; i < 400; ++i) {
    text += "Person,Number " + std::to_string(i) + ",https://www.linkedin.com/in/p" +
            std::to_string(i) + ",,Acme,Engineer,1 Jan 2024\n";
  }
  write_file(tmp / "big.csv", text);
  auto r = kith.ok({"import", "linkedin", (tmp / "big.csv").string(), "--json"});
  EXPECT_EQ(r.json()["added"].size(), 400u);
  EXPECT_EQ(r.err, "");
}

TEST_F(ImportTest, ALongListOfAddedContactsShowsTheFirstTenAndACount) {
  std::string text = "name\n";
  for (int i = 0; i < 3000; ++i) text += "Person " + std::to_string(1000 + i) + "\n";
  write_file(tmp / "many.csv", text);
  auto r = kith.run({"import", "csv", (tmp / "many.csv").string(), "--dry-run"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out,
            "Would add 3,000:\n"
            "  person-1000  Person 1000\n  person-1001  Person 1001\n"
            "  person-1002  Person 1002\n  person-1003  Person 1003\n"
            "  person-1004  Person 1004\n  person-1005  Person 1005\n"
            "  person-1006  Person 1006\n  person-1007  Person 1007\n"
            "  person-1008  Person 1008\n  person-1009  Person 1009\n"
            "  … and 2,990 more (`--json` lists every one)\n"
            "Dry run, nothing written: 3,000 added, 0 updated, 0 unchanged, 0 skipped.\n");
  r = kith.run({"import", "csv", (tmp / "many.csv").string(), "--dry-run", "--json"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.json()["added"].size(), 3000u);
  // Twenty are still listed one a line.
  text = "name\n";
  for (int i = 0; i < 20; ++i) text += "Person " + std::to_string(1000 + i) + "\n";
  write_file(tmp / "twenty.csv", text);
  r = kith.run({"import", "csv", (tmp / "twenty.csv").string(), "--dry-run"});
  EXPECT_NE(r.out.find("  person-1019  Person 1019\n"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("more"), std::string::npos) << r.out;
}

TEST_F(ImportTest, ManyRowsDrawAProgressBarWhenStderrIsATerminal) {
  if (std::system("command -v script >/dev/null 2>&1") != 0) {
    GTEST_SKIP() << "script(1) from util-linux is needed to give kith a terminal";
  }
  std::string text = "First Name,Last Name,URL\n";
  for (int i = 0; i < 350; ++i) {
    text += "Person,Number " + std::to_string(i) + ",https://www.linkedin.com/in/p" +
            std::to_string(i) + "\n";
  }
  write_file(tmp / "big.csv", text);
  const std::string command = "KITH_DIR='" + (tmp / "data").string() +
                              "' KITH_TODAY=2026-11-25 script -qec \"'" + kith_binary() +
                              "' import linkedin '" + (tmp / "big.csv").string() +
                              "' >/dev/null\" /dev/null";
  FILE* pipe = ::popen(command.c_str(), "r");
  ASSERT_NE(pipe, nullptr);
  std::string terminal;
  char buf[4096];
  std::size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, pipe)) > 0) terminal.append(buf, n);
  EXPECT_EQ(::pclose(pipe), 0) << terminal;
  EXPECT_NE(terminal.find("kith: importing [##########..........]  50%  175/350"),
            std::string::npos)
      << terminal;
  EXPECT_NE(terminal.find("100%  350/350\r\x1b[K"), std::string::npos) << terminal;
  EXPECT_EQ(snapshot(tmp / "data/contacts").size(), 350u);
}

TEST_F(ImportTest, AHeldLockFailsWithExitOneAndWritesNothing) {
  kith.ok({"add", "Ada Lovelace"});
  const auto before = snapshot(tmp / "data");
  int fd = ::open((tmp / "data/.lock").c_str(), O_RDWR | O_CREAT, 0600);
  ASSERT_GE(fd, 0);
  ASSERT_EQ(::flock(fd, LOCK_EX), 0);
  kith.env("KITH_LOCK_TIMEOUT", "0.2");
  auto r = kith.run({"import", "linkedin", import_fixture("linkedin-connections.csv")});
  ::close(fd);
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find("kith: error:"), std::string::npos);
  EXPECT_EQ(snapshot(tmp / "data"), before);
}

TEST_F(ImportTest, ACorruptContactFileStopsTheImport) {
  kith.ok({"add", "Ada Lovelace"});
  write_file(contact_file("ada-lovelace"), "{ not json");
  const auto before = snapshot(tmp / "data");
  auto r = kith.run({"import", "linkedin", import_fixture("linkedin-connections.csv")});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find("contacts/ada-lovelace.json"), std::string::npos) << r.err;
  EXPECT_EQ(snapshot(tmp / "data"), before);
}

struct BadImport {
  const char* label;
  std::vector<std::string> args;
  int exit_code;
  const char* message;
};

class ImportErrorTest : public ImportTest, public ::testing::WithParamInterface<BadImport> {};

TEST_P(ImportErrorTest, FailsWithAMessageAndWritesNothing) {
  std::vector<std::string> args;
  for (const auto& a : GetParam().args) {
    args.push_back(a.starts_with("@") ? import_fixture(a.substr(1)) : a);
  }
  auto r = kith.run(args);
  EXPECT_EQ(r.exit_code, GetParam().exit_code) << r.err;
  EXPECT_TRUE(r.out.empty()) << r.out;
  EXPECT_NE(r.err.find("kith: error: "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(GetParam().message), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(tmp / "data"));
}

INSTANTIATE_TEST_SUITE_P(
    BadInput, ImportErrorTest,
    ::testing::Values(
        BadImport{"NoFormat", {"import"}, 2, "say what to import"},
        BadImport{"UnknownFormat", {"import", "xml", "f.xml"}, 2, "unknown import format 'xml'"},
        BadImport{"NoFile", {"import", "linkedin"}, 2, "FILE is required"},
        BadImport{"TwoFilesForLinkedin",
                  {"import", "linkedin", "@linkedin-connections.csv", "@contacts.csv"},
                  2,
                  "FILE: At Most 1"},
        BadImport{"MissingFile",
                  {"import", "vcard", "/nonexistent/x.vcf"},
                  2,
                  "no such file: /nonexistent/x.vcf"},
        BadImport{"DirectoryAsFile", {"import", "csv", "/"}, 1, "cannot read"},
        BadImport{
            "NotLinkedin", {"import", "linkedin", "@contacts.csv"}, 2, "no LinkedIn header row"},
        BadImport{"NotVcard", {"import", "vcard", "@contacts.csv"}, 2, "no vCard in it"},
        BadImport{"CsvUnknownColumn",
                  {"import", "csv", "@linkedin-connections.csv"},
                  2,
                  "unknown column"},
        BadImport{"NotJson", {"import", "json", "@contacts.csv"}, 2, "not valid JSON"},
        BadImport{"UnknownOption",
                  {"import", "csv", "@contacts.csv", "--frobnicate"},
                  2,
                  "--frobnicate"}),
    [](const ::testing::TestParamInfo<BadImport>& p) { return std::string(p.param.label); });

}  // namespace
}  // namespace kith::test::import_test
