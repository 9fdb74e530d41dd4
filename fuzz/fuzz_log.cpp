// Fuzz target: the log file parser (JSON lines, torn last line) on arbitrary
// bytes; and, line by line, the reader of the lines kith writes
// (read_log_line) against the JSON parser: whatever it reads, the JSON
// parser reads to the same interaction, and it reads every line kith writes.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/history.h"
#include "core/log_line.h"
#include "core/records.h"

namespace {

void compare_readers(std::string_view line) {
  auto written = kith::read_log_line(line);
  auto json = kith::parse_json_document(line, "fuzz.jsonl");
  if (written) {
    if (!json) __builtin_trap();
    auto parsed = kith::interaction_from_json(*json, "fuzz.jsonl");
    if (!parsed || kith::to_json(*parsed) != kith::to_json(*written)) __builtin_trap();
  }
  if (!json) return;
  auto parsed = kith::interaction_from_json(*json, "fuzz.jsonl");
  if (!parsed || !parsed->extra.empty()) return;
  if (parsed->follow_up && !parsed->follow_up->extra.empty()) return;
  const std::string again = kith::serialize_line(kith::to_json(*parsed));
  auto reread = kith::read_log_line(std::string_view(again).substr(0, again.size() - 1));
  if (!reread || kith::to_json(*reread) != kith::to_json(*parsed)) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  std::vector<std::string> warnings;
  if (auto log = kith::parse_log(input, "log/2026-11.jsonl", warnings)) {
    (void)kith::summarize(*log);
    for (const auto& i : *log) (void)kith::serialize_line(kith::to_json(i));
  }
  std::size_t pos = 0;
  while (pos <= input.size()) {
    std::size_t end = input.find('\n', pos);
    if (end == std::string_view::npos) end = input.size();
    compare_readers(input.substr(pos, end - pos));
    pos = end + 1;
  }
  return 0;
}
