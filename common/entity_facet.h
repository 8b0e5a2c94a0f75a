// The value slot kSlotEntities: each article's entities, most mentioned first (counted
// for facets=entity by common/facet_columns.h).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/entity.h"

namespace morgue {

// The slot's format, "type\tName" per line, both ways.
[[nodiscard]] std::string entity_list_value(const std::vector<ArticleEntity>& entities);
[[nodiscard]] std::vector<std::pair<EntityType, std::string>> parse_entity_list_value(std::string_view value);

// A name written in capitals, as a dateline or a headline writes it ("NEW YORK"): every
// letter a capital, 5 bytes or more ("TOKYO"; shorter ones are as often acronyms, "OPEC").
[[nodiscard]] bool written_in_capitals(std::string_view name);

// Which spelling of one entity (one type and alias_key) a facet shows: of `a`, in
// `a_count` articles, and `b`, in `b_count`, whether `a` is the better. Not in capitals
// before in capitals, then the more articles, then the lesser name.
[[nodiscard]] bool better_facet_name(std::string_view a, std::uint32_t a_count, std::string_view b,
                                     std::uint32_t b_count);

// Calls f(line, tab) for each "type\tName" line of the slot's `value` (lines without a
// tab are skipped; `tab` is where the name starts, minus one).
template <typename F>
void for_each_entity_line(std::string_view value, F&& f) {
  while (!value.empty()) {
    const auto end = value.find('\n');
    const std::string_view line = value.substr(0, end);
    if (const auto tab = line.find('\t'); tab != std::string_view::npos) f(line, tab);
    if (end == std::string_view::npos) break;
    value.remove_prefix(end + 1);
  }
}

}  // namespace morgue
