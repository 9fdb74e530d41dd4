#include "core/inbox.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <map>
#include <set>

#include "core/dates.h"

namespace kith::inbox {
namespace {

constexpr std::string_view kInboxKnownKeys[] = {"id",    "key",  "state", "source",
                                                "where", "date", "kind",  "with",
                                                "note",  "name", "email", "messages"};

std::uint64_t inbox_fnv1a(std::string_view text) {
  std::uint64_t hash = 1469598103934665603ull;
  for (unsigned char ch : text) {
    hash ^= ch;
    hash *= 1099511628211ull;
  }
  return hash;
}

std::optional<State> inbox_state_of(std::string_view name) {
  if (name == "open") return State::open;
  if (name == "accepted") return State::accepted;
  if (name == "skipped") return State::skipped;
  return std::nullopt;
}

std::string inbox_string(const Json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_string()) return {};
  return it->get<std::string>();
}

// A proposal from one line's JSON, or the reason it is not one.
std::optional<Proposal> inbox_read_proposal(const Json& j, std::string& why) {
  Proposal p;
  p.id = inbox_string(j, "id");
  p.key = inbox_string(j, "key");
  if (p.id.empty() || p.key.empty()) {
    why = "a proposal needs an \"id\" and a \"key\"";
    return std::nullopt;
  }
  const auto state = inbox_state_of(inbox_string(j, "state"));
  if (!state) {
    why = "\"state\" is not open, accepted or skipped";
    return std::nullopt;
  }
  p.state = *state;
  auto day = parse_iso_date(inbox_string(j, "date"));
  if (!day) {
    why = "\"date\" is not a date (YYYY-MM-DD)";
    return std::nullopt;
  }
  p.date = *day;
  p.source = inbox_string(j, "source");
  p.where = inbox_string(j, "where");
  p.kind = inbox_string(j, "kind");
  p.note = inbox_string(j, "note");
  p.name = inbox_string(j, "name");
  p.email = inbox_string(j, "email");
  if (auto with = j.find("with"); with != j.end() && with->is_array()) {
    for (const auto& id : *with) {
      if (id.is_string()) p.contacts.push_back(id.get<std::string>());
    }
  }
  if (auto m = j.find("messages"); m != j.end() && m->is_number_integer()) {
    p.messages = static_cast<int>(std::clamp<std::int64_t>(m->get<std::int64_t>(), 0, 1 << 30));
  }
  if (p.contacts.empty() && p.email.empty()) {
    why = "a proposal names contacts (\"with\") or a person (\"email\")";
    return std::nullopt;
  }
  for (const auto& [key, value] : j.items()) {
    if (std::find(std::begin(kInboxKnownKeys), std::end(kInboxKnownKeys), key) ==
        std::end(kInboxKnownKeys)) {
      p.extra[key] = value;
    }
  }
  return p;
}

int inbox_rank(State state) { return state == State::open ? 0 : 1; }

}  // namespace

std::string_view state_name(State state) {
  switch (state) {
    case State::open:
      return "open";
    case State::accepted:
      return "accepted";
    case State::skipped:
      return "skipped";
  }
  return "open";
}

const Proposal* Inbox::find_key(std::string_view key) const {
  for (const auto& p : proposals) {
    if (p.key == key) return &p;
  }
  return nullptr;
}

bool Inbox::is_ignored(std::string_view address) const {
  return std::find(ignored.begin(), ignored.end(), address) != ignored.end();
}

std::size_t Inbox::open_count() const {
  return static_cast<std::size_t>(
      std::count_if(proposals.begin(), proposals.end(),
                    [](const Proposal& p) { return p.state == State::open; }));
}

std::string proposal_id(std::string_view key, const Inbox& taken) {
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(inbox_fnv1a(key)));
  for (std::size_t length = 8; length <= 16; ++length) {
    const std::string id(hex, length);
    const bool clash = std::any_of(taken.proposals.begin(), taken.proposals.end(),
                                   [&](const Proposal& p) { return p.id == id && p.key != key; });
    if (!clash) return id;
  }
  return std::string(hex) + "-" + std::to_string(taken.proposals.size());
}

