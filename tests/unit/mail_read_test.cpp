#include "core/mail_read.h"

#include <cstdio>
#include <map>
#include <memory>
#include <optional>
#include <ostream>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include "core/text.h"
#include "support/labels.h"
#include "support/testutil.h"

namespace kith::mail_read {
namespace {

using ::kith::test::operator<<;
using test::read_file;
using test::TempDir;
using test::write_file;
namespace fs = std::filesystem;

date::sys_seconds at(long long seconds) { return date::sys_seconds{std::chrono::seconds{seconds}}; }

// A message as one comparable text: every field, in order.
std::string describe(const Message& m) {
  std::ostringstream os;
  const auto addresses = [&os](const char* label, const std::vector<Address>& list) {
    os << label << ":";
    for (const Address& a : list) os << " [" << a.name << "|" << a.email << "]";
    os << "\n";
  };
  os << "id: " << m.message_id << "\nin-reply-to: " << m.in_reply_to << "\nreferences:";
  for (const std::string& r : m.references) os << " " << r;
  os << "\nfrom: [" << m.from.name << "|" << m.from.email << "]\n";
  addresses("to", m.to);
  addresses("cc", m.cc);
  addresses("bcc", m.bcc);
  os << "subject: " << m.subject << "\ndate: " << m.date.time_since_epoch().count()
     << (m.dated ? "" : " (none)") << "\nbulk: " << m.bulk_reason << "\n";
  return os.str();
}

// Runs tests/fixtures/make_mail.py (Python's mailbox and email packages)
// into `dir`.
void make_mail(const fs::path& dir) {
  test::expect_python_ok(
      test::run_python(fs::path(KITH_SOURCE_DIR) / "tests/fixtures/make_mail.py", {dir.string()}),
      "python3");
}

struct Read {
  Counts counts;
  std::vector<Message> messages;
  std::map<std::string, Message> by_id;
};

Read read_all(const fs::path& path, std::size_t chunk = default_chunk_bytes) {
  Read r;
  const auto keep = [&r](const Message& m) {
    r.messages.push_back(m);
    r.by_id[m.message_id] = m;
  };
  auto counts = fs::is_directory(path) ? read_maildir(path, keep) : read_mbox(path, keep, chunk);
  EXPECT_TRUE(counts.ok()) << (counts.ok() ? "" : counts.error().message);
  if (counts.ok()) r.counts = *counts;
  return r;
}

// The mail of make_mail.py, written once for every test of the file.
class MailFixture : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = std::make_unique<TempDir>();
    make_mail(dir_->path());
  }
  static void TearDownTestSuite() { dir_.reset(); }
  static fs::path mbox() { return dir_->path() / "mail.mbox"; }
  static fs::path maildir() { return dir_->path() / "Maildir"; }

 private:
  static std::unique_ptr<TempDir> dir_;
};
std::unique_ptr<TempDir> MailFixture::dir_;

constexpr std::size_t kFixtureMessages = 17;

// ---------------------------------------------------------------------------
// The mbox Python's mailbox.mbox writes

class MailReadMbox : public MailFixture {};

TEST_F(MailReadMbox, ReadsEveryMessageInFileOrder) {
  const Read r = read_all(mbox());
  EXPECT_EQ(r.counts.messages, kFixtureMessages);
  EXPECT_EQ(r.counts.skipped, 0u);
  ASSERT_EQ(r.messages.size(), kFixtureMessages);
  EXPECT_EQ(r.messages.front().message_id, "intro@kith.test");
  EXPECT_EQ(r.messages.back().message_id, "last@kith.test");
}

TEST_F(MailReadMbox, DecodesRfc2047NamesAndLowersAddresses) {
  const Message m = read_all(mbox()).by_id.at("intro@kith.test");
  EXPECT_EQ(m.from.name, "José Núñez");
  EXPECT_EQ(m.from.email, "jose@paywell.example");
  EXPECT_EQ(m.subject, "Intro: Priya ↔ Noor");
}

TEST_F(MailReadMbox, ReadsToAndCcLists) {
  const Message m = read_all(mbox()).by_id.at("intro@kith.test");
  ASSERT_EQ(m.to.size(), 2u);
  EXPECT_EQ(m.to[0].name, "Noor Haddad");
  EXPECT_EQ(m.to[0].email, "noor@home.example");
  EXPECT_EQ(m.to[1].name, "Priya Raman");
  EXPECT_EQ(m.to[1].email, "priya@example.org");
  ASSERT_EQ(m.cc.size(), 2u);
  EXPECT_EQ(m.cc[0].name, "Núñez, José");
  EXPECT_EQ(m.cc[0].email, "jose@paywell.example");
  EXPECT_EQ(m.cc[1].name, "");
  EXPECT_EQ(m.cc[1].email, "ada@example.org");
}

TEST_F(MailReadMbox, LongNamesAndSubjectsFoldedIntoManyEncodedWords) {
  const std::string text = read_file(mbox());
  const auto at = text.find("Message-ID: <long@kith.test>");
  ASSERT_NE(at, std::string::npos);
  const Message m = read_all(mbox()).by_id.at("long@kith.test");
  // The name is in two base64 words, the first padded: GMime alone loses the second.
  EXPECT_EQ(m.from.name, "Zoë Łukasiewicz-Schönberger von Zürich-Höngg");
  EXPECT_EQ(m.subject,
            "Über die Zusammenarbeit an unserem gemeinsamen Projekt in Zürich — nächste Schritte, "
            "Termine für das Frühjahr und ein Café");
}

TEST_F(MailReadMbox, ReadsThreads) {
  const Read r = read_all(mbox());
  const Message& intro = r.by_id.at("intro@kith.test");
  EXPECT_EQ(intro.in_reply_to, "");
  EXPECT_TRUE(intro.references.empty());
  const Message& reply = r.by_id.at("reply@kith.test");
  EXPECT_EQ(reply.in_reply_to, "intro@kith.test");
  EXPECT_EQ(reply.references, std::vector<std::string>{"intro@kith.test"});
  const Message& reply2 = r.by_id.at("reply2@kith.test");
  EXPECT_EQ(reply2.in_reply_to, "reply@kith.test");
  EXPECT_EQ(reply2.references, (std::vector<std::string>{"intro@kith.test", "reply@kith.test"}));
}

