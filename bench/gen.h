// A deterministic synthetic network for benchmarks: N contacts and M
// interactions spread over the ten years before `today`, with the fields a
// real network has (emails, companies, tags, skills, interests, notes,
// birthdays, follow-ups). The same parameters always give the same network,
// byte for byte, on every machine: the randomness is a fixed-seed
// SplitMix64, not the standard library's distributions.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

#include "core/status.h"
#include "core/store.h"

namespace kith::bench {

struct GenParams {
  std::size_t contacts = 1000;
  std::size_t interactions = 10000;
  std::uint64_t seed = 1;
  Date today = Date{date::year{2026} / 11 / 25};
};

// The network in memory, sorted as Store::load() returns it.
Network generate(const GenParams& params);

// Writes `network` as a data directory in kith's format (kith.json, me.json,
// contacts/<id>.json, log/<YYYY-MM>.jsonl with lines in logged order),
// directories 0700 and files 0600. `dir` must not exist or be empty.
// No fsync: this is test data, written fast.
Status write_data_dir(const Network& network, const std::filesystem::path& dir);

// `count` pending taskwarrior tasks as a JSON array for `task import`, half
// of them overdue on `today`, with projects, tags and annotations of a
// similar size to kith's records.
std::string taskwarrior_tasks(std::size_t count, std::uint64_t seed, Date today);

// A LinkedIn Connections.csv of `rows` connections as LinkedIn writes it: a
// byte order mark, the "Notes:" preamble, CRLF, quoted fields where needed.
// Names from the same pools as generate() (1% not in Latin script, so some
// people share a name), a distinct profile URL each, an email for one in
// ten, companies with and without a legal form ("Acme", "Acme Inc."), and
// Connected On dates in the ten years before `today` ("12 Mar 2024").
std::string linkedin_export(std::size_t rows, std::uint64_t seed, Date today);

}  // namespace kith::bench
