// The contact options shared by `kith add` and `kith edit`: how they are
// declared on the command line and how they change a Contact.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "core/dates.h"
#include "core/fields.h"
#include "core/model.h"
#include "core/status.h"

namespace kith::cli {

struct ContactFields {
  std::vector<std::string> emails;
  std::vector<std::string> phones;
  std::optional<std::string> company;
  std::optional<std::string> role;
  std::optional<std::string> location;
  std::vector<std::string> links;
  std::vector<std::string> tags;
  std::vector<std::string> skills;
  std::vector<std::string> interests;
  std::optional<std::string> how_met;
  std::optional<std::string> met;
  std::optional<std::string> every;
  std::optional<std::string> birthday;
  std::optional<std::string> note;

  bool empty() const {
    return emails.empty() && phones.empty() && !company && !role && !location && links.empty() &&
           tags.empty() && skills.empty() && interests.empty() && !how_met && !met && !every &&
           !birthday && !note;
  }
};

// The values removed from a contact's lists by `kith edit`.
struct ContactRemovals {
  std::vector<std::string> emails;     // --no-email
  std::vector<std::string> phones;     // --no-phone
  std::vector<std::string> links;      // --no-link
  std::vector<std::string> tags;       // --untag
  std::vector<std::string> skills;     // --no-skill
  std::vector<std::string> interests;  // --no-interest

  bool empty() const {
    return emails.empty() && phones.empty() && links.empty() && tags.empty() && skills.empty() &&
           interests.empty();
  }
};

// Which command the options are for: the help of `edit` says how to clear.
enum class FieldsFor { add, edit };

// Declares --email, --phone, --company, --role, --location, --link, --tag,
// --skill, --interest, --how-met, --met, --every, --birthday and --note.
void add_contact_field_options(CLI::App& sub, ContactFields& fields,
                               FieldsFor purpose = FieldsFor::add);

// Declares --no-email, --no-phone, --no-link, --untag, --no-skill and
// --no-interest.
void add_contact_removal_options(CLI::App& sub, ContactRemovals& removals);

// Applies the fields: scalar options replace, list options add the values
// not already there (core/fields.h: add_values, under each field's equality
// key; the spelling kept is the one written first). An empty value clears a
// scalar (--company "", --met "", --birthday "", --note "", --every ""), and
// so does --every default: the setting `every` applies again. A bad value is
// a usage error naming the option; on error `contact` is unchanged.
Status apply_contact_fields(const ContactFields& fields, Date today, Contact& contact);

// Removes values from the contact's lists: every entry that is the same value
// under its field's equality key (core/fields.h) goes, so "--untag APIs"
// removes "api" and "--no-phone +15550100" removes "1 555-0100". A value
// that matches nothing, or that the same command also adds, is a usage error
// naming `owner` (e.g. "ada-lovelace") and what it has; on error `contact`
// is unchanged.
Status apply_contact_removals(const ContactRemovals& removals, const ContactFields& additions,
                              std::string_view owner, Contact& contact);

// Removes from `list` every entry that is the same value (in `field`) as one
// of `values`. A value that matches nothing is a usage error: "OWNER has no
// FIELD 'value'", and `list` is unchanged.
Status remove_from_list(ListField field, std::vector<std::string>& list,
                        const std::vector<std::string>& values, std::string_view owner);

// A usage error when a value is both added and removed by one command (the
// same value in `field`).
Status check_not_both(ListField field, std::string_view add_option,
                      const std::vector<std::string>& added, std::string_view remove_option,
                      const std::vector<std::string>& removed);

// Checks a one-line text value: valid UTF-8, not empty, no control characters.
Status check_text(std::string_view option, std::string_view value);

// Checks an email address given to `option`: a one-line text (check_text)
// with an '@' and no space.
Status check_email(std::string_view option, std::string_view value);

// Checks a note, the one text that may span lines: valid UTF-8, no control
// character but line breaks (LF, CRLF, CR). Returns it as kept
// (text::normalize_note), which may be empty.
Result<std::string> check_note(std::string_view option, std::string_view value);

}  // namespace kith::cli
