#include "searchd/searcher_pool.h"

#include <cassert>

#include "common/errors.h"

namespace morgue::searchd {

SearcherPool::SearcherPool(PoolOptions options) : options_(std::move(options)), slots_(options_.size) {
  assert(options_.size > 0);
  // The pool's searchers share one set of facet columns per revision, built in the
  // background so that no request waits for them (common/background_facet_columns.h).
  if (options_.searcher.facet_columns && !options_.searcher.background_columns)
    options_.searcher.background_columns = std::make_shared<BackgroundFacetColumns>(options_.db_dir);
  for (std::size_t i = options_.size; i > 0; --i) free_.push_back(i - 1);
}

SearcherPool::Lease::~Lease() {
  if (pool_) pool_->release(slot_);
}

void SearcherPool::Lease::discard() { pool_->slots_[slot_].searcher.reset(); }

SearcherPool::Lease SearcherPool::acquire() {
  std::size_t index;
  {
    std::unique_lock lock(mutex_);
    if (!free_.empty() && waiters_.empty()) {
      index = free_.back();
      free_.pop_back();
    } else {
      Waiter me;
      waiters_.push_back(&me);
      me.granted.wait(lock, [&] { return me.slot.has_value(); });
      index = *me.slot;
    }
  }
  Lease lease(*this, index);  // gives the slot back if prepare() throws
  prepare(slots_[index]);
  return lease;
}

void SearcherPool::prepare(Slot& slot) {
  const auto now = std::chrono::steady_clock::now();
  std::uint64_t epoch;
  {
    const std::lock_guard lock(mutex_);
    epoch = epoch_;
  }
  if (slot.searcher && slot.epoch == epoch && now - slot.refreshed < options_.refresh_interval) return;
  try {
    if (!slot.searcher) {
      slot.searcher.emplace(options_.db_dir, options_.searcher);
    } else if (slot.searcher->refresh()) {
      const std::lock_guard lock(mutex_);
      ++reloads_;
      epoch = ++epoch_;
    }
  } catch (const IndexUnavailable&) {
    slot.searcher.reset();
    note_unavailable();
    throw;
  } catch (const Xapian::Error& e) {
    // A generation deleted between reading the stub and opening it, say: next time.
    slot.searcher.reset();
    note_unavailable();
    throw IndexUnavailable("cannot open the index at " + options_.db_dir.string() + ": " + e.get_description());
  }
  slot.refreshed = now;
  slot.epoch = epoch;
  note(*slot.searcher);
}

void SearcherPool::release(std::size_t slot) {
  const std::lock_guard lock(mutex_);
  if (waiters_.empty()) {
    free_.push_back(slot);
    return;
  }
  Waiter* oldest = waiters_.front();
  waiters_.pop_front();
  oldest->slot = slot;
  // Notified under the lock: the waiter (and its condition variable) lives until it
  // has seen its slot, which it cannot before the lock is released.
  oldest->granted.notify_one();
}

std::size_t SearcherPool::waiting() const {
  const std::lock_guard lock(mutex_);
  return waiters_.size();
}

void SearcherPool::note(const Searcher& searcher) {
  IndexSnapshot seen{true, searcher.doc_count(), searcher.generation()};
  const std::lock_guard lock(mutex_);
  last_seen_ = std::move(seen);
}

void SearcherPool::note_unavailable() {
  const std::lock_guard lock(mutex_);
  last_seen_ = IndexSnapshot{};
}

std::uint64_t SearcherPool::reloads() const {
  const std::lock_guard lock(mutex_);
  return reloads_;
}

BackgroundFacetColumns::Stats SearcherPool::facet_columns_stats() const {
  const auto& columns = options_.searcher.background_columns;
  return columns ? columns->stats() : BackgroundFacetColumns::Stats{};
}

IndexSnapshot SearcherPool::last_seen() const {
  const std::lock_guard lock(mutex_);
  return last_seen_;
}

}  // namespace morgue::searchd
