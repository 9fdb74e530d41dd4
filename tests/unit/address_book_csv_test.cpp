#include "core/address_book_csv.h"

#include <algorithm>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "core/contact_csv.h"
#include "core/csv.h"
#include "support/labels.h"
#include "support/testutil.h"

namespace kith::address_book_csv_test {
namespace {

using ::kith::test::operator<<;

using Strings = std::vector<std::string>;

Strings split_header(const std::string& line) {
  Strings out;
  std::size_t start = 0;
  for (;;) {
    const auto comma = line.find(',', start);
    out.push_back(line.substr(start, comma == std::string::npos ? comma : comma - start));
    if (comma == std::string::npos) return out;
    start = comma + 1;
  }
}

const std::string kGoogle =
    "First Name,Middle Name,Last Name,Phonetic First Name,Nickname,File As,Organization Name,"
    "Organization Title,Organization Department,Birthday,Notes,Photo,Labels,E-mail 1 - Label,"
    "E-mail 1 - Value,E-mail 2 - Label,E-mail 2 - Value,Phone 1 - Label,Phone 1 - Value,"
    "Address 1 - City,Address 1 - Region,Address 1 - Country,Website 1 - Label,Website 1 - Value";
const std::string kGoogleOlder =
    "Name,Given Name,Additional Name,Family Name,Nickname,Birthday,Location,Notes,"
    "Group Membership,E-mail 1 - Type,E-mail 1 - Value,Phone 1 - Type,Phone 1 - Value,"
    "Organization 1 - Type,Organization 1 - Name,Organization 1 - Title,Website 1 - Value";
const std::string kOutlook =
    "First Name,Middle Name,Last Name,Title,Suffix,Web Page,Birthday,Notes,E-mail Address,"
    "E-mail 2 Address,E-mail 3 Address,Home Phone,Mobile Phone,Business Phone,Business Phone 2,"
    "Assistant's Phone,Home City,Company,Job Title,Department,Business City,Business State,"
    "Business Country,Categories";

// ---------------------------------------------------------------------------
// address_book_format

struct FormatCase {
  const char* label;
  std::string header;
  std::optional<AddressBookFormat> format;
};

class AddressBookFormatTest : public ::testing::TestWithParam<FormatCase> {};

TEST_P(AddressBookFormatTest, IsRecognisedByItsHeader) {
  EXPECT_EQ(address_book_format(split_header(GetParam().header)), GetParam().format);
}

INSTANTIATE_TEST_SUITE_P(
    Table, AddressBookFormatTest,
    ::testing::Values(
        FormatCase{"Google", kGoogle, AddressBookFormat::google},
        FormatCase{"GoogleOlder", kGoogleOlder, AddressBookFormat::google_older},
        FormatCase{"Outlook", kOutlook, AddressBookFormat::outlook},
        FormatCase{"CaseAndSpacesDoNotMatter", " first name ,LAST NAME,Labels",
                   AddressBookFormat::google},
        FormatCase{"OutlookDesktopOrder", "Title,First Name,Middle Name,Last Name,E-mail Address",
                   AddressBookFormat::outlook},
        FormatCase{"LinkedIn",
                   "First Name,Last Name,URL,Email Address,Company,Position,Connected On",
                   std::nullopt},
        FormatCase{"NamesAlone", "First Name,Last Name", std::nullopt},
        FormatCase{"KithColumns", "name,emails,company", std::nullopt},
        FormatCase{"Empty", "", std::nullopt}),
    test::LabelName{});

// ---------------------------------------------------------------------------
// read_address_book_csv, one row at a time

ImportBatch read(const std::string& header, const std::string& rows) {
  auto batch = read_contact_csv(header + "\n" + rows, "a.csv");
  EXPECT_TRUE(batch) << (batch ? "" : batch.error().message);
  return batch ? *batch : ImportBatch{};
}

// A CSV row under `header` with the given cells filled in (by column name).
std::string row_of(const std::string& header,
                   const std::vector<std::pair<std::string, std::string>>& cells) {
  const Strings names = split_header(header);
  Strings fields(names.size());
  for (const auto& [name, value] : cells) {
    const auto it = std::find(names.begin(), names.end(), name);
    if (it == names.end()) ADD_FAILURE() << "no column " << name;
    if (it != names.end()) fields[static_cast<std::size_t>(it - names.begin())] = value;
  }
  return csv::format_record(fields);
}

struct RowCase {
  const char* label;
  const std::string* header;
  std::vector<std::pair<std::string, std::string>> cells;
  std::string field;
  std::string expected;
};

std::string field_of(const Contact& c, const std::string& field) {
  auto join = [](const Strings& v) {
    std::string out;
    for (const auto& s : v) out += (out.empty() ? "" : "|") + s;
    return out;
  };
  if (field == "name") return c.name;
  if (field == "emails") return join(c.emails);
  if (field == "phones") return join(c.phones);
  if (field == "links") return join(c.links);
  if (field == "tags") return join(c.tags);
  if (field == "company") return c.company.value_or("-");
  if (field == "role") return c.role.value_or("-");
  if (field == "location") return c.location.value_or("-");
  if (field == "notes") return c.notes.value_or("-");
  if (field == "birthday") return c.birthday ? format_birthday(*c.birthday) : "-";
  ADD_FAILURE() << "no field " << field;
  return {};
}

class AddressBookRowTest : public ::testing::TestWithParam<RowCase> {};

TEST_P(AddressBookRowTest, MapsTheColumns) {
  const ImportBatch batch = read(*GetParam().header, row_of(*GetParam().header, GetParam().cells));
  ASSERT_EQ(batch.records.size(), 1u) << (batch.skipped.empty() ? "" : batch.skipped[0].message);
  EXPECT_TRUE(batch.warnings.empty()) << batch.warnings[0].message;
  EXPECT_EQ(field_of(batch.records[0].contact, GetParam().field), GetParam().expected);
}

INSTANTIATE_TEST_SUITE_P(
    Table, AddressBookRowTest,
    ::testing::Values(
        RowCase{"GoogleNameFromItsParts",
                &kGoogle,
                {{"First Name", "Ana"}, {"Middle Name", "María"}, {"Last Name", "Pérez"}},
                "name",
                "Ana María Pérez"},
        RowCase{"GoogleFamilyNameAlone", &kGoogle, {{"Last Name", "Pérez"}}, "name", "Pérez"},
        RowCase{"GoogleFileAsWithoutParts", &kGoogle, {{"File As", "Dr. Li"}}, "name", "Dr. Li"},
        RowCase{"GoogleNicknameWithoutParts", &kGoogle, {{"Nickname", "Gigi"}}, "name", "Gigi"},
        RowCase{"GoogleOrganisationWithoutName",
                &kGoogle,
                {{"Organization Name", "Acme"}},
                "name",
                "Acme"},
        RowCase{"GoogleFirstEmailWithoutAnything",
                &kGoogle,
                {{"E-mail 1 - Value", "x@a.example ::: y@a.example"}},
                "name",
                "x@a.example"},
        RowCase{"GoogleEmailsSplitOnTripleColon",
                &kGoogle,
                {{"First Name", "A"},
                 {"E-mail 1 - Label", "* Work"},
                 {"E-mail 1 - Value", "a@x.example ::: b@x.example"},
                 {"E-mail 2 - Label", "Home"},
                 {"E-mail 2 - Value", "c@x.example"}},
                "emails",
                "a@x.example|b@x.example|c@x.example"},
        RowCase{"GooglePhones",
                &kGoogle,
                {{"First Name", "A"},
                 {"Phone 1 - Label", "Mobile"},
                 {"Phone 1 - Value", "+1 555 ::: +1 556"}},
                "phones",
                "+1 555|+1 556"},
        RowCase{"GoogleCompanyAndTitle",
                &kGoogle,
                {{"First Name", "A"},
                 {"Organization Name", "Acme"},
                 {"Organization Title", "CTO"},
                 {"Organization Department", "R&D"}},
                "role",
                "CTO"},
        RowCase{"GoogleBirthday",
                &kGoogle,
                {{"First Name", "A"}, {"Birthday", "1987-05-21"}},
                "birthday",
                "1987-05-21"},
        RowCase{"GoogleBirthdayWithoutYear",
                &kGoogle,
                {{"First Name", "A"}, {"Birthday", "--11-03"}},
                "birthday",
                "--11-03"},
        RowCase{"GoogleLabelsWithoutSystemOnes",
                &kGoogle,
                {{"First Name", "A"},
                 {"Labels", "Mentors ::: * myContacts ::: * starred ::: Book Club"}},
                "tags",
                "Mentors|Book Club"},
        RowCase{"GoogleNotesWithCommaAndLineBreak",
                &kGoogle,
                {{"First Name", "A"}, {"Notes", "one, two\r\nthree"}},
                "notes",
                "one, two\nthree"},
        RowCase{"GoogleCity",
                &kGoogle,
                {{"First Name", "A"},
                 {"Address 1 - City", "London"},
                 {"Address 1 - Region", "England"},
                 {"Address 1 - Country", "UK"}},
                "location",
                "London"},
        RowCase{"GoogleRegionWithoutCity",
                &kGoogle,
                {{"First Name", "A"},
                 {"Address 1 - Region", "California"},
                 {"Address 1 - Country", "US"}},
                "location",
                "California"},
        RowCase{"GoogleWebsites",
                &kGoogle,
                {{"First Name", "A"},
                 {"Website 1 - Label", "Blog"},
                 {"Website 1 - Value", "https://a.example ::: https://b.example"}},
                "links",
                "https://a.example|https://b.example"},
        RowCase{"GoogleNoEmailAtAll", &kGoogle, {{"First Name", "A"}}, "emails", ""},
        RowCase{"OlderGoogleNameFromItsParts",
                &kGoogleOlder,
                {{"Name", "Sofía Márquez"}, {"Given Name", "Sofía"}, {"Family Name", "Márquez"}},
                "name",
                "Sofía Márquez"},
        RowCase{"OlderGoogleNameColumnAlone",
                &kGoogleOlder,
                {{"Name", "Kenji Watanabe"}},
                "name",
                "Kenji Watanabe"},
        RowCase{"OlderGoogleLocationIsNotAnAddress",
                &kGoogleOlder,
                {{"Name", "K"}, {"Location", "Office 4B"}},
                "location",
                "-"},
        RowCase{"OlderGoogleGroupMembership",
                &kGoogleOlder,
                {{"Name", "K"}, {"Group Membership", "* My Contacts ::: Book Club"}},
                "tags",
                "Book Club"},
        RowCase{"OlderGoogleOrganisation",
                &kGoogleOlder,
                {{"Name", "K"},
                 {"Organization 1 - Name", "Andes Coffee"},
                 {"Organization 1 - Title", "Founder"}},
                "company",
                "Andes Coffee"},
        RowCase{"OutlookTitleIsNotTheRole",
                &kOutlook,
                {{"First Name", "Margaret"},
                 {"Last Name", "Hale"},
                 {"Title", "Dr."},
                 {"Suffix", "PhD"}},
                "role",
                "-"},
        RowCase{"OutlookNameLeavesTitleAndSuffixOut",
                &kOutlook,
                {{"First Name", "Margaret"},
                 {"Last Name", "Hale"},
                 {"Title", "Dr."},
                 {"Suffix", "PhD"}},
                "name",
                "Margaret Hale"},
        RowCase{"OutlookJobTitle",
                &kOutlook,
                {{"First Name", "M"}, {"Company", "Uni"}, {"Job Title", "Professor"}},
                "role",
                "Professor"},
        RowCase{"OutlookBirthday",
                &kOutlook,
                {{"First Name", "M"}, {"Birthday", "4/12/1975"}},
                "birthday",
                "1975-04-12"},
        RowCase{"OutlookEmptyBirthday",
                &kOutlook,
                {{"First Name", "M"}, {"Birthday", "0/0/00"}},
                "birthday",
                "-"},
        RowCase{"OutlookThreeEmails",
                &kOutlook,
                {{"First Name", "M"},
                 {"E-mail Address", "a@x.example"},
                 {"E-mail 3 Address", "c@x.example"}},
                "emails",
                "a@x.example|c@x.example"},
        RowCase{"OutlookPhonesButNotTheAssistants",
                &kOutlook,
                {{"First Name", "M"},
                 {"Home Phone", "1"},
                 {"Mobile Phone", "2"},
                 {"Business Phone", "3"},
                 {"Business Phone 2", "4"},
                 {"Assistant's Phone", "assistant"}},
                "phones",
                "1|2|3|4"},
        RowCase{"OutlookWebPage",
                &kOutlook,
                {{"First Name", "M"}, {"Web Page", "https://uni.example/~m"}},
                "links",
                "https://uni.example/~m"},
        RowCase{"OutlookCategoriesSplitOnSemicolons",
                &kOutlook,
                {{"First Name", "M"}, {"Categories", "Academia;Advisors; Friends"}},
                "tags",
                "Academia|Advisors|Friends"},
        RowCase{"OutlookFirstCityInColumnOrder",
                &kOutlook,
                {{"First Name", "M"},
                 {"Home City", "Austin"},
                 {"Business City", "Cambridge"},
                 {"Business State", "MA"}},
                "location",
                "Austin"},
        RowCase{"OutlookCompanyWithoutName",
                &kOutlook,
                {{"Company", "Contoso Ltd."}},
                "name",
                "Contoso Ltd."}),
    test::LabelName{});

struct WarningCase {
  const char* label;
  const std::string& header;
  std::string row;
  std::string warning;
};

class AddressBookWarningTest : public ::testing::TestWithParam<WarningCase> {};

TEST_P(AddressBookWarningTest, LeavesTheValueOutAndReadsTheRest) {
  const ImportBatch batch = read(GetParam().header, GetParam().row);
  ASSERT_EQ(batch.records.size(), 1u);
  ASSERT_EQ(batch.warnings.size(), 1u);
  EXPECT_EQ(batch.warnings[0].where.line, 2);
  EXPECT_EQ(batch.warnings[0].message, GetParam().warning);
}

INSTANTIATE_TEST_SUITE_P(
    Table, AddressBookWarningTest,
    ::testing::Values(
        WarningCase{"GoogleEmailWithoutAt", kGoogle,
                    "A,,,,,,,,,,,,,,ben at example dot com ::: b@x.example",
                    "E-mail 1 - Value: 'ben at example dot com' is not an email address; left out"},
        WarningCase{"OutlookTwoAddressesInOneCell", kOutlook, "M,,,,,,,,a@x.example; b@x.example",
                    "E-mail Address: 'a@x.example; b@x.example' is not an email address; left "
                    "out"},
        WarningCase{"GoogleBirthdayInWords", kGoogle, "A,,,,,,,,,May 5",
                    "Birthday: 'May 5' is not a date kith knows (YYYY-MM-DD, --MM-DD or "
                    "M/D/YYYY); left out"},
        WarningCase{"OutlookDayBeforeMonth", kOutlook, "M,,,,,,31/12/1980",
                    "Birthday: '31/12/1980' is not a date kith knows (YYYY-MM-DD, --MM-DD or "
                    "M/D/YYYY); left out"},
        WarningCase{"OutlookTwoDigitYear", kOutlook, "M,,,,,,4/12/75",
                    "Birthday: '4/12/75' is not a date kith knows (YYYY-MM-DD, --MM-DD or "
                    "M/D/YYYY); left out"}),
    test::LabelName{});

struct SkipCase {
  const char* label;
  const std::string& header;
  std::string row;
  std::string reason;
};

class AddressBookSkipTest : public ::testing::TestWithParam<SkipCase> {};

TEST_P(AddressBookSkipTest, SkipsTheRowWithItsLine) {
  const ImportBatch batch = read(GetParam().header, "Before\n" + GetParam().row + "\nAfter\n");
  ASSERT_EQ(batch.records.size(), 2u);
  EXPECT_EQ(batch.records[1].contact.name, "After");
  ASSERT_EQ(batch.skipped.size(), 1u);
  EXPECT_EQ(batch.skipped[0].where.line, 3);
  EXPECT_EQ(batch.skipped[0].message, GetParam().reason);
  EXPECT_TRUE(batch.warnings.empty());  // not even for the skipped row
}

INSTANTIATE_TEST_SUITE_P(
    Table, AddressBookSkipTest,
    ::testing::Values(
        SkipCase{"NoNameAtAll", kGoogle, ",,,,,,,,,,A note,,* myContacts,,ben at example",
                 "no name (First Name, Last Name, File As, Nickname, a company or an email)"},
        SkipCase{"OutlookNotesOnly", kOutlook, ",,,,,,0/0/00,Someone",
                 "no name (First Name, Last Name, File As, Nickname, a company or an email)"},
        SkipCase{"NotUtf8", kGoogle, "Fran\xE7oise",
                 "not valid UTF-8 (is the file in another encoding?)"},
        SkipCase{"TooManyFields", kGoogleOlder, std::string(20, ',') + "x",
                 "has 21 fields where the header has 17"}),
    test::LabelName{});

TEST(AddressBookCsv, AnUnmappedColumnMayHoldAnyBytes) {
  const ImportBatch batch = read(kGoogle, "A,,,\xFF");  // Phonetic First Name
  ASSERT_EQ(batch.records.size(), 1u);
  EXPECT_EQ(batch.records[0].contact.name, "A");
}

// ---------------------------------------------------------------------------
// The fixtures

TEST(AddressBookCsvFixture, GoogleContacts) {
  auto batch = read_contact_csv(test::read_import_fixture("google-contacts.csv"), "g.csv");
  ASSERT_TRUE(batch);
  Strings names;
  for (const auto& r : batch->records) names.push_back(r.contact.name);
  EXPECT_EQ(names, (Strings{"Amara N. Okonkwo-Diallo", "Ben Carter", "Northwind Traders",
                            "orphan@example.net", "Dr. Li Wei"}));
  const Contact& amara = batch->records[0].contact;
  EXPECT_EQ(amara.emails, (Strings{"amara@brightline.example", "a.okonkwo@mail.example",
                                   "amara.home@example.org"}));
  EXPECT_EQ(amara.phones, (Strings{"+44 7700 900123", "+44 20 7946 0958"}));
  EXPECT_EQ(amara.company, "Brightline Health");
  EXPECT_EQ(amara.role, "VP Engineering");
  EXPECT_EQ(amara.location, "London");
  EXPECT_EQ(amara.tags, (Strings{"Mentors"}));
  EXPECT_EQ(amara.links, (Strings{"https://amara.example"}));
  EXPECT_EQ(amara.notes, "Met at PyCon, Lisbon.\nIntroduced by \"Sam\", who says she hires.");
  EXPECT_EQ(batch->records[1].contact.location, "California");
  EXPECT_EQ(batch->records[1].where.line, 6);
  ASSERT_EQ(batch->warnings.size(), 2u);
  EXPECT_EQ(batch->warnings[0].where.line, 6);  // Ben's "ben at example dot com"
  EXPECT_EQ(batch->warnings[1].where.line, 9);  // Li Wei's "May 5"
  ASSERT_EQ(batch->skipped.size(), 1u);
  EXPECT_EQ(batch->skipped[0].where.line, 10);
}

TEST(AddressBookCsvFixture, OlderGoogleContacts) {
  auto batch = read_contact_csv(test::read_import_fixture("google-contacts-older.csv"), "g.csv");
  ASSERT_TRUE(batch);
  ASSERT_EQ(batch->records.size(), 3u);
  const Contact& sofia = batch->records[0].contact;
  EXPECT_EQ(sofia.name, "Sofía Márquez");
  EXPECT_EQ(sofia.tags, (Strings{"Book Club", "Coffee"}));
  EXPECT_EQ(sofia.location, "Bogotá");
  EXPECT_EQ(sofia.links, (Strings{"https://andes-coffee.example/blog", "https://sofia.example"}));
  EXPECT_EQ(batch->records[1].contact.role, "Hardware Lead");
  EXPECT_EQ(batch->records[2].contact.name, "Gigi");
  EXPECT_TRUE(batch->skipped.empty());
  EXPECT_TRUE(batch->warnings.empty());
}

TEST(AddressBookCsvFixture, Outlook) {
  auto batch = read_contact_csv(test::read_import_fixture("outlook-contacts.csv"), "o.csv");
  ASSERT_TRUE(batch);
  Strings names;
  for (const auto& r : batch->records) names.push_back(r.contact.name);
  EXPECT_EQ(names,
            (Strings{"Margaret Hale-Whitmore", "Tom Nguyen", "Priya K. Sharma", "Contoso Ltd."}));
  const Contact& margaret = batch->records[0].contact;
  EXPECT_EQ(margaret.role, "Professor of Economics");
  EXPECT_EQ(margaret.phones, (Strings{"+1 (617) 555-0188", "+1 617 555 0100"}));
  EXPECT_EQ(margaret.tags, (Strings{"Academia", "Advisors"}));
  EXPECT_EQ(margaret.notes,
            "Advisor on the grant, \"always\" replies within a day.\nPrefers calls, not email.");
  ASSERT_TRUE(margaret.birthday);
  EXPECT_EQ(format_birthday(*margaret.birthday), "1975-04-12");
  EXPECT_FALSE(batch->records[1].contact.birthday);  // 0/0/00
  ASSERT_EQ(batch->warnings.size(), 1u);
  EXPECT_EQ(batch->warnings[0].where.line, 5);  // Priya's 31/12/1980
  ASSERT_EQ(batch->skipped.size(), 1u);
  EXPECT_EQ(batch->skipped[0].where.line, 7);  // notes alone
}

}  // namespace
}  // namespace kith::address_book_csv_test
