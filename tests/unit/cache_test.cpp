#include "core/cache.h"

#include <algorithm>
#include <chrono>
#include <string>
#include <vector>

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>

#include "core/store.h"
#include "support/testutil.h"

namespace kith::cache_test {
namespace {

using namespace std::chrono_literals;
namespace fs = std::filesystem;
using test::read_file;
using test::TempDir;
using test::write_file;

Date d(const char* text) { return *parse_iso_date(text); }

Contact full_contact() {
  Contact c;
  c.id = "jose-nunez";
  c.name = "José Núñez";
  c.emails = {"jose@example.org", "j@mail.example"};
  c.phones = {"+34 600 000 000"};
  c.company = "Acme";
  c.role = "CTO";
  c.location = "Lisbon";
  c.links = {"https://example.org/jose"};
  c.tags = {"mentor", "rust"};
  c.skills = {"Rust", "hiring"};
  c.interests = {"climate tech"};
  c.how_met = "Meetup";
  c.met_on = d("2024-03-04");
  c.every = *parse_duration("quarterly", AllowOff::yes);
  c.birthday = *parse_birthday("--02-29");
  c.notes = "Line one\nline \"two\"";
  c.added_on = d("2025-10-02");
  c.archived = true;
  c.snoozed_until = d("2026-12-01");
  c.job_changes = {
      {d("2025-01-02"), {"Initech", std::nullopt}, {"Acme", "Engineer"}, Json::object()},
      {d("2026-11-02"),
       {"Acme", "Engineer"},
       {"Acme", "CTO"},
       Json::parse(R"({"source": "linkedin"})")}};
  c.aliases = {"jose", "jose-n"};
  c.extra = Json::parse(R"({"linkedin": {"url": "x", "n": [1, 2.5, null]}, "zz": true})");
  return c;
}

// ------------------------------------------------------------ the encodings

TEST(CacheContactRecord, RoundTripsEveryFieldAndTheUnknownKeys) {
  const std::vector<Contact> cases = {full_contact(), [] {
                                        Contact c;  // the bare minimum
                                        c.id = "a";
                                        c.name = "A";
                                        c.added_on = d("2026-01-01");
                                        return c;
                                      }()};
  for (const auto& c : cases) {
    SCOPED_TRACE(c.id);
    auto back = cache::decode_contact(cache::encode_contact(c));
    ASSERT_TRUE(back.has_value());
    EXPECT_EQ(to_json(*back).dump(), to_json(c).dump());
  }
}

TEST(CacheContactRecord, AnyTruncationOrTrailingByteFailsToDecode) {
  const std::string record = cache::encode_contact(full_contact());
  for (std::size_t n = 0; n < record.size(); ++n) {
    EXPECT_FALSE(cache::decode_contact(record.substr(0, n)).has_value()) << n;
  }
  EXPECT_FALSE(cache::decode_contact(record + "x").has_value());
}

std::string contacts_file(const fs::path& data_dir) {
  cache::ContactsCacheWriter w;
  cache::FileStamp stamp;
  stamp.size = 10;
  stamp.mtime_ns = 5;
  const Contact c = full_contact();
  w.add("a.json", stamp, cache::encode_contact(c), "");
  w.add("a-2.json", stamp, cache::encode_contact(c), "");
  w.add("jose-nunez.json", stamp, cache::encode_contact(c), "dmitrii");
  return w.finish(data_dir);
}

TEST(ContactsCacheFile, DecodesWhatWasWrittenInFileOrder) {
  auto cache = cache::ContactsCache::decode(contacts_file("/data"), "/data");
  ASSERT_TRUE(cache.has_value());
  ASSERT_EQ(cache->entries().size(), 3u);
  EXPECT_EQ(cache->entries()[0].file, "a.json");
  EXPECT_EQ(cache->entries()[1].file, "a-2.json");
  EXPECT_EQ(cache->entries()[2].stamp.size, 10u);
  EXPECT_TRUE(cache::decode_contact(cache->entries()[2].record).has_value());
  EXPECT_EQ(cache->entries()[0].latin, "");
  EXPECT_EQ(cache->entries()[2].latin, "dmitrii");
  EXPECT_EQ(cache::contact_name(cache->entries()[2].record), full_contact().name);
}

TEST(ContactsCacheFile, KeepsTheStampOfTheDirectoryWhenGiven) {
  EXPECT_FALSE(cache::ContactsCache::decode(contacts_file("/data"), "/data")->dir_stamp());
  cache::ContactsCacheWriter w;
  const cache::FileStamp dir{4096, 7, 8, 9, 10};
  w.add("a.json", {10, 1, 2, 3, 4}, cache::encode_contact(full_contact()), "");
  auto cache = cache::ContactsCache::decode(w.finish("/data", dir), "/data");
  ASSERT_TRUE(cache.has_value());
  EXPECT_EQ(cache->dir_stamp(), dir);
  ASSERT_EQ(cache->entries().size(), 1u);
  EXPECT_EQ(cache->entries()[0].file, "a.json");
}

TEST(ContactsCacheFile, AnythingElseIsIgnored) {
  const std::string good = contacts_file("/data");
  struct Case {
    const char* label;
    std::string bytes;
    const char* data_dir;
  };
  std::string flipped = good;
  flipped[flipped.size() / 2] ^= 0x20;
  const std::vector<Case> cases = {
      {"another data directory", good, "/other"},
      {"empty", "", "/data"},
      {"a byte changed", flipped, "/data"},
      {"truncated", good.substr(0, good.size() - 9), "/data"},
      {"a byte added", good + "\n", "/data"},
      {"not a cache", "kith-cache\nhello, world", "/data"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.label);
    EXPECT_FALSE(cache::ContactsCache::decode(c.bytes, c.data_dir).has_value());
  }
  for (std::size_t n = 0; n < good.size(); n += 7) {
    EXPECT_FALSE(cache::ContactsCache::decode(good.substr(0, n), "/data").has_value()) << n;
  }
}

TEST(LogCacheFile, RoundTripsDigestsAndRejectsDamage) {
  cache::LogCache log;
  Interaction i;
  i.id = "20261125T101010Z-abcdef";
  i.date = d("2026-11-25");
  i.contacts = {"ada", "bob"};
  i.intent = Intent::give;
  i.logged_at = "2026-11-25T10:10:10Z";
  i.follow_up = FollowUp{"Send the article", d("2026-11-30"), std::nullopt, Json::object()};
  cache::MonthDigest digest;
  cache::digest_into(digest, {i}, log);
  digest.settled = true;
  digest.content_size = 42;
  digest.lines = 1;
  log.months.emplace("2026-11.jsonl", std::move(digest));
  const std::string bytes = cache::encode(log, "/data");

  auto back = cache::decode_log(bytes, "/data");
  ASSERT_TRUE(back.has_value());
  EXPECT_EQ(back->ids, (std::vector<std::string_view>{"ada", "bob"}));
  const auto& m = back->months.at("2026-11.jsonl");
  ASSERT_EQ(m.tables.entry_count(), 1u);
  EXPECT_EQ(m.tables.entry(0).date, 20782);
  EXPECT_EQ(m.tables.entry(0).intent, static_cast<std::uint8_t>(Intent::give));
  EXPECT_EQ(m.tables.entry(0).count, 2u);
  EXPECT_EQ(m.tables.refs(), (std::vector<std::uint32_t>{0, 1}));
  EXPECT_EQ(m.tables.id_hashes(), std::vector<std::uint64_t>{cache::hash_id(i.id)});
  ASSERT_EQ(m.open_follow_ups.size(), 1u);
  EXPECT_EQ(to_json(m.open_follow_ups[0]).dump(), to_json(i).dump());
  EXPECT_TRUE(m.settled);
  EXPECT_EQ(m.content_size, 42u);

  EXPECT_FALSE(cache::decode_log(bytes, "/elsewhere").has_value());
  for (std::size_t n = 0; n < bytes.size(); n += 5) {
    EXPECT_FALSE(cache::decode_log(bytes.substr(0, n), "/data").has_value()) << n;
  }
}

TEST(LogCacheTables, ReadInPlaceWhatWasPacked) {
  const std::vector<cache::MonthTables::Entry> entries = {{20782, 0, 0, 2}, {20783, 2, 2, 1}};
  const std::vector<std::uint32_t> refs = {0, 1, 1};
  const auto t = cache::MonthTables::pack(entries, refs, {30, 10, 20});
  ASSERT_EQ(t.entry_count(), 2u);
  EXPECT_EQ(t.entry(1).date, 20783);
  EXPECT_EQ(t.entry(1).intent, 2);
  EXPECT_EQ(t.entry(1).first, 2u);
  EXPECT_EQ(t.entry(1).count, 1u);
  EXPECT_EQ(t.refs(), refs);
  EXPECT_EQ(t.id_hashes(), (std::vector<std::uint64_t>{10, 20, 30}));  // sorted
  for (std::uint64_t h : {10, 20, 30}) EXPECT_TRUE(t.has_id_hash(h)) << h;
  for (std::uint64_t h : {0, 15, 31}) EXPECT_FALSE(t.has_id_hash(h)) << h;
  EXPECT_TRUE(t.mentions(1));
  EXPECT_FALSE(t.mentions(2));
  // Out of range reads are defaults, not reads outside the tables.
  EXPECT_EQ(t.entry(2).count, 0u);
  EXPECT_EQ(t.ref(3), 0u);

  // A view of the same bytes is the same tables.
  const std::string bytes(t.bytes());
  auto again = cache::MonthTables::view(bytes, nullptr);
  ASSERT_TRUE(again.has_value());
  EXPECT_EQ(again->refs(), refs);
  EXPECT_TRUE(again->has_id_hash(20));
  // Sizes that do not add up are refused.
  EXPECT_FALSE(cache::MonthTables::view(bytes.substr(0, bytes.size() - 1), nullptr).has_value());
  EXPECT_FALSE(cache::MonthTables::view(bytes + "x", nullptr).has_value());
  EXPECT_FALSE(cache::MonthTables::view("", nullptr).has_value());
}

TEST(LogCacheTables, AnIdHashSetFindsAHashInAnyMonth) {
  cache::IdHashSet set;
  EXPECT_FALSE(set.contains(1));
  set.add(cache::MonthTables::pack({}, {}, {5, 1}));
  set.add(cache::MonthTables());
  set.add(cache::MonthTables::pack({}, {}, {7}));
  EXPECT_EQ(set.size(), 3u);
  for (std::uint64_t h : {1, 5, 7}) EXPECT_TRUE(set.contains(h)) << h;
  EXPECT_FALSE(set.contains(6));
}

TEST(LogCacheTables, ADigestExtendedByMoreLinesKeepsWhatItHad) {
  cache::LogCache log;
  Interaction a;
  a.id = "a1";
  a.date = d("2026-11-02");
  a.contacts = {"ada"};
  Interaction b = a;
  b.id = "b1";
  b.contacts = {"bob", "ada"};
  b.intent = Intent::ask;
  cache::MonthDigest digest;
  cache::digest_into(digest, {a}, log);
  cache::digest_into(digest, {b}, log);
  ASSERT_EQ(digest.tables.entry_count(), 2u);
  EXPECT_EQ(digest.tables.entry(1).first, 1u);
  EXPECT_EQ(digest.tables.refs(), (std::vector<std::uint32_t>{0, 1, 0}));
  EXPECT_TRUE(digest.tables.has_id_hash(cache::hash_id("a1")));
  EXPECT_TRUE(digest.tables.has_id_hash(cache::hash_id("b1")));
}

// ---------------------------------------------------------- small contracts

TEST(CacheIsSettled, OnlyFilesUnchangedForTheRacyWindowAreTrusted) {
  const auto now = std::chrono::system_clock::time_point(std::chrono::seconds(1'000'000));
  auto ns = [&](std::chrono::nanoseconds before) {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(now.time_since_epoch() - before)
        .count();
  };
  struct Case {
    std::chrono::nanoseconds mtime_age, ctime_age;
    bool settled;
  };
  const std::vector<Case> cases = {{10s, 10s, true},  {3s, 3s, true},    {2s, 10s, false},
                                   {10s, 2s, false},  {1s, 1s, false},   {0s, 0s, false},
                                   {-5s, 10s, false}, {10s, -5s, false}, {2001ms, 2001ms, true}};
  for (const auto& c : cases) {
    cache::FileStamp s;
    s.mtime_ns = ns(c.mtime_age);
    s.ctime_ns = ns(c.ctime_age);
    EXPECT_EQ(cache::is_settled(s, now), c.settled)
        << c.mtime_age.count() << " " << c.ctime_age.count();
  }
}

TEST(CacheFileOrder, IsTheOrderOfTheIds) {
  const std::vector<std::pair<const char*, const char*>> ordered = {
      {"a.json", "a-2.json"},
      {"a-2.json", "a-3.json"},
      {"a-9.json", "ab.json"},
      {"ada.json", "bob.json"},
      {"contact-1.json", "contact-10.json"}};
  for (const auto& [first, second] : ordered) {
    EXPECT_TRUE(cache::file_order(first, second)) << first << " " << second;
    EXPECT_FALSE(cache::file_order(second, first)) << first << " " << second;
  }
}

TEST(CacheDirFor, OneDirectoryPerDataDirectory) {
  EXPECT_EQ(cache::dir_for("/c", "/a/data"), cache::dir_for("/c", "/a/data"));
  EXPECT_NE(cache::dir_for("/c", "/a/data"), cache::dir_for("/c", "/b/data"));
  EXPECT_EQ(cache::dir_for("/c", "/a/data").parent_path(), fs::path("/c"));
}

TEST(CacheContactRecord, ItsHeadIsTheIdNameEmailsAndAliasesAlone) {
  const Contact c = full_contact();
  const std::string record = cache::encode_contact(c);
  auto head = cache::decode_contact_head(record);
  ASSERT_TRUE(head.has_value());
  EXPECT_EQ(head->id, c.id);
  EXPECT_EQ(head->name, c.name);
  EXPECT_EQ(head->emails, c.emails);
  EXPECT_EQ(head->aliases, c.aliases);
  // Cut inside the emails: the head does not decode.
  const std::size_t cut = 4 + c.id.size() + 4 + c.name.size() + 4 + 2;
  EXPECT_FALSE(cache::decode_contact_head(record.substr(0, cut)).has_value());
  EXPECT_FALSE(cache::decode_contact_head("").has_value());
}

TEST(CacheLogIds, InternFindsDecodedIdsAndAppendsNewOnes) {
  cache::LogCache log;
  EXPECT_EQ(log.intern("ada"), 0u);
  EXPECT_EQ(log.intern("bob"), 1u);
  EXPECT_EQ(log.intern("ada"), 0u);
  const fs::path dir = "/data";
  auto decoded = cache::decode_log(cache::encode(log, dir), dir);
  ASSERT_TRUE(decoded.has_value());
  EXPECT_EQ(decoded->intern("bob"), 1u);
  EXPECT_EQ(decoded->intern("cy"), 2u);
  EXPECT_EQ(decoded->intern("ada"), 0u);
  EXPECT_EQ(decoded->intern("cy"), 2u);
  EXPECT_EQ(decoded->ids, (std::vector<std::string_view>{"ada", "bob", "cy"}));
}

TEST(CacheLogIds, ManyLookupsGiveTheSameIndicesAsTheFirstFew) {
  // The first lookups scan the ids; later ones go through an index.
  cache::LogCache log;
  std::vector<std::uint32_t> first;
  for (int k = 0; k < 40; ++k) first.push_back(log.intern("id" + std::to_string(k % 20)));
  for (int k = 0; k < 40; ++k) EXPECT_EQ(first[k], static_cast<std::uint32_t>(k % 20)) << k;
  EXPECT_EQ(log.ids.size(), 20u);
  auto decoded = cache::decode_log(cache::encode(log, "/data"), "/data");
  ASSERT_TRUE(decoded.has_value());
  for (int k = 39; k >= 0; --k) EXPECT_EQ(decoded->intern("id" + std::to_string(k % 20)), k % 20);
  EXPECT_EQ(decoded->intern("new"), 20u);
  EXPECT_EQ(decoded->intern("new"), 20u);
}

TEST(CacheChecksum, NoticesAnyChangedByte) {
  const std::string text(1000, 'x');
  const auto base = cache::checksum(text);
  for (std::size_t k = 0; k < text.size(); k += 37) {
    std::string changed = text;
    changed[k] = 'y';
    EXPECT_NE(cache::checksum(changed), base) << k;
  }
  EXPECT_NE(cache::checksum(text + "x"), base);
}

TEST(CacheChecksum, NoticesAnyFlippedBitAndLinesSwapped) {
  std::string text;
  for (int k = 0; k < 40; ++k) text += "line " + std::to_string(100 + k) + " of the log\n";
  const auto base = cache::checksum(text);
  for (std::size_t k = 0; k < text.size(); ++k) {
    for (int bit = 0; bit < 8; ++bit) {
      std::string changed = text;
      changed[k] = static_cast<char>(changed[k] ^ (1 << bit));
      ASSERT_NE(cache::checksum(changed), base) << k << " " << bit;
    }
  }
  // Two lines of the same length swapped, near and far apart (in the same
  // lane of the sums and in others).
  const std::size_t len = std::string("line 100 of the log\n").size();
  for (std::size_t other : {1, 4, 8, 16, 33}) {
    std::string swapped = text;
    std::swap_ranges(swapped.begin(), swapped.begin() + static_cast<std::ptrdiff_t>(len),
                     swapped.begin() + static_cast<std::ptrdiff_t>(other * len));
    EXPECT_NE(cache::checksum(swapped), base) << other;
  }
  EXPECT_NE(cache::checksum(text.substr(0, text.size() - 1)), base);
  EXPECT_EQ(cache::checksum(text), base);
}

// ------------------------------------------------- the store with a cache

// A data directory with three contacts and two months of log.
class CachedStoreTest : public ::testing::Test {
 protected:
  TempDir tmp;
  fs::path data = tmp / "data";
  fs::path cache_root = tmp / "cache";

