#include "core/contacts.h"

#include <algorithm>

#include "core/suggest.h"
#include "core/text.h"

namespace kith {
namespace {

constexpr std::size_t kMaxIdLength = 64;

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& ch : out) {
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
  }
  return out;
}

bool is_available(const std::string& id, const IsTaken& is_taken) {
  return id != "me" && !is_taken(id);
}

IsTaken in_set(const std::set<std::string, std::less<>>& taken) {
  return [&taken](std::string_view id) { return taken.contains(id); };
}

// Whether a contact with this name and these emails may be the same person
// as the candidate: the same folded name, or an email in common (ASCII
// case-insensitive).
class SamePerson {
 public:
  explicit SamePerson(const Contact& candidate)
      : name_(text::fold(candidate.name)), emails_(candidate.emails.size()) {
    for (std::size_t i = 0; i < emails_.size(); ++i) emails_[i] = lower_ascii(candidate.emails[i]);
  }
  bool operator()(std::string_view name, const std::vector<std::string>& emails) const {
    if (text::folds_to(name, name_)) return true;
    for (const auto& e : emails_) {
      for (const auto& other : emails) {
        if (other.size() == e.size() && lower_ascii(other) == e) return true;
      }
    }
    return false;
  }

 private:
  std::string name_;
  std::vector<std::string> emails_;
};

template <class Record>
std::vector<const Record*> duplicates_of(const std::vector<Record>& records,
                                         const Contact& candidate) {
  std::vector<const Record*> out;
  const SamePerson same(candidate);
  for (const auto& r : records) {
    if (r.id != candidate.id && same(r.name, r.emails)) out.push_back(&r);
  }
  return out;
}

Error ambiguous(std::string_view ref, const std::vector<const Contact*>& matches) {
  std::string list;
  for (std::size_t i = 0; i < matches.size() && i < 10; ++i) {
    list += (i ? ", " : "") + matches[i]->id + " (" +
            text::sanitize_for_terminal(matches[i]->name) + ")";
  }
  if (matches.size() > 10) list += ", …";
  return usage_error("'" + text::sanitize_for_terminal(ref) + "' matches " +
                         std::to_string(matches.size()) + " contacts: " + list,
                     "name one of them by its id");
}

}  // namespace

std::string allocate_id(std::string_view name, const std::set<std::string, std::less<>>& taken,
                        const text::Transliterator& t) {
  return allocate_id(name, in_set(taken), t);
}

Status check_new_id(std::string_view id, const std::set<std::string, std::less<>>& taken) {
  return check_new_id(id, in_set(taken));
}

std::string allocate_id(std::string_view name, const IsTaken& is_taken,
                        const text::Transliterator& t) {
  std::string base = text::slug_of_name(name, t, kMaxIdLength);
  if (base.empty() || !text::has_latin_letter(base)) {
    for (int n = 1;; ++n) {
      std::string id = "contact-" + std::to_string(n);
      if (is_available(id, is_taken)) return id;
    }
  }
  if (is_available(base, is_taken)) return base;
  for (int n = 2;; ++n) {
    const std::string suffix = "-" + std::to_string(n);
    std::string stem = base.substr(0, std::min(base.size(), kMaxIdLength - suffix.size()));
    while (!stem.empty() && stem.back() == '-') stem.pop_back();
    std::string id = stem + suffix;
    if (is_available(id, is_taken)) return id;
  }
}

Status check_new_id(std::string_view id, const IsTaken& is_taken) {
  if (!text::is_valid_id(id)) {
    return usage_error("invalid id '" + text::sanitize_for_terminal(id) + "'",
                       "an id is 1-64 lower-case letters, digits and '-', starting and ending "
                       "with a letter or digit");
  }
  if (id == "me") return usage_error("the id 'me' is reserved for your profile");
  if (is_taken(id)) {
    return usage_error("the id '" + std::string(id) + "' is taken",
                       "choose another --id, or leave it out to get a free one");
  }
  return {};
}

