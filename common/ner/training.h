// Training the tagger on CoNLL-2003 documents and scoring it on others.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <vector>

#include "common/ner/conll.h"
#include "common/ner/tagger.h"

namespace morgue::ner {

// Adds every entity of the documents to the gazetteer with its type.
void add_entities(const std::vector<Document>& docs, Gazetteer& gazetteer);

// Adds the Reuters-21578 category lists from `dir` (all-people-strings.lc.txt,
// all-orgs-strings.lc.txt, all-places-strings.lc.txt; "el-salvador" -> "el salvador").
// Throws InputError when a list is missing.
void add_reuters_lists(const std::filesystem::path& dir, Gazetteer& gazetteer);

struct TrainOptions {
  int iterations = 10;
  std::uint64_t seed = 1;
  // The gazetteer features of a training document come from a gazetteer built
  // without the documents of its fold, so the model learns how much to trust a
  // gazetteer on unseen text rather than on the text that filled it.
  int gazetteer_folds = 10;
  // A second pass that sees the first pass's tags of the whole document; its
  // training data gets first-pass tags from models trained on the other folds.
  bool two_stage = true;
  int stage_folds = 5;
};

struct EpochReport {
  int stage = 1;  // 1 or 2; 0 for the first-pass models of the folds
  int iteration = 0;
  std::size_t token_errors = 0;
  std::size_t tokens = 0;
  std::size_t features = 0;
  const EntityTagger* tagger = nullptr;  // the averaged model so far (set for held-out scoring)
};

// Trains on `train`; `base_gazetteer` (e.g. the Reuters lists) is extended with the
// training entities. When `heldout` is not empty, progress receives a tagger after
// every iteration for scoring it.
[[nodiscard]] Model train_model(const std::vector<Document>& train, const Gazetteer& base_gazetteer,
                                const TrainOptions& options, const std::vector<Document>& heldout,
                                const std::function<void(const EpochReport&)>& progress);

// conlleval scores of the tagger on gold documents.
[[nodiscard]] Scorer evaluate(const EntityTagger& tagger, const std::vector<Document>& docs);

// IOB1 tags (as in CoNLL-2003) for the spans over n tokens.
[[nodiscard]] std::vector<std::string> iob1_from_spans(const std::vector<Span>& spans, std::size_t n);

}  // namespace morgue::ner
