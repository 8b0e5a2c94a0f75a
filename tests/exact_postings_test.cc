// Exact forms served from memory (common/exact_postings.h) rank as Xapian's own terms do.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "bench/relevance/collections.h"
#include "bench/relevance/plain_from_memory.h"
#include "bench/relevance/query_text.h"
#include "common/exact_postings.h"
#include "common/index_location.h"
#include "common/query_builder.h"
#include "common/ranking.h"
#include "common/searcher.h"
#include "indexer/pipeline.h"
#include "tests/collection_index.h"
#include "tests/corpus_index.h"
#include "tests/test_support.h"

namespace {

using morgue::SearchRequest;
using morgue::test::corpus_index;

struct Ranked {
  std::string description;
  morgue::test::Weighed hits;
};

// The query built for `db` and its matches, with their weights.
Ranked rank(const Xapian::Database& db, const SearchRequest& req, Xapian::doccount depth = 100,
            const morgue::ExactLimits& limits = {}) {
  morgue::QueryBuilder builder(db, morgue::kDefaultRanking, limits);
  const Xapian::Query query = builder.build(req);
  return {query.get_description(), morgue::test::weigh(db, query, builder.weight(), depth)};
}

// The same index as a set of two (the second empty): no revision, so a builder searches
// the exact forms as terms. Docids are renumbered (2k-1 for the first database's k); the
// statistics are the same.
Xapian::Database without_revisions(const Xapian::Database& db) {
  Xapian::Database out = db;
  out.add_database(Xapian::WritableDatabase(std::string(), Xapian::DB_BACKEND_INMEMORY));
  return out;
}

// `req` ranks the same articles with the same weights on `db` as on
// without_revisions(db), where the exact forms are terms (the first `depth`). The query
// built for `db`, by a builder that keeps as much as `limits` say.
std::string check_ranks_as_terms(const Xapian::Database& db, const SearchRequest& req, Xapian::doccount depth = 100,
                                 const morgue::ExactLimits& limits = {}) {
  const Ranked kept = rank(db, req, depth, limits);
  const Ranked terms = rank(without_revisions(db), req, depth);
  CHECK(terms.description.find("PostingSource") == std::string::npos);
  REQUIRE(!kept.hits.empty());
  morgue::test::check_same_ranking(kept.hits, terms.hits, [](Xapian::docid d) { return 2 * d - 1; });
  return kept.description;
}

// Eight articles with "inform" (information, informative, informed), seven of them with
// "information", one of those with "informative" too, one with "informed" alone.
const char* const kInformTexts[] = {
    "Freedom of information requests rose this year, the office said.",
    "The information office published the figures on Monday.",
    "Officials withheld information about the spill for a week.",
    "New information emerged on Tuesday about information security at the port.",
    "The ministry said the report was informative and its information complete.",
    "Residents were informed of the closure by letter.",
    "Reporters asked the office for information and then for more information.",
    "An information campaign on the new rules began in the spring.",
};

// kInformTexts indexed on disk, and a reader of them.
struct InformIndex {
  morgue::test::TempDir dir;
  Xapian::Database db = [this] {
    morgue::test::TextIndex index(dir.path() / "db");
    for (const char* text : kInformTexts) index.add(text);
    return Xapian::Database((dir.path() / "db").string());
  }();
};

// Each article with `term` and the weight the default model gives the term alone there.
std::map<Xapian::docid, double> term_weights(const Xapian::Database& db, const char* term) {
  const auto model = morgue::weighting_scheme(morgue::kDefaultRanking);
  const morgue::test::Weighed hits = morgue::test::weigh(db, Xapian::Query(term), *model, db.get_doccount());
  return {hits.begin(), hits.end()};
}

// The inform articles as JSON Lines for morgue-index, the texts turned by `shift`
// (article k gets text k + shift): the same ids, so the same documents, saying other
// things. With 3,000 short articles besides, changed too: an index of more blocks than a
// reader keeps, so that a reader of an older revision meets blocks written over.
std::filesystem::path inform_jsonl(const std::filesystem::path& dir, int shift) {
  std::string lines;
  for (int k = 0; k < 8; ++k) {
    lines += R"({"id":"inform-)" + std::to_string(k) + R"(","outlet":"Gazette","published":"2025-06-0)" +
             std::to_string(1 + k) + R"(","headline":"Report )" + std::to_string(k) + R"(","body":")" +
             kInformTexts[(k + shift) % 8] + "\"}\n";
  }
  for (int k = 0; k < 3000; ++k) {
    lines += R"({"id":"filler-)" + std::to_string(k) +
             R"(","outlet":"Gazette","published":"2025-06-01","headline":"Tide table )" + std::to_string(k + shift) +
             R"(","body":"The tide at berth )" + std::to_string(k * 7 + shift) + " rose " +
             std::to_string(k + shift * 13) + R"( centimetres."})" + "\n";
  }
  const auto path = dir / ("inform-" + std::to_string(shift) + ".jsonl");
  morgue::test::write_file(path, lines);
  return path;
}

}  // namespace

