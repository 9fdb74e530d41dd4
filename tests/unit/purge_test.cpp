#include "core/purge.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace kith::purge_test {
namespace {

Interaction interaction(const char* id, const char* date, std::vector<std::string> contacts) {
  Interaction i;
  i.id = id;
  i.date = *parse_iso_date(date);
  i.contacts = std::move(contacts);
  return i;
}

std::vector<std::string> ids(const std::vector<Interaction>& list) {
  std::vector<std::string> out;
  for (const auto& i : list) out.push_back(i.id);
  return out;
}

TEST(MonthsNamingTest, ListsEachMonthOnceOldestFirst) {
  const std::vector<Interaction> log = {
      interaction("a", "2026-11-02", {"ada"}), interaction("b", "2026-03-09", {"bob", "ada"}),
      interaction("c", "2026-03-01", {"ada"}), interaction("d", "2026-07-01", {"bob"}),
      interaction("e", "2025-12-31", {"adam"})};
  const auto months = months_naming(log, "ada");
  ASSERT_EQ(months.size(), 2u);
  EXPECT_EQ(months[0], date::year{2026} / date::March);
  EXPECT_EQ(months[1], date::year{2026} / date::November);
}

TEST(MonthsNamingTest, NoInteractionNoMonth) {
  EXPECT_TRUE(months_naming({interaction("a", "2026-11-02", {"bob"})}, "ada").empty());
}

TEST(PurgeFromMonthTest, TheIdsMergedIntoTheContactGoToo) {
  const std::vector<Interaction> log = {interaction("a", "2026-11-02", {"ada-l", "bob"}),
                                        interaction("b", "2026-10-09", {"ada-l"}),
                                        interaction("c", "2026-11-03", {"ada", "ada-l"})};
  EXPECT_EQ(months_naming(log, "ada", {"ada-l"}).size(), 2u);
  const MonthPurge p = purge_from_month(log, "ada", {"ada-l"});
  EXPECT_EQ(ids(p.kept), (std::vector<std::string>{"a"}));
  EXPECT_EQ(p.kept[0].contacts, (std::vector<std::string>{"bob"}));
  EXPECT_EQ(p.changed, 1);
  EXPECT_EQ(p.deleted, 2);
}

struct PurgeCase {
  const char* label;
  std::vector<std::vector<std::string>> contacts;  // of interactions i1, i2, …
  std::vector<std::string> kept_ids;
  std::vector<std::vector<std::string>> kept_contacts;
  int changed;
  int deleted;
};

class PurgeFromMonthTest : public testing::TestWithParam<PurgeCase> {};

TEST_P(PurgeFromMonthTest, RemovesTheIdAndDeletesWhatNamesNobodyElse) {
  const PurgeCase& c = GetParam();
  std::vector<Interaction> month;
  for (std::size_t k = 0; k < c.contacts.size(); ++k) {
    month.push_back(
        interaction(("i" + std::to_string(k + 1)).c_str(), "2026-11-01", c.contacts[k]));
  }
  const MonthPurge p = purge_from_month(month, "ada");
  EXPECT_EQ(ids(p.kept), c.kept_ids);
  std::vector<std::vector<std::string>> kept_contacts;
  for (const auto& i : p.kept) kept_contacts.push_back(i.contacts);
  EXPECT_EQ(kept_contacts, c.kept_contacts);
  EXPECT_EQ(p.changed, c.changed);
  EXPECT_EQ(p.deleted, c.deleted);
}

INSTANTIATE_TEST_SUITE_P(
    Table, PurgeFromMonthTest,
    testing::Values(
        PurgeCase{"alone_is_deleted", {{"ada"}}, {}, {}, 0, 1},
        PurgeCase{"shared_keeps_the_others", {{"bob", "ada", "cy"}}, {"i1"}, {{"bob", "cy"}}, 1, 0},
        PurgeCase{"others_untouched_and_order_kept",
                  {{"cy"}, {"ada"}, {"bob"}, {"ada", "bob"}},
                  {"i1", "i3", "i4"},
                  {{"cy"}, {"bob"}, {"bob"}},
                  1,
                  1},
        PurgeCase{"a_repeated_id_goes_entirely", {{"ada", "ada"}}, {}, {}, 0, 1},
        PurgeCase{"only_the_exact_id", {{"adam", "ada-2"}}, {"i1"}, {{"adam", "ada-2"}}, 0, 0},
        PurgeCase{"empty_month", {}, {}, {}, 0, 0}),
    [](const testing::TestParamInfo<PurgeCase>& p) { return std::string(p.param.label); });

TEST(PurgeFromMonthTest, KeepsEverythingElseOfAChangedInteraction) {
  Interaction i = interaction("x", "2026-11-01", {"ada", "bob"});
  i.note = "lunch";
  i.intent = Intent::give;
  i.follow_up = FollowUp{"send the deck", std::nullopt, std::nullopt, Json::object()};
  i.extra = Json{{"mood", "great"}};
  const MonthPurge p = purge_from_month({i}, "ada");
  ASSERT_EQ(p.kept.size(), 1u);
  Interaction expected = i;
  expected.contacts = {"bob"};
  EXPECT_EQ(to_json(p.kept[0]), to_json(expected));
}

}  // namespace
}  // namespace kith::purge_test
