// Facet counts two ways on the same match: from the in-memory columns and from each
// match's values (what the spy does without columns, and what facets did before them).
#pragma once

#include <string>

#include <catch2/catch.hpp>
#include <xapian.h>

#include "common/facet_columns.h"
#include "common/query_builder.h"
#include "common/ranking.h"
#include "common/schema.h"

namespace morgue::test {

// Checks that both ways give the same facets for `query` on `db`; returns how many
// matches were counted (so a caller can check that the queries reach something).
inline Xapian::doccount check_facet_columns_agree(const Xapian::Database& db, const std::string& query) {
  INFO("query: " << query);
  QueryBuilder builder(db, kDefaultRanking);
  SearchRequest request;
  request.query = query;
  const FacetCountSpy::Wanted all{true, true, true, true};
  const auto columns = facet_columns(db);
  REQUIRE(columns);
  FacetCountSpy by_column(columns, all), by_value(nullptr, all);
  Xapian::Enquire enquire(db);
  enquire.set_query(builder.build(request));
  enquire.add_matchspy(&by_column);
  enquire.add_matchspy(&by_value);
  const Xapian::MSet mset = enquire.get_mset(0, 10, db.get_doccount());
  const auto as_pairs = [](const std::vector<FacetCount>& v) {
    std::vector<std::pair<std::string, std::uint32_t>> out;
    for (const auto& c : v) out.emplace_back(c.value, c.count);
    return out;
  };
  const auto entities = [](const std::vector<FacetCountSpy::Entity>& v) {
    std::vector<std::tuple<std::string, EntityType, std::uint32_t>> out;
    for (const auto& e : v) out.emplace_back(e.name, e.type, e.count);
    return out;
  };
  for (const auto slot : {FacetCountSpy::Slot::kOutlet, FacetCountSpy::Slot::kDate, FacetCountSpy::Slot::kLang}) {
    CHECK(as_pairs(by_column.all(slot)) == as_pairs(by_value.all(slot)));
    CHECK(as_pairs(by_column.top(slot, 5)) == as_pairs(by_value.top(slot, 5)));
  }
  CHECK(entities(by_column.top_entities(std::nullopt, 30)) == entities(by_value.top_entities(std::nullopt, 30)));
  CHECK(entities(by_column.top_entities(EntityType::kPerson, 10)) ==
        entities(by_value.top_entities(EntityType::kPerson, 10)));
  return mset.get_matches_estimated();
}

// Checks that the date order from the columns is the date slot's order (newest first,
// ties by relevance) for the best `depth` matches of `query`; returns how many matched.
inline Xapian::doccount check_date_order_agrees(const Xapian::Database& db, const std::string& query,
                                                Xapian::doccount depth = 200) {
  INFO("query: " << query);
  QueryBuilder builder(db, kDefaultRanking);
  SearchRequest request;
  request.query = query;
  const Xapian::Query q = builder.build(request);
  const auto columns = facet_columns(db);
  REQUIRE(columns);
  DateKeyMaker by_date(columns);
  Xapian::Enquire by_key(db), by_value(db);
  by_key.set_query(q);
  by_value.set_query(q);
  by_key.set_sort_by_key_then_relevance(&by_date, true);
  by_value.set_sort_by_value_then_relevance(kSlotDate, true);
  const auto ids = [depth](Xapian::Enquire& e) {
    std::vector<Xapian::docid> out;
    const Xapian::MSet m = e.get_mset(0, depth);
    for (auto it = m.begin(); it != m.end(); ++it) out.push_back(*it);
    return out;
  };
  const auto a = ids(by_key), b = ids(by_value);
  CHECK(a == b);
  return static_cast<Xapian::doccount>(a.size());
}

}  // namespace morgue::test
