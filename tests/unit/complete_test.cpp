#include "core/complete.h"

#include <ostream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace kith::complete::complete_test {
namespace {

Option option(std::vector<std::string> names, std::string value_name, std::string summary) {
  Option o;
  o.names = std::move(names);
  o.value_name = std::move(value_name);
  o.summary = std::move(summary);
  return o;
}

Option repeatable(Option o) {
  o.repeatable = true;
  return o;
}

Option excluding(Option o, std::string other) {
  o.excludes.push_back(std::move(other));
  return o;
}

Option with_choices(Option o, std::vector<std::string> choices) {
  o.choices = std::move(choices);
  return o;
}

Positional positional(std::string name, bool multiple = false) {
  Positional p;
  p.name = std::move(name);
  p.summary = "The " + p.name;
  p.multiple = multiple;
  return p;
}

Command command(std::string name, std::string summary) {
  Command c;
  c.name = std::move(name);
  c.summary = std::move(summary);
  c.options = {option({"--help", "-h"}, "", "Print this help message and exit")};
  return c;
}

// A grammar shaped like kith's, written out by hand so that these tests pin
// the engine and not the commands of the day.
Command test_grammar() {
  Command root;
  root.options = {
      option({"--help", "-h"}, "", "Print this help message and exit"),
      option({"--version"}, "", "Display program version information and exit"),
      option({"--data-dir"}, "DIR", "Data directory"),
      option({"--today"}, "DATE", "Pretend today is DATE"),
      with_choices(option({"--color"}, "WHEN", "Colour"), {"auto", "always", "never"}),
      option({"--quiet", "-q"}, "", "No confirmations"),
  };
  Command add = command("add", "Add a contact");
  Option secret = option({"--secret"}, "", "Not for completion");
  secret.hidden = true;
  add.options.insert(add.options.end(), {
                                            repeatable(option({"--tag"}, "T", "A tag")),
                                            repeatable(option({"--skill"}, "S", "A skill")),
                                            option({"--every"}, "DURATION", "How often"),
                                            option({"--template"}, "TEXT", "A template file"),
                                            option({"--json"}, "", "Print JSON"),
                                            secret,
                                        });
  add.positionals = {positional("NAME")};
  Command log = command("log", "Record an interaction");
  log.options.insert(log.options.end(), {
                                            excluding(option({"--give"}, "", "A give"), "--ask"),
                                            excluding(option({"--ask"}, "", "An ask"), "--give"),
                                            option({"--kind"}, "KIND", "Kind"),
                                            option({"--date"}, "DATE", "When"),
                                            option({"--within"}, "DURATION", "Look ahead"),
                                        });
  log.positionals = {positional("CONTACT", /*multiple=*/true)};
  Command list = command("list", "List contacts");
  list.aliases = {"ls"};
  list.positionals = {positional("QUERY")};
  Command done = command("done", "Mark a follow-up done");
  done.positionals = {positional("FOLLOW_UP_ID")};
  Command config = command("config", "Settings");
  config.positionals = {positional("KEY"), positional("VALUE")};
  Command completion = command("completion", "Print a completion script");
  completion.positionals = {positional("SHELL")};
  Command paint = command("paint", "Choices on a positional");
  paint.positionals = {positional("HUE")};
  paint.positionals[0].choices = {"red", "green"};
  Command hidden = command("__complete", "Completions");
  hidden.hidden = true;
  hidden.positionals = {positional("WORDS", /*multiple=*/true)};
  root.subcommands = {add, log, list, done, config, completion, paint, hidden};
  return root;
}

class FakeSources : public Sources {
 public:
  mutable std::vector<std::string> calls;

