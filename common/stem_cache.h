// A Snowball stemmer that remembers its answers. Snippets stem every word of a hit's
// text up to the best passage, and news text repeats the same few thousand words:
// on Reuters-21578 stemming was a fifth of a whole search (bench/README.md).
#pragma once

#include <cstddef>

#include <xapian.h>

namespace morgue {

// Words remembered (rounded up to a power of two, 64 bytes each: 4 MB). A word whose
// place another word has taken is stemmed again.
inline constexpr std::size_t kStemCacheMaxWords = 50000;

// `inner`, answering from a cache: the same stems, so the same terms and snippets.
// Not thread-safe (nor is the Xapian::Stem it wraps): one per Searcher. A "none"
// stemmer is returned as it is, since Xapian treats it differently (it adds no Z terms).
[[nodiscard]] Xapian::Stem caching_stemmer(const Xapian::Stem& inner, std::size_t max_words = kStemCacheMaxWords);

}  // namespace morgue
