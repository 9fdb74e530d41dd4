// End-to-end: `kith export`, read back by kith itself and by real parsers
// (python3-vobject for vCard, python3-icalendar for iCalendar).
#include <cstdio>
#include <map>
#include <ostream>

#include <gtest/gtest.h>
#include <sys/stat.h>

#include "support/labels.h"
#include "support/testutil.h"

namespace kith::test::export_test {
namespace {

using ::kith::test::operator<<;

using Json = nlohmann::ordered_json;

// Runs `script` (written to a file in `tmp`) with `file` as its argument.
PythonRun run_script(const TempDir& tmp, const std::string& script, const fs::path& file) {
  const fs::path script_file = tmp / "check.py";
  write_file(script_file, script);
  return run_python(script_file, {file.string()});
}

std::string python_prelude(const std::string& module) {
  return "import sys\ntry:\n    import " + module + "\nexcept ImportError:\n    sys.exit(3)\n";
}

class ExportTest : public ::testing::Test {
 protected:
  TempDir tmp;
  Kith kith{tmp / "data"};
  void SetUp() override { kith.today("2026-11-25"); }

  void add_people() {
    kith.ok(
        {"add",        "Ada Lovelace",
         "--email",    "ada@example.org",
         "--email",    "ada@work.example",
         "--phone",    "+44 20 7946 0018",
         "--company",  "Analytical Engines, Ltd.",
         "--role",     "Mathematician; Poet",
         "--location", "London",
         "--link",     "https://www.linkedin.com/in/ada",
         "--tag",      "math",
         "--tag",      "mentors",
         "--skill",    "mathematics",
         "--interest", "engines",
         "--birthday", "1815-12-10",
         "--note",     "Met at the Royal Society, a long time ago; likes poetry and engines alike.",
         "--met",      "2026-09-01"});
    kith.ok({"add", "José Núñez", "--email", "jose@paywell.example", "--birthday", "07-14",
             "--every", "1m"});
    kith.ok({"add", "李小龙", "--tag", "film"});
    kith.ok({"add", "Old Friend", "--every", "off"});
  }
};

TEST_F(ExportTest, VcardIsReadByVobjectWithEveryMappedField) {
  add_people();
  kith.ok({"export", "vcard", "-o", (tmp / "out.vcf").string()});
  const std::string script = python_prelude("vobject") + R"(
cards = list(vobject.readComponents(open(sys.argv[1], encoding="utf-8").read()))
assert len(cards) == 4, len(cards)
ada = [c for c in cards if c.fn.value == "Ada Lovelace"][0]
assert [e.value for e in ada.contents["email"]] == ["ada@example.org", "ada@work.example"]
assert ada.org.value == ["Analytical Engines, Ltd."], ada.org.value
assert ada.title.value == "Mathematician; Poet", ada.title.value
assert ada.categories.value == ["math", "mentors"], ada.categories.value
assert ada.n.value.family == "Lovelace" and ada.n.value.given == "Ada"
assert ada.bday.value == "18151210", ada.bday.value
assert ada.uid.value == "kith:ada-lovelace"
assert ada.note.value.startswith("Met at the Royal Society, a long time ago;"), ada.note.value
assert ada.version.value == "4.0"
jose = [c for c in cards if c.fn.value == "José Núñez"][0]
assert jose.bday.value == "--0714", jose.bday.value
print("ok")
)";
  expect_python_ok(run_script(tmp, script, tmp / "out.vcf"), "python3-vobject");
}

TEST_F(ExportTest, IcsIsReadByPythonIcalendar) {
  add_people();
  write_file(tmp / "data/log/2026-11.jsonl",
             R"({"id":"20261120T100000Z-abcdef","date":"2026-11-20","contacts":["jose-nunez"],)"
             R"("kind":"coffee","intent":"give","note":null,"logged_at":"2026-11-20T10:00:00Z",)"
             R"("follow_up":{"text":"send the deck, with notes","by":"2026-12-01","done_on":null}})"
             "\n");
  kith.ok({"export", "ics", "-o", (tmp / "out.ics").string()});
  const std::string script = python_prelude("icalendar") + R"(
cal = icalendar.Calendar.from_ical(open(sys.argv[1], "rb").read())
events = {str(e["UID"]): e for e in cal.walk("VEVENT")}
assert sorted(events) == ["birthday-ada-lovelace@kith", "birthday-jose-nunez@kith",
                          "due-ada-lovelace@kith", "due-jose-nunez@kith", "due-li-xiao-long@kith",
                          "follow-up-20261120T100000Z-abcdef@kith"], sorted(events)
bday = events["birthday-ada-lovelace@kith"]
assert str(bday["DTSTART"].dt) == "1815-12-10", bday["DTSTART"].dt
assert bday["RRULE"]["FREQ"] == ["YEARLY"], bday["RRULE"]
assert str(bday["SUMMARY"]) == "Birthday: Ada Lovelace", bday["SUMMARY"]
assert str(events["due-jose-nunez@kith"]["DTSTART"].dt) == "2026-12-20"
assert str(events["due-ada-lovelace@kith"]["DTSTART"].dt) == "2026-12-01"
fu = events["follow-up-20261120T100000Z-abcdef@kith"]
assert str(fu["SUMMARY"]) == "Follow up with José Núñez: send the deck, with notes", fu["SUMMARY"]
assert str(fu["DTSTART"].dt) == "2026-12-01"
assert "kith done 20261120T100000Z-abcdef" in str(fu["DESCRIPTION"])
print("ok")
)";
  expect_python_ok(run_script(tmp, script, tmp / "out.ics"), "python3-icalendar");
  const std::string text = read_file(tmp / "out.ics");
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t end = text.find("\r\n", pos);
    ASSERT_NE(end, std::string::npos) << "every line ends in CRLF";
    EXPECT_LE(end - pos, 75u) << text.substr(pos, end - pos);
    pos = end + 2;
  }
}

