// kith __complete -- WORDS...: the candidates for the last of WORDS (the words
// typed after `kith`), for the scripts `kith completion` prints. Hidden from
// --help. It walks the parser that runs the commands, so every command and
// option completes as soon as it exists; it reads the data directory only for
// the values that need it, takes no lock and writes nothing.
//
// Output, one candidate per line: `VALUE` or `VALUE<TAB>DESCRIPTION`; or the
// single line `:files` (or `:dirs`) when the shell should complete file (or
// directory) names itself. Always exit 0 once the words are parsed: a missing
// or unreadable data directory only means fewer candidates.
#include <string_view>

#include "cli/commands.h"
#include "core/complete.h"
#include "core/complete_data.h"

namespace kith::cli {
namespace {

struct CompleteOptions {
  std::vector<std::string> words;
};

// "WHEN:{auto,always,never}" (a type name with an IsMember check) -> the values.
std::vector<std::string> choices_of(const std::string& type_name) {
  std::vector<std::string> out;
  const std::size_t open = type_name.find(":{");
  if (open == std::string::npos) return out;
  const std::size_t close = type_name.find('}', open);
  if (close == std::string::npos) return out;
  std::string_view list(type_name.data() + open + 2, close - open - 2);
  while (!list.empty()) {
    const std::size_t comma = list.find(',');
    std::string_view item = list.substr(0, comma);
    while (item.starts_with(' ')) item.remove_prefix(1);
    if (!item.empty()) out.emplace_back(item);
    if (comma == std::string_view::npos) break;
    list.remove_prefix(comma + 1);
  }
  return out;
}

void add_options(const CLI::App& app, complete::Command& command) {
  for (const CLI::Option* opt : app.get_options()) {
    const std::string type = opt->get_type_name();
    if (!opt->nonpositional()) {
      complete::Positional p;
      p.name = opt->get_name();
      p.choices = choices_of(type);
      p.summary = opt->get_description();
      p.multiple = opt->get_items_expected_max() > 1;
      command.positionals.push_back(std::move(p));
      continue;
    }
    complete::Option o;
    for (const auto& name : opt->get_lnames()) o.names.push_back("--" + name);
    for (const auto& name : opt->get_snames()) o.names.push_back("-" + name);
    if (opt->get_items_expected_max() > 0) {
      o.value_name = type.substr(0, type.find(':'));
      if (o.value_name.empty()) o.value_name = "VALUE";
      o.choices = choices_of(type);
    }
    o.summary = opt->get_description();
    o.repeatable = opt->get_expected_max() > 1;
    o.hidden = opt->get_group().empty();
    for (const CLI::Option* other : opt->get_excludes()) o.excludes.push_back(other->get_name());
    command.options.push_back(std::move(o));
  }
}

// The grammar of `app` and its subcommands, as the completion engine reads it.
complete::Command grammar_of(const CLI::App& app) {
  complete::Command command;
  command.name = app.get_name();
  command.aliases = app.get_aliases();
  command.summary = app.get_description();
  command.hidden = app.get_parent() != nullptr && app.get_group().empty();
  add_options(app, command);
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
    if (sub->get_name().empty()) {
      add_options(*sub, command);  // an option group: its options are the command's
    } else {
      command.subcommands.push_back(grammar_of(*sub));
    }
  }
  return command;
}

// A description on one line: the first line, tabs made spaces.
std::string one_line(std::string_view s) {
  std::string out(s.substr(0, s.find('\n')));
  for (char& c : out) {
    if (c == '\t' || c == '\r') c = ' ';
  }
  return out;
}

int run_complete(const CompleteOptions& o, const CLI::App& root, Context& ctx) {
  const complete::Command grammar = grammar_of(root);
  const complete::Position position = complete::locate(grammar, o.words);

  // The data directory the completed command would use.
  std::filesystem::path dir;
  if (auto given = position.given.find("--data-dir");
      given != position.given.end() && !given->second.empty()) {
    dir = given->second.back();
  } else if (auto from_env = ctx.data_dir()) {
    dir = *from_env;
  }
  const complete::DataDirSources sources(dir, ctx.cache_root());
  const complete::Answer answer = complete::answer(position, sources);

  switch (answer.directive) {
    case complete::Directive::files:
      ctx.out << ":files\n";
      return 0;
    case complete::Directive::directories:
      ctx.out << ":dirs\n";
      return 0;
    case complete::Directive::candidates:
      break;
  }
  for (const auto& c : answer.candidates) {
    ctx.out << c.value;
    if (const std::string d = one_line(c.description); !d.empty()) ctx.out << '\t' << d;
    ctx.out << '\n';
  }
  return 0;
}

}  // namespace

void setup_complete(CLI::App& sub, Context& ctx) {
  auto o = std::make_shared<CompleteOptions>();
  // The words are data, never commands or options to run: `kith __complete
  // add Ada` must not add anyone, even without the `--` the scripts pass.
  sub.fallthrough(false);
  sub.add_option("WORDS", o->words,
                 "The words typed after `kith`, after `--`; the last one is being completed");
  sub.callback([o, &sub, &ctx] {
    const CLI::App* root = &sub;
    while (root->get_parent() != nullptr) root = root->get_parent();
    ctx.exit_code = run_complete(*o, *root, ctx);
  });
}

}  // namespace kith::cli
