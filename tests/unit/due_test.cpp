#include "core/due.h"

#include <algorithm>
#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "core/store.h"
#include "support/testutil.h"

// The fixtures below name only the fields a case is about and rely on the
// defaults for the rest, which is what designated initializers are for.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

namespace kith::due_test {
namespace {

Date d(const std::string& iso) {
  auto r = parse_iso_date(iso);
  EXPECT_TRUE(r.ok()) << iso;
  return r.ok() ? *r : Date{};
}

Duration dur(const std::string& text) {
  auto r = parse_duration(text, AllowOff::yes);
  EXPECT_TRUE(r.ok()) << text;
  return r.ok() ? *r : Duration{};
}

// A contact as a fixture writes it: only what matters to the engine.
struct C {
  std::string id;
  std::string added = "2026-01-01";
  std::string met;    // empty: none
  std::string every;  // empty: the setting
  std::vector<std::string> tags;
  bool archived = false;
  std::string snoozed;   // empty: not snoozed
  std::string birthday;  // YYYY-MM-DD or --MM-DD
  std::string moved;     // a job change (Acme -> Globex) seen on this day
  std::string imported;  // the import it came by ("linkedin"); empty: added by hand
  std::vector<std::string> skills;
  std::vector<std::string> interests;
};

// An interaction; `by` / `done` make it carry a follow-up when `follow_up`.
struct I {
  std::string date;
  std::vector<std::string> contacts;
  Intent intent = Intent::catch_up;
  std::string id;
  bool follow_up = false;
  std::string by;
  std::string done;
};

struct World {
  std::vector<C> contacts;
  std::vector<I> interactions;
  std::string every = "3m";
  int homework = 1;
};

Network make_network(const World& w) {
  Network n;
  n.settings.every = dur(w.every);
  n.settings.homework = w.homework;
  for (const C& c : w.contacts) {
    Contact x;
    x.id = c.id;
    x.name = "Name of " + c.id;
    x.added_on = d(c.added);
    if (!c.met.empty()) x.met_on = d(c.met);
    if (!c.every.empty()) x.every = dur(c.every);
    x.tags = c.tags;
    x.archived = c.archived;
    if (!c.snoozed.empty()) x.snoozed_until = d(c.snoozed);
    if (!c.birthday.empty()) {
      auto b = parse_birthday(c.birthday);
      EXPECT_TRUE(b.ok()) << c.birthday;
      if (b) x.birthday = *b;
    }
    if (!c.moved.empty()) {
      x.job_changes.push_back(
          {d(c.moved), {"Acme", "Engineer"}, {"Globex", "CTO"}, Json::object()});
    }
    if (!c.imported.empty()) x.extra["imported_from"] = c.imported;
    x.skills = c.skills;
    x.interests = c.interests;
    n.contacts.push_back(std::move(x));
  }
  std::sort(n.contacts.begin(), n.contacts.end(),
            [](const Contact& a, const Contact& b) { return a.id < b.id; });
  int seq = 0;
  for (const I& i : w.interactions) {
    Interaction x;
    x.date = d(i.date);
    x.contacts = i.contacts;
    x.intent = i.intent;
    x.id = i.id.empty() ? "i" + std::to_string(++seq) : i.id;
    x.logged_at = i.date + "T12:00:00Z";
    if (i.follow_up) {
      FollowUp f;
      f.text = "follow up " + x.id;
      if (!i.by.empty()) f.by = d(i.by);
      if (!i.done.empty()) f.done_on = d(i.done);
      x.follow_up = f;
    }
    n.interactions.push_back(std::move(x));
  }
  std::stable_sort(n.interactions.begin(), n.interactions.end(),
                   [](const Interaction& a, const Interaction& b) { return a.date < b.date; });
  return n;
}

// The same report as kith due computes it: `n` written to a data directory,
// read back as records and a log summary (through a read cache), then
// compute_due(network, summary, ...). It must equal compute_due(n, ...).
std::string report_via_store(const Network& n, Date today, const DueOptions& o) {
  test::TempDir tmp;
  const auto data = tmp / "data";
  Config config;
  config.settings["every"] = n.settings.every.text;
  config.settings["homework"] = n.settings.homework;
  test::write_file(data / "kith.json", serialize_document(to_json(config)));
  for (const auto& c : n.contacts) {
    test::write_file(data / "contacts" / (c.id + ".json"), serialize_document(to_json(c)));
  }
  std::map<std::string, std::string> months;
  for (const auto& i : n.interactions) {
    months[format_date(i.date).substr(0, 7)] += serialize_line(to_json(i));
  }
  for (const auto& [month, lines] : months) {
    test::write_file(data / "log" / (month + ".jsonl"), lines);
  }
  CacheOptions cache;
  cache.root = tmp / "cache";
  cache.now = std::chrono::system_clock::now() + std::chrono::hours(1);
  std::string out;
  for (int run = 0; run < 2; ++run) {  // once building the cache, once reading it
    const Store store(data, cache);
    auto records = store.load_records();
    EXPECT_TRUE(records.ok());
    SummaryOptions until;
    until.until = today;
    auto log = store.summarize_log(until);
    EXPECT_TRUE(log.ok());
    if (!records || !log) return {};
    const std::string text = to_json_text(compute_due(*records, *log, today, o));
    if (run == 1) {
      EXPECT_EQ(text, out);
    }
    out = text;
  }
  return out;
}

DueOptions options(const std::string& within = "", std::vector<std::string> tags = {},
                   std::optional<std::size_t> limit = std::nullopt) {
  DueOptions o;
  if (!within.empty()) o.within = dur(within);
  o.tags = std::move(tags);
  o.limit = limit;
  return o;
}

// "id due_on days_overdue since last_no_need|-" for each entry, in order.
std::vector<std::string> summary(const DueReport& r) {
  std::vector<std::string> out;
  for (const auto& e : r.due) {
    out.push_back(e.contact->id + " " + format_date(e.due_on) + " " +
                  std::to_string(e.days_overdue) + " " + format_date(e.since) + " " +
                  (e.last_no_need ? format_date(*e.last_no_need) : "-"));
  }
  return out;
}

std::vector<std::string> ids(const std::vector<const Contact*>& contacts) {
  std::vector<std::string> out;
  for (const Contact* c : contacts) out.push_back(c->id);
  return out;
}

std::vector<std::string> ids(const std::vector<DueEntry>& entries) {
  std::vector<std::string> out;
  for (const DueEntry& e : entries) out.push_back(e.contact->id);
  return out;
}

const Intent give = Intent::give;
const Intent ask = Intent::ask;
const Intent catch_up = Intent::catch_up;

// ------------------------------------------------------------------ due list

struct DueCase {
  const char* label;
  World world;
  std::string today;
  DueOptions options;
  std::vector<std::string> expected;  // as summary() prints it
};

class DueListTest : public ::testing::TestWithParam<DueCase> {};

TEST_P(DueListTest, ListsExactlyTheseInThisOrder) {
  const DueCase& c = GetParam();
  const Network n = make_network(c.world);
  const DueReport r = compute_due(n, d(c.today), c.options);
  EXPECT_EQ(summary(r), c.expected);
  EXPECT_EQ(report_via_store(n, d(c.today), c.options), to_json_text(r));
}

INSTANTIATE_TEST_SUITE_P(
    Cases, DueListTest,
    ::testing::Values(
        DueCase{"NeverContactedCountsFromAddedOn",
                {{{.id = "ada", .added = "2026-08-25"}}},
                "2026-11-25",
                options(),
                {"ada 2026-11-25 0 2026-08-25 -"}},
        DueCase{"NeverContactedCountsFromMetOnFirst",
                {{{.id = "ada", .added = "2026-11-01", .met = "2026-07-01"}}},
                "2026-11-25",
                options(),
                {"ada 2026-10-01 55 2026-07-01 -"}},
        DueCase{"NotYetDueIsNotListed",
                {{{.id = "ada", .added = "2026-08-26"}}},
                "2026-11-25",
                options(),
                {}},
        DueCase{"AnAskDoesNotResetTheClock",
                {{{.id = "ada"}},
                 {{.date = "2026-06-01", .contacts = {"ada"}, .intent = catch_up},
                  {.date = "2026-10-01", .contacts = {"ada"}, .intent = ask}}},
                "2026-11-25",
                options(),
                {"ada 2026-09-01 85 2026-06-01 2026-06-01"}},
        DueCase{"OnlyAsksKeepsTheClockAtMetOrAdded",
                {{{.id = "ada", .added = "2026-03-10"}},
                 {{.date = "2026-10-01", .contacts = {"ada"}, .intent = ask}}},
                "2026-11-25",
                options(),
                {"ada 2026-06-10 168 2026-03-10 -"}},
        DueCase{"AGiveResetsTheClock",
                {{{.id = "ada"}},
                 {{.date = "2026-06-01", .contacts = {"ada"}, .intent = ask},
                  {.date = "2026-10-01", .contacts = {"ada"}, .intent = give}}},
                "2026-11-25",
                options(),
                {}},
        DueCase{"LastNoNeedWinsOverALaterMetOn",
                {{{.id = "ada", .added = "2026-11-20", .met = "2026-11-01"}},
                 {{.date = "2026-08-01", .contacts = {"ada"}}}},
                "2026-11-25",
                options(),
                {"ada 2026-11-01 24 2026-08-01 2026-08-01"}},
        DueCase{"MonthEndClampsToTheLastDayOfFebruary",
                {{{.id = "ada", .every = "1m"}}, {{.date = "2026-01-31", .contacts = {"ada"}}}},
                "2026-02-28",
                options(),
                {"ada 2026-02-28 0 2026-01-31 2026-01-31"}},
        DueCase{"MonthEndIsNotDueTheDayBefore",
                {{{.id = "ada", .every = "1m"}}, {{.date = "2026-01-31", .contacts = {"ada"}}}},
                "2026-02-27",
                options(),
                {}},
        DueCase{
            "LeapYearJanuary31PlusAMonthIsFebruary29",
            {{{.id = "ada", .every = "monthly"}}, {{.date = "2024-01-31", .contacts = {"ada"}}}},
            "2024-02-29",
            options(),
            {"ada 2024-02-29 0 2024-01-31 2024-01-31"}},
        DueCase{"LeapDayPlusAYearIsFebruary28",
                {{{.id = "ada", .every = "1y"}}, {{.date = "2024-02-29", .contacts = {"ada"}}}},
                "2025-02-28",
                options(),
                {"ada 2025-02-28 0 2024-02-29 2024-02-29"}},
        DueCase{"CadenceOffIsNeverDue",
                {{{.id = "ada", .added = "2020-01-01", .every = "off"}}},
                "2026-11-25",
                options(),
                {}},
        DueCase{"SettingOffLeavesOnlyContactsWithTheirOwnCadence",
                {{{.id = "ada", .added = "2020-01-01"},
                  {.id = "bob", .added = "2020-01-01", .every = "1y"}},
                 {},
                 "off"},
                "2026-11-25",
                options(),
                {"bob 2021-01-01 2154 2020-01-01 -"}},
        DueCase{"TheSettingIsTheDefaultCadence",
                {{{.id = "ada", .added = "2026-10-25"}}, {}, "1m"},
                "2026-11-25",
                options(),
                {"ada 2026-11-25 0 2026-10-25 -"}},
        DueCase{"ArchivedContactsAreNeverDue",
                {{{.id = "ada", .added = "2020-01-01", .archived = true}}},
                "2026-11-25",
                options(),
                {}},
        DueCase{"SnoozedPastTodayIsHiddenSnoozedUntilTodayIsNot",
                {{{.id = "ada", .added = "2020-01-01", .snoozed = "2026-11-26"},
                  {.id = "bob", .added = "2020-01-01", .snoozed = "2026-11-25"},
                  {.id = "cat", .added = "2020-01-01", .snoozed = "2026-01-01"}}},
                "2026-11-25",
                options(),
                {"bob 2020-04-01 2429 2020-01-01 -", "cat 2020-04-01 2429 2020-01-01 -"}},
        DueCase{
            "OrderIsRelativeToTheCadenceNotDaysLate",
            // yearly: 30 of 365 days late; biweekly: 14 of 14 days late.
            {{{.id = "ada", .every = "1y"}, {.id = "bob", .every = "2w"}},
             {{.date = "2025-10-26", .contacts = {"ada"}},
              {.date = "2026-10-28", .contacts = {"bob"}}}},
            "2026-11-25",
            options(),
            {"bob 2026-11-11 14 2026-10-28 2026-10-28", "ada 2026-10-26 30 2025-10-26 2025-10-26"}},
        DueCase{
            "EqualLatenessTiesByDueOnThenId",
            // All one cycle late: amy 20 of 20 days, bob/cat/bea 10 of 10.
            {{{.id = "bob", .every = "10d"},
              {.id = "cat", .every = "10d"},
              {.id = "bea", .every = "10d"},
              {.id = "amy", .every = "20d"}},
             {{.date = "2026-11-05", .contacts = {"bob", "cat", "bea"}},
              {.date = "2026-10-16", .contacts = {"amy"}}}},
            "2026-11-25",
            options(),
            {"amy 2026-11-05 20 2026-10-16 2026-10-16", "bea 2026-11-15 10 2026-11-05 2026-11-05",
             "bob 2026-11-15 10 2026-11-05 2026-11-05", "cat 2026-11-15 10 2026-11-05 2026-11-05"}},
        DueCase{"WithinListsUpcomingWithNegativeLatenessAfterTheOverdue",
                {{{.id = "ada", .added = "2026-09-01"},
                  {.id = "bob", .added = "2026-08-30"},
                  {.id = "cat", .added = "2026-08-01"},
                  {.id = "dan", .added = "2026-09-15"}}},
                "2026-11-25",
                options("2w"),
                {"cat 2026-11-01 24 2026-08-01 -", "bob 2026-11-30 -5 2026-08-30 -",
                 "ada 2026-12-01 -6 2026-09-01 -"}},
        DueCase{"WithinIncludesItsLastDay",
                {{{.id = "ada", .added = "2026-09-09"}, {.id = "bob", .added = "2026-09-10"}}},
                "2026-11-25",
                options("2w"),
                {"ada 2026-12-09 -14 2026-09-09 -"}},
        DueCase{"OneInteractionWithSeveralContactsResetsEach",
                {{{.id = "ada"}, {.id = "bob"}, {.id = "cat"}},
                 {{.date = "2026-10-01", .contacts = {"ada", "bob"}, .intent = give}}},
                "2026-11-25",
                options(),
                {"cat 2026-04-01 238 2026-01-01 -"}},
        DueCase{"TagsMustAllMatchAfterNormalising",
                {{{.id = "ada", .tags = {"Climate-Tech", "mentor"}},
                  {.id = "bob", .tags = {"climate tech"}},
                  {.id = "cat"}}},
                "2026-11-25",
                options("", {"climate_tech", "Mentors"}),
                {"ada 2026-04-01 238 2026-01-01 -"}},
        DueCase{"LimitKeepsTheMostOverdue",
                {{{.id = "ada", .added = "2026-01-01"},
                  {.id = "bob", .added = "2026-02-01"},
                  {.id = "cat", .added = "2026-03-01"}}},
                "2026-11-25",
                options("", {}, 2),
                {"ada 2026-04-01 238 2026-01-01 -", "bob 2026-05-01 208 2026-02-01 -"}},
        DueCase{
            "InteractionsAfterTodayDoNotCountYet",
            {{{.id = "ada", .added = "2026-01-01"}}, {{.date = "2026-12-01", .contacts = {"ada"}}}},
            "2026-11-25",
            options(),
            {"ada 2026-04-01 238 2026-01-01 -"}}),
    [](const ::testing::TestParamInfo<DueCase>& p) { return std::string(p.param.label); });

TEST(DueReport, CountsEveryEntryBeforeTheLimit) {
  const Network n = make_network({{{.id = "ada"}, {.id = "bob"}, {.id = "cat"}}});
  const DueReport r = compute_due(n, d("2026-11-25"), options("", {}, 1));
  EXPECT_EQ(r.due.size(), 1u);
  EXPECT_EQ(r.due_total, 3u);
}

TEST(DueReport, NextIsTheFirstToFallDueAfterTheHorizon) {
  const Network n = make_network({{{.id = "ada", .added = "2026-09-10"},
                                   {.id = "bob", .added = "2026-09-01"},
                                   {.id = "cat", .added = "2026-08-01"}}});
  DueReport r = compute_due(n, d("2026-11-25"), options());
  ASSERT_TRUE(r.next.has_value());
  EXPECT_EQ(r.next->contact->id, "bob");
  EXPECT_EQ(r.next->due_on, d("2026-12-01"));
  r = compute_due(n, d("2026-11-25"), options("1w"));
  ASSERT_TRUE(r.next.has_value());
  EXPECT_EQ(r.next->contact->id, "ada");
}

TEST(DueReport, KeepsTheLastGiveApartFromTheLastCatchUp) {
  const Network n = make_network({{{.id = "ada"}},
                                  {{.date = "2026-02-01", .contacts = {"ada"}, .intent = give},
                                   {.date = "2026-03-01", .contacts = {"ada"}}}});
  const DueReport r = compute_due(n, d("2026-11-25"), options());
  ASSERT_EQ(r.due.size(), 1u);
  EXPECT_EQ(r.due[0].last_give, d("2026-02-01"));
  EXPECT_EQ(r.due[0].last_no_need, d("2026-03-01"));
  EXPECT_EQ(r.due[0].every.text, "3m");
  EXPECT_EQ(r.due[0].cycle_days, 92);
}

// ------------------------------------------------------------------ homework

struct HomeworkCase {
  const char* label;
  World world;
  std::string today;
  std::vector<std::string> reached;
  bool done;
  std::vector<std::string> suggestions;
};

class HomeworkTest : public ::testing::TestWithParam<HomeworkCase> {};

TEST_P(HomeworkTest, ReachedDoneAndSuggestions) {
  const HomeworkCase& c = GetParam();
  const Network n = make_network(c.world);
  const DueReport r = compute_due(n, d(c.today), options());
  EXPECT_EQ(report_via_store(n, d(c.today), options()), to_json_text(r));
  EXPECT_EQ(ids(r.homework.reached), c.reached);
  EXPECT_EQ(r.homework.done(), c.done);
  EXPECT_EQ(ids(r.homework.suggestions), c.suggestions);
  const date::year_month_day today{d(c.today)};
  EXPECT_EQ(r.homework.month, today.year() / today.month());
}

INSTANTIATE_TEST_SUITE_P(
    Cases, HomeworkTest,
    ::testing::Values(
        HomeworkCase{"FirstNoNeedThisMonthCounts",
                     {{{.id = "ada"}}, {{.date = "2026-12-01", .contacts = {"ada"}}}},
                     "2026-12-01",
                     {"ada"},
                     true,
                     {}},
        HomeworkCase{"LastDayOfThePreviousMonthDoesNotCount",
                     {{{.id = "ada"}}, {{.date = "2026-11-30", .contacts = {"ada"}}}},
                     "2026-12-01",
                     {},
                     false,
                     {}},
        HomeworkCase{"LastDayOfThisMonthCounts",
                     {{{.id = "ada"}}, {{.date = "2026-11-30", .contacts = {"ada"}}}},
                     "2026-11-30",
                     {"ada"},
                     true,
                     {}},
        HomeworkCase{"ACatchUpWithSomeoneReachedBeforeDoesNotCount",
                     {{{.id = "ada"}},
                      {{.date = "2026-10-15", .contacts = {"ada"}},
                       {.date = "2026-11-15", .contacts = {"ada"}}}},
                     "2026-11-25",
                     {},
                     false,
                     {}},
        HomeworkCase{
            "AnAskIsNotAReach",
            {{{.id = "ada"}}, {{.date = "2026-11-15", .contacts = {"ada"}, .intent = ask}}},
            "2026-11-25",
            {},
            false,
            {}},
        HomeworkCase{"AFirstGiveAfterAnEarlierAskCounts",
                     {{{.id = "ada"}},
                      {{.date = "2026-09-15", .contacts = {"ada"}, .intent = ask},
                       {.date = "2026-11-15", .contacts = {"ada"}, .intent = give}}},
                     "2026-11-25",
                     {"ada"},
                     true,
                     {}},
        HomeworkCase{"AGroupInteractionReachesEachNewContact",
                     {{{.id = "ada"}, {.id = "bob"}, {.id = "cat"}},
                      {{.date = "2026-10-01", .contacts = {"ada"}},
                       {.date = "2026-11-02", .contacts = {"ada", "bob", "cat"}, .intent = give}}},
                     "2026-11-25",
                     {"bob", "cat"},
                     true,
                     {}},
        HomeworkCase{"GoalComesFromTheSetting",
                     {{{.id = "ada"}, {.id = "bob", .added = "2026-02-01"}},
                      {{.date = "2026-11-02", .contacts = {"ada"}}},
                      "3m",
                      2},
                     "2026-11-25",
                     {"ada"},
                     false,
                     {"bob"}},
        HomeworkCase{"AGoalOfZeroIsAlwaysDone", {{}, {}, "3m", 0}, "2026-11-25", {}, true, {}},
        HomeworkCase{"SuggestsTheMostRecentNeverContactedAtMostThree",
                     {{{.id = "eve", .added = "2026-05-01"},
                       {.id = "dan", .added = "2026-03-01"},
                       {.id = "cat", .added = "2026-03-01"},
                       {.id = "bob", .added = "2026-01-01"},
                       {.id = "ada", .added = "2025-01-01"},
                       {.id = "old", .added = "2024-01-01", .archived = true},
                       {.id = "nap", .added = "2024-01-01", .snoozed = "2027-01-01"},
                       {.id = "off", .added = "2024-01-01", .every = "off"}},
                      {{.date = "2026-06-01", .contacts = {"ada"}, .intent = ask}}},
                     "2026-11-25",
                     {},
                     false,
                     {"eve", "cat", "dan"}}),
    [](const ::testing::TestParamInfo<HomeworkCase>& p) { return std::string(p.param.label); });

TEST(Homework, TagsNarrowTheSuggestionsButNotTheCount) {
  const Network n = make_network({{{.id = "ada", .tags = {"design"}},
                                   {.id = "bob", .added = "2026-02-01", .tags = {"climate"}},
                                   {.id = "cat", .added = "2026-03-01"}},
                                  {{.date = "2026-11-02", .contacts = {"ada"}}},
                                  "3m",
                                  2});
  const DueReport r = compute_due(n, d("2026-11-25"), options("", {"climate"}));
  EXPECT_EQ(ids(r.homework.reached), std::vector<std::string>{"ada"});
  EXPECT_EQ(ids(r.homework.suggestions), std::vector<std::string>{"bob"});
}

// ---------------------------------------------------------------- follow-ups

std::vector<std::string> follow_up_summary(const DueReport& r) {
  std::vector<std::string> out;
  for (const auto& f : r.follow_ups) {
    out.push_back(f.interaction->id + " " + format_date(f.by) + " " +
                  std::to_string(f.days_overdue));
  }
  return out;
}

TEST(FollowUps, ListsOpenOnesWhoseDateHasComeOldestFirst) {
  const Network n = make_network(
      {{{.id = "ada"}, {.id = "bob", .snoozed = "2027-01-01"}, {.id = "old", .archived = true}},
       {{.date = "2026-11-01",
         .contacts = {"ada"},
         .id = "late",
         .follow_up = true,
         .by = "2026-11-10"},
        {.date = "2026-11-01",
         .contacts = {"ada"},
         .id = "today",
         .follow_up = true,
         .by = "2026-11-25"},
        {.date = "2026-11-01",
         .contacts = {"ada"},
         .id = "later",
         .follow_up = true,
         .by = "2026-11-26"},
        {.date = "2026-11-01",
         .contacts = {"ada"},
         .id = "done",
         .follow_up = true,
         .by = "2026-11-10",
         .done = "2026-11-11"},
        {.date = "2026-11-03", .contacts = {"ada"}, .id = "undated", .follow_up = true},
        {.date = "2026-11-01",
         .contacts = {"bob"},
         .id = "snoozed",
         .follow_up = true,
         .by = "2026-11-12"},
        {.date = "2026-11-01",
         .contacts = {"old"},
         .id = "archived",
         .follow_up = true,
         .by = "2026-11-12"},
        {.date = "2026-11-01",
         .contacts = {"old", "ada"},
         .id = "mixed",
         .follow_up = true,
         .by = "2026-11-12"},
        {.date = "2026-11-01", .contacts = {"ada"}, .id = "plain"}}});
  const DueReport r = compute_due(n, d("2026-11-25"), options());
  EXPECT_EQ(follow_up_summary(r),
            (std::vector<std::string>{"undated 2026-11-03 22", "late 2026-11-10 15",
                                      "mixed 2026-11-12 13", "snoozed 2026-11-12 13",
                                      "today 2026-11-25 0"}));
  EXPECT_EQ(report_via_store(n, d("2026-11-25"), options()), to_json_text(r));
  EXPECT_EQ(report_via_store(n, d("2026-11-10"), options("1m")),
            to_json_text(compute_due(n, d("2026-11-10"), options("1m"))));
}

TEST(FollowUps, WithinShowsUpcomingOnesWithNegativeDays) {
  const Network n = make_network({{{.id = "ada"}},
                                  {{.date = "2026-11-01",
                                    .contacts = {"ada"},
                                    .id = "soon",
                                    .follow_up = true,
                                    .by = "2026-11-30"},
                                   {.date = "2026-11-01",
                                    .contacts = {"ada"},
                                    .id = "far",
                                    .follow_up = true,
                                    .by = "2026-12-30"}}});
  const DueReport r = compute_due(n, d("2026-11-25"), options("1w"));
  EXPECT_EQ(follow_up_summary(r), std::vector<std::string>{"soon 2026-11-30 -5"});
}

TEST(FollowUps, TagsKeepThoseWithAMatchingContact) {
  const Network n = make_network({{{.id = "ada", .tags = {"climate"}}, {.id = "bob"}},
                                  {{.date = "2026-11-01",
                                    .contacts = {"bob"},
                                    .id = "b",
                                    .follow_up = true,
                                    .by = "2026-11-02"},
                                   {.date = "2026-11-01",
                                    .contacts = {"bob", "ada"},
                                    .id = "ab",
                                    .follow_up = true,
                                    .by = "2026-11-02"}}});
  const DueReport r = compute_due(n, d("2026-11-25"), options("", {"climate"}));
  EXPECT_EQ(follow_up_summary(r), std::vector<std::string>{"ab 2026-11-02 23"});
}

// ----------------------------------------------------------------- occasions

struct OccasionCase {
  const char* label;
  C contact;
  std::string today;
  std::string within;
  std::string expected;  // "date text", or empty for none
};

class OccasionTest : public ::testing::TestWithParam<OccasionCase> {};

TEST_P(OccasionTest, Birthday) {
  const OccasionCase& c = GetParam();
  const Network n = make_network({{c.contact}});
  const DueReport r = compute_due(n, d(c.today), options(c.within));
  if (c.expected.empty()) {
    EXPECT_TRUE(r.occasions.empty());
    return;
  }
  ASSERT_EQ(r.occasions.size(), 1u);
  EXPECT_EQ(r.occasions[0].kind, Occasion::Kind::birthday);
  EXPECT_EQ(format_date(r.occasions[0].date) + " " + r.occasions[0].text, c.expected);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, OccasionTest,
    ::testing::Values(
        OccasionCase{
            "Today", {.id = "a", .birthday = "--11-25"}, "2026-11-25", "", "2026-11-25 birthday"},
        OccasionCase{"InSevenDays",
                     {.id = "a", .birthday = "--12-02"},
                     "2026-11-25",
                     "",
                     "2026-12-02 birthday"},
        OccasionCase{
            "InEightDaysIsTooFar", {.id = "a", .birthday = "--12-03"}, "2026-11-25", "", ""},
        OccasionCase{"WithinWidensTheWindow",
                     {.id = "a", .birthday = "--12-03"},
                     "2026-11-25",
                     "2w",
                     "2026-12-03 birthday"},
        OccasionCase{
            "WithinCanNarrowIt", {.id = "a", .birthday = "--11-30"}, "2026-11-25", "2d", ""},
        OccasionCase{"YesterdayIsPast", {.id = "a", .birthday = "--11-24"}, "2026-11-25", "", ""},
        OccasionCase{"AcrossTheNewYear",
                     {.id = "a", .birthday = "--01-02"},
                     "2026-12-28",
                     "",
                     "2027-01-02 birthday"},
        OccasionCase{"KnownYearSaysTheAge",
                     {.id = "a", .birthday = "1988-11-27"},
                     "2026-11-25",
                     "",
                     "2026-11-27 38th birthday"},
        OccasionCase{"LeapDayOnFebruary28InACommonYear",
                     {.id = "a", .birthday = "2000-02-29"},
                     "2027-02-25",
                     "",
                     "2027-02-28 27th birthday"},
        OccasionCase{"LeapDayOnFebruary29InALeapYear",
                     {.id = "a", .birthday = "--02-29"},
                     "2028-02-25",
                     "",
                     "2028-02-29 birthday"},
        OccasionCase{"NoYearLeapDayOnFebruary28InACommonYear",
                     {.id = "a", .birthday = "--02-29"},
                     "2027-02-28",
                     "",
                     "2027-02-28 birthday"},
        OccasionCase{"ArchivedHaveNone",
                     {.id = "a", .archived = true, .birthday = "--11-26"},
                     "2026-11-25",
                     "",
                     ""},
        OccasionCase{"SnoozedHaveNone",
                     {.id = "a", .snoozed = "2026-12-01", .birthday = "--11-26"},
                     "2026-11-25",
                     "",
                     ""},
        OccasionCase{"CadenceOffStillHasBirthdays",
                     {.id = "a", .every = "off", .birthday = "--11-26"},
                     "2026-11-25",
                     "",
                     "2026-11-26 birthday"}),
    [](const ::testing::TestParamInfo<OccasionCase>& p) { return std::string(p.param.label); });

TEST(Occasions, OrdinalsFollowEnglish) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"2025-11-26", "1st"},  {"2024-11-26", "2nd"},   {"2023-11-26", "3rd"},
      {"2022-11-26", "4th"},  {"2015-11-26", "11th"},  {"2014-11-26", "12th"},
      {"2013-11-26", "13th"}, {"2005-11-26", "21st"},  {"2004-11-26", "22nd"},
      {"2003-11-26", "23rd"}, {"1925-11-26", "101st"}, {"1915-11-26", "111th"}};
  for (const auto& [born, ordinal] : cases) {
    const Network n = make_network({{{.id = "a", .birthday = born}}});
    const DueReport r = compute_due(n, d("2026-11-25"), options());
    ASSERT_EQ(r.occasions.size(), 1u) << born;
    EXPECT_EQ(r.occasions[0].text, ordinal + " birthday");
  }
}

