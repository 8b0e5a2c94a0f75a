// End to end on the demo archive: index corpus/ with the real readers, then search.
#include <catch2/catch.hpp>

#include <map>
#include <set>

#include "common/background_facet_columns.h"
#include "common/errors.h"
#include "common/facet_columns.h"
#include "common/index_location.h"
#include "common/schema.h"
#include "common/searcher.h"
#include "indexer/pipeline.h"
#include "tests/corpus_index.h"
#include "tests/facet_check.h"
#include "tests/test_support.h"

namespace {

using namespace morgue;

using test::corpus_index;

SearchResponse search(const std::string& q, SearchRequest request = {}) {
  request.query = q;
  Searcher searcher(corpus_index());
  return searcher.search(request);
}

std::vector<std::string> ids(const SearchResponse& r) {
  std::vector<std::string> out;
  for (const auto& h : r.hits) out.push_back(h.id);
  return out;
}

std::vector<std::string> dates(const SearchResponse& r) {
  std::vector<std::string> out;
  for (const auto& h : r.hits) out.push_back(h.date);
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_CASE("Queries on the demo archive find the right articles", "[search][corpus]") {
  struct Row {
    const char* query;
    std::vector<std::string> dates;  // publication dates of all the hits, sorted
  };
  const Row rows[] = {
      {"Poroshenko", {"2014-08-27"}},
      {"\"root causes\"", {"2025-05-19", "2025-05-19"}},
      {"\"root causes\" putin", {"2025-05-19", "2025-05-19"}},
      {"Istanbul", {"2025-05-16"}},
      {"Pokrovsk", {"2025-12-03"}},
      {"memorandum NEAR/20 sochi", {"2025-05-19", "2025-05-19"}},
      {"Witkoff OR Medinsky", {"2025-05-16", "2025-12-03"}},
      {"Zelensk*", {"2025-05-16", "2025-05-19", "2025-12-03"}},
      {"ceasefire -Trump", {"2014-08-27"}},
      // Exclusions alone: every article but those (Xapian's parser would re-read "-x"
      // as "x").
      {"-putin", {}},
      {"-Poroshenko", {"2025-05-16", "2025-05-19", "2025-05-19", "2025-12-03"}},
      {"-Poroshenko -Pokrovsk", {"2025-05-16", "2025-05-19", "2025-05-19"}},
      {"-\"root causes\"", {"2014-08-27", "2025-05-16", "2025-12-03"}},
      {"-title:roadmap", {"2025-05-16", "2025-05-19", "2025-05-19", "2025-12-03"}},
      {"title:roadmap", {"2014-08-27"}},
      {"outlet:\"Global News\"", {"2025-12-03"}},
      {"outlet:axios", {"2025-05-16"}},
      {"2025-05-01..2025-05-31", {"2025-05-16", "2025-05-19", "2025-05-19"}},
      {"date:2025-05-19", {"2025-05-19", "2025-05-19"}},
      {"putin date:2014", {"2014-08-27"}},
      // Stop-words are dropped from queries, not from the index: a phrase keeps them,
      // and a query of stop-words alone searches them rather than nothing or everything.
      {"\"the Kremlin\"", {"2014-08-27", "2025-12-03"}},
      {"the", {"2014-08-27", "2025-05-16", "2025-05-19", "2025-05-19", "2025-12-03"}},
      {"the ceasefire", {"2014-08-27", "2025-05-16", "2025-05-19", "2025-05-19"}},
      // Only in site furniture: stripped, so not found.
      {"G7", {}},
      {"GLP-1", {}},
      {"Dracula", {}},
      {"newsletter", {}},
      {"Subscribe", {}},
      {"\"Story continues below advertisement\"", {}},
  };
  for (const auto& row : rows) {
    INFO("query: " << row.query);
    const auto r = search(row.query);
    CHECK(dates(r) == row.dates);
    CHECK(r.total == row.dates.size());
  }
}

TEST_CASE("Poroshenko finds The Week's 2014 article with a highlighted snippet", "[search][corpus]") {
  const auto r = search("Poroshenko");
  REQUIRE(r.hits.size() == 1);
  const Hit& h = r.hits[0];
  CHECK(h.outlet == "The Week");
  CHECK(h.date == "2014-08-27");
  CHECK(h.headline == "Ukraine and Russia promise 'roadmap' to peace after talks");
  CHECK(h.rank == 1);
  CHECK(h.snippet.find("<mark>Poroshenko</mark>") != std::string::npos);
}

TEST_CASE("Filters, sorting and paging", "[search][corpus]") {
  SearchRequest req;
  req.outlets = {"Global News"};
  req.from = Date{2025, 1, 1};
  auto r = search("Kremlin", req);
  REQUIRE(r.hits.size() == 1);
  CHECK(r.hits[0].outlet == "Global News");

  req = {};
  req.sort = SortOrder::kDate;
  r = search("putin", req);
  REQUIRE(r.hits.size() == 5);
  CHECK(r.hits.front().date == "2025-12-03");
  CHECK(r.hits.back().date == "2014-08-27");

  req.offset = 2;
  req.limit = 2;
  const auto page = search("putin", req);
  REQUIRE(page.hits.size() == 2);
  CHECK(page.hits[0].rank == 3);
  CHECK(page.hits[0].id == r.hits[2].id);
  CHECK(page.total == 5);
}

TEST_CASE("Facets count over all matches", "[search][corpus][facets]") {
  SearchRequest req;
  req.limit = 1;
  req.facets = {FacetKind::kOutlet, FacetKind::kDate};
  const auto r = search("putin", req);
  CHECK(r.hits.size() == 1);
  const auto& outlets = r.facets.at("outlet");
  unsigned long sum = 0;
  for (const auto& v : outlets) sum += v.count;
  CHECK(sum == 3);  // two of the five articles have no outlet
  CHECK(r.date_facet_interval == "month");
  const auto& months = r.facets.at("date");
  REQUIRE(months.size() == 3);
  CHECK(months[0].value == "2014-08");
  CHECK(months[1].value == "2025-05");
  CHECK(months[1].count == 3);

  const auto may = search("2025-05-01..2025-05-31", req);
  CHECK(may.date_facet_interval == "day");
  REQUIRE(may.facets.at("date").size() == 2);
  CHECK(may.facets.at("date")[1].value == "2025-05-19");
  CHECK(may.facets.at("date")[1].count == 2);
}

TEST_CASE("Bad queries are clear errors", "[search][corpus][errors]") {
  const char* bad[] = {"ceasefire AND", "2025-13-01..2025-05-31", "2025-05-31..2025-05-01", "date:yesterday"};
  for (const char* q : bad) {
    INFO(q);
    CHECK_THROWS_AS(search(q), QueryError);
  }
  SearchRequest req;
  req.limit = 101;
  CHECK_THROWS_AS(search("putin", req), QueryError);
  req.limit = 10;
  req.offset = kMaxOffset + 1;
  CHECK_THROWS_AS(search("putin", req), QueryError);
  CHECK_THROWS_AS(search(std::string(kMaxQueryBytes + 1, 'a')), QueryError);
}

TEST_CASE("A missing index is reported, not crashed on", "[search][errors]") {
  test::TempDir dir;
  CHECK_THROWS_AS(Searcher(dir.path() / "nothing"), IndexUnavailable);
}

TEST_CASE("A stored article is found by id and by URL-less identity", "[search][corpus]") {
  Searcher s(corpus_index());
  const auto stored = s.find("004_31363c931ec8fce3");
  REQUIRE(stored);
  CHECK(stored->id == "004_31363c931ec8fce3");
  const Article* a = &stored->article;
  CHECK(a->outlet == "Global News");
  CHECK(a->headline.starts_with("Talks between Russia and the U.S."));  // from the lede
  CHECK(a->body.find("Story continues below advertisement") == std::string::npos);
  CHECK_FALSE(s.find("no-such-article"));
}

TEST_CASE("Facets and the date order from the columns equal those from the values, on corpus/", "[search][corpus][facets]") {
  const Xapian::Database db = open_index(corpus_index());
  CHECK(test::check_facet_columns_agree(db, "") == 5);
  CHECK(test::check_facet_columns_agree(db, "peace") == 5);
  CHECK(test::check_facet_columns_agree(db, "Poroshenko") == 1);
  CHECK(test::check_facet_columns_agree(db, "qqqnosuchword") == 0);
  CHECK(test::check_date_order_agrees(db, "") == 5);
  CHECK(test::check_date_order_agrees(db, "peace") == 5);
  // And through Searcher, with the columns and without them (morgue-search's way).
  Searcher with(corpus_index()), without(corpus_index(), {.facet_columns = false});
  for (const char* q : {"", "peace", "Trump"}) {
    INFO(q);
    SearchRequest req;
    req.query = q;
    req.sort = SortOrder::kDate;
    req.facets = {FacetKind::kOutlet, FacetKind::kDate, FacetKind::kEntity, FacetKind::kPerson};
    const auto a = with.search(req), b = without.search(req);
    CHECK(a.total > 0);
    CHECK(ids(a) == ids(b));
    // Recency blending reads the dates from the columns too.
    SearchRequest recent;
    recent.query = q;
    recent.recency_half_life_days = 30;
    recent.asof = Date{2025, 6, 1};
    CHECK(ids(with.search(recent)) == ids(without.search(recent)));
    for (const char* f : {"outlet", "date", "entity", "entity.person"}) {
      INFO(f);
      REQUIRE(a.facets.contains(f));
      REQUIRE(b.facets.contains(f));
      CHECK(a.facets.at(f).size() == b.facets.at(f).size());
      for (std::size_t i = 0; i < a.facets.at(f).size() && i < b.facets.at(f).size(); ++i) {
        CHECK(a.facets.at(f)[i].value == b.facets.at(f)[i].value);
        CHECK(a.facets.at(f)[i].count == b.facets.at(f)[i].count);
        CHECK(a.facets.at(f)[i].type == b.facets.at(f)[i].type);
      }
    }
  }
}

TEST_CASE("The entity facet counts one entity once however its articles capitalise it", "[search][facets][entities]") {
  // Reuters' datelines write "NEW YORK" where stories write "New York": one place, as
  // the entity filter (by alias_key) already took it; the facet listed both.
  test::TempDir dir;
  Xapian::WritableDatabase db((dir.path() / "db").string(), Xapian::DB_CREATE);
  for (const char* lines : {"place\tNEW YORK", "place\tNew York\nplace\tLONDON", "place\tNew York",
                            "organization\tNew York", "place\tNew  York", "place\tLondon"}) {
    Xapian::Document doc;
    doc.add_value(kSlotEntities, lines);
    doc.add_term("Xall");
    db.add_document(doc);
  }
  db.commit();
  for (const bool columns : {true, false}) {
    INFO((columns ? "from columns" : "from values"));
    FacetCountSpy spy(columns ? build_facet_columns(db) : nullptr, {.entities = true});
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query("Xall"));
    enquire.add_matchspy(&spy);
    (void)enquire.get_mset(0, 10, db.get_doccount());
    std::vector<std::tuple<std::string, EntityType, unsigned>> got;
    for (const auto& e : spy.top_entities(std::nullopt, 10)) got.emplace_back(std::string(e.name), e.type, e.count);
    // The spelling most articles use, among those not in capitals.
    CHECK(got == std::vector<std::tuple<std::string, EntityType, unsigned>>{{"New York", EntityType::kPlace, 4},
                                                                            {"London", EntityType::kPlace, 2},
                                                                            {"New York", EntityType::kOrganization, 1}});
  }
}

TEST_CASE("Facet columns are not built for document ids far above the index's size", "[search][facets]") {
  test::TempDir dir;
  Xapian::WritableDatabase w((dir.path() / "db").string(), Xapian::DB_CREATE | Xapian::DB_BACKEND_GLASS);
  Xapian::Document doc;
  doc.add_value(kSlotOutlet, "Alpha");
  w.replace_document(1, doc);
  w.replace_document(2, doc);
  w.commit();
  const auto small = facet_columns(Xapian::Database((dir.path() / "db").string()));
  REQUIRE(small);
  CHECK(small->outlet.ids.size() == 3);  // ids 0 (unused), 1 and 2
  // Two documents, but ids up to 500,000 (deletions leave such gaps): arrays that long
  // per column are not worth it; facets then read the values.
  w.replace_document(500000, doc);
  w.commit();
  CHECK_FALSE(facet_columns(Xapian::Database((dir.path() / "db").string())));
}

TEST_CASE("Facets follow the index as articles are added, changed and removed", "[search][facets]") {
  // Columns built by the searching thread (a Searcher of its own), or in the background
  // (morgued's): then each revision is searched before its columns are built (from the
  // values) and after, and an older revision's columns must not be used for a newer one.
  const bool background = GENERATE(false, true);
  INFO((background ? "columns built in the background" : "columns built by the search"));
  test::TempDir dir;
  const auto db = dir.path() / "index";
  const auto first = dir.path() / "first.jsonl";
  test::write_file(first,
                   R"({"id":"a","outlet":"Alpha","headline":"Harbour strike","body":"Dockers strike.","published":"2024-05-01"})"
                   "\n"
                   R"({"id":"b","outlet":"Beta","headline":"Harbour strike ends","body":"The strike ends.","published":"2024-05-03"})"
                   "\n");
  REQUIRE(indexer::run_pipeline(db, {first}, {}).stats.added == 2);
  const auto columns = background ? std::make_shared<BackgroundFacetColumns>(db) : nullptr;
  Searcher s(db, {.background_columns = columns});
  SearchRequest req;
  req.query = "strike";
  req.facets = {FacetKind::kOutlet, FacetKind::kDate};
  const auto outlets = [&] {
    const auto count = [&] {
      std::map<std::string, unsigned long> out;
      const SearchResponse r = s.search(req);
      for (const auto& v : r.facets.at("outlet")) out[v.value] = v.count;
      return out;
    };
    if (!columns) return count();
    const auto from_values = count();  // this revision's columns are not built yet
    columns->wait_idle();
    CHECK(columns->get(open_index(db)));
    CHECK(count() == from_values);
    return from_values;
  };
  CHECK(outlets() == std::map<std::string, unsigned long>{{"Alpha", 1}, {"Beta", 1}});
  CHECK(s.search(req).facets.at("date").size() == 2);  // by day: 1 and 3 May

  // "a" moves to another outlet, "c" is new: the next search after a refresh counts them.
  const auto second = dir.path() / "second.jsonl";
  test::write_file(second,
                   R"({"id":"a","outlet":"Gamma","headline":"Harbour strike","body":"Dockers strike again.","published":"2024-05-01"})"
                   "\n"
                   R"({"id":"c","outlet":"Gamma","headline":"Strike talks","body":"Talks on the strike.","published":"2024-08-20"})"
                   "\n");
  REQUIRE(indexer::run_pipeline(db, {second}, {}).stats.added == 1);
  REQUIRE(s.refresh());
  CHECK(outlets() == std::map<std::string, unsigned long>{{"Beta", 1}, {"Gamma", 2}});

  indexer::PipelineOptions remove;
  remove.deletes = {"b"};
  REQUIRE(indexer::run_pipeline(db, {}, remove).stats.deleted == 1);
  REQUIRE(s.refresh());
  CHECK(outlets() == std::map<std::string, unsigned long>{{"Gamma", 2}});
  const auto dates = s.search(req).facets.at("date");
  REQUIRE(dates.size() == 2);  // more than two months apart: by month
  CHECK(dates[0].value == "2024-05");
  CHECK(dates[1].value == "2024-08");
  // One build per revision searched: the three above.
  if (columns) CHECK(columns->stats().builds == 3);
}

TEST_CASE("An exact match outranks a stemmed one", "[search][ranking]") {
  test::TempDir dir;
  const auto input = dir.path() / "two.jsonl";
  // The same story twice but for one word: "talks" typed exactly matches only the second.
  test::write_file(
      input,
      R"({"id":"stem","headline":"Harbour news","body":"The union will talk with the port owners on Monday.","published":"2024-05-01"})"
      "\n"
      R"({"id":"exact","headline":"Harbour news","body":"The union will talks with the port owners on Monday.","published":"2024-05-01"})"
      "\n");
  REQUIRE(indexer::run_pipeline(dir.path() / "index", {input}, {}).stats.added == 2);
  Searcher s(dir.path() / "index");
  SearchRequest req;
  req.query = "talks";
  auto r = s.search(req);
  REQUIRE(r.hits.size() == 2);  // the stem matches both
  CHECK(r.hits[0].id == "exact");
  req.query = "talk";
  r = s.search(req);
  REQUIRE(r.hits.size() == 2);
  CHECK(r.hits[0].id == "stem");
}

TEST_CASE("The default ranking puts an exact headline match for a rare word first", "[search][corpus][ranking]") {
  // "progress": in the headline of one article, in the body only of another (three
  // times, in a longer text); no other article has it.
  Searcher s(corpus_index());
  const auto headline = s.find("003_6e6beed36f0e0b2c");
  const auto body = s.find("004_31363c931ec8fce3");
  REQUIRE(headline);
  REQUIRE(body);
  REQUIRE(headline->article.headline.find("Progress") != std::string::npos);
  REQUIRE(body->article.headline.find("rogress") == std::string::npos);
  REQUIRE(body->article.body.find("progress") != std::string::npos);
  for (const bool any : {false, true}) {
    SearchRequest req;
    req.query = "progress";
    req.match_any = any;
    const auto r = s.search(req);
    REQUIRE(r.hits.size() == 2);
    CHECK(r.hits[0].id == "003_6e6beed36f0e0b2c");
  }
}

TEST_CASE("Feedback adds terms from the best matches, only for ranking", "[search][corpus][ranking]") {
  SearchRequest req;
  req.query = "roadmap";
  const auto plain = search("roadmap");
  req.feedback = true;
  const auto fed = search("roadmap", req);
  REQUIRE(plain.hits.size() == 1);
  // match=all: the feedback terms weigh in, the query's words still decide what matches.
  REQUIRE(fed.hits.size() == 1);
  CHECK(fed.hits[0].id == plain.hits[0].id);
  CHECK(fed.hits[0].score > plain.hits[0].score);  // the terms came from it
  // match=any: articles with the feedback terms may match too, after the best ones.
  req.match_any = true;
  const auto any = search("roadmap", req);
  REQUIRE(any.hits.size() >= 1);
  CHECK(any.hits[0].id == plain.hits[0].id);
  CHECK(morgue::parse_flag("feedback", "1"));
  CHECK_FALSE(morgue::parse_flag("feedback", "0"));
  CHECK_THROWS_AS(morgue::parse_flag("feedback", "yes please"), QueryError);
}

TEST_CASE("A query restricted with lang: is stemmed in that language", "[search][lang]") {
  test::TempDir dir;
  const auto input = dir.path() / "de.jsonl";
  test::write_file(
      input,
      R"({"id":"de1","lang":"de","headline":"Schule","body":"Das Kind geht heute in die Schule.","published":"2024-05-01"})"
      "\n"
      R"({"id":"en1","lang":"en","headline":"School","body":"The kind teacher walked to school.","published":"2024-05-01"})"
      "\n");
  REQUIRE(indexer::run_pipeline(dir.path() / "index", {input}, {}).stats.added == 2);
  Searcher s(dir.path() / "index");
  SearchRequest req;
  req.query = "lang:de kindern";  // German Snowball: kindern -> kind; English leaves it alone
  auto r = s.search(req);
  REQUIRE(r.hits.size() == 1);
  CHECK(r.hits[0].id == "de1");
  req.query = "kindern";  // English stemming by default: no match
  CHECK(s.search(req).total == 0);
  req.query = "lang:en teachers";
  r = s.search(req);
  REQUIRE(r.hits.size() == 1);
  CHECK(r.hits[0].id == "en1");
}

TEST_CASE("Kiev finds the articles that write Kyiv, and the response says so", "[search][corpus][entities]") {
  const auto r = search("Kiev");
  CHECK(dates(r) == std::vector<std::string>{"2014-08-27", "2025-05-19", "2025-05-19", "2025-12-03"});
  REQUIRE(r.expanded.size() == 1);
  CHECK(r.expanded[0].word == "kiev");
  CHECK(r.expanded[0].entity == "Kyiv");
  std::map<std::string, unsigned long> counts;
  for (const auto& s : r.expanded[0].spellings) counts[s.spelling] = s.count;
  CHECK(counts["kiev"] == 1);
  CHECK(counts["kyiv"] == 3);
  // In a phrase or as a field value a word is taken as written.
  CHECK(search("\"Kiev\"").hits.size() == 1);
  CHECK(search("\"Kiev\"").expanded.empty());
  // Excluded, every spelling is excluded, and none can be in a match.
  const auto without = search("-Kiev");
  CHECK(dates(without) == std::vector<std::string>{"2025-05-16"});
  REQUIRE(without.expanded.size() == 1);
  for (const auto& s : without.expanded[0].spellings) CHECK(s.count == 0);
}

TEST_CASE("entity: and the entity filter find articles by canonical entity", "[search][corpus][entities]") {
  struct Row {
    const char* query;
    std::vector<std::string> entities;
    std::vector<std::string> dates;
  };
  const Row rows[] = {
      {"entity:\"Petro Poroshenko\"", {}, {"2014-08-27"}},
      {"entity:Poroshenko", {}, {"2014-08-27"}},  // the table's surname alias
      {"entity:\"vladimir putin\" memorandum", {}, {"2025-05-19", "2025-05-19"}},
      {"entity:Putin", {}, {"2014-08-27", "2025-05-16", "2025-05-19", "2025-05-19", "2025-12-03"}},
      {"", {"Volodymyr Zelenskyy"}, {"2025-05-16", "2025-05-19", "2025-12-03"}},
      {"ceasefire", {"Zelensky"}, {"2025-05-16", "2025-05-19"}},
      {"", {"Kiev", "Petro Poroshenko"}, {"2014-08-27"}},  // both
      {"", {"Nobody Known"}, {}},
  };
  for (const auto& row : rows) {
    INFO(row.query << " entities " << row.entities.size());
    SearchRequest req;
    req.entities = row.entities;
    CHECK(dates(search(row.query, req)) == row.dates);
  }
}

TEST_CASE("The entity facet for peace puts Vladimir Putin first among people", "[search][corpus][entities][facets]") {
  SearchRequest req;
  req.limit = 0;
  req.facets = {FacetKind::kPerson, FacetKind::kEntity};
  const auto r = search("peace", req);
  CHECK(r.total == 5);
  const auto& people = r.facets.at("entity.person");
  REQUIRE(people.size() >= 3);
  CHECK(people[0].value == "Vladimir Putin");
  CHECK(people[0].type == "person");
  CHECK(people[0].count == 5);
  CHECK(people[1].count < 5);
  for (const auto& p : people) CHECK(p.type == "person");
  // All types together, each with its type; ties in name order.
  const auto& all = r.facets.at("entity");
  std::set<std::string> types;
  for (const auto& e : all) types.insert(e.type);
  CHECK(types.contains("person"));
  CHECK(types.contains("place"));
  CHECK(types.contains("organization"));
  for (std::size_t i = 1; i < all.size(); ++i) CHECK(all[i - 1].count >= all[i].count);
}

TEST_CASE("Entity suggestions by prefix, most articles first", "[search][corpus][entities]") {
  Searcher s(corpus_index());
  struct Row {
    const char* prefix;
    const char* first;
  };
  const Row rows[] = {{"zel", "Volodymyr Zelenskyy"},
                      {"Vlad", "Vladimir Putin"},
                      {"puti", "Vladimir Putin"},
                      {"kie", "Kyiv"},
                      {"petro p", "Petro Poroshenko"}};
  for (const auto& row : rows) {
    INFO(row.prefix);
    const auto found = s.suggest_entities(row.prefix, std::nullopt, 5);
    REQUIRE_FALSE(found.empty());
    CHECK(found[0].name == row.first);
    for (std::size_t i = 1; i < found.size(); ++i) CHECK(found[i - 1].articles >= found[i].articles);
  }
  const auto places = s.suggest_entities("", EntityType::kPlace, 3);
  REQUIRE(places.size() == 3);
  for (const auto& p : places) CHECK(p.type == EntityType::kPlace);
  CHECK(s.suggest_entities("qqqq", std::nullopt, 5).empty());
}

TEST_CASE("Searchers at the same revision share one entity lexicon, a commit makes another", "[search][entities]") {
  test::TempDir dir;
  const auto db = dir.path() / "index";
  REQUIRE(indexer::run_pipeline(db, {test::corpus_dir()}, {}).stats.added == 5);
  const auto one = entity_lexicon(open_index(db)), two = entity_lexicon(open_index(db));
  CHECK(one == two);  // two handles, one revision: read once
  const auto has = [](const EntityLexicon& lexicon, const std::string& key) {
    for (std::uint32_t i = 0; i < lexicon.size(); ++i)
      if (lexicon.key(i) == key) return true;
    return false;
  };
  CHECK(has(*one, "vladimir putin"));
  CHECK_FALSE(has(*one, "jacinda ardern"));
  const auto more = dir.path() / "more.jsonl";
  test::write_file(more, R"({"id":"nz","outlet":"Alpha","headline":"Wellington talks","body":"Prime Minister Jacinda Ardern met )"
                         R"(Vladimir Putin in Wellington on Tuesday.","published":"2024-05-01"})"
                         "\n");
  REQUIRE(indexer::run_pipeline(db, {more}, {}).stats.added == 1);
  const auto three = entity_lexicon(open_index(db));
  CHECK(three != one);
  CHECK(has(*three, "jacinda ardern"));
}

