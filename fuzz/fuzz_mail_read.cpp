// The mail reader takes any bytes: one message's header block read
// directly, and the same bytes read as an mbox with reads of every size; what
// it returns is valid UTF-8 on one line, and its fast readers of addresses
// and dates agree with GMime's wherever they answer.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <sys/mman.h>
#include <unistd.h>

#include "core/mail_read.h"
#include "core/text.h"

namespace {

using namespace kith::mail_read;

void check_line(const std::string& s) {
  if (!kith::text::is_valid_utf8(s)) __builtin_trap();
  if (s.find_first_of("\r\n\t") != std::string::npos) __builtin_trap();
  if (!s.empty() && (s.front() == ' ' || s.back() == ' ')) __builtin_trap();
}

void check_address(const Address& a) {
  check_line(a.name);
  check_line(a.email);
  if (a.email.empty() || a.email.find(' ') != std::string::npos) __builtin_trap();
  for (char c : a.email) {
    if (c >= 'A' && c <= 'Z') __builtin_trap();
  }
}

void check(const Message& m) {
  check_line(m.message_id);
  check_line(m.in_reply_to);
  check_line(m.subject);
  check_line(m.bulk_reason);
  for (const std::string& r : m.references) {
    check_line(r);
    if (r.empty()) __builtin_trap();
  }
  check_address(m.from);
  for (const auto* list : {&m.to, &m.cc, &m.bcc}) {
    for (const Address& a : *list) check_address(a);
  }
  if (m.bulk != !m.bulk_reason.empty()) __builtin_trap();
}

std::string describe(const std::vector<Address>& list, bool names) {
  std::string out;
  for (const Address& a : list) out += (names ? a.name : "") + "|" + a.email + ";";
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);

  Message message;
  std::string why_not;
  if (read_message(input, message, why_not)) {
    check(message);
  } else if (why_not.empty()) {
    __builtin_trap();
  }

  // Each line as an address field, an unstructured field and a date, by
  // both readers. Encoded words are compared in addresses only: GMime 3.2
  // loses the words after a padded base64 one (see fast_decode_words), and
  // kith reads ISO-8859-1 as Windows-1252.
  for (std::size_t start = 0; start < input.size();) {
    std::size_t end = input.find('\n', start);
    if (end == std::string_view::npos) end = input.size();
    const std::string_view line = input.substr(start, end - start);
    start = end + 1;
    const auto fast = parse_addresses(line, Parser::fast);
    for (const Address& a : fast) check_address(a);
    const auto gmime = parse_addresses(line, Parser::gmime);
    const bool encoded = line.find("=?") != std::string_view::npos;
    if (describe(fast, !encoded) != describe(gmime, !encoded)) __builtin_trap();
    check_line(decode_text(line, Parser::fast));
    check_line(decode_text(line, Parser::gmime));
    if (parse_date(line, Parser::fast) != parse_date(line, Parser::gmime)) __builtin_trap();
  }

  // The bytes as an mbox, read whole (inputs are at most a few kilobytes)
  // and in reads of 16 bytes: the same messages at the same lines.
  const int fd = ::memfd_create("mbox", 0);
  if (fd < 0) return 0;
  if (size > 0 && ::write(fd, data, size) != static_cast<ssize_t>(size)) __builtin_trap();
  const std::string path = "/proc/self/fd/" + std::to_string(fd);
  std::vector<std::string> whole;
  std::vector<std::string> small;
  const auto whole_read = read_mbox(
      path,
      [&whole](const Message& m) {
        check(m);
        whole.push_back(m.where + " " + m.from.email + " " + m.subject);
      },
      8192);
  const auto small_read = read_mbox(
      path,
      [&small](const Message& m) {
        small.push_back(m.where + " " + m.from.email + " " + m.subject);
      },
      16);
  ::close(fd);
  if (whole_read.ok() != small_read.ok() || whole != small) __builtin_trap();
  if (whole_read.ok() &&
      (whole_read->messages != whole.size() || whole_read->skipped != small_read->skipped ||
       whole_read->skips.size() > max_skips))
    __builtin_trap();
  return 0;
}
