#include "core/store.h"

#include <algorithm>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <sys/stat.h>

#include "support/testutil.h"

namespace kith::store_test {
namespace {

using test::mode_of;
using test::NoUmask;
using test::read_file;
using test::TempDir;
using test::tree;
using test::write_file;

Date ymd(int y, unsigned m, unsigned d) {
  return Date{date::year{y} / date::month{m} / date::day{d}};
}

bool contains(const std::string& haystack, std::string_view needle) {
  return haystack.find(needle) != std::string::npos;
}

Contact make_contact(std::string id, std::string name) {
  Contact c;
  c.id = std::move(id);
  c.name = std::move(name);
  c.added_on = ymd(2026, 1, 2);
  return c;
}

Interaction make_interaction(std::string id, Date date, std::vector<std::string> contacts,
                             std::string logged_at = "2026-11-25T10:00:00Z",
                             Intent intent = Intent::catch_up) {
  Interaction i;
  i.id = std::move(id);
  i.date = date;
  i.contacts = std::move(contacts);
  i.intent = intent;
  i.logged_at = std::move(logged_at);
  return i;
}

std::string line(std::string_view id, std::string_view date,
                 std::string_view logged_at = "2026-11-25T10:00:00Z") {
  return R"({"id":")" + std::string(id) + R"(","date":")" + std::string(date) +
         R"(","contacts":["ada"],"kind":"other","intent":"catch-up","note":null,"logged_at":")" +
         std::string(logged_at) + "\"}\n";
}

const LockOptions kNoWait{std::chrono::milliseconds(0), std::chrono::milliseconds(0), nullptr};

class StoreTest : public ::testing::Test {
 protected:
  TempDir tmp;
  fs::path dir = tmp / "data";
  Store store{dir};

  std::vector<Interaction> interactions(std::vector<std::string>* warnings_out = nullptr) {
    std::vector<std::string> warnings;
    auto r = store.load_interactions(warnings);
    EXPECT_TRUE(r.ok()) << r.error().message;
    if (warnings_out) *warnings_out = warnings;
    return r.ok() ? *r : std::vector<Interaction>{};
  }
};

// ------------------------------------------------------------- round trips

TEST_F(StoreTest, SavedRecordsLoadBackEqual) {
  auto lock = store.lock_for_write(kNoWait);
  ASSERT_TRUE(lock.ok()) << lock.error().message;

  Contact c = make_contact("jose-nunez", "José Núñez");
  c.emails = {"jose@example.org"};
  c.company = "Acme";
  c.skills = {"Rust"};
  c.met_on = ymd(2025, 3, 4);
  c.every = Duration{Duration::Unit::week, 2, "2w"};
  c.birthday = Birthday{std::nullopt, 2, 29};
  c.archived = true;
  c.snoozed_until = ymd(2026, 12, 24);
  ASSERT_TRUE(store.save_contact(c).ok());

  Profile p;
  p.name = "Sam";
  p.skills = {"C++", "hiring"};
  p.goals = {"meet founders"};
  ASSERT_TRUE(store.save_profile(p).ok());

  Config config;
  config.settings = Json::parse(R"({"every": "1m", "homework": 2})");
  ASSERT_TRUE(store.save_config(config).ok());

  Interaction i = make_interaction("20261125T100000Z-abcdef", ymd(2026, 11, 20),
                                   {"jose-nunez", "ada"}, "2026-11-25T10:00:00Z", Intent::give);
  i.kind = "coffee";
  i.note = "Offered an intro";
  i.follow_up = FollowUp{"send the deck", ymd(2026, 12, 1), std::nullopt, Json::object()};
  ASSERT_TRUE(store.append_interaction(i).ok());

  auto loaded = store.load();
  ASSERT_TRUE(loaded.ok()) << loaded.error().message;
  ASSERT_EQ(loaded->contacts.size(), 1u);
  EXPECT_EQ(to_json(loaded->contacts[0]), to_json(c));
  EXPECT_EQ(to_json(loaded->profile), to_json(p));
  EXPECT_EQ(to_json(loaded->config), to_json(config));
  EXPECT_EQ(loaded->settings.every.text, "1m");
  EXPECT_EQ(loaded->settings.homework, 2);
  ASSERT_EQ(loaded->interactions.size(), 1u);
  EXPECT_EQ(to_json(loaded->interactions[0]), to_json(i));
  EXPECT_TRUE(loaded->warnings.empty());
  EXPECT_TRUE(fs::exists(dir / "log/2026-11.jsonl"));
}

TEST_F(StoreTest, UnknownKeysSurviveARewriteOfEveryFile) {
  write_file(dir / "kith.json",
             R"({"format": "kith", "version": 1, "settings": {"x_setting": 1}, "remote": "o"})");
  write_file(dir / "me.json", R"({"name": "Sam", "pronouns": "they"})");
  write_file(dir / "contacts/ada.json",
             R"({"id": "ada", "x_first": 0, "name": "Ada", "added_on": "2026-01-02",
                 "linkedin": {"id": 42}})");
  write_file(dir / "log/2026-11.jsonl",
             R"({"id": "i1", "date": "2026-11-02", "contacts": ["ada"], "mood": "good",)"
             R"( "follow_up": {"text": "t", "colour": "red"}})"
             "\n");
  auto lock = store.lock_for_write(kNoWait);
  ASSERT_TRUE(lock.ok()) << lock.error().message;
  auto n = store.load();
  ASSERT_TRUE(n.ok()) << n.error().message;
  ASSERT_TRUE(store.save_config(n->config).ok());
  ASSERT_TRUE(store.save_profile(n->profile).ok());
  ASSERT_TRUE(store.save_contact(n->contacts.at(0)).ok());
  ASSERT_TRUE(store.rewrite_month(date::year{2026} / 11, n->interactions).ok());

