// End-to-end: `kith due` (and `kith` alone) on temp data directories: the
// demo network, each rule of the no-need clock through `log` then `due
// --json`, --cron silence, the time zone, and the error paths.
#include <array>
#include <cstdio>

#include <gtest/gtest.h>
#include <sys/stat.h>

#include "support/testutil.h"

namespace kith::test::due_test {
namespace {

using Json = nlohmann::ordered_json;

// "id due_on days_overdue" for each entry of `due --json`, in order.
std::vector<std::string> due_summary(const Json& j) {
  std::vector<std::string> out;
  for (const auto& e : j["due"]) {
    out.push_back(e["id"].get<std::string>() + " " + e["due_on"].get<std::string>() + " " +
                  std::to_string(e["days_overdue"].get<int>()));
  }
  return out;
}

void edit_contact(const fs::path& data, const std::string& id, const std::string& key,
                  const Json& value) {
  const fs::path file = data / "contacts" / (id + ".json");
  auto j = read_json(file);
  j[key] = value;
  write_file(file, j.dump(2) + "\n");
}

// ------------------------------------------------------------- the demo data

class DemoTest : public ::testing::Test {
 protected:
  TempDir tmp;
  Kith kith{tmp / "data"};
  void SetUp() override {
    fs::copy(fs::path(KITH_SOURCE_DIR) / "examples/demo", tmp / "data",
             fs::copy_options::recursive);
    kith.today("2026-11-20");
  }
};

TEST_F(DemoTest, DueJsonListsTheOverdueMostLateRelativeToTheirCadenceFirst) {
  const auto before = tree_with_contents(tmp / "data");
  auto j = kith.ok({"due", "--json"}).json();
  EXPECT_EQ(j["today"], "2026-11-20");
  // Days late: contact-1 51, jose-nunez 35, amelie-dubois 14, priya-raman 6,
  // bjorn-halvorsen 1; relative to the cadence amelie (14 of 14 days) comes
  // before jose (35 of 92).
  EXPECT_EQ(due_summary(j),
            (std::vector<std::string>{"contact-1 2026-09-30 51", "amelie-dubois 2026-11-06 14",
                                      "jose-nunez 2026-10-16 35", "priya-raman 2026-11-14 6",
                                      "bjorn-halvorsen 2026-11-19 1"}));
  const std::vector<std::array<const char*, 3>> since_every = {{"2026-08-31", "1m", "2026-08-31"},
                                                               {"2026-10-23", "2w", "2026-10-23"},
                                                               {"2026-07-16", "3m", "2026-07-16"},
                                                               {"2026-08-14", "3m", "2026-08-14"},
                                                               {"2026-05-19", "6m", "2026-05-19"}};
  for (std::size_t k = 0; k < since_every.size(); ++k) {
    SCOPED_TRACE(j["due"][k]["id"].get<std::string>());
    EXPECT_EQ(j["due"][k]["since"], since_every[k][0]);
    EXPECT_EQ(j["due"][k]["every"], since_every[k][1]);
    EXPECT_EQ(j["due"][k]["last_no_need"], since_every[k][2]);
    EXPECT_TRUE(j["due"][k]["name"].is_string());
  }
  ASSERT_EQ(j["follow_ups"].size(), 1u);
  EXPECT_EQ(j["follow_ups"][0]["id"], "20261105T212043Z-046f02");
  EXPECT_EQ(j["follow_ups"][0]["contacts"], Json::array({"jose-nunez"}));
  EXPECT_EQ(j["follow_ups"][0]["by"], "2026-11-12");
  EXPECT_EQ(j["homework"]["month"], "2026-11");
  EXPECT_EQ(j["homework"]["goal"], 1);
  EXPECT_EQ(j["homework"]["reached"], 0);
  EXPECT_EQ(j["homework"]["done"], false);
  EXPECT_EQ(j["homework"]["suggestions"],
            Json::array({"daniel-oyelaran", "matteo-rossi", "hana-kovac"}));
  EXPECT_EQ(j["homework"]["suggestion_reasons"],
            Json::array({"shares your interest in climate tech",
                         "shares your interest in developer tools",
                         "cares about hiring and distributed systems, which you know"}));
  ASSERT_EQ(j["occasions"].size(), 1u);
  EXPECT_EQ(j["occasions"][0]["id"], "priya-raman");
  EXPECT_EQ(j["occasions"][0]["kind"], "birthday");
  EXPECT_EQ(j["occasions"][0]["date"], "2026-11-24");
  // A reader changes nothing.
  EXPECT_EQ(tree_with_contents(tmp / "data"), before);
}

TEST_F(DemoTest, TheHumanReportReadsInOrder) {
  auto r = kith.ok({"due"});
  const std::string& out = r.out;
  const auto due = out.find("Due for a no-need hello (5)");
  const auto first = out.find("contact-1");
  const auto amelie = out.find("Amélie Dubois");
  const auto jose = out.find("José Núñez");
  const auto follow = out.find("Follow-ups due (1)");
  const auto occasions = out.find("Birthdays (1)");
  const auto homework = out.find("Homework for November 2026: 0 of 1 new contact reached.");
  for (auto pos : {due, first, amelie, jose, follow, occasions, homework}) {
    ASSERT_NE(pos, std::string::npos) << out;
  }
  EXPECT_LT(due, first);
  EXPECT_LT(first, amelie);
  EXPECT_LT(amelie, jose);
  EXPECT_LT(jose, follow);
  EXPECT_LT(follow, occasions);
  EXPECT_LT(occasions, homework);
  EXPECT_NE(out.find("7 weeks late · every 1m"), std::string::npos) << out;  // 51 days
  EXPECT_NE(out.find("last: gave 2026-08-31"), std::string::npos) << out;
  EXPECT_NE(out.find("last: caught up 2026-07-16"), std::string::npos) << out;
  EXPECT_NE(out.find("20261105T212043Z-046f02  by 2026-11-12, 8 days late"), std::string::npos)
      << out;
  EXPECT_NE(out.find("kith done ID"), std::string::npos) << out;
  EXPECT_NE(out.find("Tue 2026-11-24  in 4 days  Priya Raman"), std::string::npos) << out;
  EXPECT_NE(out.find("Try Daniel Oyelaran (daniel-oyelaran)"), std::string::npos) << out;
  EXPECT_EQ(out.find('\x1b'), std::string::npos) << "no colour off a terminal";
  EXPECT_TRUE(r.err.empty()) << r.err;
}

TEST_F(DemoTest, ColourOnlyWhenAsked) {
  EXPECT_NE(kith.ok({"--color", "always", "due"}).out.find("\x1b[1m"), std::string::npos);
  EXPECT_EQ(kith.env("NO_COLOR", "1").ok({"due"}).out.find('\x1b'), std::string::npos);
}

TEST_F(DemoTest, KithAloneRunsDue) {
  const auto due = kith.ok({"due"});
  EXPECT_EQ(kith.ok({}).out, due.out);
  EXPECT_EQ(kith.ok({"--color", "never"}).out, due.out);
  EXPECT_EQ(kith.ok({"--today", "2026-11-20"}).out, due.out);
}

TEST_F(DemoTest, LimitCapsTheListAndSaysHowManyMore) {
  auto j = kith.ok({"due", "--json", "--limit", "2"}).json();
  EXPECT_EQ(due_summary(j),
            (std::vector<std::string>{"contact-1 2026-09-30 51", "amelie-dubois 2026-11-06 14"}));
  EXPECT_EQ(j["due_total"], 5);
  EXPECT_NE(kith.ok({"due", "--limit", "2"}).out.find("… and 3 more"), std::string::npos);
}

TEST_F(DemoTest, TagsFilterTheList) {
  auto j = kith.ok({"due", "--json", "--tag", "Climate"}).json();
  EXPECT_EQ(due_summary(j),
            (std::vector<std::string>{"contact-1 2026-09-30 51", "bjorn-halvorsen 2026-11-19 1"}));
  j = kith.ok({"due", "--json", "--tag", "climate", "--tag", "investor"}).json();
  EXPECT_EQ(due_summary(j), std::vector<std::string>{"bjorn-halvorsen 2026-11-19 1"});
  EXPECT_TRUE(j["follow_ups"].empty());
  EXPECT_TRUE(j["occasions"].empty());
}

TEST_F(DemoTest, ATagNoContactHasIsPointedOutWithTheClosestTags) {
  auto r = kith.run({"due", "--json", "--tag", "clmate"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_TRUE(r.json()["due"].empty());
  EXPECT_EQ(r.err,
            "kith: warning: no contact has the tag 'clmate'\n"
            "kith: hint: did you mean `climate`?\n");
  r = kith.run({"due", "--tag", "Climate"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_TRUE(r.err.empty()) << r.err;
}

TEST_F(DemoTest, LoggingAGiveTakesSomeoneOffTheListAndDoneClosesTheFollowUp) {
  kith.ok({"log", "contact-1", "--give", "--kind", "email"});
  kith.ok({"done", "20261105T212043Z-046f02"});
  auto j = kith.ok({"due", "--json"}).json();
  EXPECT_EQ(j["due"].size(), 4u);
  EXPECT_EQ(j["due"][0]["id"], "amelie-dubois");
  EXPECT_TRUE(j["follow_ups"].empty());
}

// ---------------------------------------- the rules, through log then due

struct Step {
  std::string today;
  std::vector<std::string> args;
};

struct Scenario {
  const char* label;
  std::vector<Step> steps;
  std::string today;
  std::vector<std::string> due_args;
  std::vector<std::string> expected;  // due_summary
};

class RuleTest : public ::testing::TestWithParam<Scenario> {};

TEST_P(RuleTest, DueJsonListsExactly) {
  TempDir tmp;
  Kith kith{tmp / "data"};
  for (const Step& s : GetParam().steps) {
    if (s.args.size() == 4 && s.args[0] == "edit-json") {
      edit_contact(tmp / "data", s.args[1], s.args[2], Json::parse(s.args[3]));
      continue;
    }
    kith.today(s.today);
    kith.ok(s.args);
  }
  kith.today(GetParam().today);
  std::vector<std::string> args{"due", "--json"};
  args.insert(args.end(), GetParam().due_args.begin(), GetParam().due_args.end());
  EXPECT_EQ(due_summary(kith.ok(args).json()), GetParam().expected);
}

INSTANTIATE_TEST_SUITE_P(
    Rules, RuleTest,
    ::testing::Values(Scenario{"AsksDoNotResetTheClockGivesDo",
                               {{"2026-01-01", {"add", "Ada"}},
                                {"2026-01-01", {"add", "Bob"}},
                                {"2026-11-25", {"log", "ada", "--date", "2026-06-01"}},
                                {"2026-11-25", {"log", "ada", "--ask", "--date", "2026-10-01"}},
                                {"2026-11-25", {"log", "bob", "--ask", "--date", "2026-06-01"}},
                                {"2026-11-25", {"log", "bob", "--give", "--date", "2026-10-01"}}},
                               "2026-11-25",
                               {},
                               {"ada 2026-09-01 85"}},
                      Scenario{"NeverContactedCountFromMetElseAdded",
                               {{"2026-08-25", {"add", "Ada"}},
                                {"2026-08-25", {"add", "Bob", "--met", "2026-07-01"}},
                                {"2026-08-25", {"add", "Cat"}},
                                {"2026-11-25", {"log", "cat", "--ask"}}},
                               "2026-11-25",
                               {},
                               {"bob 2026-10-01 55", "ada 2026-11-25 0", "cat 2026-11-25 0"}},
                      Scenario{"MonthEndDueOnTheLastDayOfFebruary",
                               {{"2026-01-01", {"add", "Ada", "--every", "1m"}},
                                {"2026-02-01", {"log", "ada", "--date", "2026-01-31"}}},
                               "2026-02-28",
                               {},
                               {"ada 2026-02-28 0"}},
                      Scenario{"MonthEndNotDueTheDayBefore",
                               {{"2026-01-01", {"add", "Ada", "--every", "1m"}},
                                {"2026-02-01", {"log", "ada", "--date", "2026-01-31"}}},
                               "2026-02-27",
                               {},
                               {}},
                      Scenario{"LeapYearFebruary29",
                               {{"2024-01-01", {"add", "Ada", "--every", "monthly"}},
                                {"2024-02-01", {"log", "ada", "--date", "2024-01-31"}}},
                               "2024-03-01",
                               {},
                               {"ada 2024-02-29 1"}},
                      Scenario{"LeapDayPlusAYear",
                               {{"2024-01-01", {"add", "Ada", "--every", "yearly"}},
                                {"2024-02-29", {"log", "ada", "--give"}}},
                               "2025-02-28",
                               {},
                               {"ada 2025-02-28 0"}},
                      Scenario{"CadenceOffIsNeverDue",
                               {{"2020-01-01", {"add", "Ada", "--every", "off"}}},
                               "2026-11-25",
                               {},
                               {}},
                      Scenario{"ArchivedAndSnoozedAreHidden",
                               {{"2020-01-01", {"add", "Ada"}},
                                {"2020-01-01", {"add", "Bob"}},
                                {"2020-01-01", {"add", "Cat"}},
                                {"2020-01-01", {"add", "Dan"}},
                                {"", {"edit-json", "ada", "archived", "true"}},
                                {"", {"edit-json", "bob", "snoozed_until", "\"2026-11-26\""}},
                                {"", {"edit-json", "cat", "snoozed_until", "\"2026-11-25\""}}},
                               "2026-11-25",
                               {},
                               {"cat 2020-04-01 2429", "dan 2020-04-01 2429"}},
                      Scenario{"TiesByDueOnThenId",
                               {{"2026-10-01", {"add", "Bob", "--every", "10d"}},
                                {"2026-10-01", {"add", "Bea", "--every", "10d"}},
                                {"2026-10-01", {"add", "Amy", "--every", "20d"}},
                                {"2026-11-05", {"log", "bob", "bea"}},
                                {"2026-10-16", {"log", "amy"}}},
                               "2026-11-25",
                               {},
                               {"amy 2026-11-05 20", "bea 2026-11-15 10", "bob 2026-11-15 10"}},
                      Scenario{"RelativeLatenessBeatsDaysLate",
                               {{"2025-01-01", {"add", "Ada", "--every", "1y"}},
                                {"2025-01-01", {"add", "Bob", "--every", "2w"}},
                                {"2025-10-26", {"log", "ada"}},
                                {"2026-10-28", {"log", "bob"}}},
                               "2026-11-25",
                               {},
                               {"bob 2026-11-11 14", "ada 2026-10-26 30"}},
                      Scenario{"WithinShowsUpcomingWithNegativeDays",
                               {{"2026-08-01", {"add", "Cat"}},
                                {"2026-08-30", {"add", "Bob"}},
                                {"2026-09-01", {"add", "Ada"}},
                                {"2026-09-15", {"add", "Dan"}}},
                               "2026-11-25",
                               {"--within", "2w"},
                               {"cat 2026-11-01 24", "bob 2026-11-30 -5", "ada 2026-12-01 -6"}},
                      Scenario{"OneInteractionWithSeveralContactsResetsEach",
                               {{"2026-01-01", {"add", "Ada"}},
                                {"2026-01-01", {"add", "Bob"}},
                                {"2026-01-01", {"add", "Cat"}},
                                {"2026-10-01", {"log", "ada", "bob", "--give", "--kind", "intro"}}},
                               "2026-11-25",
                               {},
                               {"cat 2026-04-01 238"}}),
    [](const ::testing::TestParamInfo<Scenario>& p) { return std::string(p.param.label); });

TEST(DueReportText, NamesFromTheFilesCannotDriveTheTerminal) {
  TempDir tmp;
  Kith kith{tmp / "data"};
  kith.today("2026-01-01").ok({"add", "Ada"});
  edit_contact(tmp / "data", "ada", "name", "Ada\x1b[2J\x07");
  kith.ok({"log", "ada", "--ask", "--follow-up", "Send it"});
  auto r = kith.today("2026-11-25").ok({"due"});
  EXPECT_EQ(r.out.find('\x1b'), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find('\x07'), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Ada\xef\xbf\xbd[2J"), std::string::npos) << r.out;
}

// ------------------------------------------------------------------ homework

class HomeworkTest : public ::testing::Test {
 protected:
  TempDir tmp;
  Kith kith{tmp / "data"};
  Json due_on(const std::string& today) { return kith.today(today).ok({"due", "--json"}).json(); }
};

TEST_F(HomeworkTest, TheLastDayOfThePreviousMonthDoesNotCount) {
  kith.today("2026-11-01").ok({"add", "Ada"});
  kith.today("2026-11-30").ok({"log", "ada"});
  auto j = due_on("2026-11-30");
  EXPECT_EQ(j["homework"]["month"], "2026-11");
  EXPECT_EQ(j["homework"]["reached"], 1);
  EXPECT_EQ(j["homework"]["done"], true);
  EXPECT_EQ(j["homework"]["reached_contacts"], Json::array({"ada"}));
  j = due_on("2026-12-01");
  EXPECT_EQ(j["homework"]["month"], "2026-12");
  EXPECT_EQ(j["homework"]["reached"], 0);
  EXPECT_EQ(j["homework"]["done"], false);
}

TEST_F(HomeworkTest, AnAskIsNotAReachAndAGroupGiveReachesEveryone) {
  kith.today("2026-10-01").ok({"add", "Ada"});
  kith.ok({"add", "Bob"});
  kith.ok({"add", "Cat"});
  kith.today("2026-11-03").ok({"log", "ada", "--ask"});
  auto j = due_on("2026-11-03");
  EXPECT_EQ(j["homework"]["reached"], 0);
  EXPECT_EQ(j["homework"]["suggestions"], Json::array({"bob", "cat"}));
  kith.ok({"log", "bob", "cat", "--give"});
  j = due_on("2026-11-04");
  EXPECT_EQ(j["homework"]["reached"], 2);
  EXPECT_EQ(j["homework"]["suggestions"], Json::array());
}

TEST_F(HomeworkTest, TheGoalComesFromTheSetting) {
  kith.today("2026-11-01").ok({"add", "Ada"});
  kith.ok({"log", "ada"});
  auto config = read_json(tmp / "data/kith.json");
  config["settings"]["homework"] = 2;
  write_file(tmp / "data/kith.json", config.dump(2) + "\n");
  auto j = due_on("2026-11-02");
  EXPECT_EQ(j["homework"]["goal"], 2);
  EXPECT_EQ(j["homework"]["done"], false);
  EXPECT_NE(kith.ok({"due"}).out.find("1 of 2 new contacts reached"), std::string::npos);
}

// ---------------------------------------------------------------------- cron

class CronTest : public ::testing::Test {
 protected:
  TempDir tmp;
  Kith kith{tmp / "data"};
  // Homework done, nobody due, no follow-up, no birthday near.
  void SetUp() override {
    kith.today("2026-11-02").ok({"add", "Ada Lovelace", "--birthday", "12-10"});
    kith.ok({"log", "ada"});
    kith.today("2026-11-25");
  }
};

TEST_F(CronTest, SilentWhenThereIsNothingToDo) {
  auto r = kith.ok({"due", "--cron"});
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "");
  r = kith.ok({"due", "--cron", "--json"});
  EXPECT_EQ(r.out, "");
  // Without --cron the same state says so.
  EXPECT_NE(kith.ok({"due"}).out.find("Nobody is due for a no-need hello. Next: Ada Lovelace "
                                      "on 2027-02-02 (every 3m)."),
            std::string::npos);
}

TEST_F(CronTest, SpeaksWhenSomeoneIsDue) {
  kith.today("2026-11-25").ok({"add", "Bob", "--met", "2026-01-01"});
  kith.ok({"log", "bob", "--ask"});  // asks do not reset the clock, nor reach
  auto r = kith.ok({"due", "--cron"});
  EXPECT_NE(r.out.find("Bob"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Due for a no-need hello (1)"), std::string::npos) << r.out;
}

TEST_F(CronTest, SpeaksWhenAFollowUpIsDue) {
  kith.ok({"log", "ada", "--date", "2026-11-20", "--follow-up", "Send the notes", "--by",
           "2026-11-25"});
  auto r = kith.ok({"due", "--cron"});
  EXPECT_NE(r.out.find("Follow-ups due (1)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Send the notes"), std::string::npos) << r.out;
  // Not yet due the day before.
  EXPECT_EQ(kith.today("2026-11-24").ok({"due", "--cron"}).out, "");
}

TEST_F(CronTest, SpeaksForABirthdayWithinAWeek) {
  edit_contact(tmp / "data", "ada-lovelace", "birthday", "--11-30");
  EXPECT_EQ(kith.today("2026-11-22").ok({"due", "--cron"}).out, "");
  auto r = kith.today("2026-11-23").ok({"due", "--cron"});
  EXPECT_NE(r.out.find("Birthdays (1)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Mon 2026-11-30  in 7 days  Ada Lovelace"), std::string::npos) << r.out;
  EXPECT_NE(kith.today("2026-11-30").ok({"due", "--cron"}).out.find("today"), std::string::npos);
}

TEST_F(CronTest, SpeaksWhenTheHomeworkIsNotDone) {
  auto r = kith.today("2026-12-01").ok({"due", "--cron"});
  EXPECT_NE(r.out.find("Homework for December 2026: 0 of 1 new contact reached."),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("Reach out to someone new"), std::string::npos) << r.out;
}

TEST_F(CronTest, ErrorsStillReachStderrWithANonZeroExit) {
  write_file(tmp / "data/contacts/broken.json", "{\"id\": ");
  auto r = kith.run({"due", "--cron"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("kith: warning: contacts/broken.json:1"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("kith: error: left out what kith cannot read: 1 contact file"),
            std::string::npos)
      << r.err;
  r = kith.run({"due", "--cron", "--within", "soon"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("kith: error: --within: bad duration 'soon'"), std::string::npos) << r.err;
}

// ------------------------------------------------------------------ time zone

std::string shell_date(const std::string& tz) {
  std::string cmd = "TZ=" + tz + " date +%F";
  std::string out;
  if (FILE* p = ::popen(cmd.c_str(), "r")) {
    char buf[64];
    while (std::fgets(buf, sizeof buf, p)) out += buf;
    ::pclose(p);
  }
  while (!out.empty() && out.back() == '\n') out.pop_back();
  return out;
}

TEST(DueTimeZone, TodayIsTheDateInTzAsDatePrintsIt) {
  // Kiritimati (UTC+14) and Pago Pago (UTC-11) are 25 hours apart: they never
  // agree on the date.
  for (const std::string tz : {"Pacific/Kiritimati", "Pacific/Pago_Pago", ":Pacific/Kiritimati",
                               "/usr/share/zoneinfo/Pacific/Pago_Pago", "UTC"}) {
    SCOPED_TRACE(tz);
    TempDir tmp;
    Kith kith{tmp / "data"};
    kith.env("KITH_TODAY", "\x01unset").env("TZ", tz);
    const std::string before = shell_date(tz);
    const std::string today = kith.ok({"due", "--json"}).json()["today"];
    const std::string after = shell_date(tz);
    ASSERT_EQ(before.size(), 10u);
    // The date may only change if midnight passed between the two calls.
    EXPECT_TRUE(today == before || today == after) << today << " vs " << before;
  }
  const std::string kiritimati = shell_date("Pacific/Kiritimati");
  const std::string pago_pago = shell_date("Pacific/Pago_Pago");
  EXPECT_NE(kiritimati, pago_pago);
}

// ------------------------------------------------------ empty and read-only

TEST(DueOnAnEmptyDataDir, SaysHowToBeginAndCreatesNothing) {
  TempDir tmp;
  Kith kith{tmp / "data"};
  kith.today("2026-11-25");
  for (const auto& args : std::vector<std::vector<std::string>>{{"due"}, {}}) {
    auto r = kith.ok(args);
    EXPECT_NE(r.out.find("No contacts yet"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("kith add"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("kith me"), std::string::npos) << r.out;
  }
  auto j = kith.ok({"due", "--json"}).json();
  EXPECT_EQ(j["due"], Json::array());
  EXPECT_EQ(j["follow_ups"], Json::array());
  EXPECT_EQ(j["occasions"], Json::array());
  EXPECT_EQ(j["homework"]["done"], false);
  EXPECT_FALSE(fs::exists(tmp / "data"));
  fs::create_directories(tmp / "data");
  EXPECT_NE(kith.ok({"due"}).out.find("No contacts yet"), std::string::npos);
  EXPECT_TRUE(fs::is_empty(tmp / "data"));
}

TEST(DueOnAReadOnlyDataDir, Works) {
  TempDir tmp;
  fs::copy(fs::path(KITH_SOURCE_DIR) / "examples/demo", tmp / "data", fs::copy_options::recursive);
  Kith kith{tmp / "data"};
  kith.today("2026-11-20");
  for (const char* sub : {"", "contacts", "log"}) {
    ::chmod((tmp / "data" / sub).c_str(), 0500);
  }
  auto j = kith.ok({"due", "--json"}).json();
  EXPECT_EQ(j["due"].size(), 5u);
}

// --------------------------------------------------------------- bad input

struct BadDue {
  const char* label;
  std::vector<std::string> args;
  const char* message;
  std::string today = "2026-11-25";  // KITH_TODAY
};

class DueUsageErrorTest : public ::testing::TestWithParam<BadDue> {};

TEST_P(DueUsageErrorTest, ExitsTwoWithAMessage) {
  TempDir tmp;
  Kith kith{tmp / "data"};
  kith.today(GetParam().today);
  auto r = kith.run(GetParam().args);
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_TRUE(r.out.empty()) << r.out;
  EXPECT_NE(r.err.find("kith: error: "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(GetParam().message), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(tmp / "data"));
}

INSTANTIATE_TEST_SUITE_P(
    BadInput, DueUsageErrorTest,
    ::testing::Values(
        BadDue{"BadWithin", {"due", "--within", "3x"}, "--within: bad duration '3x'"},
        BadDue{"WithinOff", {"due", "--within", "off"}, "--within: bad duration 'off'"},
        BadDue{"WithinZero", {"due", "--within", "0d"}, "--within: bad duration '0d'"},
        BadDue{"WithinNegative", {"due", "--within", "-1w"}, "--within: bad duration '-1w'"},
        BadDue{"LimitZero", {"due", "--limit", "0"}, "--limit: '0' is not a whole number"},
        BadDue{"LimitWord", {"due", "--limit", "ten"}, "--limit: 'ten' is not a whole number"},
        BadDue{"LimitNegative", {"due", "--limit", "-3"}, "--limit"},
        BadDue{"EmptyTag", {"due", "--tag", ""}, "--tag: empty"},
        BadDue{"BadToday", {"due", "--today", "2026-02-30"}, "--today: bad date '2026-02-30'"},
        BadDue{"BadTodayEnvironment", {"due"}, "KITH_TODAY: bad date 'someday'", "someday"},
        BadDue{"UnknownOption", {"due", "--soon"}, "--soon"},
        BadDue{"StrayArgument", {"due", "ada"}, "ada"}),
    [](const ::testing::TestParamInfo<BadDue>& p) { return std::string(p.param.label); });

TEST(DueHelp, ShowsACrontabLineAndASystemdUserTimer) {
  TempDir tmp;
  Kith kith{tmp / "data"};
  auto r = kith.ok({"due", "--help"});
  for (const char* part :
       {"--within", "--tag", "--limit", "--all", "--cron", "--notify", "--json",
        "30 8 * * *  \"$HOME/.local/bin/kith\" due --cron",
        "~/.config/systemd/user/kith-due.service",
        "ExecStart=%h/.local/bin/kith due --cron --notify", "~/.config/systemd/user/kith-due.timer",
        "OnCalendar=*-*-* 08:30", "WantedBy=timers.target",
        "systemctl --user enable --now kith-due.timer"}) {
    EXPECT_NE(r.out.find(part), std::string::npos) << part << "\n" << r.out;
  }
  EXPECT_NE(kith.ok({"--help"}).out.find("due"), std::string::npos);
}

}  // namespace
}  // namespace kith::test::due_test
