// End-to-end: occasions (birthdays and job changes seen by an import) in
// `kith due`, `kith pitch`, `kith show` and `kith export ics`.
#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "support/testutil.h"

namespace kith::test::occasions_test {
namespace {

using Json = nlohmann::ordered_json;

const Json* occasion_of(const Json& due, const std::string& id, const std::string& kind) {
  for (const auto& o : due["occasions"]) {
    if (o["id"] == id && o["kind"] == kind) return &o;
  }
  return nullptr;
}

// A LinkedIn export on 2026-11-25, and a later one on 2026-12-01 in which
// Ada Lovelace moved from Analytical Engines to Babbage & Co.
class OccasionsTest : public ::testing::Test {
 protected:
  TempDir tmp;
  Kith kith{tmp / "data"};

  void SetUp() override {
    kith.today("2026-11-25").env("XDG_CACHE_HOME", (tmp / "cache").string());
    kith.ok({"import", "linkedin", import_fixture("linkedin-connections.csv")});
    kith.today("2026-12-01");
    kith.ok({"import", "linkedin", import_fixture("linkedin-connections-later.csv")});
  }
};

TEST_F(OccasionsTest, DueJsonListsTheJobChangeSeenByTheImport) {
  auto j = kith.ok({"due", "--json"}).json();
  const Json* o = occasion_of(j, "ada-lovelace", "job-change");
  ASSERT_NE(o, nullptr) << j.dump(2);
  EXPECT_EQ((*o)["name"], "Ada Lovelace");
  EXPECT_EQ((*o)["date"], "2026-12-01");
  EXPECT_EQ((*o)["text"], "changed jobs: Analytical Engines → Babbage & Co (Chief Scientist)");
  EXPECT_EQ((*o)["from"],
            Json({{"company", "Analytical Engines"}, {"role", "Mathematician, Poet"}}));
  EXPECT_EQ((*o)["to"], Json({{"company", "Babbage & Co"}, {"role", "Chief Scientist"}}));
  // Nobody else changed jobs.
  EXPECT_EQ(j["occasions"].size(), 1u) << j.dump(2);
}

TEST_F(OccasionsTest, DueHumanReportHasAJobChangesSection) {
  auto r = kith.ok({"due"});
  EXPECT_NE(r.out.find("Job changes (1)"), std::string::npos) << r.out;
  // Too long for 80 columns: wrapped, nothing lost, the command whole.
  EXPECT_NE(r.out.find(
                "  Ada Lovelace changed jobs: Analytical Engines → Babbage & Co (Chief Scientist)\n"
                "    on 2026-12-01\n"
                "    — congratulate them: kith pitch ada-lovelace\n"),
            std::string::npos)
      << r.out;
  EXPECT_NE(
      kith.env("COLUMNS", "200")
          .ok({"due"})
          .out.find("  Ada Lovelace changed jobs: Analytical Engines → Babbage & Co (Chief "
                    "Scientist) on 2026-12-01 — congratulate them: kith pitch ada-lovelace\n"),
      std::string::npos);
  EXPECT_EQ(r.out.find("Birthdays"), std::string::npos) << r.out;
}

TEST_F(OccasionsTest, ACatchUpAfterTheChangeAnswersIt) {
  kith.today("2026-12-03");
  kith.ok({"log", "ada", "--kind", "call"});
  auto j = kith.ok({"due", "--json"}).json();
  EXPECT_EQ(occasion_of(j, "ada-lovelace", "job-change"), nullptr) << j.dump(2);
  auto p = kith.ok({"pitch", "ada", "--json"}).json();
  EXPECT_TRUE(p["occasion"].is_null()) << p.dump(2);
}

TEST_F(OccasionsTest, AnAskDoesNotAnswerIt) {
  kith.today("2026-12-03");
  kith.ok({"log", "ada", "--ask", "--note", "asked for a reference"});
  auto j = kith.ok({"due", "--json"}).json();
  EXPECT_NE(occasion_of(j, "ada-lovelace", "job-change"), nullptr) << j.dump(2);
}

TEST_F(OccasionsTest, TheJobChangeFadesAfter90Days) {
  kith.today("2027-03-01");  // 90 days after 2026-12-01
  EXPECT_NE(occasion_of(kith.ok({"due", "--json"}).json(), "ada-lovelace", "job-change"), nullptr);
  kith.today("2027-03-02");
  EXPECT_EQ(occasion_of(kith.ok({"due", "--json"}).json(), "ada-lovelace", "job-change"), nullptr);
}

TEST_F(OccasionsTest, ArchivedAndSnoozedContactsHaveNone) {
  kith.ok({"snooze", "ada", "--until", "2026-12-10"});
  EXPECT_TRUE(kith.ok({"due", "--json"}).json()["occasions"].empty());
  kith.ok({"unsnooze", "ada"});
  kith.ok({"rm", "ada"});
  EXPECT_TRUE(kith.ok({"due", "--json"}).json()["occasions"].empty());
}

TEST_F(OccasionsTest, PitchOpensItsDraftWithCongratulations) {
  auto j = kith.ok({"pitch", "ada", "--json"}).json();
  ASSERT_TRUE(j["occasion"].is_object()) << j.dump(2);
  EXPECT_EQ(j["occasion"]["kind"], "job-change");
  EXPECT_EQ(j["occasion"]["date"], "2026-12-01");
  EXPECT_EQ(j["occasion"]["text"],
            "changed jobs: Analytical Engines → Babbage & Co (Chief Scientist)");
  EXPECT_EQ(j["occasion"]["opening"], "Congratulations on the new role at Babbage & Co!");
  const std::string draft = j["draft"];
  EXPECT_EQ(draft.rfind("Hi Ada,\n\nCongratulations on the new role at Babbage & Co!\n\n", 0), 0u)
      << draft;
  bool advised = false;
  for (const auto& a : j["advice"]) {
    advised = advised || a.get<std::string>().find("Ada changed jobs") == 0;
  }
  EXPECT_TRUE(advised) << j["advice"].dump(2);
  // Deterministic: the same data gives the same bytes.
  EXPECT_EQ(kith.ok({"pitch", "ada", "--json"}).out, kith.ok({"pitch", "ada", "--json"}).out);
}

TEST_F(OccasionsTest, PitchHumanOutputNamesTheOccasion) {
  auto r = kith.ok({"pitch", "ada"});
  EXPECT_NE(r.out.find("Occasion\n  changed jobs: Analytical Engines → Babbage & Co (Chief "
                       "Scientist), seen"),
            std::string::npos)
      << r.out;
}

TEST_F(OccasionsTest, PitchWithoutOccasionSaysNull) {
  auto j = kith.ok({"pitch", "jose", "--json"}).json();
  ASSERT_TRUE(j.contains("occasion"));
  EXPECT_TRUE(j["occasion"].is_null());
  EXPECT_EQ(j["draft"].get<std::string>().find("Congratulations"), std::string::npos);
}

TEST_F(OccasionsTest, TemplateOccasionPlaceholder) {
  write_file(tmp / "t.txt", "Hi {{first_name}},\n{{occasion}}\nBye\n");
  auto with = kith.ok({"pitch", "ada", "--template", (tmp / "t.txt").string(), "--json"}).json();
  EXPECT_EQ(with["draft"], "Hi Ada,\nCongratulations on the new role at Babbage & Co!\nBye");
  // No occasion: the line is left out.
  auto without =
      kith.ok({"pitch", "jose", "--template", (tmp / "t.txt").string(), "--json"}).json();
  EXPECT_EQ(without["draft"], "Hi José,\nBye");
}

TEST_F(OccasionsTest, CronIsNotSilentWhileAJobChangeWaits) {
  // Everyone reached this month and nobody due (Ada never is, with her
  // cadence off): only the job change is left.
  kith.ok({"edit", "ada", "--every", "off"});
  for (const char* id : {"jose", "li-xiao-long", "grace", "zoe", "kwame"}) {
    kith.ok({"log", id, "--date", "2026-12-01"});
  }
  auto j = kith.ok({"due", "--json"}).json();
  ASSERT_TRUE(j["due"].empty()) << j.dump(2);
  ASSERT_TRUE(j["follow_ups"].empty());
  ASSERT_TRUE(j["homework"]["done"]);
  ASSERT_EQ(j["occasions"].size(), 1u);
  auto r = kith.ok({"due", "--cron"});
  EXPECT_NE(r.out.find("Job changes (1)"), std::string::npos) << r.out;
  // Answered with a give: nothing left, cron is silent.
  kith.ok({"log", "ada", "--give", "--note", "sent a welcome gift"});
  auto silent = kith.ok({"due", "--cron"});
  EXPECT_EQ(silent.out, "");
  EXPECT_EQ(silent.err, "");
}

TEST_F(OccasionsTest, ADueContactShowsItsOccasionAndGoesFirstAmongTheEquallyLate) {
  // Aaron and Ada exactly as late (same start, same cadence): Ada, who has
  // an occasion, comes first although her id sorts after his.
  kith.ok({"add", "Aaron Able", "--met", "2026-06-01", "--every", "3m"});
  kith.ok({"edit", "ada", "--met", "2026-06-01", "--every", "3m"});
  auto j = kith.ok({"due", "--json"}).json();
  std::vector<std::string> order;
  for (const auto& e : j["due"]) {
    if (e["id"] == "ada-lovelace" || e["id"] == "aaron-able") order.push_back(e["id"]);
  }
  EXPECT_EQ(order, (std::vector<std::string>{"ada-lovelace", "aaron-able"})) << j.dump(2);
  for (const auto& e : j["due"]) {
    if (e["id"] == "ada-lovelace") {
      EXPECT_EQ(e["occasion"]["kind"], "job-change");
    } else {
      EXPECT_TRUE(e["occasion"].is_null()) << e.dump();
    }
  }
  // On a terminal wide enough for the due lines, the occasion ends Ada's.
  auto r = kith.env("COLUMNS", "160").ok({"due"});
  const auto line = r.out.find("Ada Lovelace");
  ASSERT_NE(line, std::string::npos) << r.out;
  const std::string first_line = r.out.substr(line, r.out.find('\n', line) - line);
  EXPECT_NE(first_line.find("+ changed jobs: Analytical Engines → Babbage & Co"), std::string::npos)
      << r.out;
}

TEST_F(OccasionsTest, ShowListsTheJobChanges) {
  auto r = kith.ok({"show", "ada", "--full"});
  EXPECT_NE(r.out.find("job change  2026-12-01: Mathematician, Poet at Analytical Engines → Chief "
                       "Scientist at Babbage & Co"),
            std::string::npos)
      << r.out;
  auto j = kith.ok({"show", "ada", "--json"}).json();
  ASSERT_EQ(j["job_changes"].size(), 1u);
  EXPECT_EQ(j["job_changes"][0]["on"], "2026-12-01");
}

TEST_F(OccasionsTest, CachedAndUncachedOutputsAreIdentical) {
  // The cache only takes files older than two seconds.
  std::this_thread::sleep_for(std::chrono::milliseconds(2200));
  const std::vector<std::vector<std::string>> commands = {
      {"due", "--json"},         {"due"},         {"pitch", "ada", "--json"},
      {"show", "ada", "--json"}, {"show", "ada"}, {"list", "--json"}};
  std::vector<std::string> cold;
  for (const auto& args : commands) cold.push_back(kith.ok(args).out);  // builds the cache
  std::vector<std::string> warm;
  for (const auto& args : commands) warm.push_back(kith.ok(args).out);  // reads it
  Kith uncached{tmp / "data"};
  uncached.today("2026-12-01").env("XDG_CACHE_HOME", (tmp / "no-cache").string());
  std::vector<std::string> fresh;
  for (const auto& args : commands) fresh.push_back(uncached.ok(args).out);
  EXPECT_EQ(cold, warm);
  EXPECT_EQ(warm, fresh);
  ASSERT_NE(warm[0].find("job-change"), std::string::npos) << warm[0];
  ASSERT_TRUE(fs::exists(tmp / "cache"));
}

// ------------------------------------------------------------- birthdays

class BirthdayTest : public ::testing::Test {
 protected:
  TempDir tmp;
  Kith kith{tmp / "data"};
  void SetUp() override { kith.today("2027-02-25"); }
};

TEST_F(BirthdayTest, LeapDayIsCelebratedOnFebruary28InACommonYear) {
  kith.ok({"add", "Leap Baby", "--birthday", "2000-02-29"});
  kith.ok({"add", "No Year", "--birthday", "02-29"});
  auto j = kith.ok({"due", "--json"}).json();
  ASSERT_EQ(j["occasions"].size(), 2u) << j.dump(2);
  EXPECT_EQ(j["occasions"][0]["id"], "leap-baby");
  EXPECT_EQ(j["occasions"][0]["date"], "2027-02-28");
  EXPECT_EQ(j["occasions"][0]["text"], "27th birthday");
  EXPECT_EQ(j["occasions"][1]["id"], "no-year");
  EXPECT_EQ(j["occasions"][1]["text"], "birthday");
  auto r = kith.ok({"due"});
  EXPECT_NE(r.out.find("Birthdays (2)"), std::string::npos) << r.out;
  auto p = kith.ok({"pitch", "leap", "--json"}).json();
  EXPECT_EQ(p["occasion"]["kind"], "birthday");
  EXPECT_EQ(p["occasion"]["opening"], "Happy birthday for Sunday!");
  EXPECT_EQ(p["draft"].get<std::string>().rfind("Hi Leap,\n\nHappy birthday for Sunday!\n\n", 0),
            0u)
      << p["draft"];
}

TEST_F(BirthdayTest, PitchWishesAHappyBirthdayOnTheDay) {
  kith.ok({"add", "Ada Lovelace", "--birthday", "02-25"});
  auto p = kith.ok({"pitch", "ada", "--json"}).json();
  EXPECT_EQ(p["occasion"]["opening"], "Happy birthday!");
  EXPECT_EQ(p["occasion"]["date"], "2027-02-25");
}

TEST_F(BirthdayTest, ExportIcsHasYearlyBirthdaysWithStableUids) {
  kith.ok({"add", "Ada Lovelace", "--birthday", "1815-12-10"});
  kith.ok({"add", "Leap Baby", "--birthday", "02-29"});
  kith.ok({"add", "Gone Away", "--birthday", "03-01"});
  kith.ok({"rm", "gone"});
  const std::string ics = kith.ok({"export", "ics"}).out;
  EXPECT_NE(ics.find("UID:birthday-ada-lovelace@kith\r\nDTSTAMP:20270225T000000Z\r\n"
                     "DTSTART;VALUE=DATE:18151210\r\nDTEND;VALUE=DATE:18151211\r\n"
                     "RRULE:FREQ=YEARLY\r\nSUMMARY:Birthday: Ada Lovelace\r\n"),
            std::string::npos)
      << ics;
  EXPECT_NE(ics.find("UID:birthday-leap-baby@kith\r\nDTSTAMP:20270225T000000Z\r\n"
                     "DTSTART;VALUE=DATE:20000229\r\nDTEND;VALUE=DATE:20000301\r\n"
                     "RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1\r\n"),
            std::string::npos)
      << ics;
  EXPECT_EQ(ics.find("birthday-gone-away"), std::string::npos) << ics;
  // Another day, the same birthday events.
  kith.today("2027-06-01");
  const std::string later = kith.ok({"export", "ics"}).out;
  EXPECT_NE(later.find("UID:birthday-ada-lovelace@kith\r\nDTSTAMP:20270601T000000Z\r\n"
                       "DTSTART;VALUE=DATE:18151210\r\n"),
            std::string::npos)
      << later;
}

}  // namespace
}  // namespace kith::test::occasions_test
