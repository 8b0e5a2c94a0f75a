#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "common/article_json.h"
#include "common/json_writer.h"
#include "test_support.h"

namespace {

using morgue::Article;
using morgue::ArticleFields;

// corpus/'s first story: headline line, then the text.
Article corpus_article() {
  std::ifstream in(morgue::test::corpus_dir() / "000_42efc17f8a286118.txt");
  std::stringstream text;
  text << in.rdbuf();
  const std::string all = text.str();
  Article a;
  a.headline = all.substr(0, all.find('\n'));
  a.body = all.substr(all.find('\n') + 1);
  a.url = "https://example.org/2014/09/ukraine-russia-roadmap";
  a.outlet = "example";
  a.published = morgue::Date{2014, 9, 1};
  a.lang = "en";
  a.authors = {"A. Writer", "B. Writer"};
  a.entities = {{"Vladimir Putin", morgue::EntityType::kPerson, 3}, {"Kyiv", morgue::EntityType::kPlace, 1}};
  a.gold_entities = {{"place", "ukraine"}};
  a.source = "corpus/000_42efc17f8a286118.txt:1";
  return a;
}

Article escapes_article() {
  Article a;
  a.headline = "Quotes \"here\", a back\\slash, a tab\t and <b>&amp;</b>";
  a.body = "Line one\n\nLine two: caf\xc3\xa9, \xe2\x80\x9cKyiv\xe2\x80\x9d, \xf0\x9f\x93\xb0 and a control \x01 byte";
  a.outlet = "reuters";
  return a;
}

}  // namespace

TEST_CASE("Articles read back in place equal those read from a copy", "[json]") {
  for (const Article& a : {corpus_article(), escapes_article(), Article{}}) {
    CAPTURE(a.headline);
    const std::string json = morgue::to_json(a, "id-1");
    std::string id_view, id_all, id_hit;
    const Article from_view = morgue::article_from_json(json, &id_view);
    const Article all = morgue::article_from_json(std::string(json), &id_all, ArticleFields::kAll);
    const Article hit = morgue::article_from_json(std::string(json), &id_hit, ArticleFields::kHit);
    CHECK(id_view == "id-1");
    CHECK(id_all == id_view);
    CHECK(id_hit == id_view);
    CHECK(from_view.headline == a.headline);
    CHECK(from_view.body == a.body);
    CHECK(from_view.entities == a.entities);
    // Every field, in place.
    CHECK(all.url == from_view.url);
    CHECK(all.outlet == from_view.outlet);
    CHECK(all.published == from_view.published);
    CHECK(all.headline == from_view.headline);
    CHECK(all.body == from_view.body);
    CHECK(all.authors == from_view.authors);
    CHECK(all.lang == from_view.lang);
    CHECK(all.gold_entities == from_view.gold_entities);
    CHECK(all.entities == from_view.entities);
    CHECK(all.source == from_view.source);
    // A hit's fields only.
    CHECK(hit.url == from_view.url);
    CHECK(hit.outlet == from_view.outlet);
    CHECK(hit.published == from_view.published);
    CHECK(hit.headline == from_view.headline);
    CHECK(hit.body == from_view.body);
    CHECK(hit.authors.empty());
    CHECK(hit.lang.empty());
    CHECK(hit.entities.empty());
    CHECK(hit.gold_entities.empty());
  }
}

TEST_CASE("Data that is not an article reads back as an empty one, in place too", "[json]") {
  for (const char* json : {"", "not json", "[1,2]", "{\"headline\": 3}", "{\"body\": \"cut"}) {
    CAPTURE(json);
    std::string id = "unchanged";
    const Article a = morgue::article_from_json(std::string(json), &id, ArticleFields::kHit);
    CHECK(a.headline.empty());
    CHECK(a.body.empty());
  }
}
