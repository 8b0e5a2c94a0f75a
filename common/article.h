// The document model: one news article as a reader produces it and the index stores it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/date.h"
#include "common/entity.h"

namespace morgue {

// A named entity attached to an article by its source (Reuters-21578's PLACES,
// PEOPLE and ORGS), kept for evaluating entity extraction.
struct EntityLabel {
  std::string type;  // "place", "person", "org"
  std::string name;  // as the source writes it: "el-salvador"

  friend bool operator==(const EntityLabel&, const EntityLabel&) = default;
};

struct Article {
  std::string id;   // stable id from the source ("" when it has none)
  std::string url;  // canonical URL ("" when unknown)
  std::string outlet;
  std::optional<Date> published;
  std::string headline;
  std::string body;  // the article text, furniture removed, paragraphs split by "\n\n"
  std::vector<std::string> authors;
  std::string lang;  // ISO 639-1 code, "" when unknown
  std::vector<EntityLabel> gold_entities;
  // Found by the indexer's tagger (common/entities/), most mentioned first; empty
  // until then, and for languages the tagger does not read.
  std::vector<ArticleEntity> entities;
  std::string source;  // where it was read from, "file:line", for messages
};

}  // namespace morgue
