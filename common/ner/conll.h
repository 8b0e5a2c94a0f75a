// CoNLL-2003 files (word ... NE-tag per line, blank lines between sentences,
// -DOCSTART- between documents), entity spans from tag sequences, and scoring with
// the rules of the CoNLL `conlleval` script (exact span and type).
#pragma once

#include <cstddef>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace morgue::ner {

struct Sentence {
  std::vector<std::string> words;
  std::vector<std::string> tags;  // the last column: "O", "I-PER", "B-LOC", ...
};

struct Document {
  std::vector<Sentence> sentences;
};

// Throws InputError ("file:line: ...") for unreadable files and malformed lines.
[[nodiscard]] std::vector<Document> read_conll(const std::filesystem::path& path);

// An entity over the tokens [begin, end) of one sentence.
struct Span {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::string type;  // "PER", "ORG", "LOC", "MISC"

  friend bool operator==(const Span&, const Span&) = default;
};

// conlleval's chunk rules, so IOB1, IOB2, IOBES and BILOU tags all work; like
// conlleval it repairs invalid sequences (an I- after O starts an entity).
[[nodiscard]] std::vector<Span> spans_from_tags(const std::vector<std::string>& tags);

struct Counts {
  std::size_t gold = 0;
  std::size_t predicted = 0;
  std::size_t correct = 0;

  [[nodiscard]] double precision() const { return predicted ? 100.0 * correct / predicted : 0.0; }
  [[nodiscard]] double recall() const { return gold ? 100.0 * correct / gold : 0.0; }
  [[nodiscard]] double f1() const {
    const double p = precision(), r = recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
  }
};

// Entity-level precision, recall and F1, per type and overall, as conlleval counts them.
class Scorer {
 public:
  void add(const std::vector<Span>& gold, const std::vector<Span>& predicted);
  void add_tokens(std::size_t tokens, std::size_t correct_tags);

  [[nodiscard]] const Counts& overall() const { return overall_; }
  [[nodiscard]] const std::map<std::string, Counts>& by_type() const { return by_type_; }
  // A conlleval-like table: one line overall, one per type.
  [[nodiscard]] std::string report() const;

 private:
  Counts overall_;
  std::map<std::string, Counts> by_type_;
  std::size_t tokens_ = 0;
  std::size_t correct_tags_ = 0;
};

}  // namespace morgue::ner
