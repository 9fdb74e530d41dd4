// End-to-end: mending what people get wrong. Dates that cannot be right are
// refused as typed; notes keep their line breaks through add, log, show and
// every export and import; interactions are named by the random part of
// their id, and `kith done CONTACT` closes that person's only follow-up.
#include <algorithm>

#include <gtest/gtest.h>

#include "support/testutil.h"

namespace kith::test::mend_test {
namespace {

using Json = nlohmann::ordered_json;

class MendTest : public ::testing::Test {
 protected:
  TempDir tmp;
  Kith kith{tmp / "data"};
  void SetUp() override {
    kith.today("2026-11-20");
    kith.ok({"add", "Ada Lovelace"});
    kith.ok({"add", "José Núñez"});
  }
  // Fails the test unless `args` exit 2 with `message` on stderr and leave
  // the data directory as it was.
  void refused(const std::vector<std::string>& args, const std::string& message) {
    SCOPED_TRACE(args.back());
    const auto before = tree_with_contents(tmp / "data");
    auto r = kith.run(args);
    EXPECT_EQ(r.exit_code, 2) << r.err;
    EXPECT_NE(r.err.find(message), std::string::npos) << r.err;
    EXPECT_EQ(tree_with_contents(tmp / "data"), before);
  }
  std::string logged(const std::vector<std::string>& args) {
    std::string id = kith.ok(args).out;
    while (!id.empty() && id.back() == '\n') id.pop_back();
    return id;
  }
};

// ------------------------------------------------------------------- dates

TEST_F(MendTest, DatesBefore1900OrTooFarAheadAreRefusedAsTyped) {
  refused({"log", "ada", "--date", "1899-12-31"}, "--date: '1899-12-31' is before 1900");
  refused({"log", "ada", "--date", "0001-01-01"}, "is before 1900");
  refused({"add", "Old Friend", "--met", "1850-06-01"}, "--met: '1850-06-01' is before 1900");
  refused({"edit", "ada", "--met", "1899-01-01"}, "is before 1900");
  refused({"log", "ada", "--date", "2062-11-20"}, "is more than a year ahead");
  refused({"log", "ada", "--date", "2026-12-01"}, "is in the future");
  kith.ok({"log", "ada", "--date", "1900-01-01"});
}

TEST_F(MendTest, ABirthdayInTheFutureIsRefusedAndABadOneNamedAsTyped) {
  refused({"add", "Baby", "--birthday", "2030-01-01"}, "--birthday: 2030-01-01 is in the future");
  refused({"edit", "ada", "--birthday", "2026-11-21"}, "is in the future");
  refused({"add", "Feb", "--birthday", "02-30"}, "bad birthday '02-30'");
  auto r = kith.run({"add", "Feb", "--birthday", "02-30"});
  EXPECT_EQ(r.err.find("--02-30"), std::string::npos) << r.err;
  kith.ok({"edit", "ada", "--birthday", "2026-11-20"});
  kith.ok({"edit", "ada", "--birthday", "1815-12-10"});
}

// ------------------------------------------------------------------- notes

TEST_F(MendTest, NotesKeepTheirLineBreaksAndShowThemAsIndentedLines) {
  kith.ok({"edit", "ada", "--note", "Met at the Royal Society.\r\nLikes poetry."});
  EXPECT_EQ(read_json(tmp / "data/contacts/ada-lovelace.json")["notes"],
            "Met at the Royal Society.\nLikes poetry.");
  const std::string id = logged({"log", "ada", "--note", "Talked engines.\nShe will write."});
  auto out = kith.env("COLUMNS", "100").ok({"show", "ada"}).out;
  EXPECT_NE(out.find("  notes     Met at the Royal Society.\n            Likes poetry.\n"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("  " + id.substr(17) +
                     "  2026-11-20  other  catch-up  Talked engines.\n"
                     "                                       She will write.\n"),
            std::string::npos)
      << out;
  EXPECT_EQ(out.find("\xef\xbf\xbd"), std::string::npos) << out;
}

TEST_F(MendTest, OtherControlCharactersInNotesAreStillRefused) {
  refused({"log", "ada", "--note", "a\tb"}, "control characters other than line breaks");
  refused({"edit", "ada", "--note", "a\x1b[2Jb"}, "control characters other than line breaks");
  refused({"add", "Bob", "--note", "a\x07"}, "control characters other than line breaks");
}

TEST_F(MendTest, MultiLineNotesRoundTripThroughEveryExportAndImport) {
  kith.ok({"edit", "ada", "--note", "line one\nline two, with \"quotes\"; and a comma"});
  kith.ok({"log", "ada", "--note", "first\nsecond"});
  const std::string note = "line one\nline two, with \"quotes\"; and a comma";
  for (const char* format : {"csv", "vcard", "json"}) {
    SCOPED_TRACE(format);
    const fs::path file = tmp / (std::string("out.") + format);
    kith.ok({"export", format, "--output", file.string()});
    TempDir other;
    Kith fresh{other / "data"};
    fresh.today("2026-11-20").ok({"import", format, file.string()});
    EXPECT_EQ(read_json(other / "data/contacts/ada-lovelace.json")["notes"], note);
    if (std::string(format) == "json") {
      const auto j = fresh.ok({"show", "ada", "--json"}).json();
      EXPECT_EQ(j["interactions"][0]["note"], "first\nsecond");
    }
  }
}

TEST_F(MendTest, ImportedNotesKeepTheirLineBreaks) {
  write_file(tmp / "card.vcf",
             "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Grace Hopper\r\nNOTE:Navy\\nCOBOL\r\nEND:VCARD\r\n");
  kith.ok({"import", "vcard", (tmp / "card.vcf").string()});
  EXPECT_EQ(read_json(tmp / "data/contacts/grace-hopper.json")["notes"], "Navy\nCOBOL");
  write_file(tmp / "google.csv",
             "First Name,Last Name,Notes,E-mail 1 - Value\r\n"
             "Alan,Turing,\"Bletchley\r\nManchester\",alan@example.org\r\n");
  kith.ok({"import", "csv", (tmp / "google.csv").string()});
  EXPECT_EQ(read_json(tmp / "data/contacts/alan-turing.json")["notes"], "Bletchley\nManchester");
}

// --------------------------------------------------------------------- ids

TEST_F(MendTest, DoneTakesTheRandomPartOfAnIdThatShowPrints) {
  const std::string a = logged({"log", "ada", "--follow-up", "send the paper"});
  const std::string b = logged({"log", "ada", "--follow-up", "book the hall"});
  const std::string c = logged({"log", "jose", "--follow-up", "send my CV"});
  // Logged in the same second, they share the timestamp: only the random
  // part tells them apart.
  auto out = kith.env("COLUMNS", "120").ok({"show", "ada"}).out;
  EXPECT_NE(out.find("  " + a.substr(17) + "  "), std::string::npos) << out;
  kith.ok({"done", b.substr(17)});
  EXPECT_FALSE(kith.ok({"show", "ada", "--json"}).json()["interactions"][0]["follow_up"].is_null());
  auto j = kith.ok({"due", "--json"}).json();
  std::vector<std::string> open;
  for (const auto& f : j["follow_ups"]) open.push_back(f["id"].get<std::string>());
  EXPECT_EQ(std::count(open.begin(), open.end(), b), 0);
  EXPECT_EQ(std::count(open.begin(), open.end(), a), 1);
  EXPECT_EQ(std::count(open.begin(), open.end(), c), 1);
}

TEST_F(MendTest, DoneContactClosesThatPersonsOnlyFollowUpOrListsThem) {
  const std::string a = logged({"log", "ada", "--follow-up", "send the paper"});
  const std::string b = logged({"log", "ada", "--follow-up", "book the hall"});
  const std::string c = logged({"log", "jose", "--follow-up", "send my CV"});
  kith.ok({"done", "jose"});
  auto open_ids = [&] {
    std::vector<std::string> out;
    const Json due = kith.ok({"due", "--json"}).json();
    for (const auto& f : due["follow_ups"]) {
      out.push_back(f["id"].get<std::string>());
    }
    std::sort(out.begin(), out.end());
    return out;
  };
  std::vector<std::string> both = {a, b};
  std::sort(both.begin(), both.end());
  EXPECT_EQ(open_ids(), both);
  refused({"done", "ada"}, "Ada Lovelace (ada-lovelace) has 2 open follow-ups:");
  auto r = kith.run({"done", "ada"});
  EXPECT_NE(r.err.find(a.substr(17) + "  2026-11-20  send the paper"), std::string::npos) << r.err;
  refused({"done", "jose"}, "José Núñez (jose-nunez) has no open follow-up");
  refused({"done", "Nobody Atall"}, "nor any contact");
}

// ---------------------------------------------------- interactions changed

TEST_F(MendTest, EditChangesAnInteractionAndMovesItToItsNewMonth) {
  const std::string id = logged({"log", "ada", "--date", "1900-01-01", "--note", "oops"});
  ASSERT_TRUE(fs::exists(tmp / "data/log/1900-01.jsonl"));
  kith.ok({"edit", id.substr(17), "--date", "2026-10-03", "--kind", "lunch", "--give", "--contact",
           "ada", "--contact", "jose", "--note", "Lunch at the Society"});
  EXPECT_FALSE(fs::exists(tmp / "data/log/1900-01.jsonl"));
  const auto lines = read_file(tmp / "data/log/2026-10.jsonl");
  const Json j = Json::parse(lines);
  EXPECT_EQ(j["id"], id);
  EXPECT_EQ(j["date"], "2026-10-03");
  EXPECT_EQ(j["kind"], "lunch");
  EXPECT_EQ(j["intent"], "give");
  EXPECT_EQ(j["contacts"], Json::array({"ada-lovelace", "jose-nunez"}));
  EXPECT_EQ(j["note"], "Lunch at the Society");
  EXPECT_EQ(j["revision"], 1);
  EXPECT_EQ(kith.ok({"stats", "--json"}).json()["months"][0]["month"], "2026-10");
  // A prefix of the full id works too; a second edit is revision 2.
  kith.ok({"edit", id.substr(0, 20), "--catch-up"});
  EXPECT_EQ(Json::parse(read_file(tmp / "data/log/2026-10.jsonl"))["revision"], 2);
}

TEST_F(MendTest, EditOfAnInteractionInTheEditorIsCheckedLikeLog) {
  const std::string id = logged({"log", "ada", "--kind", "coffee"});
  const fs::path editor = tmp / "editor.sh";
  write_file(editor, "#!/bin/sh\nsed -i 's/\"coffee\"/\"dinner\"/' \"$1\"\n");
  fs::permissions(editor, fs::perms::owner_all);
  kith.env("EDITOR", editor.string()).ok({"edit", id.substr(17)});
  EXPECT_EQ(Json::parse(read_file(tmp / "data/log/2026-11.jsonl"))["kind"], "dinner");
  write_file(editor, "#!/bin/sh\nsed -i 's/\"ada-lovelace\"/\"nobody\"/' \"$1\"\n");
  refused({"edit", id.substr(17)}, "no contact has the id 'nobody'");
  write_file(editor, "#!/bin/sh\nsed -i 's/\"2026-11-20\"/\"2027-01-01\"/' \"$1\"\n");
  refused({"edit", id.substr(17)}, "is in the future");
}

TEST_F(MendTest, OptionsOfTheWrongRecordAreRefused) {
  const std::string id = logged({"log", "ada"});
  refused({"edit", id.substr(17), "--company", "Acme"},
          "an interaction takes only --date, --kind, --give, --ask, --catch-up, --note and "
          "--contact");
  refused({"edit", "ada", "--date", "2026-11-01"}, "--date applies to an interaction");
  refused({"edit", "me", "--give"}, "--give does not apply to your profile");
  refused({"edit", "zzzz9"}, "no contact matches 'zzzz9', nor any interaction");
  refused({"edit", id.substr(17), "--contact", "nobody"}, "--contact: no contact matches");
}

TEST_F(MendTest, RmDeletesAnInteractionAfterAskingOrWithYes) {
  const std::string id = logged({"log", "ada", "--note", "wrong person"});
  refused({"rm", id.substr(17)}, "pass --yes");
  auto asked = kith.run_on_terminal({"rm", id.substr(17)}, "n\n");
  EXPECT_EQ(asked.exit_code, 0) << asked.err;
  EXPECT_NE(asked.err.find("nothing was deleted"), std::string::npos) << asked.err;
  EXPECT_TRUE(fs::exists(tmp / "data/log/2026-11.jsonl"));
  auto r = kith.ok({"rm", id.substr(17), "--yes"});
  EXPECT_NE(r.err.find("deleted interaction " + id.substr(17) +
                       " (2026-11-20, other, catch-up, "
                       "with Ada Lovelace: wrong person)"),
            std::string::npos)
      << r.err;
  EXPECT_FALSE(fs::exists(tmp / "data/log/2026-11.jsonl"));
  // The contact is untouched.
  EXPECT_EQ(read_json(tmp / "data/contacts/ada-lovelace.json")["archived"], false);
}

// A move between months stopped after writing the new month: the interaction
// is in both files; doctor says which copy is stale and --fix deletes it.
TEST_F(MendTest, DoctorFixDeletesTheStaleCopyAnInterruptedMoveLeft) {
  write_file(tmp / "data/log/2026-11.jsonl",
             log_line("20261102T100000Z-abc123", "2026-11-02", {"ada-lovelace"}) +
                 log_line("20261103T100000Z-def456", "2026-11-03", {"jose-nunez"}));
  Json moved = interaction("20261102T100000Z-abc123", "2026-10-15", {"ada-lovelace"}, "give");
  moved["revision"] = 1;
  write_file(tmp / "data/log/2026-10.jsonl", moved.dump() + "\n");
  auto r = kith.run({"doctor"});
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.out.find("log/2026-11.jsonl:1"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("is also at log/2026-10.jsonl:1"), std::string::npos) << r.out;
  kith.ok({"doctor", "--fix"});
  EXPECT_EQ(read_file(tmp / "data/log/2026-11.jsonl"),
            log_line("20261103T100000Z-def456", "2026-11-03", {"jose-nunez"}));
  EXPECT_EQ(Json::parse(read_file(tmp / "data/log/2026-10.jsonl")), moved);
  kith.ok({"doctor"});
}

}  // namespace
}  // namespace kith::test::mend_test
