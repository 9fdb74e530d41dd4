#include "core/complete.h"

#include <algorithm>
#include <array>
#include <set>
#include <utility>

#include "core/vocabulary.h"

namespace kith::complete {
namespace {

char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = ascii_lower(c);
  return out;
}

bool starts_with_ignoring_case(std::string_view s, std::string_view prefix) {
  if (prefix.size() > s.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (ascii_lower(s[i]) != ascii_lower(prefix[i])) return false;
  }
  return true;
}

// "[CONTACT...]" -> "CONTACT"
std::string bare_value_name(std::string_view name) {
  while (!name.empty() && (name.front() == '[' || name.front() == '<')) name.remove_prefix(1);
  while (!name.empty() && (name.back() == ']' || name.back() == '>')) name.remove_suffix(1);
  while (name.ends_with("...")) name.remove_suffix(3);
  std::string out(name);
  for (char& c : out) c = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
  return out;
}

// The innermost command first, as the parser falls back to the outer ones.
const Option* find_option(const std::vector<const Command*>& path, std::string_view name) {
  for (auto it = path.rbegin(); it != path.rend(); ++it) {
    for (const Option& o : (*it)->options) {
      if (std::find(o.names.begin(), o.names.end(), name) != o.names.end()) return &o;
    }
  }
  return nullptr;
}

const Command* find_subcommand(const Command& command, std::string_view word) {
  for (const Command& sub : command.subcommands) {
    if (sub.name == word) return &sub;
    if (std::find(sub.aliases.begin(), sub.aliases.end(), word) != sub.aliases.end()) return &sub;
  }
  return nullptr;
}

bool shares_a_name(const std::vector<std::string>& names, const Option& o) {
  return std::any_of(names.begin(), names.end(), [&](const std::string& n) {
    return std::find(o.names.begin(), o.names.end(), n) != o.names.end();
  });
}

bool excluded(const Option& o, const std::vector<const Option*>& used) {
  return std::any_of(used.begin(), used.end(), [&](const Option* u) {
    return shares_a_name(u->excludes, o) || shares_a_name(o.excludes, *u);
  });
}

std::vector<Candidate> option_candidates(const Position& p) {
  std::vector<Candidate> out;
  for (const Option& o : p.command().options) {
    const bool used = std::find(p.used.begin(), p.used.end(), &o) != p.used.end();
    if (o.hidden || o.names.empty() || (used && !o.repeatable) || excluded(o, p.used)) continue;
    if (p.prefix.size() <= 1) {  // "" or "-": the main name only
      out.push_back({o.names.front(), o.summary});
      continue;
    }
    for (const std::string& name : o.names) {
      if (name.starts_with(p.prefix)) {
        out.push_back({name, o.summary});
        break;
      }
    }
  }
  return out;
}

std::vector<Candidate> subcommand_candidates(const Command& command, std::string_view prefix) {
  std::vector<Candidate> out;
  for (const Command& sub : command.subcommands) {
    if (sub.hidden) continue;
    if (starts_with_ignoring_case(sub.name, prefix)) {
      out.push_back({sub.name, sub.summary});
      continue;
    }
    for (const std::string& alias : sub.aliases) {
      if (!prefix.empty() && starts_with_ignoring_case(alias, prefix)) {
        out.push_back({alias, sub.summary});
        break;
      }
    }
  }
  return out;
}

template <class Words>
std::vector<Candidate> words_of(const Words& words) {
  std::vector<Candidate> out;
  for (const auto& w : words) out.push_back({std::string(w), {}});
  return out;
}

Answer values_of(ValueKind kind, const std::vector<std::string>& choices, std::string_view prefix,
                 const Sources& sources) {
  Answer a;
  switch (kind) {
    case ValueKind::none:
      break;
    case ValueKind::choices:
      a.candidates = words_of(choices);
      break;
    case ValueKind::contact:
      a.candidates = sources.contacts(ascii_lower(prefix));
      break;
    case ValueKind::follow_up:
      a.candidates = sources.open_follow_ups();
      break;
    case ValueKind::tag:
    case ValueKind::skill:
    case ValueKind::interest:
      a.candidates = words_of(sources.terms(kind));
      break;
    case ValueKind::kind: {
      a.candidates = words_of(standard_kinds());
      auto in_use = words_of(sources.kinds());
      a.candidates.insert(a.candidates.end(), in_use.begin(), in_use.end());
      break;
    }
    case ValueKind::setting_key:
      for (const SettingKey& s : setting_keys()) {
        a.candidates.push_back({std::string(s.key), std::string(s.summary)});
      }
      break;
    case ValueKind::date:
      a.candidates = words_of(suggested_dates());
      break;
    case ValueKind::duration:
      a.candidates = words_of(suggested_durations());
      break;
    case ValueKind::cadence:
      a.candidates = words_of(suggested_durations());
      a.candidates.push_back({"off", "never due"});
      break;
    case ValueKind::shell:
      a.candidates = words_of(completion_shells());
      break;
    case ValueKind::file:
      a.directive = Directive::files;
      break;
    case ValueKind::directory:
      a.directive = Directive::directories;
      break;
  }
  return a;
}

// Keeps the candidates that match, once each, not given already, with the lead.
void finish(std::vector<Candidate>& candidates, const Position& p,
            const std::vector<std::string>* given) {
  std::set<std::string, std::less<>> seen;
  if (given) seen.insert(given->begin(), given->end());
  std::vector<Candidate> kept;
  for (Candidate& c : candidates) {
    if (!c.matched && !starts_with_ignoring_case(c.value, p.prefix)) continue;
    if (!seen.insert(c.value).second) continue;
    c.value = p.lead + c.value;
    kept.push_back(std::move(c));
  }
  candidates = std::move(kept);
}

const std::vector<std::string>* given_for(const Position& p, const std::string& key) {
  auto it = p.given.find(key);
  return it == p.given.end() ? nullptr : &it->second;
}

}  // namespace