  std::vector<Candidate> contacts(std::string_view prefix) const override {
    calls.push_back("contacts:" + std::string(prefix));
    std::vector<Candidate> out;
    for (const char* id : {"alma-ames", "alma-bell", "bob-stone"}) {
      if (std::string_view(id).starts_with(prefix)) out.push_back({id, "a name"});
    }
    return out;
  }
  std::vector<Candidate> open_follow_ups() const override {
    calls.push_back("follow_ups");
    return {{"20261105T212043Z-046f02", "Send the CV (by 2026-11-12)"}};
  }
  std::vector<std::string> terms(ValueKind kind) const override {
    calls.push_back(kind == ValueKind::tag ? "tags" : "other terms");
    if (kind == ValueKind::tag) return {"climate", "machine learning", "Rust"};
    return {"payments"};
  }
  std::vector<std::string> kinds() const override {
    calls.push_back("kinds");
    return {"coffee", "hike"};
  }
};

std::vector<std::string> values(const Answer& a) {
  std::vector<std::string> out;
  for (const auto& c : a.candidates) out.push_back(c.value);
  return out;
}

struct Case {
  const char* label;
  std::vector<std::string> words;
  std::vector<std::string> expected;
  Directive directive = Directive::candidates;
};

std::ostream& operator<<(std::ostream& os, const Case& c) { return os << c.label; }

class AnswerTest : public testing::TestWithParam<Case> {};

TEST_P(AnswerTest, OffersExactlyTheExpectedCandidates) {
  const Case& c = GetParam();
  const Command root = test_grammar();
  FakeSources sources;
  const Answer a = answer(locate(root, c.words), sources);
  EXPECT_EQ(a.directive, c.directive);
  EXPECT_EQ(values(a), c.expected);
}

const std::vector<std::string> kKinds = {"coffee",  "lunch", "call",  "video", "email", "message",
                                         "meeting", "event", "intro", "other", "hike"};
const std::vector<std::string> kDates = {"today",    "yesterday", "tomorrow", "monday",
                                         "tuesday",  "wednesday", "thursday", "friday",
                                         "saturday", "sunday"};
const std::vector<std::string> kDurations = {
    "2w", "1m", "3m", "6m", "1y", "weekly", "biweekly", "monthly", "quarterly", "yearly"};
const std::vector<std::string> kCadences = {
    "2w", "1m", "3m", "6m", "1y", "weekly", "biweekly", "monthly", "quarterly", "yearly", "off"};

INSTANTIATE_TEST_SUITE_P(
    Table, AnswerTest,
    testing::Values(
        // Commands
        Case{"no_words_lists_visible_commands_in_order",
             {},
             {"add", "log", "list", "done", "config", "completion", "paint"}},
        Case{"empty_word_lists_visible_commands",
             {""},
             {"add", "log", "list", "done", "config", "completion", "paint"}},
        Case{"prefix_filters_commands", {"l"}, {"log", "list"}},
        Case{"prefix_ignores_ascii_case", {"LO"}, {"log"}},
        Case{"alias_offered_when_only_it_matches", {"ls"}, {"ls"}},
        Case{"hidden_command_never_offered", {"__"}, {}},
        Case{"global_option_before_command_is_skipped",
             {"-q", ""},
             {"add", "log", "list", "done", "config", "completion", "paint"}},
        Case{"global_option_value_is_skipped",
             {"--today", "2026-01-01", "c"},
             {"config", "completion"}},
        Case{"unknown_command_word_leaves_only_options", {"nope", "--q"}, {"--quiet"}},
        // Options
        Case{"dash_lists_main_names_of_root_options",
             {"-"},
             {"--help", "--version", "--data-dir", "--today", "--color", "--quiet"}},
        Case{"short_prefix_matches_short_names", {"-q"}, {"-q"}},
        Case{"subcommand_offers_its_own_options_not_the_global_ones",
             {"log", "--"},
             {"--help", "--give", "--ask", "--kind", "--date", "--within"}},
        Case{"hidden_option_not_offered", {"add", "--s"}, {"--skill"}},
        Case{"used_option_not_offered_again", {"add", "--json", "--j"}, {}},
        Case{"repeatable_option_offered_again",
             {"add", "--tag", "x", "--t"},
             {"--tag", "--template"}},
        Case{"exclusive_options_hide_each_other",
             {"log", "--give", "--"},
             {"--help", "--kind", "--date", "--within"}},
        Case{"exclusion_holds_in_either_direction", {"log", "--ask", "--g"}, {}},
        Case{"no_options_after_double_dash", {"log", "--", "-"}, {}},
        Case{"options_listed_when_nothing_positional_is_left",
             {"add", "Ada", ""},
             {"--help", "--tag", "--skill", "--every", "--template", "--json"}},
        // Values from the data
        Case{"contact_positional_lists_matching_ids", {"log", "al"}, {"alma-ames", "alma-bell"}},
        Case{"contact_prefix_ignores_case", {"log", "AL"}, {"alma-ames", "alma-bell"}},
        Case{"contacts_already_given_not_offered_again", {"log", "alma-ames", "al"}, {"alma-bell"}},
        Case{"contacts_after_options", {"log", "--give", "--kind", "call", "b"}, {"bob-stone"}},
        Case{"contacts_after_short_global_option", {"log", "-q", "bo"}, {"bob-stone"}},
        Case{"contacts_after_double_dash", {"log", "--", "bo"}, {"bob-stone"}},
        Case{"follow_up_ids", {"done", ""}, {"20261105T212043Z-046f02"}},
        Case{"tags_in_use", {"add", "--tag", ""}, {"climate", "machine learning", "Rust"}},
        Case{"tag_prefix_ignores_case", {"add", "--tag", "r"}, {"Rust"}},
        Case{"tags_already_given_not_offered_again",
             {"add", "--tag", "Rust", "--tag", ""},
             {"climate", "machine learning"}},
        Case{"skills_in_use", {"add", "--skill", ""}, {"payments"}},
        Case{"kinds_standard_then_in_use_each_once", {"log", "--kind", ""}, kKinds},
        Case{"value_after_equals_keeps_the_option",
             {"log", "--kind=c"},
             {"--kind=coffee", "--kind=call"}},
        // Fixed values
        Case{"dates", {"log", "--date", ""}, kDates},
        Case{"date_prefix", {"log", "--date", "t"}, {"today", "tomorrow", "tuesday", "thursday"}},
        Case{"global_date_inside_a_command", {"log", "--today", "y"}, {"yesterday"}},
        Case{"durations_never_off", {"log", "--within", ""}, kDurations},
        Case{"a_cadence_may_be_off", {"add", "--every", ""}, kCadences},
        Case{"the_every_setting_is_a_cadence", {"config", "every", "o"}, {"off"}},
        Case{"choices_of_an_option", {"--color", ""}, {"auto", "always", "never"}},
        Case{"choices_after_equals", {"--color=al"}, {"--color=always"}},
        Case{"choices_of_a_positional", {"paint", "g"}, {"green"}},
        Case{"shells", {"completion", ""}, {"bash", "zsh", "fish"}},
        Case{"setting_keys", {"config", ""}, {"every", "homework", "daily", "autocommit"}},
        Case{
            "setting_value_completes_as_the_setting_says", {"config", "every", "q"}, {"quarterly"}},
        Case{"number_setting_has_nothing_to_suggest", {"config", "homework", ""}, {}},
        Case{"unknown_setting_has_nothing_to_suggest", {"config", "nope", ""}, {}},
        Case{"free_text_positional_has_nothing_to_suggest", {"add", ""}, {}},
        Case{"whole_option_name_completes_to_itself",
             {"add", "--json", "--tag", "x", "Ada", "--every", "2w", "--template"},
             {"--template"}},
        // The shell's own completion
        Case{"template_file", {"add", "--template", ""}, {}, Directive::files},
        Case{"template_file_after_equals", {"add", "--template=no"}, {}, Directive::files},
        Case{"data_dir", {"--data-dir", ""}, {}, Directive::directories}),
    [](const testing::TestParamInfo<Case>& param) { return std::string(param.param.label); });

TEST(Answer, DescribesCommandsAndOptionsWithTheirSummaries) {
  const Command root = test_grammar();
  FakeSources sources;
  Answer a = answer(locate(root, {"lo"}), sources);
  ASSERT_EQ(a.candidates.size(), 1u);
  EXPECT_EQ(a.candidates[0].description, "Record an interaction");
  a = answer(locate(root, {"log", "--k"}), sources);
  ASSERT_EQ(a.candidates.size(), 1u);
  EXPECT_EQ(a.candidates[0].description, "Kind");
  a = answer(locate(root, {"config", "h"}), sources);
  ASSERT_EQ(a.candidates.size(), 1u);
  EXPECT_NE(a.candidates[0].description.find("each month"), std::string::npos);
}

TEST(Answer, ReadsTheDataOnlyForValuesThatNeedIt) {
  const Command root = test_grammar();
  FakeSources sources;
  for (const auto& words : std::vector<std::vector<std::string>>{
           {""}, {"log", "--"}, {"log", "--date", ""}, {"config", ""}, {"add", "--every", ""}}) {
    (void)answer(locate(root, words), sources);
  }
  EXPECT_TRUE(sources.calls.empty());
  (void)answer(locate(root, {"log", "alm"}), sources);
  EXPECT_EQ(sources.calls, std::vector<std::string>{"contacts:alm"});
}

TEST(Locate, RecordsGivenValuesUsedOptionsAndTheLead) {
  const Command root = test_grammar();
  const Position p =
      locate(root, {"--data-dir=/d", "log", "--kind", "call", "ann", "-q", "bob", "--date=ye"});
  ASSERT_EQ(p.path.size(), 2u);
  EXPECT_EQ(p.command().name, "log");
  EXPECT_EQ(p.slot, Position::Slot::value);
  ASSERT_NE(p.option, nullptr);
  EXPECT_EQ(p.option->names.front(), "--date");
  EXPECT_EQ(p.lead, "--date=");
  EXPECT_EQ(p.prefix, "ye");
  EXPECT_EQ(p.given.at("--data-dir"), std::vector<std::string>{"/d"});
  EXPECT_EQ(p.given.at("--kind"), std::vector<std::string>{"call"});
  EXPECT_EQ(p.given.at("CONTACT"), (std::vector<std::string>{"ann", "bob"}));
  ASSERT_EQ(p.used.size(), 3u);
  EXPECT_EQ(p.used[2]->names.front(), "--quiet");
}

TEST(Locate, AWordAfterAPositionalIsNeverASubcommand) {
  Command root = test_grammar();
  root.positionals = {positional("FILE")};
  Position p = locate(root, {"x", "lo"});
  EXPECT_EQ(p.slot, Position::Slot::word);
  EXPECT_FALSE(p.subcommands_allowed);
  p = locate(root, {"lo"});
  EXPECT_TRUE(p.subcommands_allowed);
  ASSERT_NE(p.positional, nullptr);
  EXPECT_EQ(p.positional->name, "FILE");
}

TEST(Locate, AnOptionAwaitingItsValueTakesTheWordEvenIfItLooksLikeAnOption) {
  const Command root = test_grammar();
  const Position p = locate(root, {"log", "--kind", "-"});
  EXPECT_EQ(p.slot, Position::Slot::value);
  EXPECT_EQ(p.option->names.front(), "--kind");
  EXPECT_EQ(p.prefix, "-");
}

TEST(ValueKind, DecidesByOptionNameThenByValueName) {
  struct K {
    std::string_view option, value;
    ValueKind kind;
  };
  for (const K& k : {
           K{"--tag", "T", ValueKind::tag},
           K{"--untag", "T", ValueKind::tag},
           K{"--skill", "S", ValueKind::skill},
           K{"--no-skill", "S", ValueKind::skill},
           K{"--interest", "I", ValueKind::interest},
           K{"--no-interest", "I", ValueKind::interest},
           K{"--kind", "KIND", ValueKind::kind},
           K{"--template", "TEXT", ValueKind::file},
           K{"--data-dir", "DIR", ValueKind::directory},
           K{"--tag", "DATE", ValueKind::tag},
           K{"", "CONTACT", ValueKind::contact},
           K{"", "CONTACT...", ValueKind::contact},
           K{"", "KEEP", ValueKind::contact},
           K{"", "OTHER...", ValueKind::contact},
           K{"", "[CONTACT...]", ValueKind::contact},
           K{"", "contacts", ValueKind::contact},
           K{"--with", "CONTACT", ValueKind::contact},
           K{"", "FOLLOW_UP_ID", ValueKind::follow_up},
           K{"", "KEY", ValueKind::setting_key},
           K{"--by", "DATE", ValueKind::date},
           K{"--within", "DURATION", ValueKind::duration},
           K{"--every", "DURATION", ValueKind::cadence},
           K{"", "SHELL", ValueKind::shell},
           K{"--out", "FILE", ValueKind::file},
           K{"--out", "PATH", ValueKind::file},
           K{"--into", "DIR", ValueKind::directory},
           K{"--note", "TEXT", ValueKind::none},
           K{"", "NAME", ValueKind::none},
           K{"", "", ValueKind::none},
           K{"--limit", "N", ValueKind::none},
       }) {
    SCOPED_TRACE(std::string(k.option) + " " + std::string(k.value));
    EXPECT_EQ(value_kind(k.option, k.value), k.kind);
  }
}

}  // namespace
}  // namespace kith::complete::complete_test
