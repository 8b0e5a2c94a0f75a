// relevance-bench: morgue's ranking against Xapian's and Lucene's defaults on the
// classic test collections (Cranfield, CISI, Medline), scored with trec_eval's
// measures. bench/relevance.sh runs the whole thing; by hand:
//   relevance-bench prepare --collections DIR --work DIR   # JSON Lines, map file, Lucene input
//   morgue-index --db WORK/NAME/morgue --map-file WORK/NAME/morgue.map WORK/NAME/docs.jsonl
//   java ... LuceneBaseline WORK/NAME                      # optional: WORK/NAME/lucene.run
//   relevance-bench run --collections DIR --work DIR       # the tables
// Nothing is asserted: relevance figures are exact, times are noisy (read the ratios).
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>

#include <CLI/CLI.hpp>

#include "bench/relevance/collections.h"
#include "bench/relevance/plain_from_memory.h"
#include "bench/relevance/query_text.h"
#include "bench/relevance/trec_eval.h"
#include "bench/relevance/xapian_baseline.h"
#include "common/errors.h"
#include "common/index_location.h"
#include "common/query_builder.h"
#include "common/ranking.h"
#include "common/schema.h"
#include "common/searcher.h"
#include "common/text_util.h"

namespace {

namespace fs = std::filesystem;
using namespace morgue;
using namespace morgue::bench;
using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// Nearest rank, as the other benches print percentiles.
double percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  const auto rank = static_cast<std::size_t>(std::ceil(p * static_cast<double>(v.size())));
  return v[std::clamp<std::size_t>(rank, 1, v.size()) - 1];
}

// morgue keeps a document's id in its id term (schema.h: FieldId::kId).
std::string morgue_docno(const Xapian::Document& doc) {
  const std::string_view prefix = field(FieldId::kId).prefix;
  auto it = doc.termlist_begin();
  it.skip_to(std::string(prefix));
  if (it == doc.termlist_end()) return {};
  const std::string term = *it;
  if (!term.starts_with(prefix)) return {};
  // Omega's rule: a ':' after the prefix when the value starts with a capital.
  const std::size_t skip = prefix.size() + (term.size() > prefix.size() && term[prefix.size()] == ':' ? 1 : 0);
  return term.substr(skip);
}

// ---- prepare ------------------------------------------------------------------

void write_tsv_field(std::ostream& out, const std::string& s) {
  for (char c : s) out << (c == '\t' || c == '\n' || c == '\r' ? ' ' : c);
}

int prepare(const fs::path& root, const fs::path& work) {
  for (const Collection& c : collections()) {
    if (!fs::exists(root / c.folder)) {
      std::cerr << "SKIPPED: " << (root / c.folder).string() << " not found\n";
      continue;
    }
    const fs::path dir = work / c.name;
    fs::create_directories(dir);
    const auto docs = load_documents(c, root);
    const auto queries = load_queries(c, root);
    std::ofstream jsonl(dir / "docs.jsonl");
    write_jsonl(docs, jsonl);
    std::ofstream map(dir / "morgue.map");
    for (const std::string& pair : split(kMorgueFieldMapping, ',')) map << pair << '\n';
    // Lucene reads tab-separated lines: docno, title, text / query id, words.
    std::ofstream lucene_docs(dir / "lucene-docs.tsv");
    for (const Document& d : docs) {
      write_tsv_field(lucene_docs, d.docno);
      lucene_docs << '\t';
      write_tsv_field(lucene_docs, d.title);
      lucene_docs << '\t';
      write_tsv_field(lucene_docs, d.text);
      lucene_docs << '\n';
    }
    std::ofstream lucene_queries(dir / "queries.tsv");
    for (const Query& q : queries) lucene_queries << q.id << '\t' << plain_words(q.text) << '\n';
    std::cerr << c.name << ": " << docs.size() << " documents, " << queries.size() << " queries -> " << dir.string()
              << '\n';
  }
  return 0;
}

// ---- run ----------------------------------------------------------------------

