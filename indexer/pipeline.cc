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
  if (options.writer.rebuild) {
    for (const auto& input : inputs) {
      if (!std::filesystem::exists(input)) {
        throw Error(input.string() +
                    ": no such file or directory; a rebuild from the other inputs would replace the live index "
                    "with less");
      }
    }
  }
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
  unsigned long articles = 0;
  unsigned long revisits = 0;
  std::uintmax_t done_bytes = 0;       // input files read to the end
  std::uintmax_t file_text_bytes = 0;  // text read from the current file
  IndexStats running;                  // what the progress line shows: articles read, failures so far
  ReadSink sink{
      [&](Article&& a) {
        if (callbacks.interrupted()) throw Interrupted{};
        text_bytes += a.headline.size() + a.body.size();
        file_text_bytes += a.headline.size() + a.body.size();
        writer.add(std::move(a));
        ++articles;
        running.added = articles;
        // Within a file, its text read so far stands in for its bytes.
        callbacks.progress(running, done_bytes + file_text_bytes);
      },
      [&](const InputError& e) {
        callbacks.message(e.what());
        ++stats.failed;
        ++running.failed;
      },
      [&](const std::string& where, const std::string& reason) {
        // A WARC revisit record is the crawler saying "same as before".
        if (reason == "revisit") {
          ++revisits;
        } else {
          // Worth a line of its own: the page is lost to search, not just uninteresting.
          if (reason == "too-large") callbacks.message(where + ": skipped: the page is larger than the 20 MB bound");
          ++stats.skipped[reason];
        }
      },
      [&](std::uintmax_t bytes) {
        done_bytes += bytes;
        file_text_bytes = 0;
      },
  };
  try {
    read_inputs(inputs, options.sources, sink);
  } catch (const Interrupted&) {
    result.interrupted = true;
  }
  // An interrupted build of a new index is abandoned by the writer's destructor;
  // an interrupted update commits what was read. A rebuild that read no article is
  // abandoned too: swapped in, it would empty the live index.
  result.nothing_read = options.writer.rebuild && !result.interrupted && articles == 0;
  result.abandoned = (result.interrupted && writer.building()) || result.nothing_read;
  if (!result.abandoned) writer.finish();
  for (const auto& m : writer.take_failures()) {
    callbacks.message(m);
    ++stats.failed;
  }
  const WriteCounts counts = writer.counts();
  stats.added = counts.added;
  stats.updated = counts.updated;
  stats.unchanged = counts.unchanged + revisits;
  if (counts.older) stats.skipped[kSkippedOlder] += counts.older;
  if (counts.duplicate) stats.skipped[kSkippedReadTwice] += counts.duplicate;
  stats.documents = writer.doc_count();
  stats.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  stats.text_megabytes = static_cast<double>(text_bytes) / 1e6;
  return result;
}

}  // namespace morgue::indexer
