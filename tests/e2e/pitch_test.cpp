// End-to-end: `kith pitch` on a fixture network and on a copy of the demo
// data, success and error paths.
#include <map>

#include <gtest/gtest.h>

#include "cli/clipboard.h"
#include "support/testutil.h"

namespace kith::test::pitch_test {
namespace {

using Json = nlohmann::ordered_json;

Json contact(const std::string& id, const std::string& name, Json extra = Json::object()) {
  Json c = {{"id", id}, {"name", name}, {"added_on", "2025-10-01"}};
  for (auto it = extra.begin(); it != extra.end(); ++it) c[it.key()] = it.value();
  return c;
}

// Every file under `dir` with its content, to show that a command changed
// nothing.
std::map<std::string, std::string> snapshot(const fs::path& dir) {
  std::map<std::string, std::string> files;
  if (!fs::exists(dir)) return files;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (e.is_regular_file()) files[fs::relative(e.path(), dir).string()] = read_file(e.path());
  }
  return files;
}

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

// A draft with the lines of each paragraph joined again (it is wrapped at
// 72 columns), so that a sentence can be looked for whole.
std::string unwrapped(const std::string& draft) {
  std::string out;
  for (std::size_t i = 0; i < draft.size(); ++i) {
    const bool lone_newline = draft[i] == '\n' && (i + 1 < draft.size() && draft[i + 1] != '\n') &&
                              (i == 0 || draft[i - 1] != '\n');
    out += lone_newline ? ' ' : draft[i];
  }
  return out;
}

class PitchCommandTest : public ::testing::Test {
 protected:
  TempDir tmp;
  Kith kith{tmp / "data"};
  fs::path data() const { return tmp / "data"; }

  void write_contact(const Json& c) {
    write_file(data() / "contacts" / (c["id"].get<std::string>() + ".json"), c.dump(2) + "\n");
  }

