#include "core/model.h"

#include <array>
#include <cstdint>
#include <cstdio>
#include <set>
#include <tuple>

#include "core/text.h"

namespace kith {
namespace {

// Reads the known keys of one JSON object; whatever is left is `extra`.
// The first problem found is kept and every later read is a no-op.
class ObjectReader {
 public:
  // Takes `j` by value: a caller done with its JSON moves it in, and the
  // values are moved out of it as they are read.
  ObjectReader(Json j, std::string_view where) : where_(where) {
    if (!j.is_object()) {
      fail("is not a JSON object");
    } else {
      rest_ = std::move(j);
    }
  }

  std::string string(const char* key, bool required = false) {
    auto v = take(key);
    if (!v || v->is_null()) {
      if (required) fail(std::string("has no '") + key + "'");
      return {};
    }
    if (!v->is_string()) {
      fail_key(key, "is not a string");
      return {};
    }
    auto s = v->get<std::string>();
    if (!text::is_valid_utf8(s)) fail_key(key, "is not valid UTF-8");
    return s;
  }

  std::optional<std::string> optional_string(const char* key) {
    auto v = take(key);
    if (!v || v->is_null()) return std::nullopt;
    if (!v->is_string()) {
      fail_key(key, "is not a string");
      return std::nullopt;
    }
    auto s = v->get<std::string>();
    if (!text::is_valid_utf8(s)) fail_key(key, "is not valid UTF-8");
    if (s.empty()) return std::nullopt;
    return s;
  }

  std::vector<std::string> strings(const char* key) {
    std::vector<std::string> out;
    auto v = take(key);
    if (!v || v->is_null()) return out;
    if (!v->is_array()) {
      fail_key(key, "is not a list");
      return out;
    }
    for (const auto& item : *v) {
      if (!item.is_string()) {
        fail_key(key, "holds something that is not a string");
        return {};
      }
      auto s = item.get<std::string>();
      if (!text::is_valid_utf8(s)) fail_key(key, "is not valid UTF-8");
      out.push_back(std::move(s));
    }
    return out;
  }

  std::optional<Date> date(const char* key, bool required = false) {
    auto v = take(key);
    if (!v || v->is_null()) {
      if (required) fail(std::string("has no '") + key + "'");
      return std::nullopt;
    }
    if (!v->is_string()) {
      fail_key(key, "is not a date (YYYY-MM-DD)");
      return std::nullopt;
    }
    auto parsed = parse_iso_date(v->get<std::string>());
    if (!parsed) {
      fail_key(key, "is not a date (YYYY-MM-DD): '" + v->get<std::string>() + "'");
      return std::nullopt;
    }
    return *parsed;
  }

  bool boolean(const char* key) {
    auto v = take(key);
    if (!v || v->is_null()) return false;
    if (!v->is_boolean()) {
      fail_key(key, "is not true or false");
      return false;
    }
    return v->get<bool>();
  }

  std::optional<Json> take(const char* key) {
    if (!error_.empty() || !rest_.is_object()) return std::nullopt;
    auto it = rest_.find(key);
    if (it == rest_.end()) return std::nullopt;
    Json v = std::move(*it);
    rest_.erase(it);
    return v;
  }

  void fail_key(const char* key, const std::string& what) {
    fail(std::string("'") + key + "' " + what);
  }
  void fail(std::string what) {
    if (error_.empty()) error_ = std::move(what);
  }
  bool ok() const { return error_.empty(); }
  Error error() const { return data_error(std::string(where_) + ": " + error_); }
  Json extra() && { return rest_.is_object() ? std::move(rest_) : Json::object(); }

