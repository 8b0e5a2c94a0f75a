#include "common/entity_lexicon.h"

#include <algorithm>

#include "common/facet_columns.h"
#include "common/revision_registry.h"
#include "common/schema.h"

namespace morgue {

bool suggestion_matches(std::string_view key, std::string_view prefix) {
  if (key.starts_with(prefix)) return true;
  for (auto at = key.find(' '); at != std::string_view::npos; at = key.find(' ', at + 1))
    if (key.substr(at + 1).starts_with(prefix)) return true;
  return false;
}

EntityLexicon::EntityLexicon(const Xapian::Database& db) {
  const std::string prefix(field(FieldId::kEntity).prefix);
  // In byte order, std::string's order: the binary searches below rely on it.
  for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it)
    terms_.emplace_back((*it).substr(prefix.size()), it.get_termfreq());
  for (std::uint32_t t = 0; t < terms_.size(); ++t) {
    const std::string& key = terms_[t].first;
    for (std::size_t at = key.find(' '); at != std::string::npos; at = key.find(' ', at + 1))
      if (at + 1 < key.size()) words_.emplace_back(t, static_cast<std::uint32_t>(at + 1));
  }
  const auto text = [&](const std::pair<std::uint32_t, std::uint32_t>& w) {
    return std::string_view(terms_[w.first].first).substr(w.second);
  };
  std::sort(words_.begin(), words_.end(), [&](const auto& a, const auto& b) { return text(a) < text(b); });
  by_count_.resize(terms_.size());
  for (std::uint32_t i = 0; i < by_count_.size(); ++i) by_count_[i] = i;
  sort_by_count(by_count_);
}

void EntityLexicon::sort_by_count(std::vector<std::uint32_t>& ids) const {
  std::sort(ids.begin(), ids.end(), [&](auto a, auto b) {
    // Keys are sorted, so a lower index is a lower key.
    return terms_[a].second != terms_[b].second ? terms_[a].second > terms_[b].second : a < b;
  });
}

std::vector<std::uint32_t> EntityLexicon::matching(std::string_view prefix, const std::set<std::string>& also) const {
  if (prefix.empty()) return by_count_;
  std::vector<std::uint32_t> ids;
  // Keys that start with the prefix: one run of the sorted keys.
  auto t = std::lower_bound(terms_.begin(), terms_.end(), prefix,
                            [](const auto& term, std::string_view p) { return std::string_view(term.first) < p; });
  for (; t != terms_.end() && t->first.starts_with(prefix); ++t)
    ids.push_back(static_cast<std::uint32_t>(t - terms_.begin()));
  // Keys with a word that does: one run of the sorted words.
  std::size_t lo = 0, hi = words_.size();
  while (lo < hi) {
    const std::size_t mid = lo + (hi - lo) / 2;
    if (word(mid) < prefix) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  for (std::size_t w = lo; w < words_.size() && word(w).starts_with(prefix); ++w) ids.push_back(words_[w].first);
  for (const std::string& key : also) {
    auto it = std::lower_bound(terms_.begin(), terms_.end(), key,
                               [](const auto& term, const std::string& k) { return term.first < k; });
    if (it != terms_.end() && it->first == key) ids.push_back(static_cast<std::uint32_t>(it - terms_.begin()));
  }
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  sort_by_count(ids);
  return ids;
}

std::shared_ptr<const EntityLexicon> entity_lexicon(const Xapian::Database& db) {
  return shared_per_revision<EntityLexicon>(facet_columns_key(db),
                                            [&] { return std::make_shared<const EntityLexicon>(db); });
}

}  // namespace morgue
