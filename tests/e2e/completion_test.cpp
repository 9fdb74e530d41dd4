// End-to-end: `kith completion SHELL` and the hidden `kith __complete` that
// its scripts call, on a temp data directory. (The real shells are driven by
// tests/shell/completion_*_test.sh.)
#include <algorithm>
#include <regex>
#include <set>
#include <sstream>

#include <gtest/gtest.h>

#include "cli/app.h"
#include "support/testutil.h"

namespace kith::test::completion_test {
namespace {

// The candidates, without their descriptions.
std::vector<std::string> values_of(const std::string& text) {
  std::vector<std::string> out;
  for (const auto& line : lines_of(text)) out.push_back(line.substr(0, line.find('\t')));
  return out;
}

// The long options a --help lists in its Options section.
std::vector<std::string> long_options_in_help(const std::string& help) {
  std::vector<std::string> out;
  static const std::regex option_line(R"(^  (-\w,)?(--[a-z0-9][a-z0-9-]*))");
  for (const auto& line : lines_of(help)) {
    std::smatch m;
    if (std::regex_search(line, m, option_line)) out.push_back(m[2]);
  }
  return out;
}

// Every file under dir with its content, to show that nothing changed.
std::map<std::string, std::string> snapshot(const fs::path& dir) {
  std::map<std::string, std::string> files;
  if (!fs::exists(dir)) return files;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    files[entry.path().string()] = entry.is_regular_file() ? read_file(entry.path()) : "<dir>";
  }
  return files;
}

class CompletionTest : public ::testing::Test {
 protected:
  TempDir tmp;
  Kith kith{tmp / "data"};
  void SetUp() override { kith.today("2026-11-25"); }

  void seed() {
    kith.ok({"-q", "add", "Alma Ames", "--tag", "climate", "--tag", "machine learning"});
    kith.ok({"-q", "add", "Alma Bell", "--skill", "payments"});
    kith.ok({"-q", "add", "Bob Stone"});
  }

  // `kith __complete -- words...`, which must succeed silently on stderr.
  std::string complete(std::vector<std::string> words) {
    words.insert(words.begin(), {"__complete", "--"});
    RunResult r = kith.run(words);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.err, "");
    return r.out;
  }
};

TEST_F(CompletionTest, PrintsExactlyTheScriptThatIsInstalledForEachShell) {
  for (const auto& [shell, file] : std::vector<std::pair<std::string, std::string>>{
           {"bash", "kith.bash"}, {"zsh", "_kith"}, {"fish", "kith.fish"}}) {
    SCOPED_TRACE(shell);
    RunResult r = kith.ok({"completion", shell});
    EXPECT_EQ(r.out, read_file(fs::path(KITH_SOURCE_DIR) / "completions" / file));
    EXPECT_EQ(r.err, "");
  }
  EXPECT_FALSE(fs::exists(tmp / "data"));
}