 private:
  std::string_view where_;
  Json rest_ = Json::object();
  std::string error_;
};

Json nullable(const std::optional<std::string>& s) { return s ? Json(*s) : Json(nullptr); }
Json nullable(const std::optional<Date>& d) { return d ? Json(format_date(*d)) : Json(nullptr); }
Json list(const std::vector<std::string>& v) {
  Json a = Json::array();
  for (const auto& s : v) a.push_back(s);
  return a;
}
void append_extra(Json& j, const Json& extra) {
  for (auto it = extra.begin(); it != extra.end(); ++it) {
    if (!j.contains(it.key())) j[it.key()] = it.value();
  }
}

Json job_json(const Job& job) {
  Json j = Json::object();
  j["company"] = nullable(job.company);
  j["role"] = nullable(job.role);
  return j;
}

Result<Job> job_from_json(const Json& j, const std::string& where) {
  ObjectReader r(j, where);
  Job job;
  job.company = r.optional_string("company");
  job.role = r.optional_string("role");
  if (!r.ok()) return r.error();
  return job;
}

Result<std::vector<JobChange>> job_changes_from_json(const Json& j, const std::string& where) {
  if (!j.is_array()) return data_error(where + " is not a list");
  std::vector<JobChange> out;
  for (std::size_t n = 0; n < j.size(); ++n) {
    const std::string at = where + "[" + std::to_string(n) + "]";
    ObjectReader r(j[n], at);
    JobChange change;
    change.on = r.date("on", true).value_or(Date{});
    auto from = r.take("from");
    auto to = r.take("to");
    if (!r.ok()) return r.error();
    for (auto [value, job, key] :
         {std::tuple{&from, &change.from, "from"}, std::tuple{&to, &change.to, "to"}}) {
      if (!*value || (*value)->is_null()) continue;
      auto parsed = job_from_json(**value, at + " " + key);
      if (!parsed) return parsed.error();
      *job = *parsed;
    }
    change.extra = std::move(r).extra();
    out.push_back(std::move(change));
  }
  return out;
}

}  // namespace

std::string_view to_string(Intent intent) {
  switch (intent) {
    case Intent::give:
      return "give";
    case Intent::catch_up:
      return "catch-up";
    case Intent::ask:
      return "ask";
  }
  return "catch-up";
}

std::optional<Intent> parse_intent(std::string_view text) {
  if (text == "give") return Intent::give;
  if (text == "catch-up") return Intent::catch_up;
  if (text == "ask") return Intent::ask;
  return std::nullopt;
}

Result<Contact> contact_from_json(Json j, std::string_view where) {
  ObjectReader r(std::move(j), where);
  Contact c;
  c.id = r.string("id", true);
  c.name = r.string("name", true);
  c.emails = r.strings("emails");
  c.phones = r.strings("phones");
  c.company = r.optional_string("company");
  c.role = r.optional_string("role");
  c.location = r.optional_string("location");
  c.links = r.strings("links");
  c.tags = r.strings("tags");
  c.skills = r.strings("skills");
  c.interests = r.strings("interests");
  c.how_met = r.optional_string("how_met");
  c.met_on = r.date("met_on");
  if (auto every = r.optional_string("every")) {
    auto d = parse_duration(*every, AllowOff::yes);
    if (d) {
      c.every = *d;
    } else {
      r.fail_key("every", "is not a duration: '" + *every + "'");
    }
  }
  if (auto birthday = r.optional_string("birthday")) {
    auto b = parse_birthday(*birthday);
    if (b) {
      c.birthday = *b;
    } else {
      r.fail_key("birthday", "is not a birthday (YYYY-MM-DD or --MM-DD): '" + *birthday + "'");
    }
  }
  c.notes = r.optional_string("notes");
  c.added_on = r.date("added_on", true).value_or(Date{});
  c.archived = r.boolean("archived");
  c.snoozed_until = r.date("snoozed_until");
  if (auto changes = r.take("job_changes"); changes && !changes->is_null()) {
    auto parsed = job_changes_from_json(*changes, std::string(where) + " job_changes");
    if (parsed) {
      c.job_changes = std::move(*parsed);
    } else {
      return parsed.error();
    }
  }
  c.aliases = r.strings("aliases");
  if (r.ok() && !text::is_valid_id(c.id)) r.fail_key("id", "is not a valid id: '" + c.id + "'");
  for (const auto& alias : c.aliases) {
    if (!r.ok()) break;
    if (!text::is_valid_id(alias)) {
      r.fail_key("aliases", "holds '" + alias + "', which is not a valid id");
    } else if (alias == c.id) {
      r.fail_key("aliases", "holds the contact's own id '" + alias + "'");
    }
  }
  if (!r.ok()) return r.error();
  c.extra = std::move(r).extra();
  return c;
}

Json to_json(const Contact& c) {
  Json j = Json::object();
  j["id"] = c.id;
  j["name"] = c.name;
  j["emails"] = list(c.emails);
  j["phones"] = list(c.phones);
  j["company"] = nullable(c.company);
  j["role"] = nullable(c.role);
  j["location"] = nullable(c.location);
  j["links"] = list(c.links);
  j["tags"] = list(c.tags);
  j["skills"] = list(c.skills);
  j["interests"] = list(c.interests);
  j["how_met"] = nullable(c.how_met);
  j["met_on"] = nullable(c.met_on);
  j["every"] = c.every ? Json(c.every->text) : Json(nullptr);
  j["birthday"] = c.birthday ? Json(format_birthday(*c.birthday)) : Json(nullptr);
  j["notes"] = nullable(c.notes);
  j["added_on"] = format_date(c.added_on);
  j["archived"] = c.archived;
  j["snoozed_until"] = nullable(c.snoozed_until);
  if (!c.job_changes.empty()) {
    Json changes = Json::array();
    for (const auto& change : c.job_changes) {
      Json entry = Json::object();
      entry["on"] = format_date(change.on);
      entry["from"] = job_json(change.from);
      entry["to"] = job_json(change.to);
      append_extra(entry, change.extra);
      changes.push_back(std::move(entry));
    }
    j["job_changes"] = std::move(changes);
  }
  if (!c.aliases.empty()) j["aliases"] = list(c.aliases);
  append_extra(j, c.extra);
  return j;
}

Result<Interaction> interaction_from_json(Json j, std::string_view where) {
  ObjectReader r(std::move(j), where);
  Interaction i;
  i.id = r.string("id", true);
  i.date = r.date("date", true).value_or(Date{});
  i.contacts = r.strings("contacts");
  i.kind = r.string("kind");
  if (i.kind.empty()) i.kind = "other";
  auto intent = r.string("intent");
  if (intent.empty()) {
    i.intent = Intent::catch_up;
  } else if (auto parsed = parse_intent(intent)) {
    i.intent = *parsed;
  } else {
    r.fail_key("intent", "is not give, catch-up or ask: '" + intent + "'");
  }
  i.note = r.optional_string("note");
  i.logged_at = r.string("logged_at");
  if (auto fu = r.take("follow_up"); fu && !fu->is_null()) {
    std::string fu_where = std::string(where) + " follow_up";
    ObjectReader f(std::move(*fu), fu_where);
    FollowUp follow_up;
    follow_up.text = f.string("text");
    follow_up.by = f.date("by");
    follow_up.done_on = f.date("done_on");
    if (!f.ok()) return f.error();
    follow_up.extra = std::move(f).extra();
    i.follow_up = std::move(follow_up);
  }
  if (r.ok() && !is_valid_interaction_id(i.id)) {
    r.fail_key("id", "is not a valid interaction id: '" + i.id + "'");
  }
  if (r.ok() && i.contacts.empty()) r.fail_key("contacts", "is empty");
  if (!r.ok()) return r.error();
  i.extra = std::move(r).extra();
  return i;
}

Json to_json(const Interaction& i) {
  Json j = Json::object();
  j["id"] = i.id;
  j["date"] = format_date(i.date);
  j["contacts"] = list(i.contacts);
  j["kind"] = i.kind;
  j["intent"] = std::string(to_string(i.intent));
  j["note"] = nullable(i.note);
  j["logged_at"] = i.logged_at;
  if (i.follow_up) {
    Json f = Json::object();
    f["text"] = i.follow_up->text;
    f["by"] = nullable(i.follow_up->by);
    f["done_on"] = nullable(i.follow_up->done_on);
    append_extra(f, i.follow_up->extra);
    j["follow_up"] = std::move(f);
  }
  append_extra(j, i.extra);
  return j;
}

Result<Profile> profile_from_json(const Json& j, std::string_view where) {
  ObjectReader r(j, where);
  Profile p;
  p.name = r.string("name");
  p.emails = r.strings("emails");
  p.skills = r.strings("skills");
  p.interests = r.strings("interests");
  p.goals = r.strings("goals");
  p.tags = r.strings("tags");
  p.company = r.optional_string("company");
  p.role = r.optional_string("role");
  p.location = r.optional_string("location");
  if (!r.ok()) return r.error();
  p.extra = std::move(r).extra();
  return p;
}

Json to_json(const Profile& p) {
  Json j = Json::object();
  j["name"] = p.name;
  j["emails"] = list(p.emails);
  j["skills"] = list(p.skills);
  j["interests"] = list(p.interests);
  j["goals"] = list(p.goals);
  j["tags"] = list(p.tags);
  j["company"] = nullable(p.company);
  j["role"] = nullable(p.role);
  j["location"] = nullable(p.location);
  append_extra(j, p.extra);
  return j;
}

Result<Config> config_from_json(const Json& j, std::string_view where) {
  ObjectReader r(j, where);
  Config c;
  auto format = r.string("format");
  if (r.ok() && format != "kith") {
    return data_error(std::string(where) + ": not a kith data file (format '" + format + "')");
  }
  // The version comes first: a newer format may shape everything else
  // differently, and the right message then is "upgrade kith".
  auto version = r.take("version");
  if (!r.ok()) return r.error();
  if (!version || !version->is_number_integer()) {
    r.fail("has no integer 'version'");
    return r.error();
  }
  // Read as 64 bits: a huge number must not wrap around to a known version.
  const bool newer = version->is_number_unsigned()
                         ? version->get<std::uint64_t>() > std::uint64_t{kFormatVersion}
                         : version->get<std::int64_t>() > std::int64_t{kFormatVersion};
  if (newer) {
    return data_error(std::string(where) + ": data format version " + version->dump() +
                          " is newer than this kith understands (" +
                          std::to_string(kFormatVersion) + ")",
                      "upgrade kith; the files were left untouched");
  }
  if (version->get<std::int64_t>() < 1) {
    return data_error(std::string(where) + ": bad format version " + version->dump());
  }
  c.version = version->get<int>();
  if (auto settings = r.take("settings"); settings && !settings->is_null()) {
    if (!settings->is_object()) {
      r.fail_key("settings", "is not a JSON object");
    } else {
      c.settings = std::move(*settings);
    }
  }
  if (!r.ok()) return r.error();
  c.extra = std::move(r).extra();
  return c;
}

Json to_json(const Config& c) {
  Json j = Json::object();
  j["format"] = "kith";
  j["version"] = c.version;
  j["settings"] = c.settings;
  append_extra(j, c.extra);
  return j;
}

Result<Settings> settings_of(const Config& c, std::string_view where) {
  Settings s;
  if (auto it = c.settings.find("every"); it != c.settings.end() && !it->is_null()) {
    auto d = it->is_string() ? parse_duration(it->get<std::string>(), AllowOff::yes)
                             : Result<Duration>(usage_error(""));
    if (!d) return data_error(std::string(where) + ": setting 'every' is not a duration");
    s.every = *d;
  }
  if (auto it = c.settings.find("homework"); it != c.settings.end() && !it->is_null()) {
    if (!it->is_number_integer() || it->get<long long>() < 0 || it->get<long long>() > 1000) {
      return data_error(std::string(where) + ": setting 'homework' is not a whole number 0-1000");
    }
    s.homework = it->get<int>();
  }
  if (auto it = c.settings.find("daily"); it != c.settings.end() && !it->is_null()) {
    if (!it->is_number_integer() || it->get<long long>() < 1 || it->get<long long>() > 1000) {
      return data_error(std::string(where) + ": setting 'daily' is not a whole number 1-1000");
    }
    s.daily = it->get<int>();
  }
  if (auto it = c.settings.find("autocommit"); it != c.settings.end() && !it->is_null()) {
    if (!it->is_string() || (*it != "on" && *it != "off")) {
      return data_error(std::string(where) + ": setting 'autocommit' is not \"on\" or \"off\"");
    }
    s.autocommit = *it == "on";
  }
  return s;
}

bool is_valid_interaction_id(std::string_view id) {
  if (id.empty() || id.size() > 64) return false;
  for (char ch : id) {
    bool ok = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
              ch == '.' || ch == '_' || ch == '-';
    if (!ok) return false;
  }
  return true;
}

std::string format_timestamp(std::chrono::system_clock::time_point now) {
  return date::format("%Y-%m-%dT%H:%M:%SZ", date::floor<std::chrono::seconds>(now));
}

std::string make_interaction_id(std::chrono::system_clock::time_point now, std::uint32_t random) {
  std::array<char, 8> hex{};
  std::snprintf(hex.data(), hex.size(), "%06x", random & 0xffffffu);
  return date::format("%Y%m%dT%H%M%SZ-", date::floor<std::chrono::seconds>(now)) + hex.data();
}

}  // namespace kith
