#include "core/pitch.h"

#include <algorithm>
#include <tuple>
#include <utility>

#include "core/calendar.h"
#include "core/history.h"
#include "core/identity.h"
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

std::string_view to_string(DraftTone tone) {
  switch (tone) {
    case DraftTone::warm:
      return "warm";
    case DraftTone::brief:
      return "brief";
    case DraftTone::formal:
      return "formal";
  }
  return "warm";
}

std::optional<DraftTone> parse_draft_tone(std::string_view text) {
  for (DraftTone tone : {DraftTone::warm, DraftTone::brief, DraftTone::formal}) {
    if (text == to_string(tone)) return tone;
  }
  return std::nullopt;
}

std::string_view to_string(Warmth warmth) {
  switch (warmth) {
    case Warmth::warm:
      return "warm";
    case Warmth::lapsed:
      return "lapsed";
    case Warmth::never:
      return "never";
  }
  return "never";
}

std::string_view to_string(Offer::Match match) {
  return match == Offer::Match::exact ? "exact" : "close";
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

// The terms of `theirs` (in their order, spelled as there) that match one of
// `mine`, each key once.
std::vector<std::string> shared_terms(const std::vector<std::string>& mine,
                                      const std::vector<std::string>& theirs) {
  std::vector<std::string> mine_keys;
  for (const auto& m : mine) mine_keys.push_back(text::normalize_term(m));
  std::vector<std::string> out;
  std::vector<std::string> seen;
  for (const auto& t : theirs) {
    const std::string key = text::normalize_term(t);
    if (key.empty() || std::find(seen.begin(), seen.end(), key) != seen.end()) continue;
    if (std::find(mine_keys.begin(), mine_keys.end(), key) == mine_keys.end()) continue;
    out.push_back(t);
    seen.push_back(key);
  }
  return out;
}

// Whether normalised term `outer` holds all the words of normalised term
// `inner`, in order and next to each other ("embedded rust" holds "rust"),
// `inner` having three letters or more.
bool holds_term_words(const std::string& outer, const std::string& inner) {
  if (inner.size() < 3 || outer.size() <= inner.size()) return false;
  return (" " + outer + " ").find(" " + inner + " ") != std::string::npos;
}

bool terms_close(const std::string& a, const std::string& b) {
  return holds_term_words(a, b) || holds_term_words(b, a);
}

// Whether the contact lists `skill_key` as their own: among their skills
// (the same term or a close one) or in their role.
bool contact_knows(const Contact& c, const std::string& skill_key) {
  for (const auto& s : c.skills) {
    const std::string key = text::normalize_term(s);
    if (!key.empty() && (key == skill_key || terms_close(key, skill_key))) return true;
  }
  return c.role && holds_term_words(text::normalize_term(*c.role), skill_key);
}

std::vector<Offer> find_offers(const Profile& me, const Contact& c) {
  struct Candidate {
    Offer offer;
    std::size_t interest_index;
    std::size_t skill_index;
  };
  std::vector<std::string> interest_keys;
  for (const auto& i : c.interests) interest_keys.push_back(text::normalize_term(i));
  std::vector<Candidate> candidates;
  for (std::size_t s = 0; s < me.skills.size(); ++s) {
    const std::string skill_key = text::normalize_term(me.skills[s]);
    if (skill_key.empty()) continue;
    // The closest of their interests for this skill, the first of equals.
    std::optional<Candidate> best;
    for (std::size_t i = 0; i < c.interests.size(); ++i) {
      const std::string& key = interest_keys[i];
      if (key.empty()) continue;
      Offer::Match match;
      if (key == skill_key) {
        match = Offer::Match::exact;
      } else if (terms_close(key, skill_key)) {
        match = Offer::Match::close;
      } else {
        continue;
      }
      if (!best || (match == Offer::Match::exact && best->offer.match == Offer::Match::close)) {
        best = Candidate{{me.skills[s], c.interests[i], match, false}, i, s};
      }
    }
    if (best) {
      best->offer.theirs = contact_knows(c, skill_key);
      candidates.push_back(std::move(*best));
    }
  }
  std::sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
    return std::tuple(a.offer.match != Offer::Match::exact, a.interest_index, a.skill_index) <
           std::tuple(b.offer.match != Offer::Match::exact, b.interest_index, b.skill_index);
  });
  // A skill written twice ("RUST", "rust") is offered once.
  std::vector<Offer> out;
  std::vector<std::string> seen;
  for (auto& cand : candidates) {
    const std::string key = text::normalize_term(cand.offer.skill);
    if (std::find(seen.begin(), seen.end(), key) != seen.end()) continue;
    seen.push_back(key);
    out.push_back(std::move(cand.offer));
  }
  return out;
}