TEST_F(MailReadMbox, DatesAreTheDateFieldInUtc) {
  const Read r = read_all(mbox());
  EXPECT_EQ(r.by_id.at("intro@kith.test").date, at(1767225600));
  EXPECT_EQ(r.by_id.at("utf8raw@kith.test").date, at(1767265200));  // 12:00 +0100
}

TEST_F(MailReadMbox, MarksListBulkAutoRepliesAndNoReplySenders) {
  const Read r = read_all(mbox());
  const std::map<std::string, std::string> expected = {
      {"list@kith.test", "List-Id"},
      {"bulk@kith.test", "Precedence: bulk"},
      {"ooo@kith.test", "Auto-Submitted: auto-replied"},
      {"autoreply@kith.test", "X-Autoreply"},
      {"noreply@kith.test", "no-reply sender"},
  };
  for (const Message& m : r.messages) {
    const auto it = expected.find(m.message_id);
    const std::string reason = it == expected.end() ? "" : it->second;
    EXPECT_EQ(m.bulk, !reason.empty()) << m.message_id;
    EXPECT_EQ(m.bulk_reason, reason) << m.message_id;
  }
}

TEST_F(MailReadMbox, FromLinesInABodyAreEscapedAndDoNotStartAMessage) {
  const std::string text = read_file(mbox());
  ASSERT_NE(text.find("\n>From the top"), std::string::npos);
  const Read r = read_all(mbox());
  EXPECT_EQ(r.by_id.at("fromline@kith.test").subject, "Quoting");
  ASSERT_TRUE(r.by_id.count("huge@kith.test"));
}

TEST_F(MailReadMbox, HugeAttachmentIsSkippedAndTheNextMessageRead) {
  ASSERT_GT(fs::file_size(mbox()), 8'000'000u);
  const Read r = read_all(mbox());
  EXPECT_EQ(r.by_id.at("huge@kith.test").subject, "The report");
  EXPECT_EQ(r.by_id.at("utf8raw@kith.test").from.email, "joerg@example.de");
}

TEST_F(MailReadMbox, EightBitHeadersAreUtf8OrWindows1252) {
  const Read r = read_all(mbox());
  const Message& utf8 = r.by_id.at("utf8raw@kith.test");
  EXPECT_EQ(utf8.from.name, "Jörg Müller");
  EXPECT_EQ(utf8.subject, "Grüße aus Köln");
  const Message& latin = r.by_id.at("latin1raw@kith.test");
  EXPECT_EQ(latin.from.name, "Jörg Müller");
  EXPECT_EQ(latin.subject, "Grüße – Café");
}

TEST_F(MailReadMbox, BrokenMimeMessageStillHasItsHeaders) {
  const Message m = read_all(mbox()).by_id.at("broken@kith.test");
  EXPECT_EQ(m.from.email, "ada@example.org");
  EXPECT_TRUE(text::is_valid_utf8(m.subject)) << m.subject;
  EXPECT_NE(m.subject.find("ok"), std::string::npos) << m.subject;
  EXPECT_EQ(m.date, at(1767268800));
}

TEST_F(MailReadMbox, MissingDateIsTheFromLineDate) {
  const Message m = read_all(mbox()).by_id.at("nodate@kith.test");
  EXPECT_TRUE(m.dated);
  EXPECT_EQ(m.date, at(1700000000));
}

TEST_F(MailReadMbox, GroupsMultipleCcFieldsSemicolonsAndBcc) {
  const Message m = read_all(mbox()).by_id.at("group@kith.test");
  EXPECT_TRUE(m.to.empty());
  ASSERT_EQ(m.cc.size(), 3u);
  EXPECT_EQ(m.cc[0].email, "ada@example.org");
  EXPECT_EQ(m.cc[1].name, "Priya Raman");
  EXPECT_EQ(m.cc[1].email, "priya@example.org");
  EXPECT_EQ(m.cc[2].email, "jose@paywell.example");
  ASSERT_EQ(m.bcc.size(), 1u);
  EXPECT_EQ(m.bcc[0].email, "secret@example.org");
}

TEST_F(MailReadMbox, WhereIsTheFileAndTheLineOfTheFromLine) {
  // The lines that start a message: "From " at the start of the file or
  // after an empty line.
  std::vector<std::string> starts;
  std::istringstream in(read_file(mbox()));
  std::string line;
  bool after_empty = true;
  for (int number = 1; std::getline(in, line); ++number) {
    if (after_empty && line.rfind("From ", 0) == 0)
      starts.push_back(mbox().string() + ":" + std::to_string(number));
    after_empty = line.empty();
  }
  const Read r = read_all(mbox());
  std::vector<std::string> wheres;
  for (const Message& m : r.messages) wheres.push_back(m.where);
  EXPECT_EQ(wheres, starts);
}

TEST_F(MailReadMbox, SmallReadsGiveTheSameMessages) {
  const Read whole = read_all(mbox());
  for (std::size_t chunk : {1, 7, 64, 1000, 65536}) {
    const Read small = read_all(mbox(), chunk);
    ASSERT_EQ(small.messages.size(), whole.messages.size()) << chunk;
    for (std::size_t i = 0; i < whole.messages.size(); ++i) {
      EXPECT_EQ(describe(small.messages[i]), describe(whole.messages[i])) << chunk;
      EXPECT_EQ(small.messages[i].where, whole.messages[i].where) << chunk;
    }
  }
}

TEST_F(MailReadMbox, CrlfLineEndsGiveTheSameMessages) {
  TempDir tmp;
  std::string crlf;
  for (char c : read_file(mbox())) {
    if (c == '\n') crlf += '\r';
    crlf += c;
  }
  write_file(tmp / "crlf.mbox", crlf);
  const Read whole = read_all(mbox());
  for (std::size_t chunk : {std::size_t{3}, default_chunk_bytes}) {
    const Read r = read_all(tmp / "crlf.mbox", chunk);
    ASSERT_EQ(r.messages.size(), whole.messages.size());
    for (std::size_t i = 0; i < whole.messages.size(); ++i) {
      EXPECT_EQ(describe(r.messages[i]), describe(whole.messages[i]));
      EXPECT_EQ(r.messages[i].where.substr(r.messages[i].where.rfind(':')),
                whole.messages[i].where.substr(whole.messages[i].where.rfind(':')));
    }
  }
}

// ---------------------------------------------------------------------------
// mbox files written here, for what no tool writes