  // You (Noor) and José, whom you pitch; four people who could be introduced
  // to him, one archived and one snoozed; a mixed history with José.
  void SetUp() override {
    kith.today("2026-11-20");
    write_file(data() / "kith.json", R"({"format": "kith", "version": 1, "settings": {}})"
                                     "\n");
    write_file(data() / "me.json", Json({{"name", "Noor Haddad"},
                                         {"skills", {"Rust", "hiring", "public speaking"}},
                                         {"interests", {"developer tools", "climate tech"}},
                                         {"goals", Json::array()},
                                         {"tags", {"rust-meetup"}},
                                         {"company", "Gridwise"},
                                         {"location", "Berlin"}})
                                           .dump(2) +
                                       "\n");
    write_contact(contact("jose-nunez", "José Núñez",
                          {{"company", "Paywell"},
                           {"location", "berlin"},
                           {"tags", {"fintech", "Rust_Meetup"}},
                           {"skills", {"payments", "developer-tools"}},
                           {"interests", {"Hiring", "rust", "on call"}},
                           {"how_met", "Rust meetup in Berlin"}}));
    write_contact(contact("amelie-dubois", "Amélie Dubois", {{"skills", {"on-call", "hiring"}}}));
    write_contact(contact("tomasz-wojcik", "Tomasz Wójcik", {{"skills", {"Rust"}}}));
    write_contact(contact("matteo-rossi", "Matteo Rossi", {{"skills", {"Rust"}}}));
    write_contact(contact("priya-raman", "Priya Raman",
                          {{"skills", {"hiring"}}, {"snoozed_until", "2027-01-10"}}));
    write_contact(contact("kwame-asante", "Kwame Asante",
                          {{"skills", {"hiring", "rust", "on call"}}, {"archived", true}}));
    write_contact(contact("sofia-ferreira", "Sofía Ferreira", {{"skills", {"design"}}}));
    write_file(data() / "log/2026-02.jsonl",
               log_line("a1", "2026-02-24", {"jose-nunez"}, "give", "email") +
                   log_line("a2", "2026-02-25", {"priya-raman"}, "catch-up", "call"));
    write_file(data() / "log/2026-05.jsonl",
               log_line("b1", "2026-05-07", {"jose-nunez"}, "ask", "call") +
                   log_line("b2", "2026-05-09", {"tomasz-wojcik"}, "catch-up", "video") +
                   log_line("b3", "2026-05-10", {"matteo-rossi"}, "ask", "message"));
    write_file(data() / "log/2026-10.jsonl",
               log_line("c1", "2026-10-01", {"jose-nunez"}, "catch-up", "lunch") +
                   log_line("c2", "2026-10-02", {"kwame-asante"}, "give", "intro"));
    write_file(data() / "log/2026-11.jsonl",
               log_line("d1", "2026-11-05", {"jose-nunez"}, "ask", "coffee"));
  }
};

TEST_F(PitchCommandTest, JsonFieldByField) {
  auto r = kith.ok({"pitch", "jose-nunez", "--json"});
  EXPECT_EQ(r.err, "");
  const Json j = r.json();
  EXPECT_EQ(j["contact"], Json({{"id", "jose-nunez"}, {"name", "José Núñez"}}));
  EXPECT_EQ(j["you_can_offer"], Json({"hiring", "Rust"}));
  // Amélie matches two topics; then Tomasz and Priya by your warmth
  // (2026-05-09, 2026-02-25); Matteo, whom you only asked, comes last.
  ASSERT_EQ(j["introductions"].size(), 3u);
  EXPECT_EQ(j["introductions"][0]["id"], "amelie-dubois");
  EXPECT_EQ(j["introductions"][0]["name"], "Amélie Dubois");
  EXPECT_EQ(j["introductions"][0]["topics"], Json({"hiring", "on-call"}));
  EXPECT_EQ(j["introductions"][0]["last_no_need"], nullptr);
  EXPECT_EQ(j["introductions"][0]["warmth"], "never");
  EXPECT_EQ(j["introductions"][0]["why"],
            Json({"2 skills among José's interests: hiring and on-call",
                  "no give or catch-up with Amélie Dubois yet", "warm with José too",
                  "no interaction in your log has both José and Amélie Dubois"}));
  EXPECT_EQ(j["introductions"][1]["id"], "tomasz-wojcik");
  EXPECT_EQ(j["introductions"][1]["topics"], Json({"Rust"}));
  EXPECT_EQ(j["introductions"][1]["last_no_need"], "2026-05-09");
  EXPECT_EQ(j["introductions"][2]["id"], "priya-raman");
  EXPECT_EQ(j["they_can_offer_you"], Json({"developer-tools"}));
  EXPECT_EQ(j["common_ground"], Json({"shared tag: Rust_Meetup", "same location: berlin",
                                      "how you met: Rust meetup in Berlin"}));
  EXPECT_EQ(j["balance"]["give"], 1);
  EXPECT_EQ(j["balance"]["catch_up"], 1);
  EXPECT_EQ(j["balance"]["ask"], 2);
  EXPECT_EQ(j["balance"]["last"],
            Json({{"date", "2026-11-05"}, {"intent", "ask"}, {"kind", "coffee"}}));
  EXPECT_EQ(j["balance"]["last_give"], "2026-02-24");
  EXPECT_EQ(j["balance"]["warmth"], "warm");  // the catch-up of 2026-10-01, within 3m
  EXPECT_EQ(j["owed"], Json::array());
  EXPECT_EQ(j["timing"], Json({{"first_contact", false},
                               {"days_since_last", 15},
                               {"recent_days", 14},
                               {"recent", false},
                               {"thanks", true},
                               {"proposes_meeting", true}}));
  EXPECT_EQ(j["first_contact"], nullptr);
  EXPECT_EQ(j["tone"], "warm");
  ASSERT_TRUE(j["advice"].is_array());
  const std::string first = j["advice"][0];
  EXPECT_TRUE(
      first.starts_with("Lead with a give: you have made 2 asks to 1 give, and your last "
                        "interaction (2026-11-05) was an ask."))
      << first;
  EXPECT_TRUE(contains(first, "offer help with hiring or Rust")) << first;
  EXPECT_TRUE(contains(first, "introduce José to Amélie Dubois (hiring, on-call)")) << first;
  const std::string raw = j["draft"];
  const std::string draft = unwrapped(raw);
  EXPECT_TRUE(draft.starts_with("Hi José,\n\n")) << draft;
  // The last interaction was an ask: thanks first, then something back.
  EXPECT_TRUE(contains(draft, "Thank you again for your help on 5 November")) << draft;
  EXPECT_TRUE(contains(draft, "a coffee in berlin")) << draft;
  EXPECT_TRUE(raw.ends_with("Best,\nNoor")) << raw;
}

TEST_F(PitchCommandTest, HumanOutputHasItsSectionsInOrder) {
  auto r = kith.ok({"pitch", "José"});
  EXPECT_EQ(r.err, "");
  EXPECT_FALSE(contains(r.out, "\x1b[")) << "no colour when stdout is not a terminal";
  std::size_t at = 0;
  for (const char* section :
       {"Pitch for José Núñez  (jose-nunez)\n", "\nWhat you can offer José\n  hiring, Rust\n",
        "\nPeople José might want to meet\n  Amélie Dubois", "\nWhat José can offer you\n",
        "\nCommon ground\n  shared tag: Rust_Meetup\n",
        "\nBalance\n  1 give · 1 catch-up · 2 asks\n"
        "  last: ask (coffee) on 2026-11-05, 15 days ago\n"
        "  warm (a give or catch-up within the cadence)\n",
        "\nAdvice\n  ! Lead with a give", "\nDraft\n", "\nHi José,\n", "Best,\nNoor\n"}) {
    const auto found = r.out.find(section, at);
    ASSERT_NE(found, std::string::npos) << "missing or out of order: " << section << "\n" << r.out;
    at = found;
  }
  // The draft sits between two rules, unindented, so it can be copied.
  const std::string rule = "──────────";
  const auto open = r.out.find(rule);
  const auto close = r.out.rfind(rule);
  ASSERT_NE(open, close);
  EXPECT_LT(open, r.out.find("Hi José,"));
  EXPECT_GT(close, r.out.find("Best,\nNoor"));
}

TEST_F(PitchCommandTest, ColourOnlyWhenAsked) {
  EXPECT_TRUE(contains(kith.ok({"--color", "always", "pitch", "jose"}).out, "\x1b[1m"));
  EXPECT_FALSE(contains(kith.ok({"--color", "never", "pitch", "jose"}).out, "\x1b["));
}

TEST_F(PitchCommandTest, SameDataSameBytes) {
  const auto human = kith.ok({"pitch", "jose", "--ask", "Coffee?"}).out;
  const auto json = kith.ok({"pitch", "jose", "--ask", "Coffee?", "--json"}).out;
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(kith.ok({"pitch", "jose", "--ask", "Coffee?"}).out, human);
    EXPECT_EQ(kith.ok({"pitch", "jose", "--ask", "Coffee?", "--json"}).out, json);
  }
}

