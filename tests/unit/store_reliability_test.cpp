// Unit tests of core/store: what an append does after a torn or unterminated
// last line, and what the write lock cleans up (or, for repairs, does not).
#include <gtest/gtest.h>

#include "core/store.h"
#include "support/testutil.h"

namespace kith::store_reliability_test {
namespace {

Interaction interaction(const std::string& id) {
  Interaction i;
  i.id = id;
  i.date = date::sys_days{date::year{2026} / 11 / 20};
  i.contacts = {"ada"};
  i.logged_at = "2026-11-20T10:00:00Z";
  return i;
}

class StoreReliabilityTest : public ::testing::Test {
 protected:
  test::TempDir tmp;
  Store store{tmp / "data"};
  fs::path month = tmp / "data/log/2026-11.jsonl";
};

TEST_F(StoreReliabilityTest, AppendAfterATornLastLineIsRefusedAndChangesNothing) {
  test::write_file(month, serialize_line(to_json(interaction("i-1"))) + "{\"id\": \"i-");
  const std::string before = test::read_file(month);
  auto s = store.append_interaction(interaction("i-2"));
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().kind, ErrorKind::data);
  EXPECT_NE(s.error().message.find("log/2026-11.jsonl:2: ends with a torn line"), std::string::npos)
      << s.error().message;
  EXPECT_NE(s.error().hint.find("kith doctor --fix"), std::string::npos);
  EXPECT_EQ(test::read_file(month), before);
}

TEST_F(StoreReliabilityTest, AppendAfterACompleteLineWithoutNewlineAddsTheNewlineFirst) {
  std::string first = serialize_line(to_json(interaction("i-1")));
  first.pop_back();
  test::write_file(month, first);
  ASSERT_TRUE(store.append_interaction(interaction("i-2")).ok());
  std::vector<std::string> warnings;
  auto all = store.load_interactions(warnings);
  ASSERT_TRUE(all.ok()) << all.error().message;
  EXPECT_EQ(all->size(), 2u);
  EXPECT_TRUE(warnings.empty());
  EXPECT_EQ(test::read_file(month).back(), '\n');
}

TEST_F(StoreReliabilityTest, AppendAfterTrailingBlanksWithoutNewlineIsFine) {
  test::write_file(month, serialize_line(to_json(interaction("i-1"))) + "   ");
  ASSERT_TRUE(store.append_interaction(interaction("i-2")).ok());
  std::vector<std::string> warnings;
  auto all = store.load_interactions(warnings);
  ASSERT_TRUE(all.ok()) << all.error().message;
  EXPECT_EQ(all->size(), 2u);
}

TEST_F(StoreReliabilityTest, TheWriteLockRemovesLeftoverTempFilesButLockOnlyDoesNot) {
  test::write_file(tmp / "data/contacts/.ada.json.tmp-123456", "{");
  test::write_file(tmp / "data/log/.2026-11.jsonl.tmp-abcdef", "{");
  {
    auto lock = store.lock_only({});
    ASSERT_TRUE(lock.ok());
    EXPECT_TRUE(fs::exists(tmp / "data/contacts/.ada.json.tmp-123456"));
    EXPECT_FALSE(fs::exists(tmp / "data/kith.json"));
  }
  auto lock = store.lock_for_write({});
  ASSERT_TRUE(lock.ok());
  EXPECT_FALSE(fs::exists(tmp / "data/contacts/.ada.json.tmp-123456"));
  EXPECT_FALSE(fs::exists(tmp / "data/log/.2026-11.jsonl.tmp-abcdef"));
  EXPECT_TRUE(fs::exists(tmp / "data/kith.json"));
}

TEST_F(StoreReliabilityTest, ReadersNeverSeeTempFiles) {
  test::write_file(tmp / "data/contacts/.ada.json.tmp-123456", "{not json");
  test::write_file(tmp / "data/log/.2026-11.jsonl.tmp-abcdef", "{not json");
  auto network = store.load();
  ASSERT_TRUE(network.ok()) << network.error().message;
  EXPECT_TRUE(network->contacts.empty());
  EXPECT_TRUE(network->interactions.empty());
}

}  // namespace
}  // namespace kith::store_reliability_test
