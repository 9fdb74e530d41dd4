#include "core/identity.h"

#include <string>

#include <gtest/gtest.h>

namespace kith::identity_test {
namespace {

struct KeyCase {
  const char* label;
  const char* a;
  const char* b;
  bool same;
};

class CompanyKeyTest : public testing::TestWithParam<KeyCase> {};

TEST_P(CompanyKeyTest, CompaniesAreTheSameAfterFoldingAndDroppingLegalForms) {
  const KeyCase& c = GetParam();
  EXPECT_EQ(same_company(c.a, c.b), c.same) << company_key(c.a) << " | " << company_key(c.b);
}

INSTANTIATE_TEST_SUITE_P(
    Table, CompanyKeyTest,
    testing::Values(KeyCase{"inc_with_dot", "Acme", "Acme Inc.", true},
                    KeyCase{"comma_inc_upper_case", "Acme", "ACME, Inc.", true},
                    KeyCase{"the_and_company", "The Acme Company", "acme", true},
                    KeyCase{"gmbh_and_co_kg", "Müller GmbH & Co. KG", "Muller", true},
                    KeyCase{"dotted_sa", "Globex S.A.", "Globex SA", true},
                    KeyCase{"llc", "Initech LLC", "Initech", true},
                    KeyCase{"ltd_and_limited", "Hooli Ltd", "Hooli Limited", true},
                    KeyCase{"accents", "Société Générale", "Societe Generale", true},
                    KeyCase{"hyphen_is_a_space", "Coca-Cola Company", "Coca Cola", true},
                    KeyCase{"another_company", "Acme", "Globex", false},
                    KeyCase{"suffix_only_in_the_middle_stays", "Co Op Bank", "Op Bank", false},
                    KeyCase{"a_lone_legal_form_is_kept", "Co", "", false},
                    KeyCase{"words_matter", "Acme Labs", "Acme", false}),
    [](const auto& c) { return std::string(c.param.label); });

TEST(CompanyKey, KeepsOneWordAndReadsAsFoldedWords) {
  EXPECT_EQ(company_key("ACME, Inc."), "acme");
  EXPECT_EQ(company_key("Inc."), "inc");
  EXPECT_EQ(company_key("The"), "the");
  EXPECT_EQ(company_key("  "), "");
  EXPECT_EQ(company_key("AT&T Corp."), "at t");
}

class NameKeyTest : public testing::TestWithParam<KeyCase> {};

TEST_P(NameKeyTest, NamesAreTheSameAfterFoldingCaseAccentsAndPunctuation) {
  const KeyCase& c = GetParam();
  EXPECT_EQ(name_key(c.a) == name_key(c.b), c.same) << name_key(c.a) << " | " << name_key(c.b);
}

INSTANTIATE_TEST_SUITE_P(
    Table, NameKeyTest,
    testing::Values(KeyCase{"accents_and_case", "José Núñez", "JOSE nunez", true},
                    KeyCase{"spacing", "  Ada   Lovelace ", "Ada Lovelace", true},
                    KeyCase{"apostrophe", "Pat O'Brien", "pat obrien", true},
                    KeyCase{"comma", "Lovelace, Ada", "lovelace ada", true},
                    KeyCase{"hyphen", "Jean-Luc Picard", "Jean Luc Picard", true},
                    KeyCase{"word_order_matters", "Lovelace Ada", "Ada Lovelace", false},
                    KeyCase{"middle_name_matters", "Ada B. Lovelace", "Ada Lovelace", false},
                    KeyCase{"non_latin_kept", "李雷", "李雷", true}),
    [](const auto& c) { return std::string(c.param.label); });

TEST(RoleKey, RolesAreTheSameAfterFoldingAndPunctuation) {
  EXPECT_TRUE(same_role("Sr. Engineer", "sr engineer"));
  EXPECT_TRUE(same_role("VP, Engineering", "vp engineering"));
  EXPECT_FALSE(same_role("Engineer", "Lead Engineer"));
}

struct PhoneCase {
  const char* label;
  const char* phone;
  const char* key;
};

class PhoneMatchKeyTest : public testing::TestWithParam<PhoneCase> {};

TEST_P(PhoneMatchKeyTest, APhoneMatchesByItsLastNineDigits) {
  EXPECT_EQ(phone_match_key(GetParam().phone), GetParam().key);
}

INSTANTIATE_TEST_SUITE_P(
    Table, PhoneMatchKeyTest,
    testing::Values(PhoneCase{"international", "+44 20 7946 0000", "079460000"},
                    PhoneCase{"national_trunk_zero", "020 7946 0000", "079460000"},
                    PhoneCase{"double_zero_prefix", "0044 (20) 7946-0000", "079460000"},
                    PhoneCase{"us_dots", "555.010.1234", "550101234"},
                    PhoneCase{"six_digits_whole", "12 34 56", "123456"},
                    PhoneCase{"too_short", "112", ""}, PhoneCase{"no_digits", "ask reception", ""},
                    PhoneCase{"full_width_digits", "０２０ ７９４６ ００００", "079460000"}),
    [](const auto& c) { return std::string(c.param.label); });

}  // namespace
}  // namespace kith::identity_test
