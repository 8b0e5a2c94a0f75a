#include "common/query_builder.h"

#include <algorithm>
#include <cctype>
#include <memory>
#include <set>
#include <stdexcept>

#include "common/date_filter.h"
#include "common/document_builder.h"
#include "common/entities/resolver.h"
#include "common/entities/spellings.h"
#include "common/errors.h"
#include "common/exact_postings.h"
#include "common/identity.h"
#include "common/plain_query.h"
#include "common/schema.h"
#include "common/stem_cache.h"
#include "common/text_util.h"

namespace morgue {
namespace {

// A date as users type it, at year, month or day precision: "2025", "2025-05",
// "2025-05-19". Returns the first or last day it covers.
std::optional<Date> parse_partial_date(std::string_view text, bool upper_end) {
  if (auto d = parse_iso_date(text)) return d;
  auto digits = [&](std::size_t pos, std::size_t len, int& out) {
    if (pos + len > text.size()) return false;
    out = 0;
    for (std::size_t i = pos; i < pos + len; ++i) {
      if (text[i] < '0' || text[i] > '9') return false;
      out = out * 10 + (text[i] - '0');
    }
    return true;
  };
  int y = 0, m = 0;
  if (text.size() == 4 && digits(0, 4, y) && y >= 1) return Date{y, upper_end ? 12 : 1, upper_end ? 31 : 1};
  if (text.size() == 7 && text[4] == '-' && digits(0, 4, y) && digits(5, 2, m) && m >= 1 && m <= 12 && y >= 1) {
    return Date{y, m, upper_end ? days_in_month(y, m) : 1};
  }
  return std::nullopt;
}

// YYYY, YYYY-M(M) or YYYY-M(M)-D(D), whether or not such a day exists.
bool date_shaped(std::string_view text) {
  const auto digits = [](std::string_view s, std::size_t min, std::size_t max) {
    return s.size() >= min && s.size() <= max &&
           std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  const auto parts = split(text, '-');
  if (parts.empty() || parts.size() > 3 || !digits(parts[0], 4, 4)) return false;
  return std::all_of(parts.begin() + 1, parts.end(), [&](const std::string& p) { return digits(p, 1, 2); });
}

// `2025-05-01..2025-05-31`, `2025-05..`, `..2025`: a publication-date range.
// Processors must not throw through Xapian's parser (it leaks its parse state when a
// foreign exception unwinds it): they note the problem in `error` for build() to raise.
class DateRangeProcessor : public Xapian::RangeProcessor {
 public:
  DateRangeProcessor(const std::string& prefix, Xapian::Database db, std::shared_ptr<std::string> error)
      : Xapian::RangeProcessor(kSlotDate, prefix), db_(std::move(db)), error_(std::move(error)) {}

  Xapian::Query operator()(const std::string& begin, const std::string& end) override {
    std::optional<Date> from, to;
    if (!begin.empty() && !(from = parse_partial_date(begin, false))) return not_a_date(begin);
    if (!end.empty() && !(to = parse_partial_date(end, true))) return not_a_date(end);
    if (from && to && *to < *from) {
      if (error_->empty()) *error_ = "date range " + begin + ".." + end + " ends before it begins";
      return Xapian::Query::MatchNothing;
    }
    return date_range_filter(db_, from, to);
  }

 private:
  // An end shaped like a date (2025-02-30, 2025-13) that is none is the user's to fix;
  // anything else is not a date range, for Xapian to say so.
  Xapian::Query not_a_date(const std::string& text) {
    if (!date_shaped(text)) return Xapian::Query(Xapian::Query::OP_INVALID);
    if (error_->empty()) *error_ = "'" + text + "' is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)";
    return Xapian::Query::MatchNothing;
  }

  Xapian::Database db_;
  std::shared_ptr<std::string> error_;
};

// Articles about the entity a user names: its canonical name through the alias table
// ("Putin" -> Vladimir Putin). A name the index does not hold may be the surname of
// one it does ("Poroshenko" -> Petro Poroshenko): then any of those.
Xapian::Query entity_query(const Xapian::Database& db, std::string_view name) {
  const std::string canonical = entities::canonical_name(name, entities::default_alias_table());
  const std::string term = boolean_term(FieldId::kEntity, canonical);
  if (db.term_exists(term)) return Xapian::Query(term);
  constexpr std::size_t kMaxSurnameMatches = 50;
  const std::string prefix(field(FieldId::kEntity).prefix);
  const std::string tail = " " + term.substr(prefix.size());
  std::vector<Xapian::Query> any;
  for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix) && any.size() < kMaxSurnameMatches; ++it) {
    if ((*it).ends_with(tail)) any.emplace_back(*it);
  }
  if (any.empty()) return Xapian::Query(term);
  return Xapian::Query(Xapian::Query::OP_OR, any.begin(), any.end());
}

// A boolean field's value as the user typed it -> the term the indexer wrote.
class BooleanFieldProcessor : public Xapian::FieldProcessor {
 public:
  BooleanFieldProcessor(FieldId id, const Xapian::Database& db, std::shared_ptr<std::string> error)
      : id_(id), db_(db), error_(std::move(error)) {}