  void SetUp() override {
    write_file(data / "kith.json", R"({"format": "kith", "version": 1, "settings": {}})"
                                   "\n");
    for (const char* id : {"ada", "ada-2", "bob"}) {
      Contact c;
      c.id = id;
      c.name = std::string("Name of ") + id;
      c.added_on = d("2026-01-01");
      write_file(data / "contacts" / (std::string(id) + ".json"), serialize_document(to_json(c)));
    }
    write_file(data / "log/2026-10.jsonl",
               line("i1", "2026-10-03", "ada", "give") + line("i2", "2026-10-04", "bob", "ask"));
    write_file(data / "log/2026-11.jsonl", line("i3", "2026-11-02", "ada", "catch-up"));
  }

  static std::string line(const char* id, const char* date, const char* who, const char* intent,
                          const char* extra = "") {
    return std::string(R"({"id":")") + id + R"(","date":")" + date + R"(","contacts":[")" + who +
           R"("],"kind":"coffee","intent":")" + intent + R"(","note":null,)" + extra +
           R"("logged_at":")" + date + "T10:00:00Z\"}\n";
  }

  // A store whose run is an hour after now: every file counts as settled.
  Store cached() const {
    CacheOptions o;
    o.root = cache_root;
    o.now = std::chrono::system_clock::now() + std::chrono::hours(1);
    return Store(data, o);
  }
  // A store whose run is now: the files just written are too fresh to cache.
  Store fresh() const {
    CacheOptions o;
    o.root = cache_root;
    o.now = std::chrono::system_clock::now();
    return Store(data, o);
  }
  fs::path cache_dir() const { return cache::dir_for(cache_root, fs::absolute(data)); }

  template <class Record>
  static std::string ids(const std::vector<Record>& contacts) {
    std::string out;
    for (const auto& c : contacts) out += c.id + "=" + c.name + ";";
    return out;
  }
  static std::string history(const LogSummary& s) {
    std::vector<std::string> out;
    for (const auto& [id, h] : s.history) {
      out.push_back(id + " " + std::to_string(h.gives) + "/" + std::to_string(h.catch_ups) + "/" +
                    std::to_string(h.asks) + " " +
                    (h.last_no_need ? format_date(*h.last_no_need) : "-"));
    }
    std::sort(out.begin(), out.end());
    std::string joined;
    for (const auto& item : out) joined += item + ";";
    return joined;
  }
};

