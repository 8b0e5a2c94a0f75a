#include <catch2/catch.hpp>

#include "common/identity.h"

TEST_CASE("URLs normalise to one identity", "[identity]") {
  CHECK(morgue::normalize_url("HTTPS://Example.COM/Story?id=1#comments") == "https://example.com/Story?id=1");
  CHECK(morgue::normalize_url("http://example.com:80") == "http://example.com/");
  morgue::Article a, b;
  a.url = "https://example.com/story";
  b.url = "https://EXAMPLE.com/story#top";
  b.headline = "different text";
  CHECK(morgue::document_id(a) == morgue::document_id(b));
  CHECK(morgue::document_id(a) == morgue::id_from_user("https://example.com/story"));
}

TEST_CASE("Without a URL the source id is the identity", "[identity]") {
  morgue::Article a;
  a.id = "reuters-17";
  CHECK(morgue::document_id(a) == "reuters-17");
  CHECK(morgue::id_from_user("reuters-17") == "reuters-17");
  a.id = "has spaces/and slashes";
  CHECK(morgue::document_id(a).starts_with("h"));
  CHECK(morgue::document_id(a) == morgue::id_from_user("has spaces/and slashes"));
}

TEST_CASE("Fingerprints change with the content only", "[identity]") {
  morgue::Article a;
  a.headline = "Headline";
  a.body = "Body text.";
  morgue::Article b = a;
  b.source = "elsewhere.jsonl:9";  // where it was read is not content
  CHECK(morgue::content_fingerprint(a) == morgue::content_fingerprint(b));
  b.body += " More.";
  CHECK(morgue::content_fingerprint(a) != morgue::content_fingerprint(b));
  b = a;
  b.published = morgue::Date{2025, 1, 1};
  CHECK(morgue::content_fingerprint(a) != morgue::content_fingerprint(b));
}
