// Splits raw UTF-8 news text into CoNLL-2003-style tokens and sentences, keeping
// byte offsets so that tagged spans map back to the input.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace morgue::ner {

struct Token {
  std::string_view text;  // a view into the tokenized input
  std::size_t begin = 0;  // byte offsets in the input
  std::size_t end = 0;
};

// CoNLL conventions: punctuation and quotes are tokens of their own, "U.S." and
// "Inc." keep their periods, "Putin's" -> "Putin" "'s", "don't" -> "do" "n't",
// hyphenated words, numbers ("1,250.5") and dates ("1996-08-22") stay whole.
[[nodiscard]] std::vector<Token> tokenize(std::string_view text);

// A sentence is the token range [begin, end).
struct SentenceRange {
  std::size_t begin = 0;
  std::size_t end = 0;
};

// Sentences end after ".", "!" or "?" (and any closing quotes or brackets) when the
// next token starts with a capital, a digit or a quote, and at line breaks that
// separate paragraphs or titles (two newlines, or a newline after a line without
// final punctuation).
[[nodiscard]] std::vector<SentenceRange> split_sentences(std::string_view text, const std::vector<Token>& tokens);

}  // namespace morgue::ner
