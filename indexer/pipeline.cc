#include "indexer/pipeline.h"

#include <chrono>

#include "common/errors.h"

namespace morgue::indexer {
namespace {

// Thrown out of the reader callbacks to stop at a record boundary; deliberately not
// a std::exception, so that no per-record handler in a reader swallows it.
struct Interrupted {};

}  // namespace

PipelineResult run_pipeline(const std::filesystem::path& db_dir, const std::vector<std::filesystem::path>& inputs,
                            const PipelineOptions& options, const PipelineCallbacks& callbacks) {
  const auto started = std::chrono::steady_clock::now();
  PipelineResult result;
  IndexStats& stats = result.stats;
  IndexWriter writer(db_dir, options.writer);
  std::uintmax_t text_bytes = 0;

  for (const auto& d : options.deletes) {
    if (writer.remove(d)) {
      ++stats.deleted;
    } else {
      callbacks.message("--delete " + d + ": no such article in the index");
      ++stats.failed;
    }
  }
  ReadSink sink{
      [&](Article&& a) {
        if (callbacks.interrupted()) throw Interrupted{};
        text_bytes += a.headline.size() + a.body.size();
        try {
          switch (writer.add(a)) {
            case Outcome::kAdded:
              ++stats.added;
              break;
            case Outcome::kUpdated:
              ++stats.updated;
              break;
            case Outcome::kUnchanged:
              ++stats.unchanged;
              break;
            case Outcome::kOlder:
              ++stats.skipped["older-version"];
              break;
          }
        } catch (const Xapian::Error& e) {
          callbacks.message(a.source + ": cannot index: " + e.get_description());
          ++stats.failed;
        }
        callbacks.progress(stats, text_bytes);
      },
      [&](const InputError& e) {
        callbacks.message(e.what());
        ++stats.failed;
      },
      [&](const std::string&, const std::string& reason) { ++stats.skipped[reason]; },
  };
  try {
    read_inputs(inputs, options.sources, sink);
  } catch (const Interrupted&) {
    result.interrupted = true;
  }
  // An interrupted rebuild is abandoned by the writer's destructor; anything else
  // commits what was read.
  if (!(result.interrupted && options.writer.rebuild)) writer.finish();
  stats.documents = writer.doc_count();
  stats.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  stats.text_megabytes = static_cast<double>(text_bytes) / 1e6;
  return result;
}

}  // namespace morgue::indexer