class MailReadMboxText : public ::testing::Test {
 protected:
  TempDir tmp;
  fs::path write(const std::string& text) {
    write_file(tmp / "mail.mbox", text);
    return tmp / "mail.mbox";
  }
};

TEST_F(MailReadMboxText, EmptyFileHasNoMessage) {
  const Read r = read_all(write(""));
  EXPECT_EQ(r.counts.messages, 0u);
  EXPECT_EQ(r.counts.skipped, 0u);
}

TEST_F(MailReadMboxText, MissingFileIsAnIoErrorNamingIt) {
  const auto r = read_mbox(tmp / "nope.mbox", [](const Message&) {});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, ErrorKind::io);
  EXPECT_NE(r.error().message.find("nope.mbox"), std::string::npos);
}

TEST_F(MailReadMboxText, DirectoryIsAnIoError) {
  const auto r = read_mbox(tmp.path(), [](const Message&) {});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, ErrorKind::io);
}

TEST_F(MailReadMboxText, FileNotStartingWithAFromLineIsNotAnMbox) {
  const auto r = read_mbox(write("From: a@b.c\nSubject: x\n\nbody\n"), [](const Message&) {});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, ErrorKind::data);
  EXPECT_NE(r.error().message.find("not an mbox"), std::string::npos);
}

TEST_F(MailReadMboxText, LeadingEmptyLinesAreAllowed) {
  const Read r = read_all(write("\n\nFrom a\nFrom: a@b.c\n\nbody\n"));
  ASSERT_EQ(r.messages.size(), 1u);
  EXPECT_EQ(r.messages[0].where, (tmp / "mail.mbox").string() + ":3");
}

TEST_F(MailReadMboxText, FromLineAfterAnEmptyLineStartsAMessageElsewhereNot) {
  const Read r =
      read_all(write("From a\nFrom: a@b.c\n\nline\nFrom not a message\n\nFrom b\nFrom: b@b.c\n"));
  ASSERT_EQ(r.messages.size(), 2u);
  EXPECT_EQ(r.messages[1].from.email, "b@b.c");
  EXPECT_EQ(r.messages[1].where, (tmp / "mail.mbox").string() + ":7");
}

TEST_F(MailReadMboxText, MessagesWithNoBodyAndNoFinalNewline) {
  const Read r = read_all(write("From a\nFrom: a@b.c\n\nFrom b\nFrom: b@b.c\nSubject: end"));
  ASSERT_EQ(r.messages.size(), 2u);
  EXPECT_EQ(r.messages[1].subject, "end");
}

TEST_F(MailReadMboxText, BadMessagesAreCountedAndSkippedWithTheirReason) {
  const Read r =
      read_all(write("From a\n\nno headers\n\nFrom b\nSubject: no sender\n\n"
                     "From c\nFrom: undisclosed-recipients:;\n\n"
                     "From d\nFrom: d@b.c\n\n"));
  EXPECT_EQ(r.counts.messages, 1u);
  EXPECT_EQ(r.counts.skipped, 3u);
  const std::string file = (tmp / "mail.mbox").string();
  ASSERT_EQ(r.counts.skips.size(), 3u);
  EXPECT_EQ(r.counts.skips[0].where, file + ":1");
  EXPECT_EQ(r.counts.skips[0].reason, "no header fields");
  EXPECT_EQ(r.counts.skips[1].where, file + ":5");
  EXPECT_EQ(r.counts.skips[1].reason, "no From field");
  EXPECT_EQ(r.counts.skips[2].reason, "no address in the From field");
}

TEST_F(MailReadMboxText, OversizedHeaderBlockIsSkippedAndReadingGoesOn) {
  const std::string one_line = "X-Big: " + std::string(max_header_bytes + 10, 'a') + "\n";
  std::string folded = "X-Folded: a\n";
  while (folded.size() <= max_header_bytes) folded += " " + std::string(70, 'b') + "\n";
  for (const std::string& big : {one_line, folded}) {
    for (std::size_t chunk : {std::size_t{1000}, default_chunk_bytes}) {
      const Read r = read_all(
          write("From a\nFrom: a@b.c\n" + big + "\nbody\n\nFrom b\nFrom: b@b.c\n\nbody\n"), chunk);
      ASSERT_EQ(r.messages.size(), 1u);
      EXPECT_EQ(r.messages[0].from.email, "b@b.c");
      ASSERT_EQ(r.counts.skips.size(), 1u);
      EXPECT_EQ(r.counts.skips[0].reason, "header block over 1 MiB");
      EXPECT_EQ(r.counts.skips[0].where, (tmp / "mail.mbox").string() + ":1");
    }
  }
}

TEST_F(MailReadMboxText, SkipsAreAllCountedButAtMostAHundredKept) {
  std::string text;
  for (int i = 0; i < 150; ++i) text += "From x\nSubject: no sender\n\n";
  const Read r = read_all(write(text));
  EXPECT_EQ(r.counts.skipped, 150u);
  EXPECT_EQ(r.counts.skips.size(), max_skips);
}

TEST_F(MailReadMboxText, LongBodyLinesAndBinaryBytes) {
  const std::string body = std::string(3'000'000, 'x') + std::string("\0\xff\r", 3) + "\n";
  const Read r =
      read_all(write("From a\nFrom: a@b.c\n\n" + body + "\nFrom b\nFrom: b@b.c\n\n"), 4096);
  ASSERT_EQ(r.messages.size(), 2u);
  EXPECT_EQ(r.messages[1].where, (tmp / "mail.mbox").string() + ":6");
}

// ---------------------------------------------------------------------------
// The Maildir Python's mailbox.Maildir writes

class MailReadMaildir : public MailFixture {};

TEST_F(MailReadMaildir, ReadsCurNewAndFoldersButNotTmp) {
  const Read r = read_all(maildir());
  EXPECT_EQ(r.counts.messages, kFixtureMessages);
  EXPECT_EQ(r.counts.skipped, 0u);
  bool in_sent = false;
  for (const Message& m : r.messages) {
    EXPECT_TRUE(fs::is_regular_file(m.where)) << m.where;
    EXPECT_EQ(m.where.find("/tmp/", maildir().string().size()), std::string::npos);
    in_sent = in_sent || m.where.find("/.Sent/") != std::string::npos;
  }
  EXPECT_TRUE(in_sent);
}

