// core/git's pure parts: where a remote keeps the data, read from its URL
// as git reads it.
#include "core/git.h"

#include <gtest/gtest.h>

namespace kith::test::git_test {
namespace {

using git::RemoteKind;

TEST(GitRemoteKind, PathsOnThisMachineAreLocal) {
  for (const char* url : {"/srv/kith.git", "../kith.git", "kith.git", "./a:b/kith.git",
                          "file:///srv/kith.git", "~/backup/kith.git"}) {
    EXPECT_EQ(git::remote_kind(url), RemoteKind::local) << url;
  }
}

TEST(GitRemoteKind, GcryptIsEncryptedWhateverItWraps) {
  for (const char* url : {"gcrypt::/srv/kith.git", "gcrypt::git@example.org:me/kith.git",
                          "gcrypt::rsync://host/kith", "gcrypt::https://example.org/kith.git"}) {
    EXPECT_EQ(git::remote_kind(url), RemoteKind::encrypted) << url;
  }
}

TEST(GitRemoteKind, URLsHostsAndOtherTransportsAreHosted) {
  for (const char* url : {"https://github.com/me/kith.git", "ssh://me@host/srv/kith.git",
                          "git://host/kith.git", "git@github.com:me/kith.git", "host:kith.git",
                          "ext::ssh host git-upload-pack kith", "codecommit::eu-west-1://kith"}) {
    EXPECT_EQ(git::remote_kind(url), RemoteKind::hosted) << url;
  }
}

}  // namespace
}  // namespace kith::test::git_test