  auto config = test::read_json(dir / "kith.json");
  EXPECT_EQ(config["settings"]["x_setting"], 1);
  EXPECT_EQ(config["remote"], "o");
  EXPECT_EQ(test::read_json(dir / "me.json")["pronouns"], "they");
  auto contact = test::read_json(dir / "contacts/ada.json");
  EXPECT_EQ(contact["x_first"], 0);
  EXPECT_EQ(contact["linkedin"]["id"], 42);
  auto log = nlohmann::ordered_json::parse(read_file(dir / "log/2026-11.jsonl"));
  EXPECT_EQ(log["mood"], "good");
  EXPECT_EQ(log["follow_up"]["colour"], "red");
}

// ------------------------------------------------------------ file format

TEST_F(StoreTest, DocumentsArePrettyWithTwoSpacesAndATrailingNewline) {
  auto lock = store.lock_for_write(kNoWait);
  ASSERT_TRUE(lock.ok());
  EXPECT_EQ(read_file(dir / "kith.json"),
            "{\n  \"format\": \"kith\",\n  \"version\": 1,\n  \"settings\": {}\n}\n");
  Profile p;
  p.name = "Sam";
  p.skills = {"C++"};
  ASSERT_TRUE(store.save_profile(p).ok());
  EXPECT_EQ(read_file(dir / "me.json"),
            "{\n  \"name\": \"Sam\",\n  \"emails\": [],\n  \"skills\": [\n    \"C++\"\n  ],\n"
            "  \"interests\": [],\n"
            "  \"goals\": [],\n  \"tags\": [],\n  \"company\": null,\n  \"role\": null,\n"
            "  \"location\": null\n}\n");
  ASSERT_TRUE(store.save_contact(make_contact("ada", "Ada")).ok());
  const std::string contact = read_file(dir / "contacts/ada.json");
  EXPECT_EQ(contact.substr(0, 19), "{\n  \"id\": \"ada\",\n  ");
  EXPECT_EQ(contact.substr(contact.size() - 3), "\n}\n");
}

TEST_F(StoreTest, LogLinesAreCompactOneObjectPerLine) {
  auto lock = store.lock_for_write(kNoWait);
  ASSERT_TRUE(lock.ok());
  ASSERT_TRUE(store.append_interaction(make_interaction("i1", ymd(2026, 11, 2), {"ada"})).ok());
  ASSERT_TRUE(store.append_interaction(make_interaction("i2", ymd(2026, 11, 3), {"ada"})).ok());
  EXPECT_EQ(read_file(dir / "log/2026-11.jsonl"),
            line("i1", "2026-11-02") + line("i2", "2026-11-03"));
}

