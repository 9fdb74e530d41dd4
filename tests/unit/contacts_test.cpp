#include "core/contacts.h"

#include <ostream>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "core/text.h"
#include "support/labels.h"

namespace kith::contacts_test {
namespace {

using Taken = std::set<std::string, std::less<>>;

using ::kith::test::operator<<;

using ::kith::test::LabelName;

bool contains(const std::string& haystack, std::string_view needle) {
  return haystack.find(needle) != std::string::npos;
}

Contact contact(std::string id, std::string name, std::vector<std::string> emails = {},
                bool archived = false) {
  Contact c;
  c.id = std::move(id);
  c.name = std::move(name);
  c.emails = std::move(emails);
  c.archived = archived;
  return c;
}

// --------------------------------------------------------------- allocate_id

struct AllocateCase {
  const char* label;
  std::string name;
  Taken taken;
  std::string expected;
};

class AllocateIdTest : public testing::TestWithParam<AllocateCase> {};

TEST_P(AllocateIdTest, PicksAFreeValidId) {
  const AllocateCase& c = GetParam();
  const text::Transliterator t;
  const std::string id = allocate_id(c.name, c.taken, t);
  EXPECT_EQ(id, c.expected);
  EXPECT_TRUE(text::is_valid_id(id)) << id;
  EXPECT_FALSE(c.taken.contains(id));
}

const std::string k64(64, 'a');
const std::string k62(62, 'a');
const std::string k61(61, 'a');

INSTANTIATE_TEST_SUITE_P(
    Table, AllocateIdTest,
    testing::Values(
        AllocateCase{"slug_of_name", "José Núñez", {}, "jose-nunez"},
        AllocateCase{"punctuation_folds_to_dashes", "  O'Brien,  Pat!! ", {}, "o-brien-pat"},
        AllocateCase{"taken_gets_2", "Ada Lovelace", {"ada-lovelace"}, "ada-lovelace-2"},
        AllocateCase{"taken_twice_gets_3",
                     "Ada Lovelace",
                     {"ada-lovelace", "ada-lovelace-2"},
                     "ada-lovelace-3"},
        AllocateCase{"first_free_suffix", "Ada", {"ada", "ada-3"}, "ada-2"},
        AllocateCase{"cjk_name_is_transliterated", "李小龙", {}, "li-xiao-long"},
        AllocateCase{"cyrillic_name_is_transliterated", "Дмитрий", {}, "dmitrii"},
        AllocateCase{"greek_name_is_transliterated", "Ελένη", {}, "elene"},
        AllocateCase{"transliterated_taken_gets_2", "李雷", {"li-lei"}, "li-lei-2"},
        AllocateCase{"emoji_name_gets_contact_n", "👋", {"contact-1"}, "contact-2"},
        AllocateCase{"digits_only_gets_contact_n", "42", {}, "contact-1"},
        AllocateCase{"contact_n_skips_taken", "👋🏽", {"contact-1", "contact-2"}, "contact-3"},
        AllocateCase{"me_is_reserved", "Me", {}, "me-2"},
        AllocateCase{"me_reserved_and_me_2_taken", "ME", {"me-2"}, "me-3"},
        AllocateCase{"mixed_script_transliterates_the_rest", "Li 李", {}, "li-li"},
        AllocateCase{"cjk_then_latin", "李 Rossum", {}, "li-rossum"},
        AllocateCase{"sixty_four_is_kept", k64, {}, k64},
        AllocateCase{"too_long_is_cut_to_64", k64 + "aaaa", {}, k64},
        AllocateCase{"cut_makes_room_for_suffix", k64, {k64}, k62 + "-2"},
        AllocateCase{"cut_drops_a_trailing_dash", k61 + " bb", {k61 + "-bb"}, k61 + "-2"}),
    LabelName{});

TEST(AllocateId, TenthCollisionStillFitsIn64Bytes) {
  Taken taken{k64};
  for (int n = 2; n <= 9; ++n) taken.insert(k62 + "-" + std::to_string(n));
  const text::Transliterator t;
  const std::string id = allocate_id(k64, taken, t);
  EXPECT_EQ(id, std::string(61, 'a') + "-10");
  EXPECT_EQ(id.size(), 64u);
}

// -------------------------------------------------------------- check_new_id

struct CheckIdCase {
  const char* label;
  std::string id;
  std::string message;  // empty: accepted
};

class CheckNewIdTest : public testing::TestWithParam<CheckIdCase> {};

TEST_P(CheckNewIdTest, AcceptsOrExplains) {
  const CheckIdCase& c = GetParam();
  Status s = check_new_id(c.id, Taken{"taken"});
  if (c.message.empty()) {
    EXPECT_TRUE(s.ok()) << s.error().message;
    return;
  }
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().kind, ErrorKind::usage);
  EXPECT_TRUE(contains(s.error().message, c.message)) << s.error().message;
}

INSTANTIATE_TEST_SUITE_P(
    Table, CheckNewIdTest,
    testing::Values(CheckIdCase{"simple", "ada", ""}, CheckIdCase{"with_digits", "ada-2", ""},
                    CheckIdCase{"sixty_four", std::string(64, 'x'), ""},
                    CheckIdCase{"dot_dot_slash", "../x", "invalid id '../x'"},
                    CheckIdCase{"space_and_capitals", "A B", "invalid id 'A B'"},
                    CheckIdCase{"empty", "", "invalid id ''"},
                    CheckIdCase{"sixty_five", std::string(65, 'x'), "invalid id"},
                    CheckIdCase{"leading_dash", "-ada", "invalid id"},
                    CheckIdCase{"trailing_dash", "ada-", "invalid id"},
                    CheckIdCase{"slash", "a/b", "invalid id"},
                    CheckIdCase{"accent", "jos\u00e9", "invalid id"},
                    CheckIdCase{"escape_is_shown_safely", "a\x1b[31m", "invalid id 'a\uFFFD[31m'"},
                    CheckIdCase{"taken", "taken", "the id 'taken' is taken"},
                    CheckIdCase{"me", "me", "reserved"}),
    LabelName{});

TEST(CheckNewId, InvalidIdHintSaysWhatAnIdIs) {
  Status s = check_new_id("A B", std::set<std::string, std::less<>>{});
  ASSERT_FALSE(s.ok());
  EXPECT_TRUE(contains(s.error().hint, "1-64")) << s.error().hint;
}

// ----------------------------------------------------------- resolve_contact

class ResolveContactTest : public testing::Test {
 protected:
  std::vector<Contact> contacts = {
      contact("ada", "Ada Lovelace", {"ada@example.org"}),
      contact("ada-2", "Ada Byron"),
      contact("bob", "Bob Smith", {"bob@example.org"}),
      contact("grace", "Grace Hopper", {"grace@navy.mil"}, /*archived=*/true),
      contact("jose-nunez", "José Núñez", {"Jose@Example.COM"}),
      contact("robert", "Robert Bobson"),
  };

