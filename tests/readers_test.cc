// Input readers on real text: corpus/ with its manifest, the Reuters-21578 SGML files,
// the AllSides JSON Lines dump, and small temporary inputs for the error paths.
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <zlib.h>

#include "common/furniture.h"
#include "common/text_util.h"
#include "indexer/readers/jsonl.h"
#include "indexer/readers/plain_text.h"
#include "indexer/readers/reuters_sgml.h"
#include "indexer/sources.h"
#include "tests/test_support.h"

namespace {

namespace fs = std::filesystem;
using namespace morgue;
using namespace morgue::indexer;
using morgue::test::TempDir;
using morgue::test::write_file;

struct Collected {
  std::vector<Article> articles;
  std::vector<std::string> errors;  // InputError::what()
  std::vector<std::string> error_where;
  std::vector<std::pair<std::string, std::string>> skipped;

  ReadSink sink() {
    return {[this](Article&& a) { articles.push_back(std::move(a)); },
            [this](const InputError& e) {
              errors.emplace_back(e.what());
              error_where.push_back(e.where());
            },
            [this](const std::string& where, const std::string& reason) { skipped.emplace_back(where, reason); },
            nullptr};
  }
  const Article* by_id(const std::string& id) const {
    const auto it = std::find_if(articles.begin(), articles.end(), [&](const Article& a) { return a.id == id; });
    return it == articles.end() ? nullptr : &*it;
  }
};

Collected read(const std::vector<fs::path>& inputs, const SourceOptions& options = {}) {
  Collected c;
  read_inputs(inputs, options, c.sink());
  return c;
}

// What the JSON Lines reader makes of `lines`, with the default field names.
Collected read_jsonl_lines(const std::string& lines) {
  TempDir dir;
  const fs::path file = dir.path() / "news.jsonl";
  write_file(file, lines);
  Collected c;
  read_jsonl(file, FieldMapping{}, c.sink());
  return c;
}

bool valid_utf8(const std::string& s) { return repair_utf8(s) == s; }

std::string iso(const std::optional<Date>& d) { return d ? format_iso(*d) : "none"; }

const char* kAllSidesMapping = "headline=title,body=content_original,outlet=source,published=date,id=ID";

}  // namespace

TEST_CASE("corpus/ yields its five articles with the manifest's metadata", "[readers][plain_text]") {
  const Collected c = read({morgue::test::corpus_dir()});
  REQUIRE(c.errors.empty());
  REQUIRE(c.skipped.empty());
  REQUIRE(c.articles.size() == 5);
  struct Row {
    const char* id;
    const char* outlet;
    const char* date;
    const char* headline_start;
    const char* body_start;
  };
  const std::vector<Row> rows = {
      {"000_42efc17f8a286118", "The Week", "2014-08-27", "Ukraine and Russia promise 'roadmap' to peace after talks",
       "Putin and Poroshenko agree to work together"},
      {"001_32db856e3cd92557", "Axios", "2025-05-16", "Russia and Ukraine meet for the first time in three years",
       "Russian and Ukrainian officials met in Istanbul"},
      {"002_303ff7fb558a9655", "", "2025-05-19", "Russia, Ukraine to begin truce talks immediately",
       "US President Donald Trump said on Monday"},
      {"003_6e6beed36f0e0b2c", "", "2025-05-19", "Putin, Trump Signal Progress Toward Ukraine Peace Talks",
       "Russian President Vladimir Putin said on Monday"},
      // No headline in the manifest nor in the text: the lede gives one.
      {"004_31363c931ec8fce3", "Global News", "2025-12-03", "Talks between Russia and the U.S",
       "Talks between Russia and the U.S. on ending the nearly four-year war"},
  };
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const Row& row = rows[i];
    INFO(row.id);
    const Article& a = c.articles[i];  // manifest order
    CHECK(a.id == row.id);
    CHECK(a.outlet == row.outlet);
    CHECK(iso(a.published) == row.date);
    CHECK(a.headline.starts_with(row.headline_start));
    CHECK(a.body.starts_with(row.body_start));
    CHECK(a.lang == "en");
    CHECK(a.source.ends_with("MANIFEST.tsv:" + std::to_string(i + 2)));
    CHECK(fold_case(a.body).find("newsletter") == std::string::npos);
    CHECK(valid_utf8(a.body));
  }
  CHECK(c.articles[4].headline.size() <= 110 + std::string("…").size());
}

