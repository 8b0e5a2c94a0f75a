#include "common/searcher.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>
#include <set>

#include "common/article_json.h"
#include "common/background_facet_columns.h"
#include "common/date.h"
#include "common/entities/alias_table.h"
#include "common/entity_facet.h"
#include "common/errors.h"
#include "common/facet_columns.h"
#include "common/identity.h"
#include "common/index_location.h"
#include "common/schema.h"
#include "common/snippet.h"
#include "common/text_util.h"

namespace morgue {
namespace {

// Matches spanning fewer days than this get a per-day date histogram, else per month.
constexpr long kDailyHistogramMaxDays = 62;
constexpr std::size_t kMaxOutletFacetValues = 50;
constexpr std::size_t kMaxEntityFacetValues = 30;
// Spelling counts are exact up to this many matches, estimated above.
constexpr Xapian::doccount kSpellingCountCheck = 10000;

std::vector<FacetValue> facet_values(const std::vector<FacetCount>& counts) {
  std::vector<FacetValue> out;
  for (const auto& c : counts) out.push_back({std::string(c.value), c.count, {}});
  return out;
}

// Per-day counts (YYYYMMDD) -> a histogram by month, or by day for short spans.
std::vector<FacetValue> date_histogram(const std::vector<FacetCount>& counts, std::string& interval) {
  std::vector<std::pair<Date, unsigned long>> days;
  for (const auto& c : counts) {
    if (auto d = parse_compact(c.value)) days.emplace_back(*d, c.count);
  }
  std::sort(days.begin(), days.end());
  std::vector<FacetValue> out;
  if (days.empty()) return out;
  const bool daily = days_from_civil(days.back().first) - days_from_civil(days.front().first) < kDailyHistogramMaxDays;
  interval = daily ? "day" : "month";
  for (const auto& [d, n] : days) {
    std::string key = format_iso(d);
    if (!daily) key.resize(7);
    if (!out.empty() && out.back().value == key) {
      out.back().count += n;
    } else {
      out.push_back({key, n, {}});
    }
  }
  return out;
}

long today_days() {
  const auto now = std::chrono::system_clock::now();
  return static_cast<long>(std::chrono::duration_cast<std::chrono::hours>(now.time_since_epoch()).count() / 24);
}

// The order of (score, position in mset) after multiplying each relevance score of the
// best `window` matches by 2^(-age / half_life); the matches after them follow in
// relevance order, so every page of one query slices the same order. Undated articles
// count as one half-life old; articles dated after `asof` as new. Dates from `columns`
// when there are some, else from each match.
std::vector<std::pair<double, Xapian::doccount>> blend_recency(const Xapian::MSet& mset, unsigned half_life_days,
                                                               long asof_days, const FacetColumns* columns,
                                                               unsigned window) {
  struct Blended {
    double log2_score;  // compared: 2^(-age / half_life) is 0 in a double after ~1,075 half-lives
    double score;
    Xapian::doccount index;
  };
  std::vector<Blended> blended;
  Xapian::doccount i = 0;
  for (auto it = mset.begin(); it != mset.end() && i < window; ++it, ++i) {
    const double weight = it.get_weight();
    const auto date =
        parse_compact(columns ? std::string(columns->date_of(*it)) : it.get_document().get_value(kSlotDate));
    const double age = date ? std::max(0L, asof_days - days_from_civil(*date)) : double(half_life_days);
    // A weight of 0 (a query of filters only) ranks by age alone.
    const double log2_weight = std::log2(std::max(weight, std::numeric_limits<double>::min()));
    blended.push_back({log2_weight - age / half_life_days, weight * std::exp2(-age / half_life_days), i});
  }
  std::stable_sort(blended.begin(), blended.end(),
                   [](const Blended& a, const Blended& b) { return a.log2_score > b.log2_score; });
  std::vector<std::pair<double, Xapian::doccount>> order;
  order.reserve(mset.size());
  for (const Blended& b : blended) order.emplace_back(b.score, b.index);
  for (; i < mset.size(); ++i) order.emplace_back(mset[i].get_weight(), i);
  return order;
}

// Snippets are picked by where the query matches. Xapian's background model (weigh
// every word of the text by its frequency in the index) reads a posting list per word
// and made whole searches 2.5x slower on Reuters-21578 (bench/http_speed.sh).
constexpr unsigned kSnippetFlags = 0;

// The best passage of the body (or the headline, for stories without one), as one
// line: paragraph breaks would only confuse a result list. morgue's own snippets
// (common/snippet.h), or Xapian's for a query they cannot mark (a wildcard).
std::string snippet_text(const Xapian::MSet& mset, const std::optional<Snippets>& snippets, const Article& a,
                         std::size_t bytes, const Xapian::Stem& stemmer) {
  const std::string& text = a.body.empty() ? a.headline : a.body;
  if (snippets) return collapse_spaces(snippets->make(text, bytes));
  return collapse_spaces(mset.snippet(text, bytes, stemmer, kSnippetFlags, "<mark>", "</mark>", "…"));
}

}  // namespace

Searcher::Searcher(std::filesystem::path db_dir, SearcherOptions options)
    : db_dir_(std::move(db_dir)), options_(options), db_(open_index(db_dir_)) {
  live_ = live_generation(db_dir_).value_or(db_dir_);
}

std::string Searcher::generation() const {
  return live_.filename().string() + ":" + std::to_string(db_.get_revision());
}

bool Searcher::refresh() {
  const auto live = live_generation(db_dir_);
  if (!live) throw IndexUnavailable("the index at " + db_dir_.string() + " is gone");
  if (*live != live_) {
    db_ = open_index(db_dir_);
    live_ = *live;
    builder_.reset();  // its parser expands wildcards against the old database
    forget_entities();
    return true;
  }
  try {
    const bool changed = db_.reopen();
    if (changed) forget_entities();
    return changed;
  } catch (const Xapian::Error& e) {
    throw IndexUnavailable("cannot reopen the index at " + db_dir_.string() + ": " + e.get_description());
  }
}

std::shared_ptr<const FacetColumns> Searcher::current_facet_columns() {
  if (!options_.facet_columns) return nullptr;
  if (!facet_columns_ || facet_columns_->key != facet_columns_key(db_)) {
    facet_columns_ = options_.background_columns ? options_.background_columns->get(db_) : facet_columns(db_);
  }
  return facet_columns_;  // nullptr until built, or for a big index: the spy reads values instead
}

SearchResponse Searcher::search(const SearchRequest& request) {
  const auto started = std::chrono::steady_clock::now();
  // Xapian reads the revision db_ is at as the search goes: the match, then the page's
  // documents. When the indexer commits often enough meanwhile, the blocks it reads are
  // written over, and any of these reads throws DatabaseModifiedError. The search is
  // then made again on the reopened index, its query built again too: a query can hold
  // what was decided for its revision (exact forms kept, folded into their stems or
  // combined with them, common/exact_postings.h). A stem combined with its form is
  // searched from memory, so the match may read nothing of the index, and the first
  // read that fails may be a document's.
  try {
    return search_once(request, started);
  } catch (const Xapian::DatabaseModifiedError&) {
    db_.reopen();
    return search_once(request, started);
  }
}

SearchResponse Searcher::search_once(const SearchRequest& request, std::chrono::steady_clock::time_point started) {
  if (!builder_) builder_.emplace(db_, options_.ranking);
  QueryBuilder& builder = *builder_;
  Xapian::Query query = builder.build(request);
  if (request.feedback && request.sort == SortOrder::kRelevance) {
    const Xapian::Query more = feedback_terms(db_, query, options_.ranking, builder.weight(), builder.kept_terms());
    if (!more.empty()) query = builder.build(request, more);
  }
  Xapian::Enquire enquire(db_);
  // The builder's model: IneB2 remembers a logarithm per document length from search to
  // search (common/ineb2_weight.h).
  enquire.set_weighting_scheme(builder.weight());
  enquire.set_query(query);
  if (options_.time_limit_seconds > 0) enquire.set_time_limit(options_.time_limit_seconds);

  FacetCountSpy::Wanted wanted;
  for (FacetKind f : request.facets) {
    wanted.outlet |= f == FacetKind::kOutlet;
    wanted.date |= f == FacetKind::kDate;
    wanted.lang |= f == FacetKind::kLang;
    wanted.entities |= is_entity_facet(f);
  }
  const bool blend = request.recency_half_life_days && request.sort == SortOrder::kRelevance;
  std::shared_ptr<const FacetColumns> columns;
  std::optional<FacetCountSpy> facets;
  std::optional<DateKeyMaker> by_date;
  // Facets, the date order and recency's dates come from the columns of the revision
  // being searched (common/facet_columns.h); set again when the search is retried on a
  // reopened index.
  const auto use_columns = [&] {
    if (request.facets.empty() && request.sort != SortOrder::kDate && !blend) return;
    columns = current_facet_columns();
    if (request.sort == SortOrder::kDate) {
      if (columns) {
        by_date.emplace(columns);
        enquire.set_sort_by_key_then_relevance(&*by_date, true);
      } else {
        enquire.set_sort_by_value_then_relevance(kSlotDate, true);
      }
    }
    if (request.facets.empty()) return;
    enquire.clear_matchspies();
    facets.emplace(columns, wanted);
    enquire.add_matchspy(&*facets);
  };
  // Facets count over all matches, so then every match must be looked at; otherwise
  // looking a little past the page makes small totals exact.
  // Blending takes the best recency_window matches and re-ranks them; deeper pages
  // need the matches down to their end.
  const Xapian::doccount first = blend ? 0 : request.offset;
  const Xapian::doccount count =
      blend ? std::max(options_.recency_window, request.offset + request.limit) : request.limit;
  const Xapian::doccount check_at_least = request.facets.empty() ? first + count + 100 : db_.get_doccount();

  Xapian::MSet mset;
  try {
    use_columns();
    mset = enquire.get_mset(first, count, check_at_least);
  } catch (const Xapian::WildcardError& e) {
    // Wildcards expand when the match runs; the expansion limit makes this rare.
    throw QueryError("q", "a wildcard matches too many words: " + e.get_msg());
  }

  SearchResponse r;
  r.query = request.query;
  r.offset = request.offset;
  r.limit = request.limit;
  r.sort = request.sort;
  r.total = mset.get_matches_estimated();
  r.total_exact = mset.get_matches_lower_bound() == mset.get_matches_upper_bound();
  // The page: mset's order, or the blended one.
  std::vector<std::pair<double, Xapian::doccount>> page;
  if (blend) {
    const long asof = request.asof ? days_from_civil(*request.asof) : today_days();
    r.recency_half_life_days = request.recency_half_life_days;
    r.asof = format_iso(civil_from_days(asof));
    auto order = blend_recency(mset, *request.recency_half_life_days, asof, columns.get(), options_.recency_window);
    for (std::size_t k = request.offset; k < order.size() && k < std::size_t{request.offset} + request.limit; ++k)
      page.push_back(order[k]);
  } else {
    Xapian::doccount i = 0;
    for (auto it = mset.begin(); it != mset.end(); ++it) page.emplace_back(it.get_weight(), i++);
  }
  const auto snippets =
      Snippets::for_query(query, mset, builder.stemmer(), builder.stem_language(), builder.kept_terms());
  unsigned rank = request.offset;
  for (const auto& [score, index] : page) {
    const auto it = mset[index];
    std::string id;
    const Article a = article_from_json(it.get_document().get_data(), &id, ArticleFields::kHit);
    Hit h;
    h.id = id;
    h.rank = ++rank;
    h.score = score;
    h.headline = a.headline;
    h.url = a.url;
    h.outlet = a.outlet;
    h.date = a.published ? format_iso(*a.published) : std::string();
    h.snippet = snippet_text(mset, snippets, a, request.snippet_bytes, builder.stemmer());
    r.hits.push_back(std::move(h));
  }
  if (wanted.outlet) r.facets["outlet"] = facet_values(facets->top(FacetCountSpy::Slot::kOutlet, kMaxOutletFacetValues));
  if (wanted.lang) r.facets["lang"] = facet_values(facets->top(FacetCountSpy::Slot::kLang, kMaxOutletFacetValues));
  if (wanted.date) r.facets["date"] = date_histogram(facets->all(FacetCountSpy::Slot::kDate), r.date_facet_interval);
  for (FacetKind f : request.facets) {
    if (!is_entity_facet(f)) continue;
    auto& values = r.facets[facet_name(f)];
    values.clear();
    for (const auto& e : facets->top_entities(facet_entity_type(f), kMaxEntityFacetValues))
      values.push_back({std::string(e.name), e.count, std::string(entity_type_name(e.type))});
  }
  r.expanded = count_spellings(query, builder.expansions(), builder.stemmer());

  const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  r.took_ms = elapsed * 1000.0;
  r.partial = options_.time_limit_seconds > 0 && elapsed >= options_.time_limit_seconds;
  return r;
}

std::vector<ExpandedWord> Searcher::count_spellings(const Xapian::Query& query,
                                                    const std::vector<Expansion>& expansions,
                                                    const Xapian::Stem& stemmer) {
  std::vector<ExpandedWord> out;
  // A name the query only excludes ("-kiev") is in no match: no need to count.
  const std::set<std::string> wanted = expansions.empty() ? std::set<std::string>() : wanted_terms(query);
  for (const auto& e : expansions) {
    ExpandedWord w{e.word, e.entity, {}};
    const bool excluded = std::none_of(e.spellings.begin(), e.spellings.end(), [&](const std::string& s) {
      return wanted.contains(s) || wanted.contains("Z" + stemmer(s));
    });
    for (const auto& spelling : e.spellings) {
      if (excluded) {
        w.spellings.push_back({spelling, 0});
        continue;
      }
      Xapian::Enquire enquire(db_);
      enquire.set_weighting_scheme(Xapian::BoolWeight());
      enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, query, Xapian::Query(spelling)));
      const Xapian::MSet m = enquire.get_mset(0, 0, kSpellingCountCheck);
      w.spellings.push_back({spelling, m.get_matches_estimated()});
    }
    out.push_back(std::move(w));
  }
  return out;
}

