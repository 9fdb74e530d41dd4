// kith scan and kith inbox end to end: a calendar written by python3-icalendar
// and a mailbox written by Python's mailbox and email modules, scanned into
// the inbox, accepted, skipped and ignored, and what `kith due` says after.
#include <string>

#include <gtest/gtest.h>

#include "support/testutil.h"

namespace kith::test::scan_test {
namespace {

using Json = nlohmann::ordered_json;

// Writes the calendar folder cal/ and the mbox Sent.mbox into argv[1].
// "Today" in these tests is 2026-12-06.
constexpr const char* kMakeSources = R"PY(
import sys, os, datetime as dt, mailbox
from email.message import EmailMessage
from email.utils import format_datetime, formataddr
try:
    import icalendar
except ImportError:
    sys.exit(3)
from icalendar import Calendar, Event, vCalAddress, vText

out = sys.argv[1]
UTC = dt.timezone.utc
os.makedirs(os.path.join(out, "cal", "work"), exist_ok=True)

def person(address, cn=None, partstat=None):
    a = vCalAddress("mailto:" + address)
    if cn: a.params["cn"] = vText(cn)
    if partstat: a.params["partstat"] = vText(partstat)
    return a

def write(name, *events):
    cal = Calendar()
    cal.add("prodid", "-//kith tests//EN")
    cal.add("version", "2.0")
    for e in events: cal.add_component(e)
    with open(os.path.join(out, "cal", "work", name), "wb") as f:
        f.write(cal.to_ical())

def event(uid, summary, start, **props):
    e = Event()
    e.add("uid", uid)
    e.add("summary", summary)
    e.add("dtstart", start)
    e.add("dtend", start + dt.timedelta(hours=1))
    e.add("dtstamp", dt.datetime(2026, 1, 1, tzinfo=UTC))
    e.add("organizer", person("me@home.example", "Me"))
    for key, value in props.items():
        if key == "attendees":
            for a in value: e.add("attendee", a)
        else:
            e.add(key, value)
    return e

write("coffee.ics", event("coffee-1@kith.test", "Coffee with Ada",
                          dt.datetime(2026, 11, 20, 9, 0, tzinfo=UTC),
                          attendees=[person("Ada@Example.org", "Ada Lovelace", "ACCEPTED")]))
write("weekly.ics", event("weekly-1@kith.test", "1:1 Grace",
                          dt.datetime(2026, 11, 2, 9, 0, tzinfo=UTC),
                          rrule={"freq": "weekly", "count": 6},
                          exdate=dt.datetime(2026, 11, 16, 9, 0, tzinfo=UTC),
                          attendees=[person("grace@example.org", "Grace Hopper")]))
write("cancelled.ics", event("cancelled-1@kith.test", "Lunch with Ada",
                             dt.datetime(2026, 11, 25, 12, 0, tzinfo=UTC), status="CANCELLED",
                             attendees=[person("ada@example.org")]))
write("future.ics", event("future-1@kith.test", "Lunch with Ada",
                          dt.datetime(2026, 12, 20, 12, 0, tzinfo=UTC),
                          attendees=[person("ada@example.org")]))
write("stranger.ics", event("stranger-1@kith.test", "Vendor demo",
                            dt.datetime(2026, 11, 24, 12, 0, tzinfo=UTC),
                            attendees=[person("sales@vendor.example")]))

box = mailbox.mbox(os.path.join(out, "Sent.mbox"))
def mail(mid, sender, to, subject, when, reply_to=None, **headers):
    m = EmailMessage()
    m["From"] = sender
    m["To"] = to
    m["Subject"] = subject
    m["Date"] = format_datetime(when)
    m["Message-ID"] = "<%s>" % mid
    if reply_to:
        m["In-Reply-To"] = "<%s>" % reply_to
        m["References"] = "<%s>" % reply_to
    for key, value in headers.items():
        m[key.replace("_", "-")] = value
    m.set_content("Hello,\n\nFrom the start of a line, as mbox escapes it.\n")
    box.add(mailbox.mboxMessage(m))

me = formataddr(("Me", "me@home.example"))
mail("s1@home", me, formataddr(("Ada Lovelace", "ada@example.org")), "The talk slides",
     dt.datetime(2026, 11, 21, 10, 0, tzinfo=UTC))
mail("s2@home", me, "ada@example.org", "Re: The talk slides",
     dt.datetime(2026, 11, 21, 15, 0, tzinfo=UTC), reply_to="s1@home")
mail("g1@grace", formataddr(("Grace Hopper", "grace@example.org")), me, "A question",
     dt.datetime(2026, 11, 10, 8, 0, tzinfo=UTC))
mail("s3@home", me, "grace@example.org", "Re: A question",
     dt.datetime(2026, 11, 11, 8, 0, tzinfo=UTC), reply_to="g1@grace")
mail("s4@home", me, formataddr(("Lin Wei", "lin@example.org")), "Hello",
     dt.datetime(2026, 11, 12, 8, 0, tzinfo=UTC))
mail("s5@home", me, "lin@example.org", "Following up",
     dt.datetime(2026, 11, 19, 8, 0, tzinfo=UTC))
mail("l1@list", formataddr(("Ada Lovelace", "ada@example.org")), "list@lists.example",
     "[talks] next meetup", dt.datetime(2026, 11, 22, 8, 0, tzinfo=UTC),
     List_Id="<talks.lists.example>")
box.flush()
)PY";

// Runs the generator with the system python3 into `dir`.
void make_sources(const TempDir& tmp, const fs::path& dir) {
  const fs::path script = tmp / "make_sources.py";
  write_file(script, kMakeSources);
  expect_python_ok(run_python(script, {dir.string()}), "python3-icalendar");
}

class ScanTest : public ::testing::Test {
 protected:
  TempDir tmp;
  Kith kith{tmp / "data"};
  fs::path sources = tmp / "sources";

