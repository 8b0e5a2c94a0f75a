// What an element is to the main-text extractor: never text, a block boundary, one
// paragraph, and what its class/id names suggest (docs/html-extraction.md, "Main text").
#pragma once

#include "indexer/readers/html_dom.h"

namespace morgue::indexer {

enum class NameHint { kNone, kPositive, kNegative, kStrongNegative };

// From class and id: "article-body" positive, "share-tools" negative, "comments"
// strongly negative (never the article, whatever it wraps).
[[nodiscard]] NameHint name_hint(const GumboNode* element);

// Content that is never article text: scripts, navigation, headers, footers, figures,
// form controls, hidden elements, ARIA navigation/banner/complementary roles.
[[nodiscard]] bool is_dropped(const GumboNode* element);

// Elements that start and end a block of text (p, div, li, h2, td ...).
[[nodiscard]] bool is_block_tag(GumboTag tag);

// Blocks that are one paragraph (p, h2, li, blockquote ...), not containers of them.
[[nodiscard]] bool is_paragraph_like(GumboTag tag);

}  // namespace morgue::indexer
