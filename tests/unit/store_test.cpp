#include "core/store.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "support/testutil.h"

namespace kith {
namespace {

using test::TempDir;
using test::write_file;

std::string line(const char* id, const char* date, const char* logged_at) {
  return std::string("{\"id\":\"") + id + "\",\"date\":\"" + date +
         "\",\"contacts\":[\"ada\"],\"logged_at\":\"" + logged_at + "\"}\n";
}

class LoadMonthTest : public testing::Test {
 protected:
  TempDir tmp;
  Store store{tmp / "data"};
  const date::year_month november = date::year{2026} / date::November;
};

TEST_F(LoadMonthTest, KeepsTheOrderOfTheFile) {
  // Backfilled: the later line has the earlier date.
  write_file(tmp / "data/log/2026-11.jsonl", line("b", "2026-11-20", "2026-11-20T10:00:00Z") +
                                                 line("a", "2026-11-02", "2026-11-21T10:00:00Z"));
  std::vector<std::string> warnings;
  auto month = store.load_month(november, warnings);
  ASSERT_TRUE(month.ok()) << month.error().message;
  ASSERT_EQ(month->size(), 2u);
  EXPECT_EQ((*month)[0].id, "b");
  EXPECT_EQ((*month)[1].id, "a");
  EXPECT_TRUE(warnings.empty());
  // load_interactions sorts by date.
  auto all = store.load_interactions(warnings);
  ASSERT_TRUE(all.ok());
  EXPECT_EQ((*all)[0].id, "a");
}

TEST_F(LoadMonthTest, AMissingFileIsAnEmptyMonth) {
  std::vector<std::string> warnings;
  auto month = store.load_month(november, warnings);
  ASSERT_TRUE(month.ok());
  EXPECT_TRUE(month->empty());
  EXPECT_FALSE(fs::exists(tmp / "data"));
}

TEST_F(LoadMonthTest, ATornLastLineIsSkippedWithAWarning) {
  write_file(tmp / "data/log/2026-11.jsonl",
             line("a", "2026-11-02", "2026-11-02T10:00:00Z") + "{\"id\":\"b\",\"da");
  std::vector<std::string> warnings;
  auto month = store.load_month(november, warnings);
  ASSERT_TRUE(month.ok());
  EXPECT_EQ(month->size(), 1u);
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_NE(warnings[0].find("log/2026-11.jsonl:2"), std::string::npos) << warnings[0];
}

TEST_F(LoadMonthTest, ABadLineIsADataErrorWithFileAndLine) {
  write_file(tmp / "data/log/2026-11.jsonl",
             "not json\n" + line("a", "2026-11-02", "2026-11-02T10:00:00Z"));
  std::vector<std::string> warnings;
  auto month = store.load_month(november, warnings);
  ASSERT_FALSE(month.ok());
  EXPECT_EQ(month.error().kind, ErrorKind::data);
  EXPECT_NE(month.error().message.find("log/2026-11.jsonl:1"), std::string::npos);
}

}  // namespace
}  // namespace kith