  std::string resolve(std::string_view ref, Scope scope = Scope::active) {
    auto r = resolve_contact(contacts, ref, scope);
    if (!r.ok()) return "error: " + r.error().message;
    return (*r)->id;
  }
  Error error_of(std::string_view ref, Scope scope = Scope::active) {
    auto r = resolve_contact(contacts, ref, scope);
    EXPECT_FALSE(r.ok()) << ref;
    return r.ok() ? Error{} : r.error();
  }
};

TEST_F(ResolveContactTest, FindsByIdPrefixNameOrEmailInThatOrder) {
  struct Case {
    std::string_view ref;
    std::string_view id;
  };
  for (const Case& c : std::vector<Case>{
           {"ada", "ada"},                      // exact id beats a prefix of ada-2
           {"ada-", "ada-2"},                   // unique id prefix
           {"jo", "jose-nunez"},                // unique id prefix
           {"rob", "robert"},                   // unique id prefix
           {"nunez", "jose-nunez"},             // name substring, diacritics folded
           {"NÚÑEZ", "jose-nunez"},             // case-insensitive too
           {"josé n", "jose-nunez"},            // across the space
           {"lovelace", "ada"},                 // name substring
           {"Byron", "ada-2"},                  // name substring
           {"jose@example.com", "jose-nunez"},  // email, case-insensitive
           {"ADA@EXAMPLE.ORG", "ada"},          // email
           {"ADA", "ada"},                      // exact id, case ignored, beats ada-2
           {"BOB", "bob"},                      // exact id, case ignored, beats Bobson
           {"ADA-", "ada-2"},                   // id prefix, case ignored
           {"Jo", "jose-nunez"},                // id prefix, case ignored
       }) {
    SCOPED_TRACE(c.ref);
    EXPECT_EQ(resolve(c.ref), c.id);
  }
}

TEST_F(ResolveContactTest, SeveralMatchesListTheCandidatesWithIdAndName) {
  Error e = error_of("ad");
  EXPECT_EQ(e.kind, ErrorKind::usage);
  EXPECT_EQ(e.message, "'ad' matches 2 contacts: ada (Ada Lovelace), ada-2 (Ada Byron)");
  EXPECT_FALSE(e.hint.empty());
  // "ob" starts no id; it is in two names.
  e = error_of("ob");
  EXPECT_EQ(e.message, "'ob' matches 2 contacts: bob (Bob Smith), robert (Robert Bobson)");
}

TEST_F(ResolveContactTest, NoMatchIsAUsageError) {
  Error e = error_of("zed");
  EXPECT_EQ(e.kind, ErrorKind::usage);
  EXPECT_EQ(e.message, "no contact matches 'zed'");
  EXPECT_TRUE(contains(e.hint, "kith list")) << e.hint;
  EXPECT_EQ(error_of("").kind, ErrorKind::usage);
}

TEST_F(ResolveContactTest, AnArchivedContactGivesTheRestoreHintInActiveScope) {
  for (std::string_view ref : {"grace", "gra", "hopper", "grace@navy.mil"}) {
    SCOPED_TRACE(ref);
    Error e = error_of(ref);
    EXPECT_EQ(e.kind, ErrorKind::usage);
    EXPECT_EQ(e.message, "'grace' is archived");
    EXPECT_EQ(e.hint, "`kith restore grace` brings it back");
  }
}

TEST_F(ResolveContactTest, AllScopeFindsArchivedContacts) {
  EXPECT_EQ(resolve("grace", Scope::all), "grace");
  EXPECT_EQ(resolve("hopper", Scope::all), "grace");
  EXPECT_EQ(resolve("grace@navy.mil", Scope::all), "grace");
}

TEST_F(ResolveContactTest, ArchivedContactsDoNotMakeAnActiveReferenceAmbiguous) {
  contacts.push_back(contact("grace-2", "Grace Kelly"));
  EXPECT_EQ(resolve("grace-"), "grace-2");
  EXPECT_EQ(resolve("gra"), "grace-2");
  Error e = error_of("gra", Scope::all);
  EXPECT_TRUE(contains(e.message, "matches 2 contacts")) << e.message;
}

TEST_F(ResolveContactTest, TheReturnedPointerPointsIntoTheList) {
  auto r = resolve_contact(contacts, "bob", Scope::active);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(*r, &contacts[2]);
}

TEST_F(ResolveContactTest, AnIdMergedIntoAContactFindsItBeforeAnyPrefix) {
  contacts[0].aliases = {"ada-lovelace-old", "bobby"};
  contacts[3].aliases = {"gracie"};
  EXPECT_EQ(resolve("ada-lovelace-old"), "ada");
  EXPECT_EQ(resolve("ADA-LOVELACE-OLD"), "ada");
  // "bobby" would be a prefix of no id and part of no name: the alias decides.
  EXPECT_EQ(resolve("bobby"), "ada");
  // An id that is a file still wins over an alias.
  contacts[0].aliases.push_back("bob");
  EXPECT_EQ(resolve("bob"), "bob");
  // The alias of an archived contact says so in the active scope.
  EXPECT_EQ(error_of("gracie").message, "'grace' is archived");
  EXPECT_EQ(resolve("gracie", Scope::all), "grace");
}

// Contacts read around a file left out (Reading::around): "carla", whose
// file is not valid JSON.
std::vector<Unreadable> carla_left_out() {
  return {{Unreadable::What::contact, "contacts/carla.json", "carla",
           data_error("contacts/carla.json:3: not valid JSON: syntax error", "fix it")},
          // Other records left out do not name contacts.
          {Unreadable::What::line, "log/2026-11.jsonl", "", data_error("log/2026-11.jsonl:2: x")}};
}

TEST_F(ResolveContactTest, AroundAFileLeftOutWhatIsReadIsFoundAsEver) {
  const auto left_out = carla_left_out();
  for (std::string_view ref : {"ada", "ADA", "ada-", "lovelace", "ada@example.org", "rob"}) {
    SCOPED_TRACE(ref);
    auto plain = resolve_contact(contacts, ref, Scope::active);
    auto around = resolve_contact(contacts, ref, Scope::active, left_out);
    ASSERT_TRUE(around.ok()) << around.error().message;
    EXPECT_EQ(*around, *plain);
  }
  // An alias read wins over a file left out whose id it begins.
  contacts[0].aliases = {"car"};
  auto alias = resolve_contact(contacts, "car", Scope::active, left_out);
  ASSERT_TRUE(alias.ok()) << alias.error().message;
  EXPECT_EQ((*alias)->id, "ada");
  // Ambiguity and archiving say what they say without it.
  EXPECT_EQ(resolve_contact(contacts, "ad", Scope::active, left_out).error().kind,
            ErrorKind::usage);
  EXPECT_EQ(resolve_contact(contacts, "grace", Scope::active, left_out).error().message,
            "'grace' is archived");
}

TEST_F(ResolveContactTest, AroundAFileLeftOutARefThatMayNameItIsADataError) {
  const auto left_out = carla_left_out();
  // Its id: the file's own error.
  for (std::string_view ref : {"carla", "CARLA"}) {
    auto e = resolve_contact(contacts, ref, Scope::active, left_out);
    ASSERT_FALSE(e.ok());
    EXPECT_EQ(e.error().kind, ErrorKind::data);
    EXPECT_EQ(e.error().message, "contacts/carla.json:3: not valid JSON: syntax error");
    EXPECT_EQ(e.error().hint, "fix it");
  }
  // The beginning of its id: it may be that one, even when one read matches
  // too ("c" is no prefix of another id here; "r" is robert's).
  contacts.push_back(contact("carl", "Carl Sagan"));
  for (std::string_view ref : {"car", "c"}) {
    auto e = resolve_contact(contacts, ref, Scope::active, left_out);
    ASSERT_FALSE(e.ok()) << ref;
    EXPECT_EQ(e.error().kind, ErrorKind::data);
    EXPECT_EQ(e.error().message, "'" + std::string(ref) +
                                     "' may name carla, whose file kith cannot read: "
                                     "contacts/carla.json:3: not valid JSON: syntax error");
  }
  // No contact read matches: it may be the one left out.
  auto none = resolve_contact(contacts, "Sagan-Smith", Scope::active, left_out);
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.error().kind, ErrorKind::data);
  EXPECT_EQ(none.error().message,
            "no contact kith can read matches 'Sagan-Smith', and 1 contact file cannot be read "
            "(contacts/carla.json)");
  EXPECT_TRUE(contains(none.error().hint, "kith doctor")) << none.error().hint;
}