TEST_F(CachedStoreTest, ContactsFromTheCacheAreTheContactsFromTheFiles) {
  const std::string expected = ids(*Store(data).load_contacts());
  EXPECT_EQ(expected, "ada=Name of ada;ada-2=Name of ada-2;bob=Name of bob;");
  EXPECT_EQ(ids(*cached().load_contacts()), expected);  // builds the cache
  EXPECT_TRUE(fs::exists(cache_dir() / "contacts"));
  EXPECT_EQ(ids(*cached().load_contacts()), expected);  // reads it
}

TEST_F(CachedStoreTest, AnEditKeepingSizeAndMtimeIsStillSeen) {
  ASSERT_TRUE(cached().load_contacts().ok());
  ASSERT_NO_FATAL_FAILURE(
      test::edit_keeping_size_and_mtime(data / "contacts/bob.json", "Name of bob", "Name of BOB"));
  EXPECT_EQ(ids(*cached().load_contacts()), "ada=Name of ada;ada-2=Name of ada-2;bob=Name of BOB;");
}

TEST_F(CachedStoreTest, ContactHeadsAreTheContactsWithOnlyIdNameAndEmails) {
  Contact bob = *contact_from_json(Json::parse(read_file(data / "contacts/bob.json")), "bob");
  bob.emails = {"bob@example.org"};
  bob.company = "Acme";
  write_file(data / "contacts/bob.json", serialize_document(to_json(bob)));
  auto heads = [](const auto& contacts) {
    std::string out;
    for (const auto& c : contacts) out += c.id + "|" + c.name + "|" + Json(c.emails).dump() + "\n";
    return out;
  };
  const std::string expected = heads(*Store(data).load_contacts());
  EXPECT_EQ(heads(*Store(data).load_contact_heads()), expected);
  EXPECT_EQ(heads(*cached().load_contact_heads()), expected);  // builds the cache
  EXPECT_TRUE(fs::exists(cache_dir() / "contacts"));
  EXPECT_EQ(heads(*cached().load_contact_heads()), expected);  // reads it
  // The cache the heads built holds whole contacts.
  auto whole = cached().load_contacts();
  ASSERT_TRUE(whole.ok());
  EXPECT_EQ(whole->back().company, "Acme");
}

