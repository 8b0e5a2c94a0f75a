#include "common/exact_postings.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <optional>
#include <utility>

namespace morgue {
namespace {

// Kept postings, one list or the OR of several, as one posting list: over Xapian's OR
// of one source per term, CISI's "testing automated information systems" matched 10%
// faster. Xapian 1.4 positions a source before its first entry; next() or skip_to()
// moves it on.
class ExactPostingSource : public Xapian::PostingSource {
 public:
  // `required`: the lists stand for a term of the query (combined_query), which a
  // list of another revision must not drop silently.
  ExactPostingSource(std::vector<std::shared_ptr<const ExactPostings>> lists, double factor, bool required = false)
      : lists_(std::move(lists)), factor_(factor), required_(required) {}

  void init(const Xapian::Database& db) override {
    started_ = false;
    current_ = 0;
    Xapian::rev revision = 0;
    try {
      revision = db.get_revision();
    } catch (const Xapian::Error&) {  // several databases: docids of another numbering
    }
    double max_weight = 0;
    cursors_.clear();
    termfreq_min_ = termfreq_max_ = 0;
    for (const auto& list : lists_) {
      if (list->revision != revision && required_) {
        throw Xapian::DatabaseModifiedError("the postings of " + list->term + " kept for revision " +
                                            std::to_string(list->revision) + " searched at revision " +
                                            std::to_string(revision));
      }
      if (list->revision != revision || list->docids.empty()) continue;
      const Xapian::docid* ids = list->docids.data();
      cursors_.push_back({ids, ids + list->docids.size(), list->weights.data()});
      max_weight += list->max_weight;
      const auto n = static_cast<Xapian::doccount>(list->docids.size());
      termfreq_min_ = std::max(termfreq_min_, n);
      termfreq_max_ += n;
    }
    set_maxweight(max_weight * factor_);
  }

  // An OR's bounds: a document may have several of the terms.
  Xapian::doccount get_termfreq_min() const override { return termfreq_min_; }
  Xapian::doccount get_termfreq_est() const override { return termfreq_max_; }
  Xapian::doccount get_termfreq_max() const override { return termfreq_max_; }

  void next(double) override {
    if (started_) {
      for (Cursor& c : cursors_) {
        if (c.id != c.end && *c.id == current_) c.step();
      }
    }
    settle();
  }

  void skip_to(Xapian::docid did, double) override {
    if (started_ && current_ >= did) return;
    for (Cursor& c : cursors_) {
      while (c.id != c.end && *c.id < did) c.step();
    }
    settle();
  }

  // What Xapian's AND_MAYBE asks for nearly every article of the query's stems when the
  // lists are dense: here, not through the default's virtual call to skip_to. With the
  // cursors as plain pointers, CISI's "testing automated information systems" matched
  // in 156-163 µs where it took 163-167 (six runs each, bench/README.md, "Relevance").
  bool check(Xapian::docid did, double min_wt) override {
    ExactPostingSource::skip_to(did, min_wt);
    return true;
  }

  bool at_end() const override { return started_ && current_ == 0; }
  Xapian::docid get_docid() const override { return current_; }
  double get_weight() const override { return weight_ * factor_; }

  PostingSource* clone() const override { return new ExactPostingSource(lists_, factor_, required_); }

  std::string get_description() const override {
    std::string d;
    std::size_t n = 0;
    for (const auto& list : lists_) {
      d += (d.empty() ? "" : " OR ") + list->term;
      n += list->docids.size();
    }
    d += ", " + std::to_string(n) + (n == 1 ? " posting kept" : " postings kept");
    if (factor_ != 1.0) {
      char factor[32];
      std::snprintf(factor, sizeof factor, "%g * ", factor_);
      d = factor + d;
    }
    return d;
  }

 private:
  // A list's next posting, read straight from the kept arrays.
  struct Cursor {
    const Xapian::docid* id;
    const Xapian::docid* end;
    const double* weight;  // *id's
    void step() {
      ++id;
      ++weight;
    }
  };
  // On the smallest docid any list is on (0 at the end), with the sum of its weights.
  void settle() {
    started_ = true;
    Xapian::docid least = kEnd;
    for (const Cursor& c : cursors_) {
      if (c.id != c.end) least = std::min(least, *c.id);
    }
    double weight = 0;
    for (const Cursor& c : cursors_) {
      if (c.id != c.end && *c.id == least) weight += *c.weight;
    }
    current_ = least == kEnd ? 0 : least;
    weight_ = weight;
  }
  // The largest docid, taken for the end (an index of four billion articles is not
  // searched here).
  static constexpr Xapian::docid kEnd = static_cast<Xapian::docid>(-1);

