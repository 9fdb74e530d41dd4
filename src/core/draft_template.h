// Draft templates (`kith pitch --template FILE`): a text file with
// placeholders such as {{first_name}}, checked when it is read, and filled in
// with the values of a pitch. Pure functions of their arguments.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace kith {

// A --template file, split into lines of literal text and placeholders.
// Made by parse_template, which has checked every placeholder.
struct DraftTemplate {
  struct Piece {
    bool placeholder = false;
    std::string text;  // literal text, or the placeholder's name
  };
  using Line = std::vector<Piece>;  // one line, without its newline
  std::vector<Line> lines;
};

// The placeholders a template may use, without braces, in the order the
// documentation lists them: name, first_name, my_name, offer, intro, common,
// ask, occasion.
const std::vector<std::string_view>& template_placeholders();

// Parses a template. A placeholder is "{{", optional spaces, a word of ASCII
// letters, digits, '_' or '-', optional spaces, "}}"; a word that is not one of
// template_placeholders() is a usage error naming it and `where` (the
// file). Every other brace is literal text: "{", "}}", "{{ }}", "{{a b}}".
// Invalid UTF-8 is a usage error too.
Result<DraftTemplate> parse_template(std::string_view text, std::string_view where);

// The values a draft template fills in; empty strings when unknown.
struct DraftFields {
  std::string name;        // the contact's full name
  std::string first_name;  // the first word of it
  std::string my_name;     // your name from `kith me`
  std::string offer;       // you_can_offer as a list: "hiring and Rust"
  std::string intro;       // the top introduction: "Amélie Dubois (observability, on-call)"
  std::string common;      // shared tags, company and location: "rust-meetup and Berlin"
  std::string ask;         // the --ask text
  std::string occasion;    // the occasion's opening: "Congratulations on the new role at Globex!"
};

// Fills a template. A line whose placeholders all come out empty is left out
// (with one blank line next to it, so that paragraphs stay one blank line
// apart); trailing newlines are dropped.
std::string fill_template(const DraftTemplate& tmpl, const DraftFields& fields);

}  // namespace kith
