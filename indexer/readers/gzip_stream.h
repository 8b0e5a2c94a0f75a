// A file's bytes as a stream, gunzipped when the file is gzip (detected from its first
// bytes, not its name): every member of a multi-member file, each member's file offset
// for messages, and a bad member skipped rather than the rest of the file lost.
// Memory: two fixed buffers.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>

namespace morgue::indexer {

struct StreamEvents {
  std::function<void(std::string_view bytes)> data;  // the next (decompressed) bytes
  // A gzip member starts: its offset in the file and in the decompressed stream.
  std::function<void(std::uint64_t file_offset, std::uint64_t stream_offset)> member;
  // Bytes were lost before the next data: a corrupt or truncated member, or stray
  // bytes between members. file_offset is where the bad member or the bytes start.
  std::function<void(std::uint64_t file_offset, const std::string& message)> gap;
};

// Returns whether the file was gzip. Throws InputError("file", ...) when the file cannot
// be opened or read.
bool read_stream(const std::filesystem::path& file, const StreamEvents& events);

}  // namespace morgue::indexer
