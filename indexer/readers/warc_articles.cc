#include "indexer/readers/warc_articles.h"

#include <algorithm>
#include <array>
#include <string_view>
#include <utility>

#include "common/text_util.h"
#include "indexer/readers/html.h"
#include "indexer/readers/http_payload.h"

namespace morgue::indexer {
namespace {

// WARC-Type -> why such a record is skipped; response, resource and revisit are
// handled in triage_warc_record().
constexpr std::array<std::pair<std::string_view, std::string_view>, 5> kSkippedTypes = {{
    {"warcinfo", "warc-warcinfo"},
    {"request", "warc-request"},
    {"metadata", "warc-metadata"},
    {"conversion", "warc-conversion"},
    {"continuation", "warc-continuation"},
}};

bool is_html_type(std::string_view media_type) {
  return media_type == "text/html" || media_type == "application/xhtml+xml";
}

// For payloads served without a Content-Type: the start of an HTML document.
bool looks_like_html(std::string_view body) {
  if (body.starts_with("\xEF\xBB\xBF")) body.remove_prefix(3);
  const auto start = body.find_first_not_of(" \t\r\n");
  if (start == std::string_view::npos) return false;
  body = body.substr(start);
  return starts_with_ci(body, "<!doctype html") || starts_with_ci(body, "<html");
}

std::string status_reason(int status) {
  return status >= 300 && status < 400 ? std::string("http-3xx") : "http-" + std::to_string(status);
}

WarcTriage skip(std::string reason) { return {std::nullopt, std::move(reason)}; }

// The payload of a response record: its HTTP status and Content-Type decide before
// any decoding is paid for.
WarcTriage triage_response(WarcRecord& record, std::size_t max_payload_bytes, WarcPage& page) {
  if (!starts_with_ci(record.content_type, "application/http")) return skip("not-html");  // dns:, text/dns
  const HttpResponse response = parse_http_response(record.block);
  if (response.status != 200) return skip(status_reason(response.status));
  const auto content_type = response.header("Content-Type");
  const MediaType media = parse_media_type(content_type.value_or(""));
  if (!media.type.empty() && !is_html_type(media.type)) return skip("not-html");
  try {
    page.html = decoded_body(response, max_payload_bytes);
  } catch (const PayloadTooLarge&) {
    return skip("too-large");
  }
  if (media.type.empty() && !looks_like_html(page.html)) return skip("not-html");
  page.charset = media.charset;
  return {};
}

}  // namespace

WarcTriage triage_warc_record(WarcRecord&& record, std::size_t max_payload_bytes) {
  for (const auto& [type, reason] : kSkippedTypes) {
    if (record.type == type) return skip(std::string(reason));
  }
  if (record.type == "revisit") return skip("revisit");
  if (record.type != "response" && record.type != "resource") return skip("warc-unknown-type");
  if (record.block_too_large) return skip("too-large");

  WarcPage page;
  try {
    if (record.type == "response") {
      WarcTriage triage = triage_response(record, max_payload_bytes, page);
      if (!triage.skip_reason.empty()) return triage;
    } else {  // resource: the block is the payload and Content-Type its media type
      const MediaType media = parse_media_type(record.content_type);
      if (!is_html_type(media.type) && !(media.type.empty() && looks_like_html(record.block))) return skip("not-html");
      page.charset = media.charset;
      page.html = std::move(record.block);
    }
  } catch (const PayloadError& e) {
    throw InputError(record.where, e.what());
  }
  if (page.html.find_first_not_of(" \t\r\n") == std::string::npos) return skip("empty-page");
  page.url = std::move(record.target_uri);
  page.fetched = parse_iso_date(record.date);
  page.where = std::move(record.where);
  return {std::move(page), {}};
}

void read_warc(const std::filesystem::path& file, const ReadSink& sink) {
  const auto on_record = [&](WarcRecord&& record) {
    const std::string where = record.where;
    const std::string uri = record.target_uri;
    try {
      WarcTriage triage = triage_warc_record(std::move(record));
      if (!triage.page) {
        sink.skipped(triage.skip_reason == "revisit" && !uri.empty() ? uri : where, triage.skip_reason);
        return;
      }
      WarcPage& page = *triage.page;
      const HtmlSource source{page.url, page.fetched, page.charset, page.where};
      std::optional<Article> article = extract_html_article(page.html, source);
      if (!article) {
        sink.skipped(where, "not-article");
        return;
      }
      if (article->url.empty()) article->url = page.url;
      if (!article->published) article->published = page.fetched;
      article->source = where;
      sink.article(std::move(*article));
    } catch (const InputError& e) {
      sink.error(e);
    }
  };
  read_warc_records(file, WarcOptions{.max_block_bytes = kMaxWarcPayloadBytes}, on_record, sink.error);
}

}  // namespace morgue::indexer
