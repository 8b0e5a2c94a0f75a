// The relevance bench's evaluator against figures worked out by hand with trec_eval's
// definitions (bench/relevance/trec_eval.h): map, ndcg_cut.10, P.10, recall.1000.
#include <cmath>

#include <catch2/catch.hpp>

#include "bench/relevance/query_text.h"
#include "bench/relevance/trec_eval.h"

using namespace morgue::bench;
using Catch::Detail::Approx;

namespace {

// A ranking in the order given, with falling scores.
Ranking ranked(std::initializer_list<const char*> docnos) {
  Ranking r;
  double score = 100;
  for (const char* d : docnos) r.push_back({d, score--});
  return r;
}

// "r7": built by appending (GCC 12 warns, wrongly, about "r" + std::to_string(7) at -O3).
std::string docno(char letter, int i) {
  std::string s(1, letter);
  s += std::to_string(i);
  return s;
}

}  // namespace

TEST_CASE("Binary judgements: precision at each relevant document, the unretrieved counting 0", "[eval]") {
  // Relevant: d1, d2, d3. Retrieved: d1 x d2 y; d3 never.
  const Judgements judged = {{"d1", 1}, {"d2", 1}, {"d3", 1}};
  const Measures m = evaluate_query(ranked({"d1", "x", "d2", "y"}), judged);
  CHECK(m.map == Approx((1.0 / 1 + 2.0 / 3) / 3));  // 0.5556
  CHECK(m.p10 == Approx(0.2));                      // 2 of 10, though only 4 were retrieved
  CHECK(m.recall1000 == Approx(2.0 / 3));
  // DCG 1/log2(2) + 1/log2(4) = 1.5; ideal 1 + 1/log2(3) + 1/log2(4) = 2.1309
  CHECK(m.ndcg10 == Approx(1.5 / (1 + 1 / std::log2(3.0) + 0.5)));
  CHECK(m.ndcg10 == Approx(0.70393).epsilon(1e-4));
}

TEST_CASE("Graded judgements: the grade is the gain, grade 0 is judged not relevant", "[eval]") {
  const Judgements judged = {{"a", 3}, {"b", 1}, {"c", 2}, {"z", 0}};
  const Measures m = evaluate_query(ranked({"b", "z", "a", "c"}), judged);
  // Relevant at ranks 1, 3, 4.
  CHECK(m.map == Approx((1.0 + 2.0 / 3 + 3.0 / 4) / 3));  // 0.8056
  CHECK(m.p10 == Approx(0.3));
  CHECK(m.recall1000 == Approx(1.0));
  // DCG 1/1 + 0 + 3/log2(4) + 2/log2(5) = 3.3614; ideal 3/1 + 2/log2(3) + 1/log2(4) = 4.7619
  CHECK(m.ndcg10 == Approx(3.36135 / 4.76186).epsilon(1e-4));
  CHECK(m.ndcg10 == Approx(0.70589).epsilon(1e-4));
  // Ranked ideally: every measure is 1.
  const Measures best = evaluate_query(ranked({"a", "c", "b", "z"}), judged);
  CHECK(best.map == Approx(1.0));
  CHECK(best.ndcg10 == Approx(1.0));
}

TEST_CASE("nDCG@10 and P@10 look at the first 10, the ideal taking the 10 best grades of all judged", "[eval]") {
  Judgements judged;
  for (int i = 0; i < 12; ++i) judged[docno('r', i)] = i < 2 ? 2 : 1;  // two of grade 2, ten of 1
  // Ten grade-1 documents first, the two grade-2 ones at ranks 11 and 12.
  const Ranking r = ranked({"r2", "r3", "r4", "r5", "r6", "r7", "r8", "r9", "r10", "r11", "r0", "r1"});
  const Measures m = evaluate_query(r, judged);
  double dcg = 0, ideal = 0;
  for (int i = 0; i < 10; ++i) {
    dcg += 1 / std::log2(i + 2.0);
    ideal += (i < 2 ? 2 : 1) / std::log2(i + 2.0);
  }
  CHECK(m.ndcg10 == Approx(dcg / ideal));  // 4.5436 / 6.1745 = 0.7359
  CHECK(m.ndcg10 == Approx(0.73586).epsilon(1e-4));
  CHECK(m.p10 == Approx(1.0));
  CHECK(m.map == Approx(1.0));
  CHECK(m.recall1000 == Approx(1.0));
}

TEST_CASE("Ties are broken as trec_eval does: score, then docno descending as strings", "[eval]") {
  const Judgements judged = {{"10", 1}};
  // Equal scores: "9" > "10" as strings, so "9" ranks first whatever order they came in.
  Ranking r = {{"10", 1.5}, {"9", 1.5}};
  trec_order(r);
  CHECK(r[0].docno == "9");
  CHECK(evaluate_query({{"10", 1.5}, {"9", 1.5}}, judged).map == Approx(0.5));
  // A higher score wins whatever the order given.
  CHECK(evaluate_query({{"9", 1.0}, {"10", 2.0}}, judged).map == Approx(1.0));
}

TEST_CASE("Only the first 1000 documents count", "[eval]") {
  Ranking r;
  for (int i = 0; i < 1500; ++i) r.push_back({docno('n', i), 2000.0 - i});
  r[999].docno = "early";
  r[1200].docno = "late";
  const Measures m = evaluate_query(r, {{"early", 1}, {"late", 1}});
  CHECK(m.recall1000 == Approx(0.5));
  CHECK(m.map == Approx((1.0 / 1000) / 2));
  CHECK(m.p10 == 0);
}

TEST_CASE("The mean is over judged queries with a relevant document, one missing from the run scoring 0", "[eval]") {
  Qrels qrels;
  qrels["1"] = {{"d1", 1}, {"d2", 1}};  // in the run: AP (1 + 2/3) / 2
  qrels["2"] = {{"d3", 1}};             // not in the run: 0
  qrels["3"] = {{"d4", 0}};             // nothing relevant: left out
  Run run;
  run["1"] = ranked({"d1", "x", "d2"});
  run["4"] = ranked({"d1"});  // not judged: ignored
  const Evaluation e = evaluate(run, qrels);
  CHECK(e.queries == 2);
  CHECK(e.per_query.size() == 2);
  CHECK(e.mean.map == Approx(((1.0 + 2.0 / 3) / 2 + 0) / 2));  // 0.4167
  CHECK(e.mean.recall1000 == Approx(0.5));
  CHECK(e.mean.p10 == Approx(0.1));
  CHECK(e.per_query.at("2").map == 0);
}

TEST_CASE("Query text reaches every system as plain words", "[eval][query]") {
  struct Row {
    const char* text;
    const char* words;
  };
  const Row rows[] = {
      {"what is the (heat) transfer -- \"k-epsilon\"?", "what is the heat transfer k epsilon"},
      {"Mach's number AND/OR NOT title:x 1..2 *", "mach number and or not title x 1 2"},
      {"the wing's span, the wings' span", "the wing span the wings span"},
      {"  ", ""},
  };
  for (const auto& row : rows) {
    INFO(row.text);
    CHECK(plain_words(row.text) == row.words);
  }
  CHECK(cut_at_word("alpha beta gamma", 10) == "alpha beta");
  CHECK(cut_at_word("alpha beta gamma", 11) == "alpha beta");
  CHECK(cut_at_word("alpha beta gamma", 16) == "alpha beta gamma");
  CHECK(cut_at_word("alphabet", 3).empty());
}
