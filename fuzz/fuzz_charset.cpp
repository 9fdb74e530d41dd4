// The quoted-printable decoder and the charset conversion take any bytes.
// The input is "CHARSET\nVALUE": the first line names the charset (as a
// vCard CHARSET parameter would), the rest is quoted-printable text.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/charset.h"
#include "core/text.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using kith::charset::Converted;
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const std::size_t newline = input.find('\n');
  const std::string_view name = newline == std::string_view::npos ? "" : input.substr(0, newline);
  const std::string_view value =
      newline == std::string_view::npos ? input : input.substr(newline + 1);

  const auto decoded = kith::charset::decode_quoted_printable(value);
  if (decoded && decoded->size() > value.size()) __builtin_trap();  // decoding only shrinks
  const std::string bytes = decoded ? *decoded : std::string(value);

  const Converted c = kith::charset::to_utf8(bytes, name);
  if (c.text.has_value() != (c.problem == Converted::Problem::none)) __builtin_trap();
  if (c.text && !kith::text::is_valid_utf8(*c.text)) __builtin_trap();
  // Valid UTF-8 read as UTF-8 is itself; any byte but NUL is a Latin-1
  // character, of one or two bytes in UTF-8.
  const Converted same = kith::charset::to_utf8(bytes, "UTF-8");
  if (kith::text::is_valid_utf8(bytes) != (same.text && *same.text == bytes)) __builtin_trap();
  const Converted latin1 = kith::charset::to_utf8(bytes, "ISO-8859-1");
  const bool has_nul = bytes.find('\0') != std::string::npos;
  if (latin1.text.has_value() == has_nul) __builtin_trap();
  if (latin1.text && (latin1.text->size() < bytes.size() || latin1.text->size() > 2 * bytes.size()))
    __builtin_trap();
  if (kith::charset::printable_name(name).size() > kith::charset::max_name_length) __builtin_trap();
  return 0;
}
