#include "core/zone.h"

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace kith::zone {
namespace {

// Reads big-endian numbers; any overrun makes ok() false.
class Bytes {
 public:
  explicit Bytes(std::string_view in) : in_(in) {}
  bool ok() const { return ok_; }
  std::size_t pos() const { return pos_; }
  std::string_view take(std::size_t n) {
    if (!ok_ || n > in_.size() - pos_) {
      ok_ = false;
      return {};
    }
    std::string_view out = in_.substr(pos_, n);
    pos_ += n;
    return out;
  }
  void skip(std::uint64_t n) {
    if (n > in_.size() - pos_) {
      ok_ = false;
      return;
    }
    pos_ += static_cast<std::size_t>(n);
  }
  std::uint64_t be(std::size_t width) {
    std::uint64_t v = 0;
    for (char c : take(width)) v = (v << 8) | static_cast<unsigned char>(c);
    return v;
  }
  std::int32_t i32() { return static_cast<std::int32_t>(static_cast<std::uint32_t>(be(4))); }
  std::int64_t i64() { return static_cast<std::int64_t>(be(8)); }
  std::uint8_t u8() { return static_cast<std::uint8_t>(be(1)); }

 private:
  std::string_view in_;
  std::size_t pos_ = 0;
  bool ok_ = true;
};

struct Header {
  char version = 0;
  std::uint32_t isutcnt = 0, isstdcnt = 0, leapcnt = 0, timecnt = 0, typecnt = 0, charcnt = 0;
};

std::optional<Header> read_header(Bytes& in) {
  if (in.take(4) != "TZif") return std::nullopt;
  Header h;
  const std::string_view version = in.take(1);
  in.skip(15);
  if (!in.ok()) return std::nullopt;
  h.version = version[0];
  if (h.version != '\0' && h.version != '2' && h.version != '3' && h.version != '4') {
    return std::nullopt;
  }
  for (std::uint32_t* count :
       {&h.isutcnt, &h.isstdcnt, &h.leapcnt, &h.timecnt, &h.typecnt, &h.charcnt}) {
    *count = static_cast<std::uint32_t>(in.be(4));
  }
  if (!in.ok()) return std::nullopt;
  return h;
}

// The size of a data block whose times are `width` bytes wide.
std::uint64_t block_size(const Header& h, std::uint64_t width) {
  return std::uint64_t{h.timecnt} * (width + 1) + std::uint64_t{h.typecnt} * 6 + h.charcnt +
         std::uint64_t{h.leapcnt} * (width + 4) + h.isstdcnt + h.isutcnt;
}

// The names date's tz skips when it lists the zone files (any part of a
// name equal to one of them, or starting with '.' or "posix").
bool is_skipped_part(std::string_view part) {
  static constexpr std::string_view kSkipped[] = {
      "Factory",      "iso3166.tab", "right",     "+VERSION",    "version",          "zone.tab",
      "zone1970.tab", "zonenow.tab", "tzdata.zi", "leapseconds", "leap-seconds.list"};
  if (part.empty() || part.front() == '.' || part.starts_with("posix")) return true;
  return std::find(std::begin(kSkipped), std::end(kSkipped), part) != std::end(kSkipped);
}

enum class Read { ok, absent, failed };

// The whole of a regular file; `absent` when no such file can exist.
Read read_regular(const fs::path& path, std::string& out) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY);
  if (fd < 0) {
    return errno == ENOENT || errno == ENOTDIR || errno == ENAMETOOLONG ? Read::absent
                                                                        : Read::failed;
  }
  struct stat st {};
  // Zone files are a few kilobytes; anything large is not one.
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size > (1 << 20)) {
    ::close(fd);
    return Read::failed;
  }
  out.resize(static_cast<std::size_t>(st.st_size));
  std::size_t got = 0;
  while (got < out.size()) {
    const ssize_t n = ::read(fd, out.data() + got, out.size() - got);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    got += static_cast<std::size_t>(n);
  }
  ::close(fd);
  if (got != out.size()) return Read::failed;
  return Read::ok;
}

Lookup unsure() { return Lookup{}; }

// The zone name in a path into the zone files, as date's current_zone()
// takes it: what follows the first '/' after the last "zoneinfo".
std::optional<std::string> name_after_zoneinfo(std::string_view path) {
  const std::size_t at = path.rfind("zoneinfo");
  if (at == std::string_view::npos) return std::nullopt;
  const std::size_t slash = path.find('/', at);
  if (slash == std::string_view::npos) return std::nullopt;
  return std::string(path.substr(slash + 1));
}

}  // namespace

