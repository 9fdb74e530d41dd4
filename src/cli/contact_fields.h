// The contact options shared by `kith add` and `kith edit`: how they are
// declared on the command line and how they change a Contact.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "core/dates.h"
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
};

// Declares --email, --phone, --company, --role, --location, --link, --tag,
// --skill, --interest, --how-met, --met, --every, --birthday and --note.
void add_contact_field_options(CLI::App& sub, ContactFields& fields);

// Applies the fields: scalar options replace, list options add (skipping
// values already present). A bad value is a usage error naming the option;
// on error `contact` is unchanged.
Status apply_contact_fields(const ContactFields& fields, Date today, Contact& contact);

// Checks a one-line text value: valid UTF-8, not empty, no control characters.
Status check_text(std::string_view option, std::string_view value);

}  // namespace kith::cli