TEST_F(CachedStoreTest, ContactHeadsSeeANameEditedKeepingSizeAndMtime) {
  ASSERT_TRUE(cached().load_contacts().ok());
  ASSERT_NO_FATAL_FAILURE(
      test::edit_keeping_size_and_mtime(data / "contacts/bob.json", "Name of bob", "Name of BOB"));
  EXPECT_EQ(ids(*cached().load_contact_heads()),
            "ada=Name of ada;ada-2=Name of ada-2;bob=Name of BOB;");
}

TEST_F(CachedStoreTest, ABadContactIsAnErrorForTheHeadsToo) {
  ASSERT_TRUE(cached().load_contacts().ok());
  write_file(data / "contacts/bob.json", "{ not json");
  for (const Store& store : {Store(data), cached()}) {
    auto r = store.load_contact_heads();
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.error().message.find("contacts/bob.json:1"), std::string::npos)
        << r.error().message;
  }
}

TEST_F(CachedStoreTest, WritersRemoveTempFilesInContactsOnceItWasFoundClean) {
  {
    auto lock = cached().lock_for_write({});
    ASSERT_TRUE(lock.ok());
  }
  ASSERT_TRUE(fs::exists(cache_dir() / "swept"));
  const std::string remembered = read_file(cache_dir() / "swept");
  {
    auto lock = cached().lock_for_write({});  // unchanged: the record stays
    ASSERT_TRUE(lock.ok());
  }
  EXPECT_EQ(read_file(cache_dir() / "swept"), remembered);
  for (const char* record : {"", "damaged", "kith-swept 1 1 2 3 4 5 6\n"}) {
    SCOPED_TRACE(record);
    if (*record) write_file(cache_dir() / "swept", record);
    const fs::path left = data / "contacts/.bob.json.tmp-abcdef";
    write_file(left, "{");
    auto lock = cached().lock_for_write({});
    ASSERT_TRUE(lock.ok());
    EXPECT_FALSE(fs::exists(left));
  }
}

