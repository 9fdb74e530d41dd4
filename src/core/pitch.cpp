#include "core/pitch.h"

#include <algorithm>

#include "core/english.h"
#include "core/history.h"
#include "core/text.h"

namespace kith {
namespace {

// The first word of a name ("José Núñez" -> "José"); the whole name when it
// has no space ("陈静").
std::string first_word(std::string_view name) {
  const auto is_space = [](char c) { return c == ' ' || c == '\t'; };
  std::size_t begin = 0;
  while (begin < name.size() && is_space(name[begin])) ++begin;
  std::size_t end = begin;
  while (end < name.size() && !is_space(name[end])) ++end;
  return std::string(name.substr(begin, end - begin));
}

// The offerer's terms that match the receiver's terms: for each receiver
// term in order, the first offerer term with the same normalised key,
// spelled as the offerer wrote it. Each key appears once.
std::vector<std::string> matching_terms(const std::vector<std::string>& offered,
                                        const std::vector<std::string>& wanted) {
  std::vector<std::string> offered_keys;
  offered_keys.reserve(offered.size());
  for (const auto& term : offered) offered_keys.push_back(text::normalize_term(term));
  std::vector<std::string> out;
  std::vector<std::string> seen;
  for (const auto& want : wanted) {
    const std::string key = text::normalize_term(want);
    if (key.empty() || std::find(seen.begin(), seen.end(), key) != seen.end()) continue;
    for (std::size_t i = 0; i < offered.size(); ++i) {
      if (offered_keys[i] == key) {
        out.push_back(offered[i]);
        seen.push_back(key);
        break;
      }
    }
  }
  return out;
}

bool both_set_and_match(const std::optional<std::string>& a, const std::optional<std::string>& b) {
  return a && b && text::terms_match(*a, *b);
}

std::vector<CommonGround> find_common_ground(const Profile& me, const Contact& c) {
  std::vector<CommonGround> out;
  std::vector<std::string> seen;
  for (const auto& tag : c.tags) {
    const std::string key = text::normalize_term(tag);
    if (key.empty() || std::find(seen.begin(), seen.end(), key) != seen.end()) continue;
    if (std::any_of(me.tags.begin(), me.tags.end(),
                    [&](const std::string& mine) { return text::terms_match(mine, tag); })) {
      out.push_back({CommonKind::tag, tag});
      seen.push_back(key);
    }
  }
  if (both_set_and_match(me.company, c.company)) out.push_back({CommonKind::company, *c.company});
  if (both_set_and_match(me.location, c.location)) {
    out.push_back({CommonKind::location, *c.location});
  }
  if (c.how_met) out.push_back({CommonKind::how_met, *c.how_met});
  return out;
}

bool has_common(const Pitch& p, CommonKind kind) {
  return std::any_of(p.common_ground.begin(), p.common_ground.end(),
                     [&](const CommonGround& c) { return c.kind == kind; });
}

// Lunch with a colleague, coffee with everyone else.
std::string_view meeting_kind(const Pitch& p) {
  return has_common(p, CommonKind::company) ? "lunch" : "coffee";
}

std::vector<Introduction> rank_introductions(const Network& network, const Contact& contact,
                                             const HistoryMap& history, std::size_t limit) {
  std::vector<Introduction> out;
  for (const auto& other : network.contacts) {
    if (other.archived || other.id == contact.id) continue;
    auto topics = matching_terms(other.skills, contact.interests);
    if (topics.empty()) continue;
    out.push_back(
        {other.id, other.name, std::move(topics), history_of(history, other.id).last_no_need});
  }
  std::sort(out.begin(), out.end(), [](const Introduction& a, const Introduction& b) {
    if (a.topics.size() != b.topics.size()) return a.topics.size() > b.topics.size();
    if (a.last_no_need != b.last_no_need) {
      if (!a.last_no_need || !b.last_no_need) return a.last_no_need.has_value();
      return *a.last_no_need > *b.last_no_need;
    }
    return a.id < b.id;
  });
  if (out.size() > limit) out.resize(limit);
  return out;
}

Balance balance_of(const ContactHistory& h) {
  Balance b;
  b.gives = h.gives;
  b.catch_ups = h.catch_ups;
  b.asks = h.asks;
  if (h.last) b.last = LastInteraction{h.last->date, h.last->intent, h.last->kind};
  b.last_give = h.last_give;
  b.last_no_need = h.last_no_need;
  return b;
}

GiveFirstReasons give_first_reasons(const Balance& b, bool asking, Date today) {
  GiveFirstReasons r;
  r.asks_outnumber_gives = b.asks > b.gives;
  r.last_was_ask = b.last && b.last->intent == Intent::ask;
  const Date recent = today - date::days(kRecentGiveDays);
  r.asking_without_recent_give = asking && (!b.last_give || *b.last_give < recent);
  return r;
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

std::vector<std::string> make_advice(const Pitch& p, const Profile& me, const Contact& c,
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
  if (p.balance.last == std::nullopt) {
    advice.push_back("This would be your first recorded interaction with " + f +
                     ": make it about them.");
  }
  advice.push_back("After you reach out, record it: `kith log " + p.id + " --kind " +
                   std::string(meeting_kind(p)) + "` (add --give when you offered something).");
  return advice;
}

bool is_blank(std::string_view line) {
  return std::all_of(line.begin(), line.end(),
                     [](char ch) { return ch == ' ' || ch == '\t' || ch == '\r'; });
}

bool is_placeholder_char(char ch) {
  return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
         ch == '_' || ch == '-';
}

// When text[at] starts a placeholder ("{{", spaces, word, spaces, "}}"),
// its word and total length; otherwise an empty word.
std::pair<std::string_view, std::size_t> placeholder_at(std::string_view text, std::size_t at) {
  if (text.substr(at, 2) != "{{") return {{}, 0};
  std::size_t i = at + 2;
  while (i < text.size() && text[i] == ' ') ++i;
  const std::size_t word_begin = i;
  while (i < text.size() && is_placeholder_char(text[i])) ++i;
  const std::size_t word_end = i;
  while (i < text.size() && text[i] == ' ') ++i;
  if (word_end == word_begin || text.substr(i, 2) != "}}") return {{}, 0};
  return {text.substr(word_begin, word_end - word_begin), i + 2 - at};
}

const std::string& field_value(const DraftFields& f, std::string_view name) {
  if (name == "name") return f.name;
  if (name == "first_name") return f.first_name;
  if (name == "my_name") return f.my_name;
  if (name == "offer") return f.offer;
  if (name == "intro") return f.intro;
  if (name == "common") return f.common;
  if (name == "occasion") return f.occasion;
  return f.ask;  // parse_template admits no other name
}

}  // namespace

const std::vector<std::string_view>& template_placeholders() {
  static const std::vector<std::string_view> names = {"name",  "first_name", "my_name", "offer",
                                                      "intro", "common",     "ask",     "occasion"};
  return names;
}

Result<DraftTemplate> parse_template(std::string_view text, std::string_view where) {
  const std::string file = text::sanitize_for_terminal(where);
  if (!text::is_valid_utf8(text)) {
    return usage_error("template " + file + " is not valid UTF-8 text");
  }
  DraftTemplate tmpl;
  std::size_t line_start = 0;
  int line_number = 1;
  while (line_start <= text.size()) {
    std::size_t line_end = text.find('\n', line_start);
    if (line_end == std::string_view::npos) line_end = text.size();
    const std::string_view line = text.substr(line_start, line_end - line_start);
    DraftTemplate::Line pieces;
    std::string literal;
    for (std::size_t i = 0; i < line.size();) {
      auto [word, length] = placeholder_at(line, i);
      if (length == 0) {
        literal.push_back(line[i++]);
        continue;
      }
      const auto& known = template_placeholders();
      if (std::find(known.begin(), known.end(), word) == known.end()) {
        std::string list;
        for (auto name : known)
          list += (list.empty() ? "" : " ") + ("{{" + std::string(name) + "}}");
        return usage_error("template " + file + ":" + std::to_string(line_number) +
                               ": unknown placeholder {{" + std::string(word) + "}}",
                           "the placeholders are " + list);
      }
      if (!literal.empty()) pieces.push_back({false, std::move(literal)});
      literal.clear();
      pieces.push_back({true, std::string(word)});
      i += length;
    }
    if (!literal.empty()) pieces.push_back({false, std::move(literal)});
    tmpl.lines.push_back(std::move(pieces));
    line_start = line_end + 1;
    ++line_number;
  }
  return tmpl;
}

std::string describe(const CommonGround& c) {
  switch (c.kind) {
    case CommonKind::tag:
      return "shared tag: " + c.value;
    case CommonKind::company:
      return "same company: " + c.value;
    case CommonKind::location:
      return "same location: " + c.value;
    case CommonKind::how_met:
      return "how you met: " + c.value;
  }
  return c.value;
}

Pitch make_pitch(const Network& network, const Contact& contact, Date today,
                 const PitchOptions& options) {
  return make_pitch(network, summarize(network.interactions), contact, today, options);
}

Pitch make_pitch(const Network& network, const HistoryMap& history, const Contact& contact,
                 Date today, const PitchOptions& options) {
  const Profile& me = network.profile;
  Pitch p;
  p.id = contact.id;
  p.name = contact.name;
  p.first_name = first_word(contact.name);
  p.my_name = me.name;
  p.you_can_offer = matching_terms(me.skills, contact.interests);
  p.introductions = rank_introductions(network, contact, history, options.max_intros);
  p.they_can_offer_you = matching_terms(contact.skills, me.interests);
  p.common_ground = find_common_ground(me, contact);
  p.balance = balance_of(history_of(history, contact.id));
  const std::vector<Occasion> occasions =
      occasions_of(contact, p.balance.last_no_need, today, today + date::days{kBirthdayDays});
  if (const Occasion* o = lead_occasion(occasions)) {
    p.occasion = PitchOccasion{o->kind, o->date, o->text, opening_line(*o, today)};
  }
  p.give_first = give_first_reasons(p.balance, options.ask.has_value(), today);
  p.ask = options.ask;
  p.advice = make_advice(p, me, contact, today);
  p.draft = options.draft_template ? fill_template(*options.draft_template, draft_fields(p))
                                   : builtin_draft(p);
  return p;
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

std::string fill_template(const DraftTemplate& tmpl, const DraftFields& fields) {
  std::vector<std::string> kept;
  const auto& lines = tmpl.lines;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    std::string line;
    bool has_placeholder = false;
    bool all_empty = true;
    for (const auto& piece : lines[i]) {
      if (!piece.placeholder) {
        line += piece.text;
        continue;
      }
      has_placeholder = true;
      const std::string& value = field_value(fields, piece.text);
      if (!value.empty()) all_empty = false;
      line += value;
    }
    if (has_placeholder && all_empty) {
      // Keep paragraphs one blank line apart: a dropped line between two
      // blank lines (or at the top, before one) takes the next one along.
      const bool blank_before = kept.empty() || is_blank(kept.back());
      if (blank_before && i + 1 < lines.size()) {
        std::string next;
        bool next_literal = true;
        for (const auto& piece : lines[i + 1]) {
          next_literal = next_literal && !piece.placeholder;
          next += piece.text;
        }
        if (next_literal && is_blank(next)) ++i;
      }
      continue;
    }
    kept.push_back(std::move(line));
  }
  std::string out;
  for (std::size_t i = 0; i < kept.size(); ++i) {
    if (i > 0) out += '\n';
    out += kept[i];
  }
  while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
  return out;
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

Json to_json(const Pitch& p) {
  const auto date_or_null = [](const std::optional<Date>& d) {
    return d ? Json(format_date(*d)) : Json(nullptr);
  };
  Json j = Json::object();
  j["contact"] = {{"id", p.id}, {"name", p.name}};
  j["you_can_offer"] = p.you_can_offer;
  Json intros = Json::array();
  for (const auto& i : p.introductions) {
    intros.push_back({{"id", i.id},
                      {"name", i.name},
                      {"topics", i.topics},
                      {"last_no_need", date_or_null(i.last_no_need)}});
  }
  j["introductions"] = std::move(intros);
  j["they_can_offer_you"] = p.they_can_offer_you;
  Json common = Json::array();
  for (const auto& c : p.common_ground) common.push_back(describe(c));
  j["common_ground"] = std::move(common);
  Json balance = {
      {"give", p.balance.gives}, {"catch_up", p.balance.catch_ups}, {"ask", p.balance.asks}};
  if (p.balance.last) {
    balance["last"] = {{"date", format_date(p.balance.last->date)},
                       {"intent", std::string(to_string(p.balance.last->intent))},
                       {"kind", p.balance.last->kind}};
  } else {
    balance["last"] = nullptr;
  }
  balance["last_give"] = date_or_null(p.balance.last_give);
  balance["last_no_need"] = date_or_null(p.balance.last_no_need);
  j["balance"] = std::move(balance);
  if (p.occasion) {
    j["occasion"] = {{"kind", std::string(to_string(p.occasion->kind))},
                     {"date", format_date(p.occasion->date)},
                     {"text", p.occasion->text},
                     {"opening", p.occasion->opening}};
  } else {
    j["occasion"] = nullptr;
  }
  j["advice"] = p.advice;
  j["draft"] = p.draft;
  return j;
}

}  // namespace kith
