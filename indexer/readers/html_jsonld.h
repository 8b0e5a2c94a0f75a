// schema.org JSON-LD in <script type="application/ld+json">: the article's own
// metadata when the publisher provides it (most news sites do, for search engines).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace morgue::indexer {

struct JsonLdArticle {
  std::string headline;
  std::string date_published;  // as written: "2025-05-19T10:00:00Z"
  std::string publisher;       // publisher.name
  std::vector<std::string> authors;
  std::string article_body;  // articleBody: plain text, when the publisher includes it
};

// The first article-like node (NewsArticle, Article, BlogPosting, ReportageNewsArticle,
// ...; else any node with a headline) across all the page's JSON-LD scripts. Handles
// top-level arrays, @graph arrays, values given as lists, and publisher/author given
// as {"@id": ...} references to other nodes of the graph. Scripts that are not valid
// JSON are ignored. Empty fields when nothing is found.
[[nodiscard]] JsonLdArticle parse_json_ld(const std::vector<std::string_view>& scripts);

}  // namespace morgue::indexer
