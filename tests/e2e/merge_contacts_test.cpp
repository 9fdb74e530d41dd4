// End-to-end: `kith merge KEEP OTHER...` on a temp data directory: the merged
// record, the conflicts it prints, the log rewritten in every month, the
// aliases that keep finding KEEP, the question on a terminal, and the
// readers and doctor that know aliases.
#include <gtest/gtest.h>

#include "support/gitutil.h"
#include "support/testutil.h"

namespace kith::test::merge_contacts_test {
namespace {

using Json = nlohmann::ordered_json;

class MergeContactsTest : public ::testing::Test {
 protected:
  TempDir tmp;
  fs::path data = tmp / "data";
  Kith kith{data};

  void SetUp() override {
    kith.today("2026-11-25");
    kith.ok({"add", "Ada Lovelace", "--id", "ada", "--email", "ada@example.org", "--company",
             "Acme", "--role", "Engineer", "--tag", "APIs", "-q"});
    kith.ok({"add", "Ada L.", "--id", "ada-l", "--email", "ADA@example.org", "--email",
             "ada@work.example", "--company", "Babbage Ltd", "--tag", "api", "--skill", "math",
             "--birthday", "1815-12-10", "--location", "London", "-q"});
    kith.ok({"add", "Grace Hopper", "--id", "grace", "-q"});
    write_file(data / "log/2026-09.jsonl", log_line("s1", "2026-09-03", {"ada-l"}, "give"));
    write_file(data / "log/2026-10.jsonl", log_line("o1", "2026-10-01", {"ada"}) +
                                               log_line("o2", "2026-10-05", {"grace", "ada-l"}));
    write_file(data / "log/2026-11.jsonl", log_line("n1", "2026-11-02", {"ada-l", "ada"}, "ask") +
                                               log_line("n2", "2026-11-03", {"grace"}));
  }