TEST_CASE("a file named on the command line still gets its manifest row", "[readers][plain_text]") {
  const Collected c = read({morgue::test::corpus_dir() / "000_42efc17f8a286118.txt"});
  REQUIRE(c.articles.size() == 1);
  CHECK(c.articles[0].outlet == "The Week");
  CHECK(iso(c.articles[0].published) == "2014-08-27");
}

TEST_CASE("bad manifest rows are reported with their line and the rest is read", "[readers][plain_text]") {
  TempDir dir;
  const std::string story = "Budget passes\nThe council approved the budget on Monday.\nThe vote was 7 to 2.\n";
  write_file(dir.path() / "good.txt", story);
  write_file(dir.path() / "baddate.txt", story);
  write_file(dir.path() / "furniture.txt", "Advertisement\nSubscribe now\nLeave a Comment\n");
  write_file(dir.path() / "unlisted.txt", story);
  write_file(dir.path() / "ignored.pdf", "%PDF");
  write_file(dir.path() / ".hidden.txt", story);
  // Columns in another order, "date" for "published", an unknown "notes" column.
  write_file(dir.path() / "MANIFEST.tsv",
             "notes\tdate\tfile\toutlet\tauthors\tid\turl\tlang\theadline\n"                               // 1
             "n\t2025-01-02\tgood.txt\tCity Paper\tAnn Lee; Bo Chen\tcp-1\thttps://example.org/1\tde\t\n"  // 2
             "too\tfew\tcolumns\n"                                                                         // 3
             "n\t2025-02-30\tbaddate.txt\tCity Paper\t\t\t\t\t\n"                                          // 4
             "n\t2025-01-03\tmissing.txt\tCity Paper\t\t\t\t\t\n"                                          // 5
             "\n"                                                                                          // 6
             "n\t2025-01-04\tfurniture.txt\tCity Paper\t\t\t\t\t\n");                                      // 7
  const Collected c = read({dir.path()});

  std::vector<std::string> where;
  for (const std::string& w : c.error_where) where.push_back(w.substr(w.rfind('/') + 1));
  CHECK(where == std::vector<std::string>{"MANIFEST.tsv:3", "MANIFEST.tsv:4", "MANIFEST.tsv:5", "MANIFEST.tsv:7"});
  CHECK(c.errors[1].find("invalid date '2025-02-30'") != std::string::npos);
  CHECK(c.errors[2].find("file not found") != std::string::npos);
  REQUIRE(c.skipped.size() == 1);
  CHECK(c.skipped[0].second == "unsupported-type");

  REQUIRE(c.articles.size() == 2);
  const Article* good = c.by_id("cp-1");
  REQUIRE(good);
  CHECK(good->headline == "Budget passes");
  CHECK(good->body == "The council approved the budget on Monday.\n\nThe vote was 7 to 2.");
  CHECK(good->authors == std::vector<std::string>{"Ann Lee", "Bo Chen"});
  CHECK(good->url == "https://example.org/1");
  CHECK(good->lang == "de");
  CHECK(good->outlet == "City Paper");
  CHECK(iso(good->published) == "2025-01-02");
  const Article* unlisted = c.by_id("unlisted");
  REQUIRE(unlisted);
  CHECK(unlisted->headline == "Budget passes");
  CHECK(unlisted->outlet.empty());
  CHECK(!unlisted->published);
}

