// End-to-end: `kith me` on a temp data directory, success and error paths.
#include <gtest/gtest.h>

#include "support/labels.h"
#include "support/testutil.h"

namespace kith::test::me_test {
namespace {

using Json = nlohmann::ordered_json;

bool has(const std::string& s, std::string_view what) { return s.find(what) != std::string::npos; }

using ::kith::test::operator<<;

class MeTest : public ::testing::Test {
 protected:
  TempDir tmp;
  Kith kith{tmp / "data"};
  void SetUp() override { kith.today("2026-11-25"); }
};

TEST_F(MeTest, AnEmptyProfileSaysHowToFillItAndCreatesNothing) {
  auto r = kith.ok({"me"});
  EXPECT_TRUE(has(r.out, "Your profile is empty")) << r.out;
  EXPECT_TRUE(has(r.out, "kith me --name")) << r.out;
  EXPECT_TRUE(r.err.empty()) << r.err;
  EXPECT_FALSE(fs::exists(tmp / "data"));
}

TEST_F(MeTest, JsonOfAnEmptyProfileHasEveryKey) {
  auto j = kith.ok({"me", "--json"}).json();
  EXPECT_EQ(j, Json::parse(R"({"name": "", "emails": [], "skills": [], "interests": [],
                              "goals": [], "tags": [], "company": null, "role": null,
                              "location": null})"));
  EXPECT_FALSE(fs::exists(tmp / "data"));
}

TEST_F(MeTest, OptionsAddToTheProfileAndPrintIt) {
  auto r = kith.ok({"me", "--name", "Sam Rivera", "--skill", "C++", "--skill", "hiring",
                    "--interest", "climate tech", "--goal", "meet founders"});
  EXPECT_EQ(r.out,
            "Sam Rivera\n"
            "  skills     C++, hiring\n"
            "  interests  climate tech\n"
            "  goals      meet founders\n");
  EXPECT_EQ(r.err, "kith: profile updated\n");
  auto j = read_json(tmp / "data/me.json");
  EXPECT_EQ(j["name"], "Sam Rivera");
  EXPECT_EQ(j["skills"], Json::array({"C++", "hiring"}));
  // Showing it again prints the same.
  EXPECT_EQ(kith.ok({"me"}).out, r.out);
}

TEST_F(MeTest, MissingListsSayHowToAddThem) {
  auto r = kith.ok({"me", "--name", "Sam"});
  EXPECT_EQ(r.out,
            "Sam\n"
            "  skills     none yet: kith me --skill S\n"
            "  interests  none yet: kith me --interest I\n"
            "  goals      none yet: kith me --goal G\n");
}

TEST_F(MeTest, SkillsAndInterestsAreAddedOnceUnderTermMatching) {
  kith.ok({"me", "--skill", "Machine Learning", "--interest", "API"});
  kith.ok({"me", "--skill", "machine-learnings", "--skill", "Rust", "--skill", "rust", "--interest",
           "apis", "--interest", "Ökonomie", "--interest", "okonomie"});
  auto j = read_json(tmp / "data/me.json");
  EXPECT_EQ(j["skills"], Json::array({"Machine Learning", "Rust"}));
  EXPECT_EQ(j["interests"], Json::array({"API", "Ökonomie"}));
}

TEST_F(MeTest, AProfileWithOnlyAGoalIsShownNotCalledEmpty) {
  auto r = kith.ok({"me", "--goal", "meet founders", "--company", "Acme"});
  EXPECT_EQ(r.out,
            "(no name: kith me --name \"…\")\n"
            "  skills     none yet: kith me --skill S\n"
            "  interests  none yet: kith me --interest I\n"
            "  goals      meet founders\n"
            "  company    Acme\n");
  EXPECT_EQ(kith.ok({"me"}).out, r.out);
}

TEST_F(MeTest, NameCompanyAndLocationAreReplacedAndTagsAdded) {
  kith.ok({"me", "--name", "Sam", "--company", "Acme", "--tag", "rust"});
  kith.ok({"me", "--name", "Sam R.", "--location", "Lyon", "--tag", "Rust", "--tag", "lyon"});
  auto j = read_json(tmp / "data/me.json");
  EXPECT_EQ(j["name"], "Sam R.");
  EXPECT_EQ(j["company"], "Acme");
  EXPECT_EQ(j["location"], "Lyon");
  EXPECT_EQ(j["tags"], Json::array({"rust", "lyon"}));
  auto r = kith.ok({"me"});
  EXPECT_TRUE(has(r.out, "  tags       rust, lyon\n")) << r.out;
  EXPECT_TRUE(has(r.out, "  company    Acme\n")) << r.out;
  EXPECT_TRUE(has(r.out, "  location   Lyon\n")) << r.out;
}

TEST_F(MeTest, RoleIsReplacedAndShown) {
  kith.ok({"me", "--name", "Sam", "--role", "Engineer"});
  auto r = kith.ok({"me", "--role", "Staff Engineer"});
  EXPECT_TRUE(has(r.out, "  role       Staff Engineer\n")) << r.out;
  EXPECT_EQ(read_json(tmp / "data/me.json")["role"], "Staff Engineer");
}

TEST_F(MeTest, JsonPrintsTheProfileAsWritten) {
  auto r = kith.ok({"me", "--name", "Sam", "--skill", "Go", "--json"});
  EXPECT_EQ(r.json(), read_json(tmp / "data/me.json"));
  EXPECT_EQ(kith.ok({"me", "--json"}).json(), read_json(tmp / "data/me.json"));
}

TEST_F(MeTest, UnknownKeysInMeJsonAreKept) {
  write_file(tmp / "data/me.json", R"({"name": "Sam", "pronouns": "they", "skills": ["Go"]})");
  kith.ok({"me", "--skill", "Rust"});
  auto j = read_json(tmp / "data/me.json");
  EXPECT_EQ(j["pronouns"], "they");
  EXPECT_EQ(j["skills"], Json::array({"Go", "Rust"}));
}

TEST_F(MeTest, EmailsAreAddedOnceInOrderAndShown) {
  auto r = kith.ok(
      {"me", "--name", "Sam", "--email", "sam@work.example", "--email", "Sam@Home.example"});
  EXPECT_EQ(r.out,
            "Sam\n"
            "  emails     sam@work.example, Sam@Home.example\n"
            "  skills     none yet: kith me --skill S\n"
            "  interests  none yet: kith me --interest I\n"
            "  goals      none yet: kith me --goal G\n");
  // The same address in another case of its ASCII letters is the same
  // address: the spelling first written stays, and the first stays first.
  kith.ok({"me", "--email", "SAM@WORK.EXAMPLE", "--email", "sam@home.example", "--email",
           "s.rivera@club.example"});
  EXPECT_EQ(read_json(tmp / "data/me.json")["emails"],
            Json::array({"sam@work.example", "Sam@Home.example", "s.rivera@club.example"}));
  EXPECT_EQ(kith.ok({"me", "--json"}).json()["emails"],
            Json::array({"sam@work.example", "Sam@Home.example", "s.rivera@club.example"}));
}

TEST_F(MeTest, AProfileWithOnlyAnEmailIsShownNotCalledEmpty) {
  auto r = kith.ok({"me", "--email", "sam@work.example", "-q"});
  EXPECT_FALSE(has(r.out, "Your profile is empty")) << r.out;
  EXPECT_TRUE(has(r.out, "  emails     sam@work.example\n")) << r.out;
}

TEST_F(MeTest, EmailsAreWrittenAfterTheNameAndUnknownKeysAreKept) {
  write_file(tmp / "data/me.json", R"({"name": "Sam", "pronouns": "they", "skills": ["Go"]})");
  kith.ok({"me", "--email", "sam@work.example"});
  const std::string text = read_file(tmp / "data/me.json");
  EXPECT_TRUE(has(text, "\"name\": \"Sam\",\n  \"emails\": [\n    \"sam@work.example\"\n  ],\n"))
      << text;
  auto j = read_json(tmp / "data/me.json");
  EXPECT_EQ(j["pronouns"], "they");
  EXPECT_EQ(j["skills"], Json::array({"Go"}));
}

TEST_F(MeTest, EditMeRemovesAnEmailAndRefusesOneItDoesNotHave) {
  kith.ok({"me", "--email", "sam@work.example", "--email", "sam@home.example", "-q"});
  auto j = kith.ok({"edit", "me", "--no-email", "SAM@WORK.example", "--email", "sam@new.example",
                    "--json", "-q"})
               .json();
  EXPECT_EQ(j["emails"], Json::array({"sam@home.example", "sam@new.example"}));
  EXPECT_EQ(j, read_json(tmp / "data/me.json"));
  const std::string before = read_file(tmp / "data/me.json");
  auto absent = kith.run({"edit", "me", "--no-email", "sam@work.example"});
  EXPECT_EQ(absent.exit_code, 2) << absent.err;
  EXPECT_TRUE(has(absent.err, "your profile has no email 'sam@work.example'")) << absent.err;
  auto bad = kith.run({"edit", "me", "--email", "not-an-address"});
  EXPECT_EQ(bad.exit_code, 2) << bad.err;
  EXPECT_TRUE(has(bad.err, "--email: 'not-an-address' is not an email address")) << bad.err;
  EXPECT_EQ(read_file(tmp / "data/me.json"), before);
}

TEST_F(MeTest, QuietHidesTheConfirmation) {
  auto r = kith.ok({"me", "--name", "Sam", "-q"});
  EXPECT_TRUE(r.err.empty()) << r.err;
  EXPECT_TRUE(has(r.out, "Sam")) << r.out;
}

struct BadMe {
  const char* label;
  std::vector<std::string> args;
  const char* message;
};

class MeUsageErrorTest : public MeTest, public ::testing::WithParamInterface<BadMe> {};

TEST_P(MeUsageErrorTest, ExitsTwoAndChangesNothing) {
  kith.ok({"me", "--name", "Sam", "--skill", "Go"});
  const std::string before = read_file(tmp / "data/me.json");
  auto r = kith.run(GetParam().args);
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_TRUE(r.out.empty()) << r.out;
  EXPECT_TRUE(has(r.err, "kith: error: ")) << r.err;
  EXPECT_TRUE(has(r.err, GetParam().message)) << r.err;
  EXPECT_EQ(read_file(tmp / "data/me.json"), before);
}

INSTANTIATE_TEST_SUITE_P(
    BadInput, MeUsageErrorTest,
    ::testing::Values(
        BadMe{"EmptyName", {"me", "--name", ""}, "--name: empty value"},
        BadMe{"EmptyRole", {"me", "--role", ""}, "--role: empty value"},
        BadMe{"BlankSkill", {"me", "--skill", "  "}, "--skill: empty value"},
        BadMe{"ControlInInterest", {"me", "--interest", "a\tb"}, "--interest: control characters"},
        BadMe{"EscapeInGoal", {"me", "--goal", "x\x1b[31m"}, "--goal: control characters"},
        BadMe{"EmptyCompany", {"me", "--company", ""}, "--company: empty value"},
        BadMe{"InvalidUtf8", {"me", "--skill", "Go", "--name", "Sam \xff"}, "not valid UTF-8"},
        BadMe{"MissingValue", {"me", "--skill"}, "--skill"},
        BadMe{"Positional", {"me", "Sam"}, "Sam"},
        BadMe{"NoAt",
              {"me", "--email", "sam.example.org"},
              "--email: 'sam.example.org' is not an email address"},
        BadMe{"SpaceInEmail", {"me", "--email", "sam @example.org"}, "is not an email address"},
        BadMe{"TabInEmail", {"me", "--email", "sam@\texample.org"}, "--email: control characters"},
        BadMe{"EmptyEmail", {"me", "--email", ""}, "--email: empty value"},
        BadMe{"OneBadEmailOfTwo",
              {"me", "--email", "sam@example.org", "--email", "nope"},
              "'nope' is not an email address"},
        BadMe{"UnknownOption", {"me", "--phone", "555"}, "--phone"}),
    [](const ::testing::TestParamInfo<BadMe>& p) { return std::string(p.param.label); });

TEST_F(MeTest, AnInvalidFirstProfileCreatesNoDataDirectory) {
  auto r = kith.run({"me", "--name", "Sam", "--skill", ""});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_FALSE(fs::exists(tmp / "data"));
}

TEST_F(MeTest, ACorruptProfileExitsOneAndIsNotOverwritten) {
  write_file(tmp / "data/me.json", "{\"name\": \"Sam\",\n \"skills\": [\n");
  const std::string before = read_file(tmp / "data/me.json");
  for (const auto& args :
       std::vector<std::vector<std::string>>{{"me"}, {"me", "--json"}, {"me", "--skill", "Go"}}) {
    auto r = kith.run(args);
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_TRUE(r.out.empty()) << r.out;
    EXPECT_TRUE(has(r.err, "kith: error: me.json:")) << r.err;
    EXPECT_EQ(read_file(tmp / "data/me.json"), before);
  }
}

}  // namespace
}  // namespace kith::test::me_test
