#include "common/entity_facet.h"

#include <algorithm>

#include "common/schema.h"

namespace morgue {
namespace {

// Bounds the work per matching article: its most mentioned entities only.
constexpr std::size_t kMaxEntitiesPerArticle = 40;

template <typename F>
void for_each_line(std::string_view value, F&& f) {
  while (!value.empty()) {
    const auto end = value.find('\n');
    f(value.substr(0, end));
    if (end == std::string_view::npos) break;
    value.remove_prefix(end + 1);
  }
}

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
  for_each_line(value, [&](std::string_view line) {
    const auto tab = line.find('\t');
    if (tab == std::string_view::npos) return;
    out.emplace_back(parse_entity_type(line.substr(0, tab)).value_or(EntityType::kOther),
                     std::string(line.substr(tab + 1)));
  });
  return out;
}

void EntityCountSpy::operator()(const Xapian::Document& doc, double) {
  const std::string value = doc.get_value(kSlotEntities);
  for_each_line(value, [&](std::string_view line) {
    if (auto it = counts_.find(line); it != counts_.end()) {
      ++it->second;
    } else {
      counts_.emplace(std::string(line), 1);
    }
  });
}

std::vector<EntityCount> EntityCountSpy::top(std::optional<EntityType> type, std::size_t max) const {
  // A search can count thousands of entities; only the best `max` of them are copied
  // out (measured: copying every name first was 12% of a search for "oil" with the
  // web page's facets on Reuters-21578).
  struct Candidate {
    std::string_view name;
    EntityType type;
    unsigned long count;
  };
  std::vector<Candidate> all;
  all.reserve(counts_.size());
  for (const auto& [line, count] : counts_) {
    const auto tab = line.find('\t');
    if (tab == std::string::npos) continue;
    const std::string_view view(line);
    const EntityType t = parse_entity_type(view.substr(0, tab)).value_or(EntityType::kOther);
    if (type && t != *type) continue;
    all.push_back({view.substr(tab + 1), t, count});
  }
  const std::size_t n = std::min(max, all.size());
  std::partial_sort(
      all.begin(), all.begin() + static_cast<std::ptrdiff_t>(n), all.end(),
      [](const auto& a, const auto& b) { return a.count != b.count ? a.count > b.count : a.name < b.name; });
  std::vector<EntityCount> best;
  best.reserve(n);
  for (std::size_t i = 0; i < n; ++i) best.push_back({std::string(all[i].name), all[i].type, all[i].count});
  return best;
}

}  // namespace morgue
