// End-to-end: `kith import` of address books as phones and mail programs
// export them: Android's vCard 2.1, Google Contacts' and Outlook's CSV.
#include <algorithm>
#include <ostream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "support/testutil.h"

namespace kith::test::import_address_books_test {
namespace {

using Json = nlohmann::ordered_json;
using Strings = std::vector<std::string>;

class ImportAddressBookTest : public ::testing::Test {
 protected:
  TempDir tmp;
  Kith kith{tmp / "data"};
  void SetUp() override { kith.today("2026-11-25"); }
  Json contact(const std::string& id) const {
    return read_json(tmp / "data" / "contacts" / (id + ".json"));
  }
  // The names of the contacts `ids` names, in order.
  Strings names_of(const Json& ids) const {
    Strings names;
    for (const auto& id : ids) names.push_back(contact(id.get<std::string>())["name"]);
    return names;
  }
};

TEST_F(ImportAddressBookTest, AndroidVcard21) {
  auto r = kith.ok({"import", "vcard", import_fixture("android-2.1.vcf"), "--json"});
  const Json j = r.json();
  EXPECT_EQ(names_of(j["added"]),
            (Strings{"José Núñez", "Françoise Müller", "Zoë O’Brien",
                     "María Fernanda González de la Peña y Álvarez-Cabrera", "Chidi Okafor"}));
  EXPECT_EQ(j["added"][0], "jose-nunez");
  EXPECT_EQ(j["added"][4], "chidi-okafor");
  ASSERT_EQ(j["skipped"].size(), 1u);
  EXPECT_EQ(j["skipped"][0]["line"], 42);
  EXPECT_EQ(j["skipped"][0]["reason"], "N (line 44): unknown CHARSET X-FOO-BAR");
  EXPECT_EQ(j["warnings"], Json::array());
  const Json jose = contact("jose-nunez");
  EXPECT_EQ(jose["phones"], Json::array({"+34 600 123 456", "+34 91 555 0101"}));
  EXPECT_EQ(jose["company"], "Librería Cervantes");
  EXPECT_EQ(jose["location"], "Madrid");
  EXPECT_EQ(jose["notes"], "Met at the Feria del Libro\nAsk about the Madrid shop");
  EXPECT_EQ(contact(j["added"][2])["notes"], "Owes me € 20 for the “big” dinner");
  EXPECT_EQ(contact("chidi-okafor")["birthday"], "1990-03-15");

  // The human report names the skipped card's line and reason.
  auto human = kith.ok({"import", "vcard", import_fixture("android-2.1.vcf"), "--dry-run"});
  EXPECT_NE(human.out.find("android-2.1.vcf:42"), std::string::npos) << human.out;
  EXPECT_NE(human.out.find("unknown CHARSET X-FOO-BAR"), std::string::npos) << human.out;
  EXPECT_NE(human.out.find("5 unchanged"), std::string::npos) << human.out;
}

TEST_F(ImportAddressBookTest, GoogleContactsCsv) {
  const Json j = kith.ok({"import", "csv", import_fixture("google-contacts.csv"), "--json"}).json();
  EXPECT_EQ(names_of(j["added"]),
            (Strings{"Amara N. Okonkwo-Diallo", "Ben Carter", "Northwind Traders",
                     "orphan@example.net", "Dr. Li Wei"}));
  ASSERT_EQ(j["skipped"].size(), 1u);
  EXPECT_EQ(j["skipped"][0]["line"], 10);
  ASSERT_EQ(j["warnings"].size(), 2u);
  EXPECT_EQ(j["warnings"][0]["message"],
            "E-mail 1 - Value: 'ben at example dot com' is not an email address; left out");
  const Json amara = contact(j["added"][0]);
  EXPECT_EQ(amara["emails"], Json::array({"amara@brightline.example", "a.okonkwo@mail.example",
                                          "amara.home@example.org"}));
  EXPECT_EQ(amara["company"], "Brightline Health");
  EXPECT_EQ(amara["role"], "VP Engineering");
  EXPECT_EQ(amara["birthday"], "1987-05-21");
  EXPECT_EQ(amara["tags"], Json::array({"Mentors"}));
  EXPECT_EQ(contact(j["added"][1])["birthday"], "--11-03");

  // The older header, in the same data directory: new people are added.
  const Json older =
      kith.ok({"import", "csv", import_fixture("google-contacts-older.csv"), "--json"}).json();
  EXPECT_EQ(names_of(older["added"]), (Strings{"Sofía Márquez", "Kenji Watanabe", "Gigi"}));
  EXPECT_EQ(contact(older["added"][0])["tags"], Json::array({"Book Club", "Coffee"}));

  // Importing again changes nothing.
  const Json again =
      kith.ok({"import", "csv", import_fixture("google-contacts.csv"), "--json"}).json();
  EXPECT_EQ(again["added"], Json::array());
  EXPECT_EQ(again["updated"], Json::array());
  EXPECT_EQ(again["unchanged"], 5);
}

TEST_F(ImportAddressBookTest, OutlookCsv) {
  auto r = kith.ok({"import", "csv", import_fixture("outlook-contacts.csv")});
  EXPECT_NE(r.out.find("outlook-contacts.csv:7"), std::string::npos) << r.out;  // no name
  EXPECT_NE(r.err.find("outlook-contacts.csv:5"), std::string::npos) << r.err;  // 31/12/1980
  const Json j = kith.ok({"list", "--json"}).json();
  Strings names;
  for (const auto& c : j) names.push_back(c["name"]);
  std::sort(names.begin(), names.end());
  EXPECT_EQ(names,
            (Strings{"Contoso Ltd.", "Margaret Hale-Whitmore", "Priya K. Sharma", "Tom Nguyen"}));
  for (const auto& c : j) {
    if (c["name"] != "Margaret Hale-Whitmore") continue;
    EXPECT_EQ(c["role"], "Professor of Economics");
    EXPECT_EQ(c["birthday"], "1975-04-12");
    EXPECT_EQ(c["tags"], Json::array({"Academia", "Advisors"}));
  }
}

// Outlook writes its CSV in the Windows code page: such a file is read as
// Windows-1252, with a warning, rather than every accented row skipped.
TEST_F(ImportAddressBookTest, AnOutlookCsvInTheWindowsCodePageIsReadAsSuch) {
  write_file(tmp / "outlook-1252.csv",
             "\"First Name\",\"Middle Name\",\"Last Name\",\"E-mail Address\",\"Job Title\","
             "\"Categories\"\r\n"
             "\"Jos\xe9\",\"\",\"N\xfa\xf1"
             "ez\",\"jose@example.com\",\"CTO \x96 Payments\",\"\"\r\n"
             "\"Zo\xeb\",\"\",\"M\xfcller\",\"zoe@example.com\",\"\",\"Caf\xe9\"\r\n");
  auto r = kith.ok({"import", "csv", (tmp / "outlook-1252.csv").string()});
  EXPECT_NE(r.err.find("outlook-1252.csv:1: not UTF-8: read as Windows-1252, as Outlook writes it"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(contact("jose-nunez")["name"], "José Núñez");
  EXPECT_EQ(contact("jose-nunez")["role"], "CTO – Payments");
  EXPECT_EQ(contact("jose-nunez")["imported_from"], "outlook-csv");
  EXPECT_EQ(contact("zoe-muller")["tags"], Json::array({"Café"}));
}

TEST_F(ImportAddressBookTest, AnUnknownHeaderNamesWhatIsUnderstood) {
  const fs::path file = tmp / "other.csv";
  write_file(file, "Full Name,Mail\nAda,ada@example.org\n");
  auto r = kith.run({"import", "csv", file.string()});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("unknown column 'Full Name'"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("id, name, emails"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("Google Contacts and Outlook export are recognised too"), std::string::npos)
      << r.err;
  EXPECT_FALSE(fs::exists(tmp / "data"));
}

}  // namespace
}  // namespace kith::test::import_address_books_test