TEST_CASE("Exact forms kept in memory rank as the terms would", "[query][ranking]") {
  const Xapian::Database db = morgue::open_index(corpus_index());
  struct Row {
    const char* query;
    bool any;
  };
  // Words of corpus/ that some articles have in another form with the same stem.
  const Row rows[] = {
      {"claims", false},
      {"claims", true},
      {"administration talks", true},
      {"american delegations", true},
      {"cautiously demands details", true},
      {"based claim details countries", true},
      {"days -claims", false},
      {"claims OR \"the united states\"", false},
  };
  for (const auto& [text, any] : rows) {
    INFO("query: " << text << (any ? " (match=any)" : ""));
    SearchRequest req;
    req.query = text;
    req.match_any = any;
    CHECK(check_ranks_as_terms(db, req).find("PostingSource") != std::string::npos);
  }
}

TEST_CASE("A form's stem combined with it or the form folded into it ranks the same", "[query][ranking]") {
  const InformIndex inform;
  const Xapian::Database& db = inform.db;
  // Where a plain query has the stem once: by default the stem, in few articles, is
  // combined with its form (ExactBoost::combined); a stem too common for that has a
  // form in most of its articles folded into it (ExactBoost::fold).
  struct Row {
    const char* query;
    bool any;
    bool in_stem;  // combined or folded
  };
  const Row rows[] = {
      {"information", false, true},
      {"information", true, true},
      {"information office", true, true},
      {"information office", false, true},
      {"officials withheld information", true, true},
      // The stem typed twice: its term is two leaves, and the form is boosted by its
      // kept postings beside them.
      {"information informed", true, false},
      // Not plain words: the parser's query, the kept postings beside it.
      {"information OR office", false, false},
      {"information -closure", false, false},
  };
  for (const bool combine : {true, false}) {
    for (const auto& [text, any, in_stem] : rows) {
      INFO("query: " << text << (any ? " (match=any)" : "") << (combine ? "" : ", not combined"));
      SearchRequest req;
      req.query = text;
      req.match_any = any;
      const std::string description =
          check_ranks_as_terms(db, req, 100, combine ? morgue::ExactLimits{} : morgue::ExactLimits{.combined_stem = 0});
      INFO(description);
      CHECK((description.find("Zinform with information") != std::string::npos) == (in_stem && combine));
      CHECK((description.find("information folded into Zinform") != std::string::npos) == (in_stem && !combine));
      CHECK((description.find("* Zinform") != std::string::npos) == (in_stem && !combine));
      // Combined, in the stem's place: no term for it, and nothing beside the words.
      CHECK((description.find("Zinform@") == std::string::npos) == (in_stem && combine));
      CHECK((description.find("AND_MAYBE") == std::string::npos) == (in_stem && combine));
    }
  }
}

