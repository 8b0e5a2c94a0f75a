// Named-entity tagging: tokenizer, decoding, model files, the conlleval scorer and
// the shipped model's accuracy on CoNLL-2003 (docs/ner.md).
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "common/errors.h"
#include "common/ner/conll.h"
#include "common/ner/decoder.h"
#include "common/ner/embedded_model.h"
#include "common/ner/features.h"
#include "common/ner/tagger.h"
#include "common/ner/tokenizer.h"
#include "common/ner/training.h"
#include "tests/test_support.h"

using namespace morgue::ner;
namespace mt = morgue::test;

namespace {

std::vector<std::string> token_texts(std::string_view text) {
  std::vector<std::string> out;
  for (const Token& t : tokenize(text)) {
    CHECK(text.substr(t.begin, t.end - t.begin) == t.text);
    out.emplace_back(t.text);
  }
  return out;
}

const EntityTagger& shipped_tagger() {
  static const EntityTagger tagger = EntityTagger::load(mt::source_dir() / "models" / "ner-en.model");
  return tagger;
}

bool has_mention(const std::vector<Mention>& mentions, const std::string& text, const std::string& type) {
  for (const auto& m : mentions)
    if (m.text == text && m.type == type) return true;
  return false;
}

// A document of corpus/ as the tagger sees it.
std::vector<std::vector<TokenInfo>> analyzed_article(const std::string& text) {
  const auto tokens = tokenize(text);
  std::vector<std::vector<std::string_view>> sentences;
  for (const auto& r : split_sentences(text, tokens)) {
    auto& words = sentences.emplace_back();
    for (std::size_t k = r.begin; k < r.end; ++k) words.push_back(tokens[k].text);
  }
  return analyze_document(sentences, shipped_tagger().model().gazetteer);
}

}  // namespace

TEST_CASE("tokenize splits punctuation like CoNLL-2003", "[ner]") {
  struct Case {
    std::string text;
    std::vector<std::string> tokens;
  };
  const std::vector<Case> cases = {
      {"Putin's envoy met U.S. officials.", {"Putin", "'s", "envoy", "met", "U.S.", "officials", "."}},
      {"\"We don't know,\" he said.", {"\"", "We", "do", "n't", "know", ",", "\"", "he", "said", "."}},
      {"Acme Inc. rose 1,250.5 points on 1996-08-22",
       {"Acme", "Inc.", "rose", "1,250.5", "points", "on", "1996-08-22"}},
      {"promise 'roadmap' (to peace)", {"promise", "'", "roadmap", "'", "(", "to", "peace", ")"}},
      {"Russia\u2019s \u201Cwar\u201D", {"Russia", "\u2019s", "\u201C", "war", "\u201D"}},
      {"Urdu-speaking Mr. J. Smith: yes?", {"Urdu-speaking", "Mr.", "J.", "Smith", ":", "yes", "?"}},
      {"peace--and war", {"peace", "--", "and", "war"}},
      {"", {}},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    CHECK(token_texts(c.text) == c.tokens);
  }
}

TEST_CASE("split_sentences ends sentences at final punctuation and title lines", "[ner]") {
  const std::string text = "Peace talks begin\nPutin met Trump. They spoke. \"Good,\" he said.\n\nNext one";
  const auto tokens = tokenize(text);
  std::vector<std::string> sentences;
  for (const auto& r : split_sentences(text, tokens))
    sentences.emplace_back(text.substr(tokens[r.begin].begin, tokens[r.end - 1].end - tokens[r.begin].begin));
  CHECK(sentences == std::vector<std::string>{"Peace talks begin", "Putin met Trump.", "They spoke.",
                                              "\"Good,\" he said.", "Next one"});
}

