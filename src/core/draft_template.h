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
// documentation lists them: those of DraftFields, in its order.
const std::vector<std::string_view>& template_placeholders();

// Parses a template. A placeholder is "{{", optional spaces, a word of ASCII
// letters, digits, '_' or '-', optional spaces, "}}"; a word that is not one of
// template_placeholders() is a usage error naming it and `where` (the
// file). Every other brace is literal text: "{", "}}", "{{ }}", "{{a b}}".
// Invalid UTF-8 is a usage error too.
Result<DraftTemplate> parse_template(std::string_view text, std::string_view where);

// The values a draft template fills in; empty strings when unknown. The
// sentences follow the pitch's --tone; the parts are bare values, with
// lists joined by ", ", so that a template in another language needs no
// English.
struct DraftFields {
  std::string name;        // the contact's full name
  std::string first_name;  // the first word of it
  std::string my_name;     // your name from `kith me`
  std::string offer;       // what you offer as help, as a list: "hiring and Rust"
  std::string intro;       // the top introduction: "Amélie Dubois (observability, on-call)"
  std::string
      common;       // shared tags, interests, skills, companies, location: "rust-meetup and Berlin"
  std::string ask;  // the --ask text
  std::string occasion;  // the occasion's opening: "Congratulations on the new role at Globex!"
  // The occasion's parts.
  std::string occasion_kind;     // "birthday" or "job-change"
  std::string occasion_date;     // YYYY-MM-DD: the birthday, or the day the change was seen
  std::string occasion_weekday;  // a birthday's weekday: "Friday"
  std::string occasion_company;  // a job change's new company
  std::string occasion_role;     // a job change's new role
  // What you owe them.
  std::string owed;       // the sentence: "I promised to send you my CV, so here it is."
  std::string owed_text;  // the follow-ups as logged, most overdue first, joined by "; "
  std::string owed_by;    // YYYY-MM-DD: when the most overdue one was due
  // The last interaction.
  std::string follow_up;       // the sentence that follows up on it or thanks them
  std::string recent_kind;     // the kind of a recent one that was no ask: "coffee"
  std::string recent_date;     // its date, YYYY-MM-DD
  std::string recent_weekday;  // its weekday: "Tuesday"
  std::string thanks_date;     // YYYY-MM-DD of the last interaction when it was an ask
  // Who you are, for someone you have never written to.
  std::string connection;  // the sentence: "We've met before (Rust meetup in Berlin)."
  std::string about_me;    // the sentence: "I'm Noor Haddad, Staff Engineer at Gridwise."
  std::string reason;      // the sentence: "I'm reaching out because we both care about …"
  std::string my_role;     // your role from `kith me`
  std::string my_company;  // your company from `kith me`
  std::string how_met;     // how you met them, as written
  std::string shared;      // shared interests and skills: "open source funding, Rust"
  std::string trade;       // your skills they know too, to trade notes on: "Rust"
};

// Fills a template. A line whose placeholders all come out empty is left out
// (with one blank line next to it, so that paragraphs stay one blank line
// apart); trailing newlines are dropped.
std::string fill_template(const DraftTemplate& tmpl, const DraftFields& fields);

}  // namespace kith
