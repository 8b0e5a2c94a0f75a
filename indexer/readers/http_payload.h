// The HTTP layer inside a WARC response record: the status line, the headers, and the
// body with its transfer coding (chunked) and content codings (gzip, deflate, br) undone.
// Works on bytes already in memory; every decoder stops at a byte cap so that a
// compression bomb costs at most the cap.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/errors.h"

namespace morgue::indexer {

// A payload that cannot be decoded (bad chunk size, corrupt gzip, unknown coding).
// Carries no location: the WARC reader adds the record's "file@offset".
class PayloadError : public Error {
 public:
  using Error::Error;
};

// A payload that would decode to more than the cap; the record is skipped, not failed.
class PayloadTooLarge : public Error {
 public:
  using Error::Error;
};

struct HttpHeader {
  std::string name;
  std::string value;
};

struct HttpResponse {
  int status = 0;
  std::vector<HttpHeader> headers;
  std::string_view body;  // as stored: still transfer- and content-coded; points into the block

  // The first header of that name (case-insensitive), trimmed.
  [[nodiscard]] std::optional<std::string_view> header(std::string_view name) const;
};

// "text/html; charset=ISO-8859-1" -> {"text/html", "iso-8859-1"} (both lowercased).
struct MediaType {
  std::string type;  // "" when the header is absent or empty
  std::string charset;
};
[[nodiscard]] MediaType parse_media_type(std::string_view content_type);

// Accepts CRLF or bare LF line ends (real crawls have both). Throws PayloadError when
// the block does not start with an HTTP status line.
[[nodiscard]] HttpResponse parse_http_response(std::string_view block);

// Undoes "Transfer-Encoding: chunked". A body that does not start with a chunk-size
// line is returned unchanged (some tools de-chunk but keep the header); a body cut
// short by the crawler keeps the chunks it has.
[[nodiscard]] std::string decode_chunked(std::string_view body, std::size_t max_bytes);

// Undoes one content coding: "gzip"/"x-gzip", "deflate" (zlib or raw), "br",
// "identity". Throws PayloadError for an unknown coding or corrupt data and
// PayloadTooLarge past max_bytes. Truncated compressed data keeps what it decoded.
[[nodiscard]] std::string decode_content(std::string_view coding, std::string_view data, std::size_t max_bytes);

// The body with Transfer-Encoding and then Content-Encoding undone, in the reverse of
// the order they were applied.
[[nodiscard]] std::string decoded_body(const HttpResponse& response, std::size_t max_bytes);

}  // namespace morgue::indexer
