#include "bench/relevance/trec_eval.h"

#include <algorithm>
#include <cmath>
#include <functional>

namespace morgue::bench {

void trec_order(Ranking& ranking) {
  std::sort(ranking.begin(), ranking.end(), [](const ScoredDoc& a, const ScoredDoc& b) {
    if (a.score != b.score) return a.score > b.score;
    return a.docno > b.docno;  // std::string compares bytes, as strcmp
  });
  if (ranking.size() > kRunDepth) ranking.resize(kRunDepth);
}

Measures evaluate_query(Ranking ranking, const Judgements& judged) {
  Measures m;
  std::vector<int> grades;  // of the relevant judged documents
  for (const auto& [docno, grade] : judged) {
    if (grade >= 1) grades.push_back(grade);
  }
  if (grades.empty()) return m;
  trec_order(ranking);

  std::size_t relevant_seen = 0, relevant_in_10 = 0;
  double precision_sum = 0, dcg = 0;
  for (std::size_t i = 0; i < ranking.size(); ++i) {
    const auto it = judged.find(ranking[i].docno);
    const int grade = it == judged.end() ? 0 : it->second;
    if (grade < 1) continue;
    ++relevant_seen;
    precision_sum += static_cast<double>(relevant_seen) / static_cast<double>(i + 1);
    if (i < 10) {
      dcg += grade / std::log2(static_cast<double>(i + 2));
      ++relevant_in_10;
    }
  }
  std::sort(grades.begin(), grades.end(), std::greater<>());
  double ideal = 0;
  for (std::size_t i = 0; i < grades.size() && i < 10; ++i) ideal += grades[i] / std::log2(static_cast<double>(i + 2));

  const auto relevant = static_cast<double>(grades.size());
  m.map = precision_sum / relevant;
  m.p10 = static_cast<double>(relevant_in_10) / 10.0;
  m.ndcg10 = dcg / ideal;
  m.recall1000 = static_cast<double>(relevant_seen) / relevant;  // ranking holds at most 1000
  return m;
}

Evaluation evaluate(const Run& run, const Qrels& qrels) {
  Evaluation e;
  for (const auto& [query, judged] : qrels) {
    if (std::none_of(judged.begin(), judged.end(), [](const auto& j) { return j.second >= 1; })) continue;
    const auto it = run.find(query);
    const Measures m = evaluate_query(it == run.end() ? Ranking{} : it->second, judged);
    e.per_query[query] = m;
    e.mean.map += m.map;
    e.mean.ndcg10 += m.ndcg10;
    e.mean.p10 += m.p10;
    e.mean.recall1000 += m.recall1000;
    ++e.queries;
  }
  if (e.queries > 0) {
    const auto n = static_cast<double>(e.queries);
    e.mean.map /= n;
    e.mean.ndcg10 /= n;
    e.mean.p10 /= n;
    e.mean.recall1000 /= n;
  }
  return e;
}

}  // namespace morgue::bench
