// Reading mailboxes for `kith scan mail`: an mbox file or a Maildir, read as
// a stream of messages whose headers are handed to a callback. Only the
// header block of each message is parsed (the forms nearly all mail has by
// kith, anything else by GMime); bodies are skipped unread, so a mailbox of
// any size is read at about the speed of the disk, with memory that does
// not grow with it.
#pragma once

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <date/date.h>

#include "core/status.h"

namespace kith::mail_read {

// One mailbox of a header field: the display name decoded (RFC 2047, raw
// 8-bit bytes as UTF-8 when they are, else as Windows-1252), the address in
// lower case with no surrounding space. Either may be empty.
struct Address {
  std::string name;
  std::string email;
};

// What kith reads of one message: its header fields only.
struct Message {
  std::string message_id;               // without <>; "" if none
  std::string in_reply_to;              // the first message id it names, without <>
  std::vector<std::string> references;  // without <>, in order
  Address from;                         // the first mailbox of From:
  std::vector<Address> to, cc, bcc;     // every To:, Cc: and Bcc: field, groups flattened
  std::string subject;                  // decoded, on one line, spaces collapsed
  // The Date field in UTC; when it is missing or unreadable, the date of
  // the mbox "From " line, else the Maildir file's modification time. When
  // there is none of these, `dated` is false and `date` is the epoch.
  date::sys_seconds date{};
  bool dated = true;
  // Mailing-list or bulk mail, an automatic reply or report, or a no-reply
  // sender; bulk_reason says what told, the first of: "List-Id",
  // "List-Unsubscribe", "Mailing-List", "Precedence: bulk" (list, junk,
  // auto_reply), "Auto-Submitted: auto-replied" (any value but "no"),
  // "X-Autoreply", "X-Autorespond", "X-Auto-Response-Suppress: OOF" (All,
  // AutoReply), "delivery report" (multipart/report), "no-reply sender"
  // (noreply@, no-reply@, donotreply@, mailer-daemon@, postmaster@,
  // notifications@, bounces@...).
  bool bulk = false;
  std::string bulk_reason;
  // Where the message is: "FILE:LINE" in an mbox (the line of its "From "
  // line, from 1), the file's path in a Maildir.
  std::string where;
};

// A message that was not read, and why.
struct Skip {
  std::string where;
  std::string reason;
};

// What a read found: `messages` handed to the visitor, `skipped` messages
// not handed over (all counted; `skips` holds the first max_skips of them).
struct Counts {
  std::size_t messages = 0;
  std::size_t skipped = 0;
  std::vector<Skip> skips;
};
inline constexpr std::size_t max_skips = 100;

// A header block larger than this is not read (the message is skipped).
inline constexpr std::size_t max_header_bytes = 1 << 20;

using Visitor = std::function<void(const Message&)>;

// The mbox reader's reads: this many bytes at a time.
inline constexpr std::size_t default_chunk_bytes = 256 * 1024;

// Reads an mbox file (mboxo or mboxrd: a message starts with a line
// beginning "From " at the start of the file or after an empty line; LF or
// CRLF line ends). Calls `visit` for each readable message, in file order.
// An error (io) only when the file cannot be opened or read.
// `chunk_bytes` is the size of its reads (tests make it small to cut
// messages across reads); a header block is kept whole whatever its size.
Result<Counts> read_mbox(const std::filesystem::path& file, const Visitor& visit,
                         std::size_t chunk_bytes = default_chunk_bytes);

// Reads a Maildir: every file of its cur/ and new/ (tmp/ and dot files
// ignored), and the Maildirs below it, such as Maildir++ folders
// (".Sent/cur") or a tree of Maildirs ("mail/work/cur"); symbolic links to
// directories are not followed. Files are read in name order within each
// batch of up to 4,096 names of one directory. A file that vanishes between
// the listing and its reading is skipped ("vanished"). An error when `dir`
// cannot be listed (io), or when there is no cur/ or new/ in or below it
// (usage).
Result<Counts> read_maildir(const std::filesystem::path& dir, const Visitor& visit);

// Reads one message's text (its header block up to the first empty line; a
// body may follow and is ignored; a leading mbox "From " line is allowed and
// its date used when there is no readable Date field). Fills every field of
// `out` but `where` (`dated` false when there is no date). False, with the
// reason in `why_not`, when the message cannot be used: "no header fields",
// "header block over 1 MiB", "no From field", "no address in the From field".
bool read_message(std::string_view text, Message& out, std::string& why_not);

// How parse_addresses, decode_text and parse_date read a value: kith's
// reader of the forms nearly all mail has ("a@b.c", "<a@b.c>", "Name
// <a@b.c>", "\"Last, First\" <a@b.c>", comma-separated; RFC 2047 words;
// "Thu, 1 Jan 2026 10:00:00 +0100 (CET)") with GMime's for anything else, or
// GMime's alone. The tests check that both read the same, but for what
// GMime 3.2 gets wrong: it drops the words after a base64 word that ends in
// "=" padding.
enum class Parser { fast, gmime };

// The addresses of one address field's value (From, To, Cc...), in order:
// groups flattened ("undisclosed-recipients:;" has none), ";" between
// addresses read as ",", names decoded and on one line (a name that only
// repeats the address dropped), addresses in lower case (ASCII letters)
// with no spaces. When no address can be parsed, the words holding an "@"
// are taken as addresses. Addresses that come out empty are left out.
std::vector<Address> parse_addresses(std::string_view value, Parser parser = Parser::fast);

// An unstructured field's value (a Subject) decoded (RFC 2047 words, those
// labelled ISO-8859-1 or US-ASCII read as Windows-1252; raw bytes as UTF-8
// when they are, else as Windows-1252), on one line: controls and runs of
// white space as one space, trimmed.
std::string decode_text(std::string_view value, Parser parser = Parser::fast);

// A Date field's value in UTC: nullopt when it cannot be read, or is not
// after 1970-01-01 (what broken clients write for "no date") or not before
// the year 10000.
std::optional<date::sys_seconds> parse_date(std::string_view value, Parser parser = Parser::fast);

// True when `dir` is a Maildir: it has a cur/ or a new/ directory.
bool is_maildir(const std::filesystem::path& dir);

}  // namespace kith::mail_read
