// The WARC reader on the real samples in ../shared/corpora/warc-samples (every record
// of every file accounted for), and on small made-up inputs for the HTTP layer and
// for each kind of bad input.
#include <catch2/catch.hpp>

#include <map>
#include <string>
#include <vector>

#include <zlib.h>

#include "indexer/readers/http_payload.h"
#include "indexer/readers/warc.h"
#include "indexer/readers/warc_articles.h"
#include "indexer/sources.h"
#include "tests/test_support.h"

namespace {

namespace fs = std::filesystem;
using namespace morgue;
using namespace morgue::indexer;
using morgue::test::read_file;
using morgue::test::TempDir;
using morgue::test::write_file;
using Counts = std::map<std::string, int>;

constexpr std::size_t kCap = 1u << 20;

struct Scan {
  Counts types;                     // records by WARC-Type
  int pages = 0;                    // HTML pages handed to the extractor
  Counts skipped;                   // why the others were not
  std::vector<WarcRecord> records;  // with keep_records
  std::vector<std::string> errors;
  std::vector<std::string> error_where;
};

Scan scan(const fs::path& file, bool keep_records = false, WarcOptions options = {}) {
  Scan s;
  read_warc_records(
      file, options,
      [&](WarcRecord&& record) {
        ++s.types[record.type];
        if (keep_records) s.records.push_back(record);
        try {
          const WarcTriage triage = triage_warc_record(std::move(record));
          if (triage.page) {
            ++s.pages;
          } else {
            ++s.skipped[triage.skip_reason];
          }
        } catch (const InputError& e) {
          s.errors.emplace_back(e.what());
        }
      },
      [&](const InputError& e) {
        s.errors.emplace_back(e.what());
        s.error_where.push_back(e.where());
      });
  return s;
}

std::string record(const std::string& type, const std::string& block, const std::string& eol = "\r\n",
                   const std::string& extra = "") {
  return "WARC/1.0" + eol + "WARC-Type: " + type + eol + "WARC-Target-URI: <http://example.org/a>" + eol +
         "WARC-Date: 2024-04-25T16:27:55Z" + eol + extra + "Content-Length: " + std::to_string(block.size()) + eol +
         eol + block + eol + eol;
}

std::string http_block(const std::string& headers, const std::string& body) {
  return "HTTP/1.1 200 OK\r\n" + headers + "\r\n" + body;
}

std::string response(const std::string& headers, const std::string& body) {
  return record("response", http_block(headers, body), "\r\n", "Content-Type: application/http; msgtype=response\r\n");
}

std::string gzip_bytes(const std::string& data, int window_bits = 15 + 16) {
  z_stream zs{};
  REQUIRE(deflateInit2(&zs, 9, Z_DEFLATED, window_bits, 8, Z_DEFAULT_STRATEGY) == Z_OK);
  std::string out(deflateBound(&zs, data.size()) + 32, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  REQUIRE(deflate(&zs, Z_FINISH) == Z_STREAM_END);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

const char* const kHtml = "<!doctype html><html><body>brotli body</body></html>";
// kHtml compressed by libbrotlienc (BrotliEncoderCompress, quality 11, window 22).
const std::string kHtmlBrotli(
    "\x1b\x33\x00\x00\x1c\xa9\x51\x9f\x3b\xe2\x92\x47\x4c\xae\x40\xe8\xda\x27\x8d\xed\x4d\x0b\xc2\x88\x2e\xc2\xe8\x63"
    "\xb2\x34\x27\x82\x3a\xf4\x93\xcf\x3c",
    37);

}  // namespace

TEST_CASE("every record of every WARC sample is read and accounted for", "[warc][corpus]") {
  MORGUE_REQUIRE_CORPUS(dir, "warc-samples");
  // Printed by tests/warc_expected_counts.py, which reads the samples with Python's
  // gzip module and a regular expression, not with this code. The record counts agree
  // with the samples' README, and with `zcat FILE | grep -ac '^WARC-Type: '`; the
  // pages agree with the README's "HTML responses with status 200" where it gives them.
  struct Row {
    const char* file;
    Counts types;
    int pages;
    Counts skipped;
  };
  // clang-format off: one row per file, as the script prints them
  const std::vector<Row> rows = {
      {"aut_IAH-20080430204825-00000-blackbook.warc.gz",
       {{"metadata", 261}, {"request", 261}, {"response", 299}, {"warcinfo", 1}},
       94,
       {{"http-3xx", 7},
        {"http-404", 40},
        {"not-html", 158},
        {"warc-metadata", 261},
        {"warc-request", 261},
        {"warc-warcinfo", 1}}},
      {"dolma_sample-0001.warc.gz",
       {{"metadata", 1}, {"request", 15}, {"resource", 2}, {"response", 15}, {"warcinfo", 1}},
       15,
       {{"not-html", 2}, {"warc-metadata", 1}, {"warc-request", 15}, {"warc-warcinfo", 1}}},
      {"resiliparse_CC-MAIN-2020-34_excerpt.warc.gz",
       {{"metadata", 16}, {"request", 17}, {"response", 16}, {"warcinfo", 1}},
       16,
       {{"warc-metadata", 16}, {"warc-request", 17}, {"warc-warcinfo", 1}}},
      {"solrwayback_transfer_compression_brotli.warc.gz",
       {{"metadata", 1}, {"request", 1}, {"resource", 1}, {"response", 1}, {"warcinfo", 1}},
       1,
       {{"not-html", 1}, {"warc-metadata", 1}, {"warc-request", 1}, {"warc-warcinfo", 1}}},
      {"solrwayback_transfer_compression_gzip_chunked.warc.gz",
       {{"request", 1}, {"response", 1}, {"warcinfo", 1}},
       1,
       {{"warc-request", 1}, {"warc-warcinfo", 1}}},
      {"ukwa_data.gov.uk_crawl1_BL-20140325121225068.warc.gz",
       {{"metadata", 62}, {"request", 62}, {"response", 65}, {"warcinfo", 1}},
       32,
       {{"http-3xx", 1},
        {"http-403", 1},
        {"http-404", 3},
        {"not-html", 28},
        {"warc-metadata", 62},
        {"warc-request", 62},
        {"warc-warcinfo", 1}}},
      {"ukwa_data.gov.uk_crawl2-revisits_BL-20140325122341434.warc.gz",
       {{"metadata", 62}, {"request", 62}, {"response", 10}, {"revisit", 55}, {"warcinfo", 1}},
       6,
       {{"http-403", 1},
        {"not-html", 3},
        {"revisit", 55},
        {"warc-metadata", 62},
        {"warc-request", 62},
        {"warc-warcinfo", 1}}},
      {"warc_nom_parser_bbc-news_LF-line-endings.warc", {{"response", 1}}, 1, {}},
      {"warcio_example.warc",
       {{"request", 2}, {"response", 1}, {"revisit", 1}, {"warcinfo", 2}},
       1,
       {{"revisit", 1}, {"warc-request", 2}, {"warc-warcinfo", 2}}},
      {"warcio_example.warc.gz",
       {{"request", 2}, {"response", 1}, {"revisit", 1}, {"warcinfo", 2}},
       1,
       {{"revisit", 1}, {"warc-request", 2}, {"warc-warcinfo", 2}}},
  };
  // clang-format on
  for (const Row& row : rows) {
    INFO(row.file);
    const Scan s = scan(dir / row.file);
    CHECK(s.errors == std::vector<std::string>{});
    CHECK(s.types == row.types);
    CHECK(s.pages == row.pages);
    CHECK(s.skipped == row.skipped);
  }
}

TEST_CASE("WARC fields: versions, angle-bracketed URIs, CDX-style offsets", "[warc][corpus]") {
  MORGUE_REQUIRE_CORPUS(dir, "warc-samples");
  const Scan old = scan(dir / "aut_IAH-20080430204825-00000-blackbook.warc.gz", true);
  REQUIRE(old.records.size() == 822);
  CHECK(old.records[0].version == "WARC/0.17");
  CHECK(old.records[0].where == (dir / "aut_IAH-20080430204825-00000-blackbook.warc.gz").string() + "@0");
  CHECK(old.records[2].target_uri == "http://www.archive.org/robots.txt");
  CHECK(old.records[2].payload_digest == "sha1:SUCGMUVXDKVB5CS2NL4R4JABNX7K466U");
  // Each record is its own gzip member: the offset is the member's, with no "+n".
  const std::string second = old.records[1].where;
  CHECK(second.find('+') == std::string::npos);
  const std::string raw = read_file(dir / "aut_IAH-20080430204825-00000-blackbook.warc.gz");
  const std::size_t at = std::stoul(second.substr(second.rfind('@') + 1));
  CHECK(static_cast<unsigned char>(raw[at]) == 0x1f);

  const Scan dolma = scan(dir / "dolma_sample-0001.warc.gz", true);
  CHECK(dolma.records[1].target_uri.starts_with("https://"));

  const Scan revisits = scan(dir / "ukwa_data.gov.uk_crawl2-revisits_BL-20140325122341434.warc.gz", true);
  for (const WarcRecord& r : revisits.records) {
    if (r.type == "revisit") CHECK(r.payload_digest.starts_with("sha1:"));
  }

  Scan bbc = scan(dir / "warc_nom_parser_bbc-news_LF-line-endings.warc", true);
  REQUIRE(bbc.records.size() == 1);
  CHECK(bbc.records[0].content_length == 26052);
  CHECK(bbc.records[0].field("warc-truncated") == "length");
  WarcTriage page = triage_warc_record(std::move(bbc.records[0]));
  REQUIRE(page.page);
  CHECK(page.page->url == "http://news.bbc.co.uk/2/hi/africa/3414345.stm");
  CHECK(page.page->fetched == Date{2014, 8, 2});
  CHECK(page.page->html.find("Namibia braces for Nujoma exit") != std::string::npos);
}

TEST_CASE("transfer and content codings of the samples are undone", "[warc][corpus]") {
  MORGUE_REQUIRE_CORPUS(dir, "warc-samples");
  for (const char* file : {"solrwayback_transfer_compression_gzip_chunked.warc.gz",
                           "solrwayback_transfer_compression_brotli.warc.gz", "warcio_example.warc.gz"}) {
    INFO(file);
    Scan s = scan(dir / file, true);
    int pages = 0;
    for (WarcRecord& r : s.records) {
      const WarcTriage t = triage_warc_record(std::move(r));
      if (!t.page) continue;
      ++pages;
      CHECK(t.page->html.find("</html>") != std::string::npos);
    }
    CHECK(pages == 1);
  }
}

TEST_CASE("a whole-file gzip stream reads like one member per record", "[warc][corpus]") {
  MORGUE_REQUIRE_CORPUS(dir, "warc-samples");
  TempDir tmp;
  write_file(tmp.path() / "one.warc.gz", gzip_bytes(read_file(dir / "warcio_example.warc")));
  const Scan s = scan(tmp.path() / "one.warc.gz", true);
  CHECK(s.errors.empty());
  REQUIRE(s.records.size() == 6);
  CHECK(s.pages == 1);
  CHECK(s.records[1].where.ends_with("one.warc.gz@0+" + std::to_string(s.records[1].offset)));
}

TEST_CASE("truncated files: what was read is kept, and the loss is named", "[warc][corpus]") {
  MORGUE_REQUIRE_CORPUS(dir, "warc-samples");
  TempDir tmp;
  const std::string gz = read_file(dir / "warcio_example.warc.gz");
  write_file(tmp.path() / "cut.warc.gz", gz.substr(0, gz.size() - 300));
  Scan s = scan(tmp.path() / "cut.warc.gz");
  CHECK(s.types.size() >= 3);
  REQUIRE(s.errors.size() == 1);
  CHECK_THAT(s.errors[0], Catch::Contains("cut.warc.gz@") && Catch::Contains("truncated gzip member"));

  const std::string plain = read_file(dir / "warcio_example.warc");
  write_file(tmp.path() / "cut.warc", plain.substr(0, plain.size() - 300));
  s = scan(tmp.path() / "cut.warc");
  REQUIRE(s.errors.size() == 1);
  CHECK_THAT(s.errors[0], Catch::Contains("cut.warc@") && Catch::Contains("overruns the end of the file"));
}

TEST_CASE("bad WARC input is reported with file@offset and the rest is read", "[warc]") {
  TempDir tmp;
  const std::string a = record("request", "GET / HTTP/1.1\r\n\r\n");
  const std::string b = response("Content-Type: text/html\r\n", "<html>page</html>");
  SECTION("garbage between records") {
    write_file(tmp.path() / "g.warc", a + "not a record\r\nat all\r\n" + b);
    const Scan s = scan(tmp.path() / "g.warc");
    CHECK(s.types == Counts{{"request", 1}, {"response", 1}});
    REQUIRE(s.error_where.size() == 1);
    CHECK(s.error_where[0] == (tmp.path() / "g.warc").string() + "@" + std::to_string(a.size()));
  }
  SECTION("a Content-Length that overruns the file") {
    std::string bad = record("resource", std::string(10, 'x'));
    bad.replace(bad.find("Content-Length: 10"), 18, "Content-Length: 1000");
    write_file(tmp.path() / "o.warc", a + bad);
    const Scan s = scan(tmp.path() / "o.warc");
    CHECK(s.types == Counts{{"request", 1}});
    REQUIRE(s.errors.size() == 1);
    CHECK_THAT(s.errors[0], Catch::Contains("o.warc@" + std::to_string(a.size()) + ": Content-Length 1000 overruns"));
  }
  SECTION("a corrupt gzip member between good ones") {
    std::string broken = gzip_bytes(b);
    broken[broken.size() / 2] ^= 0x55;
    broken[broken.size() / 2 + 1] ^= 0x55;
    write_file(tmp.path() / "c.warc.gz", gzip_bytes(a) + broken + gzip_bytes(b));
    const Scan s = scan(tmp.path() / "c.warc.gz");
    CHECK(s.types == Counts{{"request", 1}, {"response", 1}});
    // The parser may see some of the member's corrupt output before zlib notices:
    // then there are two messages, both naming the member.
    REQUIRE(!s.errors.empty());
    CHECK_THAT(s.errors.back(), Catch::Contains("corrupt gzip member"));
    for (const std::string& where : s.error_where) {
      CHECK(where == (tmp.path() / "c.warc.gz").string() + "@" + std::to_string(gzip_bytes(a).size()));
    }
  }
  SECTION("an unknown content coding fails that record only") {
    write_file(tmp.path() / "u.warc", response("Content-Type: text/html\r\nContent-Encoding: zstd\r\n", "x") + b);
    const Scan s = scan(tmp.path() / "u.warc");
    CHECK(s.pages == 1);
    REQUIRE(s.errors.size() == 1);
    CHECK_THAT(s.errors[0], Catch::Contains("u.warc@0: unknown content coding 'zstd'"));
  }
  SECTION("a payload over the cap is skipped as too-large, never held") {
    const std::string big = response("Content-Type: text/html\r\n", std::string(3 * kCap, 'a'));
    write_file(tmp.path() / "big.warc", big + b);
    const Scan s = scan(tmp.path() / "big.warc", true, WarcOptions{.max_block_bytes = kCap});
    CHECK(s.records[0].block.empty());
    CHECK(s.skipped == Counts{{"too-large", 1}});
    CHECK(s.pages == 1);
  }
  SECTION("LF-only records and headers") {
    write_file(tmp.path() / "lf.warc", record("resource", "<html>lf</html>", "\n", "Content-Type: text/html\n"));
    const Scan s = scan(tmp.path() / "lf.warc", true);
    CHECK(s.errors.empty());
    REQUIRE(s.records.size() == 1);
    CHECK(s.records[0].target_uri == "http://example.org/a");
    CHECK(s.records[0].block == "<html>lf</html>");
    CHECK(s.pages == 1);
  }
}

TEST_CASE("the parser gives the same records whatever the feed sizes", "[warc]") {
  const std::string input = record("request", "GET / HTTP/1.1\r\n\r\n") + "junk\r\n" +
                            response("Content-Type: text/html; charset=\"ISO-8859-1\"\r\n", "<p>caf\xe9</p>");
  auto run = [&](std::size_t step) {
    std::vector<std::string> seen;
    WarcParser parser(
        {}, [&](WarcRecord&& r) { seen.push_back(std::to_string(r.offset) + " " + r.type + " " + r.block); },
        [&](std::uint64_t offset, const std::string& m) { seen.push_back(std::to_string(offset) + " " + m); });
    for (std::size_t i = 0; i < input.size(); i += step) parser.feed(std::string_view(input).substr(i, step));
    parser.finish();
    return seen;
  };
  const auto whole = run(input.size());
  REQUIRE(whole.size() == 3);
  for (std::size_t step : {1, 2, 3, 7, 64}) CHECK(run(step) == whole);
}

TEST_CASE("HTTP responses: status line, headers, media type", "[warc][http]") {
  const HttpResponse r =
      parse_http_response("HTTP/1.0 404 Not Found\nContent-Type: text/html;\n charset=UTF-8\nX: y\n\nbody");
  CHECK(r.status == 404);
  CHECK(r.header("content-type") == "text/html; charset=UTF-8");
  CHECK(r.body == "body");
  CHECK(parse_http_response("HTTP/1.1 200\r\n\r\n").status == 200);
  CHECK_THROWS_AS(parse_http_response("GET / HTTP/1.1\r\n\r\n"), PayloadError);
  CHECK_THROWS_AS(parse_http_response("HTTP/1.1 2x0 OK\r\n\r\n"), PayloadError);

  const MediaType m = parse_media_type("Text/HTML; foo=bar; Charset=\"Windows-1251\"");
  CHECK(m.type == "text/html");
  CHECK(m.charset == "windows-1251");
  CHECK(parse_media_type("").type.empty());
}

TEST_CASE("chunked transfer coding", "[warc][http]") {
  CHECK(decode_chunked("4\r\nWiki\r\n5;ext=1\r\npedia\r\nE\r\n in\r\n\r\nchunks.\r\n0\r\n\r\n", kCap) ==
        "Wikipedia in\r\n\r\nchunks.");
  CHECK(decode_chunked("3\nabc\n2\nde\n0\n\n", kCap) == "abcde");        // bare LFs
  CHECK(decode_chunked("5\r\nabcde\r\n10\r\nfgh", kCap) == "abcdefgh");  // cut short
  CHECK(decode_chunked("<html>already de-chunked", kCap) == "<html>already de-chunked");
  CHECK_THROWS_AS(decode_chunked("3\r\nabc\r\nzz\r\n", kCap), PayloadError);
  CHECK_THROWS_AS(decode_chunked("8\r\n12345678\r\n0\r\n", 4), PayloadTooLarge);
}

TEST_CASE("gzip, deflate and br content codings", "[warc][http]") {
  const std::string html = kHtml;
  CHECK(decode_content("gzip", gzip_bytes(html), kCap) == html);
  CHECK(decode_content("x-gzip", gzip_bytes(html) + gzip_bytes(html), kCap) == html + html);
  CHECK(decode_content("deflate", gzip_bytes(html, 15), kCap) == html);   // zlib-wrapped, as the RFC says
  CHECK(decode_content("deflate", gzip_bytes(html, -15), kCap) == html);  // raw, as many servers send it
  CHECK(decode_content("br", kHtmlBrotli, kCap) == html);
  CHECK(decode_content("gzip", gzip_bytes(html).substr(0, 30), kCap).size() < html.size());  // truncated: partial

  CHECK_THROWS_AS(decode_content("gzip", "definitely not gzip", kCap), PayloadError);
  CHECK_THROWS_AS(decode_content("br", "\xff\xff\xff\xff garbage", kCap), PayloadError);
  CHECK_THROWS_AS(decode_content("compress", "x", kCap), PayloadError);
  const std::string bomb = gzip_bytes(std::string(4 * kCap, '\0'));
  CHECK(bomb.size() < 10000);
  CHECK_THROWS_AS(decode_content("gzip", bomb, kCap), PayloadTooLarge);

  // Both layers at once, in the order a server applies them.
  const std::string gz = gzip_bytes(html);
  std::string chunked;
  for (std::size_t i = 0; i < gz.size(); i += 10) {
    const std::string part = gz.substr(i, 10);
    char size[8];
    std::snprintf(size, sizeof size, "%zx", part.size());
    chunked += std::string(size) + "\r\n" + part + "\r\n";
  }
  chunked += "0\r\n\r\n";
  // The response's body points into the block, which must outlive it.
  const std::string block = http_block("Transfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n", chunked);
  const HttpResponse r = parse_http_response(block);
  CHECK(decoded_body(r, kCap) == html);
}
