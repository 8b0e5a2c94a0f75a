// What the indexer calls: an article's entities from its headline and body.
#pragma once

#include <vector>

#include "common/article.h"
#include "common/entities/alias_table.h"
#include "common/ner/tagger.h"

namespace morgue::entities {

// Thread-safe: the tagger and the table are read-only.
class EntityExtractor {
 public:
  EntityExtractor(const ner::EntityTagger& tagger, const AliasTable& table) : tagger_(tagger), table_(table) {}

  // The compiled-in model (its first pass only: ner::embedded_first_pass_tagger) and alias table.
  [[nodiscard]] static const EntityExtractor& embedded();

  // Empty for articles in a language other than English (the model reads English).
  [[nodiscard]] std::vector<ArticleEntity> extract(const Article& article) const;

 private:
  const ner::EntityTagger& tagger_;
  const AliasTable& table_;
};

}  // namespace morgue::entities
