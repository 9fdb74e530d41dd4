#include "core/vcard.h"

#include <algorithm>

#include "core/charset.h"
#include "core/contentline.h"
#include "core/text.h"

namespace kith::vcard {
namespace {

std::string upper(std::string_view s) {
  std::string out(s);
  for (char& ch : out) {
    if (ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 'a' + 'A');
  }
  return out;
}

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'a' && x <= 'z') x = static_cast<char>(x - 'a' + 'A');
    if (y >= 'a' && y <= 'z') y = static_cast<char>(y - 'a' + 'A');
    if (x != y) return false;
  }
  return true;
}

bool is_name_char(char ch) {
  return (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') ||
         ch == '-' || ch == '_' || ch == '.';
}

struct LogicalLine {
  std::string text;
  int line = 0;
};

// What a content line's parameters say about the physical lines after it.
enum class Encoding { plain, quoted_printable, base64 };

// The ENCODING of a physical line that starts a content line: its
// parameters, before the first ':', hold ENCODING=QUOTED-PRINTABLE or a bare
// QUOTED-PRINTABLE (vCard 2.1), or ENCODING=BASE64, ENCODING=B or a bare BASE64.
Encoding encoding_of(std::string_view line) {
  const std::size_t colon = line.find(':');
  if (colon == std::string_view::npos) return Encoding::plain;
  const std::string head = upper(line.substr(0, colon));
  std::size_t start = head.find(';');
  while (start != std::string::npos) {
    const std::size_t end = head.find(';', start + 1);
    std::string_view param = text::trim(std::string_view(head).substr(
        start + 1, end == std::string::npos ? std::string::npos : end - start - 1));
    if (param.starts_with("ENCODING=")) param.remove_prefix(9);
    if (param == "QUOTED-PRINTABLE") return Encoding::quoted_printable;
    if (param == "BASE64" || param == "B") return Encoding::base64;
    start = end;
  }
  return Encoding::plain;
}

// A line of a vCard 2.1 BASE64 blob that is not indented: base64 characters only.
bool is_base64_line(std::string_view line) {
  return std::all_of(line.begin(), line.end(), [](char ch) {
    return (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') ||
           ch == '+' || ch == '/' || ch == '=' || ch == ' ' || ch == '\t';
  });
}

bool is_card_boundary(std::string_view line) {
  line = text::trim(line);
  return iequals(line, "BEGIN:VCARD") || iequals(line, "END:VCARD");
}

// Unfolds the text into logical lines. Besides RFC folding (a line starting
// with a space or tab continues the one before), vCard 2.1 continues a
// QUOTED-PRINTABLE value whose line ends in "=" (a soft line break: the "="
// is removed and the next line joined as it is, unless it begins or ends a
// card), and a BASE64 value on the unindented lines of base64 characters
// after it, up to a blank line.
std::vector<LogicalLine> unfold(std::string_view text) {
  std::vector<LogicalLine> lines;
  std::size_t pos = 0;
  int line_no = 0;
  Encoding encoding = Encoding::plain;  // of the last logical line
  bool soft_break = false;              // that line ended in a quoted-printable "="
  while (pos < text.size()) {
    ++line_no;
    std::size_t end = pos;
    while (end < text.size() && text[end] != '\r' && text[end] != '\n') ++end;
    std::string_view physical = text.substr(pos, end - pos);
    pos = end;
    if (pos < text.size() && text[pos] == '\r') {
      ++pos;
      if (pos < text.size() && text[pos] == '\n') ++pos;
    } else if (pos < text.size()) {
      ++pos;  // '\n'
    }
    const bool was_soft_break = soft_break;
    soft_break = false;
    if (!lines.empty()) {
      std::string& last = lines.back().text;
      bool joined = false;
      if (was_soft_break && !is_card_boundary(physical)) {
        last.append(physical);
        joined = true;
      } else if (!physical.empty() && (physical.front() == ' ' || physical.front() == '\t')) {
        last.append(physical.substr(1));
        joined = true;
      } else if (encoding == Encoding::base64 && !physical.empty() && is_base64_line(physical)) {
        last.append(physical);
        joined = true;
      }
      if (joined) {
        if (encoding == Encoding::quoted_printable && last.ends_with('=')) {
          last.pop_back();
          soft_break = true;
        }
        continue;
      }
    }
    encoding = Encoding::plain;
    if (physical.empty()) continue;
    lines.push_back({std::string(physical), line_no});
    encoding = encoding_of(physical);
    std::string& last = lines.back().text;
    if (encoding == Encoding::quoted_printable && last.ends_with('=')) {
      last.pop_back();
      soft_break = true;
    }
  }
  return lines;
}

// Parses one logical line; false when it is not a content line.
bool parse_property(const LogicalLine& l, Property& p) {
  std::string_view s = l.text;
  std::size_t i = 0;
  while (i < s.size() && is_name_char(s[i])) ++i;
  if (i == 0 || i >= s.size() || (s[i] != ':' && s[i] != ';')) return false;
  std::string_view full_name = s.substr(0, i);
  if (auto dot = full_name.rfind('.'); dot != std::string_view::npos) {
    p.group = std::string(full_name.substr(0, dot));
    full_name.remove_prefix(dot + 1);
  }
  if (full_name.empty()) return false;
  p.name = upper(full_name);
  p.line = l.line;
  while (i < s.size() && s[i] == ';') {
    ++i;
    std::size_t start = i;
    while (i < s.size() && s[i] != '=' && s[i] != ';' && s[i] != ':') ++i;
    std::string pname = upper(text::trim(s.substr(start, i - start)));
    std::string pvalue;
    if (i < s.size() && s[i] == '=') {
      ++i;
      for (;;) {  // a value, or a comma-separated list of them, maybe quoted
        if (i < s.size() && s[i] == '"') {
          const std::size_t close = s.find('"', i + 1);
          if (close == std::string_view::npos) return false;
          pvalue.append(s.substr(i + 1, close - i - 1));
          i = close + 1;
        }
        while (i < s.size() && s[i] != ';' && s[i] != ':' && s[i] != '"') pvalue += s[i++];
        if (i < s.size() && s[i] == '"') continue;
        break;
      }
    } else {
      pvalue = pname;  // vCard 2.1 bare type: TEL;CELL:
      pname = "TYPE";
    }
    if (p.params.size() < max_params) p.params.emplace_back(std::move(pname), std::move(pvalue));
  }
  if (i >= s.size() || s[i] != ':') return false;
  p.value = std::string(s.substr(i + 1));
  return true;
}

}  // namespace

std::optional<std::string> Property::param(std::string_view wanted) const {
  for (const auto& [n, v] : params) {
    if (n == wanted) return v;
  }
  return std::nullopt;
}

std::vector<Card> parse(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  std::vector<Card> cards;
  int depth = 0;
  for (const LogicalLine& l : unfold(text)) {
    Property p;
    if (!parse_property(l, p)) continue;
    const std::string value(text::trim(p.value));
    if (p.name == "BEGIN" && iequals(value, "VCARD")) {
      if (depth++ == 0) cards.push_back(Card{l.line, {}, {}});
      continue;
    }
    if (p.name == "END" && iequals(value, "VCARD")) {
      if (depth > 0) --depth;
      continue;
    }
    if (depth != 1) continue;
    Card& card = cards.back();
    if (card.properties.size() >= max_properties) {
      if (card.error.empty()) {
        card.error = "more than " + std::to_string(max_properties) + " properties";
      }
      continue;
    }
    card.properties.push_back(std::move(p));
  }
  if (depth > 0 && !cards.empty() && cards.back().error.empty()) {
    cards.back().error = "no END:VCARD";
  }
  return cards;
}

std::optional<Birthday> parse_birthday_value(std::string_view value,
                                             std::optional<std::string_view> omit_year) {
  value = text::trim(value);
  if (value.size() > 64) return std::nullopt;
  std::string v(value);
  if (!v.starts_with("--")) {
    if (auto t = v.find('T'); t != std::string::npos) v.erase(t);
  }
  auto digits = [](std::string_view s) {
    return !s.empty() &&
           std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  std::string iso;
  if (v.size() == 6 && v.starts_with("--") && digits(v.substr(2))) {  // --MMDD
    iso = "--" + v.substr(2, 2) + "-" + v.substr(4, 2);
  } else if (v.size() == 7 && v.starts_with("--") && v[4] == '-') {  // --MM-DD
    iso = v;
  } else if (v.size() == 8 && digits(v)) {  // YYYYMMDD
    iso = v.substr(0, 4) + "-" + v.substr(4, 2) + "-" + v.substr(6, 2);
  } else if (v.size() == 10 && v[4] == '-' && v[7] == '-') {  // YYYY-MM-DD
    iso = v;
  } else {
    return std::nullopt;
  }
  auto parsed = parse_birthday(iso);
  if (!parsed) return std::nullopt;
  Birthday b = *parsed;
  if (b.year && omit_year && text::trim(*omit_year) == iso.substr(0, 4)) b.year.reset();
  return b;
}

namespace {

std::string strip_scheme(std::string_view value, std::string_view scheme) {
  if (value.size() >= scheme.size() && iequals(value.substr(0, scheme.size()), scheme)) {
    value.remove_prefix(scheme.size());
  }
  return std::string(value);
}

// A TEL value: a "tel:" URI becomes its number, ";ext=" an " ext. ".
std::string phone_of(const Property& p) {
  std::string v = strip_scheme(text::trim(contentline::unescape_text(p.value)), "tel:");
  if (auto ext = v.find(";ext="); ext != std::string::npos) {
    std::string number = v.substr(0, ext);
    std::string extension = v.substr(ext + 5);
    if (auto more = extension.find(';'); more != std::string::npos) extension.erase(more);
    v = number + " ext. " + extension;
  } else if (auto semi = v.find(';'); semi != std::string::npos && p.value.starts_with("tel:")) {
    v.erase(semi);  // other URI parameters (phone-context)
  }
  return one_line(v);
}

// CRLF and CR (as quoted-printable "=0D=0A" writes them) as LF.
std::string lf_line_breaks(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '\r') {
      out += s[i];
    } else if (i + 1 >= s.size() || s[i + 1] != '\n') {
      out += '\n';
    }
  }
  return out;
}

bool is_mapped(std::string_view name) {
  static constexpr std::string_view mapped[] = {
      "FN",  "N",          "EMAIL",     "TEL",      "ORG",   "TITLE", "ROLE", "ADR",
      "URL", "CATEGORIES", "EXPERTISE", "INTEREST", "HOBBY", "NOTE",  "BDAY", "UID"};
  return std::find(std::begin(mapped), std::end(mapped), name) != std::end(mapped);
}

// p's value in UTF-8 (escapes still as written): QUOTED-PRINTABLE decoded
// (ENCODING=QUOTED-PRINTABLE, or bare as vCard 2.1 writes it) and CHARSET
// converted. False, with the reason, when it cannot be.
bool decode_value(Property& p, std::string& reason) {
  const std::string what = p.name + " (line " + std::to_string(p.line) + ")";
  const bool qp = std::any_of(p.params.begin(), p.params.end(), [](const auto& param) {
    return (param.first == "ENCODING" || param.first == "TYPE") &&
           iequals(param.second, "QUOTED-PRINTABLE");
  });
  if (qp) {
    auto decoded = charset::decode_quoted_printable(p.value);
    if (!decoded) {
      reason = what + " is not valid quoted-printable (an '=' not followed by two hex digits)";
      return false;
    }
    p.value = std::move(*decoded);
  }
  if (auto name = p.param("CHARSET")) {
    charset::Converted converted = charset::to_utf8(p.value, *name);
    if (!converted.text) {
      reason = converted.problem == charset::Converted::Problem::unknown_charset
                   ? what + ": unknown CHARSET " + charset::printable_name(*name)
                   : what + " is not valid " + charset::printable_name(*name);
      return false;
    }
    p.value = std::move(*converted.text);
  }
  return true;
}

bool is_utf8(const Contact& c, const std::optional<std::string>& uid) {
  auto ok = [](const std::string& s) { return text::is_valid_utf8(s); };
  auto all = [&](const std::vector<std::string>& v) { return std::all_of(v.begin(), v.end(), ok); };
  auto opt = [&](const std::optional<std::string>& s) { return !s || ok(*s); };
  return ok(c.name) && all(c.emails) && all(c.phones) && all(c.links) && all(c.tags) &&
         all(c.skills) && all(c.interests) && opt(c.company) && opt(c.role) && opt(c.location) &&
         opt(c.notes) && opt(uid);
}

void add_line(std::vector<std::string>& list, std::string value) {
  if (!value.empty()) list.push_back(std::move(value));
}

std::optional<std::string> non_empty(std::string s) {
  if (s.empty()) return std::nullopt;
  return s;
}

// Maps one card; false (with the reason) when it must be skipped.
bool map_card(const Card& card, std::string_view file, ImportBatch& batch) {
  ImportRecord record;
  record.where = {std::string(file), card.line};
  Contact& c = record.contact;
  std::string fn, n_name, org_name, title, role;
  std::vector<std::string> notes;
  bool have_adr = false;
  std::vector<Property> properties;  // the ones mapped, decoded
  for (const Property& p : card.properties) {
    if (!is_mapped(p.name)) continue;
    properties.push_back(p);
    if (std::string reason; !decode_value(properties.back(), reason)) {
      batch.skipped.push_back({record.where, reason});
      return false;
    }
  }
  for (const Property& p : properties) {
    const std::string& name = p.name;
    if (name == "FN") {
      if (fn.empty()) fn = one_line(contentline::unescape_text(p.value));
    } else if (name == "N") {
      auto parts = contentline::split_unescaped(p.value, ';');
      parts.resize(5);
      std::string joined;
      for (std::size_t k : {3u, 1u, 2u, 0u, 4u}) {  // prefix given additional family suffix
        std::string part = one_line(parts[k]);
        std::replace(part.begin(), part.end(), ',', ' ');
        if (!part.empty()) joined += (joined.empty() ? "" : " ") + part;
      }
      if (n_name.empty()) n_name = one_line(joined);
    } else if (name == "EMAIL") {
      std::string e =
          one_line(strip_scheme(text::trim(contentline::unescape_text(p.value)), "mailto:"));
      if (e.empty()) continue;
      if (e.find('@') == std::string::npos || e.find(' ') != std::string::npos) {
        batch.warnings.push_back(
            {{std::string(file), p.line}, "EMAIL '" + e + "' is not an address; left out"});
        continue;
      }
      add_line(c.emails, e);
    } else if (name == "TEL") {
      add_line(c.phones, phone_of(p));
    } else if (name == "ORG") {
      if (!c.company)
        c.company = non_empty(one_line(contentline::split_unescaped(p.value, ';')[0]));
    } else if (name == "TITLE") {
      if (title.empty()) title = one_line(contentline::unescape_text(p.value));
    } else if (name == "ROLE") {
      if (role.empty()) role = one_line(contentline::unescape_text(p.value));
    } else if (name == "ADR") {
      if (have_adr) continue;
      have_adr = true;
      auto parts = contentline::split_unescaped(p.value, ';');
      parts.resize(7);
      for (std::size_t k : {3u, 4u, 6u}) {  // locality, region, country
        if (auto place = one_line(parts[k]); !place.empty()) {
          c.location = place;
          break;
        }
      }
    } else if (name == "URL") {
      add_line(c.links, one_line(contentline::unescape_text(p.value)));
    } else if (name == "CATEGORIES") {
      for (const auto& tag : contentline::split_unescaped(p.value, ',')) {
        if (tag != "myContacts") add_line(c.tags, one_line(tag));  // Google's every-contact group
      }
    } else if (name == "EXPERTISE") {
      add_line(c.skills, one_line(contentline::unescape_text(p.value)));
    } else if (name == "INTEREST" || name == "HOBBY") {
      add_line(c.interests, one_line(contentline::unescape_text(p.value)));
    } else if (name == "NOTE") {
      std::string note(text::trim(lf_line_breaks(contentline::unescape_text(p.value))));
      if (!note.empty()) notes.push_back(note);
    } else if (name == "BDAY") {
      if (c.birthday) continue;
      auto omit = p.param("X-APPLE-OMIT-YEAR");
      if (auto b =
              parse_birthday_value(contentline::unescape_text(p.value),
                                   omit ? std::optional<std::string_view>(*omit) : std::nullopt)) {
        c.birthday = *b;
      } else {
        batch.warnings.push_back(
            {{std::string(file), p.line},
             "BDAY '" + one_line(p.value) + "' is not a date kith knows; left out"});
      }
    } else if (name == "UID") {
      if (!record.uid) {
        std::string uid =
            contentline::strip_controls(text::trim(contentline::unescape_text(p.value)));
        if (!uid.empty()) record.uid = uid;
      }
    }
  }
  c.role = non_empty(!title.empty() ? title : role);
  if (!notes.empty()) {
    std::string joined;
    for (const auto& note : notes) joined += (joined.empty() ? "" : "\n") + note;
    c.notes = joined;
  }
  c.name = !fn.empty()         ? fn
           : !n_name.empty()   ? n_name
           : c.company         ? *c.company
           : !c.emails.empty() ? c.emails.front()
                               : std::string();
  if (record.uid && record.uid->starts_with("kith:") && text::is_valid_id(record.uid->substr(5))) {
    c.id = record.uid->substr(5);  // written by kith: the contact's own id
    record.uid.reset();
  }
  const SourceLine where = record.where;
  if (!is_utf8(c, record.uid)) {
    batch.skipped.push_back({where, "not valid UTF-8 (is the file in another encoding?)"});
    return false;
  }
  if (c.name.empty()) {
    batch.skipped.push_back({where, "no name (FN or N)"});
    return false;
  }
  batch.records.push_back(std::move(record));
  return true;
}

}  // namespace

Result<ImportBatch> read_vcards(std::string_view text, std::string_view file) {
  const std::vector<Card> cards = parse(text);
  if (cards.empty()) {
    if (text::trim(text).empty()) return ImportBatch{};
    return usage_error(std::string(file) + ": no vCard in it (no BEGIN:VCARD line)",
                       "export the contacts as vCard (.vcf) and import that file");
  }
  ImportBatch batch;
  batch.source = "vcard";
  for (const Card& card : cards) {
    if (!card.error.empty()) {
      batch.skipped.push_back({{std::string(file), card.line}, card.error});
      continue;
    }
    map_card(card, file, batch);
  }
  return batch;
}

}  // namespace kith::vcard
