#include <ostream>
#include <string>

#include <gtest/gtest.h>

#include "core/model.h"
#include "support/labels.h"

namespace kith::model_job_changes_test {
namespace {

using ::kith::test::operator<<;

Json base_contact() {
  return Json::parse(R"({"id": "ada", "name": "Ada", "added_on": "2026-01-01"})");
}

TEST(ContactJobChanges, RoundTripThroughJson) {
  Json j = base_contact();
  j["job_changes"] = Json::parse(R"([{"on": "2026-11-25",
      "from": {"company": "Acme", "role": "Engineer"},
      "to": {"company": "Globex", "role": null}, "source": "linkedin"}])");
  auto c = contact_from_json(j, "contacts/ada.json");
  ASSERT_TRUE(c) << c.error().message;
  ASSERT_EQ(c->job_changes.size(), 1u);
  const JobChange& change = c->job_changes[0];
  EXPECT_EQ(format_date(change.on), "2026-11-25");
  EXPECT_EQ(change.from, (Job{"Acme", "Engineer"}));
  EXPECT_EQ(change.to, (Job{"Globex", std::nullopt}));
  EXPECT_EQ(change.extra["source"], "linkedin");  // unknown keys are kept
  const Json out = to_json(*c);
  EXPECT_EQ(out["job_changes"], j["job_changes"]);
  EXPECT_FALSE(c->extra.contains("job_changes"));
}

TEST(ContactJobChanges, TheKeyIsWrittenOnlyWhenThereIsAChange) {
  auto c = contact_from_json(base_contact(), "c");
  ASSERT_TRUE(c);
  EXPECT_FALSE(to_json(*c).contains("job_changes"));
  c->job_changes.push_back({*parse_iso_date("2026-02-03"), {}, {"X", {}}, Json::object()});
  const Json out = to_json(*c);
  ASSERT_TRUE(out.contains("job_changes"));
  // Written after snoozed_until, before any unknown key.
  auto it = out.find("snoozed_until");
  ++it;
  EXPECT_EQ(it.key(), "job_changes");
}

struct BadChange {
  const char* label;
  const char* json;
  const char* message;
};

class ContactJobChangesErrorTest : public testing::TestWithParam<BadChange> {};

TEST_P(ContactJobChangesErrorTest, IsADataErrorNamingTheFileAndEntry) {
  Json j = base_contact();
  j["job_changes"] = Json::parse(GetParam().json);
  auto c = contact_from_json(j, "contacts/ada.json");
  ASSERT_FALSE(c);
  EXPECT_EQ(c.error().kind, ErrorKind::data);
  EXPECT_NE(c.error().message.find(GetParam().message), std::string::npos) << c.error().message;
}

INSTANTIATE_TEST_SUITE_P(
    Table, ContactJobChangesErrorTest,
    testing::Values(
        BadChange{"not_a_list", R"({"on": "2026-01-01"})",
                  "contacts/ada.json job_changes is not a list"},
        BadChange{"entry_not_an_object", R"([1])", "job_changes[0]: is not a JSON object"},
        BadChange{"no_date", R"([{"from": {}}])", "job_changes[0]: has no 'on'"},
        BadChange{"bad_date", R"([{"on": "soon"}])", "'on' is not a date"},
        BadChange{"company_not_a_string", R"([{"on": "2026-01-01", "to": {"company": 3}}])",
                  "job_changes[0] to: 'company' is not a string"}),
    [](const auto& c) { return std::string(c.param.label); });

}  // namespace
}  // namespace kith::model_job_changes_test