TEST_F(ResolveContactTest, WithNothingLeftOutItIsThePlainResolve) {
  const std::vector<Unreadable> lines = {carla_left_out()[1]};
  EXPECT_EQ(resolve_contact(contacts, "zed", Scope::active, lines).error().message,
            "no contact matches 'zed'");
  EXPECT_EQ(resolve_contact(contacts, "zed", Scope::active, {}).error().kind, ErrorKind::usage);
}

TEST(ResolveContact, LongCandidateListsAreCutAtTen) {
  std::vector<Contact> many;
  for (int i = 0; i < 12; ++i) many.push_back(contact("p" + std::to_string(i + 10), "Person"));
  auto r = resolve_contact(many, "person", Scope::active);
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(contains(r.error().message, "matches 12 contacts: p10 (Person), p11 (Person)"))
      << r.error().message;
  EXPECT_TRUE(contains(r.error().message, "p19 (Person), …")) << r.error().message;
  EXPECT_FALSE(contains(r.error().message, "p20")) << r.error().message;
}

TEST(ResolveContact, NamesAndReferencesAreShownSafely) {
  std::vector<Contact> list = {contact("a", "Evil\x1b[31m One"), contact("b", "Evil Two")};
  auto r = resolve_contact(list, "evil", Scope::active);
  ASSERT_FALSE(r.ok());
  EXPECT_FALSE(contains(r.error().message, "\x1b")) << r.error().message;
  r = resolve_contact(list, "nobody\x1b[2J", Scope::active);
  ASSERT_FALSE(r.ok());
  EXPECT_FALSE(contains(r.error().message, "\x1b")) << r.error().message;
}

