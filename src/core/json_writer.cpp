#include "core/json_writer.h"

#include <charconv>

namespace kith {

void JsonWriter::indent() { out_.append(2 * counts_.size(), ' '); }

void JsonWriter::before_value() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (counts_.empty()) return;
  out_ += counts_.back()++ == 0 ? "\n" : ",\n";
  indent();
}

void JsonWriter::open(char bracket) {
  before_value();
  out_ += bracket;
  counts_.push_back(0);
}

void JsonWriter::close(char bracket) {
  const std::size_t items = counts_.back();
  counts_.pop_back();
  if (items > 0) {
    out_ += '\n';
    indent();
  }
  out_ += bracket;
}

void JsonWriter::key(std::string_view k) {
  before_value();
  quoted(k);
  out_ += ": ";
  after_key_ = true;
}

void JsonWriter::value(std::string_view s) {
  before_value();
  quoted(s);
}

void JsonWriter::value(std::int64_t n) {
  before_value();
  char buf[24];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, n);
  out_.append(buf, end);
}

void JsonWriter::value(std::size_t n) {
  before_value();
  char buf[24];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, n);
  out_.append(buf, end);
}

void JsonWriter::value(bool b) {
  before_value();
  out_ += b ? "true" : "false";
}

void JsonWriter::null() {
  before_value();
  out_ += "null";
}

void JsonWriter::value(const Json& j) {
  before_value();
  // dump() at depth 0, then every line after the first indented to here.
  // A newline only ever appears between items: strings escape theirs.
  const std::string text = j.dump(2);
  const std::string pad(2 * counts_.size(), ' ');
  for (char ch : text) {
    out_ += ch;
    if (ch == '\n') out_ += pad;
  }
}

void JsonWriter::strings(const std::vector<std::string>& list) {
  begin_array();
  for (const auto& s : list) value(s);
  end_array();
}

void JsonWriter::quoted(std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  out_ += '"';
  std::size_t plain = 0;  // start of the run not yet copied
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto ch = static_cast<unsigned char>(s[i]);
    if (ch >= 0x20 && ch != '"' && ch != '\\') continue;
    out_.append(s.substr(plain, i - plain));
    plain = i + 1;
    switch (ch) {
      case '"':
        out_ += "\\\"";
        break;
      case '\\':
        out_ += "\\\\";
        break;
      case '\b':
        out_ += "\\b";
        break;
      case '\f':
        out_ += "\\f";
        break;
      case '\n':
        out_ += "\\n";
        break;
      case '\r':
        out_ += "\\r";
        break;
      case '\t':
        out_ += "\\t";
        break;
      default:
        out_ += "\\u00";
        out_ += kHex[ch >> 4];
        out_ += kHex[ch & 0xf];
        break;
    }
  }
  out_.append(s.substr(plain));
  out_ += '"';
}

}  // namespace kith
