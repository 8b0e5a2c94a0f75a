#include "common/snippet.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdlib>

#include <unicode/utf8.h>

namespace morgue {
namespace {

// A word of the text: where it is. Matches refer to words by index.
struct Word {
  std::uint32_t begin, end;
};

// A query word or phrase found in the text: words [first, last].
struct Match {
  std::uint32_t first, last;
  int id;
  double weight;
};

// One character of UTF-8 at `text[i]` (ICU's U8_NEXT): its code point and length. An
// ill-formed sequence reads as U+FFFD, which is not a word character. Texts are far
// below ICU's 2 GB offsets (pages are at most 20 MB).
unsigned decode(std::string_view text, std::size_t i, std::size_t& length) {
  auto at = static_cast<std::int32_t>(i);
  UChar32 cp;
  U8_NEXT(text.data(), at, static_cast<std::int32_t>(text.size()), cp);
  length = static_cast<std::size_t>(at) - i;
  return cp < 0 ? 0xFFFD : static_cast<unsigned>(cp);
}

// ASCII word characters (letters, digits, '_'), by byte.
constexpr auto kAsciiWord = [] {
  std::array<bool, 256> t{};
  for (int c = 0; c < 128; ++c)
    t[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  return t;
}();

bool is_ascii_word(unsigned char c) { return kAsciiWord[c]; }

bool is_word_char(unsigned cp) { return cp < 0x80 ? is_ascii_word(static_cast<unsigned char>(cp)) : Xapian::Unicode::is_wordchar(cp); }

bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

bool ends_sentence(char c) { return c == '.' || c == '!' || c == '?'; }

// Whether a word starting at `begin` starts a sentence: the text or a line starts
// there, or the last non-space character before it ends a sentence (a closing quote
// or bracket after the full stop counts: `."`, `.”`, `.)`).
bool starts_sentence(std::string_view text, std::size_t begin) {
  std::size_t i = begin;
  bool newline = false;
  while (i > 0 && is_space(text[i - 1])) newline |= text[--i] == '\n';
  if (i == 0 || newline) return true;
  if (i == begin) return false;  // no space before it: "U.S.A", "3.5"
  if (ends_sentence(text[i - 1])) return true;
  if ((text[i - 1] == '"' || text[i - 1] == '\'' || text[i - 1] == ')') && i >= 2) return ends_sentence(text[i - 2]);
  constexpr std::string_view kClosingQuote = "\u201D";
  return i >= 4 && text.substr(i - 3, 3) == kClosingQuote && ends_sentence(text[i - 4]);
}

// Moves `i` past the word that starts there, as Xapian's TermGenerator cuts words:
// word characters, an apostrophe between two of them, digits around a '.' or ',', and
// an acronym's letters and periods ("U.S." is "us"). Appends the word, lower-cased, to
// `lower` when given.
void scan_word(std::string_view text, std::size_t& i, std::string* lower) {
  const std::size_t n = text.size();
  auto letter = [&](std::size_t at) {
    return at < n && is_ascii_word(static_cast<unsigned char>(text[at])) && !is_digit(text[at]);
  };
  auto acronym_step = [&](std::size_t at) {  // ".X" at `at`, X a lone letter
    return at < n && text[at] == '.' && letter(at + 1) &&
           !(at + 2 < n && is_ascii_word(static_cast<unsigned char>(text[at + 2])));
  };
  const std::size_t begin = i;
  char last = 0;  // the last ASCII character of the word, 0 after others
  while (i < n) {
    if (!lower) {  // the common case: a run of ASCII word characters, skipped
      const std::size_t run = i;
      while (i < n && kAsciiWord[static_cast<unsigned char>(text[i])]) ++i;
      if (i > run) last = text[i - 1];
      if (i == n) return;
    }
    std::size_t len = 1;
    const auto b = static_cast<unsigned char>(text[i]);
    const unsigned cp = b < 0x80 ? b : decode(text, i, len);
    if (is_word_char(cp)) {
      if (lower) {
        if (cp < 0x80) {
          lower->push_back(static_cast<char>(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp));
        } else {
          Xapian::Unicode::append_utf8(*lower, Xapian::Unicode::tolower(cp));
        }
      }
      last = cp < 0x80 ? static_cast<char>(cp) : 0;
      i += len;
      continue;
    }
    std::size_t next_len;
    const bool next_word =
        i + len < n && is_word_char(static_cast<unsigned char>(text[i + len]) < 0x80
                                        ? static_cast<unsigned char>(text[i + len])
                                        : decode(text, i + len, next_len));
    if ((cp == '\'' || cp == 0x2019) && next_word) {
      if (lower) lower->push_back('\'');
      last = 0;
      i += len;
      continue;
    }
    if ((cp == '.' || cp == ',') && next_word && is_digit(last) && is_digit(text[i + 1])) {
      if (lower) lower->push_back(static_cast<char>(cp));
      i += len;
      continue;
    }
    if (cp == '.' && i - begin == 1 && letter(begin) && acronym_step(i)) {
      while (acronym_step(i)) {
        const char c = text[i + 1];
        if (lower) lower->push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c));
        i += 2;
      }
      if (i < n && text[i] == '.') ++i;
    }
    return;
  }
}

// A word's first two bytes as one number, the second 'y' read as 'i'; a one-byte word
// has 0 as its second.
std::uint16_t first_pair(std::string_view word) {
  const auto a = static_cast<unsigned char>(word[0]);
  auto b = word.size() > 1 ? static_cast<unsigned char>(word[1]) : 0;
  if (b == 'y') b = 'i';
  return static_cast<std::uint16_t>(a << 8 | b);
}

void append_escaped(std::string& out, std::string_view text) {
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      default:
        out += c;
    }
  }
}

