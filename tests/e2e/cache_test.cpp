// End-to-end: the read cache under $XDG_CACHE_HOME/kith never changes what
// kith prints. Files edited behind kith's back are seen, and a cache that is
// deleted, damaged or cannot be written changes no output.
//
// kith does not cache a file changed in the last two seconds (its stat could
// not prove a second change in the same tick), so these tests wait that long
// once, after writing their data, for the cache to be used at all.
#include <chrono>
#include <thread>

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>

#include "support/testutil.h"

namespace kith::test::cache_test {
namespace {

using Json = nlohmann::ordered_json;

class CacheTest : public ::testing::Test {
 protected:
  TempDir tmp;
  fs::path data = tmp / "data";
  fs::path cache = tmp / "cache";
  Kith kith{data};

  void SetUp() override {
    kith.today("2026-11-25").env("XDG_CACHE_HOME", cache.string());
    kith.ok({"add", "Ada Lovelace", "--every", "2w", "--tag", "math", "--met", "2026-01-10"});
    kith.ok({"add", "Bob Builder", "--email", "bob@example.org", "--every", "6w"});
    kith.ok({"add", "Cy Young", "--birthday", "--11-28"});
    kith.ok({"log", "ada-lovelace", "--date", "2026-10-01", "--give"});
    kith.ok({"log", "bob-builder", "--date", "2026-09-01", "--follow-up", "Send the deck"});
    std::this_thread::sleep_for(std::chrono::milliseconds(2200));
  }

  // What the reading commands print.
  std::vector<std::string> outputs() const {
    std::vector<std::string> out;
    for (const auto& args :
         std::vector<std::vector<std::string>>{{"due", "--json"},
                                               {"due"},
                                               {"list", "--json"},
                                               {"show", "ada-lovelace", "--json"},
                                               {"pitch", "bob", "--json"},
                                               {"query", "b"},
                                               {"stats"},
                                               {"stats", "--json"},
                                               {"export", "ics"}}) {
      auto r = kith.run(args);
      out.push_back(std::to_string(r.exit_code) + "\n" + r.out + r.err);
    }
    return out;
  }

  bool cache_has_files() const {
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(cache, ec); !ec && it != fs::end(it);
         it.increment(ec)) {
      if (it->is_regular_file()) return true;
    }
    return false;
  }
};

std::string due_line(const Json& due, const std::string& id) {
  for (const auto& e : due["due"]) {
    if (e["id"] == id) return e["every"].get<std::string>() + " " + e["due_on"].get<std::string>();
  }
  return "not due";
}

TEST_F(CacheTest, DueSeesAContactFileEditedBehindItsBackWithTheSameSizeAndMtime) {
  auto before = kith.ok({"due", "--json"}).json();
  ASSERT_TRUE(cache_has_files());
  EXPECT_EQ(due_line(before, "ada-lovelace"), "2w 2026-10-15");

  // "2w" -> "4w": same size; the mtime is put back as it was.
  ASSERT_NO_FATAL_FAILURE(
      edit_keeping_size_and_mtime(data / "contacts/ada-lovelace.json", "\"2w\"", "\"4w\""));

  auto after = kith.ok({"due", "--json"}).json();
  EXPECT_EQ(due_line(after, "ada-lovelace"), "4w 2026-10-29") << after.dump(2);
}

TEST_F(CacheTest, DueSeesALogLineAddedOrChangedBehindItsBack) {
  auto before = kith.ok({"due", "--json"}).json();
  EXPECT_EQ(due_line(before, "bob-builder"), "6w 2026-10-13");
  ASSERT_EQ(before["follow_ups"].size(), 1u);

  // Appended by hand: a catch-up with Bob resets his clock.
  const fs::path month = data / "log/2026-11.jsonl";
  write_file(
      month,
      (fs::exists(month) ? read_file(month) : std::string()) +
          R"({"id":"by-hand-1","date":"2026-11-20","contacts":["bob-builder"],)"
          R"("kind":"call","intent":"catch-up","note":null,"logged_at":"2026-11-20T09:00:00Z"})"
          "\n");
  auto appended = kith.ok({"due", "--json"}).json();
  EXPECT_EQ(due_line(appended, "bob-builder"), "not due") << appended.dump(2);

  // The follow-up marked done by hand, in place.
  const fs::path sep = data / "log/2026-09.jsonl";
  std::string text = read_file(sep);
  const auto at = text.find("\"done_on\":null");
  ASSERT_NE(at, std::string::npos) << text;
  text.replace(at, 14, "\"done_on\":\"2026-11-01\"");
  write_file(sep, text);
  auto done = kith.ok({"due", "--json"}).json();
  EXPECT_TRUE(done["follow_ups"].empty()) << done.dump(2);
}

TEST_F(CacheTest, DeletingDamagingOrLosingTheCacheChangesNoOutput) {
  const auto first = outputs();  // builds the cache
  ASSERT_TRUE(cache_has_files());
  EXPECT_EQ(outputs(), first);  // reads it

  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(cache, ec); !ec && it != fs::end(it);
       it.increment(ec)) {
    if (it->is_regular_file()) write_file(it->path(), "damaged");
  }
  EXPECT_EQ(outputs(), first);