TEST_CASE("text files without a manifest: headline from the first line or the lede", "[readers][plain_text]") {
  TempDir dir;
  for (const char* name : {"000_42efc17f8a286118.txt", "004_31363c931ec8fce3.txt"}) {
    fs::copy_file(morgue::test::corpus_dir() / name, dir.path() / name);
  }
  // Windows-1252 (Latin-1 with smart quotes), and UTF-8 with a byte-order mark.
  write_file(dir.path() / "latin.txt", "Caf\xE9 owners protest\nThe owners of the caf\xE9 said \x93no\x94.\n");
  write_file(dir.path() / "bom.txt", "\xEF\xBB\xBF" "BOM headline story\nThe body of the story with a mark.\n");
  // Named on the command line they are read; found in a walk of a folder without a
  // manifest they are not (such folders hold READMEs and lists).
  const Collected walked = read({dir.path()});
  CHECK(walked.articles.empty());
  CHECK(walked.skipped.size() == 4);
  const Collected c = read({dir.path() / "000_42efc17f8a286118.txt", dir.path() / "004_31363c931ec8fce3.txt",
                            dir.path() / "latin.txt", dir.path() / "bom.txt"});
  REQUIRE(c.errors.empty());
  REQUIRE(c.articles.size() == 4);
  CHECK(c.articles[0].headline == "Ukraine and Russia promise 'roadmap' to peace after talks");
  CHECK(c.articles[0].body.starts_with("Putin and Poroshenko agree"));
  CHECK(c.articles[1].headline.starts_with("Talks between Russia and the U.S"));
  CHECK(c.articles[2].id == "latin");
  // Not UTF-8: read as windows-1252, as the HTML reader does, rather than U+FFFD.
  CHECK(c.articles[2].headline == "Caf\u00E9 owners protest");
  CHECK(c.articles[2].body == "The owners of the caf\u00E9 said \u201Cno\u201D.");
  CHECK(c.articles[3].headline == "BOM headline story");  // the mark is not text
}

TEST_CASE("Reuters: one file, its records and their fields", "[readers][reuters]") {
  MORGUE_REQUIRE_CORPUS(reuters, "reuters21578");
  Collected c;
  read_reuters_sgml(reuters / "reut2-000.sgm", c.sink());
  CHECK(c.errors.empty());
  REQUIRE(c.articles.size() == 1000);

  const Article* first = c.by_id("reuters-1");
  REQUIRE(first);
  CHECK(iso(first->published) == "1987-02-26");
  CHECK(first->headline == "BAHIA COCOA REVIEW");
  CHECK(first->outlet == "Reuters");
  CHECK(first->lang == "en");
  CHECK(first->body.starts_with("SALVADOR, Feb 26 - Showers continued throughout the week in the Bahia cocoa zone,"));
  CHECK(first->body.find("\n\nThe dry period means the temporao will be late this year.\n\n") != std::string::npos);
  CHECK_FALSE(first->body.ends_with("Reuter"));
  CHECK(first->source.ends_with("reut2-000.sgm:2"));
  const std::vector<EntityLabel> places = {{"place", "el-salvador"}, {"place", "usa"}, {"place", "uruguay"}};
  CHECK(first->gold_entities == places);

  const Article* second = c.by_id("reuters-2");
  REQUIRE(second);
  CHECK(second->headline == "STANDARD OIL <SRD> TO FORM FINANCIAL UNIT");
  CHECK(second->body.find("British Petroleum Co Plc <BP>, which") != std::string::npos);

  // A BRIEF is a headline flash: the headline stays, the body is empty.
  const auto brief = std::find_if(c.articles.begin(), c.articles.end(), [](const Article& a) {
    return a.headline == "ASSETS OF MONEY MARKET MUTUAL FUNDS ROSE 720.4 MLN DLRS IN LATEST WEEK";
  });
  REQUIRE(brief != c.articles.end());
  CHECK(brief->body.empty());
  // An UNPROC record has raw text only; its lede is the headline.
  const auto unproc = std::find_if(c.articles.begin(), c.articles.end(), [](const Article& a) {
    return a.body.starts_with("FEDERAL RESERVE WEEKLY REPORT 1 - FEB 26");
  });
  REQUIRE(unproc != c.articles.end());
  CHECK(unproc->headline.starts_with("FEDERAL RESERVE WEEKLY REPORT 1"));
}

