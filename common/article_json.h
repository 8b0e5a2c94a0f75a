// Reads back an article stored by json_writer.h's to_json(Article).
#pragma once

#include <string>
#include <string_view>

#include "common/article.h"

namespace morgue {

// The id is returned through `id`. Returns an empty Article for data that is not ours.
[[nodiscard]] Article article_from_json(std::string_view json, std::string* id = nullptr);

// Which fields to read back. kHit: those a search result shows and its snippet needs
// (id, url, outlet, date, headline, body); the others are left empty.
enum class ArticleFields { kAll, kHit };

// The same, parsing `json` in place (its text is overwritten): a search decodes a page
// of hits per request, and the copies of every string were a twentieth of its time.
[[nodiscard]] Article article_from_json(std::string&& json, std::string* id, ArticleFields fields);

}  // namespace morgue
