#include "core/pitch_text.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <optional>
#include <string_view>
#include <utility>

#include "core/dates.h"
#include "core/due.h"
#include "core/english.h"
#include "core/text.h"

namespace kith {
namespace {

bool has_common(const Pitch& p, CommonKind kind) {
  return std::any_of(p.common_ground.begin(), p.common_ground.end(),
                     [&](const CommonGround& c) { return c.kind == kind; });
}

// Lunch with a colleague, coffee with everyone else.
std::string_view meeting_kind(const Pitch& p) {
  return has_common(p, CommonKind::company) ? "lunch" : "coffee";
}

std::string intro_phrase(const Introduction& intro) {
  return intro.name + " (" + natural_list(intro.topics, ", ") + ")";
}

// The skills offered as help, and those offered as trading notes.
std::vector<std::string> help_offers(const Pitch& p) {
  std::vector<std::string> out;
  for (const auto& o : p.offers) {
    if (!o.theirs) out.push_back(o.skill);
  }
  return out;
}

std::vector<std::string> trade_offers(const Pitch& p) {
  std::vector<std::string> out;
  for (const auto& o : p.offers) {
    if (o.theirs) out.push_back(o.skill);
  }
  return out;
}

std::string pitch_weekday(Date d) {
  return std::string(weekday_name(date::weekday{d}.c_encoding()));
}

// "today", "yesterday", "on Tuesday" (this past week), "on 3 November",
// "on 3 November 2025" (another year).
std::string pitch_when(Date d, Date today) {
  const auto days = (today - d).count();
  if (days == 0) return "today";
  if (days == 1) return "yesterday";
  if (days > 1 && days < 7) return "on " + pitch_weekday(d);
  const date::year_month_day ymd{d};
  const date::year_month_day now{today};
  std::string s = "on " + std::to_string(static_cast<unsigned>(ymd.day())) + " " +
                  std::string(month_name(static_cast<unsigned>(ymd.month())));
  if (ymd.year() != now.year()) s += " " + std::to_string(static_cast<int>(ymd.year()));
  return s;
}

// The interaction as something to thank for or follow up on: "the coffee",
// "lunch", "the video call", "your email" (theirs) or "my email" (yours).
std::string interaction_phrase(std::string_view kind, bool mine) {
  if (kind == "coffee") return "the coffee";
  if (kind == "lunch") return "lunch";
  if (kind == "call") return "the call";
  if (kind == "video") return "the video call";
  if (kind == "email") return mine ? "my email" : "your email";
  if (kind == "message") return mine ? "my message" : "your message";
  if (kind == "meeting") return "the meeting";
  if (kind == "event") return "the chat at the event";
  if (kind == "intro") return "the introduction";
  if (kind == "other" || kind.empty()) return "the chat";
  return "the " + std::string(kind);
}

// ---------------------------------------------------------------------------
// Speaking to them: the contact's name and third-person pronouns made "you".

struct PitchVerb {
  std::string_view typed;       // as the note's first word, lower-cased
  std::string_view infinitive;  // "introduce" for "intro"
  std::string_view gerund;
  bool deliverable;  // something handed over: "here it is"
  bool to_someone;   // "send my CV" -> "send you my CV"
};

constexpr std::array<PitchVerb, 46> kPitchVerbs = {{
    {"send", "send", "sending", true, true},
    {"email", "email", "emailing", true, true},
    {"mail", "mail", "mailing", true, true},
    {"forward", "forward", "forwarding", true, true},
    {"text", "text", "texting", true, true},
    {"give", "give", "giving", true, true},
    {"lend", "lend", "lending", true, true},
    {"show", "show", "showing", true, true},
    {"bring", "bring", "bringing", true, true},
    {"share", "share", "sharing", true, false},
    {"return", "return", "returning", true, false},
    {"write", "write", "writing", true, false},
    {"draft", "draft", "drafting", true, false},
    {"prepare", "prepare", "preparing", true, false},
    {"recommend", "recommend", "recommending", true, false},
    {"pass", "pass", "passing", true, false},
    {"post", "post", "posting", true, false},
    {"review", "review", "reviewing", false, false},
    {"read", "read", "reading", false, false},
    {"introduce", "introduce", "introducing", false, false},
    {"intro", "introduce", "introducing", false, false},
    {"connect", "connect", "connecting", false, false},
    {"call", "call", "calling", false, false},
    {"ask", "ask", "asking", false, false},
    {"check", "check", "checking", false, false},
    {"follow", "follow", "following", false, false},
    {"find", "find", "finding", false, false},
    {"look", "look", "looking", false, false},
    {"book", "book", "booking", false, false},
    {"schedule", "schedule", "scheduling", false, false},
    {"set", "set", "setting", false, false},
    {"reply", "reply", "replying", false, false},
    {"get", "get", "getting", false, false},
    {"make", "make", "making", false, false},
    {"buy", "buy", "buying", false, false},
    {"pay", "pay", "paying", false, false},
    {"invite", "invite", "inviting", false, false},
    {"put", "put", "putting", false, false},
    {"help", "help", "helping", false, false},
    {"tell", "tell", "telling", false, false},
    {"let", "let", "letting", false, false},
    {"point", "point", "pointing", false, false},
    {"ping", "ping", "pinging", false, false},
    {"meet", "meet", "meeting", false, false},
    {"visit", "visit", "visiting", false, false},
    {"try", "try", "trying", false, false},
}};

const PitchVerb* find_pitch_verb(std::string_view word) {
  for (const auto& v : kPitchVerbs) {
    if (v.typed == word) return &v;
  }
  return nullptr;
}

std::string note_lower(std::string_view s) {
  std::string out(s);
  for (char& ch : out) {
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
  }
  return out;
}

bool starts_upper(std::string_view s) { return !s.empty() && s.front() >= 'A' && s.front() <= 'Z'; }

std::string capitalize_like(std::string word, std::string_view model) {
  if (starts_upper(model) && !word.empty() && word.front() >= 'a' && word.front() <= 'z') {
    word.front() = static_cast<char>(word.front() - 'a' + 'A');
  }
  return word;
}

// A word of a note split from the punctuation around it: "(José's," is
// "(", "José", "'s", ",".
struct NoteWord {
  std::string lead;
  std::string core;
  std::string possessive;  // "'s" or "’s"
  std::string trail;
};

bool is_note_punctuation(char ch) {
  return ch == ',' || ch == '.' || ch == ';' || ch == ':' || ch == '!' || ch == '?' || ch == ')' ||
         ch == '(' || ch == '"' || ch == '\'';
}

NoteWord split_note_word(std::string_view token) {
  NoteWord w;
  std::size_t b = 0;
  while (b < token.size() && is_note_punctuation(token[b])) ++b;
  std::size_t e = token.size();
  while (e > b && is_note_punctuation(token[e - 1])) --e;
  w.lead = std::string(token.substr(0, b));
  w.trail = std::string(token.substr(e));
  std::string core(token.substr(b, e - b));
  for (std::string_view mark : {std::string_view("'s"), std::string_view("\u2019s")}) {
    if (core.size() > mark.size() && core.ends_with(mark)) {
      w.possessive = std::string(mark);
      core.resize(core.size() - mark.size());
      break;
    }
  }
  w.core = std::move(core);
  return w;
}

std::vector<std::string> split_note_tokens(std::string_view s) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    std::size_t e = i;
    while (e < s.size() && s[e] != ' ') ++e;
    if (e > i) out.emplace_back(s.substr(i, e - i));
    i = e;
  }
  return out;
}

