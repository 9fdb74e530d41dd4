#include "core/contact_merge.h"

#include <algorithm>
#include <set>

#include "core/fields.h"
#include "core/identity.h"
#include "core/layout.h"
#include "core/text.h"

namespace kith {
namespace {

// How two values of one scalar key are compared.
enum class Sameness { name, company, role, birthday, exact };

struct ScalarKey {
  const char* key;
  Sameness sameness;
};

// The scalar keys of a contact file, in the order of the file.
constexpr ScalarKey kMergedScalars[] = {
    {"name", Sameness::name},     {"company", Sameness::company},
    {"role", Sameness::role},     {"location", Sameness::name},
    {"how_met", Sameness::exact}, {"met_on", Sameness::exact},
    {"every", Sameness::exact},   {"birthday", Sameness::birthday},
    {"notes", Sameness::exact},   {"snoozed_until", Sameness::exact},
};

// Every key kith knows in a contact file: the others are kept as scalars.
const std::set<std::string, std::less<>>& known_contact_keys() {
  static const std::set<std::string, std::less<>> keys = {
      "id",       "name",  "emails",   "phones",    "company",       "role",        "location",
      "links",    "tags",  "skills",   "interests", "how_met",       "met_on",      "every",
      "birthday", "notes", "added_on", "archived",  "snoozed_until", "job_changes", "aliases"};
  return keys;
}

std::string shown_value(const Json& v) { return v.is_string() ? v.get<std::string>() : v.dump(); }

bool is_unset(const Json* v) {
  return v == nullptr || v->is_null() ||
         (v->is_string() && text::trim(v->get_ref<const std::string&>()).empty());
}

std::optional<Birthday> birthday_of(const Json& v) {
  if (!v.is_string()) return std::nullopt;
  auto b = parse_birthday(v.get<std::string>());
  if (!b) return std::nullopt;
  return *b;
}

// What to do with OTHER's value `o` of a key KEEP has set to `k`.
enum class Verdict { same, take, conflict };

Verdict judge(Sameness sameness, const Json& k, const Json& o) {
  if (k == o) return Verdict::same;
  if (!k.is_string() || !o.is_string()) return Verdict::conflict;
  const auto& ks = k.get_ref<const std::string&>();
  const auto& os = o.get_ref<const std::string&>();
  switch (sameness) {
    case Sameness::name:
      return name_key(ks) == name_key(os) ? Verdict::same : Verdict::conflict;
    case Sameness::company:
      return same_company(ks, os) ? Verdict::same : Verdict::conflict;
    case Sameness::role:
      return same_role(ks, os) ? Verdict::same : Verdict::conflict;
    case Sameness::birthday: {
      const auto kb = birthday_of(k), ob = birthday_of(o);
      if (!kb || !ob || kb->month != ob->month || kb->day != ob->day) return Verdict::conflict;
      if (kb->year == ob->year || !ob->year) return Verdict::same;
      return kb->year ? Verdict::conflict : Verdict::take;  // the year KEEP did not know
    }
    case Sameness::exact:
      return text::trim(ks) == text::trim(os) ? Verdict::same : Verdict::conflict;
  }
  return Verdict::conflict;
}

bool same_job_change(const JobChange& a, const JobChange& b) {
  return a.on == b.on && a.from == b.from && a.to == b.to;
}

std::string job_text(const Job& job) {
  std::string out = job.role.value_or("");
  if (job.company) out += (out.empty() ? "" : " at ") + *job.company;
  return out.empty() ? "?" : out;
}

std::string change_text(const JobChange& c) {
  return format_date(c.on) + ": " + job_text(c.from) + " -> " + job_text(c.to);
}

// The scalars and unknown keys of `other` merged into `into` (KEEP so far).
void merge_scalars(Json& into, const Json& other, const std::string& from, ContactMerge& out) {
  auto settle = [&](const std::string& key, Sameness sameness) {
    auto o = other.find(key);
    if (o == other.end() || is_unset(&*o)) return;
    auto k = into.find(key);
    if (k == into.end() || is_unset(&*k)) {
      into[key] = *o;
      out.added.push_back({key, shown_value(*o), from});
      return;
    }
    switch (judge(sameness, *k, *o)) {
      case Verdict::same:
        return;
      case Verdict::take:
        *k = *o;
        out.added.push_back({key, shown_value(*o), from});
        return;
      case Verdict::conflict:
        out.conflicts.push_back({key, shown_value(*k), shown_value(*o), from});
        return;
    }
  };
  for (const auto& s : kMergedScalars) settle(s.key, s.sameness);
  for (auto it = other.begin(); it != other.end(); ++it) {
    if (!known_contact_keys().contains(it.key())) settle(it.key(), Sameness::exact);
  }
}

void add_alias(Contact& c, const std::string& alias) {
  if (alias != c.id && std::find(c.aliases.begin(), c.aliases.end(), alias) == c.aliases.end()) {
    c.aliases.push_back(alias);
  }
}

// The contents of the JSON strings of a line ("contacts":["ada"] gives
// "contacts" and "ada"), as written: escapes are left as they are, so a
// string with one never equals an id (ids have no character to escape).
template <class F>
bool any_string(std::string_view line, F&& f) {
  std::size_t pos = 0;
  while ((pos = line.find('"', pos)) != std::string_view::npos) {
    std::size_t end = pos + 1;
    while (end < line.size() && line[end] != '"') end += line[end] == '\\' ? 2 : 1;
    if (end >= line.size()) return false;
    if (f(line.substr(pos + 1, end - pos - 1))) return true;
    pos = end + 1;
  }
  return false;
}

// The line `line` (without its line break) with its aliases resolved; nullopt
// when it names none or is not an interaction kith reads.
std::optional<std::string> resolved_line(std::string_view line, const AliasMap& aliases) {
  const bool may_name = any_string(line, [&](std::string_view s) { return aliases.contains(s); });
  if (!may_name || !Json::accept(line)) return std::nullopt;
  const Json j = Json::parse(line);
  auto i = interaction_from_json(j, "log");
  if (!i || !resolve_aliases(i->contacts, aliases)) return std::nullopt;
  std::string out = serialize_line(to_json(*i));
  out.pop_back();
  return out;
}

// Calls f(line, ending) for each line of `text`: the line without its
// ending, the ending ("\n", or "" for a last line without one).
template <class F>
void each_line(std::string_view text, F&& f) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    const bool last = end == std::string_view::npos;
    if (last) end = text.size();
    f(text.substr(pos, end - pos), last ? std::string_view() : std::string_view("\n"));
    pos = end + 1;
  }
}

}  // namespace