void Searcher::forget_entities() {
  entity_lexicon_.reset();
  entity_names_.clear();
}

EntitySuggestion Searcher::describe_entity(const std::string& key, Xapian::doccount articles) {
  if (const auto* entry = entities::default_alias_table().find(key); entry && entities::alias_key(entry->name) == key) {
    return {entry->name, entry->type, articles};
  }
  // Not in the table: as the first article that mentions it names it (a document read:
  // kept, since a typed suggestion may look at many names, and the next keystroke again).
  auto [known, added] = entity_names_.try_emplace(key, key, EntityType::kOther);
  if (added) {
    const std::string term = std::string(field(FieldId::kEntity).prefix) + key;
    if (auto p = db_.postlist_begin(term); p != db_.postlist_end(term)) {
      for (auto& [type, name] : parse_entity_list_value(db_.get_document(*p).get_value(kSlotEntities))) {
        if (entities::alias_key(name) == key) {
          known->second = {name, type};
          break;
        }
      }
    }
  }
  return {known->second.first, known->second.second, articles};
}

std::vector<EntitySuggestion> Searcher::suggest_entities(std::string_view prefix, std::optional<EntityType> type,
                                                         unsigned limit) {
  if (!entity_lexicon_) entity_lexicon_ = entity_lexicon(db_);
  const std::string p = entities::alias_key(prefix);
  // Names whose alias matches: "kie" finds Kyiv through "Kiev".
  std::set<std::string> by_alias;
  if (!p.empty()) {
    const auto& table = entities::default_alias_table();
    for (const auto& [key, index] : table.keys())
      if (suggestion_matches(key, p)) by_alias.insert(table.entries()[index].key);
  }
  std::vector<EntitySuggestion> out;
  for (const std::uint32_t i : entity_lexicon_->matching(p, by_alias)) {
    if (out.size() >= limit) break;
    EntitySuggestion s = describe_entity(entity_lexicon_->key(i), entity_lexicon_->articles(i));
    if (!type || s.type == *type) out.push_back(std::move(s));
  }
  return out;
}

std::optional<StoredArticle> Searcher::find(const std::string& id_or_url) {
  const std::string term = boolean_term(FieldId::kId, id_from_user(id_or_url));
  auto it = db_.postlist_begin(term);
  if (it == db_.postlist_end(term)) return std::nullopt;
  StoredArticle stored;
  stored.article = article_from_json(db_.get_document(*it).get_data(), &stored.id);
  return stored;
}

}  // namespace morgue