TEST_CASE("spans_from_tags follows conlleval for IOB1, IOB2 and BILOU", "[ner]") {
  struct Case {
    std::vector<std::string> tags;
    std::vector<Span> spans;
  };
  const std::vector<Case> cases = {
      {{"I-PER", "I-PER", "O", "I-LOC"}, {{0, 2, "PER"}, {3, 4, "LOC"}}},
      {{"I-LOC", "B-LOC", "I-LOC"}, {{0, 1, "LOC"}, {1, 3, "LOC"}}},     // IOB1: B- only between neighbours
      {{"I-ORG", "I-PER"}, {{0, 1, "ORG"}, {1, 2, "PER"}}},              // a type change starts an entity
      {{"B-MISC", "I-MISC", "B-PER"}, {{0, 2, "MISC"}, {2, 3, "PER"}}},  // IOB2
      {{"U-LOC", "B-PER", "L-PER", "O"}, {{0, 1, "LOC"}, {1, 3, "PER"}}},
      {{"O", "O"}, {}},
  };
  for (const auto& c : cases) CHECK(spans_from_tags(c.tags) == c.spans);
  CHECK(spans_from_tag_ids(tags_from_spans({{0, 1, "LOC"}, {1, 3, "PER"}}, 4)) ==
        std::vector<Span>{{0, 1, "LOC"}, {1, 3, "PER"}});
}

TEST_CASE("viterbi returns only valid BILOU sequences", "[ner]") {
  // Emissions that prefer I-PER everywhere: invalid alone, so the decoder must pick
  // a valid sequence (B-PER I-PER L-PER) instead.
  std::vector<float> emissions(3 * kNumTags, 0.0f);
  const int b = 1, i = 2, l = 3;  // B-, I-, L-PER
  for (int k = 0; k < 3; ++k) emissions[static_cast<std::size_t>(k) * kNumTags + i] = 5.0f;
  emissions[b] = 3.0f;
  emissions[2 * kNumTags + l] = 3.0f;
  const std::vector<float> transitions(kNumTags * kNumTags, 0.0f), start(kNumTags, 0.0f);
  CHECK(viterbi(emissions, transitions, start) == std::vector<int>{b, i, l});
  CHECK(viterbi({}, transitions, start).empty());
}

TEST_CASE("the scorer counts exact spans per type", "[ner]") {
  mt::TempDir dir;
  // Gold: PER "John Smith", LOC "Paris", ORG "EU". Prediction (the third column is
  // ignored by read_conll, so a second file holds it).
  mt::write_file(dir.path() / "gold.txt",
                 "-DOCSTART- -X- O O\n\nJohn NNP I-NP I-PER\nSmith NNP I-NP I-PER\nvisited VBD I-VP O\n"
                 "Paris NNP I-NP I-LOC\n. . O O\n\nEU NNP I-NP I-ORG\nsaid VBD I-VP O\n");
  const auto gold = read_conll(dir.path() / "gold.txt");
  REQUIRE(gold.size() == 1);
  REQUIRE(gold[0].sentences.size() == 2);
  Scorer scorer;
  // Sentence 1: "John" alone as PER (wrong span), "Paris" LOC (right); sentence 2: "EU" as LOC (wrong type), "said" as
  // MISC.
  scorer.add(spans_from_tags(gold[0].sentences[0].tags), {{0, 1, "PER"}, {3, 4, "LOC"}});
  scorer.add(spans_from_tags(gold[0].sentences[1].tags), {{0, 1, "LOC"}, {1, 2, "MISC"}});
  CHECK(scorer.overall().gold == 3);
  CHECK(scorer.overall().predicted == 4);
  CHECK(scorer.overall().correct == 1);
  CHECK(scorer.overall().precision() == Approx(25.0));
  CHECK(scorer.overall().recall() == Approx(100.0 / 3));
  CHECK(scorer.overall().f1() == Approx(2 * 25.0 * (100.0 / 3) / (25.0 + 100.0 / 3)));
  CHECK(scorer.by_type().at("LOC").f1() == Approx(2 * 50.0 * 100.0 / 150.0));
  CHECK(scorer.by_type().at("ORG").recall() == 0.0);
  CHECK(iob1_from_spans({{0, 1, "LOC"}, {1, 3, "LOC"}, {4, 5, "PER"}}, 5) ==
        std::vector<std::string>{"I-LOC", "B-LOC", "I-LOC", "O", "I-PER"});
}

