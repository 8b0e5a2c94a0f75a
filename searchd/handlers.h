// The endpoints of morgued, free of any HTTP library: the server turns a request
// into a call here and copies the Reply back. This is the one place where error
// types become HTTP statuses (docs/http-api.md):
//   QueryError -> 400, absent document -> 404, IndexUnavailable -> 503,
// and no exception leaves a handler.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "common/query_builder.h"
#include "searchd/metrics.h"
#include "searchd/query_string.h"
#include "searchd/searcher_pool.h"

namespace morgue::searchd {

// Query-string parameters, already percent-decoded; a name may repeat.

struct Reply {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
};

// GET /search's parameters -> a validated SearchRequest. Throws QueryError naming
// the parameter (a bad date, sort or facet, a non-numeric or too large offset/limit...).
[[nodiscard]] SearchRequest parse_search_params(const Params& params);

// A JSON error reply: {"error":{"code","message"[,"parameter"]}}.
[[nodiscard]] Reply error_reply(int status, std::string_view code, std::string_view message,
                                std::string_view parameter = {});

class Handlers {
 public:
  Handlers(SearcherPool& pool, const Metrics& metrics) : pool_(pool), metrics_(metrics) {}

  [[nodiscard]] Reply search(const Params& params) noexcept;
  [[nodiscard]] Reply doc(const std::string& id_or_url) noexcept;
  // GET /entities?prefix=zel[&type=person][&limit=10]: suggestions for a search box.
  [[nodiscard]] Reply entities(const Params& params) noexcept;
  [[nodiscard]] Reply health() noexcept;
  [[nodiscard]] Reply metrics() noexcept;
  // The search page and its two assets; nullptr-free: an unknown asset is a 404.
  [[nodiscard]] Reply page(std::string_view path) noexcept;
  // For statuses the HTTP layer produces itself (unknown path, URI too long...).
  // `target`: the request line's, when httplib could not parse it.
  [[nodiscard]] static Reply http_error(int status, std::string_view path, std::string_view target = {}) noexcept;

 private:
  SearcherPool& pool_;
  const Metrics& metrics_;
};

}  // namespace morgue::searchd
