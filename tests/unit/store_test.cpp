// Unit tests of core/store: what an append does after a torn or unterminated
// last line, and what the write lock cleans up (or, for repairs, does not).
#include "core/store.h"

#include <gtest/gtest.h>

#include "support/testutil.h"

namespace kith {
namespace {

Interaction interaction(const std::string& id) {
  Interaction i;
  i.id = id;
  i.date = date::sys_days{date::year{2026} / 11 / 20};
  i.contacts = {"ada"};
  i.logged_at = "2026-11-20T10:00:00Z";
  return i;
}

class StoreTest : public ::testing::Test {
 protected:
  test::TempDir tmp;
  Store store{tmp / "data"};
  fs::path month = tmp / "data/log/2026-11.jsonl";
};

TEST_F(StoreTest, AppendAfterATornLastLineIsRefusedAndChangesNothing) {
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

TEST_F(StoreTest, AppendAfterACompleteLineWithoutNewlineAddsTheNewlineFirst) {
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

TEST_F(StoreTest, AppendAfterTrailingBlanksWithoutNewlineIsFine) {
  test::write_file(month, serialize_line(to_json(interaction("i-1"))) + "   ");
  ASSERT_TRUE(store.append_interaction(interaction("i-2")).ok());
  std::vector<std::string> warnings;
  auto all = store.load_interactions(warnings);
  ASSERT_TRUE(all.ok()) << all.error().message;
  EXPECT_EQ(all->size(), 2u);
}

TEST_F(StoreTest, TheWriteLockRemovesLeftoverTempFilesButLockOnlyDoesNot) {
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

TEST_F(StoreTest, ReadersNeverSeeTempFiles) {
  test::write_file(tmp / "data/contacts/.ada.json.tmp-123456", "{not json");
  test::write_file(tmp / "data/log/.2026-11.jsonl.tmp-abcdef", "{not json");
  auto network = store.load();
  ASSERT_TRUE(network.ok()) << network.error().message;
  EXPECT_TRUE(network->contacts.empty());
  EXPECT_TRUE(network->interactions.empty());
}

TEST(JsonProblemTest, NamesTheLineAndTheReasonOfAnyParseFailure) {
  const struct {
    const char* text;
    int line;
    const char* detail;
  } cases[] = {
      {"{\n  \"a\": 1,\n}", 3, "syntax error"},
      {"{\"a\":\n 1e999}", 2, "number overflow parsing '1e999'"},
      {"5E5511112222221282222223", 1, "number overflow"},
      {"", 1, "unexpected end of input"},
      {"{} {}", 1, "syntax error"},
  };
  for (const auto& c : cases) {
    auto p = json_problem(c.text);
    ASSERT_TRUE(p.has_value()) << c.text;
    EXPECT_EQ(p->line, c.line) << c.text;
    EXPECT_NE(p->detail.find(c.detail), std::string::npos) << c.text << ": " << p->detail;
  }
  EXPECT_FALSE(json_problem(R"({"a": [1, 2.5, "x", null]})").has_value());
}

TEST(ParseJsonDocumentTest, ANumberTooLargeIsADataErrorNotACrash) {
  auto r = parse_json_document("{\"id\": \"ada\",\n \"n\": 1e999}", "contacts/ada.json");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, ErrorKind::data);
  EXPECT_NE(r.error().message.find("contacts/ada.json:2: not valid JSON: number overflow"),
            std::string::npos)
      << r.error().message;
}

TEST(ParseLogTest, ANumberTooLargeInAMiddleLineIsADataErrorNamingTheLine) {
  std::vector<std::string> warnings;
  auto r = parse_log("{\"id\": \"a\", \"n\": 1e400}\n{}\n", "log/2026-11.jsonl", warnings);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, ErrorKind::data);
  EXPECT_NE(r.error().message.find("log/2026-11.jsonl:1: not valid JSON"), std::string::npos)
      << r.error().message;
}

}  // namespace
}  // namespace kith
