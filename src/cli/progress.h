// A one-line progress bar on stderr, for imports long enough to wait for:
//   kith: importing [##########..........]  50%  500/1000
// Drawn only when enabled (stderr is a terminal); redrawn only when the
// percentage changes; the line is cleared when done.
#pragma once

#include <cstddef>
#include <ostream>
#include <string>

namespace kith::cli {

class Progress {
 public:
  Progress(std::ostream& err, std::string label, std::size_t total, bool enabled);
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;
  ~Progress() { finish(); }

  void step();    // one more item done
  void finish();  // clears the line (once)

  // The line as drawn for `done` of `total` (without the leading "\r").
  static std::string render(std::string_view label, std::size_t done, std::size_t total);

 private:
  std::ostream& err_;
  std::string label_;
  std::size_t total_;
  std::size_t done_ = 0;
  int shown_percent_ = -1;
  bool enabled_;
};

}  // namespace kith::cli