TEST_F(MailReadMaildir, ReadsTheSameMessagesAsTheMbox) {
  const Read mbox_read = read_all(mbox());
  const Read maildir_read = read_all(maildir());
  ASSERT_EQ(maildir_read.by_id.size(), mbox_read.by_id.size());
  for (const auto& [id, m] : mbox_read.by_id) {
    if (id == "nodate@kith.test") continue;
    ASSERT_TRUE(maildir_read.by_id.count(id)) << id;
    EXPECT_EQ(describe(maildir_read.by_id.at(id)), describe(m));
  }
}

TEST_F(MailReadMaildir, MissingDateIsTheFileModificationTime) {
  const Message m = read_all(maildir()).by_id.at("nodate@kith.test");
  EXPECT_TRUE(m.dated);
  EXPECT_EQ(m.date, at(1600000000));
}

TEST_F(MailReadMaildir, FolderAloneAndIsMaildir) {
  EXPECT_TRUE(is_maildir(maildir()));
  EXPECT_TRUE(is_maildir(maildir() / ".Sent"));
  EXPECT_FALSE(is_maildir(maildir() / "cur"));
  EXPECT_FALSE(is_maildir(mbox()));
  const Read sent = read_all(maildir() / ".Sent");
  EXPECT_GT(sent.counts.messages, 0u);
  EXPECT_LT(sent.counts.messages, kFixtureMessages);
}

TEST_F(MailReadMaildir, TreeOfMaildirsIsRead) {
  TempDir tmp;
  fs::create_directories(tmp / "mail" / "home");
  fs::copy(maildir(), tmp / "mail" / "work", fs::copy_options::recursive);
  fs::copy(maildir() / ".Sent", tmp / "mail" / "home" / "sent", fs::copy_options::recursive);
  const Read r = read_all(tmp / "mail");
  EXPECT_EQ(r.counts.messages, kFixtureMessages + read_all(maildir() / ".Sent").counts.messages);
}

TEST_F(MailReadMaildir, FileRemovedBetweenListingAndReadingHasVanished) {
  TempDir tmp;
  fs::copy(maildir(), tmp / "box", fs::copy_options::recursive);
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(tmp / "box" / "new")) files.push_back(e.path());
  std::sort(files.begin(), files.end());
  ASSERT_GE(files.size(), 3u);
  // The first message read takes the others of new/ away.
  bool removed = false;
  const auto r = read_maildir(tmp / "box", [&](const Message& m) {
    if (removed || m.where.find("/new/") == std::string::npos) return;
    for (const fs::path& f : files) {
      if (f.string() != m.where) fs::remove(f);
    }
    removed = true;
  });
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->skipped, files.size() - 1);
  ASSERT_FALSE(r->skips.empty());
  EXPECT_EQ(r->skips[0].reason, "vanished");
  EXPECT_EQ(r->messages + r->skipped, kFixtureMessages);
}

TEST_F(MailReadMaildir, DirectoryWithNoMaildirIsAUsageError) {
  TempDir tmp;
  fs::create_directories(tmp / "empty" / "sub");
  const auto r = read_maildir(tmp / "empty", [](const Message&) {});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, ErrorKind::usage);
  const auto missing = read_maildir(tmp / "nope", [](const Message&) {});
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().kind, ErrorKind::io);
  EXPECT_NE(missing.error().message.find("nope"), std::string::npos);
}

TEST_F(MailReadMaildir, UnreadableFilesAreSkipped) {
  TempDir tmp;
  write_file(tmp / "box" / "cur" / "1.a", "no header here\n\n");
  write_file(tmp / "box" / "cur" / "2.b", "From: b@c.d\n\n");
  fs::create_directories(tmp / "box" / "cur" / "3.dir");
  write_file(tmp / "box" / "new" / ".hidden", "From: x@c.d\n\n");
  const Read r = read_all(tmp / "box");
  EXPECT_EQ(r.counts.messages, 1u);
  ASSERT_EQ(r.counts.skips.size(), 1u);
  EXPECT_EQ(r.counts.skips[0].where, (tmp / "box" / "cur" / "1.a").string());
  EXPECT_EQ(r.counts.skips[0].reason, "no header fields");
}

TEST_F(MailReadMaildir, MaildirFileWithALeadingFromLine) {
  TempDir tmp;
  write_file(tmp / "box" / "cur" / "1",
             "From x@c.d Tue Nov 14 22:13:20 2023\nFrom: x@c.d\nSubject: s\n\nbody\n");
  const Read r = read_all(tmp / "box");
  ASSERT_EQ(r.messages.size(), 1u);
  EXPECT_EQ(r.messages[0].date, at(1700000000));
  EXPECT_EQ(r.messages[0].subject, "s");
}

TEST_F(MailReadMaildir, HeaderBlocksAcrossReadsOfTheFile) {
  // Header blocks of about 64 KiB (a read of a Maildir file), with lines of
  // every length, so that a line feed falls on each byte around the read's
  // end; the Subject comes last.
  TempDir tmp;
  for (std::size_t line = 10; line < 50; ++line) {
    std::string text = "From: a@b.c\n";
    while (text.size() < 65536 - 200) text += "X-Pad: " + std::string(line - 8, 'x') + "\n";
    for (std::size_t extra = 0; extra < 300; extra += 37) {
      const std::string padded = text + "X-Last: " + std::string(extra, 'y') + "\n";
      write_file(tmp / "box" / "cur" / "1", padded + "Subject: s\n\nbody\n");
      const Read r = read_all(tmp / "box");
      ASSERT_EQ(r.messages.size(), 1u) << line << " " << extra;
      EXPECT_EQ(r.messages[0].subject, "s") << line << " " << extra;
    }
  }
}

// ---------------------------------------------------------------------------
// One message's text

Message read_ok(const std::string& text) {
  Message m;
  std::string why;
  EXPECT_TRUE(read_message(text, m, why)) << why << "\n" << text;
  return m;
}

TEST(MailReadMessage, UnfoldsFoldedFields) {
  const Message m = read_ok(
      "From: \"Ada\n Lovelace\" <ada@example.org>\nSubject: a long\n\tsubject\r\n  here\n"
      "To: a@b.c,\n b@c.d\n\n");
  EXPECT_EQ(m.from.name, "Ada Lovelace");
  EXPECT_EQ(m.subject, "a long subject here");
  ASSERT_EQ(m.to.size(), 2u);
  EXPECT_EQ(m.to[1].email, "b@c.d");
}

