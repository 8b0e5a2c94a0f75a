// Snippets stem only the words that could match the query (common/snippet_stemmer.h):
// the rule it rests on, checked on real text, and snippets unchanged by it.
#include <catch2/catch.hpp>

#include <set>

#include <xapian.h>

#include "common/article_json.h"
#include "common/index_location.h"
#include "common/query_builder.h"
#include "common/snippet_stemmer.h"
#include "common/stem_cache.h"
#include "indexer/pipeline.h"
#include "tests/test_support.h"

namespace {

using namespace morgue;

// The distinct words of some text as Xapian's TermGenerator sees them (lower-cased).
void add_words(const std::string& text, std::set<std::string>& words) {
  Xapian::Document doc;
  Xapian::TermGenerator termgen;
  termgen.set_document(doc);
  termgen.index_text(text);
  for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) words.insert(*it);
}

}  // namespace

TEST_CASE("Snowball English stems start with the word's first byte, and second (y as i)", "[stem][snippet]") {
  std::set<std::string> words;
  for (const auto& entry : std::filesystem::directory_iterator(test::corpus_dir()))
    if (entry.path().extension() == ".txt") add_words(test::read_file(entry.path()), words);
  MORGUE_REQUIRE_CORPUS(reuters, "reuters21578");
  for (const char* file : {"reut2-000.sgm", "reut2-007.sgm", "reut2-014.sgm", "reut2-021.sgm"})
    add_words(test::read_file(reuters / file), words);
  REQUIRE(words.size() > 20000);
  const Xapian::Stem english("en");
  std::size_t changed = 0;
  for (const std::string& w : words) {
    const std::string stem = english(w);
    if (stem != w) ++changed;
    INFO(w << " -> " << stem);
    REQUIRE(!stem.empty());
    REQUIRE(stem[0] == w[0]);
    // And the second, reading 'y' as 'i' ("dying" -> "die"): common/snippet.cc relies on it.
    auto second = [](const std::string& s) { return s.size() < 2 ? '\0' : s[1] == 'y' ? 'i' : s[1]; };
    if (stem.size() >= 2) REQUIRE(second(stem) == second(w));
  }
  CHECK(changed > words.size() / 4);  // the words were stemmed, not merely copied
}

TEST_CASE("The snippet stemmer stems only the words that could match the query", "[stem][snippet]") {
  const Xapian::Stem english("en");
  const Xapian::Query query(Xapian::Query::OP_OR, Xapian::Query("Zceasefir"), Xapian::Query("Ztalk"));
  Xapian::Stem s = snippet_stemmer(english, query, "en");
  struct Row {
    const char* word;
    const char* expected;
  };
  for (const Row& row : {Row{"talks", "talk"}, Row{"ceasefires", "ceasefir"}, Row{"tables", "tabl"},
                         Row{"citizens", "citizen"}, Row{"negotiations", "negotiations"}, Row{"a", "a"}}) {
    CAPTURE(row.word);
    CHECK(s(row.word) == row.expected);
  }
  // Not always the first two bytes: Snowball has exceptions.
  CHECK(snippet_stemmer(english, Xapian::Query("Zdie"), "en")("dying") == "die");
  // Another language: every word is stemmed.
  CHECK(snippet_stemmer(english, query, "de")("negotiations") == "negoti");
  CHECK(snippet_stemmer(Xapian::Stem(), query, "en").is_none());
}

TEST_CASE("Snippets are the same with the snippet stemmer", "[stem][snippet][corpus]") {
  test::TempDir dir;
  const auto run = indexer::run_pipeline(dir.path() / "index", {test::corpus_dir()}, {});
  REQUIRE(run.stats.added == 5);
  Xapian::Database db = open_index(dir.path() / "index");
  QueryBuilder builder(db, kDefaultRanking);
  std::size_t snippets = 0;
  for (const char* q : {"ceasefire", "talks", "peace talks", "\"root causes\" putin", "Zelensk*", "kiev",
                        "Russia OR Ukraine", "title:roadmap", "negotiating positions", "sanctions -Trump",
                        "lang:en troops"}) {
    CAPTURE(q);
    SearchRequest request;
    request.query = q;
    request.match_any = true;
    const Xapian::Query query = builder.build(request);
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    const Xapian::MSet mset = enquire.get_mset(0, 10);
    const Xapian::Stem plain = builder.stemmer();
    const Xapian::Stem filtered = snippet_stemmer(plain, query, builder.stem_language());
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      const std::string body = article_from_json(it.get_document().get_data(), nullptr).body;
      const std::string expected = mset.snippet(body, 240, plain, 0, "<mark>", "</mark>", "…");
      CHECK(mset.snippet(body, 240, filtered, 0, "<mark>", "</mark>", "…") == expected);
      snippets += expected.find("<mark>") != std::string::npos;
    }
  }
  CHECK(snippets >= 20);  // most of them highlight something: the comparison means something
}
