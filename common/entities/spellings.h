// Other spellings of one word: "Kiev" and "Kyiv", "Zelensky" and "Zelenskyy". From the
// alias table's one-word names; the indexer stores them as Xapian synonyms, so a
// query for one spelling finds every article that uses another.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <xapian.h>

#include "common/entities/alias_table.h"

namespace morgue::entities {

struct SpellingGroup {
  std::string entity;                  // canonical name
  std::vector<std::string> spellings;  // lower-case words, as the index's terms spell them
};

class Spellings {
 public:
  // Groups from the one-word names of each entity: mixed-case words of at least four
  // letters ("US" or "UN" would turn the pronoun "us" and the French "un" into names).
  explicit Spellings(const AliasTable& table);

  // The group of a lower-case word, nullptr when it has no other spelling.
  [[nodiscard]] const SpellingGroup* find(std::string_view word) const;
  [[nodiscard]] const std::vector<SpellingGroup>& groups() const { return groups_; }

  // Replaces the synonyms stored in `db` with these groups (each word -> the others).
  void write_synonyms(Xapian::WritableDatabase& db) const;

 private:
  std::vector<SpellingGroup> groups_;
  std::unordered_map<std::string, std::size_t> by_word_;
};

// From the compiled-in table.
[[nodiscard]] const Spellings& default_spellings();

}  // namespace morgue::entities