TEST_CASE("Reuters: all 21,578 records of the 22 files, valid UTF-8", "[readers][reuters]") {
  MORGUE_REQUIRE_CORPUS(reuters, "reuters21578");
  std::vector<fs::path> files;
  for (int i = 0; i < 22; ++i)
    files.push_back(reuters / ("reut2-0" + std::string(i < 10 ? "0" : "") + std::to_string(i) + ".sgm"));
  const Collected c = read(files);
  for (const std::string& e : c.errors) UNSCOPED_INFO(e);
  CHECK(c.errors.empty());
  CHECK(c.articles.size() == 21578);
  std::set<std::string> ids;
  std::size_t dated = 0, with_people = 0;
  for (const Article& a : c.articles) {
    ids.insert(a.id);
    dated += a.published ? 1 : 0;
    with_people += std::any_of(a.gold_entities.begin(), a.gold_entities.end(),
                               [](const EntityLabel& e) { return e.type == "person"; });
    REQUIRE(valid_utf8(a.headline));
    REQUIRE(valid_utf8(a.body));
    // The wire's sign-off in any of its forms ("reuter", "REUTER...", "REUTER^M").
    const auto space = a.body.find_last_of(" \n");
    std::string last = a.body.substr(space == std::string::npos ? 0 : space + 1);
    for (char& ch : last) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    while (last.ends_with("^m") || last.ends_with('.')) last.resize(last.size() - (last.back() == '.' ? 1 : 2));
    INFO(a.id << " ends with '" << last << "'");
    CHECK(last != "reuter");
  }
  CHECK(ids.size() == 21578);
  CHECK(dated == 21578);
  CHECK(with_people > 1000);
  const Article* latin1 = c.by_id("reuters-17980");  // the one Latin-1 byte of the collection (0xFC)
  REQUIRE(latin1);
  CHECK(latin1->body.find("growth.\xC3\xBC") != std::string::npos);
  const Article* empty = c.by_id("reuters-12793");  // an UNPROC record without text
  REQUIRE(empty);
  CHECK(empty->body.empty());
}

TEST_CASE("Reuters: malformed records are reported and the scan goes on", "[readers][reuters]") {
  const std::string text =
      "<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n"
      "<REUTERS TOPICS=\"NO\" OLDID=\"1\">\n<DATE>26-FEB-1987 15:01:01.79</DATE>\n"
      "<TEXT><TITLE>NO NEWID</TITLE><BODY>Text.</BODY></TEXT>\n</REUTERS>\n"
      "<REUTERS NEWID=\"7\">\n<DATE>  3-MAR-1987  09:15:05.40</DATE>\n<PEOPLE><D>james-baker</D></PEOPLE>\n"
      "<ORGS><D>imf</D></ORGS>\n<TEXT>&#2;\n<TITLE>CAF\xC9 PRICES &amp; TARIFFS</TITLE>\n"
      "<DATELINE>    PARIS, March 3 - </DATELINE><BODY>Prices rose &lt;1 pct&gt;.\n    A second paragraph.\n"
      " REUTER\n&#3;</BODY></TEXT>\n</REUTERS>\n"
      "<REUTERS NEWID=\"8\">\n<DATE>31-FEB-1987 00:00:00.00</DATE>\n<TEXT><TITLE>BAD DATE</TITLE></TEXT>\n</REUTERS>\n"
      "<REUTERS NEWID=\"9\">\n<DATE>3-MAR-1987 00:00:00.00</DATE>\n<TEXT><TITLE>NEVER CLOSED</TITLE>\n";
  Collected c;
  read_reuters_sgml_text(text, "sample.sgm", c.sink());
  CHECK(c.error_where == std::vector<std::string>{"sample.sgm:2", "sample.sgm:17", "sample.sgm:21"});
  REQUIRE(c.articles.size() == 1);
  const Article& a = c.articles[0];
  CHECK(a.id == "reuters-7");
  CHECK(iso(a.published) == "1987-03-03");
  CHECK(a.headline == "CAF\xC3\x89 PRICES & TARIFFS");
  CHECK(a.body == "PARIS, March 3 - Prices rose <1 pct>.\n\nA second paragraph.");
  CHECK(a.gold_entities == std::vector<EntityLabel>{{"person", "james-baker"}, {"org", "imf"}});
}

