// The kith command line: the command table and the entry point that parses
// arguments and runs one command.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>

#include "cli/context.h"

namespace kith::cli {

struct CommandSpec {
  std::string_view name;
  std::string_view summary;  // one line, shown by --help and the completions
  std::vector<std::string_view> aliases;
  void (*setup)(CLI::App& sub, Context& ctx);
  bool hidden = false;
};

// Every subcommand, in the order --help lists them.
const std::vector<CommandSpec>& command_table();

// Builds the whole parser (global options and every subcommand) bound to ctx.
std::unique_ptr<CLI::App> make_app(Context& ctx);

// Runs kith with `args` (without the program name) and returns the exit code.
int run(const std::vector<std::string>& args, Context& ctx);

std::string_view version();

}  // namespace kith::cli
