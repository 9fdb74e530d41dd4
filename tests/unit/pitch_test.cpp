#include "core/pitch.h"

#include <ostream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "support/labels.h"
#include "support/testutil.h"
#include "unit/pitch_network.h"

namespace kith::test::pitch_test {
namespace {

using ::kith::test::operator<<;

Strings intro_ids(const Pitch& p) {
  Strings ids;
  for (const auto& i : p.introductions) ids.push_back(i.id);
  return ids;
}

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

TEST_F(IntroNetwork, MoreMatchingTopicsRankFirstAmongTheNotWarm) {
  b.add(person("one", "One", {"hiring"}));
  b.add(person("two", "Two", {"observability", "hiring"}));
  b.log("2026-01-01", {"one"}, Intent::give);  // lapsed: more than 3 months ago
  const Pitch p = b.pitch("target");
  EXPECT_EQ(intro_ids(p), (Strings{"two", "one"}));
  EXPECT_EQ(p.introductions[0].topics, (Strings{"hiring", "observability"}));
  EXPECT_EQ(p.introductions[1].warmth, Warmth::lapsed);
}

TEST_F(IntroNetwork, AWarmRelationshipRanksFirst) {
  b.add(person("one", "One", {"hiring"}));
  b.add(person("two", "Two", {"observability", "hiring"}));
  b.log("2026-11-01", {"one"}, Intent::give);  // within the setting's 3 months
  const Pitch p = b.pitch("target");
  EXPECT_EQ(intro_ids(p), (Strings{"one", "two"}));
  EXPECT_EQ(p.introductions[0].warmth, Warmth::warm);
  EXPECT_EQ(p.introductions[0].every, "3m");
  EXPECT_EQ(p.introductions[1].warmth, Warmth::never);
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
// The JSON report

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
  EXPECT_EQ(keys, (Strings{"contact", "you_can_offer", "offers", "introductions",
                           "they_can_offer_you", "common_ground", "balance", "owed", "timing",
                           "first_contact", "occasion", "advice", "tone", "draft"}));
  EXPECT_TRUE(j["occasion"].is_null());
  EXPECT_EQ(j["contact"], Json({{"id", "jose"}, {"name", "José Núñez"}}));
  EXPECT_EQ(j["introductions"][0]["topics"], Json({"hiring", "Rust"}));
  EXPECT_EQ(j["balance"]["last"],
            Json({{"date", "2026-06-01"}, {"intent", "catch-up"}, {"kind", "coffee"}}));
  EXPECT_EQ(j["balance"]["give"], 0);
  EXPECT_EQ(j["balance"]["warmth"], "lapsed");  // June, and the setting's 3m
  EXPECT_TRUE(j["owed"].empty());
  EXPECT_TRUE(j["first_contact"].is_null());
  EXPECT_EQ(j["tone"], "warm");
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
                                 {"opening", "Congratulations on the new role at Globex!"},
                                 {"company", "Globex"},
                                 {"role", "CTO"}}));
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
// ---------------------------------------------------------------------------
// The draft: built in, or from a template

