// A classic collection of the relevance bench (../shared/corpora/ir-collections) written
// as morgue's JSON Lines and indexed by morgue-index's pipeline, as the bench does.
#pragma once

#include <filesystem>
#include <sstream>

#include "bench/relevance/collections.h"
#include "indexer/pipeline.h"
#include "tests/test_support.h"

namespace morgue::test {

struct CollectionIndex {
  std::filesystem::path jsonl;  // the documents, read with bench::kMorgueFieldMapping
  std::filesystem::path index;
  indexer::PipelineResult result;
};

// In `dir`. Without entities: what is read and ranked is the text, not the names in it.
inline CollectionIndex index_collection(const std::vector<bench::Document>& docs, const std::filesystem::path& dir) {
  CollectionIndex out{dir / "docs.jsonl", dir / "index", {}};
  std::ostringstream jsonl;
  bench::write_jsonl(docs, jsonl);
  write_file(out.jsonl, jsonl.str());
  indexer::PipelineOptions options;
  options.sources.mapping = indexer::parse_field_mapping(bench::kMorgueFieldMapping);
  options.writer.entities = false;
  out.result = indexer::run_pipeline(out.index, {out.jsonl}, options);
  return out;
}

}  // namespace morgue::test
