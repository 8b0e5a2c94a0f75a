#include "common/entities/extractor.h"

#include <algorithm>

#include "common/entities/resolver.h"
#include "common/ner/embedded_model.h"

namespace morgue::entities {

const EntityExtractor& EntityExtractor::embedded() {
  static const EntityExtractor extractor(ner::embedded_first_pass_tagger(), default_alias_table());
  return extractor;
}

namespace {

// "Putin, Trump Signal Progress Toward Ukraine Peace Talks": in a headline that
// capitalises every word the tagger takes runs of words for names (it learned from
// Reuters' capitals and sentence case). Such headlines are left out; the names in
// them are in the body too.
bool is_title_case(std::string_view headline) {
  std::size_t words = 0, capitalised = 0;
  std::size_t i = 0;
  while (i < headline.size()) {
    const std::size_t end = std::min(headline.find(' ', i), headline.size());
    const std::string_view w = headline.substr(i, end - i);
    if (w.size() >= 4) {  // "to", "of", "and" stay lower case in title case
      ++words;
      capitalised += w[0] >= 'A' && w[0] <= 'Z';
    }
    i = end + 1;
  }
  return words >= 3 && capitalised * 10 >= words * 8 &&
         !std::all_of(headline.begin(), headline.end(), [](char c) { return !(c >= 'a' && c <= 'z'); });
}

}  // namespace

std::vector<ArticleEntity> EntityExtractor::extract(const Article& article) const {
  if (!article.lang.empty() && article.lang != "en") return {};
  // One text, so that the tagger's document features see the headline with the body.
  std::string text = is_title_case(article.headline) ? std::string() : article.headline;
  if (!text.empty()) text += "\n\n";
  text += article.body;
  return resolve_entities(tagger_.tag(text), table_);
}

}  // namespace morgue::entities