TEST_F(ExportTest, IcsLeapDayBirthdayRecursOnTheLastDayOfFebruary) {
  kith.ok({"add", "Leap Baby", "--birthday", "02-29", "--every", "off"});
  kith.ok({"export", "ics", "-o", (tmp / "out.ics").string()});
  // Expanded by dateutil, as calendar apps expand it: the 28th in common
  // years, the 29th in leap years.
  const std::string script = python_prelude("icalendar") + R"(
import datetime
from dateutil.rrule import rrulestr
cal = icalendar.Calendar.from_ical(open(sys.argv[1], "rb").read())
(e,) = [e for e in cal.walk("VEVENT")]
assert str(e["UID"]) == "birthday-leap-baby@kith", e["UID"]
start = e["DTSTART"].dt
rule = rrulestr(e["RRULE"].to_ical().decode(), dtstart=datetime.datetime.combine(start, datetime.time()))
days = [d.date().isoformat() for d in rule.between(datetime.datetime(2026, 1, 1), datetime.datetime(2029, 1, 1))]
assert days == ["2026-02-28", "2027-02-28", "2028-02-29"], days
print("ok")
)";
  expect_python_ok(run_script(tmp, script, tmp / "out.ics"), "python3-icalendar");
}

TEST_F(ExportTest, IcsUidsStayTheSameWhenTheDueDateMoves) {
  add_people();
  const std::string before = kith.ok({"export", "ics"}).out;
  write_file(tmp / "data/log/2026-11.jsonl",
             R"({"id":"20261124T100000Z-abcdef","date":"2026-11-24","contacts":["ada-lovelace"],)"
             R"("kind":"call","intent":"catch-up","note":null,"logged_at":"2026-11-24T10:00:00Z"})"
             "\n");
  const std::string after = kith.ok({"export", "ics"}).out;
  EXPECT_NE(before, after);
  for (const std::string& text : {before, after}) {
    EXPECT_NE(text.find("UID:due-ada-lovelace@kith\r\n"), std::string::npos);
  }
  EXPECT_NE(after.find("DTSTART;VALUE=DATE:20270224"), std::string::npos) << after;
  EXPECT_EQ(kith.ok({"export", "ics"}).out, after) << "same data, same day, same bytes";
}

