#include "bench/relevance/query_text.h"

#include <cctype>

#include "common/text_util.h"

namespace morgue::bench {

std::string plain_words(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    const bool letter_before = i > 0 && std::isalnum(static_cast<unsigned char>(text[i - 1]));
    const bool possessive =
        (c == '\'' && letter_before && i + 1 < text.size() && (text[i + 1] == 's' || text[i + 1] == 'S') &&
         (i + 2 == text.size() || !std::isalnum(static_cast<unsigned char>(text[i + 2]))));
    if (possessive) {
      ++i;  // the 's' too
      out += ' ';
    } else if (c >= 0x80 || std::isdigit(c) || std::islower(c)) {
      out += static_cast<char>(c);
    } else if (std::isupper(c)) {
      out += static_cast<char>(std::tolower(c));
    } else {
      out += ' ';
    }
  }
  return collapse_spaces(out);
}

std::string cut_at_word(std::string_view words, std::size_t max_bytes) {
  if (words.size() <= max_bytes) return std::string(words);
  auto end = words.rfind(' ', max_bytes);  // the space after the last whole word
  if (end == std::string_view::npos) end = 0;
  return trim(words.substr(0, end));
}

}  // namespace morgue::bench
