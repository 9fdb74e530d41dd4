#include "core/pitch_text.h"

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string_view>
#include <utility>

#include "core/dates.h"
#include "core/due.h"
#include "core/english.h"

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
  if (!p.you_can_offer.empty()) {
    gives.push_back("offer help with " + natural_list(p.you_can_offer, " or "));
  }
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

}  // namespace

std::vector<std::string> pitch_advice(const Pitch& p, const Profile& me, const Contact& c,
                                      Date today) {
  std::vector<std::string> advice;
  const std::string& f = p.first_name;
  if (p.give_first.any()) advice.push_back(give_first_advice(p));
  if (p.occasion) advice.push_back(occasion_advice(p, *p.occasion, today));
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

  if (c.interests.empty()) {
    advice.push_back("You do not know yet what " + f +
                     " cares about: ask next time, then `kith edit " + p.id +
                     " --interest \"what they look for\"`.");
  } else if (p.you_can_offer.empty() && p.introductions.empty() && !me.skills.empty()) {
    advice.push_back("Nothing you or your network know matches what " + f + " cares about (" +
                     natural_list(c.interests) + "): ask what would help right now.");
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
                     ": make it about them.");
  }
  advice.push_back("After you reach out, record it: `kith log " + p.id + " --kind " +
                   std::string(meeting_kind(p)) + "` (add --give when you offered something).");
  return advice;
}

DraftFields draft_fields(const Pitch& p) {
  DraftFields f;
  f.name = p.name;
  f.first_name = p.first_name;
  f.my_name = p.my_name;
  f.offer = natural_list(p.you_can_offer);
  if (!p.introductions.empty()) f.intro = intro_phrase(p.introductions.front());
  std::vector<std::string> shared;
  for (const auto& c : p.common_ground) {
    if (c.kind != CommonKind::how_met) shared.push_back(c.value);
  }
  f.common = natural_list(shared);
  f.ask = p.ask.value_or("");
  if (p.occasion) f.occasion = p.occasion->opening;
  return f;
}

std::string builtin_draft(const Pitch& p) {
  std::vector<std::string> paragraphs;
  paragraphs.push_back("Hi " + p.first_name + ",");
  // A fresh occasion is the most natural opening there is.
  if (p.occasion) paragraphs.push_back(p.occasion->opening);

  // What is in it for them comes first.
  const Introduction* intro = p.introductions.empty() ? nullptr : &p.introductions.front();
  if (!p.you_can_offer.empty()) {
    std::string s = "I know you're interested in " + natural_list(p.you_can_offer) +
                    ", and I'd be happy to share what I've learned there if it's useful.";
    if (intro) {
      s += " I could also introduce you to " + intro->name + ", who knows a lot about " +
           natural_list(intro->topics) + ".";
    }
    paragraphs.push_back(std::move(s));
  } else if (intro) {
    paragraphs.push_back("I thought you might like to meet " + intro->name +
                         ", who knows a lot about " + natural_list(intro->topics) +
                         "; I'd be happy to introduce you.");
  } else {
    paragraphs.push_back("I'd love to hear what you're working on these days.");
  }

  std::string invitation;
  if (has_common(p, CommonKind::company)) {
    invitation = "Would you be up for lunch one day in the next few weeks?";
  } else if (has_common(p, CommonKind::location)) {
    std::string where;
    for (const auto& c : p.common_ground) {
      if (c.kind == CommonKind::location) where = c.value;
    }
    invitation = "Would you be up for a coffee in " + where + " in the next few weeks?";
  } else {
    invitation = "Would you be up for a coffee, or a video call, in the next few weeks?";
  }
  if (!p.ask) invitation += " No agenda; it would just be good to talk.";
  paragraphs.push_back(std::move(invitation));

  // The ask, if any, only after the value offered.
  if (p.ask) paragraphs.push_back("And one thing I wanted to ask, no pressure at all: " + *p.ask);

  const std::string me = first_word(p.my_name);
  paragraphs.push_back(me.empty() ? "Best," : "Best,\n" + me);

  std::string out;
  for (std::size_t i = 0; i < paragraphs.size(); ++i) {
    if (i > 0) out += "\n\n";
    out += paragraphs[i];
  }
  return out;
}

}  // namespace kith
