#include "common/facet_columns.h"

#include <algorithm>
#include <atomic>
#include <map>
#include <unordered_map>

#include "common/entities/alias_table.h"
#include "common/entity_facet.h"
#include "common/revision_registry.h"
#include "common/schema.h"

namespace morgue {
namespace {

// Assigns ids to distinct strings in order of first sight.
class Interner {
 public:
  std::uint32_t id(std::string_view s) {
    if (const auto it = ids_.find(s); it != ids_.end()) return it->second;
    values_.emplace_back(s);
    const auto id = static_cast<std::uint32_t>(values_.size());  // 1-based: 0 is "none"
    ids_.emplace(values_.back(), id);
    return id;
  }
  std::vector<std::string> take() { return std::move(values_); }

 private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, std::uint32_t, Hash, std::equal_to<>> ids_;
  std::vector<std::string> values_;
};

// Thrown out of a build that was asked to stop; caught by build_facet_columns.
struct Stopped {};

// Looks at the stop flag every 4,096 values read.
class StopCheck {
 public:
  explicit StopCheck(const std::atomic<bool>* stop) : stop_(stop) {}
  void operator()() {
    if (stop_ && (++seen_ & 4095) == 0 && stop_->load(std::memory_order_relaxed)) throw Stopped{};
  }

 private:
  const std::atomic<bool>* stop_;
  unsigned seen_ = 0;
};

ValueColumn read_value_column(const Xapian::Database& db, Xapian::valueno slot, Xapian::docid last,
                              const std::atomic<bool>* stop) {
  ValueColumn c;
  c.ids.assign(std::size_t{last} + 1, 0);
  Interner interner;
  StopCheck check(stop);
  for (auto it = db.valuestream_begin(slot); it != db.valuestream_end(slot); ++it) {
    if (it.get_docid() > last) break;
    check();
    const std::string value = *it;
    if (!value.empty()) c.ids[it.get_docid()] = interner.id(value);
  }
  c.values = interner.take();
  return c;
}

// Dates ("YYYYMMDD") get ids in ascending order, so a histogram needs no sort.
void sort_values(ValueColumn& c) {
  std::vector<std::uint32_t> order(c.values.size());
  for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](auto a, auto b) { return c.values[a] < c.values[b]; });
  std::vector<std::uint32_t> new_id(c.values.size() + 1, 0);
  std::vector<std::string> sorted;
  sorted.reserve(c.values.size());
  for (std::uint32_t rank = 0; rank < order.size(); ++rank) {
    new_id[order[rank] + 1] = rank + 1;
    sorted.push_back(std::move(c.values[order[rank]]));
  }
  for (auto& id : c.ids) id = new_id[id];
  c.values = std::move(sorted);
}

// The entity of each line: lines of one type and alias_key (as the entity terms are
// keyed) are spellings of one entity, "NEW YORK" in a dateline and "New York".
void number_entities(EntityColumn& c) {
  std::map<std::pair<EntityType, std::string>, std::uint32_t> entity_of;
  c.entity.reserve(c.names.size());
  for (std::size_t i = 0; i < c.names.size(); ++i) {
    const auto it = entity_of.emplace(std::pair(c.types[i], entities::alias_key(c.names[i])), entity_of.size()).first;
    c.entity.push_back(it->second);
  }
  c.entities = static_cast<std::uint32_t>(entity_of.size());
}

EntityColumn read_entity_column(const Xapian::Database& db, Xapian::docid last, const std::atomic<bool>* stop) {
  EntityColumn c;
  c.begin.assign(std::size_t{last} + 2, 0);
  Interner interner;
  Xapian::docid next = 1;  // the first docid whose begin is not set yet
  StopCheck check(stop);
  for (auto it = db.valuestream_begin(kSlotEntities); it != db.valuestream_end(kSlotEntities); ++it) {
    const Xapian::docid did = it.get_docid();
    if (did > last) break;
    check();
    for (; next <= did; ++next) c.begin[next] = static_cast<std::uint32_t>(c.items.size());
    for_each_entity_line(*it, [&](std::string_view line, std::size_t) { c.items.push_back(interner.id(line)); });
  }
  for (; next <= last + 1; ++next) c.begin[next] = static_cast<std::uint32_t>(c.items.size());
  for (std::string& line : interner.take()) {
    const auto tab = line.find('\t');
    c.types.push_back(parse_entity_type(std::string_view(line).substr(0, tab)).value_or(EntityType::kOther));
    c.names.push_back(line.substr(tab + 1));
  }
  number_entities(c);
  return c;
}

