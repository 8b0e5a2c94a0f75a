// Observation features for the entity tagger: per token, hashed 64-bit feature ids
// built from precomputed word hashes, so no strings are built in the hot path.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace morgue::ner {

// Entity types in the order of their tag ids (see tags.h).
inline constexpr std::array<std::string_view, 4> kEntityTypes = {"PER", "ORG", "LOC", "MISC"};
[[nodiscard]] int entity_type_index(std::string_view type);  // -1 when unknown

[[nodiscard]] std::uint64_t hash_bytes(std::string_view s);
[[nodiscard]] std::uint64_t combine(std::uint64_t a, std::uint64_t b);
[[nodiscard]] std::string lower_word(std::string_view word);  // ASCII and Latin-1 letters

// Entity names with their types (a bit mask over kEntityTypes), keyed by the hash
// of their lower-cased words, so that lookups need no strings.
class Gazetteer {
 public:
  static constexpr std::size_t kMaxWords = 6;

  void add(std::string_view name, int type);  // name: words separated by spaces
  void add_key(std::uint64_t key, std::uint8_t types) { entries_[key] |= types; }
  [[nodiscard]] std::uint8_t lookup(std::uint64_t key) const {
    auto it = entries_.find(key);
    return it == entries_.end() ? 0 : it->second;
  }
  [[nodiscard]] const std::unordered_map<std::uint64_t, std::uint8_t>& entries() const { return entries_; }
  [[nodiscard]] static std::uint64_t start_key() { return 0x6761'7a65'7474'6565ULL; }
  [[nodiscard]] static std::uint64_t extend_key(std::uint64_t key, std::uint64_t word_hash) {
    return combine(key, word_hash);
  }

 private:
  std::unordered_map<std::uint64_t, std::uint8_t> entries_;
};

// What the features need to know about one token.
struct TokenInfo {
  std::uint64_t word = 0;         // hash of the word as written
  std::uint64_t lower = 0;        // hash of the lower-cased word
  std::uint64_t shape = 0;        // "Xxxx", "dddd-dd-dd", "X.X." (runs capped at 4)
  std::uint64_t short_shape = 0;  // runs collapsed: "Xx", "d-d-d", "X.X."
  std::array<std::uint64_t, 4> prefix{};
  std::array<std::uint64_t, 4> suffix{};
  std::uint32_t flags = 0;      // TokenFlag bits
  std::uint16_t gazetteer = 0;  // bit 4*type+position (B, I, L, U) of gazetteer matches
  // Second stage only (add_first_pass): the first stage's tag here, and the entity
  // type (1 + index) it gave this word most often in the whole document, 0 for none.
  std::uint8_t first_pass_tag = 0;
  std::uint8_t document_type = 0;
};

enum TokenFlag : std::uint32_t {
  kCapitalised = 1u << 0,
  kAllCaps = 1u << 1,
  kHasDigit = 1u << 2,
  kHasHyphen = 1u << 3,
  kHasPeriod = 1u << 4,
  kNumber = 1u << 5,
  kPunctuation = 1u << 6,
  kSentenceInitial = 1u << 7,
  kCapsSentence = 1u << 8,    // most words of the sentence are in capitals (a headline)
  kSeenLowerInDoc = 1u << 9,  // a capitalised word that the document also uses in lower case
  kSeenCapInDoc = 1u << 10,   // capitals here are uninformative, but the document capitalises it mid-sentence
  kInnerCapital = 1u << 11,   // McDonald, eBay
};

// Token information for a document given as sentences of words. Document-level
// flags (kSeenLowerInDoc, kSeenCapInDoc) look at all its sentences.
[[nodiscard]] std::vector<std::vector<TokenInfo>> analyze_document(
    const std::vector<std::vector<std::string_view>>& sentences, const Gazetteer& gazetteer);

// Records the first stage's tags (decoder.h tag ids) for the second stage's
// document-consistency features (Krishnan & Manning 2006): a word tagged ORG in one
// sentence is likely ORG in the headline too.
void add_first_pass(std::vector<std::vector<TokenInfo>>& document, const std::vector<std::vector<int>>& tags);

enum class Stage { kFirst, kSecond };

// Appends the feature ids of token i of the sentence to `out`.
void extract_features(std::span<const TokenInfo> sentence, std::size_t i, std::vector<std::uint64_t>& out,
                      Stage stage = Stage::kFirst);

// The same features in three parts, so that a decoder can cache the sums of those that
// depend on one word only (the word itself, or the word as a neighbour): together, for
// every token, they are exactly the ids extract_features gives, in another order.
//
// Features of the token's own word (its spellings, affixes, the flags the word alone
// sets): the same for every occurrence of the word.
void word_features(const TokenInfo& token, std::vector<std::uint64_t>& out);

// Features that token i gets from the word `offset` positions away (-2, -1, 1 or 2).
// A neighbour past the sentence's edge is the pad: `edge_pad(offset)`.
void neighbour_features(const TokenInfo& neighbour, int offset, std::vector<std::uint64_t>& out);
[[nodiscard]] TokenInfo edge_pad(int offset);

// The rest: features of word pairs, of the sentence and of the document.
void context_features(std::span<const TokenInfo> sentence, std::size_t i, std::vector<std::uint64_t>& out,
                      Stage stage = Stage::kFirst);

}  // namespace morgue::ner