  Json contact(const std::string& id) const {
    return read_json(data / "contacts" / (id + ".json"));
  }
  std::string month(const std::string& m) const { return read_file(data / "log" / (m + ".jsonl")); }
};

TEST_F(MergeContactsTest, UnitesListsFillsEmptyFieldsAndPrintsEveryConflict) {
  auto r = kith.ok({"merge", "ada", "ada-l", "--yes"});
  const Json ada = contact("ada");
  EXPECT_EQ(ada["emails"], Json::array({"ada@example.org", "ada@work.example"}));
  EXPECT_EQ(ada["tags"], Json::array({"APIs"}));
  EXPECT_EQ(ada["skills"], Json::array({"math"}));
  EXPECT_EQ(ada["company"], "Acme");
  EXPECT_EQ(ada["role"], "Engineer");
  EXPECT_EQ(ada["location"], "London");
  EXPECT_EQ(ada["birthday"], "1815-12-10");
  EXPECT_EQ(ada["aliases"], Json::array({"ada-l"}));
  EXPECT_FALSE(fs::exists(data / "contacts/ada-l.json"));
  EXPECT_NE(r.out.find("Merged ada-l (Ada L.) into ada (Ada Lovelace)"), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("company  kept Acme"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("not Babbage Ltd (ada-l)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("not Ada L. (ada-l)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Log: 3 interactions in 3 months (2026-09, 2026-10, 2026-11) now name ada"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.err.find("kith: merged ada-l into ada (Ada Lovelace): 3 interactions now name ada"),
            std::string::npos)
      << r.err;
}

TEST_F(MergeContactsTest, EveryMonthNamesKeepAndALineThatNamedBothNamesItOnce) {
  const std::string untouched = log_line("o1", "2026-10-01", {"ada"});
  kith.ok({"merge", "ada", "ada-l", "--yes", "-q"});
  EXPECT_EQ(month("2026-09"), log_line("s1", "2026-09-03", {"ada"}, "give"));
  EXPECT_EQ(month("2026-10"), untouched + log_line("o2", "2026-10-05", {"grace", "ada"}));
  EXPECT_EQ(month("2026-11"),
            log_line("n1", "2026-11-02", {"ada"}, "ask") + log_line("n2", "2026-11-03", {"grace"}));
  // The histories are one: show lists every interaction, due counts them.
  const Json shown = kith.ok({"show", "ada", "--json"}).json();
  EXPECT_EQ(shown["interactions"].size(), 4u);
  EXPECT_EQ(kith.ok({"doctor"}).out.find("merged into"), std::string::npos);
}

TEST_F(MergeContactsTest, TheOthersIdStaysAnAliasThatFindsKeep) {
  kith.ok({"merge", "ada", "ada-l", "--yes", "-q"});
  EXPECT_EQ(kith.ok({"show", "ada-l", "--json"}).json()["id"], "ada");
  EXPECT_EQ(kith.ok({"show", "ADA-L", "--json"}).json()["id"], "ada");
  const std::string shown = kith.ok({"show", "ada-l"}).out;
  EXPECT_NE(shown.find("merged    ada-l"), std::string::npos) << shown;
  kith.ok({"log", "ada-l", "--note", "after the merge", "-q"});
  const std::string logged = month("2026-11");
  EXPECT_NE(
      logged.find(
          R"("contacts":["ada"],"kind":"other","intent":"catch-up","note":"after the merge")"),
      std::string::npos)
      << logged;
  kith.ok({"edit", "ada-l", "--tag", "countess", "-q"});
  EXPECT_EQ(contact("ada")["tags"], Json::array({"APIs", "countess"}));
  // A new contact never takes the alias.
  auto taken = kith.run({"add", "Someone", "--id", "ada-l"});
  EXPECT_EQ(taken.exit_code, 2) << taken.err;
  EXPECT_NE(taken.err.find("the id 'ada-l' is taken"), std::string::npos) << taken.err;
  EXPECT_EQ(kith.ok({"add", "Ada L"}).out, "ada-l-2\n");
}

TEST_F(MergeContactsTest, DryRunPrintsThePlanAndWritesNothing) {
  const auto before = tree_with_contents(data);
  auto r = kith.ok({"merge", "ada", "ada-l", "--dry-run"});
  EXPECT_NE(r.out.find("Would merge ada-l (Ada L.) into ada (Ada Lovelace) (dry run: nothing is "
                       "written)"),
            std::string::npos)
      << r.out;
  EXPECT_EQ(tree_with_contents(data), before);
  const Json j = kith.ok({"merge", "ada", "ada-l", "--dry-run", "--json"}).json();
  EXPECT_EQ(j["keep"], "ada");
  EXPECT_EQ(j["merged"], Json::array({"ada-l"}));
  EXPECT_EQ(j["dry_run"], true);
  EXPECT_EQ(j["interactions"], 3);
  EXPECT_EQ(j["months"], Json::array({"2026-09", "2026-10", "2026-11"}));
  EXPECT_EQ(j["contact"]["aliases"], Json::array({"ada-l"}));
  Json fields = Json::array();
  for (const auto& c : j["conflicts"]) fields.push_back(c["field"]);
  EXPECT_EQ(fields, Json::array({"name", "company"}));
  EXPECT_EQ(
      j["conflicts"][1],
      Json({{"field", "company"}, {"kept", "Acme"}, {"other", "Babbage Ltd"}, {"from", "ada-l"}}));
  EXPECT_EQ(tree_with_contents(data), before);
}

TEST_F(MergeContactsTest, JsonSaysWhatWasMerged) {
  const Json j = kith.ok({"merge", "ada", "ada-l", "--yes", "--json"}).json();
  EXPECT_EQ(j["dry_run"], false);
  EXPECT_EQ(j["contact"], contact("ada"));
  Json added = Json::array();
  for (const auto& a : j["added"])
    added.push_back(a["field"].get<std::string>() + "=" + a["value"].get<std::string>());
  EXPECT_EQ(added, Json::array({"location=London", "birthday=1815-12-10", "emails=ada@work.example",
                                "skills=math"}));
}

TEST_F(MergeContactsTest, WithoutATerminalOrYesItRefusesAndChangesNothing) {
  const auto before = tree_with_contents(data);
  auto r = kith.run({"merge", "ada", "ada-l"});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("kith: error: merge rewrites ada-l into ada for good and asks first, but "
                       "there is no terminal to ask"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("kith: hint: pass --yes to merge from a script, or --dry-run"),
            std::string::npos)
      << r.err;
  EXPECT_TRUE(r.out.empty()) << r.out;
  EXPECT_EQ(tree_with_contents(data), before);
}

TEST_F(MergeContactsTest, OnATerminalItShowsThePlanAndAsks) {
  const auto before = tree_with_contents(data);
  for (const char* answer : {"n\n", "\n", ""}) {
    auto r = kith.run_on_terminal({"merge", "ada", "ada-l"}, answer);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("Merging ada-l (Ada L.) into ada"), std::string::npos) << r.out;
    EXPECT_NE(r.err.find("kith: Merge ada-l into ada? This deletes 1 contact file and drops 2 "
                         "conflicting values; it cannot be undone. [y/N]"),
              std::string::npos)
        << r.err;
    EXPECT_NE(r.err.find("nothing was merged"), std::string::npos) << r.err;
    EXPECT_EQ(tree_with_contents(data), before);
  }
  auto r = kith.run_on_terminal({"merge", "ada", "ada-l"}, "y\n");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_FALSE(fs::exists(data / "contacts/ada-l.json"));
}

TEST_F(MergeContactsTest, BadReferencesAreUsageErrorsThatChangeNothing) {
  const auto before = tree_with_contents(data);
  struct Case {
    std::vector<std::string> args;
    std::string message;
  };
  for (const Case& c : std::vector<Case>{
           {{"merge", "ada", "nobody", "--yes"}, "no contact matches 'nobody'"},
           {{"merge", "ada", "ada", "--yes"}, "'ada' is ada (Ada Lovelace), the contact to keep"},
           {{"merge", "ada", "ada-l", "ada-l", "--yes"}, "names ada-l (Ada L.) a second time"},
           {{"merge", "ada", "--yes"}, "OTHER is required"},
       }) {
    auto r = kith.run(c.args);
    EXPECT_EQ(r.exit_code, 2) << c.message << "\n" << r.err;
    EXPECT_NE(r.err.find(c.message), std::string::npos) << r.err;
    EXPECT_EQ(tree_with_contents(data), before) << c.message;
  }
}

TEST_F(MergeContactsTest, NamingAnIdAlreadyMergedIntoKeepIsNoError) {
  kith.ok({"merge", "ada", "ada-l", "--yes", "-q"});
  const auto before = tree_with_contents(data);
  auto r = kith.ok({"merge", "ada", "ada-l", "--yes"});
  EXPECT_NE(r.err.find("'ada-l' was already merged into ada"), std::string::npos) << r.err;
  EXPECT_EQ(tree_with_contents(data), before);
}

TEST_F(MergeContactsTest, SeveralOthersAtOnceAndTheirAliasesPassOn) {
  kith.ok({"add", "A. Lovelace", "--id", "ada-3", "-q"});
  kith.ok({"merge", "ada-3", "ada-l", "--yes", "-q"});  // ada-3 carries ada-l
  kith.ok({"merge", "ada", "ada-3", "grace", "--yes", "-q"});
  EXPECT_EQ(contact("ada")["aliases"], Json::array({"ada-3", "ada-l", "grace"}));
  EXPECT_EQ(kith.ok({"list", "--all", "--json"}).json().size(), 1u);
  EXPECT_EQ(kith.ok({"show", "ada-l", "--json"}).json()["interactions"].size(), 5u);
  // n2 named grace alone: it names ada now.
  EXPECT_NE(month("2026-11").find(log_line("n2", "2026-11-03", {"ada"})), std::string::npos);
}

TEST_F(MergeContactsTest, AMonthEndingWithATornLineStopsItBeforeAnyWrite) {
  write_file(data / "log/2026-10.jsonl", month("2026-10") + "{\"id\": \"torn");
  const auto before = tree_with_contents(data);
  auto r = kith.run({"merge", "ada", "ada-l", "--yes"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find("log/2026-10.jsonl: ends with a torn line"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("kith doctor --fix"), std::string::npos) << r.err;
  EXPECT_EQ(tree_with_contents(data), before);
  kith.ok({"doctor", "--fix", "-q"});
  kith.ok({"merge", "ada", "ada-l", "--yes", "-q"});
  EXPECT_EQ(month("2026-10").find("ada-l"), std::string::npos);
}

TEST_F(MergeContactsTest, ReadersCountALineNamingAnAliasForItsContact) {
  kith.ok({"merge", "ada", "ada-l", "--yes", "-q"});
  // As another machine's line would arrive before a sync settles it.
  write_file(data / "log/2026-11.jsonl",
             month("2026-11") + log_line("late", "2026-11-20", {"ada-l"}, "give"));
  const Json shown = kith.ok({"show", "ada", "--json"}).json();
  ASSERT_EQ(shown["interactions"].size(), 5u);
  EXPECT_EQ(shown["interactions"][0]["id"], "late");
  EXPECT_EQ(shown["interactions"][0]["contacts"], Json::array({"ada"}));
  const Json exported = kith.ok({"export", "json"}).json();
  bool found = false;
  for (const auto& i : exported["interactions"]) {
    if (i["id"] == "late") found = i["contacts"] == Json::array({"ada"});
  }
  EXPECT_TRUE(found);
  // due counts it: last reached on 2026-11-20 (not 2026-10-05), ada is not
  // due on 2027-01-10.
  const Json due = kith.ok({"due", "--json", "--all", "--today", "2027-01-10"}).json();
  EXPECT_EQ(due.dump().find("\"ada\""), std::string::npos) << due.dump(1);
  const Json due_later = kith.ok({"due", "--json", "--all", "--today", "2027-02-21"}).json();
  EXPECT_NE(due_later.dump().find("\"ada\""), std::string::npos) << due_later.dump(1);
  // doctor warns, and --fix makes the line name ada.
  auto doctor = kith.ok({"doctor"});
  EXPECT_NE(doctor.out.find("interaction late names 'ada-l' (merged into ada)"), std::string::npos)
      << doctor.out;
  kith.ok({"doctor", "--fix", "-q"});
  EXPECT_NE(month("2026-11").find(log_line("late", "2026-11-20", {"ada"}, "give")),
            std::string::npos);
}

TEST_F(MergeContactsTest, KeepsDoneClosesAFollowUpLoggedUnderAnAlias) {
  kith.ok({"merge", "ada", "ada-l", "--yes", "-q"});
  Json late = interaction("20261120T100000Z-00abcd", "2026-11-20", {"ada-l"});
  late["follow_up"] = {{"text", "send the deck"}, {"by", nullptr}, {"done_on", nullptr}};
  write_file(data / "log/2026-11.jsonl", month("2026-11") + late.dump() + "\n");
  kith.ok({"done", "ada", "-q"});
  EXPECT_NE(month("2026-11").find("\"done_on\":\"2026-11-25\""), std::string::npos)
      << month("2026-11");
}

TEST_F(MergeContactsTest, DoctorFixFinishesAMergeCutShortAfterKeepWasWritten) {
  // The state a kill leaves after the first write: ada with its alias, the
  // log and ada-l's file as they were.
  Json keep = read_json(data / "contacts/ada.json");
  const Json merged = kith.ok({"merge", "ada", "ada-l", "--dry-run", "--json"}).json()["contact"];
  write_file(data / "contacts/ada.json", merged.dump(2) + "\n");
  auto doctor = kith.ok({"doctor"});
  EXPECT_NE(doctor.out.find("contacts/ada-l.json: 'ada-l' was merged into ada"), std::string::npos)
      << doctor.out;
  // Four for the merge, one for the modes of the files this test wrote.
  EXPECT_NE(doctor.out.find("`kith doctor --fix` repairs 5 of them"), std::string::npos)
      << doctor.out;
  kith.ok({"doctor", "--fix", "-q"});
  EXPECT_FALSE(fs::exists(data / "contacts/ada-l.json"));
  EXPECT_EQ(month("2026-09"), log_line("s1", "2026-09-03", {"ada"}, "give"));
  EXPECT_EQ(kith.ok({"doctor"}).out.find("merged into"), std::string::npos);
  (void)keep;
}

TEST_F(MergeContactsTest, InAGitDataDirectoryItIsOneCommit) {
  Machine m{tmp / "m"};
  m.kith.ok({"add", "Ada Lovelace", "--id", "ada", "-q"});
  m.kith.ok({"add", "Ada L.", "--id", "ada-l", "-q"});
  m.kith.ok({"log", "ada-l", "--date", "2026-10-01", "-q"});
  m.kith.ok({"git", "init", "-q"});
  const int before = m.commit_count();
  m.kith.ok({"merge", "ada", "ada-l", "--yes", "-q"});
  EXPECT_EQ(m.commit_count(), before + 1);
  EXPECT_EQ(m.last_subject(), "merge: ada-l into ada");
  EXPECT_EQ(m.last_files(), (std::vector<std::string>{"contacts/ada-l.json", "contacts/ada.json",
                                                      "log/2026-10.jsonl"}));
  EXPECT_EQ(m.status(), "");
}

}  // namespace
}  // namespace kith::test::merge_contacts_test