TEST_F(StoreTest, EachInteractionGoesToTheFileOfItsMonth) {
  auto lock = store.lock_for_write(kNoWait);
  ASSERT_TRUE(lock.ok());
  ASSERT_TRUE(store.append_interaction(make_interaction("i1", ymd(2026, 1, 31), {"a"})).ok());
  ASSERT_TRUE(store.append_interaction(make_interaction("i2", ymd(2025, 12, 1), {"a"})).ok());
  EXPECT_EQ(store.month_path(date::year{2026} / 1), dir / "log/2026-01.jsonl");
  EXPECT_TRUE(fs::exists(dir / "log/2026-01.jsonl"));
  EXPECT_TRUE(fs::exists(dir / "log/2025-12.jsonl"));
}

TEST_F(StoreTest, DirectoriesAre0700AndFiles0600) {
  NoUmask no_umask;
  auto lock = store.lock_for_write(kNoWait);
  ASSERT_TRUE(lock.ok());
  ASSERT_TRUE(store.save_contact(make_contact("ada", "Ada")).ok());
  ASSERT_TRUE(store.save_profile(Profile{}).ok());
  ASSERT_TRUE(store.append_interaction(make_interaction("i1", ymd(2026, 11, 2), {"ada"})).ok());
  for (const char* d : {"", "contacts", "log"}) {
    SCOPED_TRACE(d);
    EXPECT_EQ(mode_of(dir / d), 0700u);
  }
  for (const char* f :
       {".lock", "kith.json", "me.json", "contacts/ada.json", "log/2026-11.jsonl"}) {
    SCOPED_TRACE(f);
    EXPECT_EQ(mode_of(dir / f), 0600u);
  }
}

TEST_F(StoreTest, AtomicReplaceLeavesNoTempFile) {
  auto lock = store.lock_for_write(kNoWait);
  ASSERT_TRUE(lock.ok());
  Contact c = make_contact("ada", "Ada");
  ASSERT_TRUE(store.save_contact(c).ok());
  c.company = "Acme";
  ASSERT_TRUE(store.save_contact(c).ok());
  ASSERT_TRUE(store.save_config(Config{}).ok());
  EXPECT_EQ(tree(dir),
            (std::vector<std::string>{".lock", "contacts", "contacts/ada.json", "kith.json"}));
  EXPECT_EQ(test::read_json(dir / "contacts/ada.json")["company"], "Acme");
}

// -------------------------------------------------------------- temp files

TEST_F(StoreTest, LockForWriteRemovesLeftoverTempFilesOnly) {
  write_file(dir / ".kith.json.tmp-abc123", "half");
  write_file(dir / "contacts/.x.json.tmp-abc123", "{\"id\": ");
  write_file(dir / "log/.2026-11.jsonl.tmp-00ff00", "{");
  write_file(dir / "contacts/.keep", "");
  write_file(dir / ".gitignore", "*.tmp\n");
  auto lock = store.lock_for_write(kNoWait);
  ASSERT_TRUE(lock.ok()) << lock.error().message;
  EXPECT_EQ(tree(dir), (std::vector<std::string>{".gitignore", ".lock", "contacts",
                                                 "contacts/.keep", "kith.json", "log"}));
}

TEST_F(StoreTest, TempFilesAreNeverReadAsData) {
  write_file(dir / "contacts/.ada.json.tmp-abc123", "{\"id\": \"ada\", \"na");
  write_file(dir / "contacts/.bob.json.tmp-abc123",
             R"({"id": "bob", "name": "Bob", "added_on": "2026-01-02"})");
  write_file(dir / "log/.2026-11.jsonl.tmp-abc123", "{\"id\":");
  auto n = store.load();
  ASSERT_TRUE(n.ok()) << n.error().message;
  EXPECT_TRUE(n->contacts.empty());
  EXPECT_TRUE(n->interactions.empty());
  EXPECT_TRUE(n->warnings.empty());
}

// ------------------------------------------------------------- corruption