TEST_F(CachedStoreTest, AddedAndRemovedFilesAreSeen) {
  ASSERT_TRUE(cached().load_contacts().ok());
  fs::remove(data / "contacts/ada-2.json");
  Contact c;
  c.id = "cy";
  c.name = "Cy";
  c.added_on = d("2026-01-01");
  write_file(data / "contacts/cy.json", serialize_document(to_json(c)));
  EXPECT_EQ(ids(*cached().load_contacts()), "ada=Name of ada;bob=Name of bob;cy=Cy;");
}

TEST_F(CachedStoreTest, ABadContactIsAnErrorEvenWithACache) {
  ASSERT_TRUE(cached().load_contacts().ok());
  write_file(data / "contacts/bob.json", "{ not json");
  auto r = cached().load_contacts();
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("contacts/bob.json:1"), std::string::npos) << r.error().message;
}

TEST_F(CachedStoreTest, FreshFilesAreNotCached) {
  ASSERT_TRUE(fresh().load_contacts().ok());
  auto cache = cache::ContactsCache::read(cache_dir() / "contacts", fs::absolute(data));
  ASSERT_TRUE(cache.has_value());
  EXPECT_TRUE(cache->entries().empty());
}

TEST_F(CachedStoreTest, ADamagedOrMissingCacheIsRebuilt) {
  const std::string expected = ids(*Store(data).load_contacts());
  ASSERT_TRUE(cached().load_contacts().ok());
  write_file(cache_dir() / "contacts", "garbage");
  EXPECT_EQ(ids(*cached().load_contacts()), expected);
  EXPECT_NE(read_file(cache_dir() / "contacts"), "garbage");
  fs::remove_all(cache_root);
  EXPECT_EQ(ids(*cached().load_contacts()), expected);
}

TEST_F(CachedStoreTest, AnUnwritableCacheMeansNoCache) {
  write_file(cache_root, "a file where the cache directory would be");
  const std::string expected = ids(*Store(data).load_contacts());
  EXPECT_EQ(ids(*cached().load_contacts()), expected);
  auto s = cached().summarize_log({});
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(history(*s), history(*Store(data).summarize_log({})));
}

TEST_F(CachedStoreTest, TheLogSummaryIsTheSameWithAndWithoutTheCache) {
  const std::string expected = history(*Store(data).summarize_log({}));
  EXPECT_EQ(expected, "ada 1/1/0 2026-11-02;bob 0/0/1 -;");
  EXPECT_EQ(history(*cached().summarize_log({})), expected);
  EXPECT_TRUE(fs::exists(cache_dir() / "log"));
  EXPECT_EQ(history(*cached().summarize_log({})), expected);
  SummaryOptions until;
  until.until = d("2026-10-31");
  EXPECT_EQ(history(*cached().summarize_log(until)), "ada 1/0/0 2026-10-03;bob 0/0/1 -;");
}

TEST_F(CachedStoreTest, ASummaryOfSomeContactsIsTheirPartOfTheWholeSummary) {
  const fs::path nov = data / "log/2026-11.jsonl";
  write_file(nov,
             read_file(nov) + line("i6", "2026-11-22", "bob", "give",
                                   R"("follow_up":{"text":"Send it","by":null,"done_on":null},)"));
  SummaryOptions only;
  only.id_hashes = true;
  only.only = std::vector<std::string>{"bob", "nobody"};
  for (const Store& store : {Store(data), cached(), cached()}) {
    auto s = store.summarize_log(only);
    ASSERT_TRUE(s.ok());
    EXPECT_EQ(history(*s), "bob 1/0/1 2026-11-22;");
    EXPECT_TRUE(s->open_follow_ups.empty());
    EXPECT_EQ(s->id_hashes.size(), 4u);
  }
  // Edited by hand after the cache was built: seen.
  write_file(nov, read_file(nov) + line("i7", "2026-11-23", "bob", "catch-up"));
  auto s = cached().summarize_log(only);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(history(*s), "bob 1/1/1 2026-11-23;");
}

