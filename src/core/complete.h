// Shell completion: given the words typed so far, what may come next.
//
// The command line is described by a Grammar that the command-line layer
// builds from the very parser that runs the commands, so a completion never
// offers a command or an option the parser would refuse, and a new command
// completes without an edit here. Values are completed by what they name (see
// value_kind), from a Sources object that reads the data directory only when
// asked and as little as it can. Nothing here writes, locks, or reads the
// clock or the environment.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace kith::complete {

// An option as the parser knows it.
struct Option {
  std::vector<std::string> names;    // as typed, long ones first: "--quiet", "-q"
  std::string value_name;            // "" for a flag; else "DATE", "T", "DURATION"...
  std::vector<std::string> choices;  // the only values the parser accepts, when it says
  std::string summary;
  bool repeatable = false;            // may be given more than once
  std::vector<std::string> excludes;  // names of options it cannot be given with
  bool hidden = false;                // never offered, still understood

  bool takes_value() const { return !value_name.empty(); }
};

// A positional argument, in the order the parser fills them.
struct Positional {
  std::string name;  // "CONTACT", "SHELL", "KEY"
  std::vector<std::string> choices;
  std::string summary;
  bool multiple = false;  // takes every remaining word
};

struct Command {
  std::string name;  // empty for the program itself
  std::vector<std::string> aliases;
  std::string summary;
  bool hidden = false;  // never offered, still understood
  std::vector<Option> options;
  std::vector<Positional> positionals;
  std::vector<Command> subcommands;
};

// What a value names, which decides where its candidates come from.
enum class ValueKind {
  none,         // free text: nothing to suggest
  choices,      // the parser's own list of allowed values
  contact,      // contact ids
  follow_up,    // ids of open follow-ups
  tag,          // tags in use
  skill,        // skills in use
  interest,     // interests in use
  kind,         // interaction kinds: the standard ones and those in use
  setting_key,  // settings of kith.json
  date,         // today, yesterday, tomorrow, weekday names
  duration,     // 2w, 1m, ..., weekly, ..., yearly
  cadence,      // the same and off: how often to be in touch (--every)
  shell,        // bash, zsh, fish
  file,         // let the shell complete file names
  directory,    // let the shell complete directory names
};

// The kind of value taken by the option named `option_name` (e.g. "--tag";
// empty for a positional) whose value is called `value_name` ("T", "CONTACT",
// "CONTACT...", "DATE"). An option name decides first (--tag and --untag are
// tags; --skill, --no-skill; --interest, --no-interest; --kind; --every a
// cadence; --template a file; --data-dir a directory), then the value name
// (CONTACT, CONTACTS, and
// merge's KEEP and OTHER; FOLLOW_UP_ID, KEY, DATE, DURATION, SHELL, FILE or PATH, DIR), ignoring
// case, surrounding brackets and a trailing "..."; anything else is none.
ValueKind value_kind(std::string_view option_name, std::string_view value_name);

// Where the word under the cursor stands, found by walking the words before it
// through the grammar the way the parser would.
struct Position {
  std::vector<const Command*> path;  // the program first; back() is where the word belongs
  enum class Slot {
    word,    // a subcommand or a positional (or nothing, when neither is left)
    option,  // the word starts with '-': an option name
    value,   // the value of `option`
  } slot = Slot::word;
  const Option* option = nullptr;          // for Slot::value
  const Positional* positional = nullptr;  // for Slot::word: the positional it would fill
  bool subcommands_allowed = false;        // for Slot::word: may it name a subcommand?
  std::string prefix;                      // the part of the word the candidates must start with
  std::string lead;                        // kept in front of each candidate ("--tag=")
  std::vector<const Option*> used;         // options given before the word
  // The values given so far, by the option's first name or the positional's name.
  std::map<std::string, std::vector<std::string>, std::less<>> given;

  const Command& command() const { return *path.back(); }
};

// `words` are the words after the program name; the last is the word under
// the cursor (possibly empty). No words means one empty word. Unknown options
// are skipped; "--" ends the options.
Position locate(const Command& root, const std::vector<std::string>& words);

struct Candidate {
  std::string value;
  std::string description;  // one line, may be empty
  // Found by its source as matching the word, though the value need not
  // start with it (a contact found by a word of its name): kept as it is.
  bool matched = false;
};

// Where values from the data directory come from. Each call may read files;
// none may fail loudly: what cannot be read gives no candidates.
class Sources {
 public:
  virtual ~Sources() = default;
  // Contact ids matching `word` (ASCII lower-cased), sorted: at least those
  // starting with it; others (e.g. found by name) marked `matched`.
  // Descriptions optional.
  virtual std::vector<Candidate> contacts(std::string_view word) const = 0;
  // Follow-ups not yet done: interaction id, and the follow-up text.
  virtual std::vector<Candidate> open_follow_ups() const = 0;
  // Terms in use in contacts and the profile for kind tag, skill or interest.
  virtual std::vector<std::string> terms(ValueKind kind) const = 0;
  // Interaction kinds found in the log.
  virtual std::vector<std::string> kinds() const = 0;
};

// What the shell should do with the word.
enum class Directive {
  candidates,   // offer `candidates` (possibly none)
  files,        // complete file names itself
  directories,  // complete directory names itself
};

struct Answer {
  Directive directive = Directive::candidates;
  // Each one starts with the position's lead + prefix, but those `matched`
  // by their source (contacts found by name): lead + value.
  std::vector<Candidate> candidates;
};

// The candidates for the word at `position`. Matching is by prefix, ignoring
// ASCII case (contacts: as Sources::contacts finds them); duplicates are dropped, the first one
// kept; values already given to the same repeatable option or multi-word positional are not offered
// again, nor options already given (unless repeatable) or excluded by one.
// Subcommands come in grammar order without the hidden ones; an alias is
// offered only when it matches and its command's name does not. Inside a
// subcommand, the options of the commands around it are understood but not
// offered.
Answer answer(const Position& position, const Sources& sources);

}  // namespace kith::complete
