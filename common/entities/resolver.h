// From the tagger's mentions in one article to the article's entities: each entity
// once, under its canonical name, with a mention count.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/entities/alias_table.h"
#include "common/entity.h"
#include "common/ner/tagger.h"

namespace morgue::entities {

// The name a mention gives, without titles ("President", "Mr."), a possessive or
// quotes: "President Vladimir Putin" -> "Vladimir Putin". Empty when nothing
// name-like is left.
[[nodiscard]] std::string clean_mention(std::string_view text);

// The canonical name a user means: "Putin" -> "Vladimir Putin"; a name the table
// does not list stays as typed (without titles).
[[nodiscard]] std::string canonical_name(std::string_view text, const AliasTable& table);

// Resolution, in order: the alias table (any spelling it lists); then, within the
// article, a name that is the last word(s) of a longer person's name joins that
// person ("Poroshenko" after "Petro Poroshenko", before or after it); the other
// mentions of one name are grouped case-insensitively, displayed in their most
// frequent mixed-case form. Most mentioned first, ties in order of first mention.
[[nodiscard]] std::vector<ArticleEntity> resolve_entities(const std::vector<ner::Mention>& mentions,
                                                          const AliasTable& table);

}  // namespace morgue::entities