// Ties by value, as Xapian's ValueCountMatchSpy orders them.
template <typename T, typename Key>
void keep_best(std::vector<T>& v, std::size_t max, Key key) {
  const std::size_t n = std::min(max, v.size());
  std::partial_sort(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(n), v.end(), [&](const T& a, const T& b) {
    return a.count != b.count ? a.count > b.count : key(a) < key(b);
  });
  v.resize(n);
}

}  // namespace

std::string facet_columns_key(const Xapian::Database& db) {
  return db.get_uuid() + ":" + std::to_string(db.get_revision());
}

bool facet_columns_fit(const Xapian::Database& db, Xapian::doccount max_docs) {
  // The columns are indexed by document id: bounded by the highest id too, which
  // deletions can leave far above the number of documents.
  return db.get_doccount() <= max_docs && std::uint64_t{db.get_lastdocid()} <= 4 * std::uint64_t{max_docs};
}

std::shared_ptr<const FacetColumns> build_facet_columns(const Xapian::Database& db, const std::atomic<bool>* stop) {
  auto columns = std::make_shared<FacetColumns>();
  columns->key = facet_columns_key(db);
  const Xapian::docid last = db.get_lastdocid();
  try {
    columns->outlet = read_value_column(db, kSlotOutlet, last, stop);
    columns->date = read_value_column(db, kSlotDate, last, stop);
    sort_values(columns->date);
    columns->lang = read_value_column(db, kSlotLang, last, stop);
    columns->entities = read_entity_column(db, last, stop);
  } catch (const Stopped&) {
    return nullptr;
  }
  return columns;
}

std::shared_ptr<const FacetColumns> facet_columns(const Xapian::Database& db) {
  if (!facet_columns_fit(db, kMaxFacetColumnDocs)) return nullptr;
  // One per database (its UUID) and revision, shared by the searchers that ask for it.
  return shared_per_revision<FacetColumns>(facet_columns_key(db), [&] { return build_facet_columns(db); });
}

namespace {

constexpr Xapian::valueno kSlots[] = {kSlotOutlet, kSlotDate, kSlotLang};
constexpr ValueColumn FacetColumns::* kColumns[] = {&FacetColumns::outlet, &FacetColumns::date, &FacetColumns::lang};

constexpr std::size_t kNone = static_cast<std::size_t>(-1);

bool wants(const FacetCountSpy::Wanted& w, int slot) { return slot == 0 ? w.outlet : slot == 1 ? w.date : w.lang; }

}  // namespace

FacetCountSpy::FacetCountSpy(std::shared_ptr<const FacetColumns> columns, Wanted wanted)
    : columns_(std::move(columns)), wanted_(wanted) {
  if (!columns_) return;
  for (int slot = 0; slot < 3; ++slot) {
    if (wants(wanted_, slot)) counts_[slot].assign(((*columns_).*kColumns[slot]).values.size() + 1, 0);
  }
  if (wanted_.entities) entity_counts_.assign(columns_->entities.names.size(), 0);
}