TEST_CASE("a model survives saving and loading", "[ner]") {
  mt::TempDir dir;
  Model model;
  model.gazetteer.add("new york", entity_type_index("LOC"));
  StageModel& stage = model.stages.emplace_back();
  WeightRow row{};
  row[0] = 1.5f;
  row[5] = -0.25f;
  stage.weights.build({{42, row}, {7, WeightRow{}}});
  stage.transitions[3] = 2.0f;
  stage.start[1] = -1.0f;
  save_model(model, dir.path() / "m.model");
  const Model loaded = load_model(dir.path() / "m.model");
  REQUIRE(loaded.stages.size() == 1);
  const auto& weights = loaded.stages[0].weights;
  const auto entries = weights.find(42);
  REQUIRE(entries.size() == 2);  // only the non-zero weights
  CHECK(entries[0].tag == 0);
  CHECK(entries[0].weight * weights.scale() == Approx(1.5f).epsilon(1e-4));
  CHECK(entries[1].tag == 5);
  CHECK(entries[1].weight * weights.scale() == Approx(-0.25f).epsilon(1e-3));
  CHECK(weights.find(7).empty());  // all-zero rows are not stored
  CHECK(weights.find(43).empty());
  CHECK(loaded.stages[0].transitions[3] == 2.0f);
  CHECK(loaded.stages[0].start[1] == -1.0f);
  CHECK(loaded.gazetteer.entries() == model.gazetteer.entries());

  mt::write_file(dir.path() / "bad.model", "not a model");
  CHECK_THROWS_AS(load_model(dir.path() / "bad.model"), morgue::InputError);
  CHECK_THROWS_AS(load_model(dir.path() / "missing.model"), morgue::InputError);
}

TEST_CASE("the shipped model finds entities in news sentences", "[ner]") {
  struct Case {
    std::string text;
    std::vector<std::pair<std::string, std::string>> mentions;  // text, type
  };
  const std::vector<Case> cases = {
      {"Russia and Ukraine have agreed to work together, following the first direct talks between Vladimir Putin "
       "and Petro Poroshenko.",
       {{"Russia", "LOC"}, {"Ukraine", "LOC"}, {"Vladimir Putin", "PER"}, {"Petro Poroshenko", "PER"}}},
      {"Talks between Russia and the U.S. were productive, Yuri Ushakov, a senior adviser to President Vladimir "
       "Putin, told reporters on Wednesday.",
       {{"U.S.", "LOC"}, {"Yuri Ushakov", "PER"}, {"Vladimir Putin", "PER"}}},
      {"NATO foreign ministers will meet in Istanbul next week, a spokesman for the European Union said.",
       {{"NATO", "ORG"}, {"Istanbul", "LOC"}, {"European Union", "ORG"}}},
      {"Shares of General Motors rose on the New York Stock Exchange after Reuters reported the deal.",
       {{"General Motors", "ORG"}, {"New York Stock Exchange", "ORG"}, {"Reuters", "ORG"}}},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    const auto mentions = shipped_tagger().tag(c.text);
    for (const auto& m : mentions) {
      INFO(m.text << " " << m.type);
      CHECK(c.text.substr(m.begin, m.end - m.begin) == m.text);
    }
    for (const auto& [text, type] : c.mentions) {
      INFO(text << " as " << type);
      CHECK(has_mention(mentions, text, type));
    }
  }
}

TEST_CASE("the shipped model tags the articles in corpus/", "[ner]") {
  const std::string text = mt::read_file(mt::corpus_dir() / "000_42efc17f8a286118.txt");
  const auto mentions = shipped_tagger().tag(text);
  CHECK(has_mention(mentions, "Vladimir Putin", "PER"));
  CHECK(has_mention(mentions, "Poroshenko", "PER"));
  CHECK(has_mention(mentions, "Ukraine", "LOC"));
  for (const auto& m : mentions) CHECK(text.substr(m.begin, m.end - m.begin) == m.text);
}

TEST_CASE("the shipped model scores above its floor on CoNLL-2003 eng.testa", "[ner][corpus]") {
  MORGUE_REQUIRE_CORPUS(conll, "conll2003");
  const Scorer scorer = evaluate(shipped_tagger(), read_conll(conll / "eng.testa"));
  INFO(scorer.report());
  CHECK(scorer.overall().gold == 5942);  // the README's entity count: the reader and the IOB1 rules agree
  CHECK(scorer.overall().f1() > 85.0);
  for (const char* type : {"PER", "LOC", "ORG", "MISC"}) CHECK(scorer.by_type().at(type).f1() > 75.0);
}

