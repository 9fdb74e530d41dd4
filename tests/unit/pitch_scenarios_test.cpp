// The pitch as a whole, one scenario per thing it reads from the relationship:
// what you owe, the timing of the last interaction, a first contact, common
// ground, offers that fit, introductions, and the tone. Each scenario names
// the sentences its draft must and must not contain and the JSON fields it
// must carry; every scenario is also checked for determinism and for a draft
// wrapped at 72 columns. Then templates in a second language.
#include <functional>
#include <ostream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "core/pitch.h"
#include "core/pitch_text.h"
#include "core/text.h"
#include "support/labels.h"
#include "unit/pitch_network.h"

namespace kith::test::pitch_scenarios_test {
namespace {

using ::kith::test::operator<<;

// You: Noor Haddad, Staff Engineer at Gridwise in Berlin, who knows Rust,
// hiring and technical writing and cares about open source funding and
// developer tools; a member of rust-meetup.
void noor(NetworkBuilder& b) {
  b.me({"Rust", "hiring", "technical writing"}, {"open source funding", "developer tools"});
  Profile& me = b.network.profile;
  me.role = "Staff Engineer";
  me.company = "Gridwise";
  me.location = "Berlin";
  me.tags = {"rust-meetup"};
}

struct JsonField {
  const char* pointer;  // a JSON pointer into to_json(pitch)
  Json value;
};

struct Scenario {
  const char* label;
  std::function<void(NetworkBuilder&)> build;  // after noor(); adds "them"
  DraftTone tone = DraftTone::warm;
  // Sentences of the draft, looked for with its lines joined (unwrapped).
  std::vector<std::string> must;
  std::vector<std::string> must_not;
  std::vector<JsonField> fields;
};

Pitch pitch_of(const Scenario& s) {
  NetworkBuilder b;
  noor(b);
  s.build(b);
  PitchOptions options;
  options.tone = s.tone;
  return b.pitch("them", options);
}

class PitchScenarioTest : public testing::TestWithParam<Scenario> {};

TEST_P(PitchScenarioTest, DraftSaysWhatItMustAndJsonCarriesItsFields) {
  const Scenario& s = GetParam();
  const Pitch p = pitch_of(s);
  const std::string draft = unwrapped(p.draft);
  for (const auto& sentence : s.must)
    EXPECT_TRUE(has(draft, sentence)) << sentence << "\n" << draft;
  for (const auto& sentence : s.must_not) {
    EXPECT_FALSE(has(draft, sentence)) << sentence << "\n" << draft;
  }
  const Json j = to_json(p);
  for (const auto& f : s.fields) {
    const Json::json_pointer at(f.pointer);
    ASSERT_TRUE(j.contains(at)) << f.pointer << "\n" << j.dump(2);
    EXPECT_EQ(j.at(at), f.value) << f.pointer;
  }
}

TEST_P(PitchScenarioTest, SameNetworkSameBytes) {
  const std::string first = to_json(pitch_of(GetParam())).dump();
  for (int i = 0; i < 3; ++i) EXPECT_EQ(to_json(pitch_of(GetParam())).dump(), first);
}

TEST_P(PitchScenarioTest, DraftLinesFitIn72Columns) {
  const Pitch p = pitch_of(GetParam());
  for (const auto& line : text::split_lines(p.draft)) {
    EXPECT_LE(text::display_width(line), kDraftColumns) << line;
  }
}

// Zoë: a CV promised on a coffee in September, due 2026-10-03 (48 days
// before Friday 2026-11-20), and her birthday on Tuesday.
void zoe(NetworkBuilder& b) {
  Contact& c = b.add(person("them", "Zoë Achterberg", {}, {"hiring", "data pipelines"}));
  c.birthday = *parse_birthday("--11-24");
  c.how_met = "Spoke after my lightning talk on meter data";
  b.promise("2026-09-20", {"them"}, "send her my CV", "2026-10-03");
}

// Sara: a coffee on Tuesday, then yesterday your introduction to Jonas, on a
// monthly cadence (recent: within 7 days).
void sara(NetworkBuilder& b) {
  Contact& c =
      b.add(person("them", "Sara Lindqvist", {}, {"developer tools", "technical writing"}));
  c.every = *parse_duration("1m", AllowOff::no);
  b.add(person("jonas", "Jonas Berg", {"developer tools"}));
  b.log("2026-11-17", {"them"}, Intent::catch_up, "coffee");
  b.log("2026-11-19", {"them", "jonas"}, Intent::give, "intro");
}

// Fatima: met at the Rust meetup, never written to since; you both care
// about open source funding.
void fatima(NetworkBuilder& b) {
  Contact& c = b.add(person("them", "Fatima Khan", {"compilers"}, {"open source funding"}));
  c.how_met = "Rust meetup in Berlin";
}

const Scenario kScenarios[] = {
    {"owed_follow_up_leads",
     zoe,
     DraftTone::warm,
     {"Hi Zoë,\n\nI promised to send you my CV, and it has taken me far too long: here it "
      "is.\n\nHappy birthday for Tuesday!",
      "I know you're interested in hiring"},
     {"send her", "Would you have 15 minutes"},
     {{"/owed/0/text", "send her my CV"},
      {"/owed/0/by", "2026-10-03"},
      {"/owed/0/days_late", 48},
      {"/advice/0",
       "First, do what you promised Zoë: “send her my CV” (promised on 2026-09-20, due "
       "2026-10-03: 7 weeks late). The draft opens with it; once it is done, `kith done them`."},
      {"/occasion/kind", "birthday"}}},
    {"several_owed_most_overdue_first",
     [](NetworkBuilder& b) {
       b.add(person("them", "Zoë Achterberg", {}, {"hiring"}));
       b.add(person("amelie", "Amélie Dubois"));
       b.promise("2026-11-10", {"them"}, "Intro Zoë to Amélie", "2026-11-18");
       b.promise("2026-09-20", {"them"}, "Send her the deck.", "2026-10-03");
     },
     DraftTone::warm,
     {"Hi Zoë,\n\nI still owe you what I promised: to send you the deck, and to introduce you to "
      "Amélie. Sorry it has taken me so long."},
     {"Zoë to", "her the deck"},
     {{"/owed/0/text", "Send her the deck."},
      {"/owed/1/text", "Intro Zoë to Amélie"},
      {"/owed/1/days_late", 2}}},
    {"recent_interaction_is_followed_up_not_met_again",
     sara,
     DraftTone::warm,
     {"Hi Sara,\n\nFollowing up on the introduction yesterday: I hope it was useful.",
      "Just let me know if any of that would help."},
     {"Would you be up for", "in the next few weeks", "Would you have 15 minutes"},
     {{"/timing",
       {{"first_contact", false},
        {"days_since_last", 1},
        {"recent_days", 7},
        {"recent", true},
        {"thanks", false},
        {"proposes_meeting", false}}},
      {"/common_ground", {"shared interest: developer tools", "met together: Jonas Berg"}}}},
    {"older_than_a_quarter_of_the_cadence_proposes_to_meet",
     [](NetworkBuilder& b) {
       b.add(person("them", "Sara Lindqvist", {}, {"technical writing"})).every =
           *parse_duration("1m", AllowOff::no);
       b.log("2026-11-12", {"them"}, Intent::catch_up, "coffee");  // 8 days ago
     },
     DraftTone::warm,
     {"Would you be up for a coffee"},
     {"Thanks again for"},
     {{"/timing/recent", false}, {"/timing/recent_days", 7}, {"/timing/days_since_last", 8}}},
    {"after_an_ask_thanks_and_offers_back",
     [](NetworkBuilder& b) {
       b.add(person("them", "Omar Haddad", {"hiring"}, {"Rust"})).every =
           *parse_duration("2m", AllowOff::no);
       b.log("2026-11-10", {"them"}, Intent::ask, "call");
     },
     DraftTone::warm,
     {"Thank you again for your help on 10 November; I really appreciate it, and I'd like to "
      "return the favour.",
      "I know you're interested in Rust"},
     {"Would you be up for"},
     {{"/timing/thanks", true}, {"/timing/recent", true}, {"/timing/recent_days", 14}}},
    {"first_contact_says_who_you_are",
     fatima,
     DraftTone::warm,
     {"Hi Fatima,\n\nWe've met before (Rust meetup in Berlin). I'm Noor Haddad, Staff Engineer at "
      "Gridwise. I'm reaching out because we both care about open source funding.",
      "Would you have 15 minutes for a call in the next few weeks? No pressure at all if you're "
      "busy."},
     {"coffee", "No agenda"},
     {{"/timing/first_contact", true},
      {"/first_contact",
       {{"connection", "how you met: Rust meetup in Berlin"},
        {"about_me", "I'm Noor Haddad, Staff Engineer at Gridwise."},
        {"reason", "shared interest: open source funding"}}}}},
    {"first_contact_through_a_past_company",
     [](NetworkBuilder& b) {
       Contact& c = b.add(person("them", "Lena Fischer", {}, {"technical writing"}));
       c.company = "Acme";
       c.job_changes.push_back(
           {day("2026-03-01"), {"Gridwise GmbH", "Engineer"}, {"Acme", "CTO"}, Json::object()});
     },
     DraftTone::warm,
     {"You used to work at Gridwise GmbH, where I work now. I'm Noor Haddad, Staff Engineer at "
      "Gridwise.",
      "If it's useful, I'd be happy to share what I've learned about technical writing."},
     {},
     {{"/common_ground", {"past company: Gridwise GmbH (theirs before, yours now)"}}}},
    {"common_ground_has_shared_interests_skills_and_people_met_together",
     [](NetworkBuilder& b) {
       Contact& c = b.add(person("them", "Ines Moreau", {"Rust", "knitting"},
                                 {"open source funding", "gardening"}));
       c.tags = {"rust-meetup"};
       c.location = "berlin";
       b.add(person("amelie", "Amélie Dubois"));
       b.log("2026-09-01", {"them", "amelie"}, Intent::catch_up, "event");
     },
     DraftTone::warm,
     {"a coffee in berlin"},
     {},
     {{"/common_ground",
       {"shared tag: rust-meetup", "shared interest: open source funding", "shared skill: Rust",
        "same location: berlin", "met together: Amélie Dubois"}}}},
    {"their_own_skill_is_traded_not_offered_as_help",
     [](NetworkBuilder& b) {
       Contact& c =
           b.add(person("them", "Fatima Khan", {"embedded Rust"}, {"hiring engineers", "Rust"}));
       c.role = "Principal Embedded-Rust Engineer";
       b.log("2026-06-01", {"them"}, Intent::catch_up);
     },
     DraftTone::warm,
     {"I know you're interested in hiring, and I'd be happy to share what I've learned there if "
      "it's useful. Since we both work with Rust, I'd also love to trade notes."},
     {"help with Rust", "interested in hiring and Rust"},
     {{"/you_can_offer", {"Rust", "hiring"}},
      {"/offers",
       {{{"skill", "Rust"}, {"interest", "Rust"}, {"match", "exact"}, {"as", "trading notes"}},
        {{"skill", "hiring"},
         {"interest", "hiring engineers"},
         {"match", "close"},
         {"as", "help"}}}}}},
    {"introductions_skip_who_met_and_put_warm_first",
     [](NetworkBuilder& b) {
       b.add(person("them", "Tara", {}, {"observability", "on call"}));
       b.add(person("met", "Met Already", {"observability", "on-call"}));
       b.add(person("cold", "Cold Contact", {"observability", "on-call"}));
       Contact& warm = b.add(person("warm", "Warm Contact", {"observability"}));
       warm.every = *parse_duration("1m", AllowOff::no);
       b.log("2026-06-01", {"them", "met"}, Intent::catch_up);
       b.log("2026-11-01", {"warm"}, Intent::catch_up);
     },
     DraftTone::warm,
     {"I thought you might like to meet Warm Contact"},
     {"Met Already"},
     {{"/introductions/0/id", "warm"},
      {"/introductions/0/warmth", "warm"},
      {"/introductions/0/why",
       {"1 skill among Tara's interests: observability",
        "warm with you: your last give or catch-up with Warm Contact (2026-11-01) is within "
        "their cadence (1m)",
        "lapsed with Tara: reconnect before you introduce",
        "no interaction in your log has both Tara and Warm Contact"}},
      {"/introductions/1/id", "cold"},
      {"/introductions/1/warmth", "never"}}},
    {"formal_tone",
     zoe,
     DraftTone::formal,
     {"Dear Zoë Achterberg,",
      "Please accept my apologies for the delay in sending you my CV; you will find it "
      "attached.",
      "I understand you are interested in hiring",
      "Would you be available for a coffee or a video call in the coming weeks?",
      "Kind regards, Noor Haddad"},
     {"Hi Zoë", "I'd", "I'm", "you're", "Best,"},
     {{"/tone", "formal"}}},
    {"brief_tone",
     zoe,
     DraftTone::brief,
     {"Hi Zoë,\n\nSorry for the delay in sending you my CV: here it is.",
      "Happy to share what I know about hiring if useful.",
      "Coffee or a video call in the next few weeks?"},
     {"Best,", "No agenda", "far too long"},
     {{"/tone", "brief"}}},
    {"brief_first_contact",
     fatima,
     DraftTone::brief,
     {"We both care about open source funding.",
      "Could we talk for 15 minutes in the next few weeks?"},
     {"No pressure"},
     {}},
};

INSTANTIATE_TEST_SUITE_P(Table, PitchScenarioTest, testing::ValuesIn(kScenarios), LabelName{});

// ---------------------------------------------------------------------------
// Templates in a second language: the parts need no English.

// Every placeholder that is a part rather than a sentence, in German.
const char* const kGermanTemplate =
    "Hallo {{first_name}} ({{name}}),\n"
    "\n"
    "ich schulde dir noch: {{owed_text}} (fällig {{owed_by}}).\n"
    "Alles Gute zum Geburtstag am {{occasion_weekday}}!\n"
    "Glückwunsch zur neuen Stelle als {{occasion_role}} bei {{occasion_company}}!\n"
    "Anlass: {{occasion_kind}}, {{occasion_date}}.\n"
    "Danke für das Treffen ({{recent_kind}}) am {{recent_date}}, {{recent_weekday}}.\n"
    "Danke für deine Hilfe am {{thanks_date}}.\n"
    "Wir kennen uns: {{how_met}}.\n"
    "Ich bin {{my_role}} bei {{my_company}}.\n"
    "Gemeinsam: {{shared}}.\n"
    "Ich helfe gern bei: {{offer}}.\n"
    "Notizen tauschen: {{trade}}.\n"
    "{{ask}}\n"
    "\n"
    "Viele Grüße\n"
    "{{my_name}}\n";

// Only the notes you wrote and the weekday's name stay English.
TEST(PitchTemplateTest, AGermanTemplateOfThePartsNeedsNoEnglishPhrase) {
  NetworkBuilder b;
  noor(b);
  zoe(b);
  PitchOptions options;
  options.draft_template = parse_template(kGermanTemplate, "de.txt").value();
  const Pitch p = b.pitch("them", options);
  EXPECT_EQ(p.draft,
            "Hallo Zoë (Zoë Achterberg),\n"
            "\n"
            "ich schulde dir noch: send her my CV (fällig 2026-10-03).\n"
            "Alles Gute zum Geburtstag am Tuesday!\n"
            "Anlass: birthday, 2026-11-24.\n"
            "Wir kennen uns: Spoke after my lightning talk on meter data.\n"
            "Ich bin Staff Engineer bei Gridwise.\n"
            "Ich helfe gern bei: hiring.\n"
            "\n"
            "Viele Grüße\n"
            "Noor Haddad");
  for (const char* english : {"Happy", "promised", "Thank", "Hi ", "Best,", "interested"}) {
    EXPECT_FALSE(has(p.draft, english)) << english;
  }
}

TEST(PitchTemplateTest, GermanPartsOfAJobChangeARecentInteractionAndThanks) {
  NetworkBuilder b;
  noor(b);
  Contact& c = b.add(person("them", "Jonas Berg", {"Rust"}, {"Rust"}));
  // Seen by an import the day after your coffee: not answered yet.
  c.job_changes.push_back(
      {day("2026-11-18"), {"Paywell", "Engineer"}, {"Globex", "CTO"}, Json::object()});
  b.log("2026-11-17", {"them"}, Intent::catch_up, "coffee");
  PitchOptions options;
  options.draft_template = parse_template(kGermanTemplate, "de.txt").value();
  std::string draft = b.pitch("them", options).draft;
  EXPECT_TRUE(has(draft, "Glückwunsch zur neuen Stelle als CTO bei Globex!\n")) << draft;
  EXPECT_TRUE(has(draft, "Anlass: job-change, 2026-11-18.\n")) << draft;
  EXPECT_TRUE(has(draft, "Danke für das Treffen (coffee) am 2026-11-17, Tuesday.\n")) << draft;
  EXPECT_TRUE(has(draft, "Gemeinsam: Rust.\n")) << draft;
  EXPECT_TRUE(has(draft, "Notizen tauschen: Rust.\n")) << draft;
  EXPECT_FALSE(has(draft, "Geburtstag")) << draft;
  EXPECT_FALSE(has(draft, "Hilfe")) << draft;

  b.log("2026-11-19", {"them"}, Intent::ask, "call");
  draft = b.pitch("them", options).draft;
  EXPECT_TRUE(has(draft, "Danke für deine Hilfe am 2026-11-19.\n")) << draft;
  EXPECT_FALSE(has(draft, "Treffen")) << draft;
}

TEST(PitchTemplateTest, EveryPlaceholderFillsInEveryScenario) {
  std::string all;
  for (auto name : template_placeholders()) {
    all += std::string(name) + ": {{" + std::string(name) + "}}\n";
  }
  PitchOptions options;
  options.draft_template = parse_template(all, "all.txt").value();
  for (const Scenario& s : kScenarios) {
    SCOPED_TRACE(s.label);
    NetworkBuilder b;
    noor(b);
    s.build(b);
    options.tone = s.tone;
    const Pitch p = b.pitch("them", options);
    const DraftFields fields = draft_fields(p, kToday);
    // The sentences are those of the built-in draft, in the same tone.
    const std::string builtin = unwrapped(builtin_draft(p, kToday));
    for (const std::string* sentence : {&fields.owed, &fields.follow_up, &fields.connection,
                                        &fields.about_me, &fields.reason, &fields.occasion}) {
      if (!sentence->empty()) {
        EXPECT_TRUE(has(builtin, *sentence)) << *sentence;
      }
    }
    // Each line with a value is there; the others are left out.
    for (auto name : template_placeholders()) {
      const std::string one = "{{" + std::string(name) + "}}";
      const bool empty = fill_template(parse_template(one, "one.txt").value(), fields).empty();
      EXPECT_EQ(has("\n" + p.draft, "\n" + std::string(name) + ": "), !empty) << name;
    }
  }
}

}  // namespace
}  // namespace kith::test::pitch_scenarios_test