TEST_F(ExportTest, JsonRoundTripRestoresEverything) {
  add_people();
  kith.ok({"me", "--name", "Noor Haddad", "--skill", "Rust"});
  write_file(
      tmp / "data/log/2026-11.jsonl",
      R"({"id":"20261120T100000Z-abcdef","date":"2026-11-20","contacts":["jose-nunez","li-xiao-long"],)"
      R"("kind":"coffee","intent":"give","note":"intro","logged_at":"2026-11-20T10:00:00Z"})"
      "\n");
  kith.ok({"import", "linkedin",
           std::string(KITH_SOURCE_DIR) + "/tests/fixtures/import/linkedin-connections.csv"});
  kith.ok({"import", "linkedin",
           std::string(KITH_SOURCE_DIR) + "/tests/fixtures/import/linkedin-connections-later.csv"});
  const std::string exported = kith.ok({"export", "json"}).out;
  write_file(tmp / "backup.json", exported);
  Kith fresh{tmp / "fresh"};
  fresh.today("2026-11-26");
  auto j = fresh.ok({"import", "json", (tmp / "backup.json").string(), "--json"}).json();
  EXPECT_EQ(j["interactions"]["added"], 1);
  EXPECT_EQ(fresh.ok({"export", "json"}).out, exported);
}

TEST_F(ExportTest, VcardRoundTripKeepsTheMappedFields) {
  add_people();
  kith.ok({"export", "vcard", "-o", (tmp / "out.vcf").string()});
  Kith fresh{tmp / "fresh"};
  fresh.today("2026-11-25");
  auto j = fresh.ok({"import", "vcard", (tmp / "out.vcf").string(), "--json"}).json();
  EXPECT_EQ(j["added"], Json::array({"ada-lovelace", "jose-nunez", "li-xiao-long", "old-friend"}));
  for (const char* id : {"ada-lovelace", "li-xiao-long", "jose-nunez", "old-friend"}) {
    auto a = read_json(tmp / "data/contacts" / (std::string(id) + ".json"));
    auto b = read_json(tmp / "fresh/contacts" / (std::string(id) + ".json"));
    for (const char* key : {"name", "emails", "phones", "company", "role", "location", "links",
                            "tags", "skills", "interests", "birthday", "notes"}) {
      EXPECT_EQ(a[key], b[key]) << id << " " << key;
    }
  }
  // Importing the export into the data it came from changes nothing.
  auto again = kith.ok({"import", "vcard", (tmp / "out.vcf").string(), "--json"}).json();
  EXPECT_EQ(again["unchanged"], 4);
}

TEST_F(ExportTest, CsvRoundTripGivesTheSameContacts) {
  add_people();
  kith.ok({"export", "csv", "-o", (tmp / "out.csv").string()});
  const std::string text = read_file(tmp / "out.csv");
  EXPECT_TRUE(
      text.starts_with("id,name,emails,phones,company,role,location,links,tags,skills,"
                       "interests,how_met,met_on,every,birthday,notes,added_on,archived,"
                       "snoozed_until\r\n"))
      << text;
  Kith fresh{tmp / "fresh"};
  fresh.today("2026-12-31");
  fresh.ok({"import", "csv", (tmp / "out.csv").string()});
  for (const char* id : {"ada-lovelace", "li-xiao-long", "jose-nunez", "old-friend"}) {
    EXPECT_EQ(read_json(tmp / "data/contacts" / (std::string(id) + ".json")),
              read_json(tmp / "fresh/contacts" / (std::string(id) + ".json")))
        << id;
  }
}

