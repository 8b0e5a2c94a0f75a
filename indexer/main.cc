// morgue-index: reads crawled articles and builds or updates a morgue index.
// A thin main: options here, the work in indexer/pipeline.h.
#include <csignal>
#include <iostream>

#include <unistd.h>

#include "common/command_line.h"
#include "common/errors.h"
#include "common/identity.h"
#include "common/json_writer.h"
#include "indexer/pipeline.h"
#include "indexer/progress.h"
#include "indexer/readers/jsonl.h"

namespace {

namespace fs = std::filesystem;
using namespace morgue;
using namespace morgue::indexer;

volatile std::sig_atomic_t g_interrupted = 0;
extern "C" void on_signal(int) { g_interrupted = 1; }

std::uintmax_t input_bytes(const std::vector<fs::path>& inputs) {
  std::uintmax_t total = 0;
  std::error_code ec;
  for (const auto& p : inputs) {
    if (fs::is_regular_file(p, ec)) {
      total += fs::file_size(p, ec);
    } else if (fs::is_directory(p, ec)) {
      for (const auto& e : fs::recursive_directory_iterator(p, ec)) {
        if (e.is_regular_file(ec)) total += e.file_size(ec);
      }
    }
  }
  return total;
}

int extract(const std::vector<fs::path>& inputs, const SourceOptions& options) {
  unsigned long failed = 0;
  ReadSink sink{
      [](Article&& a) { std::cout << to_json(a, document_id(a)) << '\n'; },
      [&](const InputError& e) {
        ++failed;
        std::cerr << e.what() << '\n';
      },
      [](const std::string&, const std::string&) {},
      nullptr,
  };
  read_inputs(inputs, options, sink);
  return failed ? 1 : 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"morgue-index: index crawled news articles for morgue-search and morgued"};
  std::string db;
  std::vector<fs::path> inputs;
  std::string map_spec, map_file;
  bool json = false, quiet = false, extract_only = false;
  PipelineOptions options;
  app.add_option("inputs", inputs,
                 "files or directories: MANIFEST.tsv folders, .txt, .jsonl(.gz), .sgm, .html(.gz), .warc(.gz)");
  app.add_option("--db", db, "index directory (created if missing)");
  app.add_flag("--rebuild", options.writer.rebuild, "build a fresh index beside the live one, swap it in when done");
  // One value each time: "--delete ID FILE" must read FILE, not delete it.
  app.add_option("--delete", options.deletes, "remove the article with this id or URL (repeatable)")
      ->allow_extra_args(false);
  app.add_option("--map", map_spec, "JSON Lines field mapping, e.g. headline=title,body=content_original");
  app.add_option("--map-file", map_file, "file with one 'field = key' mapping per line")->excludes("--map");
  bool no_entities = false;
  app.add_flag("--no-entities", no_entities, "do not tag people, organisations and places (faster)");
  app.add_option("--batch", options.writer.batch_size, "articles per commit")
      ->check(CLI::Range(1u, 1000000u))
      ->capture_default_str();
  app.add_flag("--extract", extract_only, "print each article as the index would get it (JSON lines); no index");
  app.add_flag("--json", json, "print the summary as JSON on stdout");
  app.add_flag("-q,--quiet", quiet, "no progress line");
  if (const auto status = cli::parse(app, argc, argv, {.program = "morgue-index"})) return *status;
  options.writer.entities = !no_entities;

  try {
    if (!map_file.empty()) options.sources.mapping = load_field_mapping_file(map_file);
    if (!map_spec.empty()) options.sources.mapping = parse_field_mapping(map_spec);
    if (extract_only) return extract(inputs, options.sources);
    if (db.empty()) {
      std::cerr << "morgue-index: --db is required\n";
      return 2;
    }
    if (options.writer.rebuild && !options.deletes.empty()) {
      std::cerr << "morgue-index: --delete and --rebuild do not go together: a rebuild indexes only its inputs\n";
      return 2;
    }
    if (inputs.empty() && options.writer.rebuild) {
      std::cerr << "morgue-index: --rebuild builds a new index from the inputs named, and none is\n";
      return 2;
    }
    if (inputs.empty() && options.deletes.empty()) {
      std::cerr << "morgue-index: nothing to do: name input files or directories, or --delete\n";
      return 2;
    }

    std::signal(SIGINT, on_signal);
    std::signal(SIGTERM, on_signal);
    Progress progress(!quiet && !json && ::isatty(STDERR_FILENO), input_bytes(inputs));
    PipelineCallbacks callbacks;
    callbacks.message = [&](const std::string& m) {
      progress.clear();
      std::cerr << m << '\n';
    };
    callbacks.progress = [&](const IndexStats& s, std::uintmax_t bytes) { progress.update(s, bytes); };
    callbacks.interrupted = [] { return g_interrupted != 0; };

    const PipelineResult result = run_pipeline(db, inputs, options, callbacks);
    progress.clear();
    if (json) {
      std::cout << to_json(result.stats) << '\n';
    } else {
      std::cerr << summary_line(result.stats) << '\n';
    }
    if (result.nothing_read) {
      std::cerr << "morgue-index: the rebuild read no article; the live index is left as it was\n";
      return 1;
    }
    if (result.interrupted) {
      std::cerr << (result.abandoned
                        ? "morgue-index: interrupted; the new index is abandoned, the live one is unchanged\n"
                        : "morgue-index: interrupted; what was read so far is committed\n");
      return 130;
    }
    return result.stats.failed ? 1 : 0;
  } catch (const Error& e) {
    std::cerr << "morgue-index: " << e.what() << '\n';
    return 2;
  } catch (const Xapian::Error& e) {
    std::cerr << "morgue-index: " << e.get_description() << '\n';
    return 2;
  } catch (const std::filesystem::filesystem_error& e) {
    std::cerr << "morgue-index: " << e.what() << '\n';
    return 2;
  }
}
