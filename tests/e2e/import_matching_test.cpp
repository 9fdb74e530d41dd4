// End-to-end: how `kith import` recognises the people already kept, and what
// it makes of their positions.
#include <string>

#include <gtest/gtest.h>

#include "support/testutil.h"

namespace kith::test::import_matching_test {
namespace {

using Json = nlohmann::ordered_json;

class ImportMatchingTest : public ::testing::Test {
 protected:
  TempDir tmp;
  Kith kith{tmp / "data"};
  void SetUp() override { kith.today("2026-11-25"); }
  fs::path contact_file(const std::string& id) const {
    return tmp / "data" / "contacts" / (id + ".json");
  }
  std::string vcf(const std::string& name, const std::string& cards) const {
    const fs::path p = tmp / name;
    write_file(p, cards);
    return p.string();
  }
};

TEST_F(ImportMatchingTest, SomeoneAddedByHandIsRecognisedInALinkedinExportByName) {
  kith.ok({"add", "José Núñez", "--company", "Paywell"});
  auto j =
      kith.ok({"import", "linkedin", import_fixture("linkedin-connections.csv"), "--json"}).json();
  EXPECT_EQ(j["updated"], Json::array({"jose-nunez"}));
  bool found = false;
  for (const auto& m : j["matched"]) {
    if (m["id"] == "jose-nunez") {
      found = true;
      EXPECT_EQ(m["by"], "name");
      EXPECT_EQ(m["line"], 6);
    }
  }
  EXPECT_TRUE(found) << j["matched"].dump();
  EXPECT_FALSE(fs::exists(contact_file("jose-nunez-2")));
  auto jose = read_json(contact_file("jose-nunez"));
  EXPECT_EQ(jose["links"], Json::array({"https://www.linkedin.com/in/jose-nunez-42"}));
  EXPECT_EQ(jose["role"], "Head of Platform");
  EXPECT_FALSE(jose.contains("job_changes")) << "a first known role is no job change";
  kith.ok({"log", "jose", "--give", "--note", "sent the article"});
}

TEST_F(ImportMatchingTest,
       ALaterExportListingSomeoneTwiceAndRenamingACompanyReportsOnlyRealChanges) {
  kith.ok({"import", "linkedin", import_fixture("linkedin-connections.csv")});
  kith.today("2027-01-10");
  auto r = kith.ok({"import", "linkedin", import_fixture("linkedin-connections-2027.csv"), "-q"});
  EXPECT_EQ(r.err, "") << "possible duplicates are counted once, not warned row by row";
  EXPECT_NE(r.out.find("2 added, 1 updated, 3 unchanged, 0 skipped."), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Recognised 4 records as people you have: 2 by email and 2 by url."),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("1 possible duplicate (a name another contact has): see `kith dupes`."),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("Mathematician, Poet at Analytical Engines → Lead Mathematician at "
                       "Analytical Engines"),
            std::string::npos)
      << r.out;

  auto ada = read_json(contact_file("ada-lovelace"));
  EXPECT_EQ(ada["company"], "Analytical Engines") << "the kept spelling of the same company stays";
  EXPECT_EQ(ada["role"], "Lead Mathematician");
  ASSERT_EQ(ada["job_changes"].size(), 1u);
  EXPECT_FALSE(read_json(contact_file("zoe-achterberg")).contains("job_changes"))
      << "Greenhouse B.V. is Greenhouse";
  EXPECT_EQ(read_json(contact_file("zoe-achterberg"))["company"], "Greenhouse");

  auto pitch = kith.ok({"pitch", "ada"}).out;
  EXPECT_NE(pitch.find("Congratulations on the new role as Lead Mathematician!"), std::string::npos)
      << pitch;

  auto dupes = kith.ok({"dupes", "--json"}).json();
  ASSERT_EQ(dupes.size(), 1u) << dupes.dump();
  EXPECT_EQ(dupes[0]["reason"], "name");
  EXPECT_EQ(dupes[0]["ids"], Json::array({"john-smith", "john-smith-2"}));

