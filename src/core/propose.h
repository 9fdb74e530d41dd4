// What `kith scan` proposes: calendar events and mail matched to contacts by
// their addresses, as inbox proposals (pure: the readers' findings, the
// contacts, the log and the inbox in; new proposals out).
//
// The rules, as kith-scan(1) states them:
// - An event is proposed when one of its addresses is a contact's, once per
//   event occurrence (its UID and recurrence id).
// - Mail you sent (From is one of your addresses) to contacts is proposed as
//   an `email` interaction, one per contact, thread and day; so is mail from
//   a contact that you answered (a message of yours names it in In-Reply-To
//   or References). Bulk and list mail is never proposed.
// - Someone you wrote to at least twice who is no contact is proposed as a
//   new person.
// - Nothing is proposed twice (the inbox keeps every key it ever held),
//   nothing for an address you ignore, nothing for a contact already logged
//   on that day, nothing for an archived contact, nothing before `since`.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/calendar.h"
#include "core/inbox.h"
#include "core/model.h"

namespace kith::propose {

// An occurrence of a calendar event, as the calendar reader found it.
struct Meeting {
  std::string key;    // "UID" or "UID#RECURRENCE-ID"
  std::string where;  // the file
  Date date{};        // local date
  std::string kind;   // video, coffee, lunch, call or meeting
  std::string summary;
  std::vector<std::string> addresses;  // lower case
};

// The headers of one message, as the mail reader found them.
struct Mail {
  std::string message_id, in_reply_to;
  std::vector<std::string> references;
  std::string from;                          // lower case
  std::vector<std::string> recipients;       // To and Cc, lower case
  std::vector<std::string> recipient_names;  // parallel to recipients
  std::string subject;
  Date date{};  // local date
  bool bulk = false;
  std::string where;
};

// Why an item found nothing to propose, counted for the summary.
struct Counts {
  std::size_t proposed = 0;
  std::size_t no_contact = 0;        // no address of a contact (or of yours, for mail)
  std::size_t already_proposed = 0;  // the inbox holds its key
  std::size_t same_day = 0;          // more mail of a contact, thread and day this scan proposed
  std::size_t already_logged = 0;    // every contact it names has an interaction that day
  std::size_t ignored = 0;           // an address you ignore
  std::size_t bulk = 0;              // list, bulk or automatic mail
  std::size_t too_old = 0;           // before --since
};

class Proposer {
 public:
  Proposer(const std::vector<Contact>& contacts, const std::vector<Interaction>& log,
           const inbox::Inbox& inbox, const std::vector<std::string>& own_addresses, Date since);

  void add(const Meeting& meeting);
  void add(const Mail& mail);

  // The new proposals, with their ids (unique in the inbox), in date order.
  std::vector<inbox::Proposal> finish();

  const Counts& counts() const { return counts_; }

 private:
  std::vector<std::string> contacts_of(const std::vector<std::string>& addresses,
                                       bool& ignored) const;
  void propose_mail(const std::string& root, const std::string& contact, const Mail& mail);
  void propose_interaction(const std::string& key, std::string_view source,
                           const std::string& where, Date day, const std::string& kind,
                           std::vector<std::string> contacts, std::string_view note);
  bool logged_on(const std::string& contact, Date day) const;

  const inbox::Inbox& inbox_;
  Date since_;
  std::map<std::string, std::string, std::less<>> contact_of_;  // email -> contact id
  std::set<std::string, std::less<>> own_;
  std::set<std::pair<std::string, Date>> logged_;
  std::set<std::string, std::less<>> keys_;
  std::vector<inbox::Proposal> proposals_;
  // Mail from contacts, kept until the end to see whether you answered it.
  struct Received {
    std::string message_id, root, contact;
    Mail mail;
  };
  std::vector<Received> received_;
  std::set<std::string, std::less<>> answered_;  // Message-IDs your mail replies to
  struct Stranger {
    std::string name;
    std::set<std::string> messages;
    Date last{};
    std::string where;
  };
  std::map<std::string, Stranger, std::less<>> strangers_;
  Counts counts_;
};

// The Message-ID a message's thread is known by: the first of its
// References, else its In-Reply-To, else its own Message-ID, else its
// subject without "Re:"/"Fwd:" prefixes.
std::string thread_root(const Mail& mail);

}  // namespace kith::propose
