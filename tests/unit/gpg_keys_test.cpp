// Reading GnuPG's --with-colons key listings: the fingerprint and user id of
// each key, whether it can encrypt now, on listings as gpg 2.2 prints them.
#include "core/gpg_keys.h"

#include <gtest/gtest.h>

namespace kith::test::gpg_keys_test {
namespace {

using gpg::Key;
using gpg::parse_listing;

// A key that signs (primary) and encrypts (subkey), as --list-keys prints it.
constexpr const char* kKey =
    "tru::1:1796680254:0:3:1:5\n"
    "pub:u:255:22:A2FE1332134C06E2:1796680254:::u:::scESC:::::ed25519:::0:\n"
    "fpr:::::::::2592EFA4F408765DB9C27596A2FE1332134C06E2:\n"
    "uid:u::::1796680254::D1D0FD6DAA4000070CFD359EC5ADE1C97A2E0E0E::Kith Test "
    "<test@kith.invalid>::::::::::0:\n"
    "sub:u:255:18:547EAC99BAAB18B8:1796680254::::::e:::::cv25519::\n"
    "fpr:::::::::1955F0924F7E8E8C04183E76547EAC99BAAB18B8:\n";

TEST(GpgKeys, AKeyIsItsPrimaryFingerprintAndFirstUserIdNotItsSubkeys) {
  const auto keys = parse_listing(kKey);
  ASSERT_EQ(keys.size(), 1u);
  EXPECT_EQ(keys[0].fingerprint, "2592EFA4F408765DB9C27596A2FE1332134C06E2");
  EXPECT_EQ(keys[0].user_id, "Kith Test <test@kith.invalid>");
  EXPECT_TRUE(keys[0].can_encrypt);
  EXPECT_FALSE(keys[0].expired);
  EXPECT_EQ(gpg::describe(keys[0]),
            "2592EFA4F408765DB9C27596A2FE1332134C06E2 (Kith Test <test@kith.invalid>)");
}

TEST(GpgKeys, SecretListingsAreReadTheSameWay) {
  const auto keys = parse_listing(
      "sec:u:255:22:A2FE1332134C06E2:1796680254:::u:::scESC:::+::ed25519:::0:\n"
      "fpr:::::::::2592EFA4F408765DB9C27596A2FE1332134C06E2:\n"
      "grp:::::::::E677C12C4E6B16DA7326401F1F7D7BCB0F4CD787:\n"
      "uid:u::::1796680254::D1D0FD6DAA4000070CFD359EC5ADE1C97A2E0E0E::Kith Test "
      "<test@kith.invalid>::::::::::0:\n"
      "ssb:u:255:18:547EAC99BAAB18B8:1796680254::::::e:::+::cv25519::\n"
      "fpr:::::::::1955F0924F7E8E8C04183E76547EAC99BAAB18B8:\n");
  ASSERT_EQ(keys.size(), 1u);
  EXPECT_EQ(keys[0].fingerprint, "2592EFA4F408765DB9C27596A2FE1332134C06E2");
}

TEST(GpgKeys, ASigningOnlyKeyCannotEncrypt) {
  const auto keys = parse_listing(
      "pub:u:255:22:AAAA:1:::u:::scSC:::::ed25519:::0:\n"
      "fpr:::::::::AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA:\n"
      "uid:u::::1::X::Signer <s@x>::::::::::0:\n");
  ASSERT_EQ(keys.size(), 1u);
  EXPECT_FALSE(keys[0].can_encrypt);
}

TEST(GpgKeys, ExpiredRevokedAndDisabledKeysCannotEncrypt) {
  const auto keys = parse_listing(
      "pub:e:255:22:AAAA:1:2::u:::sc:::::ed25519:::0:\n"
      "fpr:::::::::AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA:\n"
      "pub:r:255:22:BBBB:1:::u:::sc:::::ed25519:::0:\n"
      "fpr:::::::::BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB:\n"
      "pub:u:255:22:CCCC:1:::u:::scESCD:::::ed25519:::0:\n"
      "fpr:::::::::CCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCC:\n");
  ASSERT_EQ(keys.size(), 3u);
  EXPECT_TRUE(keys[0].expired);
  EXPECT_TRUE(keys[1].revoked);
  for (const Key& k : keys) EXPECT_FALSE(k.can_encrypt) << k.fingerprint;
}

TEST(GpgKeys, SeveralKeysForOneEmailAreEachListed) {
  const std::string two = std::string(kKey) +
                          "pub:f:3072:1:1111:1:::-:::scESC:::::::0:\n"
                          "fpr:::::::::1111111111111111111111111111111111111111:\n"
                          "uid:f::::1::Y::Kith Test (work) <test@kith.invalid>::::::::::0:\n";
  const auto keys = parse_listing(two);
  ASSERT_EQ(keys.size(), 2u);
  EXPECT_EQ(keys[1].user_id, "Kith Test (work) <test@kith.invalid>");
  EXPECT_TRUE(keys[1].can_encrypt);
}

TEST(GpgKeys, EscapedColonsInAUserIdAreRead) {
  const auto keys = parse_listing(
      "pub:u:255:22:AAAA:1:::u:::scESC:::::ed25519:::0:\n"
      "fpr:::::::::AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA:\n"
      "uid:r::::1::X::Old Name <old@x>::::::::::0:\n"
      "uid:u::::1::Y::Ada\\x3a Lovelace <ada@x>::::::::::0:\n");
  ASSERT_EQ(keys.size(), 1u);
  EXPECT_EQ(keys[0].user_id, "Ada: Lovelace <ada@x>");  // the revoked uid skipped
}

TEST(GpgKeys, NothingOrGarbageIsNoKey) {
  EXPECT_TRUE(parse_listing("").empty());
  EXPECT_TRUE(parse_listing("gpg: error reading key: No public key\n").empty());
  EXPECT_TRUE(parse_listing("pub:u:255\n").empty());  // no fingerprint
  EXPECT_TRUE(parse_listing("fpr:::::::::AAAA:\nuid:u::::1::X::Z::\n").empty());
}

}  // namespace
}  // namespace kith::test::gpg_keys_test
