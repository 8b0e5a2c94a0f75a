// Queries of plain words, built without Xapian's QueryParser.
//
// Why: most of what people type into a search box is words and spaces, and so is every
// query of bench/relevance. For those, Xapian 1.4's parser (its lexer, its grammar, the
// unstem map it fills and that QueryBuilder then reads back a word at a time) was most
// of what QueryBuilder::build cost: building Medline's `neoplasm immunology` took
// 3.6-3.9 µs through the parser and 2.0-2.6 µs through this, CISI's `testing automated
// information systems` 10.9-12.1 and 7.1-7.4 µs, on searches of 16-19 and 160-170 µs
// (bench/README.md, "Relevance"). Such a text needs none of that machinery, so this
// makes the parser's query directly. Nothing else is parsed here: any other text
// (quotes, operators, fields, punctuation, accents, other scripts) returns nullopt and
// goes to Xapian's parser. tests/plain_query_test.cc checks, text by text, that the
// query is the one the parser makes.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <xapian.h>

namespace morgue {

struct PlainQuery {
  // The query's terms, a word each, in query order; the query is `op` over them (a lone
  // one is the query itself). Left as leaves so that a term can be weighed anew before
  // the query is made (QueryBuilder folds an exact form into its stem's weight).
  std::vector<Xapian::Query> leaves;
  Xapian::Query::op op = Xapian::Query::OP_OR;
  // Its terms once each, in term order (as Xapian::Query::get_unique_terms_begin).
  std::vector<std::string> terms;
  // Each stemmed term ("Z...") with the word typed that the stemmer made it of, once
  // per time typed, in query order: the parser's unstem map.
  std::vector<std::pair<std::string, std::string>> typed;
  // For each of `typed`, its term's index in `leaves`.
  std::vector<std::size_t> typed_leaves;

  [[nodiscard]] Xapian::Query query() const { return Xapian::Query(op, leaves.begin(), leaves.end()); }
};

// What Xapian's QueryParser makes of `text` with STEM_SOME, `stemmer`, `stopper`, `op`
// as its default operator and FLAG_BOOLEAN, when `text` is plain words: ASCII letters
// and digits between spaces, no word spelt like an operator (AND, OR, NOT, XOR, NEAR,
// ADJ) and none lower-case first with a capital after. As the parser does:
// - a word that starts with a lower-case letter is stemmed ("Z" + stem); one that
//   starts with a capital or a digit is searched as it is, lower-cased;
// - stop-words are left out, unless every word is one;
// - each term has its word's position in the text (stop-words counted), wqf 1.
// nullopt for any other text.
[[nodiscard]] std::optional<PlainQuery> plain_query(std::string_view text, Xapian::Query::op op,
                                                    const Xapian::Stem& stemmer, const Xapian::Stopper* stopper);

}  // namespace morgue