struct SystemFigures {
  std::string name;
  Evaluation eval;
  std::vector<double> ms;  // per query: the fastest of the timed passes
};

struct LuceneRun {
  Run run;
  std::map<std::string, double> ms;
  std::string version;
};

// WORK/NAME/lucene.run ("qid Q0 docno rank score tag") and lucene.times ("qid ms").
std::optional<LuceneRun> read_lucene(const fs::path& dir) {
  std::ifstream run(dir / "lucene.run"), times(dir / "lucene.times"), info(dir / "lucene.version");
  if (!run || !times) return std::nullopt;
  LuceneRun out;
  std::string qid, q0, docno, tag;
  unsigned rank = 0;
  double score = 0;
  while (run >> qid >> q0 >> docno >> rank >> score >> tag) out.run[qid].push_back({docno, score});
  double ms = 0;
  while (times >> qid >> ms) out.ms[qid] = ms;
  std::getline(info, out.version);
  return out;
}

void print_row(const SystemFigures& s) {
  const Measures& m = s.eval.mean;
  std::printf("| %s | %.4f | %.4f | %.4f | %.4f | %.3f | %.3f |\n", s.name.c_str(), m.map, m.ndcg10, m.p10,
              m.recall1000, percentile(s.ms, 0.5), percentile(s.ms, 0.99));
}

struct Options {
  fs::path root, work;
  unsigned passes = 11;
  RankingParams ranking = kDefaultRanking;  // morgue's, for experiments (--k1, --b, ...)
  bool feedback_row = true;                 // also run morgue with feedback=1
  std::vector<double> sweep_k1, sweep_b;    // sweep: the BM25 grid
  std::vector<double> sweep_c;              // sweep: IneB2's c values
  bool sweep_feedback = false;              // sweep: with feedback=1
};

// One query's words as each system gets them: morgue's are cut to its query limit.
struct QueryText {
  std::string id, words, morgue;
};

std::vector<QueryText> query_texts(const std::vector<Query>& queries, std::size_t& cut) {
  std::vector<QueryText> texts;
  for (const Query& q : queries) {
    QueryText t{q.id, plain_words(q.text), {}};
    t.morgue = cut_at_word(t.words, kMaxQueryBytes);
    cut += t.morgue.size() < t.words.size();
    texts.push_back(std::move(t));
  }
  return texts;
}

SearchRequest morgue_request(const std::string& words, bool feedback = false) {
  SearchRequest r;
  r.feedback = feedback;
  r.query = words;
  r.match_any = true;
  r.limit = kMaxLimit;
  return r;
}

// The systems on one collection: morgue's index (made by morgue-index) searched
// through Searcher and, for timing, through its QueryBuilder alone; Xapian's
// defaults on their own index; plain BM25 on morgue's index.
class Systems {
 public:
  explicit Systems(const fs::path& dir, const std::vector<Document>& docs, const RankingParams& ranking)
      : xapian_(build_xapian_index(dir / "xapian", docs), {.quest_stopwords = true}),
        morgue_db_(open_index(dir / "morgue")),
        // Each timed system has its own handle on the index: a handle keeps the B-tree
        // blocks it read last, and plain BM25 was timed right after morgue on the same
        // query (on Medline, morgue / plain averaged 0.49x shared, 0.47x not).
        plain_(open_index(dir / "morgue"), {.quest_stopwords = false}),
        plain_again_(open_index(dir / "morgue"), {.quest_stopwords = false}),
        plain_memory_(open_index(dir / "morgue")),
        builder_(morgue_db_, ranking),
        enquire_(morgue_db_),
        searcher_(dir / "morgue", {.ranking = ranking}) {
    enquire_.set_weighting_scheme(*weighting_scheme(ranking));
  }

