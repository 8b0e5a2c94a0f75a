// The relevance bench's readers of the classic collections (../shared/corpora/
// ir-collections): every document and query is read, the judgements name them, and
// the documents go through morgue's own JSON Lines reader and index whole.
#include <set>

#include <catch2/catch.hpp>

#include "bench/relevance/collections.h"
#include "indexer/pipeline.h"
#include "indexer/readers/jsonl.h"
#include "tests/collection_index.h"
#include "tests/test_support.h"

using namespace morgue;
using namespace morgue::bench;
namespace fs = std::filesystem;

namespace {

const Collection& collection(std::string_view name) {
  const Collection* found = nullptr;
  for (const Collection& c : collections()) {
    if (c.name == name) found = &c;
  }
  REQUIRE(found);
  return *found;
}

std::size_t judgement_count(const Qrels& qrels) {
  std::size_t n = 0;
  for (const auto& [query, judged] : qrels) n += judged.size();
  return n;
}

}  // namespace

TEST_CASE("Each collection's documents, queries and judgements are read whole", "[relevance][corpora]") {
  MORGUE_REQUIRE_CORPUS(root, "ir-collections");
  struct Row {
    const char* name;
    std::size_t documents, queries, judged_queries, judgements;
  };
  // As the collections' README counts them.
  const Row rows[] = {
      {"cranfield", 1400, 225, 225, 1837},
      {"cisi", 1460, 112, 76, 3114},
      {"medline", 1033, 30, 30, 696},
  };
  for (const auto& row : rows) {
    INFO(row.name);
    const Collection& c = collection(row.name);
    CHECK(c.documents == row.documents);
    CHECK(c.query_count == row.queries);
    const auto docs = load_documents(c, root);
    const auto queries = load_queries(c, root);
    const Qrels qrels = load_qrels(c, root);
    CHECK(docs.size() == row.documents);
    CHECK(queries.size() == row.queries);
    CHECK(qrels.size() == row.judged_queries);
    CHECK(judgement_count(qrels) == row.judgements);

    std::set<std::string> docnos, query_ids;
    for (const auto& d : docs) docnos.insert(d.docno);
    for (const auto& q : queries) {
      query_ids.insert(q.id);
      CHECK_FALSE(q.text.empty());
    }
    CHECK(docnos.size() == docs.size());
    CHECK(query_ids.size() == queries.size());
    // Every judgement names a query and a document that exist.
    for (const auto& [query, judged] : qrels) {
      CHECK(query_ids.contains(query));
      for (const auto& [docno, grade] : judged) CHECK(docnos.contains(docno));
    }
  }
}

TEST_CASE("Cranfield: judgements number the queries in file order, codes become grades", "[relevance][corpora]") {
  MORGUE_REQUIRE_CORPUS(root, "ir-collections");
  const Collection& c = collection("cranfield");
  const auto queries = load_queries(c, root);
  const auto docs = load_documents(c, root);
  const Qrels qrels = load_qrels(c, root);
  // cran.qry's third query is ".I 004"; cranqrel calls it 3, and its first judged
  // document (5, code 3) is about what it asks.
  REQUIRE(queries.size() >= 3);
  CHECK(queries[2].id == "3");
  CHECK(queries[2].text == "what problems of heat conduction in composite slabs have been solved so far .");
  CHECK(qrels.at("3").at("5") == 2);
  CHECK(docs[4].docno == "5");
  CHECK(docs[4].title.find("heat conduction") != std::string::npos);
  CHECK(queries.back().id == "225");
  // "1 184 2" (high relevance) -> 3; "1 486 -1" (no interest) -> 0, judged not relevant.
  CHECK(qrels.at("1").at("184") == 3);
  CHECK(qrels.at("1").at("486") == 0);
  std::map<int, std::size_t> grades;
  for (const auto& [query, judged] : qrels) {
    for (const auto& [docno, grade] : judged) ++grades[grade];
  }
  // cranqrel's codes 1, 2, 3, 4, -1 counted: 128, 387, 734, 363, 225.
  CHECK(grades == std::map<int, std::size_t>{{0, 225}, {1, 363}, {2, 734}, {3, 387}, {4, 128}});
}

// Cranfield 471 and 995 are empty records (".T", ".A", ".B", ".W" and nothing else):
// morgue's reader reports them and indexes the other 1,398. (995 is judged relevant
// to query 125, which no system can find.)
TEST_CASE("Each collection goes through morgue's JSON Lines reader and index whole", "[relevance][corpora]") {
  MORGUE_REQUIRE_CORPUS(root, "ir-collections");
  for (const Collection& c : collections()) {
    INFO(c.name);
    const bool cranfield = std::string_view(c.name) == "cranfield";
    const std::vector<std::string> empty_docnos =
        cranfield ? std::vector<std::string>{"471", "995"} : std::vector<std::string>{};
    const auto docs = load_documents(c, root);
    test::TempDir dir;
    const test::CollectionIndex indexed = test::index_collection(docs, dir.path());
    const fs::path& jsonl = indexed.jsonl;
    const indexer::FieldMapping mapping = indexer::parse_field_mapping(kMorgueFieldMapping);
    std::vector<Article> articles;
    std::vector<std::string> errors;
    indexer::read_jsonl(jsonl, mapping,
                        {[&](Article&& a) { articles.push_back(std::move(a)); },
                         [&](const InputError& e) { errors.push_back(e.what()); },
                         [](const std::string&, const std::string&) {}, nullptr});
    // Every line is read: an article, or an error for an empty record.
    REQUIRE(errors.size() == empty_docnos.size());
    for (std::size_t i = 0; i < errors.size(); ++i) {
      CHECK(errors[i] == jsonl.string() + ":" + empty_docnos[i] + ": no text: \"title\" and \"text\" are empty");
    }
    REQUIRE(articles.size() + errors.size() == docs.size());
    std::size_t next = 0;
    for (const Document& d : docs) {
      if (d.title.empty() && d.text.empty()) continue;
      const Article& a = articles[next++];
      CHECK(a.id == d.docno);
      CHECK(a.body == d.text);
      if (!d.title.empty()) CHECK(a.headline == d.title);
      CHECK(a.authors.empty());  // unmapped: they would lengthen the documents
      CHECK(a.lang == "en");     // said by the JSON Lines, not detected
    }

    const indexer::PipelineResult& result = indexed.result;
    CHECK(result.stats.failed == empty_docnos.size());
    CHECK(result.stats.added == c.documents - empty_docnos.size());
    CHECK(result.stats.documents == c.documents - empty_docnos.size());
  }
}
