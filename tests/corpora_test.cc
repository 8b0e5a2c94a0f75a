// End to end on the real corpora in ../shared/corpora: every record indexed, real answers.
#include <set>

#include <catch2/catch.hpp>

#include "common/date.h"
#include "common/entity_lexicon.h"
#include "common/index_location.h"
#include "common/schema.h"
#include "common/searcher.h"
#include "indexer/pipeline.h"
#include "indexer/readers/jsonl.h"
#include "tests/facet_check.h"
#include "tests/test_support.h"

using namespace morgue;
namespace fs = std::filesystem;

TEST_CASE("All 21,578 Reuters-21578 records are indexed and date filters hold", "[corpora][reuters]") {
  MORGUE_REQUIRE_CORPUS(reuters, "reuters21578");
  test::TempDir dir;
  const fs::path db = dir.path() / "index";
  std::vector<std::string> messages;
  indexer::PipelineCallbacks cb;
  cb.message = [&](const std::string& m) { messages.push_back(m); };
  // Entities have their own test below, on a part of the collection: tagging all of it
  // takes minutes under the sanitizers.
  indexer::PipelineOptions untagged;
  untagged.writer.entities = false;
  const auto r = indexer::run_pipeline(db, {reuters}, untagged, cb);
  INFO((messages.empty() ? std::string() : messages.front()));
  CHECK(r.stats.failed == 0);
  CHECK(r.stats.added == 21578);
  CHECK(r.stats.documents == 21578);

  Searcher s(db);
  SearchRequest req;
  req.to = Date{1987, 3, 1};
  req.facets = {FacetKind::kDate};
  req.limit = 100;
  const auto early = s.search(req);
  REQUIRE(early.total > 0);
  CHECK(early.total_exact);
  CHECK(early.date_facet_interval == "day");
  for (const auto& v : early.facets.at("date")) {
    INFO(v.value);
    CHECK(v.value >= "1987-02-26");
    CHECK(v.value <= "1987-03-01");
  }
  for (const auto& h : early.hits) CHECK((h.date >= "1987-02-26" && h.date <= "1987-03-01"));

  // Filtered through the date terms, the same articles as through the value slot.
  const Xapian::Database xdb(live_generation(db)->string());
  const std::optional<Date> open;
  const std::pair<std::optional<Date>, std::optional<Date>> ranges[] = {
      {open, Date{1987, 3, 1}},           {Date{1987, 3, 1}, Date{1987, 3, 31}},  {Date{1987, 4, 1}, open},
      {Date{1987, 2, 26}, Date{1987, 2, 26}}, {Date{1986, 12, 25}, Date{1987, 3, 5}}, {Date{1987, 10, 19}, Date{1988, 1, 1}},
      {Date{1987, 3, 15}, Date{1987, 6, 14}}, {Date{1988, 1, 1}, open},              {open, Date{1987, 2, 25}},
  };
  for (const auto& [from, to] : ranges) {
    INFO((from ? format_iso(*from) : "open") << ".." << (to ? format_iso(*to) : "open"));
    Xapian::Enquire e(xdb);
    e.set_query(Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query("Zoil"),
                              Xapian::Query(Xapian::Query::OP_VALUE_RANGE, kSlotDate,
                                            from ? format_compact(*from) : "00000000",
                                            to ? format_compact(*to) : "99999999")));
    const auto expected = e.get_mset(0, 0, xdb.get_doccount()).get_matches_estimated();
    SearchRequest q;
    q.query = "oil";
    q.from = from;
    q.to = to;
    q.facets = {FacetKind::kDate};  // an exact total
    const auto found = s.search(q);
    CHECK(found.total_exact);
    CHECK(found.total == expected);
    for (const auto& h : found.hits) {
      if (from) CHECK(h.date >= format_iso(*from));
      if (to) CHECK(h.date <= format_iso(*to));
    }
  }

  req = {};
  req.query = "cocoa";
  req.to = Date{1987, 3, 1};
  const auto cocoa = s.search(req);
  REQUIRE_FALSE(cocoa.hits.empty());
  CHECK(cocoa.hits[0].outlet == "Reuters");
  const auto bahia = s.find("reuters-1");
  REQUIRE(bahia);
  CHECK(bahia->article.headline == "BAHIA COCOA REVIEW");
  CHECK(bahia->article.published == Date{1987, 2, 26});
}

