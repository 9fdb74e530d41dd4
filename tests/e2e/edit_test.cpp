// End-to-end: `kith edit` with options and with $VISUAL / $EDITOR, on a
// contact and on the profile; success and error paths.
#include <gtest/gtest.h>

#include "support/testutil.h"

namespace kith::test::edit_test {
namespace {

using Json = nlohmann::ordered_json;

class EditTest : public ::testing::Test {
 protected:
  TempDir tmp;
  Kith kith{tmp / "data"};
  fs::path ada_file = tmp / "data/contacts/ada-lovelace.json";

  void SetUp() override {
    kith.today("2026-11-25");
    kith.ok({"add",        "Ada Lovelace",
             "--company",  "Analytical",
             "--role",     "Engineer",
             "--email",    "ada@example.org",
             "--phone",    "+44 20 7946 0958",
             "--link",     "https://ada.example",
             "--tag",      "math",
             "--tag",      "London",
             "--skill",    "Machine-Learning",
             "--skill",    "compilers",
             "--interest", "hiring",
             "--met",      "2026-01-10",
             "--every",    "2m",
             "--birthday", "12-10",
             "--note",     "likes tea",
             "--how-met",  "a conference"});
  }

  // An executable editor script; `body` works on the file "$1".
  std::string editor(const std::string& name, const std::string& body) {
    const fs::path script = tmp / name;
    write_file(script, "#!/bin/sh\n" + body + "\n");
    fs::permissions(script, fs::perms::owner_all);
    return script.string();
  }

