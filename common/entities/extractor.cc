#include "common/entities/extractor.h"

#include "common/entities/resolver.h"
#include "common/ner/embedded_model.h"

namespace morgue::entities {

const EntityExtractor& EntityExtractor::embedded() {
  static const EntityExtractor extractor(ner::embedded_tagger(), default_alias_table());
  return extractor;
}

std::vector<ArticleEntity> EntityExtractor::extract(const Article& article) const {
  if (!article.lang.empty() && article.lang != "en") return {};
  // One text, so that the tagger's document features see the headline with the body.
  std::string text = article.headline;
  if (!text.empty()) text += "\n\n";
  text += article.body;
  return resolve_entities(tagger_.tag(text), table_);
}

}  // namespace morgue::entities