TEST_F(CachedStoreTest, EachContactsOwnSummaryIsItsPartOfTheWholeWithSharedInteractions) {
  // Interactions with several contacts, each named first, in the middle or last.
  const fs::path nov = data / "log/2026-11.jsonl";
  write_file(nov, read_file(nov) + line("g1", "2026-11-10", R"(ada","bob)", "give") +
                      line("g2", "2026-11-12", R"(bob","ada-2","ada)", "ask") +
                      line("g3", "2026-11-14", R"(ada-2","bob)", "catch-up"));
  const LogSummary whole = *Store(data).summarize_log({});
  for (const char* id : {"ada", "ada-2", "bob"}) {
    SummaryOptions one;
    one.only = std::vector<std::string>{id};
    LogSummary part;
    part.history.emplace(id, whole.history.at(id));
    for (const Store& store : {Store(data), cached(), cached()}) {
      auto s = store.summarize_log(one);
      ASSERT_TRUE(s.ok());
      EXPECT_EQ(history(*s), history(part)) << id;
      EXPECT_EQ(s->history.at(id).first_no_need, whole.history.at(id).first_no_need) << id;
      EXPECT_EQ(s->history.at(id).last_give, whole.history.at(id).last_give) << id;
    }
  }
}

TEST_F(CachedStoreTest, AppendedLinesAndChangedLinesAreSeen) {
  ASSERT_TRUE(cached().summarize_log({}).ok());
  // Appended, as kith log does.
  const fs::path nov = data / "log/2026-11.jsonl";
  write_file(nov, read_file(nov) + line("i4", "2026-11-20", "bob", "give"));
  EXPECT_EQ(history(*cached().summarize_log({})), "ada 1/1/0 2026-11-02;bob 1/0/1 2026-11-20;");
  // Lines changed in place, the file keeping its size: a give and an ask swap.
  const fs::path oct = data / "log/2026-10.jsonl";
  const std::string swapped =
      line("i1", "2026-10-03", "ada", "ask") + line("i2", "2026-10-04", "bob", "give");
  ASSERT_EQ(swapped.size(), read_file(oct).size());
  write_file(oct, swapped);
  EXPECT_EQ(history(*cached().summarize_log({})), "ada 0/1/1 2026-11-02;bob 2/0/0 2026-11-20;");
}

TEST_F(CachedStoreTest, ALineAppendedToALongLogIsReadAgainNotRewrittenIntoTheCache) {
  // A long history: two thousand interactions in October.
  const fs::path oct = data / "log/2026-10.jsonl";
  std::string history_text;
  for (int k = 0; k < 2000; ++k) {
    history_text += line(("o" + std::to_string(k)).c_str(), "2026-10-05", k % 2 ? "ada" : "bob",
                         k % 3 ? "give" : "ask");
  }
  write_file(oct, history_text);
  auto same_as_files = [&] {
    EXPECT_EQ(history(*cached().summarize_log({})), history(*Store(data).summarize_log({})));
  };
  same_as_files();
  const std::string before = read_file(cache_dir() / "log");
  // A line appended to November, as kith log does: seen, and the cache left
  // as it was (its digest of November still covers November's first bytes).
  const fs::path nov = data / "log/2026-11.jsonl";
  write_file(nov, read_file(nov) + line("i4", "2026-11-20", "bob", "give"));
  for (int run = 0; run < 2; ++run) {
    same_as_files();
    EXPECT_EQ(read_file(cache_dir() / "log"), before);
  }
  // More lines appended: the cache takes them in.
  for (int k = 0; k < 10; ++k) {
    write_file(nov, read_file(nov) +
                        line(("n" + std::to_string(k)).c_str(), "2026-11-21", "ada", "catch-up"));
  }
  same_as_files();
  const std::string after_append = read_file(cache_dir() / "log");
  EXPECT_NE(after_append, before);
  same_as_files();
  EXPECT_EQ(read_file(cache_dir() / "log"), after_append);
  // A month changed other than by appending is digested again, and cached.
  write_file(oct, history_text.substr(0, history_text.size() / 2));
  same_as_files();
  EXPECT_NE(read_file(cache_dir() / "log"), after_append);
}

TEST_F(CachedStoreTest, ASmallCacheTakesInEveryChange) {
  ASSERT_TRUE(cached().summarize_log({}).ok());
  const std::string before = read_file(cache_dir() / "log");
  const fs::path nov = data / "log/2026-11.jsonl";
  write_file(nov, read_file(nov) + line("i4", "2026-11-20", "bob", "give"));
  EXPECT_EQ(history(*cached().summarize_log({})), "ada 1/1/0 2026-11-02;bob 1/0/1 2026-11-20;");
  EXPECT_NE(read_file(cache_dir() / "log"), before);
}

TEST_F(CachedStoreTest, ErrorsAndWarningsOfTheLogAreTheSameFromTheCache) {
  const fs::path nov = data / "log/2026-11.jsonl";
  write_file(nov, read_file(nov) + "{\"id\": \"torn");  // a torn last line
  auto first = cached().summarize_log({});
  ASSERT_TRUE(first.ok());
  ASSERT_EQ(first->warnings.size(), 1u);
  EXPECT_NE(first->warnings[0].find("log/2026-11.jsonl:2"), std::string::npos);
  auto second = cached().summarize_log({});
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second->warnings, first->warnings);

  write_file(nov, read_file(nov) + "\n" + "{\"not\": \"an interaction\"}\n");
  auto bad = cached().summarize_log({});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().kind, ErrorKind::data);
}

