#include "bench/relevance/plain_from_memory.h"

#include <algorithm>

namespace morgue::bench {
namespace {

// PlainBm25's model, BM25Weight() (k1 = 1, k2 = 0, k3 = 1, b = 0.5, min_normlen = 0.5),
// as morgue's RankingParams say it.
RankingParams plain_bm25() {
  RankingParams p;
  p.model = RankingModel::kBM25;
  p.k1 = 1.0;
  p.b = 0.5;
  p.min_normlen = 0.5;
  return p;
}

}  // namespace

PlainBm25FromMemory::PlainBm25FromMemory(const Xapian::Database& db)
    : db_(db), plain_(db, {.quest_stopwords = false}), lists_(db, plain_bm25()) {}

void PlainBm25FromMemory::remember(const std::string& words, const std::vector<std::string>& terms) {
  auto& lists = by_words_[words];
  lists.clear();
  for (const std::string& term : terms) {
    if (auto list = lists_.find(term, db_.get_termfreq(term), db_.get_revision())) lists.push_back(std::move(list));
  }
}

Xapian::Query PlainBm25FromMemory::query(const std::string& words) {
  Xapian::Query query = plain_.parse(words);
  const auto it = by_words_.find(words);
  if (it != by_words_.end() && !it->second.empty()) {
    const auto& lists = it->second;
    const auto served = [&](const Xapian::Query& leaf) -> Xapian::Query {
      if (leaf.get_type() != Xapian::Query::LEAF_TERM) return leaf;
      const std::string term = *leaf.get_terms_begin();
      const auto at = std::find_if(lists.begin(), lists.end(), [&](const auto& l) { return l->term == term; });
      return at == lists.end() ? leaf : exact_postings_query({*at});
    };
    if (query.get_type() == Xapian::Query::OP_OR) {
      std::vector<Xapian::Query> leaves;
      for (std::size_t i = 0; i < query.get_num_subqueries(); ++i) leaves.push_back(served(query.get_subquery(i)));
      query = Xapian::Query(Xapian::Query::OP_OR, leaves.begin(), leaves.end());
    } else {
      query = served(query);
    }
  }
  return query;
}

}  // namespace morgue::bench