TEST(Occasions, SortedByDateThenId) {
  const Network n = make_network({{{.id = "bob", .birthday = "--11-27"},
                                   {.id = "ada", .birthday = "--11-27"},
                                   {.id = "cat", .birthday = "--11-26"}}});
  const DueReport r = compute_due(n, d("2026-11-25"), options());
  ASSERT_EQ(r.occasions.size(), 3u);
  EXPECT_EQ(r.occasions[0].contact->id, "cat");
  EXPECT_EQ(r.occasions[1].contact->id, "ada");
  EXPECT_EQ(r.occasions[2].contact->id, "bob");
}

// "id kind date text" for each occasion, in order.
std::vector<std::string> occasion_summary(const DueReport& r) {
  std::vector<std::string> out;
  for (const auto& o : r.occasions) {
    out.push_back(o.contact->id + " " + std::string(to_string(o.kind)) + " " + format_date(o.date) +
                  " " + o.text);
  }
  return out;
}

struct JobChangeCase {
  const char* label;
  World world;
  std::string today;
  std::vector<std::string> expected;  // as occasion_summary() prints it
};

class JobChangeTest : public ::testing::TestWithParam<JobChangeCase> {};

TEST_P(JobChangeTest, IsAnOccasionUntilANoNeedInteraction) {
  const JobChangeCase& c = GetParam();
  const Network n = make_network(c.world);
  const DueReport r = compute_due(n, d(c.today), options());
  EXPECT_EQ(occasion_summary(r), c.expected);
  // The store's way (through the read cache) gives the same report.
  EXPECT_EQ(report_via_store(n, d(c.today), options()), to_json_text(r));
}

