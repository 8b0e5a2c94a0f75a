#include "common/entities/resolver.h"

#include <algorithm>
#include <array>
#include <map>
#include <optional>

#include "common/entity_facet.h"
#include "common/text_util.h"

namespace morgue::entities {
namespace {

// Words that precede a name but are not part of it (compared after alias_key()).
constexpr std::array<std::string_view, 31> kTitles = {"president",
                                                      "prime minister",
                                                      "minister",
                                                      "foreign minister",
                                                      "chancellor",
                                                      "secretary",
                                                      "secretary of state",
                                                      "senator",
                                                      "sen",
                                                      "rep",
                                                      "representative",
                                                      "governor",
                                                      "gov",
                                                      "mayor",
                                                      "general",
                                                      "gen",
                                                      "king",
                                                      "queen",
                                                      "prince",
                                                      "pope",
                                                      "sir",
                                                      "lord",
                                                      "mr",
                                                      "mrs",
                                                      "ms",
                                                      "dr",
                                                      "judge",
                                                      "justice",
                                                      "speaker",
                                                      "ambassador",
                                                      "chairman"};

bool has_letter(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return (u >= 'A' && u <= 'Z') || (u >= 'a' && u <= 'z') || u >= 0x80;
  });
}

std::size_t word_count(std::string_view s) { return s.empty() ? 0 : 1 + std::count(s.begin(), s.end(), ' '); }

// A group of mentions that name one entity.
struct Group {
  std::string key;                        // alias_key of the name
  const EntityEntry* entry = nullptr;     // from the alias table, if listed
  std::map<std::string, unsigned> forms;  // spellings as written
  std::array<unsigned, 4> type_votes{};   // by EntityType
  unsigned mentions = 0;
  std::optional<std::size_t> merged_into;

  [[nodiscard]] EntityType type() const {
    if (entry) return entry->type;
    return static_cast<EntityType>(std::max_element(type_votes.begin(), type_votes.end()) - type_votes.begin());
  }
  [[nodiscard]] std::string display() const {
    if (entry) return entry->name;
    // The most frequent spelling, preferring mixed case over a headline's capitals.
    const std::pair<const std::string, unsigned>* best = nullptr;
    for (const auto& f : forms) {
      const bool caps = written_in_capitals(f.first);
      const bool best_caps = best && written_in_capitals(best->first);
      if (!best || (best_caps && !caps) || (caps == best_caps && f.second > best->second)) best = &f;
    }
    return best->first;
  }
};

// "In June Poroshenko said": the tagger sometimes takes the month into the name.
// News rarely names a person June or May first, and coreference then finds the
// person the surname belongs to.
std::string drop_leading_month(const std::string& name) {
  static constexpr std::array<std::string_view, 12> kMonths = {"January",   "February", "March",    "April",
                                                               "May",       "June",     "July",     "August",
                                                               "September", "October",  "November", "December"};
  const auto space = name.find(' ');
  if (space == std::string::npos) return name;
  const std::string_view first(name.data(), space);
  for (std::string_view month : kMonths)
    if (first == month) return name.substr(space + 1);
  return name;
}

}  // namespace

namespace {

// A mention's name (clean_mention) with its alias_key, computed once.
struct Name {
  std::string text;
  std::string key;
};

Name clean_name(std::string_view mention) {
  std::string name = collapse_spaces(mention);
  // Quotes and a possessive around the name.
  auto strip_suffix = [&](std::string_view suffix) {
    if (name.size() > suffix.size() && name.ends_with(suffix)) name.resize(name.size() - suffix.size());
  };
  strip_suffix("'s");
  strip_suffix("\u2019s");
  while (!name.empty() && (name.back() == '\'' || name.back() == '"' || name.back() == ',')) name.pop_back();
  while (!name.empty() && (name.front() == '\'' || name.front() == '"')) name.erase(0, 1);
  // Leading titles, as long as a name remains.
  std::string key = alias_key(name);
  for (bool stripped = true; stripped;) {
    stripped = false;
    for (std::string_view title : kTitles) {
      if (key.size() > title.size() && key.starts_with(title) && key[title.size()] == ' ') {
        // Drop as many words from the original as the title has.
        std::size_t words = word_count(title), pos = 0;
        while (words-- > 0 && pos != std::string::npos) {
          pos = name.find(' ', pos);
          if (pos != std::string::npos) ++pos;
        }
        if (pos == std::string::npos || pos >= name.size()) break;
        name.erase(0, pos);
        key = alias_key(name);
        stripped = true;
        break;
      }
    }
  }
  // collapse_spaces left no space at either end, and alias_key ignores them: the key stands.
  name = trim(name);
  if (!has_letter(name)) return {};
  return {std::move(name), std::move(key)};
}

}  // namespace