TEST_CASE("the decoder's word, neighbour and context features are extract_features' features", "[ner]") {
  for (const char* file : {"000_42efc17f8a286118.txt", "001_32db856e3cd92557.txt", "002_303ff7fb558a9655.txt"}) {
    auto doc = analyzed_article(mt::read_file(mt::corpus_dir() / file));
    add_first_pass(doc, decode_document(shipped_tagger().model().stages.at(0), doc, Stage::kFirst));
    for (Stage stage : {Stage::kFirst, Stage::kSecond}) {
      for (const auto& sentence : doc) {
        for (std::size_t i = 0; i < sentence.size(); ++i) {
          std::vector<std::uint64_t> whole, parts;
          extract_features(sentence, i, whole, stage);
          word_features(sentence[i], parts);
          for (int at : {-2, -1, 1, 2}) {
            const auto j = static_cast<std::ptrdiff_t>(i) + at;
            neighbour_features(j < 0 || j >= static_cast<std::ptrdiff_t>(sentence.size())
                                   ? edge_pad(at)
                                   : sentence[static_cast<std::size_t>(j)],
                               at, parts);
          }
          context_features(sentence, i, parts, stage);
          std::sort(whole.begin(), whole.end());
          std::sort(parts.begin(), parts.end());
          INFO(file << " token " << i);
          REQUIRE(parts == whole);
        }
      }
    }
  }
}

TEST_CASE("decoding with cached word sums gives the tags of summing every feature", "[ner]") {
  // The reference: every feature of every token looked up, as training decodes.
  auto reference = [](const StageModel& model, const std::vector<std::vector<TokenInfo>>& doc, Stage stage) {
    std::vector<std::vector<int>> out;
    for (const auto& sentence : doc) {
      std::vector<float> emissions;
      for (std::size_t i = 0; i < sentence.size(); ++i) {
        std::vector<std::uint64_t> features;
        extract_features(sentence, i, features, stage);
        std::array<std::int32_t, kNumTags> sum{};
        for (auto f : features)
          for (const WeightEntry& w : model.weights.find(f)) sum[w.tag] += w.weight;
        for (auto v : sum) emissions.push_back(static_cast<float>(v) * model.weights.scale());
      }
      out.push_back(viterbi(emissions, model.transitions, model.start));
    }
    return out;
  };
  const Model& model = shipped_tagger().model();
  REQUIRE(model.stages.size() == 2);
  for (const char* file : {"000_42efc17f8a286118.txt", "001_32db856e3cd92557.txt", "002_303ff7fb558a9655.txt"}) {
    INFO(file);
    auto doc = analyzed_article(mt::read_file(mt::corpus_dir() / file));
    const auto first = decode_document(model.stages[0], doc, Stage::kFirst);
    CHECK(first == reference(model.stages[0], doc, Stage::kFirst));
    CHECK(decode_document(model.stages[0], doc, Stage::kFirst) == first);  // the cache filled
    add_first_pass(doc, first);
    CHECK(decode_document(model.stages[1], doc, Stage::kSecond) == reference(model.stages[1], doc, Stage::kSecond));
  }
}

TEST_CASE("the indexer's tagger loads the first pass only and tags as first_pass_only", "[ner]") {
  const EntityTagger& indexer = embedded_first_pass_tagger();
  CHECK(indexer.model().stages.size() == 1);
  REQUIRE(embedded_tagger().model().stages.size() == 2);
  const EntityTagger first_pass = embedded_tagger().first_pass_only();
  for (const char* file : {"000_42efc17f8a286118.txt", "001_32db856e3cd92557.txt"}) {
    INFO(file);
    const std::string text = mt::read_file(mt::corpus_dir() / file);
    const auto a = indexer.tag(text), b = first_pass.tag(text);
    REQUIRE(a.size() == b.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
      CHECK(a[i].text == b[i].text);
      CHECK(a[i].type == b[i].type);
      CHECK(a[i].begin == b[i].begin);
    }
  }
}