const std::string kMoved = "job-change 2026-11-02 changed jobs: Acme → Globex (CTO)";

INSTANTIATE_TEST_SUITE_P(
    Cases, JobChangeTest,
    ::testing::Values(
        JobChangeCase{"NeverReachedOut",
                      {.contacts = {{.id = "a", .moved = "2026-11-02"}}},
                      "2026-11-25",
                      {"a " + kMoved}},
        JobChangeCase{"NoNeedBeforeTheChange",
                      {.contacts = {{.id = "a", .moved = "2026-11-02"}},
                       .interactions = {{.date = "2026-10-20", .contacts = {"a"}, .intent = give}}},
                      "2026-11-25",
                      {"a " + kMoved}},
        JobChangeCase{"CatchUpAfterTheChange",
                      {.contacts = {{.id = "a", .moved = "2026-11-02"}},
                       .interactions = {{.date = "2026-11-03", .contacts = {"a"}}}},
                      "2026-11-25",
                      {}},
        JobChangeCase{"GiveOnTheDayOfTheChange",
                      {.contacts = {{.id = "a", .moved = "2026-11-02"}},
                       .interactions = {{.date = "2026-11-02", .contacts = {"a"}, .intent = give}}},
                      "2026-11-25",
                      {}},
        JobChangeCase{"AnAskAfterTheChangeDoesNotAnswerIt",
                      {.contacts = {{.id = "a", .moved = "2026-11-02"}},
                       .interactions = {{.date = "2026-11-03", .contacts = {"a"}, .intent = ask}}},
                      "2026-11-25",
                      {"a " + kMoved}},
        JobChangeCase{"ACatchUpLoggedForLaterDoesNotCountYet",
                      {.contacts = {{.id = "a", .moved = "2026-11-02"}},
                       .interactions = {{.date = "2026-11-30", .contacts = {"a"}}}},
                      "2026-11-25",
                      {"a " + kMoved}},
        JobChangeCase{"FadesAfter90Days",
                      {.contacts = {{.id = "a", .moved = "2026-08-26"}}},
                      "2026-11-25",
                      {}},
        JobChangeCase{"ArchivedHaveNone",
                      {.contacts = {{.id = "a", .archived = true, .moved = "2026-11-02"}}},
                      "2026-11-25",
                      {}},
        JobChangeCase{"SnoozedHaveNone",
                      {.contacts = {{.id = "a", .snoozed = "2026-12-01", .moved = "2026-11-02"}}},
                      "2026-11-25",
                      {}},
        JobChangeCase{"CadenceOffStillHasThem",
                      {.contacts = {{.id = "a", .every = "off", .moved = "2026-11-02"}}},
                      "2026-11-25",
                      {"a " + kMoved}},
        JobChangeCase{"BeforeBirthdaysByDate",
                      {.contacts = {{.id = "a", .birthday = "--11-26"},
                                    {.id = "b", .birthday = "--11-25", .moved = "2026-11-25"}}},
                      "2026-11-25",
                      {"b job-change 2026-11-25 changed jobs: Acme → Globex (CTO)",
                       "b birthday 2026-11-25 birthday", "a birthday 2026-11-26 birthday"}}),
    [](const ::testing::TestParamInfo<JobChangeCase>& p) { return std::string(p.param.label); });

