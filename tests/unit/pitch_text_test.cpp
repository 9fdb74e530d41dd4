#include "core/pitch_text.h"

#include <algorithm>
#include <ostream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "support/labels.h"
#include "support/testutil.h"
#include "unit/pitch_network.h"

namespace kith::test::pitch_text_test {
namespace {

using ::kith::test::operator<<;

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

TEST_F(DraftNetwork, OffersTheValueInvitesAndSignsWithYourFirstName) {
  const std::string d = b.pitch("jose").draft;
  EXPECT_EQ(d,
            "Hi José,\n\n"
            "I know you're interested in hiring and Rust, and I'd be happy to share\n"
            "what I've learned there if it's useful. I could also introduce you to\n"
            "Amélie Dubois, who knows a lot about hiring and Rust.\n\n"
            "Would you be up for a coffee, or a video call, in the next few weeks? No\n"
            "agenda; it would just be good to talk.\n\n"
            "Best,\nNoor");
}

TEST_F(DraftNetwork, TheAskComesAfterTheValueOffered) {
  PitchOptions options;
  options.ask = "Would you introduce me to your CTO?";
  const std::string d = unwrapped(b.pitch("jose", options).draft);
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
  EXPECT_NE(unwrapped(b.pitch("jose").draft)
                .find("I thought you might like to meet Amélie Dubois, who knows a lot about "
                      "hiring and Rust; I'd be happy to introduce you."),
            std::string::npos);
}

// ---------------------------------------------------------------------------
// Speaking to them: a note about the contact turned to "you"

struct SecondPersonCase {
  const char* label;
  const char* text;
  const char* turned;
  const char* infinitive;  // "" when the text is no action
  const char* gerund;
  bool deliverable;
};

class SecondPersonTest : public testing::TestWithParam<SecondPersonCase> {};

TEST_P(SecondPersonTest, TurnsTheNoteToSpeakToThem) {
  const SecondPersonCase& c = GetParam();
  const SecondPerson s = to_second_person(c.text, "Zoë", "Zoë Achterberg");
  EXPECT_EQ(s.text, c.turned);
  EXPECT_EQ(s.is_action, std::string(c.infinitive) != "");
  EXPECT_EQ(s.infinitive, c.infinitive);
  EXPECT_EQ(s.gerund, c.gerund);
  EXPECT_EQ(s.deliverable, c.deliverable);
}

INSTANTIATE_TEST_SUITE_P(
    Table, SecondPersonTest,
    testing::Values(
        SecondPersonCase{"her_before_my_is_you", "send her my CV", "send you my CV",
                         "send you my CV", "sending you my CV", true},
        SecondPersonCase{"first_name_and_he", "Send Zoë my CV and a blurb he can forward",
                         "Send you my CV and a blurb you can forward",
                         "send you my CV and a blurb you can forward",
                         "sending you my CV and a blurb you can forward", true},
        SecondPersonCase{"full_name", "Email Zoë Achterberg the slides.", "Email you the slides.",
                         "email you the slides", "emailing you the slides", true},
        SecondPersonCase{"no_one_named_means_you", "Send my CV", "Send my CV", "send you my CV",
                         "sending you my CV", true},
        SecondPersonCase{"possessive_name_is_your", "Review Zoë's deck", "Review your deck",
                         "review your deck", "reviewing your deck", false},
        SecondPersonCase{"her_before_a_noun_is_your", "Read her draft", "Read your draft",
                         "read your draft", "reading your draft", false},
        SecondPersonCase{"intro_is_introduce", "Intro Zoë to Amélie", "Intro you to Amélie",
                         "introduce you to Amélie", "introducing you to Amélie", false},
        SecondPersonCase{"verb_agrees_after_she", "Check whether she needs a referral",
                         "Check whether you need a referral", "check whether you need a referral",
                         "checking whether you need a referral", false},
        SecondPersonCase{"is_becomes_are", "Ask if he is still hiring",
                         "Ask if you are still hiring", "ask if you are still hiring",
                         "asking if you are still hiring", false},
        SecondPersonCase{"they_and_their", "Share my notes on their roadmap",
                         "Share my notes on your roadmap", "share my notes on your roadmap",
                         "sharing my notes on your roadmap", true},
        SecondPersonCase{"capital_kept", "She recruited me", "You recruited me", "", "", false},
        SecondPersonCase{"not_an_action", "CV for Zoë", "CV for you", "", "", false},
        SecondPersonCase{"other_names_untouched", "Sat next to him at the meetup",
                         "Sat next to you at the meetup", "", "", false}),
    LabelName{});

// ---------------------------------------------------------------------------
// Wrapping at 72 columns

TEST(WrapDraftTest, BreaksLongLinesAtTheLastSpaceThatFits) {
  const std::string line =
      "I know you're interested in hiring and Rust, and I'd be happy to share what I've "
      "learned there if it's useful.";
  EXPECT_EQ(wrap_draft(line, 72),
            "I know you're interested in hiring and Rust, and I'd be happy to share\n"
            "what I've learned there if it's useful.");
  EXPECT_EQ(wrap_draft("Hi José,\n\nShort.\n\nBest,\nNoor", 72),
            "Hi José,\n\nShort.\n\nBest,\nNoor");
}

TEST(WrapDraftTest, CountsColumnsNotBytesAndKeepsALongWordWhole) {
  // Ten two-column characters, a space and an x: 22 columns, 32 bytes.
  EXPECT_EQ(wrap_draft("陈静陈静陈静陈静陈静 x", 22), "陈静陈静陈静陈静陈静 x");
  EXPECT_EQ(wrap_draft("陈静陈静陈静陈静陈静 x", 21), "陈静陈静陈静陈静陈静\nx");
  const std::string url = "https://example.org/" + std::string(80, 'a');
  EXPECT_EQ(wrap_draft("see " + url + " now", 72), "see\n" + url + "\nnow");
}

TEST(WrapDraftTest, NeverBreaksInTheIndentOfALine) {
  EXPECT_EQ(wrap_draft("    aaaa bbbb cccc", 12), "    aaaa\nbbbb cccc");
}

// ---------------------------------------------------------------------------
// Who you are, in a first message

TEST(AboutMeTest, SaysWhoYouAreFromWhatTheProfileHas) {
  Pitch p;
  p.my_name = "Noor Haddad";
  p.my_role = "Staff Engineer";
  p.my_company = "Gridwise";
  EXPECT_EQ(about_me_sentence(p), "I'm Noor Haddad, Staff Engineer at Gridwise.");
  p.tone = DraftTone::formal;
  EXPECT_EQ(about_me_sentence(p),
            "My name is Noor Haddad, and I work as Staff Engineer at Gridwise.");
  p.tone = DraftTone::warm;
  p.my_role.clear();
  EXPECT_EQ(about_me_sentence(p), "I'm Noor Haddad, and I work at Gridwise.");
  p.my_company.clear();
  EXPECT_EQ(about_me_sentence(p), "I'm Noor Haddad.");
  p.my_name.clear();
  EXPECT_EQ(about_me_sentence(p), "");
}

TEST_F(DraftNetwork, AColleagueIsNotToldYourCompanyTwice) {
  b.network.profile.company = "Paywell";
  b.network.profile.role = "Staff Engineer";
  b.add(person("lena", "Lena Fischer", {}, {"hiring"})).company = "Paywell";
  const std::string d = unwrapped(b.pitch("lena").draft);
  EXPECT_TRUE(has(d, "We both work at Paywell. I'm Noor Haddad, Staff Engineer.")) << d;
}

TEST(PitchAdviceTest, OwedFollowUpsComeFirstInTheAdvice) {
  NetworkBuilder b;
  b.me({"Rust"}, {});
  b.add(person("jose", "José", {}, {"rust"}));
  b.log("2026-11-05", {"jose"}, Intent::ask);
  b.promise("2026-11-10", {"jose"}, "Send José the slides", nullptr);
  b.promise("2026-11-01", {"jose"}, "Intro José to Ada", "2026-11-30");
  const Pitch p = b.pitch("jose");
  EXPECT_EQ(p.advice[0],
            "First, do what you promised José, the most overdue first: “Send José the slides” "
            "(promised on 2026-11-10: 10 days late); and “Intro José to Ada” (promised on "
            "2026-11-01, due 2026-11-30: in 10 days). The draft opens with them; close each with "
            "`kith done ID` (`kith show jose` lists their ids).");
  EXPECT_TRUE(starts_with(p.advice[1], "Lead with a give")) << p.advice[1];
  EXPECT_TRUE(starts_with(unwrapped(p.draft),
                          "Hi José,\n\nI still owe you what I promised: to send you the slides, "
                          "and to introduce you to Ada. Sorry it has taken me so long."))
      << p.draft;
}

TEST(PitchAdviceTest, SharedInterestsAreWhereToStartWhenNothingMatches) {
  NetworkBuilder b;
  b.me({"Rust"}, {"open source funding"});
  b.add(person("fatima", "Fatima", {}, {"open source funding"}));
  EXPECT_TRUE(any_contains(b.pitch("fatima").advice,
                           "Nothing you or your network know matches what Fatima looks for, but "
                           "you both care about open source funding: start there"));
}

TEST(PitchAdviceTest, AFirstContactAsksForYourRoleAndCompany) {
  NetworkBuilder b;
  b.me({"Rust"}, {});
  b.add(person("fatima", "Fatima", {}, {"rust"}));
  EXPECT_TRUE(any_contains(b.pitch("fatima").advice,
                           "`kith me --role \"what you do\" --company \"where\"`"));
  b.network.profile.role = "Staff Engineer";
  b.network.profile.company = "Gridwise";
  EXPECT_FALSE(any_contains(b.pitch("fatima").advice, "kith me --role"));
  b.log("2026-06-01", {"fatima"}, Intent::catch_up);
  b.network.profile.role.reset();
  EXPECT_FALSE(any_contains(b.pitch("fatima").advice, "kith me --role"));
}

}  // namespace
}  // namespace kith::test::pitch_text_test
