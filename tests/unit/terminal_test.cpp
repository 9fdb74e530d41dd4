// The Keyboard of `kith review` on a real pseudo-terminal: what a key is,
// and that the terminal is always put back as it was, even when kith is
// killed while it waits for a key.
#include "cli/terminal.h"

#include <csignal>
#include <cstdlib>
#include <sstream>
#include <thread>

#include <ext/stdio_filebuf.h>
#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

namespace kith::cli::terminal_test {
namespace {

// A pseudo-terminal: what kith reads (the slave side) and what the user
// types into (the master side).
class Pty {
 public:
  Pty() {
    master_ = ::posix_openpt(O_RDWR | O_NOCTTY);
    EXPECT_GE(master_, 0);
    EXPECT_EQ(::grantpt(master_), 0);
    EXPECT_EQ(::unlockpt(master_), 0);
    slave_ = ::open(::ptsname(master_), O_RDWR | O_NOCTTY);
    EXPECT_GE(slave_, 0);
  }
  ~Pty() {
    ::close(slave_);
    ::close(master_);
  }
  Pty(const Pty&) = delete;
  Pty& operator=(const Pty&) = delete;
  void type(const std::string& keys) const {
    EXPECT_EQ(::write(master_, keys.data(), keys.size()), static_cast<ssize_t>(keys.size()));
  }
  int slave() const { return slave_; }
  tcflag_t local_modes() const {
    termios t{};
    EXPECT_EQ(::tcgetattr(slave_, &t), 0);
    return t.c_lflag;
  }

 private:
  int master_ = -1;
  int slave_ = -1;
};

class KeyboardTest : public ::testing::Test {
 protected:
  Pty pty;
  __gnu_cxx::stdio_filebuf<char> buffer{::dup(pty.slave()), std::ios::in};
  std::istream in{&buffer};
  Environment env = [this] {
    Environment e;
    e.in = &in;
    e.terminal_fd = pty.slave();
    return e;
  }();
  Keyboard keys{env};
  std::ostringstream out;

  // Waits (up to a minute) until the terminal is in single-key mode.
  bool single_key_mode() const {
    for (int k = 0; k < 6000; ++k) {
      if (!(pty.local_modes() & ICANON)) return true;
      ::usleep(10'000);
    }
    return false;
  }
  // Reads a key, typing `typed` once the terminal waits for it as a user
  // would (keys typed before are read by the terminal's line discipline).
  std::optional<char> press(const std::string& typed) {
    std::optional<char> key;
    std::thread reader([&] { key = keys.key(out, "? "); });
    EXPECT_TRUE(single_key_mode());
    pty.type(typed);
    reader.join();
    return key;
  }
};

TEST_F(KeyboardTest, AKeyIsOneCharacterWithoutEnterAndTheTerminalIsPutBack) {
  const tcflag_t before = pty.local_modes();
  ASSERT_TRUE(before & ICANON);
  ASSERT_TRUE(before & ECHO);
  EXPECT_EQ(press("c"), 'c');
  EXPECT_EQ(out.str(), "? ");
  EXPECT_EQ(pty.local_modes(), before);
  EXPECT_EQ(press("g"), 'g');
}

TEST_F(KeyboardTest, EnterIsANewLineAndCtrlCOrCtrlDQuit) {
  EXPECT_EQ(press("\r"), '\n');
  EXPECT_EQ(press("\n"), '\n');
  EXPECT_EQ(press("\x03"), std::nullopt);
  EXPECT_EQ(press("\x04"), std::nullopt);
}

TEST_F(KeyboardTest, ArrowsFunctionKeysAndNonAsciiCharactersAreReadWhole) {
  EXPECT_EQ(press("\x1b[A"), '\0');    // up arrow
  EXPECT_EQ(press("\x1bOP"), '\0');    // F1
  EXPECT_EQ(press("\x1b[15~"), '\0');  // F5
  EXPECT_EQ(press("é"), '\0');
  EXPECT_EQ(press("€"), '\0');
  EXPECT_EQ(press("s"), 's');  // nothing of the keys before was left over
}

TEST_F(KeyboardTest, ALineIsReadWithTheTerminalsOwnEditingAfterAKey) {
  EXPECT_EQ(press("c"), 'c');
  pty.type(
      "cofx\x7f"
      "fee\n");  // DEL erases the x: the terminal's line editing
  EXPECT_EQ(keys.line(), "coffee");
  pty.type("\x04");  // Ctrl-D on an empty line: no answer, and reading goes on
  EXPECT_EQ(keys.line(), std::nullopt);
  pty.type("note\n");
  EXPECT_EQ(keys.line(), "note");
}

TEST_F(KeyboardTest, KilledWhileWaitingForAKeyKithPutsTheTerminalBack) {
  const tcflag_t before = pty.local_modes();
  for (int sig : {SIGTERM, SIGHUP}) {
    SCOPED_TRACE(sig);
    const pid_t child = ::fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
      keys.key(out, "");  // waits: nothing is typed
      ::_exit(0);
    }
    ASSERT_TRUE(single_key_mode());
    ASSERT_EQ(::kill(child, sig), 0);
    int status = 0;
    ASSERT_EQ(::waitpid(child, &status, 0), child);
    EXPECT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == sig) << status;
    EXPECT_EQ(pty.local_modes(), before);
  }
}

}  // namespace
}  // namespace kith::cli::terminal_test