TEST_CASE("Recency blends freshness into relevance", "[search][corpus][ranking]") {
  const auto plain = search("peace");
  REQUIRE(plain.hits.size() == 5);
  CHECK(plain.hits[0].date == "2025-05-19");
  CHECK_FALSE(plain.recency_half_life_days);

  SearchRequest req;
  req.recency_half_life_days = 30;
  req.asof = Date{2025, 12, 31};
  const auto fresh = search("peace", req);
  REQUIRE(fresh.hits.size() == 5);
  CHECK(fresh.hits[0].date == "2025-12-03");  // four weeks old: nearly its full score
  CHECK(fresh.hits[4].date == "2014-08-27");  // eleven years: nothing left
  CHECK(fresh.asof == "2025-12-31");
  for (std::size_t i = 1; i < fresh.hits.size(); ++i) CHECK(fresh.hits[i - 1].score >= fresh.hits[i].score);
  // The same page twice: offset and limit slice the blended order.
  req.offset = 1;
  req.limit = 2;
  const auto page = search("peace", req);
  REQUIRE(page.hits.size() == 2);
  CHECK(page.hits[0].id == fresh.hits[1].id);
  CHECK(page.hits[1].id == fresh.hits[2].id);
  CHECK(page.hits[0].rank == 2);
  // A long half-life changes little: relevance leads again.
  req = {};
  req.recency_half_life_days = 100 * 365;
  req.asof = Date{2025, 12, 31};
  CHECK(search("peace", req).hits[0].id == plain.hits[0].id);
}

