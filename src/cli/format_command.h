// `kith import` and `kith export` take their format as a subcommand
// (`kith import linkedin FILE`, `kith export ics`). CLI11 hands the
// arguments no format took to the command itself, as `stray`: these
// helpers turn them into usage errors (exit 2) that name the formats.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "cli/context.h"

namespace kith::cli {

struct FormatCommand {
  std::string verb;      // "import"
  std::string formats;   // "linkedin, vcard, csv and json"
  std::string synopsis;  // "linkedin|vcard|csv|json FILE"
  std::shared_ptr<std::vector<std::string>> stray;
};

// Collects stray arguments on `sub` and, when no format ran, says that a
// format is missing or unknown.
void expect_format(CLI::App& sub, Context& ctx, const FormatCommand& command);

// Adds the format `name`; its callback refuses a stray argument, else sets
// ctx.exit_code to run(). Returns the subcommand, for its options.
CLI::App* add_format(CLI::App& sub, Context& ctx, const FormatCommand& command,
                     const std::string& name, const std::string& summary, std::function<int()> run);

}  // namespace kith::cli
