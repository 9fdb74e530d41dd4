#include "cli/terminal.h"

#include <csignal>
#include <istream>
#include <iterator>

#include <poll.h>
#include <termios.h>

namespace kith::cli {
namespace {

constexpr int kCtrlC = 0x03;
constexpr int kCtrlD = 0x04;
constexpr int kEscape = 0x1b;

// While a key is awaited, what a SIGTERM or SIGHUP handler needs to put the
// terminal back before kith dies of it: a signal handler reaches only
// globals.
volatile sig_atomic_t key_mode_fd = -1;
termios key_mode_saved{};

void restore_terminal_then_die(int sig) {
  if (key_mode_fd >= 0) ::tcsetattr(key_mode_fd, TCSANOW, &key_mode_saved);
  // SA_RESETHAND has made the action the default again: the signal, raised
  // again, ends kith as it would have.
  ::raise(sig);
}

constexpr int kKeyModeSignals[] = {SIGTERM, SIGHUP};

// Non-canonical mode without echo or signals for its lifetime (Ctrl-C is then
// a key that quits), output processing left on so that "\n" still starts a
// new line; the saved settings are put back on destruction, or by a SIGTERM
// or SIGHUP that ends kith meanwhile.
class SingleKeyMode {
 public:
  explicit SingleKeyMode(int fd) : fd_(fd) {
    if (::tcgetattr(fd_, &saved_) != 0) return;
    termios raw = saved_;
    raw.c_lflag &= ~static_cast<tcflag_t>(ICANON | ECHO | ISIG | IEXTEN);
    raw.c_cc[VMIN] = 1;
    raw.c_cc[VTIME] = 0;
    key_mode_saved = saved_;
    key_mode_fd = fd_;
    struct sigaction restore {};
    restore.sa_handler = restore_terminal_then_die;
    restore.sa_flags = SA_RESETHAND;
    sigemptyset(&restore.sa_mask);
    for (std::size_t k = 0; k < std::size(kKeyModeSignals); ++k) {
      ::sigaction(kKeyModeSignals[k], &restore, &previous_[k]);
    }
    // TCSANOW, not TCSAFLUSH: keys typed ahead are kept.
    active_ = ::tcsetattr(fd_, TCSANOW, &raw) == 0;
  }
  ~SingleKeyMode() {
    if (active_) ::tcsetattr(fd_, TCSANOW, &saved_);
    if (key_mode_fd == fd_) {
      for (std::size_t k = 0; k < std::size(kKeyModeSignals); ++k) {
        ::sigaction(kKeyModeSignals[k], &previous_[k], nullptr);
      }
      key_mode_fd = -1;
    }
  }
  SingleKeyMode(const SingleKeyMode&) = delete;
  SingleKeyMode& operator=(const SingleKeyMode&) = delete;
  bool active() const { return active_; }

 private:
  int fd_;
  termios saved_{};
  struct sigaction previous_[std::size(kKeyModeSignals)]{};
  bool active_ = false;
};

// Whether another byte of a key can be read now or within a moment: the
// rest of an escape sequence comes with its first byte, or just after it on
// a slow link.
bool more_of_key(std::istream& in, int fd) {
  if (in.rdbuf()->in_avail() > 0) return true;
  pollfd ready{fd, POLLIN, 0};
  return ::poll(&ready, 1, 50) == 1;
}

// Reads and drops the rest of a key whose first byte was `first`: the rest
// of an escape sequence (ESC [ parameters final, ESC O final) or of a UTF-8
// character. A lone Escape drops nothing.
void drop_rest_of_key(std::istream& in, int fd, int first) {
  std::streambuf& buf = *in.rdbuf();
  if (first == kEscape) {
    if (!more_of_key(in, fd)) return;
    const int next = buf.sgetc();
    if (next != '[' && next != 'O') return;
    buf.sbumpc();
    while (more_of_key(in, fd)) {
      const int ch = buf.sbumpc();
      if (ch == std::char_traits<char>::eof() || (ch >= 0x40 && ch <= 0x7e)) return;
    }
    return;
  }
  int continuation = first >= 0xf0 ? 3 : first >= 0xe0 ? 2 : first >= 0xc0 ? 1 : 0;
  while (continuation-- > 0 && more_of_key(in, fd)) {
    if ((buf.sgetc() & 0xc0) != 0x80) return;
    buf.sbumpc();
  }
}

}  // namespace

std::optional<char> Keyboard::key(std::ostream& out, std::string_view prompt) {
  std::istream* in = env_.in;
  if (in == nullptr) return std::nullopt;
  if (env_.terminal_fd < 0) {
    out << prompt << std::flush;
    auto answer = line();
    if (!answer) return std::nullopt;
    return answer->empty() ? '\n' : answer->front();
  }
  int ch = 0;
  {
    SingleKeyMode mode(env_.terminal_fd);
    out << prompt << std::flush;
    if (!mode.active()) {
      auto answer = line();
      if (!answer) return std::nullopt;
      return answer->empty() ? '\n' : answer->front();
    }
    ch = in->get();
    if (ch == kEscape || (ch != std::char_traits<char>::eof() && ch >= 0x80)) {
      drop_rest_of_key(*in, env_.terminal_fd, ch);
    }
  }
  if (ch == std::char_traits<char>::eof()) {
    in->clear();
    return std::nullopt;
  }
  if (ch == kCtrlC || ch == kCtrlD) return std::nullopt;
  if (ch == '\r') return '\n';
  if (ch == kEscape || ch >= 0x80) return '\0';
  return static_cast<char>(ch);
}

std::optional<std::string> Keyboard::line() {
  std::istream* in = env_.in;
  if (in == nullptr) return std::nullopt;
  std::string text;
  if (!std::getline(*in, text)) {
    in->clear();
    return std::nullopt;
  }
  if (!text.empty() && text.back() == '\r') text.pop_back();
  return text;
}

}  // namespace kith::cli