// After "her": the words that make it "you" ("send her my CV", "let her
// know"); any other makes it "your" ("her deck").
bool object_her_before(std::string_view next) {
  static constexpr std::array<std::string_view, 34> kWords = {
      "my",    "a",   "an",    "the",     "some", "our",  "this",  "that", "these",
      "those", "to",  "about", "on",      "with", "for",  "back",  "up",   "in",
      "at",    "by",  "when",  "if",      "and",  "or",   "again", "know", "how",
      "what",  "why", "over",  "through", "any",  "more", "once"};
  return next.empty() || std::find(kWords.begin(), kWords.end(), next) != kWords.end();
}

// The verb after a subject "you" that was "he" or "she": "is" -> "are",
// "needs" -> "need", "watches" -> "watch"; other words unchanged.
std::string agree_with_you(const std::string& verb) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 10> kIrregular = {{
      {"is", "are"},
      {"was", "were"},
      {"has", "have"},
      {"does", "do"},
      {"isn't", "aren't"},
      {"wasn't", "weren't"},
      {"hasn't", "haven't"},
      {"doesn't", "don't"},
      {"goes", "go"},
      {"says", "say"},
  }};
  const std::string lower = note_lower(verb);
  for (const auto& [from, to] : kIrregular) {
    if (lower == from) return std::string(to);
  }
  if (lower.size() > 3 && lower.back() == 's' && !lower.ends_with("ss") && !lower.ends_with("us")) {
    for (std::string_view es : {"ches", "shes", "sses", "xes"}) {
      if (lower.ends_with(es)) return verb.substr(0, verb.size() - 2);
    }
    return verb.substr(0, verb.size() - 1);
  }
  return verb;
}

// ---------------------------------------------------------------------------
// Sentences, by tone

// The words of `tone`: its warm, brief or formal ones.
std::string in_tone(DraftTone tone, std::string warm, std::string brief, std::string formal) {
  switch (tone) {
    case DraftTone::warm:
      return warm;
    case DraftTone::brief:
      return brief;
    case DraftTone::formal:
      return formal;
  }
  return warm;
}

std::string draft_greeting(const Pitch& p) {
  if (p.tone == DraftTone::formal) return "Dear " + p.name + ",";
  return "Hi " + p.first_name + ",";
}

std::string draft_sign_off(const Pitch& p) {
  const std::string first = first_word(p.my_name);
  return in_tone(p.tone, first.empty() ? "Best," : "Best,\n" + first, first,
                 p.my_name.empty() ? "Kind regards," : "Kind regards,\n" + p.my_name);
}