TEST_F(CachedStoreTest, AnAppendedBadLineIsNamedWithItsLineNumber) {
  ASSERT_TRUE(cached().summarize_log({}).ok());
  const fs::path nov = data / "log/2026-11.jsonl";
  write_file(nov, read_file(nov) + line("i5", "2026-11-21", "bob", "give") + "{oops}\n");
  auto r = cached().summarize_log({});
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("log/2026-11.jsonl:3"), std::string::npos) << r.error().message;
}

TEST_F(CachedStoreTest, AContactFileReadAroundIsNeverCachedAndIsReadOnceFixed) {
  const fs::path bob = data / "contacts/bob.json";
  const std::string good = read_file(bob);
  ASSERT_TRUE(cached().load_contacts().ok());  // every file cached
  // Broken in place, keeping its size and mtime: only its ctime says so.
  ASSERT_NO_FATAL_FAILURE(test::edit_keeping_size_and_mtime(bob, "\"id\": ", "\"id\"; "));
  for (int run = 0; run < 3; ++run) {
    std::vector<Unreadable> left_out;
    auto contacts = cached().load_contacts(nullptr, &left_out);
    ASSERT_TRUE(contacts.ok());
    EXPECT_EQ(ids(*contacts), "ada=Name of ada;ada-2=Name of ada-2;") << run;
    ASSERT_EQ(left_out.size(), 1u) << run;
    EXPECT_EQ(left_out[0].id, "bob");
    std::vector<Unreadable> heads_left_out;
    EXPECT_EQ(cached().load_contact_heads(&heads_left_out)->size(), 2u);
    EXPECT_EQ(heads_left_out.size(), 1u);
    EXPECT_FALSE(cached().load_contacts().ok()) << run;
  }
  write_file(bob, good);
  std::vector<Unreadable> left_out;
  EXPECT_EQ(ids(*cached().load_contacts(nullptr, &left_out)),
            "ada=Name of ada;ada-2=Name of ada-2;bob=Name of bob;");
  EXPECT_TRUE(left_out.empty());
}

TEST_F(CachedStoreTest, AMonthReadAroundABadLineIsNeverCachedAndIsReadOnceFixed) {
  const fs::path oct = data / "log/2026-10.jsonl";
  const std::string good = read_file(oct);
  SummaryOptions around;
  around.read_around = true;
  const std::string whole = history(*cached().summarize_log(around));  // every month cached
  // bob's ask made into a line that is not valid, in place, size and mtime
  // kept, then lines appended after it.
  ASSERT_NO_FATAL_FAILURE(
      test::edit_keeping_size_and_mtime(oct, "\"intent\":\"ask\"", "\"intent\":\"ass\""));
  write_file(oct, read_file(oct) + line("i4", "2026-10-09", "ada", "give"));
  for (int run = 0; run < 3; ++run) {
    auto s = cached().summarize_log(around);
    ASSERT_TRUE(s.ok()) << s.error().message;
    EXPECT_EQ(history(*s), "ada 2/1/0 2026-11-02;") << run;
    ASSERT_EQ(s->unreadable.size(), 1u) << run;
    EXPECT_EQ(s->unreadable[0].error.message,
              "log/2026-10.jsonl:2: 'intent' is not give, catch-up or ask: 'ass'");
    EXPECT_FALSE(cached().summarize_log({}).ok()) << run;
    // A line appended later is read, and the bad one still named.
    std::vector<std::string> warnings;
    std::vector<Unreadable> left_out;
    auto of_bob = cached().load_interactions_of("bob", warnings, {}, &left_out);
    ASSERT_TRUE(of_bob.ok());
    EXPECT_TRUE(of_bob->empty());
    EXPECT_EQ(left_out.size(), 1u);
  }
  write_file(oct, good);
  auto fixed = cached().summarize_log(around);
  ASSERT_TRUE(fixed.ok());
  EXPECT_EQ(history(*fixed), whole);
  EXPECT_TRUE(fixed->unreadable.empty());
}

TEST_F(CachedStoreTest, AMonthFileThatCannotBeReadIsLeftOutUntilItCanBe) {
  SummaryOptions around;
  around.read_around = true;
  const std::string whole = history(*cached().summarize_log(around));
  const fs::path nov = data / "log/2026-11.jsonl";
  const std::string good = read_file(nov);
  fs::remove(nov);
  fs::create_directory(nov);
  for (int run = 0; run < 2; ++run) {
    auto s = cached().summarize_log(around);
    ASSERT_TRUE(s.ok()) << s.error().message;
    EXPECT_EQ(history(*s), "ada 1/0/0 2026-10-03;bob 0/0/1 -;");
    ASSERT_EQ(s->unreadable.size(), 1u);
    EXPECT_EQ(s->unreadable[0].what, Unreadable::What::month);
    EXPECT_FALSE(cached().summarize_log({}).ok());
  }
  fs::remove(nov);
  write_file(nov, good);
  EXPECT_EQ(history(*cached().summarize_log(around)), whole);
}

