#include "core/logbook.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "support/testutil.h"

namespace kith::logbook_test {
namespace {

// ---------------------------------------------------------------- parse_kind

TEST(ParseKind, AcceptsOneWordAndLowerCasesAscii) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"coffee", "coffee"},
      {"Coffee", "coffee"},
      {"VIDEO", "video"},
      {"one-on-1", "one-on-1"},
      {"pair_coding", "pair_coding"},
      {"café", "café"},
      {"Déjeuner", "déjeuner"},
      {"電話", "電話"},
      {"x", "x"},
      {std::string(32, 'a'), std::string(32, 'a')}};
  for (const auto& [input, expected] : cases) {
    SCOPED_TRACE(input);
    auto r = parse_kind(input);
    ASSERT_TRUE(r.ok()) << r.error().message;
    EXPECT_EQ(*r, expected);
  }
}

TEST(ParseKind, RejectsAnythingButOneWordWithAUsageErrorQuotingIt) {
  const std::vector<std::string> bad = {"",
                                        "two words",
                                        " coffee",
                                        "coffee\n",
                                        "tab\tbed",
                                        "no\xc2\xa0"
                                        "break",  // NO-BREAK SPACE
                                        "1on1",
                                        "-dash",
                                        "coffee!",
                                        "a/b",
                                        "bad\xc3\x28"
                                        "utf8",
                                        "esc\x1b[31m",
                                        std::string(33, 'a')};
  for (const auto& input : bad) {
    SCOPED_TRACE(input);
    auto r = parse_kind(input);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().kind, ErrorKind::usage);
    EXPECT_EQ(r.error().message.rfind("bad kind '", 0), 0u) << r.error().message;
    EXPECT_EQ(r.error().message.find('\n'), std::string::npos);
    EXPECT_EQ(r.error().message.find('\x1b'), std::string::npos);
  }
}

// ------------------------------------------------------------ find_follow_up

Interaction interaction(std::string id, bool follow_up, bool done = false) {
  Interaction i;
  i.id = std::move(id);
  i.date = Date{date::year{2026} / 11 / 5};
  i.contacts = {"ada"};
  if (follow_up) {
    FollowUp f;
    f.text = "send the CV";
    if (done) f.done_on = Date{date::year{2026} / 11 / 6};
    i.follow_up = f;
  }
  return i;
}

const std::vector<Interaction> kLog = {
    interaction("20261105T100000Z-aaaaaa", true),
    interaction("20261105T110000Z-bbbbbb", false),
    interaction("20261105T120000Z-cccccc", true, true),
    interaction("20261106T090000Z-dddddd", true),
    interaction("20261106T090000Z-ddeeee", true, true),
    interaction("abc", false),
    interaction("abc-2", true),
};

struct FindCase {
  const char* ref;
  const char* found;    // the id found, or nullptr
  const char* message;  // part of the error message otherwise
};

// Each case through `find`: the id it finds, or a usage error saying so.
template <typename Find>
void expect_finds(Find find, const std::vector<FindCase>& cases) {
  for (const FindCase& c : cases) {
    SCOPED_TRACE(c.ref);
    auto r = find(kLog, c.ref);
    if (c.found) {
      ASSERT_TRUE(r.ok()) << r.error().message;
      EXPECT_EQ((*r)->id, c.found);
    } else {
      ASSERT_FALSE(r.ok());
      EXPECT_EQ(r.error().kind, ErrorKind::usage);
      EXPECT_NE(r.error().message.find(c.message), std::string::npos) << r.error().message;
    }
  }
}

TEST(FindFollowUp, ResolvesExactIdsAndUniquePrefixes) {
  const std::vector<FindCase> cases = {
      {"20261105T100000Z-aaaaaa", "20261105T100000Z-aaaaaa", nullptr},
      {"20261105T1000", "20261105T100000Z-aaaaaa", nullptr},
      // Open follow-ups win over done ones for a prefix.
      {"20261105", "20261105T100000Z-aaaaaa", nullptr},
      {"20261106T090000Z-dd", "20261106T090000Z-dddddd", nullptr},
      // A done one is found when nothing open matches (to say it is done).
      {"20261105T12", "20261105T120000Z-cccccc", nullptr},
      {"20261106T090000Z-dde", "20261106T090000Z-ddeeee", nullptr},
      {"abc-", "abc-2", nullptr},
      {"2026", nullptr, "matches 2 follow-ups"},
      {"20261105T110000Z-bbbbbb", nullptr, "has no follow-up"},
      {"abc", nullptr, "interaction abc has no follow-up"},
      {"20261105T11", nullptr, "the interactions it names have none"},
      {"zzz", nullptr, "no follow-up matches 'zzz'"},
      {"", nullptr, "is not an interaction id"},
      {"../x", nullptr, "is not an interaction id"},
      {"a b", nullptr, "is not an interaction id"},
  };
  expect_finds(find_follow_up, cases);
}

TEST(FindFollowUp, TakesTheRandomPartOfAnIdOrItsFirstFourCharacters) {
  const std::vector<FindCase> cases = {
      {"aaaaaa", "20261105T100000Z-aaaaaa", nullptr},
      {"aaaa", "20261105T100000Z-aaaaaa", nullptr},
      {"ddee", "20261106T090000Z-ddeeee", nullptr},
      {"cccccc", "20261105T120000Z-cccccc", nullptr},
      // Three characters are too few to be a random part.
      {"aaa", nullptr, "no follow-up matches 'aaa'"},
      {"bbbbbb", nullptr, "the interactions it names have none"},
  };
  expect_finds(find_follow_up, cases);
}