TEST(MailReadMessage, FieldNamesInAnyCaseAndSpaceBeforeTheColon) {
  const Message m = read_ok("FROM : a@b.c\nsubject:x\nMESSAGE-ID:<m@x>\n\n");
  EXPECT_EQ(m.from.email, "a@b.c");
  EXPECT_EQ(m.subject, "x");
  EXPECT_EQ(m.message_id, "m@x");
}

TEST(MailReadMessage, TheFirstOfRepeatedSingleFieldsCounts) {
  const Message m = read_ok("From: a@b.c\nFrom: z@b.c\nSubject: one\nSubject: two\n\n");
  EXPECT_EQ(m.from.email, "a@b.c");
  EXPECT_EQ(m.subject, "one");
}

TEST(MailReadMessage, GarbageLinesAmongTheFieldsArePassedOver) {
  const Message m = read_ok(
      ">From someone\nnot a field\n: no name\nX Y: space in name\nFrom: a@b.c\n\nFrom: body@x\n");
  EXPECT_EQ(m.from.email, "a@b.c");
}

TEST(MailReadMessage, BodyIsNotRead) {
  const Message m = read_ok("From: a@b.c\n\nSubject: in the body\nTo: x@y.z\n");
  EXPECT_EQ(m.subject, "");
  EXPECT_TRUE(m.to.empty());
}

TEST(MailReadMessage, NulAndControlCharactersBecomeSpaces) {
  const char raw[] = "From: A\0B <a@b.c>\nSubject: x\x01y\x7fz\n\n";
  const Message m = read_ok(std::string(raw, sizeof raw - 1));
  EXPECT_EQ(m.from.name, "A B");
  EXPECT_EQ(m.subject, "x y z");
}

TEST(MailReadMessage, BrokenEncodedWordsGiveValidUtf8) {
  for (const char* subject :
       {"=?utf-8?B?!!!?=", "=?utf-8?Q?caf=C3?=", "=?nope?Q?caf=E9?=", "=?utf-8?q?a=00b?=",
        "=?utf-8?B?", "=?=?=?", "=?utf-8?Q?=FF=FE?= x", "=?iso-2022-jp?B?GyRCJUYlOSVIGyhC?="}) {
    const Message m = read_ok(std::string("From: a@b.c\nSubject: ") + subject + "\n\n");
    EXPECT_TRUE(text::is_valid_utf8(m.subject)) << subject;
  }
}

TEST(MailReadMessage, Rfc2047InSubjectsAndNames) {
  const Message m = read_ok(
      "From: =?ISO-8859-1?Q?Andr=E9?= Pirard <PIRARD@vm1.ulg.ac.be>\n"
      "Subject: =?UTF-8?B?SGVsbG8gd29ybGQ=?= and =?utf-8?q?caf=C3=A9?=\n\n");
  EXPECT_EQ(m.from.name, "André Pirard");
  EXPECT_EQ(m.from.email, "pirard@vm1.ulg.ac.be");
  EXPECT_EQ(m.subject, "Hello world and café");
}

TEST(MailReadMessage, QuotedNameWithAComma) {
  const Message m = read_ok("From: \"Núñez, José\" <JOSE@x.org>\n\n");
  EXPECT_EQ(m.from.name, "Núñez, José");
  EXPECT_EQ(m.from.email, "jose@x.org");
}

TEST(MailReadMessage, MessageIdsWithAndWithoutBrackets) {
  EXPECT_EQ(read_ok("From: a@b.c\nMessage-ID: <a@b>\n\n").message_id, "a@b");
  EXPECT_EQ(read_ok("From: a@b.c\nMessage-ID:\n <a@b> (comment)\n\n").message_id, "a@b");
  EXPECT_EQ(read_ok("From: a@b.c\nMessage-ID: a@b\n\n").message_id, "a@b");
  EXPECT_EQ(read_ok("From: a@b.c\nMessage-ID: two words\n\n").message_id, "");
  EXPECT_EQ(read_ok("From: a@b.c\nMessage-ID: <>\n\n").message_id, "");
  EXPECT_EQ(read_ok("From: a@b.c\n\n").message_id, "");
}

TEST(MailReadMessage, InReplyToTakesTheFirstId) {
  EXPECT_EQ(read_ok("From: a@b.c\nIn-Reply-To: <x@y> (Ada's message)\n\n").in_reply_to, "x@y");
  EXPECT_EQ(read_ok("From: a@b.c\nIn-Reply-To: Ada's message <x@y>\n\n").in_reply_to, "x@y");
  EXPECT_EQ(read_ok("From: a@b.c\nIn-Reply-To: <x@y> <z@w>\n\n").in_reply_to, "x@y");
  EXPECT_EQ(read_ok("From: a@b.c\nIn-Reply-To: x@y\n\n").in_reply_to, "x@y");
}

TEST(MailReadMessage, ReferencesInOrderThroughNoise) {
  EXPECT_EQ(read_ok("From: a@b.c\nReferences: <1@x>\n <2@x>\t<3@x>\n\n").references,
            (std::vector<std::string>{"1@x", "2@x", "3@x"}));
  EXPECT_EQ(read_ok("From: a@b.c\nReferences: <1@x> junk (c) <2@x>\n\n").references,
            (std::vector<std::string>{"1@x", "2@x"}));
  EXPECT_TRUE(read_ok("From: a@b.c\nReferences: nothing here\n\n").references.empty());
}

TEST(MailReadMessage, DatesInZonesAndObsoleteForms) {
  EXPECT_EQ(read_ok("From: a@b.c\nDate: Thu, 1 Jan 2026 01:00:00 +0100\n\n").date, at(1767225600));
  EXPECT_EQ(read_ok("From: a@b.c\nDate: 31 Dec 2025 19:00:00 EST\n\n").date, at(1767225600));
  EXPECT_EQ(read_ok("From: a@b.c\nDate: Wed, 31 Dec 25 16:00 -0800 (PST)\n\n").date,
            at(1767225600));
}

TEST(MailReadMessage, UnreadableDateFallsBackToTheFromLineElseNone) {
  const Message none = read_ok("From: a@b.c\nDate: someday\n\n");
  EXPECT_FALSE(none.dated);
  const Message epoch = read_ok("From: a@b.c\nDate: Thu, 1 Jan 1970 00:00:00 +0000\n\n");
  EXPECT_FALSE(epoch.dated);
  const Message envelope =
      read_ok("From x@y Tue Nov 14 22:13:20 2023\nFrom: a@b.c\nDate: someday\n\n");
  EXPECT_TRUE(envelope.dated);
  EXPECT_EQ(envelope.date, at(1700000000));
  const Message bad_envelope = read_ok("From x@y sometime\nFrom: a@b.c\n\n");
  EXPECT_FALSE(bad_envelope.dated);
}

