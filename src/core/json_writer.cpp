#include "core/json_writer.h"

#include <algorithm>
#include <charconv>

namespace kith {

void JsonWriter::indent() { out_.append(2 * counts_.size(), ' '); }

void JsonWriter::before_value() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (counts_.empty()) return;
  out_ += counts_.back()++ == 0 ? "\n" : ",\n";
  indent();
}

void JsonWriter::open(char bracket) {
  before_value();
  out_ += bracket;
  counts_.push_back(0);
}

void JsonWriter::close(char bracket) {
  const std::size_t items = counts_.back();
  counts_.pop_back();
  if (items > 0) {
    out_ += '\n';
    indent();
  }
  out_ += bracket;
}

void JsonWriter::key(std::string_view k) {
  before_value();
  quoted(k);
  out_ += ": ";
  after_key_ = true;
}

void JsonWriter::value(std::string_view s) {
  before_value();
  quoted(s);
}

void JsonWriter::value(std::int64_t n) {
  before_value();
  char buf[24];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, n);
  out_.append(buf, end);
}

void JsonWriter::value(std::size_t n) {
  before_value();
  char buf[24];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, n);
  out_.append(buf, end);
}

void JsonWriter::value(bool b) {
  before_value();
  out_ += b ? "true" : "false";
}

void JsonWriter::null() {
  before_value();
  out_ += "null";
}

void JsonWriter::value(const Json& j) {
  before_value();
  // dump() at depth 0, then every line after the first indented to here.
  // A newline only ever appears between items: strings escape theirs.
  const std::string text = j.dump(2);
  const std::string pad(2 * counts_.size(), ' ');
  for (char ch : text) {
    out_ += ch;
    if (ch == '\n') out_ += pad;
  }
}

void JsonWriter::strings(const std::vector<std::string>& list) {
  begin_array();
  for (const auto& s : list) value(s);
  end_array();
}

void JsonWriter::quoted(std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  out_ += '"';
  std::size_t plain = 0;  // start of the run not yet copied
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto ch = static_cast<unsigned char>(s[i]);
    if (ch >= 0x20 && ch != '"' && ch != '\\') continue;
    out_.append(s.substr(plain, i - plain));
    plain = i + 1;
    switch (ch) {
      case '"':
        out_ += "\\\"";
        break;
      case '\\':
        out_ += "\\\\";
        break;
      case '\b':
        out_ += "\\b";
        break;
      case '\f':
        out_ += "\\f";
        break;
      case '\n':
        out_ += "\\n";
        break;
      case '\r':
        out_ += "\\r";
        break;
      case '\t':
        out_ += "\\t";
        break;
      default:
        out_ += "\\u00";
        out_ += kHex[ch >> 4];
        out_ += kHex[ch & 0xf];
        break;
    }
  }
  out_.append(s.substr(plain));
  out_ += '"';
}

namespace {

void json_writer_optional(JsonWriter& w, const std::optional<std::string>& s) {
  if (s) {
    w.value(*s);
  } else {
    w.null();
  }
}

void json_writer_optional(JsonWriter& w, const std::optional<Date>& d) {
  if (d) {
    w.value(format_date(*d));
  } else {
    w.null();
  }
}

// The keys of `extra` not among `written`, in its order (append_extra's rule).
void json_writer_extra(JsonWriter& w, const Json& extra,
                       const std::vector<std::string_view>& written) {
  for (auto it = extra.begin(); it != extra.end(); ++it) {
    if (std::find(written.begin(), written.end(), it.key()) != written.end()) continue;
    w.key(it.key());
    w.value(it.value());
  }
}

void json_writer_job(JsonWriter& w, const Job& job) {
  w.begin_object();
  w.key("company");
  json_writer_optional(w, job.company);
  w.key("role");
  json_writer_optional(w, job.role);
  w.end_object();
}

}  // namespace

void write_contact(JsonWriter& w, const Contact& c) {
  w.begin_object();
  w.key("id");
  w.value(c.id);
  w.key("name");
  w.value(c.name);
  w.key("emails");
  w.strings(c.emails);
  w.key("phones");
  w.strings(c.phones);
  w.key("company");
  json_writer_optional(w, c.company);
  w.key("role");
  json_writer_optional(w, c.role);
  w.key("location");
  json_writer_optional(w, c.location);
  w.key("links");
  w.strings(c.links);
  w.key("tags");
  w.strings(c.tags);
  w.key("skills");
  w.strings(c.skills);
  w.key("interests");
  w.strings(c.interests);
  w.key("how_met");
  json_writer_optional(w, c.how_met);
  w.key("met_on");
  json_writer_optional(w, c.met_on);
  w.key("every");
  json_writer_optional(w, c.every ? std::optional<std::string>(c.every->text) : std::nullopt);
  w.key("birthday");
  json_writer_optional(
      w, c.birthday ? std::optional<std::string>(format_birthday(*c.birthday)) : std::nullopt);
  w.key("notes");
  json_writer_optional(w, c.notes);
  w.key("added_on");
  w.value(format_date(c.added_on));
  w.key("archived");
  w.value(c.archived);
  w.key("snoozed_until");
  json_writer_optional(w, c.snoozed_until);
  if (!c.job_changes.empty()) {
    w.key("job_changes");
    w.begin_array();
    for (const auto& change : c.job_changes) {
      w.begin_object();
      w.key("on");
      w.value(format_date(change.on));
      w.key("from");
      json_writer_job(w, change.from);
      w.key("to");
      json_writer_job(w, change.to);
      json_writer_extra(w, change.extra, {"on", "from", "to"});
      w.end_object();
    }
    w.end_array();
  }
  if (!c.aliases.empty()) {
    w.key("aliases");
    w.strings(c.aliases);
  }
  if (!c.extra.empty()) {
    std::vector<std::string_view> written = {
        "id",       "name",  "emails",   "phones",    "company",      "role",   "location",
        "links",    "tags",  "skills",   "interests", "how_met",      "met_on", "every",
        "birthday", "notes", "added_on", "archived",  "snoozed_until"};
    if (!c.job_changes.empty()) written.push_back("job_changes");
    if (!c.aliases.empty()) written.push_back("aliases");
    json_writer_extra(w, c.extra, written);
  }
  w.end_object();
}

void write_interaction(JsonWriter& w, const Interaction& i) {
  w.begin_object();
  w.key("id");
  w.value(i.id);
  w.key("date");
  w.value(format_date(i.date));
  w.key("contacts");
  w.strings(i.contacts);
  w.key("kind");
  w.value(i.kind);
  w.key("intent");
  w.value(to_string(i.intent));
  w.key("note");
  json_writer_optional(w, i.note);
  w.key("logged_at");
  w.value(i.logged_at);
  if (i.follow_up) {
    w.key("follow_up");
    w.begin_object();
    w.key("text");
    w.value(i.follow_up->text);
    w.key("by");
    json_writer_optional(w, i.follow_up->by);
    w.key("done_on");
    json_writer_optional(w, i.follow_up->done_on);
    if (!i.follow_up->extra.empty())
      json_writer_extra(w, i.follow_up->extra, {"text", "by", "done_on"});
    w.end_object();
  }
  if (!i.extra.empty()) {
    std::vector<std::string_view> written = {"id",     "date", "contacts", "kind",
                                             "intent", "note", "logged_at"};
    if (i.follow_up) written.push_back("follow_up");
    json_writer_extra(w, i.extra, written);
  }
  w.end_object();
}

}  // namespace kith
