// End-to-end: two machines syncing through an encrypted remote, a bare
// repository in a temp directory behind git-remote-gcrypt, with a GPG key
// made for the test (batch mode, no passphrase) in each machine's HOME.
// The merges are those of a plain remote, and the remote holds no name,
// email or note in any file or object.
#include <gtest/gtest.h>

#include "support/gitutil.h"

namespace kith::test::git_encrypted_test {
namespace {

using Json = nlohmann::ordered_json;

// Runs `script` with sh in a clean environment whose HOME is `home`.
ShellRun gpg_shell(const fs::path& home, const std::string& script) {
  return run_shell("env -i PATH=/usr/local/bin:/usr/bin:/bin HOME=" + shell_word(home.string()) +
                   " LANG=C.UTF-8 sh -c " + shell_word(script) + " 2>&1");
}

bool have_gcrypt() {
  return run_shell("command -v git-remote-gcrypt && command -v gpg").exit_code == 0;
}

// Makes a key for `email` that signs and encrypts in `home`'s keyring;
// returns its fingerprint.
std::string make_key(const fs::path& home, const std::string& email) {
  const ShellRun made =
      gpg_shell(home,
                "set -e; mkdir -p -m 700 \"$HOME/.gnupg\"; "
                "gpg --batch --passphrase '' --quick-gen-key 'Kith Test <" +
                    email +
                    ">' ed25519 sign never; "
                    "fpr=$(gpg --with-colons --list-keys '" +
                    email +
                    "' | awk -F: '/^fpr/ {print $10; exit}'); "
                    "gpg --batch --passphrase '' --quick-add-key \"$fpr\" cv25519 encr never; "
                    "echo \"FPR=$fpr\"");
  EXPECT_EQ(made.exit_code, 0) << made.out;
  const auto at = made.out.find("FPR=");
  return at == std::string::npos ? "" : made.out.substr(at + 4, 40);
}

// Copies the keys of `from` (public, secret, trust) into `to`'s keyring.
void copy_keys(const fs::path& from, const fs::path& to, bool secret) {
  const std::string gpg_from = "HOME=" + shell_word(from.string()) + " gpg --batch --armor ";
  const std::string gpg_to = "HOME=" + shell_word(to.string()) + " gpg --batch ";
  const ShellRun copied = gpg_shell(
      to, "set -e; mkdir -p -m 700 \"$HOME/.gnupg\"; " + gpg_from +
              (secret ? "--export-secret-keys" : "--export") + " | " + gpg_to + "--import; " +
              gpg_from + "--export-ownertrust | " + gpg_to + "--import-ownertrust");
  EXPECT_EQ(copied.exit_code, 0) << copied.out;
}

class EncryptedSyncTest : public ::testing::Test {
 protected:
  TempDir tmp;
  fs::path remote = tmp / "remote.git";
  Machine a{tmp / "a"};
  Machine b{tmp / "b"};
  std::string key;

  void SetUp() override {
    if (!have_gcrypt()) GTEST_SKIP() << "git-remote-gcrypt and gpg (scripts/deps test) are needed";
    key = make_key(a.home(), "me@kith.invalid");
    ASSERT_EQ(key.size(), 40u);
    copy_keys(a.home(), b.home(), true);
    ASSERT_EQ(git_in(tmp.path(), a.home(),
                     {"init", "-q", "--bare", "--initial-branch=main", remote.string()})
                  .exit_code,
              0);
  }
  void TearDown() override {
    // The agents gpg started for each keyring.
    for (const Machine* m : {&a, &b}) gpg_shell(m->home(), "gpgconf --kill all");
  }

