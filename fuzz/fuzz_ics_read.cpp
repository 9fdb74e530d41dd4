// The iCalendar reader takes any bytes: what it returns keeps its promises
// (dates in the window, known kinds, lower-case addresses without the
// user's, one name each, one-line UTF-8 summaries), and libical's rules and
// zones end quickly whatever they say.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include <date/tz.h>

#include "core/ics_read.h"
#include "core/text.h"

namespace {

void check(const kith::ics_read::Scan& scan, const kith::ics_read::Options& options) {
  for (const auto& e : scan.events) {
    if (e.date < options.since) __builtin_trap();
    if (e.kind != "video" && e.kind != "coffee" && e.kind != "lunch" && e.kind != "call" &&
        e.kind != "meeting") {
      __builtin_trap();
    }
    if (e.names.size() != e.addresses.size()) __builtin_trap();
    for (std::size_t i = 0; i < e.addresses.size(); ++i) {
      const std::string& a = e.addresses[i];
      if (a.empty() || a == "noor@example.com" || !kith::text::is_valid_utf8(a)) __builtin_trap();
      if (std::any_of(a.begin(), a.end(), [](char ch) { return ch >= 'A' && ch <= 'Z'; })) {
        __builtin_trap();
      }
      if (std::count(e.addresses.begin(), e.addresses.end(), a) != 1) __builtin_trap();
      if (!kith::text::is_valid_utf8(e.names[i])) __builtin_trap();
    }
    if (!kith::text::is_valid_utf8(e.summary) || !kith::text::is_valid_utf8(e.uid)) {
      __builtin_trap();
    }
    if (e.summary != kith::text::trim(e.summary)) __builtin_trap();
    for (char ch : e.summary) {
      if (static_cast<unsigned char>(ch) < 0x20) __builtin_trap();
    }
    const std::string& id = e.recurrence_id;
    if (!id.empty() && id.size() != 8 && (id.size() != 16 || id.back() != 'Z')) __builtin_trap();
  }
  int line = 0;
  for (const auto& s : scan.skipped) {
    if (s.line < line || s.line < 1 || s.reason.empty()) __builtin_trap();
    line = s.line;
  }
  if (scan.skipped.size() > kith::ics_read::max_skips + 1) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const date::time_zone* const zone = date::locate_zone("Europe/Berlin");
  kith::ics_read::Options options;
  options.since = kith::Date{date::year{2025} / 1 / 1};
  options.now = date::sys_days{date::year{2026} / 3 / 1} + std::chrono::hours{12};
  options.zone = zone;
  options.own_addresses = {"noor@example.com"};
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  check(kith::ics_read::read(text, options), options);
  // The same bytes as the properties of an event, to reach its rules sooner.
  const std::string event =
      "BEGIN:VEVENT\r\nUID:fuzz\r\nDTSTART;TZID=Europe/Berlin:20250106T100000\r\n" +
      std::string(text) + "\r\nEND:VEVENT\r\n";
  check(kith::ics_read::read(event, options), options);
  return 0;
}