std::string owed_sentence(const Pitch& p) {
  if (p.owed.empty()) return {};
  const bool late = std::any_of(p.owed.begin(), p.owed.end(),
                                [](const OwedFollowUp& o) { return o.days_late > 0; });
  const DraftTone tone = p.tone;
  if (p.owed.size() > 1) {
    std::vector<std::string> items;
    for (const auto& o : p.owed) {
      const SecondPerson s = to_second_person(o.text, p.first_name, p.name);
      items.push_back(s.is_action ? "to " + s.infinitive : "\u201c" + s.text + "\u201d");
    }
    if (late) {
      return in_tone(tone,
                     "I still owe you what I promised: " + natural_list(items, ", and ") +
                         ". Sorry it has taken me so long.",
                     "Sorry for the delay on what I promised: " + natural_list(items) + ".",
                     "Please accept my apologies: I still owe you what I promised, namely " +
                         natural_list(items) + ".");
    }
    return in_tone(tone, "I still owe you what I promised: " + natural_list(items, ", and ") + ".",
                   "Still on my list: " + natural_list(items) + ".",
                   "I have not forgotten what I promised: " + natural_list(items) + ".");
  }
  const SecondPerson s = to_second_person(p.owed.front().text, p.first_name, p.name);
  if (!s.is_action) {
    const std::string q = "\u201c" + s.text + "\u201d";
    if (late) {
      return in_tone(
          tone, "I still owe you what I promised (" + q + "), and it has taken me far too long.",
          "Sorry for the delay on " + q + ".",
          "Please accept my apologies: I still owe you what I promised (" + q + ").");
    }
    return in_tone(tone, "I haven't forgotten what I promised (" + q + ").",
                   "Still on my list: " + q + ".",
                   "I have not forgotten what I promised (" + q + ").");
  }
  // Something to hand over comes with the message; anything else is next.
  const bool give = s.deliverable;
  if (late) {
    return in_tone(tone,
                   "I promised to " + s.infinitive + ", and it has taken me far too long" +
                       (give ? ": here it is." : "; I haven't forgotten."),
                   "Sorry for the delay in " + s.gerund + (give ? ": here it is." : "."),
                   "Please accept my apologies for the delay in " + s.gerund +
                       (give ? "; you will find it attached." : "; I have not forgotten."));
  }
  return in_tone(tone,
                 "I promised to " + s.infinitive + (give ? ", so here it is." : ", and I'm on it."),
                 "Following up on " + s.gerund + (give ? ": here it is." : "."),
                 give ? "As promised, I am " + s.gerund + "; you will find it attached."
                      : "I have not forgotten that I promised to " + s.infinitive + ".");
}

// The sentence that thanks them after an ask, or follows up on a recent
// interaction; "" when neither applies.
std::string follow_up_sentence(const Pitch& p, Date today) {
  if (!p.balance.last) return {};
  const LastInteraction& last = *p.balance.last;
  const std::string when = pitch_when(last.date, today);
  if (p.timing.thanks) {
    return in_tone(p.tone,
                   "Thank you again for your help " + when +
                       "; I really appreciate it, and I'd like to return the favour.",
                   "Thanks again for your help " + when + ".",
                   "Thank you again for your help " + when +
                       "; I am most grateful, and would be glad to return the favour.");
  }
  if (!p.timing.recent) return {};
  const bool gave = last.intent == Intent::give;
  const std::string what = interaction_phrase(last.kind, gave) + " " + when;
  if (gave) {
    return in_tone(p.tone, "Following up on " + what + ": I hope it was useful.",
                   "Following up on " + what + ".",
                   "I am following up on " + what + ", which I hope was useful.");
  }
  return in_tone(p.tone, "Thanks again for " + what + "; it was good to catch up.",
                 "Thanks for " + what + ".",
                 "Thank you again for " + what + "; it was a pleasure to catch up.");
}

std::string connection_sentence(const Pitch& p) {
  if (!p.first_contact) return {};
  const FirstContact& f = *p.first_contact;
  const bool formal = p.tone == DraftTone::formal;
  if (!f.connection) {
    if (!f.linkedin) return {};
    return formal ? "We are connected on LinkedIn." : "We're connected on LinkedIn.";
  }
  const std::string& v = f.connection->value;
  switch (f.connection->kind) {
    case CommonKind::how_met: {
      const std::string how = to_second_person(v, p.first_name, p.name).text;
      return formal ? "We met previously (" + how + ")." : "We've met before (" + how + ").";
    }
    case CommonKind::company:
      return "We both work at " + v + ".";
    case CommonKind::past_company:
      return formal ? "You previously worked at " + v + ", where I now work."
                    : "You used to work at " + v + ", where I work now.";
    case CommonKind::tag:
      return "We both move in " + v + " circles.";
    case CommonKind::location:
      return formal ? "We are both based in " + v + "." : "We're both in " + v + ".";
    default:
      return {};
  }
}

std::string reason_sentence(const Pitch& p) {
  if (!p.first_contact || !p.first_contact->reason) return {};
  const CommonGround& r = *p.first_contact->reason;
  const std::string& v = r.value;
  if (r.kind == CommonKind::interest) {
    return in_tone(p.tone, "I'm reaching out because we both care about " + v + ".",
                   "We both care about " + v + ".",
                   "I am writing because we share an interest in " + v + ".");
  }
  const bool shared_skill = std::any_of(
      p.common_ground.begin(), p.common_ground.end(),
      [&](const CommonGround& g) { return g.kind == CommonKind::skill && g.value == v; });
  if (shared_skill) {
    return in_tone(p.tone, "I'm reaching out because we both work on " + v + ".",
                   "We both work on " + v + ".", "I am writing because we both work on " + v + ".");
  }
  return in_tone(
      p.tone, "I'm reaching out because you know a lot about " + v + ", which I care about.",
      "You know " + v + ", which I care about.",
      "I am writing because of your expertise in " + v + ", which is of great interest to me.");
}

