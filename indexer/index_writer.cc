#include "indexer/index_writer.h"

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include "common/errors.h"
#include "common/identity.h"
#include "common/index_location.h"
#include "common/schema.h"

namespace morgue::indexer {
namespace {

namespace fs = std::filesystem;

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

Xapian::WritableDatabase create_database(const fs::path& dir) {
  Xapian::WritableDatabase db(dir.string(), Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_BACKEND_GLASS);
  db.set_metadata(kSchemaVersionKey, std::to_string(kSchemaVersion));
  db.commit();
  return db;
}

}  // namespace

IndexWriter::IndexWriter(fs::path db_dir, WriterOptions options)
    : db_dir_(std::move(db_dir)), options_(options), lock_fd_(take_writer_lock(db_dir_)) {
  try {
    const auto live = live_generation(db_dir_);
    if (options_.rebuild) {
      generation_ = make_next_generation(db_dir_);
      db_ = create_database(generation_);
    } else if (!live) {
      // A new index is published at once, empty, so that each committed batch is
      // searchable and an interrupted first run is completed by the next one.
      generation_ = make_next_generation(db_dir_);
      db_ = create_database(generation_);
      publish_generation(db_dir_, generation_);
    } else {
      generation_ = *live;
      db_ = Xapian::WritableDatabase(generation_.string(), Xapian::DB_OPEN);
      check_schema_version(db_, db_dir_);
      if (db_.get_metadata(kSchemaVersionKey).empty()) {
        db_.set_metadata(kSchemaVersionKey, std::to_string(kSchemaVersion));
      }
    }
    committed_ = Xapian::Database(generation_.string());
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
  if (!finished_) {
    try {
      if (options_.rebuild) {
        db_.close();
        std::error_code ec;
        fs::remove_all(generation_, ec);  // never published: nobody reads it
      } else {
        db_.commit();
      }
    } catch (const Xapian::Error&) {
      // Destructors must not throw; the last committed batch is what remains.
    }
  }
  if (lock_fd_ >= 0) ::close(lock_fd_);
}

std::optional<IndexWriter::Known> IndexWriter::lookup(const std::string& id_term) {
  if (auto it = pending_docs_.find(id_term); it != pending_docs_.end()) return it->second;
  auto p = committed_.postlist_begin(id_term);
  if (p == committed_.postlist_end(id_term)) return std::nullopt;
  const Xapian::Document doc = committed_.get_document(*p, Xapian::DOC_ASSUME_VALID);
  return Known{*p, doc.get_value(kSlotFingerprint), doc.get_value(kSlotDate)};
}

Outcome IndexWriter::add(const Article& article) {
  const std::string id = document_id(article);
  const std::string fingerprint = content_fingerprint(article);
  const std::string id_term = boolean_term(FieldId::kId, id);
  const std::string date = article.published ? format_compact(*article.published) : std::string();

  const auto known = lookup(id_term);
  if (known) {
    if (known->fingerprint == fingerprint) return Outcome::kUnchanged;
    // The newer version of an article wins; an undated one replaces anything.
    if (!date.empty() && !known->date.empty() && date < known->date) return Outcome::kOlder;
    db_.replace_document(known->docid, builder_.build(article, id, fingerprint));
    pending_docs_[id_term] = Known{known->docid, fingerprint, date};
  } else {
    const Xapian::docid docid = db_.add_document(builder_.build(article, id, fingerprint));
    pending_docs_[id_term] = Known{docid, fingerprint, date};
  }
  maybe_commit();
  return known ? Outcome::kUpdated : Outcome::kAdded;
}

bool IndexWriter::remove(const std::string& id_or_url) {
  const std::string id_term = boolean_term(FieldId::kId, id_from_user(id_or_url));
  const auto known = lookup(id_term);
  if (!known) return false;
  db_.delete_document(known->docid);
  pending_docs_.erase(id_term);
  maybe_commit();
  return true;
}

void IndexWriter::commit() {
  db_.commit();
  committed_.reopen();
  pending_docs_.clear();
  pending_ = 0;
}

void IndexWriter::maybe_commit() {
  if (++pending_ >= options_.batch_size) commit();
}

void IndexWriter::finish() {
  commit();
  finished_ = true;
  if (!options_.rebuild) return;
  // Compacting makes the new generation smaller and faster to search; it is
  // written to its own directory and only that one is published.
  db_.close();
  const fs::path compacted = make_next_generation(db_dir_);
  Xapian::Database(generation_.string()).compact(compacted.string(), Xapian::DBCOMPACT_NO_RENUMBER);
  std::error_code ec;
  fs::remove_all(generation_, ec);
  generation_ = compacted;
  publish_generation(db_dir_, generation_);
  db_ = Xapian::WritableDatabase(generation_.string(), Xapian::DB_OPEN);
}

}  // namespace morgue::indexer