  // Machine a's data, a git repository with the encrypted remote origin.
  void set_up_a() {
    a.kith.ok(
        {"add", "Ada Lovelace", "--email", "ada@secret.example", "--skill", "analysis", "-q"});
    a.kith.ok({"add", "Grace Hopper", "--company", "Navy", "-q"});
    a.kith.ok({"log", "ada", "--date", "2026-11-01", "--note", "talked about the engine", "-q"});
    a.kith.ok({"git", "init", "-q"});
    a.kith.ok({"git", "remote", "add", "--encrypt", "origin", remote.string(), key});
  }
  void clone_b() {
    const GitResult cloned =
        git_in(tmp.path(), b.home(), {"clone", "-q", "gcrypt::" + remote.string(), b.data()});
    ASSERT_EQ(cloned.exit_code, 0) << cloned.out;
  }
  // Every byte in the bare repository's files, and every object's content
  // as git reads it (packs and loose objects uncompressed).
  std::string everything_in_remote() const {
    std::string all;
    for (const auto& e : fs::recursive_directory_iterator(remote)) {
      if (e.is_regular_file()) all += read_file(e.path());
    }
    all += git_in(remote, a.home(), {"cat-file", "--batch-all-objects", "--batch"}).out;
    return all;
  }
};

TEST_F(EncryptedSyncTest, TwoMachinesMergeAsOverAPlainRemoteAndTheRemoteHoldsOnlyCiphertext) {
  set_up_a();
  EXPECT_EQ(a.git_ok({"config", "remote.origin.url"}), "gcrypt::" + remote.string() + "\n");
  EXPECT_EQ(a.git_ok({"config", "remote.origin.gcrypt-participants"}), key + "\n");
  const RunResult sent = a.kith.ok({"sync"});
  EXPECT_NE(sent.out.find("Sent"), std::string::npos) << sent.out;
  clone_b();
  b.kith.ok({"sync"});
  // Concurrent changes: fields of one contact, logs, a purge.
  a.kith.ok({"edit", "ada", "--company", "Analytical Engines", "-q"});
  b.kith.ok({"edit", "ada", "--role", "Mathematician", "-q"});
  a.kith.ok({"log", "ada", "--date", "2026-11-20", "--note", "quokka notes from a", "-q"});
  b.kith.ok({"log", "ada", "--date", "2026-11-10", "--note", "quokka notes from b", "-q"});
  b.kith.ok({"rm", "grace", "--purge", "--yes", "-q"});
  a.kith.ok({"sync"});
  b.kith.ok({"sync"});
  a.kith.ok({"sync"});

  for (const Machine* m : {&a, &b}) {
    EXPECT_EQ(m->status(), "") << m->root;
    const Json ada = m->kith.ok({"show", "ada", "--json"}).json();
    EXPECT_EQ(ada["company"], "Analytical Engines");
    EXPECT_EQ(ada["role"], "Mathematician");
    EXPECT_EQ(ada["interactions"].size(), 3u) << ada.dump(2);
    EXPECT_FALSE(fs::exists(m->data() / "contacts/grace-hopper.json"));
  }
  EXPECT_EQ(a.git_ok({"rev-parse", "HEAD"}), b.git_ok({"rev-parse", "HEAD"}));

  const std::string stored = everything_in_remote();
  ASSERT_GT(stored.size(), 1000u);
  for (const char* secret : {"Ada Lovelace", "ada-lovelace", "ada@secret.example",
                             "talked about the engine", "quokka notes", "Mathematician", "Grace"}) {
    EXPECT_EQ(stored.find(secret), std::string::npos) << secret;
  }
  // kith doctor has nothing to say of an encrypted remote.
  EXPECT_EQ(a.kith.ok({"doctor"}).out.find("remote"), std::string::npos);
}

TEST_F(EncryptedSyncTest, AKeyGPGDoesNotHaveIsRefusedAndAddsNoRemote) {
  set_up_a();
  a.git_ok({"remote", "remove", "origin"});
  const RunResult r =
      a.kith.run({"git", "remote", "add", "--encrypt", "origin", remote.string(), "nobody@x"});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("kith: error: GPG has no public key for 'nobody@x'"), std::string::npos)
      << r.err;
  EXPECT_EQ(a.git({"remote"}).out, "");
}

TEST_F(EncryptedSyncTest, OnlySomeoneElsesKeyIsRefused) {
  set_up_a();
  a.git_ok({"remote", "remove", "origin"});
  // A friend's public key, without its secret: a remote only they could read.
  TempDir friend_home;
  const std::string theirs = make_key(friend_home.path(), "friend@kith.invalid");
  copy_keys(friend_home.path(), a.home(), false);
  const RunResult r =
      a.kith.run({"git", "remote", "add", "--encrypt", "origin", remote.string(), theirs});
  gpg_shell(friend_home.path(), "gpgconf --kill all");
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("none of these keys has its secret key on this machine"), std::string::npos)
      << r.err;
  EXPECT_EQ(a.git({"remote"}).out, "");
  // With your own key too, both can read it.
  a.kith.ok({"git", "remote", "add", "--encrypt", "origin", remote.string(), theirs, key});
  EXPECT_EQ(a.git_ok({"config", "remote.origin.gcrypt-participants"}), theirs + " " + key + "\n");
  EXPECT_EQ(a.git_ok({"config", "remote.origin.gcrypt-signingkey"}), key + "\n");
}