TEST(FindInteraction, AnyUniquePrefixOrRandomPartWithOrWithoutAFollowUp) {
  const std::vector<FindCase> cases = {
      {"bbbbbb", "20261105T110000Z-bbbbbb", nullptr},
      {"20261105T11", "20261105T110000Z-bbbbbb", nullptr},
      {"abc", "abc", nullptr},  // exact, though "abc-2" starts with it
      {"abc-", "abc-2", nullptr},
      {"dd", nullptr, "no interaction matches 'dd'"},
      {"2026110", nullptr, "matches 5 interactions: 20261105T100000Z-aaaaaa (2026-11-05), "},
      {"no such", nullptr, "is not an interaction id"},
  };
  expect_finds(find_interaction, cases);
}

TEST(ShortInteractionId, IsTheRandomPartOfKithsOwnIdsAndOtherIdsWhole) {
  EXPECT_EQ(short_interaction_id("20261105T212043Z-046f02"), "046f02");
  EXPECT_EQ(short_interaction_id("b1"), "b1");
  EXPECT_EQ(short_interaction_id("imported-2019-7"), "imported-2019-7");
  EXPECT_TRUE(names_interaction("20261105T212043Z-046f02", "046f"));
  EXPECT_FALSE(names_interaction("20261105T212043Z-046f02", "046"));
  EXPECT_FALSE(names_interaction("20261105T212043Z-046f02", "f02"));
  EXPECT_FALSE(names_interaction("20261105T212043Z-046f02", ""));
}

// ------------------------------------------------- month files, done in place

class MonthFileTest : public ::testing::Test {
 protected:
  test::TempDir tmp;
  Store store{tmp.path()};
  const date::year_month november = date::year{2026} / 11;
  const test::fs::path file = tmp / "log/2026-11.jsonl";
};

TEST_F(MonthFileTest, ReadsLinesInFileOrderNotDateOrder) {
  test::write_file(file, R"({"id":"b","date":"2026-11-20","contacts":["ada"],"logged_at":"x"})"
                         "\n\n"
                         R"({"id":"a","date":"2026-11-02","contacts":["bob"],"logged_at":"y"})"
                         "\n");
  auto r = read_month_in_file_order(store, november);
  ASSERT_TRUE(r.ok()) << r.error().message;
  ASSERT_EQ(r->size(), 2u);
  EXPECT_EQ((*r)[0].id, "b");
  EXPECT_EQ((*r)[1].id, "a");
}

TEST_F(MonthFileTest, AMissingMonthIsEmpty) {
  auto r = read_month_in_file_order(store, november);
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->empty());
}

TEST_F(MonthFileTest, ATornOrBadLineIsADataErrorNamingTheLine) {
  test::write_file(file, R"({"id":"b","date":"2026-11-20","contacts":["ada"]})"
                         "\n"
                         R"({"id":"a","da)");
  auto r = read_month_in_file_order(store, november);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, ErrorKind::data);
  EXPECT_NE(r.error().message.find("log/2026-11.jsonl:2"), std::string::npos);

  test::write_file(file, "not json\n");
  r = read_month_in_file_order(store, november);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, ErrorKind::data);
  EXPECT_NE(r.error().message.find("log/2026-11.jsonl:1"), std::string::npos);
}

TEST_F(MonthFileTest, MarkDoneChangesOnlyThatLineAndKeepsUnknownKeys) {
  const std::string first =
      R"({"id":"b","date":"2026-11-20","contacts":["ada"],"kind":"coffee","intent":"catch-up","note":null,"logged_at":"2026-11-20T10:00:00Z"})"
      "\n";
  const std::string third =
      R"({"id":"c","date":"2026-11-01","contacts":["ada"],"kind":"call","intent":"give","note":null,"logged_at":"2026-11-21T10:00:00Z"})"
      "\n";
  test::write_file(
      file,
      first +
          R"({"id":"a","date":"2026-11-02","contacts":["bob"],"kind":"other","intent":"ask","note":null,"logged_at":"2026-11-02T10:00:00Z","follow_up":{"text":"send it","by":"2026-11-09","done_on":null,"priority":"high"},"mood":"good"})"
          "\n" +
          third);
  auto s = mark_follow_up_done(store, "a", Date{date::year{2026} / 11 / 2},
                               Date{date::year{2026} / 11 / 25});
  ASSERT_TRUE(s.ok()) << s.error().message;
  EXPECT_EQ(
      test::read_file(file),
      first +
          R"({"id":"a","date":"2026-11-02","contacts":["bob"],"kind":"other","intent":"ask","note":null,"logged_at":"2026-11-02T10:00:00Z","follow_up":{"text":"send it","by":"2026-11-09","done_on":"2026-11-25","priority":"high"},"mood":"good"})"
          "\n" +
          third);
}

TEST_F(MonthFileTest, MarkDoneOfAnUnknownIdChangesNothing) {
  const std::string content =
      R"({"id":"b","date":"2026-11-20","contacts":["ada"],"kind":"coffee","intent":"catch-up","note":null,"logged_at":"x"})"
      "\n";
  test::write_file(file, content);
  auto s = mark_follow_up_done(store, "b", Date{date::year{2026} / 11 / 20},
                               Date{date::year{2026} / 11 / 25});
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().kind, ErrorKind::usage);
  EXPECT_EQ(test::read_file(file), content);
}

}  // namespace
}  // namespace kith::logbook_test