ValueKind value_kind(std::string_view option_name, std::string_view value_name) {
  static constexpr std::array<std::pair<std::string_view, ValueKind>, 10> by_option = {{
      {"--tag", ValueKind::tag},
      {"--untag", ValueKind::tag},
      {"--skill", ValueKind::skill},
      {"--no-skill", ValueKind::skill},
      {"--interest", ValueKind::interest},
      {"--no-interest", ValueKind::interest},
      {"--kind", ValueKind::kind},
      {"--every", ValueKind::cadence},
      {"--template", ValueKind::file},
      {"--data-dir", ValueKind::directory},
  }};
  for (const auto& [name, kind] : by_option) {
    if (name == option_name) return kind;
  }
  static constexpr std::array<std::pair<std::string_view, ValueKind>, 13> by_value = {{
      {"CONTACT", ValueKind::contact},
      {"CONTACTS", ValueKind::contact},
      {"KEEP", ValueKind::contact},  // kith merge KEEP OTHER...
      {"OTHER", ValueKind::contact},
      {"FOLLOW_UP_ID", ValueKind::follow_up},
      {"KEY", ValueKind::setting_key},
      {"DATE", ValueKind::date},
      {"DURATION", ValueKind::duration},
      {"SHELL", ValueKind::shell},
      {"FILE", ValueKind::file},
      {"PATH", ValueKind::file},
      {"DIR", ValueKind::directory},
      {"DIRECTORY", ValueKind::directory},
  }};
  const std::string bare = bare_value_name(value_name);
  for (const auto& [name, kind] : by_value) {
    if (name == bare) return kind;
  }
  return ValueKind::none;
}

