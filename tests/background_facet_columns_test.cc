// Facet columns built on a thread of their own (the daemon's way): none until built,
// then the same facets as from the values. That they follow the index's revisions is
// tested with the other way of building them (search_corpus_test.cc).
#include <catch2/catch.hpp>

#include <map>

#include "common/background_facet_columns.h"
#include "common/index_location.h"
#include "common/searcher.h"
#include "indexer/pipeline.h"
#include "tests/test_support.h"

namespace {

using namespace morgue;

using Counts = std::map<std::string, unsigned long>;

Counts facet(const SearchResponse& r, const std::string& name) {
  Counts out;
  for (const auto& v : r.facets.at(name)) out[v.value] = v.count;
  return out;
}

SearchRequest faceted(const std::string& q) {
  SearchRequest req;
  req.query = q;
  req.facets = {FacetKind::kOutlet, FacetKind::kDate, FacetKind::kEntity};
  return req;
}

}  // namespace

TEST_CASE("Background facet columns: none until built, then the same facets as the values", "[search][facets]") {
  test::TempDir dir;
  const auto index = dir.path() / "index";
  REQUIRE(indexer::run_pipeline(index, {test::corpus_dir()}, {}).stats.added == 5);
  const auto background = std::make_shared<BackgroundFacetColumns>(index);
  const Xapian::Database db = open_index(index);

  // Asking never builds on the caller's thread.
  CHECK_FALSE(background->get(db));
  background->wait_idle();
  const auto columns = background->get(db);
  REQUIRE(columns);
  CHECK(columns->key == facet_columns_key(db));
  CHECK(background->stats().builds == 1);
  // What the searching thread would have built.
  const auto direct = facet_columns(db);
  REQUIRE(direct);
  CHECK(columns->outlet.ids == direct->outlet.ids);
  CHECK(columns->outlet.values == direct->outlet.values);
  CHECK(columns->date.ids == direct->date.ids);
  CHECK(columns->entities.items == direct->entities.items);
  CHECK(columns->entities.names == direct->entities.names);

  // A Searcher given them counts what one reading each match's values counts.
  Searcher with(index, {.background_columns = background}), without(index, {.facet_columns = false});
  for (const char* q : {"", "peace", "Trump"}) {
    INFO(q);
    const SearchResponse a = with.search(faceted(q)), b = without.search(faceted(q));
    CHECK(a.total > 0);
    for (const char* f : {"outlet", "date", "entity"}) CHECK(facet(a, f) == facet(b, f));
  }
  CHECK(background->stats().builds == 1);  // the searches used the columns built
}

TEST_CASE("Background facet columns are not built for an index over their bound", "[search][facets]") {
  test::TempDir dir;
  const auto index = dir.path() / "index";
  REQUIRE(indexer::run_pipeline(index, {test::corpus_dir()}, {}).stats.added == 5);
  const auto background = std::make_shared<BackgroundFacetColumns>(index, /*max_docs=*/4);
  Searcher with(index, {.background_columns = background}), without(index, {.facet_columns = false});
  const Xapian::Database db = open_index(index);
  CHECK_FALSE(background->get(db));
  background->wait_idle();
  CHECK_FALSE(background->get(db));
  CHECK(background->stats().builds == 0);
  CHECK(facet(with.search(faceted("peace")), "outlet") == facet(without.search(faceted("peace")), "outlet"));
}

TEST_CASE("Background facet columns stop with their owner, built or not", "[search][facets]") {
  test::TempDir dir;
  const auto index = dir.path() / "index";
  REQUIRE(indexer::run_pipeline(index, {test::corpus_dir()}, {}).stats.added == 5);
  for (int i = 0; i < 20; ++i) {
    BackgroundFacetColumns background(index);
    (void)background.get(open_index(index));  // a build asked for, maybe under way: the destructor stops it
  }
  // And an index that is not there to open: nothing built, nothing thrown.
  BackgroundFacetColumns missing(dir.path() / "nothing-here");
  CHECK_FALSE(missing.get(open_index(index)));
  missing.wait_idle();
  CHECK(missing.stats().builds == 0);
}
