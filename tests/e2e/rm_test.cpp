// End-to-end: `kith rm` (archive), `kith restore`, and `kith rm --purge`.
#include <gtest/gtest.h>

#include "support/testutil.h"

namespace kith::test::rm_test {
namespace {

using Json = nlohmann::ordered_json;

std::string line(const std::string& id, const std::string& date,
                 const std::vector<std::string>& contacts, const std::string& extra = "") {
  Json j = Json::object();
  j["id"] = id;
  j["date"] = date;
  j["contacts"] = contacts;
  j["kind"] = "coffee";
  j["intent"] = "catch-up";
  j["note"] = nullptr;
  j["logged_at"] = date + "T10:00:00Z";
  std::string text = j.dump();
  if (!extra.empty()) text.insert(text.size() - 1, "," + extra);
  return text + "\n";
}

class RmTest : public ::testing::Test {
 protected:
  TempDir tmp;
  Kith kith{tmp / "data"};
  fs::path log = tmp / "data/log";

  void SetUp() override {
    kith.today("2026-11-25");
    kith.ok({"add", "Ada Lovelace"});
    kith.ok({"add", "Bob Babbage"});
  }
};

TEST_F(RmTest, ArchivesHidesFromListAndListAllMarksIt) {
  auto r = kith.ok({"rm", "ada"});
  EXPECT_TRUE(r.out.empty()) << r.out;
  EXPECT_NE(r.err.find("archived ada-lovelace (Ada Lovelace)"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("kith restore ada-lovelace"), std::string::npos) << r.err;
  EXPECT_EQ(read_json(tmp / "data/contacts/ada-lovelace.json")["archived"], true);
  EXPECT_EQ(kith.ok({"list"}).out.find("ada-lovelace"), std::string::npos);
  const std::string all = kith.ok({"list", "--all"}).out;
  EXPECT_NE(all.find("ada-lovelace"), std::string::npos) << all;
  EXPECT_NE(all.find("(archived)"), std::string::npos) << all;
}

TEST_F(RmTest, ArchivingTwiceIsAFriendlyNoOp) {
  kith.ok({"rm", "ada"});
  const std::string before = read_file(tmp / "data/contacts/ada-lovelace.json");
  auto r = kith.ok({"rm", "ada-lovelace"});
  EXPECT_NE(r.err.find("ada-lovelace (Ada Lovelace) is already archived"), std::string::npos)
      << r.err;
  EXPECT_EQ(read_file(tmp / "data/contacts/ada-lovelace.json"), before);
}

TEST_F(RmTest, RestoreBringsItBackAndIsIdempotent) {
  kith.ok({"rm", "ada"});
  auto r = kith.ok({"restore", "ada"});
  EXPECT_NE(r.err.find("restored ada-lovelace"), std::string::npos) << r.err;
  EXPECT_EQ(read_json(tmp / "data/contacts/ada-lovelace.json")["archived"], false);
  EXPECT_NE(kith.ok({"list"}).out.find("ada-lovelace"), std::string::npos);
  r = kith.ok({"restore", "ada"});
  EXPECT_NE(r.err.find("is not archived"), std::string::npos) << r.err;
}

TEST_F(RmTest, ArchivedContactsCannotBeNamedByOtherCommandsButRestoreHints) {
  kith.ok({"rm", "ada"});
  auto r = kith.run({"snooze", "ada-lovelace", "--until", "2027-01-01"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("'ada-lovelace' is archived"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("kith restore ada-lovelace"), std::string::npos) << r.err;
}

TEST_F(RmTest, UnknownKeysSurviveArchiving) {
  Json j = read_json(tmp / "data/contacts/ada-lovelace.json");
  j["crm_id"] = 42;
  write_file(tmp / "data/contacts/ada-lovelace.json", j.dump(2) + "\n");
  kith.ok({"rm", "ada"});
  kith.ok({"restore", "ada"});
  EXPECT_EQ(read_json(tmp / "data/contacts/ada-lovelace.json")["crm_id"], 42);
}

struct BadRm {
  const char* label;
  std::vector<std::string> args;
  const char* message;
};

class RmUsageErrorTest : public RmTest, public ::testing::WithParamInterface<BadRm> {};

TEST_P(RmUsageErrorTest, ExitsTwoAndChangesNothing) {
  write_file(log / "2026-11.jsonl", line("x1", "2026-11-02", {"ada-lovelace"}));
  const std::string ada = read_file(tmp / "data/contacts/ada-lovelace.json");
  const std::string bob = read_file(tmp / "data/contacts/bob-babbage.json");
  auto r = kith.run(GetParam().args);
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_TRUE(r.out.empty()) << r.out;
  EXPECT_NE(r.err.find("kith: error: "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(GetParam().message), std::string::npos) << r.err;
  EXPECT_EQ(read_file(tmp / "data/contacts/ada-lovelace.json"), ada);
  EXPECT_EQ(read_file(tmp / "data/contacts/bob-babbage.json"), bob);
  EXPECT_EQ(read_file(log / "2026-11.jsonl"), line("x1", "2026-11-02", {"ada-lovelace"}));
}

INSTANTIATE_TEST_SUITE_P(
    BadInput, RmUsageErrorTest,
    ::testing::Values(BadRm{"NoContact", {"rm"}, "CONTACT is required"},
                      BadRm{"UnknownContact", {"rm", "zed"}, "no contact matches 'zed'"},
                      BadRm{"Ambiguous", {"rm", "e", "--purge", "--yes"}, "matches 2 contacts"},
                      BadRm{"PurgeWithoutYesFromAScript",
                            {"rm", "ada", "--purge"},
                            "there is no terminal to ask"},
                      BadRm{"RestoreUnknown", {"restore", "zed"}, "no contact matches"},
                      BadRm{"RestoreNoContact", {"restore"}, "CONTACT is required"},
                      BadRm{"UnknownOption", {"rm", "ada", "--force"}, "--force"}),
    [](const ::testing::TestParamInfo<BadRm>& p) { return std::string(p.param.label); });

TEST_F(RmTest, PurgeWithoutYesHintsAtIt) {
  auto r = kith.run({"rm", "ada", "--purge"});
  EXPECT_NE(r.err.find("kith: hint: pass --yes"), std::string::npos) << r.err;
  EXPECT_TRUE(fs::exists(tmp / "data/contacts/ada-lovelace.json"));
}

TEST_F(RmTest, PurgeTakesTheIdOutOfSharedInteractionsAndDeletesTheRest) {
  kith.ok({"add", "Cy Clops"});
  write_file(log / "2026-10.jsonl",
             line("o1", "2026-10-03", {"ada-lovelace"}) +
                 line("o2", "2026-10-09", {"bob-babbage", "ada-lovelace"}, "\"mood\":\"good\"") +
                 line("o3", "2026-10-01", {"cy-clops"}));
  write_file(log / "2026-11.jsonl", line("n1", "2026-11-02", {"ada-lovelace"}));
  const std::string untouched = line("s1", "2026-09-02", {"bob-babbage"});
  write_file(log / "2026-09.jsonl", untouched);

  auto r = kith.ok({"rm", "ada", "--purge", "--yes"});
  EXPECT_TRUE(r.out.empty()) << r.out;
  EXPECT_NE(r.err.find("purged ada-lovelace (Ada Lovelace): taken out of 1 shared interaction, "
                       "deleted 2 interactions"),
            std::string::npos)
      << r.err;
  EXPECT_FALSE(fs::exists(tmp / "data/contacts/ada-lovelace.json"));
  // October keeps its order; Bob keeps the shared interaction, unknown key and all.
  EXPECT_EQ(read_file(log / "2026-10.jsonl"),
            line("o2", "2026-10-09", {"bob-babbage"}, "\"mood\":\"good\"") +
                line("o3", "2026-10-01", {"cy-clops"}));
  // November had only Ada: the file is gone.
  EXPECT_FALSE(fs::exists(log / "2026-11.jsonl"));
  EXPECT_EQ(read_file(log / "2026-09.jsonl"), untouched);

  const Json bob = kith.ok({"show", "bob", "--json"}).json();
  ASSERT_EQ(bob["interactions"].size(), 2u);
  EXPECT_EQ(bob["interactions"][0]["contacts"], Json::array({"bob-babbage"}));
  EXPECT_EQ(kith.run({"show", "ada-lovelace"}).exit_code, 2);
}

TEST_F(RmTest, PurgeWorksOnAnArchivedContactAndWithoutInteractions) {
  kith.ok({"rm", "ada"});
  kith.ok({"rm", "--purge", "--yes", "ada-lovelace"});
  EXPECT_FALSE(fs::exists(tmp / "data/contacts/ada-lovelace.json"));
  EXPECT_TRUE(fs::exists(tmp / "data/contacts/bob-babbage.json"));
  EXPECT_FALSE(fs::exists(log));
}

TEST_F(RmTest, PurgeRefusesAMonthWithATornLineAndChangesNothing) {
  const std::string october = line("o1", "2026-10-03", {"ada-lovelace", "bob-babbage"});
  const std::string november =
      line("n1", "2026-11-02", {"ada-lovelace"}) + "{\"id\":\"n2\",\"date\":\"2026-1";
  write_file(log / "2026-10.jsonl", october);
  write_file(log / "2026-11.jsonl", november);
  auto r = kith.run({"rm", "ada", "--purge", "--yes"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find("log/2026-11.jsonl:2"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("kith doctor --fix"), std::string::npos) << r.err;
  EXPECT_EQ(read_file(log / "2026-10.jsonl"), october);
  EXPECT_EQ(read_file(log / "2026-11.jsonl"), november);
  EXPECT_TRUE(fs::exists(tmp / "data/contacts/ada-lovelace.json"));
}

TEST_F(RmTest, PurgeStopsOnACorruptLogLine) {
  const std::string bad = "not json\n" + line("n1", "2026-11-02", {"ada-lovelace"});
  write_file(log / "2026-11.jsonl", bad);
  auto r = kith.run({"rm", "ada", "--purge", "--yes"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find("log/2026-11.jsonl:1: not valid JSON"), std::string::npos) << r.err;
  EXPECT_EQ(read_file(log / "2026-11.jsonl"), bad);
  EXPECT_TRUE(fs::exists(tmp / "data/contacts/ada-lovelace.json"));
}

TEST_F(RmTest, OnATerminalPurgeAsksAndYesGoesAhead) {
  write_file(log / "2026-11.jsonl", line("n1", "2026-11-02", {"ada-lovelace"}) +
                                        line("n2", "2026-11-03", {"ada-lovelace", "bob-babbage"}));
  auto r = kith.run_on_terminal({"rm", "ada", "--purge"}, "yes\n");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("Purge ada-lovelace (Ada Lovelace)? This deletes "
                       "contacts/ada-lovelace.json and takes it out of 2 interactions (1 of them "
                       "name nobody else and go too). This cannot be undone. [y/N]"),
            std::string::npos)
      << r.err;
  EXPECT_FALSE(fs::exists(tmp / "data/contacts/ada-lovelace.json"));
  EXPECT_EQ(read_file(log / "2026-11.jsonl"), line("n2", "2026-11-03", {"bob-babbage"}));
}

TEST_F(RmTest, OnATerminalAnythingButYesKeepsEverything) {
  const std::string november = line("n1", "2026-11-02", {"ada-lovelace"});
  write_file(log / "2026-11.jsonl", november);
  for (const char* answer : {"n\n", "\n", "maybe\n", ""}) {
    auto r = kith.run_on_terminal({"rm", "ada", "--purge"}, answer);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.err.find("nothing was purged"), std::string::npos) << r.err;
    EXPECT_TRUE(fs::exists(tmp / "data/contacts/ada-lovelace.json"));
    EXPECT_EQ(read_file(log / "2026-11.jsonl"), november);
  }
}

TEST_F(RmTest, OnATerminalYesFlagSkipsTheQuestion) {
  auto r = kith.run_on_terminal({"rm", "ada", "--purge", "--yes"}, "");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err.find("[y/N]"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(tmp / "data/contacts/ada-lovelace.json"));
}

}  // namespace
}  // namespace kith::test::rm_test
