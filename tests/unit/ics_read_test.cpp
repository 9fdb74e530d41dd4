// The iCalendar reader: calendars written by python3-icalendar in the shapes
// Google Calendar, Outlook and Apple Calendar export
// (tests/fixtures/make_calendars.py), and texts written here for what no tool
// writes: broken lines, missing ENDs, binary, pathological rules.
#include "core/ics_read.h"

#include <cstdio>
#include <ostream>
#include <string>
#include <vector>

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include "support/labels.h"
#include "support/testutil.h"

namespace kith::ics_read {
namespace {

using ::kith::test::operator<<;

using Strings = std::vector<std::string>;

// Today, as the calendars are read: 2026-03-01 12:00 UTC, from 2025-01-01.
Options ics_read_test_options(const std::string& zone = "Europe/Berlin") {
  Options o;
  o.since = Date{date::year{2025} / 1 / 1};
  o.now = date::sys_days{date::year{2026} / 3 / 1} + std::chrono::hours{12};
  o.zone = date::locate_zone(zone);
  o.own_addresses = {"noor@example.com"};
  return o;
}

std::string ics_read_test_day(Date d) { return date::format("%F", d); }

// Each event as "DATE [RECURRENCE-ID] KIND SUMMARY".
Strings ics_read_test_lines(const Scan& scan) {
  Strings out;
  for (const Event& e : scan.events) {
    out.push_back(ics_read_test_day(e.date) + " [" + e.recurrence_id + "] " + e.kind + " " +
                  e.summary);
  }
  return out;
}

// Each skip as "LINE: REASON".
Strings ics_read_test_skips(const Scan& scan) {
  Strings out;
  for (const Skip& s : scan.skipped) out.push_back(std::to_string(s.line) + ": " + s.reason);
  return out;
}

Strings ics_read_test_uids(const Scan& scan) {
  Strings out;
  for (const Event& e : scan.events) out.push_back(e.uid);
  return out;
}

// The calendars of make_calendars.py, written once for the suite.
class IcsReadCalendarTest : public testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new test::TempDir;
    python_ = new test::PythonRun(test::run_python(
        std::filesystem::path(KITH_SOURCE_DIR) / "tests/fixtures/make_calendars.py",
        {(dir_->path() / "calendars").string()}));
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
    delete python_;
    python_ = nullptr;
  }
  void SetUp() override { test::expect_python_ok(*python_, "python3-icalendar"); }

  static std::string text(const std::string& name) {
    return test::read_file(dir_->path() / "calendars" / name);
  }
  static Scan read_calendar(const std::string& name, const std::string& zone = "Europe/Berlin") {
    return read(text(name), ics_read_test_options(zone));
  }

  static inline test::TempDir* dir_ = nullptr;
  static inline test::PythonRun* python_ = nullptr;
};

TEST_F(IcsReadCalendarTest, PlainEventGivesItsDatePeopleAndOneLineSummary) {
  const Scan scan = read_calendar("plain.ics");
  EXPECT_EQ(ics_read_test_skips(scan), Strings{});
  ASSERT_EQ(scan.events.size(), 1u);
  const Event& e = scan.events[0];
  EXPECT_EQ(e.uid, "plain-1@example.com");
  EXPECT_EQ(e.recurrence_id, "");
  EXPECT_EQ(ics_read_test_day(e.date), "2025-03-10");
  EXPECT_EQ(e.summary, "Project sync, Q1 follow-up");
  EXPECT_EQ(e.kind, "meeting");
  // The organizer is the user (left out); Ana twice, once by MAILTO:; no urn:uuid.
  EXPECT_EQ(e.addresses, (Strings{"ana.lima@example.com", "bo@example.org"}));
  EXPECT_EQ(e.names, (Strings{"Lima, Ana", ""}));
}

TEST_F(IcsReadCalendarTest, EventAt2330InNewYorkIsOnTheNextDayInBerlin) {
  const Scan scan = read_calendar("google.ics");
  EXPECT_EQ(ics_read_test_skips(scan), Strings{});
  ASSERT_EQ(scan.events.size(), 1u);
  const Event& e = scan.events[0];
  EXPECT_EQ(e.uid, "7kukuqrfedlm2f9t0vb8e4lq9f@google.com");
  EXPECT_EQ(ics_read_test_day(e.date), "2025-03-13");  // 03:30 UTC, 04:30 in Berlin
  EXPECT_EQ(ics_read_test_day(read_calendar("google.ics", "America/New_York").events.at(0).date),
            "2025-03-12");
  EXPECT_EQ(ics_read_test_day(read_calendar("google.ics", "UTC").events.at(0).date), "2025-03-13");
}