TEST_CASE("A stem combined with its form weighs as both", "[query][ranking]") {
  const InformIndex inform;
  const Xapian::Database& db = inform.db;
  // Its weights: the stem's, plus exact_weight times the form's where an article has it.
  const auto stem = term_weights(db, "Zinform");
  const auto form = term_weights(db, "informed");
  REQUIRE(stem.size() == 8);
  REQUIRE(form.size() == 1);
  morgue::ExactPostingsCache cache(db, morgue::kDefaultRanking);
  const morgue::ExactBoost boost = cache.boost("Zinform", "informed", db.get_revision());
  REQUIRE(boost.combined);
  CHECK(!boost.fold);
  const morgue::ExactPostings& c = *boost.combined;
  REQUIRE(c.docids.size() == stem.size());
  for (std::size_t i = 0; i < c.docids.size(); ++i) {
    INFO("article " << c.docids[i]);
    REQUIRE(stem.count(c.docids[i]));
    const double exact = form.count(c.docids[i]) ? form.at(c.docids[i]) : 0.0;
    CHECK(c.weights[i] == Approx(stem.at(c.docids[i]) + morgue::kDefaultRanking.exact_weight * exact).epsilon(1e-12));
  }
  CHECK(c.max_weight == Approx(*std::max_element(c.weights.begin(), c.weights.end())));
  // A stem in more articles than the limit folds or boosts as before.
  morgue::ExactPostingsCache few(db, morgue::kDefaultRanking, {.combined_stem = 7});
  CHECK(!few.boost("Zinform", "informed", db.get_revision()).combined);
  CHECK(few.boost("Zinform", "information", db.get_revision()).fold);
  morgue::ExactPostingsCache enough(db, morgue::kDefaultRanking, {.combined_stem = 8});
  CHECK(enough.boost("Zinform", "information", db.get_revision()).combined);
}

TEST_CASE("A fold corrects the articles where the form does not weigh its ratio of the stem", "[query][ranking]") {
  const InformIndex inform;
  const Xapian::Database& db = inform.db;
  const auto stem = term_weights(db, "Zinform");
  const auto form = term_weights(db, "information");
  REQUIRE(stem.size() == 8);
  REQUIRE(form.size() == 7);
  using Kind = morgue::ExactBoost::Kind;
  // Kept at most two postings a term: "information" is searched as a term, and folds, as
  // its two corrections are within the bound.
  morgue::ExactPostingsCache cache(db, morgue::kDefaultRanking, {.per_term = 2});
  const morgue::ExactBoost boost = cache.boost("Zinform", "information", db.get_revision());
  CHECK(boost.kind == Kind::kTerm);
  REQUIRE(boost.fold);
  // Article 5 has "informative" too, article 6 "informed" alone.
  CHECK(boost.fold->corrections->docids == std::vector<Xapian::docid>{5, 6});
  CHECK(boost.fold->form_max_weight == Approx(std::max_element(form.begin(), form.end(), [](auto& a, auto& b) {
                                                return a.second < b.second;
                                              })->second));
  for (const auto& [docid, stem_weight] : stem) {
    INFO("article " << docid);
    const auto& c = *boost.fold->corrections;
    const auto at = std::find(c.docids.begin(), c.docids.end(), docid);
    const double correction = at == c.docids.end() ? 0.0 : c.weights[at - c.docids.begin()];
    CHECK(correction <= 0);
    const double folded = boost.fold->ratio * stem_weight + correction;
    const double expected = form.count(docid) ? form.at(docid) : 0.0;
    CHECK(std::abs(folded - expected) < 1e-9 * stem_weight);
  }
  // One posting a term: two corrections are too many to keep.
  morgue::ExactPostingsCache one(db, morgue::kDefaultRanking, {.per_term = 1});
  CHECK(one.boost("Zinform", "information", db.get_revision()).kind == Kind::kTerm);
  CHECK(!one.boost("Zinform", "information", db.get_revision()).fold);
  // A rare form does not fold: each article with the stem but not the form would be a
  // correction.
  morgue::ExactPostingsCache all(db, morgue::kDefaultRanking, {.combined_stem = 0});
  const morgue::ExactBoost informed = all.boost("Zinform", "informed", db.get_revision());
  CHECK(informed.kind == Kind::kKept);
  CHECK(!informed.fold);
  CHECK(all.boost("Zinform", "information", db.get_revision()).fold);
}

