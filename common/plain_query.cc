#include "common/plain_query.h"

#include <algorithm>

#include "common/text_util.h"

namespace morgue {
namespace {

bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

// With FLAG_BOOLEAN the parser reads these, in capitals, as operators.
bool is_operator(std::string_view word) {
  for (std::string_view op : {"AND", "OR", "NOT", "XOR", "NEAR", "ADJ"}) {
    if (word == op) return true;
  }
  return false;
}

// The words of `text`, or nothing when it is not plain words.
std::optional<std::vector<std::string_view>> plain_words(std::string_view text) {
  std::vector<std::string_view> words;
  std::size_t i = 0;
  while (i < text.size()) {
    if (text[i] == ' ') {
      ++i;
      continue;
    }
    std::size_t end = i;
    bool capital_after_first = false;
    for (; end < text.size() && text[end] != ' '; ++end) {
      const char c = text[end];
      if (is_upper(c)) {
        capital_after_first |= end > i;
      } else if (!is_lower(c) && !is_digit(c)) {
        return std::nullopt;
      }
    }
    const std::string_view word = text.substr(i, end - i);
    // "iPhone": the parser stems it, but keeps "iPhone" as typed in its unstem map.
    if (is_lower(word[0]) && capital_after_first) return std::nullopt;
    if (is_operator(word)) return std::nullopt;
    words.push_back(word);
    i = end;
  }
  if (words.empty()) return std::nullopt;
  return words;
}

}  // namespace

std::optional<PlainQuery> plain_query(std::string_view text, Xapian::Query::op op, const Xapian::Stem& stemmer,
                                      const Xapian::Stopper* stopper) {
  const auto words = plain_words(text);
  if (!words) return std::nullopt;
  std::vector<std::string> lower;
  lower.reserve(words->size());
  for (std::string_view w : *words) lower.push_back(fold_case(w));  // ASCII: lower case
  // A lone word is never stopped; several are, unless all of them are stop-words
  // (Xapian's TermGroup: "the who" searches "who", "and or" both).
  std::vector<bool> stopped(lower.size(), false);
  if (stopper && lower.size() > 1) {
    for (std::size_t i = 0; i < lower.size(); ++i) stopped[i] = (*stopper)(lower[i]);
    if (std::all_of(stopped.begin(), stopped.end(), [](bool s) { return s; })) stopped.assign(lower.size(), false);
  }
  PlainQuery out;
  std::vector<Xapian::Query>& leaves = out.leaves;
  leaves.reserve(lower.size());
  for (std::size_t i = 0; i < lower.size(); ++i) {
    if (stopped[i]) continue;
    std::string term = lower[i];
    if (is_lower((*words)[i][0])) {
      term = "Z" + stemmer(lower[i]);
      out.typed.emplace_back(term, std::move(lower[i]));
      out.typed_leaves.push_back(leaves.size());
    }
    leaves.emplace_back(term, 1, static_cast<Xapian::termpos>(i + 1));
    out.terms.push_back(std::move(term));
  }
  out.op = op;
  std::sort(out.terms.begin(), out.terms.end());
  out.terms.erase(std::unique(out.terms.begin(), out.terms.end()), out.terms.end());
  return out;
}

}  // namespace morgue
