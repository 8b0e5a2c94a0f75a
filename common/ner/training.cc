#include "common/ner/training.h"

#include <fstream>
#include <string>

#include "common/errors.h"
#include "common/ner/perceptron.h"

namespace morgue::ner {
namespace {

std::vector<std::vector<std::string_view>> words_of(const Document& doc) {
  std::vector<std::vector<std::string_view>> out;
  out.reserve(doc.sentences.size());
  for (const auto& s : doc.sentences) out.emplace_back(s.words.begin(), s.words.end());
  return out;
}

}  // namespace

void add_entities(const std::vector<Document>& docs, Gazetteer& gazetteer) {
  for (const auto& doc : docs) {
    for (const auto& s : doc.sentences) {
      for (const Span& span : spans_from_tags(s.tags)) {
        const int type = entity_type_index(span.type);
        if (type < 0) continue;
        std::string name;
        for (std::size_t i = span.begin; i < span.end; ++i) (name += i > span.begin ? " " : "") += s.words[i];
        gazetteer.add(name, type);
      }
    }
  }
}

void add_reuters_lists(const std::filesystem::path& dir, Gazetteer& gazetteer) {
  const std::pair<const char*, const char*> lists[] = {
      {"all-people-strings.lc.txt", "PER"}, {"all-orgs-strings.lc.txt", "ORG"}, {"all-places-strings.lc.txt", "LOC"}};
  for (const auto& [file, type] : lists) {
    std::ifstream in(dir / file);
    if (!in) throw InputError((dir / file).string(), "cannot open Reuters-21578 list");
    std::string line;
    while (std::getline(in, line)) {
      for (char& c : line)
        if (c == '-' || c == '\r' || c == '\t') c = ' ';
      gazetteer.add(line, entity_type_index(type));
    }
  }
}

namespace {

using DocumentTags = std::vector<std::vector<int>>;
using EpochCallback = std::function<void(int iteration, std::size_t errors, const PerceptronTrainer&)>;

Gazetteer gazetteer_without(const std::vector<const Document*>& docs, const Gazetteer& base, std::size_t folds,
                            std::size_t fold) {
  Gazetteer gazetteer = base;
  std::vector<Document> rest;
  for (std::size_t d = 0; d < docs.size(); ++d)
    if (folds == 1 || d % folds != fold) rest.push_back(*docs[d]);
  add_entities(rest, gazetteer);
  return gazetteer;
}

// One pass of training. first_pass (second stage only): the first stage's tags per document.
StageModel train_stage(const std::vector<const Document*>& docs, const Gazetteer& base, const TrainOptions& options,
                       const std::vector<DocumentTags>* first_pass, const EpochCallback& after_epoch) {
  const auto folds = static_cast<std::size_t>(std::max(options.gazetteer_folds, 1));
  PerceptronTrainer trainer;
  std::vector<std::vector<std::uint64_t>> token_features;
  for (std::size_t fold = 0; fold < folds; ++fold) {
    const Gazetteer gazetteer = gazetteer_without(docs, base, folds, fold);
    for (std::size_t d = fold; d < docs.size(); d += folds) {
      const Document& doc = *docs[d];
      auto infos = analyze_document(words_of(doc), gazetteer);
      if (first_pass) add_first_pass(infos, (*first_pass)[d]);
      for (std::size_t s = 0; s < infos.size(); ++s) {
        token_features.assign(infos[s].size(), {});
        for (std::size_t i = 0; i < infos[s].size(); ++i)
          extract_features(infos[s], i, token_features[i], first_pass ? Stage::kSecond : Stage::kFirst);
        const auto& sentence = doc.sentences[s];
        trainer.add_sentence(token_features, tags_from_spans(spans_from_tags(sentence.tags), sentence.words.size()));
      }
    }
  }
  std::mt19937_64 rng(options.seed);
  for (int it = 1; it <= options.iterations; ++it) {
    const std::size_t errors = trainer.train_epoch(rng);
    if (after_epoch) after_epoch(it, errors, trainer);
  }
  StageModel model;
  trainer.write_averaged(model);
  return model;
}

}  // namespace

Model train_model(const std::vector<Document>& train, const Gazetteer& base_gazetteer, const TrainOptions& options,
                  const std::vector<Document>& heldout, const std::function<void(const EpochReport&)>& progress) {
  std::vector<const Document*> docs;
  for (const auto& d : train) docs.push_back(&d);
  Model model;
  model.gazetteer = base_gazetteer;
  add_entities(train, model.gazetteer);

  auto report = [&](int stage, const Model* so_far) {
    return [&, stage, so_far](int it, std::size_t errors, const PerceptronTrainer& trainer) {
      EpochReport r{stage, it, errors, trainer.tokens(), trainer.features(), nullptr};
      if (so_far && !heldout.empty()) {
        Model snapshot = *so_far;
        trainer.write_averaged(snapshot.stages.emplace_back());
        const EntityTagger tagger(std::move(snapshot));
        r.tagger = &tagger;
        progress(r);
      } else {
        progress(r);
      }
    };
  };

  std::vector<DocumentTags> first_pass(docs.size());
  if (options.two_stage) {
    // First-pass tags for the training documents, each from a model that did not see it.
    const auto folds = static_cast<std::size_t>(std::max(options.stage_folds, 2));
    for (std::size_t fold = 0; fold < folds; ++fold) {
      std::vector<const Document*> rest;
      for (std::size_t d = 0; d < docs.size(); ++d)
        if (d % folds != fold) rest.push_back(docs[d]);
      const StageModel stage = train_stage(rest, base_gazetteer, options, nullptr, report(0, nullptr));
      const Gazetteer gazetteer = gazetteer_without(docs, base_gazetteer, folds, fold);
      for (std::size_t d = fold; d < docs.size(); d += folds)
        first_pass[d] = decode_document(stage, analyze_document(words_of(*docs[d]), gazetteer), Stage::kFirst);
    }
  }
  model.stages.push_back(train_stage(docs, base_gazetteer, options, nullptr, report(1, &model)));
  if (options.two_stage) {
    model.stages.push_back(train_stage(docs, base_gazetteer, options, &first_pass, report(2, &model)));
  }
  return model;
}

std::vector<std::string> iob1_from_spans(const std::vector<Span>& spans, std::size_t n) {
  std::vector<std::string> tags(n, "O");
  std::size_t last_end = 0;
  std::string last_type;
  for (const auto& s : spans) {
    for (std::size_t i = s.begin; i < s.end; ++i) tags[i] = "I-" + s.type;
    if (s.begin > 0 && s.begin == last_end && s.type == last_type) tags[s.begin] = "B-" + s.type;
    last_end = s.end;
    last_type = s.type;
  }
  return tags;
}

Scorer evaluate(const EntityTagger& tagger, const std::vector<Document>& docs) {
  Scorer scorer;
  for (const auto& doc : docs) {
    const auto tags = tagger.tag_sentences(words_of(doc));
    for (std::size_t s = 0; s < doc.sentences.size(); ++s) {
      const auto& sentence = doc.sentences[s];
      const std::vector<Span> predicted = spans_from_tag_ids(tags[s]);
      scorer.add(spans_from_tags(sentence.tags), predicted);
      const auto iob = iob1_from_spans(predicted, sentence.tags.size());
      std::size_t correct = 0;
      for (std::size_t i = 0; i < iob.size(); ++i) correct += iob[i] == sentence.tags[i];
      scorer.add_tokens(iob.size(), correct);
    }
  }
  return scorer;
}

}  // namespace morgue::ner
