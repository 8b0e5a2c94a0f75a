// The query language as Xapian queries, in the style of Xapian's api_queryparser.cc.
#include <catch2/catch.hpp>

#include "common/errors.h"
#include "common/query_builder.h"
#include "common/ranking.h"
#include "tests/test_support.h"

namespace {

// An index of two articles in which each word of the queries below occurs as typed in
// one and in another form with the same stem in the other: the exact forms are worth
// searching (QueryBuilder::boosts).
Xapian::WritableDatabase two_forms_index() {
  morgue::test::TextIndex index;
  for (const char* text :
       {"Putin talks with Zelensky and Trump in the Kremlin, the Hague: who? Ceasefire in eastern Ukraine.",
        "Putins talk, Zelenskys, Trumps, Kremlins, Hagues, who's, the's, ceasefires, easterns, Ukraines."}) {
    index.add(text);
  }
  return index.db();
}

std::string describe(const std::string& q, morgue::SearchRequest req = {}) {
  const Xapian::WritableDatabase db = two_forms_index();
  morgue::QueryBuilder builder(db);
  req.query = q;
  return builder.build(req).get_description();
}

}  // namespace

TEST_CASE("Query language to Xapian queries", "[query]") {
  struct Row {
    const char* query;
    const char* expected;
  };
  const Row rows[] = {
      {"putin", "Query((Zputin@1 AND_MAYBE 0.25 * putin))"},
      {"Putin talks", "Query(((putin@1 AND Ztalk@2) AND_MAYBE 0.25 * talks))"},
      {"putin OR zelensky", "Query(((Zputin@1 OR Zzelenski@2) AND_MAYBE 0.25 * (putin OR zelensky)))"},
      {"putin -trump", "Query(((Zputin@1 AND_NOT Ztrump@2) AND_MAYBE 0.25 * putin))"},
      {"putin NOT trump", "Query(((Zputin@1 AND_NOT Ztrump@2) AND_MAYBE 0.25 * putin))"},
      {"\"root causes\"", "Query((root@1 PHRASE 2 causes@2))"},  // exact forms already
      {"Zelensk*", "Query(WILDCARD SYNONYM zelensk)"},           // no second expansion
      {"memorandum NEAR sochi", "Query((memorandum@1 NEAR 11 sochi@2))"},
      {"title:roadmap", "Query(ZSroadmap@1)"},
      {"headline:roadmap", "Query(ZSroadmap@1)"},
      {"outlet:\"Global News\"", "Query(0 * XOglobal news)"},
      {"outlet:axios putin", "Query(((Zputin@1 FILTER XOaxios) AND_MAYBE 0.25 * putin))"},
      {"date:2025-05-19", "Query(0 * D20250519)"},
      {"date:2025-05", "Query(0 * M202505)"},
      {"date:2025", "Query(0 * Y2025)"},
      {"2025-05-01..2025-05-31", "Query(VALUE_RANGE 0 20250501 20250531)"},
      {"2025-05..2025-06", "Query(VALUE_RANGE 0 20250501 20250630)"},
      {"date:2025..", "Query(VALUE_GE 0 20250101)"},
      {"..2014-12-31", "Query(VALUE_LE 0 20141231)"},
      {"", "Query(<alldocuments>)"},
      // Stop-words (common/ranking.cc) are dropped outside phrases, kept inside, and kept
      // when there is nothing else.
      {"the hague", "Query((Zhagu@2 AND_MAYBE 0.25 * hague))"},
      {"\"the hague\"", "Query((the@1 PHRASE 2 hague@2))"},
      {"the who", "Query((Zwho@2 AND_MAYBE 0.25 * who))"},
      {"the", "Query((Zthe@1 AND_MAYBE 0.25 * the))"},
      // Five words but for stop-words: too long for exact forms (RankingParams::exact_max_words).
      {"talks on the ceasefire in eastern ukraine",
       "Query(((Ztalk@1 AND Zceasefir@4 AND Zeastern@6 AND Zukrain@7) "
       "AND_MAYBE 0.25 * (ceasefire OR eastern OR talks OR ukraine)))"},
      {"talks on the ceasefire in eastern ukraine resume",
       "Query((Ztalk@1 AND Zceasefir@4 AND Zeastern@6 AND Zukrain@7 AND Zresum@8))"},
  };
  for (const auto& row : rows) {
    INFO("query: " << row.query);
    CHECK(describe(row.query) == row.expected);
  }
}

