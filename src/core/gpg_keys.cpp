#include "core/gpg_keys.h"

namespace kith::gpg {
namespace {

// The fields of one colon-separated record (field 1 is index 0).
std::vector<std::string_view> gpg_fields(std::string_view line) {
  std::vector<std::string_view> fields;
  std::size_t start = 0;
  for (;;) {
    const std::size_t colon = line.find(':', start);
    fields.push_back(line.substr(start, colon - start));
    if (colon == std::string_view::npos) break;
    start = colon + 1;
  }
  return fields;
}

std::string_view gpg_field(const std::vector<std::string_view>& fields, std::size_t number) {
  return number >= 1 && number <= fields.size() ? fields[number - 1] : std::string_view();
}

// The "user id" field escapes colons and control characters as \xNN.
std::string gpg_unescape(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 3 < s.size() && s[i + 1] == 'x') {
      const auto hex = [](char c) {
        return c >= '0' && c <= '9'   ? c - '0'
               : c >= 'a' && c <= 'f' ? c - 'a' + 10
               : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                      : -1;
      };
      const int hi = hex(s[i + 2]), lo = hex(s[i + 3]);
      if (hi >= 0 && lo >= 0) {
        out += static_cast<char>(hi * 16 + lo);
        i += 3;
        continue;
      }
    }
    out += s[i];
  }
  return out;
}

}  // namespace

std::vector<Key> parse_listing(std::string_view colons) {
  std::vector<Key> keys;
  // What the record being read belongs to: its primary key, or a subkey
  // (whose fingerprint is not the key's).
  bool in_key = false;
  bool primary = false;
  std::size_t start = 0;
  while (start < colons.size()) {
    std::size_t end = colons.find('\n', start);
    if (end == std::string_view::npos) end = colons.size();
    std::string_view line = colons.substr(start, end - start);
    start = end + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    const auto fields = gpg_fields(line);
    const std::string_view type = gpg_field(fields, 1);
    if (type == "pub" || type == "sec") {
      Key key;
      const std::string_view validity = gpg_field(fields, 2);
      key.expired = validity == "e";
      key.revoked = validity == "r";
      // Field 12: the whole key's usable capabilities in upper case
      // (a disabled key has "D").
      const std::string_view caps = gpg_field(fields, 12);
      key.can_encrypt = caps.find('E') != std::string_view::npos &&
                        caps.find('D') == std::string_view::npos && !key.expired && !key.revoked;
      keys.push_back(std::move(key));
      in_key = true;
      primary = true;
    } else if (type == "sub" || type == "ssb") {
      primary = false;
    } else if (type == "fpr" && in_key && primary && keys.back().fingerprint.empty()) {
      keys.back().fingerprint = std::string(gpg_field(fields, 10));
    } else if (type == "uid" && in_key && keys.back().user_id.empty()) {
      const std::string_view validity = gpg_field(fields, 2);
      if (validity != "r") keys.back().user_id = gpg_unescape(gpg_field(fields, 10));
    }
  }
  std::erase_if(keys, [](const Key& k) { return k.fingerprint.empty(); });
  return keys;
}

std::string describe(const Key& key) {
  return key.user_id.empty() ? key.fingerprint : key.fingerprint + " (" + key.user_id + ")";
}

}  // namespace kith::gpg
