// Shared by the reliability tests (tests/e2e/reliability_*_test.cpp): the
// table of writing commands they all drive, snapshots of a data directory,
// checks that every file parses, and the privileged helpers (strace, a private
// mount namespace for tmpfs and read-only bind mounts).
//
// Every writing command has one row in writers(); the crash, durability,
// disk-full and read-only tests run every row, so a new writer is covered by
// adding its row.
#pragma once

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <sched.h>
#include <sys/mount.h>
#include <unistd.h>

#include "support/testutil.h"

namespace kith::test {

using Json = nlohmann::ordered_json;

// --- Files -----------------------------------------------------------------

inline bool is_temp_file(const fs::path& p) {
  const std::string name = p.filename().string();
  return name.size() > 1 && name.front() == '.' && name.find(".tmp-") != std::string::npos;
}

// Every regular file under `dir` (relative path -> content), without the lock
// file and temp files: what kith's data is.
inline std::map<std::string, std::string> snapshot(const fs::path& dir) {
  std::map<std::string, std::string> files;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::end(it);
       it.increment(ec)) {
    if (!it->is_regular_file() || is_temp_file(it->path())) continue;
    const std::string rel = it->path().lexically_relative(dir).string();
    // The lock, and the undo journal (what a change replaced, not a record).
    if (rel == ".lock" || rel.starts_with(".undo/")) continue;
    files[rel] = read_file(it->path());
  }
  return files;
}

inline std::vector<std::string> temp_files(const fs::path& dir) {
  std::vector<std::string> found;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::end(it);
       it.increment(ec)) {
    if (is_temp_file(it->path())) found.push_back(it->path().lexically_relative(dir).string());
  }
  return found;
}

// Fails the test unless every .json file is one JSON document and every
// .jsonl file is whole lines of JSON, each ending in a newline.
inline void expect_every_file_parses(const fs::path& dir, const std::string& context = "") {
  for (const auto& [rel, content] : snapshot(dir)) {
    if (rel.ends_with(".json")) {
      EXPECT_TRUE(Json::accept(content)) << context << ": " << rel << " is not JSON:\n" << content;
    } else if (rel.ends_with(".jsonl")) {
      EXPECT_TRUE(content.empty() || content.back() == '\n')
          << context << ": " << rel << " ends without a newline";
      std::size_t pos = 0;
      int line = 0;
      while (pos < content.size()) {
        ++line;
        std::size_t end = content.find('\n', pos);
        if (end == std::string::npos) end = content.size();
        const std::string text = content.substr(pos, end - pos);
        if (text.find_first_not_of(" \t\r") != std::string::npos) {  // kith skips blank lines
          EXPECT_TRUE(Json::accept(text))
              << context << ": " << rel << ":" << line << " is not JSON";
        }
        pos = end + 1;
      }
    }
  }
}

// Every JSON line of every log file.
inline std::vector<Json> log_lines(const fs::path& dir) {
  std::vector<Json> lines;
  for (const auto& [rel, content] : snapshot(dir)) {
    if (!rel.starts_with("log/") || !rel.ends_with(".jsonl")) continue;
    std::size_t pos = 0;
    while (pos < content.size()) {
      std::size_t end = content.find('\n', pos);
      if (end == std::string::npos) end = content.size();
      const std::string line = content.substr(pos, end - pos);
      if (Json::accept(line)) lines.push_back(Json::parse(line));
      pos = end + 1;
    }
  }
  return lines;
}

inline void copy_tree(const fs::path& from, const fs::path& to) {
  fs::remove_all(to);
  fs::copy(from, to, fs::copy_options::recursive);
}

// The readers a user runs after a crash: each must exit 0 with one JSON
// document on stdout.
inline void expect_readers_work(const Kith& kith, const std::string& context = "") {
  for (const auto& args :
       std::vector<std::vector<std::string>>{{"list", "--all", "--json"}, {"due", "--json"}}) {
    auto r = kith.run(args);
    EXPECT_EQ(r.exit_code, 0) << context << ": kith " << args[0] << "\n" << r.err;
    EXPECT_TRUE(Json::accept(r.out)) << context << ": kith " << args[0] << "\n" << r.out;
  }
}

// --- The writing commands --------------------------------------------------

