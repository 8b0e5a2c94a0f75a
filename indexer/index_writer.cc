#include "indexer/index_writer.h"

#include <cerrno>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <thread>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include "common/entities/spellings.h"
#include "common/errors.h"
#include "common/hashing.h"
#include "common/identity.h"
#include "common/index_location.h"
#include "common/schema.h"

namespace morgue::indexer {
namespace {

namespace fs = std::filesystem;

// Articles waiting per shard: enough to keep a writer busy, bounded for memory.
constexpr std::size_t kQueueDepth = 256;

int take_writer_lock(const fs::path& db_dir) {
  fs::create_directories(db_dir);
  const fs::path lock = db_dir / "morgue-index.lock";
  const int fd = ::open(lock.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) throw IndexUnavailable("cannot open " + lock.string() + ": " + std::strerror(errno));
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    ::close(fd);
    throw IndexUnavailable("another morgue-index is writing to " + db_dir.string());
  }
  return fd;
}

// db_dir, once it is known not to be another program's database: checked before the
// lock file is made in it.
fs::path own_folder(fs::path db_dir) {
  refuse_foreign_database(db_dir);
  return db_dir;
}

Xapian::WritableDatabase create_database(const fs::path& dir, int extra_flags) {
  Xapian::WritableDatabase db(dir.string(), Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_BACKEND_GLASS | extra_flags);
  db.set_metadata(kSchemaVersionKey, std::to_string(kSchemaVersion));
  db.commit();
  return db;
}

}  // namespace

// A shard and, when building, the thread that feeds it from a bounded queue.
struct IndexWriter::Worker {
  Worker(Xapian::WritableDatabase db, const fs::path& where, const WriterOptions& options)
      : shard(std::move(db), where.string(), options.batch_size, options.entities), path(where) {}

  Shard shard;
  fs::path path;
  std::thread thread;
  std::mutex mutex;
  std::condition_variable changed;
  std::deque<Article> queue;
  bool closing = false;
};

IndexWriter::IndexWriter(fs::path db_dir, WriterOptions options)
    : db_dir_(own_folder(std::move(db_dir))), options_(options), lock_fd_(take_writer_lock(db_dir_)) {
  try {
    const auto live = live_generation(db_dir_);
    building_ = options_.rebuild || !live;
    if (!building_) {
      generation_ = *live;
      Xapian::WritableDatabase db(generation_.string(), Xapian::DB_OPEN);
      check_schema_version(db, db_dir_);
      if (db.get_metadata(kSchemaVersionKey).empty())
        db.set_metadata(kSchemaVersionKey, std::to_string(kSchemaVersion));
      workers_.push_back(std::make_unique<Worker>(std::move(db), generation_, options_));
      return;
    }
    generation_ = make_next_generation(db_dir_);
    const unsigned n = options_.shards ? options_.shards : std::max(1u, std::thread::hardware_concurrency());
    for (unsigned i = 0; i < n; ++i) {
      const fs::path path = generation_ / ("shard-" + std::to_string(i));
      // The shards are scratch space until compacted: no fsync per commit.
      workers_.push_back(std::make_unique<Worker>(create_database(path, Xapian::DB_NO_SYNC), path, options_));
    }
    for (auto& w : workers_) {
      w->thread = std::thread([this, worker = w.get()] {
        while (true) {
          std::unique_lock lock(worker->mutex);
          worker->changed.wait(lock, [&] { return !worker->queue.empty() || worker->closing; });
          if (worker->queue.empty()) return;
          Article a = std::move(worker->queue.front());
          worker->queue.pop_front();
          lock.unlock();
          worker->changed.notify_all();
          try {
            record(worker->shard.add(a));  // fills in a's entities
          } catch (const Xapian::Error& e) {
            std::lock_guard g(mutex_);
            failures_.push_back(a.source + ": cannot index: " + e.get_description());
          }
        }
      });
    }
  } catch (const Xapian::DatabaseLockError&) {
    ::close(lock_fd_);
    throw IndexUnavailable("the index at " + db_dir_.string() + " is locked by another writer");
  } catch (const Xapian::Error& e) {
    ::close(lock_fd_);
    throw IndexUnavailable("cannot open the index at " + db_dir_.string() + " for writing: " + e.get_description());
  } catch (...) {
    ::close(lock_fd_);
    throw;
  }
}

