// The writes of single commands that `kith review` makes too. Each is defined
// in its command's own file and is that command's code path, so a change made
// from review is exactly the change the command makes: checked first, written
// under the write lock (atomic files, one-write appends), and committed as
// the command commits it when the data directory is a git repository.
//
// Functions returning an int report their errors through ctx.fail() and
// return the exit code (0: done, or nothing to do); those returning a Result
// leave the reporting to the caller. None of them prints on ctx.out.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cli/context.h"
#include "core/dates.h"
#include "core/history.h"
#include "core/inbox.h"
#include "core/model.h"
#include "core/status.h"
#include "core/store.h"

namespace kith::cli {

// --- kith log (cmd_log.cpp) -------------------------------------------------

// An interaction as `kith log` wrote it.
struct Logged {
  Interaction interaction;        // as appended: id, contacts and logged_at set
  std::vector<Contact> contacts;  // whom it names, in the order given
  HistoryMap history;             // those contacts' summaries before it
};

// Resolves every reference in `refs` to an active contact (naming one twice
// is a usage error), takes the write lock, resolves them again on fresh data,
// gives `built` a free id, its contacts and its logged_at, appends it to its
// month file and commits it ("log: coffee with ada-lovelace"). `built` holds
// the checked date, kind, intent, note and follow-up. On error nothing is
// written. `also`, when given, runs under the same lock once the line is
// appended and before the commit, so that one change (one commit, one undo)
// holds both; its error is returned, the line staying logged.
Result<Logged> log_interaction(Context& ctx, const Store& store,
                               const std::vector<std::string>& refs, Interaction built,
                               const std::function<Status(const Interaction&)>& also = {});

// The confirmations `kith log` prints on stderr once an interaction is
// written (hidden by --quiet): what was logged, the ask warning, the first
// outreach that counts for this month's homework, the open follow-up.
void confirm_logged(Context& ctx, const Logged& logged, Date today);

// --- kith snooze (cmd_snooze.cpp) -------------------------------------------

// DATE as `kith snooze --until` takes it (YYYY-MM-DD, +2w, 2w, friday…): a
// usage error unless it is after today. `option` names the value in the
// messages ("--until").
Result<Date> parse_snooze_until(std::string_view text, Date today, std::string_view option);

// Snoozes the contact `ref` names until `until` (change_contact: "snooze: ID").
int snooze_contact(Context& ctx, std::string_view ref, Date until);

// --- kith edit (cmd_edit.cpp) -----------------------------------------------

struct ContactEdit {
  Contact contact;  // as saved, or as it already was
  bool saved = false;
};

// Takes the write lock, reads the contact `id` again, passes it to `change`
// and, when the result differs, saves it and commits it ("edit: ID"). When the
// name changed, warns of the possible duplicates among `contacts`. An error
// from `change`, or a contact removed meanwhile, writes nothing.
Result<ContactEdit> save_contact_edit(
    Context& ctx, const Store& store, const std::string& id, const std::vector<Contact>& contacts,
    const std::function<Result<Contact>(const Contact& current)>& change);

// --- kith done (cmd_done.cpp) -----------------------------------------------

// Marks the follow-up of interaction `id` (or a unique prefix) done on
// `today`; one already done changes nothing ("done: ID").
int close_follow_up(Context& ctx, const Store& store, std::string_view id, Date today);

// --- kith add (cmd_add.cpp) -------------------------------------------------

// Takes the write lock, gives `contact` (checked: name and fields) the id
// `id` or a free one made from its name, warns of possible duplicates, saves
// it and commits it ("add: ID"). `also` as for log_interaction.
Result<Contact> add_contact(Context& ctx, const Store& store, Contact contact,
                            const std::optional<std::string>& id,
                            const std::function<Status(const Contact&)>& also = {});

// --- kith rm (cmd_rm.cpp) ---------------------------------------------------

// Archives the contact `ref` names (change_contact: "rm: ID").
int archive_contact(Context& ctx, std::string_view ref);

// --- kith inbox (cmd_inbox.cpp) --------------------------------------------

// How `kith inbox accept` logs an interaction proposal: its intent, and the
// proposed kind unless `kind` (checked by parse_kind) replaces it.
struct AcceptAs {
  Intent intent = Intent::catch_up;
  std::optional<std::string> kind;
};

// What accepting a proposal wrote: the interaction logged, or the person
// added as a contact.
struct Accepted {
  std::optional<Logged> logged;
  std::optional<Contact> added;
};

// Accepts the open proposal `p`: logs its interaction as `kith log` does
// (or adds the person as `kith add` does, named after the mail) and marks
// it accepted in the same change, one commit and one undo. A person
// accepted as a give or an ask, or with a kind, is a usage error.
Result<Accepted> accept_proposal(Context& ctx, const Store& store, const inbox::Proposal& p,
                                 const AcceptAs& as, Date today);

// Under the write lock, marks skipped the open proposals `refs` name (ids
// or unique prefixes; with `all`, every open one) and commits it ("inbox:
// skip 2 proposals"). Returns how many it skipped: 0 writes nothing.
Result<std::size_t> skip_proposals(Context& ctx, const Store& store,
                                   const std::vector<std::string>& refs, bool all);

struct Ignored {
  std::size_t added = 0;    // addresses not ignored before
  std::size_t skipped = 0;  // open proposals of those people, now skipped
};

// Adds `addresses` (lower case, checked) to the inbox's ignored addresses,
// skips the open proposals of those people and commits it ("inbox: ignore
// ADDRESS"). Nothing to change writes nothing.
Result<Ignored> ignore_addresses(Context& ctx, const Store& store,
                                 const std::vector<std::string>& addresses);

}  // namespace kith::cli
