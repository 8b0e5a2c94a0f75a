#include "indexer/progress.h"

#include <cstdio>

namespace morgue::indexer {
namespace {

constexpr auto kRedrawInterval = std::chrono::milliseconds(250);

std::string format_duration(double seconds) {
  const long s = static_cast<long>(seconds + 0.5);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%ld:%02ld", s / 60, s % 60);
  return buf;
}

}  // namespace

Progress::Progress(bool enabled, std::uintmax_t total_bytes)
    : enabled_(enabled), total_bytes_(total_bytes), start_(std::chrono::steady_clock::now()) {}

double Progress::elapsed_seconds() const {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
}

void Progress::update(const IndexStats& stats, std::uintmax_t bytes_done) {
  if (!enabled_) return;
  const auto now = std::chrono::steady_clock::now();
  if (drawn_ && now - last_draw_ < kRedrawInterval) return;
  last_draw_ = now;
  drawn_ = true;
  const double elapsed = elapsed_seconds();
  const double rate = elapsed > 0 ? static_cast<double>(stats.read()) / elapsed : 0;
  std::string eta = "";
  if (total_bytes_ > 0 && bytes_done > 0 && bytes_done <= total_bytes_) {
    const double fraction = static_cast<double>(bytes_done) / static_cast<double>(total_bytes_);
    eta = "  ETA " + format_duration(elapsed / fraction - elapsed);
  }
  std::fprintf(stderr, "\r\033[K%lu articles  %.0f articles/s  %s%s", stats.read(), rate,
               format_duration(elapsed).c_str(), eta.c_str());
  std::fflush(stderr);
}

void Progress::clear() {
  if (enabled_ && drawn_) {
    std::fprintf(stderr, "\r\033[K");
    std::fflush(stderr);
  }
}

std::string summary_line(const IndexStats& s) {
  const double rate = s.seconds > 0 ? static_cast<double>(s.read()) / s.seconds : 0;
  char buf[512];
  std::snprintf(buf, sizeof buf,
                "%lu article%s in %.2f s (%.0f articles/s, %.2f MB/s of text): %lu added, %lu updated, "
                "%lu unchanged, %lu deleted, %lu failed",
                s.read(), s.read() == 1 ? "" : "s", s.seconds, rate, s.seconds > 0 ? s.text_megabytes / s.seconds : 0.0,
                s.added, s.updated, s.unchanged, s.deleted, s.failed);
  std::string line = buf;
  for (const auto& [reason, count] : s.skipped) line += ", " + std::to_string(count) + " skipped (" + reason + ")";
  line += "; the index holds " + std::to_string(s.documents) + " documents";
  return line;
}

}  // namespace morgue::indexer
