// The three classic collections of ../shared/corpora/ir-collections (its README.md):
// documents, queries and graded judgements in the shape the evaluator takes, and the
// documents as JSON Lines for morgue-index.
//
// Identifiers: documents keep the number after ".I" ("184"); a query is named by the
// number its judgements use. For CISI and Medline that is the number after ".I". The
// Cranfield judgements (cranqrel) number the queries 1..225 in the order of cran.qry,
// whose own numbers have gaps (001, 002, 004, 008, ...): the n-th query is "n".
//
// Grades: CISI and Medline judge binary (every listed pair is relevant: grade 1).
// Cranfield uses Cleverdon's codes (cranqrel.readme): 1 a complete answer, 2 high
// relevance, 3 useful, 4 minimum interest, 5 no interest (never listed), and -1, one
// pair per query, standing for 5. The standard reading turns the codes around so a
// larger grade is more relevant: grade = 5 - code (4, 3, 2, 1) and -1 -> 0, judged
// not relevant. Binary measures count every grade >= 1 as relevant. (ir_datasets
// keeps the raw codes, which would give a "minimum interest" document four times the
// nDCG gain of a "complete answer" one.)
#pragma once

#include <filesystem>
#include <iosfwd>
#include <span>
#include <string>
#include <vector>

#include "bench/relevance/trec_eval.h"

namespace morgue::bench {

enum class QrelsFormat {
  kCranfield,  // "query doc code", codes as above
  kCisi,       // "query doc 0 0.000000", whitespace-separated
  kMedline,    // "query 0 doc 1": TREC qrels
};

struct Collection {
  const char* name;    // "cranfield"
  const char* folder;  // under ir-collections/
  const char* docs;
  const char* queries;
  const char* qrels;
  QrelsFormat format;
  std::size_t documents;  // as the collection's README counts them
  std::size_t query_count;
};

[[nodiscard]] std::span<const Collection> collections();

struct Query {
  std::string id;    // as the judgements name it
  std::string text;  // the .W text as written (lines joined by spaces)
};

struct Document {
  std::string docno;
  std::string title;
  std::string authors;
  std::string biblio;
  std::string text;
};

// `root` is the ir-collections folder. Throw InputError for unreadable or malformed files.
[[nodiscard]] std::vector<Document> load_documents(const Collection& c, const std::filesystem::path& root);
[[nodiscard]] std::vector<Query> load_queries(const Collection& c, const std::filesystem::path& root);
[[nodiscard]] Qrels load_qrels(const Collection& c, const std::filesystem::path& root);

// One JSON object per document: {"docno","title","author","biblio","text"}, to be
// read by morgue-index with kMorgueFieldMapping. ("author", not "authors": morgue
// would read a key named "authors" without being asked.)
void write_jsonl(const std::vector<Document>& docs, std::ostream& out);

// The usual ad-hoc set-up: title + text. Authors and the bibliographic notes are in
// the JSON, unmapped: morgue would index authors under author: only, but their words
// would still lengthen each document for BM25's length normalisation.
inline constexpr const char* kMorgueFieldMapping = "id=docno,headline=title,body=text";

}  // namespace morgue::bench
