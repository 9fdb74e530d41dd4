// What the pitch tests (pitch_test, pitch_text_test) build their networks
// with: a contact, a network kept in Store::load's order, and the network the
// draft tests share.
#pragma once

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "core/pitch.h"

namespace kith::test {

using Strings = std::vector<std::string>;

// A date written YYYY-MM-DD (the test fails on anything else).
inline Date day(const char* iso) { return parse_iso_date(iso).value(); }

// The day every pitch is made on: Friday 2026-11-20.
inline const Date kToday = day("2026-11-20");

// A contact added on 2025-01-01 with these skills and interests.
inline Contact person(std::string id, std::string name, Strings skills = {},
                      Strings interests = {}) {
  Contact c;
  c.id = std::move(id);
  c.name = std::move(name);
  c.skills = std::move(skills);
  c.interests = std::move(interests);
  c.added_on = day("2025-01-01");
  return c;
}

// Whether s begins with prefix.
inline bool starts_with(const std::string& s, const std::string& prefix) {
  return s.starts_with(prefix);
}

// A draft with the lines of each paragraph joined again (make_pitch wraps
// it at 72 columns), so that a sentence can be looked for whole. The line
// break of a sign-off ("Best,\nNoor") is joined too.
inline std::string unwrapped(const std::string& draft) {
  std::string out;
  for (std::size_t i = 0; i < draft.size(); ++i) {
    const bool lone = draft[i] == '\n' && i + 1 < draft.size() && draft[i + 1] != '\n' &&
                      (i == 0 || draft[i - 1] != '\n');
    out += lone ? ' ' : draft[i];
  }
  return out;
}

// Whether `text` contains `needle`.
inline bool has(const std::string& text, const std::string& needle) {
  return text.find(needle) != std::string::npos;
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
  NetworkBuilder& log(const char* date, Strings ids, Intent intent, std::string kind = "coffee",
                      std::optional<FollowUp> follow_up = std::nullopt) {
    Interaction i;
    i.id = "i" + std::to_string(network.interactions.size());
    i.date = day(date);
    i.contacts = std::move(ids);
    i.intent = intent;
    i.kind = std::move(kind);
    i.logged_at = std::string(date) + "T12:00:00Z";
    i.follow_up = std::move(follow_up);
    network.interactions.push_back(std::move(i));
    std::stable_sort(network.interactions.begin(), network.interactions.end(),
                     [](const Interaction& a, const Interaction& b) { return a.date < b.date; });
    return *this;
  }
  // A catch-up over coffee on `date` with a follow-up promised by `by`
  // (nullptr: no date) and not done.
  NetworkBuilder& promise(const char* date, Strings ids, std::string text, const char* by) {
    FollowUp f;
    f.text = std::move(text);
    if (by) f.by = day(by);
    return log(date, std::move(ids), Intent::catch_up, "coffee", std::move(f));
  }
  // The pitch for `id` on kToday.
  Pitch pitch(const std::string& id, PitchOptions options = {}) const {
    const Contact* c = network.find(id);
    EXPECT_NE(c, nullptr) << id;
    return make_pitch(network, *c, kToday, options);
  }
};

// You (Rust, hiring; interested in developer tools), José in Berlin (developer
// tools; interested in hiring and Rust), whom you last caught up with in June,
// and Amélie (hiring, Rust).
struct DraftNetwork : testing::Test {
  NetworkBuilder b;
  void SetUp() override {
    b.me({"Rust", "hiring"}, {"developer tools"});
    Contact& jose = b.add(person("jose", "José Núñez", {"developer-tools"}, {"Hiring", "rust"}));
    jose.location = "Berlin";
    b.add(person("amelie", "Amélie Dubois", {"hiring", "Rust"}));
    b.log("2026-06-01", {"jose"}, Intent::catch_up);
  }
};

}  // namespace kith::test