  Xapian::Query operator()(const std::string& value) override {
    switch (id_) {
      case FieldId::kDay: {  // date:2025, date:2025-05, date:2025-05-19
        const auto lo = parse_partial_date(value, false);
        if (!lo) {
          if (error_->empty()) *error_ = "date:" + value + " is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)";
          return Xapian::Query::MatchNothing;
        }
        const std::string ymd = format_compact(*lo);
        if (value.size() == 4) return Xapian::Query(boolean_term(FieldId::kYear, ymd.substr(0, 4)));
        if (value.size() == 7) return Xapian::Query(boolean_term(FieldId::kMonth, ymd.substr(0, 6)));
        return Xapian::Query(boolean_term(FieldId::kDay, ymd));
      }
      case FieldId::kUrl:
        return Xapian::Query(boolean_term(FieldId::kUrl, normalize_url(value)));
      case FieldId::kId:
        return Xapian::Query(boolean_term(FieldId::kId, id_from_user(value)));
      case FieldId::kEntity:
        return entity_query(db_, value);
      default:
        return Xapian::Query(boolean_term(id_, value));
    }
  }

 private:
  FieldId id_;
  Xapian::Database db_;
  std::shared_ptr<std::string> error_;
};

// Every document: the empty term matches all, built fresh for each query.
Xapian::Query match_all() { return Xapian::Query(std::string()); }

constexpr unsigned kParseFlags = Xapian::QueryParser::FLAG_PHRASE | Xapian::QueryParser::FLAG_BOOLEAN |
                                 Xapian::QueryParser::FLAG_LOVEHATE | Xapian::QueryParser::FLAG_WILDCARD |
                                 Xapian::QueryParser::FLAG_PURE_NOT;

// Wildcards expand to at most this many terms, the most frequent ones.
constexpr Xapian::termcount kMaxWildcardExpansion = 500;

void configure(Xapian::QueryParser& qp, const Xapian::Database& db, const Xapian::Stem& stemmer,
               Xapian::QueryParser::stem_strategy strategy, const std::shared_ptr<std::string>& error) {
  qp.set_database(db);
  qp.set_stemmer(stemmer);
  qp.set_stemming_strategy(strategy);
  qp.set_default_op(Xapian::Query::OP_AND);
  qp.set_max_expansion(kMaxWildcardExpansion, Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
  for (const Field& f : schema_fields()) {
    for (std::string_view name : f.names) {
      if (name.empty()) continue;
      if (f.kind == FieldKind::kFreeText) {
        qp.add_prefix(std::string(name), std::string(f.prefix));
      } else {
        qp.add_boolean_prefix(std::string(name), (new BooleanFieldProcessor(f.id, db, error))->release());
      }
    }
  }
  qp.add_rangeprocessor((new DateRangeProcessor("date:", db, error))->release());
  qp.add_rangeprocessor((new DateRangeProcessor("", db, error))->release());
}

}  // namespace

SortOrder parse_sort(std::string_view text) {
  if (text.empty() || text == "relevance") return SortOrder::kRelevance;
  if (text == "date") return SortOrder::kDate;
  throw QueryError("sort", "sort must be 'relevance' or 'date', not '" + std::string(text) + "'");
}

bool parse_match(std::string_view text) {
  if (text.empty() || text == "all") return false;
  if (text == "any") return true;
  throw QueryError("match", "match must be 'all' or 'any', not '" + std::string(text) + "'");
}

bool parse_flag(std::string_view parameter, std::string_view text) {
  if (text == "1" || text == "true" || text == "on") return true;
  if (text.empty() || text == "0" || text == "false" || text == "off") return false;
  throw QueryError(std::string(parameter),
                   std::string(parameter) + " must be 1 or 0 (true or false), not '" + std::string(text) + "'");
}

Date parse_date_param(std::string_view parameter, std::string_view text) {
  if (auto d = parse_iso_date(text)) return *d;
  throw QueryError(std::string(parameter),
                   std::string(parameter) + " must be a date YYYY-MM-DD, not '" + std::string(text) + "'");
}

namespace {

// Every facet: its name in requests and responses, and the entity type it counts (if any).
struct FacetInfo {
  FacetKind kind;
  std::string_view name;
  std::optional<EntityType> entity_type;
};
constexpr FacetInfo kFacets[] = {
    {FacetKind::kOutlet, "outlet", std::nullopt},
    {FacetKind::kDate, "date", std::nullopt},
    {FacetKind::kLang, "lang", std::nullopt},
    {FacetKind::kEntity, "entity", std::nullopt},
    {FacetKind::kPerson, "entity.person", EntityType::kPerson},
    {FacetKind::kOrganization, "entity.organization", EntityType::kOrganization},
    {FacetKind::kPlace, "entity.place", EntityType::kPlace},
    {FacetKind::kOtherEntity, "entity.other", EntityType::kOther},
};

const FacetInfo& facet_info(FacetKind kind) {
  for (const FacetInfo& f : kFacets)
    if (f.kind == kind) return f;
  throw std::logic_error("facet_info: unknown FacetKind");
}

}  // namespace

FacetKind parse_facet(std::string_view text) {
  for (const FacetInfo& f : kFacets)
    if (f.name == text) return f.kind;
  std::string known;
  for (const FacetInfo& f : kFacets) known += (known.empty() ? "" : ", ") + std::string(f.name);
  throw QueryError("facets", "unknown facet '" + std::string(text) + "' (known: " + known + ")");
}

unsigned parse_half_life(std::string_view text) {
  auto bad = [&] {
    return QueryError("recency", "recency must be a half-life such as 30d, 2w, 6m or 1y (at most 100y), not '" +
                                     std::string(text) + "'");
  };
  if (text.empty()) throw bad();
  unsigned days_per_unit = 1;
  std::string_view number = text;
  switch (text.back()) {
    case 'd':
      number.remove_suffix(1);
      break;
    case 'w':
      days_per_unit = 7;
      number.remove_suffix(1);
      break;
    case 'm':
      days_per_unit = 30;
      number.remove_suffix(1);
      break;
    case 'y':
      days_per_unit = 365;
      number.remove_suffix(1);
      break;
    default:
      break;
  }
  unsigned long long n = 0;
  if (number.empty() || number.size() > 6) throw bad();
  for (char c : number) {
    if (c < '0' || c > '9') throw bad();
    n = n * 10 + static_cast<unsigned>(c - '0');
  }
  const unsigned long long days = n * days_per_unit;
  if (days == 0 || days > kMaxHalfLifeDays) throw bad();
  return static_cast<unsigned>(days);
}

std::optional<EntityType> facet_entity_type(FacetKind kind) { return facet_info(kind).entity_type; }

bool is_entity_facet(FacetKind kind) { return kind == FacetKind::kEntity || facet_entity_type(kind).has_value(); }

std::string facet_name(FacetKind kind) { return std::string(facet_info(kind).name); }

void validate(const SearchRequest& r) {
  if (r.query.size() > kMaxQueryBytes) {
    throw QueryError(
        "q", "query is " + std::to_string(r.query.size()) + " bytes; the limit is " + std::to_string(kMaxQueryBytes));
  }
  if (r.limit > kMaxLimit) {
    throw QueryError("limit", "limit must be at most " + std::to_string(kMaxLimit));
  }
  if (r.offset > kMaxOffset) {
    throw QueryError("offset", "offset must be at most " + std::to_string(kMaxOffset) +
                                   " (deep paging is bounded; narrow the search instead)");
  }
  if (r.from && r.to && *r.to < *r.from) throw QueryError("to", "'to' is before 'from'");
  if (r.recency_half_life_days && (*r.recency_half_life_days == 0 || *r.recency_half_life_days > kMaxHalfLifeDays))
    throw QueryError("recency", "recency half-life must be 1 day to 100 years");
  if (r.recency_half_life_days && r.sort != SortOrder::kRelevance)
    throw QueryError("recency", "recency blends freshness into relevance: it needs sort=relevance");
  if (r.asof && !r.recency_half_life_days) throw QueryError("asof", "asof only applies with recency");
}

QueryBuilder::QueryBuilder(const Xapian::Database& db, const RankingParams& ranking, const ExactLimits& exact)
    : ranking_(ranking),
      parser_db_(db),
      exact_postings_(db, ranking, exact),
      stemmer_(caching_stemmer(Xapian::Stem("english"))) {
  try {
    (void)parser_db_.get_revision();
    has_revisions_ = true;
  } catch (const Xapian::Error&) {  // in-memory, or several databases: no revisions
  }
  stemmers_.emplace(stem_lang_, stemmer_);
  configure(parser_, db, stemmer_, Xapian::QueryParser::STEM_SOME, error_);
  configure(exact_parser_, db, stemmer_, Xapian::QueryParser::STEM_NONE, error_);
  if (ranking_.stopwords) {
    // Xapian's parser keeps stop-words inside phrases ("the hague") and keeps them all
    // when the query has nothing else ("the who").
    auto* stopper = new Xapian::SimpleStopper();
    for (std::string_view w : stopwords()) stopper->add(std::string(w));
    parser_.set_stopper(stopper->release());
    exact_parser_.set_stopper(stopper);
    stopper_ = stopper;
  }
}

namespace {

// A term of free text searched with no field: "word" (as typed) or "Zword" (stemmed).
// Prefixes are capitals, so "title:" words (S...) and boolean terms are left out.
bool is_word_term(const std::string& term) {
  const auto first = static_cast<unsigned char>(term[0]);
  if (first == 'Z') return term.size() > 1 && !(term[1] >= 'A' && term[1] <= 'Z');
  return !(first >= 'A' && first <= 'Z');
}

// The terms of `q` that a match can contain: those not on the right-hand side of an
// AND_NOT.
void collect_wanted(const Xapian::Query& q, std::vector<std::string>& out) {
  if (q.get_type() == Xapian::Query::LEAF_TERM) {
    out.push_back(*q.get_terms_begin());
    return;
  }
  const std::size_t n = q.get_type() == Xapian::Query::OP_AND_NOT ? 1 : q.get_num_subqueries();
  for (std::size_t i = 0; i < n; ++i) collect_wanted(q.get_subquery(i), out);
}

bool has_and_not(const Xapian::Query& q) {
  if (q.get_type() == Xapian::Query::OP_AND_NOT) return true;
  for (std::size_t i = 0; i < q.get_num_subqueries(); ++i)
    if (has_and_not(q.get_subquery(i))) return true;
  return false;
}

// Every term of `q` once, in term order, each with whether a match can contain it.
// Xapian gathers the terms in one go; a query without AND_NOT needs nothing more.
std::vector<std::pair<std::string, bool>> query_terms(const Xapian::Query& q) {
  std::vector<std::pair<std::string, bool>> out;
  for (auto it = q.get_unique_terms_begin(); it != q.get_unique_terms_end(); ++it) out.emplace_back(*it, true);
  if (has_and_not(q)) {
    std::vector<std::string> wanted;
    collect_wanted(q, wanted);
    for (auto& [term, is_wanted] : out) is_wanted = std::find(wanted.begin(), wanted.end(), term) != wanted.end();
  }
  return out;
}

}  // namespace

std::set<std::string> wanted_terms(const Xapian::Query& q) {
  std::vector<std::string> terms;
  collect_wanted(q, terms);
  return {terms.begin(), terms.end()};
}

Xapian::Query QueryBuilder::boosts(const std::string& text, unsigned flags, WordsQuery& stemmed) {
  // Wildcards would expand a second time for little gain.
  if (text.find('*') != std::string::npos) return {};
  // Excluded words ("-trump", "NOT trump") weigh nothing: their forms are not boosted.
  // Small vectors, not sets: on Medline's `neoplasm immunology` building the query took
  // 5.2 µs of a 19 µs search with sets, 3.5-3.8 µs with vectors and one revision check
  // a query (bench/README.md).
  const auto& terms = stemmed.terms;
  std::vector<std::string_view> words;  // distinct, wanted, as the index has them unprefixed
  for (const auto& [term, wanted] : terms) {
    if (!wanted || !is_word_term(term)) continue;
    const std::string_view word = std::string_view(term).substr(term[0] == 'Z' ? 1 : 0);
    if (std::find(words.begin(), words.end(), word) == words.end()) words.push_back(word);
  }
  const unsigned max_words = std::max(ranking_.exact_max_words, ranking_.proximity_max_words);
  if (words.empty() || words.size() > max_words) return {};
  std::vector<Xapian::Query> boost;
  if (words.size() <= ranking_.exact_max_words && ranking_.exact_weight > 0) {
    // The words as typed are those stemmed (plain_query's, or the parser's unstem map):
    // no second parse.
    // Only where the stemmed query does not search the exact form already (phrases,
    // capitalised words), and only where some article has the stem without this exact
    // form: otherwise every match has it, and the boost would reorder nothing that an
    // exact match should outrank, at the price of another posting list to read.
    // Decided once per revision of the index, and a short posting list served from
    // memory (common/exact_postings.h).
    const Xapian::rev revision = has_revisions_ ? parser_db_.get_revision() : 0;
    const auto in_query = [&](const std::string& t) {
      return std::any_of(terms.begin(), terms.end(), [&](const auto& q) { return q.first == t; });
    };
    std::vector<std::string> seen;
    std::vector<Xapian::Query> exact;
    std::vector<std::shared_ptr<const ExactPostings>> kept;
    // A form's stem is searched as its combined list (ExactBoost::combined), or the form
    // folds into the stem's term (ExactBoost::fold), where the query is plain_query's
    // and has the stem once: there its term is a leaf, replaced or weighed anew.
    std::vector<std::pair<std::size_t, double>> folds;  // leaf, scale
    std::vector<std::pair<std::size_t, std::shared_ptr<const ExactPostings>>> combined;  // leaf, list
    const auto leaf_of = [&](const std::string& stem) -> std::optional<std::size_t> {
      if (!stemmed.plain) return std::nullopt;
      std::optional<std::size_t> leaf;
      for (std::size_t k = 0; k < stemmed.plain->typed.size(); ++k) {
        if (stemmed.plain->typed[k].first != stem) continue;
        if (leaf) return std::nullopt;
        leaf = stemmed.plain->typed_leaves[k];
      }
      return leaf;
    };
    for (const auto& [term, wanted] : terms) {
      if (!wanted || term.size() < 2 || term[0] != 'Z' || !is_word_term(term)) continue;
      const auto consider = [&](const std::string& form) {
        if (!is_word_term(form) || in_query(form) || std::find(seen.begin(), seen.end(), form) != seen.end()) return;
        seen.push_back(form);
        ExactBoost b = has_revisions_ ? exact_postings_.boost(term, form, revision)
                                      : ExactBoost{exact_boost_kind(parser_db_, term, form), nullptr, nullptr, nullptr};
        if (const auto leaf = b.combined || b.fold ? leaf_of(term) : std::nullopt) {
          if (b.combined) {
            combined.emplace_back(*leaf, b.combined);
            kept_terms_.emplace_back(form, b.postings->max_weight * ranking_.exact_weight);
            kept_terms_.emplace_back(term, b.combined->max_weight);
          } else {
            folds.emplace_back(*leaf, 1 + ranking_.exact_weight * b.fold->ratio);
            kept.push_back(b.fold->corrections);
            kept_terms_.emplace_back(form, b.fold->form_max_weight * ranking_.exact_weight);
          }
        } else if (b.kind == ExactBoost::Kind::kKept) {
          kept_terms_.emplace_back(form, b.postings->max_weight * ranking_.exact_weight);
          kept.push_back(std::move(b.postings));
        } else if (b.kind == ExactBoost::Kind::kTerm) {
          exact.emplace_back(form);
        }
      };
      if (stemmed.plain) {
        for (const auto& [stem, form] : stemmed.plain->typed) {
          if (stem == term) consider(form);
        }
      } else {
        // The parser keeps each word as typed ("iPhones" for Ziphon); the index has its
        // forms lower-cased, as the parser lower-cases terms.
        for (auto u = parser_.unstem_begin(term); u != parser_.unstem_end(term); ++u) {
          consider(Xapian::Unicode::tolower(*u));
        }
      }
    }
    if (!exact.empty()) {
      boost.emplace_back(Xapian::Query::OP_SCALE_WEIGHT,
                         Xapian::Query(Xapian::Query::OP_OR, exact.begin(), exact.end()), ranking_.exact_weight);
    }
    if (!kept.empty()) boost.push_back(exact_postings_query(kept, ranking_.exact_weight));
    // A plain query's leaves are made into its query after this (WordsQuery::query).
    for (const auto& [leaf, scale] : folds) {
      Xapian::Query& term = stemmed.plain->leaves[leaf];
      term = Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, term, scale);
    }
    for (const auto& [leaf, list] : combined) stemmed.plain->leaves[leaf] = combined_query(list);
  }
  if (words.size() >= 2 && words.size() <= ranking_.proximity_max_words && ranking_.proximity_weight > 0) {
    Xapian::Query unstemmed;
    try {
      unstemmed = exact_parser_.parse_query(text, flags);
    } catch (const Xapian::QueryParserError&) {
      return {};
    }
    // The words in query order: the index keeps positions for the unstemmed forms only.
    std::vector<std::string> order;
    for (auto it = unstemmed.get_terms_begin(); it != unstemmed.get_terms_end(); ++it) {
      if (is_word_term(*it) && (*it)[0] != 'Z' && (order.empty() || order.back() != *it)) order.push_back(*it);
    }
    std::vector<Xapian::Query> pairs;
    for (std::size_t i = 0; i + 1 < order.size(); ++i) {
      const Xapian::Query pair[] = {Xapian::Query(order[i]), Xapian::Query(order[i + 1])};
      pairs.emplace_back(Xapian::Query::OP_NEAR, std::begin(pair), std::end(pair), ranking_.proximity_window);
    }
    if (!pairs.empty()) {
      boost.emplace_back(Xapian::Query::OP_SCALE_WEIGHT,
                         Xapian::Query(Xapian::Query::OP_OR, pairs.begin(), pairs.end()), ranking_.proximity_weight);
    }
  }
  if (boost.empty()) return {};
  return Xapian::Query(Xapian::Query::OP_OR, boost.begin(), boost.end());
}