TEST_F(StoreTest, ACorruptContactFileIsADataErrorNamingFileAndLine) {
  write_file(dir / "contacts/ada.json",
             "{\n  \"id\": \"ada\",\n  \"name\": \"Ada\"\n  \"x\": 1\n}\n");
  const std::string before = read_file(dir / "contacts/ada.json");
  auto contacts = store.load_contacts();
  ASSERT_FALSE(contacts.ok());
  EXPECT_EQ(contacts.error().kind, ErrorKind::data);
  EXPECT_EQ(contacts.error().message.substr(0, 20), "contacts/ada.json:4:")
      << contacts.error().message;
  EXPECT_TRUE(contains(contacts.error().message, "not valid JSON")) << contacts.error().message;
  EXPECT_FALSE(contacts.error().hint.empty());
  EXPECT_EQ(read_file(dir / "contacts/ada.json"), before);
}

TEST_F(StoreTest, AnEmptyContactFileIsADataErrorAtLineOne) {
  write_file(dir / "contacts/ada.json", "");
  auto contacts = store.load_contacts();
  ASSERT_FALSE(contacts.ok());
  EXPECT_EQ(contacts.error().message.substr(0, 20), "contacts/ada.json:1:")
      << contacts.error().message;
}

TEST_F(StoreTest, AContactWithABadFieldIsADataErrorNamingFileLineAndKey) {
  write_file(dir / "contacts/ada.json", R"({"id": "ada", "name": "Ada", "added_on": "someday"})");
  auto n = store.load();
  ASSERT_FALSE(n.ok());
  EXPECT_EQ(n.error().kind, ErrorKind::data);
  EXPECT_EQ(n.error().message,
            "contacts/ada.json:1: 'added_on' is not a date (YYYY-MM-DD): 'someday'");
}

TEST_F(StoreTest, AContactWhoseIdDiffersFromItsFileNameIsAnError) {
  write_file(dir / "contacts/ada.json",
             R"({"id": "bob", "name": "Bob", "added_on": "2026-01-02"})");
  auto contacts = store.load_contacts();
  ASSERT_FALSE(contacts.ok());
  EXPECT_EQ(contacts.error().kind, ErrorKind::data);
  EXPECT_TRUE(contains(contacts.error().message, "contacts/ada.json"));
  EXPECT_TRUE(contains(contacts.error().message, "'bob' does not match the file name"));
  EXPECT_FALSE(contacts.error().hint.empty());
}

TEST_F(StoreTest, ACorruptLineInTheMiddleOfALogIsAnErrorAndTheFileIsUntouched) {
  const std::string content =
      line("i1", "2026-11-01") + "{\"id\": \"i2\", \n" + line("i3", "2026-11-03");
  write_file(dir / "log/2026-11.jsonl", content);
  std::vector<std::string> warnings;
  auto r = store.load_interactions(warnings);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, ErrorKind::data);
  EXPECT_EQ(r.error().message, "log/2026-11.jsonl:2: not valid JSON");
  EXPECT_FALSE(r.error().hint.empty());
  // A writer starting up does not repair or rewrite it either.
  auto lock = store.lock_for_write(kNoWait);
  ASSERT_TRUE(lock.ok());
  EXPECT_EQ(read_file(dir / "log/2026-11.jsonl"), content);
}

TEST_F(StoreTest, ABadInteractionIsAnErrorNamingFileLineAndKey) {
  write_file(
      dir / "log/2026-11.jsonl",
      line("i1", "2026-11-01") + R"({"id": "i2", "date": "2026-11-02", "contacts": []})" + "\n");
  std::vector<std::string> warnings;
  auto r = store.load_interactions(warnings);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message, "log/2026-11.jsonl:2: 'contacts' is empty");
}

// ------------------------------------------------------ reading around