TEST_CASE("Reuters: a file with no records is reported as one failure naming it", "[readers][reuters]") {
  std::string binary;
  for (int i = 0; i < 5000; ++i) binary += static_cast<char>((i * 7919 + 13) % 256);
  struct Row {
    const char* what;
    std::string text;
    std::vector<std::string> errors;
  };
  const Row rows[] = {
      {"random bytes", binary, {"binary.sgm: no Reuters-21578 records found"}},
      {"a DOCTYPE alone", "<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n", {"binary.sgm: no Reuters-21578 records found"}},
      {"an empty file: nothing to read, nothing wrong", "", {}},
      {"a bad record is reported once, as itself",
       "<REUTERS NEWID=\"1\">\n",
       {"binary.sgm:1: record without </REUTERS>"}},
  };
  for (const auto& row : rows) {
    INFO(row.what);
    Collected c;
    read_reuters_sgml_text(row.text, "binary.sgm", c.sink());
    CHECK(c.articles.empty());
    CHECK(c.errors == row.errors);
  }
  // Through the sources, as morgue-index reads it: one failure, the file's path.
  TempDir dir;
  write_file(dir.path() / "binary.sgm", binary);
  const Collected c = read({dir.path() / "binary.sgm"});
  CHECK(c.errors ==
        std::vector<std::string>{(dir.path() / "binary.sgm").string() + ": no Reuters-21578 records found"});
}

TEST_CASE("Reuters stories are ordinary articles: furniture stripping keeps every paragraph", "[readers][reuters]") {
  MORGUE_REQUIRE_CORPUS(reuters, "reuters21578");
  Collected c;
  read_reuters_sgml(reuters / "reut2-000.sgm", c.sink());
  std::size_t stories = 0;
  for (const Article& a : c.articles) {
    const auto paragraphs = split(a.body, '\n');
    // Narrative stories: every paragraph a sentence (tables of figures are not prose).
    const bool prose = !a.body.empty() && std::all_of(paragraphs.begin(), paragraphs.end(), [](const std::string& p) {
      return p.empty() || p.back() == '.' || p.back() == '"';
    });
    if (!prose) continue;
    ++stories;
    INFO(a.id);
    CHECK(strip_furniture(a.body, FurnitureOptions{a.headline}).body == a.body);
  }
  CHECK(stories > 300);
}

TEST_CASE("JSONL: a broken line is reported as file:2 and the others are read", "[readers][jsonl]") {
  TempDir dir;
  const fs::path file = dir.path() / "news.jsonl";
  write_file(
      file,
      "{\"id\":\"a1\",\"headline\":\"First\",\"body\":\"  Text one.  \",\"published\":\"2025-05-19T10:00:00Z\","
      "\"authors\":[\"Ann Lee\",\"Bo Chen\"],\"outlet\":\"Wire\",\"url\":\"https://e.org/1\",\"lang\":\"en\"}\n"
      "{\"id\":\"a2\",\"headline\":\"Broken\",\"body\":\n"
      "\n"
      "{\"id\":7,\"headline\":\"Third\",\"body\":\"Text three.\",\"published\":\"2025-05-20\","
      "\"authors\":\"Ann Lee, Bo Chen\",\"extra\":{\"x\":1}}\r\n"
      "[1,2]\n"
      "{\"id\":\"a5\",\"headline\":\"\",\"body\":\"\"}\n"
      "{\"id\":\"a6\",\"headline\":\"Bad date\",\"body\":\"x\",\"published\":\"19 May 2025\"}\n"
      "{\"id\":\"a7\",\"body\":\"The council approved the budget on Monday. The vote was 7 to 2.\",\"headline\":null}");
  Collected c;
  read_jsonl(file, FieldMapping{}, c.sink());
  std::vector<std::string> where;
  for (const std::string& w : c.error_where) where.push_back(w.substr(w.rfind('/') + 1));
  CHECK(where == std::vector<std::string>{"news.jsonl:2", "news.jsonl:5", "news.jsonl:6", "news.jsonl:7"});
  CHECK(c.errors[0].find("not valid JSON") != std::string::npos);
  CHECK(c.errors[1].find("not a JSON object") != std::string::npos);
  CHECK(c.errors[3].find("not a date") != std::string::npos);
  REQUIRE(c.articles.size() == 3);
  const Article& a = c.articles[0];
  CHECK(a.id == "a1");
  CHECK(a.body == "Text one.");
  CHECK(iso(a.published) == "2025-05-19");
  CHECK(a.authors == std::vector<std::string>{"Ann Lee", "Bo Chen"});
  CHECK(a.outlet == "Wire");
  CHECK(a.url == "https://e.org/1");
  CHECK(a.source.ends_with("news.jsonl:1"));
  CHECK(c.articles[1].id == "7");
  CHECK(c.articles[1].authors == std::vector<std::string>{"Ann Lee", "Bo Chen"});
  CHECK(c.articles[1].source.ends_with("news.jsonl:4"));
  CHECK(c.articles[2].headline == "The council approved the budget on Monday");
}

