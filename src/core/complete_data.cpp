#include "core/complete_data.h"

#include <algorithm>
#include <optional>
#include <set>

#include <dirent.h>
#include <nlohmann/json.hpp>

#include "core/cache.h"
#include "core/fsutil.h"
#include "core/layout.h"
#include "core/model.h"
#include "core/store_files.h"
#include "core/text.h"

namespace kith::complete {
namespace {

namespace fs = std::filesystem;

// Sorted names in `dir` that begin with `prefix` and end in `suffix`,
// without the suffix; hidden ones skipped. A plain readdir, keeping only the
// names that match: contacts/ may hold thousands of files.
std::vector<std::string> stems(const fs::path& dir, std::string_view suffix,
                               std::string_view prefix = {}) {
  std::vector<std::string> out;
  if (dir.empty()) return out;
  DIR* d = ::opendir(dir.c_str());
  if (!d) return out;
  while (const struct dirent* e = ::readdir(d)) {
    const std::string_view name(e->d_name);
    if (name.empty() || name.front() == '.' || name.size() <= suffix.size() ||
        !name.ends_with(suffix) || !name.starts_with(prefix)) {
      continue;
    }
    out.emplace_back(name.substr(0, name.size() - suffix.size()));
  }
  ::closedir(d);
  std::sort(out.begin(), out.end());
  return out;
}

// The content of `file`; nullopt when it is missing or cannot be read.
std::optional<std::string> slurp(const fs::path& file) {
  auto text = fsutil::read_file(file);
  if (!text || !text->has_value()) return std::nullopt;
  return std::move(**text);
}

// The parsed JSON object in `file`, or null when missing or not an object.
nlohmann::json read_object(const fs::path& file) {
  auto text = slurp(file);
  if (!text) return nullptr;
  auto j = nlohmann::json::parse(*text, nullptr, /*allow_exceptions=*/false);
  return j.is_object() ? j : nlohmann::json();
}

// The JSON array that is the value of `quoted_key` in a pretty-printed
// object (a contact file), found without parsing the rest of the file; null
// when there is none or it is not valid. A key inside a string value is never
// mistaken for one: those have their quotes escaped.
nlohmann::json array_value(std::string_view text, std::string_view quoted_key) {
  for (std::size_t at = text.find(quoted_key); at != std::string_view::npos;
       at = text.find(quoted_key, at + 1)) {
    if (at > 0 && text[at - 1] == '\\') continue;
    std::size_t i = at + quoted_key.size();
    while (i < text.size() &&
           (text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r'))
      ++i;
    if (i >= text.size() || text[i] != ':') continue;
    ++i;
    while (i < text.size() &&
           (text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r'))
      ++i;
    if (i >= text.size() || text[i] != '[') continue;
    // The matching ']' outside strings.
    const std::size_t start = i;
    bool in_string = false;
    for (++i; i < text.size(); ++i) {
      const char c = text[i];
      if (in_string) {
        if (c == '\\') {
          ++i;
        } else if (c == '"') {
          in_string = false;
        }
      } else if (c == '"') {
        in_string = true;
      } else if (c == ']') {
        auto j = nlohmann::json::parse(text.substr(start, i - start + 1), nullptr,
                                       /*allow_exceptions=*/false);
        return j.is_array() ? j : nlohmann::json();
      } else if (c == '[' || c == '{') {
        return nullptr;  // not a list of terms
      }
    }
    return nullptr;
  }
  return nullptr;
}

std::string one_line(std::string_view s) { return text::sanitize_for_terminal(s); }

// The string value of the first "key": "..." in a JSON line, without
// escapes; empty when absent or escaped (kinds are plain words).
std::string string_value(std::string_view line, std::string_view quoted_key) {
  std::size_t at = line.find(quoted_key);
  if (at == std::string_view::npos) return {};
  std::size_t i = at + quoted_key.size();
  auto skip_space = [&] {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
  };
  skip_space();
  if (i >= line.size() || line[i] != ':') return {};
  ++i;
  skip_space();
  if (i >= line.size() || line[i] != '"') return {};
  const std::size_t start = ++i;
  while (i < line.size() && line[i] != '"') {
    if (line[i] == '\\' || static_cast<unsigned char>(line[i]) < 0x20) return {};
    ++i;
  }
  if (i >= line.size()) return {};
  return std::string(line.substr(start, i - start));
}

// Calls f(line) for every line of every month file in log/.
template <class F>
void for_each_log_line(const fs::path& dir, F&& f) {
  if (dir.empty()) return;
  for (const std::string& month : stems(dir / layout::kLogDir, layout::kMonthSuffix)) {
    auto text = slurp(dir / layout::kLogDir / (month + std::string(layout::kMonthSuffix)));
    if (!text) continue;
    std::string_view rest(*text);
    while (!rest.empty()) {
      const std::size_t end = rest.find('\n');
      f(rest.substr(0, end));
      if (end == std::string_view::npos) break;
      rest.remove_prefix(end + 1);
    }
  }
}

bool less_ignoring_case(const std::string& a, const std::string& b) {
  const std::string fa = text::fold(a), fb = text::fold(b);
  return fa != fb ? fa < fb : a < b;
}

bool is_word_byte(char c) {
  const auto b = static_cast<unsigned char>(c);
  return (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9') || b >= 0x80;
}

// Folded text as words for matching: every run of other ASCII characters
// (space, dash, apostrophe, punctuation) appended as one '-'; no leading
// one. "josé  núñez" -> "josé-núñez" (the input is already folded).
void append_words(std::string& out, std::string_view folded) {
  bool pending = !out.empty();
  for (char c : folded) {
    if (!is_word_byte(c)) {
      pending = true;
      continue;
    }
    if (pending && !out.empty()) out.push_back('-');
    pending = false;
    out.push_back(c);
  }
}

// Whether a word of `words` (as append_words writes them) starts with
// `typed` (written the same way, not empty).
bool has_word_starting_with(std::string_view words, std::string_view typed) {
  for (std::size_t at = words.find(typed); at != std::string_view::npos;
       at = words.find(typed, at + 1)) {
    if (at == 0 || words[at - 1] == '-') return true;
  }
  return false;
}

}  // namespace

DataDirSources::DataDirSources(fs::path dir, fs::path cache_root)
    : dir_(std::move(dir)), transliterator_(std::make_shared<const text::Transliterator>()) {
  if (dir_.empty() || cache_root.empty()) return;
  // The cache Store keeps for this data directory (store.cpp).
  std::error_code ec;
  const fs::path absolute = fs::absolute(dir_, ec);
  if (ec) return;
  abs_dir_ = absolute.lexically_normal();
  contacts_cache_ = cache::dir_for(cache_root, abs_dir_) / "contacts";
}

std::string words_of_name(std::string_view name, std::string_view latin) {
  std::string w;
  append_words(w, text::fold(name));
  append_words(w, latin);
  return w;
}

DataDirSources::NameWords DataDirSources::name_words_of_file(const std::string& id) const {
  const nlohmann::json j = read_object(dir_ / layout::kContactsDir / layout::contact_file_name(id));
  if (j.is_null()) return {};
  auto name = j.find("name");
  if (name == j.end() || !name->is_string()) return {};
  const auto& s = name->get_ref<const std::string&>();
  return {words_of_name(s, text::latin_key(s, *transliterator_)), std::nullopt};
}

std::vector<DataDirSources::NameWords> DataDirSources::name_words(
    const std::vector<std::string>& ids) const {
  std::vector<NameWords> out(ids.size());
  std::vector<bool> known(ids.size(), false);
  if (!contacts_cache_.empty()) {
    if (const auto cached = cache::ContactsCache::read(contacts_cache_, abs_dir_)) {
      // Both in id order: matched in one pass.
      auto e = cached->entries().begin();
      const auto end = cached->entries().end();
      for (std::size_t i = 0; i < ids.size(); ++i) {
        const std::string file = layout::contact_file_name(ids[i]);
        while (e != end && cache::file_order(e->file, file)) ++e;
        if (e == end || e->file != file) continue;
        if (const auto name = cache::contact_name(e->record)) {
          out[i] = {words_of_name(*name, e->latin), e->stamp};
          known[i] = true;
        }
        ++e;
      }
    }
  }
  std::size_t read = 0;
  for (std::size_t i = 0; i < ids.size() && read < kUncachedNames; ++i) {
    if (known[i]) continue;
    ++read;
    out[i] = name_words_of_file(ids[i]);
  }
  return out;
}

std::vector<Candidate> DataDirSources::contacts(std::string_view word) const {
  std::vector<Candidate> out;
  if (dir_.empty()) return out;
  std::vector<std::string> ids;
  for (std::string& id : stems(dir_ / layout::kContactsDir, layout::kContactSuffix)) {
    if (text::is_valid_id(id)) ids.push_back(std::move(id));
  }
  std::string typed;
  append_words(typed, text::fold(word));
  if (!word.empty() && !typed.empty() && !is_word_byte(text::fold(word).back())) typed += '-';
  std::vector<NameWords> names;  // of each id, read only when a word is typed
  if (!typed.empty()) names = name_words(ids);
  // Found by a cached name: kept once its file is seen to have the entry's stamp.
  std::vector<std::size_t> to_check;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    const std::string& id = ids[i];
    if (id.starts_with(word) || (!typed.empty() && has_word_starting_with(id, typed))) {
      out.push_back({id, {}, /*matched=*/true});
    } else if (!typed.empty() && has_word_starting_with(names[i].words, typed)) {
      if (names[i].stamp) {
        to_check.push_back(i);
      } else {
        out.push_back({id, {}, /*matched=*/true});
      }
    }
  }
  if (!to_check.empty()) {
    std::vector<std::string> files;
    for (std::size_t i : to_check) files.push_back(layout::contact_file_name(ids[i]));
    const std::vector<std::string_view> views(files.begin(), files.end());
    const store_files::DirHandle handle(dir_ / layout::kContactsDir);
    const auto stamps = handle.fd() >= 0 ? store_files::stamps_of(handle.fd(), views)
                                         : std::vector<std::optional<cache::FileStamp>>();
    for (std::size_t k = 0; k < to_check.size(); ++k) {
      const std::size_t i = to_check[k];
      const bool same = k < stamps.size() && stamps[k] == names[i].stamp;
      // A file changed since it was cached: kept when its name still matches.
      if (same || has_word_starting_with(name_words_of_file(ids[i]).words, typed)) {
        out.push_back({ids[i], {}, /*matched=*/true});
      }
    }
    std::sort(out.begin(), out.end(),
              [](const Candidate& a, const Candidate& b) { return a.value < b.value; });
  }
  if (out.size() > kDescribedContacts) return out;
  for (Candidate& c : out) {
    nlohmann::json j =
        read_object(dir_ / layout::kContactsDir / layout::contact_file_name(c.value));
    if (j.is_null()) continue;
    if (auto name = j.find("name"); name != j.end() && name->is_string()) {
      c.description = one_line(name->get<std::string>());
    }
    if (auto archived = j.find("archived"); archived != j.end() && *archived == true) {
      c.description += c.description.empty() ? "(archived)" : " (archived)";
    }
  }
  return out;
}

std::vector<Candidate> DataDirSources::open_follow_ups() const {
  std::vector<Candidate> out;
  for_each_log_line(dir_, [&](std::string_view line) {
    if (line.find("\"follow_up\"") == std::string_view::npos) return;
    auto j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (!j.is_object()) return;
    auto id = j.find("id");
    auto fu = j.find("follow_up");
    if (id == j.end() || !id->is_string() || fu == j.end() || !fu->is_object()) return;
    if (!is_valid_interaction_id(id->get_ref<const std::string&>())) return;
    if (auto done = fu->find("done_on"); done != fu->end() && !done->is_null()) return;
    std::string description;
    if (auto t = fu->find("text"); t != fu->end() && t->is_string()) {
      description = one_line(t->get<std::string>());
    }
    if (auto by = fu->find("by"); by != fu->end() && by->is_string()) {
      if (!description.empty()) description += " ";
      description += "(by " + one_line(by->get<std::string>()) + ")";
    }
    out.push_back({id->get<std::string>(), std::move(description)});
  });
  std::sort(out.begin(), out.end(),
            [](const Candidate& a, const Candidate& b) { return a.value < b.value; });
  return out;
}

std::vector<std::string> DataDirSources::terms(ValueKind kind) const {
  const char* key = kind == ValueKind::tag        ? "tags"
                    : kind == ValueKind::skill    ? "skills"
                    : kind == ValueKind::interest ? "interests"
                                                  : nullptr;
  std::vector<std::string> out;
  if (!key || dir_.empty()) return out;
  const std::string quoted_key = std::string("\"") + key + "\"";
  std::set<std::string, std::less<>> spellings;  // each checked once
  std::set<std::string, std::less<>> normals;
  auto collect = [&](const fs::path& file) {
    auto content = slurp(file);
    if (!content) return;
    const nlohmann::json list = array_value(*content, quoted_key);
    if (!list.is_array()) return;
    for (const auto& term : list) {
      if (!term.is_string()) continue;
      const auto& value = term.get_ref<const std::string&>();
      if (!spellings.insert(value).second) continue;
      if (!text::is_valid_utf8(value) || one_line(value) != value) continue;
      std::string normal = text::normalize_term(value);
      if (!normal.empty() && normals.insert(std::move(normal)).second) out.push_back(value);
    }
  };
  collect(dir_ / layout::kProfileFile);
  for (const std::string& id : stems(dir_ / layout::kContactsDir, layout::kContactSuffix)) {
    collect(dir_ / layout::kContactsDir / layout::contact_file_name(id));
  }
  std::sort(out.begin(), out.end(), less_ignoring_case);
  return out;
}

std::vector<std::string> DataDirSources::kinds() const {
  std::set<std::string> found;
  for_each_log_line(dir_, [&](std::string_view line) {
    std::string kind = string_value(line, "\"kind\"");
    if (!kind.empty() && text::is_valid_utf8(kind)) found.insert(std::move(kind));
  });
  return {found.begin(), found.end()};
}

}  // namespace kith::complete