Position locate(const Command& root, const std::vector<std::string>& words_in) {
  Position p;
  p.path.push_back(&root);
  std::vector<std::string> words = words_in;
  if (words.empty()) words.emplace_back();

  const Option* pending = nullptr;  // an option waiting for its value
  bool options_ended = false;       // after "--"
  bool positional_seen = false;     // in the current command
  std::size_t next_positional = 0;  // in the current command
  for (std::size_t i = 0; i + 1 < words.size(); ++i) {
    const std::string& w = words[i];
    if (pending) {
      p.given[pending->names.front()].push_back(w);
      pending = nullptr;
      continue;
    }
    if (!options_ended && w == "--") {
      options_ended = true;
      continue;
    }
    if (!options_ended && w.size() > 1 && w[0] == '-') {
      if (w[1] == '-') {
        const std::size_t eq = w.find('=');
        const Option* o = find_option(p.path, std::string_view(w).substr(0, eq));
        if (!o) continue;
        p.used.push_back(o);
        if (!o->takes_value()) continue;
        if (eq == std::string::npos) {
          pending = o;
        } else {
          p.given[o->names.front()].push_back(w.substr(eq + 1));
        }
        continue;
      }
      // One or more short options: "-q", "-qv"; a short option taking a
      // value takes the rest of the word, or else the next word.
      for (std::size_t k = 1; k < w.size(); ++k) {
        const Option* o = find_option(p.path, std::string{'-', w[k]});
        if (!o) break;
        p.used.push_back(o);
        if (!o->takes_value()) continue;
        if (k + 1 < w.size()) {
          p.given[o->names.front()].push_back(w.substr(k + 1));
        } else {
          pending = o;
        }
        break;
      }
      continue;
    }
    const Command& command = p.command();
    if (!options_ended && !positional_seen) {
      if (const Command* sub = find_subcommand(command, w)) {
        p.path.push_back(sub);
        next_positional = 0;
        continue;
      }
    }
    positional_seen = true;
    if (next_positional < command.positionals.size()) {
      const Positional& positional = command.positionals[next_positional];
      p.given[positional.name].push_back(w);
      if (!positional.multiple) ++next_positional;
    }
  }

  const std::string& word = words.back();
  p.prefix = word;
  if (pending) {
    p.slot = Position::Slot::value;
    p.option = pending;
    return p;
  }
  if (!options_ended && word.starts_with("-")) {
    p.slot = Position::Slot::option;
    const std::size_t eq = word.find('=');
    if (word.starts_with("--") && eq != std::string::npos) {
      const Option* o = find_option(p.path, std::string_view(word).substr(0, eq));
      if (o && o->takes_value()) {
        p.slot = Position::Slot::value;
        p.option = o;
        p.lead = word.substr(0, eq + 1);
        p.prefix = word.substr(eq + 1);
      }
    }
    return p;
  }
  const Command& command = p.command();
  p.slot = Position::Slot::word;
  p.subcommands_allowed = !options_ended && !positional_seen && !command.subcommands.empty();
  if (next_positional < command.positionals.size()) {
    p.positional = &command.positionals[next_positional];
  }
  return p;
}

Answer answer(const Position& p, const Sources& sources) {
  Answer a;
  const std::vector<std::string>* given = nullptr;
  switch (p.slot) {
    case Position::Slot::option:
      a.candidates = option_candidates(p);
      break;
    case Position::Slot::value: {
      const Option& o = *p.option;
      const ValueKind kind =
          o.choices.empty() ? value_kind(o.names.front(), o.value_name) : ValueKind::choices;
      a = values_of(kind, o.choices, p.prefix, sources);
      if (o.repeatable) given = given_for(p, o.names.front());
      break;
    }
    case Position::Slot::word: {
      if (p.subcommands_allowed) a.candidates = subcommand_candidates(p.command(), p.prefix);
      if (const Positional* positional = p.positional) {
        ValueKind kind =
            positional->choices.empty() ? value_kind("", positional->name) : ValueKind::choices;
        std::vector<std::string> choices = positional->choices;
        if (kind == ValueKind::none && bare_value_name(positional->name) == "VALUE") {
          // `config KEY VALUE`: a known setting's value completes like the
          // option of the same name (every: a cadence).
          const auto* keys = given_for(p, "KEY");
          if (keys && !keys->empty()) {
            if (const SettingKey* s = find_setting_key(keys->back())) {
              kind = value_kind("--" + std::string(s->key), s->value_name);
              // "on|off": the words themselves.
              if (kind == ValueKind::none && s->value_name.find('|') != std::string_view::npos) {
                kind = ValueKind::choices;
                choices.clear();
                std::string_view rest = s->value_name;
                while (!rest.empty()) {
                  const std::size_t bar = std::min(rest.find('|'), rest.size());
                  choices.emplace_back(rest.substr(0, bar));
                  rest.remove_prefix(std::min(bar + 1, rest.size()));
                }
              }
            }
          }
        }
        Answer values = values_of(kind, choices, p.prefix, sources);
        if (a.candidates.empty()) a.directive = values.directive;
        a.candidates.insert(a.candidates.end(), values.candidates.begin(), values.candidates.end());
        if (positional->multiple) given = given_for(p, positional->name);
      } else if (!p.subcommands_allowed && p.prefix.empty()) {
        // Nothing positional is left: show what else can be said.
        a.candidates = option_candidates(p);
      }
      break;
    }
  }
  if (a.directive == Directive::candidates) {
    finish(a.candidates, p, given);
  } else {
    a.candidates.clear();
  }
  return a;
}

}  // namespace kith::complete
