#include "common/entity.h"

#include <array>
#include <utility>

namespace morgue {

std::string_view entity_type_name(EntityType type) {
  switch (type) {
    case EntityType::kPerson:
      return "person";
    case EntityType::kOrganization:
      return "organization";
    case EntityType::kPlace:
      return "place";
    case EntityType::kOther:
      return "other";
  }
  return "other";
}

std::optional<EntityType> parse_entity_type(std::string_view text) {
  static constexpr std::array<std::pair<std::string_view, EntityType>, 12> kNames = {{
      {"person", EntityType::kPerson},
      {"PER", EntityType::kPerson},
      {"people", EntityType::kPerson},
      {"organization", EntityType::kOrganization},
      {"organisation", EntityType::kOrganization},
      {"org", EntityType::kOrganization},
      {"ORG", EntityType::kOrganization},
      {"place", EntityType::kPlace},
      {"location", EntityType::kPlace},
      {"LOC", EntityType::kPlace},
      {"other", EntityType::kOther},
      {"MISC", EntityType::kOther},
  }};
  for (const auto& [name, type] : kNames)
    if (name == text) return type;
  return std::nullopt;
}

}  // namespace morgue
