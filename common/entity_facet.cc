#include "common/entity_facet.h"

#include <algorithm>

#include "common/schema.h"

namespace morgue {
namespace {

// Bounds the work per matching article: its most mentioned entities only.
constexpr std::size_t kMaxEntitiesPerArticle = 40;

}  // namespace

bool written_in_capitals(std::string_view name) {
  if (name.size() < 5) return false;
  bool upper = false;
  for (char c : name) {
    if (c >= 'a' && c <= 'z') return false;
    upper |= c >= 'A' && c <= 'Z';
  }
  return upper;
}

bool better_facet_name(std::string_view a, std::uint32_t a_count, std::string_view b, std::uint32_t b_count) {
  const bool a_caps = written_in_capitals(a), b_caps = written_in_capitals(b);
  if (a_caps != b_caps) return b_caps;
  if (a_count != b_count) return a_count > b_count;
  return a < b;
}

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
