#include "indexer/readers/http_payload.h"

#include <algorithm>
#include <array>
#include <cstring>

#include <brotli/decode.h>
#include <zlib.h>

#include "common/text_util.h"

namespace morgue::indexer {
namespace {

constexpr std::size_t kChunk = 1u << 16;  // decoder output step

bool equals_ci(std::string_view a, std::string_view b) { return a.size() == b.size() && starts_with_ci(a, b); }

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
  return out;
}

std::string_view trim_view(std::string_view s) {
  const auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

// Splits off the next line (without its LF or CRLF); false at the end.
bool next_line(std::string_view& text, std::string_view& line) {
  if (text.empty()) return false;
  const auto nl = text.find('\n');
  line = text.substr(0, nl);
  text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return true;
}

// For messages: the first bytes of a line, printable ASCII only.
std::string quoted(std::string_view s) {
  std::string out;
  for (const char c : s.substr(0, 60)) out += (c >= 0x20 && c < 0x7f) ? c : '?';
  return "'" + out + (s.size() > 60 ? "...'" : "'");
}

void append_capped(std::string& out, const char* data, std::size_t n, std::size_t max_bytes) {
  if (out.size() + n > max_bytes) {
    throw PayloadTooLarge("decoded payload exceeds " + std::to_string(max_bytes) + " bytes");
  }
  out.append(data, n);
}

// zlib with windowBits 15+32 reads gzip and zlib headers; -15 reads raw deflate.
// Returns false when the data is not in that format at all (nothing decoded).
bool inflate_into(std::string_view data, int window_bits, std::size_t max_bytes, std::string& out) {
  z_stream zs{};
  if (inflateInit2(&zs, window_bits) != Z_OK) throw PayloadError("cannot start zlib");
  std::array<char, kChunk> buffer;
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  int rc = Z_OK;
  try {
    for (;;) {
      zs.next_out = reinterpret_cast<Bytef*>(buffer.data());
      zs.avail_out = static_cast<uInt>(buffer.size());
      rc = inflate(&zs, Z_NO_FLUSH);
      append_capped(out, buffer.data(), buffer.size() - zs.avail_out, max_bytes);
      if (rc == Z_OK && (zs.avail_in > 0 || zs.avail_out == 0)) continue;
      // Another gzip member may follow (servers concatenate them); anything else ends it.
      if (rc == Z_STREAM_END && window_bits > 0 && zs.avail_in >= 2 && zs.next_in[0] == 0x1f && zs.next_in[1] == 0x8b) {
        inflateReset(&zs);
        continue;
      }
      break;  // the end, truncated input (Z_OK or Z_BUF_ERROR with no input left), or an error
    }
  } catch (...) {
    inflateEnd(&zs);
    throw;
  }
  const std::string message = zs.msg ? zs.msg : "corrupt data";
  inflateEnd(&zs);
  if (rc == Z_DATA_ERROR || rc == Z_NEED_DICT || rc == Z_MEM_ERROR) {
    if (out.empty()) return false;
    throw PayloadError("corrupt compressed payload: " + message);
  }
  return true;
}

std::string inflate_payload(std::string_view coding, std::string_view data, std::size_t max_bytes) {
  std::string out;
  if (inflate_into(data, 15 + 32, max_bytes, out)) return out;
  // "deflate" is often sent as raw deflate without the zlib header.
  out.clear();
  if (equals_ci(coding, "deflate") && inflate_into(data, -15, max_bytes, out)) return out;
  throw PayloadError("corrupt " + std::string(coding) + " payload");
}

std::string brotli_payload(std::string_view data, std::size_t max_bytes) {
  BrotliDecoderState* state = BrotliDecoderCreateInstance(nullptr, nullptr, nullptr);
  if (!state) throw PayloadError("cannot start the brotli decoder");
  std::string out;
  std::array<char, kChunk> buffer;
  auto next_in = reinterpret_cast<const uint8_t*>(data.data());
  std::size_t avail_in = data.size();
  BrotliDecoderResult result = BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT;
  try {
    while (result == BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT) {
      auto next_out = reinterpret_cast<uint8_t*>(buffer.data());
      std::size_t avail_out = buffer.size();
      result = BrotliDecoderDecompressStream(state, &avail_in, &next_in, &avail_out, &next_out, nullptr);
      append_capped(out, buffer.data(), buffer.size() - avail_out, max_bytes);
    }
  } catch (...) {
    BrotliDecoderDestroyInstance(state);
    throw;
  }
  const BrotliDecoderErrorCode code = BrotliDecoderGetErrorCode(state);
  BrotliDecoderDestroyInstance(state);
  if (result == BROTLI_DECODER_RESULT_ERROR) {
    throw PayloadError(std::string("corrupt br payload: ") + BrotliDecoderErrorString(code));
  }
  return out;  // NEEDS_MORE_INPUT: truncated by the crawler, keep what was decoded
}

// The codings named in a header, in the order they were applied.
std::vector<std::string> codings(std::optional<std::string_view> header) {
  std::vector<std::string> out;
  if (!header) return out;
  for (const std::string& part : split(*header, ',')) {
    std::string coding = lower(trim_view(part));
    if (!coding.empty() && coding != "identity") out.push_back(std::move(coding));
  }
  return out;
}

}  // namespace

std::optional<std::string_view> HttpResponse::header(std::string_view name) const {
  for (const HttpHeader& h : headers) {
    if (equals_ci(h.name, name)) return std::string_view(h.value);
  }
  return std::nullopt;
}

MediaType parse_media_type(std::string_view content_type) {
  MediaType media;
  std::string_view rest = content_type;
  const auto semi = rest.find(';');
  media.type = lower(trim_view(rest.substr(0, semi)));
  while (semi != std::string_view::npos && !rest.empty()) {
    const auto next = rest.find(';');
    if (next == std::string_view::npos) break;
    rest = rest.substr(next + 1);
    std::string_view param = trim_view(rest.substr(0, rest.find(';')));
    const auto eq = param.find('=');
    if (eq == std::string_view::npos || !equals_ci(trim_view(param.substr(0, eq)), "charset")) continue;
    std::string_view value = trim_view(param.substr(eq + 1));
    if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'')) value = value.substr(1, value.size() - 2);
    media.charset = lower(trim_view(value));
  }
  return media;
}