bool both_set_and_match(const std::optional<std::string>& a, const std::optional<std::string>& b) {
  return a && b && text::terms_match(*a, *b);
}

bool companies_match(std::string_view a, std::string_view b) {
  return text::terms_match(a, b) || same_company(a, b);
}

// The people (their ids, each once) who share an interaction with the
// contact, the most recent shared interaction first.
std::vector<std::string> met_together_ids(const std::vector<Interaction>& own,
                                          const std::string& contact_id, const AliasMap& aliases) {
  std::vector<std::string> out;
  for (auto it = own.rbegin(); it != own.rend(); ++it) {
    for (const auto& raw : it->contacts) {
      const std::string id(canonical_id(aliases, raw));
      if (id == contact_id || std::find(out.begin(), out.end(), id) != out.end()) continue;
      out.push_back(id);
    }
  }
  return out;
}

std::vector<CommonGround> find_common_ground(const Network& network, const Contact& c,
                                             const std::vector<std::string>& met_ids) {
  const Profile& me = network.profile;
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
  for (auto& interest : shared_terms(me.interests, c.interests)) {
    out.push_back({CommonKind::interest, std::move(interest)});
  }
  for (auto& skill : shared_terms(me.skills, c.skills)) {
    out.push_back({CommonKind::skill, std::move(skill)});
  }
  if (both_set_and_match(me.company, c.company)) out.push_back({CommonKind::company, *c.company});
  if (me.company) {
    for (const auto& change : c.job_changes) {
      const auto& past = change.from.company;
      if (!past || !companies_match(*past, *me.company)) continue;
      if (c.company && companies_match(*c.company, *me.company)) break;  // same company already
      out.push_back({CommonKind::past_company, *past});
      break;
    }
  }
  if (both_set_and_match(me.location, c.location)) {
    out.push_back({CommonKind::location, *c.location});
  }
  for (const auto& id : met_ids) {
    if (const Contact* other = network.find(id)) {
      out.push_back({CommonKind::met_together, other->name});
    }
  }
  if (c.how_met) out.push_back({CommonKind::how_met, *c.how_met});
  return out;
}

