// Queries of plain words made without Xapian's QueryParser (common/plain_query.h) are
// the parser's own: the same query, terms and unstem map, text by text.
#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <vector>

#include "bench/relevance/collections.h"
#include "common/index_location.h"
#include "common/plain_query.h"
#include "common/query_builder.h"
#include "common/ranking.h"
#include "tests/corpus_index.h"
#include "tests/test_support.h"

using namespace morgue;

namespace {

// Configured as QueryBuilder configures its parser, for what plain words can meet:
// STEM_SOME, the English stemmer, the stop-words, FLAG_BOOLEAN (capitals as operators).
class Parser {
 public:
  explicit Parser(Xapian::Query::op op) {
    auto* stopper = new Xapian::SimpleStopper();
    for (std::string_view w : stopwords()) stopper->add(std::string(w));
    stopper_ = stopper;
    parser_.set_stopper(stopper->release());
    parser_.set_stemmer(stemmer_);
    parser_.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    parser_.set_default_op(op);
    op_ = op;
  }

  // Where plain_query makes a query, it is the parser's; how many texts it made.
  void check(const std::string& text) {
    INFO("text: '" << text << "'" << (op_ == Xapian::Query::OP_OR ? " (OR)" : " (AND)"));
    const auto plain = plain_query(text, op_, stemmer_, stopper_);
    if (!plain) return;
    ++made;
    const unsigned flags =
        Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_WILDCARD | Xapian::QueryParser::FLAG_PURE_NOT;
    const Xapian::Query parsed = parser_.parse_query(text, flags);
    REQUIRE(plain->query().get_description() == parsed.get_description());
    const std::vector<std::string> terms(parsed.get_unique_terms_begin(), parsed.get_unique_terms_end());
    REQUIRE(plain->terms == terms);
    std::vector<std::pair<std::string, std::string>> typed;
    for (const std::string& term : terms) {
      if (term[0] != 'Z') continue;
      for (auto u = parser_.unstem_begin(term); u != parser_.unstem_end(term); ++u) typed.emplace_back(term, *u);
    }
    // The parser's map is by term; plain_query's in query order.
    auto by_term = plain->typed;
    std::stable_sort(by_term.begin(), by_term.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    REQUIRE(by_term == typed);
    // The query is the operator over the leaves, and each typed word names its own.
    REQUIRE(plain->op == op_);
    REQUIRE(plain->typed_leaves.size() == plain->typed.size());
    for (std::size_t k = 0; k < plain->typed.size(); ++k) {
      REQUIRE(plain->typed_leaves[k] < plain->leaves.size());
      if (k > 0) REQUIRE(plain->typed_leaves[k] > plain->typed_leaves[k - 1]);
      REQUIRE(*plain->leaves[plain->typed_leaves[k]].get_terms_begin() == plain->typed[k].first);
    }
  }

  std::size_t made = 0;

 private:
  Xapian::Stem stemmer_{"english"};
  Xapian::QueryParser parser_;
  const Xapian::Stopper* stopper_ = nullptr;
  Xapian::Query::op op_;
};

// Letters and digits kept as they are, capitals too; anything else a space.
std::string letters_and_digits(const std::string& text) {
  std::string out = text;
  for (char& c : out) {
    if (!std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80) c = ' ';
  }
  return out;
}

}  // namespace

TEST_CASE("Plain words make the query Xapian's parser makes", "[query]") {
  const char* texts[] = {
      "oil",
      "talks",
      "strike talks",
      "neoplasm immunology",
      "testing automated information systems",
      "Trump tariffs",
      "USA oil prices",
      "1987 oil",
      "19th century",
      "covid19 vaccine",
      "oil oil",
      "talks  strike   again",
      " leading and trailing spaces ",
      // Stop-words: left out, but not a lone one, nor all of them.
      "the",
      "the oil",
      "oil the",
      "the the oil the",
      "The Hague",
      "the who",
      "and or",
      "a b c the",
      // Lower-case operators are words; the stemmer's odd cases.
      "not near adj xor",
      "agreed agreement agreeing",
      "Ab aB",
      "x",
  };
  for (const auto op : {Xapian::Query::OP_OR, Xapian::Query::OP_AND}) {
    Parser parser(op);
    for (const char* text : texts) parser.check(text);
    // All but "Ab aB" (a capital after a lower-case first letter).
    CHECK(parser.made == std::size(texts) - 1);
  }
}

TEST_CASE("Random texts of tricky words make the parser's query", "[query]") {
  // Stop-words in any case, operators in capitals and not, capitals, digits, a stem's
  // forms, single letters: 10,000 texts of 1-6 of them a default operator, one or two
  // spaces between.
  const char* vocabulary[] = {"the",   "The",  "THE",    "a",    "and",   "AND",     "or",  "OR",  "not",
                              "NOT",   "xor",  "XOR",    "near", "NEAR",  "adj",     "ADJ", "who", "talks",
                              "Talks", "talk", "talked", "1987", "19th",  "covid19", "x",   "Z",   "oil",
                              "OIL",   "of",   "Of",     "in",   "trump", "Trump"};
  std::mt19937 random(20261127);
  std::uniform_int_distribution<std::size_t> word(0, std::size(vocabulary) - 1);
  std::uniform_int_distribution<int> length(1, 6), gap(1, 2);
  for (const auto op : {Xapian::Query::OP_OR, Xapian::Query::OP_AND}) {
    Parser parser(op);
    for (int i = 0; i < 10000; ++i) {
      std::string text;
      for (int n = length(random); n > 0; --n) {
        if (!text.empty()) text.append(static_cast<std::size_t>(gap(random)), ' ');
        text += vocabulary[word(random)];
      }
      parser.check(text);
    }
    // Those with an operator in capitals are the parser's; the rest are made here.
    INFO(parser.made << " of 10000 made directly");
    CHECK(parser.made > 3000);
  }
}

TEST_CASE("Anything but plain words is left to Xapian's parser", "[query]") {
  const char* texts[] = {
      "",
      "   ",
      "oil AND gas",  // operators
      "oil OR gas",
      "NOT oil",
      "oil XOR gas",
      "oil NEAR gas",
      "oil ADJ gas",
      "\"oil prices\"",  // a phrase
      "oil-prices",      // a phrase too
      "-oil",
      "+oil",
      "oil*",
      "title:oil",
      "lang:de kindern",
      "U.S. oil",
      "C++",
      "AT&T",
      "Fred's",
      "iPhone sales",  // stemmed, but the parser keeps "iPhone" as typed
      "café",
      "東京",
      "oil\tgas",
      "oil, gas",
  };
  const Xapian::Stem stemmer("english");
  for (const char* text : texts) {
    INFO("text: '" << text << "'");
    CHECK_FALSE(plain_query(text, Xapian::Query::OP_OR, stemmer, nullptr));
  }
}

TEST_CASE("The test collections' queries and titles make the parser's query", "[query][corpora]") {
  MORGUE_REQUIRE_CORPUS(root, "ir-collections");
  std::vector<std::string> texts;
  for (const bench::Collection& c : bench::collections()) {
    for (const bench::Query& q : bench::load_queries(c, root)) texts.push_back(letters_and_digits(q.text));
    for (const bench::Document& d : bench::load_documents(c, root)) {
      if (!d.title.empty()) texts.push_back(letters_and_digits(d.title));  // Medline has none
    }
  }
  for (const auto op : {Xapian::Query::OP_OR, Xapian::Query::OP_AND}) {
    Parser parser(op);
    for (const std::string& text : texts) parser.check(text);
    // Nearly all are plain words (not those with a capitalised operator or an
    // "iPhone"-like word): this is no vacuous pass.
    INFO(parser.made << " of " << texts.size() << " texts made directly");
    CHECK(parser.made > texts.size() * 9 / 10);
  }
}

TEST_CASE("QueryBuilder builds plain words as it builds the parser's reading of them", "[query][ranking]") {
  // The parser reads a trailing " ?" as nothing: the same query, through the parser
  // and its unstem map instead of plain_query, exact forms and all. Built not to combine
  // a stem with its form (ExactBoost::combined), which only plain_query's leaves allow,
  // they are the same query; combined, they rank the same.
  const Xapian::Database db = open_index(test::corpus_index());
  const char* texts[] = {
      "talks",
      "claims",
      "administration talks",
      "american delegations",
      "cautiously demands details",
      "based claim details countries",
      "the claims of the delegations",
      "Trump talks",
      "claims claims",
      "talks about the claims of american delegations today",  // too long for exact forms
  };
  for (const bool any : {false, true}) {
    QueryBuilder builder(db, kDefaultRanking, {.combined_stem = 0});
    QueryBuilder combining(db);
    for (const char* text : texts) {
      INFO("query: " << text << (any ? " (match=any)" : ""));
      SearchRequest direct;
      direct.query = text;
      direct.match_any = any;
      SearchRequest parsed = direct;
      parsed.query += " ?";
      const std::string made = builder.build(direct).get_description();
      const auto made_forms = builder.kept_terms();
      const Xapian::Query parsed_query = builder.build(parsed);
      CHECK(parsed_query.get_description() == made);
      CHECK(builder.kept_terms() == made_forms);
      test::check_same_ranking(test::weigh(db, combining.build(direct), combining.weight()),
                               test::weigh(db, parsed_query, builder.weight()));
    }
  }
}
