// How the store lists contacts/ with the read cache: the names are read
// again only when the directory's stamp says they may have changed, and
// every file is still checked on its own, so an edit in place is seen.
#include <chrono>
#include <string>
#include <vector>

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>

#include "core/cache.h"
#include "core/store.h"
#include "support/testutil.h"

namespace kith::store_listing_test {
namespace {

namespace fs = std::filesystem;
using test::read_file;
using test::TempDir;
using test::write_file;

class StoreListingTest : public ::testing::Test {
 protected:
  TempDir tmp;
  fs::path data = tmp / "data";
  fs::path cache_root = tmp / "cache";

  void SetUp() override {
    write_file(data / "kith.json", R"({"format": "kith", "version": 1, "settings": {}})"
                                   "\n");
    for (const char* id : {"ada", "ada-2", "bob"}) add(id, std::string("Name of ") + id);
  }

  void add(const std::string& id, const std::string& name) const {
    Contact c;
    c.id = id;
    c.name = name;
    c.emails = {id + "@example.org"};
    c.added_on = Date{date::year{2026} / 1 / 1};
    write_file(data / "contacts" / (id + ".json"), serialize_document(to_json(c)));
  }

  // A store whose run is an hour after now: every file counts as settled.
  Store cached() const {
    CacheOptions o;
    o.root = cache_root;
    o.now = std::chrono::system_clock::now() + std::chrono::hours(1);
    return Store(data, o);
  }
  fs::path cache_dir() const { return cache::dir_for(cache_root, fs::absolute(data)); }
  std::optional<cache::ContactsCache> read_cache() const {
    return cache::ContactsCache::read(cache_dir() / "contacts", fs::absolute(data));
  }
  cache::FileStamp contacts_dir_stamp() const {
    struct stat st {};
    EXPECT_EQ(::stat((data / "contacts").c_str(), &st), 0);
    return cache::stamp_of(st);
  }

