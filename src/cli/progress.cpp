#include "cli/progress.h"

#include <algorithm>

namespace kith::cli {

namespace {
constexpr std::size_t kBarWidth = 20;
}

Progress::Progress(std::ostream& err, std::string label, std::size_t total, bool enabled)
    : err_(err), label_(std::move(label)), total_(total), enabled_(enabled && total > 0) {}

std::string Progress::render(std::string_view label, std::size_t done, std::size_t total) {
  if (total == 0) total = 1;
  if (done > total) done = total;
  const std::size_t filled = done * kBarWidth / total;
  const std::size_t percent = done * 100 / total;
  std::string line = "kith: " + std::string(label) + " [";
  line.append(filled, '#');
  line.append(kBarWidth - filled, '.');
  line += "] ";
  const std::string pct = std::to_string(percent) + "%";
  line.append(4 - std::min<std::size_t>(4, pct.size()), ' ');
  line += pct + "  " + std::to_string(done) + "/" + std::to_string(total);
  return line;
}

void Progress::step() {
  if (!enabled_) return;
  ++done_;
  const int percent = static_cast<int>(std::min(done_, total_) * 100 / total_);
  if (percent == shown_percent_) return;
  shown_percent_ = percent;
  err_ << "\r" << render(label_, done_, total_) << std::flush;
}

void Progress::finish() {
  if (!enabled_) return;
  enabled_ = false;
  if (shown_percent_ >= 0) err_ << "\r\x1b[K" << std::flush;
}

}  // namespace kith::cli
