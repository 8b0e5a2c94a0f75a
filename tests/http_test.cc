// morgued's endpoints end to end: corpus/ and Reuters-21578 indexed in a temporary
// directory, the server in-process on an ephemeral port, httplib::Client talking to it.
#include <chrono>
#include <thread>

#include <catch2/catch.hpp>

#include <algorithm>
#include <iostream>
#include <sstream>

#include <rapidjson/pointer.h>

#include "common/json_writer.h"
#include "common/searcher.h"
#include "indexer/pipeline.h"
#include "searchd/handlers.h"
#include "tests/test_daemon.h"
#include "tests/test_support.h"

namespace {

using namespace morgue;
using test::parse_json;
using test::TestDaemon;

const std::filesystem::path& corpus_index() {
  static test::TempDir dir;
  static const std::filesystem::path db = [] {
    const auto p = dir.path() / "index";
    const auto r = indexer::run_pipeline(p, {test::corpus_dir()}, {});
    REQUIRE(r.stats.added == 5);
    return p;
  }();
  return db;
}

TestDaemon& corpus_daemon() {
  static TestDaemon daemon(corpus_index());
  return daemon;
}

std::vector<std::string> hit_field(const rapidjson::Document& doc, const char* field) {
  std::vector<std::string> out;
  for (const auto& h : doc["hits"].GetArray()) out.emplace_back(h[field].GetString());
  return out;
}

void check_error(const TestDaemon::Answer& a, int status, const char* code, const char* parameter) {
  INFO("body: " << a.body);
  CHECK(a.status == status);
  CHECK(a.content_type == "application/json");
  const auto doc = parse_json(a.body);
  REQUIRE(doc.IsObject());
  REQUIRE(doc.HasMember("error"));
  CHECK(std::string(doc["error"]["code"].GetString()) == code);
  CHECK(std::string(doc["error"]["message"].GetString()).size() > 5);
  if (parameter) {
    REQUIRE(doc["error"].HasMember("parameter"));
    CHECK(std::string(doc["error"]["parameter"].GetString()) == parameter);
  }
}

}  // namespace

TEST_CASE("GET /search answers with facets what morgue-search --json prints", "[http][corpus]") {
  const auto a = corpus_daemon().get("/search?q=ceasefire&from=2025-05-01&facets=outlet,date");
  REQUIRE(a.status == 200);
  CHECK(a.content_type == "application/json");
  auto got = parse_json(a.body);
  REQUIRE(got.IsObject());
  CHECK(got["total"].GetUint() == 3);
  CHECK_FALSE(got["partial"].GetBool());
  CHECK(got["took_ms"].IsNumber());
  CHECK(std::string(got["date_interval"].GetString()) == "day");  // 16..19 May: a short span
  const auto& dates = got["facets"]["date"];
  REQUIRE(dates.Size() == 2);
  CHECK(std::string(dates[0]["value"].GetString()) == "2025-05-16");
  CHECK(dates[0]["count"].GetUint() == 1);
  CHECK(std::string(dates[1]["value"].GetString()) == "2025-05-19");
  CHECK(dates[1]["count"].GetUint() == 2);
  const auto& outlets = got["facets"]["outlet"];
  REQUIRE(outlets.Size() == 1);
  CHECK(std::string(outlets[0]["value"].GetString()) == "Axios");

  // One code path: the library's own answer, field for field but the time taken.
  SearchRequest request;
  request.query = "ceasefire";
  request.from = parse_date_param("from", "2025-05-01");
  request.facets = {FacetKind::kOutlet, FacetKind::kDate};
  Searcher searcher(corpus_index());
  auto want = parse_json(to_json(searcher.search(request)));
  got.RemoveMember("took_ms");
  want.RemoveMember("took_ms");
  CHECK(got == want);
}

