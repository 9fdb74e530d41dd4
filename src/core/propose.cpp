#include "core/propose.h"

#include <algorithm>

#include "core/dates.h"
#include "core/fields.h"
#include "core/text.h"

namespace kith::propose {
namespace {

std::string propose_email_key(std::string_view address) {
  return field_key(ListField::emails, address);
}

// "Re: Re: Fwd: Lunch?" -> "lunch?"
std::string propose_bare_subject(std::string_view subject) {
  std::string_view s = text::trim(subject);
  for (bool again = true; again;) {
    again = false;
    for (std::string_view prefix : {"re:", "fw:", "fwd:", "aw:", "wg:", "sv:", "tr:"}) {
      if (s.size() >= prefix.size()) {
        std::string head(s.substr(0, prefix.size()));
        std::transform(head.begin(), head.end(), head.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        if (head == prefix) {
          s = text::trim(s.substr(prefix.size()));
          again = true;
        }
      }
    }
  }
  return text::fold(s);
}

std::string propose_one_line(std::string_view s) {
  std::string out;
  for (char ch : s) out += (ch == '\n' || ch == '\r' || ch == '\t') ? ' ' : ch;
  return std::string(text::trim(out));
}

}  // namespace

std::string thread_root(const Mail& mail) {
  if (!mail.references.empty() && !mail.references.front().empty()) {
    return mail.references.front();
  }
  if (!mail.in_reply_to.empty()) return mail.in_reply_to;
  if (!mail.message_id.empty()) return mail.message_id;
  return "subject:" + propose_bare_subject(mail.subject);
}

Proposer::Proposer(const std::vector<Contact>& contacts, const std::vector<Interaction>& log,
                   const inbox::Inbox& inbox, const std::vector<std::string>& own_addresses,
                   Date since)
    : inbox_(inbox), since_(since) {
  for (const auto& c : contacts) {
    if (c.archived) continue;
    for (const auto& email : c.emails) contact_of_.emplace(propose_email_key(email), c.id);
  }
  for (const auto& address : own_addresses) own_.insert(propose_email_key(address));
  for (const auto& i : log) {
    for (const auto& id : i.contacts) logged_.emplace(id, i.date);
  }
  for (const auto& p : inbox.proposals) keys_.insert(p.key);
}

bool Proposer::logged_on(const std::string& contact, Date day) const {
  return logged_.count({contact, day}) > 0;
}

std::vector<std::string> Proposer::contacts_of(const std::vector<std::string>& addresses,
                                               bool& ignored) const {
  std::vector<std::string> ids;
  for (const auto& address : addresses) {
    const std::string key = propose_email_key(address);
    if (inbox_.is_ignored(key)) {
      ignored = true;
      continue;
    }
    auto it = contact_of_.find(key);
    if (it == contact_of_.end()) continue;
    if (std::find(ids.begin(), ids.end(), it->second) == ids.end()) ids.push_back(it->second);
  }
  return ids;
}

void Proposer::add(const Meeting& meeting) {
  if (meeting.date < since_) {
    ++counts_.too_old;
    return;
  }
  bool ignored = false;
  std::vector<std::string> ids = contacts_of(meeting.addresses, ignored);
  if (ids.empty()) {
    ++(ignored ? counts_.ignored : counts_.no_contact);
    return;
  }
  const std::string key = "ics:" + meeting.key;
  if (keys_.count(key) > 0) {
    ++counts_.already_proposed;
    return;
  }
  std::erase_if(ids, [&](const std::string& id) { return logged_on(id, meeting.date); });
  if (ids.empty()) {
    ++counts_.already_logged;
    return;
  }
  propose_interaction(key, "ics", meeting.where, meeting.date,
                      meeting.kind.empty() ? "meeting" : meeting.kind, std::move(ids),
                      meeting.summary);
}

void Proposer::propose_interaction(const std::string& key, std::string_view source,
                                   const std::string& where, Date day, const std::string& kind,
                                   std::vector<std::string> contacts, std::string_view note) {
  inbox::Proposal p;
  p.key = key;
  p.source = std::string(source);
  p.where = where;
  p.date = day;
  p.kind = kind;
  p.contacts = std::move(contacts);
  p.note = propose_one_line(note);
  keys_.insert(p.key);
  proposals_.push_back(std::move(p));
  ++counts_.proposed;
}

void Proposer::propose_mail(const std::string& root, const std::string& contact, const Mail& mail) {
  const std::string key = "mail:" + root + "#" + contact + "#" + format_date(mail.date);
  if (keys_.count(key) > 0) {
    ++(inbox_.find_key(key) != nullptr ? counts_.already_proposed : counts_.same_day);
    return;
  }
  if (logged_on(contact, mail.date)) {
    ++counts_.already_logged;
    return;
  }
  propose_interaction(key, "mail", mail.where, mail.date, "email", {contact}, mail.subject);
}

void Proposer::add(const Mail& mail) {
  if (mail.bulk) {
    ++counts_.bulk;
    return;
  }
  if (mail.date < since_) {
    ++counts_.too_old;
    return;
  }
  const std::string from = propose_email_key(mail.from);
  const std::string root = thread_root(mail);
  if (own_.count(from) > 0) {
    // Mail you sent: each contact it went to, and the messages it answers.
    if (!mail.in_reply_to.empty()) answered_.insert(mail.in_reply_to);
    for (const auto& ref : mail.references) answered_.insert(ref);
    bool any = false, ignored = false;
    for (std::size_t k = 0; k < mail.recipients.size(); ++k) {
      const std::string to = propose_email_key(mail.recipients[k]);
      if (own_.count(to) > 0) continue;
      if (inbox_.is_ignored(to)) {
        ignored = true;
        continue;
      }
      auto it = contact_of_.find(to);
      if (it != contact_of_.end()) {
        any = true;
        propose_mail(root, it->second, mail);
        continue;
      }
      Stranger& s = strangers_[to];
      if (s.name.empty() && k < mail.recipient_names.size()) s.name = mail.recipient_names[k];
      s.messages.insert(mail.message_id.empty() ? mail.where : mail.message_id);
      if (mail.date >= s.last) {
        s.last = mail.date;
        s.where = mail.where;
      }
    }
    if (!any && ignored) ++counts_.ignored;
    return;
  }
  auto it = contact_of_.find(from);
  if (it == contact_of_.end() || mail.message_id.empty()) {
    ++(inbox_.is_ignored(from) ? counts_.ignored : counts_.no_contact);
    return;
  }
  if (inbox_.is_ignored(from)) {
    ++counts_.ignored;
    return;
  }
  received_.push_back({mail.message_id, root, it->second, mail});
}

std::vector<inbox::Proposal> Proposer::finish() {
  for (const auto& r : received_) {
    if (answered_.count(r.message_id) > 0) {
      propose_mail(r.root, r.contact, r.mail);
    } else {
      ++counts_.no_contact;
    }
  }
  received_.clear();
  for (const auto& [address, s] : strangers_) {
    if (s.messages.size() < 2) continue;
    const std::string key = "person:" + address;
    if (keys_.count(key) > 0) {
      ++counts_.already_proposed;
      continue;
    }
    inbox::Proposal p;
    p.key = key;
    p.source = "mail";
    p.where = s.where;
    p.date = s.last;
    p.name = propose_one_line(s.name);
    p.email = address;
    p.messages = static_cast<int>(s.messages.size());
    keys_.insert(p.key);
    proposals_.push_back(std::move(p));
    ++counts_.proposed;
  }
  strangers_.clear();
  std::stable_sort(
      proposals_.begin(), proposals_.end(),
      [](const inbox::Proposal& a, const inbox::Proposal& b) { return a.date < b.date; });
  inbox::Inbox taken = inbox_;
  for (auto& p : proposals_) {
    p.id = inbox::proposal_id(p.key, taken);
    taken.proposals.push_back(p);
  }
  return std::move(proposals_);
}

}  // namespace kith::propose
