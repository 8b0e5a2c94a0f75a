#include "common/background_facet_columns.h"

#include <chrono>
#include <new>

#include "common/errors.h"
#include "common/index_location.h"

namespace morgue {

BackgroundFacetColumns::BackgroundFacetColumns(std::filesystem::path db_dir, Xapian::doccount max_docs)
    : db_dir_(std::move(db_dir)), max_docs_(max_docs), thread_([this] { run(); }) {}

BackgroundFacetColumns::~BackgroundFacetColumns() {
  {
    const std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  changed_.notify_all();
  thread_.join();
}

std::shared_ptr<const FacetColumns> BackgroundFacetColumns::get(const Xapian::Database& db) {
  const std::string uuid = db.get_uuid();
  const Xapian::rev revision = db.get_revision();
  const std::string key = uuid + ":" + std::to_string(revision);
  const std::lock_guard lock(mutex_);
  if (latest_ && latest_->key == key) return latest_;
  // A searcher still on an older revision reopens soon: it does not ask again.
  if (note_asked(uuid, revision)) {
    wanted_ = true;
    changed_.notify_all();
  }
  return nullptr;
}

bool BackgroundFacetColumns::note_asked(const std::string& uuid, Xapian::rev revision) {
  if (uuid == asked_uuid_ && revision <= asked_revision_) return false;
  asked_uuid_ = uuid;
  asked_revision_ = revision;
  return true;
}

void BackgroundFacetColumns::wait_idle() {
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [&] { return (!wanted_ && !building_) || stopping_; });
}

BackgroundFacetColumns::Stats BackgroundFacetColumns::stats() const {
  const std::lock_guard lock(mutex_);
  return stats_;
}

void BackgroundFacetColumns::run() {
  std::unique_lock lock(mutex_);
  while (true) {
    changed_.wait(lock, [&] { return wanted_ || stopping_; });
    if (stopping_) return;
    wanted_ = false;
    building_ = true;
    const std::string have = latest_ ? latest_->key : std::string();
    lock.unlock();
    Built built = build_newest(have);
    lock.lock();
    building_ = false;
    if (built.columns) {
      (void)note_asked(built.uuid, built.revision);  // searchers at it need not ask again
      stats_.builds += 1;
      stats_.last_build_seconds = built.seconds;
      latest_ = std::move(built.columns);
    }
    changed_.notify_all();
  }
}

BackgroundFacetColumns::Built BackgroundFacetColumns::build_newest(const std::string& have) {
  // The edge of this thread: nothing may escape it. A failed build is not retried
  // until a newer revision is asked for; meanwhile facets read the values.
  for (int attempt = 0; attempt < 3; ++attempt) {
    try {
      const Xapian::Database db = open_index(db_dir_);
      if (facet_columns_key(db) == have || !facet_columns_fit(db, max_docs_)) return {};
      const auto started = std::chrono::steady_clock::now();
      Built built{build_facet_columns(db, &stopping_), db.get_uuid(), db.get_revision(), 0};
      built.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
      return built;
    } catch (const Xapian::DatabaseModifiedError&) {
      continue;  // overwritten by a writer while read: the newer revision, then
    } catch (const Xapian::Error&) {
      return {};
    } catch (const IndexUnavailable&) {
      return {};
    } catch (const std::bad_alloc&) {
      return {};
    }
  }
  return {};
}

}  // namespace morgue
