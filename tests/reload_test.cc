// Hot reload: morgued starts before its index exists, then serves commits by the
// indexer and --rebuild swaps within about a second, without failing a request.
#include <catch2/catch.hpp>

#include <atomic>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "indexer/pipeline.h"
#include "tests/test_daemon.h"
#include "tests/test_support.h"

namespace {

using namespace morgue;
using Clock = std::chrono::steady_clock;
using test::parse_json;
using test::TestDaemon;

// `n` articles that all mention "zebrafish", one per day from 1 June 2025.
std::filesystem::path zebrafish_jsonl(const std::filesystem::path& dir, const std::string& name, int n) {
  std::string lines;
  for (int i = 0; i < n; ++i) {
    const int day = 1 + i % 28;
    lines += R"({"id":")" + name + "-" + std::to_string(i) + R"(","outlet":"Reload Gazette","published":"2025-06-)" +
             (day < 10 ? "0" : "") + std::to_string(day) + R"(","headline":"Zebrafish report )" + std::to_string(i) +
             R"(","body":"Researchers studied zebrafish number )" + std::to_string(i) +
             R"( in a laboratory tank for regeneration."})" + "\n";
  }
  const auto path = dir / (name + ".jsonl");
  test::write_file(path, lines);
  return path;
}

// Polls GET /search?q=zebrafish from several threads, keeping every status and the
// last total seen.
class Pollers {
 public:
  explicit Pollers(const TestDaemon& daemon, int threads = 3) {
    for (int t = 0; t < threads; ++t) {
      threads_.emplace_back([this, &daemon, t] {
        auto client = daemon.client();
        while (!stop_) {
          const auto res = client.Get(t % 2 ? "/health" : "/search?q=zebrafish&limit=1&facets=date");
          const std::lock_guard lock(mutex_);
          ++requests_;
          if (!res || res->status != 200) {
            failures_.push_back(res ? std::to_string(res->status) + " " + res->body : "no response");
          } else if (t % 2 == 0) {
            total_ = parse_json(res->body)["total"].GetUint64();
          }
        }
      });
    }
  }
  ~Pollers() { join(); }
  void join() {
    stop_ = true;
    for (auto& t : threads_) {
      if (t.joinable()) t.join();
    }
  }
  // Seconds until a poller's answer has `total`, or a negative number after `limit`.
  double seconds_until_total(std::uint64_t total, double limit = 3.0) {
    const auto start = Clock::now();
    while (std::chrono::duration<double>(Clock::now() - start).count() < limit) {
      {
        const std::lock_guard lock(mutex_);
        if (total_ && *total_ == total) return std::chrono::duration<double>(Clock::now() - start).count();
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return -1;
  }
  std::vector<std::string> failures() {
    const std::lock_guard lock(mutex_);
    return failures_;
  }
  std::uint64_t requests() {
    const std::lock_guard lock(mutex_);
    return requests_;
  }

 private:
  std::atomic<bool> stop_{false};
  std::mutex mutex_;
  std::vector<std::string> failures_;
  std::uint64_t requests_ = 0;
  std::optional<std::uint64_t> total_;  // none until a search has been answered
  std::vector<std::thread> threads_;
};

}  // namespace

TEST_CASE("morgued starts without an index, answers 503, and serves it once it appears", "[http][reload]") {
  test::TempDir dir;
  const auto db = dir.path() / "index";
  TestDaemon d(db);

  for (const char* target : {"/health", "/search?q=putin", "/doc/anything"}) {
    INFO(target);
    const auto a = d.get(target);
    CHECK(a.status == 503);
    CHECK(parse_json(a.body)["error"]["code"] == "index_unavailable");
  }
  // Bad input is still the user's to fix, index or not.
  CHECK(d.get("/search?q=putin&sort=sideways").status == 400);
  CHECK(d.get("/metrics").body.find("morgued_index_available 0\n") != std::string::npos);

  REQUIRE(indexer::run_pipeline(db, {test::corpus_dir()}, {}).stats.added == 5);
  const auto start = Clock::now();
  int status = 0;
  while (Clock::now() - start < std::chrono::seconds(2) && (status = d.get("/health").status) != 200) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  CHECK(status == 200);
  CHECK(parse_json(d.get("/health").body)["documents"].GetUint() == 5);
  CHECK(parse_json(d.get("/search?q=Poroshenko").body)["total"].GetUint() == 1);
}

TEST_CASE("Commits and rebuild swaps are served within a second, every request answered 200", "[http][reload]") {
  test::TempDir dir;
  const auto db = dir.path() / "index";
  REQUIRE(indexer::run_pipeline(db, {test::corpus_dir()}, {}).stats.added == 5);
  TestDaemon d(db);
  Pollers pollers(d);
  // The daemon's first search (a cold start, slow under the sanitizers) is done
  // before the clock below starts.
  REQUIRE(pollers.seconds_until_total(0) >= 0);

  // Incremental: the indexer commits into the live generation.
  const auto added = indexer::run_pipeline(db, {zebrafish_jsonl(dir.path(), "first", 120)}, {});
  REQUIRE(added.stats.added == 120);
  const double after_commit = pollers.seconds_until_total(120);
  CHECK(after_commit >= 0);
  CHECK(after_commit < 1.0);

  // Rebuilds: a new generation swapped in, twice, so the first generation is deleted
  // while searchers may still hold it.
  indexer::PipelineOptions rebuild;
  rebuild.writer.rebuild = true;
  REQUIRE(indexer::run_pipeline(db, {zebrafish_jsonl(dir.path(), "second", 40)}, rebuild).stats.added == 40);
  const double after_swap = pollers.seconds_until_total(40);
  CHECK(after_swap >= 0);
  CHECK(after_swap < 1.0);
  REQUIRE(indexer::run_pipeline(db, {zebrafish_jsonl(dir.path(), "third", 25)}, rebuild).stats.added == 25);
  const double after_second_swap = pollers.seconds_until_total(25);
  CHECK(after_second_swap >= 0);
  CHECK(after_second_swap < 1.0);

  pollers.join();
  CHECK(pollers.requests() > 20);
  CHECK(pollers.failures() == std::vector<std::string>{});
  const auto health = parse_json(d.get("/health").body);
  CHECK(health["documents"].GetUint() == 25);
  CHECK(d.get("/metrics").body.find("morgued_index_reloads_total 0\n") == std::string::npos);
}