TEST_CASE("GET /search: month histogram, outlets, sort, paging", "[http][corpus]") {
  auto& d = corpus_daemon();
  SECTION("a long span is counted per month over all matches") {
    const auto doc = parse_json(d.get("/search?q=ceasefire&facets=date&limit=1").body);
    CHECK(doc["hits"].Size() == 1);
    CHECK(std::string(doc["date_interval"].GetString()) == "month");
    std::vector<std::pair<std::string, unsigned>> months;
    for (const auto& v : doc["facets"]["date"].GetArray())
      months.emplace_back(v["value"].GetString(), v["count"].GetUint());
    CHECK(months == std::vector<std::pair<std::string, unsigned>>{{"2014-08", 1}, {"2025-05", 3}});
  }
  SECTION("outlet is repeatable and OR-ed") {
    const auto doc = parse_json(d.get("/search?q=ukraine&outlet=Axios&outlet=Global%20News").body);
    auto outlets = hit_field(doc, "outlet");
    std::sort(outlets.begin(), outlets.end());
    CHECK(outlets == std::vector<std::string>{"Axios", "Global News"});
  }
  SECTION("sort=date is newest first") {
    const auto dates = hit_field(parse_json(d.get("/search?q=ceasefire&sort=date").body), "date");
    CHECK(dates == std::vector<std::string>{"2025-05-19", "2025-05-19", "2025-05-16", "2014-08-27"});
  }
  SECTION("offset and limit page through the ranking") {
    const auto all = hit_field(parse_json(d.get("/search?q=ceasefire").body), "id");
    const auto page = parse_json(d.get("/search?q=ceasefire&offset=1&limit=2").body);
    CHECK(hit_field(page, "id") == std::vector<std::string>{all[1], all[2]});
    CHECK(page["hits"][0]["rank"].GetUint() == 2);
  }
  SECTION("snippets are HTML-escaped with <mark> around the matches") {
    const auto doc = parse_json(d.get("/search?q=Poroshenko").body);
    const std::string snippet = doc["hits"][0]["snippet"].GetString();
    CHECK(snippet.find("<mark>Poroshenko</mark>") != std::string::npos);
  }
}

TEST_CASE("A parameter's value is everything after its first '='", "[http][corpus]") {
  // cpp-httplib keeps the text after the last '=': q=E=mc2 searched "mc2".
  auto& d = corpus_daemon();
  CHECK(std::string(parse_json(d.get("/search?q=E=mc2&limit=0").body)["query"].GetString()) == "E=mc2");
  CHECK(std::string(parse_json(d.get("/search?q=a=b=c&limit=0").body)["query"].GetString()) == "a=b=c");
  CHECK(parse_json(d.get("/search?q=ukraine&outlet=Axios&outlet=The%20Week").body)["total"].GetUint() == 2);
}

TEST_CASE("Query strings: '+' is a space, values are decoded, keys may repeat or have no value", "[http]") {
  // (httplib's test client escapes '+', so these are read as morgued reads a target.)
  using searchd::Params;
  const std::pair<const char*, Params> rows[] = {
      {"q=root+causes%3D", {{"q", "root causes="}}},
      {"q=E=mc2&limit=0", {{"q", "E=mc2"}, {"limit", "0"}}},
      {"outlet=Axios&outlet=The%20Week", {{"outlet", "Axios"}, {"outlet", "The Week"}}},
      {"facets&q=&&x=%C3%A9", {{"facets", ""}, {"q", ""}, {"x", "\xC3\xA9"}}},
      {"q=%2B%26%25", {{"q", "+&%"}}},
      {"", {}},
  };
  for (const auto& [query, expected] : rows) {
    INFO(query);
    CHECK(searchd::parse_query_string(query) == expected);
  }
}

