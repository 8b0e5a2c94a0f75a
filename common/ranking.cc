#include "common/ranking.h"

#include <array>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "common/ineb2_weight.h"

namespace morgue {
namespace {

// Lucene's EnglishAnalyzer.ENGLISH_STOP_WORDS_SET (8.8), the stop set of the stronger
// baseline in bench/relevance.sh. Unlike quest's list it keeps the question words
// (who, what, where, when, how), which name things in news queries ("The Who").
constexpr std::array<std::string_view, 33> kStopwords = {
    "a",   "an",    "and",  "are",   "as",    "at",   "be",   "but", "by",  "for",  "if",
    "in",  "into",  "is",   "it",    "no",    "not",  "of",   "on",  "or",  "such", "that",
    "the", "their", "then", "there", "these", "they", "this", "to",  "was", "will", "with",
};

// Expansion terms are words of the default field: no prefixed or boolean terms, no
// terms the query has already, no numbers.
class FeedbackTermDecider : public Xapian::ExpandDecider {
 public:
  FeedbackTermDecider(const Xapian::Query& query, const std::vector<std::pair<std::string, double>>& kept)
      : query_(query.get_unique_terms_begin(), query.get_unique_terms_end()) {
    for (const auto& k : kept) query_.insert(k.first);
  }
  bool operator()(const std::string& term) const override {
    if (term.size() < 3 || term[0] != 'Z') return false;  // stemmed forms (STEM_SOME indexes both)
    for (std::size_t i = 1; i < term.size(); ++i) {
      const auto c = static_cast<unsigned char>(term[i]);
      if (c >= 'A' && c <= 'Z') return false;
      if (c >= '0' && c <= '9') return false;
    }
    for (std::string_view w : kStopwords)
      if (term.compare(1, std::string::npos, w) == 0) return false;
    return !query_.contains(term);
  }

 private:
  std::set<std::string> query_;
};

struct ModelInfo {
  RankingModel model;
  std::string_view name;
  std::unique_ptr<Xapian::Weight> (*make)(const RankingParams&);
};

constexpr ModelInfo kModels[] = {
    {RankingModel::kIneB2, "ineb2", [](const RankingParams& p) -> std::unique_ptr<Xapian::Weight> {
       return std::make_unique<IneB2Weight>(p.c);
     }},
    {RankingModel::kBM25, "bm25", [](const RankingParams& p) -> std::unique_ptr<Xapian::Weight> {
       return std::make_unique<Xapian::BM25Weight>(p.k1, 0, 1, p.b, p.min_normlen);
     }},
    {RankingModel::kBB2, "bb2", [](const RankingParams& p) -> std::unique_ptr<Xapian::Weight> {
       return std::make_unique<Xapian::BB2Weight>(p.c);
     }},
    {RankingModel::kIfB2, "ifb2", [](const RankingParams& p) -> std::unique_ptr<Xapian::Weight> {
       return std::make_unique<Xapian::IfB2Weight>(p.c);
     }},
    {RankingModel::kInL2, "inl2", [](const RankingParams& p) -> std::unique_ptr<Xapian::Weight> {
       return std::make_unique<Xapian::InL2Weight>(p.c);
     }},
    {RankingModel::kPL2, "pl2", [](const RankingParams& p) -> std::unique_ptr<Xapian::Weight> {
       return std::make_unique<Xapian::PL2Weight>(p.c);
     }},
    {RankingModel::kDPH, "dph", [](const RankingParams&) -> std::unique_ptr<Xapian::Weight> {
       return std::make_unique<Xapian::DPHWeight>();
     }},
    {RankingModel::kDLH, "dlh", [](const RankingParams&) -> std::unique_ptr<Xapian::Weight> {
       return std::make_unique<Xapian::DLHWeight>();
     }},
};

const ModelInfo& model_info(RankingModel m) {
  for (const ModelInfo& info : kModels)
    if (info.model == m) return info;
  throw std::logic_error("ranking: unknown model");
}

}  // namespace

std::unique_ptr<Xapian::Weight> weighting_scheme(const RankingParams& p) { return model_info(p.model).make(p); }

std::string_view model_name(RankingModel m) { return model_info(m).name; }

RankingModel parse_model(std::string_view name) {
  std::string known;
  for (const ModelInfo& info : kModels) {
    if (info.name == name) return info.model;
    known += (known.empty() ? "" : ", ") + std::string(info.name);
  }
  throw std::invalid_argument("unknown ranking model \"" + std::string(name) + "\" (" + known + ")");
}

Xapian::Query feedback_terms(const Xapian::Database& db, const Xapian::Query& query, const RankingParams& p,
                             const Xapian::Weight& weight, const std::vector<std::pair<std::string, double>>& kept) {
  Xapian::Enquire enquire(db);
  enquire.set_weighting_scheme(weight);
  enquire.set_query(query);
  const Xapian::MSet top = enquire.get_mset(0, p.feedback_docs);
  if (top.empty()) return {};
  Xapian::RSet rset;
  for (auto it = top.begin(); it != top.end(); ++it) rset.add_document(*it);
  const FeedbackTermDecider decider(query, kept);
  const Xapian::ESet eset = enquire.get_eset(p.feedback_terms, rset, &decider);
  if (eset.empty() || eset.begin().get_weight() <= 0) return {};
  // Each term weighs in proportion to its expand weight, the best at feedback_weight.
  const double best = eset.begin().get_weight();
  std::vector<Xapian::Query> terms;
  for (auto it = eset.begin(); it != eset.end(); ++it)
    terms.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(*it), p.feedback_weight * it.get_weight() / best);
  return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

std::span<const std::string_view> stopwords() { return kStopwords; }

}  // namespace morgue
