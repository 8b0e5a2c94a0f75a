// The alias table: one canonical name and type per entity, with the other ways news
// writes it ("Kiev" for Kyiv, "Zelensky" for Volodymyr Zelenskyy) and the Reuters-21578
// category codes that name it. common/entities/aliases.tsv is compiled in;
// docs/entities.md gives its format and sources.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/entity.h"

namespace morgue::entities {

struct EntityEntry {
  std::string name;  // canonical
  std::string key;   // alias_key(name)
  EntityType type = EntityType::kOther;
  std::vector<std::string> aliases;
  std::vector<std::string> codes;  // Reuters-21578 PEOPLE / ORGS / PLACES codes ("west-germany")
};

// How names are compared: case-folded, diacritics, periods and a leading "the"
// removed, hyphens as spaces, typographic apostrophes as ASCII ones. "U.S." and "US", "Kim Jong-un" and "kim jong un"
// meet.
[[nodiscard]] std::string alias_key(std::string_view name);

class AliasTable {
 public:
  // Columns: canonical, type, aliases ('|'-separated), codes ('|'-separated); the last
  // two may be empty or missing; '#' starts a comment line. Throws InputError naming
  // `source` and the line for a malformed row.
  [[nodiscard]] static AliasTable parse(std::string_view tsv, const std::string& source);

  // The entity with this canonical name or alias. When several types share the
  // name, `type` picks one (else the first listed wins).
  [[nodiscard]] const EntityEntry* find(std::string_view name, std::optional<EntityType> type = {}) const;
  // The same for a name's alias_key, when the caller has it already.
  [[nodiscard]] const EntityEntry* find_key(const std::string& key, std::optional<EntityType> type = {}) const;
  [[nodiscard]] const EntityEntry* find_code(std::string_view code) const;
  [[nodiscard]] std::span<const EntityEntry> entries() const { return entries_; }
  // alias_key of every canonical name and alias -> index into entries().
  [[nodiscard]] const std::unordered_multimap<std::string, std::size_t>& keys() const { return by_key_; }

 private:
  std::vector<EntityEntry> entries_;
  std::unordered_multimap<std::string, std::size_t> by_key_;
  std::unordered_map<std::string, std::size_t> by_code_;
};

// The table compiled in from common/entities/aliases.tsv.
[[nodiscard]] const AliasTable& default_alias_table();

}  // namespace morgue::entities
