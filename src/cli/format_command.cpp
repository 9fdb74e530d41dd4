#include "cli/format_command.h"

#include "cli/output.h"

namespace kith::cli {

void expect_format(CLI::App& sub, Context& ctx, const FormatCommand& command) {
  sub.require_subcommand(0, 1);
  // Hidden: catches an unknown format, or an argument the format did not take
  // (CLI11 passes it up from the format's subcommand).
  sub.add_option("FORMAT", *command.stray, command.formats)->group("");
  sub.callback([command, &ctx, &sub] {
    if (!sub.get_subcommands().empty()) return;
    if (command.stray->empty()) {
      ctx.exit_code = ctx.fail(usage_error(
          "say what to " + command.verb + ": kith " + command.verb + " " + command.synopsis,
          "`kith " + command.verb + " --help` describes each format"));
    } else {
      ctx.exit_code = ctx.fail(
          usage_error("unknown " + command.verb + " format '" + clean(command.stray->front()) + "'",
                      "the formats are " + command.formats));
    }
  });
}

CLI::App* add_format(CLI::App& sub, Context& ctx, const FormatCommand& command,
                     const std::string& name, const std::string& summary,
                     std::function<int()> run) {
  CLI::App* cmd = sub.add_subcommand(name, summary);
  cmd->fallthrough();
  cmd->callback([command, &ctx, name, run = std::move(run)] {
    if (!command.stray->empty()) {
      ctx.exit_code =
          ctx.fail(usage_error("unexpected argument '" + clean(command.stray->front()) + "'",
                               "see `kith " + command.verb + " " + name + " --help`"));
      return;
    }
    ctx.exit_code = run();
  });
  return cmd;
}

}  // namespace kith::cli
