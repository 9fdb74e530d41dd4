#include "cli/editor.h"

#include <cerrno>
#include <cstring>
#include <vector>

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/fsutil.h"
#include "core/text.h"

namespace kith::cli {

std::string editor_command(const Environment& env) {
  for (const char* name : {"VISUAL", "EDITOR"}) {
    if (auto value = env.get(name); value && value->find_first_not_of(" \t") != std::string::npos) {
      return *value;
    }
  }
  return "vi";
}

Result<EditBuffer> EditBuffer::create(const Environment& env, std::string_view stem,
                                      std::string_view content, std::string_view suffix) {
  std::string dir = "/tmp";
  if (auto tmp = env.get("TMPDIR"); tmp && !tmp->empty() && tmp->front() == '/') dir = *tmp;
  std::string name = dir + "/" + std::string(stem) + "-XXXXXX" + std::string(suffix);
  // mkstemps creates the file with mode 0600.
  const int fd = ::mkstemps(name.data(), static_cast<int>(suffix.size()));
  if (fd < 0) {
    return io_error("cannot create a temp file in " + dir + ": " + std::strerror(errno),
                    "set TMPDIR to a writable directory");
  }
  EditBuffer buffer{std::filesystem::path(name)};
  std::string_view rest = content;
  while (!rest.empty()) {
    const ssize_t n = ::write(fd, rest.data(), rest.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      const int err = errno;
      ::close(fd);
      return io_error("cannot write " + name + ": " + std::strerror(err));
    }
    rest.remove_prefix(static_cast<std::size_t>(n));
  }
  if (::close(fd) != 0) return io_error("cannot write " + name + ": " + std::strerror(errno));
  return buffer;
}

EditBuffer::EditBuffer(EditBuffer&& other) noexcept : path_(std::move(other.path_)) {
  other.path_.clear();
}

EditBuffer::~EditBuffer() {
  if (!path_.empty()) ::unlink(path_.c_str());
}

std::filesystem::path EditBuffer::keep() {
  std::filesystem::path kept = std::move(path_);
  path_.clear();
  return kept;
}

Result<std::string> EditBuffer::edit(const Environment& env) {
  const std::string command = editor_command(env);
  const std::string editor = text::sanitize_for_terminal(command);
  std::vector<std::string> args = {"/bin/sh", "-c", command + " \"$1\"", "sh", path_.string()};
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  std::vector<std::string> env_strings;
  for (const auto& [key, value] : env.vars) env_strings.push_back(key + "=" + value);
  std::vector<char*> envp;
  for (auto& e : env_strings) envp.push_back(e.data());
  envp.push_back(nullptr);

  pid_t pid = 0;
  const int rc = ::posix_spawn(&pid, "/bin/sh", nullptr, nullptr, argv.data(), envp.data());
  if (rc != 0) {
    return io_error("cannot run the editor '" + editor + "': " + std::strerror(rc),
                    "set VISUAL or EDITOR to your editor");
  }
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) {
      return io_error("cannot wait for the editor '" + editor + "': " + std::strerror(errno));
    }
  }
  if (WIFSIGNALED(status)) {
    return io_error("the editor '" + editor + "' was killed by signal " +
                    std::to_string(WTERMSIG(status)) + "; nothing was saved");
  }
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    const int code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return io_error(
        "the editor '" + editor + "' failed (exit status " + std::to_string(code) +
            "); nothing was saved",
        code == 127 ? "set VISUAL or EDITOR to an editor that is installed" : std::string());
  }
  auto text = fsutil::read_file(path_);
  if (!text) return text.error();
  if (!text->has_value()) return io_error("the editor removed " + path_.string());
  return std::move(**text);
}

}  // namespace kith::cli
