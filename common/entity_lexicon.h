// The index's entity terms (their alias_key form) and how many articles each has, for
// suggestions as the user types (GET /entities, the search box): sorted by key, with an
// index of the words inside the keys, so that a prefix is found by binary search rather
// than by reading every key. On 129,462 articles (38,876 entity keys) reading them all
// took 1.4-12 ms a keystroke; now 0.01-0.8 ms (bench/suggest_speed.cc, bench/README.md).
#pragma once

#include <cstdint>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <xapian.h>

namespace morgue {

// Whether `key` (alias_key form) starts with `prefix` or has a word, after a space, that
// does: what a suggestion matches. An empty prefix matches every key.
[[nodiscard]] bool suggestion_matches(std::string_view key, std::string_view prefix);

class EntityLexicon {
 public:
  // Reads the entity terms of `db` (field kEntity's prefix) and their frequencies.
  explicit EntityLexicon(const Xapian::Database& db);

  // The keys that suggestion_matches() `prefix`, found by binary search, and the keys in
  // `also`. Most articles first, ties by key.
  [[nodiscard]] std::vector<std::uint32_t> matching(std::string_view prefix, const std::set<std::string>& also) const;

  [[nodiscard]] const std::string& key(std::uint32_t i) const { return terms_[i].first; }
  [[nodiscard]] Xapian::doccount articles(std::uint32_t i) const { return terms_[i].second; }
  [[nodiscard]] std::size_t size() const { return terms_.size(); }

 private:
  [[nodiscard]] std::string_view word(std::size_t w) const {
    return std::string_view(terms_[words_[w].first].first).substr(words_[w].second);
  }
  // Orders term indices by articles, most first, then by key.
  void sort_by_count(std::vector<std::uint32_t>& ids) const;

  std::vector<std::pair<std::string, Xapian::doccount>> terms_;  // by key (the B-tree's order)
  std::vector<std::pair<std::uint32_t, std::uint32_t>> words_;   // (term, offset of a word after a space), by that text
  std::vector<std::uint32_t> by_count_;                          // every term, most articles first
};

// The lexicon of `db` as it is now, built or shared with whoever holds the one of the
// same index and revision: a daemon's searchers read the terms once per reload, not
// once each. Built under a lock: a searcher that needs the same lexicon waits for it.
[[nodiscard]] std::shared_ptr<const EntityLexicon> entity_lexicon(const Xapian::Database& db);

}  // namespace morgue