TEST_CASE("JSONL: an article without lang gets its text's language, a declared one is kept", "[readers][jsonl]") {
  // AllSides has no lang field: lang:en and the lang facet left out all 8,567 articles.
  const Collected c = read_jsonl_lines(
      "{\"id\":\"de\",\"headline\":\"Bundestag beschließt Haushalt\",\"body\":\"Der Bundestag hat am "
      "Freitag den Haushalt für das kommende Jahr beschlossen. Die Opposition kritisierte die hohen "
      "Schulden und forderte Einsparungen bei den Ausgaben der Ministerien.\"}\n"
      "{\"id\":\"en\",\"headline\":\"Parliament passes budget\",\"body\":\"Parliament on Friday passed "
      "the budget for next year. The opposition criticised the high debt and called for cuts in the "
      "spending of the ministries.\"}\n"
      "{\"id\":\"fr\",\"lang\":\"fr\",\"headline\":\"Parliament passes budget\",\"body\":\"Parliament on "
      "Friday passed the budget for next year, said the ministry in a statement on its website.\"}\n");
  REQUIRE(c.articles.size() == 3);
  CHECK(c.articles[0].lang == "de");
  CHECK(c.articles[1].lang == "en");
  CHECK(c.articles[2].lang == "fr");  // the feed said so
}

