// The inbox: interactions and people that `kith scan` found in calendars and
// mailboxes, proposed for you to confirm. It lives in inbox.jsonl, one JSON
// object a line, and is never read as part of the log: a proposal becomes an
// interaction only when `kith inbox accept` logs it.
//
// Every proposal ever made stays in the file with its state, so that a scan
// of the same sources proposes nothing twice: proposals are keyed by where
// they came from (an event's UID and recurrence id, a thread's first
// Message-ID with the contact and the day), and their id is a hash of that
// key. Addresses you told kith to ignore are lines of their own.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/calendar.h"
#include "core/model.h"
#include "core/status.h"

namespace kith::inbox {

enum class State { open, accepted, skipped };

std::string_view state_name(State state);

struct Proposal {
  std::string id;   // 8 hex digits of the key's hash, unique in the inbox
  std::string key;  // "ics:UID", "ics:UID#RECURRENCE-ID", "mail:ROOT#CONTACT#DAY", "person:EMAIL"
  State state = State::open;
  std::string source;  // "ics" or "mail"
  std::string where;   // the file (and line) it was found in
  Date date{};
  // An interaction: its kind, the contacts' ids and a note (the event's
  // summary, the thread's subject). Empty for a person.
  std::string kind;
  std::vector<std::string> contacts;
  std::string note;
  // A person who is not a contact yet (mail you wrote to them at least
  // twice): the name and the address, and how many messages.
  std::string name;
  std::string email;
  int messages = 0;
  Json extra = Json::object();  // keys kith does not know, kept

  bool is_person() const { return !email.empty() && contacts.empty(); }
};

struct Inbox {
  std::vector<Proposal> proposals;    // in the order found
  std::vector<std::string> ignored;   // addresses never to propose again, lower case
  std::vector<std::string> warnings;  // lines that could not be read, skipped

  const Proposal* find_key(std::string_view key) const;
  bool is_ignored(std::string_view address) const;
  std::size_t open_count() const;
};

// The id of a proposal with this key: 8 hex digits of its FNV-1a hash,
// lengthened when `taken` already holds it for another key.
std::string proposal_id(std::string_view key, const Inbox& taken);

// Reads inbox.jsonl. A line that is not a valid proposal is skipped with a
// warning naming `file` and the line (the inbox is a convenience: one bad
// line must not hide the rest), so this never fails.
Inbox parse(std::string_view text, std::string_view file);

// The file's text: proposals, then the ignored addresses, a line each.
std::string to_text(const Inbox& inbox);

// One line's JSON.
Json to_json(const Proposal& proposal);

// Proposals whose id is `ref`, or starts with it (at least 4 characters):
// nullptr, and a usage error in `error`, when none or several match.
const Proposal* find(const Inbox& inbox, std::string_view ref, Error& error);

// Git's three-way merge of inbox.jsonl: the proposals of both sides by id
// (ours first, then theirs that are new), a proposal settled on either side
// (accepted or skipped) stays settled, and the ignored addresses of both.
std::string merge_text(std::string_view base, std::string_view ours, std::string_view theirs);

}  // namespace kith::inbox
