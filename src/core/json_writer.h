// Writes JSON text straight into a string, formatted exactly as
// nlohmann's dump(2) formats the same document (two-space indent, "key":
// value, "[]" and "{}" when empty, the same string escapes), without
// building the document in memory first: for reports with thousands of
// entries, building the document costs more than everything else.
//
// The caller writes a well-formed document: a key before every value in an
// object, none in an array, every container closed. Strings must be valid
// UTF-8 (as every string kith reads or makes is).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/model.h"

namespace kith {

class JsonWriter {
 public:
  explicit JsonWriter(std::string& out) : out_(out) {}

  void begin_object() { open('{'); }
  void end_object() { close('}'); }
  void begin_array() { open('['); }
  void end_array() { close(']'); }
  void key(std::string_view k);

  void value(std::string_view s);
  void value(const char* s) { value(std::string_view(s)); }
  void value(const std::string& s) { value(std::string_view(s)); }
  void value(std::int64_t n);
  void value(int n) { value(static_cast<std::int64_t>(n)); }
  void value(std::size_t n);
  void value(bool b);
  void null();
  // Any document (e.g. keys kept from a file), formatted at this depth.
  void value(const Json& j);
  void strings(const std::vector<std::string>& list);

 private:
  void before_value();
  void open(char bracket);
  void close(char bracket);
  void indent();
  void quoted(std::string_view s);

  std::string& out_;
  std::vector<std::size_t> counts_;  // items written in each open container
  bool after_key_ = false;
};

// Writes `contact` as to_json(contact).dump(2) writes it (the same keys in
// the same order, the keys kith does not know last), at the writer's depth.
void write_contact(JsonWriter& w, const Contact& contact);
// Writes `interaction` as to_json(interaction).dump(2) writes it.
void write_interaction(JsonWriter& w, const Interaction& interaction);

}  // namespace kith