TEST_F(PitchCommandTest, ChangesNoFile) {
  const auto before = snapshot(data());
  kith.ok({"pitch", "jose", "--ask", "Coffee?"});
  kith.ok({"pitch", "jose", "--json"});
  EXPECT_EQ(snapshot(data()), before);
  EXPECT_FALSE(fs::exists(data() / ".lock"));
}

TEST_F(PitchCommandTest, AskComesAfterTheValueAndTriggersGiveFirst) {
  // A balanced history, so that only the ask can trigger "lead with a give".
  write_file(data() / "log/2026-11.jsonl",
             log_line("d1", "2026-11-05", {"jose-nunez"}, "give", "coffee"));
  fs::remove(data() / "log/2026-05.jsonl");
  auto j = kith.ok({"pitch", "jose", "--json"}).json();
  EXPECT_FALSE(j["advice"][0].get<std::string>().starts_with("Lead with a give"));

  // The last give (2026-11-05) is recent: asking is fine.
  j = kith.ok({"pitch", "jose", "--ask", "Would you review my CV?", "--json"}).json();
  EXPECT_FALSE(j["advice"][0].get<std::string>().starts_with("Lead with a give"));
  std::string draft = unwrapped(j["draft"]);
  EXPECT_LT(draft.find("hiring and Rust"), draft.find("Would you review my CV?")) << draft;
  EXPECT_LT(draft.find("introduce you to Amélie"), draft.find("Would you review my CV?"));
  EXPECT_FALSE(contains(draft, "No agenda")) << draft;

  // 91 days later, the same ask should be led by a give.
  kith.today("2027-02-04");
  j = kith.ok({"pitch", "jose", "--ask", "Would you review my CV?", "--json"}).json();
  const std::string first = j["advice"][0];
  EXPECT_EQ(first,
            "Lead with a give: this ask comes after 90 days without a give. For example, offer "
            "help with hiring or Rust, or introduce José to Amélie Dubois (hiring, on-call).");
}

