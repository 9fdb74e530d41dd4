#include "core/layout.h"

#include <gtest/gtest.h>

namespace kith::layout::layout_test {
namespace {

using date::month;
using date::year;

TEST(LayoutTest, ContactFileNamesAndIds) {
  EXPECT_EQ(contact_file_name("ada-lovelace"), "ada-lovelace.json");
  EXPECT_EQ(contact_relative_path("ada"), "contacts/ada.json");
  EXPECT_EQ(contact_id_of("ada.json"), "ada");
  EXPECT_EQ(contact_id_of("a.json.json"), "a.json");
  EXPECT_EQ(contact_id_of(".ada.json"), std::nullopt);  // hidden: a temp file
  EXPECT_EQ(contact_id_of(".json"), std::nullopt);
  EXPECT_EQ(contact_id_of("ada.jsonl"), std::nullopt);
  EXPECT_EQ(contact_id_of("ada"), std::nullopt);
}

TEST(LayoutTest, MonthFileNamesAndMonths) {
  EXPECT_EQ(month_file_name(year{2026} / month{11}), "2026-11.jsonl");
  EXPECT_EQ(month_file_name(year{987} / month{1}), "0987-01.jsonl");
  EXPECT_EQ(month_relative_path(year{2026} / month{3}), "log/2026-03.jsonl");
  EXPECT_TRUE(is_month_file("2026-11.jsonl"));
  EXPECT_TRUE(is_month_file("2026-13.jsonl"));  // the shape only
  for (const char* name : {"2026-1.jsonl", "2026--1.jsonl", "20261-1.jsonl", "2026-11.json",
                           "2026-11.jsonl.tmp", ".2026-11.jsonl", "abcd-ef.jsonl", ""}) {
    EXPECT_FALSE(is_month_file(name)) << name;
  }
  EXPECT_EQ(month_of("2026-11.jsonl"), year{2026} / month{11});
  EXPECT_EQ(month_of("2026-13.jsonl"), std::nullopt);
  EXPECT_EQ(month_of("2026-00.jsonl"), std::nullopt);
  EXPECT_EQ(month_of("notes.jsonl"), std::nullopt);
  for (int m = 1; m <= 12; ++m) {
    const auto ym = year{2026} / month{static_cast<unsigned>(m)};
    EXPECT_EQ(month_of(month_file_name(ym)), ym);
  }
}

TEST(LayoutTest, TempFileNames) {
  EXPECT_EQ(temp_file_name("ada.json", "1a2b3c"), ".ada.json.tmp-1a2b3c");
  EXPECT_TRUE(is_temp_name(temp_file_name("2026-11.jsonl", "0f0f0f")));
}

TEST(IsTempName, MatchesOnlyHiddenTempNames) {
  EXPECT_TRUE(is_temp_name(".x.json.tmp-abc123"));
  EXPECT_TRUE(is_temp_name(".2026-11.jsonl.tmp-0f0f0f"));
  EXPECT_TRUE(is_temp_name(".kith.json.tmp-ffffff"));
  EXPECT_FALSE(is_temp_name("x.json.tmp-abc123"));
  EXPECT_FALSE(is_temp_name("x.json"));
  EXPECT_FALSE(is_temp_name(".lock"));
  EXPECT_FALSE(is_temp_name(".x.json"));
  EXPECT_FALSE(is_temp_name("."));
  EXPECT_FALSE(is_temp_name(""));
}

TEST(LayoutTest, KindOfNamesEachRecordFileOneLevelDeep) {
  EXPECT_EQ(kind_of("kith.json"), FileKind::config);
  EXPECT_EQ(kind_of("me.json"), FileKind::profile);
  EXPECT_EQ(kind_of("contacts/ada.json"), FileKind::contact);
  EXPECT_EQ(kind_of("log/2026-11.jsonl"), FileKind::month);
  for (const char* other : {"notes.txt", "log/x/2026-11.jsonl", "contacts/a/b.json", ".gitignore",
                            "contacts/.json", "log/.jsonl", "contacts", "log/",
                            "contacts/ada.jsonl", "x/kith.json", "contactsx/ada.json"}) {
    EXPECT_EQ(kind_of(other), std::nullopt) << other;
  }
}

}  // namespace
}  // namespace kith::layout::layout_test
