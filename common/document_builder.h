// Article -> Xapian::Document, as the schema says: stemmed positional free text,
// boolean filter terms, value slots, and the stored data a result needs.
#pragma once

#include <map>
#include <string>

#include <xapian.h>

#include "common/article.h"

namespace morgue {

// Not thread-safe (nor is Xapian::Stem): one builder per thread.
class DocumentBuilder {
 public:
  DocumentBuilder();

  // `id` is document_id(article); `fingerprint` is content_fingerprint(article).
  [[nodiscard]] Xapian::Document build(const Article& article, const std::string& id, const std::string& fingerprint);

 private:
  const Xapian::Stem& stemmer(const std::string& lang);

  Xapian::TermGenerator termgen_;
  std::map<std::string, Xapian::Stem> stemmers_;
};

// The stemmer for a language code ("en"), English when there is none for it.
[[nodiscard]] Xapian::Stem stemmer_for(const std::string& lang);

}  // namespace morgue