// "a ADJ/20 b" is a PHRASE whose words may stand up to 20 positions apart; only a
// phrase whose window is its number of words stands together. Xapian 1.4's Query has no
// getter for the window but writes it in the description: "(a@1 PHRASE 20 b@2)".
bool phrase_has_window(const Xapian::Query& phrase) {
  const std::string d = phrase.get_description();
  const auto at = d.find(" PHRASE ");
  if (at == std::string::npos) return false;
  return std::strtoul(d.c_str() + at + 8, nullptr, 10) > phrase.get_num_subqueries();
}

}  // namespace

std::optional<Snippets> Snippets::for_query(const Xapian::Query& query, const Xapian::MSet& mset,
                                            const Xapian::Stem& stemmer, std::string_view language,
                                            const std::vector<std::pair<std::string, double>>& kept) {
  Snippets s(stemmer);
  s.stem_every_word_ = language != "en";
  auto weight = [&](const std::string& term) {
    // Terms the model gives no weight (in every document, say) still get marked.
    return std::max(mset.get_termweight(term), 1e-6);
  };
  auto key_of = [&](std::unordered_map<std::string, Key>& keys, const std::string& word, const std::string& term) {
    if (!keys.contains(word)) keys.emplace(word, Key{s.keys_++, weight(term)});
  };
  bool wildcard = false;
  auto walk = [&](auto&& self, const Xapian::Query& q) -> void {
    const auto type = q.get_type();
    if (type == Xapian::Query::OP_WILDCARD) {
      wildcard = true;
      return;
    }
    if (type == Xapian::Query::LEAF_TERM) {
      const std::string term = *q.get_terms_begin();
      if (term.empty() || (term[0] >= 'A' && term[0] <= 'Z' && term[0] != 'Z')) return;  // a field's term
      if (term[0] == 'Z') {
        if (term.size() > 1 && !(term[1] >= 'A' && term[1] <= 'Z')) key_of(s.stems_, term.substr(1), term);
      } else {
        key_of(s.exact_, term, term);
      }
      return;
    }
    if (type == Xapian::Query::OP_PHRASE && !phrase_has_window(q)) {
      Phrase p;
      double w = 0;
      for (std::size_t i = 0; i < q.get_num_subqueries(); ++i) {
        const Xapian::Query sub = q.get_subquery(i);
        if (sub.get_type() != Xapian::Query::LEAF_TERM) {
          p.words.clear();
          break;
        }
        const std::string term = *sub.get_terms_begin();
        if (term.empty() || (term[0] >= 'A' && term[0] <= 'Z')) {  // a field's phrase (title:"...")
          p.words.clear();
          break;
        }
        p.words.push_back(term);
        w += weight(term);
      }
      if (p.words.size() >= 2) {
        p.key = Key{s.keys_++, w};
        s.longest_phrase_ = std::max(s.longest_phrase_, p.words.size());
        s.phrases_.push_back(std::move(p));
        return;
      }
    }
    for (std::size_t i = 0; i < q.get_num_subqueries(); ++i) self(self, q.get_subquery(i));
  };
  walk(walk, query);
  if (wildcard) return std::nullopt;
  for (const auto& [term, w] : kept) {
    auto& keys = term.starts_with('Z') ? s.stems_ : s.exact_;
    const std::string word = term.starts_with('Z') ? term.substr(1) : term;
    if (!keys.contains(word)) keys.emplace(word, Key{s.keys_++, std::max(w, 1e-6)});
  }
  // A word as typed is the same query word as its stem ("talks", "Ztalk").
  for (auto& [word, key] : s.exact_) {
    if (auto st = s.stems_.find(s.stemmer_(word)); st != s.stems_.end()) key.id = st->second.id;
  }
  std::vector<bool> used(static_cast<std::size_t>(s.keys_), false);
  for (const auto& [word, key] : s.exact_) used[key.id] = true;
  for (const auto& [stem, key] : s.stems_) used[key.id] = true;
  for (const auto& p : s.phrases_) used[p.key.id] = true;
  s.distinct_ = static_cast<int>(std::count(used.begin(), used.end(), true));
  auto add_start = [&](const std::string& word) {
    s.first_bytes_.set(static_cast<unsigned char>(word[0]));
    const std::uint16_t pair = first_pair(word);
    if (std::find(s.first_pairs_.begin(), s.first_pairs_.end(), pair) == s.first_pairs_.end())
      s.first_pairs_.push_back(pair);
  };
  for (const auto& [word, key] : s.exact_) add_start(word);
  for (const auto& [stem, key] : s.stems_) {
    if (stem.size() < 2) s.first_byte_only_ = true;  // a one-byte stem: no second byte to test
    if (!stem.empty()) add_start(stem);
  }
  return s;
}