TEST_CASE("Exact forms kept for an older revision weigh nothing", "[query][ranking]") {
  morgue::test::TempDir dir;
  morgue::test::TextIndex index(dir.path() / "db");
  index.add("The union talks with the port owners and the city council today.");
  index.add("The union will talk with the port owners.");
  Xapian::Database db((dir.path() / "db").string());
  // The form's postings beside the stem's term, not combined with it.
  morgue::QueryBuilder builder(db, morgue::kDefaultRanking, {.combined_stem = 0});
  SearchRequest req;
  req.query = "talks";
  const Xapian::Query query = builder.build(req);
  REQUIRE(query.get_description() == "Query((Ztalk@1 AND_MAYBE PostingSource(0.25 * talks, 1 posting kept)))");
  // Not a term of the query: the builder names it for snippets.
  REQUIRE(builder.kept_terms().size() == 1);
  CHECK(builder.kept_terms()[0].first == "talks");
  CHECK(builder.kept_terms()[0].second > 0);
  const auto model = morgue::weighting_scheme(morgue::kDefaultRanking);
  const auto weights = [&](const Xapian::Query& q) { return morgue::test::weigh(db, q, *model, 10); };
  const auto before = weights(query);
  REQUIRE(before.size() == 2);
  CHECK(before[0].first == 1);  // the exact match first, though the longer article
  // The index changes under the built query: the kept postings' docids name other
  // articles now (docid 1 says "talk" only), so they are not used, and the stem alone
  // ranks.
  index.replace(1, "The union will talk again with the port owners and the city council today.");
  index.add("The union talks of talks.");
  REQUIRE(db.reopen());
  const auto after = weights(query);
  REQUIRE(after.size() == 3);
  CHECK(after == weights(Xapian::Query("Ztalk")));
}

TEST_CASE("A stem combined with its form for an older revision is not searched", "[query][ranking]") {
  morgue::test::TempDir dir;
  morgue::test::TextIndex index(dir.path() / "db");
  index.add("The union talks with the port owners and the city council today.");
  index.add("The union will talk with the port owners.");
  Xapian::Database db((dir.path() / "db").string());
  morgue::QueryBuilder builder(db);
  SearchRequest req;
  req.query = "talks";
  const Xapian::Query query = builder.build(req);
  REQUIRE(query.get_description() == "Query(PostingSource(Ztalk with talks, 2 postings kept))");
  // Neither is a term of the query: the builder names both, for snippets and feedback.
  using Kept = std::vector<std::pair<std::string, double>>;
  const Kept kept = builder.kept_terms();
  REQUIRE(kept.size() == 2);
  CHECK(kept[0].first == "talks");
  CHECK(kept[1].first == "Ztalk");
  CHECK(kept[1].second > kept[0].second);
  const auto model = morgue::weighting_scheme(morgue::kDefaultRanking);
  const auto before = morgue::test::weigh(db, query, *model, 10);
  REQUIRE(before.size() == 2);
  CHECK(before[0].first == 1);  // the exact match first, though the longer article
  // It stands for the stem's term: at another revision it would find what the stem
  // matched then. The match fails as when the index changes under it, and a Searcher
  // builds the query again (the last test case).
  index.add("The union talks of talks.");
  REQUIRE(db.reopen());
  CHECK_THROWS_AS(morgue::test::weigh(db, query, *model, 10), Xapian::DatabaseModifiedError);
  const Xapian::Query again = builder.build(req);
  CHECK(again.get_description() == "Query(PostingSource(Ztalk with talks, 3 postings kept))");
  CHECK(morgue::test::weigh(db, again, *model, 10).size() == 3);
}

TEST_CASE("Feedback adds no term that the query searches from memory", "[query][ranking]") {
  const Xapian::Database db = morgue::open_index(corpus_index());
  morgue::QueryBuilder builder(db);
  SearchRequest req;
  req.query = "claims";
  req.match_any = true;
  const Xapian::Query query = builder.build(req);
  INFO(query.get_description());
  REQUIRE(query.get_description().find("Zclaim with claims") != std::string::npos);
  const auto terms_of = [](const Xapian::Query& q) {
    return std::set<std::string>(q.get_unique_terms_begin(), q.get_unique_terms_end());
  };
  const auto& p = morgue::kDefaultRanking;
  const Xapian::Query more = morgue::feedback_terms(db, query, p, builder.weight(), builder.kept_terms());
  REQUIRE(!more.empty());
  CHECK(!terms_of(more).contains("Zclaim"));
  // Not told of it, feedback adds the stem that the query weighs already.
  CHECK(terms_of(morgue::feedback_terms(db, query, p, builder.weight())).contains("Zclaim"));
}