  // The code of morgue-search and GET /search, paging through its limit of 100.
  Ranking morgue_search(const std::string& words, bool feedback = false) {
    Ranking ranking;
    SearchRequest r = morgue_request(words, feedback);
    for (r.offset = 0; r.offset < kRunDepth; r.offset += r.limit) {
      const SearchResponse page = searcher_.search(r);
      for (const Hit& h : page.hits) ranking.push_back({h.id, h.score});
      if (page.hits.size() < r.limit) break;
    }
    return ranking;
  }
  // morgue's query, ranked without Searcher's snippets and stored data.
  Xapian::MSet morgue_match(const std::string& words) {
    enquire_.set_query(builder_.build(morgue_request(words)));
    return enquire_.get_mset(0, kRunDepth);
  }
  Xapian::MSet plain_match(const std::string& words) { return plain_.match(plain_.parse(words), kRunDepth); }
  Xapian::MSet plain_match_again(const std::string& words) {
    return plain_again_.match(plain_again_.parse(words), kRunDepth);
  }
  Xapian::MSet xapian_match(const std::string& words) { return xapian_.match(xapian_.parse(words), kRunDepth); }
  // Plain BM25 reading from memory the lists that morgue's last query (morgue_match) read
  // so: its stems combined with exact forms (QueryBuilder::kept_terms).
  void remember_as_morgue(const std::string& words) {
    std::vector<std::string> stems;
    for (const auto& [term, weight] : builder_.kept_terms()) {
      if (term.starts_with('Z')) stems.push_back(term);
    }
    plain_memory_.remember(words, stems);
  }
  Xapian::MSet plain_memory_match(const std::string& words) { return plain_memory_.match(words, kRunDepth); }

 private:
  PlainBm25 xapian_;
  Xapian::Database morgue_db_;
  PlainBm25 plain_;
  PlainBm25 plain_again_;  // the same as plain_, timed again: the noise
  PlainBm25FromMemory plain_memory_;
  QueryBuilder builder_;
  Xapian::Enquire enquire_;
  Searcher searcher_;
};

struct Runs {
  Run morgue, xapian, plain, plain_memory, feedback;
  std::vector<double> searcher_ms, feedback_ms;  // per query, all pages
  std::size_t disagreements = 0;                 // queries morgue_match ranks unlike morgue_search
  std::string disagreement;                      // the first of them
};

Runs rank_all(Systems& systems, const std::vector<QueryText>& texts, bool feedback) {
  Runs runs;
  for (const QueryText& t : texts) {
    auto start = Clock::now();
    const Ranking& ranking = runs.morgue[t.id] = systems.morgue_search(t.morgue);
    runs.searcher_ms.push_back(ms_since(start));
    if (feedback) {
      start = Clock::now();
      runs.feedback[t.id] = systems.morgue_search(t.morgue, true);
      runs.feedback_ms.push_back(ms_since(start));
    }
    runs.xapian[t.id] = to_ranking(systems.xapian_match(t.words), docno_from_data);
    runs.plain[t.id] = to_ranking(systems.plain_match(t.morgue), morgue_docno);
    // What is timed must rank what Searcher ranked.
    const Ranking direct = to_ranking(systems.morgue_match(t.morgue), morgue_docno);
    systems.remember_as_morgue(t.morgue);
    runs.plain_memory[t.id] = to_ranking(systems.plain_memory_match(t.morgue), morgue_docno);
    bool same = direct.size() == ranking.size();
    std::size_t at = 0;
    for (; same && at < direct.size(); ++at) same = direct[at].docno == ranking[at].docno;
    if (!same && runs.disagreements++ == 0) {
      runs.disagreement = t.id;
      if (direct.size() != ranking.size()) {
        runs.disagreement += ", " + std::to_string(direct.size()) + " vs " + std::to_string(ranking.size()) + " ranked";
      } else {
        char where[160];
        std::snprintf(where, sizeof where, ", rank %zu: %s %.17g vs %s %.17g", at, direct[at - 1].docno.c_str(),
                      direct[at - 1].score, ranking[at - 1].docno.c_str(), ranking[at - 1].score);
        runs.disagreement += where;
      }
    }
  }
  return runs;
}

