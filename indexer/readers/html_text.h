// The article's text in a parsed page: its paragraphs, without the site around them
// (navigation, headers, footers, share and subscribe blocks, related-story lists,
// comments, cookie banners, captions). docs/html-extraction.md explains the scoring.
#pragma once

#include <string>

#include "indexer/readers/html_dom.h"

namespace morgue::indexer {

struct MainTextOptions {
  std::string headline;  // a block equal to the headline is the page repeating it
};

// Paragraphs joined by "\n\n" (the Article.body convention); "" when the page has
// no article text.
[[nodiscard]] std::string extract_main_text(const GumboNode* root, const MainTextOptions& options = {});

}  // namespace morgue::indexer
