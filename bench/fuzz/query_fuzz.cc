// libFuzzer target: arbitrary query text and request parameters through QueryBuilder and
// Searcher::search on an index of corpus/ (built once, in a temporary directory). A
// QueryError is the expected answer to a bad query (HTTP 400); any other exception, a
// crash or a sanitizer report is a finding: it would be a 500. Build as warc_fuzz
// (bench/fuzz/CMakeLists.txt); seeds: three bytes, then a query, one per file (e.g. the
// lines of bench/queries-reuters.txt). clang's UBSan reports RapidJSON 1.1's Stack::Push
// offsetting a null pointer on its first use (rapidjson/internal/stack.h:117, Debian's
// 1.1.0): recoverable, and not ours; the run goes on.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>

#include <unistd.h>

#include "common/date.h"
#include "common/errors.h"
#include "common/searcher.h"
#include "indexer/pipeline.h"

namespace {

namespace fs = std::filesystem;

morgue::Searcher& searcher() {
  static morgue::Searcher* s = [] {
    const fs::path dir = fs::temp_directory_path() / ("morgue-query-fuzz-" + std::to_string(::getpid()));
    (void)morgue::indexer::run_pipeline(dir / "index", {fs::path(MORGUE_SOURCE_DIR) / "corpus"}, {});
    return new morgue::Searcher(dir / "index");
  }();
  return *s;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 3) return 0;
  // Byte 0: options; bytes 1-2: the date range, as days around 2025-05-19.
  const std::uint8_t o = data[0];
  morgue::SearchRequest r;
  r.match_any = o & 1;
  r.sort = (o & 2) ? morgue::SortOrder::kDate : morgue::SortOrder::kRelevance;
  if (o & 4) r.facets = {morgue::FacetKind::kOutlet, morgue::FacetKind::kDate, morgue::FacetKind::kEntity};
  const long base = morgue::days_from_civil({2025, 5, 19});
  if (o & 8) r.from = morgue::civil_from_days(base + (static_cast<int>(data[1]) - 128) * 40);
  if (o & 16) r.to = morgue::civil_from_days(base + (static_cast<int>(data[2]) - 128) * 40);
  if ((o & 32) && r.sort == morgue::SortOrder::kRelevance) r.recency_half_life_days = 30;
  if (o & 64) r.offset = data[1] % 8;
  r.feedback = (o & 128) && r.sort == morgue::SortOrder::kRelevance;
  r.query.assign(reinterpret_cast<const char*>(data + 3), size - 3);
  try {
    (void)searcher().search(r);
  } catch (const morgue::QueryError&) {
    // a clear 400
  }
  return 0;
}