TEST_F(StoreTest, ReadAroundContactFilesThatCannotBeReadLeavesOutThoseAlone) {
  ASSERT_TRUE(store.save_contact(make_contact("ada", "Ada")));
  ASSERT_TRUE(store.save_contact(make_contact("cy", "Cy")));
  write_file(dir / "contacts/bob.json", "{\n  \"id\": \"bob\"\n  \"name\": \"Bob\"\n}\n");
  fs::create_directory(dir / "contacts/dee.json");  // a file no one reads
  std::vector<Unreadable> left_out;
  auto contacts = store.load_contacts(nullptr, &left_out);
  ASSERT_TRUE(contacts.ok()) << contacts.error().message;
  ASSERT_EQ(contacts->size(), 2u);
  EXPECT_EQ((*contacts)[0].id, "ada");
  EXPECT_EQ((*contacts)[1].id, "cy");
  ASSERT_EQ(left_out.size(), 2u);
  EXPECT_EQ(left_out[0].what, Unreadable::What::contact);
  EXPECT_EQ(left_out[0].file, "contacts/bob.json");
  EXPECT_EQ(left_out[0].id, "bob");
  EXPECT_TRUE(contains(left_out[0].error.message, "contacts/bob.json:3: not valid JSON"))
      << left_out[0].error.message;
  EXPECT_EQ(left_out[1].id, "dee");
  EXPECT_EQ(left_out[1].error.kind, ErrorKind::io);
  EXPECT_TRUE(contains(left_out[1].error.message, "Is a directory")) << left_out[1].error.message;
  // The heads as well; a strict read still fails.
  left_out.clear();
  auto heads = store.load_contact_heads(&left_out);
  ASSERT_TRUE(heads.ok());
  EXPECT_EQ(heads->size(), 2u);
  EXPECT_EQ(left_out.size(), 2u);
  EXPECT_FALSE(store.load_contacts().ok());
}

TEST_F(StoreTest, ReadAroundTheLogLeavesOutBadLinesAndMonthsItCannotOpen) {
  write_file(dir / "log/2026-10.jsonl",
             line("i1", "2026-10-01") + "{\"id\": \"i2\", \n" + line("i3", "2026-10-03"));
  fs::create_directories(dir / "log/2026-11.jsonl");
  write_file(dir / "log/2026-12.jsonl", line("i4", "2026-12-01"));
  std::vector<std::string> warnings;
  std::vector<Unreadable> left_out;
  auto r = store.load_interactions(warnings, &left_out);
  ASSERT_TRUE(r.ok()) << r.error().message;
  std::vector<std::string> ids;
  for (const auto& i : *r) ids.push_back(i.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"i1", "i3", "i4"}));
  ASSERT_EQ(left_out.size(), 2u);
  EXPECT_EQ(left_out[0].what, Unreadable::What::line);
  EXPECT_EQ(left_out[0].error.message, "log/2026-10.jsonl:2: not valid JSON");
  EXPECT_EQ(left_out[1].what, Unreadable::What::month);
  EXPECT_EQ(left_out[1].file, "log/2026-11.jsonl");
  EXPECT_TRUE(warnings.empty());
  EXPECT_FALSE(store.load_interactions(warnings).ok());
}

TEST_F(StoreTest, ReadAroundTheNetworkLeavesOutAProfileButNeverKithJson) {
  ASSERT_TRUE(store.save_contact(make_contact("ada", "Ada")));
  write_file(dir / "me.json", "{\"name\": }");
  auto strict = store.load();
  ASSERT_FALSE(strict.ok());
  auto around = store.load(Reading::around);
  ASSERT_TRUE(around.ok()) << around.error().message;
  EXPECT_EQ(around->contacts.size(), 1u);
  EXPECT_TRUE(around->profile.empty());
  ASSERT_EQ(around->unreadable.size(), 1u);
  EXPECT_EQ(around->unreadable[0].what, Unreadable::What::profile);
  EXPECT_TRUE(contains(around->unreadable[0].error.message, "me.json:1: not valid JSON"));
  // kith.json says how to read the rest: it must be read.
  write_file(dir / "kith.json", "{\"format\": \"kith\",");
  EXPECT_FALSE(store.load(Reading::around).ok());
  EXPECT_FALSE(store.load_records(Reading::around).ok());
}

