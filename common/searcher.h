// Runs a SearchRequest against an index: ranked hits with snippets, an estimated
// total, facets counted over all matches. One code path for the CLI and the daemon.
// A Searcher owns a Xapian::Database and is not thread-safe: one per thread.
#pragma once

#include <chrono>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <xapian.h>

#include "common/article.h"
#include "common/entity_lexicon.h"
#include "common/facet_columns.h"
#include "common/query_builder.h"
#include "common/ranking.h"

namespace morgue {

class BackgroundFacetColumns;  // common/background_facet_columns.h

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
  std::string type;  // entity facets: "person", "organization", "place", "other"
};

// A query word that searched other spellings too, and how many matches use each.
struct ExpandedWord {
  struct Spelling {
    std::string spelling;
    unsigned long count = 0;  // matching articles that use it (estimated like total)
  };
  std::string word;    // lower-cased, as in the query
  std::string entity;  // the canonical name the spellings belong to
  std::vector<Spelling> spellings;
};

// GET /entities: canonical names by prefix.
struct EntitySuggestion {
  std::string name;
  EntityType type = EntityType::kOther;
  unsigned long articles = 0;
};

struct SearchResponse {
  std::string query;
  unsigned long total = 0;  // matches (estimated unless total_exact)
  bool total_exact = true;
  unsigned offset = 0;
  unsigned limit = 0;
  SortOrder sort = SortOrder::kRelevance;
  std::optional<unsigned> recency_half_life_days;  // set when freshness was blended in
  std::string asof;                                // YYYY-MM-DD the ages were counted from
  bool partial = false;                            // cut by the time limit
  double took_ms = 0;
  std::vector<Hit> hits;
  std::map<std::string, std::vector<FacetValue>> facets;  // "outlet", "date", "lang", "entity", "entity.person", ...
  std::vector<ExpandedWord> expanded;
  std::string date_facet_interval;  // "month" or "day"
};

// An article as the index stores it, with its document id.
struct StoredArticle {
  std::string id;
  Article article;
};

struct SearcherOptions {
  double time_limit_seconds = 0;            // 0 = none; else the match is cut and marked partial
  RankingParams ranking = kDefaultRanking;  // other values for experiments (bench/) only
  // Facets, sort=date and recency from columns in memory (common/facet_columns.h): worth their
  // build (38-74 ms on Reuters-21578) for a daemon's many searches, not for one search.
  bool facet_columns = true;
  // Where the columns come from when set: built in the background and shared by a daemon's
  // searchers (common/background_facet_columns.h). Otherwise each Searcher builds them
  // on its first faceted search at a revision, up to kMaxFacetColumnDocs.
  std::shared_ptr<BackgroundFacetColumns> background_columns = nullptr;
  // Recency (SearchRequest::recency_half_life_days) re-ranks this many best matches;
  // deeper pages go on in relevance order (as Elasticsearch's rescore window).
  unsigned recency_window = 1000;
};

class Searcher {
 public:
  // Opens the live index in db_dir; throws IndexUnavailable.
  explicit Searcher(std::filesystem::path db_dir, SearcherOptions options = {});

  [[nodiscard]] SearchResponse search(const SearchRequest& request);
  // By document id or by URL; nullopt when the index has no such article.
  [[nodiscard]] std::optional<StoredArticle> find(const std::string& id_or_url);

  // Entities whose canonical name, or one of its words or aliases, starts with
  // `prefix` (case-insensitive), most articles first. An empty prefix lists the top ones.
  [[nodiscard]] std::vector<EntitySuggestion> suggest_entities(std::string_view prefix, std::optional<EntityType> type,
                                                               unsigned limit);

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
  // The index's entity terms and their article counts, read on the first
  // suggest_entities() after a change (or shared: entity_lexicon()); and the names and
  // types found for them so far.
  std::shared_ptr<const EntityLexicon> entity_lexicon_;  // shared by the searchers at its revision
  std::unordered_map<std::string, std::pair<std::string, EntityType>> entity_names_;
  // The facet slots in memory (common/facet_columns.h), of the revision searched last.
  std::shared_ptr<const FacetColumns> facet_columns_;

  // search() on the revision db_ is at; may throw Xapian::DatabaseModifiedError.
  [[nodiscard]] SearchResponse search_once(const SearchRequest& request, std::chrono::steady_clock::time_point started);
  // Matches per other spelling of the query's names (`stemmer`: the query's).
  [[nodiscard]] std::vector<ExpandedWord> count_spellings(const Xapian::Query& query,
                                                          const std::vector<Expansion>& expansions,
                                                          const Xapian::Stem& stemmer);
  [[nodiscard]] std::shared_ptr<const FacetColumns> current_facet_columns();
  [[nodiscard]] EntitySuggestion describe_entity(const std::string& key, Xapian::doccount articles);
  void forget_entities();
};

}  // namespace morgue
