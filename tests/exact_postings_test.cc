// Exact forms served from memory (common/exact_postings.h) rank as Xapian's own terms do.
#include <catch2/catch.hpp>

#include <cmath>
#include <string>
#include <vector>

#include "common/exact_postings.h"
#include "common/index_location.h"
#include "common/query_builder.h"
#include "common/ranking.h"
#include "tests/corpus_index.h"
#include "tests/test_support.h"

namespace {

using morgue::SearchRequest;
using morgue::test::corpus_index;

struct Ranked {
  std::string description;
  std::vector<std::pair<Xapian::docid, double>> hits;
};

// The query built for `db` and its matches, with their weights.
Ranked rank(const Xapian::Database& db, const SearchRequest& req) {
  morgue::QueryBuilder builder(db);
  const Xapian::Query query = builder.build(req);
  Xapian::Enquire enquire(db);
  enquire.set_weighting_scheme(*morgue::weighting_scheme(morgue::kDefaultRanking));
  enquire.set_query(query);
  Ranked out{query.get_description(), {}};
  const Xapian::MSet mset = enquire.get_mset(0, 100);
  for (auto it = mset.begin(); it != mset.end(); ++it) out.hits.emplace_back(*it, it.get_weight());
  return out;
}

}  // namespace

TEST_CASE("Exact forms kept in memory rank as the terms would", "[query][ranking]") {
  const Xapian::Database db = morgue::open_index(corpus_index());
  // The same index as a set of two (the second empty): no revision, so the builder
  // searches the exact forms as terms. Docids are renumbered (2k-1 for the first
  // database's k); the statistics are the same.
  Xapian::Database as_terms = morgue::open_index(corpus_index());
  as_terms.add_database(Xapian::WritableDatabase(std::string(), Xapian::DB_BACKEND_INMEMORY));
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
    const Ranked kept = rank(db, req);
    const Ranked terms = rank(as_terms, req);
    CHECK(kept.description.find("PostingSource") != std::string::npos);
    CHECK(terms.description.find("PostingSource") == std::string::npos);
    REQUIRE(kept.hits.size() == terms.hits.size());
    REQUIRE(!kept.hits.empty());
    for (std::size_t i = 0; i < kept.hits.size(); ++i) {
      CHECK(terms.hits[i].first == 2 * kept.hits[i].first - 1);
      CHECK(std::abs(kept.hits[i].second - terms.hits[i].second) < 1e-9 * terms.hits[i].second);
    }
  }
}

TEST_CASE("Exact forms kept for an older revision weigh nothing", "[query][ranking]") {
  morgue::test::TempDir dir;
  morgue::test::TextIndex index(dir.path() / "db");
  index.add("The union talks with the port owners and the city council today.");
  index.add("The union will talk with the port owners.");
  Xapian::Database db((dir.path() / "db").string());
  morgue::QueryBuilder builder(db);
  SearchRequest req;
  req.query = "talks";
  const Xapian::Query query = builder.build(req);
  REQUIRE(query.get_description() == "Query((Ztalk@1 AND_MAYBE PostingSource(0.25 * talks, 1 posting kept)))");
  // Not a term of the query: the builder names it for snippets.
  REQUIRE(builder.kept_exact_forms().size() == 1);
  CHECK(builder.kept_exact_forms()[0].first == "talks");
  CHECK(builder.kept_exact_forms()[0].second > 0);
  const auto weights = [&](const Xapian::Query& q) {
    Xapian::Enquire enquire(db);
    enquire.set_weighting_scheme(*morgue::weighting_scheme(morgue::kDefaultRanking));
    enquire.set_query(q);
    std::vector<std::pair<Xapian::docid, double>> out;
    const Xapian::MSet mset = enquire.get_mset(0, 10);
    for (auto it = mset.begin(); it != mset.end(); ++it) out.emplace_back(*it, it.get_weight());
    return out;
  };
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

TEST_CASE("A long posting list is searched as a term, and the kept ones are bounded", "[query][ranking]") {
  const Xapian::Database db = morgue::open_index(corpus_index());
  // "claims" is in one article of corpus/, "administration" in two.
  morgue::ExactPostingsCache cache(db, morgue::kDefaultRanking, /*max_per_term=*/1, /*max_total=*/2);
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
