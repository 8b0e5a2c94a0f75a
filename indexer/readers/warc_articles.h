// From WARC records to articles: which records hold HTML pages, what each page is
// handed to the HTML extractor with, and why every other record is skipped.
//
// Skip reasons (ReadSink::skipped, stable keys counted in the summary):
//   revisit            an unchanged capture; `where` is its WARC-Target-URI, so the
//                      indexer can count the page as unchanged
//   warc-warcinfo, warc-request, warc-metadata, warc-conversion, warc-continuation,
//   warc-unknown-type  records that never hold a page
//   http-3xx, http-404, http-<status>   responses other than 200
//   not-html           a payload that is neither text/html nor application/xhtml+xml
//                      (nor sniffed as HTML when it has no Content-Type)
//   too-large          a block or decoded payload over the cap
//   empty-page         an HTML 200 response with no body
//   not-article        the extractor found no article in the page
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>

#include "common/date.h"
#include "indexer/readers/reader.h"
#include "indexer/readers/warc.h"

namespace morgue::indexer {

constexpr std::size_t kMaxWarcPayloadBytes = 20u << 20;

// One HTML page from a response or resource record, ready for extract_html_article.
struct WarcPage {
  std::string url;              // WARC-Target-URI
  std::optional<Date> fetched;  // WARC-Date's day
  std::string charset;          // the charset parameter of the payload's Content-Type, lowercased
  std::string html;             // the payload with its codings undone, still in its charset
  std::string where;            // "file@offset"
};

struct WarcTriage {
  std::optional<WarcPage> page;
  std::string skip_reason;  // when there is no page
};

// Throws InputError(record.where, ...) for a payload that cannot be read: no HTTP
// status line, a bad chunk, corrupt compressed data, an unknown content coding.
[[nodiscard]] WarcTriage triage_warc_record(WarcRecord&& record, std::size_t max_payload_bytes = kMaxWarcPayloadBytes);

// A .warc or .warc.gz file: each HTML page through extract_html_article. The article's
// url falls back to the Target-URI, its date to the WARC-Date's day, and its source
// is "file@offset".
void read_warc(const std::filesystem::path& file, const ReadSink& sink);

}  // namespace morgue::indexer