Result<ContactMerge> merge_contacts(const Contact& keep, std::span<const Contact> others) {
  ContactMerge out;
  out.merged = keep;
  for (const Contact& other : others) {
    Json merged_json = to_json(out.merged);
    merge_scalars(merged_json, to_json(other), other.id, out);
    auto parsed = contact_from_json(merged_json, layout::contact_relative_path(keep.id));
    if (!parsed) return parsed.error();
    Contact merged = std::move(*parsed);

    for (const auto& info : list_fields()) {
      if (info.in_contact == nullptr) continue;
      auto& list = merged.*info.in_contact;
      const std::size_t before = list.size();
      add_values(info.field, list, other.*info.in_contact);
      for (std::size_t n = before; n < list.size(); ++n) {
        out.added.push_back({std::string(info.name) + "s", list[n], other.id});
      }
    }
    for (const auto& change : other.job_changes) {
      if (std::any_of(merged.job_changes.begin(), merged.job_changes.end(),
                      [&](const JobChange& have) { return same_job_change(have, change); })) {
        continue;
      }
      merged.job_changes.push_back(change);
      out.added.push_back({"job_changes", change_text(change), other.id});
    }
    std::stable_sort(merged.job_changes.begin(), merged.job_changes.end(),
                     [](const JobChange& a, const JobChange& b) { return a.on < b.on; });
    merged.added_on = std::min(merged.added_on, other.added_on);
    if (merged.archived && !other.archived) {
      merged.archived = false;
      out.added.push_back({"archived", "false", other.id});
    }
    add_alias(merged, other.id);
    for (const auto& alias : other.aliases) add_alias(merged, alias);
    out.merged = std::move(merged);
  }
  return out;
}

bool holds_all_of(const Contact& keep, const Contact& other) {
  auto merged = merge_contacts(keep, std::span<const Contact>(&other, 1));
  return merged && to_json(merged->merged) == to_json(keep);
}

ReferenceRewrite rewrite_references(std::string_view month_text, const AliasMap& aliases) {
  ReferenceRewrite out;
  if (aliases.empty()) {
    out.text = std::string(month_text);
    return out;
  }
  out.text.reserve(month_text.size());
  each_line(month_text, [&](std::string_view line, std::string_view ending) {
    if (auto resolved = resolved_line(line, aliases)) {
      out.text += *resolved;
      ++out.changed;
    } else {
      out.text += line;
    }
    out.text += ending;
  });
  return out;
}

int count_references(std::string_view month_text, const AliasMap& aliases) {
  if (aliases.empty()) return 0;
  int n = 0;
  each_line(month_text, [&](std::string_view line, std::string_view) {
    if (resolved_line(line, aliases)) ++n;
  });
  return n;
}

}  // namespace kith
