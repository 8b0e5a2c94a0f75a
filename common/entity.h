// Named entities as articles carry them: who and what a story is about, each under
// one canonical name (common/entities/ resolves mentions to these).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace morgue {

// The CoNLL-2003 types: PER, ORG, LOC, MISC.
enum class EntityType { kPerson, kOrganization, kPlace, kOther };

[[nodiscard]] std::string_view entity_type_name(EntityType type);  // "person", "organization", "place", "other"
// Accepts the names above, "org", "location", and the CoNLL tags "PER", "ORG", "LOC", "MISC".
[[nodiscard]] std::optional<EntityType> parse_entity_type(std::string_view text);

struct ArticleEntity {
  std::string name;  // canonical: "Vladimir Putin"
  EntityType type = EntityType::kOther;
  unsigned mentions = 0;  // in headline and body

  friend bool operator==(const ArticleEntity&, const ArticleEntity&) = default;
};

}  // namespace morgue
