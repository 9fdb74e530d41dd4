#include "core/text.h"

#include <algorithm>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include "support/labels.h"

namespace kith::text::text_test {
namespace {

using namespace std::string_view_literals;

using ::kith::test::LabelName;

using ::kith::test::operator<<;

// ---------------------------------------------------------------------------
// is_valid_utf8

struct Utf8Case {
  const char* label;
  std::string_view input;
  bool valid;
};

class IsValidUtf8Test : public testing::TestWithParam<Utf8Case> {};

TEST_P(IsValidUtf8Test, ClassifiesInput) {
  const Utf8Case& c = GetParam();
  EXPECT_EQ(is_valid_utf8(c.input), c.valid);
}

INSTANTIATE_TEST_SUITE_P(
    Table, IsValidUtf8Test,
    testing::Values(Utf8Case{"empty_is_valid", "", true}, Utf8Case{"ascii", "hello, world", true},
                    Utf8Case{"latin_accents", "Jos\u00e9 N\u00fa\u00f1ez", true},
                    Utf8Case{"cjk", "\u674e\u5c0f\u9f99", true},
                    Utf8Case{"emoji", "\U0001F44B", true},
                    Utf8Case{"euro_sign", "\xE2\x82\xAC", true},
                    Utf8Case{"first_two_byte_u0080", "\xC2\x80", true},
                    Utf8Case{"last_before_surrogates_ud7ff", "\xED\x9F\xBF", true},
                    Utf8Case{"first_after_surrogates_ue000", "\xEE\x80\x80", true},
                    Utf8Case{"replacement_char", "\xEF\xBF\xBD", true},
                    Utf8Case{"max_code_point_u10ffff", "\xF4\x8F\xBF\xBF", true},
                    Utf8Case{"overlong_slash_c0af", "\xC0\xAF", false},
                    Utf8Case{"overlong_c1", "\xC1\xBF", false},
                    Utf8Case{"overlong_three_byte", "\xE0\x80\xAF", false},
                    Utf8Case{"overlong_four_byte", "\xF0\x80\x80\xAF", false},
                    Utf8Case{"high_surrogate", "\xED\xA0\x80", false},
                    Utf8Case{"low_surrogate", "\xED\xBF\xBF", false},
                    Utf8Case{"above_u10ffff", "\xF4\x90\x80\x80", false},
                    Utf8Case{"lead_f5", "\xF5\x80\x80\x80", false},
                    Utf8Case{"byte_ff", "\xFF", false},
                    Utf8Case{"lone_continuation", "\x80", false},
                    Utf8Case{"truncated_two_byte_at_end", "ab\xC3", false},
                    Utf8Case{"truncated_two_byte_before_ascii",
                             "\xC3"
                             "a",
                             false},
                    Utf8Case{"truncated_three_byte", "\xE6\x9D", false},
                    Utf8Case{"truncated_four_byte", "\xF0\x9F\x91", false},
                    Utf8Case{"bad_continuation", "\xE6\x9D\x41", false},
                    Utf8Case{"nul_inside", "a\0b"sv, false}, Utf8Case{"nul_alone", "\0"sv, false},
                    Utf8Case{"nul_after_unicode", "\xC3\xA9\0"sv, false}),
    LabelName{});

// ---------------------------------------------------------------------------
// fold

struct FoldCase {
  const char* label;
  std::string_view input;
  std::string_view folded;
};

const std::vector<FoldCase>& fold_cases() {
  static const std::vector<FoldCase> cases = {
      {"empty", "", ""},
      {"ascii_lowercased", "Hello World 42!", "hello world 42!"},
      {"spanish_accents", "Jos\u00e9 N\u00fa\u00f1ez", "jose nunez"},
      {"decomposed_accent", "Jose\u0301", "jose"},
      {"german_upper_ss", "STRASSE", "strasse"},
      {"german_sharp_s", "Stra\u00dfe", "strasse"},
      {"german_capital_sharp_s", "\u1e9e", "ss"},
      {"german_umlaut", "\u00d6konomie", "okonomie"},
      {"danish_o_slash", "\u00d8rsted", "orsted"},
      {"danish_o_slash_lower", "S\u00f8ren", "soren"},
      {"ae_ligature", "\u00c6sir C\u00e6sar", "aesir caesar"},
      {"oe_ligature", "\u0152uvre c\u0153ur", "oeuvre coeur"},
      {"polish_l_stroke", "\u0141\u00f3d\u017a", "lodz"},
      {"polish_upper", "\u0141\u00d3D\u0179", "lodz"},
      {"d_stroke", "\u0110or\u0111e", "dorde"},
      {"eth", "\u00d0\u00f3ra \u00f0", "dora d"},
      {"thorn", "\u00de\u00f3r \u00fe", "thor th"},
      {"dotless_i", "K\u0131r\u0131kkale", "kirikkale"},
      {"dotted_capital_i", "\u0130stanbul", "istanbul"},
      {"swedish_ring", "\u00c5sa", "asa"},
      {"greek_upper", "\u039f\u0394\u03a5\u03a3\u03a3\u0395\u03a5\u03a3",
       "\u03bf\u03b4\u03c5\u03c3\u03c3\u03b5\u03c5\u03c3"},
      {"greek_final_sigma_and_accents", "\u1f48\u03b4\u03c5\u03c3\u03c3\u03b5\u03cd\u03c2",
       "\u03bf\u03b4\u03c5\u03c3\u03c3\u03b5\u03c5\u03c3"},
      {"cyrillic_upper", "\u041c\u041e\u0421\u041a\u0412\u0410",
       "\u043c\u043e\u0441\u043a\u0432\u0430"},
      {"cyrillic_yo", "\u0401\u043b\u043a\u0430", "\u0435\u043b\u043a\u0430"},
      {"cjk_unchanged", "\u674e\u5c0f\u9f99", "\u674e\u5c0f\u9f99"},
      {"hangul_unchanged", "\ud55c\uad6d\uc5b4", "\ud55c\uad6d\uc5b4"},
      {"emoji_unchanged", "\U0001F44B Hi", "\U0001F44B hi"},
      {"compat_ligature", "\ufb01nance", "finance"},
      {"compat_full_width", "\uff21\uff22\uff23", "abc"},
      {"typographic_apostrophe", "O\u2019Brien", "o'brien"},
      {"en_dash_and_ideographic_space", "a\u2013b\u3000c", "a-b c"},
      {"no_break_space", "Ada\u00a0Lovelace", "ada lovelace"},
      {"soft_hyphen_dropped", "Jo\u00adse", "jose"},
      {"zero_width_space_dropped", "Ada\u200bLovelace", "adalovelace"},
      {"invalid_utf8_ascii_lowered",
       "ABC\xFF"
       "D\xC3\xA9"
       "F",
       "abc\xFF"
       "d\xC3\xA9"
       "f"},
      {"invalid_truncated", "Jos\xC3", "jos\xC3"},
      {"nul_ascii_lowered", "A\0B"sv, "a\0b"sv},
      {"nul_with_unicode_ascii_lowered", "\xC3\x89\0X"sv, "\xC3\x89\0x"sv},
  };
  return cases;
}

class FoldTest : public testing::TestWithParam<FoldCase> {};

TEST_P(FoldTest, FoldsToComparisonKey) {
  const FoldCase& c = GetParam();
  EXPECT_EQ(fold(c.input), c.folded);
}

TEST_P(FoldTest, IsIdempotent) {
  const FoldCase& c = GetParam();
  const std::string once = fold(c.input);
  EXPECT_EQ(fold(once), once);
}

INSTANTIATE_TEST_SUITE_P(Table, FoldTest, testing::ValuesIn(fold_cases()), LabelName{});

TEST(FoldEquivalence, PrecomposedAndDecomposedFormsFoldAlike) {
  EXPECT_EQ(fold("Jos\u00e9 N\u00fa\u00f1ez"), fold("Jose\u0301 Nu\u0301n\u0303ez"));
  EXPECT_EQ(fold("\u00c5"), fold("A\u030a"));
}

TEST(FoldEquivalence, CaseAndDiacriticVariantsFoldAlike) {
  EXPECT_EQ(fold("STRASSE"), fold("stra\u00dfe"));
  EXPECT_EQ(fold("\u00d8RSTED"), fold("orsted"));
  EXPECT_EQ(fold("O\u2019Brien"), fold("o'brien"));
}

// folds_to answers what comparing fold() would, on names of every kind:
// ASCII, accented, decomposed, letters fold maps to other letters, and
// bytes that are not UTF-8.
TEST(FoldsTo, SaysWhatComparingTheFoldsSays) {
  const std::vector<std::string> pieces = {
      "a",  "B",      "e",      "\u00e9", "E\u0301", "\u00df", "ss",     "\u00f8", "o", " ",
      "-",  "\u2013", "\u00a0", "'",      "\u2019",  "\u00ad", "\ufb01", "fi",     "Z", "\u00c6",
      "ae", "1",      "\uff21", "\u0130", "i",       "\xff",   "\t",     "\u4e2d"};
  std::vector<std::string> names = {""};
  for (const auto& a : pieces) {
    for (const auto& b : pieces) names.push_back(a + b);
  }
  for (const auto& a : {"Jos\u00e9 N\u00fa\u00f1ez", "JOSE NUNEZ", "Jose Nunez ", "\u00d8rsted",
                        "Orsted", "STRASSE", "Stra\u00dfe", "O\u2019Brien", "O'Brien"}) {
    names.push_back(a);
  }
  std::size_t equal = 0;
  for (const auto& target : names) {
    const std::string key = fold(target);
    for (const auto& name : names) {
      const bool same = fold(name) == key;
      equal += same ? 1 : 0;
      ASSERT_EQ(folds_to(name, key), same) << "'" << name << "' against '" << target << "'";
    }
  }
  EXPECT_GT(equal, names.size());  // some different names fold alike
}

// ---------------------------------------------------------------------------
// slugify

struct SlugCase {
  const char* label;
  std::string_view name;
  std::string_view slug;
};

class SlugifyTest : public testing::TestWithParam<SlugCase> {};

TEST_P(SlugifyTest, MakesSlug) {
  const SlugCase& c = GetParam();
  EXPECT_EQ(slugify(c.name), c.slug);
}

TEST_P(SlugifyTest, ResultIsEmptyOrValidId) {
  const std::string slug = slugify(GetParam().name);
  EXPECT_TRUE(slug.empty() || is_valid_id(slug)) << slug;
}

INSTANTIATE_TEST_SUITE_P(
    Table, SlugifyTest,
    testing::Values(SlugCase{"accents", "Jos\u00e9 N\u00fa\u00f1ez", "jose-nunez"},
                    SlugCase{"surrounding_and_repeated_space", "  Ada  Lovelace!! ",
                             "ada-lovelace"},
                    SlugCase{"apostrophe", "O'Brien", "o-brien"},
                    SlugCase{"typographic_apostrophe", "O\u2019Brien", "o-brien"},
                    SlugCase{"hyphenated", "Jean-Luc Picard", "jean-luc-picard"},
                    SlugCase{"digits_only", "42", "42"},
                    SlugCase{"letters_and_digits", "R2-D2", "r2-d2"},
                    SlugCase{"cjk_only_is_empty", "\u674e\u5c0f\u9f99", ""},
                    SlugCase{"cyrillic_only_is_empty", "\u041c\u043e\u0441\u043a\u0432\u0430", ""},
                    SlugCase{"emoji_only_is_empty", "\U0001F44B", ""},
                    SlugCase{"emoji_between_words", "Ada \U0001F44B Lovelace", "ada-lovelace"},
                    SlugCase{"latin_with_cjk", "Bruce Lee (\u674e\u5c0f\u9f99)", "bruce-lee"},
                    SlugCase{"empty", "", ""}, SlugCase{"punctuation_only", "!?-_ .", ""},
                    SlugCase{"leading_and_trailing_dashes", "--x--", "x"},
                    SlugCase{"sharp_s", "Stra\u00dfe", "strasse"},
                    SlugCase{"nordic", "S\u00f8ren \u00c6rlig", "soren-aerlig"},
                    SlugCase{"full_width", "\uff32\uff4f\uff53\uff45", "rose"},
                    SlugCase{"underscore_and_dot", "a_b.c", "a-b-c"},
                    SlugCase{"path_traversal", "../etc/passwd", "etc-passwd"},
                    SlugCase{"control_chars", "Ada\x1b[31mRed", "ada-31mred"},
                    SlugCase{"invalid_utf8",
                             "Ann\xFF"
                             "e",
                             "ann-e"}),
    LabelName{});

TEST(SlugifyLength, LongNameIsCutAtDashBoundary) {
  std::string name;
  for (int i = 0; i < 12; ++i) name += "Alexander ";
  const std::string slug = slugify(name);
  // "alexander-" is 10 bytes: six full words fit in 64 bytes, the seventh does not.
  EXPECT_EQ(slug, "alexander-alexander-alexander-alexander-alexander-alexander");
  EXPECT_TRUE(is_valid_id(slug));
}

TEST(SlugifyLength, LongWordWithoutDashIsCutAtMaxLength) {
  EXPECT_EQ(slugify(std::string(100, 'a')), std::string(64, 'a'));
}

TEST(SlugifyLength, DashTooEarlyFallsBackToHardCut) {
  const std::string slug = slugify("Ab " + std::string(100, 'c'));
  EXPECT_EQ(slug, "ab-" + std::string(61, 'c'));
  EXPECT_EQ(slug.size(), 64u);
}

TEST(SlugifyLength, CutFallingOnDashDropsIt) {
  EXPECT_EQ(slugify(std::string(64, 'a') + " b"), std::string(64, 'a'));
}

TEST(SlugifyLength, ExactlyMaxLengthIsKept) {
  const std::string name = std::string(30, 'a') + " " + std::string(33, 'b');
  EXPECT_EQ(slugify(name), std::string(30, 'a') + "-" + std::string(33, 'b'));
}

TEST(SlugifyLength, NeverEndsInDashForAnyCut) {
  const std::string name =
      "Maria Jos\u00e9 da Silva de Souza e Oliveira Santos Pereira Costa "
      "Rodrigues Almeida Nascimento";
  for (std::size_t max_len = 1; max_len <= 80; ++max_len) {
    const std::string slug = slugify(name, max_len);
    SCOPED_TRACE(max_len);
    EXPECT_LE(slug.size(), max_len);
    EXPECT_FALSE(slug.empty());
    EXPECT_NE(slug.back(), '-');
    EXPECT_NE(slug.front(), '-');
  }
}

TEST(SlugifyLength, CustomMaxLength) {
  EXPECT_EQ(slugify("Ada Lovelace", 5), "ada");
  EXPECT_EQ(slugify("Ada Lovelace", 3), "ada");
  EXPECT_EQ(slugify("Ada Lovelace", 2), "ad");
  EXPECT_EQ(slugify("Ada Lovelace", 0), "");
}

// ---------------------------------------------------------------------------
// is_valid_id, has_latin_letter

struct IdCase {
  const char* label;
  std::string_view id;
  bool valid;
};

class IsValidIdTest : public testing::TestWithParam<IdCase> {};

TEST_P(IsValidIdTest, ClassifiesId) {
  const IdCase& c = GetParam();
  EXPECT_EQ(is_valid_id(c.id), c.valid);
}

const std::string kId64(64, 'x');
const std::string kId65(65, 'x');

INSTANTIATE_TEST_SUITE_P(
    Table, IsValidIdTest,
    testing::Values(IdCase{"single_letter", "a", true}, IdCase{"single_digit", "0", true},
                    IdCase{"slug", "ada-lovelace", true}, IdCase{"numbered", "contact-12", true},
                    IdCase{"digits", "42", true}, IdCase{"double_dash_inside", "a--b", true},
                    IdCase{"max_length_64", kId64, true}, IdCase{"empty", "", false},
                    IdCase{"too_long_65", kId65, false}, IdCase{"path_traversal", "../x", false},
                    IdCase{"slash", "a/b", false}, IdCase{"dot", ".", false},
                    IdCase{"dot_dot", "..", false}, IdCase{"space_and_upper", "A B", false},
                    IdCase{"uppercase", "Ada", false}, IdCase{"leading_dash", "-a", false},
                    IdCase{"trailing_dash", "a-", false}, IdCase{"dash_only", "-", false},
                    IdCase{"underscore", "a_b", false}, IdCase{"inner_dot", "a.b", false},
                    IdCase{"non_ascii", "jos\u00e9", false}, IdCase{"newline", "jose\n", false},
                    IdCase{"nul", "a\0b"sv, false}),
    LabelName{});

TEST(HasLatinLetter, TrueOnlyWithAsciiLetter) {
  const struct {
    std::string_view slug;
    bool expected;
  } cases[] = {
      {"ada", true},  {"r2-d2", true}, {"42a", true}, {"42", false},
      {"4-2", false}, {"", false},     {"-", false},  {"\u00e9", false},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.slug);
    EXPECT_EQ(has_latin_letter(c.slug), c.expected);
  }
}

// ---------------------------------------------------------------------------
// display_width

struct WidthCase {
  const char* label;
  std::string_view input;
  std::size_t width;
};

class DisplayWidthTest : public testing::TestWithParam<WidthCase> {};

TEST_P(DisplayWidthTest, CountsColumns) {
  const WidthCase& c = GetParam();
  EXPECT_EQ(display_width(c.input), c.width);
}

// Three people joined by zero-width joiners: 2 + 0 + 2 + 0 + 2 columns.
constexpr std::string_view kFamily = "\U0001F468\u200D\U0001F469\u200D\U0001F467";
constexpr std::string_view kFlagUs = "\U0001F1FA\U0001F1F8";
constexpr std::string_view kFlagFr = "\U0001F1EB\U0001F1F7";

INSTANTIATE_TEST_SUITE_P(Table, DisplayWidthTest,
                         testing::Values(WidthCase{"empty", "", 0}, WidthCase{"ascii", "abc", 3},
                                         WidthCase{"precomposed_accent", "Jos\u00e9", 4},
                                         WidthCase{"combining_accent_is_zero", "e\u0301", 1},
                                         WidthCase{"decomposed_name", "Jose\u0301", 4},
                                         WidthCase{"cjk_is_double", "\u674e\u5c0f\u9f99", 6},
                                         WidthCase{"hangul_is_double", "\ud55c\uad6d\uc5b4", 6},
                                         WidthCase{"full_width_latin", "\uff21\uff22", 4},
                                         WidthCase{"emoji_is_double", "\U0001F44B", 2},
                                         WidthCase{"emoji_between_ascii", "a\U0001F44Bb", 4},
                                         WidthCase{"zwj_family_summed_per_code_point", kFamily, 6},
                                         WidthCase{"flag_is_two", kFlagUs, 2},
                                         WidthCase{"zero_width_joiner_is_zero", "a\u200Db", 2},
                                         WidthCase{"ellipsis_is_one", "\u2026", 1},
                                         WidthCase{"escape_is_zero", "\x1b[31m", 4},
                                         WidthCase{"tab_and_newline_are_zero", "a\tb\n", 2},
                                         WidthCase{"del_is_zero", "\x7f", 0},
                                         WidthCase{"c1_control_is_zero", "\xC2\x9B", 0},
                                         WidthCase{"invalid_bytes_one_each", "\xFF\xFE", 2},
                                         WidthCase{"truncated_sequence_one_per_byte", "ab\xE6\x9D",
                                                   4},
                                         WidthCase{"surrogate_bytes_one_each", "\xED\xA0\x80", 3}),
                         LabelName{});

// ---------------------------------------------------------------------------
// pad_right

struct PadCase {
  const char* label;
  std::string_view input;
  std::size_t width;
  std::string_view padded;
};

class PadRightTest : public testing::TestWithParam<PadCase> {};

TEST_P(PadRightTest, PadsToWidth) {
  const PadCase& c = GetParam();
  const std::string padded = pad_right(c.input, c.width);
  EXPECT_EQ(padded, c.padded);
  EXPECT_EQ(display_width(padded), std::max(c.width, display_width(c.input)));
}

INSTANTIATE_TEST_SUITE_P(
    Table, PadRightTest,
    testing::Values(PadCase{"ascii", "ab", 5, "ab   "}, PadCase{"empty", "", 2, "  "},
                    PadCase{"exact_width_unchanged", "abc", 3, "abc"},
                    PadCase{"wider_unchanged", "abcdef", 3, "abcdef"},
                    PadCase{"cjk", "\u674e\u5c0f\u9f99", 8, "\u674e\u5c0f\u9f99  "},
                    PadCase{"cjk_exact", "\u674e\u5c0f\u9f99", 6, "\u674e\u5c0f\u9f99"},
                    PadCase{"cjk_wider", "\u674e\u5c0f\u9f99", 3, "\u674e\u5c0f\u9f99"},
                    PadCase{"combining", "e\u0301", 3, "e\u0301  "},
                    PadCase{"emoji", "\U0001F44B", 3, "\U0001F44B "}),
    LabelName{});

// ---------------------------------------------------------------------------
// truncate_to_width

struct TruncateCase {
  const char* label;
  std::string input;
  std::size_t width;
  std::string truncated;
};

class TruncateToWidthTest : public testing::TestWithParam<TruncateCase> {};

TEST_P(TruncateToWidthTest, CutsToWidth) {
  const TruncateCase& c = GetParam();
  EXPECT_EQ(truncate_to_width(c.input, c.width), c.truncated);
}

TEST_P(TruncateToWidthTest, NeverExceedsWidth) {
  const TruncateCase& c = GetParam();
  const std::string out = truncate_to_width(c.input, c.width);
  EXPECT_LE(display_width(out), c.width);
  if (is_valid_utf8(c.input)) {
    EXPECT_TRUE(is_valid_utf8(out));
  }
}

const std::string kEllipsis = "\u2026";

INSTANTIATE_TEST_SUITE_P(
    Table, TruncateToWidthTest,
    testing::Values(
        TruncateCase{"fits", "hello", 10, "hello"},
        TruncateCase{"fits_exactly", "hello", 5, "hello"},
        TruncateCase{"ascii_cut", "hello world", 5, "hell" + kEllipsis},
        TruncateCase{"width_one_is_ellipsis", "hello", 1, kEllipsis},
        TruncateCase{"width_zero_is_empty", "hello", 0, ""}, TruncateCase{"empty_input", "", 0, ""},
        TruncateCase{"cjk_fits", "\u674e\u5c0f\u9f99", 6, "\u674e\u5c0f\u9f99"},
        TruncateCase{"cjk_cut_exact", "\u674e\u5c0f\u9f99", 5, "\u674e\u5c0f" + kEllipsis},
        TruncateCase{"cjk_wide_char_does_not_fit", "\u674e\u5c0f\u9f99", 4, "\u674e" + kEllipsis},
        TruncateCase{"cjk_width_three", "\u674e\u5c0f\u9f99", 3, "\u674e" + kEllipsis},
        TruncateCase{"cjk_width_two", "\u674e\u5c0f\u9f99", 2, kEllipsis},
        TruncateCase{"combining_fits", "Jose\u0301", 4, "Jose\u0301"},
        TruncateCase{"combining_kept_with_base", "Jose\u0301 Garcia", 5, "Jose\u0301" + kEllipsis},
        TruncateCase{"combining_dropped_with_base", "Jose\u0301x", 4, "Jos" + kEllipsis},
        TruncateCase{"emoji_cut", "ab\U0001F44Bcd", 4, "ab" + kEllipsis},
        TruncateCase{"zwj_family_not_split", "ab" + std::string(kFamily), 7, "ab" + kEllipsis},
        TruncateCase{"zwj_family_fits", "ab" + std::string(kFamily), 8,
                     "ab" + std::string(kFamily)},
        TruncateCase{"zwj_family_kept_whole", "ab" + std::string(kFamily) + "cd", 9,
                     "ab" + std::string(kFamily) + kEllipsis},
        TruncateCase{"flags_not_split", std::string(kFlagUs) + std::string(kFlagFr), 3,
                     std::string(kFlagUs) + kEllipsis},
        TruncateCase{"invalid_bytes_one_column",
                     "ab\xFF\xFE"
                     "cd",
                     4, "ab\xFF" + kEllipsis}),
    LabelName{});

// ---------------------------------------------------------------------------
// normalize_term, terms_match

struct TermCase {
  const char* label;
  std::string_view term;
  std::string_view normalized;
};

class NormalizeTermTest : public testing::TestWithParam<TermCase> {};

TEST_P(NormalizeTermTest, Normalizes) {
  const TermCase& c = GetParam();
  EXPECT_EQ(normalize_term(c.term), c.normalized);
}

INSTANTIATE_TEST_SUITE_P(
    Table, NormalizeTermTest,
    testing::Values(TermCase{"hyphen_to_space", "Machine-Learning", "machine learning"},
                    TermCase{"space_kept", "machine learning", "machine learning"},
                    TermCase{"underscore_and_plural", "machine_learnings", "machine learning"},
                    TermCase{"runs_trimmed", "  Machine - _ Learning  ", "machine learning"},
                    TermCase{"tab_and_newline", "machine\tlearning\n", "machine learning"},
                    TermCase{"en_dash", "Machine\u2013Learning", "machine learning"},
                    TermCase{"ideographic_space", "Machine\u3000Learning", "machine learning"},
                    TermCase{"plural_dropped", "APIs", "api"},
                    TermCase{"singular_kept", "api", "api"},
                    TermCase{"class_loses_one_s", "class", "clas"},
                    TermCase{"clas_loses_its_s", "clas", "cla"},
                    TermCase{"three_letter_word_kept", "bus", "bus"},
                    TermCase{"short_words_kept", "gas ss", "gas ss"},
                    TermCase{"only_one_s_dropped", "boss", "bos"},
                    TermCase{"each_word", "Data Sciences", "data science"},
                    TermCase{"umlaut", "\u00d6konomie", "okonomie"},
                    TermCase{"accent_and_plural", "Caf\u00e9s", "cafe"},
                    TermCase{"ligature", "\ufb01nance", "finance"},
                    TermCase{"punctuation_kept", "C++", "c++"}, TermCase{"hash_kept", "C#", "c#"},
                    // Punctuation is not a word boundary: "node.js" is one five-plus-byte word.
                    TermCase{"dot_inside_word", "node.js", "node.j"}, TermCase{"empty", "", ""},
                    TermCase{"separators_only", " -_\t ", ""},
                    TermCase{"cjk_kept", "\u673a\u5668\u5b66\u4e60", "\u673a\u5668\u5b66\u4e60"}),
    LabelName{});

struct MatchCase {
  const char* label;
  std::string_view a;
  std::string_view b;
  bool match;
};

class TermsMatchTest : public testing::TestWithParam<MatchCase> {};

TEST_P(TermsMatchTest, Matches) {
  const MatchCase& c = GetParam();
  EXPECT_EQ(terms_match(c.a, c.b), c.match);
  EXPECT_EQ(terms_match(c.b, c.a), c.match) << "terms_match must be symmetric";
}

INSTANTIATE_TEST_SUITE_P(
    Table, TermsMatchTest,
    testing::Values(MatchCase{"hyphen_vs_space", "Machine-Learning", "machine learning", true},
                    MatchCase{"underscore_plural_vs_space", "machine_learnings", "Machine Learning",
                              true},
                    MatchCase{"plural_vs_singular", "APIs", "api", true},
                    MatchCase{"class_vs_clas_differ", "class", "clas", false},
                    MatchCase{"clas_vs_cla_match", "clas", "cla", true},
                    MatchCase{"bus_vs_bu_differ", "bus", "bu", false},
                    MatchCase{"umlaut_vs_plain", "\u00d6konomie", "okonomie", true},
                    MatchCase{"accent_and_plural", "Caf\u00e9s", "cafe", true},
                    MatchCase{"case_only", "Python", "python", true},
                    MatchCase{"different_words", "Go", "Golang", false},
                    MatchCase{"punctuation_differs", "C++", "C#", false},
                    MatchCase{"both_empty_never_match", "", "", false},
                    MatchCase{"separators_only_never_match", "  ", "-", false},
                    MatchCase{"empty_vs_word", "", "rust", false}),
    LabelName{});

// ---------------------------------------------------------------------------
// sanitize_for_terminal

struct SanitizeCase {
  const char* label;
  std::string_view input;
  std::string_view sanitized;
};

class SanitizeForTerminalTest : public testing::TestWithParam<SanitizeCase> {};

TEST_P(SanitizeForTerminalTest, ReplacesControls) {
  const SanitizeCase& c = GetParam();
  EXPECT_EQ(sanitize_for_terminal(c.input), c.sanitized);
}

TEST_P(SanitizeForTerminalTest, OutputIsValidAndControlFree) {
  const std::string out = sanitize_for_terminal(GetParam().input);
  EXPECT_TRUE(is_valid_utf8(out));
  for (char c : out) {
    const auto b = static_cast<unsigned char>(c);
    EXPECT_FALSE(b < 0x20 || b == 0x7F) << "control byte " << int{b};
  }
}

#define KITH_FFFD "\xEF\xBF\xBD"

INSTANTIATE_TEST_SUITE_P(
    Table, SanitizeForTerminalTest,
    testing::Values(SanitizeCase{"plain_unchanged", "Ada Lovelace", "Ada Lovelace"},
                    SanitizeCase{"empty", "", ""},
                    SanitizeCase{"unicode_unchanged", "Jos\u00e9 \u674e \U0001F44B",
                                 "Jos\u00e9 \u674e \U0001F44B"},
                    SanitizeCase{"ansi_escape", "\x1b[31mred\x1b[0m",
                                 KITH_FFFD "[31mred" KITH_FFFD "[0m"},
                    SanitizeCase{"tab", "a\tb", "a" KITH_FFFD "b"},
                    SanitizeCase{"newline", "a\nb", "a" KITH_FFFD "b"},
                    SanitizeCase{"carriage_return", "a\rb", "a" KITH_FFFD "b"},
                    SanitizeCase{"bell", "\a", KITH_FFFD}, SanitizeCase{"del", "\x7f", KITH_FFFD},
                    SanitizeCase{"nul", "a\0b"sv, "a" KITH_FFFD "b"},
                    SanitizeCase{"c1_csi",
                                 "\xC2\x9B"
                                 "31m",
                                 KITH_FFFD "31m"},
                    SanitizeCase{"c1_next_line", "\xC2\x85", KITH_FFFD},
                    SanitizeCase{"line_separator", "a\u2028b", "a" KITH_FFFD "b"},
                    SanitizeCase{"paragraph_separator", "\u2029", KITH_FFFD},
                    SanitizeCase{"raw_8bit_csi_byte",
                                 "\x9B"
                                 "31m",
                                 KITH_FFFD "31m"},
                    SanitizeCase{"invalid_byte", "\xFF", KITH_FFFD},
                    SanitizeCase{"truncated_sequence_per_byte", "\xE2\x80", KITH_FFFD KITH_FFFD},
                    SanitizeCase{"no_break_space_kept", "a\u00a0b", "a\u00a0b"},
                    SanitizeCase{"zwj_kept", std::string_view(kFamily), std::string_view(kFamily)}),
    LabelName{});

TEST(NormalizeNote, KeepsLineBreaksAsNewlinesAndMakesOtherControlsSpaces) {
  EXPECT_EQ(normalize_note("one\ntwo"), "one\ntwo");
  EXPECT_EQ(normalize_note("one\r\ntwo\rthree"), "one\ntwo\nthree");
  EXPECT_EQ(normalize_note("one\xe2\x80\xa8two\xe2\x80\xa9three"), "one\ntwo\nthree");
  EXPECT_EQ(normalize_note("a\tb\x1b[2Jc\x7f"), "a b [2Jc");
  EXPECT_EQ(normalize_note("\n\n  first  \n\nlast \n\n"), "  first\n\nlast");
  EXPECT_EQ(normalize_note("\r\n \n"), "");
  EXPECT_EQ(normalize_note("Zoë 🎉"), "Zoë 🎉");
}

TEST(SplitLines, SplitsAtNewlinesOnly) {
  EXPECT_EQ(split_lines("a\nb\n"), (std::vector<std::string>{"a", "b", ""}));
  EXPECT_EQ(split_lines(""), (std::vector<std::string>{""}));
  EXPECT_EQ(split_lines("a\rb"), (std::vector<std::string>{"a\rb"}));
}

#undef KITH_FFFD

TEST(AppendUtf8, WritesOneToFourBytesForEachRange) {
  std::string out;
  for (const char32_t cp : {U'A', U'\u00e9', U'\u4e2d', U'\U0001F600', U'\U0010FFFF'}) {
    append_utf8(out, cp);
  }
  EXPECT_EQ(out, "A\u00e9\u4e2d\U0001F600\U0010FFFF");
  EXPECT_TRUE(is_valid_utf8(out));
}

}  // namespace
}  // namespace kith::text::text_test