TEST(Occasions, TagsFilterJobChangesToo) {
  const Network n = make_network({{{.id = "a", .tags = {"climate"}, .moved = "2026-11-02"},
                                   {.id = "b", .moved = "2026-11-02"}}});
  const DueReport r = compute_due(n, d("2026-11-25"), options("", {"climate"}));
  ASSERT_EQ(r.occasions.size(), 1u);
  EXPECT_EQ(r.occasions[0].contact->id, "a");
}

TEST(Occasions, ADueContactWithAnOccasionGoesFirstAmongTheEquallyLate) {
  // Both met on the same day with the same cadence: exactly as late.
  World w{.contacts = {{.id = "a", .met = "2026-06-01"},
                       {.id = "b", .met = "2026-06-01", .moved = "2026-11-02"},
                       {.id = "c", .met = "2026-06-01", .birthday = "--11-28"},
                       {.id = "z", .met = "2026-05-01"}}};
  const Network n = make_network(w);
  const DueReport r = compute_due(n, d("2026-11-25"), options());
  std::vector<std::string> order;
  for (const auto& e : r.due) order.push_back(e.contact->id);
  // z is later relative to its cadence; among a, b, c the two with an
  // occasion come first (then by due_on and id, as before).
  EXPECT_EQ(order, (std::vector<std::string>{"z", "b", "c", "a"}));
  ASSERT_TRUE(r.due[1].occasion.has_value());
  EXPECT_EQ(r.due[1].occasion->kind, Occasion::Kind::job_change);
  ASSERT_TRUE(r.due[2].occasion.has_value());
  EXPECT_EQ(r.due[2].occasion->kind, Occasion::Kind::birthday);
  EXPECT_FALSE(r.due[3].occasion.has_value());
  const Json j = to_json(r);
  EXPECT_EQ(j["due"][1]["occasion"]["kind"], "job-change");
  EXPECT_EQ(j["due"][1]["occasion"]["date"], "2026-11-02");
  EXPECT_FALSE(j["due"][1]["occasion"].contains("id"));
  EXPECT_TRUE(j["due"][3]["occasion"].is_null());
}