TEST(ResolveContact, AnEmptyListSaysNoContactMatches) {
  auto r = resolve_contact({}, "ada", Scope::active);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, ErrorKind::usage);
  EXPECT_TRUE(contains(r.error().message, "no contact matches 'ada'")) << r.error().message;
  EXPECT_TRUE(contains(r.error().hint, "kith add")) << r.error().hint;
}

// ----------------------------------------------------------- find_duplicates

std::vector<std::string> duplicate_ids(const std::vector<Contact>& list, const Contact& c) {
  std::vector<std::string> ids;
  for (const Contact* d : find_duplicates(list, c)) ids.push_back(d->id);
  return ids;
}

TEST(FindDuplicates, SameFoldedNameOrSameEmailIgnoringCase) {
  const std::vector<Contact> list = {
      contact("jose-nunez", "José Núñez", {"jose@example.org"}),
      contact("pat", "Pat Doe", {"PAT@Example.org"}),
      contact("other", "Someone Else"),
      contact("old", "JOSE NUNEZ", {}, /*archived=*/true),
  };
  EXPECT_EQ(duplicate_ids(list, contact("new", "jose nunez")),
            (std::vector<std::string>{"jose-nunez", "old"}));
  EXPECT_EQ(duplicate_ids(list, contact("new", "P. Doe", {"x@y.z", "pat@example.ORG"})),
            std::vector<std::string>{"pat"});
  EXPECT_TRUE(duplicate_ids(list, contact("new", "Nobody", {"nobody@example.org"})).empty());
  EXPECT_TRUE(duplicate_ids(list, contact("new", "José")).empty());
}

