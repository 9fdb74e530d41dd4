// Everything kith keeps as one JSON document: what `kith export json` writes
// for backups and moves, and `kith import json` reads back.
//
//   {"format": "kith-export", "version": 1, "settings": {...}, "me": {...},
//    "contacts": [...], "interactions": [...]}
//
// Contacts and interactions have the same keys as in the data directory.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/importer.h"
#include "core/model.h"
#include "core/records.h"
#include "core/status.h"

namespace kith {

inline constexpr int kExportVersion = 1;

// The whole network, archived contacts included; contacts by id,
// interactions in date order.
Json export_document(const Network& network);

// serialize_document(export_document(network)), written straight out
// without building the document: what `kith export json` prints.
std::string export_text(const Network& network);

// Reads an export document, or a JSON array of contacts (what `kith list
// --json` prints). A contact or interaction that does not validate is
// skipped and reported with the line where it starts; a profile that does not
// validate is left out with a warning. A usage error when the text is not
// JSON, not one of those two shapes, or from a newer kith.
Result<ImportBatch> read_export(std::string_view text, std::string_view file);

// The lines (1-based) where the elements of an array start: the array under
// `key` in the top-level object, or the top-level array itself when `key` is
// empty. Assumes `text` is valid JSON; never reads past it.
std::vector<int> element_lines(std::string_view text, std::string_view key);

}  // namespace kith