TEST(Occasions, JsonOfAJobChangeSaysFromAndTo) {
  const Network n = make_network({{{.id = "a", .moved = "2026-11-02"}}});
  const Json j = to_json(compute_due(n, d("2026-11-25"), options()));
  ASSERT_EQ(j["occasions"].size(), 1u);
  EXPECT_EQ(j["occasions"][0]["kind"], "job-change");
  EXPECT_EQ(j["occasions"][0]["from"], Json({{"company", "Acme"}, {"role", "Engineer"}}));
  EXPECT_EQ(j["occasions"][0]["to"], Json({{"company", "Globex"}, {"role", "CTO"}}));
}

TEST(NothingToDo, AJobChangeAloneIsSomethingToDo) {
  // Reached this month with a give before the change; cadence off: only
  // the job change is left.
  const Network n = make_network({{{.id = "a", .every = "off", .moved = "2026-11-20"}},
                                  {{.date = "2026-11-10", .contacts = {"a"}, .intent = give}}});
  const DueReport r = compute_due(n, d("2026-11-25"), options());
  EXPECT_TRUE(r.due.empty());
  EXPECT_TRUE(r.homework.done());
  EXPECT_EQ(r.occasions.size(), 1u);
  EXPECT_FALSE(r.nothing_to_do());
  // A catch-up after the change: nothing left.
  const Network answered =
      make_network({{{.id = "a", .every = "off", .moved = "2026-11-20"}},
                    {{.date = "2026-11-21", .contacts = {"a"}, .intent = give}}});
  EXPECT_TRUE(compute_due(answered, d("2026-11-25"), options()).nothing_to_do());
}

