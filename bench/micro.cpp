// Micro-benchmarks of the due engine and the loaders, on generated networks.
//   kith_micro [--benchmark_filter=REGEX]
// Data directories are generated once per size under $TMPDIR and removed at
// exit.
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <utility>

#include <benchmark/benchmark.h>

#include "bench/gen.h"
#include "core/due.h"
#include "core/history.h"

namespace {

namespace fs = std::filesystem;
using kith::bench::GenParams;

const kith::Date kToday{date::year{2026} / 11 / 25};

GenParams params_of(const benchmark::State& state) {
  GenParams p;
  p.contacts = static_cast<std::size_t>(state.range(0));
  p.interactions = static_cast<std::size_t>(state.range(1));
  p.today = kToday;
  return p;
}

kith::SummaryOptions summary_options() {
  kith::SummaryOptions o;
  o.until = kToday;
  return o;
}

// One generated network and its data directory per size, kept for the run.
struct Fixture {
  kith::Network network;
  fs::path dir;
};

class Fixtures {
 public:
  ~Fixtures() {
    std::error_code ec;
    if (!root_.empty()) fs::remove_all(root_, ec);
  }
  const Fixture& get(const GenParams& p) {
    auto key = std::make_pair(p.contacts, p.interactions);
    auto it = cache_.find(key);
    if (it != cache_.end()) return it->second;
    if (root_.empty()) {
      const char* tmp = std::getenv("TMPDIR");
      std::string pattern = std::string(tmp && *tmp ? tmp : "/tmp") + "/kith-micro-XXXXXX";
      root_ = ::mkdtemp(pattern.data());
    }
    Fixture f;
    f.network = kith::bench::generate(p);
    f.dir = root_ / (std::to_string(p.contacts) + "-" + std::to_string(p.interactions));
    if (auto s = kith::bench::write_data_dir(f.network, f.dir); !s) std::abort();
    return cache_.emplace(key, std::move(f)).first->second;
  }

 private:
  fs::path root_;
  std::map<std::pair<std::size_t, std::size_t>, Fixture> cache_;
};

Fixtures& fixtures() {
  static Fixtures f;
  return f;
}

void Sizes(benchmark::internal::Benchmark* b) {
  b->Args({1000, 10000})->Args({10000, 10000})->Args({1000, 100000})->Args({10000, 100000});
  b->Unit(benchmark::kMillisecond);
}

void BM_ComputeDue(benchmark::State& state) {
  const Fixture& f = fixtures().get(params_of(state));
  for (auto _ : state) {
    auto report = kith::compute_due(f.network, kToday, {});
    benchmark::DoNotOptimize(report);
  }
  state.SetComplexityN(state.range(0) + state.range(1));
}
BENCHMARK(BM_ComputeDue)->Apply(Sizes);

void BM_Summarize(benchmark::State& state) {
  const Fixture& f = fixtures().get(params_of(state));
  for (auto _ : state) benchmark::DoNotOptimize(kith::summarize(f.network.interactions));
}
BENCHMARK(BM_Summarize)->Apply(Sizes);

// A store reading through the cache (filled before timing) or without one.
kith::Store store_of(const Fixture& f, bool cached) {
  if (!cached) return kith::Store(f.dir);
  kith::CacheOptions options;
  options.root = f.dir.parent_path() / ("cache-" + f.dir.filename().string());
  options.now = std::chrono::system_clock::now() + std::chrono::hours(1);  // all settled
  kith::Store store(f.dir, options);
  std::vector<std::string> warnings;
  if (!store.load_contacts() || !store.summarize_log(summary_options())) std::abort();
  return store;
}

void BM_LoadContacts(benchmark::State& state) {
  const Fixture& f = fixtures().get(params_of(state));
  const kith::Store store = store_of(f, state.range(2) != 0);
  for (auto _ : state) {
    auto contacts = store.load_contacts();
    if (!contacts) state.SkipWithError("load failed");
    benchmark::DoNotOptimize(contacts);
  }
}
BENCHMARK(BM_LoadContacts)
    ->ArgNames({"contacts", "interactions", "cached"})
    ->Args({1000, 10000, 0})
    ->Args({10000, 10000, 0})
    ->Args({1000, 10000, 1})
    ->Args({10000, 10000, 1})
    ->Unit(benchmark::kMillisecond);

void BM_LoadInteractions(benchmark::State& state) {
  const Fixture& f = fixtures().get(params_of(state));
  const kith::Store store(f.dir);
  for (auto _ : state) {
    std::vector<std::string> warnings;
    auto interactions = store.load_interactions(warnings);
    if (!interactions) state.SkipWithError("load failed");
    benchmark::DoNotOptimize(interactions);
  }
}
BENCHMARK(BM_LoadInteractions)->Apply(Sizes);

void BM_SummarizeLog(benchmark::State& state) {
  const Fixture& f = fixtures().get(params_of(state));
  const kith::Store store = store_of(f, state.range(2) != 0);
  for (auto _ : state) {
    auto summary = store.summarize_log(summary_options());
    if (!summary) state.SkipWithError("summary failed");
    benchmark::DoNotOptimize(summary);
  }
}
BENCHMARK(BM_SummarizeLog)
    ->ArgNames({"contacts", "interactions", "cached"})
    ->Args({1000, 10000, 0})
    ->Args({1000, 100000, 0})
    ->Args({1000, 10000, 1})
    ->Args({1000, 100000, 1})
    ->Args({10000, 100000, 1})
    ->Unit(benchmark::kMillisecond);

// What `kith log` reads of the log: one contact's history and the id hashes.
void BM_SummarizeLogForOneContact(benchmark::State& state) {
  const Fixture& f = fixtures().get(params_of(state));
  const kith::Store store = store_of(f, state.range(2) != 0);
  kith::SummaryOptions o = summary_options();
  o.id_hashes = true;
  o.only.emplace({f.network.contacts.front().id});
  for (auto _ : state) {
    auto summary = store.summarize_log(o);
    if (!summary) state.SkipWithError("summary failed");
    benchmark::DoNotOptimize(summary);
  }
}
BENCHMARK(BM_SummarizeLogForOneContact)
    ->ArgNames({"contacts", "interactions", "cached"})
    ->Args({1000, 10000, 1})
    ->Args({10000, 100000, 1})
    ->Unit(benchmark::kMicrosecond);

void BM_ComputeDueFromSummary(benchmark::State& state) {
  const Fixture& f = fixtures().get(params_of(state));
  auto summary = kith::Store(f.dir).summarize_log(summary_options());
  if (!summary) std::abort();
  for (auto _ : state) {
    auto report = kith::compute_due(f.network, *summary, kToday, {});
    benchmark::DoNotOptimize(report);
  }
}
BENCHMARK(BM_ComputeDueFromSummary)->Apply(Sizes);

void BM_DueJson(benchmark::State& state) {
  const Fixture& f = fixtures().get(params_of(state));
  const auto report = kith::compute_due(f.network, kToday, {});
  for (auto _ : state) {
    std::string text = kith::to_json_text(report);  // what kith due --json prints
    benchmark::DoNotOptimize(text);
  }
}
BENCHMARK(BM_DueJson)->Apply(Sizes);

}  // namespace

BENCHMARK_MAIN();