TEST_CASE("match=any ranks articles with any of the words, match=all is the default", "[http][corpus]") {
  auto& d = corpus_daemon();
  CHECK(parse_json(d.get("/search?q=poroshenko%20memorandum").body)["total"].GetUint() == 0);
  CHECK(parse_json(d.get("/search?q=poroshenko%20memorandum&match=all").body)["total"].GetUint() == 0);
  const auto a = d.get("/search?q=poroshenko%20memorandum&match=any");
  REQUIRE(a.status == 200);
  const auto got = parse_json(a.body);
  CHECK(got["total"].GetUint() == 3);
  // "Poroshenko" is in one article (2014), "memorandum" in two of 2025: the rarer word
  // weighs more, so the article with it ranks first.
  REQUIRE(got["hits"].Size() == 3);
  CHECK(std::string(got["hits"][0]["date"].GetString()) == "2014-08-27");

  // One code path: what the library answers to the same request.
  SearchRequest request;
  request.query = "poroshenko memorandum";
  request.match_any = true;
  Searcher searcher(corpus_index());
  std::vector<std::string> want;
  for (const auto& h : searcher.search(request).hits) want.push_back(h.id);
  CHECK(hit_field(got, "id") == want);
}

TEST_CASE("feedback=1 is the library's feedback", "[http][corpus][ranking]") {
  auto& d = corpus_daemon();
  const auto a = d.get("/search?q=memorandum&match=any&feedback=1");
  REQUIRE(a.status == 200);
  SearchRequest request;
  request.query = "memorandum";
  request.match_any = true;
  request.feedback = true;
  Searcher searcher(corpus_index());
  std::vector<std::string> want;
  for (const auto& h : searcher.search(request).hits) want.push_back(h.id);
  CHECK(hit_field(parse_json(a.body), "id") == want);
}

TEST_CASE("Bad parameters are 400 with a JSON error naming the parameter", "[http][errors]") {
  struct Row {
    std::string target;
    const char* parameter;
  };
  const std::string long_query(kMaxQueryBytes + 1, 'a');
  const Row rows[] = {
      {"/search?q=x&from=2025-13-01", "from"},
      {"/search?q=x&from=yesterday", "from"},
      {"/search?q=x&to=2025-02-30", "to"},
      {"/search?q=x&from=2025-06-01&to=2025-05-01", "to"},
      {"/search?q=x&sort=popular", "sort"},
      {"/search?q=x&match=some", "match"},
      {"/search?q=x&match=any&match=all", "match"},
      {"/search?q=x&feedback=yes", "feedback"},
      {"/search?q=x&limit=101", "limit"},
      {"/search?q=x&limit=abc", "limit"},
      {"/search?q=x&limit=-1", "limit"},
      {"/search?q=x&limit=", "limit"},
      {"/search?q=x&offset=-5", "offset"},
      {"/search?q=x&offset=3x", "offset"},
      {"/search?q=x&offset=10001", "offset"},
      {"/search?q=x&offset=99999999999999999999999", "offset"},
      {"/search?q=" + long_query, "q"},
      {"/search?q=date:notadate", "q"},
      {"/search?q=foo..bar", "q"},
      {"/search?q=a&q=b", "q"},
      {"/search?q=x&facets=outlet,colour", "facets"},
      {"/search?q=x&facets=entity.colour", "facets"},
      {"/entities?prefix=zel&type=colour", "type"},
      {"/entities?prefix=zel&limit=101", "limit"},
      {"/entities?prefix=a&prefix=b", "prefix"},
      {"/search?q=x&recency=soon", "recency"},
      {"/search?q=x&recency=30d&sort=date", "recency"},
      {"/search?q=x&asof=2025-06-01", "asof"},
      {"/search?q=x&recency=30d&asof=June", "asof"},
  };
  for (const auto& row : rows) {
    INFO("GET " << row.target.substr(0, 80));
    check_error(corpus_daemon().get(row.target), 400, "bad_request", row.parameter);
  }
}