// ---------------------------------------------------------- nothing to do

TEST(NothingToDo, OnlyWhenNobodyIsDueNoFollowUpNoOccasionAndHomeworkDone) {
  // ada reached this month, so homework is done and nobody is due.
  World quiet{{{.id = "ada"}}, {{.date = "2026-11-02", .contacts = {"ada"}}}};
  EXPECT_TRUE(compute_due(make_network(quiet), d("2026-11-25"), options()).nothing_to_do());

  World due = quiet;
  due.contacts.push_back({.id = "bob", .added = "2026-01-01"});
  due.interactions.push_back({.date = "2026-11-01", .contacts = {"bob"}, .intent = ask});
  EXPECT_FALSE(compute_due(make_network(due), d("2026-11-25"), options()).nothing_to_do());

  World follow_up = quiet;
  follow_up.interactions.push_back({.date = "2026-11-02",
                                    .contacts = {"ada"},
                                    .id = "f",
                                    .follow_up = true,
                                    .by = "2026-11-20"});
  EXPECT_FALSE(compute_due(make_network(follow_up), d("2026-11-25"), options()).nothing_to_do());

  World birthday = quiet;
  birthday.contacts[0].birthday = "--11-28";
  EXPECT_FALSE(compute_due(make_network(birthday), d("2026-11-25"), options()).nothing_to_do());

  World homework{{{.id = "ada"}}, {{.date = "2026-10-30", .contacts = {"ada"}}}};
  EXPECT_FALSE(compute_due(make_network(homework), d("2026-11-25"), options()).nothing_to_do());

  EXPECT_TRUE(
      compute_due(make_network({{}, {}, "3m", 0}), d("2026-11-25"), options()).nothing_to_do());
}

