// The postings of short exact-form terms, with their weights, kept in memory for one
// revision of the index, and served to the match as a Xapian::PostingSource.
//
// Why: a query word's exact form (QueryBuilder::boosts) is one more term for Xapian 1.4
// to look up twice, for its statistics and for its posting list. Glass keeps no block
// cache, so each lookup is a pread(2) of an 8 KB block: on a two-word query over a small
// index, the two exact forms made the match 60% slower (18-20 µs against 11.5-12.3;
// bench/README.md, "Relevance"). A word's exact form is usually rare, and the same words
// come back query after query; kept here, its postings cost no read at all. Beside the
// stems' terms, a form's list still costs the match a node for every article of the stems
// (Xapian's AND_MAYBE): where the stem is in few articles, its postings are kept too, with
// the form's boost added, and searched in the stem's place (ExactBoost::combined); where it
// is in many and the form in most of them, the form is folded into the stem's term
// (ExactFold).
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include <xapian.h>

#include "common/ranking.h"

namespace morgue {

// One term's postings in docid order, each with the weight the ranking model gives the
// term alone in that document (as Xapian computed it), and the revision they are of.
// A term's weight in a query is the same as alone for every model of RankingParams
// (none depends on the query's length: BM25's k2 is 0).
struct ExactPostings {
  std::string term;
  Xapian::rev revision = 0;
  std::vector<Xapian::docid> docids;
  std::vector<double> weights;
  double max_weight = 0;
};

// A term in more articles than this is searched as a term: its postings would cost
// more memory than they save reads, and decoding them outweighs the lookups.
inline constexpr Xapian::doccount kMaxKeptPostingsPerTerm = 1000;
// All the terms' postings together, per QueryBuilder (so per searcher of morgued): 12
// bytes each, 1.5 MB. Past it, all are forgotten and kept again as queries need them.
inline constexpr std::size_t kMaxKeptPostings = 1 << 17;

// A form folded into its stem's term (ExactBoost::fold). Most articles with a dense
// form ("information" in 644 of CISI's 660 with "inform") have no other form of the
// stem, and there the models (a term's statistics times a function of its wdf and the
// length) weigh the form `ratio` times the stem. So the form's boost is the stem's term
// scaled by 1 + exact_weight * ratio, plus, times exact_weight, `corrections`: the
// articles where the form's weight differs from ratio times the stem's, with the
// difference (negative where an article has other forms of the stem too or none of the
// form; the form's whole weight where it has the form without the stem). A query built
// so ranks as with the form's postings (within rounding), and its match visits 52
// articles where it visited 644. Negative weights from a Xapian::PostingSource are
// allowed for: the matcher prunes by upper bounds, and the corrections' bound is their
// largest difference or 0, while the scaled stem's bound covers what they take away.
//
// Why: the match adds a kept list's weights through Xapian's AND_MAYBE, which asks the
// list for nearly every article of the stems when the list is dense: about 25 ns an
// article, the largest part of what CISI's "testing automated information systems"
// cost over plain BM25 (bench/README.md, "Relevance"). A form in more articles than are
// kept folds too, when its corrections are few: it is not read at all then.
struct ExactFold {
  double ratio = 0;
  double form_max_weight = 0;  // the most the form alone weighs in an article
  std::shared_ptr<const ExactPostings> corrections;
};

// Stems in at most this many articles are served from memory with their form's boost
// added (ExactBoost::combined): a list as long as the stem's, in the stem term's place.
inline constexpr Xapian::doccount kMaxCombinedStem = kMaxKeptPostingsPerTerm;

// What a query word's exact form adds to the query (QueryBuilder::boosts).
struct ExactBoost {
  enum class Kind {
    kNone,  // nothing: no article has the form, or every article with the stem has it
    kTerm,  // the form searched as a term: in more articles than are kept
    kKept,  // `postings`, kept in memory
  };
  Kind kind = Kind::kNone;
  std::shared_ptr<const ExactPostings> postings;
  // With kTerm or kKept: the form folded into its stem's term, for a query that has
  // that term once as a word (QueryBuilder); null when its corrections would be as many
  // as half the form's articles, or more than are kept for a term.
  std::shared_ptr<const ExactFold> fold;
  // With kKept, when the stem is in at most ExactLimits::combined_stem articles: the
  // stem's postings, each weighing the stem's weight plus exact_weight times the form's
  // in that article, for a query that has the stem once as a word (QueryBuilder). It is
  // searched in the stem term's place, so the boost costs the match nothing: no list
  // beside the stems' (CISI's "testing automated information systems" matched in 115 µs
  // against 158 with its forms' lists beside the stems' terms, and 138 with no boost at
  // all; bench/README.md, "Relevance"). Then `fold` is null.
  std::shared_ptr<const ExactPostings> combined;
};

// Stems in more articles than this are not read to fold a form into them: the stem's
// and the form's postings are read once per revision of the index to decide, about
// 0.1 µs a posting (Reuters' "year": 7,253 and 6,405 articles, 1.4 ms): at that rate
// about 10 ms at most (not measured at the bound).
inline constexpr Xapian::doccount kMaxFoldedStem = 50000;

// What `form`, typed for a word stemmed to `stem`, adds, asked of `db` (two frequency
// lookups): kNone or kTerm. For databases without revisions, which nothing can be kept for.
[[nodiscard]] ExactBoost::Kind exact_boost_kind(const Xapian::Database& db, const std::string& stem,
                                                const std::string& form);

// Decisions kept per revision (ExactPostingsCache::boost): a daemon up for months meets
// every word of the archive.
inline constexpr std::size_t kMaxExactDecisions = 50000;

// What an ExactPostingsCache keeps at most (the defaults above; tests lower them).
struct ExactLimits {
  Xapian::doccount per_term = kMaxKeptPostingsPerTerm;  // postings of a form
  std::size_t total = kMaxKeptPostings;                 // of all lists together
  Xapian::doccount combined_stem = kMaxCombinedStem;    // articles of a combined stem
};

class ExactPostingsCache {
 public:
  ExactPostingsCache(Xapian::Database db, const RankingParams& ranking, const ExactLimits& limits = {})
      : db_(std::move(db)),
        weight_(weighting_scheme(ranking)),
        exact_weight_(ranking.exact_weight),
        max_per_term_(limits.per_term),
        max_total_(limits.total),
        max_combined_(limits.combined_stem) {}

