// The binary encoding of the read cache's records: little helpers that
// write fixed-size numbers, length-prefixed strings, optional values and
// dates, and a reader that fails (and stays failed) on any overrun or bad
// value instead of trusting the bytes; and the frame every cache file has.
// Internal to cache*.cpp.
#pragma once

#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/cache.h"
#include "core/dates.h"
#include "core/model.h"

namespace kith::cache::codec {

inline std::int32_t days_of(Date d) {
  return static_cast<std::int32_t>(d.time_since_epoch().count());
}
inline Date date_of(std::int32_t days) { return Date{date::days{days}}; }

class Writer {
 public:
  void u8(std::uint8_t v) { out_.push_back(static_cast<char>(v)); }
  void u32(std::uint32_t v) { raw(&v, sizeof v); }
  void u64(std::uint64_t v) { raw(&v, sizeof v); }
  void i32(std::int32_t v) { raw(&v, sizeof v); }
  void i64(std::int64_t v) { raw(&v, sizeof v); }
  void str(std::string_view s) {
    u32(static_cast<std::uint32_t>(s.size()));
    out_.append(s);
  }
  void opt_str(const std::optional<std::string>& s) {
    u8(s ? 1 : 0);
    if (s) str(*s);
  }
  void strs(const std::vector<std::string>& v) {
    u32(static_cast<std::uint32_t>(v.size()));
    for (const auto& s : v) str(s);
  }
  void date(Date d) { i32(days_of(d)); }
  void opt_date(const std::optional<Date>& d) {
    u8(d ? 1 : 0);
    if (d) date(*d);
  }
  void extra(const Json& j) { str(j.empty() ? std::string() : j.dump()); }
  void stamp(const FileStamp& s) {
    u64(s.size);
    u64(s.inode);
    u64(s.device);
    i64(s.mtime_ns);
    i64(s.ctime_ns);
  }
  void raw(const void* p, std::size_t n) { out_.append(static_cast<const char*>(p), n); }
  std::string& out() { return out_; }

 private:
  std::string out_;
};

// Reads what Writer wrote; any overrun or bad value makes ok() false and
// every later read return a default.
class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  bool ok() const { return ok_; }
  bool at_end() const { return pos_ == in_.size(); }
  void fail() { ok_ = false; }

  std::uint8_t u8() {
    std::uint8_t v = 0;
    raw(&v, sizeof v);
    return v;
  }
  std::uint32_t u32() {
    std::uint32_t v = 0;
    raw(&v, sizeof v);
    return v;
  }
  std::uint64_t u64() {
    std::uint64_t v = 0;
    raw(&v, sizeof v);
    return v;
  }
  std::int32_t i32() {
    std::int32_t v = 0;
    raw(&v, sizeof v);
    return v;
  }
  std::int64_t i64() {
    std::int64_t v = 0;
    raw(&v, sizeof v);
    return v;
  }
  // A count of items each at least `min_size` bytes long.
  std::size_t count(std::size_t min_size) {
    const std::uint32_t n = u32();
    if (!ok_ || static_cast<std::size_t>(n) * min_size > in_.size() - pos_) {
      ok_ = false;
      return 0;
    }
    return n;
  }
  std::string str() {
    const std::size_t n = count(1);
    if (!ok_) return {};
    std::string s(in_.substr(pos_, n));
    pos_ += n;
    return s;
  }
  std::optional<std::string> opt_str() {
    if (u8() == 0) return std::nullopt;
    return str();
  }
  // A str() without copying it.
  std::string_view view() {
    const std::size_t n = count(1);
    if (!ok_) return {};
    std::string_view s = in_.substr(pos_, n);
    pos_ += n;
    return s;
  }
  std::vector<std::string> strs() {
    std::vector<std::string> v(count(4));
    for (auto& s : v) s = str();
    return v;
  }
  Date date() { return date_of(i32()); }
  std::optional<Date> opt_date() {
    if (u8() == 0) return std::nullopt;
    return date();
  }
  Json extra() {
    const std::string text = str();
    if (!ok_ || text.empty()) return Json::object();
    Json j = Json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (!j.is_object()) {
      ok_ = false;
      return Json::object();
    }
    return j;
  }
  FileStamp stamp() {
    FileStamp s;
    s.size = u64();
    s.inode = u64();
    s.device = u64();
    s.mtime_ns = i64();
    s.ctime_ns = i64();
    return s;
  }
  void raw(void* p, std::size_t n) {
    if (!ok_ || n > in_.size() - pos_) {
      ok_ = false;
      return;
    }
    std::memcpy(p, in_.data() + pos_, n);
    pos_ += n;
  }

 private:
  std::string_view in_;
  std::size_t pos_ = 0;
  bool ok_ = true;
};

// The frame of a cache file: magic, version, kind and data directory, then
// the body, then a checksum of everything before it (cache.cpp).
enum class Kind : std::uint8_t { contacts = 1, log = 2 };
void write_header(Writer& w, Kind kind, const std::filesystem::path& data_dir);
// Appends the checksum and returns the whole file.
std::string finish_file(Writer& w);
// The body after a valid header and before a valid checksum; nullopt otherwise.
std::optional<std::string_view> body_of(std::string_view bytes, Kind kind,
                                        const std::filesystem::path& data_dir);

}  // namespace kith::cache::codec
