// Entity suggestions as the user types (GET /entities, common/entity_lexicon.h): the
// fastest of --runs calls of Searcher::suggest_entities for each prefix, untyped and for
// people, next to the baseline of reading every entity key for each keystroke (the
// prefix or a word of the key, most articles first, in the same invocation; without the
// alias table and the naming of the results, which the lexicon's times include). Also
// the first suggestion of a fresh Searcher, which reads the terms and builds the index.
//   suggest-speed --db INDEX [--runs 20]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <utility>
#include <vector>

#include <CLI/CLI.hpp>
#include <xapian.h>

#include "common/entity_lexicon.h"
#include "common/index_location.h"
#include "common/schema.h"
#include "common/searcher.h"

namespace {

using namespace morgue;
using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

template <class Fn>
double fastest(unsigned runs, Fn&& fn) {
  double best = 1e300;
  for (unsigned i = 0; i < runs; ++i) {
    const auto start = Clock::now();
    fn();
    best = std::min(best, ms_since(start));
  }
  return best;
}

// Every entity key read for each keystroke, as suggestions did before the lexicon.
std::vector<std::string> scan(const std::vector<std::pair<std::string, Xapian::doccount>>& keys, const std::string& p,
                              std::size_t limit) {
  std::vector<std::pair<std::string, Xapian::doccount>> found;
  for (const auto& [key, n] : keys)
    if (suggestion_matches(key, p)) found.emplace_back(key, n);
  std::sort(found.begin(), found.end(),
            [](const auto& a, const auto& b) { return a.second != b.second ? a.second > b.second : a.first < b.first; });
  std::vector<std::string> out;
  for (std::size_t i = 0; i < found.size() && i < limit; ++i) out.push_back(found[i].first);
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"suggest-speed: entity suggestions per keystroke against reading every key"};
  std::string db_dir;
  unsigned runs = 20;
  app.add_option("--db", db_dir, "index directory")->required();
  app.add_option("--runs", runs, "calls of each prefix; the fastest is printed")->capture_default_str();
  CLI11_PARSE(app, argc, argv);

  auto start = Clock::now();
  Searcher searcher(db_dir);
  (void)searcher.suggest_entities("zel", std::nullopt, 10);
  const double first = ms_since(start);

  const Xapian::Database db = open_index(db_dir);
  std::vector<std::pair<std::string, Xapian::doccount>> keys;
  const std::string prefix(field(FieldId::kEntity).prefix);
  start = Clock::now();
  for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it)
    keys.emplace_back((*it).substr(prefix.size()), it.get_termfreq());
  const double read = ms_since(start);

  std::printf("%zu entity keys; a fresh Searcher's first suggestion %.1f ms (reading the keys alone: %.1f ms)\n\n",
              keys.size(), first, read);
  std::printf("| prefix | reading every key, ms | suggest_entities, ms | ratio | for people only, ms |\n");
  std::printf("|---|---|---|---|---|\n");
  for (const char* p : {"zel", "mos", "pre", "bank", "united", "new y", "a", ""}) {
    const double base = fastest(runs, [&] { (void)scan(keys, p, 10); });
    const double ours = fastest(runs, [&] { (void)searcher.suggest_entities(p, std::nullopt, 10); });
    const double people = fastest(runs, [&] { (void)searcher.suggest_entities(p, EntityType::kPerson, 10); });
    std::printf("| `%s` | %.3f | %.3f | %.3f | %.3f |\n", p, base, ours, ours / base, people);
  }
}
