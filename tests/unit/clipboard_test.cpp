#include "cli/clipboard.h"

#include <gtest/gtest.h>

namespace kith::cli::clipboard_test {
namespace {

TEST(ClipboardTest, Base64IsRfc4648WithPadding) {
  // The test vectors of RFC 4648, section 10.
  EXPECT_EQ(base64(""), "");
  EXPECT_EQ(base64("f"), "Zg==");
  EXPECT_EQ(base64("fo"), "Zm8=");
  EXPECT_EQ(base64("foo"), "Zm9v");
  EXPECT_EQ(base64("foob"), "Zm9vYg==");
  EXPECT_EQ(base64("fooba"), "Zm9vYmE=");
  EXPECT_EQ(base64("foobar"), "Zm9vYmFy");
  EXPECT_EQ(base64("\xff\xfe\x00"), "//4=");
  EXPECT_EQ(base64(std::string("\xff\xfe\x00", 3)), "//4A");
  EXPECT_EQ(base64("Grüße"), "R3LDvMOfZQ==");
}

TEST(ClipboardTest, Osc52WrapsTheTextForTheClipboardSelection) {
  EXPECT_EQ(osc52("Hi Ada,\n"), "\x1b]52;c;SGkgQWRhLAo=\x07");
}

TEST(ClipboardTest, OnlyDumbTerminalsAndTheLinuxConsoleGetNoOsc52) {
  Environment env;
  EXPECT_TRUE(terminal_takes_osc52(env));
  env.vars["TERM"] = "tmux-256color";
  EXPECT_TRUE(terminal_takes_osc52(env));
  env.vars["TERM"] = "dumb";
  EXPECT_FALSE(terminal_takes_osc52(env));
  env.vars["TERM"] = "linux";
  EXPECT_FALSE(terminal_takes_osc52(env));
}

TEST(ClipboardTest, AProgramOnlyWithItsDisplay) {
  Environment env;
  env.vars["PATH"] = "/nonexistent";
  env.vars["WAYLAND_DISPLAY"] = "wayland-0";
  env.vars["DISPLAY"] = ":0";
  EXPECT_TRUE(clipboard_program(env).empty());
}

}  // namespace
}  // namespace kith::cli::clipboard_test
