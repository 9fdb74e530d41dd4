// The RFC 4180 reader takes any bytes; what it reads, the writer writes back
// so that it reads the same.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/csv.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  int previous_line = 0;
  for (const auto& record : kith::csv::parse(text)) {
    if (record.line <= previous_line) __builtin_trap();  // lines only go forward
    previous_line = record.line;
    if (!record.ok() || record.fields.empty()) continue;
    // A lone empty field is an empty line, which the reader skips; a leading
    // byte order mark is skipped too.
    if (record.fields.size() == 1 && record.fields[0].empty()) continue;
    if (record.fields[0].starts_with("\xEF\xBB\xBF")) continue;
    const auto again = kith::csv::parse(kith::csv::format_record(record.fields));
    if (again.size() != 1 || again[0].fields != record.fields) __builtin_trap();
  }
  return 0;
}
