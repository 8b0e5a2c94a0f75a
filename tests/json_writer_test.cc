// The JSON writer: whatever bytes it is given, it prints valid UTF-8 JSON.
#include <catch2/catch.hpp>

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include "common/json_writer.h"
#include "common/searcher.h"

namespace {

// The message of error_json(), parsed back the way a strict client reads it.
std::string message_round_trip(const std::string& message) {
  const std::string json = morgue::error_json("bad_request", message);
  rapidjson::Document doc;
  doc.Parse<rapidjson::kParseValidateEncodingFlag>(json.c_str(), json.size());
  INFO("json: " << json);
  INFO("parse error: " << rapidjson::GetParseError_En(doc.GetParseError()));
  REQUIRE_FALSE(doc.HasParseError());
  return doc["error"]["message"].GetString();
}

}  // namespace

TEST_CASE("JSON strings are valid UTF-8: each ill-formed sequence becomes one U+FFFD", "[json]") {
  // Unicode's "maximal subpart" rule (Unicode 15, section 3.9, U+FFFD substitution).
  struct Row {
    const char* what;
    std::string in;
    std::string out;
  };
  const Row rows[] = {
      {"a byte no UTF-8 has", "oil\xFF", "oil\uFFFD"},
      {"a lone continuation byte", "a\x80z", "a\uFFFDz"},
      {"two lone continuation bytes", "\x80\xBF", "\uFFFD\uFFFD"},
      {"a truncated 2-byte sequence at the end (prefix=%C3)", "\xC3", "\uFFFD"},
      {"a truncated 3-byte sequence before ASCII", "\xE2\x82z", "\uFFFDz"},
      {"a truncated 4-byte sequence", "\xF0\x9F\x98", "\uFFFD"},
      {"an overlong '/'", "\xC0\xAF", "\uFFFD\uFFFD"},
      {"an overlong 3-byte NUL", "\xE0\x80\x80", "\uFFFD\uFFFD\uFFFD"},
      {"a surrogate encoded in UTF-8", "\xED\xA0\x80", "\uFFFD\uFFFD\uFFFD"},
      {"past U+10FFFF", "\xF4\x90\x80\x80", "\uFFFD\uFFFD\uFFFD\uFFFD"},
      {"a Latin-1 name", "Kyiv \xE9t\xE9", "Kyiv \uFFFDt\uFFFD"},
  };
  for (const auto& row : rows) {
    INFO(row.what);
    CHECK(message_round_trip(row.in) == row.out);
  }
}

TEST_CASE("Valid UTF-8 passes through the JSON writer byte for byte", "[json]") {
  for (const std::string text : {"Zelenskyy", "Київ, Зеленський", "café “quoted” — dash", "€ 中文 😀 \xF4\x8F\xBF\xBF",
                                 "\xED\x9F\xBF \xEE\x80\x80"}) {
    INFO(text);
    CHECK(message_round_trip(text) == text);
    CHECK(morgue::error_json("c", text).find(text) != std::string::npos);
  }
}

TEST_CASE("Every string of a search response is repaired", "[json]") {
  morgue::SearchResponse r;
  r.query = "oil\xFF";
  r.hits.push_back({});
  r.hits.back().headline = "\xC3";
  r.facets["outlet"] = {{"Le Monde \xE9", 1, {}}};
  const std::string json = morgue::to_json(r);
  rapidjson::Document doc;
  doc.Parse<rapidjson::kParseValidateEncodingFlag>(json.c_str(), json.size());
  REQUIRE_FALSE(doc.HasParseError());
  CHECK(std::string(doc["query"].GetString()) == "oil\uFFFD");
  CHECK(std::string(doc["hits"][0]["headline"].GetString()) == "\uFFFD");
  CHECK(std::string(doc["facets"]["outlet"][0]["value"].GetString()) == "Le Monde \uFFFD");
}

TEST_CASE("date_interval is present whenever facets.date is", "[json]") {
  struct Row {
    const char* what;
    std::vector<morgue::FacetValue> dates;
    std::string interval;  // as the searcher leaves it
    const char* expected;
  };
  const Row rows[] = {
      {"matches over months", {{"2014-08", 1, {}}, {"2025-05", 3, {}}}, "month", "month"},
      {"matches within days", {{"2025-05-16", 1, {}}}, "day", "day"},
      {"no match (q=zzzzqqq): an empty histogram spans no days", {}, "", "day"},
  };
  for (const auto& row : rows) {
    INFO(row.what);
    morgue::SearchResponse r;
    r.facets["date"] = row.dates;
    r.facets["outlet"] = {};
    r.date_facet_interval = row.interval;
    rapidjson::Document doc;
    doc.Parse(morgue::to_json(r).c_str());
    REQUIRE(doc.HasMember("facets"));
    REQUIRE(doc.HasMember("date_interval"));
    CHECK(std::string(doc["date_interval"].GetString()) == row.expected);
  }
  morgue::SearchResponse outlets_only;
  outlets_only.facets["outlet"] = {{"Reuters", 3, {}}};
  rapidjson::Document doc;
  doc.Parse(morgue::to_json(outlets_only).c_str());
  CHECK_FALSE(doc.HasMember("date_interval"));
}
