#include "common/stem_cache.h"

#include <string>
#include <unordered_map>

namespace morgue {
namespace {

// Longer words are rare and would only fill the cache.
constexpr std::size_t kMaxCachedWordBytes = 32;

class CachingStem : public Xapian::StemImplementation {
 public:
  CachingStem(Xapian::Stem inner, std::size_t max_words) : inner_(std::move(inner)), max_words_(max_words) {}

  std::string operator()(const std::string& word) override {
    if (word.size() > kMaxCachedWordBytes) return inner_(word);
    if (const auto it = stems_.find(word); it != stems_.end()) return it->second;
    if (stems_.size() >= max_words_) stems_.clear();
    return stems_.emplace(word, inner_(word)).first->second;
  }

  std::string get_description() const override { return "cached " + inner_.get_description(); }

 private:
  Xapian::Stem inner_;
  std::size_t max_words_;
  std::unordered_map<std::string, std::string> stems_;
};

}  // namespace

Xapian::Stem caching_stemmer(const Xapian::Stem& inner, std::size_t max_words) {
  if (inner.is_none()) return inner;
  return Xapian::Stem(new CachingStem(inner, max_words));
}

}  // namespace morgue
