#include "core/history.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace kith::history_test {
namespace {

Date ymd(int y, unsigned m, unsigned d) {
  return Date{date::year{y} / date::month{m} / date::day{d}};
}

Interaction interaction(std::string id, Date date, Intent intent,
                        std::vector<std::string> contacts) {
  Interaction i;
  i.id = std::move(id);
  i.date = date;
  i.intent = intent;
  i.contacts = std::move(contacts);
  i.logged_at = "2026-11-25T10:00:00Z";
  return i;
}

// Sorted by date, as Store::load returns them.
const std::vector<Interaction> kLog = {
    interaction("i1", ymd(2026, 1, 10), Intent::catch_up, {"ada"}),
    interaction("i2", ymd(2026, 2, 1), Intent::ask, {"ada"}),
    interaction("i3", ymd(2026, 3, 5), Intent::give, {"ada", "bob"}),
    interaction("i4", ymd(2026, 4, 1), Intent::ask, {"ada", "cy"}),
    interaction("i5", ymd(2026, 4, 2), Intent::ask, {"cy"}),
};

TEST(History, FirstAndLastNoNeedComeFromGivesAndCatchUpsOnly) {
  const HistoryMap map = summarize(kLog);
  const ContactHistory& ada = history_of(map, "ada");
  EXPECT_EQ(ada.first_no_need, ymd(2026, 1, 10));
  EXPECT_EQ(ada.last_no_need, ymd(2026, 3, 5));  // the later asks do not count
  EXPECT_EQ(ada.last_give, ymd(2026, 3, 5));
}

TEST(History, AsksAloneLeaveNoNoNeedDate) {
  const HistoryMap map = summarize(kLog);
  const ContactHistory& cy = history_of(map, "cy");
  EXPECT_FALSE(cy.first_no_need.has_value());
  EXPECT_FALSE(cy.last_no_need.has_value());
  EXPECT_FALSE(cy.last_give.has_value());
  EXPECT_EQ(cy.asks, 2);
  ASSERT_NE(cy.last, nullptr);
  EXPECT_EQ(cy.last->id, "i5");
}

TEST(History, TheLastAskIsTheLatestAskInAnyOrder) {
  const HistoryMap map = summarize(kLog);
  EXPECT_EQ(history_of(map, "cy").last_ask, ymd(2026, 4, 2));
  EXPECT_EQ(history_of(map, "ada").last_ask, ymd(2026, 4, 1));
  EXPECT_FALSE(history_of(map, "bob").last_ask.has_value());  // a give only
  ContactHistory h;
  count_interaction(h, Intent::ask, ymd(2026, 6, 1));
  count_interaction(h, Intent::ask, ymd(2026, 5, 1));  // older, counted later
  EXPECT_EQ(h.last_ask, ymd(2026, 6, 1));
  EXPECT_FALSE(h.last_no_need.has_value());
}

TEST(History, AnInteractionWithSeveralContactsCountsForEach) {
  const HistoryMap map = summarize(kLog);
  const ContactHistory& bob = history_of(map, "bob");
  EXPECT_EQ(bob.gives, 1);
  EXPECT_EQ(bob.total(), 1);
  EXPECT_EQ(bob.first_no_need, ymd(2026, 3, 5));
  EXPECT_EQ(bob.last_no_need, ymd(2026, 3, 5));
  ASSERT_NE(bob.last, nullptr);
  EXPECT_EQ(bob.last->id, "i3");
  EXPECT_EQ(history_of(map, "cy").last_no_need, std::nullopt);
}

TEST(History, CountsEachIntentAndKeepsTheLatestInteraction) {
  const HistoryMap map = summarize(kLog);
  const ContactHistory& ada = history_of(map, "ada");
  EXPECT_EQ(ada.gives, 1);
  EXPECT_EQ(ada.catch_ups, 1);
  EXPECT_EQ(ada.asks, 2);
  EXPECT_EQ(ada.total(), 4);
  ASSERT_NE(ada.last, nullptr);
  EXPECT_EQ(ada.last->id, "i4");
  EXPECT_EQ(ada.last, &kLog[3]);  // points into the input
}

TEST(History, OnTheSameDayTheLaterInTheOrderIsTheLast) {
  const std::vector<Interaction> log = {
      interaction("a", ymd(2026, 5, 1), Intent::give, {"ada"}),
      interaction("b", ymd(2026, 5, 1), Intent::ask, {"ada"}),
  };
  const HistoryMap map = summarize(log);
  EXPECT_EQ(history_of(map, "ada").last->id, "b");
  EXPECT_EQ(history_of(map, "ada").last_no_need, ymd(2026, 5, 1));
}

TEST(History, AContactWithNoInteractionHasAnEmptySummary) {
  const HistoryMap map = summarize(kLog);
  const ContactHistory& none = history_of(map, "nobody");
  EXPECT_EQ(none.total(), 0);
  EXPECT_EQ(none.last, nullptr);
  EXPECT_FALSE(none.first_no_need.has_value());
  EXPECT_TRUE(summarize({}).empty());
}

}  // namespace
}  // namespace kith::history_test

namespace kith::history_test {
namespace {

TEST(HistoryCount, GivesTheSameSummaryInAnyOrder) {
  const std::vector<std::pair<Intent, Date>> in_order = {{Intent::ask, ymd(2026, 1, 5)},
                                                         {Intent::give, ymd(2026, 2, 10)},
                                                         {Intent::catch_up, ymd(2026, 3, 15)},
                                                         {Intent::give, ymd(2026, 4, 20)},
                                                         {Intent::ask, ymd(2026, 5, 25)}};
  ContactHistory forward, backward;
  for (const auto& [intent, date] : in_order) count_interaction(forward, intent, date);
  for (auto it = in_order.rbegin(); it != in_order.rend(); ++it) {
    count_interaction(backward, it->first, it->second);
  }
  for (const ContactHistory* h : {&forward, &backward}) {
    EXPECT_EQ(h->gives, 2);
    EXPECT_EQ(h->catch_ups, 1);
    EXPECT_EQ(h->asks, 2);
    EXPECT_EQ(h->first_no_need, ymd(2026, 2, 10));
    EXPECT_EQ(h->last_no_need, ymd(2026, 4, 20));
    EXPECT_EQ(h->last_give, ymd(2026, 4, 20));
    EXPECT_EQ(h->last, nullptr);
  }
}

}  // namespace
}  // namespace kith::history_test