TEST_F(EncryptedSyncTest, WithoutGitRemoteGcryptItSaysWhatToInstall) {
  set_up_a();
  a.git_ok({"remote", "remove", "origin"});
  // A PATH with git and gpg but not git-remote-gcrypt.
  const fs::path bin = tmp / "bin";
  fs::create_directories(bin);
  for (const char* tool : {"git", "gpg"}) {
    fs::create_symlink(fs::path("/usr/bin") / tool, bin / tool);
  }
  Kith bare = a.kith;
  bare.env("PATH", bin.string());
  const RunResult r =
      bare.run({"git", "remote", "add", "--encrypt", "origin", remote.string(), key});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find("kith: error: git-remote-gcrypt is not installed"), std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("sudo apt-get install git-remote-gcrypt gnupg"), std::string::npos) << r.err;
  EXPECT_EQ(a.git({"remote"}).out, "");
}

TEST(EncryptedRemoteUsageTest, NeedsANameAURLAndAKeyInAGitDataDirectory) {
  TempDir tmp;
  Machine m{tmp / "m"};
  m.kith.ok({"add", "Ada Lovelace", "-q"});
  RunResult r = m.kith.run({"git", "remote", "add", "--encrypt", "origin", "/srv/x.git", "k"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find("is not a git repository yet"), std::string::npos) << r.err;
  m.kith.ok({"git", "init", "-q"});
  r = m.kith.run({"git", "remote", "add", "--encrypt", "origin", "/srv/x.git"});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("name the remote, its URL and at least one GPG key"), std::string::npos)
      << r.err;
  r = m.kith.run({"git", "remote", "add", "--encrypt", "-f", "origin", "/srv/x.git", "k"});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("takes no other option: '-f'"), std::string::npos) << r.err;
  EXPECT_EQ(m.git({"remote"}).out, "");
}

TEST(DoctorRemoteTest, WarnsOfEachRemoteThatIsNeitherLocalNorEncryptedWithoutFailing) {
  TempDir tmp;
  Machine m{tmp / "m"};
  m.kith.ok({"add", "Ada Lovelace", "-q"});
  m.kith.ok({"git", "init", "-q"});
  m.git_ok({"remote", "add", "backup", "/srv/kith.git"});
  m.git_ok({"remote", "add", "private", "gcrypt::git@example.org:me/kith.git"});
  EXPECT_EQ(m.kith.ok({"doctor"}).out.find("remote"), std::string::npos);
  m.git_ok({"remote", "add", "origin", "git@example.org:me/kith.git"});
  const RunResult r = m.kith.ok({"doctor"});
  EXPECT_NE(r.out.find("warning  .git/config: the remote 'origin' (git@example.org:me/kith.git) "
                       "is not encrypted: everything in this directory is readable by whoever "
                       "hosts it"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("0 errors, 1 warning."), std::string::npos) << r.out;
  const Json j = m.kith.ok({"doctor", "--json"}).json();
  EXPECT_EQ(j["warnings"], 1);
  EXPECT_EQ(j["problems"][0]["check"], "remote");
}

}  // namespace
}  // namespace kith::test::git_encrypted_test
