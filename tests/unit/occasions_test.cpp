#include "core/occasions.h"

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "support/labels.h"

// The job change fixtures leave the unknown keys (`extra`) at their default.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

namespace kith::occasions_test {
namespace {

using ::kith::test::operator<<;

Date d(const char* iso) { return *parse_iso_date(iso); }

std::optional<Date> opt(const char* iso) {
  if (iso == nullptr) return std::nullopt;
  return d(iso);
}

Job job(std::optional<std::string> company, std::optional<std::string> role) {
  return Job{std::move(company), std::move(role)};
}

// Acme -> Globex on `on`.
JobChange moved(const char* on) {
  return {d(on), job("Acme", "Engineer"), job("Globex", "CTO"), Json::object()};
}

Contact with_changes(std::vector<JobChange> changes) {
  Contact c;
  c.id = "ada";
  c.name = "Ada Lovelace";
  c.added_on = d("2026-01-01");
  c.job_changes = std::move(changes);
  return c;
}

// ---------------------------------------------------------------- job change

struct JobChangeCase {
  const char* label;
  std::vector<JobChange> changes;
  const char* last_no_need;  // nullptr: none
  const char* today;
  const char* expected;  // the occasion's date, or nullptr for none
};

class JobChangeOccasionTest : public testing::TestWithParam<JobChangeCase> {};

TEST_P(JobChangeOccasionTest, IsFreshUntilAnsweredOr90DaysOld) {
  const JobChangeCase& c = GetParam();
  const Contact contact = with_changes(c.changes);
  const auto o = job_change_occasion(contact, opt(c.last_no_need), d(c.today));
  if (c.expected == nullptr) {
    EXPECT_FALSE(o.has_value()) << format_date(o->date);
    return;
  }
  ASSERT_TRUE(o.has_value());
  EXPECT_EQ(o->kind, Occasion::Kind::job_change);
  EXPECT_EQ(format_date(o->date), c.expected);
  EXPECT_EQ(o->contact, &contact);
  ASSERT_NE(o->job_change, nullptr);
  EXPECT_EQ(o->job_change->on, o->date);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, JobChangeOccasionTest,
    testing::Values(
        JobChangeCase{"NoChangeNoOccasion", {}, nullptr, "2026-11-25", nullptr},
        JobChangeCase{"ALegalSuffixAddedIsNoChange",
                      {{d("2026-11-02"), job("Acme", "Engineer"), job("Acme Inc.", "engineer")}},
                      nullptr,
                      "2026-11-25",
                      nullptr},
        JobChangeCase{
            "NeverReachedOut", {moved("2026-11-02")}, nullptr, "2026-11-25", "2026-11-02"},
        JobChangeCase{"SeenToday", {moved("2026-11-25")}, nullptr, "2026-11-25", "2026-11-25"},
        JobChangeCase{"ChangeAfterTheLastNoNeed",
                      {moved("2026-11-02")},
                      "2026-10-01",
                      "2026-11-25",
                      "2026-11-02"},
        JobChangeCase{"ANoNeedAfterTheChangeAnswersIt",
                      {moved("2026-11-02")},
                      "2026-11-10",
                      "2026-11-25",
                      nullptr},
        JobChangeCase{"ANoNeedOnTheSameDayAnswersIt",
                      {moved("2026-11-02")},
                      "2026-11-02",
                      "2026-11-25",
                      nullptr},
        JobChangeCase{"Exactly90DaysOldIsStillFresh",
                      {moved("2026-08-27")},
                      nullptr,
                      "2026-11-25",
                      "2026-08-27"},
        JobChangeCase{"91DaysOldHasFaded", {moved("2026-08-26")}, nullptr, "2026-11-25", nullptr},
        JobChangeCase{
            "SeenAfterTodayIsNotYet", {moved("2026-11-26")}, nullptr, "2026-11-25", nullptr},
        JobChangeCase{"TheLatestFreshChangeWins",
                      {moved("2026-10-01"), moved("2026-11-02")},
                      nullptr,
                      "2026-11-25",
                      "2026-11-02"},
        JobChangeCase{"AnOlderChangeStaysWhenTheNewerIsNotYetSeen",
                      {moved("2026-10-01"), moved("2026-12-01")},
                      nullptr,
                      "2026-11-25",
                      "2026-10-01"},
        JobChangeCase{"AnsweredOlderChangeUnansweredNewerOne",
                      {moved("2026-10-01"), moved("2026-11-20")},
                      "2026-10-15",
                      "2026-11-25",
                      "2026-11-20"}),
    [](const testing::TestParamInfo<JobChangeCase>& p) { return std::string(p.param.label); });

struct DescribeCase {
  const char* label;
  JobChange change;
  const char* text;     // Occasion::text
  const char* opening;  // opening_line
};

class DescribeJobChangeTest : public testing::TestWithParam<DescribeCase> {};

TEST_P(DescribeJobChangeTest, SaysWhatChanged) {
  const DescribeCase& c = GetParam();
  const Contact contact = with_changes({c.change});
  const auto o = job_change_occasion(contact, std::nullopt, d("2026-11-25"));
  ASSERT_TRUE(o.has_value());
  EXPECT_EQ(o->text, c.text);
  EXPECT_EQ(opening_line(*o, d("2026-11-25")), c.opening);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, DescribeJobChangeTest,
    testing::Values(
        DescribeCase{"NewCompanyAndRole",
                     {d("2026-11-02"), job("Acme", "Engineer"), job("Globex", "CTO")},
                     "changed jobs: Acme → Globex (CTO)",
                     "Congratulations on the new role at Globex!"},
        DescribeCase{"NewCompanyNoRole",
                     {d("2026-11-02"), job("Acme", std::nullopt), job("Globex", std::nullopt)},
                     "changed jobs: Acme → Globex",
                     "Congratulations on the new role at Globex!"},
        DescribeCase{"CompanyWhereOnlyARoleWasKnown",
                     {d("2026-11-02"), job(std::nullopt, "Engineer"), job("Globex", "Engineer")},
                     "changed jobs: Engineer → Globex (Engineer)",
                     "Congratulations on the new role at Globex!"},
        DescribeCase{"PromotedAtTheSameCompany",
                     {d("2026-11-02"), job("Acme", "Engineer"), job("Acme", "CTO")},
                     "changed roles: Engineer → CTO at Acme",
                     "Congratulations on the new role as CTO!"},
        DescribeCase{"CompanySpelledDifferentlyIsTheSameCompany",
                     {d("2026-11-02"), job("acme", "Engineer"), job("Acme", "CTO")},
                     "changed roles: Engineer → CTO at Acme",
                     "Congratulations on the new role as CTO!"},
        DescribeCase{"ALegalSuffixIsTheSameCompany",
                     {d("2026-11-02"), job("Acme", "Engineer"), job("ACME, Inc.", "CTO")},
                     "changed roles: Engineer → CTO at ACME, Inc.",
                     "Congratulations on the new role as CTO!"},
        DescribeCase{"NewRoleCompanyUnknown",
                     {d("2026-11-02"), job(std::nullopt, "Engineer"), job(std::nullopt, "CTO")},
                     "changed roles: Engineer → CTO",
                     "Congratulations on the new role as CTO!"}),
    [](const testing::TestParamInfo<DescribeCase>& p) { return std::string(p.param.label); });

TEST(DescribeJob, JoinsRoleAndCompany) {
  EXPECT_EQ(describe(job("Globex", "CTO")), "CTO at Globex");
  EXPECT_EQ(describe(job("Globex", std::nullopt)), "Globex");
  EXPECT_EQ(describe(job(std::nullopt, "CTO")), "CTO");
  EXPECT_EQ(describe(job(std::nullopt, std::nullopt)), "");
}

TEST(OccasionKind, NamesAsInJson) {
  EXPECT_EQ(to_string(Occasion::Kind::birthday), "birthday");
  EXPECT_EQ(to_string(Occasion::Kind::job_change), "job-change");
}

// ------------------------------------------------------------------ birthday

struct BirthdayCase {
  const char* label;
  const char* birthday;
  const char* today;
  int days;              // the window: until = today + days
  const char* expected;  // "date text", or nullptr for none
  const char* opening;
};

class BirthdayOccasionTest : public testing::TestWithParam<BirthdayCase> {};

TEST_P(BirthdayOccasionTest, ComesWithinTheWindow) {
  const BirthdayCase& c = GetParam();
  Contact contact = with_changes({});
  contact.birthday = *parse_birthday(c.birthday);
  const Date today = d(c.today);
  const auto o = birthday_occasion(contact, today, today + date::days{c.days});
  if (c.expected == nullptr) {
    EXPECT_FALSE(o.has_value()) << format_date(o->date);
    return;
  }
  ASSERT_TRUE(o.has_value());
  EXPECT_EQ(format_date(o->date) + " " + o->text, c.expected);
  EXPECT_EQ(o->job_change, nullptr);
  EXPECT_EQ(opening_line(*o, today), c.opening);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, BirthdayOccasionTest,
    testing::Values(BirthdayCase{"Today", "--11-25", "2026-11-25", 7, "2026-11-25 birthday",
                                 "Happy birthday!"},
                    BirthdayCase{"Tomorrow", "1990-11-26", "2026-11-25", 7,
                                 "2026-11-26 36th birthday", "Happy birthday for tomorrow!"},
                    BirthdayCase{"ThisWeekByWeekday", "--11-27", "2026-11-25", 7,
                                 "2026-11-27 birthday", "Happy birthday for Friday!"},
                    BirthdayCase{"InSevenDaysByDate", "--12-02", "2026-11-25", 7,
                                 "2026-12-02 birthday", "Happy birthday for 2 December!"},
                    BirthdayCase{"InEightDaysIsTooFar", "--12-03", "2026-11-25", 7, nullptr, ""},
                    BirthdayCase{"AWiderWindow", "--12-03", "2026-11-25", 14, "2026-12-03 birthday",
                                 "Happy birthday for 3 December!"},
                    BirthdayCase{"AcrossTheNewYear", "--01-01", "2026-12-29", 7,
                                 "2027-01-01 birthday", "Happy birthday for Friday!"},
                    BirthdayCase{"LeapDayInACommonYear", "--02-29", "2027-02-26", 7,
                                 "2027-02-28 birthday", "Happy birthday for Sunday!"},
                    BirthdayCase{"LeapDayInALeapYear", "2000-02-29", "2028-02-26", 7,
                                 "2028-02-29 28th birthday", "Happy birthday for Tuesday!"},
                    BirthdayCase{"LeapDayNotOnMarch1", "--02-29", "2027-03-01", 7, nullptr, ""}),
    [](const testing::TestParamInfo<BirthdayCase>& p) { return std::string(p.param.label); });

// ------------------------------------------------------------- occasions_of

TEST(OccasionsOf, JobChangeThenBirthday) {
  Contact c = with_changes({moved("2026-11-25")});
  c.birthday = *parse_birthday("--11-25");
  const auto all = occasions_of(c, std::nullopt, d("2026-11-25"), d("2026-12-02"));
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].kind, Occasion::Kind::job_change);
  EXPECT_EQ(all[1].kind, Occasion::Kind::birthday);
  EXPECT_EQ(lead_occasion(all), &all[0]);
}

