// The decoder's cache of weight sums per word. Of a token's ~45 features, 23 depend on
// one word only: its own spellings and affixes, and what it gives its neighbours as
// the word before or after them (features.h: word_features, neighbour_features).
// News repeats its words, so their summed weights are looked up once per thread and
// kept; each lookup in the weight table is a cache miss, a cached word costs none.
// Sums are integers (the table's int16 weights), so the cache changes no result.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <vector>

#include "common/ner/features.h"
#include "common/ner/model_io.h"

namespace morgue::ner {

using TagSums = std::array<std::int32_t, kNumTags>;

class WordSums {
 public:
  // What one word adds to the tokens' scores: kSelf to its own, kBefore2 to the token
  // two places on (for which it is the word at -2), ... kAfter2 to the token two back.
  enum Role { kSelf = 0, kBefore2, kBefore1, kAfter1, kAfter2, kRoles };
  struct Entry {
    std::uint64_t word = 0;  // TokenInfo::word; 0: empty
    std::array<TagSums, kRoles> sums{};
  };

  // The cache of the calling thread for this table (one per table a thread decodes with).
  [[nodiscard]] static WordSums& for_thread(const WeightTable& table);

  // Valid until the next call. `table` is the one for_thread() was given.
  [[nodiscard]] const Entry& get(const TokenInfo& token, const WeightTable& table);
  // The sentence edges' pads as neighbours (features.h: edge_pad).
  [[nodiscard]] const Entry& begin_pad() const { return begin_pad_; }
  [[nodiscard]] const Entry& end_pad() const { return end_pad_; }

 private:
  static constexpr std::size_t kSlots = 16384;  // about 5.6 MB

  WordSums(const WeightTable& table);
  void fill(const TokenInfo& token, const WeightTable& table, Entry& entry);

  std::uint64_t table_id_ = 0;
  std::vector<Entry> slots_;
  Entry scratch_;
  Entry begin_pad_, end_pad_;
  std::vector<std::uint64_t> features_;
  std::vector<std::span<const WeightEntry>> rows_;
};

}  // namespace morgue::ner
