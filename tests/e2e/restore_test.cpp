// End to end: `kith export json`, then `kith import json` into an empty data
// directory, is a restore you can trust: every report reads the same, byte
// for byte (due, stats, show of every contact, list, me, pitch), and
// exporting the restored directory gives back the same document. On the
// bundled demo network, and on a generated network of 1,000 contacts and
// 10,000 interactions (bench/gen's generator) given what real data
// directories hold besides: ids merged into others (aliases) and lines that
// name them, job changes, keys kith does not know, weak ties, settings, a
// profile with a role, edited interactions and interactions that name a
// contact purged on another machine.
#include <chrono>
#include <iostream>
#include <sstream>

#include <gtest/gtest.h>

#include "bench/gen.h"
#include "cli/app.h"
#include "support/labels.h"
#include "support/testutil.h"

namespace kith::test::restore_test {
namespace {

using ::kith::test::operator<<;

using Json = nlohmann::ordered_json;

constexpr const char* kToday = "2026-11-20";

std::vector<std::string> contact_ids(const fs::path& data) {
  std::vector<std::string> ids;
  for (const auto& entry : fs::directory_iterator(data / "contacts")) {
    const std::string name = entry.path().filename().string();
    if (name.ends_with(".json")) ids.push_back(name.substr(0, name.size() - 5));
  }
  std::sort(ids.begin(), ids.end());
  return ids;
}

// Exports `original`, imports the export into an empty directory beside
// it, and returns the restored directory's runner.
Kith restore(const TempDir& tmp, const Kith& original) {
  const fs::path backup = tmp / "backup.json";
  const RunResult exported = original.ok({"export", "json", "-o", backup.string()});
  EXPECT_TRUE(exported.out.empty()) << exported.out;
  Kith restored{tmp / "restored"};
  restored.today(kToday);
  EXPECT_FALSE(fs::exists(restored.data_dir()));
  const RunResult imported = restored.run({"import", "json", backup.string()});
  EXPECT_EQ(imported.exit_code, 0) << imported.err;
  return restored;
}

// Every report `args` prints, the same from both directories. `here`: in
// this process (Kith::run_in_process), else by the kith binary.
void expect_same(const Kith& original, const Kith& restored, const std::vector<std::string>& args,
                 bool here = false) {
  const RunResult a = here ? original.run_in_process(args) : original.run(args);
  const RunResult b = here ? restored.run_in_process(args) : restored.run(args);
  ASSERT_EQ(a.exit_code, 0) << command_text(args) << "\n" << a.err;
  ASSERT_EQ(b.exit_code, 0) << command_text(args) << "\n" << b.err;
  ASSERT_FALSE(a.out.empty()) << command_text(args);
  ASSERT_EQ(a.out, b.out) << "kith " << command_text(args) << " differs after the restore";
}

// The reports of the whole network, and the export again.
void expect_same_network(const TempDir& tmp, const Kith& original, const Kith& restored) {
  for (const auto& args : std::vector<std::vector<std::string>>{
           {"due", "--json"},
           {"stats", "--json"},
           {"list", "--json", "--all"},
           {"me", "--json"},
           {"dupes", "--json"},
           {"due", "--all"},
       }) {
    expect_same(original, restored, args);
  }
  const RunResult again = restored.ok({"export", "json"});
  EXPECT_EQ(again.out, read_file(tmp / "backup.json"))
      << "exporting the restored directory gives another document";
}

TEST(RestoreFromExportJson, ReproducesEveryReportOfTheDemoNetwork) {
  TempDir tmp;
  fs::copy(fs::path(KITH_SOURCE_DIR) / "examples/demo", tmp / "data", fs::copy_options::recursive);
  Kith original{tmp / "data"};
  original.today(kToday);
  const Kith restored = restore(tmp, original);

  expect_same_network(tmp, original, restored);
  const std::vector<std::string> ids = contact_ids(tmp / "data");
  ASSERT_EQ(ids.size(), 13u);
  EXPECT_EQ(contact_ids(restored.data_dir()), ids);
  for (const auto& id : ids) {
    expect_same(original, restored, {"show", "--json", id});
    expect_same(original, restored, {"show", "--full", id});
    // An archived contact has no pitch.
    if (read_json(tmp / "data" / "contacts" / (id + ".json"))["archived"] == true) continue;
    expect_same(original, restored, {"pitch", "--json", id});
  }
  // The profile's role, which a first message to someone new says.
  EXPECT_EQ(read_json(restored.data_dir() / "me.json")["role"], "Senior Software Engineer");
}

// What a network that has lived for a while holds, beyond what the
// generator writes.
void season(Network& n) {
  using Record = kith::Json;  // the records' JSON (the tests read ordered_json)
  n.config.settings = Record::object({{"every", "6w"}, {"daily", 5}, {"homework", 2}});
  n.profile.role = "Staff Engineer";
  n.profile.company = "Gridwise";
  n.profile.extra["pronouns"] = "she/her";

  std::map<std::string, int> interactions_of;
  for (const auto& i : n.interactions) {
    for (const auto& id : i.contacts) ++interactions_of[id];
  }
  // Two contacts with ids merged into them, and log lines that still name
  // those ids (logged on a machine that had not synced the merge yet).
  int merged = 0;
  for (auto& c : n.contacts) {
    if (merged == 2 || c.archived || interactions_of[c.id] < 3) continue;
    const std::string alias = c.id + "-old";
    c.aliases.push_back(alias);
    int renamed = 0;
    for (auto& i : n.interactions) {
      if (renamed == 2) break;
      if (i.contacts.size() == 1 && i.contacts.front() == c.id) {
        i.contacts.front() = alias;
        ++renamed;
      }
    }
    ++merged;
  }
  ASSERT_EQ(merged, 2);
  // Job changes (one with a key of its own), keys kith does not know, and
  // weak ties: imported, never contacted, no cadence of their own.
  int weak = 0;
  for (std::size_t k = 0; k < n.contacts.size(); ++k) {
    Contact& c = n.contacts[k];
    if (k % 50 == 7) {
      c.job_changes.push_back({Date{date::year{2026} / 10 / 1},
                               {c.company, "Engineer"},
                               {std::string("Globex"), c.role},
                               Record::object({{"seen_in", "Connections.csv"}})});
    }
    if (k % 40 == 3) c.extra["crm_id"] = Record::array({static_cast<int>(k), "x"});
    if (weak < 10 && interactions_of[c.id] == 0 && !c.every && !c.archived) {
      c.extra["imported_from"] = "linkedin";
      ++weak;
    }
  }
  ASSERT_EQ(weak, 10);
  // Interactions with keys of their own, edited ones, follow-ups with keys
  // of their own, and lines naming a contact purged on another machine.
  for (std::size_t k = 0; k < n.interactions.size(); k += 97) {
    Interaction& i = n.interactions[k];
    i.extra["place"] = "Café Einstein";
    if (k % 2 == 0) i.extra["revision"] = 2;
    if (i.follow_up) i.follow_up->extra["reminded"] = true;
  }
  n.interactions[10].contacts.push_back("purged-elsewhere");
  n.interactions[20].contacts = {"purged-elsewhere"};
}

TEST(RestoreFromExportJson, ReproducesEveryReportOfAGeneratedThousandContacts) {
  TempDir tmp;
  bench::GenParams params;
  params.contacts = 1000;
  params.interactions = 10000;
  params.today = Date{date::year{2026} / 11 / 20};
  Network network = bench::generate(params);
  season(network);
  if (HasFatalFailure()) return;
  ASSERT_TRUE(bench::write_data_dir(network, tmp / "data"));
  Kith original{tmp / "data"};
  original.today(kToday);

  const auto start = std::chrono::steady_clock::now();
  const Kith restored = restore(tmp, original);
  const auto took = std::chrono::steady_clock::now() - start;
  std::cout << "[          ] export and import of 1,000 contacts, 10,000 interactions: "
            << std::chrono::duration_cast<std::chrono::milliseconds>(took).count() << " ms\n";

  expect_same_network(tmp, original, restored);
  const std::vector<std::string> ids = contact_ids(tmp / "data");
  ASSERT_EQ(ids.size(), 1000u);
  EXPECT_EQ(contact_ids(restored.data_dir()), ids);
  // Every contact's record is the same (the restored directory exports the
  // very document it was restored from: expect_same_network); `show` of one
  // in ten of them, spread over the ids, keeps the suite within its time
  // under the sanitizers (each show reads the whole network). The demo
  // network above checks `show` of every contact.
  for (std::size_t k = 0; k < ids.size(); k += 10) {
    expect_same(original, restored, {"show", "--json", ids[k]}, true);
    if (HasFatalFailure()) return;
  }
  // A pitch reads the whole network: one in fifty.
  for (std::size_t k = 0; k < ids.size(); k += 50) {
    if (read_json(tmp / "data" / "contacts" / (ids[k] + ".json"))["archived"] == true) continue;
    expect_same(original, restored, {"pitch", "--json", ids[k]}, true);
  }
  // The merged ids still find their contacts, and the lines that name a
  // contact purged elsewhere are back as they were.
  int aliases = 0;
  for (const auto& c : network.contacts) {
    for (const auto& alias : c.aliases) {
      const RunResult shown = restored.run_in_process({"show", "--json", alias});
      ASSERT_EQ(shown.exit_code, 0) << shown.err;
      EXPECT_EQ(shown.json()["id"], c.id);
      ++aliases;
    }
  }
  EXPECT_EQ(aliases, 2);
  int purged = 0;
  for (const auto& entry : fs::directory_iterator(restored.data_dir() / "log")) {
    const std::string text = read_file(entry.path());
    for (std::size_t at = text.find("\"purged-elsewhere\""); at != std::string::npos;
         at = text.find("\"purged-elsewhere\"", at + 1)) {
      ++purged;
    }
  }
  EXPECT_EQ(purged, 2);
}

}  // namespace
}  // namespace kith::test::restore_test