  std::vector<std::shared_ptr<const ExactPostings>> lists_;
  double factor_;
  bool required_;
  std::vector<Cursor> cursors_;
  bool started_ = false;
  Xapian::docid current_ = 0;
  double weight_ = 0;  // of current_, before factor_
  Xapian::doccount termfreq_min_ = 0, termfreq_max_ = 0;
};

// Every match's docid and weight, in the order the matcher meets them.
class CollectWeights : public Xapian::MatchSpy {
 public:
  explicit CollectWeights(std::vector<std::pair<Xapian::docid, double>>& hits) : hits_(hits) {}
  void operator()(const Xapian::Document& doc, double weight) override { hits_.emplace_back(doc.get_docid(), weight); }

 private:
  std::vector<std::pair<Xapian::docid, double>>& hits_;
};

// The term's postings and weights at the database's current revision: the match of the
// term alone, as Xapian weighs it with the ranking model. A match spy sees every match
// without the MSet being built and sorted: "information" (644 postings, CISI) was read
// in 37-44 µs instead of 73-288.
std::shared_ptr<const ExactPostings> read_postings(const Xapian::Database& db, const Xapian::Weight& model,
                                                   const std::string& term, Xapian::doccount termfreq,
                                                   Xapian::rev revision) {
  std::vector<std::pair<Xapian::docid, double>> hits;
  hits.reserve(termfreq);
  Xapian::Enquire enquire(db);
  enquire.set_weighting_scheme(model);
  enquire.set_query(Xapian::Query(term));
  CollectWeights spy(hits);
  enquire.add_matchspy(&spy);
  (void)enquire.get_mset(0, 0, termfreq);
  if (!std::is_sorted(hits.begin(), hits.end())) std::sort(hits.begin(), hits.end());
  auto out = std::make_shared<ExactPostings>();
  out->term = term;
  out->revision = revision;
  out->docids.reserve(hits.size());
  out->weights.reserve(hits.size());
  for (const auto& [docid, weight] : hits) {
    out->docids.push_back(docid);
    out->weights.push_back(weight);
    out->max_weight = std::max(out->max_weight, weight);
  }
  return out;
}

struct Frequencies {
  Xapian::doccount form = 0, stem = 0;  // articles with each
};

// The frequencies when the form is worth searching, else nullopt: worth it where some
// article has it and some article has the stem without it (otherwise every match has it,
// and the boost would reorder nothing that an exact match should outrank).
std::optional<Frequencies> worth_searching(const Xapian::Database& db, const std::string& stem,
                                           const std::string& form) {
  const Frequencies f{db.get_termfreq(form), db.get_termfreq(stem)};
  if (f.form > 0 && f.form < f.stem) return f;
  return std::nullopt;
}

// Relative differences below this are the rounding of two ways to the same weight.
constexpr double kSameWeight = 1e-12;

// The ratio of the form's weight to the stem's that most articles with both share: those
// with no other form of the stem, where the models (a term's statistics times a function
// of its wdf and the length) differ only by the terms' statistics.
double common_ratio(std::vector<double> ratios) {
  std::sort(ratios.begin(), ratios.end());
  double best = 0;
  std::size_t best_count = 0;
  for (std::size_t from = 0, to = 0; from < ratios.size(); from = to) {
    while (to < ratios.size() && ratios[to] <= ratios[from] * (1 + kSameWeight)) ++to;
    if (to - from > best_count) {
      best_count = to - from;
      best = ratios[from + (to - from) / 2];
    }
  }
  return best;
}

}  // namespace

ExactBoost::Kind exact_boost_kind(const Xapian::Database& db, const std::string& stem, const std::string& form) {
  return worth_searching(db, stem, form) ? ExactBoost::Kind::kTerm : ExactBoost::Kind::kNone;
}

void ExactPostingsCache::fold(const std::string& stem, const std::string& form_term, Xapian::doccount form_freq,
                              Xapian::doccount stem_freq, Xapian::rev revision, ExactBoost& boost) {
  // Fewer corrections than half the form's articles, and no more than are kept for a
  // term. Each article with the stem and not the form is one, so most forms are known
  // not to fold from their frequencies alone.
  const std::size_t most = std::min<std::size_t>((form_freq - 1) / 2, max_per_term_);
  if (stem_freq - form_freq > most || stem_freq > kMaxFoldedStem) return;
  const auto form = boost.postings ? boost.postings : read_postings(db_, *weight_, form_term, form_freq, revision);
  const auto stem_postings = read_postings(db_, *weight_, stem, stem_freq, revision);
  const std::vector<Xapian::docid>& fd = form->docids;
  const std::vector<Xapian::docid>& sd = stem_postings->docids;
  // Over the articles with either, in docid order: the form's and the stem's weights.
  const auto each = [&](auto&& fn) {
    std::size_t i = 0, j = 0;
    while (i < fd.size() || j < sd.size()) {
      if (j == sd.size() || (i < fd.size() && fd[i] < sd[j])) {
        fn(fd[i], form->weights[i], 0.0), ++i;
      } else if (i == fd.size() || sd[j] < fd[i]) {
        fn(sd[j], 0.0, stem_postings->weights[j]), ++j;
      } else {
        fn(fd[i], form->weights[i], stem_postings->weights[j]), ++i, ++j;
      }
    }
  };
  std::vector<double> ratios;
  ratios.reserve(fd.size());
  each([&](Xapian::docid, double wf, double ws) {
    if (wf > 0 && ws > 0) ratios.push_back(wf / ws);
  });
  if (ratios.empty()) return;
  auto folded = std::make_shared<ExactFold>();
  folded->ratio = common_ratio(std::move(ratios));
  folded->form_max_weight = form->max_weight;
  auto corrections = std::make_shared<ExactPostings>();
  corrections->term = form_term + " folded into " + stem;
  corrections->revision = revision;
  each([&](Xapian::docid d, double wf, double ws) {
    const double delta = wf - folded->ratio * ws;
    if (std::abs(delta) <= kSameWeight * std::max(wf, folded->ratio * ws)) return;
    corrections->docids.push_back(d);
    corrections->weights.push_back(delta);
    corrections->max_weight = std::max(corrections->max_weight, delta);
  });
  if (corrections->docids.size() > most) return;
  postings_ += corrections->docids.size();
  folded->corrections = std::move(corrections);
  boost.fold = std::move(folded);
}

void ExactPostingsCache::combine(const std::string& stem, Xapian::doccount stem_freq, Xapian::rev revision,
                                 ExactBoost& boost) {
  const ExactPostings& form = *boost.postings;
  if (postings_ + stem_freq > max_total_) {
    forget();
    postings_ = form.docids.size();  // held by the decision still
  }
  const auto stem_postings = read_postings(db_, *weight_, stem, stem_freq, revision);
  auto out = std::make_shared<ExactPostings>();
  out->term = stem + " with " + form.term;
  out->revision = revision;
  out->docids = stem_postings->docids;
  out->weights.reserve(out->docids.size());
  // An article with the form and not the stem (another language's stemmer made the
  // form's stem) is not matched by the stem's term: left out, as the boost of a form
  // adds weight only to what the words match.
  std::size_t j = 0;
  for (std::size_t i = 0; i < out->docids.size(); ++i) {
    while (j < form.docids.size() && form.docids[j] < out->docids[i]) ++j;
    double w = stem_postings->weights[i];
    if (j < form.docids.size() && form.docids[j] == out->docids[i]) w += exact_weight_ * form.weights[j];
    out->weights.push_back(w);
    out->max_weight = std::max(out->max_weight, w);
  }
  postings_ += out->docids.size();
  boost.combined = std::move(out);
}

void ExactPostingsCache::forget() {
  kept_.clear();
  decisions_.clear();
  postings_ = 0;
}

void ExactPostingsCache::sync(Xapian::rev revision) {
  if (revision == revision_) return;
  forget();
  revision_ = revision;
}

ExactBoost ExactPostingsCache::boost(const std::string& stem, const std::string& form, Xapian::rev revision) {
  sync(revision);
  if (const auto it = decisions_.find(form); it != decisions_.end() && it->second.stem == stem) {
    return it->second.boost;
  }
  // Before the postings are read, so that those of the new decision are counted.
  if (decisions_.size() >= kMaxExactDecisions) forget();
  ExactBoost boost;
  if (const auto freq = worth_searching(db_, stem, form)) {
    boost.postings = find(form, freq->form, revision);
    boost.kind = boost.postings ? ExactBoost::Kind::kKept : ExactBoost::Kind::kTerm;
    if (boost.postings && freq->stem <= max_combined_) {
      combine(stem, freq->stem, revision, boost);
    } else {
      fold(stem, form, freq->form, freq->stem, revision, boost);
    }
  }
  decisions_.insert_or_assign(form, Decision{stem, boost});
  return boost;
}

std::shared_ptr<const ExactPostings> ExactPostingsCache::find(const std::string& term, Xapian::doccount termfreq,
                                                              Xapian::rev revision) {
  if (termfreq > max_per_term_) return nullptr;
  sync(revision);
  if (const auto it = kept_.find(term); it != kept_.end()) return it->second;
  if (postings_ + termfreq > max_total_) forget();
  auto postings = read_postings(db_, *weight_, term, termfreq, revision);
  postings_ += postings->docids.size();
  kept_.emplace(term, postings);
  return postings;
}

Xapian::Query exact_postings_query(const std::vector<std::shared_ptr<const ExactPostings>>& postings, double factor) {
  if (postings.empty()) return {};
  return Xapian::Query((new ExactPostingSource(postings, factor))->release());
}

Xapian::Query combined_query(std::shared_ptr<const ExactPostings> combined) {
  return Xapian::Query((new ExactPostingSource({std::move(combined)}, 1.0, /*required=*/true))->release());
}

}  // namespace morgue