  Json ada() { return read_json(ada_file); }
};

TEST_F(EditTest, ScalarOptionsReplaceAndListOptionsAdd) {
  auto r = kith.ok({"edit", "ada", "--company", "Babbage & Co", "--tag", "mentor", "--skill",
                    "math", "--location", "London"});
  EXPECT_TRUE(r.out.empty()) << r.out;
  EXPECT_NE(r.err.find("updated ada-lovelace (Ada Lovelace)"), std::string::npos) << r.err;
  const Json j = ada();
  EXPECT_EQ(j["company"], "Babbage & Co");
  EXPECT_EQ(j["location"], "London");
  EXPECT_EQ(j["role"], "Engineer");
  EXPECT_EQ(j["tags"], Json::array({"math", "London", "mentor"}));
  EXPECT_EQ(j["skills"], Json::array({"Machine-Learning", "compilers", "math"}));
}

TEST_F(EditTest, RemovalOptionsMatchLikeTermsEmailsAndPhones) {
  kith.ok({"edit", "ada", "--untag", "MATH", "--no-skill", "machine learning", "--no-interest",
           "Hiring", "--no-email", "ADA@example.org", "--no-phone", "+442079460958", "--no-link",
           "https://ADA.example"});
  const Json j = ada();
  EXPECT_EQ(j["tags"], Json::array({"London"}));
  EXPECT_EQ(j["skills"], Json::array({"compilers"}));
  EXPECT_EQ(j["interests"], Json::array());
  EXPECT_EQ(j["emails"], Json::array());
  EXPECT_EQ(j["phones"], Json::array());
  EXPECT_EQ(j["links"], Json::array());
}

// A value is added once under its field's equality key, the key an import
// uses too: phone digits, normalised terms, profile URLs, emails.
TEST_F(EditTest, ListValuesEqualUnderTheirFieldsKeyAreNotAddedTwice) {
  kith.ok({"add", "Xavier Quinn", "--phone", "+1 555 0100", "--tag", "APIs", "--skill",
           "Machine-Learning", "--link", "https://www.linkedin.com/in/xq", "--email",
           "XQ@example.org"});
  kith.ok({"edit", "xavier", "--phone", "+15550100", "--tag", "api", "--skill", "machine learnings",
           "--link", "linkedin.com/in/XQ/", "--email", "xq@example.org"});
  const Json j = read_json(tmp / "data/contacts/xavier-quinn.json");
  EXPECT_EQ(j["phones"], Json::array({"+1 555 0100"}));
  EXPECT_EQ(j["tags"], Json::array({"APIs"}));
  EXPECT_EQ(j["skills"], Json::array({"Machine-Learning"}));
  EXPECT_EQ(j["links"], Json::array({"https://www.linkedin.com/in/xq"}));
  EXPECT_EQ(j["emails"], Json::array({"XQ@example.org"}));
  // And removed under the same keys.
  kith.ok({"edit", "xavier", "--no-phone", "1-555-0100", "--untag", "API", "--no-link",
           "http://uk.linkedin.com/in/xq"});
  const Json after = read_json(tmp / "data/contacts/xavier-quinn.json");
  EXPECT_EQ(after["phones"], Json::array());
  EXPECT_EQ(after["tags"], Json::array());
  EXPECT_EQ(after["links"], Json::array());
}

TEST_F(EditTest, EmptyValuesClearScalarsAndEveryGoesBackToTheDefaultOrOff) {
  kith.ok({"edit", "ada", "--company", "", "--role", "", "--met", "", "--birthday", "", "--note",
           "", "--how-met", "", "--every", "off"});
  Json j = ada();
  for (const char* key : {"company", "role", "met_on", "birthday", "notes", "how_met"}) {
    EXPECT_TRUE(j[key].is_null()) << key << ": " << j[key];
  }
  EXPECT_EQ(j["every"], "off");
  kith.ok({"edit", "ada", "--every", "default"});
  EXPECT_TRUE(ada()["every"].is_null());
}

TEST_F(EditTest, NameChangesButTheIdStays) {
  auto j = kith.ok({"edit", "ada", "--name", "Augusta Ada King", "--json"}).json();
  EXPECT_EQ(j["id"], "ada-lovelace");
  EXPECT_EQ(j["name"], "Augusta Ada King");
  EXPECT_EQ(j, ada());
}

TEST_F(EditTest, RenamingToAnotherContactsNameWarns) {
  kith.ok({"add", "Grace Hopper"});
  auto r = kith.ok({"edit", "ada", "--name", "Grace Hopper"});
  EXPECT_NE(r.err.find("possible duplicate: grace-hopper"), std::string::npos) << r.err;
}

TEST_F(EditTest, UnknownKeysSurviveAnEditWithOptions) {
  Json j = ada();
  j["linkedin_id"] = "ada-1815";
  write_file(ada_file, j.dump(2) + "\n");
  kith.ok({"edit", "ada", "--tag", "x"});
  EXPECT_EQ(ada()["linkedin_id"], "ada-1815");
}

TEST_F(EditTest, NothingChangedSaysSoAndLeavesTheFile) {
  const std::string before = read_file(ada_file);
  auto r = kith.ok({"edit", "ada", "--tag", "math", "--company", "Analytical"});
  EXPECT_NE(r.err.find("no changes to ada-lovelace"), std::string::npos) << r.err;
  EXPECT_EQ(read_file(ada_file), before);
}

TEST_F(EditTest, ArchivedContactsCanBeEdited) {
  kith.ok({"rm", "ada"});
  kith.ok({"edit", "ada-lovelace", "--role", "Countess"});
  EXPECT_EQ(ada()["role"], "Countess");
  EXPECT_EQ(ada()["archived"], true);
}

TEST_F(EditTest, QuietHidesTheConfirmation) {
  auto r = kith.ok({"-q", "edit", "ada", "--tag", "quiet"});
  EXPECT_TRUE(r.err.empty()) << r.err;
}

struct BadEdit {
  const char* label;
  std::vector<std::string> args;
  const char* message;
};

class EditUsageErrorTest : public EditTest, public ::testing::WithParamInterface<BadEdit> {};

TEST_P(EditUsageErrorTest, ExitsTwoAndChangesNothing) {
  kith.ok({"add", "Adam Smith"});
  const std::string before = read_file(ada_file);
  auto r = kith.run(GetParam().args);
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_TRUE(r.out.empty()) << r.out;
  EXPECT_NE(r.err.find("kith: error: "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(GetParam().message), std::string::npos) << r.err;
  EXPECT_EQ(read_file(ada_file), before);
  EXPECT_FALSE(fs::exists(tmp / "data/me.json"));
}

INSTANTIATE_TEST_SUITE_P(
    BadInput, EditUsageErrorTest,
    ::testing::Values(
        BadEdit{"NoContact", {"edit"}, "CONTACT is required"},
        BadEdit{"UnknownContact", {"edit", "zed", "--tag", "x"}, "no contact matches 'zed'"},
        BadEdit{"Ambiguous", {"edit", "ada", "--tag", "x"}, "matches 2 contacts"},
        BadEdit{"AbsentTag",
                {"edit", "ada-lovelace", "--untag", "poetry"},
                "ada-lovelace has no tag 'poetry'"},
        BadEdit{"AbsentSkill", {"edit", "ada-lovelace", "--no-skill", "go"}, "has no skill 'go'"},
        BadEdit{"AbsentEmail", {"edit", "ada-lovelace", "--no-email", "x@y"}, "has no email"},
        BadEdit{"AddAndRemove",
                {"edit", "ada-lovelace", "--tag", "Math", "--untag", "math"},
                "--tag and --untag both name 'Math'"},
        BadEdit{"BadEvery", {"edit", "ada-lovelace", "--every", "sometimes"}, "--every:"},
        BadEdit{"BadMet", {"edit", "ada-lovelace", "--met", "2026-02-30"}, "--met:"},
        BadEdit{"FutureMet", {"edit", "ada-lovelace", "--met", "tomorrow"}, "in the future"},
        BadEdit{"BadBirthday", {"edit", "ada-lovelace", "--birthday", "13-40"}, "--birthday:"},
        BadEdit{"BadEmail", {"edit", "ada-lovelace", "--email", "nope"}, "not an email"},
        BadEdit{"EmptyName", {"edit", "ada-lovelace", "--name", ""}, "--name: empty value"},
        BadEdit{"ControlInName", {"edit", "ada-lovelace", "--name", "A\x1b[2J"}, "control"},
        BadEdit{"GoalOnContact",
                {"edit", "ada-lovelace", "--goal", "x"},
                "--goal only applies to your profile"},
        BadEdit{"PhoneOnMe",
                {"edit", "me", "--phone", "+1 555 0100"},
                "--phone does not apply to your profile"},
        BadEdit{"BadEmailOnMe", {"edit", "me", "--email", "nope"}, "not an email"},
        BadEdit{"EveryOnMe", {"edit", "me", "--every", "2w"}, "--every does not apply"},
        BadEdit{"AbsentSkillOnMe",
                {"edit", "me", "--no-skill", "go"},
                "your profile has no skill 'go'"},
        BadEdit{"UnknownOption", {"edit", "ada-lovelace", "--id", "x"}, "--id"}),
    [](const ::testing::TestParamInfo<BadEdit>& p) { return std::string(p.param.label); });

// ---------------------------------------------------------------------------
// In the editor

TEST_F(EditTest, EditorMakesAValidChangeThatIsSaved) {
  kith.env("EDITOR", editor("ed.sh", "sed -i 's/\"Engineer\"/\"Poet\"/' \"$1\""));
  auto r = kith.ok({"edit", "ada"});
  EXPECT_NE(r.err.find("updated ada-lovelace"), std::string::npos) << r.err;
  EXPECT_EQ(ada()["role"], "Poet");
  EXPECT_EQ(ada()["company"], "Analytical");
}

TEST_F(EditTest, EditorSeesTheWholeRecordInAPrivateTempFileOutsideTheDataDir) {
  const fs::path seen = tmp / "seen";
  kith.env("EDITOR",
           editor("ed.sh", "cp \"$1\" " + seen.string() + "; stat -c %a \"$1\" > " + seen.string() +
                               ".mode; echo \"$1\" > " + seen.string() + ".path"));
  kith.env("TMPDIR", (tmp / "t").string());
  fs::create_directories(tmp / "t");
  auto r = kith.ok({"edit", "ada"});
  EXPECT_NE(r.err.find("no changes"), std::string::npos) << r.err;
  EXPECT_EQ(read_json(seen), ada());
  EXPECT_EQ(read_file(tmp / "seen.mode"), "600\n");
  const std::string path = read_file(tmp / "seen.path");
  EXPECT_EQ(path.rfind((tmp / "t/kith-edit-ada-lovelace-").string(), 0), 0u) << path;
  EXPECT_EQ(path.substr(path.size() - 6), ".json\n");
  // The temp file is gone afterwards.
  EXPECT_TRUE(fs::is_empty(tmp / "t"));
}

TEST_F(EditTest, VisualWinsOverEditorAndMayCarryArguments) {
  kith.env("EDITOR", editor("bad.sh", "exit 3"));
  kith.env("VISUAL",
           editor("good.sh", "sed -i \"s/\\\"likes tea\\\"/\\\"$1\\\"/\" \"$2\"") + " coffee");
  kith.ok({"edit", "ada"});
  EXPECT_EQ(ada()["notes"], "coffee");
}

TEST_F(EditTest, EditorAddedKeysAndUnknownKeysSurvive) {
  Json j = ada();
  j["linkedin_id"] = "ada-1815";
  write_file(ada_file, j.dump(2) + "\n");
  kith.env(
      "EDITOR",
      editor("ed.sh", "sed -i 's/\"archived\": false/\"archived\": false, \"pets\": 2/' \"$1\""));
  kith.ok({"edit", "ada"});
  EXPECT_EQ(ada()["linkedin_id"], "ada-1815");
  EXPECT_EQ(ada()["pets"], 2);
}

struct BadEditorResult {
  const char* label;
  std::string script;
  int exit_code;
  const char* message;
};

class EditorRefusalTest : public EditTest, public ::testing::WithParamInterface<BadEditorResult> {};

TEST_P(EditorRefusalTest, SaysWhatIsWrongAndLeavesTheFileByteIdentical) {
  const std::string before = read_file(ada_file);
  kith.env("EDITOR", editor("ed.sh", GetParam().script));
  auto r = kith.run({"edit", "ada"});
  EXPECT_EQ(r.exit_code, GetParam().exit_code) << r.err;
  EXPECT_NE(r.err.find(GetParam().message), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("nothing was saved"), std::string::npos) << r.err;
  EXPECT_TRUE(r.out.empty()) << r.out;
  EXPECT_EQ(read_file(ada_file), before);
}

INSTANTIATE_TEST_SUITE_P(
    Editors, EditorRefusalTest,
    ::testing::Values(
        BadEditorResult{"InvalidJson", "printf '{\"id\": \"ada-lovelace\",' > \"$1\"", 2,
                        "your edit:1: not valid JSON"},
        BadEditorResult{"NotAnObject", "echo '[1, 2]' > \"$1\"", 2, "is not a JSON object"},
        BadEditorResult{"ChangedId", "sed -i 's/\"id\": \"ada-lovelace\"/\"id\": \"ada\"/' \"$1\"",
                        2, "the id cannot be changed (it was 'ada-lovelace', the edit says 'ada')"},
        BadEditorResult{"BadDate", "sed -i 's/2026-01-10/2026-13-10/' \"$1\"", 2,
                        "'met_on' is not a date (YYYY-MM-DD): '2026-13-10'"},
        BadEditorResult{"BadEvery", "sed -i 's/\"2m\"/\"often\"/' \"$1\"", 2,
                        "'every' is not a duration"},
        BadEditorResult{"EmptyName", "sed -i 's/\"Ada Lovelace\"/\"\"/' \"$1\"", 2,
                        "name: empty value"},
        BadEditorResult{"NoName", "sed -i '/\"name\"/d' \"$1\"", 2, "has no 'name'"},
        BadEditorResult{"EditorFails", "exit 4", 1, "failed (exit status 4)"},
        BadEditorResult{"EditorMissing", "exec /nonexistent/editor \"$1\"", 1,
                        "failed (exit status 127)"}),
    [](const ::testing::TestParamInfo<BadEditorResult>& p) { return std::string(p.param.label); });

TEST_F(EditTest, AChangeMadeByAnotherKithWhileEditingWinsAndTheEditIsNotSaved) {
  // The "editor" changes the temp file, and meanwhile the contact file
  // changes too (as another kith would, e.g. a `kith edit --tag` from cron).
  kith.env("EDITOR", editor("ed.sh",
                            "sed -i 's/\"Engineer\"/\"Poet\"/' \"$1\"\n"
                            "sed -i 's/\"likes tea\"/\"likes coffee\"/' " +
                                ada_file.string()));
  auto r = kith.run({"edit", "ada"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find("another kith changed 'ada-lovelace' while you were editing it; nothing "
                       "was saved"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(ada()["notes"], "likes coffee");
  EXPECT_EQ(ada()["role"], "Engineer");
}

TEST_F(EditTest, AContactRemovedWhileEditingIsNotWrittenBack) {
  kith.env("EDITOR",
           editor("ed.sh", "sed -i 's/\"Engineer\"/\"Poet\"/' \"$1\"\nrm " + ada_file.string()));
  auto r = kith.run({"edit", "ada"});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("no contact matches 'ada-lovelace' any more"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(ada_file));
}

TEST_F(EditTest, EditorOnAnUnknownContactNeverStarts) {
  const fs::path ran = tmp / "ran";
  kith.env("EDITOR", editor("ed.sh", "touch " + ran.string()));
  auto r = kith.run({"edit", "nobody"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_FALSE(fs::exists(ran));
}

TEST_F(EditTest, OnATerminalAnInvalidEditCanBeFixedInTheEditor) {
  // First round breaks the JSON; the second round (after "y") fixes it.
  const fs::path rounds = tmp / "rounds";
  kith.env("EDITOR", editor("ed.sh", "echo x >> " + rounds.string() + "\n" + "if [ $(wc -l < " +
                                         rounds.string() +
                                         ") -eq 1 ]; then echo '{' > \"$1\"; else\n"
                                         "  printf '{\"id\": \"ada-lovelace\", \"name\": "
                                         "\"Ada\", \"added_on\": \"2026-11-25\"}' > \"$1\"; fi"));
  auto r = kith.run_on_terminal({"edit", "ada"}, "y\n");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("not valid JSON"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("Edit again? [y/N]"), std::string::npos) << r.err;
  EXPECT_EQ(ada()["name"], "Ada");
  EXPECT_TRUE(ada()["skills"].empty());
}

TEST_F(EditTest, OnATerminalDecliningToEditAgainSavesNothing) {
  const std::string before = read_file(ada_file);
  kith.env("EDITOR", editor("ed.sh", "echo '{' > \"$1\""));
  auto r = kith.run_on_terminal({"edit", "ada"}, "n\n");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("edit abandoned; nothing was saved"), std::string::npos) << r.err;
  EXPECT_EQ(read_file(ada_file), before);
}

TEST_F(EditTest, WithoutATerminalAnInvalidEditIsKeptInAPrivateFileNamedInTheError) {
  const fs::path temp = tmp / "temp";
  fs::create_directories(temp);
  kith.env("TMPDIR", temp.string());
  const std::string before = read_file(ada_file);
  kith.env("EDITOR",
           editor("ed.sh", "printf '{\"id\": \"ada-lovelace\", \"role\": \"Poet\",' > \"$1\""));
  auto r = kith.run({"edit", "ada"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(r.out.empty()) << r.out;
  std::vector<fs::path> kept;
  for (const auto& e : fs::directory_iterator(temp)) kept.push_back(e.path());
  ASSERT_EQ(kept.size(), 1u);
  EXPECT_EQ(r.err,
            "kith: error: your edit:1: not valid JSON: syntax error while parsing object key - "
            "unexpected end of input; expected string literal (your text is kept in " +
                kept[0].string() +
                ")\nkith: hint: nothing was saved; `kith edit ada-lovelace` starts over\n");
  EXPECT_EQ(read_file(kept[0]), "{\"id\": \"ada-lovelace\", \"role\": \"Poet\",");
  EXPECT_EQ(fs::status(kept[0]).permissions() & fs::perms::all,
            fs::perms::owner_read | fs::perms::owner_write);
  EXPECT_EQ(read_file(ada_file), before);
}

TEST_F(EditTest, OnATerminalTheEditorReopensOnTheTextWithTheProblemAtTheTop) {
  // Round 1 breaks the JSON on line 3; round 2 copies what it is given, then
  // fixes the name; the // lines kith put at the top need not be removed.
  const fs::path rounds = tmp / "rounds";
  const fs::path seen = tmp / "seen";
  kith.env(
      "EDITOR",
      editor("ed.sh", "echo x >> " + rounds.string() + "\n" + "if [ $(wc -l < " + rounds.string() +
                          ") -eq 1 ]; then\n"
                          "  sed -i 's/\"Ada Lovelace\"/\"Ada\" \"x\"/' \"$1\"\n"
                          "else\n  cp \"$1\" " +
                          seen.string() + "\n  sed -i 's/\"Ada\" \"x\"/\"Ada\"/' \"$1\"\nfi"));
  auto r = kith.run_on_terminal({"edit", "ada"}, "y\n");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  const std::string reopened = read_file(seen);
  ASSERT_TRUE(reopened.starts_with("// kith: your edit:3: not valid JSON: ")) << reopened;
  const std::string second =
      "\n// Fix the text below and save; these // lines at the top are ignored.\n{\n";
  EXPECT_EQ(reopened.substr(reopened.find('\n'), second.size()), second) << reopened;
  EXPECT_NE(reopened.find("\"Ada\" \"x\""), std::string::npos) << reopened;
  EXPECT_EQ(ada()["name"], "Ada");
}

TEST_F(EditTest, OnATerminalDecliningToEditAgainKeepsTheText) {
  const fs::path temp = tmp / "temp";
  fs::create_directories(temp);
  kith.env("TMPDIR", temp.string());
  kith.env("EDITOR", editor("ed.sh", "echo '{\"broken' > \"$1\""));
  auto r = kith.run_on_terminal({"edit", "ada"}, "n\n");
  EXPECT_EQ(r.exit_code, 2);
  std::vector<fs::path> kept;
  for (const auto& e : fs::directory_iterator(temp)) kept.push_back(e.path());
  ASSERT_EQ(kept.size(), 1u);
  EXPECT_NE(r.err.find("kith: error: edit abandoned; nothing was saved; your text is kept in " +
                       kept[0].string() + "\n"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(read_file(kept[0]), "{\"broken\n");
}

// ---------------------------------------------------------------------------
// Your profile

TEST_F(EditTest, MeOptionsChangeAndRemove) {
  kith.ok({"me", "--name", "Sam", "--skill", "Rust", "--skill", "writing", "--goal", "find a CTO",
           "--company", "Acme"});
  auto j = kith.ok({"edit", "me", "--no-skill", "rust", "--interest", "climate", "--no-goal",
                    "find a cto", "--goal", "mentor two people", "--company", "", "--json"})
               .json();
  EXPECT_EQ(j["name"], "Sam");
  EXPECT_EQ(j["skills"], Json::array({"writing"}));
  EXPECT_EQ(j["interests"], Json::array({"climate"}));
  EXPECT_EQ(j["goals"], Json::array({"mentor two people"}));
  EXPECT_TRUE(j["company"].is_null());
  EXPECT_EQ(j, read_json(tmp / "data/me.json"));
}

TEST_F(EditTest, MeRoleIsReplacedAndClearedLikeTheCompany) {
  kith.ok({"me", "--role", "Engineer", "-q"});
  auto j = kith.ok({"edit", "me", "--role", "Staff Engineer", "--json"}).json();
  EXPECT_EQ(j["role"], "Staff Engineer");
  j = kith.ok({"edit", "me", "--role", "", "--json"}).json();
  EXPECT_TRUE(j["role"].is_null());
  EXPECT_EQ(j, read_json(tmp / "data/me.json"));
}

TEST_F(EditTest, MeInTheEditorKeepsUnknownKeysAndRefusesBadJson) {
  write_file(tmp / "data/me.json", "{\"name\": \"Sam\", \"pronouns\": \"they\"}\n");
  kith.env("EDITOR", editor("ed.sh", "sed -i 's/\"Sam\"/\"Samantha\"/' \"$1\""));
  auto r = kith.ok({"edit", "me"});
  EXPECT_NE(r.err.find("updated your profile"), std::string::npos) << r.err;
  Json me = read_json(tmp / "data/me.json");
  EXPECT_EQ(me["name"], "Samantha");
  EXPECT_EQ(me["pronouns"], "they");

  const std::string before = read_file(tmp / "data/me.json");
  kith.env("EDITOR", editor("bad.sh", "sed -i 's/\"skills\": \\[\\]/\"skills\": 3/' \"$1\""));
  auto bad = kith.run({"edit", "me"});
  EXPECT_EQ(bad.exit_code, 2) << bad.err;
  EXPECT_NE(bad.err.find("your edit: 'skills' is not a list"), std::string::npos) << bad.err;
  EXPECT_NE(bad.err.find("`kith edit me` starts over"), std::string::npos) << bad.err;
  EXPECT_EQ(read_file(tmp / "data/me.json"), before);
}

TEST_F(EditTest, CorruptContactFileIsADataErrorAndIsNotOverwritten) {
  write_file(ada_file, "{ not json");
  auto r = kith.run({"edit", "ada", "--tag", "x"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find("contacts/ada-lovelace.json:1: not valid JSON"), std::string::npos) << r.err;
  EXPECT_EQ(read_file(ada_file), "{ not json");
}

}  // namespace
}  // namespace kith::test::edit_test
