// The records kith keeps: contacts, interactions, your own profile and the
// settings, with their JSON form (documented in kith(1), FILES). Every record keeps the keys it
// does not know in `extra`, so that a rewrite by kith never drops what another tool or a newer kith
// wrote.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/dates.h"
#include "core/status.h"

namespace kith {

// Keys keep their order: files are written with a stable key order so that a
// `git diff` of a change stays small.
using Json = nlohmann::ordered_json;

// A job as kith knows it; either part may be unknown.
struct Job {
  std::optional<std::string> company;
  std::optional<std::string> role;

  bool empty() const { return !company && !role; }
  bool operator==(const Job&) const = default;
};

// A change of company or role that an import noticed: a natural reason to
// write to the person with no need of your own. Stored in the contact file as
// {"on": "YYYY-MM-DD", "from": {"company", "role"}, "to": {"company", "role"}}.
struct JobChange {
  Date on{};  // the day the import saw it
  Job from;
  Job to;
  Json extra = Json::object();  // unknown keys of the entry
};

struct Contact {
  std::string id;
  std::string name;
  std::vector<std::string> emails;
  std::vector<std::string> phones;
  std::optional<std::string> company;
  std::optional<std::string> role;
  std::optional<std::string> location;
  std::vector<std::string> links;
  std::vector<std::string> tags;
  std::vector<std::string> skills;
  std::vector<std::string> interests;
  std::optional<std::string> how_met;
  std::optional<Date> met_on;
  std::optional<Duration> every;  // nullopt: the setting `every` applies
  std::optional<Birthday> birthday;
  std::optional<std::string> notes;
  Date added_on{};
  bool archived = false;
  std::optional<Date> snoozed_until;
  std::vector<JobChange> job_changes;  // oldest first; the key is written only when non-empty
  // The ids of the contacts `kith merge` merged into this one, which still
  // name it (in references, and in log lines written before a sync): valid
  // ids, never this contact's own; the key is written only when non-empty.
  std::vector<std::string> aliases;
  Json extra = Json::object();  // unknown keys, written back after the known ones
};

// What telling contacts apart needs of one: its id, name, emails, and the
// ids merged into it (which no new contact may take).
struct ContactHead {
  std::string id;
  std::string name;
  std::vector<std::string> emails;
  std::vector<std::string> aliases;
};

enum class Intent { give, catch_up, ask };

std::string_view to_string(Intent intent);  // "give", "catch-up", "ask"
std::optional<Intent> parse_intent(std::string_view text);
// give and catch-up reset a contact's clock; an ask does not.
inline bool is_no_need(Intent intent) { return intent != Intent::ask; }

struct FollowUp {
  std::string text;
  std::optional<Date> by;
  std::optional<Date> done_on;
  Json extra = Json::object();
};

struct Interaction {
  std::string id;
  Date date{};
  std::vector<std::string> contacts;
  std::string kind = "other";
  Intent intent = Intent::catch_up;
  std::optional<std::string> note;
  std::string logged_at;  // UTC, RFC 3339, e.g. 2026-11-25T19:14:10Z
  std::optional<FollowUp> follow_up;
  Json extra = Json::object();
};

struct Profile {
  std::string name;
  // Your own addresses, so that kith can tell the mail you sent and your
  // answers to invitations; the first is the primary one.
  std::vector<std::string> emails;
  std::vector<std::string> skills;
  std::vector<std::string> interests;
  std::vector<std::string> goals;
  std::vector<std::string> tags;
  std::optional<std::string> company;
  std::optional<std::string> role;  // your job title, for a first message to someone new
  std::optional<std::string> location;
  Json extra = Json::object();

  bool empty() const { return name.empty() && skills.empty() && interests.empty(); }
};

// Typed view of kith.json's "settings" object.
struct Settings {
  Duration every{Duration::Unit::month, 3, "3m"};  // default cadence
  int homework = 1;                                // new contacts to reach each month
  int daily = 7;           // people the human `kith due` report lists at most
  bool autocommit = true;  // commit each change when the data directory is a git repository
};

inline constexpr int kFormatVersion = 1;

struct Config {
  int version = kFormatVersion;
  Json settings = Json::object();  // kept as written; read through settings_of()
  Json extra = Json::object();
};

// `where` names the record in messages, e.g. "contacts/ada.json" or
// "log/2026-11.jsonl:3". Errors are data errors naming the key and the value.
// The readers take the JSON by value: a caller done with it moves it in.
Result<Contact> contact_from_json(Json j, std::string_view where);
Json to_json(const Contact& c);

Result<Interaction> interaction_from_json(Json j, std::string_view where);
Json to_json(const Interaction& i);

Result<Profile> profile_from_json(const Json& j, std::string_view where);
Json to_json(const Profile& p);

Result<Config> config_from_json(const Json& j, std::string_view where);
Json to_json(const Config& c);
Result<Settings> settings_of(const Config& c, std::string_view where);

// A valid interaction id: 1–64 letters, digits, '.', '_' or '-'.
bool is_valid_interaction_id(std::string_view id);
// kith's own interaction ids: YYYYMMDDTHHMMSSZ- and 6 hex digits of `random`.
std::string make_interaction_id(std::chrono::system_clock::time_point now, std::uint32_t random);
std::string format_timestamp(std::chrono::system_clock::time_point now);  // RFC 3339 UTC

}  // namespace kith
