// Fuzz target: the log file parser (JSON lines, torn last line) on arbitrary bytes.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/history.h"
#include "core/records.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  std::vector<std::string> warnings;
  if (auto log = kith::parse_log(input, "log/2026-11.jsonl", warnings)) {
    (void)kith::summarize(*log);
    for (const auto& i : *log) (void)kith::serialize_line(kith::to_json(i));
  }
  return 0;
}
