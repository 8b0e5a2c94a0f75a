// The facet slots of one revision of an index, held in memory by document id: what
// Elasticsearch calls doc values and Lucene keeps column-wise on disk. Counting a
// facet then costs an array increment per matching article instead of reading and
// parsing the slot's value (Xapian reads a value by seeking the slot's chunks in the
// B-tree): the web page's search for "oil" on Reuters-21578, with the outlet, date and
// entity facets it always asks for, spent most of its time there (bench/README.md).
//
// Built from the value streams, read in order, once per revision and shared by every
// Searcher at that revision; a reopened index builds anew, as Elasticsearch builds its
// global ordinals after a refresh. A daemon builds them on a thread of its own
// (common/background_facet_columns.h); others on the first faceted search.
#pragma once

#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "common/entity.h"

namespace morgue {

// A slot with one value per document (outlet, date, language): each document's value
// as an id into `values`, 0 for none.
struct ValueColumn {
  std::vector<std::uint32_t> ids;   // by docid
  std::vector<std::string> values;  // id - 1 -> value
};

// The entities slot: several "type\tName" lines per document.
struct EntityColumn {
  std::vector<std::uint32_t> begin;  // by docid, one past the last too: doc d has items [begin[d], begin[d + 1])
  std::vector<std::uint32_t> items;  // entity ids, from 1: names[id - 1], types[id - 1]
  std::vector<std::string> names;
  std::vector<EntityType> types;
  // id - 1 -> the entity it spells: ids of one type and alias_key ("NEW YORK", "New
  // York") are one entity, numbered from 0 to entities - 1.
  std::vector<std::uint32_t> entity;
  std::uint32_t entities = 0;
};

struct FacetColumns {
  std::string key;  // the database's UUID and revision
  ValueColumn outlet, date, lang;
  EntityColumn entities;

  // The date slot's value of document `did` ("YYYYMMDD"), empty when it has none.
  [[nodiscard]] std::string_view date_of(Xapian::docid did) const;
};

// "UUID:revision" of `db` as it is now.
[[nodiscard]] std::string facet_columns_key(const Xapian::Database& db);
// Whether `db` is small enough for columns: at most max_docs documents, and document ids
// up to 4x that (the columns are arrays by id; deletions leave gaps).
[[nodiscard]] bool facet_columns_fit(const Xapian::Database& db, Xapian::doccount max_docs);
// Reads the columns of `db` as it is now; nullptr when `stop` was set meanwhile.
[[nodiscard]] std::shared_ptr<const FacetColumns> build_facet_columns(const Xapian::Database& db,
                                                                      const std::atomic<bool>* stop = nullptr);

// Building costs 2-3.5 us an article on Reuters-21578 (21,578 stories, 147,440 entity
// mentions: 38-74 ms). facet_columns() builds on the searching thread: above this many
// documents it returns nullptr, and facets read each match's values instead.
inline constexpr Xapian::doccount kMaxFacetColumnDocs = 100000;

// The columns of `db` as it is now, built or shared with other holders; nullptr when
// the index does not fit kMaxFacetColumnDocs. Whoever keeps the pointer keeps them: a
// Searcher holds its revision's until it reopens.
[[nodiscard]] std::shared_ptr<const FacetColumns> facet_columns(const Xapian::Database& db);

// A value and how many matching articles have it.
struct FacetCount {
  std::string_view value;
  std::uint32_t count = 0;
};

// Counts the wanted facets over every match it sees: by document id in `columns`, or,
// without columns, from each match's values.
class FacetCountSpy : public Xapian::MatchSpy {
 public:
  struct Wanted {
    bool outlet = false, date = false, lang = false, entities = false;
  };
  enum class Slot { kOutlet, kDate, kLang };
  FacetCountSpy(std::shared_ptr<const FacetColumns> columns, Wanted wanted);

  void operator()(const Xapian::Document& doc, double weight) override;
  [[nodiscard]] std::string name() const override { return "morgue.FacetCountSpy"; }

  // Every value seen, ascending.
  [[nodiscard]] std::vector<FacetCount> all(Slot slot) const;
  // The `max` most frequent values, ties by value, as Xapian's ValueCountMatchSpy.
  [[nodiscard]] std::vector<FacetCount> top(Slot slot, std::size_t max) const;
  // The `max` most frequent entities, of one type or all; ties by name.
  struct Entity {
    std::string_view name;
    EntityType type;
    std::uint32_t count;
  };
  [[nodiscard]] std::vector<Entity> top_entities(std::optional<EntityType> type, std::size_t max) const;

 private:
  std::shared_ptr<const FacetColumns> columns_;
  Wanted wanted_;
  // With columns: counts by value id, per slot (FacetCountSpy::Slot) and for entities.
  std::vector<std::uint32_t> counts_[3], entity_counts_;
  // Without: counts by value, and by "type\tName" line.
  std::map<std::string, std::uint32_t, std::less<>> value_counts_[3], line_counts_;
};

// Sorts by publication date from the date column, newest first with `reverse`, as
// Xapian's sort by the date slot does (an undated article's key is empty), without
// reading each match's value.
class DateKeyMaker : public Xapian::KeyMaker {
 public:
  explicit DateKeyMaker(std::shared_ptr<const FacetColumns> columns) : columns_(std::move(columns)) {}
  std::string operator()(const Xapian::Document& doc) const override;

 private:
  std::shared_ptr<const FacetColumns> columns_;
};

}  // namespace morgue
