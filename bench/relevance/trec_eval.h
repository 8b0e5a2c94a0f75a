// trec_eval's measures (trec_eval 9.0, Chris Buckley), for runs of ranked documents
// against graded judgements:
//   map          sum over the relevant documents retrieved of the precision at their
//                rank, divided by the number of relevant documents judged (those not
//                retrieved count 0);
//   ndcg_cut.10  DCG of the first 10, gain = the judged grade, discount log2(rank + 1),
//                over the ideal DCG of all judged grades sorted (Jarvelin & Kekalainen);
//   P.10         relevant among the first 10, over 10 (also when fewer were retrieved);
//   recall.1000  relevant among the first 1000, over the relevant judged.
// A document is relevant when its grade is >= 1; unjudged documents are not relevant.
// Like trec_eval, a ranking is first put in trec_eval's order, ignoring the order it
// came in: score descending, ties by docno descending (strcmp), so systems that break
// ties differently are scored alike. The mean is over the judged queries that have at
// least one relevant document; such a query missing from the run scores 0 (as with
// trec_eval -c).
#pragma once

#include <map>
#include <string>
#include <vector>

namespace morgue::bench {

struct ScoredDoc {
  std::string docno;
  double score = 0;
};
using Ranking = std::vector<ScoredDoc>;
using Run = std::map<std::string, Ranking>;       // query id -> ranking
using Judgements = std::map<std::string, int>;    // docno -> grade
using Qrels = std::map<std::string, Judgements>;  // query id -> judgements

inline constexpr std::size_t kRunDepth = 1000;  // documents per query that count

struct Measures {
  double map = 0;
  double ndcg10 = 0;
  double p10 = 0;
  double recall1000 = 0;
};

// Sorts into trec_eval's order and keeps the first kRunDepth.
void trec_order(Ranking& ranking);

// One query. Measures are all 0 when `judged` has no relevant document.
[[nodiscard]] Measures evaluate_query(Ranking ranking, const Judgements& judged);

struct Evaluation {
  Measures mean;
  std::map<std::string, Measures> per_query;
  std::size_t queries = 0;  // judged queries with a relevant document: the mean's divisor
};

[[nodiscard]] Evaluation evaluate(const Run& run, const Qrels& qrels);

}  // namespace morgue::bench