TEST_CASE("Exact forms are searched only where some article has the stem in another form", "[query][ranking]") {
  morgue::test::TextIndex index;
  for (const char* text : {"Talks on the memorandum resumed.", "The talk was of a memorandum."}) index.add(text);
  morgue::QueryBuilder builder(index.db());
  const std::pair<const char*, const char*> rows[] = {
      // "talk" and "talks" are both indexed: either typed form is worth an exact match.
      {"talks", "Query((Ztalk@1 AND_MAYBE 0.25 * talks))"},
      {"talk", "Query((Ztalk@1 AND_MAYBE 0.25 * talk))"},
      // Typed with a capital inside ("iPhones"): stemmed, and its exact form is the
      // index's, lower-cased.
      {"tALKS", "Query((Ztalk@1 AND_MAYBE 0.25 * talks))"},
      // Every article with the stem "memorandum" has "memorandum": nothing to reorder.
      {"memorandum", "Query(Zmemorandum@1)"},
      {"talks memorandum", "Query(((Ztalk@1 AND Zmemorandum@2) AND_MAYBE 0.25 * talks))"},
      // Nothing indexed under the stem at all.
      {"ceasefire", "Query(Zceasefir@1)"},
  };
  for (const auto& [query, expected] : rows) {
    INFO("query: " << query);
    morgue::SearchRequest req;
    req.query = query;
    CHECK(builder.build(req).get_description() == expected);
  }
}

TEST_CASE("Which exact forms are worth searching follows the index as it changes", "[query][ranking]") {
  // On disk, where the builder keeps the frequencies it looked up for a revision.
  morgue::test::TempDir dir;
  morgue::test::TextIndex index(dir.path() / "db");
  index.add("Talks on the memorandum resumed.");
  Xapian::Database db((dir.path() / "db").string());
  morgue::QueryBuilder builder(db);
  morgue::SearchRequest req;
  req.query = "talks";
  // Every article with the stem has "talks": nothing for the exact form to reorder.
  CHECK(builder.build(req).get_description() == "Query(Ztalk@1)");
  index.add("The talk was of a memorandum.");
  REQUIRE(db.reopen());
  CHECK(builder.build(req).get_description() == "Query(PostingSource(Ztalk with talks, 2 postings kept))");
  index.db().delete_document(2);
  index.db().commit();
  REQUIRE(db.reopen());
  CHECK(builder.build(req).get_description() == "Query(Ztalk@1)");
}

TEST_CASE("A query of exclusions only means NOT", "[query]") {
  // Xapian's parser refuses a query that only excludes ("-x") and silently re-reads it
  // without operators, as "x".
  const std::pair<const char*, const char*> same[] = {
      {"-putin", "NOT putin"},
      {"-putin -trump", "NOT putin NOT trump"},
      {"-\"root causes\"", "NOT \"root causes\""},
      {"-title:roadmap", "NOT title:roadmap"},
      {"(-putin)", "(NOT putin)"},
  };
  for (const auto& [query, as] : same) {
    INFO(query);
    CHECK(describe(query) == describe(as));
    CHECK(describe(query).find("AND_NOT") != std::string::npos);
  }
  // Nothing is boosted for an excluded word: "-putin" alone has no exact-form boost.
  CHECK(describe("-putin").find("AND_MAYBE") == std::string::npos);
  // Not exclusions: a hyphen inside a word or a phrase, or standing alone.
  CHECK(describe("well-known") == "Query((well@1 PHRASE 2 known@2))");
  CHECK(describe("\"putin -trump\"").find("AND_NOT") == std::string::npos);
}

TEST_CASE("Request filters wrap the query", "[query]") {
  morgue::SearchRequest req;
  req.outlets = {"Global News", "Axios"};
  req.from = morgue::Date{2025, 1, 1};
  // An index without dates: the value slot (with dates, the date terms: date_filter_test.cc).
  CHECK(describe("ceasefire", req) ==
        "Query((((Zceasefir@1 AND_MAYBE 0.25 * ceasefire) FILTER (XOglobal news OR XOaxios)) FILTER VALUE_GE 0 "
        "20250101))");
}