TEST_F(StoreTest, ATornLastLineIsSkippedWithAWarning) {
  const std::string content =
      line("i1", "2026-11-01") + line("i2", "2026-11-02") + "{\"id\":\"i3\",\"da";
  write_file(dir / "log/2026-11.jsonl", content);
  std::vector<std::string> warnings;
  auto all = interactions(&warnings);
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[1].id, "i2");
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_TRUE(contains(warnings[0], "log/2026-11.jsonl:3")) << warnings[0];
  EXPECT_TRUE(contains(warnings[0], "torn last line")) << warnings[0];
  EXPECT_EQ(read_file(dir / "log/2026-11.jsonl"), content);
}

TEST_F(StoreTest, ACompleteLastLineWithoutNewlineIsRead) {
  std::string content = line("i1", "2026-11-01");
  content.pop_back();
  write_file(dir / "log/2026-11.jsonl", content);
  std::vector<std::string> warnings;
  EXPECT_EQ(interactions(&warnings).size(), 1u);
  EXPECT_TRUE(warnings.empty());
}

TEST_F(StoreTest, BlankLinesAndOtherFilesInTheLogAreIgnored) {
  write_file(dir / "log/2026-11.jsonl", "\n" + line("i1", "2026-11-01") + "  \n\n");
  write_file(dir / "log/notes.jsonl", "not json\n");
  write_file(dir / "log/2026-11.jsonl.bak", "not json\n");
  write_file(dir / "log/2026-1.jsonl", "not json\n");
  write_file(dir / "log/README", "not json\n");
  EXPECT_EQ(interactions().size(), 1u);
}

TEST_F(StoreTest, InteractionsAreSortedByDateThenLoggedAtThenId) {
  write_file(dir / "log/2026-11.jsonl", line("c", "2026-11-05", "2026-11-25T10:00:00Z") +
                                            line("b", "2026-11-05", "2026-11-25T09:00:00Z") +
                                            line("a", "2026-11-05", "2026-11-25T10:00:00Z") +
                                            line("z", "2026-11-01", "2026-11-30T00:00:00Z"));
  write_file(dir / "log/2026-10.jsonl", line("y", "2026-10-31", "2026-12-01T00:00:00Z"));
  std::vector<std::string> ids;
  for (const auto& i : interactions()) ids.push_back(i.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"y", "z", "b", "a", "c"}));
}

// ------------------------------------------------------------ empty store

TEST_F(StoreTest, AMissingDataDirectoryLoadsAsEmptyAndCreatesNothing) {
  auto n = store.load();
  ASSERT_TRUE(n.ok()) << n.error().message;
  EXPECT_TRUE(n->contacts.empty());
  EXPECT_TRUE(n->interactions.empty());
  EXPECT_TRUE(n->profile.empty());
  EXPECT_EQ(n->config.version, kFormatVersion);
  EXPECT_EQ(n->settings.every.text, "3m");
  auto c = store.load_contact("ada");
  ASSERT_TRUE(c.ok());
  EXPECT_FALSE(c->has_value());
  EXPECT_FALSE(fs::exists(dir));
}

TEST_F(StoreTest, LockForWriteCreatesTheDirectoryAndADefaultKithJson) {
  auto lock = store.lock_for_write(kNoWait);
  ASSERT_TRUE(lock.ok()) << lock.error().message;
  EXPECT_EQ(tree(dir), (std::vector<std::string>{".lock", "kith.json"}));
  auto config = test::read_json(dir / "kith.json");
  EXPECT_EQ(config["format"], "kith");
  EXPECT_EQ(config["version"], 1);
}

TEST_F(StoreTest, LockForWriteDoesNotRewriteAnExistingKithJson) {
  const std::string compact = R"({"format":"kith","version":1,"settings":{"every":"1m"}})";
  write_file(dir / "kith.json", compact);
  auto lock = store.lock_for_write(kNoWait);
  ASSERT_TRUE(lock.ok()) << lock.error().message;
  EXPECT_EQ(read_file(dir / "kith.json"), compact);
}

TEST_F(StoreTest, ASecondWriterCannotTakeTheLock) {
  auto lock = store.lock_for_write(kNoWait);
  ASSERT_TRUE(lock.ok());
  auto second = store.lock_for_write(kNoWait);
  ASSERT_FALSE(second.ok());
  EXPECT_EQ(second.error().kind, ErrorKind::lock);
  EXPECT_TRUE(contains(second.error().message, (dir / ".lock").string()));
}