TEST(MailReadMessage, WhyNot) {
  Message m;
  std::string why;
  EXPECT_FALSE(read_message("", m, why));
  EXPECT_EQ(why, "no header fields");
  EXPECT_FALSE(read_message("just text\n", m, why));
  EXPECT_EQ(why, "no header fields");
  EXPECT_FALSE(read_message("Subject: x\n\n", m, why));
  EXPECT_EQ(why, "no From field");
  EXPECT_FALSE(read_message("From: Just A Name\n\n", m, why));
  EXPECT_EQ(why, "no address in the From field");
  EXPECT_FALSE(
      read_message("From: a@b.c\nX: " + std::string(max_header_bytes, 'x') + "\n", m, why));
  EXPECT_EQ(why, "header block over 1 MiB");
}

struct BulkCase {
  const char* label;
  std::string fields;
  std::string reason;  // "" when not bulk
};

class MailReadBulk : public ::testing::TestWithParam<BulkCase> {};

TEST_P(MailReadBulk, Reason) {
  const Message m = read_ok(GetParam().fields + "\n\n");
  EXPECT_EQ(m.bulk_reason, GetParam().reason);
  EXPECT_EQ(m.bulk, !GetParam().reason.empty());
}

INSTANTIATE_TEST_SUITE_P(
    MailReadTable, MailReadBulk,
    ::testing::Values(
        BulkCase{"Personal", "From: a@b.c", ""},
        BulkCase{"ListId", "From: a@b.c\nList-Id: <x.y.z>", "List-Id"},
        BulkCase{"ListUnsubscribe", "From: a@b.c\nList-Unsubscribe: <mailto:x@y>",
                 "List-Unsubscribe"},
        BulkCase{"PrecedenceBulk", "From: a@b.c\nPrecedence: Bulk", "Precedence: bulk"},
        BulkCase{"PrecedenceList", "From: a@b.c\nPrecedence: list", "Precedence: list"},
        BulkCase{"PrecedenceJunk", "From: a@b.c\nPrecedence: junk", "Precedence: junk"},
        BulkCase{"PrecedenceFirstClass", "From: a@b.c\nPrecedence: first-class", ""},
        BulkCase{"AutoSubmittedNo", "From: a@b.c\nAuto-Submitted: no", ""},
        BulkCase{"AutoSubmittedControlsOnly", "From: a@b.c\nAuto-Submitted: \x01\x04 \x02", ""},
        BulkCase{"AutoSubmittedGenerated", "From: a@b.c\nAuto-Submitted: auto-generated; x=y",
                 "Auto-Submitted: auto-generated"},
        BulkCase{"XAutoreply", "From: a@b.c\nX-Autoreply: yes", "X-Autoreply"},
        BulkCase{"XAutorespond", "From: a@b.c\nX-Autorespond: on", "X-Autorespond"},
        BulkCase{"SuppressOof", "From: a@b.c\nX-Auto-Response-Suppress: DR, OOF",
                 "X-Auto-Response-Suppress: OOF"},
        BulkCase{"SuppressAll", "From: a@b.c\nX-Auto-Response-Suppress: all",
                 "X-Auto-Response-Suppress: All"},
        BulkCase{"SuppressDeliveryReceiptOnly", "From: a@b.c\nX-Auto-Response-Suppress: DR", ""},
        BulkCase{"DeliveryReport",
                 "From: a@b.c\nContent-Type: multipart/report; report-type=delivery-status",
                 "delivery report"},
        BulkCase{"NoReply", "From: GitHub <noreply@github.com>", "no-reply sender"},
        BulkCase{"NoReplyHyphen", "From: no-reply@x.com", "no-reply sender"},
        BulkCase{"NoReplySuffix", "From: noreply-dmarc@x.com", "no-reply sender"},
        BulkCase{"DoNotReply", "From: DoNotReply@x.com", "no-reply sender"},
        BulkCase{"MailerDaemon", "From: MAILER-DAEMON@x.com (Mail Delivery System)",
                 "no-reply sender"},
        BulkCase{"Notifications", "From: notifications@x.com", "no-reply sender"},
        BulkCase{"ReplyIsNotNoReply", "From: reply@x.com", ""}),
    test::LabelName{});

// ---------------------------------------------------------------------------
// Address lists

struct AddressCase {
  const char* label;
  std::string value;
  std::vector<std::pair<std::string, std::string>> expected;  // name, email
};

class MailReadAddresses : public ::testing::TestWithParam<AddressCase> {};

TEST_P(MailReadAddresses, ParsedAsExpectedByBothParsers) {
  for (Parser parser : {Parser::fast, Parser::gmime}) {
    std::vector<std::pair<std::string, std::string>> got;
    for (const Address& a : parse_addresses(GetParam().value, parser))
      got.emplace_back(a.name, a.email);
    EXPECT_EQ(got, GetParam().expected) << (parser == Parser::fast ? "fast" : "gmime");
  }
}

using Pairs = std::vector<std::pair<std::string, std::string>>;

