#include "core/undo.h"

#include <chrono>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "core/store.h"
#include "support/testutil.h"

namespace kith::undo::undo_test {
namespace {

using test::read_file;
using test::TempDir;
using test::write_file;

const std::chrono::system_clock::time_point kAt =
    date::sys_days{date::year{2026} / 12 / 7} + std::chrono::hours{14};

class UndoJournal : public ::testing::Test {
 protected:
  TempDir tmp;
  fs::path dir = tmp / "data";

  // One change: each file of `files` set to its content (nullopt: deleted),
  // kept by a Recorder first, as the Store does, then recorded.
  void change(const std::string& message,
              const std::vector<std::pair<std::string, std::optional<std::string>>>& files,
              const Limits& limits = {}) {
    Recorder r;
    for (const auto& [path, content] : files) {
      r.keep(dir, path);
      if (content) {
        write_file(dir / path, *content);
      } else {
        fs::remove(dir / path);
      }
    }
    ASSERT_TRUE(record(dir, r, message, kAt, limits)) << message;
  }
  // The directory of the journal's first entry (its name also holds the
  // bytes of its copies and whether it was undone).
  fs::path first_entry() const {
    for (const auto& e : fs::directory_iterator(dir / ".undo")) {
      if (e.path().filename().string().starts_with("00000001-")) return e.path();
    }
    ADD_FAILURE() << "no first entry";
    return dir / ".undo/none";
  }
  std::optional<std::string> content(const std::string& path) const {
    if (!fs::exists(dir / path)) return std::nullopt;
    return read_file(dir / path);
  }
  std::vector<std::string> messages() const {
    auto all = entries(dir);
    EXPECT_TRUE(all);
    std::vector<std::string> out;
    for (const auto& e : *all) out.push_back(e.message + (e.undone ? " (undone)" : ""));
    return out;
  }
};

TEST_F(UndoJournal, UndoPutsBackEachFileAndDeletesTheOnesTheChangeMade) {
  write_file(dir / "contacts/ada.json", "ada v1\n");
  write_file(dir / "log/2026-11.jsonl", "line 1\n");
  change("edit", {{"contacts/ada.json", "ada v2\n"},
                  {"log/2026-11.jsonl", "line 1\nline 2\n"},
                  {"contacts/bob.json", "bob\n"}});
  auto done = undo_last(dir);
  ASSERT_TRUE(done) << done.error().message;
  EXPECT_EQ(content("contacts/ada.json"), "ada v1\n");
  EXPECT_EQ(content("log/2026-11.jsonl"), "line 1\n");
  EXPECT_EQ(content("contacts/bob.json"), std::nullopt);
  EXPECT_EQ(done->entry.message, "edit");
  EXPECT_TRUE(done->entry.undone);
  EXPECT_EQ(done->restored, (std::vector<std::string>{"contacts/ada.json", "log/2026-11.jsonl"}));
  EXPECT_EQ(done->removed, (std::vector<std::string>{"contacts/bob.json"}));
}

TEST_F(UndoJournal, RedoPutsBackWhatTheUndoReplacedIncludingAFileItDeleted) {
  write_file(dir / "contacts/ada.json", "ada v1\n");
  change("purge", {{"contacts/ada.json", std::nullopt}, {"log/2026-11.jsonl", "kept\n"}});
  ASSERT_TRUE(undo_last(dir));
  EXPECT_EQ(content("contacts/ada.json"), "ada v1\n");
  EXPECT_EQ(content("log/2026-11.jsonl"), std::nullopt);
  auto redone = redo_last(dir);
  ASSERT_TRUE(redone) << redone.error().message;
  EXPECT_FALSE(redone->entry.undone);
  EXPECT_EQ(content("contacts/ada.json"), std::nullopt);
  EXPECT_EQ(content("log/2026-11.jsonl"), "kept\n");
  EXPECT_EQ(messages(), (std::vector<std::string>{"purge"}));
}

TEST_F(UndoJournal, UndosGoBackOneChangeEachAndRedosForwardInTheSameOrder) {
  change("one", {{"kith.json", "1\n"}});
  change("two", {{"kith.json", "2\n"}});
  change("three", {{"kith.json", "3\n"}});
  ASSERT_TRUE(undo_last(dir));
  ASSERT_TRUE(undo_last(dir));
  EXPECT_EQ(content("kith.json"), "1\n");
  EXPECT_EQ(messages(), (std::vector<std::string>{"one", "two (undone)", "three (undone)"}));
  auto redone = redo_last(dir);
  ASSERT_TRUE(redone);
  EXPECT_EQ(redone->entry.message, "two");
  EXPECT_EQ(content("kith.json"), "2\n");
  ASSERT_TRUE(redo_last(dir));
  EXPECT_EQ(content("kith.json"), "3\n");
  auto none = redo_last(dir);
  ASSERT_FALSE(none);
  EXPECT_EQ(none.error().kind, ErrorKind::usage);
}

TEST_F(UndoJournal, ANewChangeEndsTheRedo) {
  change("one", {{"kith.json", "1\n"}});
  change("two", {{"kith.json", "2\n"}});
  ASSERT_TRUE(undo_last(dir));
  change("other", {{"me.json", "me\n"}});
  EXPECT_EQ(messages(), (std::vector<std::string>{"one", "other"}));
  auto none = redo_last(dir);
  ASSERT_FALSE(none);
  EXPECT_NE(none.error().message.find("nothing to redo"), std::string::npos);
}

TEST_F(UndoJournal, AChangeThatWroteItsFilesBackAsTheyWereRecordsNothingAndKeepsTheRedo) {
  change("one", {{"kith.json", "1\n"}});
  change("two", {{"kith.json", "2\n"}});
  ASSERT_TRUE(undo_last(dir));
  change("same again", {{"kith.json", "1\n"}});
  EXPECT_EQ(messages(), (std::vector<std::string>{"one", "two (undone)"}));
  ASSERT_TRUE(redo_last(dir));
  EXPECT_EQ(content("kith.json"), "2\n");
}

TEST_F(UndoJournal, NothingToUndoIsAUsageErrorAndAnEmptyRecorderWritesNoJournal) {
  ASSERT_TRUE(record(dir, Recorder{}, "nothing", kAt));
  EXPECT_FALSE(fs::exists(dir / ".undo"));
  auto none = undo_last(dir);
  ASSERT_FALSE(none);
  EXPECT_EQ(none.error().kind, ErrorKind::usage);
  EXPECT_NE(none.error().message.find("nothing to undo"), std::string::npos);
}

TEST_F(UndoJournal, AFileChangedSinceStopsTheUndoBeforeAnythingIsWritten) {
  write_file(dir / "contacts/ada.json", "ada v1\n");
  change("edit", {{"contacts/ada.json", "ada v2\n"}, {"log/2026-11.jsonl", "line\n"}});
  write_file(dir / "log/2026-11.jsonl", "line\nby hand\n");
  auto refused = undo_last(dir);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().kind, ErrorKind::data);
  EXPECT_NE(refused.error().message.find("log/2026-11.jsonl changed after \"edit\""),
            std::string::npos)
      << refused.error().message;
  EXPECT_EQ(content("contacts/ada.json"), "ada v2\n");
  EXPECT_EQ(content("log/2026-11.jsonl"), "line\nby hand\n");
  EXPECT_EQ(messages(), (std::vector<std::string>{"edit"}));
}

TEST_F(UndoJournal, ADamagedCopyStopsTheUndoBeforeAnythingIsWritten) {
  write_file(dir / "contacts/ada.json", "ada v1\n");
  write_file(dir / "me.json", "me v1\n");
  change("edit", {{"contacts/ada.json", "ada v2\n"}, {"me.json", "me v2\n"}});
  write_file(first_entry() / "before/me.json", "me v?\n");
  auto refused = undo_last(dir);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().kind, ErrorKind::data);
  EXPECT_NE(refused.error().message.find("copy of me.json"), std::string::npos)
      << refused.error().message;
  EXPECT_EQ(content("contacts/ada.json"), "ada v2\n");
  EXPECT_EQ(content("me.json"), "me v2\n");
}