// The cadence warmth is judged by: the contact's own, else (none, or off) the
// setting.
Duration warmth_cadence(const Contact& c, const Settings& settings) {
  if (c.every && c.every->unit != Duration::Unit::off) return *c.every;
  return settings.every;
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

std::vector<OwedFollowUp> owed_follow_ups(const std::vector<Interaction>& own, Date today) {
  std::vector<OwedFollowUp> out;
  for (const auto& i : own) {
    if (!i.follow_up || i.follow_up->done_on) continue;
    const Date due = i.follow_up->by.value_or(i.date);
    out.push_back({i.id, i.date, i.kind, i.follow_up->text, i.follow_up->by,
                   static_cast<int>((today - due).count())});
  }
  std::stable_sort(out.begin(), out.end(), [](const OwedFollowUp& a, const OwedFollowUp& b) {
    if (a.days_late != b.days_late) return a.days_late > b.days_late;
    return a.interaction_id < b.interaction_id;
  });
  return out;
}

// How many days an interaction stays recent for `c`: a quarter of its
// cadence (the setting's without one), at most kRecentDaysCap; the cap
// when the cadence is off.
int recent_window(const Contact& c, const Settings& settings, Date last) {
  const Duration every = c.every ? *c.every : settings.every;
  if (every.unit == Duration::Unit::off) return kRecentDaysCap;
  const int cycle = static_cast<int>((add_duration(last, every) - last).count());
  return std::min(kRecentDaysCap, cycle / 4);
}

Timing timing_of(const Balance& b, const Contact& c, const Settings& settings, Date today) {
  Timing t;
  if (!b.last) {
    t.first_contact = true;
    return t;
  }
  t.days_since_last = static_cast<int>((today - b.last->date).count());
  t.recent_days = recent_window(c, settings, b.last->date);
  t.recent = *t.days_since_last <= t.recent_days;
  t.thanks = b.last->intent == Intent::ask;
  t.proposes_meeting = !t.recent;
  return t;
}

FirstContact first_contact_of(const Pitch& p, const Contact& c) {
  FirstContact f;
  const auto find = [&](CommonKind kind) -> std::optional<CommonGround> {
    for (const auto& g : p.common_ground) {
      if (g.kind == kind) return g;
    }
    return std::nullopt;
  };
  for (CommonKind kind : {CommonKind::how_met, CommonKind::company, CommonKind::past_company,
                          CommonKind::tag, CommonKind::location}) {
    if (auto g = find(kind)) {
      f.connection = std::move(g);
      break;
    }
  }
  if (!f.connection) {
    const auto from = c.extra.find("imported_from");
    f.linkedin =
        (from != c.extra.end() && from->is_string() && from->get<std::string>() == "linkedin") ||
        std::any_of(c.tags.begin(), c.tags.end(),
                    [](const std::string& t) { return text::terms_match(t, "linkedin"); });
  }
  if (auto g = find(CommonKind::interest)) {
    f.reason = std::move(g);
  } else if (auto s = find(CommonKind::skill)) {
    f.reason = std::move(s);
  } else if (!p.they_can_offer_you.empty()) {
    f.reason = CommonGround{CommonKind::skill, p.they_can_offer_you.front()};
  }
  return f;
}

// The interactions of `network` that name `contact` (or an alias of it),
// each alias replaced by the contact's id.
std::vector<Interaction> interactions_naming(const Network& network, const Contact& contact) {
  std::vector<Interaction> out;
  const auto names = [&](const std::string& id) {
    return id == contact.id ||
           std::find(contact.aliases.begin(), contact.aliases.end(), id) != contact.aliases.end();
  };
  for (const auto& i : network.interactions) {
    if (std::none_of(i.contacts.begin(), i.contacts.end(), names)) continue;
    Interaction copy = i;
    for (auto& id : copy.contacts) {
      if (names(id)) id = contact.id;
    }
    copy.contacts.erase(std::unique(copy.contacts.begin(), copy.contacts.end()),
                        copy.contacts.end());
    out.push_back(std::move(copy));
  }
  return out;
}

}  // namespace

Warmth warmth_of(const Contact& c, const std::optional<Date>& last_no_need,
                 const Settings& settings, Date today) {
  if (!last_no_need) return Warmth::never;
  const Duration every = warmth_cadence(c, settings);
  if (every.unit == Duration::Unit::off) return Warmth::warm;
  return today < add_duration(*last_no_need, every) ? Warmth::warm : Warmth::lapsed;
}

IntroductionRanker::IntroductionRanker(std::span<const Contact* const> contacts,
                                       const HistoryMap& history, const Settings& settings,
                                       Date today) {
  for (const Contact* c : contacts) {
    if (c->archived) continue;
    Candidate candidate;
    candidate.contact = c;
    candidate.skill_keys.reserve(c->skills.size());
    for (const auto& skill : c->skills) candidate.skill_keys.push_back(text::normalize_term(skill));
    candidate.last_no_need = history_of(history, c->id).last_no_need;
    candidate.warmth = warmth_of(*c, candidate.last_no_need, settings, today);
    candidate.every = warmth_cadence(*c, settings).text;
    const std::size_t index = candidates_.size();
    for (const auto& key : candidate.skill_keys) {
      if (key.empty()) continue;
      auto& holders = by_skill_[key];
      if (holders.empty() || holders.back() != index) holders.push_back(index);
    }
    candidates_.push_back(std::move(candidate));
  }
}