TEST_F(PitchCommandTest, IntrosSetsHowManyIntroductions) {
  EXPECT_EQ(kith.ok({"pitch", "jose", "--intros", "1", "--json"}).json()["introductions"].size(),
            1u);
  auto all = kith.ok({"pitch", "jose", "--intros", "10", "--json"}).json()["introductions"];
  ASSERT_EQ(all.size(), 4u);  // not Kwame (archived), not Sofía (no match), not José
  EXPECT_EQ(all[3]["id"], "matteo-rossi");
  EXPECT_TRUE(
      kith.ok({"pitch", "jose", "--intros", "0", "--json"}).json()["introductions"].empty());
  EXPECT_TRUE(contains(kith.ok({"pitch", "jose", "--intros", "0"}).out, "not shown (--intros 0)"));
}

TEST_F(PitchCommandTest, TemplateFillsEveryPlaceholder) {
  write_file(tmp / "t.txt",
             "Hi {{first_name}} ({{name}}),\n"
             "I can help with {{offer}}; you might like {{intro}}.\n"
             "We share {{common}}.\n"
             "\n"
             "{{ask}}\n"
             "\n"
             "{{my_name}} {not a placeholder} {{ x y }}\n");
  auto r = kith.ok(
      {"pitch", "jose", "--template", (tmp / "t.txt").string(), "--ask", "Lunch?", "--json"});
  // The draft is wrapped at 72 columns, a template's lines too.
  EXPECT_EQ(r.json()["draft"],
            "Hi José (José Núñez),\n"
            "I can help with hiring and Rust; you might like Amélie Dubois (hiring,\n"
            "on-call).\n"
            "We share Rust_Meetup and berlin.\n"
            "\n"
            "Lunch?\n"
            "\n"
            "Noor Haddad {not a placeholder} {{ x y }}");
  // Without --ask its line goes, and the paragraphs stay one blank line apart.
  r = kith.ok({"pitch", "jose", "--template", (tmp / "t.txt").string()});
  EXPECT_TRUE(contains(r.out, "We share Rust_Meetup and berlin.\n\nNoor Haddad")) << r.out;
  EXPECT_TRUE(contains(r.out, "\nDraft (from ")) << r.out;
}

struct BadPitch {
  const char* label;
  std::vector<std::string> args;
  int exit_code;
  const char* message;
};

class PitchCommandErrorTest : public PitchCommandTest,
                              public ::testing::WithParamInterface<BadPitch> {};

TEST_P(PitchCommandErrorTest, FailsWithAMessageAndChangesNothing) {
  write_file(tmp / "bad.txt", "Hi {{first_name}},\n{{nmae}}\n");
  write_file(tmp / "latin1.txt", "Hi \xE9t\xE9\n");
  fs::create_directories(tmp / "a-directory");
  const auto before = snapshot(data());
  std::vector<std::string> args;
  for (auto a : GetParam().args) {
    if (a.starts_with("@")) a = (tmp / a.substr(1)).string();
    args.push_back(a);
  }
  auto r = kith.run(args);
  EXPECT_EQ(r.exit_code, GetParam().exit_code) << r.err;
  EXPECT_EQ(r.out, "");
  EXPECT_TRUE(r.err.starts_with("kith: error: ")) << r.err;
  EXPECT_TRUE(contains(r.err, GetParam().message)) << r.err;
  EXPECT_EQ(snapshot(data()), before);
}

