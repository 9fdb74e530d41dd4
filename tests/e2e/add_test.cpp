// End-to-end: `kith add` on a temp data directory, success and error paths.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include "support/testutil.h"

namespace kith::test::add_test {
namespace {

class AddTest : public ::testing::Test {
 protected:
  TempDir tmp;
  Kith kith{tmp / "data"};
  void SetUp() override { kith.today("2026-11-25"); }
};

TEST_F(AddTest, PrintsTheSluggedIdAndWritesOnePrettyFile) {
  auto r = kith.ok({"add", "José Núñez", "--skill", "Rust", "--interest", "hiring"});
  EXPECT_EQ(r.out, "jose-nunez\n");
  auto j = read_json(tmp / "data/contacts/jose-nunez.json");
  EXPECT_EQ(j["name"], "José Núñez");
  EXPECT_EQ(j["skills"], nlohmann::ordered_json::array({"Rust"}));
  EXPECT_EQ(j["added_on"], "2026-11-25");
  EXPECT_TRUE(j["every"].is_null());
  const std::string text = read_file(tmp / "data/contacts/jose-nunez.json");
  EXPECT_EQ(text.substr(0, 4), "{\n  ");
  EXPECT_EQ(text.back(), '\n');
}

TEST_F(AddTest, CreatesThePrivateDataDirectoryOnFirstWrite) {
  kith.ok({"add", "Ada Lovelace"});
  struct stat st {};
  ASSERT_EQ(::stat((tmp / "data").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0700u);
  ASSERT_EQ(::stat((tmp / "data/contacts/ada-lovelace.json").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  auto config = read_json(tmp / "data/kith.json");
  EXPECT_EQ(config["format"], "kith");
  EXPECT_EQ(config["version"], 1);
}

TEST_F(AddTest, TakenIdGetsNumberedSuffixAndDuplicateWarning) {
  kith.ok({"add", "Ada Lovelace", "--email", "ada@example.org"});
  auto r = kith.ok({"add", "Ada Lovelace"});
  EXPECT_EQ(r.out, "ada-lovelace-2\n");
  EXPECT_NE(r.err.find("ada-lovelace"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("warning"), std::string::npos) << r.err;
  r = kith.ok({"add", "Someone Else", "--email", "ADA@example.org"});
  EXPECT_NE(r.err.find("possible duplicate: ada-lovelace"), std::string::npos) << r.err;
}

TEST_F(AddTest, NameInAnotherScriptIsTransliterated) {
  EXPECT_EQ(kith.ok({"add", "李雷"}).out, "li-lei\n");
  EXPECT_EQ(kith.ok({"add", "李 Rossum"}).out, "li-rossum\n");
  EXPECT_EQ(kith.ok({"add", "Дмитрий"}).out, "dmitrii\n");
  EXPECT_EQ(kith.ok({"add", "Ελένη"}).out, "elene\n");
  EXPECT_EQ(kith.ok({"add", "José Núñez"}).out, "jose-nunez\n");
  EXPECT_EQ(kith.ok({"add", "李雷"}).out, "li-lei-2\n");
  EXPECT_EQ(read_json(tmp / "data/contacts/li-lei.json")["name"], "李雷");
}

TEST_F(AddTest, ExistingIdsAreNeverRenamed) {
  // A contact added before names were transliterated keeps its id.
  write_file(tmp / "data/contacts/contact-1.json",
             R"({"id": "contact-1", "name": "李小龙", "added_on": "2026-01-05"})");
  EXPECT_EQ(kith.ok({"add", "李小龙"}).out, "li-xiao-long\n");
  EXPECT_EQ(read_json(tmp / "data/contacts/contact-1.json")["name"], "李小龙");
  EXPECT_EQ(kith.ok({"show", "contact-1", "--json"}).json()["id"], "contact-1");
}

TEST_F(AddTest, NameWithNothingToTransliterateGetsContactN) {
  EXPECT_EQ(kith.ok({"add", "👋"}).out, "contact-1\n");
  EXPECT_EQ(kith.ok({"add", "🌻🌻"}).out, "contact-2\n");
  EXPECT_EQ(kith.ok({"add", "42"}).out, "contact-3\n");
}

TEST_F(AddTest, JsonPrintsTheRecordWritten) {
  auto j = kith.ok({"add", "Grace Hopper", "--company", "Navy", "--every", "quarterly",
                    "--birthday", "12-09", "--met", "2026-01-31", "--tag", "mentor", "--json"})
               .json();
  EXPECT_EQ(j["id"], "grace-hopper");
  EXPECT_EQ(j["company"], "Navy");
  EXPECT_EQ(j["every"], "quarterly");
  EXPECT_EQ(j["birthday"], "--12-09");
  EXPECT_EQ(j["met_on"], "2026-01-31");
  EXPECT_EQ(j, read_json(tmp / "data/contacts/grace-hopper.json"));
}

struct BadAdd {
  const char* label;
  std::vector<std::string> args;
  const char* message;
};

class AddUsageErrorTest : public AddTest, public ::testing::WithParamInterface<BadAdd> {};

TEST_P(AddUsageErrorTest, ExitsTwoWithAMessageAndWritesNothing) {
  kith.ok({"add", "Taken Person"});
  const std::string before = read_file(tmp / "data/contacts/taken-person.json");
  auto r = kith.run(GetParam().args);
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_TRUE(r.out.empty()) << r.out;
  EXPECT_NE(r.err.find("kith: error: "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(GetParam().message), std::string::npos) << r.err;
  // Nothing but the first contact exists.
  int files = 0;
  for (const auto& e : fs::directory_iterator(tmp / "data/contacts")) {
    (void)e;
    ++files;
  }
  EXPECT_EQ(files, 1);
  EXPECT_EQ(read_file(tmp / "data/contacts/taken-person.json"), before);
}

INSTANTIATE_TEST_SUITE_P(
    BadInput, AddUsageErrorTest,
    ::testing::Values(BadAdd{"NoName", {"add"}, "NAME is required"},
                      BadAdd{"EmptyName", {"add", ""}, "empty"},
                      BadAdd{"IdWithDotDot", {"add", "X", "--id", "../x"}, "invalid id '../x'"},
                      BadAdd{"IdWithSpace", {"add", "X", "--id", "A B"}, "invalid id"},
                      BadAdd{"IdEmpty", {"add", "X", "--id", ""}, "invalid id"},
                      BadAdd{"IdTooLong", {"add", "X", "--id", std::string(65, 'a')}, "invalid id"},
                      BadAdd{"IdTaken", {"add", "X", "--id", "taken-person"}, "is taken"},
                      BadAdd{"IdReserved", {"add", "X", "--id", "me"}, "reserved"},
                      BadAdd{"BadEvery", {"add", "X", "--every", "3x"}, "bad duration '3x'"},
                      BadAdd{
                          "BadMet", {"add", "X", "--met", "2026-02-30"}, "bad date '2026-02-30'"},
                      BadAdd{"FutureMet", {"add", "X", "--met", "tomorrow"}, "in the future"},
                      BadAdd{"BadBirthday", {"add", "X", "--birthday", "13-01"}, "bad birthday"},
                      BadAdd{"BadEmail", {"add", "X", "--email", "nope"}, "not an email"},
                      BadAdd{"UnknownOption", {"add", "X", "--frobnicate"}, "--frobnicate"},
                      BadAdd{"InvalidUtf8", {"add", "Bad \xC3\x28 name"}, "not valid UTF-8"},
                      BadAdd{"ControlChar", {"add", "Bad\x1b[31m name"}, "control characters"}),
    [](const ::testing::TestParamInfo<BadAdd>& p) { return std::string(p.param.label); });

}  // namespace
}  // namespace kith::test::add_test
