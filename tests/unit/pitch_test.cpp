#include "core/pitch.h"

#include <algorithm>
#include <ostream>
#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace kith {
namespace {

using Strings = std::vector<std::string>;

// Names parameterised cases after their `label` field.
struct LabelName {
  template <class ParamInfo>
  std::string operator()(const ParamInfo& info) const {
    return std::string(info.param.label);
  }
};

template <class Case>
auto operator<<(std::ostream& os, const Case& c) -> decltype(c.label, os) {
  return os << c.label;
}

Date day(const char* iso) { return parse_iso_date(iso).value(); }

const Date kToday = day("2026-11-20");

Contact person(std::string id, std::string name, Strings skills = {}, Strings interests = {}) {
  Contact c;
  c.id = std::move(id);
  c.name = std::move(name);
  c.skills = std::move(skills);
  c.interests = std::move(interests);
  c.added_on = day("2025-01-01");
  return c;
}

// A network under construction: contacts kept sorted by id and interactions
// by date, as Store::load returns them.
struct NetworkBuilder {
  Network network;

  NetworkBuilder& me(Strings skills, Strings interests, std::string name = "Noor Haddad") {
    network.profile.name = std::move(name);
    network.profile.skills = std::move(skills);
    network.profile.interests = std::move(interests);
    return *this;
  }
  // The reference is valid until the next add().
  Contact& add(Contact c) {
    const std::string id = c.id;
    network.contacts.push_back(std::move(c));
    std::sort(network.contacts.begin(), network.contacts.end(),
              [](const Contact& a, const Contact& b) { return a.id < b.id; });
    return contact(id);
  }
  Contact& contact(const std::string& id) {
    return *std::find_if(network.contacts.begin(), network.contacts.end(),
                         [&](const Contact& c) { return c.id == id; });
  }
  NetworkBuilder& log(const char* date, Strings ids, Intent intent, std::string kind = "coffee") {
    Interaction i;
    i.id = "i" + std::to_string(network.interactions.size());
    i.date = day(date);
    i.contacts = std::move(ids);
    i.intent = intent;
    i.kind = std::move(kind);
    i.logged_at = std::string(date) + "T12:00:00Z";
    network.interactions.push_back(std::move(i));
    std::stable_sort(network.interactions.begin(), network.interactions.end(),
                     [](const Interaction& a, const Interaction& b) { return a.date < b.date; });
    return *this;
  }
  Pitch pitch(const std::string& id, PitchOptions options = {}) const {
    const Contact* c = network.find(id);
    EXPECT_NE(c, nullptr) << id;
    return make_pitch(network, *c, kToday, options);
  }
};

Strings intro_ids(const Pitch& p) {
  Strings ids;
  for (const auto& i : p.introductions) ids.push_back(i.id);
  return ids;
}

bool starts_with(const std::string& s, const std::string& prefix) { return s.starts_with(prefix); }

// ---------------------------------------------------------------------------
// Matching: every comparison goes through the normalised term.

struct MatchCase {
  const char* label;
  const char* skill;
  const char* interest;
  bool match;
};

class PitchMatchTest : public testing::TestWithParam<MatchCase> {};

TEST_P(PitchMatchTest, YourSkillMatchesTheirInterestAfterNormalising) {
  const MatchCase& c = GetParam();
  NetworkBuilder b;
  b.me({c.skill}, {});
  b.add(person("them", "Them", {}, {c.interest}));
  const Pitch p = b.pitch("them");
  if (c.match) {
    EXPECT_EQ(p.you_can_offer, Strings{c.skill});
  } else {
    EXPECT_TRUE(p.you_can_offer.empty()) << p.you_can_offer.front();
  }
}

INSTANTIATE_TEST_SUITE_P(
    Table, PitchMatchTest,
    testing::Values(
        MatchCase{"case_folded", "Rust", "rust", true},
        MatchCase{"diacritics_removed", "Ökonomie", "okonomie", true},
        MatchCase{"hyphen_is_a_space", "on-call", "on call", true},
        MatchCase{"underscore_is_a_space", "machine_learning", "Machine Learning", true},
        MatchCase{"separator_runs_are_one_space", "machine - _learning", "machine learning", true},
        MatchCase{"surrounding_spaces_ignored", "  Rust ", "rust", true},
        MatchCase{"plural_s_on_long_word", "APIs", "api", true},
        MatchCase{"plural_s_on_each_word", "developers tool", "developer tools", true},
        MatchCase{"short_word_keeps_its_s", "bus", "bu", false},
        MatchCase{"class_is_not_clas", "class", "clas", false},
        MatchCase{"different_terms", "Rust", "Go", false},
        MatchCase{"punctuation_kept", "C++", "C", false},
        MatchCase{"empty_never_matches", "", "", false},
        MatchCase{"separators_only_never_match", " - ", "_", false}),
    LabelName{});

TEST(PitchTest, YouCanOfferIsSpelledAsYourSkillsInTheOrderOfTheirInterests) {
  NetworkBuilder b;
  b.me({"Rust", "distributed systems", "hiring"}, {});
  b.add(person("jose", "José Núñez", {}, {"Hiring", "observability", "rust"}));
  EXPECT_EQ(b.pitch("jose").you_can_offer, (Strings{"hiring", "Rust"}));
}

TEST(PitchTest, ATermWrittenTwiceIsOfferedOnce) {
  NetworkBuilder b;
  b.me({"RUST", "rust"}, {});
  b.add(person("jose", "José", {}, {"rust", "Rust"}));
  EXPECT_EQ(b.pitch("jose").you_can_offer, Strings{"RUST"});
}

TEST(PitchTest, TheyCanOfferYouIsSpelledAsTheirSkillsInTheOrderOfYourInterests) {
  NetworkBuilder b;
  b.me({}, {"product management", "developer tools", "climate tech"});
  b.add(person("jose", "José", {"payments", "Climate-Tech", "developer-tools"}, {}));
  EXPECT_EQ(b.pitch("jose").they_can_offer_you, (Strings{"developer-tools", "Climate-Tech"}));
}

// ---------------------------------------------------------------------------
// Introductions

struct IntroNetwork : testing::Test {
  NetworkBuilder b;
  void SetUp() override {
    b.me({"Rust"}, {});
    b.add(person("target", "Tara Target", {"rust"}, {"hiring", "rust", "observability"}));
  }
};

TEST_F(IntroNetwork, MoreMatchingTopicsRankFirst) {
  b.add(person("one", "One", {"hiring"}));
  b.add(person("two", "Two", {"observability", "hiring"}));
  b.log("2026-11-01", {"one"}, Intent::give);
  const Pitch p = b.pitch("target");
  EXPECT_EQ(intro_ids(p), (Strings{"two", "one"}));
  EXPECT_EQ(p.introductions[0].topics, (Strings{"hiring", "observability"}));
}

TEST_F(IntroNetwork, EqualTopicsRankByYourMostRecentNoNeedInteraction) {
  b.add(person("cold", "Cold", {"hiring"}));
  b.add(person("warm", "Warm", {"hiring"}));
  b.add(person("warmer", "Warmer", {"hiring"}));
  b.log("2026-01-01", {"cold"}, Intent::catch_up);
  b.log("2026-05-01", {"warm"}, Intent::catch_up);
  b.log("2026-09-01", {"warmer"}, Intent::give);
  const Pitch p = b.pitch("target");
  EXPECT_EQ(intro_ids(p), (Strings{"warmer", "warm", "cold"}));
  EXPECT_EQ(p.introductions[0].last_no_need, day("2026-09-01"));
}

TEST_F(IntroNetwork, AnAskDoesNotWarmARelationship) {
  b.add(person("asked", "Asked", {"hiring"}));
  b.add(person("caught-up", "Caught Up", {"hiring"}));
  b.log("2026-03-01", {"caught-up"}, Intent::catch_up);
  b.log("2026-11-19", {"asked"}, Intent::ask);
  EXPECT_EQ(intro_ids(b.pitch("target")), (Strings{"caught-up", "asked"}));
}

TEST_F(IntroNetwork, NeverContactedRanksAfterAnyNoNeedInteraction) {
  b.add(person("a-never", "Never", {"hiring"}));
  b.add(person("z-once", "Once", {"hiring"}));
  b.log("2020-01-01", {"z-once"}, Intent::catch_up);
  EXPECT_EQ(intro_ids(b.pitch("target")), (Strings{"z-once", "a-never"}));
}

TEST_F(IntroNetwork, FullTiesRankById) {
  b.add(person("c", "Same", {"rust"}));
  b.add(person("a", "Same", {"rust"}));
  b.add(person("b", "Same", {"rust"}));
  b.log("2026-06-01", {"a", "b", "c"}, Intent::catch_up);
  EXPECT_EQ(intro_ids(b.pitch("target")), (Strings{"a", "b", "c"}));
}

TEST_F(IntroNetwork, ArchivedContactsAndTheContactThemselfAreNeverProposed) {
  b.add(person("archived", "Archived", {"hiring"})).archived = true;
  b.add(person("snoozed", "Snoozed", {"hiring"})).snoozed_until = day("2027-01-01");
  // The target has the skill "rust" and the interest "rust".
  EXPECT_EQ(intro_ids(b.pitch("target")), Strings{"snoozed"});
}

TEST_F(IntroNetwork, AtMostMaxIntros) {
  for (const char* id : {"a", "b", "c", "d", "e"}) b.add(person(id, id, {"hiring"}));
  EXPECT_EQ(b.pitch("target").introductions.size(), 3u);
  PitchOptions options;
  options.max_intros = 1;
  EXPECT_EQ(intro_ids(b.pitch("target", options)), Strings{"a"});
  options.max_intros = 0;
  EXPECT_TRUE(b.pitch("target", options).introductions.empty());
  options.max_intros = 100;
  EXPECT_EQ(b.pitch("target", options).introductions.size(), 5u);
}

TEST_F(IntroNetwork, TopicsAreSpelledAsTheIntroducersSkillsInTheOrderOfTheInterests) {
  b.add(person("amelie", "Amélie Dubois", {"On-Call", "observability", "Hiring"}));
  b.contact("target").interests = {"observability", "on call", "hiring"};
  EXPECT_EQ(b.pitch("target").introductions.at(0).topics,
            (Strings{"observability", "On-Call", "Hiring"}));
}

TEST_F(IntroNetwork, NobodyWithoutAMatchingSkill) {
  b.add(person("other", "Other", {"gardening"}));
  EXPECT_TRUE(b.pitch("target").introductions.empty());
}

// ---------------------------------------------------------------------------
// Common ground and balance

TEST(PitchTest, CommonGroundIsSharedTagsThenCompanyLocationAndHowMet) {
  NetworkBuilder b;
  b.me({}, {});
  b.network.profile.tags = {"climate", "Rust_Meetup"};
  b.network.profile.company = "gridwise";
  b.network.profile.location = "BERLIN";
  Contact& c = b.add(person("jose", "José"));
  c.tags = {"fintech", "rust-meetup", "Climate"};
  c.company = "Gridwise";
  c.location = "Berlin";
  c.how_met = "Rust meetup in Berlin";
  Strings described;
  for (const auto& g : b.pitch("jose").common_ground) described.push_back(describe(g));
  EXPECT_EQ(described,
            (Strings{"shared tag: rust-meetup", "shared tag: Climate", "same company: Gridwise",
                     "same location: Berlin", "how you met: Rust meetup in Berlin"}));
}

TEST(PitchTest, NoCommonGroundWhenOnlyOneSideKnowsIt) {
  NetworkBuilder b;
  b.me({}, {});
  Contact& c = b.add(person("jose", "José"));
  c.tags = {"rust"};
  c.company = "Paywell";
  c.location = "Berlin";
  EXPECT_TRUE(b.pitch("jose").common_ground.empty());
  b.network.profile.location = "Berlin, Germany";  // not the same term
  EXPECT_TRUE(b.pitch("jose").common_ground.empty());
}

TEST(PitchTest, BalanceCountsEachIntentAndKeepsTheLastInteraction) {
  NetworkBuilder b;
  b.me({}, {});
  b.add(person("jose", "José"));
  b.add(person("other", "Other"));
  b.log("2026-01-01", {"jose"}, Intent::catch_up);
  b.log("2026-02-01", {"jose", "other"}, Intent::give, "intro");
  b.log("2026-03-01", {"jose"}, Intent::ask, "call");
  b.log("2026-04-01", {"other"}, Intent::ask);
  const Balance bal = b.pitch("jose").balance;
  EXPECT_EQ(bal.gives, 1);
  EXPECT_EQ(bal.catch_ups, 1);
  EXPECT_EQ(bal.asks, 1);
  ASSERT_TRUE(bal.last.has_value());
  EXPECT_EQ(bal.last->date, day("2026-03-01"));
  EXPECT_EQ(bal.last->intent, Intent::ask);
  EXPECT_EQ(bal.last->kind, "call");
  EXPECT_EQ(bal.last_give, day("2026-02-01"));
  EXPECT_EQ(bal.last_no_need, day("2026-02-01"));
}

// ---------------------------------------------------------------------------
// Advice: when the first sentence says to lead with a give.

struct Logged {
  const char* date;
  Intent intent;
};

struct GiveFirstCase {
  const char* label;
  std::vector<Logged> history;
  bool asking;
  bool asks_outnumber_gives;
  bool last_was_ask;
  bool asking_without_recent_give;
};

class GiveFirstTest : public testing::TestWithParam<GiveFirstCase> {};

TEST_P(GiveFirstTest, FirstAdviceLeadsWithAGiveExactlyWhenATriggerHolds) {
  const GiveFirstCase& c = GetParam();
  NetworkBuilder b;
  b.me({"Rust"}, {});
  b.add(person("jose", "José Núñez", {}, {"rust"}));
  for (const auto& l : c.history) b.log(l.date, {"jose"}, l.intent);
  PitchOptions options;
  if (c.asking) options.ask = "Could you review my CV?";
  const Pitch p = b.pitch("jose", options);
  EXPECT_EQ(p.give_first.asks_outnumber_gives, c.asks_outnumber_gives);
  EXPECT_EQ(p.give_first.last_was_ask, c.last_was_ask);
  EXPECT_EQ(p.give_first.asking_without_recent_give, c.asking_without_recent_give);
  const bool expected = c.asks_outnumber_gives || c.last_was_ask || c.asking_without_recent_give;
  ASSERT_FALSE(p.advice.empty());
  EXPECT_EQ(starts_with(p.advice.front(), "Lead with a give"), expected) << p.advice.front();
  for (std::size_t i = 1; i < p.advice.size(); ++i) {
    EXPECT_FALSE(starts_with(p.advice[i], "Lead with a give")) << p.advice[i];
  }
}

INSTANTIATE_TEST_SUITE_P(
    Table, GiveFirstTest,
    testing::Values(GiveFirstCase{"no_history", {}, false, false, false, false},
                    GiveFirstCase{"balanced",
                                  {{"2026-10-01", Intent::give},
                                   {"2026-10-02", Intent::ask},
                                   {"2026-10-03", Intent::catch_up}},
                                  false,
                                  false,
                                  false,
                                  false},
                    GiveFirstCase{"asks_outnumber_gives",
                                  {{"2026-01-01", Intent::ask},
                                   {"2026-02-01", Intent::give},
                                   {"2026-03-01", Intent::ask},
                                   {"2026-04-01", Intent::catch_up}},
                                  false,
                                  true,
                                  false,
                                  false},
                    GiveFirstCase{"last_was_ask",
                                  {{"2026-01-01", Intent::give},
                                   {"2026-02-01", Intent::give},
                                   {"2026-03-01", Intent::ask}},
                                  false,
                                  false,
                                  true,
                                  false},
                    GiveFirstCase{"asking_with_only_catch_ups",
                                  {{"2026-11-19", Intent::catch_up}},
                                  true,
                                  false,
                                  false,
                                  true},
                    GiveFirstCase{"asking_91_days_after_a_give",
                                  {{"2026-08-21", Intent::give}, {"2026-11-19", Intent::catch_up}},
                                  true,
                                  false,
                                  false,
                                  true},
                    GiveFirstCase{"asking_90_days_after_a_give",
                                  {{"2026-08-22", Intent::give}, {"2026-11-19", Intent::catch_up}},
                                  true,
                                  false,
                                  false,
                                  false},
                    GiveFirstCase{"old_give_without_asking",
                                  {{"2026-01-01", Intent::give}, {"2026-11-19", Intent::catch_up}},
                                  false,
                                  false,
                                  false,
                                  false},
                    GiveFirstCase{"all_three",
                                  {{"2026-01-01", Intent::give},
                                   {"2026-02-01", Intent::ask},
                                   {"2026-11-01", Intent::ask}},
                                  true,
                                  true,
                                  true,
                                  true}),
    LabelName{});

TEST(PitchAdviceTest, GiveFirstNamesAnOfferAndTheTopIntroduction) {
  NetworkBuilder b;
  b.me({"Rust", "hiring"}, {});
  b.add(person("jose", "José Núñez", {}, {"Hiring", "rust", "on call"}));
  b.add(person("amelie", "Amélie Dubois", {"on-call"}));
  b.log("2026-11-05", {"jose"}, Intent::ask);
  const Pitch p = b.pitch("jose");
  EXPECT_EQ(p.advice.front(),
            "Lead with a give: you have made 1 ask and no give, and your last interaction "
            "(2026-11-05) was an ask. For example, offer help with hiring or Rust, or "
            "introduce José to Amélie Dubois (on-call).");
}

TEST(PitchAdviceTest, GiveFirstNamesTheIntroductionWhenYouHaveNothingToOffer) {
  NetworkBuilder b;
  b.me({"gardening"}, {});
  b.add(person("jose", "José", {}, {"rust"}));
  b.add(person("tomasz", "Tomasz Wójcik", {"Rust"}));
  b.log("2026-11-05", {"jose"}, Intent::ask);
  const std::string first = b.pitch("jose").advice.front();
  EXPECT_NE(first.find("For example, introduce José to Tomasz Wójcik (Rust)."), std::string::npos)
      << first;
  EXPECT_EQ(first.find("offer help"), std::string::npos) << first;
}

TEST(PitchAdviceTest, GiveFirstWithNothingConcreteSaysWhatKindOfGive) {
  NetworkBuilder b;
  b.me({"gardening"}, {});
  b.add(person("jose", "José", {}, {"rust"}));
  b.log("2026-11-05", {"jose"}, Intent::ask);
  const std::string first = b.pitch("jose").advice.front();
  EXPECT_NE(first.find("Think of something José would value"), std::string::npos) << first;
}

bool any_contains(const Strings& list, const std::string& needle) {
  return std::any_of(list.begin(), list.end(),
                     [&](const std::string& s) { return s.find(needle) != std::string::npos; });
}

TEST(PitchAdviceTest, EmptyProfileSaysHowToFillIt) {
  NetworkBuilder b;
  b.add(person("jose", "José", {"Rust"}, {"hiring"}));
  const Pitch p = b.pitch("jose");
  EXPECT_TRUE(any_contains(p.advice, "kith me --skill \"what you know\" --interest"))
      << p.advice[0];
  EXPECT_TRUE(any_contains(p.advice, "kith me --name"));
  EXPECT_TRUE(p.you_can_offer.empty());
  EXPECT_EQ(p.draft.substr(p.draft.size() - 5), "Best,");
}

TEST(PitchAdviceTest, MissingHalfOfTheProfileNamesTheMissingOption) {
  NetworkBuilder b;
  b.me({"Rust"}, {});
  b.add(person("jose", "José", {}, {"rust"}));
  EXPECT_TRUE(any_contains(b.pitch("jose").advice, "`kith me --interest \"what you look for\"`"));
  b.me({}, {"rust"});
  EXPECT_TRUE(any_contains(b.pitch("jose").advice, "`kith me --skill \"what you know\"`"));
}

TEST(PitchAdviceTest, UnknownInterestsSuggestRecordingThem) {
  NetworkBuilder b;
  b.me({"Rust"}, {"hiring"});
  b.add(person("jose", "José"));
  EXPECT_TRUE(any_contains(b.pitch("jose").advice, "`kith edit jose --interest"));
}

TEST(PitchAdviceTest, SnoozedContactAdviceSaysUntilWhen) {
  NetworkBuilder b;
  b.me({"Rust"}, {});
  b.add(person("jose", "José", {}, {"rust"})).snoozed_until = day("2026-12-15");
  EXPECT_TRUE(any_contains(b.pitch("jose").advice, "You snoozed José until 2026-12-15"));
}

TEST(PitchAdviceTest, LastAdviceSaysHowToRecordTheOutreach) {
  NetworkBuilder b;
  b.me({"Rust"}, {});
  b.add(person("jose", "José", {}, {"rust"}));
  EXPECT_EQ(b.pitch("jose").advice.back(),
            "After you reach out, record it: `kith log jose --kind coffee` (add --give when you "
            "offered something).");
}

// ---------------------------------------------------------------------------
// The built-in draft

struct DraftNetwork : testing::Test {
  NetworkBuilder b;
  void SetUp() override {
    b.me({"Rust", "hiring"}, {"developer tools"});
    Contact& jose = b.add(person("jose", "José Núñez", {"developer-tools"}, {"Hiring", "rust"}));
    jose.location = "Berlin";
    b.add(person("amelie", "Amélie Dubois", {"hiring", "Rust"}));
  }
};

TEST_F(DraftNetwork, OffersTheValueInvitesAndSignsWithYourFirstName) {
  const std::string d = b.pitch("jose").draft;
  EXPECT_EQ(d,
            "Hi José,\n\n"
            "I know you're interested in hiring and Rust, and I'd be happy to share what I've "
            "learned there if it's useful. I could also introduce you to Amélie Dubois, who "
            "knows a lot about hiring and Rust.\n\n"
            "Would you be up for a coffee, or a video call, in the next few weeks? No agenda; it "
            "would just be good to talk.\n\n"
            "Best,\nNoor");
}

TEST_F(DraftNetwork, TheAskComesAfterTheValueOffered) {
  PitchOptions options;
  options.ask = "Would you introduce me to your CTO?";
  const std::string d = b.pitch("jose", options).draft;
  const auto offer = d.find("hiring and Rust");
  const auto intro = d.find("introduce you to Amélie Dubois");
  const auto ask = d.find("Would you introduce me to your CTO?");
  ASSERT_NE(ask, std::string::npos) << d;
  EXPECT_LT(offer, ask);
  EXPECT_LT(intro, ask);
  EXPECT_EQ(d.find("No agenda"), std::string::npos) << d;
}

TEST_F(DraftNetwork, CoffeeInTheSharedCityLunchWithAColleague) {
  b.network.profile.location = "berlin";
  EXPECT_NE(b.pitch("jose").draft.find("a coffee in Berlin"), std::string::npos);
  b.network.profile.company = "Paywell";
  b.contact("jose").company = "paywell";
  const Pitch p = b.pitch("jose");
  EXPECT_NE(p.draft.find("lunch one day"), std::string::npos) << p.draft;
  EXPECT_TRUE(any_contains(p.advice, "--kind lunch"));
}

TEST_F(DraftNetwork, WithNothingToOfferItAsksAboutThem) {
  b.network.profile.skills.clear();
  b.contact("amelie").skills.clear();
  EXPECT_NE(b.pitch("jose").draft.find("I'd love to hear what you're working on"),
            std::string::npos);
}

TEST_F(DraftNetwork, IntroductionOnlyDraft) {
  b.network.profile.skills.clear();
  EXPECT_NE(
      b.pitch("jose").draft.find("I thought you might like to meet Amélie Dubois, who knows "
                                 "a lot about hiring and Rust; I'd be happy to introduce you."),
      std::string::npos);
}

TEST_F(DraftNetwork, SameDataSameBytes) {
  PitchOptions options;
  options.ask = "Coffee?";
  const std::string first = to_json(b.pitch("jose", options)).dump();
  for (int i = 0; i < 5; ++i) EXPECT_EQ(to_json(b.pitch("jose", options)).dump(), first);
}

TEST_F(DraftNetwork, JsonHasTheDocumentedKeysInOrder) {
  const Json j = to_json(b.pitch("jose"));
  Strings keys;
  for (auto it = j.begin(); it != j.end(); ++it) keys.push_back(it.key());
  EXPECT_EQ(keys, (Strings{"contact", "you_can_offer", "introductions", "they_can_offer_you",
                           "common_ground", "balance", "occasion", "advice", "draft"}));
  EXPECT_TRUE(j["occasion"].is_null());
  EXPECT_EQ(j["contact"], Json({{"id", "jose"}, {"name", "José Núñez"}}));
  EXPECT_EQ(j["introductions"][0]["topics"], Json({"hiring", "Rust"}));
  EXPECT_TRUE(j["balance"]["last"].is_null());
  EXPECT_EQ(j["balance"]["give"], 0);
}

// ---------------------------------------------------------------------------
// Occasions: a fresh one opens the draft and is in the JSON

TEST_F(DraftNetwork, AFreshJobChangeOpensTheDraftAndTheAdvice) {
  b.contact("jose").job_changes.push_back(
      {day("2026-11-02"), {"Paywell", "Engineer"}, {"Globex", "CTO"}, Json::object()});
  const Pitch p = b.pitch("jose");
  ASSERT_TRUE(p.occasion.has_value());
  EXPECT_EQ(p.occasion->kind, Occasion::Kind::job_change);
  EXPECT_EQ(p.occasion->text, "changed jobs: Paywell → Globex (CTO)");
  EXPECT_TRUE(starts_with(p.draft,
                          "Hi José,\n\nCongratulations on the new role at Globex!\n\n"
                          "I know you're interested in"))
      << p.draft;
  EXPECT_EQ(p.advice[0],
            "José changed jobs: Paywell → Globex (CTO) (seen 2026-11-02): a natural reason to "
            "write with no need; open with congratulations.");
  const Json j = to_json(p);
  EXPECT_EQ(j["occasion"], Json({{"kind", "job-change"},
                                 {"date", "2026-11-02"},
                                 {"text", "changed jobs: Paywell → Globex (CTO)"},
                                 {"opening", "Congratulations on the new role at Globex!"}}));
}

TEST_F(DraftNetwork, ANoNeedInteractionAfterTheChangeAnswersIt) {
  b.contact("jose").job_changes.push_back(
      {day("2026-11-02"), {"Paywell", "Engineer"}, {"Globex", "CTO"}, Json::object()});
  b.log("2026-11-05", {"jose"}, Intent::ask);
  EXPECT_TRUE(b.pitch("jose").occasion.has_value());  // an ask does not
  b.log("2026-11-06", {"jose"}, Intent::catch_up);
  const Pitch p = b.pitch("jose");
  EXPECT_FALSE(p.occasion.has_value());
  EXPECT_EQ(p.draft.find("Congratulations"), std::string::npos);
}

TEST_F(DraftNetwork, ABirthdayThisWeekOpensTheDraftWithAWish) {
  b.contact("jose").birthday = *parse_birthday("--11-22");  // kToday is Friday 2026-11-20
  const Pitch p = b.pitch("jose");
  ASSERT_TRUE(p.occasion.has_value());
  EXPECT_EQ(p.occasion->kind, Occasion::Kind::birthday);
  EXPECT_EQ(p.occasion->opening, "Happy birthday for Sunday!");
  EXPECT_TRUE(starts_with(p.draft, "Hi José,\n\nHappy birthday for Sunday!\n\n")) << p.draft;
  EXPECT_EQ(p.advice[0],
            "José's birthday is on 2026-11-22: a natural reason to write with no need.");
  // Eight days ahead is not fresh yet.
  b.contact("jose").birthday = *parse_birthday("--11-28");
  EXPECT_FALSE(b.pitch("jose").occasion.has_value());
}

TEST_F(DraftNetwork, TheJobChangeLeadsOverABirthday) {
  Contact& jose = b.contact("jose");
  jose.birthday = *parse_birthday("--11-20");
  jose.job_changes.push_back(
      {day("2026-10-02"), {"Paywell", "Engineer"}, {"Paywell", "CTO"}, Json::object()});
  const Pitch p = b.pitch("jose");
  ASSERT_TRUE(p.occasion.has_value());
  EXPECT_EQ(p.occasion->opening, "Congratulations on the new role as CTO!");
}

TEST_F(DraftNetwork, ASnoozedContactHasNoOccasion) {
  Contact& jose = b.contact("jose");
  jose.birthday = *parse_birthday("--11-20");
  jose.snoozed_until = day("2026-12-01");
  EXPECT_FALSE(b.pitch("jose").occasion.has_value());
}

TEST_F(DraftNetwork, TheOccasionPlaceholderFillsATemplate) {
  b.contact("jose").birthday = *parse_birthday("--11-20");
  PitchOptions options;
  options.draft_template = *parse_template("Hi {{first_name}},\n{{occasion}}\n-- {{my_name}}", "t");
  EXPECT_EQ(b.pitch("jose", options).draft, "Hi José,\nHappy birthday!\n-- Noor Haddad");
  b.contact("jose").birthday.reset();
  EXPECT_EQ(b.pitch("jose", options).draft, "Hi José,\n-- Noor Haddad");
}

// ---------------------------------------------------------------------------
// Templates

DraftFields sample_fields() {
  DraftFields f;
  f.name = "José Núñez";
  f.first_name = "José";
  f.my_name = "Noor Haddad";
  f.offer = "hiring and Rust";
  f.intro = "Amélie Dubois (on-call)";
  f.common = "rust-meetup and Berlin";
  f.ask = "Coffee?";
  f.occasion = "Happy birthday!";
  return f;
}

std::string fill(std::string_view text, const DraftFields& fields = sample_fields()) {
  auto t = parse_template(text, "t.txt");
  EXPECT_TRUE(t.ok()) << (t.ok() ? "" : t.error().message);
  return t.ok() ? fill_template(*t, fields) : std::string();
}

struct FillCase {
  const char* label;
  const char* tmpl;
  const char* expected;
};

class TemplateFillTest : public testing::TestWithParam<FillCase> {};

TEST_P(TemplateFillTest, Fills) { EXPECT_EQ(fill(GetParam().tmpl), GetParam().expected); }

INSTANTIATE_TEST_SUITE_P(
    Table, TemplateFillTest,
    testing::Values(
        FillCase{"name", "{{name}}", "José Núñez"},
        FillCase{"first_name", "Hi {{first_name}},", "Hi José,"},
        FillCase{"my_name", "-- {{my_name}}", "-- Noor Haddad"},
        FillCase{"offer", "I can help with {{offer}}.", "I can help with hiring and Rust."},
        FillCase{"intro", "Meet {{intro}}?", "Meet Amélie Dubois (on-call)?"},
        FillCase{"common", "We share {{common}}.", "We share rust-meetup and Berlin."},
        FillCase{"ask", "{{ask}}", "Coffee?"},
        FillCase{"occasion", "Hi!\n{{occasion}}", "Hi!\nHappy birthday!"},
        FillCase{"spaces_inside_braces", "{{ first_name }}!", "José!"},
        FillCase{"several_on_a_line", "{{first_name}}/{{my_name}}", "José/Noor Haddad"},
        FillCase{"single_braces_pass_through", "{name} {x}", "{name} {x}"},
        FillCase{"lone_double_braces_pass_through", "}} then {{ then {{", "}} then {{ then {{"},
        FillCase{"empty_braces_pass_through", "{{}} {{ }}", "{{}} {{ }}"},
        FillCase{"two_words_pass_through", "{{first name}}", "{{first name}}"},
        FillCase{"json_passes_through", "{\"a\": {\"b\": 1}}", "{\"a\": {\"b\": 1}}"},
        FillCase{"triple_braces_keep_the_outer_ones", "{{{name}}}", "{José Núñez}"},
        FillCase{"unclosed_placeholder_passes_through", "{{name", "{{name"},
        FillCase{"trailing_newlines_dropped", "Hi\n\n\n", "Hi"},
        FillCase{"inner_blank_lines_kept", "a\n\n\nb", "a\n\n\nb"}),
    LabelName{});

TEST(TemplateTest, EveryDocumentedPlaceholderIsKnown) {
  std::string all;
  for (auto name : template_placeholders()) all += "{{" + std::string(name) + "}}\n";
  EXPECT_TRUE(parse_template(all, "t").ok());
  EXPECT_EQ(template_placeholders().size(), 8u);
}

struct UnknownCase {
  const char* label;
  const char* tmpl;
  const char* message;
};

class TemplateUnknownTest : public testing::TestWithParam<UnknownCase> {};

TEST_P(TemplateUnknownTest, IsAUsageErrorNamingThePlaceholderFileAndLine) {
  auto t = parse_template(GetParam().tmpl, "drafts/coffee.txt");
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.error().kind, ErrorKind::usage);
  EXPECT_EQ(t.error().message, GetParam().message);
  EXPECT_NE(t.error().hint.find("{{first_name}}"), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(
    Table, TemplateUnknownTest,
    testing::Values(UnknownCase{"misspelt", "Hi {{nmae}}",
                                "template drafts/coffee.txt:1: unknown placeholder {{nmae}}"},
                    UnknownCase{"wrong_case", "Hi {{Name}}",
                                "template drafts/coffee.txt:1: unknown placeholder {{Name}}"},
                    UnknownCase{"dash_for_underscore", "ok {{name}}\n\nHi {{first-name}}",
                                "template drafts/coffee.txt:3: unknown placeholder {{first-name}}"},
                    UnknownCase{"with_spaces", "{{ birthday }}",
                                "template drafts/coffee.txt:1: unknown placeholder {{birthday}}"}),
    LabelName{});

TEST(TemplateTest, InvalidUtf8IsAUsageError) {
  auto t = parse_template("Hi \xC3\x28", "t.txt");
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.error().kind, ErrorKind::usage);
  EXPECT_NE(t.error().message.find("not valid UTF-8"), std::string::npos);
}

TEST(TemplateTest, ALineWhosePlaceholdersAreAllEmptyIsLeftOut) {
  DraftFields f = sample_fields();
  f.ask.clear();
  f.intro.clear();
  EXPECT_EQ(fill("Hi {{first_name}},\n\n{{ask}}\n\nBest,\n{{my_name}}\n", f),
            "Hi José,\n\nBest,\nNoor Haddad");
  EXPECT_EQ(fill("{{ask}}\n\nHi\n", f), "Hi");
  EXPECT_EQ(fill("Hi\n{{ask}}\nBye", f), "Hi\nBye");
  EXPECT_EQ(fill("Hi\n\n{{ask}}", f), "Hi");
  // The literal text around them goes too: the line only made sense with them.
  EXPECT_EQ(fill("Hi\nI could introduce you to {{intro}}.\nBye", f), "Hi\nBye");
  // A line without placeholders always stays, even when blank.
  EXPECT_EQ(fill("Hi\n\n\nBye", f), "Hi\n\n\nBye");
  // One non-empty placeholder keeps the line.
  EXPECT_EQ(fill("{{intro}}{{first_name}}", f), "José");
}

TEST(TemplateTest, AnyBytesGiveATemplateOrAUsageError) {
  // Deterministic pseudo-random input, biased towards braces and newlines.
  std::mt19937 random(20261120);
  const std::string alphabet = "{{}} \n_-aeimnorst\xC3\xA9\xFF";
  for (int round = 0; round < 2000; ++round) {
    std::string input;
    const auto length = random() % 40;
    for (unsigned i = 0; i < length; ++i) input += alphabet[random() % alphabet.size()];
    if (round % 3 == 0) input += "{{name}}";
    auto t = parse_template(input, "fuzz");
    if (t.ok()) {
      (void)fill_template(*t, sample_fields());
      (void)fill_template(*t, DraftFields{});
    } else {
      EXPECT_EQ(t.error().kind, ErrorKind::usage);
    }
  }
}

TEST(TemplateTest, PitchUsesTheTemplateForItsDraft) {
  NetworkBuilder b;
  b.me({"Rust"}, {}, "Noor Haddad");
  b.add(person("jose", "José Núñez", {}, {"rust"}));
  PitchOptions options;
  options.ask = "Lunch?";
  options.draft_template =
      parse_template("Hi {{first_name}}: {{offer}}. {{ask}} {{my_name}}", "t").value();
  EXPECT_EQ(b.pitch("jose", options).draft, "Hi José: Rust. Lunch? Noor Haddad");
}

TEST(PitchTest, FirstNameIsTheFirstWordOrTheWholeName) {
  NetworkBuilder b;
  b.me({}, {});
  b.add(person("jing", "陈静"));
  b.add(person("ada", "  Ada Lovelace"));
  EXPECT_EQ(b.pitch("jing").first_name, "陈静");
  EXPECT_EQ(b.pitch("ada").first_name, "Ada");
}

}  // namespace
}  // namespace kith