  void SetUp() override {
    kith.today("2026-12-06");
    make_sources(tmp, sources);
    if (HasFatalFailure()) return;
    kith.ok({"add", "Ada Lovelace", "--email", "ada@example.org", "--every", "1m"});
    kith.ok({"add", "Grace Hopper", "--email", "grace@example.org", "--every", "1m"});
    kith.ok({"log", "ada-lovelace", "--date", "2026-09-01"});
    kith.ok({"me", "--email", "me@home.example"});
  }

  Json inbox_json(bool all = false) const {
    return all ? kith.ok({"inbox", "--json", "--all"}).json() : kith.ok({"inbox", "--json"}).json();
  }
};

TEST_F(ScanTest, PastEventsWithContactsBecomeProposalsOncePerOccurrence) {
  const RunResult r = kith.ok({"scan", "ics", (sources / "cal").string(), "--json"});
  const Json j = r.json();
  ASSERT_EQ(j["proposed"].size(), 5u) << r.out;
  // The coffee, then four weekly 1:1s (one of six taken out by EXDATE, one
  // still to come), in date order; nothing for the cancelled lunch, the
  // future one or the vendor who is no contact.
  std::vector<std::string> seen;
  for (const auto& p : j["proposed"]) {
    seen.push_back(p["date"].get<std::string>() + " " + p["kind"].get<std::string>() + " " +
                   p["with"][0].get<std::string>());
  }
  EXPECT_EQ(seen, (std::vector<std::string>{
                      "2026-11-02 meeting grace-hopper", "2026-11-09 meeting grace-hopper",
                      "2026-11-20 coffee ada-lovelace", "2026-11-23 meeting grace-hopper",
                      "2026-11-30 meeting grace-hopper"}));
  EXPECT_EQ(j["counts"]["no_contact"], 1);
  EXPECT_EQ(inbox_json().size(), 5u);

  // Scanning again proposes nothing twice.
  const Json again = kith.ok({"scan", "ics", (sources / "cal").string(), "--json"}).json();
  EXPECT_EQ(again["proposed"].size(), 0u);
  EXPECT_EQ(again["counts"]["already_proposed"], 5);
  EXPECT_EQ(inbox_json().size(), 5u);
}

TEST_F(ScanTest, AcceptingLogsTheInteractionAndDueCountsIt) {
  kith.ok({"scan", "ics", (sources / "cal").string()});
  EXPECT_NE(kith.ok({"due"}).out.find("5 proposals in the inbox (kith inbox)"), std::string::npos);
  EXPECT_NE(kith.ok({"due"}).out.find("Ada Lovelace"), std::string::npos);
  std::string coffee;
  for (const auto& p : inbox_json()) {
    if (p["kind"] == "coffee") coffee = p["id"];
  }
  ASSERT_FALSE(coffee.empty());
  const RunResult accepted = kith.ok({"inbox", "accept", coffee.substr(0, 5), "--give"});
  EXPECT_NE(accepted.err.find("logged a give (coffee) with Ada Lovelace on 2026-11-20"),
            std::string::npos)
      << accepted.err;
  const Json shown = kith.ok({"show", "ada-lovelace", "--json"}).json();
  bool found = false;
  for (const auto& i : shown["interactions"]) {
    if (i["date"] == "2026-11-20") {
      found = true;
      EXPECT_EQ(i["intent"], "give");
      EXPECT_EQ(i["note"], "Coffee with Ada");
      EXPECT_EQ(i["proposal"], coffee);
    }
  }
  EXPECT_TRUE(found) << shown.dump(2);
  // Ada's clock restarted on 2026-11-20 (every month): not due any more.
  const std::string due = kith.ok({"due"}).out;
  EXPECT_NE(due.find("Nobody is due for a no-need hello. Next: Ada Lovelace on 2026-12-20"),
            std::string::npos)
      << due;
  EXPECT_NE(due.find("4 proposals in the inbox"), std::string::npos) << due;
  // Accepting it again changes nothing.
  const RunResult twice = kith.ok({"inbox", "accept", coffee});
  EXPECT_NE(twice.err.find("already accepted"), std::string::npos);
  // Skipping the rest empties the inbox and due stops counting.
  kith.ok({"inbox", "skip", "--all"});
  EXPECT_EQ(inbox_json().size(), 0u);
  EXPECT_EQ(inbox_json(true).size(), 5u);
  EXPECT_EQ(kith.ok({"due"}).out.find("in the inbox"), std::string::npos);
  // A rescan proposes none of them again.
  EXPECT_EQ(
      kith.ok({"scan", "ics", (sources / "cal").string(), "--json"}).json()["proposed"].size(), 0u);
}

TEST_F(ScanTest, MailYouSentAndMailYouAnsweredAreProposedListMailIsNot) {
  const RunResult r = kith.ok({"scan", "mail", (sources / "Sent.mbox").string(), "--json"});
  const Json j = r.json();
  std::vector<std::string> seen;
  for (const auto& p : j["proposed"]) {
    if (p.contains("with")) {
      seen.push_back(p["date"].get<std::string>() + " " + p["kind"].get<std::string>() + " " +
                     p["with"][0].get<std::string>() + " " + p["note"].get<std::string>());
    } else {
      seen.push_back(p["date"].get<std::string>() + " person " + p["email"].get<std::string>() +
                     " " + p["name"].get<std::string>() + " " +
                     std::to_string(p["messages"].get<int>()));
    }
  }
  EXPECT_EQ(seen, (std::vector<std::string>{"2026-11-10 email grace-hopper A question",
                                            "2026-11-11 email grace-hopper Re: A question",
                                            "2026-11-19 person lin@example.org Lin Wei 2",
                                            "2026-11-21 email ada-lovelace The talk slides"}))
      << r.out;
  EXPECT_EQ(j["counts"]["bulk"], 1);

  // Ignoring Lin skips the person and a rescan never proposes them again.
  std::string lin;
  for (const auto& p : j["proposed"]) {
    if (p.contains("email")) lin = p["id"];
  }
  kith.ok({"inbox", "ignore", "Lin@Example.org"});
  for (const auto& p : inbox_json(true)) {
    if (p["id"] == lin) {
      EXPECT_EQ(p["state"], "skipped");
    }
  }
  const Json again = kith.ok({"scan", "mail", (sources / "Sent.mbox").string(), "--json"}).json();
  EXPECT_EQ(again["proposed"].size(), 0u);
}

TEST_F(ScanTest, AcceptingAPersonAddsTheContact) {
  const Json j = kith.ok({"scan", "mail", (sources / "Sent.mbox").string(), "--json"}).json();
  std::string lin;
  for (const auto& p : j["proposed"]) {
    if (p.contains("email")) lin = p["id"];
  }
  ASSERT_FALSE(lin.empty());
  EXPECT_EQ(kith.run({"inbox", "accept", lin, "--give"}).exit_code, 2);
  const RunResult added = kith.ok({"inbox", "accept", lin});
  EXPECT_EQ(added.out, "lin-wei\n");
  const Json shown = kith.ok({"show", "lin-wei", "--json"}).json();
  EXPECT_EQ(shown["emails"][0], "lin@example.org");
  // One change: undo takes back the contact and the accepted state together.
  kith.ok({"undo"});
  EXPECT_EQ(kith.run({"show", "lin-wei"}).exit_code, 2);
  bool open = false;
  for (const auto& p : inbox_json()) open = open || p["id"] == lin;
  EXPECT_TRUE(open);
}

TEST_F(ScanTest, DryRunWritesNothingAndBadPathsAreUsageErrors) {
  const RunResult dry = kith.ok({"scan", "ics", (sources / "cal").string(), "--dry-run"});
  EXPECT_NE(dry.out.find("Would propose 5:"), std::string::npos) << dry.out;
  EXPECT_FALSE(fs::exists(kith.data_dir() / "inbox.jsonl"));
  // A bare duration means that long ago.
  const RunResult two_months =
      kith.ok({"scan", "ics", (sources / "cal").string(), "--dry-run", "--since", "2m"});
  EXPECT_NE(two_months.out.find("since 2026-10-06."), std::string::npos) << two_months.out;
  const RunResult missing = kith.run({"scan", "ics", (tmp / "nope").string()});
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.err.find("does not exist"), std::string::npos);
  const RunResult not_maildir = kith.run({"scan", "mail", (sources / "cal").string()});
  EXPECT_EQ(not_maildir.exit_code, 2);
  EXPECT_NE(not_maildir.err.find("neither an mbox file nor a Maildir"), std::string::npos);
  EXPECT_EQ(kith.run({"scan"}).exit_code, 2);
  EXPECT_EQ(kith.run({"inbox", "accept", "zzzz"}).exit_code, 2);
  EXPECT_EQ(kith.run({"inbox", "ignore", "not an address"}).exit_code, 2);
}

}  // namespace
}  // namespace kith::test::scan_test
