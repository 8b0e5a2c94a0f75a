// Shared helpers for the tests: where the repository and the shared corpora are,
// self-deleting temporary directories, and the skip-or-fail rule for corpora.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <xapian.h>

namespace morgue::test {

namespace fs = std::filesystem;

fs::path source_dir();  // the repository root
fs::path corpus_dir();  // source_dir() / "corpus"
fs::path binary_dir();  // the build directory (programs are under indexer/ and searchd/)

// ../shared/corpora (or $MORGUE_CORPORA) / name, when present. When absent the
// caller must SKIP: corpus_or_skip() below does that, and fails under CI=true.
std::optional<fs::path> shared_corpus(const std::string& name);

// A directory under the system temp dir, removed with everything in it on destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

// A Xapian index of plain texts, each a document, indexed as Xapian's TermGenerator does
// with the English stemmer and STEM_SOME (morgue's body words, without its fields): for
// the query builder's tests. In memory, or on disk where revisions count.
class TextIndex {
 public:
  TextIndex();                                              // in memory
  explicit TextIndex(const fs::path& dir);                  // on disk, created
  void add(const std::string& text);                        // committed
  void replace(Xapian::docid id, const std::string& text);  // committed
  Xapian::WritableDatabase& db() { return db_; }

 private:
  explicit TextIndex(Xapian::WritableDatabase db);
  Xapian::Document document(const std::string& text);  // indexed, not added

  Xapian::WritableDatabase db_;
  Xapian::TermGenerator tg_;
};

// The first `depth` matches of `query` on `db` weighed by `weight`, with their weights.
using Weighed = std::vector<std::pair<Xapian::docid, double>>;
Weighed weigh(const Xapian::Database& db, const Xapian::Query& query, const Xapian::Weight& weight,
              Xapian::doccount depth = 1000);

// Catch2 checks that `got` ranks as `want`: the same articles (`got`'s docid d is
// `want`'s same_article(d)) in the same order, with the same weights within 1e-9 (two
// ways of adding the same weights may round differently). Articles of the same weight
// may come in either order.
void check_same_ranking(
    const Weighed& got, const Weighed& want,
    Xapian::docid (*same_article)(Xapian::docid) = [](Xapian::docid d) { return d; });

std::string read_file(const fs::path& p);
void write_file(const fs::path& p, const std::string& content);

}  // namespace morgue::test

// Returns the corpus path, or ends the test: FAIL under CI=true, else a visible skip.
#define MORGUE_REQUIRE_CORPUS(var, name)                                                      \
  auto var##_opt = ::morgue::test::shared_corpus(name);                                       \
  if (!var##_opt) {                                                                           \
    const char* ci = std::getenv("CI");                                                       \
    if (ci && std::string(ci) == "true") FAIL("corpus " name " is missing (required in CI)"); \
    WARN("SKIPPED: corpus " name " not found; set MORGUE_CORPORA");                           \
    return;                                                                                   \
  }                                                                                           \
  const std::filesystem::path var = *var##_opt
