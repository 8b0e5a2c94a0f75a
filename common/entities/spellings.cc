#include "common/entities/spellings.h"

#include <algorithm>

#include "common/text_util.h"

namespace morgue::entities {
namespace {

// A word the query parser and the term generator see as one term, and a name rather
// than an acronym that doubles as a common word.
bool is_spelling(std::string_view word) {
  if (word.find_first_of(" .-'\u2019") != std::string_view::npos || utf8_length(word) < 4) return false;
  bool lower = false;
  for (char c : word) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x80 && !((u >= 'A' && u <= 'Z') || (u >= 'a' && u <= 'z'))) return false;
    lower |= u >= 'a' && u <= 'z';
  }
  return lower;
}

}  // namespace

Spellings::Spellings(const AliasTable& table) {
  for (const EntityEntry& e : table.entries()) {
    SpellingGroup g{e.name, {}};
    auto consider = [&](const std::string& name) {
      if (!is_spelling(name)) return;
      std::string word = fold_case(name);
      if (std::find(g.spellings.begin(), g.spellings.end(), word) == g.spellings.end() && !by_word_.contains(word))
        g.spellings.push_back(std::move(word));
    };
    consider(e.name);
    for (const auto& alias : e.aliases) consider(alias);
    if (g.spellings.size() < 2) continue;
    for (const auto& w : g.spellings) by_word_.emplace(w, groups_.size());
    groups_.push_back(std::move(g));
  }
}

const SpellingGroup* Spellings::find(std::string_view word) const {
  const auto it = by_word_.find(std::string(word));
  return it == by_word_.end() ? nullptr : &groups_[it->second];
}

void Spellings::write_synonyms(Xapian::WritableDatabase& db) const {
  std::vector<std::string> old(db.synonym_keys_begin(), db.synonym_keys_end());
  for (const auto& key : old) db.clear_synonyms(key);
  for (const auto& g : groups_) {
    for (const auto& key : g.spellings) {
      for (const auto& other : g.spellings)
        if (other != key) db.add_synonym(key, other);
    }
  }
}

const Spellings& default_spellings() {
  static const Spellings spellings(default_alias_table());
  return spellings;
}

}  // namespace morgue::entities
