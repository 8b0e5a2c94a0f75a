// Entity extraction quality, printed (docs/entities.md quotes the figures):
//  1. the tagger alone on a CoNLL-2003 file (conlleval rules), eng.testa by default;
//  2. the whole path the indexer runs (tagger + alias table + coreference) on the
//     Reuters-21578 stories against their gold PLACES / PEOPLE / ORGS codes, mapped
//     through the alias table, per type.
// Usage: entity-bench [--corpora DIR] [--conll FILE]...
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "common/entities/alias_table.h"
#include "common/entities/extractor.h"
#include "common/errors.h"
#include "common/ner/conll.h"
#include "common/ner/embedded_model.h"
#include "common/ner/training.h"
#include "indexer/readers/reuters_sgml.h"

namespace fs = std::filesystem;
using namespace morgue;

namespace {

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

void conll_report(const fs::path& file) {
  const auto docs = ner::read_conll(file);
  std::size_t tokens = 0;
  for (const auto& d : docs)
    for (const auto& s : d.sentences) tokens += s.words.size();
  const ner::EntityTagger& fast = ner::embedded_first_pass_tagger();  // as the indexer loads it
  const std::pair<const char*, const ner::EntityTagger*> taggers[] = {
      {"both passes (morgue-ner-eval)", &ner::embedded_tagger()}, {"first pass only (the indexer)", &fast}};
  for (const auto& [name, tagger] : taggers) {
    const auto start = std::chrono::steady_clock::now();
    const ner::Scorer scorer = ner::evaluate(*tagger, docs);
    const double secs = seconds_since(start);
    std::printf("## CoNLL-2003 %s, tagger alone, %s (conlleval rules)\n\n%s\n", file.filename().c_str(), name,
                scorer.report().c_str());
    std::printf("speed: %zu tokens in %.2f s, %.0f tokens/s (one thread, scoring included)\n\n", tokens, secs,
                tokens / secs);
  }
}

struct TypeCounts {
  std::size_t gold = 0, found = 0, found_listed = 0, correct = 0;
};

void reuters_report(const fs::path& dir) {
  const auto& table = entities::default_alias_table();
  const auto& extractor = entities::EntityExtractor::embedded();
  // Reuters' label types -> ours.
  const std::map<std::string, EntityType> kTypes = {
      {"place", EntityType::kPlace}, {"person", EntityType::kPerson}, {"org", EntityType::kOrganization}};
  std::map<EntityType, TypeCounts> counts;
  std::size_t articles = 0, unmapped = 0;
  std::uintmax_t bytes = 0;
  double tagging = 0;
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().extension() == ".sgm") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  indexer::ReadSink sink;
  sink.error = [](const InputError&) {};
  sink.skipped = [](const std::string&, const std::string&) {};
  sink.article = [&](Article&& a) {
    ++articles;
    bytes += a.headline.size() + a.body.size();
    std::map<EntityType, std::set<std::string>> gold, found, listed;
    for (const auto& label : a.gold_entities) {
      const auto type = kTypes.find(label.type);
      if (type == kTypes.end()) continue;
      const auto* entry = table.find_code(label.name);
      if (!entry) {
        ++unmapped;
        continue;
      }
      gold[type->second].insert(entry->name);
    }
    const auto start = std::chrono::steady_clock::now();
    const auto entities = extractor.extract(a);
    tagging += seconds_since(start);
    for (const auto& e : entities) {
      found[e.type].insert(e.name);
      // Gold can only name what has a Reuters code: precision over those too.
      if (const auto* entry = table.find(e.name, e.type); entry && entry->name == e.name && !entry->codes.empty())
        listed[e.type].insert(e.name);
    }
    for (const auto& [label, type] : kTypes) {
      TypeCounts& c = counts[type];
      c.gold += gold[type].size();
      c.found += found[type].size();
      c.found_listed += listed[type].size();
      for (const auto& name : gold[type]) c.correct += found[type].contains(name);
    }
  };
  for (const auto& f : files) indexer::read_reuters_sgml(f, sink);

  std::printf("## Reuters-21578: entities found vs the gold PLACES / PEOPLE / ORGS codes\n\n");
  std::printf("%zu stories, %zu gold codes not in the alias table; per story, distinct canonical names.\n", articles,
              unmapped);
  std::printf("P(all) counts every entity found of the type; P(coded) only those the alias table gives a\n");
  std::printf("Reuters code, the only ones gold can contain.\n\n");
  std::printf("| type | gold | found | found (coded) | correct | recall | P(all) | P(coded) | F1(coded) |\n");
  std::printf("|---|---|---|---|---|---|---|---|---|\n");
  for (const auto& [type, c] : counts) {
    const double r = c.gold ? 100.0 * c.correct / c.gold : 0;
    const double p_all = c.found ? 100.0 * c.correct / c.found : 0;
    const double p = c.found_listed ? 100.0 * c.correct / c.found_listed : 0;
    const double f1 = p + r > 0 ? 2 * p * r / (p + r) : 0;
    std::printf("| %s | %zu | %zu | %zu | %zu | %.1f | %.1f | %.1f | %.1f |\n",
                std::string(entity_type_name(type)).c_str(), c.gold, c.found, c.found_listed, c.correct, r, p_all, p,
                f1);
  }
  std::printf("\nextraction (tagger + table + coreference): %.1f s for %.1f MB, %.0f stories/s, one thread\n", tagging,
              bytes / 1e6, articles / tagging);
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"entity-bench: entity extraction quality on CoNLL-2003 and Reuters-21578"};
  const char* env = std::getenv("MORGUE_CORPORA");
  fs::path corpora = env ? env : MORGUE_SOURCE_DIR "/../shared/corpora";
  std::vector<fs::path> conll;
  app.add_option("--corpora", corpora, "folder of the shared corpora")->capture_default_str();
  app.add_option("--conll", conll, "CoNLL-2003 format files to score (default: conll2003/eng.testa)");
  CLI11_PARSE(app, argc, argv);
  try {
    if (conll.empty() && fs::exists(corpora / "conll2003" / "eng.testa"))
      conll.push_back(corpora / "conll2003/eng.testa");
    for (const auto& f : conll) conll_report(f);
    if (fs::exists(corpora / "reuters21578")) {
      reuters_report(corpora / "reuters21578");
    } else {
      std::printf("SKIPPED: %s not found\n", (corpora / "reuters21578").c_str());
    }
  } catch (const Error& e) {
    std::fprintf(stderr, "entity-bench: %s\n", e.what());
    return 1;
  }
  return 0;
}
