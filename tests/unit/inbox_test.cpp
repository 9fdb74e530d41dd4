#include "core/inbox.h"

#include <string>

#include <gtest/gtest.h>

#include "core/dates.h"

namespace kith::inbox::inbox_test {
namespace {

Proposal meeting(std::string key, std::string id, State state = State::open) {
  Proposal p;
  p.key = std::move(key);
  p.id = std::move(id);
  p.state = state;
  p.source = "ics";
  p.where = "work.ics";
  p.date = *parse_iso_date("2026-11-20");
  p.kind = "coffee";
  p.contacts = {"ada-lovelace"};
  p.note = "Coffee with Ada";
  return p;
}

TEST(InboxText, ProposalsAndIgnoredAddressesRoundTrip) {
  Inbox inbox;
  inbox.proposals.push_back(meeting("ics:abc", "0badf00d"));
  Proposal person;
  person.key = "person:lin@example.org";
  person.id = "12345678";
  person.source = "mail";
  person.date = *parse_iso_date("2026-11-22");
  person.name = "Lin Wei";
  person.email = "lin@example.org";
  person.messages = 3;
  person.extra["seen_by"] = "laptop";
  inbox.proposals.push_back(person);
  inbox.ignored.push_back("news@example.org");

  const std::string text = to_text(inbox);
  const Inbox back = parse(text, "inbox.jsonl");
  EXPECT_TRUE(back.warnings.empty());
  ASSERT_EQ(back.proposals.size(), 2u);
  EXPECT_EQ(back.proposals[0].note, "Coffee with Ada");
  EXPECT_EQ(back.proposals[0].contacts, std::vector<std::string>{"ada-lovelace"});
  EXPECT_FALSE(back.proposals[0].is_person());
  EXPECT_TRUE(back.proposals[1].is_person());
  EXPECT_EQ(back.proposals[1].messages, 3);
  EXPECT_EQ(back.proposals[1].extra["seen_by"], "laptop");
  EXPECT_EQ(back.ignored, std::vector<std::string>{"news@example.org"});
  EXPECT_EQ(to_text(back), text);
}

TEST(InboxText, ABadLineIsSkippedWithItsLineAndTheRestIsRead) {
  const std::string good = to_text(Inbox{{meeting("ics:abc", "0badf00d")}, {}, {}});
  const Inbox inbox = parse(
      "{not json\n" + good + "{\"id\":\"x\",\"key\":\"k\",\"state\":\"maybe\"}\n", "inbox.jsonl");
  ASSERT_EQ(inbox.proposals.size(), 1u);
  ASSERT_EQ(inbox.warnings.size(), 2u);
  EXPECT_EQ(inbox.warnings[0], "inbox.jsonl:1: not a JSON object; skipped");
  EXPECT_NE(inbox.warnings[1].find("inbox.jsonl:3: \"state\""), std::string::npos);
}

TEST(InboxText, AnIdThatAppearsTwiceKeepsTheFirst) {
  const std::string line = to_text(Inbox{{meeting("ics:abc", "0badf00d")}, {}, {}});
  const Inbox inbox = parse(line + line, "inbox.jsonl");
  EXPECT_EQ(inbox.proposals.size(), 1u);
  EXPECT_EQ(inbox.warnings.size(), 1u);
}

TEST(InboxIds, AreStableForAKeyAndLengthenedOnAClash) {
  const Inbox empty;
  const std::string id = proposal_id("ics:abc", empty);
  EXPECT_EQ(id.size(), 8u);
  EXPECT_EQ(proposal_id("ics:abc", empty), id);
  EXPECT_NE(proposal_id("ics:abd", empty), id);
  Inbox taken;
  taken.proposals.push_back(meeting("ics:other", id));
  const std::string longer = proposal_id("ics:abc", taken);
  EXPECT_EQ(longer.size(), 9u);
  EXPECT_TRUE(longer.starts_with(id));
}

TEST(InboxFind, ByIdOrAUniquePrefixOfFourOrMore) {
  Inbox inbox;
  inbox.proposals = {meeting("ics:a", "abcd1111"), meeting("ics:b", "abcd2222")};
  Error error;
  EXPECT_EQ(find(inbox, "abcd2222", error), &inbox.proposals[1]);
  EXPECT_EQ(find(inbox, "abcd1", error), &inbox.proposals[0]);
  EXPECT_EQ(find(inbox, "abcd", error), nullptr);
  EXPECT_NE(error.message.find("start of 2 proposals"), std::string::npos);
  EXPECT_EQ(find(inbox, "abc", error), nullptr);
  EXPECT_NE(error.message.find("no proposal 'abc'"), std::string::npos);
}

TEST(InboxMerge, KeepsBothSidesProposalsAndASettledStateWins) {
  Inbox base{{meeting("ics:a", "aaaa0000")}, {}, {}};
  Inbox ours{{meeting("ics:a", "aaaa0000", State::accepted), meeting("ics:b", "bbbb0000")},
             {"x@example.org"},
             {}};
  Inbox theirs{{meeting("ics:a", "aaaa0000"), meeting("ics:c", "cccc0000", State::skipped)},
               {"y@example.org"},
               {}};
  const Inbox merged = parse(merge_text(to_text(base), to_text(ours), to_text(theirs)), "m");
  ASSERT_EQ(merged.proposals.size(), 3u);
  EXPECT_EQ(merged.proposals[0].state, State::accepted);
  EXPECT_EQ(merged.proposals[1].id, "bbbb0000");
  EXPECT_EQ(merged.proposals[2].state, State::skipped);
  EXPECT_EQ(merged.ignored, (std::vector<std::string>{"x@example.org", "y@example.org"}));

  // Settled on their side only: theirs wins over our open one.
  const Inbox other = parse(merge_text(to_text(base), to_text(base), to_text(ours)), "m");
  EXPECT_EQ(other.proposals[0].state, State::accepted);
}

}  // namespace
}  // namespace kith::inbox::inbox_test
