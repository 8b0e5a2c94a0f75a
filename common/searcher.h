// Runs a SearchRequest against an index: ranked hits with snippets, an estimated
// total, facets counted over all matches. One code path for the CLI and the daemon.
// A Searcher owns a Xapian::Database and is not thread-safe: one per thread.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

#include "common/article.h"
#include "common/query_builder.h"

namespace morgue {

struct Hit {
  std::string id;
  unsigned rank = 0;  // 1-based over the whole result list (offset + i + 1)
  double score = 0;
  std::string headline;
  std::string url;
  std::string outlet;
  std::string date;     // YYYY-MM-DD or ""
  std::string snippet;  // HTML-escaped text, matches wrapped in <mark>...</mark>
};

struct FacetValue {
  std::string value;
  unsigned long count = 0;
};

struct SearchResponse {
  std::string query;
  unsigned long total = 0;  // matches (estimated unless total_exact)
  bool total_exact = true;
  unsigned offset = 0;
  unsigned limit = 0;
  SortOrder sort = SortOrder::kRelevance;
  bool partial = false;  // cut by the time limit
  double took_ms = 0;
  std::vector<Hit> hits;
  std::map<std::string, std::vector<FacetValue>> facets;  // "outlet", "date", "lang"
  std::string date_facet_interval;                        // "month" or "day"
};

// An article as the index stores it, with its document id.
struct StoredArticle {
  std::string id;
  Article article;
};

struct SearcherOptions {
  double time_limit_seconds = 0;  // 0 = none; else the match is cut and marked partial
};

class Searcher {
 public:
  // Opens the live index in db_dir; throws IndexUnavailable.
  explicit Searcher(std::filesystem::path db_dir, SearcherOptions options = {});

  [[nodiscard]] SearchResponse search(const SearchRequest& request);
  // By document id or by URL; nullopt when the index has no such article.
  [[nodiscard]] std::optional<StoredArticle> find(const std::string& id_or_url);

  [[nodiscard]] Xapian::doccount doc_count() const { return db_.get_doccount(); }
  [[nodiscard]] std::string generation() const;

  // Picks up newly committed data or a swapped-in index. Returns true when the
  // data seen changed. Throws IndexUnavailable if the index disappeared.
  bool refresh();

 private:
  std::filesystem::path db_dir_;
  SearcherOptions options_;
  Xapian::Database db_;
  std::filesystem::path live_;
  // Set up once per database: two query parsers with the schema's prefixes.
  std::optional<QueryBuilder> builder_;
};

}  // namespace morgue