TEST_F(CompletionTest, AnUnknownShellIsAUsageErrorNamingTheShellsKithKnows) {
  RunResult r = kith.run({"completion", "powershell"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err,
            "kith: error: no completion for shell 'powershell'; kith completes bash, zsh or fish\n"
            "kith: hint: for bash: source <(kith completion bash)\n");
}

TEST_F(CompletionTest, AMissingShellIsAUsageError) {
  RunResult r = kith.run({"completion"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("kith: error: SHELL is required"), std::string::npos) << r.err;
}

TEST_F(CompletionTest, HelpListsCompletionButNotTheHiddenCommand) {
  RunResult r = kith.ok({"--help"});
  EXPECT_NE(r.out.find("completion"), std::string::npos);
  EXPECT_EQ(r.out.find("__complete"), std::string::npos);
}

TEST_F(CompletionTest, CompletesTheVisibleCommandsWithTheirSummaries) {
  const auto lines = lines_of(complete({""}));
  std::vector<std::string> expected;
  for (const auto& spec : cli::command_table()) {
    if (!spec.hidden) expected.push_back(std::string(spec.name) + "\t" + std::string(spec.summary));
  }
  EXPECT_EQ(lines, expected);
  EXPECT_EQ(values_of(complete({"sh"})), std::vector<std::string>{"show"});
  EXPECT_EQ(values_of(complete({"ls"})), std::vector<std::string>{"ls"});
}

TEST_F(CompletionTest, CompletesContactIdsWithTheirNames) {
  seed();
  EXPECT_EQ(complete({"show", "al"}), "alma-ames\tAlma Ames\nalma-bell\tAlma Bell\n");
  // "b": bob-stone by its id, alma-bell by a word of the name.
  EXPECT_EQ(complete({"show", "b"}), "alma-bell\tAlma Bell\nbob-stone\tBob Stone\n");
  EXPECT_EQ(complete({"show", "bo"}), "bob-stone\tBob Stone\n");
  EXPECT_EQ(complete({"show", "z"}), "");
}

TEST_F(CompletionTest, MergeCompletesContactIdsForKeepAndEachOther) {
  seed();
  EXPECT_EQ(complete({"merge", "al"}), "alma-ames\tAlma Ames\nalma-bell\tAlma Bell\n");
  EXPECT_EQ(complete({"merge", "alma-ames", "alma-b"}), "alma-bell\tAlma Bell\n");
  EXPECT_EQ(complete({"merge", "alma-ames", "alma-bell", "bo"}), "bob-stone\tBob Stone\n");
}

TEST_F(CompletionTest, FindsContactsByAWordOfTheirFoldedOrTransliteratedName) {
  kith.ok({"-q", "add", "José Núñez"});
  kith.ok({"-q", "add", "Дмитрий Петров"});
  kith.ok({"-q", "add", "李雷"});
  kith.ok({"-q", "add", "Nora Ito", "--id", "nora"});
  EXPECT_EQ(complete({"show", "nun"}), "jose-nunez\tJosé Núñez\n");
  EXPECT_EQ(complete({"show", "NÚÑ"}), "jose-nunez\tJosé Núñez\n");
  EXPECT_EQ(complete({"show", "dmi"}), "dmitrii-petrov\tДмитрий Петров\n");
  EXPECT_EQ(complete({"show", "pet"}), "dmitrii-petrov\tДмитрий Петров\n");
  EXPECT_EQ(complete({"show", "пет"}), "dmitrii-petrov\tДмитрий Петров\n");
  EXPECT_EQ(complete({"show", "lei"}), "li-lei\t李雷\n");
  EXPECT_EQ(complete({"show", "雷"}), "");  // not the start of a word
  EXPECT_EQ(complete({"show", "李"}), "li-lei\t李雷\n");
  EXPECT_EQ(complete({"show", "no"}), "nora\tNora Ito\n");
  EXPECT_EQ(complete({"show", "ito"}), "nora\tNora Ito\n");
  EXPECT_EQ(complete({"show", "ez"}), "");  // inside a word: nothing
}

TEST_F(CompletionTest, OffersEveryLongOptionOfEveryCommand) {
  for (const auto& spec : cli::command_table()) {
    if (spec.hidden) continue;
    SCOPED_TRACE(std::string(spec.name));
    const auto offered = values_of(complete({std::string(spec.name), "--"}));
    const auto help = long_options_in_help(kith.ok({std::string(spec.name), "--help"}).out);
    ASSERT_FALSE(help.empty());
    for (const auto& option : help) {
      EXPECT_NE(std::find(offered.begin(), offered.end(), option), offered.end()) << option;
    }
  }
  const auto offered = values_of(complete({"-"}));
  for (const auto& option : long_options_in_help(kith.ok({"--help"}).out)) {
    EXPECT_NE(std::find(offered.begin(), offered.end(), option), offered.end()) << option;
  }
}

TEST_F(CompletionTest, CompletesTermsInUseAndKeepsTheOptionBeforeEquals) {
  seed();
  EXPECT_EQ(complete({"list", "--tag", ""}), "climate\nmachine learning\n");
  EXPECT_EQ(complete({"list", "--tag=cl"}), "--tag=climate\n");
  EXPECT_EQ(complete({"add", "X", "--skill", ""}), "payments\n");
  EXPECT_EQ(complete({"add", "X", "--tag", "climate", "--tag", ""}), "machine learning\n");
}

TEST_F(CompletionTest, CompletesFixedValues) {
  EXPECT_EQ(complete({"completion", ""}), "bash\nzsh\nfish\n");
  EXPECT_EQ(complete({"--color", ""}), "auto\nalways\nnever\n");
  EXPECT_EQ(complete({"add", "X", "--every", "q"}), "quarterly\n");
  EXPECT_EQ(complete({"add", "X", "--met", "y"}), "yesterday\n");
  EXPECT_EQ(complete({"--data-dir", ""}), ":dirs\n");
  EXPECT_EQ(complete({"config", "autocommit", ""}), "on\noff\n");
  EXPECT_EQ(complete({"config", "autocommit", "of"}), "off\n");
}

TEST_F(CompletionTest, AMissingDataDirectoryStillCompletesCommandsAndCreatesNothing) {
  EXPECT_EQ(values_of(complete({"sh"})), std::vector<std::string>{"show"});
  EXPECT_EQ(complete({"show", ""}), "");
  EXPECT_EQ(complete({"list", "--tag", ""}), "");
  EXPECT_FALSE(fs::exists(tmp / "data"));
}

TEST_F(CompletionTest, OnlyReads) {
  seed();
  const auto before = snapshot(tmp / "data");
  for (const auto& words : std::vector<std::vector<std::string>>{
           {""}, {"show", ""}, {"list", "--tag", ""}, {"add", "Zed", ""}, {"me", "--"}}) {
    complete(words);
  }
  EXPECT_EQ(snapshot(tmp / "data"), before);
}

TEST_F(CompletionTest, WordsAreNeverRunAsACommandEvenWithoutTheDoubleDash) {
  RunResult r = kith.run({"__complete", "add", "Zed"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_FALSE(fs::exists(tmp / "data"));
  r = kith.run({"__complete", "show", ""});
  EXPECT_EQ(r.exit_code, 0) << r.err;
}

TEST_F(CompletionTest, ReadsTheDataDirectoryNamedOnTheCommandLine) {
  seed();
  Kith other{tmp / "other"};
  other.today("2026-11-25");
  other.ok({"-q", "add", "Carla Cruz"});
  EXPECT_EQ(complete({"--data-dir", (tmp / "other").string(), "show", ""}),
            "carla-cruz\tCarla Cruz\n");
  EXPECT_EQ(complete({"--data-dir=" + (tmp / "other").string(), "show", "c"}),
            "carla-cruz\tCarla Cruz\n");
}

TEST_F(CompletionTest, DamagedFilesGiveFewerCandidatesNeverAnError) {
  seed();
  write_file(tmp / "data/contacts/broken.json", "{ not json");
  write_file(tmp / "data/log/2026-11.jsonl", "{\"id\": \"x\", \"kind\": \"hike\"}\n{torn");
  EXPECT_EQ(complete({"show", "b"}), "alma-bell\tAlma Bell\nbob-stone\tBob Stone\nbroken\n");
  EXPECT_EQ(complete({"list", "--tag", "c"}), "climate\n");
}

TEST_F(CompletionTest, ListsTenThousandContactsFromTheirFileNames) {
  for (int i = 0; i < 10000; ++i) {
    char id[16];
    std::snprintf(id, sizeof id, "c-%05d", i);
    // Not valid contacts: completion lists ids without reading the files.
    write_file(tmp / "data/contacts" / (std::string(id) + ".json"),
               i < 9990 ? "" : "{\"name\": \"Number " + std::to_string(i) + "\"}");
  }
  EXPECT_EQ(lines_of(complete({"show", ""})).size(), 10000u);
  const auto last = lines_of(complete({"show", "c-0999"}));
  ASSERT_EQ(last.size(), 10u);
  EXPECT_EQ(last.front(), "c-09990\tNumber 9990");
  EXPECT_EQ(last.back(), "c-09999\tNumber 9999");
}

}  // namespace
}  // namespace kith::test::completion_test
