// kith_mail_read: reads an mbox or a Maildir with core/mail_read as
// `kith scan mail` will, and prints how many messages it read, how fast, and
// the peak resident memory. bench/mail times it against `grep -c '^From '`.
//
//   kith_mail_read [--list] MBOX|MAILDIR
//
// --list prints one line per message (where, date, from, subject, bulk
// reason) instead of keeping quiet.
#include "core/mail_read.h"

#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>

#include <sys/resource.h>

int main(int argc, char** argv) {
  bool list = false;
  const char* path = nullptr;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--list") == 0) {
      list = true;
    } else {
      path = argv[i];
    }
  }
  if (path == nullptr) {
    std::fprintf(stderr, "usage: kith_mail_read [--list] MBOX|MAILDIR\n");
    return 2;
  }
  using namespace kith::mail_read;
  std::size_t addresses = 0;
  const auto visit = [&](const Message& m) {
    addresses += 1 + m.to.size() + m.cc.size() + m.bcc.size();
    if (!list) return;
    std::printf("%s\t%lld\t%s <%s>\t%s\t%s\n", m.where.c_str(),
                static_cast<long long>(m.date.time_since_epoch().count()), m.from.name.c_str(),
                m.from.email.c_str(), m.subject.c_str(), m.bulk_reason.c_str());
  };
  const auto start = std::chrono::steady_clock::now();
  const std::filesystem::path source(path);
  auto counts = std::filesystem::is_directory(source) ? read_maildir(source, visit)
                                                      : read_mbox(source, visit);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (!counts) {
    std::fprintf(stderr, "kith_mail_read: %s\n", counts.error().message.c_str());
    return 1;
  }
  rusage usage{};
  ::getrusage(RUSAGE_SELF, &usage);
  std::fprintf(stderr,
               "%zu messages (%zu addresses), %zu skipped in %.3f s: %.0f messages/s; peak RSS "
               "%ld KiB\n",
               counts->messages, addresses, counts->skipped, seconds,
               static_cast<double>(counts->messages) / seconds, usage.ru_maxrss);
  for (const Skip& s : counts->skips) {
    std::fprintf(stderr, "  skipped %s: %s\n", s.where.c_str(), s.reason.c_str());
  }
  return 0;
}
