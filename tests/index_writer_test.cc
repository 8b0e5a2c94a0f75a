// Incremental indexing, rebuild swaps, bad input and interrupted runs.
#include <csignal>
#include <set>
#include <thread>

#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include "common/errors.h"
#include "common/index_location.h"
#include "common/schema.h"
#include "common/searcher.h"
#include "indexer/pipeline.h"
#include "indexer/progress.h"
#include "tests/test_support.h"

namespace {

using namespace morgue;
namespace fs = std::filesystem;

indexer::PipelineResult index(const fs::path& db, const std::vector<fs::path>& inputs,
                              indexer::PipelineOptions options = {}, std::vector<std::string>* messages = nullptr) {
  indexer::PipelineCallbacks cb;
  cb.message = [messages](const std::string& m) {
    if (messages) messages->push_back(m);
  };
  return indexer::run_pipeline(db, inputs, options, cb);
}

// A JSON Lines file of n small articles with distinct URLs.
void write_jsonl(const fs::path& p, int n, const std::string& tag = "") {
  std::string s;
  for (int i = 0; i < n; ++i) {
    s += R"({"url":"https://example.org/story/)" + std::to_string(i) + R"(","outlet":"Example Times",)" +
         R"("published":"2024-03-)" + (i % 28 < 9 ? "0" : "") + std::to_string(i % 28 + 1) + R"(",)" +
         R"("headline":"Story number )" + std::to_string(i) + R"(","body":"Harbour cranes and )" + tag +
         R"( shipping news, item )" + std::to_string(i) + R"(."})" + "\n";
  }
  test::write_file(p, s);
}

}  // namespace

TEST_CASE("Indexing corpus/ twice leaves five documents, all unchanged the second time", "[indexer]") {
  test::TempDir dir;
  const fs::path db = dir.path() / "index";
  auto first = index(db, {test::corpus_dir()});
  CHECK(first.stats.added == 5);
  CHECK(first.stats.failed == 0);
  auto second = index(db, {test::corpus_dir()});
  CHECK(second.stats.added == 0);
  CHECK(second.stats.unchanged == 5);
  CHECK(second.stats.documents == 5);
  CHECK(Searcher(db).doc_count() == 5);
}

TEST_CASE("A changed article replaces its old version", "[indexer]") {
  test::TempDir dir;
  const fs::path db = dir.path() / "index", input = dir.path() / "a.jsonl";
  write_jsonl(input, 10, "ferry");
  CHECK(index(db, {input}).stats.added == 10);
  write_jsonl(input, 12, "tugboat");  // all ten change, two are new
  const auto r = index(db, {input});
  CHECK(r.stats.updated == 10);
  CHECK(r.stats.added == 2);
  CHECK(r.stats.documents == 12);
  SearchRequest req;
  req.query = "ferry";
  Searcher s(db);
  CHECK(s.search(req).total == 0);
  req.query = "tugboat";
  CHECK(s.search(req).total == 12);
}