namespace {

unsigned count_wildcards(const Xapian::Query& q) {
  if (q.get_type() == Xapian::Query::OP_WILDCARD) return 1;
  unsigned n = 0;
  for (std::size_t i = 0; i < q.get_num_subqueries(); ++i) n += count_wildcards(q.get_subquery(i));
  return n;
}

// "-x" at the start of a word outside quotes, as "NOT x"; nullopt when there is none.
std::optional<std::string> exclusions_as_not(std::string_view text) {
  if (text.find('-') == std::string_view::npos) return std::nullopt;
  std::string out;
  bool quoted = false, any = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '"') quoted = !quoted;
    const bool word_start = i == 0 || text[i - 1] == ' ' || text[i - 1] == '\t' || text[i - 1] == '(';
    if (!quoted && c == '-' && word_start && i + 1 < text.size() && text[i + 1] != ' ' && text[i + 1] != '-') {
      out += "NOT ";
      any = true;
      continue;
    }
    out += c;
  }
  if (!any) return std::nullopt;
  return out;
}

}  // namespace

Xapian::Query QueryBuilder::parse(const std::string& text, unsigned flags) {
  // A query that only excludes ("-oil") is one Xapian's parser refuses ("can't just
  // hate"), and then, as with any "parse error", it silently parses the text again with
  // no operators: "-oil" would find oil. Such a query means "NOT oil" (FLAG_PURE_NOT),
  // as it does in Elasticsearch and Sphinx. The re-read is recognised by giving the
  // same query as an operator-less parse; only texts with a "-" at a word start pay.
  const auto as_not = exclusions_as_not(text);
  if (!as_not) return parser_.parse_query(text, flags);
  std::string plain;
  try {
    plain = parser_.parse_query(text, 0).get_description();
  } catch (const Xapian::QueryParserError&) {
    return parser_.parse_query(text, flags);  // no re-read to recognise
  }
  Xapian::Query query = parser_.parse_query(text, flags);
  if (query.get_description() != plain) return query;
  try {
    return parser_.parse_query(*as_not, flags);
  } catch (const Xapian::QueryParserError&) {
    return parser_.parse_query(text, flags);  // as Xapian read it; the unstem map too
  }
}

