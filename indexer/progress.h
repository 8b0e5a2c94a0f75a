// The progress line on a terminal (documents, documents/s, ETA) and the summary.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

#include "common/index_stats.h"

namespace morgue::indexer {

class Progress {
 public:
  // Shows a live line only when `enabled` (stderr is a terminal and not --quiet).
  Progress(bool enabled, std::uintmax_t total_bytes);

  // Called per article; redraws at most a few times a second.
  void update(const IndexStats& stats, std::uintmax_t bytes_done);
  void clear();  // erases the live line before other output

  [[nodiscard]] double elapsed_seconds() const;

 private:
  bool enabled_;
  std::uintmax_t total_bytes_;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_draw_;
  bool drawn_ = false;
};

// "5 articles in 0.04 s (125 articles/s): 5 added, 0 updated, 0 unchanged, 0 failed; index holds 5"
[[nodiscard]] std::string summary_line(const IndexStats& stats);

}  // namespace morgue::indexer