TEST_F(IcsReadCalendarTest, GoogleEventIsVideoWithoutTheUserOrTheRoom) {
  const Event e = read_calendar("google.ics").events.at(0);
  EXPECT_EQ(e.summary, "Coffee chat with Ana");
  EXPECT_EQ(e.kind, "video");  // X-GOOGLE-CONFERENCE comes before the word "coffee"
  // Ana organizes and attends: once. The room (CUTYPE=RESOURCE) is no person.
  EXPECT_EQ(e.addresses, Strings{"ana.lima@example.com"});
  EXPECT_EQ(e.names, Strings{"Ana Lima"});
}

TEST_F(IcsReadCalendarTest, OutlookWindowsZoneIsReadByItsVtimezone) {
  const Scan scan = read_calendar("outlook.ics");
  EXPECT_EQ(ics_read_test_skips(scan), Strings{});
  // 17:00 Pacific Standard Time is 01:00 UTC the next day, 02:00 in Berlin
  // (read in the user's zone, it would stay on the 15th).
  EXPECT_EQ(ics_read_test_lines(scan), (Strings{"2025-01-16 [] video Quarterly review",
                                                "2025-06-30 [] meeting Late planning"}));
  const Event& review = scan.events[0];
  EXPECT_EQ(review.uid,
            "040000008200E00074C5B7101A82E00800000000D0F1B3C2A165DB01000000000000000010000000");
  EXPECT_EQ(review.addresses, (Strings{"bo.chen@contoso.com", "cem.kaya@contoso.com"}));
  EXPECT_EQ(review.names, (Strings{"Bo Chen", "Cem Kaya"}));
}

TEST_F(IcsReadCalendarTest, OutlookDaylightRuleApplies) {
  // 01:30 in W. Europe's summer time (+02:00) is 23:30 UTC the day before;
  // standard time (+01:00) would give 00:30 UTC on the 30th.
  const Scan scan = read_calendar("outlook.ics", "UTC");
  EXPECT_EQ(ics_read_test_lines(scan), (Strings{"2025-01-16 [] video Quarterly review",
                                                "2025-06-29 [] meeting Late planning"}));
}

TEST_F(IcsReadCalendarTest, WeeklyRuleWithExdateOverridesAndDaylightSaving) {
  Scan scan = read_calendar("weekly.ics");
  EXPECT_EQ(ics_read_test_skips(scan), Strings{});
  std::erase_if(scan.events, [](const Event& e) { return e.uid != "weekly-1@example.com"; });
  EXPECT_EQ(ics_read_test_lines(scan),
            (Strings{
                "2025-01-02 [20241230T090000Z] meeting 1:1 Ana",  // moved into the window
                "2025-01-06 [20250106T090000Z] meeting 1:1 Ana",
                // 01-13 moved to 2024-12-31, before the window; 01-20 in EXDATE
                "2025-01-29 [20250127T090000Z] meeting 1:1 Ana (moved)",
                // 02-03 cancelled
                "2025-02-10 [20250210T090000Z] meeting 1:1 Ana",
                "2025-02-17 [20250217T090000Z] meeting 1:1 Ana",
                // 02-24 declined by the user
                "2025-03-03 [20250303T090000Z] meeting 1:1 Ana",
                "2025-03-10 [20250310T090000Z] meeting 1:1 Ana",
                "2025-03-17 [20250317T090000Z] meeting 1:1 Ana",
                "2025-03-24 [20250324T090000Z] meeting 1:1 Ana",
                "2025-03-31 [20250331T080000Z] meeting 1:1 Ana",  // 10:00 in summer time
                "2025-04-07 [20250407T080000Z] meeting 1:1 Ana",
                "2025-04-14 [20250414T080000Z] meeting 1:1 Ana",  // UNTIL is inclusive
            }));
  for (const Event& e : scan.events) {
    EXPECT_EQ(e.addresses, Strings{"ana.lima@example.com"}) << e.recurrence_id;
  }
}

