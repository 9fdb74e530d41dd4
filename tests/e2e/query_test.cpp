// End-to-end: `kith query`, the address completion of mutt, neomutt and aerc:
// a status line, then "email<TAB>name<TAB>extra" per address; a non-zero exit
// status when nothing is found.
#include <sstream>

#include <gtest/gtest.h>

#include "support/testutil.h"

namespace kith::test::query_test {
namespace {

using Json = nlohmann::ordered_json;

class QueryTest : public ::testing::Test {
 protected:
  TempDir tmp;
  Kith kith{tmp / "data"};
  void SetUp() override { kith.today("2026-11-25"); }

  void add(const std::vector<std::string>& args) {
    std::vector<std::string> all{"-q", "add"};
    all.insert(all.end(), args.begin(), args.end());
    kith.ok(all);
  }

  // Changes a key of a contact file by hand.
  void set(const std::string& id, const std::string& key, const Json& value) {
    const fs::path file = tmp / "data/contacts" / (id + ".json");
    Json j = read_json(file);
    j[key] = value;
    write_file(file, j.dump(2) + "\n");
  }
};

TEST_F(QueryTest, PrintsAStatusLineThenEmailNameAndExtraSeparatedByTabs) {
  add({"Ana Lima", "--email", "ana@acme.example", "--company", "Acme", "--role", "CTO"});
  add({"Anabel Ortiz", "--email", "anabel@studio.example", "--role", "Designer"});
  add({"Hugo Anand", "--email", "hugo@x.example"});
  add({"Bob Stone", "--email", "bob@x.example"});
  auto r = kith.ok({"query", "ana"});
  EXPECT_EQ(r.out,
            "kith: 3 matches for 'ana'\n"
            "ana@acme.example\tAna Lima\tAcme\n"               // the company, else
            "anabel@studio.example\tAnabel Ortiz\tDesigner\n"  // the role, else
            "hugo@x.example\tHugo Anand\t\n");                 // nothing
  EXPECT_EQ(r.err, "");
}

TEST_F(QueryTest, NamesThatStartWithTheTextComeFirstThenAlphabetically) {
  add({"Zoë Marsh", "--email", "zoe@x.example"});
  add({"Bo Marley", "--email", "bo@x.example"});
  add({"Mara Ito", "--email", "mara@x.example"});
  add({"Marc Dumas", "--email", "marc@x.example"});
  add({"Tim Ward", "--email", "tim@marsh.example"});
  auto r = kith.ok({"query", "mar"});
  EXPECT_EQ(lines_of(r.out), (std::vector<std::string>{
                                 "kith: 5 matches for 'mar'", "mara@x.example\tMara Ito\t",
                                 "marc@x.example\tMarc Dumas\t", "bo@x.example\tBo Marley\t",
                                 "tim@marsh.example\tTim Ward\t", "zoe@x.example\tZoë Marsh\t"}));
}

TEST_F(QueryTest, EveryEmailOfAContactIsALineThePrimaryFirst) {
  add({"Ada Lovelace", "--email", "ada@work.example", "--email", "ada@home.example", "--email",
       "countess@old.example", "--company", "Analytical Engines"});
  auto r = kith.ok({"query", "lovelace"});
  EXPECT_EQ(r.out,
            "kith: 3 matches for 'lovelace'\n"
            "ada@work.example\tAda Lovelace\tAnalytical Engines\n"
            "ada@home.example\tAda Lovelace\tAnalytical Engines\n"
            "countess@old.example\tAda Lovelace\tAnalytical Engines\n");
}

TEST_F(QueryTest, FindsByIdEmailOrCompanyToo) {
  add({"Ada Lovelace", "--id", "countess", "--email", "ada@engines.example", "--company",
       "Babbage & Co"});
  add({"Grace Hopper", "--email", "grace@navy.example"});
  const std::string ada = "ada@engines.example\tAda Lovelace\tBabbage & Co\n";
  EXPECT_EQ(kith.ok({"query", "count"}).out, "kith: 1 match for 'count'\n" + ada);
  EXPECT_EQ(kith.ok({"query", "ENGINES.ex"}).out, "kith: 1 match for 'ENGINES.ex'\n" + ada);
  EXPECT_EQ(kith.ok({"query", "babbage"}).out, "kith: 1 match for 'babbage'\n" + ada);
}

TEST_F(QueryTest, ArchivedContactsAreLeftOutUnlessAll) {
  add({"Ada Lovelace", "--email", "ada@x.example"});
  add({"Ada Byron", "--email", "byron@x.example"});
  kith.ok({"-q", "rm", "ada-byron"});
  EXPECT_EQ(kith.ok({"query", "ada"}).out,
            "kith: 1 match for 'ada'\nada@x.example\tAda Lovelace\t\n");
  EXPECT_EQ(kith.ok({"query", "ada", "--all"}).out,
            "kith: 2 matches for 'ada'\n"
            "byron@x.example\tAda Byron\t\n"
            "ada@x.example\tAda Lovelace\t\n");
}

TEST_F(QueryTest, CaseAndAccentsAreIgnoredAndOtherScriptsMatchTransliterated) {
  add({"José Núñez", "--email", "jose@paywell.example"});
  add({"Дмитрий Петров", "--email", "dmitrii@x.example"});
  const std::string jose = "kith: 1 match for '%'\njose@paywell.example\tJosé Núñez\t\n";
  for (const char* text : {"nunez", "NÚÑEZ", "José", "jose n", "JOSE-NUNEZ"}) {
    std::string expected = jose;
    expected.replace(expected.find('%'), 1, text);
    EXPECT_EQ(kith.ok({"query", text}).out, expected) << text;
  }
  for (const char* text : {"dmi", "Petrov", "петр", "ДМИТ"}) {
    auto r = kith.ok({"query", text});
    EXPECT_EQ(lines_of(r.out).at(1), "dmitrii@x.example\tДмитрий Петров\t") << text;
  }
}

TEST_F(QueryTest, WordsAreJoinedWithSpacesAsAercSplitsThem) {
  add({"Ana Lima", "--email", "ana@x.example"});
  add({"Ana Ortiz", "--email", "ortiz@x.example"});
  const std::string expected = "kith: 1 match for 'ana lima'\nana@x.example\tAna Lima\t\n";
  EXPECT_EQ(kith.ok({"query", "ana", "lima"}).out, expected);
  EXPECT_EQ(kith.ok({"query", "ana lima"}).out, expected);
  EXPECT_EQ(kith.ok({"query", " ana lima "}).out, expected);
}

TEST_F(QueryTest, NoTextListsEveryAddress) {
  add({"Bob Stone", "--email", "bob@x.example"});
  add({"Ada Lovelace", "--email", "ada@x.example"});
  add({"Cy Young"});
  EXPECT_EQ(kith.ok({"query"}).out,
            "kith: 2 addresses\nada@x.example\tAda Lovelace\t\nbob@x.example\tBob Stone\t\n");
}

TEST_F(QueryTest, NoMatchExitsOneWithTheMessageOnTheFirstLine) {
  // mutt: "On error, or if there are no matching addresses, return a non-zero
  // exit code and a one line error message"; mutt shows that line.
  add({"Ada Lovelace", "--email", "ada@x.example"});
  auto r = kith.run({"query", "zzz"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, "kith: no match for 'zzz'\n");
  EXPECT_EQ(r.err, "");
  auto json = kith.run({"query", "zzz", "--json"});
  EXPECT_EQ(json.exit_code, 1);
  EXPECT_EQ(json.out, "[]\n");
}

TEST_F(QueryTest, AContactWithoutAnEmailIsNotListedAndTheMessageSaysSo) {
  add({"Ada Lovelace"});
  add({"Ada Byron", "--email", "byron@x.example"});
  EXPECT_EQ(kith.ok({"query", "ada"}).out,
            "kith: 1 match for 'ada'\nbyron@x.example\tAda Byron\t\n");
  auto r = kith.run({"query", "lovelace"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, "kith: no address for 'lovelace': 1 contact matches but has no email\n");
  add({"Ada King"});
  EXPECT_EQ(kith.run({"query", "ada k"}).out,
            "kith: no address for 'ada k': 1 contact matches but has no email\n");
  add({"Ada Kingsley"});
  EXPECT_EQ(kith.run({"query", "ada k"}).out,
            "kith: no address for 'ada k': 2 contacts match but have no email\n");
}

TEST_F(QueryTest, AMissingDataDirectoryFindsNothingAndCreatesNothing) {
  auto r = kith.run({"query", "ada"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, "kith: no match for 'ada'\n");
  EXPECT_EQ(r.err, "");
  EXPECT_FALSE(fs::exists(tmp / "data"));
  auto all = kith.run({"query"});
  EXPECT_EQ(all.exit_code, 1);
  EXPECT_EQ(all.out, "kith: no contact has an email\n");
}

TEST_F(QueryTest, ATabALineBreakOrAnEscapeInAFieldCannotBreakTheFormat) {
  add({"Ana Lima", "--email", "ana@x.example", "--company", "Acme"});
  add({"Bo Ek", "--email", "bo@x.example"});
  set("ana-lima", "name", "Ana\tMaria\nLima\r\x1b[31m");
  set("ana-lima", "company", "Acme\tInc\nLtd");
  set("ana-lima", "emails", Json::array({"ana@x.example\tfake@evil.example\nx@y", " "}));
  set("bo-ek", "name", "\t\n");
  auto r = kith.ok({"query", "x.example"});
  const auto lines = lines_of(r.out);
  ASSERT_EQ(lines.size(), 3u) << r.out;
  EXPECT_EQ(lines[0], "kith: 2 matches for 'x.example'");
  // A name with nothing to show: the id, so that the extra is not read as the name.
  EXPECT_EQ(lines[1], "bo@x.example\tbo-ek\t");
  EXPECT_EQ(lines[2], "ana@x.example fake@evil.example x@y\tAna Maria Lima  [31m\tAcme Inc Ltd");
  for (const auto& line : lines) {
    EXPECT_EQ(line.find('\x1b'), std::string::npos) << line;
    EXPECT_EQ(line.find('\r'), std::string::npos) << line;
  }
  // The text is quoted in the status line as safely.
  EXPECT_EQ(lines_of(kith.run({"query", "z\tz\x1b"}).out).at(0), "kith: no match for 'z z'");
}

TEST_F(QueryTest, JsonListsTheSameAddressesWithTheContactsIds) {
  add({"Ana Lima", "--email", "ana@acme.example", "--email", "ana@home.example", "--company",
       "Acme"});
  auto j = kith.ok({"query", "ana", "--json"}).json();
  EXPECT_EQ(j, Json::parse(R"([
      {"email": "ana@acme.example", "name": "Ana Lima", "extra": "Acme", "id": "ana-lima"},
      {"email": "ana@home.example", "name": "Ana Lima", "extra": "Acme", "id": "ana-lima"}])"));
}

TEST_F(QueryTest, AContactFileKithCannotReadIsNamedAndTheRestListed) {
  add({"Ana Lima", "--email", "ana@x.example"});
  write_file(tmp / "data/contacts/ana-broken.json", "{ not json");
  auto r = kith.run({"query", "ana"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, "kith: 1 match for 'ana'\nana@x.example\tAna Lima\t\n");
  EXPECT_NE(r.err.find("kith: warning: contacts/ana-broken.json:1: not valid JSON"),
            std::string::npos)
      << r.err;
}

TEST_F(QueryTest, TextThatIsNotUtf8IsAUsageError) {
  auto r = kith.run({"query", "an\xff"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("not valid UTF-8"), std::string::npos) << r.err;
}

TEST_F(QueryTest, OnlyReads) {
  add({"Ana Lima", "--email", "ana@x.example"});
  const auto before = tree_with_contents(tmp / "data");
  kith.ok({"query", "ana"});
  kith.run({"query", "zzz"});
  kith.ok({"query", "--json"});
  EXPECT_EQ(tree_with_contents(tmp / "data"), before);
}

}  // namespace
}  // namespace kith::test::query_test
