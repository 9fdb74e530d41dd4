#include "core/charset.h"

#include <cerrno>

#include <iconv.h>

#include "core/text.h"

namespace kith::charset {
namespace {

int hex_value(char ch) {
  if (ch >= '0' && ch <= '9') return ch - '0';
  if (ch >= 'A' && ch <= 'F') return ch - 'A' + 10;
  if (ch >= 'a' && ch <= 'f') return ch - 'a' + 10;
  return -1;
}

bool is_name_byte(char ch) {
  return (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') ||
         ch == '-' || ch == '_' || ch == '.' || ch == ':' || ch == '(' || ch == ')' || ch == '+';
}

bool is_utf8_name(std::string_view name) {
  std::string upper;
  for (char ch : name) upper += (ch >= 'a' && ch <= 'z') ? static_cast<char>(ch - 'a' + 'A') : ch;
  return upper == "UTF-8" || upper == "UTF8";
}

// An iconv descriptor, closed when it goes out of scope.
class Iconv {
 public:
  explicit Iconv(const std::string& from) : cd_(iconv_open("UTF-8", from.c_str())) {}
  ~Iconv() {
    if (ok()) iconv_close(cd_);
  }
  Iconv(const Iconv&) = delete;
  Iconv& operator=(const Iconv&) = delete;
  bool ok() const { return cd_ != reinterpret_cast<iconv_t>(-1); }
  iconv_t get() const { return cd_; }

 private:
  iconv_t cd_;
};

}  // namespace

std::optional<std::string> decode_quoted_printable(std::string_view encoded) {
  std::string out;
  out.reserve(encoded.size());
  for (std::size_t i = 0; i < encoded.size(); ++i) {
    if (encoded[i] != '=') {
      out += encoded[i];
      continue;
    }
    std::size_t j = i + 1;  // a soft line break: "=", maybe spaces or tabs, then a line break
    while (j < encoded.size() && (encoded[j] == ' ' || encoded[j] == '\t')) ++j;
    if (j < encoded.size() && (encoded[j] == '\r' || encoded[j] == '\n')) {
      if (encoded[j] == '\r' && j + 1 < encoded.size() && encoded[j + 1] == '\n') ++j;
      i = j;
      continue;
    }
    if (i + 2 >= encoded.size()) return std::nullopt;
    const int high = hex_value(encoded[i + 1]);
    const int low = hex_value(encoded[i + 2]);
    if (high < 0 || low < 0) return std::nullopt;
    out += static_cast<char>(high * 16 + low);
    i += 2;
  }
  return out;
}

Converted to_utf8(std::string_view bytes, std::string_view name) {
  using Problem = Converted::Problem;
  if (name.empty() || name.size() > max_name_length)
    return {std::nullopt, Problem::unknown_charset};
  for (char ch : name) {
    if (!is_name_byte(ch)) return {std::nullopt, Problem::unknown_charset};
  }
  if (is_utf8_name(name)) {
    if (!text::is_valid_utf8(bytes)) return {std::nullopt, Problem::invalid_bytes};
    return {std::string(bytes), Problem::none};
  }
  Iconv cd{std::string(name)};
  if (!cd.ok()) return {std::nullopt, Problem::unknown_charset};
  std::string out(bytes.size() * 2 + 16, '\0');
  // iconv's interface takes a non-const input pointer; it never writes through it.
  char* in = const_cast<char*>(bytes.data());
  std::size_t in_left = bytes.size();
  std::size_t used = 0;
  bool flushing = false;
  for (;;) {
    char* dest = out.data() + used;
    std::size_t out_left = out.size() - used;
    const std::size_t rc = flushing ? iconv(cd.get(), nullptr, nullptr, &dest, &out_left)
                                    : iconv(cd.get(), &in, &in_left, &dest, &out_left);
    const int error = rc == static_cast<std::size_t>(-1) ? errno : 0;
    used = static_cast<std::size_t>(dest - out.data());
    if (error == E2BIG) {
      out.resize(out.size() * 2);
      continue;
    }
    if (error != 0) return {std::nullopt, Problem::invalid_bytes};  // EILSEQ, EINVAL
    if (flushing) break;
    flushing = true;  // a stateful charset may have a final shift sequence to write
  }
  out.resize(used);
  if (!text::is_valid_utf8(out)) return {std::nullopt, Problem::invalid_bytes};
  return {std::move(out), Problem::none};
}

std::string printable_name(std::string_view name) {
  std::string out;
  for (char ch : name.substr(0, max_name_length)) {
    out += (ch >= 0x20 && ch < 0x7f) ? ch : '?';
  }
  return out;
}

}  // namespace kith::charset