TEST_F(IcsReadCalendarTest, RuleWithoutEndStopsAtNowAndCountEndsItsRule) {
  Scan scan = read_calendar("weekly.ics");
  std::erase_if(scan.events, [](const Event& e) { return e.uid == "weekly-1@example.com"; });
  EXPECT_EQ(ics_read_test_lines(scan), (Strings{
                                           "2025-05-05 [20250505T090000Z] meeting Onboarding",
                                           "2025-05-06 [20250506T090000Z] meeting Onboarding",
                                           "2025-05-07 [20250507T090000Z] meeting Onboarding",
                                           "2026-01-30 [20260130T150000Z] meeting Friday demo",
                                           "2026-02-06 [20260206T150000Z] meeting Friday demo",
                                           "2026-02-13 [20260213T150000Z] meeting Friday demo",
                                           "2026-02-20 [20260220T150000Z] meeting Friday demo",
                                           "2026-02-27 [20260227T150000Z] meeting Friday demo",
                                       }));
}

TEST_F(IcsReadCalendarTest, RdatesAddOccurrencesAlsoAsPeriods) {
  const Scan scan = read_calendar("rdate.ics");
  EXPECT_EQ(ics_read_test_skips(scan), Strings{});
  EXPECT_EQ(ics_read_test_lines(scan),
            (Strings{"2025-05-05 [20250505T160000Z] meeting Mentoring with Bo",
                     "2025-05-12 [20250512T160000Z] meeting Mentoring with Bo",
                     "2025-05-19 [20250519T160000Z] meeting Mentoring with Bo",
                     "2025-05-26 [20250526T160000Z] meeting Mentoring with Bo"}));
  EXPECT_EQ(scan.events[3].names, Strings{"Bo"});
}

TEST_F(IcsReadCalendarTest, AllDayEventsKeepTheirDate) {
  const Scan scan = read_calendar("all-day.ics", "America/Los_Angeles");
  EXPECT_EQ(ics_read_test_skips(scan), Strings{});
  // The birthday repeats yearly from 1990: once in the window (2026-03-10 is
  // to come). The offsite began at midnight today; New Year's Eve 2024 is
  // before the window.
  EXPECT_EQ(ics_read_test_lines(scan),
            (Strings{"2025-03-10 [20250310] meeting Ana's birthday",
                     "2025-07-04 [] lunch Lunch w/ Ana", "2026-03-01 [] meeting Offsite"}));
  EXPECT_EQ(scan.events[0].addresses, Strings{});  // an event with nobody is returned too
}

TEST_F(IcsReadCalendarTest, AllDayEventOfTodayBeginsAtTheUsersMidnight) {
  // Midnight of 1 March was 08:00 UTC in Los Angeles (above) and 10:00 UTC
  // on 28 February in Kiritimati (UTC+14): begun at noon UTC. At UTC-12 it
  // is noon UTC, now: not begun.
  EXPECT_EQ(ics_read_test_uids(read_calendar("all-day.ics", "Pacific/Kiritimati")).back(),
            "offsite@example.com");
  EXPECT_EQ(ics_read_test_uids(read_calendar("all-day.ics", "Etc/GMT+12")),
            (Strings{"birthday-ana@example.com", "lunch-ana@example.com"}));
}

TEST_F(IcsReadCalendarTest, FloatingTimeIsReadInTheUsersZone) {
  for (const char* zone : {"Europe/Berlin", "America/New_York", "Asia/Tokyo"}) {
    const Scan scan = read_calendar("floating.ics", zone);
    EXPECT_EQ(ics_read_test_lines(scan), Strings{"2025-04-01 [] call quick call with Cem"}) << zone;
  }
}

TEST_F(IcsReadCalendarTest, DeclinedCancelledAndCancelMethodAreLeftOutSilently) {
  for (const char* name : {"declined.ics", "cancelled.ics", "cancel-method.ics"}) {
    const Scan scan = read_calendar(name);
    EXPECT_EQ(ics_read_test_lines(scan), Strings{}) << name;
    EXPECT_EQ(ics_read_test_skips(scan), Strings{}) << name;
  }
}

TEST_F(IcsReadCalendarTest, OnlyWhatStartedBeforeNowIsReturned) {
  EXPECT_EQ(ics_read_test_lines(read_calendar("future.ics")),
            Strings{"2026-03-01 [] meeting Breakfast"});
}

TEST_F(IcsReadCalendarTest, KindsComeFromConferenceLinksAndSummaries) {
  EXPECT_EQ(ics_read_test_lines(read_calendar("kinds.ics")),
            (Strings{"2025-09-01 [] coffee Coffee chat", "2025-09-02 [] lunch Lunch w/ Ana",
                     "2025-09-03 [] call quick call", "2025-09-04 [] meeting Recall planning",
                     "2025-09-05 [] video Sync", "2025-09-06 [] video Catch-up",
                     "2025-09-07 [] video Coffee"}));
}

