// The query language, one implementation for morgue-search and morgued:
// user text + filters -> Xapian::Query. Field names and prefixes come from schema.h.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <xapian.h>

#include "common/date.h"
#include "common/entity.h"
#include "common/exact_postings.h"
#include "common/plain_query.h"
#include "common/ranking.h"

namespace morgue {

enum class SortOrder { kRelevance, kDate };  // kDate: newest first

// kEntity: the top entities of every type; kPerson...kOther: of one type.
enum class FacetKind { kOutlet, kDate, kLang, kEntity, kPerson, kOrganization, kPlace, kOtherEntity };

// Bounds a user can rely on (documented in docs/api.md).
inline constexpr std::size_t kMaxQueryBytes = 1024;
inline constexpr unsigned kMaxLimit = 100;
inline constexpr unsigned kMaxOffset = 10000;  // deep-paging bound
inline constexpr unsigned kMaxHalfLifeDays = 100 * 365;
// Wildcards in one query: each expands to up to 500 words, and Xapian's time limit
// does not cut the work of matching them.
inline constexpr unsigned kMaxWildcards = 8;

struct SearchRequest {
  std::string query;                  // the query language (docs/query-language.md)
  std::vector<std::string> outlets;   // OR-ed together, AND-ed with the query
  std::vector<std::string> entities;  // each AND-ed: articles about all of them
  std::optional<Date> from, to;       // inclusive publication-date range
  SortOrder sort = SortOrder::kRelevance;
  // News freshness blended into relevance (sort=relevance only): each score is
  // multiplied by 2^(-age / half-life), the age counted in days back from `asof`
  // (default: today). See docs/query-language.md.
  std::optional<unsigned> recency_half_life_days;
  std::optional<Date> asof;
  // Words with no operator between them: all must match (AND), or any may, ranked by
  // how well they match (OR: a ranked "bag of words", for long natural-language queries).
  bool match_any = false;
  // Pseudo-relevance feedback (sort=relevance only): terms from the best matches are
  // added to the query (RankingParams::feedback_*). Off by default: see docs/query-language.md.
  bool feedback = false;
  unsigned offset = 0;
  unsigned limit = 10;
  std::vector<FacetKind> facets;
  std::size_t snippet_bytes = 240;
};

// The terms of `q` but those it excludes (the right-hand sides of AND_NOT): what a
// match can contain.
[[nodiscard]] std::set<std::string> wanted_terms(const Xapian::Query& q);

// Throw QueryError naming the parameter when a value is not acceptable.
[[nodiscard]] SortOrder parse_sort(std::string_view text);
[[nodiscard]] bool parse_match(std::string_view text);  // "all" (or "") -> false, "any" -> true
// An on/off parameter: "1", "true", "on" or "0", "false", "off", "".
[[nodiscard]] bool parse_flag(std::string_view parameter, std::string_view text);
[[nodiscard]] Date parse_date_param(std::string_view parameter, std::string_view text);
[[nodiscard]] FacetKind parse_facet(std::string_view text);
// "30d", "2w", "6m" (30-day months), "1y" (365 days), or a number of days.
[[nodiscard]] unsigned parse_half_life(std::string_view text);
[[nodiscard]] std::string facet_name(FacetKind kind);
// The entity type an entity facet counts; nullopt for kEntity (all) and other facets.
[[nodiscard]] std::optional<EntityType> facet_entity_type(FacetKind kind);
[[nodiscard]] bool is_entity_facet(FacetKind kind);

// A query word that also searched other spellings of a name (common/entities/spellings.h).
struct Expansion {
  std::string word;                    // as the query has it, lower-cased
  std::string entity;                  // canonical name: "Kyiv"
  std::vector<std::string> spellings;  // all of them, the word included
};
void validate(const SearchRequest& request);  // bounds on query size, limit, offset, dates

class QueryBuilder {
 public:
  // The database is used to expand wildcards.
  explicit QueryBuilder(const Xapian::Database& db, const RankingParams& ranking = kDefaultRanking,
                        const ExactLimits& exact = {});

