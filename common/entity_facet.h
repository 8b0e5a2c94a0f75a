// The value slot kSlotEntities: each article's entities, most mentioned first (counted
// for facets=entity by common/facet_columns.h).
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/entity.h"

namespace morgue {

// The slot's format, "type\tName" per line, both ways.
[[nodiscard]] std::string entity_list_value(const std::vector<ArticleEntity>& entities);
[[nodiscard]] std::vector<std::pair<EntityType, std::string>> parse_entity_list_value(std::string_view value);

}  // namespace morgue
