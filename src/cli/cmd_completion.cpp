// kith completion SHELL: prints the completion script for bash, zsh or fish,
// the very file `cmake --install` lays out, so that
// `source <(kith completion bash)` works without installing anything.
#include <algorithm>

#include "cli/commands.h"
#include "core/text.h"
#include "core/vocabulary.h"
#include "generated/completion_scripts.h"

namespace kith::cli {
namespace {

struct CompletionOptions {
  std::string shell;
};

int run_completion(const CompletionOptions& o, Context& ctx) {
  for (const auto& script : scripts::embedded_files) {
    if (script.name == o.shell) {
      ctx.out << script.content;
      return 0;
    }
  }
  std::string known;
  const auto shells = completion_shells();
  for (std::size_t i = 0; i < shells.size(); ++i) {
    known += (i == 0 ? "" : i + 1 == shells.size() ? " or " : ", ") + std::string(shells[i]);
  }
  return ctx.fail(usage_error("no completion for shell '" + text::sanitize_for_terminal(o.shell) +
                                  "'; kith completes " + known,
                              "for bash: source <(kith completion bash)"));
}

}  // namespace

void setup_completion(CLI::App& sub, Context& ctx) {
  auto o = std::make_shared<CompletionOptions>();
  sub.add_option("SHELL", o->shell, "bash, zsh or fish")->required();
  sub.footer(
      "Try it now:    source <(kith completion bash)     (bash, with bash-completion)\n"
      "               source <(kith completion zsh)      (zsh, after compinit)\n"
      "               kith completion fish | source      (fish)\n"
      "`man kith-completion` says where to install the script for good.");
  sub.callback([o, &ctx] { ctx.exit_code = run_completion(*o, ctx); });
}

}  // namespace kith::cli
