#include "cli/app.h"

#include <algorithm>

#include "cli/commands.h"
#include "core/suggest.h"
#include "core/text.h"

namespace kith::cli {
namespace {

constexpr std::string_view kVersion = "0.1.0";

// Thrown out of the parser when a global option is bad, before any command
// runs; caught once in run().
struct GlobalOptionError {
  Error error;
};

}  // namespace

std::string_view version() { return kVersion; }

const std::vector<CommandSpec>& command_table() {
  static const std::vector<CommandSpec> table = {
      {"add", "Add a contact and print its id", {}, setup_add},
      {"log", "Record an interaction: a catch-up, a give or an ask", {}, setup_log},
      {"due", "Who is due for a no-need hello, and this month's homework", {}, setup_due},
      {"review",
       "Walk the inbox and who is due on the terminal, one key per action",
       {},
       setup_review},
      {"pitch", "Why a contact would want to hear from you, and a draft message", {}, setup_pitch},
      {"me", "Show or extend your own profile (skills, interests, goals)", {}, setup_me},
      {"list", "List contacts by name", {"ls"}, setup_list},
      {"show", "Show a contact and its interactions", {}, setup_show},
      {"query", "Email addresses for a mail client's completion (mutt, aerc)", {}, setup_query},
      {"done", "Mark a follow-up done", {}, setup_done},
      {"edit", "Change a contact or your profile (no option: in your editor)", {}, setup_edit},
      {"rm", "Archive a contact (--purge: delete it for good)", {}, setup_rm},
      {"restore", "Bring an archived contact back", {}, setup_restore},
      {"snooze", "Keep a contact out of `kith due` until a date", {}, setup_snooze},
      {"unsnooze", "End a contact's snooze now", {}, setup_unsnooze},
      {"stats", "Month by month: new people reached, gives, catch-ups, asks", {}, setup_stats},
      {"graph", "Draw your network: who knows whom, and where it has gone cold", {}, setup_graph},
      {"config", "Show or change the settings kept in kith.json", {}, setup_config},
      {"dupes", "Contacts that are likely one person, and why", {}, setup_dupes},
      {"merge", "Make one contact of several that are one person", {}, setup_merge_contacts},
      {"undo", "Undo the last change kith made (--redo takes it back)", {}, setup_undo},
      {"scan", "Propose interactions from calendars and mail (to the inbox)", {}, setup_scan},
      {"inbox", "What `kith scan` proposes: accept, skip or ignore", {}, setup_inbox},
      {"import", "Bring contacts in: LinkedIn, vCard, CSV, kith JSON", {}, setup_import},
      {"export", "Write contacts out: vCard, CSV, JSON, iCalendar", {}, setup_export},
      {"doctor", "Check every data file; --fix repairs what is safe", {}, setup_doctor},
      {"git", "Run git in the data directory (`kith git init` to start)", {}, setup_git},
      {"sync", "Commit, pull and push the data directory through git", {}, setup_sync},
      {"completion",
       "Print the shell completion script for bash, zsh or fish",
       {},
       setup_completion},
      {"__complete",
       "List the completions of the words typed (for the completion scripts)",
       {},
       setup_complete,
       true},
      {"__merge", "Merge two versions of a kith file (git's merge driver)", {}, setup_merge, true},
  };
  return table;
}

std::unique_ptr<CLI::App> make_app(Context& ctx) {
  auto app = std::make_unique<CLI::App>(
      "kith: build your professional network before you need it.\n"
      "Keep in touch with no-need outreach, log gives and asks, and let\n"
      "`kith due` tell you whom to write to.",
      "kith");
  app->set_version_flag("--version", "kith " + std::string(kVersion));
  app->option_defaults()->always_capture_default(false);
  app->fallthrough();
  app->require_subcommand(0, 1);
  app->add_option("--data-dir", ctx.global.data_dir,
                  "Data directory (env KITH_DIR; default $XDG_DATA_HOME/kith)")
      ->type_name("DIR");
  app->add_option("--today", ctx.global.today,
                  "Pretend today is DATE (env KITH_TODAY; default: the local date)")
      ->type_name("DATE");
  app->add_option("--color", ctx.global.color, "Colour: auto (on a terminal), always or never")
      ->type_name("WHEN")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  app->add_flag("-q,--quiet", ctx.global.quiet, "No confirmations on stderr");
  // Runs once the whole line is parsed and before the command: a bad --today
  // or KITH_TODAY is refused by every command, not only by those using dates.
  app->parse_complete_callback([&ctx] {
    if (auto today = ctx.today(); !today) throw GlobalOptionError{today.error()};
  });
  app->footer(
      "Run `kith COMMAND --help` for a command's options, and `man kith` for the idea,\n"
      "the files and the exit status. `kith` alone runs `kith due`.");
  for (const auto& spec : command_table()) {
    CLI::App* sub = app->add_subcommand(std::string(spec.name), std::string(spec.summary));
    for (auto alias : spec.aliases) sub->alias(std::string(alias));
    if (spec.hidden) sub->group("");
    sub->fallthrough();
    spec.setup(*sub, ctx);
    // A repeatable option takes one value per occurrence, so that
    // `kith list --tag x ada` reads ada as the QUERY, not as a second tag.
    for (CLI::Option* option : sub->get_options()) {
      if (!option->get_positional()) option->allow_extra_args(false);
    }
  }
  return app;
}

namespace {

// Where `kith [GLOBAL OPTIONS] git ARGS...` puts its first git argument, or
// nullopt when the command is not git. `kith git --help` (or -h) alone is
// kith's help for the command.
std::optional<std::size_t> git_arguments(const std::vector<std::string>& args) {
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--data-dir" || a == "--today" || a == "--color") {
      ++i;
      continue;
    }
    if (a == "-q" || a == "--quiet" || a.starts_with("--data-dir=") || a.starts_with("--today=") ||
        a.starts_with("--color=")) {
      continue;
    }
    if (a != "git") return std::nullopt;
    if (i + 2 == args.size() && (args[i + 1] == "--help" || args[i + 1] == "-h")) {
      return std::nullopt;
    }
    return i + 1;
  }
  return std::nullopt;
}

