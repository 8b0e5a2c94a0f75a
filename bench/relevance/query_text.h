// The query text each system is given. The collections' queries are questions in
// prose ("what are the effects of ... (e.g. ...)?", "high-speed", quotes, "k-epsilon"):
// read by a query parser, "(" and '"' would be syntax, "-" would exclude or make a
// phrase, "a..b" a range, "x:y" a field. Each system gets the words alone: ASCII
// letters lower-cased (AND, OR, NOT in capitals are operators), a possessive "'s"
// dropped (as Lucene's EnglishAnalyzer does), every other character that is not a
// letter or digit a space. Bytes of non-ASCII characters are kept as they are.
#pragma once

#include <string>
#include <string_view>

namespace morgue::bench {

[[nodiscard]] std::string plain_words(std::string_view text);

// At most `max_bytes`, cut after a whole word: morgue refuses longer queries
// (kMaxQueryBytes), and four CISI queries are longer.
[[nodiscard]] std::string cut_at_word(std::string_view words, std::size_t max_bytes);

}  // namespace morgue::bench
