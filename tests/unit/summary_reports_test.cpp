// The reports that read the log's summary (kith stats, kith export ics) say
// exactly what they said when they decoded every interaction: on the demo
// network and on a generated network of 1,000 contacts with merged
// contacts, group interactions, follow-ups and interactions dated after
// today, each read through a Store with and without its read cache.
#include <random>
#include <set>
#include <sstream>

#include <gtest/gtest.h>

#include "core/ics.h"
#include "core/stats.h"
#include "core/store.h"
#include "support/testutil.h"

namespace kith::test::summary_reports_test {
namespace {

const LockOptions kNoWait{std::chrono::milliseconds(0), std::chrono::milliseconds(0), nullptr};

std::string describe(const Stats& s) {
  std::ostringstream out;
  out << "goal " << s.goal << " streak " << s.streak << " met " << s.this_month_met << " gives "
      << s.gives << " catch-ups " << s.catch_ups << " asks " << s.asks << " weak " << s.weak_ties
      << "\n";
  for (const auto& m : s.months) {
    out << m.label() << " " << m.reached << " " << m.give << " " << m.catch_up << " " << m.ask
        << "\n";
  }
  return out.str();
}

// Both forms of both reports, from `store`, as of `today`.
void expect_same_reports(const Store& store, Date today, const std::string& what) {
  auto full = store.load();
  ASSERT_TRUE(full) << full.error().message;
  auto records = store.load_records();
  ASSERT_TRUE(records) << records.error().message;
  SummaryOptions whole;
  whole.aliases = alias_map(records->contacts);
  whole.months_until = today;
  auto log = store.summarize_log(whole);
  ASSERT_TRUE(log) << log.error().message;
  ASSERT_GT(full->interactions.size(), 0u) << what;
  EXPECT_EQ(describe(compute_stats(*records, *log, today)), describe(compute_stats(*full, today)))
      << what;
  EXPECT_EQ(ics::write_calendar(ics::outreach_events(*records, *log, today), today),
            ics::write_calendar(ics::outreach_events(*full, today), today))
      << what;
}

// 1,000 contacts (some archived, snoozed, with birthdays, cadences of their
// own or none, a few merged into others) and their interactions over three
// years, some with several people, some with follow-ups, a few after today.
void generate(const Store& store, Date today) {
  std::mt19937 random(20261207);
  auto pick = [&](int n) { return static_cast<int>(random() % static_cast<unsigned>(n)); };
  auto lock = store.lock_for_write(kNoWait);
  ASSERT_TRUE(lock) << lock.error().message;
  std::vector<Contact> contacts;
  for (int k = 0; k < 1000; ++k) {
    Contact c;
    c.id = "person-" + std::to_string(k);
    c.name = "Person " + std::to_string(k);
    c.added_on = today - date::days{pick(1200)};
    c.archived = pick(20) == 0;
    if (pick(4) == 0) c.every = *parse_duration(pick(2) ? "2w" : "6m", AllowOff::yes);
    if (pick(30) == 0) c.every = *parse_duration("off", AllowOff::yes);
    if (pick(5) == 0) c.birthday = *parse_birthday(pick(2) ? "1992-02-29" : "--07-14");
    if (pick(25) == 0) c.snoozed_until = today + date::days{pick(60)};
    if (pick(6) == 0) c.extra["source"] = "linkedin";
    contacts.push_back(std::move(c));
  }
  // Ten contacts merged into the one before them: their ids are aliases,
  // still named by the log, and their files are gone.
  std::set<std::string> merged;
  for (std::size_t k = 1; k < 20; k += 2) {
    contacts[k - 1].aliases.push_back(contacts[k].id);
    merged.insert(contacts[k].id);
  }
  std::vector<Interaction> log;
  for (int n = 0; n < 4000; ++n) {
    Interaction i;
    i.id = "20260101T000000Z-" + std::to_string(100000 + n);
    i.date = today - date::days{pick(1100) - 5};  // a few after today
    const int people = pick(8) == 0 ? 2 + pick(3) : 1;
    for (int p = 0; p < people; ++p) {
      const std::string id = "person-" + std::to_string(pick(1000));
      if (std::find(i.contacts.begin(), i.contacts.end(), id) == i.contacts.end()) {
        i.contacts.push_back(id);
      }
    }
    i.intent = static_cast<Intent>(pick(3));
    i.logged_at = "2026-01-01T00:00:00Z";
    if (pick(15) == 0) {
      i.follow_up = FollowUp{"Send it", std::nullopt, std::nullopt, Json::object()};
      if (pick(2)) i.follow_up->by = i.date + date::days{pick(40)};
      if (pick(3) == 0) i.follow_up->done_on = i.date + date::days{1};
    }
    log.push_back(std::move(i));
  }
  std::erase_if(contacts, [&](const Contact& c) { return merged.contains(c.id); });
  ASSERT_TRUE(store.save_contacts(contacts));
  auto batch = store.prepare_append(log);
  ASSERT_TRUE(batch) << batch.error().message;
  ASSERT_TRUE(store.append(*batch));
}

TEST(SummaryReports, TheDemoNetworkGivesTheSameStatsAndCalendarEitherWay) {
  TempDir tmp;
  fs::copy(fs::path(KITH_SOURCE_DIR) / "examples/demo", tmp / "data", fs::copy_options::recursive);
  const Date today = *parse_iso_date("2026-11-20");
  expect_same_reports(Store(tmp / "data"), today, "demo, no cache");
  const CacheOptions cache{tmp / "cache", std::chrono::system_clock::now() + std::chrono::hours(1)};
  expect_same_reports(Store(tmp / "data", cache), today, "demo, cache being filled");
  expect_same_reports(Store(tmp / "data", cache), today, "demo, cache read");
}

TEST(SummaryReports, AGeneratedThousandContactsGiveTheSameStatsAndCalendarEitherWay) {
  TempDir tmp;
  const Date today = *parse_iso_date("2026-12-07");
  generate(Store(tmp / "data"), today);
  if (HasFatalFailure()) return;
  expect_same_reports(Store(tmp / "data"), today, "generated, no cache");
  const CacheOptions cache{tmp / "cache", std::chrono::system_clock::now() + std::chrono::hours(1)};
  expect_same_reports(Store(tmp / "data", cache), today, "generated, cache being filled");
  expect_same_reports(Store(tmp / "data", cache), today, "generated, cache read");
}

}  // namespace
}  // namespace kith::test::summary_reports_test