struct Latencies {
  std::vector<double> morgue, plain, xapian;  // per query, ms
  // plain BM25 timed a second time in each pass: what the same query gives twice,
  // the noise of a per-query ratio on this machine.
  std::vector<double> plain_again;
  std::vector<double> plain_memory;  // with the lists morgue reads from memory read so too
};

// Building the query and ranking the top 1000, nothing else. One warm-up pass, then in
// each pass every system runs all the queries in turn, the fastest of `passes` runs kept.
// Each system runs the whole list on its own, as a daemon serves a stream of queries:
// its code is as warm as its own previous query left it. Until 2026-11-27 the systems
// took turns on each query instead, which ran plain BM25's code (the same parser and
// BM25Weight as Xapian's defaults and as plain BM25's second timing) three times between
// two of morgue's: the baseline's code was kept warm by its twins, morgue's was not
// (plain BM25 took 0.133 ms on CISI 20 that way, 0.136-0.144 on its own; bench/README.md).
// The systems' order still turns with each pass, so that none is always the first after
// the warm-up.
Latencies time_all(Systems& systems, const std::vector<QueryText>& texts, unsigned passes) {
  const std::size_t n = texts.size();
  const std::vector<double> unset(n, 1e300);
  Latencies l{unset, unset, unset, unset, unset};
  // Each system: where its times go, what it runs, on which text of a query.
  struct Timed {
    std::vector<double>* out;
    Xapian::MSet (Systems::*match)(const std::string&);
    std::string QueryText::*text;
  };
  const Timed timed[] = {
      {&l.morgue, &Systems::morgue_match, &QueryText::morgue},
      {&l.plain, &Systems::plain_match, &QueryText::morgue},
      {&l.xapian, &Systems::xapian_match, &QueryText::words},
      {&l.plain_again, &Systems::plain_match_again, &QueryText::morgue},
      {&l.plain_memory, &Systems::plain_memory_match, &QueryText::morgue},
  };
  constexpr unsigned kSystems = std::size(timed);
  for (unsigned pass = 0; pass <= passes; ++pass) {
    for (unsigned k = 0; k < kSystems; ++k) {
      const Timed& system = timed[(pass + k) % kSystems];
      for (std::size_t i = 0; i < n; ++i) {
        const auto start = Clock::now();
        (void)(systems.*system.match)(texts[i].*system.text);
        const double ms = ms_since(start);
        if (pass > 0) (*system.out)[i] = std::min((*system.out)[i], ms);
      }
    }
  }
  return l;
}

// morgue against the better baseline, measure by measure.
void print_ratios(const std::vector<SystemFigures>& systems) {
  const std::pair<const char*, double Measures::*> measures[] = {{"MAP", &Measures::map},
                                                                 {"nDCG@10", &Measures::ndcg10},
                                                                 {"P@10", &Measures::p10},
                                                                 {"R@1000", &Measures::recall1000}};
  std::printf("morgue / best baseline:");
  const char* separator = " ";
  for (const auto& [label, field] : measures) {
    double best = 0;
    std::string who;
    for (std::size_t i = 1; i < systems.size(); ++i) {
      if (systems[i].eval.mean.*field > best) {
        best = systems[i].eval.mean.*field;
        who = systems[i].name.substr(0, systems[i].name.find(' '));
      }
    }
    std::printf("%s%s %.3f (%s)", separator, label, best > 0 ? systems[0].eval.mean.*field / best : 0.0, who.c_str());
    separator = ", ";
  }
  std::printf("\n");
}

