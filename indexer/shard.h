// One Xapian database being written: upsert by identity with a content fingerprint,
// commits every batch. IndexWriter runs one (updating the live index) or several in
// parallel (building a new one).
#pragma once

#include <optional>
#include <string>
#include <unordered_map>

#include <xapian.h>

#include "common/article.h"
#include "common/document_builder.h"
#include "common/entities/extractor.h"

namespace morgue::indexer {

enum class Outcome { kAdded, kUpdated, kUnchanged, kOlder };

class Shard {
 public:
  // `db` is open for writing at `path`; lookups use a reader on the same path.
  // `tag_entities`: find the entities of each article written, with the compiled-in
  // model, loaded on the first article that needs it (a run that changes nothing
  // does not pay for loading it).
  Shard(Xapian::WritableDatabase db, const std::string& path, unsigned batch_size, bool tag_entities);

  // Xapian errors propagate: the caller reports them against the article. When the
  // article is written, its entities are filled in first.
  Outcome add(Article& article);
  bool remove(const std::string& id_or_url);
  void commit();

  [[nodiscard]] Xapian::WritableDatabase& database() { return db_; }

 private:
  // What the index knows of an article: where it is and what it holds.
  struct Known {
    Xapian::docid docid;
    std::string fingerprint;
    std::string date;  // YYYYMMDD or ""
  };
  [[nodiscard]] std::optional<Known> lookup(const std::string& id_term);
  void maybe_commit();

  Xapian::WritableDatabase db_;
  // Lookups go to a reader on the last commit plus a map of what this batch wrote:
  // asking the writer itself makes Xapian merge the pending changes into each answer.
  Xapian::Database committed_;
  std::unordered_map<std::string, Known> pending_docs_;
  DocumentBuilder builder_;
  bool tag_entities_;
  unsigned batch_size_;
  unsigned pending_ = 0;
};

}  // namespace morgue::indexer
