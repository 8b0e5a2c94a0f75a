// The daemon's searcher pool: requests that wait for a searcher get one in the order
// they asked for it.
#include <catch2/catch.hpp>

#include <mutex>
#include <thread>

#include "indexer/pipeline.h"
#include "searchd/searcher_pool.h"
#include "tests/test_support.h"

using namespace morgue;

TEST_CASE("Waiting requests get searchers first come, first served", "[pool]") {
  test::TempDir dir;
  REQUIRE(indexer::run_pipeline(dir.path() / "index", {test::corpus_dir()}, {}).stats.added == 5);
  searchd::SearcherPool pool({dir.path() / "index", 1, {}, std::chrono::milliseconds(100)});

  std::mutex mutex;
  std::vector<int> order;  // who got the searcher, in turn
  auto take = [&](int who) {
    const auto lease = pool.acquire();
    CHECK(lease->doc_count() == 5);
    const std::lock_guard lock(mutex);
    order.push_back(who);
  };

  std::optional<searchd::SearcherPool::Lease> held = pool.acquire();
  std::vector<std::thread> requests;
  for (int who = 1; who <= 4; ++who) {
    requests.emplace_back(take, who);
    // The next request starts once this one is waiting: the order they asked in is known.
    while (pool.waiting() < static_cast<std::size_t>(who)) std::this_thread::yield();
  }
  held.reset();  // the searcher goes to request 1...
  take(5);       // ...and this request, arriving now, waits behind all four
  for (auto& r : requests) r.join();
  CHECK(order == std::vector<int>{1, 2, 3, 4, 5});
  CHECK(pool.waiting() == 0);
}
