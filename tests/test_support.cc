#include "tests/test_support.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>

namespace morgue::test {

fs::path source_dir() { return MORGUE_SOURCE_DIR; }
fs::path corpus_dir() { return source_dir() / "corpus"; }
fs::path binary_dir() { return MORGUE_BINARY_DIR; }

std::optional<fs::path> shared_corpus(const std::string& name) {
  const char* env = std::getenv("MORGUE_CORPORA");
  const fs::path root = env && *env ? fs::path(env) : source_dir() / ".." / "shared" / "corpora";
  const fs::path p = root / name;
  if (fs::exists(p)) return fs::canonical(p);
  return std::nullopt;
}

TempDir::TempDir() {
  std::random_device rd;
  for (int attempt = 0; attempt < 100; ++attempt) {
    fs::path candidate = fs::temp_directory_path() / ("morgue-test-" + std::to_string(rd()));
    if (fs::create_directory(candidate)) {
      path_ = candidate;
      return;
    }
  }
  throw std::runtime_error("cannot create a temporary directory");
}

TempDir::~TempDir() {
  std::error_code ec;
  fs::remove_all(path_, ec);
}

TextIndex::TextIndex() : TextIndex(Xapian::WritableDatabase(std::string(), Xapian::DB_BACKEND_INMEMORY)) {}

TextIndex::TextIndex(const fs::path& dir) : TextIndex(Xapian::WritableDatabase(dir.string(), Xapian::DB_CREATE)) {}

TextIndex::TextIndex(Xapian::WritableDatabase db) : db_(std::move(db)) {
  tg_.set_stemmer(Xapian::Stem("english"));
  tg_.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
}

Xapian::Document TextIndex::document(const std::string& text) {
  Xapian::Document doc;
  tg_.set_document(doc);
  tg_.index_text(text);
  return doc;
}

void TextIndex::add(const std::string& text) {
  db_.add_document(document(text));
  db_.commit();
}

void TextIndex::replace(Xapian::docid id, const std::string& text) {
  db_.replace_document(id, document(text));
  db_.commit();
}

Weighed weigh(const Xapian::Database& db, const Xapian::Query& query, const Xapian::Weight& weight,
              Xapian::doccount depth) {
  Xapian::Enquire enquire(db);
  enquire.set_weighting_scheme(weight);
  enquire.set_query(query);
  const Xapian::MSet mset = enquire.get_mset(0, depth);
  Weighed out;
  for (auto it = mset.begin(); it != mset.end(); ++it) out.emplace_back(*it, it.get_weight());
  return out;
}

void check_same_ranking(const Weighed& got, const Weighed& want, Xapian::docid (*same_article)(Xapian::docid)) {
  REQUIRE(got.size() == want.size());
  for (std::size_t i = 0; i < got.size(); ++i) {
    INFO("rank " << i + 1);
    const double w = want[i].second;
    CHECK(std::abs(got[i].second - w) <= 1e-9 * w);
    const bool tied = (i > 0 && std::abs(want[i - 1].second - w) <= 1e-9 * w) ||
                      (i + 1 < want.size() && std::abs(want[i + 1].second - w) <= 1e-9 * w);
    if (!tied) CHECK(want[i].first == same_article(got[i].first));
  }
}

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void write_file(const fs::path& p, const std::string& content) {
  std::ofstream out(p, std::ios::binary);
  out << content;
}

}  // namespace morgue::test
