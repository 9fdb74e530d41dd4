#include "core/contentline.h"

#include <ostream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "support/labels.h"

namespace kith::contentline::contentline_test {
namespace {

using ::kith::test::operator<<;

struct EscapeCase {
  const char* label;
  std::string_view plain;
  std::string_view escaped;
};

class EscapeTest : public testing::TestWithParam<EscapeCase> {};

TEST_P(EscapeTest, EscapesTextValues) {
  EXPECT_EQ(escape_text(GetParam().plain), GetParam().escaped);
}

TEST_P(EscapeTest, UnescapeGivesTheTextBack) {
  EXPECT_EQ(unescape_text(GetParam().escaped), GetParam().plain);
}

INSTANTIATE_TEST_SUITE_P(Table, EscapeTest,
                         testing::Values(EscapeCase{"plain", "Ada Lovelace", "Ada Lovelace"},
                                         EscapeCase{"comma", "Engines, Ltd.", "Engines\\, Ltd."},
                                         EscapeCase{"semicolon", "a;b", "a\\;b"},
                                         EscapeCase{"backslash", "C:\\dir", "C:\\\\dir"},
                                         EscapeCase{"newline", "one\ntwo", "one\\ntwo"},
                                         EscapeCase{"unicode", "José 李", "José 李"}),
                         [](const auto& c) { return std::string(c.param.label); });

TEST(Escape, CrLfAndLoneCrBecomeOneNewlineAndOtherControlsAreDropped) {
  EXPECT_EQ(escape_text("a\r\nb\rc\x01\x1b[0m"), "a\\nb\\nc[0m");
}

TEST(Unescape, ReadsWhatOtherWritersEscape) {
  EXPECT_EQ(unescape_text("a\\Nb"), "a\nb");
  EXPECT_EQ(unescape_text("http\\://x"), "http://x");
  EXPECT_EQ(unescape_text("keep \\q and end\\"), "keep \\q and end\\");
}

TEST(SplitUnescaped, SplitsOnlyOnUnescapedSeparators) {
  EXPECT_EQ(split_unescaped("a\\,b,c", ','), (std::vector<std::string>{"a,b", "c"}));
  EXPECT_EQ(split_unescaped(";;;Lisboa;;;", ';'),
            (std::vector<std::string>{"", "", "", "Lisboa", "", "", ""}));
  EXPECT_EQ(split_unescaped("", ';'), (std::vector<std::string>{""}));
  EXPECT_EQ(split_unescaped("end\\", ';'), (std::vector<std::string>{"end\\"}));
}

TEST(Fold, ShortLinesOnlyGainCrLf) { EXPECT_EQ(fold("FN:Ada"), "FN:Ada\r\n"); }

TEST(Fold, LongLinesAreCutAt75OctetsWithASpaceOnContinuations) {
  const std::string line = "NOTE:" + std::string(200, 'x');
  const std::string folded = fold(line);
  std::size_t pos = 0;
  std::string unfolded;
  bool first = true;
  while (pos < folded.size()) {
    const std::size_t end = folded.find("\r\n", pos);
    ASSERT_NE(end, std::string::npos);
    const std::string physical = folded.substr(pos, end - pos);
    EXPECT_LE(physical.size(), 75u);
    if (!first) {
      ASSERT_EQ(physical.front(), ' ');
      unfolded += physical.substr(1);
    } else {
      unfolded += physical;
    }
    first = false;
    pos = end + 2;
  }
  EXPECT_EQ(unfolded, line);
}

TEST(Fold, NeverSplitsAUtf8Sequence) {
  std::string line = "SUMMARY:";
  for (int i = 0; i < 60; ++i) line += "é李😀";
  const std::string folded = fold(line);
  std::size_t pos = 0;
  while (pos < folded.size()) {
    const std::size_t end = folded.find("\r\n", pos);
    const std::string physical = folded.substr(pos, end - pos);
    EXPECT_LE(physical.size(), 75u);
    // A continuation byte never starts a physical line's content.
    const std::size_t content = pos == 0 ? 0 : 1;
    if (physical.size() > content) {
      const auto first = static_cast<unsigned char>(physical[content]);
      EXPECT_FALSE(first >= 0x80 && first <= 0xBF) << "line at " << pos;
    }
    pos = end + 2;
  }
}

TEST(StripControls, RemovesLineBreaksFromNonTextValues) {
  EXPECT_EQ(strip_controls("https://x\r\nBEGIN:VEVENT"), "https://xBEGIN:VEVENT");
}

}  // namespace
}  // namespace kith::contentline::contentline_test