void FacetCountSpy::operator()(const Xapian::Document& doc, double) {
  if (!columns_) {
    for (int slot = 0; slot < 3; ++slot) {
      if (!wants(wanted_, slot)) continue;
      std::string value = doc.get_value(kSlots[slot]);
      if (!value.empty()) ++value_counts_[slot][std::move(value)];
    }
    if (!wanted_.entities) return;
    for_each_entity_line(doc.get_value(kSlotEntities), [&](std::string_view line, std::size_t) {
      if (auto it = line_counts_.find(line); it != line_counts_.end()) {
        ++it->second;
      } else {
        line_counts_.emplace(line, 1);
      }
    });
    return;
  }
  const Xapian::docid did = doc.get_docid();
  const FacetColumns& c = *columns_;
  // A document past the columns' last docid cannot match at their revision: skipped
  // rather than read out of bounds.
  if (did >= c.outlet.ids.size()) return;
  for (int slot = 0; slot < 3; ++slot) {
    if (wants(wanted_, slot)) ++counts_[slot][(c.*kColumns[slot]).ids[did]];
  }
  if (wanted_.entities) {
    for (auto i = c.entities.begin[did]; i < c.entities.begin[did + 1]; ++i) ++entity_counts_[c.entities.items[i] - 1];
  }
}

std::vector<FacetCount> FacetCountSpy::all(Slot which) const {
  const int slot = static_cast<int>(which);
  std::vector<FacetCount> out;
  if (!columns_) {
    for (const auto& [value, count] : value_counts_[slot]) out.push_back({value, count});
    return out;
  }
  // Ids follow first sight, except the dates' (ascending): sort the others.
  const auto& counts = counts_[slot];
  const auto& values = ((*columns_).*kColumns[slot]).values;
  for (std::size_t id = 1; id < counts.size(); ++id) {  // 0: no value
    if (counts[id]) out.push_back({values[id - 1], counts[id]});
  }
  if (which != Slot::kDate) {
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.value < b.value; });
  }
  return out;
}

std::vector<FacetCount> FacetCountSpy::top(Slot slot, std::size_t max) const {
  auto out = all(slot);
  keep_best(out, max, [](const FacetCount& f) { return f.value; });
  return out;
}

std::vector<FacetCountSpy::Entity> FacetCountSpy::top_entities(std::optional<EntityType> type, std::size_t max) const {
  // One entry per entity, not per spelling, named by the spelling better_facet_name
  // picks from the matches' counts: the same from the columns as from the values.
  std::vector<Entity> out;
  std::vector<std::uint32_t> named_count;  // matches with the spelling shown
  auto add = [&](std::size_t& index, std::string_view name, EntityType t, std::uint32_t count) {
    if (index == kNone) {
      index = out.size();
      out.push_back({name, t, count});
      named_count.push_back(count);
      return;
    }
    Entity& e = out[index];
    e.count += count;
    if (better_facet_name(name, count, e.name, named_count[index])) {
      e.name = name;
      named_count[index] = count;
    }
  };
  if (!columns_) {
    std::map<std::pair<EntityType, std::string>, std::size_t> index_of;
    for (const auto& [line, count] : line_counts_) {
      const std::string_view view(line);
      const auto tab = view.find('\t');
      const EntityType t = parse_entity_type(view.substr(0, tab)).value_or(EntityType::kOther);
      if (type && t != *type) continue;
      const std::string_view name = view.substr(tab + 1);
      add(index_of.try_emplace(std::pair(t, entities::alias_key(name)), kNone).first->second, name, t, count);
    }
  } else {
    const EntityColumn& c = columns_->entities;
    std::vector<std::size_t> index_of(c.entities, kNone);
    for (std::size_t id = 0; id < entity_counts_.size(); ++id) {
      if (entity_counts_[id] && (!type || c.types[id] == *type))
        add(index_of[c.entity[id]], c.names[id], c.types[id], entity_counts_[id]);
    }
  }
  keep_best(out, max, [](const Entity& e) { return std::pair(e.name, e.type); });
  return out;
}

std::string_view FacetColumns::date_of(Xapian::docid did) const {
  if (did >= date.ids.size() || date.ids[did] == 0) return {};
  return date.values[date.ids[did] - 1];
}

std::string DateKeyMaker::operator()(const Xapian::Document& doc) const {
  return std::string(columns_->date_of(doc.get_docid()));
}

}  // namespace morgue