TEST_CASE("match_any joins the words with OR, operators still apply", "[query]") {
  struct Row {
    const char* query;
    const char* expected;
  };
  const Row rows[] = {
      {"putin", "Query((Zputin@1 AND_MAYBE 0.25 * putin))"},
      {"Putin talks", "Query(((putin@1 OR Ztalk@2) AND_MAYBE 0.25 * talks))"},
      {"putin -trump", "Query(((Zputin@1 AND_NOT Ztrump@2) AND_MAYBE 0.25 * putin))"},
      {"+putin talks", "Query(((Zputin@1 AND_MAYBE Ztalk@2) AND_MAYBE 0.25 * (putin OR talks)))"},
      {"putin AND kremlin", "Query(((Zputin@1 AND Zkremlin@2) AND_MAYBE 0.25 * (kremlin OR putin)))"},
      {"\"root causes\" putin", "Query((((root@1 PHRASE 2 causes@2) OR Zputin@3) AND_MAYBE 0.25 * putin))"},
  };
  morgue::SearchRequest any;
  any.match_any = true;
  for (const auto& row : rows) {
    INFO("query: " << row.query);
    CHECK(describe(row.query, any) == row.expected);
  }
  // A Searcher keeps its builder: a request without match_any after one with it is AND again.
  const Xapian::WritableDatabase db = two_forms_index();
  morgue::QueryBuilder builder(db);
  any.query = "putin talks";
  CHECK(builder.build(any).get_description() == "Query(((Zputin@1 OR Ztalk@2) AND_MAYBE 0.25 * (putin OR talks)))");
  morgue::SearchRequest all;
  all.query = "putin talks";
  CHECK(builder.build(all).get_description() == "Query(((Zputin@1 AND Ztalk@2) AND_MAYBE 0.25 * (putin OR talks)))");
  CHECK(morgue::parse_match("any"));
  CHECK_FALSE(morgue::parse_match("all"));
  CHECK_FALSE(morgue::parse_match(""));
  try {
    (void)morgue::parse_match("some");
    FAIL("accepted an unknown match");
  } catch (const morgue::QueryError& e) {
    CHECK(e.parameter() == "match");
  }
}

TEST_CASE("Syntax errors and bad parameters are QueryErrors naming the parameter", "[query][errors]") {
  for (const char* q : {"putin AND", "2025-02-30..2025-03-01", "date:someday"}) {
    INFO(q);
    CHECK_THROWS_AS(describe(q), morgue::QueryError);
  }
  try {
    (void)morgue::parse_sort("newest");
    FAIL("accepted an unknown sort");
  } catch (const morgue::QueryError& e) {
    CHECK(e.parameter() == "sort");
  }
  CHECK_THROWS_AS(morgue::parse_date_param("from", "2025-5-1"), morgue::QueryError);
  CHECK_THROWS_AS(morgue::parse_facet("colour"), morgue::QueryError);
  CHECK(morgue::parse_facet("date") == morgue::FacetKind::kDate);
}

TEST_CASE("An impossible date in a range is named as not a date", "[query][errors]") {
  // It said "Unknown range operation" (Xapian's words when no range processor takes it).
  const std::pair<const char*, const char*> rows[] = {
      {"2025-02-30..2025-03-01", "'2025-02-30' is not a date"},
      {"2025-01-01..2025-13", "'2025-13' is not a date"},
      {"date:2025-04-31..2025-05", "2025-04-31"},
  };
  for (const auto& [q, message] : rows) {
    INFO(q);
    try {
      (void)describe(q);
      FAIL("accepted");
    } catch (const morgue::QueryError& e) {
      CHECK(e.parameter() == "q");
      CHECK_THAT(e.what(), Catch::Matchers::Contains(message));
    }
  }
  CHECK_NOTHROW(describe("2024-02-29..2024-03-01"));
}