TEST_F(ExportTest, ArchivedContactsOnlyWithAllAndTagsFilter) {
  add_people();
  Json old = read_json(tmp / "data/contacts/old-friend.json");
  old["archived"] = true;
  write_file(tmp / "data/contacts/old-friend.json", old.dump(2) + "\n");
  const std::string all = kith.ok({"export", "csv", "--all"}).out;
  const std::string active = kith.ok({"export", "csv"}).out;
  EXPECT_NE(all.find("old-friend"), std::string::npos);
  EXPECT_EQ(active.find("old-friend"), std::string::npos);
  const std::string math = kith.ok({"export", "vcard", "--tag", "MATH"}).out;
  EXPECT_NE(math.find("FN:Ada Lovelace"), std::string::npos);
  EXPECT_EQ(math.find("FN:José"), std::string::npos);
  EXPECT_NE(kith.ok({"export", "json"}).out.find("old-friend"), std::string::npos);
}

TEST_F(ExportTest, OutputFileIsPrivateAndStdoutStaysEmpty) {
  add_people();
  auto r = kith.ok({"export", "json", "--output", (tmp / "backup.json").string()});
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("wrote 4 contacts to"), std::string::npos) << r.err;
  struct stat st {};
  ASSERT_EQ(::stat((tmp / "backup.json").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  EXPECT_EQ(read_json(tmp / "backup.json")["format"], "kith-export");
  EXPECT_EQ(kith.ok({"-q", "export", "json", "-o", (tmp / "b2.json").string()}).err, "");
}

TEST_F(ExportTest, AMissingDataDirectoryExportsAnEmptyNetworkAndCreatesNothing) {
  auto r = kith.ok({"export", "json"});
  auto j = r.json();
  EXPECT_EQ(j["contacts"], Json::array());
  EXPECT_EQ(j["interactions"], Json::array());
  EXPECT_NE(r.err.find("kith add"), std::string::npos) << r.err;
  EXPECT_EQ(kith.ok({"export", "vcard"}).out, "");
  EXPECT_EQ(kith.ok({"export", "csv"}).out.find("\r\n") + 2,
            kith.ok({"export", "csv"}).out.size());  // the header row alone
  EXPECT_NE(kith.ok({"export", "ics"}).out.find("END:VCALENDAR"), std::string::npos);
  EXPECT_FALSE(fs::exists(tmp / "data"));
}

struct BadExport {
  const char* label;
  std::vector<std::string> args;
  int exit_code;
  const char* message;
};

class ExportErrorTest : public ExportTest, public ::testing::WithParamInterface<BadExport> {};

TEST_P(ExportErrorTest, FailsWithAMessage) {
  kith.ok({"add", "Ada Lovelace"});
  auto r = kith.run(GetParam().args);
  EXPECT_EQ(r.exit_code, GetParam().exit_code) << r.err;
  EXPECT_TRUE(r.out.empty()) << r.out;
  EXPECT_NE(r.err.find("kith: error: "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(GetParam().message), std::string::npos) << r.err;
}

INSTANTIATE_TEST_SUITE_P(
    BadInput, ExportErrorTest,
    ::testing::Values(BadExport{"NoFormat", {"export"}, 2, "say what to export"},
                      BadExport{
                          "UnknownFormat", {"export", "xml"}, 2, "unknown export format 'xml'"},
                      BadExport{"AllOnJson", {"export", "json", "--all"}, 2, "--all"},
                      BadExport{"OutputDirectoryMissing",
                                {"export", "csv", "-o", "/nonexistent/dir/out.csv"},
                                1,
                                "/nonexistent/dir"}),
    [](const ::testing::TestParamInfo<BadExport>& p) { return std::string(p.param.label); });

TEST_F(ExportTest, ACorruptContactFileFailsTheExport) {
  kith.ok({"add", "Ada Lovelace"});
  write_file(tmp / "data/contacts/ada-lovelace.json", "[1,");
  auto r = kith.run({"export", "vcard"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(r.out.empty());
  EXPECT_NE(r.err.find("contacts/ada-lovelace.json"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace kith::test::export_test
