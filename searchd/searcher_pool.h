// Searchers shared by the daemon's connection threads. A Xapian::Database is not
// thread-safe, so each request leases a Searcher for itself; the pool size is also
// the number of searches that run at once (connection threads mostly wait on sockets).
//
// Hot reload: a leased Searcher is refreshed when it has not been for
// `refresh_interval`, so a commit by morgue-index or a --rebuild swap is served within
// that time. Once one Searcher has seen new data, the others refresh at their next
// lease rather than after their own interval: requests that start after one has
// seen new data do not see the older state again.
// A daemon started before its index exists keeps trying to open it.
// The facet columns are built on a thread of the pool's own, shared by its searchers.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <filesystem>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

#include "common/background_facet_columns.h"
#include "common/searcher.h"

namespace morgue::searchd {

struct PoolOptions {
  std::filesystem::path db_dir;
  unsigned size = 8;
  SearcherOptions searcher;
  std::chrono::milliseconds refresh_interval{100};
};

struct IndexSnapshot {
  bool available = false;
  std::uint64_t documents = 0;
  std::string generation;
};

class SearcherPool {
  struct Slot {
    std::optional<Searcher> searcher;
    std::chrono::steady_clock::time_point refreshed;
    std::uint64_t epoch = 0;  // the pool's epoch when this searcher was last refreshed
  };

 public:
  explicit SearcherPool(PoolOptions options);
  SearcherPool(const SearcherPool&) = delete;
  SearcherPool& operator=(const SearcherPool&) = delete;

  // A Searcher held for one request; given back on destruction.
  class Lease {
   public:
    Lease(SearcherPool& pool, std::size_t slot) : pool_(&pool), slot_(slot) {}
    Lease(Lease&& other) noexcept : pool_(other.pool_), slot_(other.slot_) { other.pool_ = nullptr; }
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    Lease& operator=(Lease&&) = delete;
    ~Lease();
    Searcher& operator*() const { return *pool_->slots_[slot_].searcher; }
    Searcher* operator->() const { return &**this; }
    // Drops the Searcher so the next lease of this slot opens the index afresh.
    void discard();

   private:
    SearcherPool* pool_;
    std::size_t slot_;
  };

  // Waits for a free slot, then opens or refreshes its Searcher. Waiting requests get
  // slots in the order they asked: no request waits behind later ones (a tail
  // latency matter when more connections than slots are busy).
  // Throws IndexUnavailable when there is no index (yet, or any more).
  [[nodiscard]] Lease acquire();

  // Runs fn(Searcher&) once more on a freshly opened index when Xapian reports the
  // database changed or vanished underneath it (a commit or swap mid-request):
  // a reload must not fail a request.
  template <class Fn>
  auto with_searcher(Fn&& fn) {
    {
      Lease lease = acquire();
      try {
        return fn(*lease);
      } catch (const Xapian::DatabaseError&) {
        lease.discard();
      }
    }
    Lease lease = acquire();
    try {
      return fn(*lease);
    } catch (const Xapian::DatabaseError&) {
      lease.discard();
      throw;
    }
  }

  // Refreshes that found changed data (a commit or a swapped-in generation).
  [[nodiscard]] std::uint64_t reloads() const;
  // Requests waiting for a slot now.
  [[nodiscard]] std::size_t waiting() const;
  // The index as last seen by any searcher (for /metrics, without taking a slot).
  [[nodiscard]] IndexSnapshot last_seen() const;
  // The searchers' facet columns, built in the background.
  [[nodiscard]] BackgroundFacetColumns::Stats facet_columns_stats() const;

 private:
  void prepare(Slot& slot);
  void release(std::size_t slot);
  void note(const Searcher& searcher);
  void note_unavailable();

  PoolOptions options_;
  std::vector<Slot> slots_;

  // A request waiting for a slot: release() hands the oldest one its slot directly,
  // so a request arriving meanwhile cannot take it first.
  struct Waiter {
    std::condition_variable granted;
    std::optional<std::size_t> slot;
  };

  mutable std::mutex mutex_;
  std::vector<std::size_t> free_;
  std::deque<Waiter*> waiters_;  // oldest first
  std::uint64_t reloads_ = 0;
  std::uint64_t epoch_ = 0;  // bumped whenever a searcher finds changed data
  IndexSnapshot last_seen_;
};

}  // namespace morgue::searchd
