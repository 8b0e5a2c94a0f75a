#include "common/ner/conll.h"

#include <cstdio>
#include <fstream>
#include <sstream>

#include "common/errors.h"

namespace morgue::ner {
namespace {

struct Tag {
  char prefix = 'O';  // O, B, I, E, S (BILOU's L and U are read as E and S)
  std::string type;
};

Tag parse_tag(const std::string& tag) {
  if (tag.size() < 3 || tag[1] != '-') return {};
  char p = tag[0];
  if (p == 'L') p = 'E';
  if (p == 'U') p = 'S';
  if (p != 'B' && p != 'I' && p != 'E' && p != 'S') return {};
  return {p, tag.substr(2)};
}

bool ends_chunk(const Tag& prev, const Tag& cur) {
  if (prev.prefix == 'O') return false;
  if (prev.prefix == 'E' || prev.prefix == 'S') return true;
  if (cur.prefix == 'O' || cur.prefix == 'B' || cur.prefix == 'S') return true;
  return prev.type != cur.type;
}

bool starts_chunk(const Tag& prev, const Tag& cur) {
  if (cur.prefix == 'O') return false;
  if (cur.prefix == 'B' || cur.prefix == 'S') return true;
  if (prev.prefix == 'O' || prev.prefix == 'E' || prev.prefix == 'S') return true;
  return prev.type != cur.type;
}

}  // namespace

std::vector<Document> read_conll(const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in) throw InputError(path.string(), "cannot open CoNLL file");
  std::vector<Document> docs(1);
  Sentence sentence;
  auto flush = [&] {
    if (!sentence.words.empty()) docs.back().sentences.push_back(std::move(sentence));
    sentence = {};
  };
  std::string line;
  for (std::size_t lineno = 1; std::getline(in, line); ++lineno) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) {
      flush();
      continue;
    }
    std::istringstream fields(line);
    std::string word, column, tag;
    fields >> word;
    while (fields >> column) tag = column;
    if (tag.empty()) throw InputError(path.string() + ":" + std::to_string(lineno), "expected 'word ... tag'");
    if (word == "-DOCSTART-") {
      flush();
      if (!docs.back().sentences.empty()) docs.emplace_back();
      continue;
    }
    sentence.words.push_back(std::move(word));
    sentence.tags.push_back(std::move(tag));
  }
  flush();
  if (docs.back().sentences.empty() && docs.size() > 1) docs.pop_back();
  return docs;
}

std::vector<Span> spans_from_tags(const std::vector<std::string>& tags) {
  std::vector<Span> spans;
  Tag prev;
  for (std::size_t i = 0; i <= tags.size(); ++i) {
    const Tag cur = i < tags.size() ? parse_tag(tags[i]) : Tag{};
    if (ends_chunk(prev, cur)) spans.back().end = i;
    if (starts_chunk(prev, cur)) spans.push_back({i, i, cur.type});
    prev = cur;
  }
  return spans;
}

void Scorer::add(const std::vector<Span>& gold, const std::vector<Span>& predicted) {
  for (const auto& g : gold) {
    ++overall_.gold;
    ++by_type_[g.type].gold;
  }
  for (const auto& p : predicted) {
    ++overall_.predicted;
    ++by_type_[p.type].predicted;
    for (const auto& g : gold) {
      if (g == p) {
        ++overall_.correct;
        ++by_type_[p.type].correct;
        break;
      }
    }
  }
}

void Scorer::add_tokens(std::size_t tokens, std::size_t correct_tags) {
  tokens_ += tokens;
  correct_tags_ += correct_tags;
}

std::string Scorer::report() const {
  std::string out;
  char line[200];
  std::snprintf(line, sizeof line, "processed %zu tokens with %zu phrases; found: %zu phrases; correct: %zu.\n",
                tokens_, overall_.gold, overall_.predicted, overall_.correct);
  out += line;
  const double accuracy = tokens_ ? 100.0 * correct_tags_ / tokens_ : 0.0;
  std::snprintf(line, sizeof line, "accuracy: %6.2f%%; precision: %6.2f%%; recall: %6.2f%%; FB1: %6.2f\n", accuracy,
                overall_.precision(), overall_.recall(), overall_.f1());
  out += line;
  for (const auto& [type, c] : by_type_) {
    std::snprintf(line, sizeof line, "%17s: precision: %6.2f%%; recall: %6.2f%%; FB1: %6.2f  %zu\n", type.c_str(),
                  c.precision(), c.recall(), c.f1(), c.predicted);
    out += line;
  }
  return out;
}

}  // namespace morgue::ner
