// Human-readable search results for the terminal (morgue-search without --json).
#pragma once

#include <string>

#include "common/searcher.h"

namespace morgue {

enum class Highlight { kAnsi, kAsterisks };

// Snippets arrive HTML-escaped with <mark> tags; this renders them for a terminal.
[[nodiscard]] std::string render_snippet(const std::string& html_snippet, Highlight highlight);

[[nodiscard]] std::string format_human(const SearchResponse& response, Highlight highlight);

}  // namespace morgue
