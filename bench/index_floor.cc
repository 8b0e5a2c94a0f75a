// Where indexing's time goes, step by step, and the floor under it: morgue-index's own
// steps run one after the other over the same articles, each on one thread a core as
// morgue-index runs them, with wall and CPU seconds for each:
//   read      the inputs to articles (one thread, as morgue-index's reader)
//   entities  tagging them (common/entities), as Shard::add does
//   build     Article -> Xapian::Document (DocumentBuilder: TermGenerator, stems, data)
//   write     add_document into two shards, a commit every batch, as morgue-index
//   compact   the shards merged into one database, as after a build
// `write` and `compact` are libxapian alone on documents already built: the least time
// any indexer writing these documents through Xapian 1.4 can take on these cores.
// bench/index_speed.sh sets them against scriptindex (bench/README.md).
//   index-floor --work DIR [--map SPEC] [--no-entities] [--batch 500] INPUT...
// --write-batches 100,250,500: the write step alone, once per batch size in turn.
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include <xapian.h>
#include <CLI/CLI.hpp>

#include "common/article.h"
#include "common/document_builder.h"
#include "common/entities/extractor.h"
#include "common/identity.h"
#include "indexer/index_writer.h"
#include "indexer/readers/jsonl.h"
#include "indexer/sources.h"

namespace {

using namespace morgue;
namespace fs = std::filesystem;

// morgue-index's shards when building: one per core (indexer/index_writer.cc).
unsigned threads = std::max(1u, std::thread::hardware_concurrency());

double cpu_seconds() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return static_cast<double>(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
         static_cast<double>(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

// Runs `step` and prints "name wall_seconds cpu_seconds" (all threads' CPU).
template <class Step>
void timed(const char* name, Step&& step) {
  const auto wall = std::chrono::steady_clock::now();
  const double cpu = cpu_seconds();
  step();
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - wall).count();
  std::printf("%s %.2f %.2f\n", name, seconds, cpu_seconds() - cpu);
  std::fflush(stdout);
}

// fn(thread, begin, end) on `threads` threads, each with its share of [0, n).
template <class Fn>
void in_parallel(std::size_t n, Fn&& fn) {
  std::vector<std::thread> running;
  for (unsigned t = 0; t < threads; ++t) running.emplace_back(fn, t, n * t / threads, n * (t + 1) / threads);
  for (auto& t : running) t.join();
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"morgue-index's steps one after the other, and libxapian's floor under them"};
  std::vector<std::string> inputs;
  std::string work, map;
  bool no_entities = false;
  unsigned batch = indexer::WriterOptions{}.batch_size;
  std::vector<unsigned> batch_sizes;
  app.add_option("inputs", inputs, "what morgue-index reads")->required();
  app.add_option("--work", work, "an empty directory for the shards and the compacted index")->required();
  app.add_option("--map", map, "JSON Lines field mapping, as morgue-index --map");
  app.add_flag("--no-entities", no_entities, "skip tagging, as morgue-index --no-entities");
  app.add_option("--threads", threads, "threads (and shards) for each step")
      ->capture_default_str()
      ->check(CLI::Range(1, 64));
  app.add_option("--batch", batch, "articles per commit")->capture_default_str();
  app.add_option("--write-batches", batch_sizes,
                 "time only the write step, once per batch size in turn, three rounds (no compaction)")
      ->delimiter(',');
  CLI11_PARSE(app, argc, argv);

  indexer::SourceOptions options;
  if (!map.empty()) options.mapping = indexer::parse_field_mapping(map);
  std::vector<fs::path> paths(inputs.begin(), inputs.end());
  std::vector<Article> articles;
  std::size_t failed = 0;
  timed("read", [&] {
    indexer::read_inputs(paths, options,
                         {.article = [&](Article&& a) { articles.push_back(std::move(a)); },
                          .error = [&](const InputError&) { ++failed; },
                          .skipped = [](const std::string&, const std::string&) {},
                          .file_done = nullptr});
  });
  std::fprintf(stderr, "index-floor: %zu articles (%zu records failed)\n", articles.size(), failed);

  const fs::path dir(work);
  const auto shard = [&](unsigned t) { return (dir / ("shard-" + std::to_string(t))).string(); };
  if (!no_entities) {
    timed("entities", [&] {
      in_parallel(articles.size(), [&](unsigned, std::size_t begin, std::size_t end) {
        for (std::size_t i = begin; i < end; ++i)
          articles[i].entities = entities::EntityExtractor::embedded().extract(articles[i]);
      });
    });
  }

  std::vector<Xapian::Document> docs(articles.size());
  timed("build", [&] {
    in_parallel(articles.size(), [&](unsigned, std::size_t begin, std::size_t end) {
      DocumentBuilder builder;
      for (std::size_t i = begin; i < end; ++i)
        docs[i] = builder.build(articles[i], document_id(articles[i]), content_fingerprint(articles[i]));
    });
  });

  // Each shard written by its own thread, a commit every `per_commit` articles.
  const auto write = [&](unsigned per_commit) {
    in_parallel(docs.size(), [&](unsigned t, std::size_t begin, std::size_t end) {
      Xapian::WritableDatabase db(shard(t), Xapian::DB_CREATE | Xapian::DB_NO_SYNC);
      for (std::size_t i = begin; i < end; ++i) {
        db.add_document(docs[i]);
        if ((i - begin + 1) % per_commit == 0) db.commit();
      }
      db.commit();
    });
  };
  if (!batch_sizes.empty()) {
    for (int round = 0; round < 3; ++round) {
      for (unsigned size : batch_sizes) {
        for (unsigned t = 0; t < threads; ++t) fs::remove_all(shard(t));
        timed(("write/batch=" + std::to_string(size)).c_str(), [&] { write(size); });
      }
    }
    return 0;
  }
  timed("write", [&] { write(batch); });
  timed("compact", [&] {
    Xapian::Database all;
    for (unsigned t = 0; t < threads; ++t) all.add_database(Xapian::Database(shard(t)));
    all.compact((dir / "compacted").string());
  });
  return 0;
}
