// The man pages and the --help texts cannot drift apart: every command in the
// command table has a page, man/kith-COMMAND.1.scd, that names each long
// option its --help lists, and kith(1) names every global option, every
// command and every environment variable kith reads. (tests/shell/
// man_pages_test.sh checks that the built pages pass mandoc -Tlint.)
#include <regex>
#include <sstream>

#include <gtest/gtest.h>

#include "cli/app.h"
#include "support/testutil.h"

namespace kith::test::man_pages_test {
namespace {

const fs::path kManDir = fs::path(KITH_SOURCE_DIR) / "man";

std::vector<std::string> long_options_in_help(const std::string& help) {
  std::vector<std::string> out;
  static const std::regex option_line(R"(^  (-\w,)?(--[a-z0-9][a-z0-9-]*))");
  std::istringstream in(help);
  for (std::string line; std::getline(in, line);) {
    std::smatch m;
    if (std::regex_search(line, m, option_line)) out.push_back(m[2]);
  }
  return out;
}

// `word` appears in `text` on its own: "--tag" is not found in "--tags" or
// "--untag".
bool mentions(const std::string& text, const std::string& word) {
  auto is_word_char = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
  };
  for (std::size_t at = text.find(word); at != std::string::npos; at = text.find(word, at + 1)) {
    const bool starts = at == 0 || !is_word_char(text[at - 1]);
    const std::size_t end = at + word.size();
    const bool ends = end == text.size() || !is_word_char(text[end]);
    if (starts && ends) return true;
  }
  return false;
}

class ManPagesTest : public ::testing::Test {
 protected:
  TempDir tmp;
  Kith kith{tmp / "data"};
};

TEST_F(ManPagesTest, EveryCommandHasAPageNamingEachLongOptionOfItsHelp) {
  for (const auto& spec : cli::command_table()) {
    if (spec.hidden) continue;
    const std::string name(spec.name);
    SCOPED_TRACE(name);
    const fs::path page = kManDir / ("kith-" + name + ".1.scd");
    ASSERT_TRUE(fs::exists(page)) << "no man page for `kith " << name << "`: write man/"
                                  << page.filename().string();
    const std::string text = read_file(page);
    const auto options = long_options_in_help(kith.ok({name, "--help"}).out);
    ASSERT_FALSE(options.empty());
    for (const auto& option : options) {
      // --help is every command's, and kith(1) describes it.
      if (option == "--help") continue;
      EXPECT_TRUE(mentions(text, option))
          << page.filename().string() << " does not mention " << option;
    }
    EXPECT_TRUE(mentions(text, "kith-" + name)) << "its NAME line";
  }
}

TEST_F(ManPagesTest, EveryPageHasTheSectionsOfAManPage) {
  std::size_t pages = 0;
  for (const auto& entry : fs::directory_iterator(kManDir)) {
    const std::string file = entry.path().filename().string();
    if (!file.ends_with(".1.scd")) continue;
    ++pages;
    SCOPED_TRACE(file);
    const std::string text = read_file(entry.path());
    const std::string title = file.substr(0, file.size() - std::string(".1.scd").size());
    EXPECT_EQ(text.substr(0, title.size() + 4), title + "(1)\n");
    for (const char* section : {"# NAME\n", "# SYNOPSIS\n", "# DESCRIPTION\n", "# EXIT STATUS\n",
                                "# EXAMPLES\n", "# SEE ALSO\n"}) {
      EXPECT_NE(text.find(section), std::string::npos) << "no " << section;
    }
    EXPECT_TRUE(text.find("# OPTIONS\n") != std::string::npos ||
                text.find("# GLOBAL OPTIONS\n") != std::string::npos)
        << "no OPTIONS";
  }
  EXPECT_GE(pages, 2u);
}

TEST_F(ManPagesTest, KithOneNamesEveryGlobalOptionCommandAndEnvironmentVariable) {
  const std::string text = read_file(kManDir / "kith.1.scd");
  for (const auto& option : long_options_in_help(kith.ok({"--help"}).out)) {
    EXPECT_TRUE(mentions(text, option)) << option;
  }
  for (const auto& spec : cli::command_table()) {
    if (spec.hidden) continue;
    EXPECT_NE(text.find("*" + std::string(spec.name) + "*"), std::string::npos) << spec.name;
    for (auto alias : spec.aliases) {
      EXPECT_NE(text.find("*" + std::string(alias) + "*"), std::string::npos) << alias;
    }
  }
  for (const char* section : {"# FILES\n", "# ENVIRONMENT\n", "# DATES AND DURATIONS\n",
                              "# CONTACT REFERENCES\n", "# COMMANDS\n"}) {
    EXPECT_NE(text.find(section), std::string::npos) << section;
  }
  const std::size_t env_start = text.find("# ENVIRONMENT\n");
  ASSERT_NE(env_start, std::string::npos);
  const std::string environment =
      text.substr(env_start, text.find("\n# ", env_start + 1) - env_start);
  for (const char* variable :
       {"KITH_DIR", "KITH_TODAY", "XDG_DATA_HOME", "XDG_CACHE_HOME", "TZ", "NO_COLOR", "TERM",
        "VISUAL", "EDITOR", "KITH_LOCK_TIMEOUT", "COLUMNS"}) {
    EXPECT_NE(environment.find("*" + std::string(variable) + "*"), std::string::npos)
        << variable << " is not described under ENVIRONMENT";
  }
}

TEST_F(ManPagesTest, PitchExplainsThePluralRuleWithWhatBothSidesBecome) {
  // Each phrase in quotes is one a user could type; the key both become is
  // named as such, so no example reads as a misspelling of the other.
  const std::string text = read_file(kManDir / "kith-pitch.1.scd");
  EXPECT_NE(text.find("\"developer tools\" and \"developers tool\" are both \"developer tool\""),
            std::string::npos);
  EXPECT_EQ(text.find("\"developer tools\" is \"developers tool\""), std::string::npos);
}

}  // namespace
}  // namespace kith::test::man_pages_test
