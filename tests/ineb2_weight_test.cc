// morgue's IneB2 (common/ineb2_weight.h) weighs every article exactly as Xapian's
// Xapian::IneB2Weight does, whatever it remembers and however many share it.
#include <catch2/catch.hpp>

#include <string>
#include <thread>
#include <vector>

#include "bench/relevance/collections.h"
#include "bench/relevance/query_text.h"
#include "common/index_location.h"
#include "common/ineb2_weight.h"
#include "common/query_builder.h"
#include "common/ranking.h"
#include "tests/collection_index.h"
#include "tests/corpus_index.h"
#include "tests/test_support.h"

namespace {

using morgue::test::weigh;
using morgue::test::Weighed;

// The same articles in the same order with the same weights, to the last bit, as
// Xapian's IneB2Weight with the same c.
void check_as_xapian(const Xapian::Database& db, const Xapian::Query& query, const morgue::IneB2Weight& weight,
                     double c = 0.5) {
  INFO(query.get_description());
  const Weighed ours = weigh(db, query, weight);
  const Weighed theirs = weigh(db, query, Xapian::IneB2Weight(c));
  REQUIRE(!theirs.empty());
  CHECK(ours == theirs);
}

// Every stemmed word of the index as a query of its own, and all of them at once.
std::vector<Xapian::Query> every_stem(const Xapian::Database& db) {
  std::vector<Xapian::Query> stems;
  for (auto t = db.allterms_begin("Z"); t != db.allterms_end("Z"); ++t) stems.emplace_back(*t);
  REQUIRE(stems.size() > 500);
  std::vector<Xapian::Query> queries = stems;
  queries.emplace_back(Xapian::Query::OP_OR, stems.begin(), stems.end());
  return queries;
}

}  // namespace

TEST_CASE("morgue's IneB2 weighs each article of corpus/ as Xapian's IneB2Weight", "[ranking]") {
  const Xapian::Database db = morgue::open_index(morgue::test::corpus_index());
  // corpus/'s articles are 300-1,500 words long: remembered for all lengths, for none,
  // and for some.
  const Xapian::termcount max_length = GENERATE(morgue::IneB2Weight::kMaxLength, 0u, 700u);
  INFO("lengths remembered up to " << max_length);
  for (const double c : {0.5, 2.0}) {
    const morgue::IneB2Weight weight(c, max_length);  // one for all the queries, as Searcher keeps it
    for (const Xapian::Query& query : every_stem(db)) check_as_xapian(db, query, weight, c);
  }
}

TEST_CASE("morgue's IneB2 weighs with the index's new average length after it changes", "[ranking]") {
  morgue::test::TempDir dir;
  morgue::test::TextIndex index(dir.path() / "index");
  index.add(
      "The strike at the port, the longest in a decade, ended on Friday when the union and the ferry "
      "company agreed to a new contract, and the first ships left the port on Saturday morning.");
  index.add("The ferry strike closed the port for a second day.");
  const morgue::IneB2Weight weight(0.5);
  const Xapian::Query query(Xapian::Query::OP_OR, Xapian::Query("Zstrike"), Xapian::Query("Zport"));
  check_as_xapian(Xapian::Database(dir.path() / "index"), query, weight);
  // Shorter articles: a lower average length, no longer longest one, so other
  // logarithms for the same lengths and no more lengths to remember.
  index.add("Port workers voted to end the strike.");
  index.add("The port reopened after the strike.");
  check_as_xapian(Xapian::Database(dir.path() / "index"), query, weight);
}

TEST_CASE("Searches in two threads can share one morgue IneB2", "[ranking]") {
  const Xapian::Database db = morgue::open_index(morgue::test::corpus_index());
  const morgue::IneB2Weight weight(0.5);
  const std::vector<Xapian::Query> queries = every_stem(db);
  const auto all_as_xapian = [&] {
    // Each thread its own database handle and Enquire; the weight's clones share.
    const Xapian::Database mine = morgue::open_index(morgue::test::corpus_index());
    std::size_t same = 0;
    for (const Xapian::Query& query : queries) {
      same += weigh(mine, query, weight) == weigh(mine, query, Xapian::IneB2Weight(0.5));
    }
    return same;
  };
  std::size_t other = 0;
  std::thread thread([&] { other = all_as_xapian(); });
  const std::size_t here = all_as_xapian();
  thread.join();
  CHECK(here == queries.size());
  CHECK(other == queries.size());
}

// Every query of the classic collections as the relevance bench runs it (morgue's query,
// match=any, the top 1000), on one weight for all as the bench's timed Enquire has it.
TEST_CASE("On the test collections' queries morgue's IneB2 ranks as Xapian's", "[ranking][corpora]") {
  MORGUE_REQUIRE_CORPUS(root, "ir-collections");
  for (const morgue::bench::Collection& c : morgue::bench::collections()) {
    INFO(c.name);
    morgue::test::TempDir dir;
    const auto indexed = morgue::test::index_collection(morgue::bench::load_documents(c, root), dir.path());
    const Xapian::Database db = morgue::open_index(indexed.index);
    morgue::QueryBuilder builder(db);
    const morgue::IneB2Weight weight(morgue::kDefaultRanking.c);
    for (const morgue::bench::Query& q : morgue::bench::load_queries(c, root)) {
      INFO("query " << q.id);
      morgue::SearchRequest req;
      req.query = morgue::bench::cut_at_word(morgue::bench::plain_words(q.text), morgue::kMaxQueryBytes);
      req.match_any = true;
      check_as_xapian(db, builder.build(req), weight, morgue::kDefaultRanking.c);
    }
  }
}