INSTANTIATE_TEST_SUITE_P(
    MailReadTable, MailReadAddresses,
    ::testing::Values(
        AddressCase{"Bare", "a@b.c", Pairs{{"", "a@b.c"}}},
        AddressCase{"Angle", "<A@B.C>", Pairs{{"", "a@b.c"}}},
        AddressCase{"Named", "Ada Lovelace <ada@x.org>", Pairs{{"Ada Lovelace", "ada@x.org"}}},
        AddressCase{"NamedNoSpace", "Ada<ada@x.org>", Pairs{{"Ada", "ada@x.org"}}},
        AddressCase{"Quoted", "\"Núñez, José\" <JOSE@x.org>", Pairs{{"Núñez, José", "jose@x.org"}}},
        AddressCase{"QuotedSpaces", "\"  Sam   Petrov \" <s@x.org>",
                    Pairs{{"Sam Petrov", "s@x.org"}}},
        AddressCase{"Encoded", "=?UTF-8?Q?Jos=C3=A9_N=C3=BA=C3=B1ez?= <j@x.org>",
                    Pairs{{"José Núñez", "j@x.org"}}},
        AddressCase{"EncodedAndWord", "=?utf-8?q?Jos=C3=A9?= Nunez <j@x.org>",
                    Pairs{{"José Nunez", "j@x.org"}}},
        AddressCase{"EncodedBase64", "=?utf-8?b?Sm9zw6k=?= <j@x.org>", Pairs{{"José", "j@x.org"}}},
        AddressCase{"EncodedInQuotes", "\"=?utf-8?q?Jos=C3=A9?=\" <j@x.org>",
                    Pairs{{"José", "j@x.org"}}},
        AddressCase{"EightBit", "José <j@x.org>", Pairs{{"José", "j@x.org"}}},
        AddressCase{"Latin1Bytes", "Jos\xe9 <j@x.org>", Pairs{{"José", "j@x.org"}}},
        AddressCase{"List", "a@b.c, Bee <b@c.d>,\"C, D\" <c@d.e>",
                    Pairs{{"", "a@b.c"}, {"Bee", "b@c.d"}, {"C, D", "c@d.e"}}},
        AddressCase{"EmptyItems", " , a@b.c,, ,", Pairs{{"", "a@b.c"}}},
        AddressCase{"Semicolons", "a@b.c; Bee <b@c.d>", Pairs{{"", "a@b.c"}, {"Bee", "b@c.d"}}},
        AddressCase{"Group", "Team: a@b.c, Bee <b@c.d>;", Pairs{{"", "a@b.c"}, {"Bee", "b@c.d"}}},
        AddressCase{"EmptyGroup", "undisclosed-recipients:;", Pairs{}},
        AddressCase{"Comment", "a@b.c (Ada L)", Pairs{{"Ada L", "a@b.c"}}},
        AddressCase{"Initial", "John Q. Public <jqp@x.org>",
                    Pairs{{"John Q. Public", "jqp@x.org"}}},
        AddressCase{"Apostrophe", "Sam O'Brien <s@x.org>", Pairs{{"Sam O'Brien", "s@x.org"}}},
        AddressCase{"NameIsTheAddress", "'a@b.c' <a@b.c>", Pairs{{"", "a@b.c"}}},
        AddressCase{"Escaped", "\"Jo \\\"Jo\\\" Smith\" <j@x.org>",
                    Pairs{{"Jo \"Jo\" Smith", "j@x.org"}}},
        AddressCase{"Route", "<@route:a@b.c>", Pairs{{"", "a@b.c"}}},
        AddressCase{"TrailingDot", "a@b.c.", Pairs{{"", "a@b.c"}}},
        AddressCase{"PunycodeDomainShownInUnicode", "Jo <jo@xn--mnchen-3ya.de>",
                    Pairs{{"Jo", "jo@münchen.de"}}},
        AddressCase{"PunycodeLabelAfterADot", "jo@mail.xn--mnchen-3ya.de",
                    Pairs{{"", "jo@mail.münchen.de"}}},
        AddressCase{"Unclosed", "Sam <s@x.org", Pairs{{"Sam", "s@x.org"}}},
        AddressCase{"NoBracketsSalvaged", "\"Smith, John\" john@x.org", Pairs{{"", "john@x.org"}}},
        AddressCase{"BrokenOneOfThree", "a@b.c, John Smith <john smith@x.org>, d@e.f",
                    Pairs{{"", "a@b.c"}, {"", "d@e.f"}}},
        AddressCase{"NameOnly", "Just A Name", Pairs{}}, AddressCase{"Empty", "", Pairs{}},
        AddressCase{"EmptyAngles", "\"a\" <>", Pairs{}},
        AddressCase{"LocalOnly", "MAILER-DAEMON", Pairs{{"", "mailer-daemon"}}}),
    test::LabelName{});

TEST(MailReadAddresses, FastParserAgreesWithGMimeOnTheBenchmarkForms) {
  for (const std::string value :
       {"\"Haddad, Noor\" <noor@home.example>,\n \"Sam Petrov\" <sam.petrov4@example.com>,\n "
        "=?UTF-8?Q?Tom=C3=A1s_Sato?= <toms.sato0@paywell.example>",
        "Zo\xc3\xab M\xc3\xbcller <zoe@x.org>, =?UTF-8?B?Wm/DqyBNw7xsbGVy?= <z@x.org>",
        "a.b-c+d@sub.example.co.uk", "=?utf-8?q?a?= =?utf-8?q?b?= <x@y.z>", "x@y"}) {
    std::string fast;
    for (const Address& a : parse_addresses(value, Parser::fast))
      fast += a.name + "|" + a.email + ";";
    std::string gmime;
    for (const Address& a : parse_addresses(value, Parser::gmime))
      gmime += a.name + "|" + a.email + ";";
    EXPECT_EQ(fast, gmime) << value;
  }
}

// ---------------------------------------------------------------------------
// Dates

struct DateCase {
  const char* label;
  std::string value;
  std::optional<long long> expected;  // seconds since the epoch
};

class MailReadDates : public ::testing::TestWithParam<DateCase> {};

TEST_P(MailReadDates, ReadAsExpectedByBothParsers) {
  for (Parser parser : {Parser::fast, Parser::gmime}) {
    const auto got = parse_date(GetParam().value, parser);
    const std::optional<long long> seconds =
        got ? std::optional<long long>(got->time_since_epoch().count()) : std::nullopt;
    EXPECT_EQ(seconds, GetParam().expected) << (parser == Parser::fast ? "fast" : "gmime");
  }
}