TEST_CASE("Plain BM25 reading lists from memory ranks as plain BM25", "[query][ranking][relevance]") {
  // The relevance bench's diagnostic (bench/relevance/plain_from_memory.h).
  const Xapian::Database db = morgue::open_index(corpus_index());
  morgue::bench::PlainBm25 plain(db, {.quest_stopwords = false});
  morgue::bench::PlainBm25FromMemory memory(db);
  const auto ranked = [](const Xapian::MSet& mset) {
    morgue::test::Weighed out;
    for (auto it = mset.begin(); it != mset.end(); ++it) out.emplace_back(*it, it.get_weight());
    return out;
  };
  for (const char* words : {"claims", "administration talks", "american delegations to the talks"}) {
    INFO(words);
    memory.remember(words, {"Zclaim", "Zadministr", "Ztalk", "Zdeleg", "Zabsent"});
    const Xapian::Query query = memory.query(words);
    INFO(query.get_description());
    CHECK(query.get_description().find("PostingSource") != std::string::npos);
    const morgue::test::Weighed want = ranked(plain.match(plain.parse(words), 100));
    REQUIRE(!want.empty());
    morgue::test::check_same_ranking(ranked(memory.match(words, 100)), want);
  }
}

TEST_CASE("A long posting list is searched as a term, and the kept ones are bounded", "[query][ranking]") {
  const Xapian::Database db = morgue::open_index(corpus_index());
  // "claims" is in one article of corpus/, "administration" in two.
  morgue::ExactPostingsCache cache(db, morgue::kDefaultRanking, {.per_term = 1, .total = 2});
  const Xapian::rev revision = db.get_revision();
  CHECK(cache.find("administration", db.get_termfreq("administration"), revision) == nullptr);
  const auto claims = cache.find("claims", db.get_termfreq("claims"), revision);
  REQUIRE(claims);
  CHECK(claims->docids.size() == 1);
  CHECK(cache.find("claims", 1, revision) == claims);  // kept
  CHECK(cache.size() == 1);
  REQUIRE(cache.find("claimed", db.get_termfreq("claimed"), revision));
  CHECK(cache.size() == 2);
  // A third would pass the bound: all are forgotten first.
  REQUIRE(cache.find("based", db.get_termfreq("based"), revision));
  CHECK(cache.size() == 1);
  // Another revision: all are forgotten.
  REQUIRE(cache.find("claims", 1, revision + 1));
  CHECK(cache.size() == 1);
}

TEST_CASE("Which exact forms boost is decided once per revision, for the stem they were typed for",
          "[query][ranking]") {
  morgue::test::TempDir dir;
  morgue::test::TextIndex index(dir.path() / "db");
  index.add("The union talks with the port owners and the city council today.");
  index.add("The union will talk with the port owners.");
  Xapian::Database db((dir.path() / "db").string());
  morgue::ExactPostingsCache cache(db, morgue::kDefaultRanking);
  using Kind = morgue::ExactBoost::Kind;
  const auto kind = [&](const char* stem, const char* form) { return cache.boost(stem, form, db.get_revision()).kind; };
  // One of the two articles with the stem has the form.
  const morgue::ExactBoost talks = cache.boost("Ztalk", "talks", db.get_revision());
  REQUIRE(talks.kind == Kind::kKept);
  CHECK(talks.postings->docids == std::vector<Xapian::docid>{1});
  CHECK(cache.boost("Ztalk", "talks", db.get_revision()).postings == talks.postings);
  // The same form typed where another language stemmed it otherwise: decided for that stem.
  CHECK(kind("Ztalks", "talks") == Kind::kNone);  // no article has that stem
  CHECK(kind("Ztalk", "talks") == Kind::kKept);
  CHECK(kind("Ztalk", "talked") == Kind::kNone);  // no article has the form
  // Another revision: decided again. Without the second article every one with the
  // stem has "talks", and there is nothing to reorder.
  index.db().delete_document(2);
  index.db().commit();
  REQUIRE(db.reopen());
  CHECK(kind("Ztalk", "talks") == Kind::kNone);
  // Without revisions (several databases), asked each time.
  Xapian::Database both = db;
  both.add_database(Xapian::WritableDatabase(std::string(), Xapian::DB_BACKEND_INMEMORY));
  CHECK(morgue::exact_boost_kind(both, "Ztalk", "talks") == Kind::kNone);
  index.add("The union will talk again.");
  REQUIRE(db.reopen());
  CHECK(kind("Ztalk", "talks") == Kind::kKept);
  CHECK(morgue::exact_boost_kind(db, "Ztalk", "talks") == Kind::kTerm);
}