// One writing command as the reliability tests drive it: run k (0, 1, 2…)
// makes one change that applied() can recognise in the files.
struct Writer {
  std::string name;
  // Prepares a data directory for runs 0..count-1 (contacts to log with,
  // follow-ups to close…).
  std::function<void(const Kith&, const fs::path& data, int count)> setup;
  // The command line of run k (files it reads live next to `data`).
  std::function<std::vector<std::string>(const fs::path& data, int k)> args;
  // True when run k's change is wholly in the files.
  std::function<bool(const fs::path& data, int k)> applied;
  bool appends = false;  // changes a log file by appending to it
  // Changes several files, one after the other: a kill between two of them
  // leaves some changed and some not (each file as before or as after, and
  // running the command again finishes the job). False: one file, so the
  // whole directory is as before or as after.
  bool many_files = false;
  // A kill between its files leaves a state that `kith doctor --fix`
  // completes (rather than running the command again).
  bool doctor_finishes = false;
};

inline std::optional<Json> json_file(const fs::path& p) {
  std::error_code ec;
  if (!fs::exists(p, ec)) return std::nullopt;
  const std::string text = read_file(p);
  if (!Json::accept(text)) return std::nullopt;
  return Json::parse(text);
}

inline void add_base_contacts(const Kith& kith) {
  kith.ok({"add", "Ada Lovelace", "--id", "ada", "--skill", "math", "-q"});
  kith.ok({"add", "Grace Hopper", "--id", "grace", "--interest", "math", "-q"});
}