std::vector<Introduction> IntroductionRanker::rank(const Contact& contact,
                                                   const std::vector<std::string>& met_ids,
                                                   std::size_t limit) const {
  // The contact's interests as keys, each once, in their order.
  std::vector<std::string> wanted;
  for (const auto& interest : contact.interests) {
    std::string key = text::normalize_term(interest);
    if (!key.empty() && std::find(wanted.begin(), wanted.end(), key) == wanted.end()) {
      wanted.push_back(std::move(key));
    }
  }
  // Only those who know one of them can be introduced.
  std::vector<std::size_t> found;
  for (const auto& key : wanted) {
    if (auto it = by_skill_.find(key); it != by_skill_.end()) {
      found.insert(found.end(), it->second.begin(), it->second.end());
    }
  }
  std::sort(found.begin(), found.end());
  found.erase(std::unique(found.begin(), found.end()), found.end());

  std::vector<Introduction> out;
  for (const std::size_t index : found) {
    const Candidate& other = candidates_[index];
    const Contact& c = *other.contact;
    if (c.id == contact.id) continue;
    // They have met through you already: nothing to introduce.
    if (std::find(met_ids.begin(), met_ids.end(), c.id) != met_ids.end()) continue;
    // Their skills that match the contact's interests, in the order of the
    // interests, each spelled as in the first of their skills with that key.
    std::vector<std::string> topics;
    for (const auto& key : wanted) {
      for (std::size_t k = 0; k < other.skill_keys.size(); ++k) {
        if (other.skill_keys[k] == key) {
          topics.push_back(c.skills[k]);
          break;
        }
      }
    }
    if (topics.empty()) continue;
    out.push_back({c.id, c.name, std::move(topics), other.last_no_need, other.warmth, other.every});
  }
  std::sort(out.begin(), out.end(), [](const Introduction& a, const Introduction& b) {
    const bool a_warm = a.warmth == Warmth::warm;
    const bool b_warm = b.warmth == Warmth::warm;
    if (a_warm != b_warm) return a_warm;
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

std::string describe(const CommonGround& c) {
  switch (c.kind) {
    case CommonKind::tag:
      return "shared tag: " + c.value;
    case CommonKind::interest:
      return "shared interest: " + c.value;
    case CommonKind::skill:
      return "shared skill: " + c.value;
    case CommonKind::company:
      return "same company: " + c.value;
    case CommonKind::past_company:
      return "past company: " + c.value + " (theirs before, yours now)";
    case CommonKind::location:
      return "same location: " + c.value;
    case CommonKind::met_together:
      return "met together: " + c.value;
    case CommonKind::how_met:
      return "how you met: " + c.value;
  }
  return c.value;
}

Pitch make_pitch(const Network& network, const Contact& contact, Date today,
                 const PitchOptions& options) {
  return make_pitch(network, summarize(network.interactions), interactions_naming(network, contact),
                    contact, today, options);
}

Pitch make_pitch(const Network& network, const HistoryMap& history,
                 const std::vector<Interaction>& own_all, const Contact& contact, Date today,
                 const PitchOptions& options) {
  const Profile& me = network.profile;
  // The past as of today: what was logged for later dates does not count yet.
  std::vector<Interaction> own;
  for (const auto& i : own_all) {
    if (i.date <= today) own.push_back(i);
  }
  const std::vector<std::string> met_ids =
      met_together_ids(own, contact.id, alias_map(network.contacts));

  Pitch p;
  p.id = contact.id;
  p.name = contact.name;
  p.first_name = first_word(contact.name);
  p.my_name = me.name;
  p.my_role = me.role.value_or("");
  p.my_company = me.company.value_or("");
  p.how_met = contact.how_met.value_or("");
  p.tone = options.tone;
  p.owed = owed_follow_ups(own, today);
  p.offers = find_offers(me, contact);
  for (const auto& o : p.offers) p.you_can_offer.push_back(o.skill);
  std::vector<const Contact*> candidates;
  candidates.reserve(network.contacts.size());
  for (const auto& c : network.contacts) candidates.push_back(&c);
  p.introductions = IntroductionRanker(candidates, history, network.settings, today)
                        .rank(contact, met_ids, options.max_intros);
  p.they_can_offer_you = matching_terms(contact.skills, me.interests);
  p.common_ground = find_common_ground(network, contact, met_ids);
  p.balance = balance_of(history_of(summarize(own), contact.id));
  p.balance.warmth = warmth_of(contact, p.balance.last_no_need, network.settings, today);
  p.timing = timing_of(p.balance, contact, network.settings, today);
  if (p.timing.first_contact) p.first_contact = first_contact_of(p, contact);
  const std::vector<Occasion> occasions =
      occasions_of(contact, p.balance.last_no_need, today, today + date::days{kBirthdayDays});
  if (const Occasion* o = lead_occasion(occasions)) {
    PitchOccasion po{o->kind, o->date, o->text, opening_line(*o, today), {}, {}};
    if (o->job_change) {
      po.company = o->job_change->to.company.value_or("");
      po.role = o->job_change->to.role.value_or("");
    }
    p.occasion = std::move(po);
  }
  p.give_first = give_first_reasons(p.balance, options.ask.has_value(), today);
  p.ask = options.ask;
  p.advice = pitch_advice(p, me, contact, today);
  p.draft = wrap_draft(options.draft_template
                           ? fill_template(*options.draft_template, draft_fields(p, today))
                           : builtin_draft(p, today),
                       kDraftColumns);
  return p;
}

Json to_json(const Pitch& p) {
  const auto date_or_null = [](const std::optional<Date>& d) {
    return d ? Json(format_date(*d)) : Json(nullptr);
  };
  const auto string_or_null = [](const std::string& s) {
    return s.empty() ? Json(nullptr) : Json(s);
  };
  Json j = Json::object();
  j["contact"] = {{"id", p.id}, {"name", p.name}};
  j["you_can_offer"] = p.you_can_offer;
  Json offers = Json::array();
  for (const auto& o : p.offers) {
    offers.push_back({{"skill", o.skill},
                      {"interest", o.interest},
                      {"match", std::string(to_string(o.match))},
                      {"as", o.theirs ? "trading notes" : "help"}});
  }
  j["offers"] = std::move(offers);
  Json intros = Json::array();
  for (const auto& i : p.introductions) {
    intros.push_back({{"id", i.id},
                      {"name", i.name},
                      {"topics", i.topics},
                      {"last_no_need", date_or_null(i.last_no_need)},
                      {"warmth", std::string(to_string(i.warmth))},
                      {"why", introduction_reasons(p, i)}});
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
  balance["warmth"] = std::string(to_string(p.balance.warmth));
  j["balance"] = std::move(balance);
  Json owed = Json::array();
  for (const auto& o : p.owed) {
    owed.push_back({{"interaction", o.interaction_id},
                    {"date", format_date(o.date)},
                    {"kind", o.kind},
                    {"text", o.text},
                    {"by", date_or_null(o.by)},
                    {"days_late", o.days_late}});
  }
  j["owed"] = std::move(owed);
  const Timing& t = p.timing;
  j["timing"] = {{"first_contact", t.first_contact},
                 {"days_since_last", t.days_since_last ? Json(*t.days_since_last) : Json(nullptr)},
                 {"recent_days", t.recent_days},
                 {"recent", t.recent},
                 {"thanks", t.thanks},
                 {"proposes_meeting", t.proposes_meeting}};
  if (p.first_contact) {
    const FirstContact& f = *p.first_contact;
    j["first_contact"] = {{"connection", f.connection ? Json(describe(*f.connection))
                                         : f.linkedin ? Json("connected on LinkedIn")
                                                      : Json(nullptr)},
                          {"about_me", string_or_null(about_me_sentence(p))},
                          {"reason", f.reason ? Json(describe(*f.reason)) : Json(nullptr)}};
  } else {
    j["first_contact"] = nullptr;
  }
  if (p.occasion) {
    j["occasion"] = {{"kind", std::string(to_string(p.occasion->kind))},
                     {"date", format_date(p.occasion->date)},
                     {"text", p.occasion->text},
                     {"opening", p.occasion->opening},
                     {"company", string_or_null(p.occasion->company)},
                     {"role", string_or_null(p.occasion->role)}};
  } else {
    j["occasion"] = nullptr;
  }
  j["advice"] = p.advice;
  j["tone"] = std::string(to_string(p.tone));
  j["draft"] = p.draft;
  return j;
}

}  // namespace kith
