// Expected failures as values.
//
// Every core function that can fail for a reason the user should hear about
// returns a Result<T> (or a Status when there is no value). The error carries a
// kind, which decides the exit code, and a message fit to print as is: it names
// the file and line, or quotes the bad input.
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace kith {

enum class ErrorKind {
  usage,  // the command line is wrong: exit 2
  data,   // a data file is corrupt or has a newer format: exit 1
  io,     // the system failed: exit 1
  lock,   // the lock could not be obtained: exit 1
};

struct Error {
  ErrorKind kind = ErrorKind::usage;
  std::string message;  // one line, no "kith: error:" prefix
  std::string hint;     // optional second line: what to do
};

inline Error usage_error(std::string message, std::string hint = {}) {
  return {ErrorKind::usage, std::move(message), std::move(hint)};
}
inline Error data_error(std::string message, std::string hint = {}) {
  return {ErrorKind::data, std::move(message), std::move(hint)};
}
inline Error io_error(std::string message, std::string hint = {}) {
  return {ErrorKind::io, std::move(message), std::move(hint)};
}

// The exit status a failure of this kind maps to (see kith(1), EXIT STATUS).
inline int exit_code(ErrorKind kind) { return kind == ErrorKind::usage ? 2 : 1; }

// A value or an Error. Accessing value() of an error result is a bug.
template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::in_place_index<0>, std::move(value)) {}
  Result(Error error) : v_(std::in_place_index<1>, std::move(error)) {}

  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }

  T& value() & { return std::get<0>(v_); }
  const T& value() const& { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

  const Error& error() const { return std::get<1>(v_); }

 private:
  std::variant<T, Error> v_;
};

// Success or an Error, for operations with no value.
class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(Error error) : error_(std::move(error)), ok_(false) {}
  static Status success() { return {}; }

  bool ok() const { return ok_; }
  explicit operator bool() const { return ok_; }
  const Error& error() const { return error_; }

 private:
  Error error_;
  bool ok_ = true;
};

}  // namespace kith
