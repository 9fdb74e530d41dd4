#include "core/propose.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "core/dates.h"

namespace kith::propose::propose_test {
namespace {

Date day(const char* iso) { return *parse_iso_date(iso); }

Contact person(std::string id, std::vector<std::string> emails, bool archived = false) {
  Contact c;
  c.id = id;
  c.name = id;
  c.emails = std::move(emails);
  c.archived = archived;
  return c;
}

const std::vector<Contact> kPeople = {
    person("ada", {"Ada@Example.org"}),
    person("grace", {"grace@navy.example", "g.hopper@example.org"}),
    person("old-friend", {"old@example.org"}, true),
};
const std::vector<std::string> kMine = {"me@home.example", "me@work.example"};

Meeting coffee(std::string key, std::vector<std::string> addresses, const char* on = "2026-11-20") {
  return {std::move(key), "cal/work.ics",     day(on),
          "coffee",       "Coffee\nwith Ada", std::move(addresses)};
}

Mail sent(std::string id, std::vector<std::string> to, const char* on = "2026-11-21") {
  Mail m;
  m.message_id = std::move(id);
  m.from = "me@work.example";
  m.recipients = std::move(to);
  m.recipient_names.assign(m.recipients.size(), "");
  m.subject = "Re: the talk";
  m.date = day(on);
  m.where = "Sent:1";
  return m;
}

TEST(ProposeMeeting, AnEventWithAContactsAddressIsProposedOnce) {
  inbox::Inbox inbox;
  Proposer proposer(kPeople, {}, inbox, kMine, day("2026-09-01"));
  proposer.add(coffee("uid-1", {"ada@example.org", "someone@else.example"}));
  proposer.add(coffee("uid-1", {"ada@example.org"}));  // the same occurrence again
  proposer.add(coffee("uid-2", {"nobody@example.org"}));
  const auto proposals = proposer.finish();
  ASSERT_EQ(proposals.size(), 1u);
  EXPECT_EQ(proposals[0].key, "ics:uid-1");
  EXPECT_EQ(proposals[0].contacts, std::vector<std::string>{"ada"});
  EXPECT_EQ(proposals[0].kind, "coffee");
  EXPECT_EQ(proposals[0].note, "Coffee with Ada");
  EXPECT_EQ(proposals[0].id.size(), 8u);
  EXPECT_EQ(proposer.counts().already_proposed, 1u);
  EXPECT_EQ(proposer.counts().no_contact, 1u);
}

TEST(ProposeMeeting, NothingForAKeyTheInboxHoldsAnIgnoredAddressAnArchivedContactOrAnOldDate) {
  inbox::Inbox inbox;
  inbox::Proposal skipped;
  skipped.key = "ics:uid-1";
  skipped.id = "aaaa0000";
  skipped.state = inbox::State::skipped;
  inbox.proposals.push_back(skipped);
  inbox.ignored.push_back("grace@navy.example");
  Proposer proposer(kPeople, {}, inbox, kMine, day("2026-09-01"));
  proposer.add(coffee("uid-1", {"ada@example.org"}));
  proposer.add(coffee("uid-2", {"grace@navy.example"}));
  proposer.add(coffee("uid-3", {"old@example.org"}));
  proposer.add(coffee("uid-4", {"ada@example.org"}, "2026-08-31"));
  EXPECT_TRUE(proposer.finish().empty());
  EXPECT_EQ(proposer.counts().already_proposed, 1u);
  EXPECT_EQ(proposer.counts().ignored, 1u);
  EXPECT_EQ(proposer.counts().no_contact, 1u);
  EXPECT_EQ(proposer.counts().too_old, 1u);
}

TEST(ProposeMeeting, AContactAlreadyLoggedThatDayIsLeftOut) {
  Interaction logged;
  logged.date = day("2026-11-20");
  logged.contacts = {"ada"};
  inbox::Inbox inbox;
  Proposer proposer(kPeople, {logged}, inbox, kMine, day("2026-09-01"));
  proposer.add(coffee("uid-1", {"ada@example.org"}));
  proposer.add(coffee("uid-2", {"ada@example.org", "grace@navy.example"}));
  const auto proposals = proposer.finish();
  ASSERT_EQ(proposals.size(), 1u);
  EXPECT_EQ(proposals[0].contacts, std::vector<std::string>{"grace"});
  EXPECT_EQ(proposer.counts().already_logged, 1u);
}

TEST(ProposeMail, SentMailIsOnePerContactThreadAndDay) {
  inbox::Inbox inbox;
  Proposer proposer(kPeople, {}, inbox, kMine, day("2026-09-01"));
  Mail first = sent("m1@x", {"ada@example.org", "G.Hopper@example.org"});
  Mail second = sent("m2@x", {"ada@example.org"});
  second.references = {"m1@x"};
  second.in_reply_to = "m1@x";
  first.references = {};
  Mail next_day = second;
  next_day.message_id = "m3@x";
  next_day.date = day("2026-11-22");
  proposer.add(first);
  proposer.add(second);
  proposer.add(next_day);
  Mail later_that_day = second;  // one more of the thread that day: the same proposal
  later_that_day.message_id = "m4@x";
  proposer.add(later_that_day);
  const auto proposals = proposer.finish();
  ASSERT_EQ(proposals.size(), 3u);
  EXPECT_EQ(proposals[0].key, "mail:m1@x#ada#2026-11-21");
  EXPECT_EQ(proposals[1].key, "mail:m1@x#grace#2026-11-21");
  EXPECT_EQ(proposals[2].key, "mail:m1@x#ada#2026-11-22");
  EXPECT_EQ(proposals[0].kind, "email");
  EXPECT_EQ(proposals[0].note, "Re: the talk");
  EXPECT_EQ(proposer.counts().same_day, 2u);  // `second` and `later_that_day` for ada
  EXPECT_EQ(proposer.counts().already_proposed, 0u);
}

TEST(ProposeMail, MailFromAContactIsProposedOnlyWhenYouAnsweredIt) {
  inbox::Inbox inbox;
  Proposer proposer(kPeople, {}, inbox, kMine, day("2026-09-01"));
  Mail asked;
  asked.message_id = "q1@ada";
  asked.from = "ada@example.org";
  asked.recipients = {"me@home.example"};
  asked.subject = "A question";
  asked.date = day("2026-11-10");
  Mail unanswered = asked;
  unanswered.message_id = "q2@ada";
  unanswered.subject = "Another question";
  Mail reply = sent("r1@me", {"someone@else.example"}, "2026-11-12");
  reply.in_reply_to = "q1@ada";
  proposer.add(asked);
  proposer.add(unanswered);
  proposer.add(reply);
  const auto proposals = proposer.finish();
  ASSERT_EQ(proposals.size(), 1u);
  EXPECT_EQ(proposals[0].contacts, std::vector<std::string>{"ada"});
  EXPECT_EQ(proposals[0].date, day("2026-11-10"));
  EXPECT_EQ(proposals[0].note, "A question");
}

TEST(ProposeMail, BulkMailIsNeverProposed) {
  inbox::Inbox inbox;
  Proposer proposer(kPeople, {}, inbox, kMine, day("2026-09-01"));
  Mail list = sent("l1@x", {"ada@example.org"});
  list.bulk = true;
  proposer.add(list);
  EXPECT_TRUE(proposer.finish().empty());
  EXPECT_EQ(proposer.counts().bulk, 1u);
}

TEST(ProposeMail, SomeoneYouWroteToTwiceIsProposedAsANewPerson) {
  inbox::Inbox inbox;
  inbox.ignored.push_back("recruiter@example.org");
  Proposer proposer(kPeople, {}, inbox, kMine, day("2026-09-01"));
  Mail one = sent("a@x", {"lin@example.org", "once@example.org", "recruiter@example.org"});
  one.recipient_names = {"Lin Wei", "", ""};
  Mail two = sent("b@x", {"LIN@example.org", "recruiter@example.org"}, "2026-11-25");
  Mail again = two;  // the same message read twice (an mbox and a Maildir copy)
  proposer.add(one);
  proposer.add(two);
  proposer.add(again);
  proposer.add(sent("c@x", {"recruiter@example.org"}));
  const auto proposals = proposer.finish();
  ASSERT_EQ(proposals.size(), 1u);
  EXPECT_TRUE(proposals[0].is_person());
  EXPECT_EQ(proposals[0].email, "lin@example.org");
  EXPECT_EQ(proposals[0].name, "Lin Wei");
  EXPECT_EQ(proposals[0].messages, 2);
  EXPECT_EQ(proposals[0].date, day("2026-11-25"));
  EXPECT_EQ(proposals[0].key, "person:lin@example.org");
}

TEST(ProposeMail, TheThreadIsKnownByItsFirstReferenceElseItsSubject) {
  Mail m;
  m.subject = "Re: Fwd: Lunch?";
  EXPECT_EQ(thread_root(m), "subject:lunch?");
  m.message_id = "own@x";
  EXPECT_EQ(thread_root(m), "own@x");
  m.in_reply_to = "parent@x";
  EXPECT_EQ(thread_root(m), "parent@x");
  m.references = {"root@x", "parent@x"};
  EXPECT_EQ(thread_root(m), "root@x");
}

}  // namespace
}  // namespace kith::propose::propose_test
