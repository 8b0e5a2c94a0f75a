#include "searchd/metrics.h"

#include <cstdio>

namespace morgue::searchd {
namespace {

// Label values may hold anything a generation name holds; the format escapes three.
std::string escape_label(std::string_view value) {
  std::string out;
  for (char c : value) {
    if (c == '\\') {
      out += "\\\\";
    } else if (c == '"') {
      out += "\\\"";
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out += c;
    }
  }
  return out;
}

std::string number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6g", v);
  return buf;
}

void header(std::string& out, const char* name, const char* type, const char* help) {
  out += "# HELP ";
  out += name;
  out += ' ';
  out += help;
  out += "\n# TYPE ";
  out += name;
  out += ' ';
  out += type;
  out += '\n';
}

}  // namespace

Endpoint endpoint_for_path(std::string_view path) {
  if (path == "/search") return Endpoint::kSearch;
  if (path.starts_with("/doc/")) return Endpoint::kDoc;
  if (path == "/health") return Endpoint::kHealth;
  if (path == "/metrics") return Endpoint::kMetrics;
  if (path == "/" || path.starts_with("/assets/")) return Endpoint::kPage;
  if (path == "/entities") return Endpoint::kEntities;
  return Endpoint::kOther;
}

const char* endpoint_name(Endpoint endpoint) {
  switch (endpoint) {
    case Endpoint::kSearch:
      return "search";
    case Endpoint::kDoc:
      return "doc";
    case Endpoint::kHealth:
      return "health";
    case Endpoint::kMetrics:
      return "metrics";
    case Endpoint::kPage:
      return "page";
    case Endpoint::kEntities:
      return "entities";
    case Endpoint::kOther:
      return "other";
  }
  return "other";
}

void Metrics::observe(Endpoint endpoint, int status, double seconds) {
  std::size_t bucket = 0;
  while (bucket < kBuckets.size() && seconds > kBuckets[bucket]) ++bucket;
  const std::lock_guard lock(mutex_);
  ++requests_[{endpoint, status}];
  Histogram& h = latency_[static_cast<std::size_t>(endpoint)];
  if (bucket < kBuckets.size()) ++h.buckets[bucket];
  ++h.count;
  h.sum += seconds;
}

std::string Metrics::render(const IndexGauges& index) const {
  std::string out;
  {
    const std::lock_guard lock(mutex_);
    header(out, "morgued_http_requests_total", "counter", "HTTP requests answered, by endpoint and status.");
    for (const auto& [key, n] : requests_) {
      out += "morgued_http_requests_total{endpoint=\"";
      out += endpoint_name(key.first);
      out += "\",status=\"" + std::to_string(key.second) + "\"} " + std::to_string(n) + '\n';
    }
    header(out, "morgued_http_request_duration_seconds", "histogram",
           "Time from a parsed request to the last byte of its response, by endpoint.");
    for (std::size_t e = 0; e < kEndpointCount; ++e) {
      const Histogram& h = latency_[e];
      if (h.count == 0) continue;
      const std::string label = std::string("endpoint=\"") + endpoint_name(static_cast<Endpoint>(e)) + '"';
      std::uint64_t cumulative = 0;
      for (std::size_t b = 0; b < kBuckets.size(); ++b) {
        cumulative += h.buckets[b];
        out += "morgued_http_request_duration_seconds_bucket{" + label + ",le=\"" + number(kBuckets[b]) + "\"} " +
               std::to_string(cumulative) + '\n';
      }
      out +=
          "morgued_http_request_duration_seconds_bucket{" + label + ",le=\"+Inf\"} " + std::to_string(h.count) + '\n';
      out += "morgued_http_request_duration_seconds_sum{" + label + "} " + number(h.sum) + '\n';
      out += "morgued_http_request_duration_seconds_count{" + label + "} " + std::to_string(h.count) + '\n';
    }
  }
  header(out, "morgued_index_available", "gauge", "1 when an index is open and searchable, else 0.");
  out += "morgued_index_available " + std::string(index.available ? "1" : "0") + '\n';
  header(out, "morgued_index_documents", "gauge", "Documents in the index being served.");
  out += "morgued_index_documents " + std::to_string(index.documents) + '\n';
  header(out, "morgued_index_generation_info", "gauge",
         "Always 1; the generation label (directory:revision) of the index being served.");
  out += "morgued_index_generation_info{generation=\"" + escape_label(index.generation) + "\"} 1\n";
  header(out, "morgued_index_reloads_total", "counter",
         "Times a searcher picked up new data or a swapped-in index, or opened one that appeared.");
  out += "morgued_index_reloads_total " + std::to_string(index.reloads) + '\n';
  header(out, "morgued_searches_waiting", "gauge",
         "Requests waiting for a searcher (all --threads searchers busy), served first come, first served.");
  out += "morgued_searches_waiting " + std::to_string(index.waiting) + '\n';
  header(out, "morgued_facet_column_builds_total", "counter",
         "Facet columns built in the background, one per revision searched with facets, date order or recency.");
  out += "morgued_facet_column_builds_total " + std::to_string(index.facet_column_builds) + '\n';
  header(out, "morgued_facet_column_build_seconds", "gauge", "How long the last facet column build took.");
  out += "morgued_facet_column_build_seconds " + number(index.facet_column_build_seconds) + '\n';
  return out;
}

}  // namespace morgue::searchd