TEST_CASE("Recency still orders by freshness when every score is many half-lives old", "[search][corpus][ranking]") {
  // 2^(-age / half-life) is below the smallest double after ~1,075 half-lives: the
  // blend compares log-scores, so the order stays newest first rather than plain relevance.
  SearchRequest req;
  req.recency_half_life_days = 1;
  req.asof = Date{2100, 1, 1};
  const auto r = search("peace", req);
  REQUIRE(r.hits.size() == 5);
  for (std::size_t i = 1; i < r.hits.size(); ++i) {
    INFO(i);
    CHECK(r.hits[i - 1].date >= r.hits[i].date);
  }
  CHECK(r.hits[0].date == "2025-12-03");
}

TEST_CASE("Paging a recency blend shows every match once, past the re-ranked window too", "[search][corpus][ranking]") {
  // The window of re-ranked best matches is fixed; deeper pages go on in relevance order.
  // Before, the window grew with offset + limit, so pages re-ranked different sets.
  SearcherOptions options;
  options.recency_window = 2;
  Searcher searcher(corpus_index(), options);
  SearchRequest req;
  req.query = "peace";
  req.recency_half_life_days = 30;
  req.asof = Date{2025, 12, 31};
  req.limit = 5;
  const auto all = searcher.search(req);
  REQUIRE(all.hits.size() == 5);
  SearchRequest plain_req;
  plain_req.query = "peace";
  const auto plain = searcher.search(plain_req);
  // Past the window, relevance order.
  for (std::size_t i = 2; i < 5; ++i) CHECK(all.hits[i].id == plain.hits[i].id);
  for (unsigned page_size : {1u, 2u, 3u}) {
    std::vector<std::string> paged;
    for (unsigned offset = 0; offset < 5; offset += page_size) {
      req.offset = offset;
      req.limit = page_size;
      for (const auto& h : searcher.search(req).hits) paged.push_back(h.id);
    }
    INFO("pages of " << page_size);
    CHECK(paged == ids(all));
  }
}