TEST_F(UndoJournal, AnUndoCutShortFinishesWhenRunAgain) {
  write_file(dir / "contacts/ada.json", "ada v1\n");
  write_file(dir / "me.json", "me v1\n");
  change("edit", {{"contacts/ada.json", "ada v2\n"}, {"me.json", "me v2\n"}});
  // An undo killed after it kept both "after" copies and put one file back.
  write_file(first_entry() / "after/contacts/ada.json", "ada v2\n");
  write_file(first_entry() / "after/me.json", "me v2\n");
  write_file(dir / "contacts/ada.json", "ada v1\n");
  auto done = undo_last(dir);
  ASSERT_TRUE(done) << done.error().message;
  EXPECT_EQ(done->restored, std::vector<std::string>{"me.json"});
  EXPECT_EQ(content("contacts/ada.json"), "ada v1\n");
  EXPECT_EQ(content("me.json"), "me v1\n");
  ASSERT_TRUE(redo_last(dir));
  EXPECT_EQ(content("contacts/ada.json"), "ada v2\n");
  EXPECT_EQ(content("me.json"), "me v2\n");
}

TEST_F(UndoJournal, AnEntryNamingAFileOutsideTheDataDirectoryIsDamagedNotFollowed) {
  change("edit", {{"me.json", "me\n"}});
  std::string entry = read_file(first_entry() / "entry.json");
  const std::string from = "\"path\": \"me.json\"";
  entry.replace(entry.find(from), from.size(), "\"path\": \"../outside\"");
  write_file(first_entry() / "entry.json", entry);
  write_file(tmp / "outside", "precious\n");
  auto refused = undo_last(dir);
  ASSERT_FALSE(refused);
  EXPECT_NE(refused.error().message.find("damaged"), std::string::npos);
  EXPECT_EQ(read_file(tmp / "outside"), "precious\n");
}

