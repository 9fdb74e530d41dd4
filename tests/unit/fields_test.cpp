#include "core/fields.h"

#include <ostream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "support/labels.h"

namespace kith::fields_test {
namespace {

using ::kith::test::operator<<;

using Strings = std::vector<std::string>;

// ---------------------------------------------------------------------------
// The equality of two values, field by field.

struct SameCase {
  const char* label;
  ListField field;
  std::string_view a;
  std::string_view b;
  bool same;
};

class SameValueTest : public testing::TestWithParam<SameCase> {};

TEST_P(SameValueTest, ComparesUnderTheFieldsKey) {
  const SameCase& c = GetParam();
  EXPECT_EQ(same_value(c.field, c.a, c.b), c.same)
      << "'" << c.a << "' -> '" << field_key(c.field, c.a) << "', '" << c.b << "' -> '"
      << field_key(c.field, c.b) << "'";
  EXPECT_EQ(same_value(c.field, c.b, c.a), c.same) << "same_value must be symmetric";
}

INSTANTIATE_TEST_SUITE_P(
    Table, SameValueTest,
    testing::Values(
        // emails: trimmed, ASCII case ignored, nothing else.
        SameCase{"email_case", ListField::emails, "Ada@Example.ORG", "ada@example.org", true},
        SameCase{"email_spaces", ListField::emails, "  ada@example.org\t", "ada@example.org", true},
        SameCase{"email_other_address", ListField::emails, "ada@example.org", "ada@example.com",
                 false},
        SameCase{"email_accents_count", ListField::emails, "josé@example.org", "jose@example.org",
                 false},
        SameCase{"email_blank_is_nothing", ListField::emails, " ", " ", false},
        // phones: the digits alone.
        SameCase{"phone_spacing", ListField::phones, "+1 555 0100", "+15550100", true},
        SameCase{"phone_punctuation", ListField::phones, "+1 (555) 010-0", "1.555.0100", true},
        SameCase{"phone_plus_ignored", ListField::phones, "+15550100", "15550100", true},
        SameCase{"phone_full_width_digits", ListField::phones, "１５５５０１００", "15550100",
                 true},
        SameCase{"phone_other_number", ListField::phones, "+1 555 0100", "+1 555 0101", false},
        SameCase{"phone_extension_counts", ListField::phones, "555 0100 ext. 42", "555 0100",
                 false},
        SameCase{"phone_no_digit_folded", ListField::phones, "Ask Ada", " ask ada", true},
        // links: the LinkedIn profile, else the URL without scheme, case and
        // trailing slash.
        SameCase{"link_linkedin_forms", ListField::links, "https://uk.linkedin.com/in/Ada?trk=x",
                 "linkedin.com/in/ada/", true},
        SameCase{"link_scheme_and_slash", ListField::links, "HTTPS://Example.org/ada/",
                 "example.org/ada", true},
        SameCase{"link_http_and_https", ListField::links, "http://example.org",
                 "https://example.org", true},
        SameCase{"link_other_path", ListField::links, "https://example.org/ada",
                 "https://example.org/grace", false},
        SameCase{"link_other_profile", ListField::links, "https://linkedin.com/in/ada",
                 "https://linkedin.com/in/ada-l", false},
        // terms: text::normalize_term.
        SameCase{"tag_plural_and_case", ListField::tags, "APIs", "api", true},
        SameCase{"skill_separators", ListField::skills, "Machine-Learning", "machine learning",
                 true},
        SameCase{"interest_accents", ListField::interests, "Ökonomie", "okonomie", true},
        SameCase{"goal_words", ListField::goals, "meet founders", "Meet  Founder", true},
        SameCase{"tag_punctuation_counts", ListField::tags, "C++", "C#", false},
        SameCase{"tag_without_a_term_uses_its_text", ListField::tags, " - ", "-", true},
        SameCase{"tag_without_a_term_differs", ListField::tags, "-", "_", false},
        // Each field has its own key: a term key is not a phone key.
        SameCase{"terms_are_not_digits", ListField::tags, "1-555", "1555", false},
        SameCase{"emails_are_not_terms", ListField::emails, "Ada@x.org", "ada@x.orgs", false}),
    [](const auto& c) { return std::string(c.param.label); });

// ---------------------------------------------------------------------------
// Adding and removing.

struct AddCase {
  const char* label;
  ListField field;
  Strings list;
  Strings values;
  Strings expected;
};

class AddValuesTest : public testing::TestWithParam<AddCase> {};

TEST_P(AddValuesTest, AddsWhatIsNotThereKeepingTheFirstSpelling) {
  const AddCase& c = GetParam();
  Strings list = c.list;
  const std::size_t added = add_values(c.field, list, c.values);
  EXPECT_EQ(list, c.expected);
  EXPECT_EQ(added, c.expected.size() - c.list.size());
}

INSTANTIATE_TEST_SUITE_P(
    Table, AddValuesTest,
    testing::Values(
        AddCase{"phone_already_there",
                ListField::phones,
                {"+1 555 0100"},
                {"+15550100"},
                {"+1 555 0100"}},
        AddCase{"tag_already_there", ListField::tags, {"APIs"}, {"api", "Api"}, {"APIs"}},
        AddCase{"new_values_in_order",
                ListField::skills,
                {"go"},
                {"rust", "c++", "Rust"},
                {"go", "rust", "c++"}},
        AddCase{"first_of_equal_values_wins",
                ListField::emails,
                {},
                {"ADA@x.org", "ada@x.org"},
                {"ADA@x.org"}},
        AddCase{"blank_values_are_never_added", ListField::interests, {"a"}, {"  ", ""}, {"a"}},
        AddCase{"link_profile_already_there",
                ListField::links,
                {"https://www.linkedin.com/in/ada"},
                {"linkedin.com/in/Ada/", "https://ada.dev"},
                {"https://www.linkedin.com/in/ada", "https://ada.dev"}},
        AddCase{
            "duplicates_already_kept_stay", ListField::goals, {"x", "X"}, {"y"}, {"x", "X", "y"}}),
    [](const auto& c) { return std::string(c.param.label); });

struct RemoveCase {
  const char* label;
  ListField field;
  Strings list;
  std::string_view value;
  Strings expected;
};

class RemoveValuesTest : public testing::TestWithParam<RemoveCase> {};

TEST_P(RemoveValuesTest, RemovesEveryEqualEntry) {
  const RemoveCase& c = GetParam();
  Strings list = c.list;
  const std::size_t removed = remove_values(c.field, list, c.value);
  EXPECT_EQ(list, c.expected);
  EXPECT_EQ(removed, c.list.size() - c.expected.size());
}

INSTANTIATE_TEST_SUITE_P(
    Table, RemoveValuesTest,
    testing::Values(
        RemoveCase{"phone_by_digits",
                   ListField::phones,
                   {"1 555-0100", "+44 20"},
                   "+15550100",
                   {"+44 20"}},
        RemoveCase{"every_equal_term", ListField::tags, {"APIs", "x", "api"}, "API", {"x"}},
        RemoveCase{"email_case", ListField::emails, {"Ada@Example.org"}, "ada@example.ORG", {}},
        RemoveCase{"link_scheme", ListField::links, {"https://ada.dev/"}, "ada.dev", {}},
        RemoveCase{"nothing_equal", ListField::skills, {"go"}, "rust", {"go"}},
        RemoveCase{"blank_removes_nothing", ListField::goals, {" "}, " ", {" "}}),
    [](const auto& c) { return std::string(c.param.label); });

TEST(AddValues, ManyValuesStayFast) {
  Strings values;
  for (int i = 0; i < 20000; ++i) values.push_back("tag " + std::to_string(i % 10000));
  Strings list;
  EXPECT_EQ(add_values(ListField::tags, list, values), 10000u);
  EXPECT_EQ(list.size(), 10000u);
}

// ---------------------------------------------------------------------------
// The table of fields, and whole records.

TEST(ListFields, NamesEveryFieldOfContactAndProfile) {
  ASSERT_EQ(list_fields().size(), 7u);
  for (const ListFieldInfo& f : list_fields()) {
    EXPECT_EQ(&info(f.field), &f) << f.name;
    EXPECT_TRUE(f.in_contact != nullptr || f.in_profile != nullptr) << f.name;
  }
  EXPECT_EQ(info(ListField::phones).name, "phone");
  EXPECT_EQ(info(ListField::interests).in_contact, &Contact::interests);
  EXPECT_EQ(info(ListField::goals).in_contact, nullptr);
  EXPECT_EQ(info(ListField::goals).in_profile, &Profile::goals);
  EXPECT_EQ(info(ListField::emails).in_profile, &Profile::emails);
  EXPECT_EQ(info(ListField::phones).in_profile, nullptr);
}

TEST(AddMissingValues, ContactGainsWhatItLacksInEveryList) {
  Contact into;
  into.emails = {"Ada@x.org"};
  into.phones = {"+1 555 0100"};
  into.tags = {"APIs"};
  Contact from;
  from.emails = {"ada@x.org", "ada@y.org"};
  from.phones = {"15550100"};
  from.links = {"https://ada.dev"};
  from.tags = {"api", "math"};
  from.skills = {"Analysis"};
  from.interests = {"engines"};
  EXPECT_TRUE(add_missing_values(into, from));
  EXPECT_EQ(into.emails, (Strings{"Ada@x.org", "ada@y.org"}));
  EXPECT_EQ(into.phones, (Strings{"+1 555 0100"}));
  EXPECT_EQ(into.links, (Strings{"https://ada.dev"}));
  EXPECT_EQ(into.tags, (Strings{"APIs", "math"}));
  EXPECT_EQ(into.skills, (Strings{"Analysis"}));
  EXPECT_EQ(into.interests, (Strings{"engines"}));
  EXPECT_FALSE(add_missing_values(into, from));
  EXPECT_FALSE(add_missing_values(into, into));
}

TEST(AddMissingValues, ProfileGainsGoalsAndEmailsToo) {
  Profile into;
  into.goals = {"meet founders"};
  into.emails = {"Sam@Work.example"};
  Profile from;
  from.goals = {"Meet Founder", "write more"};
  from.skills = {"go"};
  from.emails = {" sam@work.example", "sam@home.example"};
  EXPECT_TRUE(add_missing_values(into, from));
  EXPECT_EQ(into.goals, (Strings{"meet founders", "write more"}));
  EXPECT_EQ(into.skills, (Strings{"go"}));
  EXPECT_EQ(into.emails, (Strings{"Sam@Work.example", "sam@home.example"}));
}

// ---------------------------------------------------------------------------
// profile_url_key

struct UrlCase {
  const char* label;
  std::string_view url;
  std::string_view key;
};

class ProfileUrlKeyTest : public testing::TestWithParam<UrlCase> {};

TEST_P(ProfileUrlKeyTest, NormalisesLinkedinProfileUrls) {
  EXPECT_EQ(profile_url_key(GetParam().url), GetParam().key);
}

INSTANTIATE_TEST_SUITE_P(
    Table, ProfileUrlKeyTest,
    testing::Values(UrlCase{"plain", "https://www.linkedin.com/in/ada", "linkedin.com/in/ada"},
                    UrlCase{"http_no_www_slash", "http://linkedin.com/in/ada/",
                            "linkedin.com/in/ada"},
                    UrlCase{"country_subdomain_and_query", "https://uk.linkedin.com/in/Ada?x=1#top",
                            "linkedin.com/in/ada"},
                    UrlCase{"company_page", "https://www.linkedin.com/company/acme", ""},
                    UrlCase{"other_site", "https://example.org/in/ada", ""},
                    UrlCase{"lookalike_host", "https://notlinkedin.com/in/ada", ""},
                    UrlCase{"no_name", "https://www.linkedin.com/in/", ""}),
    [](const auto& c) { return std::string(c.param.label); });

}  // namespace
}  // namespace kith::fields_test