TEST_CASE("Reuters-21578 stories are about the 1987 people the alias table names", "[corpora][reuters][entities]") {
  MORGUE_REQUIRE_CORPUS(reuters, "reuters21578");
  test::TempDir dir;
  const fs::path db = dir.path() / "index";
  std::vector<fs::path> files;
  for (const char* f : {"reut2-000.sgm", "reut2-001.sgm", "reut2-002.sgm", "reut2-003.sgm"})
    files.push_back(reuters / f);
  REQUIRE(indexer::run_pipeline(db, files, {}).stats.added == 4000);
  // Reuters writes "Baker", "James Baker", "Treasury Secretary James Baker": one person.
  Searcher s(db);
  SearchRequest req;
  req.query = "dollar";
  req.limit = 0;
  req.facets = {FacetKind::kPerson};
  const auto dollar = s.search(req);
  const auto& people = dollar.facets.at("entity.person");
  REQUIRE(people.size() > 8);
  CHECK(people[0].value == "James Baker");
  std::set<std::string> top;
  for (std::size_t i = 0; i < 8; ++i) top.insert(people[i].value);
  CHECK(top.contains("Ronald Reagan"));
  CHECK(top.contains("Paul Volcker"));
  req.query = "entity:opec";
  const auto opec = s.search(req);
  CHECK(opec.total > 20);
  CHECK(s.search([] {
           SearchRequest r;
           r.query = "entity:\"West Germany\"";
           return r;
         }())
            .total > 50);

  // The facets' in-memory columns count as each match's values do, on 4,000 tagged stories.
  const Xapian::Database xdb = open_index(db);
  CHECK(test::check_facet_columns_agree(xdb, "") == 4000);
  for (const char* q : {"dollar", "oil prices", "\"interest rates\"", "entity:opec", "-dollar"})
    CHECK(test::check_facet_columns_agree(xdb, q) > 20);
  CHECK(test::check_facet_columns_agree(xdb, "qqqnosuchword") == 0);
  // And sort by date from the date column as by the date slot (many stories a day: ties
  // go by relevance).
  for (const char* q : {"", "dollar", "oil prices"}) CHECK(test::check_date_order_agrees(xdb, q) > 100);

  // Entity suggestions find by binary search what reading every entity term finds: the
  // keys that start with the prefix or have a word that does, most articles first.
  const EntityLexicon lexicon(xdb);
  std::vector<std::pair<std::string, Xapian::doccount>> every;
  const std::string prefix(field(FieldId::kEntity).prefix);
  for (auto it = xdb.allterms_begin(prefix); it != xdb.allterms_end(prefix); ++it)
    every.emplace_back((*it).substr(prefix.size()), it.get_termfreq());
  REQUIRE(lexicon.size() == every.size());
  REQUIRE(every.size() > 2000);
  for (const char* p : {"ba", "baker", "james b", "west", "ger", "bank of", "u", "zz", "opec", "new york"}) {
    INFO(p);
    std::vector<std::pair<std::string, Xapian::doccount>> expected;
    for (const auto& [key, n] : every)
      if (key.starts_with(p) || key.find(std::string(" ") + p) != std::string::npos) expected.emplace_back(key, n);
    std::sort(expected.begin(), expected.end(),
              [](const auto& a, const auto& b) { return a.second != b.second ? a.second > b.second : a.first < b.first; });
    std::vector<std::pair<std::string, Xapian::doccount>> found;
    for (const auto i : lexicon.matching(p, {})) found.emplace_back(lexicon.key(i), lexicon.articles(i));
    CHECK(found == expected);
  }
  CHECK(lexicon.matching("", {}).size() == every.size());
  // Keys given besides (what aliases point at) join in their place by count, once.
  const auto with_also = lexicon.matching("zz", {every[0].first, every[1].first, "no such key"});
  CHECK(with_also.size() == 2);
}

TEST_CASE("All 8,570 AllSides articles index through a field mapping, with their outlets", "[corpora][allsides]") {
  MORGUE_REQUIRE_CORPUS(allsides, "allsides-news-2019-2020");
  test::TempDir dir;
  const fs::path db = dir.path() / "index";
  indexer::PipelineOptions opts;
  opts.sources.mapping = indexer::parse_field_mapping(
      "id=ID,outlet=source,published=date,headline=title,body=content_original,authors=authors");
  // Entities are tested on corpus/ and Reuters; tagging 8,570 long articles would
  // double this test's time (under the sanitizers too) for nothing new.
  opts.writer.entities = false;
  const auto r = indexer::run_pipeline(db, {allsides}, opts, {});
  CHECK(r.stats.failed == 0);
  CHECK(r.stats.read() == 8570);
  // Three URLs occur twice in the corpus (the same story under two records, same
  // date): by URL identity they are one document each, the first read.
  CHECK(r.stats.documents == 8567);
  CHECK(r.stats.added == 8567);
  CHECK(r.stats.skipped.at(kSkippedReadTwice) == 3);

  const Xapian::Database xdb = open_index(db);
  std::set<std::string> outlets;
  for (auto it = xdb.valuestream_begin(kSlotOutlet); it != xdb.valuestream_end(kSlotOutlet); ++it) {
    outlets.insert(*it);
  }
  // 236 outlets in the corpus; AllSides' own one record has the URL of a MarketWatch
  // story read before it, and the first read stays.
  CHECK(outlets.size() == 235);

  Searcher s(db);
  SearchRequest req;
  req.query = "impeachment";
  req.outlets = {"Vox"};
  req.from = Date{2019, 12, 1};
  req.to = Date{2019, 12, 31};
  const auto res = s.search(req);
  REQUIRE_FALSE(res.hits.empty());
  for (const auto& h : res.hits) {
    CHECK(h.outlet == "Vox");
    CHECK(h.date.starts_with("2019-12"));
  }
  // 235 outlets over two years: the columns count as the values do.
  CHECK(test::check_facet_columns_agree(xdb, "") == 8567);
  for (const char* q : {"impeachment", "trump biden", "\"green new deal\""})
    CHECK(test::check_facet_columns_agree(xdb, q) > 20);
  for (const char* q : {"", "impeachment"}) CHECK(test::check_date_order_agrees(xdb, q) > 100);
}
