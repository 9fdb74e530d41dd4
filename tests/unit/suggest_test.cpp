// Unit tests: core/suggest (edit distance, closest words, quoting).
#include "core/suggest.h"

#include <gtest/gtest.h>

namespace kith::suggest_test {
namespace {

using Words = std::vector<std::string>;

TEST(EditDistance, CountsInsertionsDeletionsSubstitutionsAndSwaps) {
  EXPECT_EQ(edit_distance("", ""), 0u);
  EXPECT_EQ(edit_distance("log", "log"), 0u);
  EXPECT_EQ(edit_distance("", "log"), 3u);
  EXPECT_EQ(edit_distance("log", ""), 3u);
  EXPECT_EQ(edit_distance("lgo", "log"), 1u);  // a swap of neighbours
  EXPECT_EQ(edit_distance("giv", "give"), 1u);
  EXPECT_EQ(edit_distance("clmate", "climate"), 1u);
  EXPECT_EQ(edit_distance("kitten", "sitting"), 3u);
  EXPECT_EQ(edit_distance("LOG", "log"), 0u);  // ASCII case ignored
  EXPECT_EQ(edit_distance("ca", "abc"), 3u);   // a swapped pair is not edited again
}

TEST(ClosestWords, AUniquePrefixWins) {
  EXPECT_EQ(closest_words("lo", {"log", "ls", "list"}), (Words{"log"}));
  EXPECT_EQ(closest_words("sta", {"stats", "show", "snooze"}), (Words{"stats"}));
}

TEST(ClosestWords, ElseTheNearestWithinTheLimit) {
  EXPECT_EQ(closest_words("lgo", {"add", "log", "due", "ls"}), (Words{"log"}));
  EXPECT_EQ(closest_words("giv", {"give", "kind", "note"}), (Words{"give"}));
  EXPECT_EQ(closest_words("clmate", {"ai", "climate", "climbing"}), (Words{"climate"}));
  // Ties are all given, in the order of the candidates, once each.
  EXPECT_EQ(closest_words("rn", {"rm", "me", "rm", "ls", "run"}), (Words{"rm", "run"}));
}

TEST(ClosestWords, NothingWhenTooFarOrNotMistyped) {
  EXPECT_TRUE(closest_words("frobnicate", {"add", "log", "due"}).empty());
  EXPECT_TRUE(closest_words("x", {"rm", "me", "ls"}).empty());
  EXPECT_TRUE(closest_words("lgg", {"add", "ls"}).empty());            // 2 is too far for 3 letters
  EXPECT_EQ(closest_words("clmte", {"climate"}), (Words{"climate"}));  // 2 is near for 5
  EXPECT_TRUE(closest_words("log", {"log", "lo"}).empty());
  EXPECT_TRUE(closest_words("", {"log"}).empty());
  EXPECT_TRUE(closest_words("log", {}).empty());
  // Several candidates start with it: the prefix decides nothing.
  EXPECT_TRUE(closest_words("s", {"stats", "show"}).empty());
}

TEST(QuoteAlternatives, JoinsWithCommasAndOr) {
  EXPECT_EQ(quote_alternatives({"log"}), "`log`");
  EXPECT_EQ(quote_alternatives({"log", "ls"}), "`log` or `ls`");
  EXPECT_EQ(quote_alternatives({"a", "b", "c"}), "`a`, `b` or `c`");
  EXPECT_EQ(quote_alternatives({}), "");
}

}  // namespace
}  // namespace kith::suggest_test
