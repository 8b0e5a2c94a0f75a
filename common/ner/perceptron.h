// Averaged structured perceptron (Collins 2002) over first-order BILOU tag
// sequences: Viterbi-decode each training sentence, then move the weights towards
// the gold features and away from the predicted ones. Averaging uses the
// "w - u / c" trick (Daumé III) so that each update costs O(changed weights).
#pragma once

#include <cstdint>
#include <random>
#include <unordered_map>
#include <vector>

#include "common/ner/model_io.h"

namespace morgue::ner {

class PerceptronTrainer {
 public:
  // token_features[i]: the feature ids of token i (features.h); gold: tag ids (decoder.h).
  void add_sentence(const std::vector<std::vector<std::uint64_t>>& token_features, const std::vector<int>& gold);

  // One pass over the sentences in an order drawn from `rng`; returns the number of
  // tokens tagged wrongly before the updates.
  std::size_t train_epoch(std::mt19937_64& rng);

  // The averaged weights.
  void write_averaged(StageModel& model) const;

  [[nodiscard]] std::size_t features() const { return keys_.size(); }
  [[nodiscard]] std::size_t tokens() const { return gold_.size(); }

 private:
  struct SentenceRef {
    std::size_t first_token = 0;  // into gold_ / token_offsets_
    std::size_t tokens = 0;
  };

  void update(std::size_t row, int tag, float delta);

  std::unordered_map<std::uint64_t, std::uint32_t> index_;  // feature id -> row
  std::vector<std::uint64_t> keys_;
  std::vector<float> weights_;         // rows * kNumTags, current weights
  std::vector<double> weighted_sums_;  // sum of c * delta, for the averages
  std::vector<float> transitions_ = std::vector<float>(kNumTags * kNumTags);
  std::vector<double> transition_sums_ = std::vector<double>(kNumTags * kNumTags);
  std::vector<float> start_ = std::vector<float>(kNumTags);
  std::vector<double> start_sums_ = std::vector<double>(kNumTags);
  double counter_ = 1;  // c: the number of sentences seen so far, plus one

  std::vector<SentenceRef> sentences_;
  std::vector<int> gold_;                      // per token
  std::vector<std::size_t> token_offsets_{0};  // token t's rows: rows_[offsets[t], offsets[t+1])
  std::vector<std::uint32_t> rows_;
};

}  // namespace morgue::ner