  const auto j = kith.ok({"import", "linkedin", import_fixture("linkedin-connections-2027.csv"),
                          "--dry-run", "--json"})
                     .json();
  EXPECT_EQ(j["added"], Json::array());
  EXPECT_EQ(j["unchanged"], 6);
  EXPECT_EQ(j["matched"].size(), 6u);
  EXPECT_EQ(j["possible_duplicates"], Json::array());
}

TEST_F(ImportMatchingTest, TheSameNameWithAnotherProfileIsAddedAndListedAsAPossibleDuplicate) {
  kith.ok({"import", "linkedin", import_fixture("linkedin-connections-2027.csv")});
  auto j =
      kith.ok({"import", "linkedin", import_fixture("linkedin-connections-2027.csv"), "--json"})
          .json();
  EXPECT_EQ(j["possible_duplicates"], Json::array());
  TempDir other;
  Kith fresh{other / "data"};
  fresh.today("2026-11-25");
  auto first =
      fresh.ok({"import", "linkedin", import_fixture("linkedin-connections-2027.csv"), "--json"})
          .json();
  ASSERT_EQ(first["possible_duplicates"].size(), 1u);
  EXPECT_EQ(first["possible_duplicates"][0]["id"], "john-smith-2");
  EXPECT_EQ(first["possible_duplicates"][0]["like"], "john-smith");
  EXPECT_EQ(first["possible_duplicates"][0]["line"], 10);
}

TEST_F(ImportMatchingTest, AnAddressBookNeverReportsAJobChangeNorTurnsAPositionBack) {
  kith.ok({"add", "Ada Lovelace", "--company", "Acme", "--email", "ada@example.org"});
  auto j =
      kith.ok({"import", "vcard",
               vcf("phone.vcf",
                   "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada Lovelace\r\n"
                   "EMAIL:ADA@example.org\r\nORG:Acme Inc.\r\nTITLE:Engineer\r\nEND:VCARD\r\n"),
               "--json"})
          .json();
  EXPECT_EQ(j["job_changes"], Json::array());
  EXPECT_EQ(j["matched"][0]["by"], "email");
  auto ada = read_json(contact_file("ada-lovelace"));
  EXPECT_EQ(ada["company"], "Acme");
  EXPECT_EQ(ada["role"], "Engineer") << "an unknown role at the same company is filled";
  EXPECT_EQ(kith.ok({"pitch", "ada"}).out.find("new role"), std::string::npos);

  // LinkedIn then says where she is now; an old phone backup must not undo it.
  kith.ok({"add", "Grace Hopper", "--link", "https://www.linkedin.com/in/grace-hopper"});
  kith.ok({"import", "linkedin", import_fixture("linkedin-connections.csv")});
  EXPECT_EQ(read_json(contact_file("grace-hopper"))["company"], "US Navy");
  auto old = kith.ok({"import", "vcard",
                      vcf("backup-2019.vcf",
                          "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Grace Hopper\r\n"
                          "ORG:Harvard\r\nTITLE:Research Fellow\r\nEND:VCARD\r\n"),
                      "--json"})
                 .json();
  EXPECT_EQ(old["job_changes"], Json::array());
  EXPECT_EQ(old["matched"][0]["by"], "name");
  auto grace = read_json(contact_file("grace-hopper"));
  EXPECT_EQ(grace["company"], "US Navy");
  EXPECT_EQ(grace["role"], "Rear Admiral");
}

TEST_F(ImportMatchingTest, APhoneInAnotherFormRecognisesTheContact) {
  kith.ok({"add", "Kwame Asante", "--phone", "+233 30 555 0142"});
  auto j = kith.ok({"import", "vcard",
                    vcf("k.vcf",
                        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:K. Asante\r\n"
                        "TEL;TYPE=cell:030-555-0142\r\nEMAIL:kwame@accra.example\r\nEND:VCARD\r\n"),
                    "--json"})
               .json();
  EXPECT_EQ(j["added"], Json::array());
  EXPECT_EQ(j["matched"][0]["by"], "phone");
  EXPECT_EQ(read_json(contact_file("kwame-asante"))["emails"],
            Json::array({"kwame@accra.example"}));
}

TEST_F(ImportMatchingTest, TagAndEveryApplyToThePeopleInTheFile) {
  kith.ok({"add", "Ada Lovelace", "--email", "ada@example.org", "--every", "1m"});
  kith.ok({"import", "linkedin", import_fixture("linkedin-connections.csv"), "--tag",
           "LinkedIn-2026", "--tag", "linkedin-2026", "--every", "off"});
  auto ada = read_json(contact_file("ada-lovelace"));
  EXPECT_EQ(ada["tags"], Json::array({"linkedin", "LinkedIn-2026"}));
  EXPECT_EQ(ada["every"], "1m") << "a contact already kept keeps its cadence";
  auto grace = read_json(contact_file("grace-hopper"));
  EXPECT_EQ(grace["tags"], Json::array({"linkedin", "LinkedIn-2026"}));
  EXPECT_EQ(grace["every"], "off");
}

TEST_F(ImportMatchingTest, ABadEveryOrTagIsAUsageErrorAndChangesNothing) {
  auto r = kith.run(
      {"import", "linkedin", import_fixture("linkedin-connections.csv"), "--every", "sometimes"});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("--every"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(tmp / "data"));
  r = kith.run({"import", "csv", import_fixture("contacts.csv"), "--tag", " "});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("--tag"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(tmp / "data"));
  r = kith.run({"import", "json", "backup.json", "--tag", "x"});
  EXPECT_EQ(r.exit_code, 2) << "a restore brings back what was exported, nothing else";
}

}  // namespace
}  // namespace kith::test::import_matching_test