// ---------------------------------------------------------------------- JSON

TEST(DueJson, HasTheDocumentedKeys) {
  const Network n = make_network(
      {{{.id = "ada", .every = "1m", .birthday = "--11-27"}, {.id = "bob", .added = "2026-11-01"}},
       {{.date = "2026-10-01",
         .contacts = {"ada"},
         .intent = give,
         .id = "g1",
         .follow_up = true,
         .by = "2026-10-08"}}});
  const Json j = to_json(compute_due(n, d("2026-11-25"), options()));
  EXPECT_EQ(j["today"], "2026-11-25");
  ASSERT_EQ(j["due"].size(), 1u);
  const Json& e = j["due"][0];
  EXPECT_EQ(e["id"], "ada");
  EXPECT_EQ(e["name"], "Name of ada");
  EXPECT_EQ(e["every"], "1m");
  EXPECT_EQ(e["since"], "2026-10-01");
  EXPECT_EQ(e["last_no_need"], "2026-10-01");
  EXPECT_EQ(e["due_on"], "2026-11-01");
  EXPECT_EQ(e["days_overdue"], 24);
  EXPECT_EQ(j["due_total"], 1);
  ASSERT_EQ(j["follow_ups"].size(), 1u);
  EXPECT_EQ(j["follow_ups"][0]["id"], "g1");
  EXPECT_EQ(j["follow_ups"][0]["contacts"], Json::array({"ada"}));
  EXPECT_EQ(j["follow_ups"][0]["text"], "follow up g1");
  EXPECT_EQ(j["follow_ups"][0]["by"], "2026-10-08");
  EXPECT_EQ(j["homework"]["month"], "2026-11");
  EXPECT_EQ(j["homework"]["goal"], 1);
  EXPECT_EQ(j["homework"]["reached"], 0);
  EXPECT_EQ(j["homework"]["done"], false);
  EXPECT_EQ(j["homework"]["suggestions"], Json::array({"bob"}));
  ASSERT_EQ(j["occasions"].size(), 1u);
  EXPECT_EQ(j["occasions"][0]["id"], "ada");
  EXPECT_EQ(j["occasions"][0]["name"], "Name of ada");
  EXPECT_EQ(j["occasions"][0]["kind"], "birthday");
  EXPECT_EQ(j["occasions"][0]["date"], "2026-11-27");
  EXPECT_EQ(j["occasions"][0]["text"], "birthday");
}

TEST(DueJson, LastNoNeedIsNullWhenThereWasNone) {
  const Network n = make_network({{{.id = "ada"}}});
  const Json j = to_json(compute_due(n, d("2026-11-25"), options()));
  ASSERT_EQ(j["due"].size(), 1u);
  EXPECT_TRUE(j["due"][0]["last_no_need"].is_null());
  EXPECT_EQ(j["due"][0]["since"], "2026-01-01");
}

