// The query language, one implementation for morgue-search and morgued:
// user text + filters -> Xapian::Query. Field names and prefixes come from schema.h.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "common/date.h"

namespace morgue {

enum class SortOrder { kRelevance, kDate };  // kDate: newest first

enum class FacetKind { kOutlet, kDate, kLang };

// Bounds a user can rely on (documented in docs/api.md).
inline constexpr std::size_t kMaxQueryBytes = 1024;
inline constexpr unsigned kMaxLimit = 100;
inline constexpr unsigned kMaxOffset = 10000;  // deep-paging bound

struct SearchRequest {
  std::string query;                 // the query language (docs/query-language.md)
  std::vector<std::string> outlets;  // OR-ed together, AND-ed with the query
  std::optional<Date> from, to;      // inclusive publication-date range
  SortOrder sort = SortOrder::kRelevance;
  // Words with no operator between them: all must match (AND), or any may, ranked by
  // how well they match (OR: a ranked "bag of words", for long natural-language queries).
  bool match_any = false;
  unsigned offset = 0;
  unsigned limit = 10;
  std::vector<FacetKind> facets;
  std::size_t snippet_bytes = 240;
};

// Throw QueryError naming the parameter when a value is not acceptable.
[[nodiscard]] SortOrder parse_sort(std::string_view text);
[[nodiscard]] bool parse_match(std::string_view text);  // "all" (or "") -> false, "any" -> true
[[nodiscard]] Date parse_date_param(std::string_view parameter, std::string_view text);
[[nodiscard]] FacetKind parse_facet(std::string_view text);
[[nodiscard]] const char* facet_name(FacetKind kind);
void validate(const SearchRequest& request);  // bounds on query size, limit, offset, dates

class QueryBuilder {
 public:
  // The database is used to expand wildcards.
  explicit QueryBuilder(const Xapian::Database& db);

  // Throws QueryError for a syntax error or a bad range.
  [[nodiscard]] Xapian::Query build(const SearchRequest& request);

  // The stemmer the query was built with (for snippets).
  [[nodiscard]] const Xapian::Stem& stemmer() const { return stemmer_; }

 private:
  [[nodiscard]] static std::string query_language(std::string_view text);
  // The unstemmed words of `text` that `stemmed` does not search already, OR-ed.
  [[nodiscard]] Xapian::Query exact_forms(const std::string& text, const Xapian::Query& stemmed);

  Xapian::QueryParser parser_;
  Xapian::QueryParser exact_parser_;
  std::shared_ptr<std::string> error_ = std::make_shared<std::string>();  // set by field/range processors
  Xapian::Stem stemmer_;
  std::string stem_lang_ = "en";
};

}  // namespace morgue