  fs::remove_all(cache);
  EXPECT_EQ(outputs(), first);

  // A cache directory that cannot be made: no cache, same output.
  fs::remove_all(cache);
  write_file(cache, "a file, not a directory");
  EXPECT_EQ(outputs(), first);
  EXPECT_EQ(read_file(cache), "a file, not a directory");
}

TEST_F(CacheTest, AddSeesANameChangedByHandForTheDuplicateWarning) {
  kith.ok({"list", "--json"});  // the contacts cache, warm
  ASSERT_TRUE(cache_has_files());
  const fs::path file = data / "contacts/cy-young.json";
  std::string text = read_file(file);
  const auto at = text.find("\"Cy Young\"");
  ASSERT_NE(at, std::string::npos) << text;
  text.replace(at, 10, "\"Dee Jones\"");
  write_file(file, text);

  auto dee = kith.ok({"add", "Dee Jones"});
  EXPECT_NE(dee.err.find("possible duplicate: cy-young (Dee Jones)"), std::string::npos) << dee.err;
  auto cy = kith.ok({"add", "Cy Young"});
  EXPECT_EQ(cy.err.find("possible duplicate"), std::string::npos) << cy.err;
  EXPECT_EQ(cy.out, "cy-young-2\n");
}

// The stamp of a file or directory, as the cache compares it.
std::string stamp_of(const fs::path& p) {
  struct stat st {};
  EXPECT_EQ(::stat(p.c_str(), &st), 0) << p;
  return std::to_string(st.st_size) + " " + std::to_string(st.st_ino) + " " +
         std::to_string(st.st_mtim.tv_sec) + "." + std::to_string(st.st_mtim.tv_nsec) + " " +
         std::to_string(st.st_ctim.tv_sec) + "." + std::to_string(st.st_ctim.tv_nsec);
}

