#include "core/ics.h"

#include <ostream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "support/labels.h"

namespace kith::ics::ics_test {
namespace {

using ::kith::test::operator<<;

const Date kToday = *parse_iso_date("2026-11-25");

Date d(const char* iso) { return *parse_iso_date(iso); }

Contact contact(std::string id, const char* added_on) {
  Contact c;
  c.id = id;
  c.name = "Name of " + id;
  c.added_on = d(added_on);
  return c;
}

Interaction interaction(std::string id, const char* date, std::vector<std::string> contacts,
                        Intent intent = Intent::catch_up) {
  Interaction i;
  i.id = std::move(id);
  i.date = d(date);
  i.contacts = std::move(contacts);
  i.intent = intent;
  i.logged_at = std::string(date) + "T10:00:00Z";
  return i;
}

const Event* find(const std::vector<Event>& events, const std::string& uid) {
  for (const auto& e : events) {
    if (e.uid == uid) return &e;
  }
  return nullptr;
}

struct DueCase {
  const char* label;
  Contact contact;
  std::vector<Interaction> interactions;
  std::optional<std::string> date;  // nullopt: no event
};

Contact with_every(Contact c, const char* every) {
  c.every = *parse_duration(every, AllowOff::yes);
  return c;
}

class OutreachEventTest : public testing::TestWithParam<DueCase> {};

TEST_P(OutreachEventTest, PutsEachContactOnItsDueDate) {
  Network n;
  n.contacts.push_back(GetParam().contact);
  n.interactions = GetParam().interactions;
  auto events = outreach_events(n, kToday);
  const Event* e = find(events, "due-" + GetParam().contact.id + "@kith");
  if (!GetParam().date) {
    EXPECT_EQ(e, nullptr);
  } else {
    ASSERT_NE(e, nullptr);
    EXPECT_EQ(format_date(e->date), *GetParam().date);
  }
}

Contact met(Contact c, const char* on) {
  c.met_on = d(on);
  return c;
}
Contact snoozed(Contact c, const char* until) {
  c.snoozed_until = d(until);
  return c;
}
Contact archived(Contact c) {
  c.archived = true;
  return c;
}

INSTANTIATE_TEST_SUITE_P(
    Table, OutreachEventTest,
    testing::Values(
        DueCase{"added_on_plus_default_3m", contact("a", "2026-10-01"), {}, "2027-01-01"},
        DueCase{"met_on_before_added_on",
                met(contact("a", "2026-10-01"), "2026-09-10"),
                {},
                "2026-12-10"},
        DueCase{"last_no_need_interaction",
                contact("a", "2026-01-01"),
                {interaction("i1", "2026-10-20", {"a"})},
                "2027-01-20"},
        DueCase{"an_ask_does_not_reset_the_clock",
                contact("a", "2026-10-01"),
                {interaction("i1", "2026-11-01", {"a"}, Intent::ask)},
                "2027-01-01"},
        DueCase{"own_cadence", with_every(contact("a", "2026-11-01"), "2w"), {}, "2026-11-25"},
        DueCase{"overdue_shows_today", contact("a", "2025-01-01"), {}, "2026-11-25"},
        DueCase{"snoozed_past_due",
                snoozed(contact("a", "2025-01-01"), "2026-12-24"),
                {},
                "2026-12-24"},
        DueCase{
            "off_has_no_event", with_every(contact("a", "2025-01-01"), "off"), {}, std::nullopt},
        DueCase{"archived_has_no_event", archived(contact("a", "2025-01-01")), {}, std::nullopt}),
    [](const auto& c) { return std::string(c.param.label); });

TEST(OutreachEvents, TheSettingCadenceApplies) {
  Network n;
  n.settings.every = *parse_duration("1m", AllowOff::no);
  n.contacts.push_back(contact("a", "2026-11-01"));
  auto events = outreach_events(n, kToday);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(format_date(events[0].date), "2026-12-01");
}

TEST(OutreachEvents, OpenFollowUpsWithADateBecomeEvents) {
  Network n;
  n.contacts.push_back(with_every(contact("a", "2026-11-01"), "off"));
  auto open = interaction("open", "2026-11-20", {"a", "ghost"});
  open.follow_up = FollowUp{"send the deck", d("2026-12-01"), std::nullopt, Json::object()};
  auto late = interaction("late", "2026-11-01", {"a"});
  late.follow_up = FollowUp{"call back", d("2026-11-10"), std::nullopt, Json::object()};
  auto done = interaction("done", "2026-11-01", {"a"});
  done.follow_up = FollowUp{"x", d("2026-11-30"), d("2026-11-20"), Json::object()};
  auto undated = interaction("undated", "2026-11-01", {"a"});
  undated.follow_up = FollowUp{"someday", std::nullopt, std::nullopt, Json::object()};
  n.interactions = {late, done, undated, open};
  auto events = outreach_events(n, kToday);
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].uid, "follow-up-late@kith");
  EXPECT_EQ(format_date(events[0].date), "2026-11-25");
  EXPECT_EQ(events[1].uid, "follow-up-open@kith");
  EXPECT_EQ(events[1].summary, "Follow up with Name of a, ghost: send the deck");
  EXPECT_NE(events[1].description.find("kith done open"), std::string::npos);
}

