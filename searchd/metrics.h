// Counters for GET /metrics in the Prometheus text format (version 0.0.4).
// Endpoints are a fixed enum, never the raw path: a scanner walking random URLs
// must not grow the label set without bound.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>

namespace morgue::searchd {

enum class Endpoint { kSearch, kDoc, kHealth, kMetrics, kPage, kEntities, kOther };
inline constexpr std::size_t kEndpointCount = 7;

[[nodiscard]] Endpoint endpoint_for_path(std::string_view path);
[[nodiscard]] const char* endpoint_name(Endpoint endpoint);

// What /metrics reports about the index; read when the metrics are rendered.
struct IndexGauges {
  bool available = false;
  std::uint64_t documents = 0;
  std::string generation;
  std::uint64_t reloads = 0;
  std::size_t waiting = 0;  // requests waiting for a searcher
  std::uint64_t facet_column_builds = 0;  // common/background_facet_columns.h
  double facet_column_build_seconds = 0;  // the last build's
};

class Metrics {
 public:
  void observe(Endpoint endpoint, int status, double seconds);
  [[nodiscard]] std::string render(const IndexGauges& index) const;

  // Upper bounds of the latency buckets, in seconds (+Inf is implied).
  static constexpr std::array<double, 12> kBuckets = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                      0.05,   0.1,   0.25,   0.5,   1,    2.5};

 private:
  struct Histogram {
    std::array<std::uint64_t, kBuckets.size()> buckets{};  // non-cumulative
    std::uint64_t count = 0;
    double sum = 0;
  };

  // One mutex: an observation is a few increments, far below a request's cost.
  mutable std::mutex mutex_;
  std::map<std::pair<Endpoint, int>, std::uint64_t> requests_;
  std::array<Histogram, kEndpointCount> latency_{};
};

}  // namespace morgue::searchd
