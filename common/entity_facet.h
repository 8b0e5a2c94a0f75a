// Counting entities over all matches of a search (the value slot kSlotEntities holds
// each article's list), for facets=entity and its per-type variants.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <xapian.h>

#include "common/entity.h"

namespace morgue {

struct EntityCount {
  std::string name;
  EntityType type = EntityType::kOther;
  unsigned long count = 0;  // matching articles that mention it
};

// The slot's format, "type\tName" per line, both ways.
[[nodiscard]] std::string entity_list_value(const std::vector<ArticleEntity>& entities);
[[nodiscard]] std::vector<std::pair<EntityType, std::string>> parse_entity_list_value(std::string_view value);

class EntityCountSpy : public Xapian::MatchSpy {
 public:
  void operator()(const Xapian::Document& doc, double weight) override;
  [[nodiscard]] std::string name() const override { return "morgue.EntityCountSpy"; }

  // The most frequent, of one type or of all; ties by name.
  [[nodiscard]] std::vector<EntityCount> top(std::optional<EntityType> type, std::size_t max) const;

 private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, unsigned long, Hash, std::equal_to<>> counts_;  // the slot's lines
};

}  // namespace morgue
