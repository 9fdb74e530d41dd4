#include "core/complete_data.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "core/store.h"
#include "support/testutil.h"

namespace kith::complete::complete_data_test {
namespace {

namespace fs = std::filesystem;
using test::TempDir;
using test::write_file;

std::string contact_json(const std::string& id, const std::string& name,
                         const std::string& tags = "[]", bool archived = false) {
  return "{\n  \"id\": \"" + id + "\",\n  \"name\": \"" + name + "\",\n  \"tags\": " + tags +
         ",\n  \"added_on\": \"2026-01-05\",\n  \"skills\": [],\n  \"interests\": [],\n  "
         "\"archived\": " +
         (archived ? "true" : "false") + "\n}\n";
}

std::vector<std::string> values(const std::vector<Candidate>& candidates) {
  std::vector<std::string> out;
  for (const auto& c : candidates) out.push_back(c.value);
  return out;
}

class DataDirSourcesTest : public testing::Test {
 protected:
  TempDir tmp;
  fs::path dir = tmp / "data";
  DataDirSources sources{dir};

  void contact(const std::string& id, const std::string& content) {
    write_file(dir / "contacts" / (id + ".json"), content);
  }
};

TEST_F(DataDirSourcesTest, AMissingOrEmptyPathGivesNothingAndCreatesNothing) {
  for (const DataDirSources& s : {DataDirSources(dir), DataDirSources(fs::path())}) {
    EXPECT_TRUE(s.contacts("").empty());
    EXPECT_TRUE(s.open_follow_ups().empty());
    EXPECT_TRUE(s.terms(ValueKind::tag).empty());
    EXPECT_TRUE(s.kinds().empty());
  }
  EXPECT_FALSE(fs::exists(dir));
}

TEST_F(DataDirSourcesTest, ContactIdsComeFromFileNamesSortedAndFilteredByPrefix) {
  contact("bob-stone", contact_json("bob-stone", "Bob Stone"));
  contact("alma-bell", contact_json("alma-bell", "Alma Bell"));
  contact("alma-ames", contact_json("alma-ames", "Alma Ames"));
  EXPECT_EQ(values(sources.contacts("")),
            (std::vector<std::string>{"alma-ames", "alma-bell", "bob-stone"}));
  EXPECT_EQ(values(sources.contacts("alma-")),
            (std::vector<std::string>{"alma-ames", "alma-bell"}));
  EXPECT_TRUE(sources.contacts("z").empty());
}

TEST_F(DataDirSourcesTest, SkipsHiddenTempAndNonContactFileNames) {
  contact("ada", contact_json("ada", "Ada"));
  write_file(dir / "contacts/.ada.json.tmp-123456", "{");
  write_file(dir / "contacts/.hidden.json", "{}");
  write_file(dir / "contacts/Not An Id.json", "{}");
  write_file(dir / "contacts/notes.txt", "");
  write_file(dir / "contacts/.json", "");
  EXPECT_EQ(values(sources.contacts("")), std::vector<std::string>{"ada"});
}

TEST_F(DataDirSourcesTest, FewMatchesAreDescribedByNameAndArchivedMark) {
  contact("ada", contact_json("ada", "Ada Lovelace"));
  contact("ann", contact_json("ann", "Ann \\u001b[31mRed", "[]", /*archived=*/true));
  contact("alf", "{ not json");
  const auto c = sources.contacts("a");
  ASSERT_EQ(c.size(), 3u);
  EXPECT_EQ(c[0].value, "ada");
  EXPECT_EQ(c[0].description, "Ada Lovelace");
  EXPECT_EQ(c[1].value, "alf");
  EXPECT_EQ(c[1].description, "");  // unreadable: listed, not described
  EXPECT_EQ(c[2].value, "ann");
  EXPECT_EQ(c[2].description, "Ann \uFFFD[31mRed (archived)");  // no escape reaches the terminal
}

TEST_F(DataDirSourcesTest, ManyMatchesAreListedWithoutOpeningTheFiles) {
  for (std::size_t i = 0; i <= DataDirSources::kDescribedContacts; ++i) {
    const std::string id = "c-" + std::to_string(1000 + i);
    contact(id, contact_json(id, "Someone"));
  }
  const auto c = sources.contacts("c-");
  ASSERT_EQ(c.size(), DataDirSources::kDescribedContacts + 1);
  for (const auto& candidate : c) EXPECT_EQ(candidate.description, "");
  EXPECT_EQ(sources.contacts("c-1000").at(0).description, "Someone");
}

TEST_F(DataDirSourcesTest, AWordOfTheFoldedOrTransliteratedNameFindsTheContact) {
  contact("jose-nunez", contact_json("jose-nunez", "Jos\u00e9 N\u00fa\u00f1ez"));
  contact("dmitrii", contact_json("dmitrii", "\u0414\u043c\u0438\u0442\u0440\u0438\u0439"));
  contact("ada", contact_json("ada", "Ada O'Brien-Smith"));
  EXPECT_EQ(values(sources.contacts("nun")), std::vector<std::string>{"jose-nunez"});
  EXPECT_EQ(values(sources.contacts("jose n")), std::vector<std::string>{"jose-nunez"});
  EXPECT_EQ(values(sources.contacts("dmi")), std::vector<std::string>{"dmitrii"});
  EXPECT_EQ(values(sources.contacts("\u0434\u043c")), std::vector<std::string>{"dmitrii"});
  EXPECT_EQ(values(sources.contacts("brien")), std::vector<std::string>{"ada"});
  EXPECT_EQ(values(sources.contacts("smi")), std::vector<std::string>{"ada"});
  EXPECT_TRUE(sources.contacts("unez").empty());
  EXPECT_TRUE(sources.contacts("-").empty());
  for (const Candidate& c : sources.contacts("nun")) EXPECT_TRUE(c.matched);
}

// A store whose run is an hour after now: every file settles in its cache.
void fill_cache(const fs::path& dir, const fs::path& cache_root) {
  CacheOptions o;
  o.root = cache_root;
  o.now = std::chrono::system_clock::now() + std::chrono::hours(1);
  ASSERT_TRUE(Store(dir, o).load_contacts().ok());
}

TEST_F(DataDirSourcesTest, NamesComeFromTheReadCacheBeyondTheFilesItReads) {
  const std::size_t n = DataDirSources::kUncachedNames + 10;
  for (std::size_t i = 0; i < n; ++i) {
    const std::string id = "c-" + std::to_string(1000 + i);
    contact(id, contact_json(id, "\u674e " + std::to_string(i)));
  }
  const fs::path cache_root = tmp / "cache";
  const DataDirSources cached(dir, cache_root);
  // No cache yet: only kUncachedNames files are read for their names.
  EXPECT_EQ(cached.contacts("li").size(), DataDirSources::kUncachedNames);
  fill_cache(dir, cache_root);
  EXPECT_EQ(cached.contacts("li").size(), n);
  EXPECT_EQ(cached.contacts("\u674e").size(), n);
  // A contact found by a cached name is offered only while its file keeps
  // the entry's stamp; its new name is found once a command refreshes the
  // cache (or by its id).
  contact("c-1000", contact_json("c-1000", "Zed Ames"));
  EXPECT_EQ(cached.contacts("li").size(), n - 1);
  EXPECT_TRUE(cached.contacts("zed").empty());
  fill_cache(dir, cache_root);
  EXPECT_EQ(values(cached.contacts("zed")), std::vector<std::string>{"c-1000"});
  // Changed, and matching under both names: still offered.
  contact("c-1001", contact_json("c-1001", "\u674e Zed"));
  EXPECT_EQ(cached.contacts("li").size(), n - 1);
}

TEST_F(DataDirSourcesTest, TermsAreCollectedOncePerNormalisedFormFromContactsAndProfile) {
  write_file(dir / "me.json", "{\"name\": \"Me\", \"tags\": [\"rust-meetup\"]}\n");
  contact("a", contact_json("a", "A", "[\n    \"Rust\",\n    \"climate\"\n  ]"));
  contact("b", contact_json("b", "B", "[\"rust\", \"Rust Meetup\", \"Machine learning\"]"));
  contact("c", contact_json("c", "C", "[\"machine-learnings\", \"\", 3, \"tab\\there\"]"));
  EXPECT_EQ(sources.terms(ValueKind::tag),
            (std::vector<std::string>{"climate", "Machine learning", "Rust", "rust-meetup"}));
}

TEST_F(DataDirSourcesTest, TermsReadTheListOfTheKindAsked) {
  contact("a", "{\"id\": \"a\", \"tags\": [\"t\"], \"skills\": [\"s\"], \"interests\": [\"i\"]}");
  EXPECT_EQ(sources.terms(ValueKind::tag), std::vector<std::string>{"t"});
  EXPECT_EQ(sources.terms(ValueKind::skill), std::vector<std::string>{"s"});
  EXPECT_EQ(sources.terms(ValueKind::interest), std::vector<std::string>{"i"});
  EXPECT_TRUE(sources.terms(ValueKind::kind).empty());
}

TEST_F(DataDirSourcesTest, TermsIgnoreKeysQuotedInsideTextAndSurviveBadFiles) {
  contact("a", "{\"notes\": \"\\\"tags\\\": [\\\"fake\\\"]\", \"tags\": [\"real ] one\"]}");
  contact("b", "{\"tags\": [\"unterminated\"");
  contact("c", "{\"tags\": \"not a list\"}");
  contact("d", "{\"tags\": [[\"nested\"]]}");
  contact("e", "\xff\xfe garbage");
  EXPECT_EQ(sources.terms(ValueKind::tag), std::vector<std::string>{"real ] one"});
}

TEST_F(DataDirSourcesTest, KindsAreTheDistinctKindsFoundInTheLog) {
  write_file(dir / "log/2026-10.jsonl",
             "{\"id\":\"1\",\"kind\":\"hike\",\"intent\":\"give\"}\n"
             "{\"id\":\"2\", \"kind\" : \"coffee\"}\n"
             "not json at all\n"
             "{\"id\":\"3\",\"kind\":\"esc\\\"aped\"}\n");
  write_file(dir / "log/2026-11.jsonl", "{\"id\":\"4\",\"kind\":\"hike\"}\n{\"id\":\"5\",\"ki");
  write_file(dir / "log/notes.txt", "{\"kind\":\"ignored\"}\n");
  EXPECT_EQ(sources.kinds(), (std::vector<std::string>{"coffee", "hike"}));
}

TEST_F(DataDirSourcesTest, OpenFollowUpsAreListedWithTheirTextAndDueDate) {
  write_file(dir / "log/2026-11.jsonl",
             "{\"id\":\"b-open\",\"follow_up\":{\"text\":\"Send the CV\",\"by\":\"2026-11-12\","
             "\"done_on\":null}}\n"
             "{\"id\":\"c-done\",\"follow_up\":{\"text\":\"Done\",\"by\":null,\"done_on\":\"2026-"
             "11-20\"}}\n"
             "{\"id\":\"a-open\",\"follow_up\":{\"text\":\"Call back\"}}\n"
             "{\"id\":\"d-none\",\"kind\":\"call\"}\n"
             "{\"id\":\"e-torn\",\"follow_up\":{\"te");
  const auto c = sources.open_follow_ups();
  ASSERT_EQ(c.size(), 2u);
  EXPECT_EQ(c[0].value, "a-open");
  EXPECT_EQ(c[0].description, "Call back");
  EXPECT_EQ(c[1].value, "b-open");
  EXPECT_EQ(c[1].description, "Send the CV (by 2026-11-12)");
}

TEST_F(DataDirSourcesTest, FollowUpIdsThatAreNotValidIdsAreSkipped) {
  write_file(dir / "log/2026-11.jsonl",
             "{\"id\":\"bad id\\twith tab\",\"follow_up\":{\"text\":\"x\"}}\n"
             "{\"id\":\"good\",\"follow_up\":{\"text\":\"x\"}}\n");
  EXPECT_EQ(values(sources.open_follow_ups()), std::vector<std::string>{"good"});
}

}  // namespace
}  // namespace kith::complete::complete_data_test