Inbox parse(std::string_view text, std::string_view file) {
  Inbox inbox;
  std::set<std::string, std::less<>> ids;
  std::size_t line_number = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    ++line_number;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    const std::string where = std::string(file) + ":" + std::to_string(line_number);
    Json j = Json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.is_object()) {
      inbox.warnings.push_back(where + ": not a JSON object; skipped");
      continue;
    }
    if (auto ignore = j.find("ignore"); ignore != j.end()) {
      if (ignore->is_string() && !ignore->get<std::string>().empty()) {
        const std::string address = ignore->get<std::string>();
        if (!inbox.is_ignored(address)) inbox.ignored.push_back(address);
      } else {
        inbox.warnings.push_back(where + ": \"ignore\" is not an address; skipped");
      }
      continue;
    }
    std::string why;
    auto proposal = inbox_read_proposal(j, why);
    if (!proposal) {
      inbox.warnings.push_back(where + ": " + why + "; skipped");
      continue;
    }
    if (!ids.insert(proposal->id).second) {
      inbox.warnings.push_back(where + ": proposal " + proposal->id + " appears twice; skipped");
      continue;
    }
    inbox.proposals.push_back(std::move(*proposal));
  }
  return inbox;
}

Json to_json(const Proposal& p) {
  Json j = Json::object();
  j["id"] = p.id;
  j["key"] = p.key;
  j["state"] = std::string(state_name(p.state));
  j["source"] = p.source;
  if (!p.where.empty()) j["where"] = p.where;
  j["date"] = format_date(p.date);
  if (!p.contacts.empty()) {
    j["kind"] = p.kind;
    j["with"] = p.contacts;
    if (!p.note.empty()) j["note"] = p.note;
  }
  if (!p.email.empty()) {
    if (!p.name.empty()) j["name"] = p.name;
    j["email"] = p.email;
    if (p.messages > 0) j["messages"] = p.messages;
  }
  for (const auto& [key, value] : p.extra.items()) j[key] = value;
  return j;
}

std::string to_text(const Inbox& inbox) {
  std::string text;
  for (const auto& p : inbox.proposals) {
    text += to_json(p).dump(-1, ' ', false, Json::error_handler_t::replace);
    text += '\n';
  }
  for (const auto& address : inbox.ignored) {
    text +=
        Json::object({{"ignore", address}}).dump(-1, ' ', false, Json::error_handler_t::replace);
    text += '\n';
  }
  return text;
}

const Proposal* find(const Inbox& inbox, std::string_view ref, Error& error) {
  for (const auto& p : inbox.proposals) {
    if (p.id == ref) return &p;
  }
  const Proposal* found = nullptr;
  int matches = 0;
  if (ref.size() >= 4) {
    for (const auto& p : inbox.proposals) {
      if (p.id.starts_with(ref)) {
        found = &p;
        ++matches;
      }
    }
  }
  if (matches == 1) return found;
  if (matches > 1) {
    error = usage_error(
        "'" + std::string(ref) + "' is the start of " + std::to_string(matches) + " proposals",
        "type more of its id (kith inbox lists them)");
  } else {
    error = usage_error("no proposal '" + std::string(ref) + "' in the inbox",
                        "kith inbox lists the proposals and their ids");
  }
  return nullptr;
}

std::string merge_text(std::string_view base, std::string_view ours, std::string_view theirs) {
  (void)base;  // settled beats open, and nothing is ever removed: the base adds nothing
  Inbox merged = parse(ours, "ours");
  const Inbox incoming = parse(theirs, "theirs");
  std::map<std::string, std::size_t, std::less<>> at;
  for (std::size_t k = 0; k < merged.proposals.size(); ++k) at[merged.proposals[k].id] = k;
  for (const auto& p : incoming.proposals) {
    auto it = at.find(p.id);
    if (it == at.end()) {
      at[p.id] = merged.proposals.size();
      merged.proposals.push_back(p);
    } else if (inbox_rank(p.state) > inbox_rank(merged.proposals[it->second].state)) {
      merged.proposals[it->second] = p;
    }
  }
  for (const auto& address : incoming.ignored) {
    if (!merged.is_ignored(address)) merged.ignored.push_back(address);
  }
  return to_text(merged);
}

}  // namespace kith::inbox