TEST_CASE("JSONL: strings become clean UTF-8 text, the article kept", "[readers][jsonl]") {
  struct Row {
    const char* why;
    std::string line;
    std::string headline, body;
  };
  const Row rows[] = {
      // JSON is UTF-8, but old exports are not: "Caf\xE9" became "Caf\uFFFD".
      {"a byte that is not UTF-8 is windows-1252",
       "{\"id\":\"l1\",\"lang\":\"en\",\"headline\":\"Caf\xE9 \x93smart\x94\",\"body\":\"Na\xEFve "
       "text, and UTF-8 caf\xC3\xA9 beside it.\"}",
       "Caf\u00E9 \u201Csmart\u201D", "Na\u00EFve text, and UTF-8 caf\u00E9 beside it."},
      // A NUL was stored as text.
      {"control characters are not text",
       R"({"id":"c1","lang":"en","headline":"Nul\u0000head\u0007line","body":"One\ttab.\nTwo\u001b[0m lines."})",
       "Nulheadline", "One\ttab.\nTwo[0m lines."},
      // RapidJSON refused the whole line: the article was lost.
      {"a lone UTF-16 surrogate escape is one U+FFFD",
       R"({"id":"s1","lang":"en","headline":"Lone \ud800 high","body":"Lone \uDC00 low, a pair \ud83d\ude00 and \\ud800 as text."})",
       "Lone \uFFFD high", "Lone \uFFFD low, a pair \U0001F600 and \\ud800 as text."},
  };
  for (const Row& row : rows) {
    INFO(row.why);
    const Collected c = read_jsonl_lines(row.line + "\n");
    CHECK(c.errors.empty());
    REQUIRE(c.articles.size() == 1);
    CHECK(c.articles[0].headline == row.headline);
    CHECK(c.articles[0].body == row.body);
  }
}

TEST_CASE("JSONL: gzip-compressed files read the same", "[readers][jsonl]") {
  TempDir dir;
  const fs::path file = dir.path() / "news.jsonl.gz";
  std::string content;
  for (int i = 0; i < 2000; ++i) {
    content +=
        "{\"id\":\"n" + std::to_string(i) + "\",\"headline\":\"H\",\"body\":\"" + std::string(300, 'x') + "\"}\n";
  }
  gzFile gz = gzopen(file.c_str(), "wb");
  REQUIRE(gz);
  REQUIRE(gzwrite(gz, content.data(), static_cast<unsigned>(content.size())) == static_cast<int>(content.size()));
  gzclose(gz);
  const Collected c = read({dir.path()});
  CHECK(c.errors.empty());
  REQUIRE(c.articles.size() == 2000);
  CHECK(c.articles.back().id == "n1999");
  CHECK(c.articles.back().source.ends_with("news.jsonl.gz:2000"));
}

// A feed whose text is under other keys than the mapping's fails on every line: the
// message says which keys the record has and the mapping that would read it.
TEST_CASE("JSONL: a record without the mapped text keys names its own keys and a mapping", "[readers][jsonl]") {
  struct Row {
    const char* line;
    const char* message;
  };
  const Row rows[] = {
      // AllSides' first record, its text cut short.
      {R"({"topic": "elections", "source": "The Hill", "bias": 1, "url": "https://thehill.com/homenews/administration/423368-the-top-ten-democrats-for-2020", "title": "The Top Ten Democrats for 2020", "date": "2019-01-01", "authors": "", "content_original": "Sen. Elizabeth Warren Elizabeth Ann Warren2020 Democrats push for gun control action at forum On The Money: Trump blames impeachment inquiry for stock market drop"})",
       "no text: the record has no \"headline\" or \"body\", but \"topic\", \"source\", \"url\", \"title\", "
       "\"date\", \"authors\", \"content_original\": map them (morgue-index --map "
       "headline=title,body=content_original)"},
      // No title among them: the longest text is offered as the body.
      {R"({"lede": "Short one.", "story": "The council approved the budget on Monday after a long debate."})",
       "no text: the record has no \"headline\" or \"body\", but \"lede\", \"story\": map them "
       "(morgue-index --map body=story)"},
      // The keys are there and empty: said as before.
      {R"({"headline": "", "body": " "})", "no text: \"headline\" and \"body\" are empty"},
  };
  for (const Row& row : rows) {
    INFO(row.line);
    const Collected c = read_jsonl_lines(std::string(row.line) + "\n");
    CHECK(c.articles.empty());
    REQUIRE(c.errors.size() == 1);
    CHECK(c.error_where[0].ends_with("news.jsonl:1"));
    const std::string& error = c.errors[0];  // "<path>/news.jsonl:1: <message>"
    CHECK(error.substr(error.find("news.jsonl:1: ") + 14) == row.message);
  }
}

TEST_CASE("JSONL: the AllSides dump through a field mapping", "[readers][jsonl]") {
  MORGUE_REQUIRE_CORPUS(allsides, "allsides-news-2019-2020");
  SourceOptions options;
  options.mapping = parse_field_mapping(kAllSidesMapping);
  const Collected c = read({allsides}, options);
  CHECK(c.errors.empty());
  REQUIRE(c.articles.size() == 8570);
  std::set<std::string> outlets, ids;
  std::size_t english = 0;
  for (const Article& a : c.articles) {
    outlets.insert(a.outlet);
    ids.insert(a.id);
    REQUIRE(a.published);
    english += a.lang == "en";
  }
  CHECK(outlets.size() == 236);
  CHECK(ids.size() == 8570);
  // No lang field: detected, from the first 2 KB (8,568 of them over the whole text).
  CHECK(english >= 8565);
  const Article& first = c.articles.front();
  CHECK(first.id == "GC79DNu8ylH1WMvm");
  CHECK(first.headline == "The Top Ten Democrats for 2020");
  CHECK(first.outlet == "The Hill");
  CHECK(iso(first.published) == "2019-01-01");
  CHECK(first.body.starts_with("Sen. Elizabeth Warren"));
  std::set<std::string> skipped;
  for (const auto& [where, reason] : c.skipped) skipped.insert(fs::path(where).filename().string());
  CHECK(skipped == std::set<std::string>{"LICENSE", "README.md"});
}

TEST_CASE("field mappings: parse, file, errors", "[readers][jsonl]") {
  const FieldMapping m = parse_field_mapping(kAllSidesMapping);
  CHECK(m.headline == "title");
  CHECK(m.body == "content_original");
  CHECK(m.outlet == "source");
  CHECK(m.published == "date");
  CHECK(m.id == "ID");
  CHECK(m.url == "url");  // not named: identity
  CHECK(m.authors == "authors");

  struct Bad {
    const char* spec;
    const char* message;
  };
  for (const Bad& bad : {Bad{"titel=title", "unknown field 'titel'"}, Bad{"headline", "expected field=key"},
                         Bad{"headline=", "no source key for field 'headline'"}}) {
    INFO(bad.spec);
    CHECK_THROWS_WITH(parse_field_mapping(bad.spec), Catch::Contains(bad.message));
    CHECK_THROWS_AS(parse_field_mapping(bad.spec), Error);
  }

  TempDir dir;
  write_file(dir.path() / "allsides.map", "# AllSides\nheadline = title   # the title\n\nbody=content_original\n");
  const FieldMapping from_file = load_field_mapping_file(dir.path() / "allsides.map");
  CHECK(from_file.headline == "title");
  CHECK(from_file.body == "content_original");
  write_file(dir.path() / "bad.map", "headline = title\n# ok\nheadlin = title\n");
  try {
    (void)load_field_mapping_file(dir.path() / "bad.map");
    FAIL("no error");
  } catch (const InputError& e) {
    CHECK(e.where().ends_with("bad.map:3"));
  }
  CHECK_THROWS_AS(load_field_mapping_file(dir.path() / "absent.map"), InputError);
}

TEST_CASE("sources: missing paths, unsupported types, deterministic walk order", "[readers][sources]") {
  TempDir dir;
  fs::create_directories(dir.path() / "b" / "c");
  write_file(dir.path() / "z.txt", "Zed story\nText of zed.\n");
  write_file(dir.path() / "b" / "c" / "y.txt", "Why story\nText of why.\n");
  write_file(dir.path() / "b" / "x.TXT", "Ex story\nText of ex.\n");
  write_file(dir.path() / "b" / "page.pdf", "<html></html>");
  write_file(dir.path() / "b" / "c" / "MANIFEST.tsv", "file\toutlet\ny.txt\tWhy Times\n");
  // A link to nothing is an input that cannot be read, not a file of another type.
  fs::create_symlink(dir.path() / "gone.jsonl", dir.path() / "b" / "dangling.jsonl");
  const Collected c = read({dir.path(), dir.path() / "nothing-here.jsonl"});
  std::vector<std::string> ids;
  for (const Article& a : c.articles) ids.push_back(a.id);
  CHECK(ids == std::vector<std::string>{"y"});  // the only .txt with a manifest
  REQUIRE(c.skipped.size() == 3);
  CHECK(c.skipped[0].first.ends_with("page.pdf"));
  CHECK(c.skipped[0].second == "unsupported-type");
  CHECK(c.skipped[1].first.ends_with("x.TXT"));
  CHECK(c.skipped[1].second == "txt-without-manifest");
  REQUIRE(c.errors.size() == 2);
  CHECK(c.error_where[0].ends_with("dangling.jsonl"));
  CHECK(c.errors[0].find("a symbolic link to nothing") != std::string::npos);
  CHECK(c.error_where[1].ends_with("nothing-here.jsonl"));
  CHECK(c.errors[1].find("cannot read") != std::string::npos);
}
