// One Xapian database being written: upsert by identity with a content fingerprint,
// commits every batch. IndexWriter runs one (updating the live index) or several in
// parallel (building a new one).
#pragma once

#include <optional>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include <xapian.h>

#include "common/article.h"
#include "common/document_builder.h"
#include "common/entities/extractor.h"

namespace morgue::indexer {

// kDuplicate: read before in this run, and this one is not newer (see Shard::add).
enum class Outcome { kAdded, kUpdated, kUnchanged, kOlder, kDuplicate };

class Shard {
 public:
  // `db` is open for writing at `path`; lookups use a reader on the same path.
  // `tag_entities`: find the entities of each article written, with the compiled-in
  // model, loaded on the first article that needs it (a run that changes nothing
  // does not pay for loading it).
  Shard(Xapian::WritableDatabase db, const std::string& path, unsigned batch_size, bool tag_entities);

  // Xapian errors propagate: the caller reports them against the article. When the
  // article is written, its entities are filled in first. An article read a second
  // time in one run replaces the first only when it is dated after it: so running the
  // same input again finds the same article first and changes nothing.
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
  // The identities read in this run, as 64-bit hashes (8 bytes and a node each: ~40 MB
  // for a million articles; a collision, ~1 in 10^7 there, would keep an article's older
  // version).
  std::unordered_set<std::uint64_t> seen_;
  DocumentBuilder builder_;
  bool tag_entities_;
  unsigned batch_size_;
  unsigned pending_ = 0;
};

}  // namespace morgue::indexer
