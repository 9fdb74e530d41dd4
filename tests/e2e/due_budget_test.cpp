// End-to-end: a due list you can act on in a minute a day. A LinkedIn export
// of 300 connections next to 20 warm contacts (weak ties stay out of `due`
// and lead the homework with their reasons), the daily budget and --all,
// --cron over a whole month, and --notify through a stand-in notify-send.
#include <algorithm>

#include <gtest/gtest.h>

#include "support/testutil.h"

namespace kith::test::due_budget_test {
namespace {

using Json = nlohmann::ordered_json;

// `text` with each run of spaces and newlines made one space: wrapped
// paragraphs read as one line.
std::string squeezed(const std::string& text) {
  std::string out;
  for (char ch : text) {
    const bool space = ch == ' ' || ch == '\n';
    if (space && (out.empty() || out.back() == ' ')) continue;
    out += space ? ' ' : ch;
  }
  return out;
}

std::vector<std::string> ids_of(const Json& entries) {
  std::vector<std::string> out;
  for (const auto& e : entries) out.push_back(e["id"].get<std::string>());
  return out;
}

// A LinkedIn Connections.csv with `n` rows, shaped like the real export (its
// notes first): row k connected k days before 28 Dec 2025 (in months of 28
// days), so row 0 is the most recent. `company` gives row 0's company.
std::string linkedin_export(int n, const std::string& company = "Acme") {
  std::string csv =
      "Notes:\n\"When exporting your connection data, you may notice that some of the email "
      "addresses are missing.\"\n\nFirst Name,Last Name,URL,Email Address,Company,Position,"
      "Connected On\n";
  const char* months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  for (int k = 0; k < n; ++k) {
    const int in_year = k % 336;
    const std::string connected = std::to_string(28 - in_year % 28) + " " +
                                  months[11 - in_year / 28] + " " + std::to_string(2025 - k / 336);
    const std::string at = k == 0 ? company : "Company " + std::to_string(k % 37);
    csv += "Person" + std::to_string(k) + ",Imported,https://www.linkedin.com/in/person-" +
           std::to_string(k) + ",," + at + ",Engineer," + connected + "\n";
  }
  return csv;
}

class WeakTieTest : public ::testing::Test {
 protected:
  TempDir tmp;
  Kith kith{tmp / "data"};
  // Twenty warm contacts added by hand, met in 2026 and last caught up with
  // on various days, then a 300-row LinkedIn export imported on 2026-11-20.
  // Set up by kith run in this process (45 commands a test: as processes
  // under the sanitizers they took most of the suite's time); what the
  // tests check runs the binary.
  void SetUp() override {
    auto ok = [&](const std::vector<std::string>& args) {
      const RunResult r = kith.run_in_process(args);
      ASSERT_EQ(r.exit_code, 0) << command_text(args) << "\n" << r.err;
    };
    kith.today("2026-03-01");
    for (int k = 0; k < 20; ++k) {
      const std::string name = "Warm Friend " + std::string(1, static_cast<char>('A' + k));
      ok({"add", name, "--every", "1m"});
    }
    kith.today("2026-11-20");
    for (int k = 0; k < 20; ++k) {
      const std::string id = "warm-friend-" + std::string(1, static_cast<char>('a' + k));
      ok({"log", id, "--date", "2026-09-" + std::to_string(10 + k)});
    }
    ok({"me", "--name", "Noor", "--skill", "rust", "--interest", "climate tech"});
    write_file(tmp / "Connections.csv", linkedin_export(300));
    ok({"import", "linkedin", (tmp / "Connections.csv").string()});
  }
};

TEST_F(WeakTieTest, TheImportedPeopleStayOutOfDueAndTheWarmContactsLead) {
  const Json j = kith.today("2026-11-25").ok({"due", "--json"}).json();
  EXPECT_EQ(j["due_total"], 20);
  for (const auto& id : ids_of(j["due"])) {
    EXPECT_EQ(id.rfind("warm-friend", 0), 0u) << id;
  }
  const Json human_first = kith.ok({"due", "--limit", "1", "--json"}).json();
  EXPECT_EQ(human_first["due"][0]["id"], "warm-friend-a");
  // The file says where the contact came from.
  EXPECT_EQ(read_json(tmp / "data/contacts/person0-imported.json")["imported_from"], "linkedin");
}

// A contact you added yourself is never a weak tie, even after an import
// matches it and brings it the "linkedin" tag or a vCard UID (which alone
// mark a contact imported by a kith that did not yet write imported_from).
TEST(WeakTieOfYours, AContactYouAddedStaysDueAfterAnImportMatchesIt) {
  TempDir tmp;
  Kith kith{tmp / "data"};
  kith.today("2026-01-01");
  kith.ok({"add", "Carla Gomez", "--email", "carla@example.com"});
  kith.ok({"add", "José Núñez", "--company", "Paywell"});
  kith.today("2026-09-01");
  write_file(tmp / "phone.vcf",
             "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Carla Gomez\r\nEMAIL:CARLA@example.com\r\n"
             "UID:abc-123\r\nEND:VCARD\r\n");
  kith.ok({"import", "vcard", (tmp / "phone.vcf").string()});
  write_file(tmp / "Connections.csv",
             "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
             "José,Núñez,https://www.linkedin.com/in/jose-nunez,,Paywell,CTO,12 Mar 2024\n");
  kith.ok({"import", "linkedin", (tmp / "Connections.csv").string()});
  const Json carla = read_json(tmp / "data/contacts/carla-gomez.json");
  EXPECT_EQ(carla["vcard_uid"], "abc-123");
  EXPECT_TRUE(carla["imported_from"].is_null());
  const Json jose = read_json(tmp / "data/contacts/jose-nunez.json");
  EXPECT_EQ(jose["tags"], Json::array({"linkedin"}));
  EXPECT_TRUE(jose["imported_from"].is_null());
  const Json j = kith.ok({"due", "--json"}).json();
  const auto due = ids_of(j["due"]);
  EXPECT_NE(std::find(due.begin(), due.end(), "carla-gomez"), due.end());
  EXPECT_NE(std::find(due.begin(), due.end(), "jose-nunez"), due.end());
  EXPECT_EQ(kith.ok({"stats", "--json"}).json()["weak_ties"], 0);
}

TEST_F(WeakTieTest, TheHomeworkSuggestsTheMostPromisingImportedPeopleWithWhy) {
  kith.today("2026-11-21").ok({"edit", "person150-imported", "--interest", "Climate Tech"});
  write_file(tmp / "Later.csv", linkedin_export(300, "Globex"));
  kith.today("2026-11-22").ok({"import", "linkedin", (tmp / "Later.csv").string()});
  const Json j = kith.today("2026-11-25").ok({"due", "--json"}).json();
  EXPECT_EQ(j["due_total"], 20);
  EXPECT_EQ(j["homework"]["suggestions"],
            Json::array({"person0-imported", "person150-imported", "person1-imported"}));
  ASSERT_EQ(j["homework"]["suggestion_reasons"].size(), 3u);
  EXPECT_EQ(j["homework"]["suggestion_reasons"][0], "changed jobs: Acme → Globex (Engineer)");
  EXPECT_EQ(j["homework"]["suggestion_reasons"][1], "shares your interest in Climate Tech");
  EXPECT_EQ(j["homework"]["suggestion_reasons"][2], "connected 2025-12-27");
  const std::string out = kith.env("COLUMNS", "120").ok({"due"}).out;
  EXPECT_NE(out.find("  Try Person0 Imported (person0-imported): changed jobs: Acme → Globex "
                     "(Engineer)\n   or Person150 Imported (person150-imported): shares your "
                     "interest in Climate Tech\n"),
            std::string::npos)
      << out;
}

TEST_F(WeakTieTest, ReachingOutOrACadenceMakesAWeakTieAnOrdinaryContact) {
  kith.today("2026-11-21").ok({"log", "person7-imported", "--ask"});
  kith.ok({"edit", "person8-imported", "--every", "1w"});
  const Json j = kith.today("2026-11-30").ok({"due", "--json", "--all"}).json();
  const auto due = ids_of(j["due"]);
  EXPECT_NE(std::find(due.begin(), due.end(), "person7-imported"), due.end());
  EXPECT_NE(std::find(due.begin(), due.end(), "person8-imported"), due.end());
  EXPECT_EQ(j["due_total"], 22);
}

TEST_F(WeakTieTest, StatsCountsThemAndIcsHasNoDueDateForThem) {
  const Json stats = kith.today("2026-11-25").ok({"stats", "--json"}).json();
  EXPECT_EQ(stats["weak_ties"], 300);
  EXPECT_NE(kith.ok({"stats"}).out.find("300 people imported and never contacted"),
            std::string::npos);
  const std::string ics = kith.ok({"export", "ics"}).out;
  EXPECT_EQ(ics.find("person0-imported"), std::string::npos);
  EXPECT_NE(ics.find("due-warm-friend-a@kith"), std::string::npos);
}

TEST_F(WeakTieTest, ShowSaysAWeakTieIsNotDueYet) {
  const std::string out =
      squeezed(kith.today("2026-11-25").env("COLUMNS", "200").ok({"show", "person3-imported"}).out);
  EXPECT_NE(out.find("next due not yet: a weak tie, suggested for the homework until you first "
                     "write"),
            std::string::npos)
      << out;
}

TEST_F(WeakTieTest, PitchSaysTheFirstHelloCountsForTheHomework) {
  const std::string out = squeezed(kith.today("2026-11-25").ok({"pitch", "person3-imported"}).out);
  EXPECT_NE(out.find("Person3 is a weak tie (connected 2025-12-25, never contacted)"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("counts for this month's homework"), std::string::npos) << out;
}

// ------------------------------------------------------------ daily budget

class DailyBudgetTest : public ::testing::Test {
 protected:
  TempDir tmp;
  Kith kith{tmp / "data"};
  // Ten people added by hand on 2026-01-01: all due on 2026-11-25.
  void SetUp() override {
    kith.today("2026-01-01");
    for (int k = 0; k < 10; ++k) {
      kith.ok({"add", "Friend " + std::string(1, static_cast<char>('A' + k))});
    }
    kith.today("2026-11-25");
  }
  static int lines_with(const std::string& out, const std::string& what) {
    int n = 0;
    for (std::size_t at = out.find(what); at != std::string::npos; at = out.find(what, at + 1)) {
      ++n;
    }
    return n;
  }
};

TEST_F(DailyBudgetTest, TheReportListsSevenThenSaysHowManyMore) {
  const std::string out = kith.ok({"due"}).out;
  EXPECT_NE(out.find("Due for a no-need hello (10)"), std::string::npos) << out;
  EXPECT_EQ(lines_with(out, "  Friend "), 7) << out;
  EXPECT_NE(out.find("… and 3 more (kith due --all)"), std::string::npos) << out;
}

TEST_F(DailyBudgetTest, AllAndLimitOverrideItAndJsonListsEveryone) {
  EXPECT_EQ(lines_with(kith.ok({"due", "--all"}).out, "  Friend "), 10);
  EXPECT_EQ(lines_with(kith.ok({"due", "--limit", "2"}).out, "  Friend "), 2);
  EXPECT_EQ(kith.ok({"due", "--json"}).json()["due"].size(), 10u);
  EXPECT_EQ(kith.ok({"due", "--json", "--limit", "4"}).json()["due"].size(), 4u);
  auto both = kith.run({"due", "--all", "--limit", "2"});
  EXPECT_EQ(both.exit_code, 2);
  EXPECT_NE(both.err.find("--all"), std::string::npos) << both.err;
}

TEST_F(DailyBudgetTest, TheBudgetIsASetting) {
  kith.ok({"config", "daily", "3"});
  const std::string out = kith.ok({"due"}).out;
  EXPECT_EQ(lines_with(out, "  Friend "), 3) << out;
  EXPECT_NE(out.find("… and 7 more (kith due --all)"), std::string::npos) << out;
  auto bad = kith.run({"config", "daily", "0"});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_EQ(read_json(tmp / "data/kith.json")["settings"]["daily"], 3);
}

// ------------------------------------------------------------- the cron month

// Only the homework is left: one weak tie imported, nobody due. Over
// December 2026, cron speaks on the 1st, the Mondays (7, 14, 21, 28) and the
// last three days (29, 30, 31); then someone falls due and it speaks daily.
TEST(CronCalendar, TheHomeworkAloneSpeaksOnTheFirstMondaysAndTheLastThreeDays) {
  TempDir tmp;
  Kith kith{tmp / "data"};
  write_file(tmp / "one.csv", linkedin_export(1));
  kith.today("2026-11-30").ok({"import", "linkedin", (tmp / "one.csv").string()});
  kith.ok({"add", "Warm Friend", "--every", "2m"});
  kith.ok({"log", "warm-friend"});
  std::vector<int> spoke;
  for (int day = 1; day <= 31; ++day) {
    const std::string date = "2026-12-" + std::string(day < 10 ? "0" : "") + std::to_string(day);
    auto r = kith.today(date).ok({"due", "--cron"});
    if (!r.out.empty()) {
      spoke.push_back(day);
      EXPECT_NE(r.out.find("Homework for December 2026"), std::string::npos) << r.out;
      EXPECT_NE(r.out.find("Person0 Imported"), std::string::npos) << r.out;
    }
  }
  EXPECT_EQ(spoke, (std::vector<int>{1, 7, 14, 21, 28, 29, 30, 31}));
  // Warm Friend falls due on 2027-01-30: from then on, every day.
  EXPECT_NE(kith.today("2027-02-02").ok({"due", "--cron"}).out, "");  // a Tuesday
  EXPECT_NE(kith.today("2027-02-03").ok({"due", "--cron"}).out, "");
  // Homework done and nobody due: silent even on the 1st.
  kith.today("2027-03-01").ok({"log", "person0-imported"});
  kith.ok({"log", "warm-friend"});
  EXPECT_EQ(kith.ok({"due", "--cron"}).out, "");
}

// ------------------------------------------------------------------ --notify

class NotifyTest : public ::testing::Test {
 protected:
  TempDir tmp;
  Kith kith{tmp / "data"};
  fs::path calls = tmp / "calls";
  // A notify-send that writes its arguments, one per line, to `calls`.
  void SetUp() override {
    const fs::path bin = tmp / "bin";
    write_file(
        bin / "notify-send",
        "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done >> '" + calls.string() + "'\n");
    fs::permissions(bin / "notify-send", fs::perms::owner_all);
    kith.env("PATH", bin.string() + ":/usr/bin:/bin");
    kith.today("2026-01-01").ok({"add", "Ada Lovelace"});
    kith.ok({"add", "Grace Hopper"});
    kith.ok({"log", "ada-lovelace", "grace-hopper"});
    kith.today("2026-11-25");
  }
};

TEST_F(NotifyTest, SendsTheFirstLinesWhenThereIsASessionBus) {
  kith.env("DBUS_SESSION_BUS_ADDRESS", "unix:path=/run/user/1000/bus");
  auto r = kith.ok({"due", "--notify"});
  EXPECT_NE(r.out.find("Due for a no-need hello (2)"), std::string::npos) << r.out;
  EXPECT_EQ(r.err, "");
  const std::string sent = read_file(calls);
  EXPECT_NE(sent.find("--app-name=kith\n"), std::string::npos) << sent;
  EXPECT_NE(sent.find("kith: 2 people due for a no-need hello\n"), std::string::npos) << sent;
  EXPECT_NE(sent.find("Ada Lovelace"), std::string::npos) << sent;
  EXPECT_NE(sent.find("Grace Hopper"), std::string::npos) << sent;
}

TEST_F(NotifyTest, DoesNothingAndSaysNothingWithoutASessionBus) {
  kith.env("DBUS_SESSION_BUS_ADDRESS", "\x01unset").env("XDG_RUNTIME_DIR", (tmp / "run").string());
  auto r = kith.ok({"due", "--notify"});
  EXPECT_NE(r.out.find("Due for a no-need hello (2)"), std::string::npos);
  EXPECT_EQ(r.err, "");
  EXPECT_FALSE(fs::exists(calls));
}

TEST_F(NotifyTest, NothingIsSentWhenNothingIsDueNorOnASilentCronDay) {
  kith.env("DBUS_SESSION_BUS_ADDRESS", "unix:path=/run/user/1000/bus");
  kith.ok({"log", "ada-lovelace", "grace-hopper"});
  kith.ok({"config", "homework", "0"});
  auto r = kith.ok({"due", "--cron", "--notify"});
  EXPECT_EQ(r.out, "");
  EXPECT_FALSE(fs::exists(calls));
}

TEST_F(NotifyTest, SaysHowToInstallNotifySendWhenItIsMissing) {
  kith.env("DBUS_SESSION_BUS_ADDRESS", "unix:path=/run/user/1000/bus");
  fs::remove(tmp / "bin/notify-send");
  kith.env("PATH", (tmp / "bin").string());
  auto r = kith.ok({"due", "--notify"});
  EXPECT_NE(r.out.find("Due for a no-need hello (2)"), std::string::npos);
  EXPECT_NE(r.err.find("libnotify-bin"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace kith::test::due_budget_test