std::string clean_mention(std::string_view text) { return clean_name(text).text; }

std::string canonical_name(std::string_view text, const AliasTable& table) {
  std::string name = clean_mention(text);
  if (name.empty()) name = collapse_spaces(text);
  const EntityEntry* entry = table.find(name);
  return entry ? entry->name : name;
}

std::vector<ArticleEntity> resolve_entities(const std::vector<ner::Mention>& mentions, const AliasTable& table) {
  std::vector<Group> groups;
  std::map<std::string, std::size_t> by_key;  // alias_key or canonical key -> group
  for (const auto& m : mentions) {
    Name name = clean_name(m.text);
    if (name.text.empty() || utf8_length(name.text) < 2) continue;
    const auto tagged = parse_entity_type(m.type).value_or(EntityType::kOther);
    if (tagged == EntityType::kPerson) {
      if (std::string dropped = drop_leading_month(name.text); dropped.size() != name.text.size()) {
        name.key = alias_key(dropped);
        name.text = std::move(dropped);
      }
    }
    const EntityEntry* entry = table.find_key(name.key, tagged);
    const std::string& key = entry ? entry->key : name.key;
    auto [it, inserted] = by_key.emplace(key, groups.size());
    if (inserted) {
      groups.push_back({});
      groups.back().key = key;
      groups.back().entry = entry;
    }
    Group& g = groups[it->second];
    ++g.forms[name.text];
    ++g.type_votes[static_cast<std::size_t>(tagged)];
    ++g.mentions;
  }
  // In-document coreference: "Poroshenko" joins "Petro Poroshenko" when exactly one
  // longer person's name of the article ends with it.
  for (std::size_t i = 0; i < groups.size(); ++i) {
    Group& g = groups[i];
    if (g.entry && g.entry->type != EntityType::kPerson) continue;
    std::optional<std::size_t> target;
    bool ambiguous = false;
    for (std::size_t j = 0; j < groups.size(); ++j) {
      const Group& f = groups[j];
      if (j == i || f.type() != EntityType::kPerson || word_count(f.key) <= word_count(g.key)) continue;
      if (!f.key.ends_with(g.key) || f.key[f.key.size() - g.key.size() - 1] != ' ') continue;
      ambiguous |= target.has_value();
      target = j;
    }
    if (target && !ambiguous) g.merged_into = *target;
  }
  std::vector<ArticleEntity> out;
  std::vector<std::size_t> order;
  auto root = [&](std::size_t i) {
    while (groups[i].merged_into) i = *groups[i].merged_into;  // targets have more words: this ends
    return i;
  };
  // Groups are numbered in order of first mention; a merged group's first mention may
  // come before its target's.
  std::vector<std::size_t> first(groups.size());
  for (std::size_t i = 0; i < groups.size(); ++i) first[i] = i;
  for (std::size_t i = 0; i < groups.size(); ++i) {
    if (groups[i].merged_into) {
      const std::size_t r = root(i);
      groups[r].mentions += groups[i].mentions;
      first[r] = std::min(first[r], i);
    }
  }
  for (std::size_t i = 0; i < groups.size(); ++i)
    if (!groups[i].merged_into) order.push_back(i);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    if (groups[a].mentions != groups[b].mentions) return groups[a].mentions > groups[b].mentions;
    return first[a] < first[b];
  });
  for (std::size_t i : order) out.push_back({groups[i].display(), groups[i].type(), groups[i].mentions});
  return out;
}

}  // namespace morgue::entities