std::optional<ZoneFile> ZoneFile::parse(std::string_view bytes) {
  Bytes in(bytes);
  auto header = read_header(in);
  if (!header) return std::nullopt;
  std::uint64_t width = 4;
  if (header->version != '\0') {
    // The first block (32-bit times) is for old readers: skip it, as date does.
    in.skip(block_size(*header, 4));
    header = read_header(in);
    if (!header) return std::nullopt;
    width = 8;
  }
  const Header& h = *header;
  // date's tz shifts transitions by the leap seconds; never needed for the
  // zone names kith takes ("right/" zones are the ones that have them).
  if (h.leapcnt != 0 || h.typecnt == 0) return std::nullopt;
  if (block_size(h, width) > bytes.size() - in.pos()) return std::nullopt;

  ZoneFile zone;
  zone.times_.reserve(h.timecnt);
  for (std::uint32_t i = 0; i < h.timecnt; ++i) {
    const std::int64_t t = width == 8 ? in.i64() : in.i32();
    if (!zone.times_.empty() && t <= zone.times_.back()) return std::nullopt;
    zone.times_.push_back(t);
  }
  std::vector<std::uint8_t> indices(h.timecnt);
  for (auto& index : indices) index = in.u8();
  std::vector<std::int32_t> offsets(h.typecnt);
  std::optional<std::int32_t> first_standard;
  for (std::uint32_t i = 0; i < h.typecnt; ++i) {
    offsets[i] = in.i32();
    const std::uint8_t is_dst = in.u8();
    in.u8();  // the index of its abbreviation
    if (is_dst == 0 && !first_standard) first_standard = offsets[i];
  }
  if (!in.ok()) return std::nullopt;
  zone.offsets_.reserve(indices.size());
  for (std::uint8_t index : indices) {
    if (index >= h.typecnt) return std::nullopt;
    zone.offsets_.push_back(offsets[index]);
  }
  zone.initial_offset_ = first_standard.value_or(offsets.front());
  return zone;
}

std::chrono::seconds ZoneFile::offset_at(date::sys_seconds t) const {
  const auto after = std::upper_bound(times_.begin(), times_.end(), t.time_since_epoch().count());
  if (after == times_.begin()) return std::chrono::seconds{initial_offset_};
  return std::chrono::seconds{offsets_[static_cast<std::size_t>(after - times_.begin() - 1)]};
}

Lookup find_zone(std::string_view name, const Sources& sources) {
  const Lookup absent{Lookup::Kind::absent, {}, {}};
  if (name.empty() || name.find('\0') != std::string_view::npos) return absent;
  for (std::size_t start = 0;;) {
    const std::size_t end = std::min(name.find('/', start), name.size());
    if (is_skipped_part(name.substr(start, end - start))) return absent;
    if (end == name.size()) break;
    start = end + 1;
  }
  // date's tz reads the uclibc zone files instead when they exist.
  struct stat st {};
  if (::stat((sources.tz_dir / "uclibc").c_str(), &st) == 0) return unsure();
  std::string bytes;
  switch (read_regular(sources.tz_dir / name, bytes)) {
    case Read::absent:
      return absent;
    case Read::failed:
      return unsure();
    case Read::ok:
      break;
  }
  auto file = ZoneFile::parse(bytes);
  if (!file) return unsure();
  return Lookup{Lookup::Kind::found, std::string(name), std::move(file)};
}

std::optional<Lookup> system_zone(const Sources& sources) {
  auto found = [&](std::string_view name) -> std::optional<Lookup> {
    Lookup lookup = find_zone(name, sources);
    if (lookup.kind != Lookup::Kind::found) return std::nullopt;
    return lookup;
  };
  struct stat st {};
  if (::lstat(sources.localtime.c_str(), &st) == 0 && S_ISLNK(st.st_mode) && st.st_size > 0) {
    // date's tz names the zone from the link's real path, unless that is
    // "posixrules" (then from the link itself): leave that case to it.
    char resolved[PATH_MAX + 1] = {};
    if (::realpath(sources.localtime.c_str(), resolved) == nullptr) return std::nullopt;
    auto name = name_after_zoneinfo(resolved);
    if (!name || *name == "posixrules") return std::nullopt;
    return found(*name);
  }
  if (::lstat(sources.tz_link.c_str(), &st) == 0 && S_ISLNK(st.st_mode) && st.st_size > 0) {
    return std::nullopt;
  }
  std::string text;
  switch (read_regular(sources.timezone_file, text)) {
    case Read::absent:
      return std::nullopt;  // date's tz then looks further
    case Read::failed:
      return std::nullopt;
    case Read::ok:
      break;
  }
  const std::string_view first_line = std::string_view(text).substr(0, text.find('\n'));
  if (first_line.empty()) return std::nullopt;
  return found(first_line);
}

std::string_view name_in_tz(std::string_view tz) {
  std::string_view name = tz;
  if (!name.empty() && name.front() == ':') name.remove_prefix(1);
  if (!name.empty() && name.front() == '/') {
    constexpr std::string_view kDir = "/zoneinfo/";
    if (const std::size_t pos = name.rfind(kDir); pos != std::string_view::npos) {
      name.remove_prefix(pos + kDir.size());
      for (std::string_view prefix : {std::string_view("posix/"), std::string_view("right/")}) {
        if (name.substr(0, prefix.size()) == prefix) name.remove_prefix(prefix.size());
      }
    }
  }
  return name;
}

}  // namespace kith::zone