void run_collection(const Collection& c, const Options& o) {
  const fs::path dir = o.work / c.name;
  const auto docs = load_documents(c, o.root);
  const auto queries = load_queries(c, o.root);
  const Qrels qrels = load_qrels(c, o.root);
  std::size_t cut = 0;
  const std::vector<QueryText> texts = query_texts(queries, cut);

  Systems on(dir, docs, o.ranking);
  const Runs runs = rank_all(on, texts, o.feedback_row);
  const Latencies ms = time_all(on, texts, o.passes);

  std::vector<SystemFigures> systems;
  systems.push_back({"morgue (match=any)", evaluate(runs.morgue, qrels), ms.morgue});
  systems.push_back({"Xapian " + std::string(Xapian::version_string()) + " defaults (BM25, quest's parser)",
                     evaluate(runs.xapian, qrels), ms.xapian});
  const auto lucene = read_lucene(dir);
  if (lucene) {
    std::vector<double> lucene_ms;
    for (const QueryText& t : texts) lucene_ms.push_back(lucene->ms.count(t.id) ? lucene->ms.at(t.id) : 0.0);
    systems.push_back(
        {"Lucene " + lucene->version + " BM25 + EnglishAnalyzer", evaluate(lucene->run, qrels), lucene_ms});
  }

  std::printf("\n### %s: %zu documents, %zu queries (%zu with relevant documents), top %zu\n\n", c.name, docs.size(),
              queries.size(), systems[0].eval.queries, kRunDepth);
  std::printf("| system | MAP | nDCG@10 | P@10 | R@1000 | p50 ms | p99 ms |\n|---|---|---|---|---|---|---|\n");
  for (const auto& s : systems) print_row(s);
  print_row({"plain BM25 on morgue's index (diagnostic)", evaluate(runs.plain, qrels), ms.plain});
  print_row({"plain BM25, reading from memory what morgue does (diagnostic)", evaluate(runs.plain_memory, qrels),
             ms.plain_memory});
  if (o.feedback_row) {
    const Evaluation fb = evaluate(runs.feedback, qrels);
    std::printf(
        "| morgue with feedback=1 (RM3-style, %u docs, %u terms, weight %.2f) | %.4f | %.4f | %.4f | %.4f | | |\n",
        o.ranking.feedback_docs, o.ranking.feedback_terms, o.ranking.feedback_weight, fb.mean.map, fb.mean.ndcg10,
        fb.mean.p10, fb.mean.recall1000);
  }
  std::printf("\n");
  if (!lucene) std::printf("Lucene: SKIPPED (no %s; bench/relevance.sh runs it)\n", (dir / "lucene.run").c_str());
  print_ratios(systems);

  // Query by query, against plain BM25; and plain BM25 against itself, the floor of
  // what noise alone makes of the slowest ratio.
  const auto per_query = [&](const std::vector<double>& a, const std::vector<double>& b, const char* what) {
    std::vector<double> ratios;
    std::size_t slowest = 0, over = 0;
    std::string which;  // the first few over 1.2x
    for (std::size_t i = 0; i < texts.size(); ++i) {
      ratios.push_back(a[i] / b[i]);
      if (ratios.back() > 1.2 && over++ < 5) {
        char ratio[32];
        std::snprintf(ratio, sizeof ratio, " (%.2fx)", ratios.back());
        which += (which.empty() ? ": " : ", ") + texts[i].id + ratio;
      }
      if (ratios.back() > ratios[slowest]) slowest = i;
    }
    std::printf("%s, per query: median %.2fx, slowest %.2fx (query %s: %.3f vs %.3f ms), %zu of %zu over 1.2x%s%s\n",
                what, percentile(ratios, 0.5), ratios[slowest], texts[slowest].id.c_str(), a[slowest], b[slowest], over,
                texts.size(), which.c_str(), over > 5 ? ", ..." : "");
  };
  per_query(ms.morgue, ms.plain, "morgue's query / plain BM25 on the same index");
  per_query(ms.morgue, ms.plain_memory, "morgue's query / plain BM25 reading from memory what morgue does");
  per_query(ms.plain_again, ms.plain, "plain BM25 / itself (the same query timed again: the noise)");
  std::printf(
      "morgue-search's path (Searcher::search, 10 pages of 100 with snippets): p50 %.3f ms, p99 %.3f ms per "
      "query\n",
      percentile(runs.searcher_ms, 0.5), percentile(runs.searcher_ms, 0.99));
  if (o.feedback_row) {
    std::printf("with feedback=1 (two searches and an ESet per page): p50 %.3f ms, p99 %.3f ms per query\n",
                percentile(runs.feedback_ms, 0.5), percentile(runs.feedback_ms, 0.99));
  }
  if (cut) {
    std::printf("%zu queries cut to morgue's %zu-byte query limit (the baselines had them whole)\n", cut,
                kMaxQueryBytes);
  }
  if (runs.disagreements) {
    std::printf("WARNING: %zu queries ranked differently by Searcher and the timed match (the first: query %s)\n",
                runs.disagreements, runs.disagreement.c_str());
  }
}

