// The only module that knows RapidJSON's writer API: every JSON morgue prints.
#pragma once

#include <string>
#include <string_view>

#include "common/article.h"
#include "common/index_stats.h"
#include "common/searcher.h"

namespace morgue {

// The search response of docs/api.md (morgue-search --json and GET /search).
[[nodiscard]] std::string to_json(const SearchResponse& response);

// An article: id, url, outlet, date, headline, body, authors, lang, entities.
// Also the stored document data in the index (article_json.h reads it back).
[[nodiscard]] std::string to_json(const Article& article, std::string_view id);

// The indexer's summary (morgue-index --json).
[[nodiscard]] std::string to_json(const IndexStats& stats);
// GET /entities: {"prefix": ..., "entities": [{"name","type","articles"}]}.
[[nodiscard]] std::string to_json(std::string_view prefix, const std::vector<EntitySuggestion>& suggestions);

// {"error":{"code":..,"message":..}} ; `parameter` is added when not empty.
[[nodiscard]] std::string error_json(std::string_view code, std::string_view message, std::string_view parameter = {});

}  // namespace morgue
