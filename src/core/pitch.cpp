#include "core/pitch.h"

#include <algorithm>

#include "core/history.h"
#include "core/pitch_text.h"
#include "core/text.h"

namespace kith {

std::string first_word(std::string_view name) {
  const auto is_space = [](char c) { return c == ' ' || c == '\t'; };
  std::size_t begin = 0;
  while (begin < name.size() && is_space(name[begin])) ++begin;
  std::size_t end = begin;
  while (end < name.size() && !is_space(name[end])) ++end;
  return std::string(name.substr(begin, end - begin));
}

namespace {

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

}  // namespace

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
  p.advice = pitch_advice(p, me, contact, today);
  p.draft = options.draft_template ? fill_template(*options.draft_template, draft_fields(p))
                                   : builtin_draft(p);
  return p;
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
