// How morgue ranks: every parameter of relevance in one place, with the one default
// set the product uses. The figures behind each value are in bench/README.md
// ("Relevance"): chosen on Cranfield, CISI and Medline together, one set for all.
#pragma once

#include <memory>
#include <span>
#include <string_view>

#include <xapian.h>

namespace morgue {

// The weighting model. IneB2 is from Amati and van Rijsbergen's Divergence From
// Randomness family (Xapian::IneB2Weight's weights, computed by common/ineb2_weight.h,
// which remembers a logarithm Xapian's takes per posting): inverse expected document
// frequency, the Bernoulli after-effect and their normalisation 2 of term frequency by
// document length.
// With c = 0.5 it ranked better than BM25 at any k1 and b on all three collections, on
// every measure (bench/README.md, "Relevance"). The others are there to compare with
// (relevance-bench --model): BM25 with k1 and b; Xapian's other Divergence From
// Randomness models, with c where they have one.
enum class RankingModel { kIneB2, kBM25, kBB2, kIfB2, kInL2, kPL2, kDPH, kDLH };

struct RankingParams {
  RankingModel model = RankingModel::kIneB2;
  // IneB2's c (and BB2's, IfB2's, InL2's, PL2's): normalisation 2 scales a term's
  // frequency by log2(1 + c * average length / document length). For IneB2, 0.3-0.7
  // all did about as well; 0.5 is the middle.
  double c = 0.5;
  // BM25 (RankingModel::kBM25): Robertson's k1 and b, Xapian's min_normlen. For BM25,
  // MAP rose with k1 on all three collections up to 2.5-3; 2.0 is the top of the usual
  // range (1.2-2.0); b 0.75 as usual.
  double k1 = 2.0;
  double b = 0.75;
  double min_normlen = 0.5;
  // Query stop-words (kStopwords), dropped by the query parser but not at index time,
  // so a quoted phrase still matches them.
  bool stopwords = true;
  // Exact forms: for queries of at most exact_max_words words, the words as typed are
  // searched again, unstemmed, their weight scaled by exact_weight, so "talks" ranks an
  // article saying "talks" above one saying only "talk". At full weight it cost MAP on
  // two collections, at 0.1-0.3 nothing. It is a second posting list per word (kept in
  // memory when short: common/exact_postings.h), so long queries skip it.
  unsigned exact_max_words = 4;
  double exact_weight = 0.25;
  // Proximity: for 2..proximity_max_words-word queries, each pair of adjacent words
  // within proximity_window positions adds weight (scaled by proximity_weight). 0 = off:
  // it lowered MAP on Cranfield and CISI at every weight tried (bench/README.md).
  unsigned proximity_max_words = 0;
  unsigned proximity_window = 8;
  double proximity_weight = 0.5;
  // Pseudo-relevance feedback (SearchRequest::feedback, RM3 style): the best
  // feedback_docs matches suggest feedback_terms more terms (Xapian's ESet), OR-ed in
  // with their weight scaled by feedback_weight. Better on every collection and
  // measure, but two searches: not the default.
  unsigned feedback_docs = 10;
  unsigned feedback_terms = 20;
  double feedback_weight = 0.5;
};

inline constexpr RankingParams kDefaultRanking{};

// The weighting scheme for RankingParams (BM25 with k2=0, k3=1: query term frequency
// counts), to hand to Xapian::Enquire::set_weighting_scheme (which clones it). Keep one
// for many searches: IneB2's clones share what they remember (common/ineb2_weight.h).
[[nodiscard]] std::unique_ptr<Xapian::Weight> weighting_scheme(const RankingParams& p);

// "ineb2", "bm25", "bb2", ..., for messages and benchmarks; parse_model is its inverse
// and throws std::invalid_argument on anything else.
[[nodiscard]] std::string_view model_name(RankingModel m);
[[nodiscard]] RankingModel parse_model(std::string_view name);

// Lucene's EnglishAnalyzer stop set (ENGLISH_STOP_WORDS_SET, 33 words).
[[nodiscard]] std::span<const std::string_view> stopwords();

// RM3-style pseudo-relevance feedback: the feedback_terms best expansion terms of the
// feedback_docs best matches of `query` (Xapian's ESet), each OP_SCALE_WEIGHT-ed in
// proportion to its expand weight; empty when there is nothing to add. `weight`: p's
// model (weighting_scheme), one kept for many searches. `kept`: terms the query searches
// from memory (QueryBuilder::kept_terms), not added again, as the query's own are not.
[[nodiscard]] Xapian::Query feedback_terms(const Xapian::Database& db, const Xapian::Query& query,
                                           const RankingParams& p, const Xapian::Weight& weight,
                                           const std::vector<std::pair<std::string, double>>& kept = {});

}  // namespace morgue
