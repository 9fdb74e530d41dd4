// GnuPG's key listings (`gpg --with-colons --list-keys`), read: which keys a
// name, an email or a fingerprint stands for, and whether each can encrypt
// and has its secret part here. kith runs gpg (see cli/cmd_git.cpp) only to
// set up an encrypted git remote; this file only reads what gpg printed.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kith::gpg {

struct Key {
  std::string fingerprint;  // of the primary key, upper-case hex
  std::string user_id;      // its first user id ("Ada Lovelace <ada@example.org>")
  bool expired = false;     // the primary key
  bool revoked = false;
  bool can_encrypt = false;  // it, or a subkey, is usable for encryption now
};

// The keys of a `--with-colons` listing of public keys ("pub" records) or of
// secret keys ("sec" records), in the order listed. Records of other kinds
// and malformed lines are skipped.
std::vector<Key> parse_listing(std::string_view colons);

// "2592EFA4…06E2 (Ada Lovelace <ada@example.org>)", for messages.
std::string describe(const Key& key);

}  // namespace kith::gpg