IndexWriter::~IndexWriter() {
  for (auto& w : workers_) {
    if (w->thread.joinable()) {
      {
        std::lock_guard lock(w->mutex);
        w->closing = true;
        w->queue.clear();
      }
      w->changed.notify_all();
      w->thread.join();
    }
  }
  if (!finished_) {
    try {
      if (building_) {
        workers_.clear();
        std::error_code ec;
        fs::remove_all(generation_, ec);  // never published: nobody reads it
      } else {
        workers_.front()->shard.commit();
      }
    } catch (const Xapian::Error&) {
      // Destructors must not throw; the last committed batch is what remains.
    }
  }
  ::close(lock_fd_);
}

void IndexWriter::record(Outcome outcome) {
  std::lock_guard lock(mutex_);
  switch (outcome) {
    case Outcome::kAdded:
      ++counts_.added;
      break;
    case Outcome::kUpdated:
      ++counts_.updated;
      break;
    case Outcome::kUnchanged:
      ++counts_.unchanged;
      break;
    case Outcome::kOlder:
      ++counts_.older;
      break;
    case Outcome::kDuplicate:
      ++counts_.duplicate;
      break;
  }
}

void IndexWriter::add(Article&& article) {
  if (!building_) {
    try {
      record(workers_.front()->shard.add(article));
    } catch (const Xapian::Error& e) {
      std::lock_guard g(mutex_);
      failures_.push_back(article.source + ": cannot index: " + e.get_description());
    }
    return;
  }
  // The same identity always goes to the same shard, so duplicates meet there.
  Worker& w = *workers_[stable_hash64(document_id(article)) % workers_.size()];
  std::unique_lock lock(w.mutex);
  w.changed.wait(lock, [&] { return w.queue.size() < kQueueDepth; });
  w.queue.push_back(std::move(article));
  lock.unlock();
  w.changed.notify_all();
}

bool IndexWriter::remove(const std::string& id_or_url) {
  // A new build starts empty: there is nothing to remove from it.
  if (building_) return false;
  return workers_.front()->shard.remove(id_or_url);
}

void IndexWriter::finish() {
  // The alias table's other spellings, for queries (common/entities/spellings.h);
  // rewritten every run so that the index has the table of the binary that wrote it.
  if (!building_) {
    entities::default_spellings().write_synonyms(workers_.front()->shard.database());
    workers_.front()->shard.commit();
    finished_ = true;
    return;
  }
  for (auto& w : workers_) {
    {
      std::lock_guard lock(w->mutex);
      w->closing = true;
    }
    w->changed.notify_all();
    w->thread.join();
    if (w == workers_.front()) entities::default_spellings().write_synonyms(w->shard.database());
    w->shard.commit();
  }
  // xapian-compact merges the shards into the generation that goes live: smaller
  // and faster to search than the shards, written once.
  Xapian::Database all;
  for (auto& w : workers_) all.add_database(Xapian::Database(w->path.string()));
  const fs::path compacted = make_next_generation(db_dir_);
  all.compact(compacted.string());
  all.close();
  workers_.clear();
  {
    Xapian::WritableDatabase db(compacted.string(), Xapian::DB_OPEN);
    db.set_metadata(kSchemaVersionKey, std::to_string(kSchemaVersion));
    db.commit();
  }
  std::error_code ec;
  fs::remove_all(generation_, ec);
  generation_ = compacted;
  publish_generation(db_dir_, generation_);
  finished_ = true;
}

WriteCounts IndexWriter::counts() {
  std::lock_guard lock(mutex_);
  return counts_;
}

std::vector<std::string> IndexWriter::take_failures() {
  std::lock_guard lock(mutex_);
  return std::exchange(failures_, {});
}

Xapian::doccount IndexWriter::doc_count() {
  if (!workers_.empty() && !building_) return workers_.front()->shard.database().get_doccount();
  const auto live = live_generation(db_dir_);
  return live ? Xapian::Database(live->string()).get_doccount() : 0;
}

}  // namespace morgue::indexer