INSTANTIATE_TEST_SUITE_P(
    BadInput, PitchCommandErrorTest,
    ::testing::Values(
        BadPitch{"NoContact", {"pitch"}, 2, "CONTACT is required"},
        BadPitch{"UnknownContact", {"pitch", "nobody"}, 2, "no contact matches 'nobody'"},
        BadPitch{"AmbiguousContact", {"pitch", "o"}, 2, "matteo-rossi"},
        BadPitch{"ArchivedContact", {"pitch", "kwame-asante"}, 2, "'kwame-asante' is archived"},
        BadPitch{
            "IntrosNotANumber", {"pitch", "jose", "--intros", "many"}, 2, "bad --intros 'many'"},
        BadPitch{"IntrosNegative", {"pitch", "jose", "--intros=-1"}, 2, "bad --intros '-1'"},
        BadPitch{"EmptyAsk", {"pitch", "jose", "--ask", ""}, 2, "--ask"},
        BadPitch{"AskWithControlCharacters",
                 {"pitch", "jose", "--ask", "hi\x1b[31m"},
                 2,
                 "control characters"},
        BadPitch{"UnknownPlaceholder",
                 {"pitch", "jose", "--template", "@bad.txt"},
                 2,
                 "bad.txt:2: unknown placeholder {{nmae}}"},
        BadPitch{"MissingTemplate",
                 {"pitch", "jose", "--template", "@nope.txt"},
                 2,
                 "nope.txt: no such file"},
        BadPitch{"TemplateIsADirectory",
                 {"pitch", "jose", "--template", "@a-directory"},
                 2,
                 "a-directory"},
        BadPitch{"TemplateNotUtf8",
                 {"pitch", "jose", "--template", "@latin1.txt"},
                 2,
                 "not valid UTF-8"},
        BadPitch{"UnknownOption", {"pitch", "jose", "--frobnicate"}, 2, "--frobnicate"},
        BadPitch{"BadToday", {"--today", "someday", "pitch", "jose"}, 2, "'someday'"},
        BadPitch{"UnknownTone", {"pitch", "jose", "--tone", "casual"}, 2, "bad --tone 'casual'"},
        BadPitch{"ToneCaseMatters", {"pitch", "jose", "--tone", "Formal"}, 2, "bad --tone"},
        // Nowhere to copy to: no terminal, no display.
        BadPitch{"CopyWithNowhereToCopyTo",
                 {"pitch", "jose", "--copy"},
                 1,
                 "cannot copy the draft: no terminal that takes OSC 52"}),
    [](const ::testing::TestParamInfo<BadPitch>& p) { return std::string(p.param.label); });

