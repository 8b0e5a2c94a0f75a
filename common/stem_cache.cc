#include "common/stem_cache.h"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstring>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace morgue {
namespace {

// Longer words are rare and would only fill the cache; 31 makes a slot one cache line.
constexpr std::size_t kMaxCachedWordBytes = 31;

// Direct-mapped: a word's hash fixes its slot, and a new word takes the slot over.
// A lookup touches one cache line, where std::unordered_map<std::string, std::string>
// touched its bucket, its node and the key's heap copy: with a vocabulary of tens of
// thousands of words those were misses, and the map's lookups were 3-4% of indexing
// Reuters-21578 or AllSides (perf).
struct alignas(64) Slot {
  static constexpr std::uint8_t kEmpty = 0xff;
  std::uint8_t word_size = kEmpty;
  std::uint8_t stem_size = 0;
  char word[kMaxCachedWordBytes];
  char stem[kMaxCachedWordBytes];
};
static_assert(sizeof(Slot) == 64);

class CachingStem : public Xapian::StemImplementation {
 public:
  CachingStem(Xapian::Stem inner, std::size_t max_words)
      : inner_(std::move(inner)), mask_(std::bit_ceil(std::max<std::size_t>(max_words, 1)) - 1) {}

  std::string operator()(const std::string& word) override {
    if (word.empty() || word.size() > kMaxCachedWordBytes) return inner_(word);
    if (slots_.empty()) slots_.resize(mask_ + 1);  // on first use: a builder may never stem
    const std::size_t hash = std::hash<std::string_view>{}(word);
    Slot& slot = slots_[hash & mask_];
    if (slot.word_size == word.size() && std::memcmp(slot.word, word.data(), word.size()) == 0)
      return std::string(slot.stem, slot.stem_size);
    std::string stem = inner_(word);
    if (stem.size() <= kMaxCachedWordBytes) {
      slot.word_size = static_cast<std::uint8_t>(word.size());
      std::memcpy(slot.word, word.data(), word.size());
      slot.stem_size = static_cast<std::uint8_t>(stem.size());
      std::memcpy(slot.stem, stem.data(), stem.size());
    }
    return stem;
  }

  std::string get_description() const override { return "cached " + inner_.get_description(); }

 private:
  Xapian::Stem inner_;
  std::size_t mask_;
  std::vector<Slot> slots_;
};

}  // namespace

Xapian::Stem caching_stemmer(const Xapian::Stem& inner, std::size_t max_words) {
  if (inner.is_none()) return inner;
  return Xapian::Stem(new CachingStem(inner, max_words));
}

}  // namespace morgue
