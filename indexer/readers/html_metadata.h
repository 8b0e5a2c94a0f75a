// An article's metadata from the page's own markup: JSON-LD, Open Graph and other
// <meta> tags, <link rel>, <time>, <h1>, <title>, and the URL. Each field has a
// fallback order, documented in docs/html-extraction.md.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/date.h"
#include "indexer/readers/html.h"
#include "indexer/readers/html_dom.h"

namespace morgue::indexer {

struct PageMetadata {
  std::string headline;
  std::optional<Date> published;
  std::string outlet;
  std::string canonical_url;
  std::vector<std::string> authors;
  std::string lang;          // from <html lang>, ISO 639-1; "" when the page does not say
  std::string json_ld_body;  // JSON-LD articleBody, "" when none
};

[[nodiscard]] PageMetadata extract_metadata(const GumboNode* root, const HtmlSource& src);

// "Headline | BBC News" -> "Headline": drops a trailing " | Site" / " - Site" part when
// it names one of `site_names` or is short next to the rest.
[[nodiscard]] std::string strip_site_suffix(std::string_view title, const std::vector<std::string>& site_names);

// A date in a URL's path: /2025/05/19/ or a segment containing 2025-05-19.
[[nodiscard]] std::optional<Date> date_from_url(std::string_view url);

}  // namespace morgue::indexer