// ------------------------------------------------------- newer format version

TEST_F(StoreTest, ANewerFormatIsRefusedAndNeverRewritten) {
  const std::string v2 = R"({"format": "kith", "version": 2, "settings": {"every": [1]}})";
  write_file(dir / "kith.json", v2);
  write_file(dir / "contacts/.ada.json.tmp-abc123", "written by a newer kith");
  auto n = store.load();
  ASSERT_FALSE(n.ok());
  EXPECT_EQ(n.error().kind, ErrorKind::data);
  EXPECT_TRUE(contains(n.error().message, "kith.json: data format version 2 is newer"))
      << n.error().message;
  auto lock = store.lock_for_write(kNoWait);
  ASSERT_FALSE(lock.ok());
  EXPECT_EQ(lock.error().kind, ErrorKind::data);
  EXPECT_FALSE(lock.error().hint.empty());
  EXPECT_EQ(read_file(dir / "kith.json"), v2);
  // Nothing of the newer kith is touched, not even what looks like a leftover.
  EXPECT_EQ(read_file(dir / "contacts/.ada.json.tmp-abc123"), "written by a newer kith");
}

TEST_F(StoreTest, ACorruptKithJsonIsADataErrorNamingIt) {
  write_file(dir / "kith.json", "{\"format\": \"kith\",\n \"version\": }\n");
  auto n = store.load();
  ASSERT_FALSE(n.ok());
  EXPECT_EQ(n.error().message.substr(0, 12), "kith.json:2:") << n.error().message;
  auto lock = store.lock_for_write(kNoWait);
  ASSERT_FALSE(lock.ok());
  EXPECT_EQ(read_file(dir / "kith.json"), "{\"format\": \"kith\",\n \"version\": }\n");
}

TEST_F(StoreTest, ABadSettingIsADataError) {
  write_file(dir / "kith.json", R"({"format": "kith", "version": 1, "settings": {"every": "x"}})");
  auto n = store.load();
  ASSERT_FALSE(n.ok());
  EXPECT_EQ(n.error().message, "kith.json: setting 'every' is not a duration");
}

TEST_F(StoreTest, ACorruptProfileIsADataErrorNamingIt) {
  write_file(dir / "me.json", "{\"name\": 3}");
  auto n = store.load();
  ASSERT_FALSE(n.ok());
  EXPECT_EQ(n.error().message, "me.json: 'name' is not a string");
}

// ---------------------------------------------------------------- contacts

TEST_F(StoreTest, ContactsAreSortedByIdAndFoundById) {
  auto lock = store.lock_for_write(kNoWait);
  ASSERT_TRUE(lock.ok());
  for (const char* id : {"ada-2", "bob", "ada"}) {
    ASSERT_TRUE(store.save_contact(make_contact(id, id)).ok());
  }
  auto n = store.load();
  ASSERT_TRUE(n.ok());
  std::vector<std::string> ids;
  for (const auto& c : n->contacts) ids.push_back(c.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"ada", "ada-2", "bob"}));
  ASSERT_NE(n->find("ada-2"), nullptr);
  EXPECT_EQ(n->find("ada-2")->id, "ada-2");
  EXPECT_EQ(n->find("ad"), nullptr);
  EXPECT_EQ(n->find("zed"), nullptr);
}

TEST_F(StoreTest, RemoveContactDeletesTheFileAndToleratesAMissingOne) {
  auto lock = store.lock_for_write(kNoWait);
  ASSERT_TRUE(lock.ok());
  ASSERT_TRUE(store.save_contact(make_contact("ada", "Ada")).ok());
  ASSERT_TRUE(store.remove_contact("ada").ok());
  EXPECT_FALSE(fs::exists(dir / "contacts/ada.json"));
  EXPECT_TRUE(store.remove_contact("ada").ok());
}

// ------------------------------------------------------------ rewrite_month