TEST_F(IcsReadCalendarTest, SinceLeavesOutEarlierDates) {
  Options o = ics_read_test_options();
  o.since = Date{date::year{2025} / 4 / 1};
  const Scan scan = read(text("weekly.ics"), o);
  ASSERT_FALSE(scan.events.empty());
  EXPECT_EQ(ics_read_test_day(scan.events.front().date), "2025-04-07");
}

TEST_F(IcsReadCalendarTest, ReadingAgainGivesTheSameEvents) {
  for (const char* name : {"weekly.ics", "outlook.ics", "google.ics"}) {
    const Scan first = read_calendar(name);
    const Scan second = read_calendar(name);
    EXPECT_EQ(ics_read_test_lines(first), ics_read_test_lines(second)) << name;
  }
}

// Runs f with stdout and stderr sent to a file; what was written there.
template <class F>
std::string ics_read_test_written(const test::TempDir& tmp, F&& f) {
  const std::string file = (tmp / "streams").string();
  std::fflush(stdout);
  std::fflush(stderr);
  const int saved_out = ::dup(1);
  const int saved_err = ::dup(2);
  const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  ::dup2(fd, 1);
  ::dup2(fd, 2);
  ::close(fd);
  f();
  std::fflush(stdout);
  std::fflush(stderr);
  ::dup2(saved_out, 1);
  ::dup2(saved_err, 2);
  ::close(saved_out);
  ::close(saved_err);
  return test::read_file(file);
}

TEST_F(IcsReadCalendarTest, NothingIsWrittenToAnyStream) {
  test::TempDir tmp;
  const std::string written = ics_read_test_written(tmp, [] {
    for (const char* name : {"plain.ics", "google.ics", "outlook.ics", "weekly.ics"}) {
      (void)read_calendar(name);
    }
    const Options o = ics_read_test_options();
    (void)read("BEGIN:VEVENT\nDTSTART:20250101T100000Z\nRRULE:FREQ=BOGUS\nEND:VEVENT\n", o);
    (void)read(
        "BEGIN:VEVENT\nDTSTART:20250101T100000Z\nRRULE:FREQ=MONTHLY;BYMONTHDAY=31;"
        "BYMONTH=2\nEND:VEVENT\n",
        o);
    (void)read(
        "BEGIN:VEVENT\nDTSTART:20250101T100000Z\nRRULE:FREQ=YEARLY;BYDAY=200MO;"
        "BYSETPOS=-400\nEND:VEVENT\n",
        o);
    (void)read(
        "BEGIN:VEVENT\nDTSTART;TZID=Nowhere/Else:20250101T100000\nEND:VEVENT\n"
        "BEGIN:VEVENT\nDTSTART;TZID=/x/y/z/Europe/Paris:20250101T100000\nEND:VEVENT\n"
        "BEGIN:VTIMEZONE\nTZID:Odd\nBEGIN:STANDARD\nDTSTART:20250101T000000\n"
        "TZOFFSETTO:+0100\nRRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30\nEND:STANDARD\n"
        "END:VTIMEZONE\nBEGIN:VEVENT\nDTSTART;TZID=Odd:20250101T100000\nEND:VEVENT\n",
        o);
    (void)read(std::string("\xff\xfe\x00garbage\x01", 11), o);
  });
  EXPECT_EQ(written, "");
}

// ---------------------------------------------------------------------------
// Texts no tool writes

std::string ics_read_test_calendar(const std::string& body) {
  return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//kith tests//EN\r\n" + body +
         "END:VCALENDAR\r\n";
}

Scan ics_read_test_text(const std::string& text) { return read(text, ics_read_test_options()); }

TEST(IcsReadTextTest, VeventWithoutEndIsSkippedWithItsLine) {
  const Scan scan = ics_read_test_text(
      ics_read_test_calendar("BEGIN:VEVENT\r\nUID:a\r\nDTSTART:20250301T100000Z\r\n"
                             "BEGIN:VEVENT\r\nUID:b\r\nDTSTART:20250302T100000Z\r\nEND:VEVENT\r\n"
                             "BEGIN:VEVENT\r\nUID:c\r\nDTSTART:20250303T100000Z\r\n"));
  EXPECT_EQ(ics_read_test_uids(scan), Strings{"b"});
  EXPECT_EQ(ics_read_test_skips(scan),
            (Strings{"4: BEGIN:VEVENT has no END:VEVENT", "11: BEGIN:VEVENT has no END:VEVENT"}));
}

