#include "core/csv.h"

namespace kith::csv {
namespace {

// After this many unterminated quotes the rest of the file is given up: each
// one costs a scan to the end of the text.
constexpr int kMaxRestarts = 16;

// The offset just past the line break that ends the line holding `pos`, or
// the end of the text.
std::size_t next_line_start(std::string_view text, std::size_t pos) {
  while (pos < text.size() && text[pos] != '\n' && text[pos] != '\r') ++pos;
  if (pos < text.size() && text[pos] == '\r') {
    ++pos;
    if (pos < text.size() && text[pos] == '\n') ++pos;
  } else if (pos < text.size()) {
    ++pos;
  }
  return pos;
}

class Reader {
 public:
  explicit Reader(std::string_view text) : text_(text) {}

  std::vector<Record> run() {
    std::vector<Record> out;
    int restarts = 0;
    while (pos_ < text_.size()) {
      if (skip_line_break()) continue;  // an empty line
      const std::size_t start = pos_;
      const int start_line = line_;
      Record record = read_record();
      if (!open_quote_) {
        out.push_back(std::move(record));
        continue;
      }
      // A quote ran to the end of the text: the record starting here is bad;
      // try again from the next line.
      open_quote_ = false;
      record.fields.clear();
      if (++restarts > kMaxRestarts) {
        record.error = "unterminated quoted field; the rest of the file was not read";
        out.push_back(std::move(record));
        break;
      }
      record.error = "unterminated quoted field";
      out.push_back(std::move(record));
      pos_ = next_line_start(text_, start);
      line_ = start_line + 1;
    }
    return out;
  }

 private:
  // Consumes one line break (CRLF, LF or CR) at pos_; false when there is none.
  bool skip_line_break() {
    if (pos_ >= text_.size()) return false;
    if (text_[pos_] == '\n') {
      ++pos_;
      ++line_;
      return true;
    }
    if (text_[pos_] == '\r') {
      ++pos_;
      if (pos_ < text_.size() && text_[pos_] == '\n') ++pos_;
      ++line_;
      return true;
    }
    return false;
  }

  void append(std::string& field, char ch, Record& record) {
    if (field.size() < max_field_bytes) {
      field.push_back(ch);
    } else if (record.error.empty()) {
      record.error = "a field is longer than " + std::to_string(max_field_bytes) + " bytes";
    }
  }

  void finish_field(std::string& field, Record& record) {
    if (record.fields.size() < max_fields) {
      record.fields.push_back(std::move(field));
    } else if (record.error.empty()) {
      record.error = "more than " + std::to_string(max_fields) + " fields";
    }
    field.clear();
  }

  // Reads one record from pos_ (which is not at a line break) through its
  // line break. Sets open_quote_ when a quoted field is still open at the end.
  Record read_record() {
    Record record;
    record.line = line_;
    std::string field;
    for (;;) {
      // At the start of a field.
      if (pos_ < text_.size() && text_[pos_] == '"') {
        ++pos_;
        if (!read_quoted(field, record)) {
          open_quote_ = true;
          return record;
        }
      }
      // Unquoted text, or what follows a closing quote.
      while (pos_ < text_.size() && text_[pos_] != ',' && text_[pos_] != '\n' &&
             text_[pos_] != '\r') {
        append(field, text_[pos_], record);
        ++pos_;
      }
      finish_field(field, record);
      if (pos_ < text_.size() && text_[pos_] == ',') {
        ++pos_;
        continue;
      }
      skip_line_break();
      return record;
    }
  }

  // Reads a quoted field's content after its opening quote, through the
  // closing quote. False when the text ends first.
  bool read_quoted(std::string& field, Record& record) {
    while (pos_ < text_.size()) {
      const char ch = text_[pos_];
      if (ch == '"') {
        if (pos_ + 1 < text_.size() && text_[pos_ + 1] == '"') {
          append(field, '"', record);
          pos_ += 2;
          continue;
        }
        ++pos_;
        return true;
      }
      if (ch == '\n' || (ch == '\r' && (pos_ + 1 >= text_.size() || text_[pos_ + 1] != '\n'))) {
        ++line_;
      }
      append(field, ch, record);
      ++pos_;
    }
    return false;
  }

  std::string_view text_;
  std::size_t pos_ = 0;
  int line_ = 1;
  bool open_quote_ = false;
};

}  // namespace

bool Record::blank() const {
  for (const auto& f : fields) {
    if (f.find_first_not_of(" \t") != std::string::npos) return false;
  }
  return true;
}

std::vector<Record> parse(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  return Reader(text).run();
}

std::string format_record(const std::vector<std::string>& fields) {
  std::string out;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i) out += ',';
    const std::string& f = fields[i];
    const bool quote = f.find_first_of(",\"\r\n") != std::string::npos ||
                       (!f.empty() && (f.front() == ' ' || f.back() == ' '));
    if (!quote) {
      out += f;
      continue;
    }
    out += '"';
    for (char ch : f) {
      if (ch == '"') out += '"';
      out += ch;
    }
    out += '"';
  }
  out += "\r\n";
  return out;
}

}  // namespace kith::csv
