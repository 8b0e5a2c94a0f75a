// Plain BM25 on morgue's index with the posting lists of some terms read from memory,
// as morgue reads the stems of a short query that it combines with their exact forms
// (common/exact_postings.h, ExactBoost::combined). A diagnostic: morgue's short queries
// gain from memory what any query would, and this says how much, by giving plain BM25
// the same lists from memory.
#pragma once

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include <xapian.h>

#include "bench/relevance/xapian_baseline.h"
#include "common/exact_postings.h"

namespace morgue::bench {

class PlainBm25FromMemory {
 public:
  explicit PlainBm25FromMemory(const Xapian::Database& db);

  // From now on, matching `words` reads `terms` from memory (those in at most
  // kMaxKeptPostingsPerTerm articles; the others from the index).
  void remember(const std::string& words, const std::vector<std::string>& terms);
  // PlainBm25's parse of `words`, the remembered terms' leaves of its OR replaced by
  // their lists: the same weights.
  [[nodiscard]] Xapian::Query query(const std::string& words);
  // query(words) matched by PlainBm25 (what is timed).
  [[nodiscard]] Xapian::MSet match(const std::string& words, Xapian::doccount depth) {
    return plain_.match(query(words), depth);
  }

 private:
  Xapian::Database db_;
  PlainBm25 plain_;
  ExactPostingsCache lists_;  // weighed with BM25Weight(), PlainBm25's model
  std::unordered_map<std::string, std::vector<std::shared_ptr<const ExactPostings>>> by_words_;
};

}  // namespace morgue::bench