TEST_CASE("An article read twice in one run keeps the first unless the second is newer, and a re-run changes nothing",
          "[indexer]") {
  // AllSides has three URLs twice, same date, other text: every re-run replaced the
  // first by the second and back ("6 updated"), never settling.
  struct Row {
    const char* first_date;
    const char* second_date;
    const char* kept;  // the body word the index keeps
  };
  const Row rows[] = {
      {"2024-01-02", "2024-01-02", "alpha"},  // same date: the first stays
      {"2024-01-02", "2024-01-05", "bravo"},  // a newer one replaces it
      {"2024-01-05", "2024-01-02", "alpha"},  // an older one does not
      {"2024-01-02", "", "alpha"},            // nor an undated one
      {"", "2024-01-02", "alpha"},            // nor a dated one after an undated one
  };
  for (const auto& row : rows) {
    INFO(row.first_date << " then " << row.second_date);
    test::TempDir dir;
    const fs::path db = dir.path() / "index", input = dir.path() / "d.jsonl";
    auto line = [](const char* date, const char* word) {
      return std::string(R"({"id":"x1","headline":"Harbour news","body":")") + word + R"( harbour report")" +
             (*date ? std::string(R"(,"published":")") + date + '"' : std::string()) + "}\n";
    };
    test::write_file(input, line(row.first_date, "alpha") + line(row.second_date, "bravo"));
    for (int run = 1; run <= 3; ++run) {
      INFO("run " << run);
      for (bool rebuild : {false, true}) {
        if (run == 1 && rebuild) continue;
        indexer::PipelineOptions options;
        options.writer.rebuild = rebuild && run == 3;
        const auto r = index(db, {input}, options);
        CHECK(r.stats.failed == 0);
        CHECK(r.stats.documents == 1);
        if (run > 1 && !options.writer.rebuild) {
          CHECK(r.stats.added == 0);
          CHECK(r.stats.updated == 0);
          CHECK(r.stats.unchanged == 1);
        }
        SearchRequest req;
        req.query = row.kept;
        CHECK(Searcher(db).search(req).total == 1);
      }
    }
  }
}

TEST_CASE("A broken JSON line is reported by line number and the rest is indexed", "[indexer][errors]") {
  test::TempDir dir;
  const fs::path input = dir.path() / "mixed.jsonl";
  test::write_file(input, R"({"id":"a1","headline":"First","body":"Harbour cranes.","published":"2024-01-02"})"
                          "\n"
                          R"({"id":"a2","headline":"Broken", "body": )"
                          "\n"
                          R"({"id":"a3","headline":"Third","body":"Dock strike.","published":"2024-01-03"})"
                          "\n"
                          R"({"id":"a4","headline":"Bad date","body":"Text.","published":"2024-02-30"})"
                          "\n");
  std::vector<std::string> messages;
  const auto r = index(dir.path() / "index", {input}, {}, &messages);
  CHECK(r.stats.added == 2);
  CHECK(r.stats.failed == 2);
  REQUIRE(messages.size() == 2);
  CHECK(messages[0].find("mixed.jsonl:2:") != std::string::npos);
  CHECK(messages[1].find("mixed.jsonl:4:") != std::string::npos);
}

TEST_CASE("Deleting removes an article by id", "[indexer]") {
  test::TempDir dir;
  const fs::path db = dir.path() / "index";
  REQUIRE(index(db, {test::corpus_dir()}).stats.added == 5);
  indexer::PipelineOptions opts;
  opts.deletes = {"000_42efc17f8a286118", "not-there"};
  const auto r = index(db, {}, opts);
  CHECK(r.stats.deleted == 1);
  CHECK(r.stats.failed == 1);
  CHECK(r.stats.documents == 4);
}

TEST_CASE("A rebuild swaps in a compacted generation and open readers keep working", "[indexer][rebuild]") {
  test::TempDir dir;
  const fs::path db = dir.path() / "index", input = dir.path() / "a.jsonl";
  write_jsonl(input, 50, "ferry");
  REQUIRE(index(db, {input}).stats.added == 50);
  const auto before = live_generation(db);
  Searcher reader(db);
  const std::string gen_before = reader.generation();

  write_jsonl(input, 30, "tugboat");
  indexer::PipelineOptions opts;
  opts.writer.rebuild = true;
  const auto r = index(db, {input}, opts);
  CHECK(r.stats.added == 30);
  CHECK(r.stats.documents == 30);
  CHECK(live_generation(db) != before);

  SearchRequest req;
  req.query = "ferry";
  CHECK(reader.search(req).total == 50);  // still on the old generation
  CHECK(reader.refresh());
  CHECK(reader.generation() != gen_before);
  CHECK(reader.search(req).total == 0);
  req.query = "tugboat";
  CHECK(reader.search(req).total == 30);
}

TEST_CASE("An index of another schema version is refused with a clear message", "[indexer][errors]") {
  test::TempDir dir;
  const fs::path db = dir.path() / "index";
  REQUIRE(index(db, {test::corpus_dir()}).stats.added == 5);
  {
    Xapian::WritableDatabase w(live_generation(db)->string());
    w.set_metadata(kSchemaVersionKey, "999");
    w.commit();
  }
  try {
    Searcher s(db);
    FAIL("opened an index of another schema version");
  } catch (const IndexUnavailable& e) {
    CHECK_THAT(e.what(), Catch::Contains("schema version 999") && Catch::Contains("--rebuild"));
  }
  CHECK_THROWS_AS(index(db, {test::corpus_dir()}), IndexUnavailable);
}

TEST_CASE("Another program's Xapian database is left alone, with or without --rebuild", "[indexer][errors]") {
  test::TempDir dir;
  const fs::path db = dir.path() / "theirs";
  {
    Xapian::WritableDatabase theirs(db.string(), Xapian::DB_CREATE | Xapian::DB_BACKEND_GLASS);
    Xapian::Document doc;
    doc.add_term("hello");
    theirs.add_document(doc);
    theirs.commit();
  }
  const auto listing = [&] {
    std::set<std::string> names;
    for (const auto& e : fs::directory_iterator(db)) names.insert(e.path().filename().string());
    return names;
  };
  const std::set<std::string> before = listing();
  for (const bool rebuild : {false, true}) {
    INFO((rebuild ? "--rebuild" : "update"));
    indexer::PipelineOptions options;
    options.writer.rebuild = rebuild;
    try {
      (void)index(db, {test::corpus_dir()}, options);
      FAIL("indexed into another program's database");
    } catch (const IndexUnavailable& e) {
      // Not told to --rebuild into it: the folder is not morgue's.
      CHECK_THAT(e.what(), Catch::Contains("not a morgue index") && !Catch::Contains("--rebuild"));
    }
    // Nothing written beside it (no stub that Xapian's tools would not follow, no
    // generation, no lock file), and it still holds its document.
    CHECK(listing() == before);
    CHECK(Xapian::Database(db.string()).get_doccount() == 1);
  }
  CHECK_THROWS_WITH(Searcher(db), Catch::Contains("not a morgue index"));
}

TEST_CASE("kill -9 mid-run leaves the last commit searchable and the next run completes", "[indexer][crash]") {
  test::TempDir dir;
  const fs::path db = dir.path() / "index", input = dir.path() / "big.jsonl";
  constexpr int kArticles = 20000;
  // The first run into an empty --db builds and swaps in a whole index; what a kill
  // must not lose is an update of a live index, committed batch by batch.
  REQUIRE(index(db, {test::corpus_dir()}).stats.added == 5);
  write_jsonl(input, kArticles, "ferry");
  const pid_t child = fork();
  REQUIRE(child >= 0);
  // Tagging entities would only make 20,000 articles slow (under the sanitizers above all).
  indexer::PipelineOptions untagged;
  untagged.writer.entities = false;
  if (child == 0) {
    indexer::PipelineOptions opts = untagged;
    opts.writer.batch_size = 200;
    (void)indexer::run_pipeline(db, {input}, opts, {});
    _exit(0);
  }
  // Kill once a batch is committed, well before the end.
  Xapian::doccount seen = 5;
  for (int i = 0; i < 500 && seen == 5; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    try {
      seen = Searcher(db).doc_count();
    } catch (const IndexUnavailable&) {
    }
  }
  kill(child, SIGKILL);
  int status = 0;
  waitpid(child, &status, 0);
  const Xapian::doccount committed = Searcher(db).doc_count() - 5;
  CHECK(committed > 0);
  CHECK(committed % 200 == 0);
  CHECK(committed < static_cast<Xapian::doccount>(kArticles));

  const auto r = index(db, {input}, untagged);
  CHECK(r.stats.unchanged == committed);
  CHECK(r.stats.added == kArticles - committed);
  CHECK(r.stats.documents == static_cast<Xapian::doccount>(kArticles) + 5);
}

TEST_CASE("A rebuild that reads no article, or names a missing input, leaves the live index as it was",
          "[indexer][rebuild]") {
  // It swapped in the empty build: the live index's articles were gone.
  test::TempDir dir;
  const fs::path db = dir.path() / "index", input = dir.path() / "a.jsonl", broken = dir.path() / "broken.jsonl";
  write_jsonl(input, 4);
  REQUIRE(index(db, {input}).stats.added == 4);
  test::write_file(broken, "{not json\n[1,2]\n");
  indexer::PipelineOptions rebuild;
  rebuild.writer.rebuild = true;
  for (const std::vector<fs::path>& inputs :
       {std::vector<fs::path>{broken}, std::vector<fs::path>{}, std::vector<fs::path>{dir.path() / "empty-folder"}}) {
    fs::create_directories(dir.path() / "empty-folder");
    INFO(inputs.size());
    const auto r = index(db, inputs, rebuild);
    CHECK(r.abandoned);
    CHECK(r.nothing_read);
    CHECK(r.stats.documents == 4);
    CHECK(Searcher(db).doc_count() == 4);
  }
  // One input of several missing: refused before anything is read.
  CHECK_THROWS_AS(index(db, {input, dir.path() / "typo.jsonl"}, rebuild), Error);
  CHECK(Searcher(db).doc_count() == 4);
  // A rebuild that reads articles still swaps.
  write_jsonl(input, 2);
  const auto r = index(db, {input}, rebuild);
  CHECK_FALSE(r.abandoned);
  CHECK(Searcher(db).doc_count() == 2);
}

TEST_CASE("An interrupted build leaves the live index as it was", "[indexer][rebuild]") {
  test::TempDir dir;
  const fs::path db = dir.path() / "index", input = dir.path() / "a.jsonl";
  REQUIRE(index(db, {test::corpus_dir()}).stats.added == 5);
  write_jsonl(input, 300, "ferry");
  indexer::PipelineOptions opts;
  opts.writer.rebuild = true;
  indexer::PipelineCallbacks cb;
  int seen = 0;
  cb.interrupted = [&] { return ++seen > 100; };
  const auto r = indexer::run_pipeline(db, {input}, opts, cb);
  CHECK(r.interrupted);
  CHECK(r.abandoned);
  CHECK(Searcher(db).doc_count() == 5);
  // Nothing is left behind but the live generation.
  int generations = 0;
  for (const auto& e : fs::directory_iterator(db)) generations += e.is_directory();
  CHECK(generations == 1);
}

TEST_CASE("Building uses several shards and merges them into one compacted index", "[indexer][rebuild]") {
  test::TempDir dir;
  const fs::path db = dir.path() / "index", input = dir.path() / "a.jsonl";
  write_jsonl(input, 1000, "ferry");
  // The first 400 articles again: duplicates must meet in the same shard.
  write_jsonl(dir.path() / "b.jsonl", 400, "ferry");
  indexer::PipelineOptions opts;
  opts.writer.shards = 3;
  opts.writer.entities = false;
  const auto r = index(db, {input, dir.path() / "b.jsonl"}, opts);
  CHECK(r.stats.added == 1000);
  CHECK(r.stats.unchanged == 400);
  CHECK(r.stats.documents == 1000);
  SearchRequest req;
  req.query = "\"story number 417\"";
  CHECK(Searcher(db).search(req).total == 1);
}

TEST_CASE("The summary line counts one article as one article", "[indexer]") {
  // It said "1 articles".
  IndexStats one;
  one.added = 1;
  CHECK(indexer::summary_line(one).starts_with("1 article in "));
  IndexStats five;
  five.unchanged = 5;
  CHECK(indexer::summary_line(five).starts_with("5 articles in "));
}
