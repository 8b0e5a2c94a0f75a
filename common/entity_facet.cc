#include "common/entity_facet.h"

#include <algorithm>

#include "common/schema.h"

namespace morgue {
namespace {

// Bounds the work per matching article: its most mentioned entities only.
constexpr std::size_t kMaxEntitiesPerArticle = 40;

}  // namespace

std::string entity_list_value(const std::vector<ArticleEntity>& entities) {
  std::string value;
  for (std::size_t i = 0; i < entities.size() && i < kMaxEntitiesPerArticle; ++i) {
    if (!value.empty()) value += '\n';
    value += entity_type_name(entities[i].type);
    value += '\t';
    value += entities[i].name;
  }
  return value;
}

std::vector<std::pair<EntityType, std::string>> parse_entity_list_value(std::string_view value) {
  std::vector<std::pair<EntityType, std::string>> out;
  for_each_entity_line(value, [&](std::string_view line, std::size_t tab) {
    out.emplace_back(parse_entity_type(line.substr(0, tab)).value_or(EntityType::kOther),
                     std::string(line.substr(tab + 1)));
  });
  return out;
}

}  // namespace morgue
