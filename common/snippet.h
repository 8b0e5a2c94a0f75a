// Snippets: the passage of a hit's text that best matches the query, with the words
// that match marked. morgue's own rather than Xapian's MSet::snippet, which was a
// quarter of a whole search on Reuters-21578 (bench/README.md, "Inside libxapian"):
// it decodes every character through Xapian's Unicode tables, builds a string per
// word and looks each one up twice. This one reads ASCII through a byte table and
// looks up only the words whose first byte starts a query word or stem.
#pragma once

#include <bitset>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include <xapian.h>

namespace morgue {

class Snippets {
 public:
  // What of `query` a snippet marks: its free-text words, as typed and stemmed (terms
  // without a field prefix), and its phrases, each weighed as `mset` weighs it. nullopt
  // for a query with a wildcard, whose expansions only the match knows (the caller
  // then uses MSet::snippet). `language`: the query's ISO code; only for English are
  // words left unstemmed whose first two bytes start none of the stems (Snowball
  // English keeps them, but for "dying" -> "die"), as other languages' stemmers may
  // change them (German folds "ä" to "a"). `kept`: terms that the query weighs without
  // a term of its own (QueryBuilder::kept_terms), words as typed and stems ("Z..."),
  // with their weights.
  [[nodiscard]] static std::optional<Snippets> for_query(const Xapian::Query& query, const Xapian::MSet& mset,
                                                         const Xapian::Stem& stemmer, std::string_view language,
                                                         const std::vector<std::pair<std::string, double>>& kept = {});

  // About `bytes` bytes of `text` around its best passage (the one whose matches weigh
  // most, each query word counted fully once and its repeats a quarter), starting at a
  // sentence when one starts close enough before the matches; HTML-escaped, matches in
  // <mark>…</mark>, "…" where the text was cut. The start of the text when nothing
  // matches. Reading stops `bytes` after every query word has been seen, as Xapian's
  // snippets stop after their first good passage: long articles are not read to the end.
  [[nodiscard]] std::string make(std::string_view text, std::size_t bytes) const;

 private:
  struct Key {
    int id;  // one per query word (as typed or stemmed) or phrase: counted once per passage
    double weight;
  };
  struct Phrase {
    std::vector<std::string> words;
    Key key;
  };

  explicit Snippets(const Xapian::Stem& stemmer) : stemmer_(stemmer) {}

  std::unordered_map<std::string, Key> exact_;  // words as typed, lower-cased
  std::unordered_map<std::string, Key> stems_;  // stems, without their Z
  std::vector<Phrase> phrases_;
  // What a word must start with to be looked up: a first byte, then the first two
  // (with 'y' read as 'i' in the second: Snowball English stems "dying" to "die").
  std::bitset<256> first_bytes_;
  std::vector<std::uint16_t> first_pairs_;
  bool first_byte_only_ = false;  // a one-byte stem: the first byte alone decides
  bool stem_every_word_ = false;  // not English: any word may have one of the stems
  std::size_t longest_phrase_ = 0;
  int keys_ = 0;       // ids handed out
  int distinct_ = 0;   // ids in use (a word as typed shares its stem's)
  Xapian::Stem stemmer_;
};

}  // namespace morgue