// MAP and nDCG@10 of morgue's query (QueryBuilder + BM25, as Searcher ranks) over a
// A grid of the model's parameters (IneB2: c; BM25: k1 x b), every other parameter
// as given.
void sweep(const Options& o) {
  std::printf("| model | parameters |");
  std::vector<const Collection*> present;
  for (const Collection& c : collections()) {
    if (!fs::exists(o.work / c.name / "morgue")) continue;
    present.push_back(&c);
    std::printf(" %s MAP | %s nDCG@10 |", c.name, c.name);
  }
  std::printf(" mean MAP |\n|---|---|");
  for (std::size_t i = 0; i <= 2 * present.size(); ++i) std::printf("---|");
  std::printf("\n");
  struct Data {
    Xapian::Database db;
    Qrels qrels;
    std::vector<QueryText> texts;
  };
  std::vector<Data> data;
  for (const Collection* c : present) {
    std::size_t cut = 0;
    data.push_back(
        {open_index(o.work / c->name / "morgue"), load_qrels(*c, o.root), query_texts(load_queries(*c, o.root), cut)});
  }
  std::vector<RankingParams> grid;
  if (o.ranking.model == RankingModel::kBM25) {
    for (double k1 : o.sweep_k1) {
      for (double b : o.sweep_b) grid.push_back(o.ranking), grid.back().k1 = k1, grid.back().b = b;
    }
  } else {
    for (double c : o.sweep_c) grid.push_back(o.ranking), grid.back().c = c;
  }
  for (const RankingParams& p : grid) {
    if (p.model == RankingModel::kBM25) {
      std::printf("| bm25 | k1=%.2f b=%.2f |", p.k1, p.b);
    } else {
      std::printf("| %s | c=%.2f |", std::string(model_name(p.model)).c_str(), p.c);
    }
    double sum = 0;
    for (Data& d : data) {
      QueryBuilder builder(d.db, p);
      const std::unique_ptr<Xapian::Weight> weight = weighting_scheme(p);
      Xapian::Enquire enquire(d.db);
      enquire.set_weighting_scheme(*weight);
      Run run;
      for (const QueryText& t : d.texts) {
        const SearchRequest r = morgue_request(t.morgue, o.sweep_feedback);
        Xapian::Query q = builder.build(r);
        if (r.feedback) {
          if (const Xapian::Query more = feedback_terms(d.db, q, p, *weight, builder.kept_terms()); !more.empty())
            q = builder.build(r, more);
        }
        enquire.set_query(q);
        run[t.id] = to_ranking(enquire.get_mset(0, kRunDepth), morgue_docno);
      }
      const Evaluation e = evaluate(run, d.qrels);
      std::printf(" %.4f | %.4f |", e.mean.map, e.mean.ndcg10);
      sum += e.mean.map;
    }
    std::printf(" %.4f |\n", sum / static_cast<double>(data.size()));
    std::fflush(stdout);
  }
}

