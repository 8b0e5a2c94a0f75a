// morgue-ner-train: trains the named-entity tagger on CoNLL-2003 data (docs/ner.md).
#include <CLI/CLI.hpp>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>

#include "common/errors.h"
#include "common/ner/training.h"

namespace fs = std::filesystem;
using namespace morgue::ner;

int main(int argc, char** argv) {
  CLI::App app{"morgue-ner-train: train the named-entity tagger on CoNLL-2003 data"};
  fs::path train_path, out_path, gazetteer_dir;
  TrainOptions options;
  double holdout = 0;
  SaveOptions save;
  save.prune_below = 0.05f;
  app.add_option("--train", train_path, "CoNLL-2003 training file (eng.train)")->required();
  app.add_option("--out", out_path, "where to write the model")->required();
  app.add_option("--iterations", options.iterations, "passes over the training data")->capture_default_str();
  app.add_option("--seed", options.seed, "seed for the order of the training sentences")->capture_default_str();
  app.add_option("--gazetteer-dir", gazetteer_dir,
                 "folder with the Reuters-21578 lists (default: reuters21578 beside the training file's folder)");
  app.add_option("--holdout", holdout,
                 "train on the first documents only and score the last FRACTION after each pass (for tuning)")
      ->check(CLI::Range(0.0, 0.9));
  bool one_stage = false;
  app.add_flag("--one-stage", one_stage, "no second pass with document-level features (faster, less accurate)");
  app.add_option("--prune", save.prune_below, "drop weights of smaller magnitude from the saved model")
      ->capture_default_str();
  CLI11_PARSE(app, argc, argv);

  try {
    const auto start = std::chrono::steady_clock::now();
    auto seconds = [&] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(); };
    options.two_stage = !one_stage;
    std::vector<Document> train = read_conll(train_path);
    std::vector<Document> heldout;
    if (holdout > 0) {
      const auto keep = static_cast<std::size_t>(static_cast<double>(train.size()) * (1 - holdout));
      heldout.assign(train.begin() + static_cast<std::ptrdiff_t>(keep), train.end());
      train.resize(keep);
    }
    if (gazetteer_dir.empty()) gazetteer_dir = fs::absolute(train_path).parent_path().parent_path() / "reuters21578";
    Gazetteer reuters;
    add_reuters_lists(gazetteer_dir, reuters);
    std::fprintf(stderr, "training on %zu documents (%zu held out), %d iterations, seed %llu\n", train.size(),
                 heldout.size(), options.iterations, static_cast<unsigned long long>(options.seed));
    const Model model = train_model(train, reuters, options, heldout, [&](const EpochReport& r) {
      if (r.stage == 0 && r.iteration < options.iterations) return;  // first-pass models of the folds
      std::fprintf(stderr, "stage %d iteration %2d: %6zu/%zu training tokens wrong, %zu features, %.0fs", r.stage,
                   r.iteration, r.token_errors, r.tokens, r.features, seconds());
      if (r.tagger) {
        const Scorer s = evaluate(*r.tagger, heldout);
        std::fprintf(stderr, "; held out: P %.2f R %.2f F1 %.2f", s.overall().precision(), s.overall().recall(),
                     s.overall().f1());
        for (const auto& [type, c] : s.by_type()) std::fprintf(stderr, " %s %.2f", type.c_str(), c.f1());
      }
      std::fprintf(stderr, "\n");
    });
    save_model(model, out_path, save);
    std::fprintf(stderr, "wrote %s (%ju bytes) in %.0fs\n", out_path.c_str(),
                 static_cast<std::uintmax_t>(fs::file_size(out_path)), seconds());
    return 0;
  } catch (const morgue::Error& e) {
    std::cerr << "morgue-ner-train: " << e.what() << "\n";
    return 2;
  }
}