TEST_CASE("Unknown paths, absent documents, other methods and huge requests are JSON errors", "[http][errors]") {
  auto& d = corpus_daemon();
  check_error(d.get("/nope"), 404, "not_found", nullptr);
  check_error(d.get("/search/"), 404, "not_found", nullptr);
  check_error(d.get("/doc/no-such-document"), 404, "not_found", "id");
  check_error(d.get("/search?q=" + std::string(10000, 'a')), 414, "uri_too_long", nullptr);
  // httplib refuses a second '?' before the first '&' or later: the message says how to
  // send one (a '?' at the very end passes).
  const auto question = d.get("/search?q=talks?&limit=1");
  check_error(question, 400, "bad_request", nullptr);
  CHECK_THAT(question.body, Catch::Contains("%3F"));
  auto c = d.client();
  const auto post = c.Post("/search", "q=x", "application/x-www-form-urlencoded");
  REQUIRE(post);
  CHECK(post->status == 405);
  CHECK(post->get_header_value("Allow") == "GET, HEAD");
  CHECK(parse_json(post->body)["error"]["code"] == "method_not_allowed");
}

TEST_CASE("GET /doc/{id} returns the stored article", "[http][corpus]") {
  auto& d = corpus_daemon();
  const auto hits = parse_json(d.get("/search?q=Poroshenko").body);
  const std::string id = hits["hits"][0]["id"].GetString();
  const auto a = d.get("/doc/" + id);
  REQUIRE(a.status == 200);
  const auto doc = parse_json(a.body);
  CHECK(doc["id"] == id.c_str());
  CHECK(doc["headline"] == hits["hits"][0]["headline"]);
  CHECK(doc["outlet"] == "The Week");
  CHECK(std::string(doc["body"].GetString()).find("Poroshenko") != std::string::npos);
}

TEST_CASE("GET /health reports the documents and generation", "[http][corpus]") {
  const auto a = corpus_daemon().get("/health");
  REQUIRE(a.status == 200);
  const auto doc = parse_json(a.body);
  CHECK(doc["status"] == "ok");
  CHECK(doc["documents"].GetUint() == 5);
  Searcher searcher(corpus_index());
  CHECK(doc["generation"] == searcher.generation().c_str());
}

TEST_CASE("GET /metrics is Prometheus text with requests, latency and the index", "[http][metrics]") {
  auto& d = corpus_daemon();
  REQUIRE(d.get("/search?q=putin").status == 200);
  REQUIRE(d.get("/search?q=x&sort=bad").status == 400);
  REQUIRE(d.get("/health").status == 200);
  // A request is counted by the access logger, which httplib runs after the response
  // has gone out: the client can ask for /metrics before the last count lands.
  const auto counted = [](const std::string& body) {
    for (const char* status : {"endpoint=\"search\",status=\"200\"", "endpoint=\"search\",status=\"400\"",
                               "endpoint=\"health\",status=\"200\""}) {
      if (body.find(status) == std::string::npos) return false;
    }
    return true;
  };
  auto a = d.get("/metrics");
  for (int i = 0; i < 100 && !counted(a.body); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    a = d.get("/metrics");
  }
  REQUIRE(a.status == 200);
  CHECK(a.content_type.starts_with("text/plain; version=0.0.4"));
  for (const char* needle : {
           "# TYPE morgued_http_requests_total counter\n",
           "morgued_http_requests_total{endpoint=\"search\",status=\"200\"} ",
           "morgued_http_requests_total{endpoint=\"search\",status=\"400\"} ",
           "# TYPE morgued_http_request_duration_seconds histogram\n",
           "morgued_http_request_duration_seconds_bucket{endpoint=\"search\",le=\"+Inf\"} ",
           "morgued_http_request_duration_seconds_count{endpoint=\"search\"} ",
           "morgued_index_available 1\n",
           "morgued_index_documents 5\n",
           "morgued_index_generation_info{generation=\"gen-",
           "# TYPE morgued_index_reloads_total counter\n",
           "morgued_searches_waiting 0\n",
       }) {
    INFO(needle);
    CHECK(a.body.find(needle) != std::string::npos);
  }
}

