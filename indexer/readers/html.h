// HTML pages: one article per page, its metadata from the page's own markup and its
// text with the site around it removed (docs/html-extraction.md). The WARC reader
// calls extract_html_article for each HTML response record.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "common/article.h"
#include "common/date.h"
#include "indexer/readers/reader.h"

namespace morgue::indexer {

struct HtmlSource {
  std::string fetched_url;  // where the page was fetched from, "" when unknown
  // When it was fetched: a page cannot have been published later, so later dates
  // found in it are not publication dates. Never used as the publication date itself
  // (crawls happen years after publication).
  std::optional<Date> fetched_date;
  std::string declared_charset;  // from the HTTP Content-Type, "" when none
  std::string where;             // "file" or "file:record" for messages (Article.source)
};

// The page's article, or nullopt when the page has no article text (an index page,
// a video page, an error page). Never throws on bad markup or unknown charsets.
[[nodiscard]] std::optional<Article> extract_html_article(std::string_view html_bytes, const HtmlSource& src);

// A .html / .htm file, or .html.gz (zlib reads both). The fetched URL is unknown,
// so the canonical URL comes from the page or stays "" (the id is then a content hash).
void read_html_file(const std::filesystem::path& file, const ReadSink& sink);

}  // namespace morgue::indexer
