// What an indexing run did, for the summary line and `morgue-index --json`.
#pragma once

#include <map>
#include <string>

namespace morgue {

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

  [[nodiscard]] unsigned long read() const { return added + updated + unchanged + failed; }
};

}  // namespace morgue