// The language a query restricts itself to with lang:xx (or language:xx), if any.
std::string QueryBuilder::query_language(std::string_view text) {
  for (std::string_view key : {"lang:", "language:"}) {
    for (auto pos = text.find(key); pos != std::string_view::npos; pos = text.find(key, pos + 1)) {
      if (pos > 0 && text[pos - 1] != ' ' && text[pos - 1] != '(' && text[pos - 1] != '+') continue;
      auto end = pos + key.size();
      while (end < text.size() && std::isalpha(static_cast<unsigned char>(text[end]))) ++end;
      const std::string code(text.substr(pos + key.size(), end - pos - key.size()));
      if (code.size() >= 2 && code.size() <= 3) return fold_case(code);
    }
  }
  return "en";
}

// The query's bare words (not in quotes, not after a field name) that have other spellings.
void QueryBuilder::find_expansions(std::string_view text) {
  expansions_.clear();
  const auto& spellings = entities::default_spellings();
  bool quoted = false;
  std::size_t i = 0;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '"') {
      quoted = !quoted;
      ++i;
      continue;
    }
    if (!(std::isalnum(c) || c >= 0x80)) {
      ++i;
      continue;
    }
    std::size_t end = i;
    while (end < text.size() &&
           (std::isalnum(static_cast<unsigned char>(text[end])) || static_cast<unsigned char>(text[end]) >= 0x80))
      ++end;
    const bool field_value = i > 0 && text[i - 1] == ':';
    const bool field_name = end < text.size() && text[end] == ':';
    if (!quoted && !field_value && !field_name) {
      const std::string word = fold_case(text.substr(i, end - i));
      const auto* group = spellings.find(word);
      const bool seen = std::any_of(expansions_.begin(), expansions_.end(), [&](auto& e) { return e.word == word; });
      if (group && !seen) expansions_.push_back({word, group->entity, group->spellings});
    }
    i = end;
  }
}