Result<const Contact*> resolve_contact(const std::vector<Contact>& contacts, std::string_view ref,
                                       Scope scope) {
  if (ref.empty()) return usage_error("empty contact name");
  auto in_scope = [&](const Contact& c) { return scope == Scope::all || !c.archived; };
  // 1. exact id: as written, else with the ASCII case ignored (ids are
  // lower case; "PRIYA-R" means priya-r)
  const std::string lower_ref = lower_ascii(ref);
  for (const bool ignore_case : {false, true}) {
    for (const auto& c : contacts) {
      if (ignore_case ? lower_ascii(c.id) != lower_ref : c.id != ref) continue;
      if (!in_scope(c)) {
        return usage_error("'" + c.id + "' is archived",
                           "`kith restore " + c.id + "` brings it back");
      }
      return &c;
    }
  }
  // 2. an id merged into a contact (`kith merge`), which names it from then
  // on: as written, else with the ASCII case ignored
  for (const bool ignore_case : {false, true}) {
    for (const auto& c : contacts) {
      const bool carries = std::any_of(c.aliases.begin(), c.aliases.end(), [&](const auto& a) {
        return ignore_case ? lower_ascii(a) == lower_ref : a == ref;
      });
      if (!carries) continue;
      if (!in_scope(c)) {
        return usage_error("'" + c.id + "' is archived",
                           "`kith restore " + c.id + "` brings it back");
      }
      return &c;
    }
  }
  std::vector<const Contact*> matches;
  auto settle = [&](std::vector<const Contact*>& found) -> std::optional<Result<const Contact*>> {
    if (found.size() == 1) return Result<const Contact*>(found.front());
    if (found.size() > 1) return Result<const Contact*>(ambiguous(ref, found));
    return std::nullopt;
  };
  // 3. unique id prefix, the ASCII case ignored
  for (const auto& c : contacts) {
    if (in_scope(c) && lower_ascii(c.id).starts_with(lower_ref)) matches.push_back(&c);
  }
  if (auto r = settle(matches)) return *r;
  // 4. unique substring of the folded name
  const std::string folded_ref = text::fold(ref);
  for (const auto& c : contacts) {
    if (in_scope(c) && text::fold(c.name).find(folded_ref) != std::string::npos) {
      matches.push_back(&c);
    }
  }
  if (auto r = settle(matches)) return *r;
  // 5. unique email
  for (const auto& c : contacts) {
    if (!in_scope(c)) continue;
    if (std::any_of(c.emails.begin(), c.emails.end(),
                    [&](const std::string& e) { return lower_ascii(e) == lower_ref; })) {
      matches.push_back(&c);
    }
  }
  if (auto r = settle(matches)) return *r;
  if (scope == Scope::active) {
    auto archived = resolve_contact(contacts, ref, Scope::all);
    if (archived) {
      return usage_error("'" + (*archived)->id + "' is archived",
                         "`kith restore " + (*archived)->id + "` brings it back");
    }
  }
  return usage_error("no contact matches '" + text::sanitize_for_terminal(ref) + "'",
                     contacts.empty() ? "there are no contacts yet: `kith add NAME` adds one"
                                      : "`kith list` shows your contacts");
}

Result<const Contact*> resolve_contact(const std::vector<Contact>& contacts, std::string_view ref,
                                       Scope scope, std::span<const Unreadable> unreadable) {
  std::vector<const Unreadable*> files;
  for (const auto& u : unreadable) {
    if (u.what == Unreadable::What::contact) files.push_back(&u);
  }
  if (files.empty() || ref.empty()) return resolve_contact(contacts, ref, scope);
  const std::string lower_ref = lower_ascii(ref);
  const bool names_one_read = std::any_of(contacts.begin(), contacts.end(), [&](const Contact& c) {
    return lower_ascii(c.id) == lower_ref ||
           std::any_of(c.aliases.begin(), c.aliases.end(),
                       [&](const std::string& a) { return lower_ascii(a) == lower_ref; });
  });
  if (names_one_read) return resolve_contact(contacts, ref, scope);
  const std::string shown = text::sanitize_for_terminal(ref);
  for (const Unreadable* u : files) {
    if (lower_ascii(u->id) == lower_ref) return u->error;
  }
  const char* const hint =
      "fix the file by hand (kith never overwrites a file it cannot read); "
      "`kith doctor` checks every file";
  for (const Unreadable* u : files) {
    if (lower_ascii(u->id).starts_with(lower_ref)) {
      return data_error("'" + shown + "' may name " + u->id +
                            ", whose file kith cannot read: " + u->error.message,
                        hint);
    }
  }
  auto found = resolve_contact(contacts, ref, scope);
  if (found || !found.error().message.starts_with("no contact matches")) return found;
  std::vector<std::string> names;
  for (const Unreadable* u : files) {
    if (names.size() == 3) {
      names.push_back("…");
      break;
    }
    names.push_back(u->file);
  }
  std::string list;
  for (const auto& n : names) list += (list.empty() ? "" : ", ") + n;
  return data_error("no contact kith can read matches '" + shown + "', and " +
                        std::to_string(files.size()) + " contact file" +
                        (files.size() == 1 ? "" : "s") + " cannot be read (" + list + ")",
                    hint);
}

std::vector<const Contact*> find_duplicates(const std::vector<Contact>& contacts,
                                            const Contact& candidate) {
  return duplicates_of(contacts, candidate);
}

std::vector<const ContactHead*> find_duplicates(const std::vector<ContactHead>& contacts,
                                                const Contact& candidate) {
  return duplicates_of(contacts, candidate);
}

std::vector<UnknownTag> unknown_tags(const std::vector<Contact>& contacts,
                                     const std::vector<std::string>& wanted) {
  std::vector<std::string> in_use;  // one spelling per normalised tag
  std::set<std::string, std::less<>> keys;
  for (const auto& c : contacts) {
    for (const auto& t : c.tags) {
      if (keys.insert(text::normalize_term(t)).second) in_use.push_back(t);
    }
  }
  std::vector<UnknownTag> unknown;
  for (const auto& tag : wanted) {
    if (keys.contains(text::normalize_term(tag))) continue;
    unknown.push_back({tag, closest_words(tag, in_use)});
  }
  return unknown;
}

}  // namespace kith
