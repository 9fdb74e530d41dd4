// Purging a contact from the log: every interaction loses the contact's id,
// and an interaction left with nobody is deleted. The plan is computed here,
// as pure functions; `kith rm --purge` rewrites each month file with it.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include <date/date.h>

#include "core/model.h"

namespace kith {

// The months whose interactions name `id` (or one of `aliases`, the ids
// merged into it), oldest first, without repeats.
std::vector<date::year_month> months_naming(const std::vector<Interaction>& interactions,
                                            std::string_view id,
                                            const std::vector<std::string>& aliases = {});

// One month of the log with a contact purged from it.
struct MonthPurge {
  std::vector<Interaction> kept;  // in the order given, without the id
  int changed = 0;                // interactions that named the id and others
  int deleted = 0;                // interactions that named nobody else
};

// Removes every occurrence of `id` and of its `aliases` from the contacts of
// `interactions` and drops the ones left with no contact. Everything else
// (order, other ids, unknown keys) is kept as it was.
MonthPurge purge_from_month(std::vector<Interaction> interactions, std::string_view id,
                            const std::vector<std::string>& aliases = {});

// What a purge on another machine leaves to do here after a sync: the
// interactions this machine logged with the purged person since name an id
// that has no contact any more. remove_unknown_contacts() takes every id
// `known` says no to out of a month file's text, deleting an interaction
// left with nobody and keeping the others' part. Lines that name only known
// ids, and lines that are not an interaction kith reads, are kept byte for
// byte; a changed line is written as kith writes it.
struct UnknownRemoved {
  std::string interaction_id;
  Date date;
  std::vector<std::string> removed;  // the unknown ids, as the line named them
  bool deleted = false;              // nobody was left: the line is gone
};
struct MonthCleanup {
  std::string text;
  std::vector<UnknownRemoved> changes;  // in the order of the lines
};
MonthCleanup remove_unknown_contacts(std::string_view month_text,
                                     const std::function<bool(std::string_view)>& known);

}  // namespace kith