// For a first contact, one small offer: help, else trading notes, else the
// top introduction.
std::string first_offer_sentence(const Pitch& p) {
  const std::vector<std::string> help = help_offers(p);
  const std::vector<std::string> trade = trade_offers(p);
  if (!help.empty()) {
    const std::string& h = help.front();
    return in_tone(
        p.tone, "If it's useful, I'd be happy to share what I've learned about " + h + ".",
        "Happy to share what I know about " + h + ".",
        "Should it be of use, I would be glad to share what I have learned about " + h + ".");
  }
  if (!trade.empty()) {
    const std::string& t = trade.front();
    return in_tone(p.tone, "I'd love to trade notes on " + t + ".",
                   "Keen to trade notes on " + t + ".",
                   "I would welcome the chance to compare notes on " + t + ".");
  }
  if (p.introductions.empty()) return {};
  const Introduction& intro = p.introductions.front();
  const std::string& topic = intro.topics.front();
  return in_tone(p.tone,
                 "If it's useful, I'd be glad to introduce you to " + intro.name +
                     ", who knows a lot about " + topic + ".",
                 "Happy to introduce you to " + intro.name + " (" + topic + ").",
                 "Should it be of use, I would be glad to introduce you to " + intro.name +
                     ", who knows a great deal about " + topic + ".");
}

// The value paragraph: help, trading notes, the top introduction; for a
// first contact, only the first of them ("one small offer").
std::string offer_paragraph(const Pitch& p) {
  if (p.timing.first_contact) return first_offer_sentence(p);
  const std::vector<std::string> help = help_offers(p);
  const std::vector<std::string> trade = trade_offers(p);
  const Introduction* intro = p.introductions.empty() ? nullptr : &p.introductions.front();
  std::vector<std::string> sentences;
  if (!help.empty()) {
    const std::string h = natural_list(help);
    sentences.push_back(
        in_tone(p.tone,
                "I know you're interested in " + h +
                    ", and I'd be happy to share what I've learned there if it's useful.",
                "Happy to share what I know about " + h + " if useful.",
                "I understand you are interested in " + h +
                    "; I would be glad to share what I have learned there, should it be useful."));
  }
  if (!trade.empty()) {
    const std::string t = natural_list(trade);
    const std::string also = help.empty() ? "" : "also ";
    sentences.push_back(
        in_tone(p.tone, "Since we both work with " + t + ", I'd " + also + "love to trade notes.",
                "Keen to trade notes on " + t + ".",
                "As we both work with " + t + ", I would " + also +
                    "welcome the chance to compare notes."));
  }
  if (intro) {
    const std::string topics = natural_list(intro->topics);
    if (sentences.empty()) {
      sentences.push_back(
          in_tone(p.tone,
                  "I thought you might like to meet " + intro->name + ", who knows a lot about " +
                      topics + "; I'd be happy to introduce you.",
                  "Happy to introduce you to " + intro_phrase(*intro) + ".",
                  "You might value meeting " + intro->name + ", who knows a great deal about " +
                      topics + "; I would be happy to introduce you."));
    } else {
      sentences.push_back(in_tone(p.tone,
                                  "I could also introduce you to " + intro->name +
                                      ", who knows a lot about " + topics + ".",
                                  "I could also introduce you to " + intro_phrase(*intro) + ".",
                                  "I could also introduce you to " + intro->name +
                                      ", who knows a great deal about " + topics + "."));
    }
  }
  if (!sentences.empty()) {
    std::string s;
    for (const auto& sentence : sentences) s += (s.empty() ? "" : " ") + sentence;
    return s;
  }
  // Nothing to offer: after an ask, ask what would help; before a meeting,
  // ask about them; right after one, say nothing more.
  if (p.timing.thanks) {
    return in_tone(p.tone,
                   "Is there anything I can do for you in return? I'd love to hear what you're "
                   "working on these days.",
                   "Anything I can do in return?",
                   "Please do let me know if there is anything I can do in return.");
  }
  if (p.timing.recent) return {};
  return in_tone(p.tone, "I'd love to hear what you're working on these days.",
                 "What are you working on these days?",
                 "I would be interested to hear what you are working on at present.");
}

std::string invitation_sentence(const Pitch& p) {
  if (p.timing.first_contact) {
    return in_tone(p.tone,
                   "Would you have 15 minutes for a call in the next few weeks? No pressure at all "
                   "if you're busy.",
                   "Could we talk for 15 minutes in the next few weeks?",
                   "Would you have 15 minutes for a short call in the coming weeks? I would quite "
                   "understand if the timing does not suit.");
  }
  if (!p.timing.proposes_meeting) {
    // Right after an interaction: no new meeting, only an open door.
    if (p.offers.empty() && p.introductions.empty()) return {};
    return in_tone(p.tone, "Just let me know if any of that would help.",
                   "Let me know if that helps.",
                   "Please let me know if any of this would be of use.");
  }
  std::string where;
  for (const auto& c : p.common_ground) {
    if (c.kind == CommonKind::location) where = c.value;
  }
  // Lunch with a colleague, a coffee in the city you share, else a coffee or
  // a call.
  std::string s;
  if (has_common(p, CommonKind::company)) {
    s = in_tone(p.tone, "Would you be up for lunch one day in the next few weeks?",
                "Lunch one day in the next few weeks?",
                "Would you be available for lunch one day in the coming weeks?");
  } else if (!where.empty()) {
    s = in_tone(p.tone, "Would you be up for a coffee in " + where + " in the next few weeks?",
                "Coffee in " + where + " in the next few weeks?",
                "Would you be available for a coffee in " + where + " in the coming weeks?");
  } else {
    s = in_tone(p.tone, "Would you be up for a coffee, or a video call, in the next few weeks?",
                "Coffee or a video call in the next few weeks?",
                "Would you be available for a coffee or a video call in the coming weeks?");
  }
  if (!p.ask) {
    s += in_tone(p.tone, " No agenda; it would just be good to talk.", "",
                 " There is no particular agenda; I would simply value the conversation.");
  }
  return s;
}

