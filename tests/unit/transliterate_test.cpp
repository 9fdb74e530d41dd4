#include "core/transliterate.h"

#include <string>
#include <string_view>

#include <gtest/gtest.h>

#include "support/labels.h"

namespace kith::text::transliterate_test {
namespace {

using ::kith::test::LabelName;
using ::kith::test::operator<<;

// ---------------------------------------------------------------------------
// to_latin

struct LatinCase {
  const char* label;
  std::string_view input;
  std::string_view latin;
};

class ToLatinTest : public testing::TestWithParam<LatinCase> {};

TEST_P(ToLatinTest, Transliterates) {
  const Transliterator t;
  EXPECT_EQ(t.to_latin(GetParam().input), GetParam().latin);
}

INSTANTIATE_TEST_SUITE_P(
    Table, ToLatinTest,
    testing::Values(
        LatinCase{"chinese", "\u674e\u96f7", "li lei"},
        LatinCase{"russian", "\u0414\u043c\u0438\u0442\u0440\u0438\u0439", "Dmitrii"},
        LatinCase{"greek", "\u0395\u03bb\u03ad\u03bd\u03b7", "Elene"},
        LatinCase{"arabic", "\u0645\u062d\u0645\u062f", "mhmd"},
        LatinCase{"korean", "\uae40\ubbfc\uc900", "gimminjun"},
        LatinCase{"katakana_with_long_mark", "\u30e9\u30fc\u30e1\u30f3", "ramen"},
        LatinCase{"cjk_then_latin", "\u674e Rossum", "li Rossum"},
        LatinCase{"latin_then_cjk", "Bruce Lee (\u674e\u5c0f\u9f99)", "Bruce Lee (li xiao long)"},
        LatinCase{"cjk_touching_latin_is_spaced", "\u674eRossum", "li Rossum"},
        LatinCase{"latin_accents_kept_as_they_are", "Jos\u00e9 N\u00fa\u00f1ez",
                  "Jos\u00e9 N\u00fa\u00f1ez"},
        LatinCase{"nordic_kept", "S\u00f8ren \u00c6rlig", "S\u00f8ren \u00c6rlig"},
        LatinCase{"ascii_kept", "Ada Lovelace", "Ada Lovelace"},
        LatinCase{"emoji_only_kept", "\U0001F44B", "\U0001F44B"},
        LatinCase{"emoji_inside_a_run_stays", "\u674e\U0001F44B\u96f7", "li\U0001F44Blei"},
        LatinCase{"invalid_utf8_kept",
                  "Ann\xFF"
                  "e",
                  "Ann\xFF"
                  "e"},
        LatinCase{"invalid_byte_next_to_cyrillic", "\xFF\u0410",
                  "\xFF"
                  " A"},
        LatinCase{"empty", "", ""}),
    LabelName{});

TEST(ToLatin, AsciiAndLatinNeverBuildIcu) {
  const Transliterator t;
  EXPECT_EQ(t.to_latin("Ada Lovelace"), "Ada Lovelace");
  EXPECT_EQ(t.to_latin("Jos\u00e9 N\u00fa\u00f1ez \U0001F44B"),
            "Jos\u00e9 N\u00fa\u00f1ez \U0001F44B");
  EXPECT_EQ(slug_of_name("Ada Lovelace", t), "ada-lovelace");
  EXPECT_FALSE(t.built());
  EXPECT_EQ(t.to_latin("\u674e"), "li");
  EXPECT_TRUE(t.built());
}

TEST(ToLatin, OneTransliteratorServesManyNames) {
  const Transliterator t;
  for (int i = 0; i < 100; ++i) {
    ASSERT_EQ(t.to_latin("\u674e\u96f7"), "li lei");
    ASSERT_EQ(t.to_latin("\u0395\u03bb\u03ad\u03bd\u03b7"), "Elene");
  }
}

TEST(HasOtherScript, TellsLatinFromTheRest) {
  EXPECT_FALSE(Transliterator::has_other_script(""));
  EXPECT_FALSE(Transliterator::has_other_script("Ada"));
  EXPECT_FALSE(Transliterator::has_other_script("Jos\u00e9 \u00c6 \uff32\u2167 \U0001F44B"));
  EXPECT_TRUE(Transliterator::has_other_script("Ada \u674e"));
  EXPECT_TRUE(Transliterator::has_other_script("\u0414"));
}

// ---------------------------------------------------------------------------
// slug_of_name: the ids of new contacts

struct SlugCase {
  const char* label;
  std::string_view name;
  std::string_view slug;
};

class SlugOfNameTest : public testing::TestWithParam<SlugCase> {};

TEST_P(SlugOfNameTest, MakesSlug) {
  const Transliterator t;
  const std::string slug = slug_of_name(GetParam().name, t);
  EXPECT_EQ(slug, GetParam().slug);
  EXPECT_TRUE(slug.empty() || is_valid_id(slug)) << slug;
}

TEST(SlugOfName, LatinNamesKeepTheSlugTheyHadBeforeTransliteration) {
  const Transliterator t;
  for (std::string_view name :
       {"Jos\u00e9 N\u00fa\u00f1ez", "  Ada  Lovelace!! ", "O\u2019Brien", "Stra\u00dfe",
        "S\u00f8ren \u00c6rlig", "\u0141ukasz \u017b\u00f3\u0142w", "\u00de\u00f3r",
        "\uff32\uff4f\uff53\uff45", "\u2167 Ann\u0301e", "Ada \U0001F44B Lovelace",
        "Ann\xFF"
        "e",
        "42", ""}) {
    EXPECT_FALSE(Transliterator::has_other_script(name)) << name;
    EXPECT_EQ(slug_of_name(name, t), slugify(name)) << name;
  }
  EXPECT_FALSE(t.built());
}

INSTANTIATE_TEST_SUITE_P(
    Table, SlugOfNameTest,
    testing::Values(SlugCase{"chinese", "\u674e\u96f7", "li-lei"},
                    SlugCase{"chinese_three", "\u674e\u5c0f\u9f99", "li-xiao-long"},
                    SlugCase{"russian", "\u0414\u043c\u0438\u0442\u0440\u0438\u0439", "dmitrii"},
                    SlugCase{"russian_full_name",
                             "\u0414\u043c\u0438\u0442\u0440\u0438\u0439 "
                             "\u041f\u0435\u0442\u0440\u043e\u0432",
                             "dmitrii-petrov"},
                    SlugCase{"greek", "\u0395\u03bb\u03ad\u03bd\u03b7", "elene"},
                    SlugCase{"arabic", "\u0645\u062d\u0645\u062f", "mhmd"},
                    SlugCase{"hebrew", "\u05d3\u05d5\u05d3", "dwd"},
                    SlugCase{"japanese_kana", "\u30e9\u30fc\u30e1\u30f3", "ramen"},
                    SlugCase{"mixed_cjk_latin", "\u674e Rossum", "li-rossum"},
                    SlugCase{"latin_with_cjk_in_brackets", "Bruce Lee (\u674e\u5c0f\u9f99)",
                             "bruce-lee-li-xiao-long"},
                    SlugCase{"latin_accents_unchanged", "Jos\u00e9 N\u00fa\u00f1ez", "jose-nunez"},
                    SlugCase{"sharp_s_unchanged", "Stra\u00dfe", "strasse"},
                    SlugCase{"nordic_unchanged", "S\u00f8ren \u00c6rlig", "soren-aerlig"},
                    SlugCase{"full_width_unchanged", "\uff32\uff4f\uff53\uff45", "rose"},
                    SlugCase{"apostrophe_unchanged", "O\u2019Brien", "o-brien"},
                    SlugCase{"ascii_fast_path", "Ada Lovelace", "ada-lovelace"},
                    SlugCase{"emoji_only_is_empty", "\U0001F44B", ""},
                    SlugCase{"emoji_between_cjk", "\u674e\U0001F44B\u96f7", "li-lei"},
                    SlugCase{"empty", "", ""}),
    LabelName{});

TEST(SlugOfName, LongNamesAreCutAsToday) {
  const Transliterator t;
  std::string name;
  for (int i = 0; i < 30; ++i) name += "\u674e\u96f7 ";
  const std::string slug = slug_of_name(name, t);
  EXPECT_LE(slug.size(), max_id_length);
  EXPECT_TRUE(is_valid_id(slug)) << slug;
  EXPECT_EQ(slug, slugify(t.to_latin(name)));
  EXPECT_EQ(slug.substr(0, 14), "li-lei-li-lei-");
  EXPECT_EQ(slug_of_name(name, t, 10), "li-lei-li");
}

// ---------------------------------------------------------------------------
// latin_key: what completion matches besides the folded name

TEST(LatinKey, FoldsTheTransliterationOfOtherScripts) {
  const Transliterator t;
  EXPECT_EQ(latin_key("\u0414\u043c\u0438\u0442\u0440\u0438\u0439", t), "dmitrii");
  EXPECT_EQ(latin_key("\u674e Rossum", t), "li rossum");
  EXPECT_EQ(latin_key("Jos\u00e9 N\u00fa\u00f1ez", t), "");
  EXPECT_EQ(latin_key("Ada", t), "");
}

}  // namespace
}  // namespace kith::text::transliterate_test
