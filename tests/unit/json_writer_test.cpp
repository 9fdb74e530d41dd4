#include "core/json_writer.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace kith::json_writer_test {
namespace {

// Writes `j` through JsonWriter, member by member.
void write(JsonWriter& w, const Json& j) {
  if (j.is_object()) {
    w.begin_object();
    for (auto it = j.begin(); it != j.end(); ++it) {
      w.key(it.key());
      write(w, it.value());
    }
    w.end_object();
  } else if (j.is_array()) {
    w.begin_array();
    for (const auto& item : j) write(w, item);
    w.end_array();
  } else if (j.is_string()) {
    w.value(j.get<std::string>());
  } else if (j.is_boolean()) {
    w.value(j.get<bool>());
  } else if (j.is_number_unsigned()) {
    w.value(j.get<std::size_t>());
  } else if (j.is_number_integer()) {
    w.value(j.get<std::int64_t>());
  } else if (j.is_null()) {
    w.null();
  } else {
    w.value(j);  // anything else (floats) through dump()
  }
}

TEST(JsonWriter, WritesWhatDumpWithTwoSpacesWrites) {
  const std::vector<std::string> documents = {
      R"({})",
      R"([])",
      R"("text")",
      R"({"a": 1, "b": [], "c": {}, "d": [1, [2, []], {"e": null}], "f": true, "g": false})",
      R"([{"id": "ada", "n": -42, "big": 18446744073709551615, "x": 1.5}])",
      R"({"quote\"back\\slash": "tab\tnew\nline\r\u0001\u001f\u007f\b\f end"})",
      R"({"utf8": "José Núñez — 李小龙 🙂"})",
      R"({"deep": {"deeper": {"deepest": [[[]], [{}], "x"]}}})"};
  for (const auto& text : documents) {
    SCOPED_TRACE(text);
    const Json j = Json::parse(text);
    std::string out;
    JsonWriter w(out);
    write(w, j);
    EXPECT_EQ(out, j.dump(2));
  }
}

TEST(JsonWriter, EmbedsADocumentAtAnyDepth) {
  const Json extra = Json::parse(R"({"linkedin": {"url": "x", "tags": ["a", "b"]}, "n": []})");
  Json whole = Json::object();
  whole["list"] = Json::array({Json::object({{"extra", extra}})});
  std::string out;
  JsonWriter w(out);
  w.begin_object();
  w.key("list");
  w.begin_array();
  w.begin_object();
  w.key("extra");
  w.value(extra);
  w.end_object();
  w.end_array();
  w.end_object();
  EXPECT_EQ(out, whole.dump(2));
}

TEST(JsonWriter, WritesStringListsAsArrays) {
  std::string out;
  JsonWriter w(out);
  w.begin_object();
  w.key("none");
  w.strings({});
  w.key("some");
  w.strings({"a", "b"});
  w.end_object();
  EXPECT_EQ(out, Json::parse(R"({"none": [], "some": ["a", "b"]})").dump(2));
}

// A contact through write_contact and through to_json(...).dump(2).
void expect_contact_written_as_dump(const Contact& c) {
  std::string out;
  JsonWriter w(out);
  w.begin_array();
  write_contact(w, c);
  write_contact(w, c);
  w.end_array();
  Json array = Json::array();
  array.push_back(to_json(c));
  array.push_back(to_json(c));
  EXPECT_EQ(out, array.dump(2)) << c.id;
}

TEST(JsonWriter, WritesAContactAsToJsonDumpsItWhateverItHolds) {
  Contact bare;
  bare.id = "ada";
  bare.name = "Ada";
  bare.added_on = Date{date::year{2026} / 1 / 2};
  expect_contact_written_as_dump(bare);

  const Json full = Json::parse(R"({
    "id": "jose-nunez", "name": "José \"Pepe\" Núñez <jose>\n", "emails": ["j@x.org", "p@y.org"],
    "phones": ["+49 30 1234"], "company": "Paywell", "role": "CTO", "location": "Berlin",
    "links": ["https://www.linkedin.com/in/jose"], "tags": ["rust", "ex-colleague"],
    "skills": ["hiring"], "interests": ["developer tools", "陈静"], "how_met": "RustConf",
    "met_on": "2024-03-01", "every": "2m", "birthday": "--11-28", "notes": "tab\there",
    "added_on": "2024-03-02", "archived": true, "snoozed_until": "2027-01-01",
    "job_changes": [{"on": "2026-05-01", "from": {"company": "Acme", "role": null},
                     "to": {"company": "Paywell", "role": "CTO"}, "source": "linkedin"}],
    "aliases": ["jose-2"], "custom": {"nested": [1, 2.5, null]}, "zzz": "last"
  })");
  auto parsed = contact_from_json(full, "full");
  ASSERT_TRUE(parsed) << parsed.error().message;
  expect_contact_written_as_dump(*parsed);

  // Keys kith does not know that look like its own optional ones: kept only
  // when kith writes no key of that name itself.
  Contact odd = bare;
  odd.id = "odd";
  odd.extra = Json::object();
  odd.extra["aliases"] = "from another version";
  odd.extra["job_changes"] = 3;
  odd.extra[""] = "empty key";
  expect_contact_written_as_dump(odd);
  odd.aliases = {"old-odd"};
  expect_contact_written_as_dump(odd);
}

}  // namespace
}  // namespace kith::json_writer_test