  // Throws QueryError for a syntax error or a bad range. `feedback`, when not empty,
  // is weighed in with the words (OR for match=any, AND_MAYBE for match=all), inside
  // the filters.
  [[nodiscard]] Xapian::Query build(const SearchRequest& request, const Xapian::Query& feedback = {});

  // The words of the last build() that searched other spellings too.
  [[nodiscard]] const std::vector<Expansion>& expansions() const { return expansions_; }

  // The terms the last build() searched from memory (common/exact_postings.h): the exact
  // forms it boosted so, and the stems served with their form (ExactBoost::combined,
  // "Z..."). They are not terms of its query, so snippets, which weigh a word as typed
  // above its other forms, and feedback, which adds terms the query lacks, learn them
  // here. Each with the most it adds to any article's weight.
  [[nodiscard]] const std::vector<std::pair<std::string, double>>& kept_terms() const { return kept_terms_; }

  // The ranking model its exact forms' postings are weighed with (weighting_scheme), for
  // the search's Enquire too: one object, so IneB2's remembered logarithms are made
  // once (common/ineb2_weight.h).
  [[nodiscard]] const Xapian::Weight& weight() const { return exact_postings_.weight(); }

  // The stemmer the query was built with (for snippets).
  [[nodiscard]] const Xapian::Stem& stemmer() const { return stemmer_; }
  // Its language (ISO 639-1: "en" unless the query says lang:xx).
  [[nodiscard]] const std::string& stem_language() const { return stem_lang_; }

 private:
  [[nodiscard]] static std::string query_language(std::string_view text);
  // parser_.parse_query, but a query of exclusions only ("-oil") means "NOT oil".
  [[nodiscard]] Xapian::Query parse(const std::string& text, unsigned flags);
  // The words of a query, parsed.
  struct WordsQuery {
    // Made by plain_query (common/plain_query.h): its leaves, operator and the words
    // typed. nullopt when the parser made the query: then `parsed`, and the parser's
    // unstem map has the words typed.
    std::optional<PlainQuery> plain;
    Xapian::Query parsed;
    // Its terms once each, in term order, with whether a match can contain them (not
    // when excluded).
    std::vector<std::pair<std::string, bool>> terms;

    [[nodiscard]] Xapian::Query query() const { return plain ? plain->query() : parsed; }
  };
  // Throws QueryError.
  [[nodiscard]] WordsQuery parse_words(const std::string& text, unsigned flags, Xapian::Query::op default_op);
  // What a short query adds to the weight of the articles `stemmed` matches: its
  // words as typed (those `stemmed` does not search already) and, when on, its adjacent
  // word pairs near each other. Empty for long queries (RankingParams). `flags`: those
  // `stemmed` was parsed with. A stem combined with its exact form (ExactBoost::combined)
  // replaces that term's leaf in stemmed.plain; an exact form folded into its stem's
  // term (ExactBoost::fold) scales it.
  [[nodiscard]] Xapian::Query boosts(const std::string& text, unsigned flags, WordsQuery& stemmed);

  void find_expansions(std::string_view text);

  RankingParams ranking_;
  Xapian::Database parser_db_;
  // Xapian 1.4 reads a B-tree block with pread(2) for each frequency it looks up (unless
  // its last lookup read the same block): which exact forms are worth searching is
  // decided once per revision of the index. A backend without revisions (in-memory,
  // several databases) is asked every time.
  bool has_revisions_ = false;
  ExactPostingsCache exact_postings_;  // used only with revisions
  Xapian::QueryParser parser_;
  const Xapian::Stopper* stopper_ = nullptr;  // parser_'s, for plain_query
  std::vector<Expansion> expansions_;
  std::vector<std::pair<std::string, double>> kept_terms_;
  Xapian::QueryParser exact_parser_;  // for proximity pairs (RankingParams::proximity_max_words)
  std::shared_ptr<std::string> error_ = std::make_shared<std::string>();  // set by field/range processors
  Xapian::Stem stemmer_;
  std::string stem_lang_ = "en";
  // Stemmers by language, each with its cache (common/stem_cache.h), kept across queries.
  std::map<std::string, Xapian::Stem> stemmers_;
};

}  // namespace morgue
