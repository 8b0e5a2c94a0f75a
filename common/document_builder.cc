#include "common/document_builder.h"

#include <map>

#include "common/date.h"
#include "common/entity_facet.h"
#include "common/identity.h"
#include "common/json_writer.h"
#include "common/schema.h"
#include "common/stem_cache.h"

namespace morgue {
namespace {

// Keeps a phrase from matching across the headline/body boundary.
constexpr Xapian::termpos kFieldGap = 100;

std::string host_of(const std::string& url) {
  const std::string normalized = normalize_url(url);
  const auto start = normalized.find("://");
  if (start == std::string::npos) return {};
  const auto end = normalized.find_first_of("/?", start + 3);
  std::string host = normalized.substr(start + 3, end == std::string::npos ? std::string::npos : end - start - 3);
  if (host.starts_with("www.")) host.erase(0, 4);
  return host;
}

void add_boolean(Xapian::Document& doc, FieldId id, const std::string& value) {
  if (!value.empty()) doc.add_boolean_term(boolean_term(id, value));
}

}  // namespace

Xapian::Stem stemmer_for(const std::string& lang) {
  try {
    return Xapian::Stem(lang.empty() ? "en" : lang);
  } catch (const Xapian::InvalidArgumentError&) {
    return Xapian::Stem();  // no Snowball stemmer for that language: leave words unstemmed
  }
}

const Xapian::Stem& DocumentBuilder::stemmer(const std::string& lang) {
  auto it = stemmers_.find(lang);
  // Cached: news text repeats the same words, and Snowball was a third of the
  // term generator's time (bench/README.md, indexing).
  if (it == stemmers_.end()) it = stemmers_.emplace(lang, caching_stemmer(stemmer_for(lang))).first;
  return it->second;
}

DocumentBuilder::DocumentBuilder() { termgen_.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME); }

Xapian::Document DocumentBuilder::build(const Article& a, const std::string& id, const std::string& fingerprint) {
  Xapian::Document doc;
  termgen_.set_document(doc);
  termgen_.set_stemmer(stemmer(a.lang));

  // Headline: once under its own prefix (title:), and in the default field with a
  // higher wdf so that headline matches rank above body matches.
  const Field& headline = field(FieldId::kHeadline);
  if (!a.headline.empty()) {
    termgen_.index_text(a.headline, headline.weight, std::string(headline.prefix));
    termgen_.increase_termpos(kFieldGap);
    termgen_.index_text(a.headline, headline.weight);
    termgen_.increase_termpos(kFieldGap);
  }
  termgen_.index_text(a.body, field(FieldId::kText).weight);
  for (const auto& author : a.authors) {
    termgen_.increase_termpos(kFieldGap);
    termgen_.index_text(author, field(FieldId::kAuthor).weight, std::string(field(FieldId::kAuthor).prefix));
  }

  add_boolean(doc, FieldId::kId, id);
  add_boolean(doc, FieldId::kOutlet, a.outlet);
  add_boolean(doc, FieldId::kLang, a.lang);
  if (!a.url.empty()) {
    add_boolean(doc, FieldId::kUrl, normalize_url(a.url));
    add_boolean(doc, FieldId::kSite, host_of(a.url));
  }
  if (a.published) {
    const std::string ymd = format_compact(*a.published);
    add_boolean(doc, FieldId::kDay, ymd);
    add_boolean(doc, FieldId::kMonth, ymd.substr(0, 6));
    add_boolean(doc, FieldId::kYear, ymd.substr(0, 4));
    doc.add_value(kSlotDate, ymd);
  }
  if (!a.outlet.empty()) doc.add_value(kSlotOutlet, a.outlet);
  if (!a.lang.empty()) doc.add_value(kSlotLang, a.lang);
  for (const auto& e : a.entities) add_boolean(doc, FieldId::kEntity, e.name);
  if (!a.entities.empty()) doc.add_value(kSlotEntities, entity_list_value(a.entities));
  doc.add_value(kSlotFingerprint, fingerprint);
  doc.set_data(to_json(a, id));
  return doc;
}

}  // namespace morgue