TEST(FindDuplicates, AContactIsNotItsOwnDuplicate) {
  const std::vector<Contact> list = {contact("ada", "Ada", {"ada@example.org"})};
  EXPECT_TRUE(duplicate_ids(list, list[0]).empty());
}

// -------------------------------------------------------------- unknown_tags

TEST(UnknownTags, NamesTheTagsNobodyHasWithTheClosestInUse) {
  Contact ada = contact("ada", "Ada");
  ada.tags = {"Climate", "machine-learning"};
  Contact bob = contact("bob", "Bob", {}, /*archived=*/true);
  bob.tags = {"climbing", "climate"};
  const std::vector<Contact> contacts = {ada, bob};
  const auto unknown =
      unknown_tags(contacts, {"clmate", "Machine Learnings", "climbing", "zzz", "climbin"});
  ASSERT_EQ(unknown.size(), 3u);
  EXPECT_EQ(unknown[0].tag, "clmate");
  // One spelling per tag, the first contact's: "Climate", not "climate".
  EXPECT_EQ(unknown[0].closest, (std::vector<std::string>{"Climate"}));
  EXPECT_EQ(unknown[1].tag, "zzz");
  EXPECT_TRUE(unknown[1].closest.empty());
  EXPECT_EQ(unknown[2].tag, "climbin");
  EXPECT_EQ(unknown[2].closest, (std::vector<std::string>{"climbing"}));
  EXPECT_TRUE(unknown_tags({}, {}).empty());
}

}  // namespace
}  // namespace kith::contacts_test
