#include "bench/relevance/xapian_baseline.h"

namespace morgue::bench {
namespace {

// quest's stop-word list (xapian-core/examples/quest.cc, 1.4).
constexpr const char* kQuestStopwords[] = {
    "a",    "about", "an",  "and",  "are",  "as",    "at",    "be",  "by",  "en",   "for",
    "from", "how",   "i",   "in",   "is",   "it",    "of",    "on",  "or",  "that", "the",
    "this", "to",    "was", "what", "when", "where", "which", "who", "why", "will", "with",
};

}  // namespace

Xapian::Database build_xapian_index(const std::filesystem::path& dir, const std::vector<Document>& docs) {
  Xapian::WritableDatabase db(dir.string(), Xapian::DB_CREATE_OR_OVERWRITE);
  Xapian::TermGenerator termgen;
  termgen.set_stemmer(Xapian::Stem("english"));
  termgen.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
  for (const Document& d : docs) {
    Xapian::Document doc;
    termgen.set_document(doc);
    termgen.index_text(d.title);
    termgen.increase_termpos();
    termgen.index_text(d.text);
    doc.set_data(d.docno);
    const std::string id_term = "Q" + d.docno;
    doc.add_boolean_term(id_term);
    db.replace_document(id_term, doc);
  }
  db.commit();
  return Xapian::Database(dir.string());
}

PlainBm25::PlainBm25(Xapian::Database db, PlainQueryOptions options) : db_(std::move(db)), enquire_(db_) {
  if (options.quest_stopwords) {
    for (const char* w : kQuestStopwords) stopper_.add(w);
    parser_.set_stopper(&stopper_);
  }
  parser_.set_database(db_);
  parser_.set_stemmer(Xapian::Stem("english"));
  parser_.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
  parser_.set_default_op(Xapian::Query::OP_OR);
  enquire_.set_weighting_scheme(Xapian::BM25Weight());
}

Xapian::Query PlainBm25::parse(const std::string& words) {
  return parser_.parse_query(words, Xapian::QueryParser::FLAG_DEFAULT);
}

Xapian::MSet PlainBm25::match(const Xapian::Query& query, Xapian::doccount depth) {
  enquire_.set_query(query);
  return enquire_.get_mset(0, depth);
}

std::string docno_from_data(const Xapian::Document& doc) { return doc.get_data(); }

Ranking to_ranking(const Xapian::MSet& mset, DocnoOf docno_of) {
  Ranking r;
  for (auto it = mset.begin(); it != mset.end(); ++it) r.push_back({docno_of(it.get_document()), it.get_weight()});
  return r;
}

}  // namespace morgue::bench
