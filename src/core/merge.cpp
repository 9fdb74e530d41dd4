#include "core/merge.h"

#include <algorithm>
#include <map>

#include "core/contact_merge.h"
#include "core/layout.h"
#include "core/records.h"
#include "core/text.h"

namespace kith::merge {
namespace {

bool same(const Json* a, const Json* b) {
  if (a == nullptr || b == nullptr) return a == b;
  return *a == *b;
}

std::string shown(const Json* value) {
  if (value == nullptr) return "(removed)";
  std::string text = value->dump();
  if (text.size() > 60) text = text.substr(0, 57) + "...";
  return text::sanitize_for_terminal(text);
}

Json merge_sets(const Json* base, const Json& ours, const Json& theirs) {
  const Json empty = Json::array();
  const Json& b = base != nullptr && base->is_array() ? *base : empty;
  auto contains = [](const Json& list, const Json& x) {
    return std::find(list.begin(), list.end(), x) != list.end();
  };
  Json out = Json::array();
  for (const auto& x : ours) {
    if ((contains(theirs, x) || !contains(b, x)) && !contains(out, x)) out.push_back(x);
  }
  for (const auto& x : theirs) {
    if (!contains(b, x) && !contains(out, x)) out.push_back(x);
  }
  return out;
}

Json merge_objects(const Json* base, const Json& ours, const Json& theirs, const std::string& where,
                   std::vector<std::string>& notes) {
  Json out = Json::object();
  auto find = [](const Json* object, const std::string& key) -> const Json* {
    if (object == nullptr || !object->is_object()) return nullptr;
    auto it = object->find(key);
    return it == object->end() ? nullptr : &*it;
  };
  std::vector<std::string> keys;
  for (const auto& [key, value] : ours.items()) keys.push_back(key);
  for (const auto& [key, value] : theirs.items()) {
    if (!ours.contains(key)) keys.push_back(key);
  }
  for (const auto& key : keys) {
    const std::string at = where.empty() ? key : where + "." + key;
    if (auto v = merge_values(find(base, key), find(&ours, key), find(&theirs, key), at, notes)) {
      out[key] = std::move(*v);
    }
  }
  return out;
}

// One line of a log file: its key (the interaction id, or the raw text for a
// line that is not an interaction), its text and its JSON when it has one.
struct Line {
  std::string key;
  std::string text;
  std::optional<Json> json;
  std::string date;
};

struct Side {
  std::map<std::string, Line> lines;
  std::vector<std::string> order;  // keys in file order
  bool torn = false;
};

std::string trim_right(std::string_view s) {
  const auto last = s.find_last_not_of(" \t\r");
  return last == std::string_view::npos ? std::string() : std::string(s.substr(0, last + 1));
}

Side parse_side(std::string_view content) {
  Side side;
  std::size_t pos = 0;
  while (pos < content.size()) {
    std::size_t end = content.find('\n', pos);
    const bool last_unterminated = end == std::string_view::npos;
    if (last_unterminated) end = content.size();
    Line line;
    line.text = trim_right(content.substr(pos, end - pos));
    pos = end + 1;
    if (line.text.empty()) continue;
    if (Json::accept(line.text)) {
      Json j = Json::parse(line.text);
      if (j.is_object() && j.contains("id") && j["id"].is_string()) {
        line.key = "i:" + j["id"].get<std::string>();
        if (j.contains("date") && j["date"].is_string()) line.date = j["date"].get<std::string>();
        line.json = std::move(j);
      }
    } else if (last_unterminated) {
      side.torn = true;
      continue;
    }
    if (line.key.empty() || side.lines.count(line.key)) {
      line.json.reset();
      line.key = "r:" + line.text;
      if (side.lines.count(line.key)) continue;
    }
    side.order.push_back(line.key);
    side.lines.emplace(line.key, std::move(line));
  }
  return side;
}

const Line* find_line(const Side& side, const std::string& key) {
  auto it = side.lines.find(key);
  return it == side.lines.end() ? nullptr : &it->second;
}

// The interaction's line as kith writes it, when it reads as one.
std::string format_line(const Json& j, std::string_view path) {
  if (auto i = interaction_from_json(j, path)) return serialize_line(to_json(*i));
  return serialize_line(j);
}

}  // namespace

std::optional<Json> merge_values(const Json* base, const Json* ours, const Json* theirs,
                                 const std::string& where, std::vector<std::string>& notes) {
  const Json* chosen = nullptr;
  if (same(ours, theirs)) {
    chosen = ours;
  } else if (same(base, ours)) {
    chosen = theirs;
  } else if (same(base, theirs)) {
    chosen = ours;
  } else if (ours != nullptr && theirs != nullptr && ours->is_array() && theirs->is_array()) {
    return merge_sets(base, *ours, *theirs);
  } else if (ours != nullptr && theirs != nullptr && ours->is_object() && theirs->is_object()) {
    return merge_objects(base, *ours, *theirs, where, notes);
  } else {
    notes.push_back("'" + where + "' was changed on both sides: kept " + shown(ours) +
                    " from this machine, not " + shown(theirs));
    chosen = ours;
  }
  if (chosen == nullptr) return std::nullopt;
  return *chosen;
}

Result<Outcome> merge_record(std::string_view base, std::string_view ours, std::string_view theirs,
                             std::string_view path) {
  auto parse = [&](std::string_view text, std::string_view side) -> Result<Json> {
    if (!Json::accept(text)) {
      return data_error(std::string(path) + ": " + std::string(side) +
                        " version is not JSON; not merging it");
    }
    Json j = Json::parse(text);
    if (!j.is_object()) {
      return data_error(std::string(path) + ": " + std::string(side) +
                        " version is not a JSON object; not merging it");
    }
    return j;
  };
  Json b = Json::object();
  if (base.find_first_not_of(" \t\r\n") != std::string_view::npos) {
    auto parsed = parse(base, "the common");
    if (!parsed) return parsed.error();
    b = std::move(*parsed);
  }
  auto o = parse(ours, "this machine's");
  if (!o) return o.error();
  auto t = parse(theirs, "the incoming");
  if (!t) return t.error();

  Outcome out;
  std::vector<std::string> notes;
  Json merged = merge_objects(&b, *o, *t, "", notes);
  for (auto& n : notes) out.notes.push_back(std::string(path) + ": " + n);
  const std::string where(path);
  if (path.starts_with(std::string(layout::kContactsDir) + "/")) {
    if (auto c = contact_from_json(merged, where)) merged = to_json(*c);
  } else if (path == layout::kProfileFile) {
    if (auto p = profile_from_json(merged, where)) merged = to_json(*p);
  } else if (path == layout::kConfigFile) {
    if (auto c = config_from_json(merged, where)) merged = to_json(*c);
  }
  out.text = serialize_document(merged);
  return out;
}

Outcome merge_log(std::string_view base, std::string_view ours, std::string_view theirs,
                  std::string_view path, const AliasMap& aliases) {
  const Side b = parse_side(base);
  const Side o = parse_side(ours);
  const Side t = parse_side(theirs);
  Outcome out;
  const std::string file(path);
  if (o.torn) out.notes.push_back(file + ": dropped this machine's torn last line");
  if (t.torn) out.notes.push_back(file + ": dropped the incoming torn last line");

  std::vector<std::string> keys = o.order;
  for (const auto& key : t.order) {
    if (!o.lines.count(key)) keys.push_back(key);
  }
  for (const auto& key : b.order) {
    if (!o.lines.count(key) && !t.lines.count(key)) keys.push_back(key);
  }

  struct Kept {
    std::string date;
    std::string id;
    std::string text;
  };
  std::vector<Kept> interactions;
  std::vector<std::string> raw;
  for (const auto& key : keys) {
    const Line* lb = find_line(b, key);
    const Line* lo = find_line(o, key);
    const Line* lt = find_line(t, key);
    auto text_of = [](const Line* l) { return l ? &l->text : nullptr; };
    auto same_text = [&](const Line* x, const Line* y) {
      return (x == nullptr || y == nullptr) ? x == y : *text_of(x) == *text_of(y);
    };
    const Line* chosen = nullptr;
    std::string merged_text;
    if (same_text(lo, lt)) {
      chosen = lo;
    } else if (same_text(lb, lo)) {
      chosen = lt;
    } else if (same_text(lb, lt)) {
      chosen = lo;
    } else if (lo == nullptr || lt == nullptr) {
      // Removed on one side, changed on the other: a purge is deliberate.
      out.notes.push_back(file + ": interaction " + text::sanitize_for_terminal(key.substr(2)) +
                          " was removed on one side and changed on the other: kept removed");
    } else if (lo->json && lt->json) {
      std::vector<std::string> notes;
      auto merged =
          merge_values(lb && lb->json ? &*lb->json : nullptr, &*lo->json, &*lt->json, "", notes);
      for (auto& n : notes) {
        out.notes.push_back(file + ": interaction " + text::sanitize_for_terminal(key.substr(2)) +
                            ": " + n);
      }
      if (merged) {
        std::string line = format_line(*merged, path);
        line.pop_back();
        std::string date = merged->contains("date") && (*merged)["date"].is_string()
                               ? (*merged)["date"].get<std::string>()
                               : lo->date;
        interactions.push_back({date, key.substr(2), line});
      }
      continue;
    } else {
      chosen = lo;
    }
    if (chosen == nullptr) continue;
    if (chosen->json) {
      interactions.push_back({chosen->date, key.substr(2), chosen->text});
    } else {
      raw.push_back(chosen->text);
    }
  }
  std::stable_sort(interactions.begin(), interactions.end(), [](const Kept& x, const Kept& y) {
    return std::tie(x.date, x.id) < std::tie(y.date, y.id);
  });
  for (const auto& k : interactions) out.text += k.text + "\n";
  for (const auto& r : raw) out.text += r + "\n";
  if (!aliases.empty()) {
    ReferenceRewrite rewritten = rewrite_references(out.text, aliases);
    if (rewritten.changed > 0) {
      out.text = std::move(rewritten.text);
      out.notes.push_back(file + ": " + std::to_string(rewritten.changed) +
                          (rewritten.changed == 1 ? " interaction named a contact"
                                                  : " interactions named contacts") +
                          " merged into another; now naming the contact kept");
    }
  }
  return out;
}

}  // namespace kith::merge
