#include "common/ner/tagger.h"

#include "common/ner/decoder.h"
#include "common/ner/features.h"
#include "common/ner/tokenizer.h"
#include "common/ner/word_sums.h"

namespace morgue::ner {

EntityTagger EntityTagger::load(const std::filesystem::path& path) { return EntityTagger(load_model(path)); }

EntityTagger::EntityTagger(Model model) : model_(std::make_shared<const Model>(std::move(model))) {}

std::vector<std::vector<int>> decode_document(const StageModel& model,
                                              const std::vector<std::vector<TokenInfo>>& document, Stage stage) {
  std::vector<std::vector<int>> out;
  out.reserve(document.size());
  const WeightTable& table = model.weights;
  WordSums& words = WordSums::for_thread(table);
  std::vector<std::uint64_t> features;
  std::vector<std::size_t> offsets;
  std::vector<std::span<const WeightEntry>> rows;
  std::vector<TagSums> sums;
  std::vector<float> emissions;
  auto add = [](TagSums& to, const TagSums& from) {
    for (std::size_t t = 0; t < kNumTags; ++t) to[t] += from[t];
  };
  for (const auto& sentence : document) {
    const std::size_t n = sentence.size();
    sums.assign(n, TagSums{});
    // The features of one word: cached sums (word_sums.h), each added where it scores.
    for (std::size_t j = 0; j < n; ++j) {
      const WordSums::Entry& e = words.get(sentence[j], table);
      add(sums[j], e.sums[WordSums::kSelf]);
      if (j + 2 < n) add(sums[j + 2], e.sums[WordSums::kBefore2]);
      if (j + 1 < n) add(sums[j + 1], e.sums[WordSums::kBefore1]);
      if (j >= 1) add(sums[j - 1], e.sums[WordSums::kAfter1]);
      if (j >= 2) add(sums[j - 2], e.sums[WordSums::kAfter2]);
    }
    // Neighbours past the sentence's edges.
    for (std::size_t i = 0; i < n && i < 2; ++i) {
      add(sums[i], words.begin_pad().sums[WordSums::kBefore2]);
      add(sums[n - 1 - i], words.end_pad().sums[WordSums::kAfter2]);
    }
    if (n > 0) {
      add(sums[0], words.begin_pad().sums[WordSums::kBefore1]);
      add(sums[n - 1], words.end_pad().sums[WordSums::kAfter1]);
    }
    // The other features, in three sweeps over the sentence, so that the memory loads
    // of the hash table slots and then of the weights overlap instead of waiting one by one.
    features.clear();
    offsets.assign(1, 0);
    for (std::size_t i = 0; i < n; ++i) {
      context_features(sentence, i, features, stage);
      offsets.push_back(features.size());
    }
    for (std::uint64_t f : features) table.prefetch(f);
    rows.resize(features.size());
    for (std::size_t k = 0; k < features.size(); ++k) {
      rows[k] = table.find(features[k]);
      if (!rows[k].empty()) __builtin_prefetch(rows[k].data());
    }
    for (std::size_t i = 0; i < n; ++i) {
      for (std::size_t k = offsets[i]; k < offsets[i + 1]; ++k)
        for (const WeightEntry& w : rows[k]) sums[i][w.tag] += w.weight;
    }
    emissions.resize(n * kNumTags);
    const float scale = table.scale();
    for (std::size_t i = 0; i < n; ++i)
      for (std::size_t t = 0; t < kNumTags; ++t) emissions[i * kNumTags + t] = static_cast<float>(sums[i][t]) * scale;
    out.push_back(viterbi(emissions, model.transitions, model.start));
  }
  return out;
}

std::vector<std::vector<int>> EntityTagger::tag_sentences(
    const std::vector<std::vector<std::string_view>>& document) const {
  auto infos = analyze_document(document, model_->gazetteer);
  auto tags = decode_document(model_->stages.at(0), infos, Stage::kFirst);
  if (all_passes_ && model_->stages.size() > 1) {
    add_first_pass(infos, tags);
    tags = decode_document(model_->stages[1], infos, Stage::kSecond);
  }
  return tags;
}

EntityTagger EntityTagger::first_pass_only() const {
  EntityTagger fast = *this;
  fast.all_passes_ = false;
  return fast;
}

std::vector<Mention> EntityTagger::tag(std::string_view text) const {
  const std::vector<Token> tokens = tokenize(text);
  const std::vector<SentenceRange> ranges = split_sentences(text, tokens);
  std::vector<std::vector<std::string_view>> document;
  document.reserve(ranges.size());
  for (const auto& r : ranges) {
    auto& words = document.emplace_back();
    for (std::size_t k = r.begin; k < r.end; ++k) words.push_back(tokens[k].text);
  }
  const auto tags = tag_sentences(document);
  std::vector<Mention> mentions;
  for (std::size_t s = 0; s < ranges.size(); ++s) {
    for (const Span& span : spans_from_tag_ids(tags[s])) {
      const std::size_t begin = tokens[ranges[s].begin + span.begin].begin;
      const std::size_t end = tokens[ranges[s].begin + span.end - 1].end;
      mentions.push_back({std::string(text.substr(begin, end - begin)), span.type, begin, end});
    }
  }
  return mentions;
}

}  // namespace morgue::ner
