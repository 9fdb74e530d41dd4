// What `kith edit` and `kith rm` share when their argument is an interaction
// rather than a contact: telling which it names, and saying what an
// interaction is in one line.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model.h"
#include "core/status.h"
#include "core/store.h"

namespace kith::cli {

// The interaction `ref` names (an id, a unique prefix of one, or its random
// part), when `ref` names no contact at all: contacts come first, so that
// every contact reference keeps its meaning. nullopt when `ref` names a
// contact (or several: the contact command then says which). When it names
// neither, the error says so.
Result<std::optional<Interaction>> interaction_named(const Store& store, std::string_view ref);

// "046f02 (2026-11-20, coffee, give, with Ada Lovelace: the note's first
// line)", cleaned for the terminal.
std::string interaction_label(const Interaction& i, const std::vector<Contact>& contacts);

}  // namespace kith::cli
