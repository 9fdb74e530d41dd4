#include "cli/output.h"

#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "core/text.h"

namespace kith::cli::output_test {
namespace {

std::string printed(const Table& table, std::string_view indent = "") {
  std::ostringstream out;
  table.print(out, Style(false), indent);
  return out.str();
}

Table people(std::size_t width) {
  Table t({"ID", "NAME", "NOTE"});
  t.set_flexible(1);
  t.set_flexible(2);
  t.fit(width);
  t.add({{"ada"}, {"Ada Lovelace"}, {"wrote the first program for the Analytical Engine"}});
  t.add({{"zhang"}, {"张伟张伟张伟"}, {""}});
  return t;
}

TEST(TableFit, NoWidthPrintsEverythingWhole) {
  EXPECT_EQ(printed(people(0)),
            "ID     NAME          NOTE\n"
            "ada    Ada Lovelace  wrote the first program for the Analytical Engine\n"
            "zhang  张伟张伟张伟\n");
}

TEST(TableFit, TheFlexibleColumnsShortenFirstTheWidestFirst) {
  EXPECT_EQ(printed(people(40)),
            "ID     NAME          NOTE\n"
            "ada    Ada Lovelace  wrote the first pr…\n"
            "zhang  张伟张伟张伟\n");
  // Under the floor of 10 columns for the flexible ones, every column gives,
  // those of the same width in turn.
  const std::string narrow = printed(people(24));
  EXPECT_EQ(narrow,
            "ID     NAME      NOTE\n"
            "ada    Ada Lov…  wrote …\n"
            "zhang  张伟张…\n");
}

TEST(TableFit, TwoFlexibleColumnsOfTheSameWidthShareTheNarrowing) {
  // A long name and a longer note: the note narrows to the name's width,
  // then both narrow in turn; neither is cut to the floor for the other.
  Table t({"ID", "WITH", "WHAT"});
  t.set_flexible(1);
  t.set_flexible(2);
  t.fit(40);
  t.add({{"1"}, {"Zoë Dubois <zoe.dubois@initech.example>"}, {"not a contact; you wrote to them"}});
  t.add({{"2"}, {"ada"}, {"Re: the talk slides and the venue for the spring meetup"}});
  const std::string out = printed(t);
  EXPECT_EQ(out,
            "ID  WITH               WHAT\n"
            "1   Zoë Dubois <zoe.…  not a contact; y…\n"
            "2   ada                Re: the talk sli…\n");
}

TEST(TableFit, EveryLineFitsWhateverTheWidth) {
  for (std::size_t width = 20; width <= 90; ++width) {
    std::istringstream lines(printed(people(width), "  "));
    for (std::string line; std::getline(lines, line);) {
      EXPECT_LE(text::display_width(line), width) << line;
    }
  }
}

TEST(TableFit, TooWideRowsPutTheLaterColumnsBelow) {
  Table t;
  t.set_flexible(0);
  t.fit(30);
  t.wrap_from(2);
  t.add({{"Ada Lovelace"}, {"ada"}, {"last: caught up 2026-07-16"}, {"+ birthday"}});
  t.add({{"Bob"}, {"bob"}, {"last: never"}});
  EXPECT_EQ(printed(t, "  "),
            "  Ada Lovelace  ada\n"
            "      last: caugh…  + birthday\n"
            "  Bob           bob\n"
            "      last: never\n");
  t.fit(80);  // wide enough: one line each
  EXPECT_EQ(printed(t, "  "),
            "  Ada Lovelace  ada  last: caught up 2026-07-16  + birthday\n"
            "  Bob           bob  last: never\n");
}

TEST(PrintLine, ShortensTheFlexiblePiecesToTheWidth) {
  std::ostringstream out;
  print_line(out, Style(false),
             {{"  Try "}, {"Daniel Oyelaran the Third", Tone::bold, true}, {" (daniel)."}}, 30);
  EXPECT_EQ(out.str(), "  Try Daniel Oyelar… (daniel).\n");
  EXPECT_EQ(text::display_width(out.str().substr(0, out.str().size() - 1)), 30u);
}

TEST(WrapWords, BreaksAtSpacesWithAHangingIndent) {
  EXPECT_EQ(wrap_words("one two three four five", 12, "  ", "    "),
            "  one two\n    three\n    four\n    five\n");
  EXPECT_EQ(wrap_words("one two three", 0, "  "), "  one two three\n");
  EXPECT_EQ(wrap_words("supercalifragilistic word", 10), "supercali…\nword\n");
  EXPECT_EQ(wrap_words("", 10), "\n");
}

}  // namespace
}  // namespace kith::cli::output_test