std::string ask_sentence(const Pitch& p) {
  if (!p.ask) return {};
  return in_tone(p.tone, "And one thing I wanted to ask, no pressure at all: " + *p.ask,
                 "One ask: " + *p.ask, "If I may, I also wanted to ask: " + *p.ask);
}

// ---------------------------------------------------------------------------
// Advice

std::string give_first_advice(const Pitch& p) {
  const GiveFirstReasons& r = p.give_first;
  std::vector<std::string> reasons;
  if (r.asks_outnumber_gives) {
    reasons.push_back("you have made " + plural(p.balance.asks, "ask", "asks") +
                      (p.balance.gives == 0 ? " and no give"
                                            : " to " + plural(p.balance.gives, "give", "gives")));
  }
  if (r.last_was_ask) {
    reasons.push_back("your last interaction (" + format_date(p.balance.last->date) +
                      ") was an ask");
  }
  if (r.asking_without_recent_give) {
    reasons.push_back("this ask comes after " + std::to_string(kRecentGiveDays) +
                      " days without a give");
  }
  std::string s = "Lead with a give: " + natural_list(reasons, ", and ") + ". ";
  std::vector<std::string> gives;
  const std::vector<std::string> help = help_offers(p);
  const std::vector<std::string> trade = trade_offers(p);
  if (!help.empty()) gives.push_back("offer help with " + natural_list(help, " or "));
  if (!trade.empty()) gives.push_back("offer to trade notes on " + natural_list(trade, " or "));
  if (!p.introductions.empty()) {
    gives.push_back("introduce " + p.first_name + " to " + intro_phrase(p.introductions.front()));
  }
  if (gives.empty()) {
    s += "Think of something " + p.first_name +
         " would value (an article, a lead, a useful contact) and offer it before any ask.";
  } else {
    s += "For example, " + natural_list(gives, ", or ") + ".";
  }
  return s;
}

std::string owed_advice(const Pitch& p) {
  const auto describe_owed = [&](const OwedFollowUp& o) {
    std::string s = "\u201c" + o.text + "\u201d (promised on " + format_date(o.date);
    if (o.by) s += ", due " + format_date(*o.by);
    return s + ": " + lateness_phrase(o.days_late) + ")";
  };
  if (p.owed.size() == 1) {
    return "First, do what you promised " + p.first_name + ": " + describe_owed(p.owed.front()) +
           ". The draft opens with it; once it is done, `kith done " + p.id + "`.";
  }
  std::vector<std::string> items;
  for (const auto& o : p.owed) items.push_back(describe_owed(o));
  return "First, do what you promised " + p.first_name +
         ", the most overdue first: " + natural_list(items, "; and ") +
         ". The draft opens with them; close each with `kith done ID` (`kith show " + p.id +
         "` lists their ids).";
}

std::string occasion_advice(const Pitch& p, const PitchOccasion& o, Date today) {
  const std::string& f = p.first_name;
  if (o.kind == Occasion::Kind::job_change) {
    // text is "changed jobs: …" or "changed roles: …"
    return f + " " + o.text + " (seen " + format_date(o.date) +
           "): a natural reason to write with no need; open with congratulations.";
  }
  const auto days = (o.date - today).count();
  const std::string when = days == 0   ? "today"
                           : days == 1 ? "tomorrow"
                                       : "on " + format_date(o.date);
  return f + "'s " + o.text + " is " + when + ": a natural reason to write with no need.";
}

std::string timing_advice(const Pitch& p) {
  if (!p.balance.last) return {};
  const LastInteraction& last = *p.balance.last;
  const int days = p.timing.days_since_last.value_or(0);
  const std::string ago = days == 0   ? "today"
                          : days == 1 ? "yesterday"
                                      : plural(days, "day", "days") + " ago";
  if (p.timing.thanks) {
    return "Your last interaction with " + p.first_name + " (" + last.kind + ", " +
           format_date(last.date) + ", " + ago + ") was an ask: the draft thanks " + p.first_name +
           " and offers something back" +
           (p.timing.recent ? ", with no new meeting so soon." : ".");
  }
  if (!p.timing.recent) return {};
  return "You were last in touch " + ago + " (" + last.kind + ", " + format_date(last.date) +
         "; recent for " + p.first_name + " means within " +
         plural(p.timing.recent_days, "day", "days") +
         "): the draft follows up on it instead of proposing to meet again.";
}

// The profile fields a first message needs to say who you are.
std::string who_you_are_advice(const Pitch& p) {
  if (!p.my_role.empty() && !p.my_company.empty()) return {};
  if (p.my_role.empty() && p.my_company.empty()) {
    return "A first message says who you are: add your role and company with `kith me --role "
           "\"what you do\" --company \"where\"`.";
  }
  return p.my_role.empty()
             ? "A first message says who you are: add your role with `kith me --role \"what you "
               "do\"`."
             : "A first message says who you are: add your company with `kith me --company "
               "\"where\"`.";
}