TEST_F(UndoJournal, KeepsTheNewestChangesWithinTheLimits) {
  for (int k = 1; k <= 5; ++k) {
    change("change " + std::to_string(k), {{"kith.json", std::to_string(k) + "\n"}}, {3, 1 << 20});
  }
  EXPECT_EQ(messages(), (std::vector<std::string>{"change 3", "change 4", "change 5"}));
  // Bytes: each copy of me.json is 101 bytes (none before the first change);
  // 250 bytes of copies keep two changes.
  for (int k = 1; k <= 4; ++k) {
    change("big " + std::to_string(k), {{"me.json", std::string(100, 'a' + k) + "\n"}}, {20, 250});
  }
  EXPECT_EQ(messages(), (std::vector<std::string>{"big 3", "big 4"}));
  // The newest change stays even when it alone is over the limit.
  change("huge", {{"me.json", std::string(1000, 'y')}}, {20, 250});
  change("huger", {{"me.json", std::string(2000, 'z')}}, {20, 250});
  EXPECT_EQ(messages(), (std::vector<std::string>{"huger"}));
  ASSERT_TRUE(undo_last(dir));
  EXPECT_EQ(content("me.json"), std::string(1000, 'y'));
}

TEST_F(UndoJournal, TheStoreKeepsEachFileBeforeItsFirstWriteUnderTheWriteLock) {
  Store store(dir);
  {
    auto lock = store.lock_for_write({});
    ASSERT_TRUE(lock);
    Contact c;
    c.id = "ada";
    c.name = "Ada";
    ASSERT_TRUE(store.save_contact(c));
    ASSERT_TRUE(store.record_undo("add: ada", kAt));
  }
  {
    auto lock = store.lock_for_write({});
    ASSERT_TRUE(lock);
    auto c = store.load_contact("ada");
    ASSERT_TRUE(c && *c);
    (*c)->company = "Acme";
    ASSERT_TRUE(store.save_contact(**c));
    (*c)->role = "Engineer";
    ASSERT_TRUE(store.save_contact(**c));  // the second write keeps nothing new
    ASSERT_TRUE(store.record_undo("edit: ada", kAt));
  }
  EXPECT_EQ(messages(), (std::vector<std::string>{"add: ada", "edit: ada"}));
  ASSERT_TRUE(undo_last(dir));
  auto back = store.load_contact("ada");
  ASSERT_TRUE(back && *back);
  EXPECT_FALSE((*back)->company.has_value());
  // kith.json, made by the first lock, is not part of the first change.
  ASSERT_TRUE(undo_last(dir));
  EXPECT_FALSE(fs::exists(dir / "contacts/ada.json"));
  EXPECT_TRUE(fs::exists(dir / "kith.json"));
  // Without a journal (what `kith undo` itself asks for), nothing is kept.
  LockOptions plain;
  plain.journal = false;
  auto lock = store.lock_for_write(plain);
  ASSERT_TRUE(lock);
  Contact c;
  c.id = "bob";
  c.name = "Bob";
  ASSERT_TRUE(store.save_contact(c));
  ASSERT_TRUE(store.record_undo("add: bob", kAt));
  EXPECT_EQ(messages(), (std::vector<std::string>{"add: ada (undone)", "edit: ada (undone)"}));
}

}  // namespace
}  // namespace kith::undo::undo_test
