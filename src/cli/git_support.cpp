#include "cli/git_support.h"

#include <algorithm>
#include <array>

#include "core/layout.h"

namespace kith::cli {
namespace {

// Variables with which git would work on another repository, or answer
// for one it is not in (GIT_CEILING_DIRECTORIES is set anew).
constexpr std::array<std::string_view, 8> kRepositoryVariables = {
    "GIT_DIR",        "GIT_WORK_TREE", "GIT_INDEX_FILE",          "GIT_OBJECT_DIRECTORY",
    "GIT_COMMON_DIR", "GIT_NAMESPACE", "GIT_CEILING_DIRECTORIES", "GIT_PREFIX",
};

}  // namespace

git::Runner git_runner(const Context& ctx) {
  git::Runner runner;
  for (const auto& [name, value] : ctx.env().vars) {
    bool skip = false;
    for (auto v : kRepositoryVariables) skip = skip || name == v;
    if (!skip) runner.env.push_back(name + "=" + value);
  }
  // git never looks above the data directory for a repository: a data
  // directory inside another work tree (dotfiles) is not that repository.
  if (auto dir = ctx.data_dir()) {
    std::error_code ec;
    const fs::path absolute = fs::absolute(*dir, ec);
    if (!ec) {
      runner.env.push_back("GIT_CEILING_DIRECTORIES=" +
                           absolute.lexically_normal().parent_path().string());
    }
  }
  return runner;
}

void commit_change(Context& ctx, const Store& store, const std::string& message) {
  if (auto s = store.record_undo(message, ctx.env().now); !s) {
    ctx.warn("the change is saved, but `kith undo` cannot undo it: " + s.error().message);
  }
  commit_files(ctx, store, message);
}

void commit_files(Context& ctx, const Store& store, const std::string& message) {
  if (store.changed_files().empty() || !git::is_repository(store.dir())) return;
  // A writer in a fresh clone: the merges of what it commits need the drivers.
  register_merge_drivers(ctx);
  std::vector<std::string> paths = store.changed_files();
  // A data directory that `kith git init` set up before the inbox existed
  // has no rule for it: the first change of the inbox brings the rule.
  if (std::find(paths.begin(), paths.end(), layout::kInboxFile) != paths.end()) {
    auto wrote = git::ensure_lines(store.dir() / ".gitattributes",
                                   std::string(layout::kInboxFile) + " merge=kith-inbox\n");
    if (!wrote) ctx.warn(wrote.error().message);
    if (wrote && *wrote) paths.emplace_back(".gitattributes");
  }
  auto config = store.load_config();
  if (!config) return;
  auto settings = settings_of(*config, layout::kConfigFile);
  if (settings && !settings->autocommit) return;
  auto committed =
      git::commit_paths(git_runner(ctx), store.dir(), paths, message, ctx.env().hostname);
  if (!committed) {
    ctx.warn("the change is saved but not committed: " + committed.error().message);
    ctx.err << "kith: hint: commit it with `kith git add -A && kith git commit`, or turn this "
               "off with `kith config autocommit off`\n";
  }
}

void register_merge_drivers(Context& ctx) {
  if (ctx.env().executable.empty()) return;
  auto dir = ctx.data_dir();
  if (!dir || !git::is_repository(*dir)) return;
  auto done = git::ensure_drivers(git_runner(ctx), *dir, ctx.env().executable);
  if (!done) ctx.warn(done.error().message);
  if (auto excluded = git::ensure_local_files_excluded(*dir); !excluded) {
    ctx.warn(excluded.error().message);
  }
}

}  // namespace kith::cli