std::string join_plain(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out += ", ";
    out += item;
  }
  return out;
}

}  // namespace

// ---------------------------------------------------------------------------

SecondPerson to_second_person(std::string_view text, std::string_view first_name,
                              std::string_view full_name) {
  const std::string trimmed(text::trim(text));
  std::vector<std::string> tokens = split_note_tokens(trimmed);
  const std::vector<std::string> name_words = split_note_tokens(full_name);
  const std::string first_key = text::fold(first_name);
  std::vector<std::string> out;
  bool named = false;        // a word became "you" or "your"
  bool subject_you = false;  // the word before was "he" or "she", now "you"
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    NoteWord w = split_note_word(tokens[i]);
    const std::string lower = note_lower(w.core);
    const bool after_subject = subject_you;
    subject_you = false;
    // The full name, then the first name alone.
    if (!name_words.empty() && name_words.size() > 1 && i + name_words.size() <= tokens.size()) {
      bool all = true;
      NoteWord last;
      for (std::size_t k = 0; k < name_words.size() && all; ++k) {
        last = split_note_word(tokens[i + k]);
        all = text::fold(last.core) == text::fold(split_note_word(name_words[k]).core) &&
              (k + 1 == name_words.size() || (last.trail.empty() && last.possessive.empty()));
      }
      if (all) {
        out.push_back(w.lead + (last.possessive.empty() ? "you" : "your") + last.trail);
        named = true;
        i += name_words.size() - 1;
        continue;
      }
    }
    if (!first_key.empty() && text::fold(w.core) == first_key) {
      out.push_back(w.lead + (w.possessive.empty() ? "you" : "your") + w.trail);
      named = true;
      continue;
    }
    std::string replaced;
    if (lower == "he" || lower == "she") {
      replaced = "you";
      subject_you = true;
    } else if (lower == "they" || lower == "him" || lower == "them") {
      replaced = "you";
    } else if (lower == "his" || lower == "their") {
      replaced = "your";
    } else if (lower == "hers" || lower == "theirs") {
      replaced = "yours";
    } else if (lower == "himself" || lower == "herself" || lower == "themselves" ||
               lower == "themself") {
      replaced = "yourself";
    } else if (lower == "he's" || lower == "she's" || lower == "they're") {
      replaced = "you're";
    } else if (lower == "her") {
      std::string next;
      if (i + 1 < tokens.size() && w.trail.empty()) {
        next = note_lower(split_note_word(tokens[i + 1]).core);
      }
      replaced = object_her_before(next) ? "you" : "your";
    }
    if (!replaced.empty()) {
      out.push_back(w.lead + capitalize_like(replaced, w.core) + w.possessive + w.trail);
      named = true;
      continue;
    }
    if (after_subject) {
      out.push_back(w.lead + agree_with_you(w.core) + w.possessive + w.trail);
      continue;
    }
    out.push_back(tokens[i]);
  }

  SecondPerson result;
  std::string joined;
  for (const auto& t : out) joined += (joined.empty() ? "" : " ") + t;
  result.text = joined;
  if (out.empty()) return result;
  const NoteWord first = split_note_word(out.front());
  const PitchVerb* verb = first.lead.empty() ? find_pitch_verb(note_lower(first.core)) : nullptr;
  if (!verb) return result;
  std::vector<std::string> rest(out.begin() + 1, out.end());
  // "Send my CV": to you, when no one else is named.
  if (verb->to_someone && !named && !rest.empty()) {
    static constexpr std::array<std::string_view, 9> kDeterminers = {
        "my", "a", "an", "the", "some", "our", "this", "these", "those"};
    const std::string next = note_lower(split_note_word(rest.front()).core);
    if (std::find(kDeterminers.begin(), kDeterminers.end(), next) != kDeterminers.end()) {
      rest.insert(rest.begin(), "you");
    }
  }
  std::string tail;
  for (const auto& t : rest) tail += " " + t;
  // A closing full stop belongs to the note, not to the sentence it joins.
  while (!tail.empty() && (tail.back() == '.' || tail.back() == ' ')) tail.pop_back();
  result.is_action = true;
  result.deliverable = verb->deliverable;
  result.infinitive = std::string(verb->infinitive) + first.trail + tail;
  result.gerund = std::string(verb->gerund) + first.trail + tail;
  return result;
}

std::string wrap_draft(std::string_view text, std::size_t width) {
  std::string out;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (start > 0) out += '\n';
    while (text::display_width(line) > width) {
      // The last space at which the line fits, else the first space at all;
      // never one of the spaces that indent it.
      std::size_t lead = 0;
      while (lead < line.size() && line[lead] == ' ') ++lead;
      std::size_t cut = std::string_view::npos;
      std::size_t columns = 0;
      for (std::size_t i = 0; i < line.size();) {
        std::size_t next = i + 1;
        while (next < line.size() && (static_cast<unsigned char>(line[next]) & 0xC0) == 0x80) {
          ++next;
        }
        if (line[i] == ' ' && i > lead) {
          if (columns <= width) {
            cut = i;
          } else {
            break;
          }
        }
        columns += text::display_width(line.substr(i, next - i));
        i = next;
      }
      if (cut == std::string_view::npos) {
        cut = line.find(' ', lead);
        if (cut == std::string_view::npos) break;
      }
      std::string_view head = line.substr(0, cut);
      while (!head.empty() && head.back() == ' ') head.remove_suffix(1);
      out += head;
      out += '\n';
      line.remove_prefix(cut);
      while (!line.empty() && line.front() == ' ') line.remove_prefix(1);
    }
    out += line;
    start = end + 1;
  }
  return out;
}

