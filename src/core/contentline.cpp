#include "core/contentline.h"

#include <algorithm>

namespace kith::contentline {
namespace {

constexpr std::size_t kMaxOctets = 75;

bool is_control(unsigned char ch) { return ch < 0x20 || ch == 0x7f; }

// Length of the UTF-8 sequence a lead byte announces; 1 for anything else,
// so that invalid bytes are cut one at a time.
std::size_t sequence_length(unsigned char lead) {
  if (lead >= 0xF0 && lead <= 0xF4) return 4;
  if (lead >= 0xE0 && lead <= 0xEF) return 3;
  if (lead >= 0xC2 && lead <= 0xDF) return 2;
  return 1;
}

}  // namespace

std::string escape_text(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 8);
  std::size_t run = 0;  // start of the bytes to copy as they are
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char ch = s[i];
    const bool special = ch == '\\' || ch == ';' || ch == ',' || ch == '\r' || ch == '\n' ||
                         is_control(static_cast<unsigned char>(ch));
    if (!special) continue;
    out.append(s.substr(run, i - run));
    switch (ch) {
      case '\\':
        out += "\\\\";
        break;
      case ';':
        out += "\\;";
        break;
      case ',':
        out += "\\,";
        break;
      case '\r':
        out += "\\n";
        if (i + 1 < s.size() && s[i + 1] == '\n') ++i;
        break;
      case '\n':
        out += "\\n";
        break;
      default:  // another control character: dropped
        break;
    }
    run = i + 1;
  }
  out.append(s.substr(std::min(run, s.size())));
  return out;
}

std::string unescape_text(std::string_view raw) {
  std::string out;
  out.reserve(raw.size());
  for (std::size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] != '\\' || i + 1 >= raw.size()) {
      out += raw[i];
      continue;
    }
    const char next = raw[i + 1];
    switch (next) {
      case '\\':
      case ';':
      case ',':
      case ':':
        out += next;
        ++i;
        break;
      case 'n':
      case 'N':
        out += '\n';
        ++i;
        break;
      default:
        out += '\\';
    }
  }
  return out;
}

std::vector<std::string> split_unescaped(std::string_view raw, char sep) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  for (std::size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] == '\\') {
      ++i;  // skip the escaped character
      continue;
    }
    if (raw[i] == sep) {
      parts.push_back(unescape_text(raw.substr(start, i - start)));
      start = i + 1;
    }
  }
  parts.push_back(unescape_text(raw.substr(std::min(start, raw.size()))));
  return parts;
}

void append_folded(std::string& out, std::string_view line) {
  if (line.size() <= kMaxOctets) {  // one physical line
    out.append(line);
    out += "\r\n";
    return;
  }
  std::size_t pos = 0;
  std::size_t start = 0;          // of the physical line being filled
  std::size_t room = kMaxOctets;  // octets left on it
  while (pos < line.size()) {
    std::size_t len = sequence_length(static_cast<unsigned char>(line[pos]));
    if (pos + len > line.size()) len = 1;
    for (std::size_t k = 1; k < len; ++k) {
      const auto ch = static_cast<unsigned char>(line[pos + k]);
      if (ch < 0x80 || ch > 0xBF) {
        len = 1;  // not a real sequence: cut byte by byte
        break;
      }
    }
    if (len > room) {
      out.append(line.substr(start, pos - start));
      out += "\r\n ";
      start = pos;
      room = kMaxOctets - 1;
    }
    room -= len;
    pos += len;
  }
  out.append(line.substr(start));
  out += "\r\n";
}

std::string fold(std::string_view line) {
  std::string out;
  out.reserve(line.size() + line.size() / 70 * 3 + 2);
  append_folded(out, line);
  return out;
}

std::string strip_controls(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char ch : s) {
    if (!is_control(static_cast<unsigned char>(ch))) out += ch;
  }
  return out;
}

}  // namespace kith::contentline
