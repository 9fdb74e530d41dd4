// Every subcommand: one file in src/cli/, one setup function here, one row in
// the command table (app.cpp). A setup function binds the subcommand's options
// to an options struct whose fields all have defaults, and sets a callback
// that runs the command and stores its exit code in the Context.
#pragma once

#include <CLI/CLI.hpp>

#include "cli/context.h"

namespace kith::cli {

void setup_add(CLI::App& sub, Context& ctx);
void setup_list(CLI::App& sub, Context& ctx);
void setup_query(CLI::App& sub, Context& ctx);
void setup_dupes(CLI::App& sub, Context& ctx);
void setup_merge_contacts(CLI::App& sub, Context& ctx);
void setup_undo(CLI::App& sub, Context& ctx);
void setup_show(CLI::App& sub, Context& ctx);
void setup_me(CLI::App& sub, Context& ctx);
void setup_pitch(CLI::App& sub, Context& ctx);
void setup_log(CLI::App& sub, Context& ctx);
void setup_due(CLI::App& sub, Context& ctx);
void setup_review(CLI::App& sub, Context& ctx);
void setup_done(CLI::App& sub, Context& ctx);
void setup_inbox(CLI::App& sub, Context& ctx);
void setup_scan(CLI::App& sub, Context& ctx);
void setup_completion(CLI::App& sub, Context& ctx);
void setup_complete(CLI::App& sub, Context& ctx);
void setup_import(CLI::App& sub, Context& ctx);
void setup_export(CLI::App& sub, Context& ctx);
void setup_edit(CLI::App& sub, Context& ctx);
void setup_rm(CLI::App& sub, Context& ctx);
void setup_restore(CLI::App& sub, Context& ctx);
void setup_snooze(CLI::App& sub, Context& ctx);
void setup_unsnooze(CLI::App& sub, Context& ctx);
void setup_config(CLI::App& sub, Context& ctx);
void setup_stats(CLI::App& sub, Context& ctx);
void setup_graph(CLI::App& sub, Context& ctx);
void setup_doctor(CLI::App& sub, Context& ctx);
void setup_git(CLI::App& sub, Context& ctx);
void setup_sync(CLI::App& sub, Context& ctx);
void setup_merge(CLI::App& sub, Context& ctx);

}  // namespace kith::cli