TEST(IcsReadTextTest, EventWithoutDtstartOrWithABadOneIsSkipped) {
  const Scan scan = ics_read_test_text(ics_read_test_calendar(
      "BEGIN:VEVENT\r\nUID:a\r\nSUMMARY:no start\r\nEND:VEVENT\r\n"
      "BEGIN:VEVENT\r\nUID:b\r\nDTSTART:20250230T100000Z\r\nEND:VEVENT\r\n"
      "BEGIN:VEVENT\r\nUID:c\r\nDTSTART;TZID=Europe/Berlin:2025-03-01 10:00\r\nEND:VEVENT\r\n"));
  EXPECT_EQ(ics_read_test_lines(scan), Strings{});
  EXPECT_EQ(ics_read_test_skips(scan),
            (Strings{"4: no DTSTART",
                     "10: DTSTART '20250230T100000Z' is not a date or a date "
                     "and time",
                     "14: DTSTART '2025-03-01 10:00' is not a date or a date and time"}));
}

TEST(IcsReadTextTest, LineThatIsNotAContentLineIsSkippedAndTheEventRead) {
  const Scan scan = ics_read_test_text(ics_read_test_calendar(
      "BEGIN:VEVENT\r\nUID:a\r\nthis is not a property\r\nDTSTART:20250301T100000Z\r\n"
      "ATTENDEE;CN=\"unclosed:mailto:x@example.com\r\nSUMMARY:Coffee\r\nEND:VEVENT\r\n"
      "END:VALARM\r\n"));
  EXPECT_EQ(ics_read_test_lines(scan), Strings{"2025-03-01 [] coffee Coffee"});
  EXPECT_EQ(ics_read_test_skips(scan),
            (Strings{"6: not an iCalendar content line: 'this is not a property'",
                     "8: not an iCalendar content line: "
                     "'ATTENDEE;CN=\"unclosed:mailto:x@example.com'"}));
}

TEST(IcsReadTextTest, EventThatIsNotUtf8IsSkipped) {
  const Scan scan = ics_read_test_text(ics_read_test_calendar(
      "BEGIN:VEVENT\r\nUID:a\r\nDTSTART:20250301T100000Z\r\nSUMMARY:Caf\xe9\r\nEND:VEVENT\r\n"
      "BEGIN:VEVENT\r\nUID:b\r\nDTSTART:20250302T100000Z\r\nSUMMARY:Caf\xc3\xa9\r\n"
      "END:VEVENT\r\n"));
  EXPECT_EQ(ics_read_test_lines(scan), Strings{"2025-03-02 [] meeting Café"});
  EXPECT_EQ(ics_read_test_skips(scan),
            Strings{"4: not valid UTF-8 (line 7; iCalendar files are UTF-8)"});
}