// contacts/ keeps its stamp when a file in it is edited in place: the
// names kith knows are still all the files, but one of them says another
// thing now. With the cache or without, whether the mtime moved or was put
// back, add's warning names the contact as it is on disk.
TEST_F(CacheTest, AddSeesANameEditedInPlaceOfTheSameSizeWhileContactsIsUnchanged) {
  struct Case {
    const char* label;
    bool cache;
    bool keep_mtime;
  };
  const Case cases[] = {{"cache, new mtime", true, false},
                        {"cache, mtime put back", true, true},
                        {"no cache, new mtime", false, false},
                        {"no cache, mtime put back", false, true}};
  const fs::path file = data / "contacts/bob-builder.json";
  const char* names[] = {"Bob Builder", "Rob Builder", "Bob Buildar", "Rob Buildar", "Bob Builder"};
  int step = 0;
  for (const Case& c : cases) {
    SCOPED_TRACE(c.label);
    if (c.cache) {
      kith.env("XDG_CACHE_HOME", cache.string()).env("HOME", (tmp / "home").string());
    } else {
      kith.env("XDG_CACHE_HOME", "\x01unset").env("HOME", "\x01unset");
    }
    // contacts/ settled since the last change, its names and files cached.
    std::this_thread::sleep_for(std::chrono::milliseconds(2200));
    kith.ok({"list", "--json"});
    if (c.cache) {
      ASSERT_TRUE(cache_has_files());
    }
    const std::string dir_before = stamp_of(data / "contacts");

    const std::string was = names[step];
    const std::string now = names[++step];
    struct stat before {};
    ASSERT_EQ(::stat(file.c_str(), &before), 0);
    std::string text = read_file(file);
    const auto at = text.find("\"" + was + "\"");
    ASSERT_NE(at, std::string::npos) << text;
    text.replace(at, was.size() + 2, "\"" + now + "\"");
    write_file(file, text);  // in place: the same inode, the same size
    if (c.keep_mtime) {
      const struct timespec times[2] = {before.st_atim, before.st_mtim};
      ASSERT_EQ(::utimensat(AT_FDCWD, file.c_str(), times, 0), 0);
    }
    ASSERT_EQ(stamp_of(data / "contacts"), dir_before);
    ASSERT_EQ(static_cast<off_t>(fs::file_size(file)), before.st_size);

    auto added = kith.ok({"add", now});
    EXPECT_NE(added.err.find("possible duplicate: bob-builder (" + now + ")"), std::string::npos)
        << added.err;
    auto old = kith.ok({"add", was});
    EXPECT_EQ(old.err.find("possible duplicate: bob-builder ("), std::string::npos) << old.err;
  }
}

TEST_F(CacheTest, LogSeesAnInteractionAddedByHandForTheHomeworkNote) {
  kith.ok({"due", "--json"});  // the log cache, warm
  // Without it, a give to Cy would be his first no-need outreach.
  write_file(data / "log/2026-08.jsonl",
             R"({"id":"by-hand-2","date":"2026-08-02","contacts":["cy-young"],)"
             R"("kind":"call","intent":"give","note":null,"logged_at":"2026-08-02T09:00:00Z"})"
             "\n");
  auto r = kith.ok({"log", "cy-young", "--give"});
  EXPECT_EQ(r.err.find("first no-need outreach"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("logged a give"), std::string::npos) << r.err;
  // And someone who never had any: the note.
  kith.ok({"add", "Eve Stone"});
  auto first = kith.ok({"log", "eve-stone", "--give"});
  EXPECT_NE(first.err.find("first no-need outreach to eve-stone"), std::string::npos) << first.err;
}

TEST_F(CacheTest, ATempFileLeftInContactsIsRemovedAfterTheDirectoryWasFoundClean) {
  // The first writer lists contacts/, finds it clean and remembers it.
  kith.ok({"log", "ada-lovelace"});
  bool remembered = false;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(cache, ec); !ec && it != fs::end(it);
       it.increment(ec)) {
    if (it->path().filename() == "swept") remembered = true;
  }
  EXPECT_TRUE(remembered);
  kith.ok({"log", "ada-lovelace"});  // contacts/ unchanged: not listed

  // What a writer killed in the middle of a rewrite leaves behind.
  const fs::path left = data / "contacts/.bob-builder.json.tmp-1a2b3c";
  write_file(left, "{\"id\": \"bob-bu");
  kith.ok({"log", "ada-lovelace"});
  EXPECT_FALSE(fs::exists(left));
}

TEST_F(CacheTest, WritersKeepWorkingWithTheCacheAndItFollowsThem) {
  kith.ok({"due", "--json"});
  kith.ok({"add", "Dee Dee", "--email", "bob@example.org"});  // a possible duplicate
  auto r = kith.ok({"add", "Bob Builder"});
  EXPECT_NE(r.err.find("possible duplicate: bob-builder"), std::string::npos) << r.err;
  kith.ok({"log", "cy-young", "--give"});
  auto due = kith.ok({"due", "--json"}).json();
  EXPECT_EQ(due["homework"]["reached"], 1);
  fs::remove_all(cache);
  EXPECT_EQ(kith.ok({"due", "--json"}).json(), due);
}

}  // namespace
}  // namespace kith::test::cache_test