inline const std::vector<Writer>& writers() {
  static const std::vector<Writer> table = {
      {"add", [](const Kith& kith, const fs::path&, int) { add_base_contacts(kith); },
       [](const fs::path&, int k) {
         const std::string n = std::to_string(k);
         return std::vector<std::string>{"add",   "Person " + n, "--id",   "person-" + n,
                                         "--tag", "crash",       "--note", std::string(3000, 'n')};
       },
       [](const fs::path& data, int k) {
         auto j = json_file(data / "contacts" / ("person-" + std::to_string(k) + ".json"));
         return j && (*j)["name"] == "Person " + std::to_string(k);
       }},
      {"log", [](const Kith& kith, const fs::path&, int) { add_base_contacts(kith); },
       [](const fs::path&, int k) {
         return std::vector<std::string>{"log",    "ada",    "grace",
                                         "--give", "--note", "entry-" + std::to_string(k)};
       },
       [](const fs::path& data, int k) {
         for (const auto& line : log_lines(data)) {
           if (line.value("note", "") == "entry-" + std::to_string(k)) return true;
         }
         return false;
       },
       true},
      {"me",
       [](const Kith& kith, const fs::path&, int) {
         add_base_contacts(kith);
         kith.ok({"me", "--name", "Me Myself", "-q"});
       },
       [](const fs::path&, int k) {
         return std::vector<std::string>{"me", "--skill", "skill-" + std::to_string(k)};
       },
       [](const fs::path& data, int k) {
         auto j = json_file(data / "me.json");
         if (!j) return false;
         for (const auto& s : (*j)["skills"]) {
           if (s == "skill-" + std::to_string(k)) return true;
         }
         return false;
       }},
      {"done",
       [](const Kith& kith, const fs::path& data, int count) {
         add_base_contacts(kith);
         std::string lines;
         for (int k = 0; k < count; ++k) {
           Json line = interaction("fu-" + std::to_string(k), "2026-11-02", {"ada"});
           line["follow_up"] = {{"text", "task " + std::to_string(k)}, {"by", "2026-11-20"}};
           lines += line.dump() + "\n";
         }
         write_file(data / "log" / "2026-11.jsonl", lines);
       },
       [](const fs::path&, int k) {
         return std::vector<std::string>{"done", "fu-" + std::to_string(k)};
       },
       [](const fs::path& data, int k) {
         for (const auto& line : log_lines(data)) {
           if (line.value("id", "") == "fu-" + std::to_string(k)) {
             return line["follow_up"].value("done_on", Json(nullptr)) == "2026-11-25";
           }
         }
         return false;
       }},
      {"edit_interaction_month",
       [](const Kith& kith, const fs::path& data, int count) {
         add_base_contacts(kith);
         std::string lines;
         for (int k = 0; k < count; ++k) {
           lines += interaction("mv-" + std::to_string(k), "2026-11-02", {"ada"}).dump() + "\n";
         }
         write_file(data / "log" / "2026-11.jsonl", lines);
       },
       [](const fs::path&, int k) {
         return std::vector<std::string>{"edit", "mv-" + std::to_string(k), "--date", "2026-10-15",
                                         "--give"};
       },
       [](const fs::path& data, int k) {
         int copies = 0;
         bool moved = false;
         for (const auto& line : log_lines(data)) {
           if (line.value("id", "") != "mv-" + std::to_string(k)) continue;
           ++copies;
           moved = line["date"] == "2026-10-15" && line["intent"] == "give";
         }
         return copies == 1 && moved;
       },
       false, true, true},
      {"rm_interaction",
       [](const Kith& kith, const fs::path& data, int count) {
         add_base_contacts(kith);
         std::string lines;
         for (int k = 0; k < count; ++k) {
           lines += interaction("gone-" + std::to_string(k), "2026-11-02", {"ada"}).dump() + "\n";
         }
         write_file(data / "log" / "2026-11.jsonl", lines);
       },
       [](const fs::path&, int k) {
         return std::vector<std::string>{"rm", "gone-" + std::to_string(k), "--yes"};
       },
       [](const fs::path& data, int k) {
         for (const auto& line : log_lines(data)) {
           if (line.value("id", "") == "gone-" + std::to_string(k)) return false;
         }
         return true;
       }},
      {"edit",
       [](const Kith& kith, const fs::path&, int count) {
         add_base_contacts(kith);
         for (int k = 0; k < count; ++k) {
           const std::string n = std::to_string(k);
           kith.ok({"add", "Person " + n, "--id", "person-" + n, "--skill", "old", "-q"});
         }
       },
       [](const fs::path&, int k) {
         const std::string n = std::to_string(k);
         return std::vector<std::string>{"edit",      "person-" + n,         "--role",
                                         "Role " + n, "--no-skill",          "old",
                                         "--note",    std::string(3000, 'e')};
       },
       [](const fs::path& data, int k) {
         auto j = json_file(data / "contacts" / ("person-" + std::to_string(k) + ".json"));
         return j && (*j)["role"] == "Role " + std::to_string(k) && (*j)["skills"].empty();
       }},
      {"rm_purge",
       [](const Kith& kith, const fs::path& data, int count) {
         add_base_contacts(kith);
         std::string october, november;
         for (int k = 0; k < count; ++k) {
           const std::string n = std::to_string(k), id = "person-" + n;
           kith.ok({"add", "Person " + n, "--id", id, "-q"});
           october += log_line("alone-" + n, "2026-10-02", {id});
           november += log_line("shared-" + n, "2026-11-02", {"ada", id});
         }
         write_file(data / "log" / "2026-10.jsonl", october);
         write_file(data / "log" / "2026-11.jsonl", november);
       },
       [](const fs::path&, int k) {
         return std::vector<std::string>{"rm", "--purge", "--yes", "person-" + std::to_string(k)};
       },
       [](const fs::path& data, int k) {
         const std::string id = "person-" + std::to_string(k);
         if (fs::exists(data / "contacts" / (id + ".json"))) return false;
         bool shared_kept = false;
         for (const auto& line : log_lines(data)) {
           for (const auto& c : line["contacts"]) {
             if (c == id) return false;
           }
           if (line["id"] == "alone-" + std::to_string(k)) return false;
           if (line["id"] == "shared-" + std::to_string(k)) {
             shared_kept = line["contacts"] == Json{"ada"};
           }
         }
         return shared_kept;
       },
       false, true},
      {"import",
       [](const Kith& kith, const fs::path& data, int count) {
         add_base_contacts(kith);
         for (int k = 0; k < count; ++k) {
           std::string csv = "name,company,email,skills\n";
           for (const char* who : {"alpha", "beta", "gamma", "delta", "epsilon"}) {
             csv += "Import " + std::to_string(k) + " " + who + ",Acme," + who + "-" +
                    std::to_string(k) + "@example.org,chess\n";
           }
           write_file(data.parent_path() / ("import-" + std::to_string(k) + ".csv"), csv);
         }
       },
       [](const fs::path& data, int k) {
         return std::vector<std::string>{
             "import", "csv",
             (data.parent_path() / ("import-" + std::to_string(k) + ".csv")).string()};
       },
       [](const fs::path& data, int k) {
         for (const char* who : {"alpha", "beta", "gamma", "delta", "epsilon"}) {
           const std::string name = "Import " + std::to_string(k) + " " + who;
           auto j =
               json_file(data / "contacts" / ("import-" + std::to_string(k) + "-" + who + ".json"));
           if (!j || (*j)["name"] != name) return false;
         }
         return true;
       },
       false, true},
      {"merge",
       [](const Kith& kith, const fs::path& data, int count) {
         // keep-k and other-k, in two months of the log (one line shared
         // with ada, one naming both), for each run k.
         add_base_contacts(kith);
         std::string october, november;
         for (int k = 0; k < count; ++k) {
           const std::string n = std::to_string(k), keep = "keep-" + n, other = "other-" + n;
           kith.ok({"add", "Keep " + n, "--id", keep, "--email", "k" + n + "@example.org",
                    "--company", "Acme", "-q"});
           kith.ok({"add", "Other " + n, "--id", other, "--email", "o" + n + "@example.org",
                    "--company", "Globex", "--skill", "chess", "-q"});
           october +=
               log_line("o-" + n, "2026-10-02", {other}) + log_line("k-" + n, "2026-10-03", {keep});
           november += log_line("s-" + n, "2026-11-02", {"ada", other}) +
                       log_line("b-" + n, "2026-11-03", {other, keep});
         }
         write_file(data / "log" / "2026-10.jsonl", october);
         write_file(data / "log" / "2026-11.jsonl", november);
       },
       [](const fs::path&, int k) {
         const std::string n = std::to_string(k);
         return std::vector<std::string>{"merge", "keep-" + n, "other-" + n, "--yes"};
       },
       [](const fs::path& data, int k) {
         const std::string n = std::to_string(k), keep = "keep-" + n, other = "other-" + n;
         if (fs::exists(data / "contacts" / (other + ".json"))) return false;
         auto j = json_file(data / "contacts" / (keep + ".json"));
         if (!j || (*j)["aliases"] != Json::array({other}) ||
             (*j)["emails"] != Json::array({"k" + n + "@example.org", "o" + n + "@example.org"})) {
           return false;
         }
         int named = 0;
         for (const auto& line : log_lines(data)) {
           for (const auto& c : line["contacts"]) {
             if (c == other) return false;
             if (c == keep) ++named;
           }
         }
         return named == 4;
       },
       false, true},
  };
  return table;
}

