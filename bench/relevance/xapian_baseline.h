// Xapian with its defaults, in a few lines against libxapian: the index scriptindex
// would make of title + text ("index" actions: Snowball English, STEM_SOME, positions)
// and the search quest runs (QueryParser: default OR, STEM_SOME, FLAG_DEFAULT, quest's
// 33 stop-words; BM25Weight() with k1=1, k2=0, k3=1, b=0.5, min_normlen=0.5).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include <xapian.h>

#include "bench/relevance/collections.h"
#include "bench/relevance/trec_eval.h"

namespace morgue::bench {

// Writes a new index of `docs` at `dir` (the document data is the docno) and opens it.
[[nodiscard]] Xapian::Database build_xapian_index(const std::filesystem::path& dir, const std::vector<Document>& docs);

struct PlainQueryOptions {
  bool quest_stopwords = true;  // false: every word, as morgue's parser keeps them
};

// A plain BM25 ranked OR of the words of a query.
class PlainBm25 {
 public:
  PlainBm25(Xapian::Database db, PlainQueryOptions options);

  [[nodiscard]] Xapian::Query parse(const std::string& words);
  // The best `depth` documents (parse + match is what the bench times).
  [[nodiscard]] Xapian::MSet match(const Xapian::Query& query, Xapian::doccount depth);

 private:
  Xapian::Database db_;
  Xapian::SimpleStopper stopper_;
  Xapian::QueryParser parser_;
  Xapian::Enquire enquire_;
};

// The hits as docnos: `docno_of` reads one from a document (build_xapian_index keeps
// it as the data; morgue has it in its id term).
using DocnoOf = std::string (*)(const Xapian::Document&);
[[nodiscard]] Ranking to_ranking(const Xapian::MSet& mset, DocnoOf docno_of);
[[nodiscard]] std::string docno_from_data(const Xapian::Document& doc);

}  // namespace morgue::bench