INSTANTIATE_TEST_SUITE_P(
    MailReadTable, MailReadDates,
    ::testing::Values(DateCase{"Canonical", "Thu, 01 Jan 2026 00:00:00 +0000", 1767225600},
                      DateCase{"NoWeekday", "1 Jan 2026 01:00:00 +0100", 1767225600},
                      DateCase{"NoSeconds", "Thu, 1 Jan 2026 00:00 -0000", 1767225600},
                      DateCase{"NegativeZone", "Wed, 31 Dec 2025 16:00:00 -0800", 1767225600},
                      DateCase{"HalfHourZone", "Thu, 1 Jan 2026 05:30:00 +0530", 1767225600},
                      DateCase{"Comment", "Thu, 1 Jan 2026 09:00:00 +0900 (JST)", 1767225600},
                      DateCase{"GmtName", "Thu, 1 Jan 2026 00:00:00 GMT", 1767225600},
                      DateCase{"UsZone", "Wed, 31 Dec 2025 19:00:00 EST", 1767225600},
                      DateCase{"DaylightZone", "Wed, 31 Dec 2025 17:00:00 PDT", 1767225600},
                      DateCase{"Folded", "Thu, 1 Jan 2026\n 00:00:00 +0000", 1767225600},
                      DateCase{"ExtraSpaces", "  Thu,  1  Jan  2026  00:00:00  +0000  ",
                               1767225600},
                      DateCase{"WrongWeekday", "Mon, 1 Jan 2026 00:00:00 +0000", 1767225600},
                      DateCase{"TwoDigitYear", "Thu, 1 Jan 26 00:00:00 +0000", 1767225600},
                      DateCase{"AsctimeForm", "Thu Jan  1 00:00:00 2026", 1767225600},
                      DateCase{"LeapDay", "Thu, 29 Feb 2024 12:00:00 +0000", 1709208000},
                      DateCase{"NoSuchDay", "Tue, 31 Feb 2022 10:00:00 +0000", std::nullopt},
                      DateCase{"Epoch", "Thu, 1 Jan 1970 00:00:00 +0000", std::nullopt},
                      DateCase{"FiveDigitYear", "Mon, 3 Jan 99999 10:22:31 +0000", std::nullopt},
                      DateCase{"Garbage", "someday", std::nullopt},
                      DateCase{"Empty", "", std::nullopt}),
    test::LabelName{});

// ---------------------------------------------------------------------------
// Encoded words

struct TextCase {
  const char* label;
  std::string value;
  std::string expected;
  // GMime alone reads a charset iconv does not know in the locale's charset,
  // so its result depends on the machine: those rows check kith's reader.
  bool gmime_agrees = true;
};

class MailReadText : public ::testing::TestWithParam<TextCase> {};

TEST_P(MailReadText, DecodedAsExpectedByBothParsers) {
  for (Parser parser : {Parser::fast, Parser::gmime}) {
    if (parser == Parser::gmime && !GetParam().gmime_agrees) continue;
    EXPECT_EQ(decode_text(GetParam().value, parser), GetParam().expected)
        << (parser == Parser::fast ? "fast" : "gmime");
  }
}

INSTANTIATE_TEST_SUITE_P(
    MailReadTable, MailReadText,
    ::testing::Values(
        TextCase{"Plain", "Hello  world\n\tagain", "Hello world again"},
        TextCase{"Base64", "=?UTF-8?B?SGVsbG8gd29ybGQ=?=", "Hello world"},
        TextCase{"Base64OnePad", "=?utf-8?b?Sm9zw6k=?=", "José"},
        TextCase{"Base64NoPad", "=?utf-8?b?Y2Fmw6k2?=", "café6"},
        TextCase{"QuotedPrintable", "=?utf-8?q?caf=C3=A9_cr=c3=a8me?=", "café crème"},
        TextCase{"AdjacentWordsJoin", "=?utf-8?q?caf=C3=A9?= =?utf-8?q?_bar?=", "café bar"},
        TextCase{"SplitCharacter", "=?utf-8?q?caf=C3?= =?utf-8?q?=A9?=", "café"},
        TextCase{"MixedWithPlainWords", "Re: =?utf-8?q?caf=C3=A9?= and more", "Re: café and more"},
        TextCase{"FoldedBetweenWords", "=?utf-8?q?a?=\n =?utf-8?q?b?=", "ab"},
        TextCase{"Latin1Charset", "=?iso-8859-1?q?caf=E9?=", "café"},
        // An unknown charset: UTF-8 when valid, else Windows-1252, whatever
        // the locale (GMime would fall back to the locale's charset).
        TextCase{"UnknownCharset", "=?x-unknown?Q?abc=E9?=", "abcé", false},
        TextCase{"UnknownCharsetUtf8", "=?x-unknown?Q?abc=C3=A9?=", "abcé", false},
        TextCase{"NotClosed", "=?UTF-8?B?broken", "=?UTF-8?B?broken"},
        TextCase{"EmbeddedInAWord", "a=?utf-8?q?b?=c", "abc"},
        TextCase{"QuestionMarkInText", "=?utf-8?q?why=3F?=", "why?"},
        TextCase{"Arrow", "Intro: Priya =?utf-8?b?4oaU?= Noor", "Intro: Priya ↔ Noor"}),
    test::LabelName{});

TEST(MailReadText, EveryWordOfASplitBase64Text) {
  // GMime 3.2 alone reads only "Hello" and "é" here.
  EXPECT_EQ(decode_text("=?UTF-8?B?SGVsbG8=?= =?UTF-8?B?IHdvcmxk?="), "Hello world");
  EXPECT_EQ(decode_text("=?UTF-8?B?w6k=?=\n =?UTF-8?B?w6k=?="), "éé");
  const auto names = parse_addresses("=?UTF-8?B?Sm9zw6k=?= =?UTF-8?B?IE7DusOxZXo=?= <j@x.org>");
  ASSERT_EQ(names.size(), 1u);
  EXPECT_EQ(names[0].name, "José Núñez");
}

TEST(MailReadText, OtherCharsetsAndLatin1AsWindows1252) {
  EXPECT_EQ(decode_text("=?ISO-8859-1?Q?=93caf=E9=94?="), "“café”");
  EXPECT_EQ(decode_text("=?koi8-r?B?8NLJ18XU?="), "Привет");
  EXPECT_EQ(decode_text("=?iso-2022-jp?B?GyRCJUYlOSVIGyhC?="), "テスト");
}

TEST(MailReadText, BrokenWordsGiveValidUtf8WithEitherParser) {
  for (const char* value :
       {"=?utf-8?B?!!!?=", "=?utf-8?Q?caf=C3?=", "=?utf-8?q?a=00b?=",
        "=?utf-8?q?caf=C3?= =?iso-8859-1?q?=E9?=", "=?utf-8?q?a=0Ab?=", "=?utf-8?Q?=FF=FE?= x",
        "=?utf-8?B?/w==?=", "=?utf-8?Q?a=?=", "=?utf-8?Q?a=4?=", "=?utf-8?X?abc?="}) {
    for (Parser parser : {Parser::fast, Parser::gmime}) {
      const std::string text = decode_text(value, parser);
      EXPECT_TRUE(text::is_valid_utf8(text)) << value;
      EXPECT_EQ(text.find('\n'), std::string::npos) << value;
    }
  }
}

}  // namespace
}  // namespace kith::mail_read