inline void PrintTo(const Writer& w, std::ostream* os) { *os << w.name; }

inline std::string writer_name(const ::testing::TestParamInfo<Writer>& info) {
  return info.param.name;
}

// --- Privileged helpers ----------------------------------------------------

inline bool strace_works() {
  static const bool works =
      std::system("strace -qq -o /dev/null true >/dev/null 2>&1") == 0;  // NOLINT
  return works;
}

// `kith` run under strace with these options. LeakSanitizer cannot work
// under ptrace, so a sanitizer build turns it off for such runs.
inline Kith under_strace(Kith kith, const std::vector<std::string>& options) {
  const char* asan = std::getenv("ASAN_OPTIONS");
  const std::string before = asan && *asan ? std::string(asan) + ":" : "";
  kith.env("ASAN_OPTIONS", before + "detect_leaks=0");
  std::vector<std::string> prefix{"strace", "-qq"};
  prefix.insert(prefix.end(), options.begin(), options.end());
  kith.wrap(prefix);
  return kith;
}

#define KITH_REQUIRE_STRACE()                                                               \
  do {                                                                                      \
    if (!::kith::test::strace_works()) {                                                    \
      GTEST_SKIP() << "needs a working strace (Debian package strace, and ptrace allowed)"; \
    }                                                                                       \
  } while (0)

// A private mount namespace for this test process (ctest runs each test in
// its own process), so that tmpfs and bind mounts are seen by this test and
// the kith it runs only, and vanish with it. Needs root.
class MountNamespace {
 public:
  // Empty on success, else why not (the test then skips).
  std::string enter() {
    if (::geteuid() != 0) return "needs root to mount (CI runs as root)";
    if (::unshare(CLONE_NEWNS) != 0) return std::string("unshare(CLONE_NEWNS): ") + strerror(errno);
    if (::mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0) {
      return std::string("cannot make mounts private: ") + strerror(errno);
    }
    return {};
  }
  // Empty on success, else the error.
  std::string mount_tmpfs(const fs::path& at, const std::string& options) {
    fs::create_directories(at);
    if (::mount("tmpfs", at.c_str(), "tmpfs", 0, options.c_str()) != 0) {
      return std::string("mount tmpfs: ") + strerror(errno);
    }
    mounted_.push_back(at);
    return {};
  }
  std::string bind_read_only(const fs::path& dir) {
    if (::mount(dir.c_str(), dir.c_str(), nullptr, MS_BIND | MS_REC, nullptr) != 0) {
      return std::string("bind mount: ") + strerror(errno);
    }
    mounted_.push_back(dir);
    if (::mount(nullptr, dir.c_str(), nullptr, MS_REMOUNT | MS_BIND | MS_RDONLY, nullptr) != 0) {
      return std::string("remount read-only: ") + strerror(errno);
    }
    return {};
  }
  ~MountNamespace() {
    for (auto it = mounted_.rbegin(); it != mounted_.rend(); ++it) {
      ::umount2(it->c_str(), MNT_DETACH);
    }
  }

 private:
  std::vector<fs::path> mounted_;
};

}  // namespace kith::test
