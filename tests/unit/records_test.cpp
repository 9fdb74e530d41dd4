#include "core/records.h"

#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

namespace kith::records_test {
namespace {

TEST(ParseJsonDocument, BracketsInsideStringsDoNotCountAsNesting) {
  const std::string brackets(1000, '[');
  auto r = parse_json_document("{\"a\": \"" + brackets + "\\\"" + brackets + "\"}", "f.json");
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ((*r)["a"], brackets + "\"" + brackets);
  r = parse_json_document(std::string(256, '[') + std::string(256, ']'), "f.json");
  EXPECT_TRUE(r.ok());
  r = parse_json_document(std::string(257, '[') + std::string(257, ']'), "f.json");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message,
            "f.json:1: not valid JSON: nested too deeply (more than 256 levels)");
}

// ---------------------------------------------------------- serialisation

TEST(Serialize, DocumentsArePrettyAndLinesCompact) {
  const Json j = Json::parse(R"({"b": [1, 2], "a": {}})");
  EXPECT_EQ(serialize_document(j), "{\n  \"b\": [\n    1,\n    2\n  ],\n  \"a\": {}\n}\n");
  EXPECT_EQ(serialize_line(j), "{\"b\":[1,2],\"a\":{}}\n");
  EXPECT_EQ(serialize_document(Json::parse(R"({"name": "José"})")), "{\n  \"name\": \"José\"\n}\n");
}

TEST(ParseJsonDocument, SyntaxErrorsAreDataErrorsWithFileAndLine) {
  for (const auto& [text, prefix] : std::vector<std::pair<std::string, std::string>>{
           {"", "f.json:1: not valid JSON"},
           {"{", "f.json:1: not valid JSON"},
           {"{\n\n  \"a\": tru\n}", "f.json:3: not valid JSON"},
           {"{}\n{}", "f.json:2: not valid JSON"},
           {"\"\xff\"", "f.json:1: not valid JSON"},
           {std::string("{\"a\": \"x\0y\"}", 12), "f.json:1: not valid JSON"}}) {
    SCOPED_TRACE(text);
    auto r = parse_json_document(text, "f.json");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().kind, ErrorKind::data);
    EXPECT_EQ(r.error().message.substr(0, prefix.size()), prefix) << r.error().message;
    EXPECT_EQ(r.error().message.find('\n'), std::string::npos) << r.error().message;
  }
}

TEST(JsonProblemTest, NamesTheLineAndTheReasonOfAnyParseFailure) {
  const struct {
    const char* text;
    int line;
    const char* detail;
  } cases[] = {
      {"{\n  \"a\": 1,\n}", 3, "syntax error"},
      {"{\"a\":\n 1e999}", 2, "number overflow parsing '1e999'"},
      {"5E5511112222221282222223", 1, "number overflow"},
      {"", 1, "unexpected end of input"},
      {"{} {}", 1, "syntax error"},
  };
  for (const auto& c : cases) {
    auto p = json_problem(c.text);
    ASSERT_TRUE(p.has_value()) << c.text;
    EXPECT_EQ(p->line, c.line) << c.text;
    EXPECT_NE(p->detail.find(c.detail), std::string::npos) << c.text << ": " << p->detail;
  }
  EXPECT_FALSE(json_problem(R"({"a": [1, 2.5, "x", null]})").has_value());
}

TEST(ParseJsonDocumentTest, ANumberTooLargeIsADataErrorNotACrash) {
  auto r = parse_json_document("{\"id\": \"ada\",\n \"n\": 1e999}", "contacts/ada.json");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, ErrorKind::data);
  EXPECT_NE(r.error().message.find("contacts/ada.json:2: not valid JSON: number overflow"),
            std::string::npos)
      << r.error().message;
}

TEST(ParseLogTest, ANumberTooLargeInAMiddleLineIsADataErrorNamingTheLine) {
  std::vector<std::string> warnings;
  auto r = parse_log("{\"id\": \"a\", \"n\": 1e400}\n{}\n", "log/2026-11.jsonl", warnings);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, ErrorKind::data);
  EXPECT_NE(r.error().message.find("log/2026-11.jsonl:1: not valid JSON"), std::string::npos)
      << r.error().message;
}

TEST(ParseLogTest, ReadAroundEachBadLineIsLeftOutWithItsLineAndTheRestRead) {
  const std::string good = R"({"id":"a1","date":"2026-11-01","contacts":["ada"],"intent":"give"})"
                           "\n";
  const std::string text = good + "{\"id\": oops\n" +
                           R"({"id":"a3","date":"2026-11-03","contacts":["ada"],"intent":"maybe"})"
                           "\n" +
                           std::string(300, '[') + "\n" + good + "{\"id\": \"torn";
  std::vector<std::string> warnings;
  std::vector<Unreadable> left_out;
  auto r = parse_log(text, "log/2026-11.jsonl", warnings, 10, &left_out);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->size(), 2u);
  ASSERT_EQ(left_out.size(), 3u);
  std::vector<std::string> messages;
  for (const auto& u : left_out) {
    EXPECT_EQ(u.what, Unreadable::What::line);
    EXPECT_EQ(u.file, "log/2026-11.jsonl");
    EXPECT_EQ(u.error.kind, ErrorKind::data);
    EXPECT_FALSE(u.error.hint.empty()) << u.error.message;
    messages.push_back(u.error.message);
  }
  EXPECT_EQ(messages, (std::vector<std::string>{
                          "log/2026-11.jsonl:11: not valid JSON",
                          "log/2026-11.jsonl:12: 'intent' is not give, catch-up or ask: 'maybe'",
                          "log/2026-11.jsonl:13: not valid JSON: nested too deeply (more than "
                          "256 levels)"}));
  // A torn last line stays a warning.
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_NE(warnings[0].find("log/2026-11.jsonl:15: skipped a torn last line"), std::string::npos);
  // Without the list, the first bad line is the error.
  warnings.clear();
  auto strict = parse_log(text, "log/2026-11.jsonl", warnings, 10);
  ASSERT_FALSE(strict.ok());
  EXPECT_EQ(strict.error().message, "log/2026-11.jsonl:11: not valid JSON");
}

