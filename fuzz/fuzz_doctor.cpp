// Fuzz target: kith doctor's checks on a data directory made from arbitrary
// bytes. The input is split on "\n@@" into files; each starts with its name
// (up to the first newline, e.g. "log/2026-11.jsonl"), then its content.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/doctor.h"
#include "core/text.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  kith::doctor::Snapshot snapshot;
  snapshot.exists = true;
  snapshot.entries.push_back({"contacts", kith::doctor::Entry::Type::directory, 0700, {}, {}});
  snapshot.entries.push_back({"log", kith::doctor::Entry::Type::directory, 0700, {}, {}});
  std::size_t pos = 0;
  while (pos <= input.size() && snapshot.entries.size() < 64) {
    std::size_t end = input.find("\n@@", pos);
    if (end == std::string_view::npos) end = input.size();
    const std::string_view chunk = input.substr(pos, end - pos);
    const std::size_t newline = chunk.find('\n');
    kith::doctor::Entry e;
    e.name = std::string(chunk.substr(0, newline));
    if (!e.name.empty()) {
      if (newline != std::string_view::npos) e.content = std::string(chunk.substr(newline + 1));
      if (!e.content) e.read_error = "Permission denied";
      e.mode = e.name.size() % 3 == 0 ? 0644 : 0600;
      snapshot.entries.push_back(std::move(e));
    }
    pos = end + 3;
  }
  const kith::doctor::Report report = kith::doctor::analyze(snapshot);
  for (const auto& f : report.findings) {
    // Messages and hints are printed and put in JSON: they must be valid,
    // printable UTF-8 whatever the files hold.
    if (!kith::text::is_valid_utf8(f.message) || !kith::text::is_valid_utf8(f.hint)) {
      __builtin_trap();
    }
    if (kith::text::sanitize_for_terminal(f.message) != f.message) __builtin_trap();
    (void)f.where();
  }
  if (report.repairable() > static_cast<int>(report.findings.size())) __builtin_trap();
  return 0;
}