std::string Snippets::make(std::string_view text, std::size_t bytes) const {
  std::vector<Word> words;
  std::vector<Match> matches;
  std::vector<std::string> recent(longest_phrase_);  // the last words, for phrases (a ring)
  std::string lower;
  std::size_t i = 0;
  const std::size_t n = text.size();
  const bool every_word = stem_every_word_ || longest_phrase_ > 0;
  std::vector<bool> seen(static_cast<std::size_t>(keys_), false);
  int seen_count = 0;
  // Where reading ends: `bytes` after every query word was seen; at once for a query
  // with no words to mark (title:, filters only).
  std::size_t stop = distinct_ == 0 ? std::min(n, bytes + 1) : n;
  auto found = [&](const Match& m) {
    matches.push_back(m);
    if (!seen[m.id]) {
      seen[m.id] = true;
      if (++seen_count == distinct_) stop = std::min(n, static_cast<std::size_t>(words[m.last].end) + bytes);
    }
  };
  while (i < stop) {
    std::size_t len = 1;
    const auto b = static_cast<unsigned char>(text[i]);
    if (b < 0x80 && !kAsciiWord[b]) {
      ++i;
      continue;
    }
    unsigned cp = b < 0x80 ? b : decode(text, i, len);
    if (!is_word_char(cp)) {
      i += len;
      continue;
    }
    const std::size_t begin = i;
    // Most words cannot match: those are only skipped, not copied or looked up.
    unsigned first = cp < 0x80 ? (cp >= 'A' && cp <= 'Z' ? cp + 32 : cp) : Xapian::Unicode::tolower(cp);
    if (first >= 0x80) {
      char utf8[4];
      (void)Xapian::Unicode::to_utf8(first, utf8);
      first = static_cast<unsigned char>(utf8[0]);
    }
    const bool candidate = every_word || first_bytes_.test(first);
    lower.clear();
    scan_word(text, i, candidate ? &lower : nullptr);
    const auto index = static_cast<std::uint32_t>(words.size());
    words.push_back({static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(i)});
    if (longest_phrase_ > 0) {
      for (const Phrase& p : phrases_) {
        if (index + 1 < p.words.size() || lower != p.words.back()) continue;
        bool all = true;
        for (std::size_t k = 1; k < p.words.size() && all; ++k)
          all = recent[(index - k) % longest_phrase_] == p.words[p.words.size() - 1 - k];
        if (all) found({static_cast<std::uint32_t>(index + 1 - p.words.size()), index, p.key.id, p.key.weight});
      }
      recent[index % longest_phrase_] = lower;
    }
    if (!candidate) continue;
    if (!stem_every_word_ && !first_byte_only_ &&
        std::find(first_pairs_.begin(), first_pairs_.end(), first_pair(lower)) == first_pairs_.end())
      continue;
    const Key* key = nullptr;
    double weight = 0;
    if (auto e = exact_.find(lower); e != exact_.end()) {
      key = &e->second;
      weight = e->second.weight;
    }
    if (!stems_.empty()) {
      if (auto st = stems_.find(stemmer_(lower)); st != stems_.end()) {
        weight += st->second.weight;
        key = &st->second;
      }
    }
    if (key) found({index, index, key->id, weight});
  }
  if (words.empty()) return {};
  // Phrases were found at their last word: order by first word, phrases before the
  // words inside them.
  std::stable_sort(matches.begin(), matches.end(), [](const Match& a, const Match& b) {
    return a.first != b.first ? a.first < b.first : a.last > b.last;
  });

  // The passage: the `bytes`-long span of matches that weighs most, a query word's
  // first occurrence fully and its repeats a quarter.
  std::size_t best_first = 0, best_last = 0;
  bool any = false;
  if (!matches.empty()) {
    std::vector<int> count(static_cast<std::size_t>(keys_), 0);
    double score = 0, best = -1;
    std::size_t j = 0;
    auto add = [&](const Match& m) { score += count[m.id]++ == 0 ? m.weight : m.weight / 4; };
    auto remove = [&](const Match& m) { score -= --count[m.id] == 0 ? m.weight : m.weight / 4; };
    for (std::size_t k = 0; k < matches.size(); ++k) {
      if (j < k) j = k;
      while (j < matches.size() && (j == k || words[matches[j].last].end - words[matches[k].first].begin <= bytes))
        add(matches[j++]);
      if (score > best + 1e-9) {
        best = score;
        best_first = k;
        best_last = j - 1;
      }
      remove(matches[k]);
    }
    any = true;
  }
  std::size_t first_word = any ? matches[best_first].first : 0;
  std::size_t last_word = first_word;
  if (any)
    for (std::size_t k = best_first; k <= best_last; ++k) last_word = std::max<std::size_t>(last_word, matches[k].last);
  const std::size_t span = words[last_word].end - words[first_word].begin;
  const std::size_t slack = span < bytes ? bytes - span : 0;
  // Start at a sentence when one starts within the slack before the matches; else a
  // third of the slack before them.
  std::size_t start_word = first_word;
  if (any) {
    const std::size_t earliest = words[first_word].begin > slack ? words[first_word].begin - slack : 0;
    std::size_t k = first_word;
    std::size_t lead = first_word;
    while (k > 0 && words[k - 1].begin >= earliest) --k;
    for (std::size_t w = first_word + 1; w-- > k;) {
      if (starts_sentence(text, words[w].begin)) {
        lead = w;
        break;
      }
    }
    if (lead == first_word && !starts_sentence(text, words[first_word].begin)) {
      const std::size_t third = words[first_word].begin > slack / 3 ? words[first_word].begin - slack / 3 : 0;
      while (lead > 0 && words[lead - 1].begin >= third) --lead;
    }
    start_word = lead;
  }
  std::size_t end_word = std::max(start_word, last_word);
  while (end_word + 1 < words.size() && words[end_word + 1].end - words[start_word].begin <= bytes) ++end_word;
  const std::size_t from = words[start_word].begin;
  std::size_t to = words[end_word].end;

  std::string out;
  out.reserve(bytes + 64);
  if (from > 0 && !starts_sentence(text, from)) out += "…";
  std::size_t at = from;
  for (const Match& m : matches) {
    const std::size_t mb = words[m.first].begin, me = words[m.last].end;
    if (mb < at || me > to) continue;  // before the passage, after it, or inside a phrase marked already
    append_escaped(out, text.substr(at, mb - at));
    out += "<mark>";
    append_escaped(out, text.substr(mb, me - mb));
    out += "</mark>";
    at = me;
  }
  // The end: a sentence's closing punctuation (and quotes) if it ends here, else "…".
  std::size_t tail = to;
  while (tail < n && tail - to < 4 && (text[tail] == '.' || text[tail] == '!' || text[tail] == '?' ||
                                      text[tail] == '"' || text[tail] == '\'' || text[tail] == ')'))
    ++tail;
  const bool sentence_end = tail > to && std::string_view(".!?").find(text[tail - 1]) != std::string_view::npos;
  const bool quoted_end = tail > to + 1 && std::string_view(".!?").find(text[tail - 2]) != std::string_view::npos;
  if (sentence_end || quoted_end) to = tail;
  append_escaped(out, text.substr(at, to - at));
  if (to < n && !(sentence_end || quoted_end)) out += "…";
  return out;
}

}  // namespace morgue