// The hint for a mistyped command: "did you mean `log`?" when one is close.
std::string unknown_command_hint(const std::string& word) {
  std::vector<std::string> names;
  for (const auto& spec : command_table()) {
    if (spec.hidden) continue;
    names.emplace_back(spec.name);
    for (auto alias : spec.aliases) names.emplace_back(alias);
  }
  const auto close = closest_words(word, names);
  if (close.empty()) return "`kith --help` lists the commands";
  return "did you mean " + quote_alternatives(close) + "?";
}

// The hint for words the command line did not expect: "did you mean
// `--give`?" for the first mistyped long option with a close one (the
// command's own or a global option), else where to look.
std::string unexpected_hint(const CLI::App& app, const std::string& where) {
  const CLI::App* command = &app;
  while (!command->get_subcommands().empty()) command = command->get_subcommands().front();
  std::vector<std::string> names;
  for (const CLI::App* a = command; a != nullptr; a = a->get_parent()) {
    for (const CLI::Option* option : a->get_options()) {
      for (const auto& name : option->get_lnames()) names.push_back(name);
    }
  }
  for (std::string word : app.remaining(true)) {
    if (!word.starts_with("--") || word.size() == 2) continue;
    word = word.substr(2, word.find('=') - 2);
    const auto close = closest_words(word, names);
    if (close.empty()) continue;
    std::vector<std::string> options;
    for (const auto& name : close) options.push_back("--" + name);
    return "did you mean " + quote_alternatives(options) + "?";
  }
  return "see `" + where + " --help`";
}

}  // namespace

int run(const std::vector<std::string>& args_in, Context& ctx) {
  std::vector<std::string> args = args_in;
  if (auto first = git_arguments(args)) {
    ctx.passthrough.assign(args.begin() + static_cast<std::ptrdiff_t>(*first), args.end());
    args.resize(*first);
  }
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (!text::is_valid_utf8(args[i])) {
      return ctx.fail(usage_error("argument " + std::to_string(i + 1) + " is not valid UTF-8",
                                  "kith stores text as UTF-8; check the terminal's encoding"));
    }
  }
  auto app = make_app(ctx);
  std::vector<std::string> reversed(args.rbegin(), args.rend());
  try {
    app->parse(reversed);
  } catch (const CLI::CallForHelp&) {
    ctx.out << app->help();
    return 0;
  } catch (const CLI::CallForAllHelp&) {
    ctx.out << app->help("", CLI::AppFormatMode::All);
    return 0;
  } catch (const CLI::CallForVersion&) {
    ctx.out << "kith " << kVersion << "\n";
    return 0;
  } catch (const GlobalOptionError& e) {
    return ctx.fail(e.error);
  } catch (const CLI::ExtrasError& e) {
    if (app->get_subcommands().empty()) {
      const std::vector<std::string> extras = app->remaining();
      if (!extras.empty() && !extras.front().starts_with("-")) {
        return ctx.fail(usage_error("unknown command '" + extras.front() + "'",
                                    unknown_command_hint(extras.front())));
      }
      if (args.empty() || args.front() != "due") {
        // `kith --json` and friends: options of the default command.
        std::vector<std::string> due_args{"due"};
        due_args.insert(due_args.end(), args.begin(), args.end());
        ctx.global = GlobalOptions{};
        return run(due_args, ctx);
      }
    }
    std::string where = "kith";
    for (const auto* sub : app->get_subcommands()) where += " " + sub->get_name();
    return ctx.fail(usage_error(e.what(), unexpected_hint(*app, where)));
  } catch (const CLI::ParseError& e) {
    std::string where = "kith";
    for (const auto* sub : app->get_subcommands()) where += " " + sub->get_name();
    return ctx.fail(usage_error(e.what(), "see `" + where + " --help`"));
  }
  if (app->get_subcommands().empty()) {
    // `kith` alone (perhaps with global options) is `kith due`.
    const auto& table = command_table();
    if (std::none_of(table.begin(), table.end(),
                     [](const CommandSpec& spec) { return spec.name == "due"; })) {
      ctx.out << app->help();
      return 0;
    }
    std::vector<std::string> due_args{"due"};
    due_args.insert(due_args.end(), args.begin(), args.end());
    ctx.global = GlobalOptions{};
    return run(due_args, ctx);
  }
  return ctx.exit_code;
}

}  // namespace kith::cli