int run(const Options& o) {
  std::printf(
      "Relevance on the classic collections (bench/relevance.sh). Times: building the query and ranking the top "
      "1000, fastest of %u runs per query after a warm-up; noisy, read the ratios.\n",
      o.passes);
  for (const Collection& c : collections()) {
    if (!fs::exists(o.work / c.name / "morgue")) {
      std::cerr << "SKIPPED: " << c.name << ": no morgue index in " << (o.work / c.name).string() << '\n';
      continue;
    }
    run_collection(c, o);
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"relevance-bench: MAP, nDCG@10, P@10, recall@1000 of morgue and two baselines"};
  app.require_subcommand(1);
  Options o;
  auto* prep = app.add_subcommand("prepare", "write each collection as JSON Lines (and Lucene's input) under --work");
  auto* runner = app.add_subcommand("run", "index the Xapian baseline, run every query, print the tables");
  auto* sweeper = app.add_subcommand(
      "sweep", "morgue's MAP and nDCG@10 over a grid of the model's c, or BM25's k1 and b (--model bm25)");
  for (auto* sub : {prep, runner, sweeper}) {
    sub->add_option("--collections", o.root, "the ir-collections folder")->required();
    sub->add_option("--work", o.work, "working directory")->required();
  }
  runner->add_option("--passes", o.passes, "timed runs per query")->capture_default_str();
  sweeper->add_option("--k1", o.sweep_k1, "values of k1")->default_str("0.8 1.0 1.2 1.4 1.6");
  sweeper->add_option("--b", o.sweep_b, "values of b")->default_str("0.5 0.6 0.7 0.75 0.8 0.9");
  sweeper->add_option("--c", o.sweep_c, "values of the model's c (DFR models)")->default_str("0.2 0.3 0.5 0.7 1 2");
  sweeper->add_flag("--feedback", o.sweep_feedback, "rank with feedback=1");
  // Experiments only: the product's values are kDefaultRanking (common/ranking.h).
  RankingParams& p = o.ranking;
  std::string model(model_name(p.model));
  for (auto* sub : {runner, sweeper}) {
    sub->add_option("--model", model, "weighting model: ineb2, bm25, bb2, ifb2, inl2, pl2, dph, dlh (experiments)")
        ->capture_default_str();
    if (sub == runner) {
      sub->add_option("--c", p.c, "DFR models' c (experiments)")->capture_default_str();
      sub->add_option("--k1", p.k1, "BM25 k1 (experiments)")->capture_default_str();
      sub->add_option("--b", p.b, "BM25 b (experiments)")->capture_default_str();
      sub->add_option("--feedback-row", o.feedback_row, "also rank with feedback=1")->capture_default_str();
    }
    sub->add_option("--stopwords", p.stopwords, "query stop-words")->capture_default_str();
    sub->add_option("--exact-max-words", p.exact_max_words, "exact forms up to this many words")->capture_default_str();
    sub->add_option("--exact-weight", p.exact_weight, "exact forms' weight")->capture_default_str();
    sub->add_option("--proximity-max-words", p.proximity_max_words, "word pairs up to this many words")
        ->capture_default_str();
    sub->add_option("--proximity-window", p.proximity_window, "word pairs' window")->capture_default_str();
    sub->add_option("--proximity-weight", p.proximity_weight, "word pairs' weight")->capture_default_str();
    sub->add_option("--feedback-docs", p.feedback_docs, "feedback: top documents")->capture_default_str();
    sub->add_option("--feedback-terms", p.feedback_terms, "feedback: terms added")->capture_default_str();
    sub->add_option("--feedback-weight", p.feedback_weight, "feedback: weight of the best")->capture_default_str();
  }
  CLI11_PARSE(app, argc, argv);
  if (o.sweep_k1.empty()) o.sweep_k1 = {0.8, 1.0, 1.2, 1.4, 1.6};
  if (o.sweep_b.empty()) o.sweep_b = {0.5, 0.6, 0.7, 0.75, 0.8, 0.9};
  if (o.sweep_c.empty()) o.sweep_c = {0.2, 0.3, 0.5, 0.7, 1, 2};
  try {
    p.model = parse_model(model);
    if (sweeper->parsed()) {
      sweep(o);
      return 0;
    }
    return prep->parsed() ? prepare(o.root, o.work) : run(o);
  } catch (const Error& e) {
    std::cerr << "relevance-bench: " << e.what() << '\n';
    return 1;
  } catch (const Xapian::Error& e) {
    std::cerr << "relevance-bench: " << e.get_description() << '\n';
    return 1;
  } catch (const std::invalid_argument& e) {
    std::cerr << "relevance-bench: " << e.what() << '\n';
    return 2;
  }
}
