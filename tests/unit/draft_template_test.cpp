#include "core/draft_template.h"

#include <ostream>
#include <random>
#include <string>
#include <string_view>

#include <gtest/gtest.h>

#include "support/labels.h"
#include "support/testutil.h"

namespace kith::draft_template_test {
namespace {

using test::LabelName;

using ::kith::test::operator<<;

DraftFields sample_fields() {
  DraftFields f;
  f.name = "José Núñez";
  f.first_name = "José";
  f.my_name = "Noor Haddad";
  f.offer = "hiring and Rust";
  f.intro = "Amélie Dubois (on-call)";
  f.common = "rust-meetup and Berlin";
  f.ask = "Coffee?";
  f.occasion = "Happy birthday!";
  return f;
}

std::string fill(std::string_view text, const DraftFields& fields = sample_fields()) {
  auto t = parse_template(text, "t.txt");
  EXPECT_TRUE(t.ok()) << (t.ok() ? "" : t.error().message);
  return t.ok() ? fill_template(*t, fields) : std::string();
}

struct FillCase {
  const char* label;
  const char* tmpl;
  const char* expected;
};

class TemplateFillTest : public testing::TestWithParam<FillCase> {};

TEST_P(TemplateFillTest, Fills) { EXPECT_EQ(fill(GetParam().tmpl), GetParam().expected); }

INSTANTIATE_TEST_SUITE_P(
    Table, TemplateFillTest,
    testing::Values(
        FillCase{"name", "{{name}}", "José Núñez"},
        FillCase{"first_name", "Hi {{first_name}},", "Hi José,"},
        FillCase{"my_name", "-- {{my_name}}", "-- Noor Haddad"},
        FillCase{"offer", "I can help with {{offer}}.", "I can help with hiring and Rust."},
        FillCase{"intro", "Meet {{intro}}?", "Meet Amélie Dubois (on-call)?"},
        FillCase{"common", "We share {{common}}.", "We share rust-meetup and Berlin."},
        FillCase{"ask", "{{ask}}", "Coffee?"},
        FillCase{"occasion", "Hi!\n{{occasion}}", "Hi!\nHappy birthday!"},
        FillCase{"spaces_inside_braces", "{{ first_name }}!", "José!"},
        FillCase{"several_on_a_line", "{{first_name}}/{{my_name}}", "José/Noor Haddad"},
        FillCase{"single_braces_pass_through", "{name} {x}", "{name} {x}"},
        FillCase{"lone_double_braces_pass_through", "}} then {{ then {{", "}} then {{ then {{"},
        FillCase{"empty_braces_pass_through", "{{}} {{ }}", "{{}} {{ }}"},
        FillCase{"two_words_pass_through", "{{first name}}", "{{first name}}"},
        FillCase{"json_passes_through", "{\"a\": {\"b\": 1}}", "{\"a\": {\"b\": 1}}"},
        FillCase{"triple_braces_keep_the_outer_ones", "{{{name}}}", "{José Núñez}"},
        FillCase{"unclosed_placeholder_passes_through", "{{name", "{{name"},
        FillCase{"trailing_newlines_dropped", "Hi\n\n\n", "Hi"},
        FillCase{"inner_blank_lines_kept", "a\n\n\nb", "a\n\n\nb"}),
    LabelName{});

TEST(TemplateTest, EveryDocumentedPlaceholderIsKnown) {
  std::string all;
  for (auto name : template_placeholders()) all += "{{" + std::string(name) + "}}\n";
  EXPECT_TRUE(parse_template(all, "t").ok());
  EXPECT_EQ(template_placeholders().size(), 29u);
}

struct UnknownCase {
  const char* label;
  const char* tmpl;
  const char* message;
};

class TemplateUnknownTest : public testing::TestWithParam<UnknownCase> {};

TEST_P(TemplateUnknownTest, IsAUsageErrorNamingThePlaceholderFileAndLine) {
  auto t = parse_template(GetParam().tmpl, "drafts/coffee.txt");
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.error().kind, ErrorKind::usage);
  EXPECT_EQ(t.error().message, GetParam().message);
  EXPECT_NE(t.error().hint.find("{{first_name}}"), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(
    Table, TemplateUnknownTest,
    testing::Values(UnknownCase{"misspelt", "Hi {{nmae}}",
                                "template drafts/coffee.txt:1: unknown placeholder {{nmae}}"},
                    UnknownCase{"wrong_case", "Hi {{Name}}",
                                "template drafts/coffee.txt:1: unknown placeholder {{Name}}"},
                    UnknownCase{"dash_for_underscore", "ok {{name}}\n\nHi {{first-name}}",
                                "template drafts/coffee.txt:3: unknown placeholder {{first-name}}"},
                    UnknownCase{"with_spaces", "{{ birthday }}",
                                "template drafts/coffee.txt:1: unknown placeholder {{birthday}}"}),
    LabelName{});

TEST(TemplateTest, AMisspeltPlaceholderSuggestsTheClosest) {
  auto t = parse_template("{{ocasion_date}}", "t.txt");
  ASSERT_FALSE(t.ok());
  EXPECT_TRUE(t.error().hint.starts_with("did you mean {{occasion_date}}? the placeholders are "))
      << t.error().hint;
  t = parse_template("{{zzzzzzzz}}", "t.txt");
  ASSERT_FALSE(t.ok());
  EXPECT_TRUE(t.error().hint.starts_with("the placeholders are {{name}} {{first_name}}"))
      << t.error().hint;
}

TEST(TemplateTest, EachPlaceholderFillsItsOwnField) {
  DraftFields f;
  // Every field a different value: its placeholder's name.
  const std::vector<std::string_view>& names = template_placeholders();
  std::string tmpl;
  for (auto name : names) tmpl += "{{" + std::string(name) + "}}\n";
  auto t = parse_template(tmpl, "t.txt");
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(fill_template(*t, f), "");  // every line empty, so every line left out
  f.owed_by = "2026-10-03";
  f.occasion_weekday = "Tuesday";
  f.trade = "Rust";
  EXPECT_EQ(fill(tmpl, f), "Tuesday\n2026-10-03\nRust");
}

TEST(TemplateTest, InvalidUtf8IsAUsageError) {
  auto t = parse_template("Hi \xC3\x28", "t.txt");
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.error().kind, ErrorKind::usage);
  EXPECT_NE(t.error().message.find("not valid UTF-8"), std::string::npos);
}

TEST(TemplateTest, ALineWhosePlaceholdersAreAllEmptyIsLeftOut) {
  DraftFields f = sample_fields();
  f.ask.clear();
  f.intro.clear();
  EXPECT_EQ(fill("Hi {{first_name}},\n\n{{ask}}\n\nBest,\n{{my_name}}\n", f),
            "Hi José,\n\nBest,\nNoor Haddad");
  EXPECT_EQ(fill("{{ask}}\n\nHi\n", f), "Hi");
  EXPECT_EQ(fill("Hi\n{{ask}}\nBye", f), "Hi\nBye");
  EXPECT_EQ(fill("Hi\n\n{{ask}}", f), "Hi");
  // The literal text around them goes too: the line only made sense with them.
  EXPECT_EQ(fill("Hi\nI could introduce you to {{intro}}.\nBye", f), "Hi\nBye");
  // A line without placeholders always stays, even when blank.
  EXPECT_EQ(fill("Hi\n\n\nBye", f), "Hi\n\n\nBye");
  // One non-empty placeholder keeps the line.
  EXPECT_EQ(fill("{{intro}}{{first_name}}", f), "José");
}

TEST(TemplateTest, AnyBytesGiveATemplateOrAUsageError) {
  // Deterministic pseudo-random input, biased towards braces and newlines.
  std::mt19937 random(20261120);
  const std::string alphabet = "{{}} \n_-aeimnorst\xC3\xA9\xFF";
  for (int round = 0; round < 2000; ++round) {
    std::string input;
    const auto length = random() % 40;
    for (unsigned i = 0; i < length; ++i) input += alphabet[random() % alphabet.size()];
    if (round % 3 == 0) input += "{{name}}";
    auto t = parse_template(input, "fuzz");
    if (t.ok()) {
      (void)fill_template(*t, sample_fields());
      (void)fill_template(*t, DraftFields{});
    } else {
      EXPECT_EQ(t.error().kind, ErrorKind::usage);
    }
  }
}

}  // namespace
}  // namespace kith::draft_template_test
