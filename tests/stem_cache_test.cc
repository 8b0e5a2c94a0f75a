#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "common/stem_cache.h"
#include "test_support.h"

namespace {

// The words of a file as Xapian's TermGenerator sees them (lower-cased, unstemmed).
std::vector<std::string> words_of(const std::filesystem::path& file) {
  std::ifstream in(file);
  std::stringstream text;
  text << in.rdbuf();
  Xapian::Document doc;
  Xapian::TermGenerator termgen;
  termgen.set_document(doc);
  termgen.index_text(text.str());
  std::vector<std::string> words;
  for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) words.push_back(*it);
  return words;
}

}  // namespace

TEST_CASE("A caching stemmer gives the stems of the stemmer it wraps", "[stem]") {
  const auto words = words_of(morgue::test::corpus_dir() / "000_42efc17f8a286118.txt");
  REQUIRE(words.size() > 100);
  struct Row {
    const char* language;
    std::size_t max_words;  // small: words keep taking each other's places
  };
  for (const Row& row : {Row{"english", 50000}, Row{"english", 7}, Row{"german", 50000}, Row{"french", 1}}) {
    CAPTURE(row.language, row.max_words);
    const Xapian::Stem plain(row.language);
    Xapian::Stem cached = morgue::caching_stemmer(plain, row.max_words);
    for (int pass = 0; pass < 2; ++pass) {  // the second pass answers from the cache
      for (const auto& w : words) REQUIRE(cached(w) == plain(w));
    }
    CHECK(cached("") == "");
    const std::string long_word(100, 'a');
    CHECK(cached(long_word + "ing") == plain(long_word + "ing"));
    // Either side of the longest word kept (31 bytes), each asked twice.
    for (const std::string& word : {std::string(28, 'b') + "ing", std::string(29, 'b') + "ing"}) {
      CHECK(cached(word) == plain(word));
      CHECK(cached(word) == plain(word));
    }
  }
}

TEST_CASE("A caching stemmer leaves the none stemmer as it is", "[stem]") {
  // Xapian adds no stemmed (Z) terms for a none stemmer; a wrapper would change that.
  CHECK(morgue::caching_stemmer(Xapian::Stem()).is_none());
  CHECK(morgue::caching_stemmer(Xapian::Stem("none")).is_none());
  CHECK_FALSE(morgue::caching_stemmer(Xapian::Stem("en")).is_none());
}
