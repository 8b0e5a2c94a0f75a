// Writes articles into an index: upsert by identity with a content fingerprint,
// commits in batches, and for a rebuild a fresh generation swapped in at the end.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>

#include <xapian.h>

#include "common/article.h"
#include "common/document_builder.h"
#include "common/index_stats.h"

namespace morgue::indexer {

struct WriterOptions {
  // Documents per commit: what a kill -9 can lose, and how often Xapian flushes.
  unsigned batch_size = 2000;
  // Build a new generation beside the live one, compact it, and swap it in at finish().
  bool rebuild = false;
};

enum class Outcome { kAdded, kUpdated, kUnchanged, kOlder };

class IndexWriter {
 public:
  // Takes the index's writer lock (throws IndexUnavailable when another
  // morgue-index holds it) and opens or creates the index in db_dir.
  IndexWriter(std::filesystem::path db_dir, WriterOptions options);
  ~IndexWriter();  // without finish(): what was committed stays; a rebuild is abandoned

  IndexWriter(const IndexWriter&) = delete;
  IndexWriter& operator=(const IndexWriter&) = delete;

  Outcome add(const Article& article);
  // Removes the article with that id or URL; false when there is none.
  bool remove(const std::string& id_or_url);

  // Commits; for a rebuild also compacts and publishes the new generation.
  void finish();

  [[nodiscard]] Xapian::doccount doc_count() const { return db_.get_doccount(); }

 private:
  // What the index knows of an article: where it is and what it holds.
  struct Known {
    Xapian::docid docid;
    std::string fingerprint;
    std::string date;  // YYYYMMDD or ""
  };
  [[nodiscard]] std::optional<Known> lookup(const std::string& id_term);
  void commit();
  void maybe_commit();

  std::filesystem::path db_dir_;
  WriterOptions options_;
  int lock_fd_ = -1;
  std::filesystem::path generation_;  // the directory being written
  Xapian::WritableDatabase db_;
  DocumentBuilder builder_;
  // Lookups go to a reader on the last commit plus a map of what this batch wrote:
  // asking the writer itself makes Xapian merge every pending change into the answer,
  // which made indexing slower the larger the batch.
  Xapian::Database committed_;
  std::unordered_map<std::string, Known> pending_docs_;
  unsigned pending_ = 0;
  bool finished_ = false;
};

}  // namespace morgue::indexer
