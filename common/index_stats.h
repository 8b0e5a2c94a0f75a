// What an indexing run did, for the summary line and `morgue-index --json`.
#pragma once

#include <map>
#include <string>

namespace morgue {

// Skip reasons for articles that were read but not written: an older version of one
// in the index, or one read before in this run (indexer/shard.h).
inline constexpr const char* kSkippedOlder = "older-version";
inline constexpr const char* kSkippedReadTwice = "read-twice";

struct IndexStats {
  unsigned long added = 0;
  unsigned long updated = 0;
  unsigned long unchanged = 0;
  unsigned long deleted = 0;
  unsigned long failed = 0;
  std::map<std::string, unsigned long> skipped;  // reason -> count
  unsigned long documents = 0;                   // in the index after the run
  double seconds = 0;
  double text_megabytes = 0;  // headline + body bytes read

  // Articles read (other skips are records that hold none: WARC revisits, non-HTML).
  [[nodiscard]] unsigned long read() const {
    unsigned long n = added + updated + unchanged + failed;
    for (const char* reason : {kSkippedOlder, kSkippedReadTwice}) {
      if (const auto it = skipped.find(reason); it != skipped.end()) n += it->second;
    }
    return n;
  }
};

}  // namespace morgue
