// End-to-end: `kith list` on a temp data directory, success and error paths.
#include <sstream>

#include <gtest/gtest.h>

#include "core/text.h"
#include "support/testutil.h"

namespace kith::test::list_test {
namespace {

using Json = nlohmann::ordered_json;

// The first column of each line: the ids, header included.
std::vector<std::string> first_column(const std::string& text) {
  std::vector<std::string> out;
  for (const auto& line : lines_of(text)) out.push_back(line.substr(0, line.find(' ')));
  return out;
}

class ListTest : public ::testing::Test {
 protected:
  TempDir tmp;
  Kith kith{tmp / "data"};
  void SetUp() override { kith.today("2026-11-25"); }

  // Marks a contact archived by editing its file, as `kith rm` would.
  void archive(const std::string& id) {
    const fs::path file = tmp / "data/contacts" / (id + ".json");
    Json j = read_json(file);
    j["archived"] = true;
    write_file(file, j.dump(2) + "\n");
  }
};

TEST_F(ListTest, MissingDataDirectoryPrintsHowToBeginAndCreatesNothing) {
  auto r = kith.ok({"list"});
  EXPECT_NE(r.out.find("No contacts yet"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("kith add"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("kith me"), std::string::npos) << r.out;
  EXPECT_TRUE(r.err.empty()) << r.err;
  EXPECT_FALSE(fs::exists(tmp / "data"));
}

TEST_F(ListTest, EmptyDataDirectoryPrintsHowToBeginAndCreatesNothing) {
  fs::create_directory(tmp / "data");
  auto r = kith.ok({"list"});
  EXPECT_NE(r.out.find("kith add"), std::string::npos) << r.out;
  EXPECT_TRUE(tree(tmp / "data").empty());
  EXPECT_EQ(kith.ok({"list", "--json"}).out, "[]\n");
  EXPECT_TRUE(tree(tmp / "data").empty());
}

TEST_F(ListTest, LsIsAnAlias) {
  kith.ok({"add", "Ada Lovelace"});
  EXPECT_EQ(kith.ok({"ls"}).out, kith.ok({"list"}).out);
}

TEST_F(ListTest, ShowsIdNameCompanyRoleAndTagsSortedByFoldedName) {
  kith.ok({"add", "zoe Zephyr"});
  kith.ok({"add", "Émile Zola", "--company", "Le Figaro", "--role", "Writer"});
  kith.ok({"add", "Frank", "--tag", "rust", "--tag", "berlin"});
  kith.ok({"add", "ada Lovelace"});
  kith.ok({"add", "Ada Lovelace"});  // same folded name: ties by id
  auto r = kith.ok({"list"});
  EXPECT_EQ(first_column(r.out), (std::vector<std::string>{"ID", "ada-lovelace", "ada-lovelace-2",
                                                           "emile-zola", "frank", "zoe-zephyr"}));
  auto lines = lines_of(r.out);
  EXPECT_EQ(lines[0].substr(0, lines[0].find("TAGS") + 4),
            "ID              NAME          COMPANY             TAGS");
  EXPECT_NE(lines[3].find("Émile Zola"), std::string::npos);
  EXPECT_NE(lines[3].find("Le Figaro · Writer"), std::string::npos) << lines[3];
  EXPECT_NE(lines[4].find("rust, berlin"), std::string::npos) << lines[4];
  for (const auto& line : lines) EXPECT_NE(line.back(), ' ') << "'" << line << "'";
}

TEST_F(ListTest, QueryMatchesNameCompanyEmailOrIdPrefix) {
  kith.ok({"add", "José Núñez", "--company", "Acme"});
  kith.ok({"add", "Grace Hopper", "--email", "grace@navy.mil"});
  kith.ok({"add", "Ada Lovelace", "--company", "Analytical Engines"});
  struct Case {
    std::string query;
    std::vector<std::string> ids;
  };
  for (const Case& c : std::vector<Case>{
           {"nunez", {"ID", "jose-nunez"}},
           {"NÚÑEZ", {"ID", "jose-nunez"}},
           {"acme", {"ID", "jose-nunez"}},
           {"navy.mil", {"ID", "grace-hopper"}},
           {"gr", {"ID", "grace-hopper"}},
           {"a", {"ID", "ada-lovelace", "grace-hopper", "jose-nunez"}},
       }) {
    SCOPED_TRACE(c.query);
    EXPECT_EQ(first_column(kith.ok({"list", c.query}).out), c.ids);
  }
  auto r = kith.ok({"list", "nobody"});
  EXPECT_EQ(r.out, "No contact matches.\n");
}

TEST_F(ListTest, TagsMustAllMatchAndMatchAsTerms) {
  kith.ok({"add", "Ada", "--tag", "Machine-Learning", "--tag", "london"});
  kith.ok({"add", "Bob", "--tag", "machine learning"});
  kith.ok({"add", "Cy", "--tag", "london"});
  EXPECT_EQ(first_column(kith.ok({"list", "--tag", "machine_learning"}).out),
            (std::vector<std::string>{"ID", "ada", "bob"}));
  EXPECT_EQ(first_column(kith.ok({"list", "--tag", "London", "--tag", "machine learning"}).out),
            (std::vector<std::string>{"ID", "ada"}));
  EXPECT_EQ(kith.ok({"list", "--tag", "paris"}).out, "No contact matches.\n");
  EXPECT_EQ(first_column(kith.ok({"list", "b", "--tag", "machine learning"}).out),
            (std::vector<std::string>{"ID", "bob"}));
}

TEST_F(ListTest, ATagNoContactHasIsPointedOutWithTheClosestTags) {
  kith.ok({"add", "Ada", "--tag", "climate", "--tag", "ai"});
  kith.ok({"add", "Bob", "--tag", "climbing"});
  auto r = kith.run({"list", "--tag", "clmate"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, "No contact matches.\n");
  EXPECT_EQ(r.err,
            "kith: warning: no contact has the tag 'clmate'\n"
            "kith: hint: did you mean `climate`?\n");
  r = kith.run({"list", "--tag", "zzz", "--json"});  // nothing close: no hint
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, "[]\n");
  EXPECT_EQ(r.err, "kith: warning: no contact has the tag 'zzz'\n");
  r = kith.run({"list", "--tag", "climate", "--tag", "climbing"});  // both exist: no warning
  EXPECT_EQ(r.out, "No contact matches.\n");
  EXPECT_TRUE(r.err.empty()) << r.err;
}

TEST_F(ListTest, ArchivedContactsAreHiddenUnlessAllAndThenMarked) {
  kith.ok({"add", "Ada", "--tag", "x"});
  kith.ok({"add", "Bob"});
  archive("ada");
  EXPECT_EQ(first_column(kith.ok({"list"}).out), (std::vector<std::string>{"ID", "bob"}));
  auto r = kith.ok({"list", "--all"});
  EXPECT_EQ(first_column(r.out), (std::vector<std::string>{"ID", "ada", "bob"}));
  auto lines = lines_of(r.out);
  EXPECT_NE(lines[1].find("(archived) x"), std::string::npos) << lines[1];
  EXPECT_EQ(lines[2].find("archived"), std::string::npos) << lines[2];
  EXPECT_EQ(kith.ok({"list", "--json"}).json().size(), 1u);
  EXPECT_EQ(kith.ok({"list", "--all", "--json"}).json().size(), 2u);
}

TEST_F(ListTest, OnlyArchivedContactsIsNotAnEmptyNetwork) {
  kith.ok({"add", "Ada"});
  archive("ada");
  EXPECT_EQ(kith.ok({"list"}).out, "No contact matches.\n");
}

TEST_F(ListTest, JsonIsAnArrayOfTheFilesInListOrder) {
  kith.ok({"add", "Zed", "--skill", "Go", "--every", "2w"});
  kith.ok({"add", "Ada", "--email", "ada@example.org", "--birthday", "12-10"});
  // Unknown keys in the files show too.
  Json zed = read_json(tmp / "data/contacts/zed.json");
  zed["x_custom"] = "kept";
  write_file(tmp / "data/contacts/zed.json", zed.dump(2) + "\n");
  auto r = kith.ok({"list", "--json"});
  EXPECT_TRUE(r.err.empty()) << r.err;
  Json expected = Json::array(
      {read_json(tmp / "data/contacts/ada.json"), read_json(tmp / "data/contacts/zed.json")});
  EXPECT_EQ(r.json(), expected);
  EXPECT_EQ(r.json()[1]["x_custom"], "kept");
}

// Every line's column after the name starts at the same terminal column,
// whatever the script and the width of the names.
TEST_F(ListTest, ColumnsStayAlignedWithAccentedWideAndEmojiNames) {
  kith.ok({"add", "José Núñez", "--company", "C1"});
  kith.ok({"add", "Jose\u0301 Decomposed", "--company", "C2"});  // combining accent
  kith.ok({"add", "李小龙", "--company", "C3"});
  kith.ok({"add", "Zoë 👋 Emoji", "--company", "C4"});
  kith.ok({"add", "Ｆｕｌｌ Ｗｉｄｔｈ", "--company", "C5"});
  kith.ok({"add", "A", "--company", "C6"});
  auto lines = lines_of(kith.ok({"list"}).out);
  ASSERT_EQ(lines.size(), 7u);
  const std::size_t header_col = text::display_width(lines[0].substr(0, lines[0].find("COMPANY")));
  for (std::size_t k = 1; k < lines.size(); ++k) {
    SCOPED_TRACE(lines[k]);
    const std::size_t at = lines[k].find(" C");
    ASSERT_NE(at, std::string::npos);
    EXPECT_EQ(text::display_width(lines[k].substr(0, at + 1)), header_col);
  }
}

TEST_F(ListTest, LongCompaniesAreCutAndControlCharactersNeverReachTheTerminal) {
  kith.ok({"add", "Ada", "--company", std::string(40, 'c')});
  write_file(tmp / "data/contacts/evil.json",
             R"({"id": "evil", "name": "Evil\u001b[31m Name", "company": "Bad\u0007Co",)"
             R"( "tags": ["t\u001b]0;x"], "added_on": "2026-01-02"})");
  auto r = kith.ok({"list"});
  EXPECT_EQ(r.out.find('\x1b'), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find('\x07'), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Evil\uFFFD[31m Name"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find(std::string(27, 'c') + "…"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find(std::string(28, 'c')), std::string::npos) << r.out;
}

TEST_F(ListTest, ACorruptContactFileIsLeftOutNamedWithExitOne) {
  kith.ok({"add", "Ada"});
  write_file(tmp / "data/contacts/bob.json", "{\n  \"id\": \"bob\",\n  oops\n}\n");
  for (const auto& args : std::vector<std::vector<std::string>>{{"list"}, {"list", "--json"}}) {
    auto r = kith.run(args);
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.out.find("ada"), std::string::npos) << r.out;
    EXPECT_EQ(r.out.find("bob"), std::string::npos) << r.out;
    EXPECT_NE(r.err.find("kith: warning: contacts/bob.json:3: not valid JSON"), std::string::npos)
        << r.err;
    EXPECT_NE(r.err.find("kith: error: left out what kith cannot read: 1 contact file (above)"),
              std::string::npos)
        << r.err;
    EXPECT_NE(r.err.find("kith: hint: "), std::string::npos) << r.err;
  }
  EXPECT_EQ(kith.run({"list", "--json"}).json().size(), 1u);
  // Nothing it can read: it says so rather than how to begin.
  fs::remove(tmp / "data/contacts/ada.json");
  auto none = kith.run({"list"});
  EXPECT_EQ(none.exit_code, 1);
  EXPECT_EQ(none.out, "No contact kith can read.\n");
}

TEST_F(ListTest, UnknownOptionAndExtraArgumentAreUsageErrors) {
  auto r = kith.run({"list", "--frobnicate"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(r.out.empty());
  EXPECT_NE(r.err.find("kith: error: "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("--frobnicate"), std::string::npos) << r.err;
  r = kith.run({"list", "one", "two"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("two"), std::string::npos) << r.err;
  r = kith.run({"list", "--tag"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--tag"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace kith::test::list_test