TEST(OutreachEvents, UidsDependOnlyOnTheContactSoALaterExportUpdatesTheEvent) {
  Network n;
  n.contacts.push_back(contact("a", "2026-10-01"));
  auto before = outreach_events(n, kToday);
  n.interactions.push_back(interaction("i", "2026-11-25", {"a"}, Intent::give));
  auto after = outreach_events(n, kToday);
  ASSERT_EQ(before.size(), 1u);
  ASSERT_EQ(after.size(), 1u);
  EXPECT_EQ(before[0].uid, after[0].uid);
  EXPECT_NE(before[0].date, after[0].date);
}

// ---------------------------------------------------------------- birthdays

Contact born(std::string id, const char* birthday) {
  Contact c = contact(std::move(id), "2026-01-01");
  c.every = *parse_duration("off", AllowOff::yes);  // only the birthday event
  c.birthday = *parse_birthday(birthday);
  return c;
}

struct BirthdayCase {
  const char* label;
  Contact contact;
  std::optional<std::string> start;  // nullopt: no birthday event
  std::string rrule;
};

class BirthdayEventTest : public testing::TestWithParam<BirthdayCase> {};

TEST_P(BirthdayEventTest, RecursYearlyFromTheFirstBirthday) {
  const BirthdayCase& c = GetParam();
  Network n;
  n.contacts.push_back(c.contact);
  const auto events = outreach_events(n, kToday);
  const Event* e = find(events, "birthday-" + c.contact.id + "@kith");
  if (!c.start) {
    EXPECT_EQ(e, nullptr);
    return;
  }
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(format_date(e->date), *c.start);
  EXPECT_EQ(e->rrule, c.rrule);
  EXPECT_EQ(e->summary, "Birthday: Name of " + c.contact.id);
  EXPECT_NE(e->description.find("kith pitch " + c.contact.id), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, BirthdayEventTest,
    testing::Values(
        BirthdayCase{"KnownYearStartsOnTheDayOfBirth", born("a", "1988-11-27"), "1988-11-27",
                     "FREQ=YEARLY"},
        BirthdayCase{"NoYearStartsIn2000", born("a", "--07-14"), "2000-07-14", "FREQ=YEARLY"},
        BirthdayCase{"LeapDayRecursOnTheLastDayOfFebruary", born("a", "1996-02-29"), "1996-02-29",
                     "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1"},
        BirthdayCase{"LeapDayWithoutYear", born("a", "--02-29"), "2000-02-29",
                     "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1"},
        BirthdayCase{"February28IsAnOrdinaryDay", born("a", "--02-28"), "2000-02-28",
                     "FREQ=YEARLY"},
        BirthdayCase{"ArchivedHaveNone", archived(born("a", "--07-14")), std::nullopt, ""},
        BirthdayCase{"SnoozedStillHaveTheirBirthday", snoozed(born("a", "--07-14"), "2027-06-01"),
                     "2000-07-14", "FREQ=YEARLY"}),
    [](const testing::TestParamInfo<BirthdayCase>& p) { return std::string(p.param.label); });

TEST(OutreachEvents, NoBirthdayNoBirthdayEventAndOthersAreOnce) {
  Network n;
  n.contacts.push_back(contact("a", "2026-10-01"));
  for (const auto& e : outreach_events(n, kToday)) EXPECT_TRUE(e.rrule.empty()) << e.uid;
  EXPECT_EQ(find(outreach_events(n, kToday), "birthday-a@kith"), nullptr);
}

TEST(WriteCalendar, ARecurringEventHasItsRrule) {
  Network n;
  n.contacts.push_back(born("a", "--02-29"));
  const std::string text = write_calendar(outreach_events(n, kToday), kToday);
  EXPECT_NE(
      text.find("DTSTART;VALUE=DATE:20000229\r\nDTEND;VALUE=DATE:20000301\r\n"
                "RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1\r\nSUMMARY:Birthday: Name of a\r\n"),
      std::string::npos)
      << text;
}

TEST(WriteCalendar, WritesAValidAllDayEventWithCrLfAndEscapes) {
  Event e{"due-a@kith", d("2026-12-31"), "Reach out to Ada, Countess; of Lovelace",
          "Line one\nline two", ""};
  const std::string text = write_calendar({e}, kToday);
  EXPECT_TRUE(text.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:"));
  EXPECT_TRUE(text.ends_with("END:VCALENDAR\r\n"));
  for (const char* line : {"BEGIN:VEVENT\r\n", "UID:due-a@kith\r\n", "DTSTAMP:20261125T000000Z\r\n",
                           "DTSTART;VALUE=DATE:20261231\r\n", "DTEND;VALUE=DATE:20270101\r\n",
                           "SUMMARY:Reach out to Ada\\, Countess\\; of Lovelace\r\n",
                           "DESCRIPTION:Line one\\nline two\r\n", "END:VEVENT\r\n"}) {
    EXPECT_NE(text.find(line), std::string::npos) << line;
  }
}

TEST(WriteCalendar, SameDataSameDaySameBytes) {
  Network n;
  n.contacts.push_back(contact("a", "2026-10-01"));
  EXPECT_EQ(write_calendar(outreach_events(n, kToday), kToday),
            write_calendar(outreach_events(n, kToday), kToday));
}

TEST(WriteCalendar, AnEmptyCalendarIsStillACalendar) {
  const std::string text = write_calendar({}, kToday);
  EXPECT_EQ(text.find("BEGIN:VEVENT"), std::string::npos);
  EXPECT_TRUE(text.ends_with("END:VCALENDAR\r\n"));
}

}  // namespace
}  // namespace kith::ics::ics_test