TEST_CASE("Facet names and recency half-lives parse, or name the parameter", "[query]") {
  const std::pair<const char*, morgue::FacetKind> facets[] = {{"entity", morgue::FacetKind::kEntity},
                                                              {"entity.person", morgue::FacetKind::kPerson},
                                                              {"entity.organization", morgue::FacetKind::kOrganization},
                                                              {"entity.place", morgue::FacetKind::kPlace},
                                                              {"entity.other", morgue::FacetKind::kOtherEntity}};
  for (const auto& [name, kind] : facets) {
    INFO(name);
    CHECK(morgue::parse_facet(name) == kind);
    CHECK(morgue::facet_name(kind) == name);
  }
  const std::pair<const char*, unsigned> half_lives[] = {{"30d", 30}, {"30", 30},  {"2w", 14},
                                                         {"6m", 180}, {"1y", 365}, {"100y", 36500}};
  for (const auto& [text, days] : half_lives) {
    INFO(text);
    CHECK(morgue::parse_half_life(text) == days);
  }
  for (const char* bad : {"", "0d", "d", "-3d", "3x", "101y", "1.5y", "9999999d"}) {
    INFO(bad);
    try {
      (void)morgue::parse_half_life(bad);
      FAIL("accepted");
    } catch (const morgue::QueryError& e) {
      CHECK(e.parameter() == "recency");
    }
  }
  morgue::SearchRequest req;
  req.asof = morgue::Date{2025, 6, 1};
  CHECK_THROWS_AS(morgue::validate(req), morgue::QueryError);  // asof needs recency
  req.recency_half_life_days = 30;
  morgue::validate(req);
  req.sort = morgue::SortOrder::kDate;
  CHECK_THROWS_AS(morgue::validate(req), morgue::QueryError);  // recency is a relevance blend
}

TEST_CASE("Ranking models are named, parsed back, and IneB2 is the default", "[query][ranking]") {
  const std::pair<const char*, const char*> models[] = {
      {"ineb2", "morgue::IneB2Weight"}, {"bm25", "Xapian::BM25Weight"}, {"bb2", "Xapian::BB2Weight"},
      {"ifb2", "Xapian::IfB2Weight"},   {"inl2", "Xapian::InL2Weight"}, {"pl2", "Xapian::PL2Weight"},
      {"dph", "Xapian::DPHWeight"},     {"dlh", "Xapian::DLHWeight"},
  };
  for (const auto& [name, xapian_class] : models) {
    INFO(name);
    morgue::RankingParams p;
    p.model = morgue::parse_model(name);
    CHECK(morgue::model_name(p.model) == name);
    CHECK(morgue::weighting_scheme(p)->name() == xapian_class);
  }
  // Xapian's IneB2 weights, computed by common/ineb2_weight.h.
  CHECK(morgue::weighting_scheme(morgue::kDefaultRanking)->name() == "morgue::IneB2Weight");
  CHECK_THROWS_AS(morgue::parse_model("tfidf"), std::invalid_argument);
}

TEST_CASE("A query with nothing to search for matches nothing, an empty one or a lone * everything", "[query]") {
  // Punctuation, symbols and emoji leave the parser nothing: a search for them finds
  // nothing, as in Elasticsearch, rather than every article.
  for (const char* q : {"\xF0\x9F\x98\x80", "-", "()", "%", "+", "\"\"", "\xED\xA0\x80", "!!! ???"}) {
    INFO(q);
    CHECK(describe(q) == "Query()");
  }
  for (const char* q : {"", "   ", "*", " * "}) {
    INFO("'" << q << "'");
    CHECK(describe(q) == "Query(<alldocuments>)");
  }
  // Stop-words alone are still searched (Xapian's parser keeps them then).
  CHECK(describe("the") != "Query()");
}

TEST_CASE("A query may hold a bounded number of wildcards", "[query][errors]") {
  // Each expands to up to 500 words; 200 of them ("a* a* ...") took the daemon 24 s.
  std::string q;
  for (unsigned i = 0; i < morgue::kMaxWildcards; ++i) q += "pu* ";
  CHECK_NOTHROW(describe(q));
  q += "tr*";
  try {
    (void)describe(q);
    FAIL("accepted " << morgue::kMaxWildcards + 1 << " wildcards");
  } catch (const morgue::QueryError& e) {
    CHECK(e.parameter() == "q");
    CHECK(std::string(e.what()).find("wildcards") != std::string::npos);
  }
}
