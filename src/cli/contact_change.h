// The shape shared by the commands that flip one thing on one contact (rm,
// restore, snooze, unsnooze): resolve the reference, then under the write
// lock read the contact again, change it and save it.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "cli/context.h"
#include "core/contacts.h"
#include "core/model.h"

namespace kith::cli {

// What a change did. `save` false means the contact was already as asked:
// nothing is written and `message` says so (the command still succeeds).
struct Change {
  bool save = true;
  std::string message;  // confirmation on stderr, hidden by --quiet
};

// Resolves `ref` within `scope`, takes the write lock, reads the contact's
// file again and passes it to `change`, then saves it when asked (and, in a
// git data directory, commits it as "COMMAND: ID"). Returns the exit code;
// on any error nothing is written.
int change_contact(Context& ctx, std::string_view command, std::string_view ref, Scope scope,
                   const std::function<Change(Contact&)>& change);

// "ID (NAME)", the name cleaned for the terminal: how the confirmations of
// these commands name a contact.
std::string contact_label(const Contact& c);

}  // namespace kith::cli
