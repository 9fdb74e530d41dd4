// End-to-end: `kith import` of address books as phones and mail programs
// export them: Android's vCard 2.1, Google Contacts' and Outlook's CSV.
#include <ostream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "support/testutil.h"

namespace kith::test {
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

}  // namespace
}  // namespace kith::test