TEST_CASE("GET / serves the search page and its assets, nothing from elsewhere", "[http][page]") {
  auto& d = corpus_daemon();
  auto c = d.client();
  const auto page = c.Get("/");
  REQUIRE(page);
  CHECK(page->status == 200);
  CHECK(page->get_header_value("Content-Type") == "text/html; charset=utf-8");
  CHECK(page->get_header_value("Content-Security-Policy").find("default-src 'none'") != std::string::npos);
  CHECK(page->body.find("id=\"q\"") != std::string::npos);
  for (const char* asset : {"/assets/morgue.js", "/assets/morgue.css"}) {
    INFO(asset);
    const auto a = d.get(asset);
    CHECK(a.status == 200);
    CHECK(a.body.size() > 1000);
    CHECK(a.body.find("http://") == std::string::npos);
    CHECK(a.body.find("https://") == std::string::npos);
  }
  CHECK(page->body.find("http://") == std::string::npos);
  CHECK(page->body.find("https://") == std::string::npos);
  check_error(d.get("/assets/nothing.js"), 404, "not_found", nullptr);
}

TEST_CASE("A search cut by the time limit is answered and marked partial", "[http][corpus]") {
  searchd::ServerOptions options;
  options.time_limit_seconds = 1e-9;
  TestDaemon d(corpus_index(), options);
  const auto a = d.get("/search?q=ukraine&facets=outlet");
  REQUIRE(a.status == 200);
  CHECK(parse_json(a.body)["partial"].GetBool());
}

TEST_CASE("Each request writes one access-log line", "[http][log]") {
  // Not a TestDaemon: that one turns the log off.
  searchd::ServerOptions options;
  options.db_dir = corpus_index();
  options.port = 0;
  std::string log;  // written under the server's log lock, read after join()
  options.log_sink = [&log](const std::string& line) { log += line; };
  searchd::Server server(options);
  const int port = server.bind();
  std::thread thread([&] { server.run(); });
  {
    httplib::Client c("127.0.0.1", port);
    (void)c.Get("/search?q=putin&sort=bogus");
  }
  server.stop();
  thread.join();
  INFO(log);
  CHECK(log.starts_with("GET /search?q=putin&sort=bogus 400 "));
  CHECK(log.ends_with("ms\n"));
}

TEST_CASE("Reuters-21578 over HTTP: search, facets and documents", "[http][reuters]") {
  MORGUE_REQUIRE_CORPUS(reuters, "reuters21578");
  test::TempDir dir;
  // One of the 22 files keeps this test fast; the readers' tests cover the rest.
  const auto r = indexer::run_pipeline(dir.path() / "index", {reuters / "reut2-000.sgm"}, {});
  REQUIRE(r.stats.added >= 900);
  TestDaemon d(dir.path() / "index");

  const auto doc = parse_json(d.get("/search?q=crude+oil&facets=outlet,date&limit=5").body);
  REQUIRE(doc.IsObject());
  const auto total = doc["total"].GetUint64();
  CHECK(total >= 10);
  CHECK(doc["hits"].Size() == 5);
  std::uint64_t by_date = 0;
  for (const auto& v : doc["facets"]["date"].GetArray()) {
    CHECK(std::string(v["value"].GetString()).starts_with("1987-"));
    by_date += v["count"].GetUint64();
  }
  CHECK(by_date == total);

  const auto by_newest = hit_field(parse_json(d.get("/search?q=crude+oil&sort=date").body), "date");
  CHECK(std::is_sorted(by_newest.rbegin(), by_newest.rend()));

  const std::string id = doc["hits"][0]["id"].GetString();
  const auto article = parse_json(d.get("/doc/" + id).body);
  CHECK(article["id"] == id.c_str());
  CHECK(article["headline"] == doc["hits"][0]["headline"]);

  const auto health = parse_json(d.get("/health").body);
  CHECK(health["documents"].GetUint64() == r.stats.documents);
}

