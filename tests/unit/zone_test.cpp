#include "core/zone.h"

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include <date/tz.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include "support/testutil.h"

namespace kith::zone {
namespace {

using std::chrono::seconds;
using test::TempDir;
using test::write_file;

date::sys_seconds at(int y, unsigned m, unsigned d, int h = 0) {
  return date::sys_days{date::year{y} / date::month{m} / date::day{d}} + std::chrono::hours{h};
}

// A TZif file built by hand: `types` are (offset, is_dst) pairs,
// `transitions` (instant, type index) pairs.
struct Tzif {
  char version = '2';
  std::vector<std::pair<std::int32_t, bool>> types;
  std::vector<std::pair<std::int64_t, std::uint8_t>> transitions;
  std::uint32_t leaps = 0;

  static void be(std::string& out, std::uint64_t v, int width) {
    for (int i = width - 1; i >= 0; --i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
  }
  void block(std::string& out, int width) const {
    out += "TZif";
    out.push_back(version);
    out.append(15, '\0');
    for (std::uint64_t count :
         {std::uint64_t{0}, std::uint64_t{0}, std::uint64_t{leaps},
          std::uint64_t{transitions.size()}, std::uint64_t{types.size()}, std::uint64_t{4}}) {
      be(out, count, 4);
    }
    for (const auto& t : transitions) be(out, static_cast<std::uint64_t>(t.first), width);
    for (const auto& t : transitions) out.push_back(static_cast<char>(t.second));
    for (const auto& [offset, dst] : types) {
      be(out, static_cast<std::uint32_t>(offset), 4);
      out.push_back(dst ? 1 : 0);
      out.push_back(0);
    }
    out += std::string("ABC\0", 4);
    for (std::uint32_t i = 0; i < leaps; ++i) {
      be(out, 0, width);  // when
      be(out, 1, 4);      // the correction
    }
  }
  std::string bytes() const {
    std::string out;
    block(out, 4);
    if (version != '\0') {
      block(out, 8);
      out += "\nABC-1\n";
    }
    return out;
  }
};

TEST(ZoneFile, TheOffsetIsThatOfTheLastTransitionAtOrBeforeTheInstant) {
  Tzif f;
  f.types = {{3600, true}, {7200, false}, {10800, true}};  // the first standard type is 7200
  f.transitions = {{1000, 2}, {2000, 0}};
  for (char version : {'\0', '2', '3', '4'}) {
    SCOPED_TRACE(static_cast<int>(version));
    f.version = version;
    auto zone = ZoneFile::parse(f.bytes());
    ASSERT_TRUE(zone.has_value());
    const struct {
      std::int64_t t;
      std::int64_t offset;
    } cases[] = {{-5000000000, 7200}, {999, 7200},  {1000, 10800},
                 {1999, 10800},       {2000, 3600}, {9000000000, 3600}};
    for (const auto& c : cases) {
      EXPECT_EQ(zone->offset_at(date::sys_seconds{seconds{c.t}}), seconds{c.offset}) << c.t;
    }
  }
}

TEST(ZoneFile, WithNoTransitionOrNoStandardTypeTheFirstTypeRules) {
  Tzif f;
  f.types = {{-36000, true}, {3600, true}};
  auto zone = ZoneFile::parse(f.bytes());
  ASSERT_TRUE(zone.has_value());
  EXPECT_EQ(zone->offset_at(at(2026, 11, 25)), seconds{-36000});
}

TEST(ZoneFile, AnythingButACompleteConsistentFileWithoutLeapSecondsIsRefused) {
  Tzif good;
  good.types = {{0, false}, {3600, false}};
  good.transitions = {{1000, 1}, {2000, 0}};
  const std::string bytes = good.bytes();
  ASSERT_TRUE(ZoneFile::parse(bytes).has_value());
  for (std::size_t n = 0; n < bytes.size() - 7; ++n) {
    // Any cut before the footer loses part of the tables.
    EXPECT_FALSE(ZoneFile::parse(bytes.substr(0, n)).has_value()) << n;
  }
  std::vector<Tzif> bad(5, good);
  bad[0].version = '9';
  bad[1].types.clear();
  bad[1].transitions.clear();
  bad[2].transitions = {{2000, 1}, {1000, 0}};  // not in order
  bad[3].transitions = {{1000, 2}};             // no such type
  bad[4].leaps = 1;
  for (std::size_t i = 0; i < bad.size(); ++i) {
    EXPECT_FALSE(ZoneFile::parse(bad[i].bytes()).has_value()) << i;
  }
  EXPECT_FALSE(ZoneFile::parse("").has_value());
  EXPECT_FALSE(ZoneFile::parse("Europe/Paris\n").has_value());
}

// Every zone of the system database gives, read from its own file, the
// offsets date's tz gives.
TEST(ZoneFile, AgreesWithTheDatabaseForEveryZoneOfTheSystem) {
  const std::vector<date::sys_seconds> instants = {
      at(1900, 1, 1),      at(1970, 1, 1),      at(1995, 1, 1, 9),    at(2011, 12, 29, 12),
      at(2026, 3, 29, 0),  at(2026, 3, 29, 1),  at(2026, 3, 29, 2),   at(2026, 7, 1),
      at(2026, 10, 25, 0), at(2026, 10, 25, 1), at(2026, 11, 25, 11), at(2036, 6, 1),
      at(2040, 1, 1),      at(2100, 7, 1)};
  std::size_t compared = 0;
  for (const date::time_zone& z : date::get_tzdb().zones) {
    Lookup lookup = find_zone(z.name());
    if (lookup.kind != Lookup::Kind::found) {
      // Then the database itself cannot read it either.
      EXPECT_ANY_THROW(z.get_info(instants.front())) << z.name();
      continue;
    }
    EXPECT_EQ(lookup.name, z.name());
    for (const auto& t : instants) {
      EXPECT_EQ(lookup.file->offset_at(t), z.get_info(t).offset)
          << z.name() << " at " << date::format("%F %T", t);
    }
    ++compared;
  }
  EXPECT_GT(compared, 300u);
}

TEST(FindZone, FindsWhatTheDatabaseListsAndNothingElse) {
  for (const char* name : {"UTC", "Etc/UTC", "Europe/Paris", "America/Argentina/Buenos_Aires"}) {
    SCOPED_TRACE(name);
    Lookup lookup = find_zone(name);
    ASSERT_EQ(lookup.kind, Lookup::Kind::found);
    EXPECT_EQ(lookup.name, name);
    EXPECT_NO_THROW(date::locate_zone(name));
  }
  const std::vector<std::string> absent = {
      "",
      "Not/AZone",
      "Europe",  // a directory
      "Europe/",
      "/Europe/Paris",
      "Europe//Paris",
      "Europe/./Paris",
      "../zoneinfo/UTC",
      "posixrules",
      "posix/Europe/Paris",
      "right/Europe/Paris",
      "Factory",
      "zone.tab",
      "Europe/Paris/x",
      std::string("Europe/Paris\0", 13),
      std::string(10000, 'A'),
  };
  for (const std::string& name : absent) {
    SCOPED_TRACE(name.size() > 40 ? name.substr(0, 40) + "..." : name);
    const Lookup lookup = find_zone(name);
    if (name == "Europe") {
      EXPECT_NE(lookup.kind, Lookup::Kind::found);
    } else {
      EXPECT_EQ(lookup.kind, Lookup::Kind::absent);
    }
    EXPECT_ANY_THROW(date::locate_zone(name));
  }
}

TEST(FindZone, AFileThatIsNotAZoneIsLeftToTheDatabase) {
  TempDir tmp;
  Sources sources;
  sources.tz_dir = tmp.path();
  write_file(tmp / "Not_TZif", "hello\n");
  Tzif f;
  f.types = {{3600, false}};
  write_file(tmp / "Some/Zone", f.bytes());
  EXPECT_EQ(find_zone("Not_TZif", sources).kind, Lookup::Kind::unsure);
  Lookup some = find_zone("Some/Zone", sources);
  ASSERT_EQ(some.kind, Lookup::Kind::found);
  EXPECT_EQ(some.file->offset_at(at(2026, 1, 1)), seconds{3600});
  // date's tz would read the uclibc files instead.
  write_file(tmp / "uclibc/Some/Zone", f.bytes());
  EXPECT_EQ(find_zone("Some/Zone", sources).kind, Lookup::Kind::unsure);
}

TEST(SystemZone, IsTheZoneTheLocaltimeLinkNamesElseTheTimezoneFile) {
  TempDir tmp;
  Sources sources;
  sources.tz_dir = tmp / "share/zoneinfo";
  sources.localtime = tmp / "etc/localtime";
  sources.tz_link = tmp / "etc/TZ";
  sources.timezone_file = tmp / "etc/timezone";
  Tzif f;
  f.types = {{-18000, false}};
  write_file(sources.tz_dir / "America/New_York", f.bytes());
  write_file(sources.tz_dir / "Etc/UTC", Tzif{'2', {{0, false}}, {}, 0}.bytes());
  fs::create_directories(tmp / "etc");

  // Neither: date's tz looks further (or fails); not decided here.
  EXPECT_FALSE(system_zone(sources).has_value());

  write_file(sources.timezone_file, "America/New_York\nignored\n");
  auto from_file = system_zone(sources);
  ASSERT_TRUE(from_file.has_value());
  EXPECT_EQ(from_file->name, "America/New_York");

  // The link wins, named by where it leads.
  fs::create_symlink(sources.tz_dir / "Etc/UTC", sources.localtime);
  auto linked = system_zone(sources);
  ASSERT_TRUE(linked.has_value());
  EXPECT_EQ(linked->name, "Etc/UTC");
  EXPECT_EQ(linked->file->offset_at(at(2026, 1, 1)), seconds{0});
  fs::create_directories(sources.tz_dir / "US");
  fs::create_symlink("../America/New_York", sources.tz_dir / "US/Eastern");
  fs::remove(sources.localtime);
  fs::create_symlink(sources.tz_dir / "US/Eastern", sources.localtime);
  auto resolved = system_zone(sources);
  ASSERT_TRUE(resolved.has_value());
  EXPECT_EQ(resolved->name, "America/New_York");

  // A link to nothing, or to a zone that is not one: not decided here.
  fs::remove(sources.localtime);
  fs::create_symlink(tmp / "nowhere", sources.localtime);
  EXPECT_FALSE(system_zone(sources).has_value());
  fs::remove(sources.localtime);
  write_file(sources.tz_dir / "posixrules", f.bytes());
  fs::create_symlink(sources.tz_dir / "posixrules", sources.localtime);
  EXPECT_FALSE(system_zone(sources).has_value());

  // A copy instead of a link: the timezone file names it, unless /etc/TZ is a link.
  fs::remove(sources.localtime);
  write_file(sources.localtime, f.bytes());
  ASSERT_TRUE(system_zone(sources).has_value());
  fs::create_symlink(sources.tz_dir / "Etc/UTC", sources.tz_link);
  EXPECT_FALSE(system_zone(sources).has_value());
}

TEST(NameInTz, DropsTheColonAndThePathToTheZoneFiles) {
  const struct {
    const char* tz;
    const char* name;
  } cases[] = {
      {"Europe/Paris", "Europe/Paris"},
      {":Europe/Paris", "Europe/Paris"},
      {"/usr/share/zoneinfo/Asia/Tokyo", "Asia/Tokyo"},
      {":/usr/share/zoneinfo/posix/Asia/Tokyo", "Asia/Tokyo"},
      {"/usr/share/zoneinfo/right/UTC", "UTC"},
      {"/etc/passwd", "/etc/passwd"},
      {":", ""},
      {"", ""},
      {"JST-9", "JST-9"},
  };
  for (const auto& c : cases) EXPECT_EQ(name_in_tz(c.tz), c.name) << c.tz;
}

}  // namespace
}  // namespace kith::zone