std::string about_me_sentence(const Pitch& p) {
  const bool formal = p.tone == DraftTone::formal;
  const std::string& name = p.my_name;
  const std::string& role = p.my_role;
  // "We both work at Gridwise" has said where already.
  const bool said_company = p.first_contact && p.first_contact->connection &&
                            p.first_contact->connection->kind == CommonKind::company;
  const std::string company = said_company && !role.empty() ? std::string() : p.my_company;
  if (name.empty() && role.empty() && company.empty()) return {};
  if (formal) {
    std::string s = name.empty() ? "I" : "My name is " + name + ", and I";
    if (!role.empty() && !company.empty()) return s + " work as " + role + " at " + company + ".";
    if (!role.empty()) return s + " work as " + role + ".";
    if (!company.empty()) return s + " work at " + company + ".";
    return "My name is " + name + ".";
  }
  if (name.empty()) {
    if (!role.empty() && !company.empty()) return "I work as " + role + " at " + company + ".";
    if (!role.empty()) return "I work as " + role + ".";
    return "I work at " + company + ".";
  }
  if (!role.empty() && !company.empty())
    return "I'm " + name + ", " + role + " at " + company + ".";
  if (!role.empty()) return "I'm " + name + ", " + role + ".";
  if (!company.empty()) return "I'm " + name + ", and I work at " + company + ".";
  return "I'm " + name + ".";
}

std::vector<std::string> introduction_reasons(const Pitch& p, const Introduction& intro) {
  std::vector<std::string> why;
  const std::string& f = p.first_name;
  why.push_back(plural(static_cast<long long>(intro.topics.size()), "skill", "skills") + " among " +
                f + "'s interests: " + natural_list(intro.topics));
  switch (intro.warmth) {
    case Warmth::warm:
      why.push_back("warm with you: your last give or catch-up with " + intro.name + " (" +
                    format_date(*intro.last_no_need) + ") is within their cadence (" + intro.every +
                    ")");
      break;
    case Warmth::lapsed:
      why.push_back("lapsed with you: your last give or catch-up with " + intro.name + " (" +
                    format_date(*intro.last_no_need) + ") is older than their cadence (" +
                    intro.every + ")");
      break;
    case Warmth::never:
      why.push_back("no give or catch-up with " + intro.name + " yet");
      break;
  }
  switch (p.balance.warmth) {
    case Warmth::warm:
      why.push_back("warm with " + f + " too");
      break;
    case Warmth::lapsed:
      why.push_back("lapsed with " + f + ": reconnect before you introduce");
      break;
    case Warmth::never:
      why.push_back("no give or catch-up with " + f + " yet");
      break;
  }
  why.push_back("no interaction in your log has both " + f + " and " + intro.name);
  return why;
}

std::vector<std::string> pitch_advice(const Pitch& p, const Profile& me, const Contact& c,
                                      Date today) {
  std::vector<std::string> advice;
  const std::string& f = p.first_name;
  if (!p.owed.empty()) advice.push_back(owed_advice(p));
  if (p.give_first.any()) advice.push_back(give_first_advice(p));
  if (p.occasion) advice.push_back(occasion_advice(p, *p.occasion, today));
  if (auto t = timing_advice(p); !t.empty()) advice.push_back(std::move(t));
  if (c.snoozed_until && *c.snoozed_until > today) {
    advice.push_back("You snoozed " + f + " until " + format_date(*c.snoozed_until) +
                     ": unless it cannot wait, reach out after that.");
  }

  if (me.skills.empty() && me.interests.empty()) {
    advice.push_back(
        "Your profile has no skills or interests yet, so kith cannot see what you could offer " +
        f + " or what " + f +
        " could offer you: `kith me --skill \"what you know\" --interest \"what you look for\"`.");
  } else if (me.skills.empty()) {
    advice.push_back("Tell kith what you know, so it can find what you could offer " + f +
                     ": `kith me --skill \"what you know\"`.");
  } else if (me.interests.empty()) {
    advice.push_back("Tell kith what you look for, so it can see what " + f +
                     " could offer you: `kith me --interest \"what you look for\"`.");
  }
  if (me.name.empty()) {
    advice.push_back("Add your name to sign the draft: `kith me --name \"Your Name\"`.");
  }

  std::vector<std::string> shared_interests;
  for (const auto& g : p.common_ground) {
    if (g.kind == CommonKind::interest) shared_interests.push_back(g.value);
  }
  if (c.interests.empty()) {
    advice.push_back("You do not know yet what " + f +
                     " cares about: ask next time, then `kith edit " + p.id +
                     " --interest \"what they look for\"`.");
  } else if (p.offers.empty() && p.introductions.empty() && !shared_interests.empty()) {
    advice.push_back("Nothing you or your network know matches what " + f + " looks for, but " +
                     "you both care about " + natural_list(shared_interests) +
                     ": start there, and ask what would help.");
  } else if (p.offers.empty() && p.introductions.empty() && !me.skills.empty()) {
    advice.push_back("Nothing you or your network know matches what " + f + " cares about (" +
                     natural_list(c.interests) + "): ask what would help right now.");
  }
  if (const auto trade = trade_offers(p); !trade.empty()) {
    advice.push_back(f + " knows " + natural_list(trade) +
                     " too: the draft offers to trade notes rather than help.");
  }

  if (!p.introductions.empty()) {
    const Introduction& top = p.introductions.front();
    advice.push_back("Before introducing " + f + " to " + top.name + ", check with both: an " +
                     "introduction both sides want is a give to each of them.");
  }
  if (!p.they_can_offer_you.empty()) {
    advice.push_back(f + " knows about " + natural_list(p.they_can_offer_you) +
                     ", which you care about: there is something in it for both of you.");
  }
  if (p.balance.last == std::nullopt && !c.every && came_by_import(c)) {
    const std::string since =
        c.met_on ? "connected " + format_date(*c.met_on) : "imported " + format_date(c.added_on);
    advice.push_back(f + " is a weak tie (" + since +
                     ", never contacted): not on your due list until you write, and a first "
                     "no-need hello counts for this month's homework. Make it about them.");
  } else if (p.balance.last == std::nullopt) {
    advice.push_back("This would be your first recorded interaction with " + f +
                     ": make it about them. The draft says how you know each other and who you "
                     "are, and asks for 15 minutes rather than a meeting.");
  }
  if (p.timing.first_contact) {
    if (auto w = who_you_are_advice(p); !w.empty()) advice.push_back(std::move(w));
  }
  advice.push_back("After you reach out, record it: `kith log " + p.id + " --kind " +
                   std::string(meeting_kind(p)) + "` (add --give when you offered something).");
  return advice;
}