TEST_F(DraftNetwork, TheOccasionPlaceholderFillsATemplate) {
  b.contact("jose").birthday = *parse_birthday("--11-20");
  PitchOptions options;
  options.draft_template = *parse_template("Hi {{first_name}},\n{{occasion}}\n-- {{my_name}}", "t");
  EXPECT_EQ(b.pitch("jose", options).draft, "Hi José,\nHappy birthday!\n-- Noor Haddad");
  b.contact("jose").birthday.reset();
  EXPECT_EQ(b.pitch("jose", options).draft, "Hi José,\n-- Noor Haddad");
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

// ---------------------------------------------------------------------------
// Offers that fit: exact before close, and what they know is traded

TEST(PitchOfferTest, ACloseMatchHoldsTheOtherTermsWordsAndRanksAfterExactOnes) {
  NetworkBuilder b;
  b.me({"design", "Rust", "Go", "hiring"}, {});
  b.add(person("them", "Them", {}, {"product design", "go to market", "rust", "hiring"}));
  const Pitch p = b.pitch("them");
  // Exact (rust, hiring) in the order of their interests, then close
  // (design in "product design"); "Go" is too short to be held by another term.
  EXPECT_EQ(p.you_can_offer, (Strings{"Rust", "hiring", "design"}));
  ASSERT_EQ(p.offers.size(), 3u);
  EXPECT_EQ(p.offers[2].interest, "product design");
  EXPECT_EQ(p.offers[2].match, Offer::Match::close);
  EXPECT_FALSE(p.offers[2].theirs);
}

TEST(PitchOfferTest, ASkillIsTheirsWhenTheyListItOrTheirRoleNamesIt) {
  NetworkBuilder b;
  b.me({"Rust", "hiring", "SQL"}, {});
  Contact& c =
      b.add(person("them", "Them", {"PostgreSQL", "embedded rust"}, {"rust", "hiring", "sql"}));
  c.role = "Head of Hiring";
  const Pitch p = b.pitch("them");
  ASSERT_EQ(p.offers.size(), 3u);
  EXPECT_TRUE(p.offers[0].theirs);   // Rust: "embedded rust" holds it
  EXPECT_TRUE(p.offers[1].theirs);   // hiring: their role holds it
  EXPECT_FALSE(p.offers[2].theirs);  // SQL: "PostgreSQL" is another word
}

// ---------------------------------------------------------------------------
// What you owe, and where the relationship stands in time

TEST(PitchOwedTest, OpenFollowUpsUpToTodayMostOverdueFirst) {
  NetworkBuilder b;
  b.me({}, {});
  b.add(person("them", "Them"));
  b.add(person("other", "Other"));
  b.promise("2026-11-01", {"them"}, "later", "2026-12-01");
  b.promise("2026-10-01", {"them"}, "no date", nullptr);
  b.promise("2026-11-10", {"them"}, "late", "2026-11-12");
  b.promise("2026-11-10", {"other"}, "someone else's", "2026-11-11");
  b.promise("2026-11-25", {"them"}, "logged ahead", "2026-11-26");
  FollowUp done;
  done.text = "done already";
  done.done_on = day("2026-11-02");
  b.log("2026-11-01", {"them"}, Intent::give, "email", done);
  const Pitch p = b.pitch("them");
  Strings texts;
  for (const auto& o : p.owed) texts.push_back(o.text);
  EXPECT_EQ(texts, (Strings{"no date", "late", "later"}));
  EXPECT_EQ(p.owed[0].days_late, 50);  // due from the interaction's date
  EXPECT_EQ(p.owed[2].days_late, -11);
}

TEST(PitchTimingTest, RecentIsAQuarterOfTheCadenceAtMostFourteenDays) {
  struct Case {
    const char* every;  // nullptr: the setting (3m)
    const char* last;
    int window;
    bool recent;
  };
  for (const Case& c :
       {Case{nullptr, "2026-11-06", 14, true}, Case{nullptr, "2026-11-05", 14, false},
        Case{"2w", "2026-11-17", 3, true}, Case{"2w", "2026-11-16", 3, false},
        Case{"off", "2026-11-06", 14, true}, Case{"1y", "2026-11-05", 14, false}}) {
    SCOPED_TRACE(std::string(c.every ? c.every : "setting") + " " + c.last);
    NetworkBuilder b;
    b.me({}, {});
    Contact& them = b.add(person("them", "Them"));
    if (c.every) them.every = *parse_duration(c.every, AllowOff::yes);
    b.log(c.last, {"them"}, Intent::catch_up);
    const Pitch p = b.pitch("them");
    EXPECT_EQ(p.timing.recent_days, c.window);
    EXPECT_EQ(p.timing.recent, c.recent);
    EXPECT_EQ(p.timing.proposes_meeting, !c.recent);
  }
}

TEST(PitchTimingTest, AnInteractionLoggedForALaterDateDoesNotCountYet) {
  NetworkBuilder b;
  b.me({}, {});
  b.add(person("them", "Them"));
  b.log("2026-12-01", {"them"}, Intent::catch_up);
  const Pitch p = b.pitch("them");
  EXPECT_TRUE(p.timing.first_contact);
  EXPECT_FALSE(p.balance.last.has_value());
}

TEST(PitchTimingTest, YourWarmthWithThemFollowsTheirCadence) {
  NetworkBuilder b;
  b.me({}, {});
  b.add(person("them", "Them")).every = *parse_duration("1m", AllowOff::no);
  EXPECT_EQ(b.pitch("them").balance.warmth, Warmth::never);
  b.log("2026-11-10", {"them"}, Intent::ask);
  EXPECT_EQ(b.pitch("them").balance.warmth, Warmth::never);  // an ask does not count
  b.log("2026-10-20", {"them"}, Intent::catch_up);
  EXPECT_EQ(b.pitch("them").balance.warmth, Warmth::lapsed);  // due on 2026-11-20
  b.log("2026-10-21", {"them"}, Intent::give);
  EXPECT_EQ(b.pitch("them").balance.warmth, Warmth::warm);
}

// ---------------------------------------------------------------------------
// People met together, through aliases too

TEST_F(IntroNetwork, SomeoneWhoSharesAnInteractionIsMetTogetherNotIntroduced) {
  Contact& ada = b.add(person("ada", "Ada", {"hiring"}));
  ada.aliases = {"ada-old"};
  b.add(person("bob", "Bob", {"hiring"}));
  // Logged before a merge: Ada under the id she had then.
  b.log("2026-05-01", {"target", "ada-old"}, Intent::catch_up, "event");
  const Pitch p = b.pitch("target");
  EXPECT_EQ(intro_ids(p), Strings{"bob"});
  Strings described;
  for (const auto& g : p.common_ground) described.push_back(describe(g));
  EXPECT_EQ(described, (Strings{"shared skill: rust", "met together: Ada"}));
}

TEST(PitchTest, TheContactsOwnAliasesNameTheirInteractions) {
  NetworkBuilder b;
  b.me({}, {});
  b.add(person("them", "Them")).aliases = {"them-2"};
  b.promise("2026-11-01", {"them-2"}, "send the deck", "2026-11-10");
  const Pitch p = b.pitch("them");
  ASSERT_EQ(p.owed.size(), 1u);
  EXPECT_EQ(p.owed[0].text, "send the deck");
  EXPECT_FALSE(p.timing.first_contact);
}

TEST(PitchTest, ToneNamesRoundTrip) {
  for (DraftTone t : {DraftTone::warm, DraftTone::brief, DraftTone::formal}) {
    EXPECT_EQ(parse_draft_tone(to_string(t)), t);
  }
  EXPECT_FALSE(parse_draft_tone("Warm").has_value());
  EXPECT_FALSE(parse_draft_tone("casual").has_value());
}

}  // namespace
}  // namespace kith::test::pitch_test
