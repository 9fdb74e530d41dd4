// Fuzz target: every date, duration and birthday parser on arbitrary bytes.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/dates.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const kith::Date today = date::sys_days{date::year{2026} / 11 / 25};
  for (auto direction : {kith::DateDirection::past, kith::DateDirection::future}) {
    if (auto d = kith::parse_date(input, today, direction)) (void)kith::format_date(*d);
  }
  (void)kith::parse_iso_date(input);
  for (auto allow : {kith::AllowOff::no, kith::AllowOff::yes}) {
    if (auto d = kith::parse_duration(input, allow); d && d->unit != kith::Duration::Unit::off) {
      (void)kith::add_duration(today, *d);
      (void)kith::subtract_duration(today, *d);
    }
  }
  if (auto b = kith::parse_birthday(input)) {
    (void)kith::format_birthday(*b);
    (void)kith::next_birthday(*b, today);
  }
  return 0;
}
