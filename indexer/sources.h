// From the paths on the command line to articles: which reader reads what.
//
//   a directory with MANIFEST.tsv   plain text files it lists (readers/plain_text.h)
//   other directories               walked recursively, in sorted (deterministic) order
//   *.jsonl *.ndjson (+ .gz)        JSON Lines (readers/jsonl.h)
//   *.sgm                           Reuters-21578 SGML (readers/reuters_sgml.h)
//   *.warc *.warc.gz                HTML pages in WARC crawls (readers/warc_articles.h)
//   *.html *.htm (+ .gz)            one HTML page (readers/html.h)
//   *.txt named on the command line one plain text article (in a walk: only with a manifest)
//   anything else                   sink.skipped(path, "unsupported-type")
#pragma once

#include <filesystem>
#include <vector>

#include "indexer/readers/jsonl.h"
#include "indexer/readers/reader.h"

namespace morgue::indexer {

struct SourceOptions {
  FieldMapping mapping;  // for JSON Lines
};

// Reads every input in order. Never throws for bad input: a missing or unreadable
// path is sink.error(InputError(path, "cannot read: ...")).
void read_inputs(const std::vector<std::filesystem::path>& inputs, const SourceOptions& options, const ReadSink& sink);

}  // namespace morgue::indexer