// Every query of the classic collections, as the relevance bench runs it (match=any, the
// top 1000): stems combined with their exact forms rank as the stems' and forms' own
// terms do; and so do forms folded into their stems and kept beside them, as with stems
// too common to combine.
TEST_CASE("On the test collections' queries stems combined with exact forms rank as terms",
          "[query][ranking][corpora]") {
  MORGUE_REQUIRE_CORPUS(root, "ir-collections");
  struct Counts {
    std::size_t kept = 0, combined = 0, folded = 0, beside = 0;
  };
  Counts by_default, no_combined;
  for (const morgue::bench::Collection& c : morgue::bench::collections()) {
    INFO(c.name);
    morgue::test::TempDir dir;
    const auto indexed = morgue::test::index_collection(morgue::bench::load_documents(c, root), dir.path());
    const Xapian::Database db = morgue::open_index(indexed.index);
    for (const morgue::bench::Query& q : morgue::bench::load_queries(c, root)) {
      INFO("query " << q.id);
      SearchRequest req;
      req.query = morgue::bench::cut_at_word(morgue::bench::plain_words(q.text), morgue::kMaxQueryBytes);
      req.match_any = true;
      const bool cisi20 = std::string_view(c.name) == "cisi" && q.id == "20";
      for (const bool combine : {true, false}) {
        INFO((combine ? "combined" : "not combined"));
        const std::string description = check_ranks_as_terms(
            db, req, 1000, combine ? morgue::ExactLimits{} : morgue::ExactLimits{.combined_stem = 0});
        Counts& n = combine ? by_default : no_combined;
        n.kept += description.find("PostingSource") != std::string::npos;
        n.combined += description.find(" with ") != std::string::npos;
        n.folded += description.find("folded into") != std::string::npos;
        n.beside += description.find("AND_MAYBE") != std::string::npos;
        if (cisi20 && combine) {
          CHECK(description.find("Zinform with information") != std::string::npos);
          CHECK(description.find("Zsystem with systems") != std::string::npos);
        }
        // "information" is in 644 of the 660 articles with "inform".
        if (cisi20 && !combine) CHECK(description.find("information folded into Zinform") != std::string::npos);
      }
    }
  }
  // 13 queries are short enough for exact forms. On collections this small (1,033 to
  // 1,460 articles) every stem of them is combined with its form, and no list is left
  // beside the words but in one, whose stem is typed twice ("material properties of
  // photoelastic materials"); not combined, 11 of them fold at least one form.
  CHECK(by_default.kept == 13);
  CHECK(by_default.combined == 13);
  CHECK(by_default.folded == 0);
  CHECK(by_default.beside == 1);
  CHECK(no_combined.kept == 13);
  CHECK(no_combined.combined == 0);
  CHECK(no_combined.folded == 11);
  CHECK(no_combined.beside == 13);
}

// A query holds what was decided for the revision it was built at (the fold's corrections
// name articles by docid). When the index changes under a search (Xapian's
// DatabaseModifiedError), the search is retried on the new revision with its query built
// again: the articles rank as a searcher opened afresh ranks them.
TEST_CASE("A search retried on an index changed under it builds its query again", "[query][ranking]") {
  morgue::test::TempDir dir;
  const auto db = dir.path() / "index";
  REQUIRE(morgue::indexer::run_pipeline(db, {inform_jsonl(dir.path(), 0)}, {}).stats.added == 3008);
  morgue::Searcher searcher(db);
  SearchRequest req;
  req.query = "information";
  const auto before = searcher.search(req);
  REQUIRE(before.hits.size() == 8);
  // The texts move to other articles, commit after commit, so that the blocks of the
  // revision the searcher reads are written over.
  for (int shift = 1; shift <= 3; ++shift) {
    REQUIRE(morgue::indexer::run_pipeline(db, {inform_jsonl(dir.path(), shift)}, {}).stats.updated == 3008);
  }
  const auto after = searcher.search(req);
  const auto fresh = morgue::Searcher(db).search(req);
  REQUIRE(fresh.hits.size() == 8);
  REQUIRE(after.hits.size() == fresh.hits.size());
  for (std::size_t i = 0; i < fresh.hits.size(); ++i) {
    INFO("rank " << i + 1);
    CHECK(after.hits[i].id == fresh.hits[i].id);
    CHECK(after.hits[i].score == Approx(fresh.hits[i].score).epsilon(1e-9));
  }
  // Article 5 ("informed" alone) has moved: the fold's correction for it at the first
  // revision would have been wrong.
  CHECK(before.hits[0].id != fresh.hits[0].id);
}
