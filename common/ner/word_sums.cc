#include "common/ner/word_sums.h"

#include <memory>

namespace morgue::ner {

WordSums& WordSums::for_thread(const WeightTable& table) {
  // Two: the first and the second pass of a model.
  thread_local std::array<std::unique_ptr<WordSums>, 2> caches;
  thread_local std::size_t next = 0;
  for (auto& c : caches)
    if (c && c->table_id_ == table.id()) return *c;
  auto& slot = caches[next++ % caches.size()];
  slot.reset(new WordSums(table));
  return *slot;
}

WordSums::WordSums(const WeightTable& table) : table_id_(table.id()), slots_(kSlots) {
  fill(edge_pad(-1), table, begin_pad_);
  fill(edge_pad(1), table, end_pad_);
}

const WordSums::Entry& WordSums::get(const TokenInfo& token, const WeightTable& table) {
  if (token.word == 0) {  // 0 marks empty slots: not cached
    fill(token, table, scratch_);
    return scratch_;
  }
  Entry& e = slots_[token.word & (kSlots - 1)];
  if (e.word != token.word) {
    fill(token, table, e);
    e.word = token.word;
  }
  return e;
}

void WordSums::fill(const TokenInfo& token, const WeightTable& table, Entry& entry) {
  std::array<std::size_t, kRoles + 1> ends{};
  features_.clear();
  word_features(token, features_);
  ends[kSelf] = features_.size();
  // Where this word is seen from the token it scores, by role.
  constexpr std::array<int, kRoles> kNeighbourAt = {0, -2, -1, 1, 2};
  for (std::size_t role = kBefore2; role < kRoles; ++role) {
    neighbour_features(token, kNeighbourAt[role], features_);
    ends[role] = features_.size();
  }
  for (std::uint64_t f : features_) table.prefetch(f);
  rows_.resize(features_.size());
  for (std::size_t k = 0; k < features_.size(); ++k) rows_[k] = table.find(features_[k]);
  std::size_t k = 0;
  for (std::size_t role = 0; role < kRoles; ++role) {
    TagSums& sum = entry.sums[role];
    sum.fill(0);
    for (; k < ends[role]; ++k)
      for (const WeightEntry& w : rows_[k]) sum[w.tag] += w.weight;
  }
}

}  // namespace morgue::ner