TEST_CASE("GET /search?facets=entity and ?entity= filter by canonical entity", "[http][corpus][entities]") {
  auto& d = corpus_daemon();
  const auto doc = parse_json(d.get("/search?q=peace&limit=0&facets=entity,entity.person").body);
  REQUIRE(doc.HasMember("facets"));
  const auto& people = doc["facets"]["entity.person"];
  REQUIRE(people.Size() > 2);
  CHECK(std::string(people[0]["value"].GetString()) == "Vladimir Putin");
  CHECK(std::string(people[0]["type"].GetString()) == "person");
  CHECK(people[0]["count"].GetUint() == 5);
  for (const auto& e : doc["facets"]["entity"].GetArray()) CHECK(e.HasMember("type"));

  const auto both = parse_json(d.get("/search?entity=Kiev&entity=Petro%20Poroshenko").body);
  CHECK(both["total"].GetUint() == 1);
  const auto zel = parse_json(d.get("/search?q=ceasefire&entity=Zelenskiy").body);
  CHECK(zel["total"].GetUint() == 2);

  const auto kiev = parse_json(d.get("/search?q=kiev").body);
  CHECK(kiev["total"].GetUint() == 4);
  REQUIRE(kiev.HasMember("expanded"));
  CHECK(std::string(kiev["expanded"][0]["entity"].GetString()) == "Kyiv");
  CHECK(kiev["expanded"][0]["spellings"].Size() >= 2);
}

TEST_CASE("GET /entities suggests canonical entities by prefix", "[http][corpus][entities]") {
  auto& d = corpus_daemon();
  const auto a = d.get("/entities?prefix=zel");
  REQUIRE(a.status == 200);
  const auto doc = parse_json(a.body);
  CHECK(std::string(doc["prefix"].GetString()) == "zel");
  REQUIRE(doc["entities"].Size() >= 1);
  CHECK(std::string(doc["entities"][0]["name"].GetString()) == "Volodymyr Zelenskyy");
  CHECK(std::string(doc["entities"][0]["type"].GetString()) == "person");
  CHECK(doc["entities"][0]["articles"].GetUint() == 3);

  const auto places = parse_json(d.get("/entities?type=place&limit=2").body);
  REQUIRE(places["entities"].Size() == 2);
  for (const auto& e : places["entities"].GetArray()) CHECK(std::string(e["type"].GetString()) == "place");
  CHECK(parse_json(d.get("/entities?prefix=%C3%BCberhaupt-nichts").body)["entities"].Size() == 0);
}

TEST_CASE("Invalid UTF-8 in a request comes back as valid JSON with U+FFFD in its place", "[http][errors]") {
  struct Row {
    std::string target;
    int status;
    const char* pointer;  // the string that echoes the request
    std::string echoed;
  };
  const Row rows[] = {
      {"/search?q=oil%FF&limit=0", 200, "/query", "oil\uFFFD"},
      {"/entities?prefix=%C3", 200, "/prefix", "\uFFFD"},
      {"/doc/%FF", 404, "/error/message", "\uFFFD"},
      {"/search?q=date:2025-02-30%ED%A0%80", 400, "/error/message", "\uFFFD\uFFFD\uFFFD"},
  };
  for (const auto& row : rows) {
    INFO("GET " << row.target);
    const auto a = corpus_daemon().get(row.target);
    INFO("body: " << a.body);
    CHECK(a.status == row.status);
    rapidjson::Document doc;
    doc.Parse<rapidjson::kParseValidateEncodingFlag>(a.body.c_str(), a.body.size());
    REQUIRE_FALSE(doc.HasParseError());
    const rapidjson::Value* echo = rapidjson::Pointer(row.pointer).Get(doc);
    REQUIRE(echo);
    CHECK_THAT(std::string(echo->GetString()), Catch::Contains(row.echoed));
  }
}

TEST_CASE("A faceted search that matches nothing still has date_interval", "[http][corpus]") {
  const auto a = corpus_daemon().get("/search?q=zzzzqqq&limit=0&facets=date,outlet");
  REQUIRE(a.status == 200);
  const auto doc = parse_json(a.body);
  INFO(a.body);
  CHECK(doc["total"].GetUint() == 0);
  REQUIRE(doc.HasMember("facets"));
  CHECK(doc["facets"]["date"].Size() == 0);
  REQUIRE(doc.HasMember("date_interval"));
  CHECK(std::string(doc["date_interval"].GetString()) == "day");
}