QueryBuilder::WordsQuery QueryBuilder::parse_words(const std::string& text, unsigned flags,
                                                   Xapian::Query::op default_op) {
  WordsQuery out;
  // Plain words are the parser's query made directly (common/plain_query.h); with
  // other spellings to search, the parser adds them.
  if (expansions_.empty()) {
    if (auto plain = plain_query(text, default_op, stemmer_, stopper_)) {
      out.terms.reserve(plain->terms.size());
      for (const std::string& t : plain->terms) out.terms.emplace_back(t, true);
      out.plain = std::move(plain);
      return out;
    }
  }
  try {
    error_->clear();
    out.parsed = parse(text, flags);
  } catch (const Xapian::QueryParserError& e) {
    throw QueryError("q", "query syntax error: " + e.get_msg());
  }
  if (!error_->empty()) throw QueryError("q", *error_);
  if (const unsigned n = count_wildcards(out.parsed); n > kMaxWildcards) {
    throw QueryError(
        "q", "a query may have at most " + std::to_string(kMaxWildcards) + " wildcards, not " + std::to_string(n));
  }
  if (!out.parsed.empty()) out.terms = query_terms(out.parsed);
  return out;
}

Xapian::Query QueryBuilder::build(const SearchRequest& request, const Xapian::Query& feedback) {
  validate(request);
  find_expansions(request.query);
  kept_terms_.clear();
  // Articles are stemmed in their own language: a query restricted to one language
  // is stemmed the same way, so "lang:de kindern" finds "Kinder".
  if (const std::string lang = query_language(request.query); lang != stem_lang_) {
    auto it = stemmers_.find(lang);
    if (it == stemmers_.end()) it = stemmers_.emplace(lang, caching_stemmer(stemmer_for(lang))).first;
    stemmer_ = it->second;
    stem_lang_ = lang;
    parser_.set_stemmer(stemmer_);
    exact_parser_.set_stemmer(stemmer_);
  }
  const Xapian::Query::op default_op = request.match_any ? Xapian::Query::OP_OR : Xapian::Query::OP_AND;
  parser_.set_default_op(default_op);
  exact_parser_.set_default_op(default_op);
  // Not Xapian::Query::MatchAll: copying that shared static bumps a non-atomic
  // reference count, a data race when threads build queries at once (ThreadSanitizer).
  Xapian::Query query = match_all();
  const std::string text = trim(request.query);
  if (!text.empty() && text != "*") {
    // The index's synonyms are the other spellings of names (entities::Spellings):
    // looked up only when the query has a word with other spellings.
    const unsigned flags = kParseFlags | (expansions_.empty() ? 0 : Xapian::QueryParser::FLAG_AUTO_SYNONYMS);
    WordsQuery words = parse_words(text, flags, default_op);
    if (!words.plain && words.parsed.empty()) {
      // Punctuation, symbols, emoji: nothing to search for, so nothing found (a search
      // for "😀" that listed every article would look like an answer).
      query = Xapian::Query();
    } else if (const Xapian::Query boost = boosts(text, flags, words); !boost.empty()) {
      // They add weight where they occur; they match nothing new. The words' query is
      // made after them: they may weigh one of its terms anew.
      query = Xapian::Query(Xapian::Query::OP_AND_MAYBE, words.query(), boost);
    } else {
      query = words.query();
    }
  }
  if (!feedback.empty()) {
    query = Xapian::Query(request.match_any ? Xapian::Query::OP_OR : Xapian::Query::OP_AND_MAYBE, query, feedback);
  }

  std::vector<Xapian::Query> filters;
  if (!request.outlets.empty()) {
    std::vector<Xapian::Query> any;
    for (const auto& o : request.outlets) any.emplace_back(boolean_term(FieldId::kOutlet, o));
    filters.emplace_back(Xapian::Query::OP_OR, any.begin(), any.end());
  }
  for (const auto& e : request.entities) filters.push_back(entity_query(parser_db_, e));
  if (request.from || request.to) filters.push_back(date_range_filter(parser_db_, request.from, request.to));
  for (const auto& f : filters) query = Xapian::Query(Xapian::Query::OP_FILTER, query, f);
  return query;
}

}  // namespace morgue