TEST(IcsReadTextTest, GarbageAndBinaryGiveOneSkipAndEmptyTextNone) {
  const Scan garbage = ics_read_test_text("Name,Email\nAna,ana@example.com\n");
  EXPECT_EQ(ics_read_test_skips(garbage),
            Strings{"1: not an iCalendar file: no BEGIN:VCALENDAR or BEGIN:VEVENT"});
  const Scan binary = ics_read_test_text(std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
  EXPECT_EQ(binary.skipped.size(), 1u);
  EXPECT_TRUE(binary.events.empty());
  const Scan empty = ics_read_test_text(" \r\n\r\n");
  EXPECT_TRUE(empty.events.empty());
  EXPECT_TRUE(empty.skipped.empty());
}

TEST(IcsReadTextTest, VeventWithoutVcalendarFoldedWithBareCarriageReturnsIsRead) {
  const Scan scan = ics_read_test_text(
      "\xEF\xBB\xBF"
      "BEGIN:VEVENT\rUID:a\rDTSTART:2025030\r 1T100000Z\rSUMMARY:Lun\r\tch w/ Ana\r"
      "ORGANIZER;CN=Ana:mailto:ana@\r example.com\rEND:VEVENT\r");
  EXPECT_EQ(ics_read_test_skips(scan), Strings{});
  ASSERT_EQ(ics_read_test_lines(scan), Strings{"2025-03-01 [] lunch Lunch w/ Ana"});
  EXPECT_EQ(scan.events[0].addresses, Strings{"ana@example.com"});
}

TEST(IcsReadTextTest, TzidBehindAPrefixNamesTheDatabaseZone) {
  const Scan scan = ics_read_test_text(ics_read_test_calendar(
      "BEGIN:VEVENT\r\nUID:a\r\n"
      "DTSTART;TZID=/mozilla.org/20050126_1/America/New_York:20250312T233000\r\n"
      "END:VEVENT\r\n"));
  EXPECT_EQ(ics_read_test_lines(scan), Strings{"2025-03-13 [] meeting "});
}

TEST(IcsReadTextTest, UnknownTzidIsReadInTheUsersZone) {
  const Scan scan = ics_read_test_text(ics_read_test_calendar(
      "BEGIN:VEVENT\r\nUID:a\r\nDTSTART;TZID=Nowhere Standard Time:20250312T233000\r\n"
      "END:VEVENT\r\n"));
  EXPECT_EQ(ics_read_test_lines(scan), Strings{"2025-03-12 [] meeting "});
  EXPECT_EQ(ics_read_test_skips(scan), Strings{});
}

TEST(IcsReadTextTest, VtimezoneWithAnUnreadableRuleIsReportedAndItsTimesReadInTheUsersZone) {
  const Scan scan = ics_read_test_text(ics_read_test_calendar(
      "BEGIN:VTIMEZONE\r\nTZID:Odd Time\r\nBEGIN:STANDARD\r\nDTSTART:16010101T000000\r\n"
      "TZOFFSETFROM:-0500\r\nTZOFFSETTO:-0500\r\nRRULE:FREQ=SECONDLY\r\nEND:STANDARD\r\n"
      "END:VTIMEZONE\r\n"
      "BEGIN:VEVENT\r\nUID:a\r\nDTSTART;TZID=Odd Time:20250312T233000\r\nEND:VEVENT\r\n"));
  EXPECT_EQ(ics_read_test_lines(scan), Strings{"2025-03-12 [] meeting "});
  EXPECT_EQ(ics_read_test_skips(scan),
            Strings{"4: VTIMEZONE 'Odd Time' is not read (its RRULE 'FREQ=SECONDLY' is not "
                    "yearly): its times are read in your time zone"});
}

TEST(IcsReadTextTest, OverrideWithoutItsSeriesIsReturned) {
  const Scan scan = ics_read_test_text(ics_read_test_calendar(
      "BEGIN:VEVENT\r\nUID:s\r\nRECURRENCE-ID:20250310T090000Z\r\n"
      "DTSTART:20250311T090000Z\r\nSUMMARY:Moved\r\nEND:VEVENT\r\n"
      "BEGIN:VEVENT\r\nUID:t\r\nRECURRENCE-ID;VALUE=DATE:20250312\r\nSUMMARY:Kept\r\n"
      "END:VEVENT\r\n"));
  EXPECT_EQ(ics_read_test_lines(scan), (Strings{"2025-03-11 [20250310T090000Z] meeting Moved",
                                                "2025-03-12 [20250312] meeting Kept"}));
}

TEST(IcsReadTextTest, RepeatedUidIsSkipped) {
  const Scan scan = ics_read_test_text(ics_read_test_calendar(
      "BEGIN:VEVENT\r\nUID:a\r\nDTSTART:20250301T100000Z\r\nSUMMARY:First\r\nEND:VEVENT\r\n"
      "BEGIN:VEVENT\r\nUID:a\r\nDTSTART:20250302T100000Z\r\nSUMMARY:Second\r\nEND:VEVENT\r\n"));
  EXPECT_EQ(ics_read_test_lines(scan), Strings{"2025-03-01 [] meeting First"});
  EXPECT_EQ(ics_read_test_skips(scan), Strings{"9: another VEVENT with UID 'a' came first (line "
                                               "4)"});
}

TEST(IcsReadTextTest, RuleNotUnderstoodKeepsTheFirstOccurrence) {
  const Scan scan = ics_read_test_text(ics_read_test_calendar(
      "BEGIN:VEVENT\r\nUID:a\r\nDTSTART:20250301T100000Z\r\nRRULE:FREQ=FORTNIGHTLY\r\n"
      "EXDATE:not-a-date\r\nEND:VEVENT\r\n"));
  EXPECT_EQ(ics_read_test_lines(scan), Strings{"2025-03-01 [20250301T100000Z] meeting "});
  EXPECT_EQ(ics_read_test_skips(scan),
            (Strings{"7: RRULE 'FREQ=FORTNIGHTLY' is not understood: the event is read without it",
                     "8: EXDATE value 'not-a-date' is not a date; left out"}));
}

TEST(IcsReadTextTest, RuleThatNeverRepeatsKeepsTheFirstOccurrence) {
  const Scan scan = ics_read_test_text(
      ics_read_test_calendar("BEGIN:VEVENT\r\nUID:a\r\nDTSTART:20250301T100000Z\r\n"
                             "RRULE:FREQ=MONTHLY;BYMONTHDAY=31;BYMONTH=2\r\nEND:VEVENT\r\n"));
  EXPECT_EQ(ics_read_test_lines(scan), Strings{"2025-03-01 [20250301T100000Z] meeting "});
  EXPECT_EQ(ics_read_test_skips(scan),
            Strings{"7: RRULE 'FREQ=MONTHLY;BYMONTHDAY=31;BYMONTH=2' does not repeat within 30 "
                    "years as libical reads it: the event is read without it"});
}

TEST(IcsReadTextTest, SecondlyRuleWithoutEndStopsWithAReason) {
  const Scan scan = ics_read_test_text(ics_read_test_calendar(
      "BEGIN:VEVENT\r\nUID:a\r\nDTSTART:20250301T100000Z\r\nRRULE:FREQ=SECONDLY\r\n"
      "END:VEVENT\r\n"
      "BEGIN:VEVENT\r\nUID:b\r\nDTSTART:20250301T100000Z\r\nRRULE:FREQ=MINUTELY;BYMONTH=2\r\n"
      "END:VEVENT\r\n"));
  ASSERT_FALSE(scan.events.empty());
  EXPECT_LT(scan.events.size(), 30000u);
  EXPECT_EQ(ics_read_test_skips(scan),
            (Strings{"7: RRULE 'FREQ=SECONDLY' has too many occurrences to walk: those it did not "
                     "reach are left out",
                     "12: RRULE 'FREQ=MINUTELY;BYMONTH=2' repeats more often than daily with BY "
                     "parts: the event is read without it"}));
}

TEST(IcsReadTextTest, ManyPathologicalRulesStillEnd) {
  std::string body;
  for (int i = 0; i < 50; ++i) {
    body += "BEGIN:VEVENT\r\nUID:" + std::to_string(i) +
            "\r\nDTSTART:19000101T100000Z\r\nRRULE:FREQ=DAILY;COUNT=100000\r\n"
            "RRULE:FREQ=MONTHLY;BYDAY=MO;BYSETPOS=30\r\nEND:VEVENT\r\n";
  }
  const Scan scan = ics_read_test_text(ics_read_test_calendar(body));
  EXPECT_TRUE(scan.events.empty());  // nothing reaches 2025
  EXPECT_EQ(scan.skipped.size(), 100u);
}

TEST(IcsReadTextTest, LargeCalendarIsReadWhole) {
  std::string body;
  for (int i = 0; i < 5000; ++i) {
    body += "BEGIN:VEVENT\r\nUID:e" + std::to_string(i) +
            "\r\nDTSTART:20250601T100000Z\r\nSUMMARY:Event\r\nATTENDEE:mailto:a" +
            std::to_string(i) + "@example.com\r\nEND:VEVENT\r\n";
  }
  body +=
      "BEGIN:VEVENT\r\nUID:weekly\r\nDTSTART:20200106T100000Z\r\nRRULE:FREQ=WEEKLY\r\n"
      "END:VEVENT\r\n";
  const Scan scan = ics_read_test_text(ics_read_test_calendar(body));
  EXPECT_EQ(scan.events.size(), 5000u + 60u);  // 2025-01-06 to 2026-02-23, Mondays
  EXPECT_TRUE(scan.skipped.empty());
}

TEST(IcsReadTextTest, AllDayWeeklyRuleWithUntilAndExdate) {
  const Scan scan = ics_read_test_text(ics_read_test_calendar(
      "BEGIN:VEVENT\r\nUID:a\r\nDTSTART;VALUE=DATE:20250106\r\n"
      "RRULE:FREQ=WEEKLY;UNTIL=20250127\r\nEXDATE;VALUE=DATE:20250113\r\nEND:VEVENT\r\n"));
  EXPECT_EQ(ics_read_test_lines(scan),
            (Strings{"2025-01-06 [20250106] meeting ", "2025-01-20 [20250120] meeting ",
                     "2025-01-27 [20250127] meeting "}));
}

TEST(IcsReadTextTest, TimedRuleWithDateUntilAndDateExdate) {
  const Scan scan = ics_read_test_text(ics_read_test_calendar(
      "BEGIN:VEVENT\r\nUID:a\r\nDTSTART;TZID=Europe/Berlin:20250106T230000\r\n"
      "RRULE:FREQ=WEEKLY;UNTIL=20250120\r\nEXDATE;VALUE=DATE:20250113\r\nEND:VEVENT\r\n"));
  EXPECT_EQ(ics_read_test_lines(scan), (Strings{"2025-01-06 [20250106T220000Z] meeting ",
                                                "2025-01-20 [20250120T220000Z] meeting "}));
}

TEST(IcsReadTextTest, OverrideOfACancelledSeriesIsLeftOut) {
  const Scan scan = ics_read_test_text(ics_read_test_calendar(
      "BEGIN:VEVENT\r\nUID:a\r\nDTSTART:20250106T100000Z\r\nRRULE:FREQ=WEEKLY;COUNT=3\r\n"
      "STATUS:CANCELLED\r\nEND:VEVENT\r\n"
      "BEGIN:VEVENT\r\nUID:a\r\nRECURRENCE-ID:20250113T100000Z\r\n"
      "DTSTART:20250114T100000Z\r\nEND:VEVENT\r\n"));
  EXPECT_EQ(ics_read_test_lines(scan), Strings{});
}

TEST(IcsReadTextTest, MethodCancelAfterTheEventsStillCancelsThem) {
  const Scan scan = ics_read_test_text(
      "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:a\r\nDTSTART:20250106T100000Z\r\nEND:VEVENT\r\n"
      "METHOD:CANCEL\r\nEND:VCALENDAR\r\n"
      "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:b\r\nDTSTART:20250107T100000Z\r\nEND:VEVENT\r\n"
      "END:VCALENDAR\r\n");
  EXPECT_EQ(ics_read_test_uids(scan), Strings{"b"});
}

// ---------------------------------------------------------------------------
// The kind rules

struct IcsReadKindCase {
  const char* label;
  std::string summary;
  bool conference = false;
  Strings links;
  std::string expected;
};

class IcsReadKindTest : public testing::TestWithParam<IcsReadKindCase> {};

TEST_P(IcsReadKindTest, KindOfSummaryAndLinks) {
  const IcsReadKindCase& c = GetParam();
  EXPECT_EQ(kind_of(c.summary, c.conference, c.links), c.expected);
}

INSTANTIATE_TEST_SUITE_P(
    IcsRead, IcsReadKindTest,
    testing::Values(
        IcsReadKindCase{"coffee_chat", "coffee chat", false, {}, "coffee"},
        IcsReadKindCase{"coffee_any_case", "COFFEE with Bo", false, {}, "coffee"},
        IcsReadKindCase{"coffee_punctuated", "Ana/coffee!", false, {}, "coffee"},
        IcsReadKindCase{"lunch", "Lunch w/ Ana", false, {}, "lunch"},
        IcsReadKindCase{"call", "quick call", false, {}, "call"},
        IcsReadKindCase{"call_in_a_word", "Recall planning", false, {}, "meeting"},
        IcsReadKindCase{"callback", "callback about the offer", false, {}, "meeting"},
        IcsReadKindCase{"coffees", "coffees", false, {}, "meeting"},
        IcsReadKindCase{"coffee_before_lunch", "lunch or coffee?", false, {}, "coffee"},
        IcsReadKindCase{"lunch_before_call", "call over lunch", false, {}, "lunch"},
        IcsReadKindCase{"accented_neighbour", "Cafécall", false, {}, "meeting"},
        IcsReadKindCase{"nothing", "Quarterly review", false, {}, "meeting"},
        IcsReadKindCase{"empty", "", false, {}, "meeting"},
        IcsReadKindCase{"conference_wins", "coffee chat", true, {}, "video"},
        IcsReadKindCase{"zoom", "Sync", false, {"https://us02web.zoom.us/j/1"}, "video"},
        IcsReadKindCase{"meet", "Sync", false, {"", "meet.google.com/abc-defg-hij"}, "video"},
        IcsReadKindCase{"teams", "Sync", false, {"https://TEAMS.microsoft.com/l/x"}, "video"},
        IcsReadKindCase{"teams_live", "Sync", false, {"teams.live.com/meet/9"}, "video"},
        IcsReadKindCase{"whereby", "Sync", false, {"whereby.com/noor"}, "video"},
        IcsReadKindCase{"jitsi", "Sync", false, {"https://meet.jit.si/x"}, "video"},
        IcsReadKindCase{"webex", "Sync", false, {"https://acme.webex.com/meet/x"}, "video"},
        IcsReadKindCase{"other_link", "Call", false, {"https://example.com/zoom"}, "call"}),
    test::LabelName());

}  // namespace
}  // namespace kith::ics_read
