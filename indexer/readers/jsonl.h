// JSON Lines: one article object per line (.jsonl, .ndjson, optionally .gz).
// A FieldMapping says which key of the source holds each morgue field, so a dump
// with its own names (AllSides: title, content_original, source, date, ID) is read
// without converting it first.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "indexer/readers/reader.h"

namespace morgue::indexer {

struct FieldMapping {
  std::string id = "id";
  std::string url = "url";
  std::string outlet = "outlet";
  std::string published = "published";  // "YYYY-MM-DD" or an ISO 8601 date-time
  std::string headline = "headline";
  std::string body = "body";
  std::string authors = "authors";  // an array of strings or "A, B"
  std::string lang = "lang";
};

// "headline=title,body=content_original": morgue field = source key, comma-separated;
// fields not named keep their identity mapping. Throws Error for an unknown morgue
// field or a pair without '='.
[[nodiscard]] FieldMapping parse_field_mapping(std::string_view spec);

// The same pairs in a file, one "field = key" per line; '#' starts a comment.
// Throws InputError("file:line", ...) for a bad line, or when the file cannot be read.
[[nodiscard]] FieldMapping load_field_mapping_file(const std::filesystem::path& path);

// Reads every line of `file` (gzip-compressed or not: zlib reads both). Bad lines
// are reported as "file:line" errors and skipped. The body is taken as the source
// extracted it (trimmed, no furniture rules); an article with a body but no headline
// gets its lede as headline.
void read_jsonl(const std::filesystem::path& file, const FieldMapping& mapping, const ReadSink& sink);

}  // namespace morgue::indexer
