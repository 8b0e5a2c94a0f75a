// In-process query speed: the query mix of bench/queries-*.txt run through the same
// Searcher and JSON writer as morgued, without HTTP. bench/http_speed.sh prints it next
// to the HTTP figures, so the ratio is the cost of the daemon's HTTP layer. --libxapian
// runs the same requests through libxapian alone, as a plain application would (its
// QueryParser and default BM25, value-slot filters and facets, the hits' stored data; no
// snippets, no JSON): the floor that morgue's ranking, snippets and JSON add to.
//   query-speed --db DIR --queries FILE [--seconds 5] [--threads 1] [--model ineb2|bm25|...]
//               [--exact-weight W] [--per-query] [--libxapian]   (comparisons: see --help)
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <optional>
#include <thread>

#include <CLI/CLI.hpp>

#include "common/index_location.h"
#include "common/json_writer.h"
#include "common/ranking.h"
#include "common/schema.h"
#include "common/searcher.h"
#include "searchd/handlers.h"

namespace {

using namespace morgue;

std::string url_decode(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '+') {
      out += ' ';
    } else if (s[i] == '%' && i + 2 < s.size()) {
      out += static_cast<char>(std::stoi(s.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

SearchRequest parse_line(const std::string& line) {
  searchd::Params params;
  std::size_t start = 0;
  while (start <= line.size()) {
    const auto amp = line.find('&', start);
    const std::string pair = line.substr(start, amp == std::string::npos ? std::string::npos : amp - start);
    const auto eq = pair.find('=');
    if (eq != std::string::npos) params.emplace(pair.substr(0, eq), url_decode(pair.substr(eq + 1)));
    if (amp == std::string::npos) break;
    start = amp + 1;
  }
  return searchd::parse_search_params(params);
}

// A request as an application on libxapian alone would run it (see the top).
class PlainXapian {
 public:
  explicit PlainXapian(const std::string& db_dir) : db_(open_index(db_dir)), enquire_(db_) {
    parser_.set_database(db_);
    parser_.set_stemmer(Xapian::Stem("english"));
    parser_.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    parser_.set_default_op(Xapian::Query::OP_AND);
    parser_.add_prefix("title", std::string(field(FieldId::kHeadline).prefix));
  }

  // Returns the bytes of stored data read, so that nothing is optimised away.
  std::size_t run(const SearchRequest& r) {
    constexpr unsigned flags = Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_WILDCARD |
                               Xapian::QueryParser::FLAG_PURE_NOT;
    Xapian::Query q = r.query.empty() ? Xapian::Query(std::string()) : parser_.parse_query(r.query, flags);
    if (!r.outlets.empty()) {
      std::vector<Xapian::Query> any;
      for (const auto& o : r.outlets) any.emplace_back(boolean_term(FieldId::kOutlet, o));
      q = Xapian::Query(Xapian::Query::OP_FILTER, q, Xapian::Query(Xapian::Query::OP_OR, any.begin(), any.end()));
    }
    if (r.from || r.to) {
      q = Xapian::Query(Xapian::Query::OP_FILTER, q,
                        Xapian::Query(Xapian::Query::OP_VALUE_RANGE, kSlotDate,
                                      r.from ? format_compact(*r.from) : "00000000",
                                      r.to ? format_compact(*r.to) : "99999999"));
    }
    enquire_.set_query(q);
    enquire_.clear_matchspies();
    Xapian::ValueCountMatchSpy outlets(kSlotOutlet), dates(kSlotDate);
    if (!r.facets.empty()) {
      enquire_.add_matchspy(&outlets);
      enquire_.add_matchspy(&dates);
    }
    if (r.sort == SortOrder::kDate) {
      enquire_.set_sort_by_value_then_relevance(kSlotDate, true);
    } else {
      enquire_.set_sort_by_relevance();
    }
    const Xapian::MSet m = enquire_.get_mset(r.offset, r.limit, r.facets.empty() ? 0 : db_.get_doccount());
    std::size_t bytes = 0;
    for (auto it = m.begin(); it != m.end(); ++it) bytes += it.get_document().get_data().size();
    return bytes + 1;
  }

 private:
  Xapian::Database db_;
  Xapian::Enquire enquire_;
  Xapian::QueryParser parser_;
};

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"query-speed: in-process query throughput and latency"};
  std::string db, queries_file;
  double seconds = 5;
  unsigned threads = 1;
  app.add_option("--db", db)->required();
  app.add_option("--queries", queries_file)->required();
  app.add_option("--seconds", seconds);
  app.add_option("--threads", threads);
  std::string model(model_name(kDefaultRanking.model));
  app.add_option("--model", model, "weighting model, for comparisons (common/ranking.h)")->capture_default_str();
  bool per_query = false;
  app.add_flag("--per-query", per_query, "also print each query's median latency (one thread)");
  double exact_weight = kDefaultRanking.exact_weight;
  app.add_option("--exact-weight", exact_weight, "weight of the exact forms (0 = off), for comparisons")
      ->capture_default_str();
  bool libxapian = false;
  app.add_flag("--libxapian", libxapian, "the same requests through libxapian alone (BM25, no snippets, no JSON)");
  CLI11_PARSE(app, argc, argv);
  SearcherOptions options;
  options.ranking.exact_weight = exact_weight;
  try {
    options.ranking.model = parse_model(model);
  } catch (const std::invalid_argument& e) {
    std::fprintf(stderr, "query-speed: %s\n", e.what());
    return 2;
  }

  std::vector<SearchRequest> requests;
  std::vector<std::string> lines;
  std::ifstream in(queries_file);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line[0] != '#') {
      requests.push_back(parse_line(line));
      lines.push_back(line);
    }
  }
  if (per_query) {
    // Each query alone, 200 runs after 20 warm-ups: where the mix spends its time.
    Searcher searcher(db, options);
    for (std::size_t i = 0; i < requests.size(); ++i) {
      std::vector<double> ms;
      for (int run = 0; run < 220; ++run) {
        const auto start = std::chrono::steady_clock::now();
        (void)to_json(searcher.search(requests[i]));
        if (run >= 20)
          ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
      }
      std::sort(ms.begin(), ms.end());
      std::printf("QUERY %-45s median_ms=%.3f\n", lines[i].c_str(), ms.empty() ? 0.0 : ms[ms.size() / 2]);
    }
  }
  std::atomic<bool> stop{false};
  std::vector<std::vector<double>> latencies(threads);
  std::vector<std::thread> workers;
  for (unsigned t = 0; t < threads; ++t) {
    workers.emplace_back([&, t] {
      std::optional<Searcher> searcher;
      std::optional<PlainXapian> plain;
      if (libxapian) {
        plain.emplace(db);
      } else {
        searcher.emplace(db, options);
      }
      std::size_t i = t;
      std::size_t bytes = 0;
      while (!stop) {
        const auto start = std::chrono::steady_clock::now();
        const SearchRequest& r = requests[i++ % requests.size()];
        bytes += plain ? plain->run(r) : to_json(searcher->search(r)).size();
        latencies[t].push_back(
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
      }
      if (bytes == 0) std::fprintf(stderr, "no output\n");
    });
  }
  std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
  stop = true;
  for (auto& w : workers) w.join();
  std::vector<double> all;
  for (auto& l : latencies) all.insert(all.end(), l.begin(), l.end());
  std::sort(all.begin(), all.end());
  auto pct = [&](double p) { return all.empty() ? 0.0 : all[std::min(all.size() - 1, std::size_t(p * all.size()))]; };
  std::printf("RESULT requests=%zu errors=0 rps=%.1f p50_ms=%.3f p99_ms=%.3f\n", all.size(), all.size() / seconds,
              pct(0.50), pct(0.99));
  return 0;
}