TEST(WeakTies, AnImportedContactNeverReachedIsSuggestedNotDue) {
  const Network n = make_network(
      {{{.id = "warm", .added = "2025-01-01"},
        {.id = "weak", .added = "2020-01-01", .met = "2019-05-01", .imported = "linkedin"}},
       {},
       "3m",
       1});
  const DueReport r = compute_due(n, d("2026-11-25"), {});
  EXPECT_EQ(ids(r.due), std::vector<std::string>{"warm"});
  EXPECT_EQ(ids(r.homework.suggestions), (std::vector<std::string>{"warm", "weak"}));
}

TEST(WeakTies, AreNeverNextEither) {
  const Network n =
      make_network({{{.id = "weak", .added = "2026-11-20", .imported = "vcard"}}, {}, "3m", 1});
  const DueReport r = compute_due(n, d("2026-11-25"), {});
  EXPECT_TRUE(r.due.empty());
  EXPECT_FALSE(r.next.has_value());
}

TEST(WeakTies, AnyInteractionEvenAnAskMakesThemAnOrdinaryContact) {
  const Network n = make_network({{{.id = "weak", .added = "2020-01-01", .imported = "linkedin"}},
                                  {{.date = "2026-01-10", .contacts = {"weak"}, .intent = ask}},
                                  "3m",
                                  1});
  const DueReport r = compute_due(n, d("2026-11-25"), {});
  EXPECT_EQ(ids(r.due), std::vector<std::string>{"weak"});
  EXPECT_TRUE(r.homework.suggestions.empty());
}

TEST(WeakTies, ACadenceOfTheirOwnPutsThemOnTheDueList) {
  const Network n =
      make_network({{{.id = "weak", .added = "2026-01-01", .every = "1m", .imported = "linkedin"}},
                    {},
                    "3m",
                    1});
  const DueReport r = compute_due(n, d("2026-11-25"), {});
  EXPECT_EQ(ids(r.due), std::vector<std::string>{"weak"});
}

TEST(WeakTies, ContactsImportedBeforeTheKeyExistedAreKnownByTheirLinkedinTagOrVcardUid) {
  Contact tagged;
  tagged.tags = {"LinkedIn"};
  Contact carded;
  carded.extra["vcard_uid"] = "urn:uuid:1";
  Contact by_hand;
  by_hand.tags = {"friends"};
  EXPECT_TRUE(came_by_import(tagged));
  EXPECT_TRUE(came_by_import(carded));
  EXPECT_FALSE(came_by_import(by_hand));
}

TEST(Suggestions, AJobChangeLeadsThenWhatYouShareThenTheMostRecent) {
  Network n = make_network(
      {{{.id = "new", .added = "2026-11-01", .imported = "linkedin"},
        {.id = "shared",
         .added = "2024-01-01",
         .imported = "linkedin",
         .interests = {"Climate Tech"}},
        {.id = "moved", .added = "2023-01-01", .moved = "2026-11-20", .imported = "linkedin"},
        {.id = "old", .added = "2022-01-01", .imported = "linkedin"}},
       {},
       "3m",
       1});
  n.profile.interests = {"climate tech"};
  const DueReport r = compute_due(n, d("2026-11-25"), {});
  EXPECT_EQ(ids(r.homework.suggestions), (std::vector<std::string>{"moved", "shared", "new"}));
  ASSERT_EQ(r.homework.suggestion_reasons.size(), 3u);
  EXPECT_NE(r.homework.suggestion_reasons[0].find("Globex"), std::string::npos)
      << r.homework.suggestion_reasons[0];
  EXPECT_EQ(r.homework.suggestion_reasons[1], "shares your interest in Climate Tech");
  EXPECT_EQ(r.homework.suggestion_reasons[2], "added 2026-11-01");
}

TEST(Suggestions, SaySkillsEitherWayAndTheConnectionDate) {
  Network n = make_network({{{.id = "a", .added = "2026-01-01", .interests = {"rust"}},
                             {.id = "b", .added = "2026-01-02", .skills = {"design"}},
                             {.id = "c", .added = "2026-01-03", .met = "2024-03-12"}},
                            {},
                            "3m",
                            1});
  n.profile.skills = {"Rust"};
  n.profile.interests = {"design"};
  const DueReport r = compute_due(n, d("2026-11-25"), {});
  EXPECT_EQ(ids(r.homework.suggestions), (std::vector<std::string>{"b", "a", "c"}));
  EXPECT_EQ(r.homework.suggestion_reasons,
            (std::vector<std::string>{"knows design, which you care about",
                                      "cares about rust, which you know", "met 2024-03-12"}));
}

TEST(Suggestions, JsonHasAReasonForEachSuggestion) {
  const Network n =
      make_network({{{.id = "weak", .added = "2026-02-03", .imported = "linkedin"}}, {}, "3m", 1});
  const Json j = Json::parse(to_json_text(compute_due(n, d("2026-11-25"), {})));
  EXPECT_EQ(j["homework"]["suggestions"], Json::array({"weak"}));
  EXPECT_EQ(j["homework"]["suggestion_reasons"], Json::array({"added 2026-02-03"}));
}

// Whether cron speaks on each day of December 2026 when only the homework is
// left undone: the 1st, Mondays (7, 14, 21, 28) and the last three days.
TEST(CronSpeaks, UnfinishedHomeworkAloneOnTheFirstMondaysAndTheLastThreeDays) {
  const Network n =
      make_network({{{.id = "weak", .added = "2026-01-01", .imported = "linkedin"}}, {}, "3m", 1});
  std::vector<int> spoke;
  for (int day = 1; day <= 31; ++day) {
    const Date today = Date{date::year{2026} / 12 / day};
    const DueReport r = compute_due(n, today, {});
    ASSERT_TRUE(r.due.empty());
    if (cron_speaks(r)) spoke.push_back(day);
  }
  EXPECT_EQ(spoke, (std::vector<int>{1, 7, 14, 21, 28, 29, 30, 31}));
}

TEST(CronSpeaks, EveryDaySomeoneIsDueAndNeverWhenAllIsDone) {
  const Network due = make_network({{{.id = "warm", .added = "2025-01-01"}}, {}, "3m", 0});
  EXPECT_TRUE(cron_speaks(compute_due(due, d("2026-12-09"), {})));
  const Network quiet = make_network({{{.id = "warm", .added = "2026-12-01"}}, {}, "3m", 0});
  for (int day = 1; day <= 31; ++day) {
    EXPECT_FALSE(cron_speaks(compute_due(quiet, Date{date::year{2026} / 12 / day}, {}))) << day;
  }
}

}  // namespace
}  // namespace kith::due_test

#pragma GCC diagnostic pop
