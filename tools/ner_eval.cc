// morgue-ner-eval: scores the named-entity tagger on a CoNLL-2003 file with the
// conlleval rules, or tags raw text (docs/ner.md).
#include <CLI/CLI.hpp>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "common/errors.h"
#include "common/ner/training.h"

namespace fs = std::filesystem;
using namespace morgue::ner;

namespace {

std::string read_all(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) throw morgue::InputError(p.string(), "cannot open");
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"morgue-ner-eval: score the entity tagger on CoNLL-2003 files, or tag text"};
  fs::path model_path = "models/ner-en.model";
  std::vector<fs::path> files;
  bool text = false;
  app.add_option("--model", model_path, "the trained model")->capture_default_str();
  app.add_option("files", files, "CoNLL-2003 format files (word ... NE-tag per line)")->required();
  app.add_flag("--text", text, "the files are raw text: print one entity per line (begin, end, type, text)");
  CLI11_PARSE(app, argc, argv);

  try {
    const EntityTagger tagger = EntityTagger::load(model_path);
    for (const auto& file : files) {
      if (text) {
        const std::string content = read_all(file);
        for (const Mention& m : tagger.tag(content))
          std::printf("%zu\t%zu\t%s\t%s\n", m.begin, m.end, m.type.c_str(), m.text.c_str());
        continue;
      }
      const std::vector<Document> docs = read_conll(file);
      const Scorer scorer = evaluate(tagger, docs);
      // Speed of the tagging alone (no scoring), as the indexer would see it.
      std::vector<std::vector<std::vector<std::string_view>>> words(docs.size());
      std::size_t tokens = 0;
      for (std::size_t d = 0; d < docs.size(); ++d) {
        for (const auto& s : docs[d].sentences) {
          words[d].emplace_back(s.words.begin(), s.words.end());
          tokens += s.words.size();
        }
      }
      const auto start = std::chrono::steady_clock::now();
      const std::clock_t cpu_start = std::clock();
      std::size_t tagged = 0;
      for (const auto& doc : words) tagged += tagger.tag_sentences(doc).size();
      const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      const double cpu_secs = static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC;
      if (tagged == 0) std::printf("no sentences\n");
      std::printf("%s\n%s", file.c_str(), scorer.report().c_str());
      std::printf("speed: %zu tokens in %.3fs (%.3fs CPU), %.0f tokens/s (%.0f per CPU second), one thread\n", tokens,
                  secs, cpu_secs, static_cast<double>(tokens) / secs, static_cast<double>(tokens) / cpu_secs);
    }
    return 0;
  } catch (const morgue::Error& e) {
    std::cerr << "morgue-ner-eval: " << e.what() << "\n";
    return 2;
  }
}