TEST_CASE("Snippets highlight a query word's other forms, the same when stems come from the cache",
          "[search][corpus]") {
  // One Searcher keeps its stem cache across searches (common/stem_cache.h): the second
  // and third runs stem from it, a fresh Searcher does not.
  Searcher searcher(corpus_index());
  for (const char* q : {"agreeing", "fights", "talking peace"}) {
    CAPTURE(q);
    SearchRequest request;
    request.query = q;
    const SearchResponse first = searcher.search(request);
    REQUIRE_FALSE(first.hits.empty());
    for (const Hit& h : first.hits) CHECK(h.snippet.find("<mark>") != std::string::npos);
    const SearchResponse fresh = Searcher(corpus_index()).search(request);
    for (const SearchResponse& again : {searcher.search(request), searcher.search(request), fresh}) {
      REQUIRE(again.hits.size() == first.hits.size());
      for (std::size_t i = 0; i < first.hits.size(); ++i) {
        CHECK(again.hits[i].id == first.hits[i].id);
        CHECK(again.hits[i].snippet == first.hits[i].snippet);
      }
    }
  }
  const SearchResponse r = searcher.search([] {
    SearchRequest request;
    request.query = "agreeing";
    return request;
  }());
  bool stemmed_form = false;
  for (const Hit& h : r.hits)
    stemmed_form |= h.snippet.find("<mark>agreed</mark>") != std::string::npos ||
                    h.snippet.find("<mark>agree</mark>") != std::string::npos;
  CHECK(stemmed_form);
}