  template <class Record>
  static std::string heads(const std::vector<Record>& contacts) {
    std::string out;
    for (const auto& c : contacts) out += c.id + "=" + c.name + ";";
    return out;
  }
};

TEST_F(StoreListingTest, TheCacheRecordsTheDirectoryOnlyWhenSettledAndComplete) {
  // Too fresh: the files are cached by no store that runs now.
  CacheOptions now;
  now.root = cache_root;
  now.now = std::chrono::system_clock::now();
  ASSERT_TRUE(Store(data, now).load_contacts().ok());
  ASSERT_TRUE(read_cache().has_value());
  EXPECT_FALSE(read_cache()->dir_stamp().has_value());

  ASSERT_TRUE(cached().load_contact_heads().ok());
  EXPECT_EQ(read_cache()->dir_stamp(), contacts_dir_stamp());
  EXPECT_EQ(read_cache()->entries().size(), 3u);
}

TEST_F(StoreListingTest, AnEditInPlaceIsSeenWhileTheDirectoryIsUnchanged) {
  ASSERT_TRUE(cached().load_contacts().ok());
  const cache::FileStamp dir = contacts_dir_stamp();
  ASSERT_EQ(read_cache()->dir_stamp(), dir);

  // Same size, the mtime put back: only the ctime tells.
  ASSERT_NO_FATAL_FAILURE(
      test::edit_keeping_size_and_mtime(data / "contacts/bob.json", "Name of bob", "Name of BOB"));
  ASSERT_EQ(contacts_dir_stamp(), dir);  // written in place

  EXPECT_EQ(heads(*cached().load_contact_heads()),
            "ada=Name of ada;ada-2=Name of ada-2;bob=Name of BOB;");
  EXPECT_EQ(heads(*cached().load_contacts()),
            "ada=Name of ada;ada-2=Name of ada-2;bob=Name of BOB;");
  EXPECT_EQ(heads(*Store(data).load_contact_heads()),
            "ada=Name of ada;ada-2=Name of ada-2;bob=Name of BOB;");
}

TEST_F(StoreListingTest, FilesAddedRemovedOrRenamedChangeTheDirectoryAndAreSeen) {
  ASSERT_TRUE(cached().load_contacts().ok());
  add("cy", "Cy");
  EXPECT_EQ(heads(*cached().load_contact_heads()),
            "ada=Name of ada;ada-2=Name of ada-2;bob=Name of bob;cy=Cy;");
  fs::remove(data / "contacts/ada-2.json");
  EXPECT_EQ(heads(*cached().load_contact_heads()), "ada=Name of ada;bob=Name of bob;cy=Cy;");
  // A rename: the file and its id with it.
  std::string text = read_file(data / "contacts/cy.json");
  text.replace(text.find("\"cy\""), 4, "\"dee\"");
  write_file(data / "contacts/cy.json", text);
  fs::rename(data / "contacts/cy.json", data / "contacts/dee.json");
  EXPECT_EQ(heads(*cached().load_contact_heads()), "ada=Name of ada;bob=Name of bob;dee=Cy;");
  EXPECT_EQ(read_cache()->dir_stamp(), contacts_dir_stamp());
}

TEST_F(StoreListingTest, ACacheThatNamesTheWrongFilesIsNotTrustedWithoutTheRightStamp) {
  ASSERT_TRUE(cached().load_contacts().ok());
  // A cache that claims contacts/ had only ada.json, with a stamp contacts/
  // does not have: the directory is read again.
  cache::ContactsCacheWriter w;
  const auto full = read_cache();
  ASSERT_TRUE(full.has_value());
  const auto& first = full->entries().front();
  w.add(first.file, first.stamp, first.record, first.latin);
  cache::FileStamp other = contacts_dir_stamp();
  other.mtime_ns -= 1;
  cache::write_cache_file(cache_dir() / "contacts", w.finish(fs::absolute(data), other));
  EXPECT_EQ(heads(*cached().load_contact_heads()),
            "ada=Name of ada;ada-2=Name of ada-2;bob=Name of bob;");
}

TEST_F(StoreListingTest, AReaderThatFindsContactsCleanSparesTheNextWriterItsListing) {
  ASSERT_TRUE(cached().load_contacts().ok());
  ASSERT_TRUE(fs::exists(cache_dir() / "swept"));
  const std::string clean = read_file(cache_dir() / "swept");
  // A temp file seen by a reader: not recorded as clean, and the next
  // writer removes it.
  fs::remove(cache_dir() / "swept");
  fs::remove(cache_dir() / "contacts");
  const fs::path left = data / "contacts/.bob.json.tmp-abcdef";
  write_file(left, "{");
  ASSERT_TRUE(cached().load_contacts().ok());
  EXPECT_FALSE(fs::exists(cache_dir() / "swept"));
  {
    auto lock = cached().lock_for_write({});
    ASSERT_TRUE(lock.ok());
  }
  EXPECT_FALSE(fs::exists(left));
  EXPECT_NE(read_file(cache_dir() / "swept"), clean);  // the directory changed
}

TEST_F(StoreListingTest, ThousandsOfContactsReadTheSameWithAndWithoutTheCache) {
  for (int i = 0; i < 4500; ++i) add("p" + std::to_string(i), "Person " + std::to_string(i));
  const std::string expected = heads(*Store(data).load_contact_heads());
  EXPECT_EQ(heads(*cached().load_contact_heads()), expected);  // builds the cache
  EXPECT_EQ(heads(*cached().load_contact_heads()), expected);  // from the cache
  // An edit in place far into the list is seen.
  const fs::path file = data / "contacts/p4321.json";
  std::string text = read_file(file);
  text.replace(text.find("Person 4321"), 11, "Person 9999");
  write_file(file, text);
  const std::string edited = heads(*Store(data).load_contact_heads());
  EXPECT_NE(edited, expected);
  EXPECT_EQ(heads(*cached().load_contact_heads()), edited);
  EXPECT_EQ(heads(*cached().load_contacts()), edited);
}

}  // namespace
}  // namespace kith::store_listing_test
