#include "core/backup.h"

#include "core/json_writer.h"

namespace kith {

Json export_document(const Network& network) {
  Json j = Json::object();
  j["format"] = "kith-export";
  j["version"] = kExportVersion;
  j["settings"] = network.config.settings;
  j["me"] = to_json(network.profile);
  Json contacts = Json::array();
  for (const auto& c : network.contacts) contacts.push_back(to_json(c));
  j["contacts"] = std::move(contacts);
  Json interactions = Json::array();
  for (const auto& i : network.interactions) interactions.push_back(to_json(i));
  j["interactions"] = std::move(interactions);
  return j;
}

std::string export_text(const Network& network) {
  std::string out;
  out.reserve(1024 + 600 * network.contacts.size() + 250 * network.interactions.size());
  JsonWriter w(out);
  w.begin_object();
  w.key("format");
  w.value("kith-export");
  w.key("version");
  w.value(kExportVersion);
  w.key("settings");
  w.value(network.config.settings);
  w.key("me");
  w.value(to_json(network.profile));
  w.key("contacts");
  w.begin_array();
  for (const auto& c : network.contacts) write_contact(w, c);
  w.end_array();
  w.key("interactions");
  w.begin_array();
  for (const auto& i : network.interactions) write_interaction(w, i);
  w.end_array();
  w.end_object();
  out += '\n';
  return out;
}

std::vector<int> element_lines(std::string_view text, std::string_view key) {
  std::vector<int> lines;
  int line = 1;
  int depth = 0;
  int target_depth = -1;  // depth inside the target array, once found
  bool expect_element = false;
  bool in_string = false;
  bool collect = false;  // collecting a string at depth 1 (a key, maybe)
  std::string last_string;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char ch = text[i];
    if (in_string) {
      if (ch == '\\') {
        if (collect && i + 1 < text.size()) last_string += text[i + 1];
        ++i;
      } else if (ch == '"') {
        in_string = false;
      } else if (collect) {
        last_string += ch;
      }
      continue;
    }
    if (ch == '\n') ++line;
    if (ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n') continue;
    if (expect_element && ch != ']') lines.push_back(line);
    expect_element = false;
    switch (ch) {
      case '"':
        in_string = true;
        collect = depth == 1;
        if (collect) last_string.clear();
        break;
      case '[':
        ++depth;
        if (target_depth < 0 &&
            ((key.empty() && depth == 1) || (!key.empty() && depth == 2 && last_string == key))) {
          target_depth = depth;
          expect_element = true;
        }
        break;
      case '{':
        ++depth;
        break;
      case ']':
      case '}':
        if (depth == target_depth) target_depth = -2;  // done: only the first such array
        --depth;
        break;
      case ',':
        if (depth == target_depth) expect_element = true;
        break;
      default:
        break;
    }
  }
  return lines;
}

Result<ImportBatch> read_export(std::string_view text, std::string_view file) {
  const std::string f(file);
  // The one JSON reader of kith's files: a syntax error, a number out of
  // range and nesting too deep for the stack are all "not valid JSON", with
  // the line. An export is the user's input, so it is a usage error here.
  auto parsed = parse_json_document(text, f);
  if (!parsed) {
    return usage_error(parsed.error().message,
                       "`kith import json` reads what `kith export json` writes");
  }
  Json doc = std::move(*parsed);
  const Json* contacts = nullptr;
  const Json* interactions = nullptr;
  std::vector<int> contact_lines, interaction_lines;
  ImportBatch batch;
  if (doc.is_array()) {
    contacts = &doc;
    contact_lines = element_lines(text, "");
  } else if (doc.is_object() && doc.value("format", Json()) == "kith-export") {
    auto version = doc.find("version");
    if (version == doc.end() || !version->is_number_integer() || version->get<long long>() < 1) {
      return usage_error(f + ": the export has no valid 'version'");
    }
    if (version->get<long long>() > kExportVersion) {
      return usage_error(
          f + ": export format version " + std::to_string(version->get<long long>()) +
              " is newer than this kith understands (" + std::to_string(kExportVersion) + ")",
          "upgrade kith to import it");
    }
    for (const char* k : {"contacts", "interactions"}) {
      auto it = doc.find(k);
      if (it != doc.end() && !it->is_array() && !it->is_null()) {
        return usage_error(f + ": '" + k + "' is not a list");
      }
    }
    if (auto it = doc.find("contacts"); it != doc.end() && it->is_array()) {
      contacts = &*it;
      contact_lines = element_lines(text, "contacts");
    }
    if (auto it = doc.find("interactions"); it != doc.end() && it->is_array()) {
      interactions = &*it;
      interaction_lines = element_lines(text, "interactions");
    }
    if (auto it = doc.find("settings"); it != doc.end() && it->is_object()) batch.settings = *it;
    if (auto it = doc.find("me"); it != doc.end() && !it->is_null()) {
      auto profile = profile_from_json(*it, "me");
      if (profile) {
        batch.profile = std::move(*profile);
      } else {
        // Built in place, field by field: g++ 12 -O2 warns (wrongly) that the
        // temporary of a braced Notice may be used uninitialized.
        Notice& notice = batch.warnings.emplace_back();
        notice.where.file = f;
        notice.where.line = 1;
        notice.message = profile.error().message + "; profile left out";
      }
    }
  } else {
    return usage_error(f + ": not a kith export (no \"format\": \"kith-export\")",
                       "`kith import json` reads what `kith export json` writes");
  }
  auto line_at = [](const std::vector<int>& lines, std::size_t n) {
    return n < lines.size() ? lines[n] : 0;
  };
  if (contacts) {
    for (std::size_t n = 0; n < contacts->size(); ++n) {
      const SourceLine where{f, line_at(contact_lines, n)};
      auto c = contact_from_json((*contacts)[n], "contacts[" + std::to_string(n) + "]");
      if (!c) {
        batch.skipped.push_back({where, c.error().message});
        continue;
      }
      if (c->id == "me") {
        batch.skipped.push_back({where, "the id 'me' is reserved for your profile"});
        continue;
      }
      batch.records.push_back({where, std::move(*c), std::nullopt, ""});
    }
  }
  if (interactions) {
    for (std::size_t n = 0; n < interactions->size(); ++n) {
      const SourceLine where{f, line_at(interaction_lines, n)};
      auto i = interaction_from_json((*interactions)[n], "interactions[" + std::to_string(n) + "]");
      if (!i) {
        batch.skipped.push_back({where, i.error().message});
        continue;
      }
      batch.interactions.push_back({where, std::move(*i)});
    }
  }
  return batch;
}

}  // namespace kith
