// Writes articles into an index. Two ways, one interface:
// - updating the live index (the usual run after a crawl): one Shard on the live
//   generation, committed every batch, so each batch is searchable and a killed run
//   keeps what it committed;
// - building a new index (--rebuild, or the first run into an empty --db): one Shard
//   per core in parallel, merged by xapian-compact into a fresh generation that is
//   swapped in at finish(); until then readers see the previous index.
#pragma once

#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "common/article.h"
#include "indexer/shard.h"

namespace morgue::indexer {

struct WriterOptions {
  // Articles per commit. Small batches are faster with Xapian 1.4's in-memory
  // inverter (measured: 250 -> 7.9 s, 2000 -> 9.4 s, 10000 -> 41 s on 10k Reuters stories).
  unsigned batch_size = 500;
  // Build a new generation beside the live one and swap it in at finish().
  bool rebuild = false;
  // Parallel writers when building; 0 = one per core.
  unsigned shards = 0;
  // Tag named entities in each article written (common/entities/, docs/entities.md).
  bool entities = true;
};

struct WriteCounts {
  unsigned long added = 0, updated = 0, unchanged = 0, older = 0, duplicate = 0;
};

class IndexWriter {
 public:
  // Takes the index's writer lock (IndexUnavailable when another morgue-index holds it).
  IndexWriter(std::filesystem::path db_dir, WriterOptions options);
  ~IndexWriter();  // without finish(): committed batches stay; a new build is abandoned

  IndexWriter(const IndexWriter&) = delete;
  IndexWriter& operator=(const IndexWriter&) = delete;

  [[nodiscard]] bool building() const { return building_; }

  void add(Article&& article);
  // Removes the article with that id or URL; false when there is none.
  bool remove(const std::string& id_or_url);

  // Commits; when building, merges the shards and publishes the new generation.
  void finish();

  [[nodiscard]] WriteCounts counts();
  // "file:line: message" for each article Xapian refused, since the last call.
  [[nodiscard]] std::vector<std::string> take_failures();
  [[nodiscard]] Xapian::doccount doc_count();

 private:
  struct Worker;
  void record(Outcome outcome);

  std::filesystem::path db_dir_;
  WriterOptions options_;
  int lock_fd_ = -1;
  bool building_ = false;
  bool finished_ = false;
  std::filesystem::path generation_;  // live generation, or the build directory
  std::vector<std::unique_ptr<Worker>> workers_;

  std::mutex mutex_;  // guards counts_ and failures_ (workers run on their own threads)
  WriteCounts counts_;
  std::vector<std::string> failures_;
};

}  // namespace morgue::indexer