  // What `form`, typed for a word stemmed to `stem`, adds to a query at `revision` (the
  // database's current one), decided once for the revision: as exact_boost_kind, with
  // the postings kept when there are at most max_per_term. Each query then costs one hash
  // lookup a form (it was three: the two frequencies, then the postings; no faster in
  // the relevance bench, where the time is in code that other queries leave cold), and
  // the decisions are forgotten with the postings they hold.
  [[nodiscard]] ExactBoost boost(const std::string& stem, const std::string& form, Xapian::rev revision);

  // The postings of `term`, which has `termfreq` documents at `revision` (the
  // database's current one); nullptr when it has more than max_per_term.
  [[nodiscard]] std::shared_ptr<const ExactPostings> find(const std::string& term, Xapian::doccount termfreq,
                                                          Xapian::rev revision);
  [[nodiscard]] std::size_t size() const { return kept_.size(); }  // terms kept
  // The model the postings are weighed with.
  [[nodiscard]] const Xapian::Weight& weight() const { return *weight_; }

 private:
  // Forgets all it keeps when `revision` is not that of what it keeps.
  void sync(Xapian::rev revision);
  // boost.fold for `form` of `stem`, which `form_freq` and `stem_freq` articles have,
  // when it is worth it.
  void fold(const std::string& stem, const std::string& form, Xapian::doccount form_freq, Xapian::doccount stem_freq,
            Xapian::rev revision, ExactBoost& boost);
  // boost.combined for the kept form `boost.postings` of `stem`, in `stem_freq` articles.
  void combine(const std::string& stem, Xapian::doccount stem_freq, Xapian::rev revision, ExactBoost& boost);
  void forget();

  struct Decision {
    std::string stem;  // the form's, in the language it was decided for
    ExactBoost boost;
  };

  Xapian::Database db_;
  // The model the postings are weighed with, one for all of them (IneB2's clones share
  // what they remember, common/ineb2_weight.h).
  std::shared_ptr<const Xapian::Weight> weight_;
  double exact_weight_;  // RankingParams::exact_weight, for combined lists
  Xapian::doccount max_per_term_;
  std::size_t max_total_;
  Xapian::doccount max_combined_;
  Xapian::rev revision_ = 0;  // of kept_ and decisions_
  std::size_t postings_ = 0;  // in kept_
  std::unordered_map<std::string, std::shared_ptr<const ExactPostings>> kept_;
  // By form. They hold postings too, so they are forgotten with kept_.
  std::unordered_map<std::string, Decision> decisions_;
};

// The OR of several terms' postings (of one revision) as a query: matches the documents
// that have any, weighed as the OR of the terms would be (their sum; a fold's
// corrections may be negative), times `factor` (as
// OP_SCALE_WEIGHT would, without another node in the match). Against a database at another revision
// than the postings' (an index reopened between building and matching), it matches
// nothing. Empty `postings`: an empty query.
[[nodiscard]] Xapian::Query exact_postings_query(const std::vector<std::shared_ptr<const ExactPostings>>& postings,
                                                 double factor = 1.0);

// A combined list (ExactBoost::combined) as a query, in its stem term's place. It
// matches what the stem matches, so against a database at another revision it cannot
// match nothing as a boost does: its match throws Xapian::DatabaseModifiedError, which
// a Searcher answers by building the query again on the reopened index.
[[nodiscard]] Xapian::Query combined_query(std::shared_ptr<const ExactPostings> combined);

}  // namespace morgue