TEST_F(StoreTest, RewriteMonthWritesExactlyTheGivenInteractions) {
  write_file(dir / "log/2026-11.jsonl", line("i1", "2026-11-01") + line("i2", "2026-11-02"));
  auto lock = store.lock_for_write(kNoWait);
  ASSERT_TRUE(lock.ok());
  auto all = interactions();
  ASSERT_EQ(all.size(), 2u);
  all.erase(all.begin());
  ASSERT_TRUE(store.rewrite_month(date::year{2026} / 11, all).ok());
  EXPECT_EQ(read_file(dir / "log/2026-11.jsonl"), line("i2", "2026-11-02"));
  EXPECT_EQ(tree(dir / "log"), std::vector<std::string>{"2026-11.jsonl"});
}

TEST_F(StoreTest, RewriteMonthWithNothingLeftDeletesTheFile) {
  write_file(dir / "log/2026-11.jsonl", line("i1", "2026-11-01"));
  auto lock = store.lock_for_write(kNoWait);
  ASSERT_TRUE(lock.ok());
  ASSERT_TRUE(store.rewrite_month(date::year{2026} / 11, {}).ok());
  EXPECT_FALSE(fs::exists(dir / "log/2026-11.jsonl"));
  EXPECT_TRUE(store.rewrite_month(date::year{2026} / 10, {}).ok());
}

TEST_F(StoreTest, RewriteMonthRefusesAFileWithATornLastLine) {
  const std::string content = line("i1", "2026-11-01") + "{\"id\":\"i2";
  write_file(dir / "log/2026-11.jsonl", content);
  auto lock = store.lock_for_write(kNoWait);
  ASSERT_TRUE(lock.ok());
  Status s = store.rewrite_month(date::year{2026} / 11, interactions());
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().kind, ErrorKind::data);
  EXPECT_TRUE(contains(s.error().message, "log/2026-11.jsonl")) << s.error().message;
  EXPECT_TRUE(contains(s.error().hint, "kith doctor --fix")) << s.error().hint;
  EXPECT_EQ(read_file(dir / "log/2026-11.jsonl"), content);
}

// Copying, comparing and printing a JSON value recurse once per level: a
// file nested deeply enough would overflow the stack. Such a file is refused
// as corrupt instead.
TEST_F(StoreTest, ADeeplyNestedContactFileIsADataErrorNotACrash) {
  const int depth = 200000;
  write_file(dir / "contacts/ada.json", R"({"id": "ada", "name": "Ada", "added_on": "2026-01-02",)"
                                        "\n\"deep\": " +
                                            std::string(depth, '[') + std::string(depth, ']') +
                                            "}\n");
  auto contacts = store.load_contacts();
  ASSERT_FALSE(contacts.ok());
  EXPECT_EQ(contacts.error().kind, ErrorKind::data);
  EXPECT_EQ(contacts.error().message.substr(0, 20), "contacts/ada.json:2:")
      << contacts.error().message;
  EXPECT_TRUE(contains(contacts.error().message, "nested too deeply")) << contacts.error().message;
}

TEST_F(StoreTest, ADeeplyNestedLogLineIsADataErrorNotACrash) {
  const int depth = 200000;
  write_file(dir / "log/2026-11.jsonl", line("i1", "2026-11-01") + R"({"id": "i2", "x": )" +
                                            std::string(depth, '{') + std::string("\"k\": 1") +
                                            std::string(depth, '}') + "}\n");
  std::vector<std::string> warnings;
  auto r = store.load_interactions(warnings);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message.substr(0, 20), "log/2026-11.jsonl:2:") << r.error().message;
  EXPECT_TRUE(contains(r.error().message, "nested too deeply")) << r.error().message;
}

TEST_F(StoreTest, NestingAsDeepAsOtherToolsWriteIsKept) {
  const int depth = 100;
  write_file(dir / "contacts/ada.json",
             R"({"id": "ada", "name": "Ada", "added_on": "2026-01-02", "deep": )" +
                 std::string(depth, '[') + std::string(depth, ']') + "}\n");
  auto contacts = store.load_contacts();
  ASSERT_TRUE(contacts.ok()) << contacts.error().message;
  EXPECT_TRUE(contacts->at(0).extra.contains("deep"));
}

}  // namespace
}  // namespace kith::store_test
