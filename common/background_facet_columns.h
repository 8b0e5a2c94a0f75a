// The facet columns (common/facet_columns.h) built on a thread of their own, for the
// daemon: no search waits for them. A search at a revision whose columns are not built
// yet counts its facets from each match's values, as morgue-search does, and asks for
// them; the thread then builds the columns of the index's newest revision. So the first
// faceted searches after a reload are not held up by a build (38-74 ms on Reuters-21578,
// seconds for an archive of millions), and archives far bigger than facet_columns()'s
// bound of kMaxFacetColumnDocs get columns too.
//
// One build at a time; a revision asked for while a build runs is built after it. The
// columns of the last build are kept until a newer revision's replace them; each
// Searcher also holds the ones it searches with until it reopens.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include <xapian.h>

#include "common/facet_columns.h"

namespace morgue {

// The columns take about 45 bytes an article on Reuters-like news (three ids, a list of
// 6.8 entities on average, the distinct strings); morgued grew by 15 MB for 129,462
// articles, the build's own allocations included. 2 million articles: a few hundred MB.
inline constexpr Xapian::doccount kMaxBackgroundFacetColumnDocs = 2000000;

class BackgroundFacetColumns {
 public:
  // db_dir: the index as Searcher opens it (common/index_location.h).
  explicit BackgroundFacetColumns(std::filesystem::path db_dir,
                                  Xapian::doccount max_docs = kMaxBackgroundFacetColumnDocs);
  // Stops a build under way (it looks every 4,096 values) and waits for the thread.
  ~BackgroundFacetColumns();
  BackgroundFacetColumns(const BackgroundFacetColumns&) = delete;
  BackgroundFacetColumns& operator=(const BackgroundFacetColumns&) = delete;

  // The columns of `db` as it is now, when built; otherwise nullptr, and a build is
  // asked for unless this revision (or a newer one of the same index) was already.
  [[nodiscard]] std::shared_ptr<const FacetColumns> get(const Xapian::Database& db);

  // Blocks until no build runs or is asked for (tests, benchmarks).
  void wait_idle();

  struct Stats {
    std::uint64_t builds = 0;  // columns built since start
    double last_build_seconds = 0;
  };
  [[nodiscard]] Stats stats() const;

 private:
  struct Built {
    std::shared_ptr<const FacetColumns> columns;
    std::string uuid;
    Xapian::rev revision = 0;
    double seconds = 0;
  };
  void run();
  // Records a revision as asked for (or built) unless it or a newer one of the same
  // index already is; true when it was new. Under mutex_.
  bool note_asked(const std::string& uuid, Xapian::rev revision);
  // The newest revision's columns unless `have` (a key) already is it; no columns when
  // the index does not fit, cannot be read, or the build was stopped.
  Built build_newest(const std::string& have);

  const std::filesystem::path db_dir_;
  const Xapian::doccount max_docs_;
  std::atomic<bool> stopping_{false};

  mutable std::mutex mutex_;
  std::condition_variable changed_;
  bool wanted_ = false;  // a build was asked for since the last one started
  bool building_ = false;
  std::string asked_uuid_;  // the newest revision asked for or built, of this index
  Xapian::rev asked_revision_ = 0;
  std::shared_ptr<const FacetColumns> latest_;
  Stats stats_;
  std::thread thread_;  // last: started once the rest is ready
};

}  // namespace morgue