TEST(ParseContactFileTest, ABadFieldNamesTheLineOfItsKey) {
  const std::string text =
      "{\n  \"id\": \"ada\",\n  \"name\": \"Ada\",\n  \"added_on\": \"someday\",\n"
      "  \"job_changes\": [{\"on\": \"never\"}]\n}\n";
  auto r = parse_contact_file(text, "ada", "contacts/ada.json");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, ErrorKind::data);
  EXPECT_EQ(r.error().message,
            "contacts/ada.json:4: 'added_on' is not a date (YYYY-MM-DD): 'someday'");
  EXPECT_FALSE(r.error().hint.empty());
  // In a list of its own: the line of the list.
  const std::string nested =
      "{\"id\": \"ada\", \"name\": \"Ada\", \"added_on\": \"2026-01-01\",\n"
      "\"job_changes\": [{\"on\": \"never\"}]}";
  auto n = parse_contact_file(nested, "ada", "contacts/ada.json");
  ASSERT_FALSE(n.ok());
  EXPECT_EQ(n.error().message.substr(0, 32), "contacts/ada.json:2: job_changes")
      << n.error().message;
  // A key that is missing has no line.
  auto missing =
      parse_contact_file(R"({"id": "ada", "added_on": "2026-01-01"})", "ada", "contacts/ada.json");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().message, "contacts/ada.json: has no 'name'");
}

TEST(NetworkTest, FindsAContactByIdInTheSortedList) {
  Network n;
  for (const char* id : {"ada", "ada-2", "bob"}) {
    Contact c;
    c.id = id;
    n.contacts.push_back(c);
  }
  ASSERT_NE(n.find("ada-2"), nullptr);
  EXPECT_EQ(n.find("ada-2")->id, "ada-2");
  EXPECT_EQ(n.find("ad"), nullptr);
  EXPECT_EQ(n.find("carl"), nullptr);
}

TEST(ParseContactFileTest, TheIdMustMatchTheFileName) {
  const std::string text = R"({"id": "ada", "name": "Ada", "added_on": "2026-01-01"})";
  auto ok = parse_contact_file(text, "ada", "contacts/ada.json");
  ASSERT_TRUE(ok.ok()) << ok.error().message;
  EXPECT_EQ(ok->name, "Ada");
  auto bad = parse_contact_file(text, "bob", "contacts/bob.json");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().kind, ErrorKind::data);
  EXPECT_EQ(bad.error().message, "contacts/bob.json: its id 'ada' does not match the file name");
}

TEST(AliasMapTest, EachAliasNamesTheContactThatCarriesItTheFirstByIdWhenTwoDo) {
  std::vector<Contact> contacts(3);
  contacts[0].id = "ada";
  contacts[0].aliases = {"ada-l", "shared"};
  contacts[1].id = "bob";
  contacts[1].aliases = {"shared", "bob"};  // its own id is no alias
  contacts[2].id = "carl";
  const AliasMap map = alias_map(contacts);
  EXPECT_EQ(map, (AliasMap{{"ada-l", "ada"}, {"shared", "ada"}}));
  std::vector<ContactHead> heads{{"ada", "Ada", {}, {"ada-l"}}};
  EXPECT_EQ(alias_map(heads), (AliasMap{{"ada-l", "ada"}}));
  EXPECT_EQ(canonical_id(map, "ada-l"), "ada");
  EXPECT_EQ(canonical_id(map, "carl"), "carl");
  EXPECT_EQ(canonical_id(map, "nobody"), "nobody");
}

TEST(ResolveAliasesTest, AliasesNameTheirContactEachIdOnceWhereItFirstAppears) {
  const AliasMap map = {{"ada-l", "ada"}, {"grace-2", "grace"}};
  std::vector<std::string> ids{"ada-l", "grace", "ada"};
  EXPECT_TRUE(resolve_aliases(ids, map));
  EXPECT_EQ(ids, (std::vector<std::string>{"ada", "grace"}));
  std::vector<std::string> none{"ada", "grace"};
  EXPECT_FALSE(resolve_aliases(none, map));
  EXPECT_EQ(none, (std::vector<std::string>{"ada", "grace"}));
  EXPECT_FALSE(resolve_aliases(none, {}));
}

}  // namespace
}  // namespace kith::records_test
