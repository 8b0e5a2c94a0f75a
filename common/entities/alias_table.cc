#include "common/entities/alias_table.h"

#include "common/errors.h"
#include "common/text_util.h"

namespace morgue::entities {

extern const char* const kAliasesTsv;  // aliases_table.cc, generated from aliases.tsv

std::string alias_key(std::string_view name) {
  std::string text = fold_case(strip_diacritics(name));
  // Typographic apostrophes as ASCII: O’Rourke and O'Rourke meet.
  for (std::size_t pos; (pos = text.find("\u2019")) != std::string::npos;) text.replace(pos, 3, "'");
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (c == '.') continue;
    out += (c == '-' || c == '\t') ? ' ' : c;
  }
  out = collapse_spaces(out);
  if (out.starts_with("the ")) out.erase(0, 4);
  return out;
}

AliasTable AliasTable::parse(std::string_view tsv, const std::string& source) {
  AliasTable table;
  const auto lines = split_lines(tsv);
  for (std::size_t n = 0; n < lines.size(); ++n) {
    const std::string line = trim(lines[n]);
    if (line.empty() || line.front() == '#') continue;
    const std::string where = source + ":" + std::to_string(n + 1);
    const auto columns = split(lines[n], '\t');
    if (columns.size() < 2 || columns.size() > 4)
      throw InputError(where, "expected 2 to 4 tab-separated columns (name, type, aliases, codes)");
    EntityEntry e;
    e.name = collapse_spaces(columns[0]);
    const auto type = parse_entity_type(trim(columns[1]));
    if (e.name.empty()) throw InputError(where, "empty canonical name");
    if (!type) throw InputError(where, "unknown entity type '" + columns[1] + "'");
    e.type = *type;
    auto list = [](const std::string& column) {
      std::vector<std::string> out;
      for (const auto& part : split(column, '|'))
        if (auto v = collapse_spaces(part); !v.empty()) out.push_back(std::move(v));
      return out;
    };
    if (columns.size() > 2) e.aliases = list(columns[2]);
    if (columns.size() > 3) e.codes = list(columns[3]);
    const std::size_t index = table.entries_.size();
    e.key = alias_key(e.name);
    table.by_key_.emplace(e.key, index);
    for (const auto& alias : e.aliases) table.by_key_.emplace(alias_key(alias), index);
    for (const auto& code : e.codes) table.by_code_.emplace(code, index);
    table.entries_.push_back(std::move(e));
  }
  return table;
}

const EntityEntry* AliasTable::find(std::string_view name, std::optional<EntityType> type) const {
  return find_key(alias_key(name), type);
}

const EntityEntry* AliasTable::find_key(const std::string& key, std::optional<EntityType> type) const {
  const auto [begin, end] = by_key_.equal_range(key);
  const EntityEntry* first = nullptr;
  for (auto it = begin; it != end; ++it) {
    const EntityEntry& e = entries_[it->second];
    if (type && e.type == *type) return &e;
    if (!first || it->second < static_cast<std::size_t>(first - entries_.data())) first = &e;
  }
  return first;
}

const EntityEntry* AliasTable::find_code(std::string_view code) const {
  const auto it = by_code_.find(std::string(code));
  return it == by_code_.end() ? nullptr : &entries_[it->second];
}

const AliasTable& default_alias_table() {
  static const AliasTable table = AliasTable::parse(kAliasesTsv, "common/entities/aliases.tsv");
  return table;
}

}  // namespace morgue::entities