HttpResponse parse_http_response(std::string_view block) {
  HttpResponse response;
  std::string_view rest = block;
  std::string_view line;
  if (!next_line(rest, line) || !starts_with_ci(line, "HTTP/")) {
    throw PayloadError("not an HTTP response: status line " + quoted(line));
  }
  const auto space = line.find(' ');
  const std::string_view code = space == std::string_view::npos ? std::string_view() : trim_view(line.substr(space));
  if (code.size() < 3 || !std::all_of(code.begin(), code.begin() + 3, [](char c) { return c >= '0' && c <= '9'; }) ||
      (code.size() > 3 && code[3] != ' ')) {
    throw PayloadError("bad HTTP status line " + quoted(line));
  }
  response.status = (code[0] - '0') * 100 + (code[1] - '0') * 10 + (code[2] - '0');
  // Headers end at the first empty line; a block without one is all headers (a
  // response stored without its body).
  while (next_line(rest, line) && !line.empty()) {
    if ((line.front() == ' ' || line.front() == '\t') && !response.headers.empty()) {
      response.headers.back().value += ' ' + std::string(trim_view(line));  // folded header
      continue;
    }
    const auto colon = line.find(':');
    if (colon == std::string_view::npos) continue;  // not a header; browsers ignore these too
    response.headers.push_back(
        {std::string(trim_view(line.substr(0, colon))), std::string(trim_view(line.substr(colon + 1)))});
  }
  response.body = rest;
  return response;
}

std::string decode_chunked(std::string_view body, std::size_t max_bytes) {
  std::string out;
  std::string_view rest = body;
  for (bool first = true;; first = false) {
    std::string_view line;
    if (!next_line(rest, line)) return out;  // cut short before the last chunk
    const std::string_view hex = trim_view(line.substr(0, line.find(';')));
    std::size_t size = 0;
    bool valid = !hex.empty() && hex.size() <= 15;
    for (const char c : hex) {
      const int digit = (c >= '0' && c <= '9')                   ? c - '0'
                        : (c | 0x20) >= 'a' && (c | 0x20) <= 'f' ? (c | 0x20) - 'a' + 10
                                                                 : -1;
      if (digit < 0) valid = false;
      if (valid) size = size * 16 + static_cast<std::size_t>(digit);
    }
    if (!valid) {
      if (first) return std::string(body);  // not chunked after all
      throw PayloadError("bad chunk size line " + quoted(line));
    }
    if (size == 0) return out;  // trailers, if any, carry nothing we use
    const std::size_t take = std::min(size, rest.size());
    append_capped(out, rest.data(), take, max_bytes);
    rest.remove_prefix(take);
    if (rest.starts_with("\r\n")) {
      rest.remove_prefix(2);
    } else if (rest.starts_with("\n")) {
      rest.remove_prefix(1);
    }
  }
}

std::string decode_content(std::string_view coding, std::string_view data, std::size_t max_bytes) {
  if (equals_ci(coding, "gzip") || equals_ci(coding, "x-gzip") || equals_ci(coding, "deflate")) {
    return inflate_payload(coding, data, max_bytes);
  }
  if (equals_ci(coding, "br")) return brotli_payload(data, max_bytes);
  if (equals_ci(coding, "identity") || coding.empty()) {
    std::string out;
    append_capped(out, data.data(), data.size(), max_bytes);
    return out;
  }
  throw PayloadError("unknown content coding " + quoted(coding));
}

std::string decoded_body(const HttpResponse& response, std::size_t max_bytes) {
  std::string body(response.body);
  std::vector<std::string> steps = codings(response.header("Transfer-Encoding"));
  const std::vector<std::string> content = codings(response.header("Content-Encoding"));
  // Applied: content codings, then transfer codings; undone in reverse.
  steps.insert(steps.begin(), content.begin(), content.end());
  for (auto it = steps.rbegin(); it != steps.rend(); ++it) {
    body = *it == "chunked" ? decode_chunked(body, max_bytes) : decode_content(*it, body, max_bytes);
  }
  if (body.size() > max_bytes) throw PayloadTooLarge("payload exceeds " + std::to_string(max_bytes) + " bytes");
  return body;
}

}  // namespace morgue::indexer
