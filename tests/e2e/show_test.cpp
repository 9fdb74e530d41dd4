// End-to-end: `kith show` on a temp data directory, success and error paths.
#include <gtest/gtest.h>

#include "support/testutil.h"

namespace kith::test::show_test {
namespace {

using Json = nlohmann::ordered_json;

class ShowTest : public ::testing::Test {
 protected:
  TempDir tmp;
  Kith kith{tmp / "data"};
  void SetUp() override { kith.today("2026-11-25"); }

  // Appends interactions to a month file, as `kith log` would.
  void log(const std::string& month, const std::vector<std::string>& lines) {
    const fs::path file = tmp / "data/log" / (month + ".jsonl");
    std::string content = fs::exists(file) ? read_file(file) : "";
    for (const auto& l : lines) content += l + "\n";
    write_file(file, content);
  }

  void add_jose() {
    kith.ok({"add",        "José Núñez", "--email", "jose@example.org", "--phone",
             "+34 600 1",  "--company",  "Acme",    "--role",           "CTO",
             "--location", "Madrid",     "--link",  "https://j.es",     "--tag",
             "conf",       "--skill",    "Rust",    "--interest",       "hiring",
             "--how-met",  "RustConf",   "--met",   "2025-09-12",       "--every",
             "2m",         "--birthday", "02-29",   "--note",           "Likes tea"});
  }
};

bool has(const std::string& s, std::string_view what) { return s.find(what) != std::string::npos; }

TEST_F(ShowTest, ABirthdayWithoutAYearReadsAsDayAndMonth) {
  kith.ok({"add", "Ada Lovelace", "--birthday", "12-10"});
  kith.ok({"add", "Bob Babbage", "--birthday", "1990-12-10"});
  auto r = kith.run({"show", "ada-lovelace"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(has(r.out, "  birthday  10 December\n")) << r.out;
  EXPECT_EQ(kith.ok({"show", "ada-lovelace", "--json"}).json()["birthday"], "--12-10");
  EXPECT_TRUE(has(kith.ok({"show", "bob-babbage"}).out, "  birthday  1990-12-10\n"));
}

TEST_F(ShowTest, PrintsTheContactSectionsAndASuggestionWhenThereIsNoInteraction) {
  add_jose();
  auto r = kith.ok({"show", "jose"});
  const std::string expected =
      "José Núñez  (jose-nunez)\n"
      "  CTO at Acme · Madrid\n"
      "  email      jose@example.org\n"
      "  phone      +34 600 1\n"
      "  links      https://j.es\n"
      "  tags       conf\n"
      "  skills     Rust\n"
      "  interests  hiring\n"
      "  how met    RustConf\n"
      "  met on     2025-09-12\n"
      "  every      2m\n"
      "  due now    12 months late (due 2025-11-12)\n"
      "  birthday   29 February\n"
      "  notes      Likes tea\n"
      "  added on   2026-11-25\n"
      "\n"
      "No interactions yet. Reach out with no need, then record it:\n"
      "  kith log jose-nunez --kind coffee\n";
  EXPECT_EQ(r.out, expected);
  EXPECT_TRUE(r.err.empty()) << r.err;
}

TEST_F(ShowTest, AMinimalContactShowsTheDefaultCadence) {
  kith.ok({"add", "Ada"});
  auto r = kith.ok({"show", "ada"});
  EXPECT_EQ(r.out.substr(0, r.out.find("\n\n")),
            "Ada  (ada)\n"
            "  every     3m (the default; kith config every)\n"
            "  next due  2027-02-25, in 3 months\n"
            "  added on  2026-11-25");
  write_file(tmp / "data/kith.json",
             R"({"format": "kith", "version": 1, "settings": {"every": "monthly"}})");
  EXPECT_TRUE(has(kith.ok({"show", "ada"}).out, "every     monthly (the default"));
}

TEST_F(ShowTest, InteractionsAreListedNewestFirstWithIntentOthersAndFollowUps) {
  add_jose();
  kith.ok({"add", "Bob"});
  log("2026-10",
      {R"({"id":"a1","date":"2026-10-03","contacts":["jose-nunez"],"kind":"coffee",)"
       R"("intent":"catch-up","note":"First coffee","logged_at":"2026-10-03T10:00:00Z"})",
       R"({"id":"a2","date":"2026-10-20","contacts":["bob"],"kind":"call","intent":"ask",)"
       R"("note":null,"logged_at":"2026-10-20T10:00:00Z"})"});
  log("2026-11",
      {R"({"id":"b1","date":"2026-11-02","contacts":["jose-nunez","bob"],"kind":"intro",)"
       R"("intent":"give","note":"Introduced them","logged_at":"2026-11-02T10:00:00Z",)"
       R"("follow_up":{"text":"check in","by":"2026-11-30","done_on":null}})",
       R"({"id":"b0","date":"2026-11-01","contacts":["jose-nunez"],"kind":"email",)"
       R"("intent":"ask","note":null,"logged_at":"2026-11-01T10:00:00Z"})"});
  // 87 columns wide: whole on a terminal of 100.
  auto r = kith.env("COLUMNS", "100").ok({"show", "jose-nunez"});
  const std::string tail = r.out.substr(r.out.find("\n\n") + 2);
  EXPECT_EQ(
      tail,
      "Open follow-ups (1)\n"
      "  b1  by 2026-11-30, in 5 days  check in\n"
      "  Mark one done: kith done ID\n"
      "\n"
      "Interactions (newest first)\n"
      "  b1  2026-11-02  intro   give      with bob: Introduced them [follow-up open: check in]\n"
      "  b0  2026-11-01  email   ask\n"
      "  a1  2026-10-03  coffee  catch-up  First coffee\n");
}

TEST_F(ShowTest, JsonHasEveryContactKeyAndTheInteractionsNewestFirst) {
  add_jose();
  log("2026-11", {R"({"id":"x1","date":"2026-11-01","contacts":["jose-nunez"],"kind":"call",)"
                  R"("intent":"give","note":null,"logged_at":"2026-11-01T10:00:00Z"})",
                  R"({"id":"x2","date":"2026-11-03","contacts":["jose-nunez"],"kind":"lunch",)"
                  R"("intent":"ask","note":"n","logged_at":"2026-11-03T10:00:00Z","extra":1})"});
  auto r = kith.ok({"show", "jose-nunez", "--json"});
  EXPECT_TRUE(r.err.empty()) << r.err;
  Json expected = read_json(tmp / "data/contacts/jose-nunez.json");
  expected["interactions"] = Json::array();
  expected["interactions"].push_back(
      Json::parse(R"({"id":"x2","date":"2026-11-03","contacts":["jose-nunez"],"kind":"lunch",)"
                  R"("intent":"ask","note":"n","logged_at":"2026-11-03T10:00:00Z","extra":1})"));
  expected["interactions"].push_back(
      Json::parse(R"({"id":"x1","date":"2026-11-01","contacts":["jose-nunez"],"kind":"call",)"
                  R"("intent":"give","note":null,"logged_at":"2026-11-01T10:00:00Z"})"));
  EXPECT_EQ(r.json(), expected);
  std::vector<std::string> keys;
  for (auto it = expected.begin(); it != expected.end(); ++it) keys.push_back(it.key());
  EXPECT_EQ(keys, (std::vector<std::string>{
                      "id",        "name",     "emails",   "phones",        "company",
                      "role",      "location", "links",    "tags",          "skills",
                      "interests", "how_met",  "met_on",   "every",         "birthday",
                      "notes",     "added_on", "archived", "snoozed_until", "interactions"}));
}

TEST_F(ShowTest, JsonOfAContactWithoutInteractionsHasAnEmptyList) {
  kith.ok({"add", "Ada"});
  auto j = kith.ok({"show", "ada", "--json"}).json();
  EXPECT_EQ(j["interactions"], Json::array());
  EXPECT_TRUE(j["company"].is_null());
  EXPECT_EQ(j["emails"], Json::array());
}

TEST_F(ShowTest, FindsByNameEmailAndShowsArchivedContacts) {
  add_jose();
  EXPECT_TRUE(has(kith.ok({"show", "NÚÑEZ"}).out, "(jose-nunez)"));
  EXPECT_TRUE(has(kith.ok({"show", "JOSE@example.org"}).out, "(jose-nunez)"));
  Json j = read_json(tmp / "data/contacts/jose-nunez.json");
  j["archived"] = true;
  write_file(tmp / "data/contacts/jose-nunez.json", j.dump(2));
  auto r = kith.ok({"show", "jose"});
  EXPECT_EQ(r.out.substr(0, r.out.find('\n')), "José Núñez  (jose-nunez)  archived");
}

TEST_F(ShowTest, AnIdAndAnIdPrefixMatchWhateverTheirCase) {
  kith.ok({"add", "Priya Raman", "--id", "priya-r"});
  kith.ok({"add", "Priya Rao", "--id", "priya-r2"});
  auto r = kith.run({"show", "PRIYA-R"});  // the exact id, before the prefix of priya-r2
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(has(r.out, "Priya Raman  (priya-r)\n")) << r.out;
  r = kith.run({"show", "Priya-R2"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(has(r.out, "Priya Rao  (priya-r2)\n")) << r.out;
  r = kith.run({"log", "PRIYA-R", "--kind", "coffee"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(has(r.err, "with Priya Raman on 2026-11-25")) << r.err;
  kith.ok({"add", "Sam Okafor"});
  r = kith.run({"show", "SAM-"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(has(r.out, "Sam Okafor  (sam-okafor)\n")) << r.out;
}

TEST_F(ShowTest, AnAmbiguousContactExitsTwoListingTheCandidates) {
  kith.ok({"add", "Ada Lovelace"});
  kith.ok({"add", "Ada Byron"});
  auto r = kith.run({"show", "ada"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(r.out.empty()) << r.out;
  EXPECT_EQ(r.err,
            "kith: error: 'ada' matches 2 contacts: ada-byron (Ada Byron), ada-lovelace (Ada "
            "Lovelace)\nkith: hint: name one of them by its id\n");
}

TEST_F(ShowTest, AnUnknownContactExitsTwo) {
  kith.ok({"add", "Ada"});
  auto r = kith.run({"show", "zed"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(r.out.empty()) << r.out;
  EXPECT_EQ(r.err,
            "kith: error: no contact matches 'zed'\nkith: hint: `kith list` shows your contacts\n");
}

TEST_F(ShowTest, OnAnEmptyDataDirectoryTheHintSaysHowToAddAndNothingIsCreated) {
  auto r = kith.run({"show", "ada"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(has(r.err, "kith: error: no contact matches 'ada'")) << r.err;
  EXPECT_TRUE(has(r.err, "kith add")) << r.err;
  EXPECT_FALSE(fs::exists(tmp / "data"));
}

TEST_F(ShowTest, MissingContactArgumentIsAUsageError) {
  auto r = kith.run({"show"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(has(r.err, "kith: error: ")) << r.err;
  EXPECT_TRUE(has(r.err, "CONTACT")) << r.err;
}

TEST_F(ShowTest, ATornLastLogLineIsSkippedWithAWarning) {
  kith.ok({"add", "Ada"});
  const std::string content =
      R"({"id":"x1","date":"2026-11-01","contacts":["ada"],"kind":"call","intent":"give"})"
      "\n{\"id\":\"x2\",\"da";
  write_file(tmp / "data/log/2026-11.jsonl", content);
  auto r = kith.ok({"show", "ada"});
  EXPECT_TRUE(has(r.out, "2026-11-01  call  give")) << r.out;
  EXPECT_TRUE(has(r.err, "kith: warning: log/2026-11.jsonl:2: skipped a torn last line")) << r.err;
  EXPECT_EQ(read_file(tmp / "data/log/2026-11.jsonl"), content);
}

TEST_F(ShowTest, CorruptLogLinesAreLeftOutNamedWithFileAndLineAndExitOne) {
  kith.ok({"add", "Ada"});
  const std::string content = "{broken\n{\"id\":\"x\"}\n";
  write_file(tmp / "data/log/2026-11.jsonl", content);
  auto r = kith.run({"show", "ada"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(has(r.out, "Ada  (ada)")) << r.out;
  EXPECT_TRUE(has(r.err, "kith: warning: log/2026-11.jsonl:1: not valid JSON")) << r.err;
  EXPECT_TRUE(has(r.err, "kith: warning: log/2026-11.jsonl:2: has no 'date'")) << r.err;
  EXPECT_TRUE(has(r.err, "kith: error: left out what kith cannot read: 2 lines of the log"))
      << r.err;
  EXPECT_EQ(read_file(tmp / "data/log/2026-11.jsonl"), content);
}

TEST_F(ShowTest, TextFromTheFilesNeverReachesTheTerminalRaw) {
  kith.ok({"add", "Ada"});
  log("2026-11", {R"({"id":"x1","date":"2026-11-01","contacts":["ada","evil\u001b[2J"],)"
                  R"("kind":"k\u001b[31m","intent":"give","note":"n\u0007",)"
                  R"("follow_up":{"text":"t\u001b]0;title\u0007"}})"});
  auto r = kith.ok({"show", "ada"});
  EXPECT_EQ(r.out.find('\x1b'), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find('\x07'), std::string::npos) << r.out;
  EXPECT_TRUE(has(r.out, "with evil\uFFFD[2J")) << r.out;
}

}  // namespace
}  // namespace kith::test::show_test
