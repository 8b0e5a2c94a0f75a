// Article -> Xapian::Document, as the schema says: stemmed positional free text,
// boolean filter terms, value slots, and the stored data a result needs.
#pragma once

#include <string>

#include <xapian.h>

#include "common/article.h"

namespace morgue {

class DocumentBuilder {
 public:
  DocumentBuilder();

  // `id` is document_id(article); `fingerprint` is content_fingerprint(article).
  [[nodiscard]] Xapian::Document build(const Article& article, const std::string& id, const std::string& fingerprint);

 private:
  Xapian::TermGenerator termgen_;
};

// The stemmer for a language code ("en"), English when there is none for it.
[[nodiscard]] Xapian::Stem stemmer_for(const std::string& lang);

}  // namespace morgue