TEST_F(PitchCommandTest, ACorruptContactFileIsLeftOutNamedAndExitsOne) {
  write_file(data() / "contacts/broken.json", "{\"id\": \"broken\",");
  auto r = kith.run({"pitch", "jose"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_TRUE(contains(r.out, "Pitch for José Núñez")) << r.out;
  EXPECT_TRUE(contains(r.err, "kith: warning: contacts/broken.json:1: not valid JSON")) << r.err;
  EXPECT_TRUE(contains(r.err, "kith: error: left out what kith cannot read: 1 contact file"))
      << r.err;
  // Its own file: no pitch.
  r = kith.run({"pitch", "broken"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_EQ(r.out, "");
  EXPECT_TRUE(contains(r.err, "kith: error: contacts/broken.json:1: not valid JSON")) << r.err;
}

TEST_F(PitchCommandTest, EmptyProfileStillPitchesAndSaysHowToFillIt) {
  fs::remove(data() / "me.json");
  auto j = kith.ok({"pitch", "jose", "--json"}).json();
  EXPECT_TRUE(j["you_can_offer"].empty());
  EXPECT_TRUE(j["they_can_offer_you"].empty());
  EXPECT_EQ(j["introductions"].size(), 3u);
  bool says_how = false;
  for (const auto& a : j["advice"]) {
    const std::string s = a;
    if (contains(s, "kith me --skill") && contains(s, "--interest")) says_how = true;
  }
  EXPECT_TRUE(says_how) << j["advice"].dump(2);
  EXPECT_TRUE(j["draft"].get<std::string>().ends_with("Best,"));
  auto r = kith.ok({"pitch", "jose"});
  EXPECT_TRUE(contains(r.out, "nothing yet: add your skills with `kith me --skill")) << r.out;
}

TEST_F(PitchCommandTest, EmptyOrMissingDataDirectorySaysHowToBegin) {
  Kith fresh{tmp / "fresh"};
  auto r = fresh.run({"pitch", "ada"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_TRUE(contains(r.err, "kith: error: no contacts yet")) << r.err;
  EXPECT_TRUE(contains(r.err, "kith add")) << r.err;
  EXPECT_TRUE(contains(r.err, "kith me")) << r.err;
  EXPECT_FALSE(fs::exists(tmp / "fresh")) << "a reader creates nothing";
}

TEST_F(PitchCommandTest, ContactWithoutInterestsGetsAdviceToRecordThem) {
  write_contact(contact("sofia-ferreira", "Sofía Ferreira", {{"skills", {"design"}}}));
  auto r = kith.ok({"pitch", "sofia"});
  EXPECT_TRUE(contains(r.out, "no interests recorded for Sofía")) << r.out;
  EXPECT_TRUE(contains(r.out, "`kith edit sofia-ferreira --interest")) << r.out;
  // Never written to: a first message, asking for 15 minutes.
  EXPECT_TRUE(contains(r.out, "Would you have 15 minutes for a call")) << r.out;
  EXPECT_FALSE(contains(r.out, "No agenda")) << r.out;
}

TEST_F(PitchCommandTest, HelpListsEveryOption) {
  auto r = kith.ok({"pitch", "--help"});
  for (const char* option : {"--ask", "--tone", "--template", "--intros", "--copy", "--json"}) {
    EXPECT_TRUE(contains(r.out, option)) << option << "\n" << r.out;
  }
  EXPECT_TRUE(contains(kith.ok({"--help"}).out, "pitch"));
}

// ---------------------------------------------------------------------------
// What the pitch reads from the relationship, through the real commands

TEST_F(PitchCommandTest, AFollowUpYouOweLeadsUntilItIsDone) {
  // A catch-up with José on 2026-11-10 and a promise due on the 12th.
  kith.ok({"log", "jose", "--date", "2026-11-10", "--kind", "call", "--follow-up",
           "Send José my notes on Rust hiring", "--by", "2026-11-12", "-q"});
  auto j = kith.ok({"pitch", "jose", "--json"}).json();
  ASSERT_EQ(j["owed"].size(), 1u);
  EXPECT_EQ(j["owed"][0]["text"], "Send José my notes on Rust hiring");
  EXPECT_EQ(j["owed"][0]["days_late"], 8);
  EXPECT_TRUE(j["advice"][0].get<std::string>().starts_with("First, do what you promised José"));
  EXPECT_TRUE(unwrapped(j["draft"])
                  .starts_with("Hi José,\n\nI promised to send you my notes on Rust hiring, and it "
                               "has taken me far too "
                               "long: here it is."))
      << j["draft"];
  // The call was 10 days ago, within the 14 days that are recent for 3m.
  EXPECT_EQ(j["timing"]["recent"], true);
  EXPECT_FALSE(contains(j["draft"], "Would you be up for")) << j["draft"];
  auto r = kith.ok({"pitch", "jose"});
  EXPECT_TRUE(contains(r.out,
                       "\nWhat you owe José\n  Send José my notes on Rust hiring\n"
                       "    promised 2026-11-10, due 2026-11-12: 8 days late\n"))
      << r.out;
  EXPECT_TRUE(contains(r.out, "\nAdvice\n  ! First, do what you promised José")) << r.out;

  kith.ok({"done", "jose", "-q"});
  j = kith.ok({"pitch", "jose", "--json"}).json();
  EXPECT_TRUE(j["owed"].empty());
  EXPECT_FALSE(contains(j["draft"], "promised")) << j["draft"];
}

TEST_F(PitchCommandTest, AFirstMessageSaysHowYouKnowEachOtherAndWhoYouAre) {
  kith.ok({"me", "--role", "Staff Engineer", "-q"});
  write_contact(contact("fatima-khan", "Fatima Khan",
                        {{"role", "Principal Embedded Rust Engineer"},
                         {"skills", {"embedded Rust"}},
                         {"interests", {"climate tech", "Rust"}},
                         {"how_met", "Rust meetup in Berlin"}}));
  const auto j = kith.ok({"pitch", "fatima", "--json"}).json();
  EXPECT_EQ(j["timing"]["first_contact"], true);
  EXPECT_EQ(j["common_ground"],
            Json({"shared interest: climate tech", "how you met: Rust meetup in Berlin"}));
  EXPECT_EQ(j["offers"], Json::parse(R"([{"skill": "Rust", "interest": "Rust", "match": "exact",
                                          "as": "trading notes"}])"));
  EXPECT_EQ(unwrapped(j["draft"]),
            "Hi Fatima,\n\n"
            "We've met before (Rust meetup in Berlin). I'm Noor Haddad, Staff Engineer at "
            "Gridwise. I'm reaching out because we both care about climate tech.\n\n"
            "I'd love to trade notes on Rust.\n\n"
            "Would you have 15 minutes for a call in the next few weeks? No pressure at all if "
            "you're busy.\n\n"
            "Best, Noor");
}

TEST_F(PitchCommandTest, ToneChangesTheRegisterOfTheDraft) {
  auto formal = kith.ok({"pitch", "jose", "--tone", "formal"}).out;
  EXPECT_TRUE(contains(formal, "\nDraft (formal)\n")) << formal;
  EXPECT_TRUE(contains(formal, "\nDear José Núñez,\n")) << formal;
  EXPECT_TRUE(contains(formal, "\nKind regards,\nNoor Haddad\n")) << formal;
  auto brief = kith.ok({"pitch", "jose", "--tone", "brief", "--json"}).json();
  EXPECT_EQ(brief["tone"], "brief");
  EXPECT_TRUE(brief["draft"].get<std::string>().ends_with("\n\nNoor")) << brief["draft"];
  EXPECT_FALSE(contains(brief["draft"], "No agenda")) << brief["draft"];
  // The default is warm.
  EXPECT_EQ(kith.ok({"pitch", "jose", "--json"}).json()["draft"],
            kith.ok({"pitch", "jose", "--tone", "warm", "--json"}).json()["draft"]);
}

TEST_F(PitchCommandTest, EveryDraftLineFitsIn72Columns) {
  for (const char* tone : {"warm", "brief", "formal"}) {
    const std::string draft = kith.ok({"pitch", "jose", "--tone", tone, "--ask",
                                       "Would you introduce me to your CTO?", "--json"})
                                  .json()["draft"];
    std::size_t start = 0;
    while (start <= draft.size()) {
      std::size_t end = draft.find('\n', start);
      if (end == std::string::npos) end = draft.size();
      // Display columns: every character here is one column, counted by its
      // first byte.
      std::size_t columns = 0;
      for (std::size_t i = start; i < end; ++i) {
        if ((static_cast<unsigned char>(draft[i]) & 0xC0) != 0x80) ++columns;
      }
      EXPECT_LE(columns, 72u) << draft.substr(start, end - start);
      start = end + 1;
    }
  }
}

// ---------------------------------------------------------------------------
// --copy

TEST_F(PitchCommandTest, CopySendsTheDraftToTheTerminalWithOsc52) {
  const std::string draft = kith.ok({"pitch", "jose", "--json"}).json()["draft"];
  const Kith k = Kith(kith).env("TERM", "xterm");
  auto r = k.run_on_terminal({"pitch", "jose", "--copy"}, "");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(contains(r.out, "\x1b]52;c;" + cli::base64(draft) + "\x07")) << r.out;
  EXPECT_TRUE(contains(r.out, "\nHi José,\n")) << r.out;  // the report is still printed
  EXPECT_EQ(r.err, "kith: copied the draft through the terminal (OSC 52)\n");
  // -q hides the confirmation, not the copy.
  r = k.run_on_terminal({"-q", "pitch", "jose", "--copy"}, "");
  EXPECT_TRUE(contains(r.out, "\x1b]52;c;")) << r.out;
  EXPECT_EQ(r.err, "");
}

TEST_F(PitchCommandTest, CopyRunsWlCopyWhenThereIsADisplay) {
  const fs::path bin = tmp / "bin";
  write_file(bin / "wl-copy", "#!/bin/sh\ncat > \"" + (tmp / "clipboard").string() + "\"\n");
  fs::permissions(bin / "wl-copy", fs::perms::owner_all);
  const Kith k =
      Kith(kith).env("PATH", bin.string() + ":/usr/bin:/bin").env("WAYLAND_DISPLAY", "wayland-0");
  const auto before = snapshot(data());
  auto r = k.run({"pitch", "jose", "--copy", "--json", "--tone", "formal"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  const Json j = r.json();  // nothing but the JSON on stdout
  EXPECT_EQ(read_file(tmp / "clipboard"), j["draft"].get<std::string>());
  EXPECT_TRUE(read_file(tmp / "clipboard").starts_with("Dear José Núñez,"));
  EXPECT_EQ(r.err, "kith: copied the draft through wl-copy\n");
  EXPECT_EQ(snapshot(data()), before);
}

TEST_F(PitchCommandTest, ACopyProgramThatFailsIsAnError) {
  const fs::path bin = tmp / "bin";
  write_file(bin / "xclip", "#!/bin/sh\nexit 3\n");
  fs::permissions(bin / "xclip", fs::perms::owner_all);
  const Kith k = Kith(kith).env("PATH", bin.string() + ":/usr/bin:/bin").env("DISPLAY", ":0");
  auto r = k.run({"pitch", "jose", "--copy"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(contains(r.err, "kith: error: cannot copy the draft: ")) << r.err;
  EXPECT_TRUE(contains(r.err, "xclip failed (exit status 3)")) << r.err;
}

// The showcase: the demo network of the repository, pitched to José.
TEST(PitchDemoTest, JoseFromTheDemoNetwork) {
  TempDir tmp;
  fs::copy(fs::path(KITH_SOURCE_DIR) / "examples/demo", tmp / "demo", fs::copy_options::recursive);
  Kith kith{tmp / "demo"};
  kith.today("2026-11-20");
  const std::vector<std::string> args = {
      "pitch", "jose-nunez", "--ask",
      "Would you introduce me to Paywell's CTO about the staff platform role?"};
  auto args_json = args;
  args_json.push_back("--json");
  const Json j = kith.ok(args_json).json();
  EXPECT_EQ(j["you_can_offer"], Json({"hiring", "Rust"}));
  std::vector<std::string> intros;
  for (const auto& i : j["introductions"]) intros.push_back(i["id"]);
  // Amélie's "on-call" and "observability" match his "on call" and
  // "observability"; then the warmest of those who match one topic.
  // Tomasz (a call on 2026-10-02, every 3m) is the one warm relationship
  // among them, so he comes first; then Amélie's two topics ("on-call" and
  // "observability" match his "on call" and "observability"), then the
  // warmest of those who match one topic.
  EXPECT_EQ(intros, (std::vector<std::string>{"tomasz-wojcik", "amelie-dubois", "priya-raman"}));
  EXPECT_EQ(j["introductions"][0]["warmth"], "warm");
  EXPECT_EQ(j["introductions"][1]["topics"], Json({"observability", "on-call"}));
  EXPECT_EQ(j["they_can_offer_you"], Json({"developer-tools"}));
  EXPECT_EQ(j["common_ground"], Json({"shared tag: rust-meetup", "same location: Berlin",
                                      "how you met: Rust meetup in Berlin"}));
  EXPECT_EQ(j["balance"]["give"], 1);
  EXPECT_EQ(j["balance"]["catch_up"], 2);
  EXPECT_EQ(j["balance"]["ask"], 4);
  EXPECT_EQ(j["balance"]["last"]["intent"], "ask");
  EXPECT_EQ(j["balance"]["last"]["date"], "2026-11-05");
  // The CV he was promised, 8 days late, comes first; then the give.
  const std::string owed = j["advice"][0];
  EXPECT_TRUE(owed.starts_with("First, do what you promised José: “Send José my CV")) << owed;
  EXPECT_EQ(j["owed"][0]["days_late"], 8);
  const std::string give = j["advice"][1];
  EXPECT_TRUE(give.starts_with("Lead with a give")) << give;
  EXPECT_TRUE(contains(give, "hiring or Rust")) << give;
  const std::string draft = unwrapped(j["draft"]);
  EXPECT_TRUE(contains(draft,
                       "Hi José,\n\nI promised to send you my CV and a two-line blurb you can "
                       "forward, and it has taken me far too long: here it is.\n\n"))
      << draft;
  EXPECT_LT(draft.find("hiring and Rust"), draft.find("Paywell's CTO")) << draft;

  auto more = kith.ok({"pitch", "jose-nunez", "--intros", "5", "--json"}).json();
  intros.clear();
  for (const auto& i : more["introductions"]) intros.push_back(i["id"]);
  EXPECT_EQ(intros, (std::vector<std::string>{"tomasz-wojcik", "amelie-dubois", "priya-raman",
                                              "zoe-achterberg", "matteo-rossi"}));

  const auto human = kith.ok(args);
  EXPECT_EQ(human.err, "");
  EXPECT_EQ(kith.ok(args).out, human.out);
}

}  // namespace
}  // namespace kith::test::pitch_test
