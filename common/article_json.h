// Reads back an article stored by json_writer.h's to_json(Article).
#pragma once

#include <string_view>

#include "common/article.h"

namespace morgue {

// The id is returned through `id`. Returns an empty Article for data that is not ours.
[[nodiscard]] Article article_from_json(std::string_view json, std::string* id = nullptr);

}  // namespace morgue
