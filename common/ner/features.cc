#include "common/ner/features.h"

#include <xxhash.h>

#include <algorithm>
#include <unordered_set>

namespace morgue::ner {
namespace {

// Template ids: the first value combined into every feature id. Append only; changing
// the order or the hashing invalidates trained models (bump kModelVersion in model_io.h).
enum Template : std::uint64_t {
  kBias = 1,
  kWord,
  kLower,
  kShape,
  kShortShape,
  kPrefix,
  kSuffix = kPrefix + 4,
  kFlag = kSuffix + 4,
  kFlagCombo,
  kLowerM2,
  kLowerM1,
  kLowerP1,
  kLowerP2,
  kShapeM2,
  kShapeM1,
  kShapeP1,
  kShapeP2,
  kBigramM1,
  kBigramP1,
  kShapeTrigram,
  kShapeBigramM1,
  kShapeBigramP1,
  kGaz,
  kGazM1,
  kGazP1,
  kCapsSentenceLower,
  kCapsSentenceShape,
  kLowerM1Shape,
  kShapeLowerP1,
  kWordM1,
  kWordP1,
  kDocCombo,
  kLowerSkip,
  kFirstPass,
  kFirstPassM1,
  kFirstPassP1,
  kDocType,
  kDocTypeShape,
  kDocTypeFirstPass,
  kFirstPassBigram,
};

constexpr std::uint64_t kBeginPad = 0xb0b0'b0b0'0000'0001ULL;
constexpr std::uint64_t kEndPad = 0xe0e0'e0e0'0000'0002ULL;

bool is_upper_at(std::string_view w, std::size_t i) {
  const auto c = static_cast<unsigned char>(w[i]);
  if (c >= 'A' && c <= 'Z') return true;
  if (c == 0xC3 && i + 1 < w.size()) {  // Latin-1 capitals: U+00C0..U+00DE except U+00D7
    const auto d = static_cast<unsigned char>(w[i + 1]);
    return d >= 0x80 && d <= 0x9E && d != 0x97;
  }
  return false;
}

bool is_lower_at(std::string_view w, std::size_t i) {
  const auto c = static_cast<unsigned char>(w[i]);
  if (c >= 'a' && c <= 'z') return true;
  return c >= 0xC3 && !is_upper_at(w, i);  // other letters outside ASCII: lower case is the safer guess
}

std::string shape_of(std::string_view w, bool collapse) {
  std::string out;
  char last = 0;
  int run = 0;
  for (std::size_t i = 0; i < w.size(); ++i) {
    const auto c = static_cast<unsigned char>(w[i]);
    if ((c & 0xC0) == 0x80) continue;  // UTF-8 continuation byte
    char s;
    if (is_upper_at(w, i))
      s = 'X';
    else if (is_lower_at(w, i))
      s = 'x';
    else if (c >= '0' && c <= '9')
      s = 'd';
    else if (c >= 0x80)
      s = '*';
    else
      s = static_cast<char>(c);
    run = s == last ? run + 1 : 1;
    last = s;
    if (run <= (collapse ? 1 : 4)) out += s;
  }
  return out;
}

std::uint64_t f1(Template t, std::uint64_t a) { return combine(t, a); }
std::uint64_t f2(Template t, std::uint64_t a, std::uint64_t b) { return combine(combine(t, a), b); }

}  // namespace

int entity_type_index(std::string_view type) {
  for (std::size_t i = 0; i < kEntityTypes.size(); ++i)
    if (kEntityTypes[i] == type) return static_cast<int>(i);
  return -1;
}

std::uint64_t hash_bytes(std::string_view s) { return XXH3_64bits(s.data(), s.size()); }

std::uint64_t combine(std::uint64_t a, std::uint64_t b) {
  // splitmix64's finaliser over an asymmetric mix: combine(a, b) != combine(b, a).
  std::uint64_t x = a * 0x9E3779B97F4A7C15ULL + b + 0x632BE59BD9B4E019ULL + (a >> 29);
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

std::string lower_word(std::string_view word) {
  std::string out(word);
  for (std::size_t i = 0; i < out.size(); ++i) {
    if (out[i] >= 'A' && out[i] <= 'Z')
      out[i] = static_cast<char>(out[i] - 'A' + 'a');
    else if (is_upper_at(out, i))
      out[i + 1] = static_cast<char>(out[i + 1] + 0x20);
  }
  return out;
}

void Gazetteer::add(std::string_view name, int type) {
  std::uint64_t key = start_key();
  std::size_t words = 0;
  std::size_t i = 0;
  while (i < name.size()) {
    const std::size_t j = std::min(name.find(' ', i), name.size());
    if (j > i) {
      key = extend_key(key, hash_bytes(lower_word(name.substr(i, j - i))));
      ++words;
    }
    i = j + 1;
  }
  if (words > 0 && words <= kMaxWords) entries_[key] |= static_cast<std::uint8_t>(1u << type);
}

namespace {

// What a token's information owes to its word alone, and whether the word has letters.
struct WordInfo {
  TokenInfo info;  // word, lower, shape, short_shape, prefix, suffix, word flags
  bool letters = false;
};

WordInfo word_info(std::string_view w, std::uint64_t word_hash) {
  WordInfo out;
  TokenInfo& t = out.info;
  const std::string lower = lower_word(w);
  t.word = word_hash;
  t.lower = hash_bytes(lower);
  t.shape = hash_bytes(shape_of(w, false));
  t.short_shape = hash_bytes(shape_of(w, true));
  for (std::size_t k = 0; k < 4; ++k) {
    const std::size_t n = std::min(k + 1, lower.size());
    t.prefix[k] = hash_bytes(std::string_view(lower).substr(0, n));
    t.suffix[k] = hash_bytes(std::string_view(lower).substr(lower.size() - n));
  }
  bool upper = false, lowers = false, digit = false, alnum = false, number = !w.empty();
  for (std::size_t k = 0; k < w.size(); ++k) {
    const bool u = is_upper_at(w, k), l = is_lower_at(w, k), d = w[k] >= '0' && w[k] <= '9';
    if (u && k > 0 && lowers) t.flags |= kInnerCapital;
    upper |= u;
    lowers |= l;
    digit |= d;
    alnum |= u || l || d;
    if (!d && w[k] != ',' && w[k] != '.') number = false;
    if (w[k] == '-') t.flags |= kHasHyphen;
    if (w[k] == '.') t.flags |= kHasPeriod;
  }
  if (!w.empty() && is_upper_at(w, 0)) t.flags |= kCapitalised;
  if (upper && !lowers) t.flags |= kAllCaps;
  if (digit) t.flags |= kHasDigit;
  if (number && digit) t.flags |= kNumber;
  if (!alnum) t.flags |= kPunctuation;
  out.letters = upper || lowers;
  return out;
}

// The word information of the calling thread's recent words, by the hash of the word:
// news repeats its words, and each costs a dozen hashes and two shapes.
const WordInfo& cached_word_info(std::string_view w) {
  struct Slot {
    std::uint64_t key = 0;  // 0: empty
    WordInfo value;
  };
  constexpr std::size_t kSlots = 8192;
  thread_local std::vector<Slot> slots(kSlots);
  thread_local WordInfo uncached;
  const std::uint64_t h = hash_bytes(w);
  if (h == 0) return uncached = word_info(w, h);
  Slot& slot = slots[h & (kSlots - 1)];
  if (slot.key != h) {
    slot.value = word_info(w, h);
    slot.key = h;
  }
  return slot.value;
}

}  // namespace

std::vector<std::vector<TokenInfo>> analyze_document(const std::vector<std::vector<std::string_view>>& sentences,
                                                     const Gazetteer& gazetteer) {
  std::vector<std::vector<TokenInfo>> doc(sentences.size());
  std::unordered_set<std::uint64_t> seen_lower, seen_cap;
  for (std::size_t s = 0; s < sentences.size(); ++s) {
    const auto& words = sentences[s];
    auto& infos = doc[s];
    infos.resize(words.size());
    std::size_t letters_words = 0, caps_words = 0;
    for (std::size_t i = 0; i < words.size(); ++i) {
      const WordInfo& w = cached_word_info(words[i]);
      TokenInfo& t = infos[i];
      t = w.info;
      if (i == 0) t.flags |= kSentenceInitial;
      if (w.letters) ++letters_words;
      if (t.flags & kAllCaps) ++caps_words;
    }
    const bool caps_sentence = caps_words >= 2 && 2 * caps_words > letters_words;
    for (std::size_t i = 0; i < words.size(); ++i) {
      TokenInfo& t = infos[i];
      if (caps_sentence) t.flags |= kCapsSentence;
      if (!(t.flags & (kCapitalised | kAllCaps | kHasDigit | kPunctuation)) && !caps_sentence)
        seen_lower.insert(t.lower);
      if ((t.flags & kCapitalised) && !(t.flags & (kSentenceInitial | kAllCaps)) && !caps_sentence)
        seen_cap.insert(t.lower);
    }
    // Gazetteer matches: capitalised (or numeric) first and last words.
    auto can_bound = [&](std::size_t i) { return (infos[i].flags & (kCapitalised | kHasDigit)) != 0; };
    for (std::size_t b = 0; b < words.size(); ++b) {
      if (!can_bound(b)) continue;
      std::uint64_t key = Gazetteer::start_key();
      for (std::size_t e = b + 1; e <= words.size() && e - b <= Gazetteer::kMaxWords; ++e) {
        key = Gazetteer::extend_key(key, infos[e - 1].lower);
        if (!can_bound(e - 1)) continue;
        const std::uint8_t types = gazetteer.lookup(key);
        for (int type = 0; type < 4; ++type) {
          if (!(types & (1u << type))) continue;
          for (std::size_t k = b; k < e; ++k) {
            const int pos = e - b == 1 ? 3 : k == b ? 0 : k + 1 == e ? 2 : 1;
            infos[k].gazetteer |= static_cast<std::uint16_t>(1u << (4 * type + pos));
          }
        }
      }
    }
  }
  for (auto& infos : doc) {
    for (auto& t : infos) {
      if ((t.flags & kCapitalised) && seen_lower.count(t.lower)) t.flags |= kSeenLowerInDoc;
      if ((t.flags & (kSentenceInitial | kAllCaps | kCapsSentence)) && seen_cap.count(t.lower))
        t.flags |= kSeenCapInDoc;
    }
  }
  return doc;
}

void add_first_pass(std::vector<std::vector<TokenInfo>>& document, const std::vector<std::vector<int>>& tags) {
  std::unordered_map<std::uint64_t, std::array<int, 4>> counts;  // lower-cased word -> entity types
  for (std::size_t s = 0; s < document.size(); ++s) {
    for (std::size_t i = 0; i < document[s].size(); ++i) {
      document[s][i].first_pass_tag = static_cast<std::uint8_t>(tags[s][i]);
      if (tags[s][i] > 0 && !(document[s][i].flags & kPunctuation))
        ++counts[document[s][i].lower][static_cast<std::size_t>((tags[s][i] - 1) / 4)];
    }
  }
  for (auto& sentence : document) {
    for (auto& t : sentence) {
      auto it = counts.find(t.lower);
      if (it == counts.end()) continue;
      const auto& c = it->second;
      t.document_type = static_cast<std::uint8_t>(1 + (std::max_element(c.begin(), c.end()) - c.begin()));
    }
  }
}

void extract_features(std::span<const TokenInfo> s, std::size_t i, std::vector<std::uint64_t>& out, Stage stage) {
  const TokenInfo& t = s[i];
  const std::size_t n = s.size();
  auto lower = [&](std::ptrdiff_t k) {
    const auto j = static_cast<std::ptrdiff_t>(i) + k;
    return j < 0 ? kBeginPad : j >= static_cast<std::ptrdiff_t>(n) ? kEndPad : s[static_cast<std::size_t>(j)].lower;
  };
  auto word = [&](std::ptrdiff_t k) {
    const auto j = static_cast<std::ptrdiff_t>(i) + k;
    return j < 0 ? kBeginPad : j >= static_cast<std::ptrdiff_t>(n) ? kEndPad : s[static_cast<std::size_t>(j)].word;
  };
  auto shape = [&](std::ptrdiff_t k) {
    const auto j = static_cast<std::ptrdiff_t>(i) + k;
    return j < 0                                 ? kBeginPad
           : j >= static_cast<std::ptrdiff_t>(n) ? kEndPad
                                                 : s[static_cast<std::size_t>(j)].short_shape;
  };
  auto gaz = [&](std::ptrdiff_t k) -> std::uint64_t {
    const auto j = static_cast<std::ptrdiff_t>(i) + k;
    return j < 0 || j >= static_cast<std::ptrdiff_t>(n) ? 0 : s[static_cast<std::size_t>(j)].gazetteer;
  };

  out.push_back(kBias);
  out.push_back(f1(kWord, t.word));
  out.push_back(f1(kLower, t.lower));
  out.push_back(f1(kShape, t.shape));
  out.push_back(f1(kShortShape, t.short_shape));
  for (std::uint64_t k = 0; k < 4; ++k) {
    out.push_back(f1(static_cast<Template>(kPrefix + k), t.prefix[k]));
    out.push_back(f1(static_cast<Template>(kSuffix + k), t.suffix[k]));
  }
  for (std::uint32_t bit = 0; bit < 12; ++bit)
    if (t.flags & (1u << bit)) out.push_back(f1(kFlag, bit));
  out.push_back(f1(kFlagCombo, t.flags & (kCapitalised | kAllCaps | kSentenceInitial | kCapsSentence)));
  out.push_back(f1(kDocCombo, t.flags & (kCapitalised | kSentenceInitial | kSeenLowerInDoc | kSeenCapInDoc)));
  out.push_back(f1(kLowerM2, lower(-2)));
  out.push_back(f1(kLowerM1, lower(-1)));
  out.push_back(f1(kLowerP1, lower(1)));
  out.push_back(f1(kLowerP2, lower(2)));
  out.push_back(f1(kWordM1, word(-1)));
  out.push_back(f1(kWordP1, word(1)));
  out.push_back(f1(kShapeM2, shape(-2)));
  out.push_back(f1(kShapeM1, shape(-1)));
  out.push_back(f1(kShapeP1, shape(1)));
  out.push_back(f1(kShapeP2, shape(2)));
  out.push_back(f2(kBigramM1, lower(-1), t.lower));
  out.push_back(f2(kBigramP1, t.lower, lower(1)));
  out.push_back(f2(kLowerSkip, lower(-1), lower(1)));
  out.push_back(combine(f2(kShapeTrigram, shape(-1), t.short_shape), shape(1)));
  out.push_back(f2(kShapeBigramM1, shape(-1), t.short_shape));
  out.push_back(f2(kShapeBigramP1, t.short_shape, shape(1)));
  out.push_back(f2(kLowerM1Shape, lower(-1), t.short_shape));
  out.push_back(f2(kShapeLowerP1, t.short_shape, lower(1)));
  for (std::uint64_t bit = 0; bit < 16; ++bit)
    if (t.gazetteer & (1u << bit)) out.push_back(f1(kGaz, bit));
  for (std::uint64_t bit = 0; bit < 16; ++bit) {
    if (gaz(-1) & (1u << bit)) out.push_back(f1(kGazM1, bit));
    if (gaz(1) & (1u << bit)) out.push_back(f1(kGazP1, bit));
  }
  if (t.flags & kCapsSentence) {
    out.push_back(f1(kCapsSentenceLower, t.lower));
    out.push_back(f1(kCapsSentenceShape, t.short_shape));
  }
  if (stage == Stage::kSecond) {
    auto first_pass = [&](std::ptrdiff_t k) -> std::uint64_t {
      const auto j = static_cast<std::ptrdiff_t>(i) + k;
      return j < 0 ? 100 : j >= static_cast<std::ptrdiff_t>(n) ? 101 : s[static_cast<std::size_t>(j)].first_pass_tag;
    };
    out.push_back(f1(kFirstPass, t.first_pass_tag));
    out.push_back(f1(kFirstPassM1, first_pass(-1)));
    out.push_back(f1(kFirstPassP1, first_pass(1)));
    out.push_back(f2(kFirstPassBigram, first_pass(-1), t.first_pass_tag));
    out.push_back(f1(kDocType, t.document_type));
    out.push_back(f2(kDocTypeShape, t.document_type, t.short_shape));
    out.push_back(f2(kDocTypeFirstPass, t.document_type, t.first_pass_tag));
  }
}

}  // namespace morgue::ner

namespace morgue::ner {
namespace {

// Flags that analyze_document derives from the word alone; the others come from the
// sentence or the document.
constexpr std::uint32_t kWordFlags =
    kCapitalised | kAllCaps | kHasDigit | kHasHyphen | kHasPeriod | kNumber | kPunctuation | kInnerCapital;

}  // namespace

void word_features(const TokenInfo& t, std::vector<std::uint64_t>& out) {
  out.push_back(kBias);
  out.push_back(f1(kWord, t.word));
  out.push_back(f1(kLower, t.lower));
  out.push_back(f1(kShape, t.shape));
  out.push_back(f1(kShortShape, t.short_shape));
  for (std::uint64_t k = 0; k < 4; ++k) {
    out.push_back(f1(static_cast<Template>(kPrefix + k), t.prefix[k]));
    out.push_back(f1(static_cast<Template>(kSuffix + k), t.suffix[k]));
  }
  for (std::uint32_t bit = 0; bit < 12; ++bit)
    if (t.flags & kWordFlags & (1u << bit)) out.push_back(f1(kFlag, bit));
}

TokenInfo edge_pad(int offset) {
  TokenInfo pad;
  pad.word = pad.lower = pad.short_shape = offset < 0 ? kBeginPad : kEndPad;
  return pad;
}

void neighbour_features(const TokenInfo& n, int offset, std::vector<std::uint64_t>& out) {
  switch (offset) {
    case -2:
      out.push_back(f1(kLowerM2, n.lower));
      out.push_back(f1(kShapeM2, n.short_shape));
      break;
    case -1:
      out.push_back(f1(kLowerM1, n.lower));
      out.push_back(f1(kWordM1, n.word));
      out.push_back(f1(kShapeM1, n.short_shape));
      break;
    case 1:
      out.push_back(f1(kLowerP1, n.lower));
      out.push_back(f1(kWordP1, n.word));
      out.push_back(f1(kShapeP1, n.short_shape));
      break;
    case 2:
      out.push_back(f1(kLowerP2, n.lower));
      out.push_back(f1(kShapeP2, n.short_shape));
      break;
    default:
      break;
  }
}

void context_features(std::span<const TokenInfo> s, std::size_t i, std::vector<std::uint64_t>& out, Stage stage) {
  const TokenInfo& t = s[i];
  const std::size_t n = s.size();
  auto lower = [&](std::ptrdiff_t k) {
    const auto j = static_cast<std::ptrdiff_t>(i) + k;
    return j < 0 ? kBeginPad : j >= static_cast<std::ptrdiff_t>(n) ? kEndPad : s[static_cast<std::size_t>(j)].lower;
  };
  auto shape = [&](std::ptrdiff_t k) {
    const auto j = static_cast<std::ptrdiff_t>(i) + k;
    return j < 0                                 ? kBeginPad
           : j >= static_cast<std::ptrdiff_t>(n) ? kEndPad
                                                 : s[static_cast<std::size_t>(j)].short_shape;
  };
  auto gaz = [&](std::ptrdiff_t k) -> std::uint64_t {
    const auto j = static_cast<std::ptrdiff_t>(i) + k;
    return j < 0 || j >= static_cast<std::ptrdiff_t>(n) ? 0 : s[static_cast<std::size_t>(j)].gazetteer;
  };
  for (std::uint32_t bit = 0; bit < 12; ++bit)
    if (t.flags & ~kWordFlags & (1u << bit)) out.push_back(f1(kFlag, bit));
  out.push_back(f1(kFlagCombo, t.flags & (kCapitalised | kAllCaps | kSentenceInitial | kCapsSentence)));
  out.push_back(f1(kDocCombo, t.flags & (kCapitalised | kSentenceInitial | kSeenLowerInDoc | kSeenCapInDoc)));
  out.push_back(f2(kBigramM1, lower(-1), t.lower));
  out.push_back(f2(kBigramP1, t.lower, lower(1)));
  out.push_back(f2(kLowerSkip, lower(-1), lower(1)));
  out.push_back(combine(f2(kShapeTrigram, shape(-1), t.short_shape), shape(1)));
  out.push_back(f2(kShapeBigramM1, shape(-1), t.short_shape));
  out.push_back(f2(kShapeBigramP1, t.short_shape, shape(1)));
  out.push_back(f2(kLowerM1Shape, lower(-1), t.short_shape));
  out.push_back(f2(kShapeLowerP1, t.short_shape, lower(1)));
  if (t.gazetteer != 0) {
    for (std::uint64_t bit = 0; bit < 16; ++bit)
      if (t.gazetteer & (1u << bit)) out.push_back(f1(kGaz, bit));
  }
  if (gaz(-1) | gaz(1)) {
    for (std::uint64_t bit = 0; bit < 16; ++bit) {
      if (gaz(-1) & (1u << bit)) out.push_back(f1(kGazM1, bit));
      if (gaz(1) & (1u << bit)) out.push_back(f1(kGazP1, bit));
    }
  }
  if (t.flags & kCapsSentence) {
    out.push_back(f1(kCapsSentenceLower, t.lower));
    out.push_back(f1(kCapsSentenceShape, t.short_shape));
  }
  if (stage == Stage::kSecond) {
    auto first_pass = [&](std::ptrdiff_t k) -> std::uint64_t {
      const auto j = static_cast<std::ptrdiff_t>(i) + k;
      return j < 0 ? 100 : j >= static_cast<std::ptrdiff_t>(n) ? 101 : s[static_cast<std::size_t>(j)].first_pass_tag;
    };
    out.push_back(f1(kFirstPass, t.first_pass_tag));
    out.push_back(f1(kFirstPassM1, first_pass(-1)));
    out.push_back(f1(kFirstPassP1, first_pass(1)));
    out.push_back(f2(kFirstPassBigram, first_pass(-1), t.first_pass_tag));
    out.push_back(f1(kDocType, t.document_type));
    out.push_back(f2(kDocTypeShape, t.document_type, t.short_shape));
    out.push_back(f2(kDocTypeFirstPass, t.document_type, t.first_pass_tag));
  }
}

}  // namespace morgue::ner
