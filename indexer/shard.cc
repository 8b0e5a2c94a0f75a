#include "indexer/shard.h"

#include "common/date.h"
#include "common/hashing.h"
#include "common/identity.h"
#include "common/schema.h"

namespace morgue::indexer {

Shard::Shard(Xapian::WritableDatabase db, const std::string& path, unsigned batch_size, bool tag_entities)
    : db_(std::move(db)), committed_(path), tag_entities_(tag_entities), batch_size_(batch_size) {}

std::optional<Shard::Known> Shard::lookup(const std::string& id_term) {
  if (auto it = pending_docs_.find(id_term); it != pending_docs_.end()) return it->second;
  auto p = committed_.postlist_begin(id_term);
  if (p == committed_.postlist_end(id_term)) return std::nullopt;
  const Xapian::Document doc = committed_.get_document(*p, Xapian::DOC_ASSUME_VALID);
  return Known{*p, doc.get_value(kSlotFingerprint), doc.get_value(kSlotDate)};
}

Outcome Shard::add(Article& article) {
  const std::string id = document_id(article);
  const std::string fingerprint = content_fingerprint(article);
  const std::string id_term = boolean_term(FieldId::kId, id);
  const std::string date = article.published ? format_compact(*article.published) : std::string();

  const bool again = !seen_.insert(stable_hash64(id_term)).second;
  const auto known = lookup(id_term);
  if (known) {
    if (known->fingerprint == fingerprint) return Outcome::kUnchanged;
    // In one run, only a newer date replaces the version read first.
    if (again && (date.empty() || known->date.empty() || date <= known->date)) return Outcome::kDuplicate;
    // The newer version of an article wins; an undated one replaces anything.
    if (!date.empty() && !known->date.empty() && date < known->date) return Outcome::kOlder;
  }
  // Tagging is the costly part of indexing: only for articles that will be written.
  if (tag_entities_) article.entities = entities::EntityExtractor::embedded().extract(article);
  if (known) {
    db_.replace_document(known->docid, builder_.build(article, id, fingerprint));
    pending_docs_[id_term] = Known{known->docid, fingerprint, date};
  } else {
    const Xapian::docid docid = db_.add_document(builder_.build(article, id, fingerprint));
    pending_docs_[id_term] = Known{docid, fingerprint, date};
  }
  maybe_commit();
  return known ? Outcome::kUpdated : Outcome::kAdded;
}

bool Shard::remove(const std::string& id_or_url) {
  const std::string id_term = boolean_term(FieldId::kId, id_from_user(id_or_url));
  const auto known = lookup(id_term);
  if (!known) return false;
  db_.delete_document(known->docid);
  pending_docs_.erase(id_term);
  maybe_commit();
  return true;
}

void Shard::commit() {
  db_.commit();
  committed_.reopen();
  pending_docs_.clear();
  pending_ = 0;
}

void Shard::maybe_commit() {
  if (++pending_ >= batch_size_) commit();
}

}  // namespace morgue::indexer
