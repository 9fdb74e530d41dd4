// kith_gen: writes a synthetic data directory (or taskwarrior tasks) for the
// benchmarks. Deterministic: the same arguments give the same bytes.
//
//   kith_gen DIR [--contacts N] [--interactions M] [--seed S] [--today DATE]
//   kith_gen --taskwarrior FILE [--tasks N] [--seed S] [--today DATE]
//   kith_gen --linkedin FILE [--rows N] [--seed S] [--today DATE]
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "bench/gen.h"

namespace {

int usage() {
  std::cerr << "usage: kith_gen DIR [--contacts N] [--interactions M] [--seed S] [--today DATE]\n"
               "       kith_gen --taskwarrior FILE [--tasks N] [--seed S] [--today DATE]\n"
               "       kith_gen --linkedin FILE [--rows N] [--seed S] [--today DATE]\n";
  return 2;
}

bool parse_count(const std::string& s, std::size_t& out) {
  if (s.empty() || s.size() > 9 || s.find_first_not_of("0123456789") != std::string::npos) {
    return false;
  }
  out = std::stoul(s);
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  kith::bench::GenParams params;
  std::string dir;
  std::string taskwarrior;
  std::size_t tasks = 10000;
  std::string linkedin;
  std::size_t rows = 5000;
  for (std::size_t k = 0; k < args.size(); ++k) {
    const std::string& a = args[k];
    const bool has_value = k + 1 < args.size();
    std::size_t n = 0;
    if (a == "--contacts" && has_value && parse_count(args[k + 1], n)) {
      params.contacts = n;
    } else if (a == "--interactions" && has_value && parse_count(args[k + 1], n)) {
      params.interactions = n;
    } else if (a == "--tasks" && has_value && parse_count(args[k + 1], n)) {
      tasks = n;
    } else if (a == "--seed" && has_value && parse_count(args[k + 1], n)) {
      params.seed = n;
    } else if (a == "--today" && has_value) {
      auto d = kith::parse_iso_date(args[k + 1]);
      if (!d) return usage();
      params.today = *d;
    } else if (a == "--rows" && has_value && parse_count(args[k + 1], n)) {
      rows = n;
    } else if (a == "--linkedin" && has_value) {
      linkedin = args[k + 1];
    } else if (a == "--taskwarrior" && has_value) {
      taskwarrior = args[k + 1];
    } else if (!a.starts_with("-") && dir.empty()) {
      dir = a;
      continue;
    } else {
      return usage();
    }
    ++k;
  }
  if (!linkedin.empty()) {
    std::ofstream out(linkedin, std::ios::binary | std::ios::trunc);
    out << kith::bench::linkedin_export(rows, params.seed, params.today);
    if (!out.flush()) {
      std::cerr << "kith_gen: cannot write " << linkedin << "\n";
      return 1;
    }
    return 0;
  }
  if (!taskwarrior.empty()) {
    std::ofstream out(taskwarrior, std::ios::binary | std::ios::trunc);
    out << kith::bench::taskwarrior_tasks(tasks, params.seed, params.today);
    if (!out.flush()) {
      std::cerr << "kith_gen: cannot write " << taskwarrior << "\n";
      return 1;
    }
    return 0;
  }
  if (dir.empty()) return usage();
  std::error_code ec;
  if (std::filesystem::exists(dir, ec) && !std::filesystem::is_empty(dir, ec)) {
    std::cerr << "kith_gen: " << dir << " exists and is not empty\n";
    return 1;
  }
  const kith::Network network = kith::bench::generate(params);
  if (auto s = kith::bench::write_data_dir(network, dir); !s) {
    std::cerr << "kith_gen: " << s.error().message << "\n";
    return 1;
  }
  return 0;
}
