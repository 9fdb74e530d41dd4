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

}  // namespace
}  // namespace kith::json_writer_test