DraftFields draft_fields(const Pitch& p, Date today) {
  DraftFields f;
  f.name = p.name;
  f.first_name = p.first_name;
  f.my_name = p.my_name;
  f.offer = natural_list(help_offers(p));
  f.trade = join_plain(trade_offers(p));
  if (!p.introductions.empty()) f.intro = intro_phrase(p.introductions.front());
  std::vector<std::string> common;
  std::vector<std::string> shared;
  for (const auto& c : p.common_ground) {
    if (c.kind == CommonKind::how_met || c.kind == CommonKind::met_together) continue;
    common.push_back(c.value);
    if (c.kind == CommonKind::interest || c.kind == CommonKind::skill) shared.push_back(c.value);
  }
  f.common = natural_list(common);
  f.shared = join_plain(shared);
  f.ask = p.ask.value_or("");
  if (p.occasion) {
    const PitchOccasion& o = *p.occasion;
    f.occasion = o.opening;
    f.occasion_kind = std::string(to_string(o.kind));
    f.occasion_date = format_date(o.date);
    if (o.kind == Occasion::Kind::birthday) f.occasion_weekday = pitch_weekday(o.date);
    f.occasion_company = o.company;
    f.occasion_role = o.role;
  }
  f.owed = owed_sentence(p);
  if (!p.owed.empty()) {
    std::vector<std::string> texts;
    for (const auto& o : p.owed) texts.push_back(o.text);
    for (const auto& t : texts) f.owed_text += (f.owed_text.empty() ? "" : "; ") + t;
    const OwedFollowUp& first = p.owed.front();
    f.owed_by = format_date(first.by.value_or(first.date));
  }
  f.follow_up = follow_up_sentence(p, today);
  if (p.balance.last) {
    const LastInteraction& last = *p.balance.last;
    if (p.timing.thanks) {
      f.thanks_date = format_date(last.date);
    } else if (p.timing.recent) {
      f.recent_kind = last.kind;
      f.recent_date = format_date(last.date);
      f.recent_weekday = pitch_weekday(last.date);
    }
  }
  f.connection = connection_sentence(p);
  if (p.timing.first_contact) {
    f.about_me = about_me_sentence(p);
    f.reason = reason_sentence(p);
  }
  f.my_role = p.my_role;
  f.my_company = p.my_company;
  f.how_met = p.how_met;
  return f;
}

std::string builtin_draft(const Pitch& p, Date today) {
  std::vector<std::string> paragraphs;
  const auto add = [&](std::string s) {
    if (!s.empty()) paragraphs.push_back(std::move(s));
  };
  add(draft_greeting(p));
  // What you owe comes first: nothing else reads well before it.
  add(owed_sentence(p));
  // A fresh occasion is the most natural opening there is.
  if (p.occasion) add(p.occasion->opening);
  add(follow_up_sentence(p, today));
  if (p.timing.first_contact) {
    std::string who = connection_sentence(p);
    for (std::string s : {about_me_sentence(p), reason_sentence(p)}) {
      if (s.empty()) continue;
      if (!who.empty()) who += " ";
      who += s;
    }
    add(std::move(who));
  }
  // What is in it for them, before any ask.
  add(offer_paragraph(p));
  add(invitation_sentence(p));
  add(ask_sentence(p));
  add(draft_sign_off(p));

  std::string out;
  for (std::size_t i = 0; i < paragraphs.size(); ++i) {
    if (i > 0) out += "\n\n";
    out += paragraphs[i];
  }
  return out;
}

}  // namespace kith