TEST_F(CachedStoreTest, OpenFollowUpsAndIdHashesComeFromTheCacheToo) {
  const fs::path nov = data / "log/2026-11.jsonl";
  write_file(nov,
             read_file(nov) + line("i6", "2026-11-22", "bob", "give",
                                   R"("follow_up":{"text":"Send it","by":null,"done_on":null},)"));
  SummaryOptions o;
  o.id_hashes = true;
  for (int run = 0; run < 2; ++run) {
    auto s = cached().summarize_log(o);
    ASSERT_TRUE(s.ok());
    ASSERT_EQ(s->open_follow_ups.size(), 1u);
    EXPECT_EQ(s->open_follow_ups[0].id, "i6");
    EXPECT_EQ(s->id_hashes.size(), 4u);
    EXPECT_TRUE(s->id_hashes.contains(cache::hash_id("i3")));
    EXPECT_FALSE(s->id_hashes.contains(cache::hash_id("i99")));
  }
}

}  // namespace
}  // namespace kith::cache_test

namespace kith::cache_test {
namespace {

TEST_F(CachedStoreTest, InteractionsOfOneContactAreThoseOfTheWholeLog) {
  const fs::path nov = data / "log/2026-11.jsonl";
  write_file(nov,
             read_file(nov) +
                 line("i7", "2026-11-23", "bob", "give", R"("memo":"bob-builder is not bob",)") +
                 "{\"id\": \"torn");
  std::vector<std::string> warnings;
  const auto all = *Store(data).load_interactions(warnings);
  for (const char* id : {"ada", "bob", "ada-2", "nobody"}) {
    SCOPED_TRACE(id);
    std::string expected;
    for (const auto& i : all) {
      if (std::find(i.contacts.begin(), i.contacts.end(), id) != i.contacts.end()) {
        expected += to_json(i).dump() + "\n";
      }
    }
    for (const Store& store : {Store(data), cached(), cached()}) {
      std::vector<std::string> seen;
      auto some = store.load_interactions_of(id, seen);
      ASSERT_TRUE(some.ok()) << some.error().message;
      std::string got;
      for (const auto& i : *some) got += to_json(i).dump() + "\n";
      EXPECT_EQ(got, expected);
      EXPECT_EQ(seen, warnings);
    }
  }
}

// ada-l was merged into ada: its lines count for ada, once when a line names
// both; zed, merged into ada too, has no line of its own; carl (merged into
// cy) names a contact with no line of its own either.
TEST_F(CachedStoreTest, InteractionsNamingAnAliasCountForItsContactOnce) {
  const fs::path nov = data / "log/2026-11.jsonl";
  write_file(nov, read_file(nov) + line("a1", "2026-11-10", "ada-l", "give") +
                      line("a2", "2026-11-12", R"(ada-l","ada)", "ask",
                           R"("follow_up":{"text":"Reply","by":null,"done_on":null},)") +
                      line("a3", "2026-11-14", R"(carl","bob)", "catch-up"));
  SummaryOptions all;
  all.aliases = {{"ada-l", "ada"}, {"zed", "ada"}, {"carl", "cy"}};
  for (const Store& store : {Store(data), cached(), cached()}) {
    auto s = store.summarize_log(all);
    ASSERT_TRUE(s.ok());
    EXPECT_EQ(history(*s), "ada 2/1/1 2026-11-10;bob 0/1/1 2026-11-14;cy 0/1/0 2026-11-14;");
    ASSERT_EQ(s->open_follow_ups.size(), 1u);
    EXPECT_EQ(s->open_follow_ups[0].contacts, (std::vector<std::string>{"ada"}));
    SummaryOptions some = all;
    some.only = std::vector<std::string>{"ada", "cy"};
    auto part = store.summarize_log(some);
    ASSERT_TRUE(part.ok());
    EXPECT_EQ(history(*part), "ada 2/1/1 2026-11-10;cy 0/1/0 2026-11-14;");
  }
  // The interactions of ada are those naming it or ada-l, each naming ada.
  for (const Store& store : {Store(data), cached()}) {
    std::vector<std::string> warnings;
    auto of = store.load_interactions_of("ada", warnings, std::vector<std::string>{"ada-l"});
    ASSERT_TRUE(of.ok());
    std::vector<std::string> got;
    for (const auto& i : *of) {
      std::string who;
      for (const auto& c : i.contacts) who += c + ",";
      got.push_back(i.id + ":" + who);
    }
    EXPECT_EQ(got, (std::vector<std::string>{"i1:ada,", "i3:ada,", "a1:ada,", "a2:ada,"}));
  }
}

TEST_F(CachedStoreTest, TheWholeNetworkNamesTheContactAnAliasStandsFor) {
  Contact ada = **Store(data).load_contact("ada");
  ada.aliases = {"ada-l"};
  ASSERT_TRUE(Store(data).save_contact(ada).ok());
  const fs::path nov = data / "log/2026-11.jsonl";
  write_file(nov, read_file(nov) + line("a1", "2026-11-10", R"(ada","ada-l)", "give"));
  auto n = Store(data).load();
  ASSERT_TRUE(n.ok());
  EXPECT_EQ(n->interactions.back().contacts, (std::vector<std::string>{"ada"}));
  auto months = Store(data).months();
  ASSERT_TRUE(months.ok());
  EXPECT_EQ(months->size(), 2u);
}

TEST_F(CachedStoreTest, TheLatinKeysOfTheNamesComeWithTheContactsFromTheCacheToo) {
  Contact c;
  c.id = "dmitrii";
  c.name = "Дмитрий";
  c.added_on = d("2026-01-01");
  write_file(data / "contacts/dmitrii.json", serialize_document(to_json(c)));
  const std::vector<std::string> expected = {"", "", "", "dmitrii"};  // ada, ada-2, bob, dmitrii
  for (const Store& store : {Store(data), cached(), cached()}) {
    std::vector<std::string> latin{"stale"};
    auto contacts = store.load_contacts(&latin);
    ASSERT_TRUE(contacts.ok());
    ASSERT_EQ(contacts->size(), 4u);
    EXPECT_EQ(latin, expected);
  }
}

}  // namespace
}  // namespace kith::cache_test
