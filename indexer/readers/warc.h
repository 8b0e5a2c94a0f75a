// WARC files record by record: WARC/1.0, 1.1 and the pre-standard 0.17 that Heritrix
// wrote, plain or gzip-compressed (one member per record as crawlers write them, or the
// whole file as one stream). Streams: memory is bounded by the read buffers plus one
// record's header and (capped) content block, whatever the file size.
//
// Bad input is reported and skipped, never fatal: garbage between records, a record
// whose Content-Length overruns the file, a truncated or corrupt gzip member. After
// each, reading resumes at the next "WARC/" line (or the next gzip member).
//
// Record positions are "file@offset": the byte offset of the record in a plain file; in
// a .gz file the offset of the gzip member it starts in (as CDX indexes give it, so
// `tail -c +$((offset+1)) file | zcat | head` shows it), plus "+n" bytes into the
// decompressed member when a member holds more than one record.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/errors.h"

namespace morgue::indexer {

struct WarcRecord {
  std::string where;         // "file@offset" (see above), for messages and Article::source
  std::uint64_t offset = 0;  // in the decompressed stream
  std::string version;       // "WARC/1.0"
  std::vector<std::pair<std::string, std::string>> fields;  // every named field, in order
  // The fields the indexer uses, trimmed; "" when absent. Target-URI loses the angle
  // brackets some writers (wget) put around it.
  std::string type;            // WARC-Type: response, resource, revisit, request, ...
  std::string target_uri;      // WARC-Target-URI
  std::string date;            // WARC-Date, ISO 8601
  std::string record_id;       // WARC-Record-ID
  std::string refers_to;       // WARC-Refers-To
  std::string payload_digest;  // WARC-Payload-Digest
  std::string content_type;    // Content-Type of the block
  std::uint64_t content_length = 0;
  // The content block. Kept only for response and resource records (the others are
  // skipped unread) and only up to WarcOptions::max_block_bytes.
  std::string block;
  bool block_too_large = false;  // Content-Length exceeded the cap: block is empty

  // The first field of that name (case-insensitive).
  [[nodiscard]] std::optional<std::string_view> field(std::string_view name) const;
};

struct WarcOptions {
  std::uint64_t max_block_bytes = 20u << 20;
  bool keep_all_blocks = false;  // also keep request, metadata, ... blocks (tests, tools)
};

// The push parser under read_warc_records(): feed it the decompressed stream in pieces
// of any size. Exposed for the fuzzer and for callers with their own input.
class WarcParser {
 public:
  using RecordFn = std::function<void(WarcRecord&&)>;
  // offset is in the decompressed stream; message says what was wrong.
  using ErrorFn = std::function<void(std::uint64_t offset, const std::string& message)>;

  WarcParser(const WarcOptions& options, RecordFn on_record, ErrorFn on_error);

  void feed(std::string_view bytes);
  // The input has ended: reports a record left incomplete.
  void finish();
  // The stream has a gap (a corrupt gzip member was skipped): the record being read,
  // if any, is dropped without a message (the caller reported the gap), and parsing
  // resumes at the next "WARC/" line.
  void resync();
  // Where the record being read starts (or the current position between records):
  // offsets before it are no longer needed to name anything.
  [[nodiscard]] std::uint64_t pending_offset() const;

 private:
  enum class State { kBetween, kVersion, kGarbage, kHeader, kBlock };
  std::size_t take_version(std::string_view bytes);
  std::size_t take_header(std::string_view bytes);
  std::size_t take_block(std::string_view bytes);
  void start_record();
  void end_header(std::uint64_t block_start);
  void emit();
  void note_garbage(std::uint64_t at);
  void report_garbage();

  WarcOptions options_;
  RecordFn on_record_;
  ErrorFn on_error_;
  State state_ = State::kBetween;
  std::uint64_t position_ = 0;      // bytes consumed so far
  std::uint64_t record_start_ = 0;  // of the record being read
  std::optional<std::uint64_t> garbage_start_;
  bool garbage_reported_ = false;  // the garbage follows a record already reported
  std::string line_;               // the version line, or the header block
  std::uint64_t remaining_ = 0;    // block bytes still to come
  bool keep_block_ = false;
  WarcRecord record_;
};

// Reads a .warc or .warc.gz file (compression is detected from the bytes, not the
// name). on_error receives InputError("file@offset", message); neither callback
// should throw.
void read_warc_records(const std::filesystem::path& file, const WarcOptions& options,
                       const std::function<void(WarcRecord&&)>& on_record,
                       const std::function<void(const InputError&)>& on_error);

}  // namespace morgue::indexer
