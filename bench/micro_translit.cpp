// Micro-benchmarks of the transliteration of names (core/transliterate):
// building ICU's transform, one name, and the ids of 5,000 new contacts with
// ASCII and with CJK names, as an import allocates them.
#include <set>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include "core/contacts.h"
#include "core/transliterate.h"

namespace {

using kith::text::Transliterator;

// Building the transform: what a command pays once, on its first name in
// another script than Latin.
void BM_TransliteratorBuild(benchmark::State& state) {
  for (auto _ : state) {
    const Transliterator t;
    benchmark::DoNotOptimize(t.to_latin("\u674e"));
  }
}
BENCHMARK(BM_TransliteratorBuild)->Unit(benchmark::kMillisecond);

void BM_ToLatin(benchmark::State& state, const char* name) {
  const Transliterator t;
  (void)t.to_latin("\u674e");  // built before the loop
  for (auto _ : state) benchmark::DoNotOptimize(t.to_latin(name));
}
BENCHMARK_CAPTURE(BM_ToLatin, ascii, "Ada Lovelace");
BENCHMARK_CAPTURE(BM_ToLatin, latin_accents, "Jos\u00e9 N\u00fa\u00f1ez");
BENCHMARK_CAPTURE(BM_ToLatin, cjk, "\u674e\u96f7");
BENCHMARK_CAPTURE(BM_ToLatin, cyrillic, "\u0414\u043c\u0438\u0442\u0440\u0438\u0439");

std::vector<std::string> names(bool cjk) {
  static const char* const kFamily[] = {"\u674e", "\u738b", "\u5f20", "\u5218", "\u9648"};
  static const char* const kGiven[] = {"\u96f7", "\u5c0f\u9f99", "\u82b3", "\u4f1f", "\u79c0"};
  static const char* const kFirst[] = {"Ada", "Grace", "Alan", "Edsger", "Barbara"};
  static const char* const kLast[] = {"Lovelace", "Hopper", "Turing", "Dijkstra", "Liskov"};
  std::vector<std::string> out;
  for (int i = 0; i < 5000; ++i) {
    out.push_back((cjk ? std::string(kFamily[i % 5]) + kGiven[(i / 5) % 5]
                       : std::string(kFirst[i % 5]) + " " + kLast[(i / 5) % 5]) +
                  " " + std::to_string(i));
  }
  return out;
}

// 5,000 new ids of distinct names ("李雷 42", "Ada Lovelace 42"), one
// transliterator for them all, as plan_import keeps one.
void BM_AllocateIds(benchmark::State& state) {
  const std::vector<std::string> all = names(state.range(0) != 0);
  for (auto _ : state) {
    const Transliterator t;
    std::set<std::string, std::less<>> taken;
    for (const auto& name : all) taken.insert(kith::allocate_id(name, taken, t));
    benchmark::DoNotOptimize(taken.size());
  }
}
BENCHMARK(BM_AllocateIds)->ArgName("cjk")->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

}  // namespace
