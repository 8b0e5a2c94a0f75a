// Reindexing after crawls: WARC files in, the index keeps each article once, newest text.
#include <map>

#include <catch2/catch.hpp>

#include "common/searcher.h"
#include "indexer/pipeline.h"
#include "tests/test_support.h"

namespace {

using namespace morgue;
namespace fs = std::filesystem;

std::string article_page(const std::string& headline, const std::string& text) {
  std::string paragraphs;
  for (int i = 0; i < 4; ++i) {
    paragraphs += "<p>" + text + " The harbour authority said on Tuesday that paragraph " + std::to_string(i) +
                  " of this report describes the dispute in detail, with quotes from both sides.</p>\n";
  }
  return "<!doctype html><html lang=\"en\"><head><title>" + headline +
         "</title><meta property=\"article:published_time\" content=\"2024-03-05T10:00:00Z\"></head><body>"
         "<nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav><article><h1>" +
         headline + "</h1>\n" + paragraphs + "</article><footer>Subscribe to our newsletter</footer></body></html>";
}

std::string record(const std::string& type, const std::string& uri, const std::string& block,
                   const std::string& content_type) {
  return "WARC/1.0\r\nWARC-Type: " + type + "\r\nWARC-Target-URI: " + uri +
         "\r\nWARC-Date: 2024-03-06T12:00:00Z\r\nWARC-Record-ID: <urn:uuid:" +
         std::to_string(std::hash<std::string>{}(uri + type + block)) + ">\r\nContent-Type: " + content_type +
         "\r\nContent-Length: " + std::to_string(block.size()) + "\r\n\r\n" + block + "\r\n\r\n";
}

std::string response(const std::string& uri, const std::string& html) {
  const std::string http =
      "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: " + std::to_string(html.size()) +
      "\r\n\r\n" + html;
  return record("response", uri, http, "application/http; msgtype=response");
}

std::string revisit(const std::string& uri) {
  return record("revisit", uri, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n",
                "application/http; msgtype=response");
}

}  // namespace

TEST_CASE("Two crawls: changed, new and revisited pages are counted, each article once with its newest text",
          "[crawl][warc]") {
  test::TempDir dir;
  const fs::path db = dir.path() / "index";
  const fs::path crawl1 = dir.path() / "crawl1.warc", crawl2 = dir.path() / "crawl2.warc";
  test::write_file(crawl1,
                   response("https://news.example/a", article_page("Dock strike begins", "Dockers walked out.")) +
                       response("https://news.example/b", article_page("Ferry fares rise", "Fares went up.")));
  test::write_file(crawl2,
                   response("https://news.example/a", article_page("Dock strike ends", "Dockers returned to work.")) +
                       revisit("https://news.example/b") +
                       response("https://news.example/c", article_page("Lighthouse restored", "The lamp shines.")));

  const auto first = indexer::run_pipeline(db, {crawl1}, {});
  CHECK(first.stats.added == 2);
  CHECK(first.stats.failed == 0);

  const auto second = indexer::run_pipeline(db, {crawl2}, {});
  CHECK(second.stats.added == 1);      // c
  CHECK(second.stats.updated == 1);    // a
  CHECK(second.stats.unchanged == 1);  // b, a revisit
  CHECK(second.stats.documents == 3);

  // The same crawl again changes nothing.
  const auto again = indexer::run_pipeline(db, {crawl2}, {});
  CHECK(again.stats.added == 0);
  CHECK(again.stats.updated == 0);
  CHECK(again.stats.unchanged == 3);

  Searcher s(db);
  const auto a = s.find("https://news.example/a");
  REQUIRE(a);
  CHECK(a->article.headline == "Dock strike ends");
  CHECK(a->article.body.find("returned to work") != std::string::npos);
  CHECK(a->article.body.find("walked out") == std::string::npos);
  CHECK(a->article.body.find("newsletter") == std::string::npos);
  SearchRequest req;
  req.query = "dockers";
  CHECK(s.search(req).total == 1);
}

TEST_CASE("Languages are detected, faceted and filtered with lang:", "[crawl][warc][lang]") {
  MORGUE_REQUIRE_CORPUS(samples, "warc-samples");
  test::TempDir dir;
  const fs::path db = dir.path() / "index";
  // A Common Crawl excerpt with pages in several languages.
  const auto r = indexer::run_pipeline(db, {samples / "resiliparse_CC-MAIN-2020-34_excerpt.warc.gz"}, {});
  REQUIRE(r.stats.added > 5);
  Searcher s(db);
  SearchRequest req;
  req.limit = 1;
  req.facets = {FacetKind::kLang};
  const auto all = s.search(req);
  std::map<std::string, unsigned long> langs;
  for (const auto& v : all.facets.at("lang")) langs[v.value] = v.count;
  CHECK(langs.size() >= 3);
  CHECK(langs.count("en") == 1);
  CHECK(langs.count("zh") == 1);
  req.query = "lang:ru";
  const auto ru = s.search(req);
  REQUIRE(ru.total == langs["ru"]);
  REQUIRE(ru.hits.size() == 1);
  CHECK(ru.hits[0].headline.find("компании") != std::string::npos);
}
