// Work on many independent items split over a few threads: the reads and
// parses of thousands of files, where one thread waits on system calls or
// the JSON parser while another works.
#pragma once

#include <algorithm>
#include <cstddef>
#include <system_error>
#include <thread>
#include <vector>

namespace kith {

// Calls work(begin, end) on ranges that together cover [0, count) once,
// on up to `max_threads` threads (fewer on fewer cores, and one per
// `per_thread` items at most), this thread taking the first range. When no
// more threads can be had, this thread does the rest. `work` must only touch
// what belongs to its own items.
template <class Work>
void parallel_ranges(std::size_t count, std::size_t per_thread, unsigned max_threads, Work work) {
  const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  const auto threads = static_cast<std::size_t>(std::min<std::size_t>(
      {cores, max_threads,
       std::max<std::size_t>(1, count / std::max<std::size_t>(1, per_thread))}));
  const std::size_t chunk = (count + threads - 1) / threads;
  std::vector<std::thread> helpers;
  std::size_t begin = chunk;  // the first chunk is this thread's
  try {
    for (; begin < count; begin += chunk) {
      helpers.emplace_back(work, begin, std::min(count, begin + chunk));
    }
  } catch (const std::system_error&) {
    // No more threads to be had: this one does the rest.
  }
  work(std::size_t{0}, std::min(count, chunk));
  if (begin < count) work(begin, count);
  for (auto& t : helpers) t.join();
}

}  // namespace kith
