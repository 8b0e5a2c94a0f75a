#include "common/ner/perceptron.h"

#include <algorithm>

namespace morgue::ner {

void PerceptronTrainer::add_sentence(const std::vector<std::vector<std::uint64_t>>& token_features,
                                     const std::vector<int>& gold) {
  sentences_.push_back({gold_.size(), gold.size()});
  for (std::size_t i = 0; i < gold.size(); ++i) {
    gold_.push_back(gold[i]);
    for (std::uint64_t f : token_features[i]) {
      auto [it, added] = index_.try_emplace(f, static_cast<std::uint32_t>(keys_.size()));
      if (added) {
        keys_.push_back(f);
        weights_.resize(weights_.size() + kNumTags, 0.0f);
        weighted_sums_.resize(weighted_sums_.size() + kNumTags, 0.0);
      }
      rows_.push_back(it->second);
    }
    token_offsets_.push_back(rows_.size());
  }
}

void PerceptronTrainer::update(std::size_t row, int tag, float delta) {
  const std::size_t i = row * kNumTags + static_cast<std::size_t>(tag);
  weights_[i] += delta;
  weighted_sums_[i] += counter_ * delta;
}

std::size_t PerceptronTrainer::train_epoch(std::mt19937_64& rng) {
  // Fisher-Yates with our own draws: std::shuffle's use of the engine differs between
  // standard libraries, and training must give the same model everywhere.
  std::vector<std::size_t> order(sentences_.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  for (std::size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[rng() % i]);

  std::size_t errors = 0;
  std::vector<float> emissions;
  for (std::size_t s : order) {
    const SentenceRef& ref = sentences_[s];
    emissions.assign(ref.tokens * kNumTags, 0.0f);
    for (std::size_t i = 0; i < ref.tokens; ++i) {
      const std::size_t t = ref.first_token + i;
      float* e = &emissions[i * kNumTags];
      for (std::size_t k = token_offsets_[t]; k < token_offsets_[t + 1]; ++k) {
        const float* w = &weights_[std::size_t{rows_[k]} * kNumTags];
        for (std::size_t tag = 0; tag < kNumTags; ++tag) e[tag] += w[tag];
      }
    }
    const std::vector<int> predicted = viterbi(emissions, transitions_, start_);
    const int* gold = &gold_[ref.first_token];
    for (std::size_t i = 0; i < ref.tokens; ++i) {
      if (predicted[i] == gold[i]) continue;
      ++errors;
      const std::size_t t = ref.first_token + i;
      for (std::size_t k = token_offsets_[t]; k < token_offsets_[t + 1]; ++k) {
        update(rows_[k], gold[i], 1.0f);
        update(rows_[k], predicted[i], -1.0f);
      }
    }
    auto bump = [&](std::vector<float>& w, std::vector<double>& sums, std::size_t i, float d) {
      w[i] += d;
      sums[i] += counter_ * d;
    };
    if (predicted[0] != gold[0]) {
      bump(start_, start_sums_, static_cast<std::size_t>(gold[0]), 1.0f);
      bump(start_, start_sums_, static_cast<std::size_t>(predicted[0]), -1.0f);
    }
    for (std::size_t i = 1; i < ref.tokens; ++i) {
      if (predicted[i] == gold[i] && predicted[i - 1] == gold[i - 1]) continue;
      bump(transitions_, transition_sums_,
           static_cast<std::size_t>(gold[i - 1]) * kNumTags + static_cast<std::size_t>(gold[i]), 1.0f);
      bump(transitions_, transition_sums_,
           static_cast<std::size_t>(predicted[i - 1]) * kNumTags + static_cast<std::size_t>(predicted[i]), -1.0f);
    }
    counter_ += 1;
  }
  return errors;
}

void PerceptronTrainer::write_averaged(StageModel& model) const {
  auto average = [&](float w, double sum) { return static_cast<float>(w - sum / counter_); };
  std::vector<std::pair<std::uint64_t, WeightRow>> rows;
  rows.reserve(keys_.size());
  for (std::size_t r = 0; r < keys_.size(); ++r) {
    WeightRow row{};
    bool any = false;
    for (std::size_t t = 0; t < kNumTags; ++t) {
      row[t] = average(weights_[r * kNumTags + t], weighted_sums_[r * kNumTags + t]);
      any |= row[t] != 0;
    }
    if (any) rows.emplace_back(keys_[r], row);
  }
  model.weights.build(rows);
  for (std::size_t i = 0; i < model.transitions.size(); ++i)
    model.transitions[i] = average(transitions_[i], transition_sums_[i]);
  for (std::size_t i = 0; i < model.start.size(); ++i) model.start[i] = average(start_[i], start_sums_[i]);
}

}  // namespace morgue::ner
