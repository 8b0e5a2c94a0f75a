// One indexing run: read the inputs, write the index, count what happened.
// morgue-index is this plus options and a progress line; tests and bench call it too.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "common/index_stats.h"
#include "indexer/index_writer.h"
#include "indexer/sources.h"

namespace morgue::indexer {

struct PipelineOptions {
  SourceOptions sources;
  WriterOptions writer;
  std::vector<std::string> deletes;  // ids or URLs to remove first
};

struct PipelineCallbacks {
  // One line per failed record or input: "file:line: message".
  std::function<void(const std::string&)> message = [](const std::string&) {};
  // After each article: the counts so far and the bytes of text read.
  std::function<void(const IndexStats&, std::uintmax_t)> progress = [](const IndexStats&, std::uintmax_t) {};
  // Polled between articles; true stops the run at a record boundary.
  std::function<bool()> interrupted = [] { return false; };
};

struct PipelineResult {
  IndexStats stats;
  bool interrupted = false;
  bool abandoned = false;  // an interrupted build of a new index: the live one is unchanged
  // A --rebuild that read no article: abandoned rather than swapped in, which would
  // empty the live index.
  bool nothing_read = false;
};

// Throws IndexUnavailable when the index cannot be opened for writing, and Error when a
// --rebuild names an input that does not exist (it would replace the live index with less).
[[nodiscard]] PipelineResult run_pipeline(const std::filesystem::path& db_dir,
                                          const std::vector<std::filesystem::path>& inputs,
                                          const PipelineOptions& options, const PipelineCallbacks& callbacks = {});

}  // namespace morgue::indexer