TEST(OccasionsOf, ArchivedOrSnoozedHaveNone) {
  Contact c = with_changes({moved("2026-11-20")});
  c.birthday = *parse_birthday("--11-26");
  const Date today = d("2026-11-25");
  EXPECT_EQ(occasions_of(c, std::nullopt, today, today + date::days{7}).size(), 2u);
  Contact gone = c;
  gone.archived = true;
  EXPECT_TRUE(occasions_of(gone, std::nullopt, today, today + date::days{7}).empty());
  Contact asleep = c;
  asleep.snoozed_until = d("2026-11-26");
  EXPECT_TRUE(occasions_of(asleep, std::nullopt, today, today + date::days{7}).empty());
  // A snooze that ends today is over.
  asleep.snoozed_until = today;
  EXPECT_EQ(occasions_of(asleep, std::nullopt, today, today + date::days{7}).size(), 2u);
}

TEST(LeadOccasion, TheBirthdayWhenThereIsNoJobChangeAndNothingWhenEmpty) {
  Contact c = with_changes({});
  c.birthday = *parse_birthday("--11-26");
  const auto only = occasions_of(c, std::nullopt, d("2026-11-25"), d("2026-12-02"));
  ASSERT_EQ(only.size(), 1u);
  EXPECT_EQ(lead_occasion(only), &only[0]);
  EXPECT_EQ(lead_occasion({}), nullptr);
}

}  // namespace
}  // namespace kith::occasions_test

#pragma GCC diagnostic pop
