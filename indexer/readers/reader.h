// What every input reader produces: articles, and errors for the records it could
// not read. A reader never stops at a bad record; it reports it and goes on.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "common/article.h"
#include "common/errors.h"

namespace morgue::indexer {

struct ReadSink {
  std::function<void(Article&&)> article;
  // "file:line: message" is InputError::what(); the record is counted as failed.
  std::function<void(const InputError&)> error;
  // An input deliberately not indexed (unknown file type, a WARC request record):
  // `where` names it, `reason` is a short stable key counted in the summary.
  std::function<void(const std::string& where, const std::string& reason)> skipped;
  // Optional: a file has been read to its end (its size in bytes), for progress and ETA.
  std::function<void(std::uintmax_t bytes)> file_done;
};

}  // namespace morgue::indexer
