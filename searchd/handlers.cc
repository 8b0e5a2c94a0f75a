#include "searchd/handlers.h"

#include <algorithm>
#include <charconv>
#include <climits>
#include <new>

#include "common/errors.h"
#include "common/json_writer.h"
#include "common/text_util.h"
#include "searchd/web_page.h"

namespace morgue::searchd {
namespace {

// The parameter's single value, or nullptr. Repeating a one-valued parameter is an
// error rather than a silent pick: a shared link should mean one thing.
const std::string* single(const Params& params, const char* name) {
  const auto [begin, end] = params.equal_range(name);
  if (begin == end) return nullptr;
  if (std::next(begin) != end) throw QueryError(name, std::string(name) + " is given more than once");
  return &begin->second;
}

unsigned parse_count(const std::string& text, const char* name) {
  unsigned long long value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || end != text.data() + text.size() || (ec != std::errc() && ec != std::errc::result_out_of_range)) {
    throw QueryError(name, std::string(name) + " must be a non-negative integer, not '" + text + "'");
  }
  // Out of range is left for validate() to reject with the bound in its message.
  return ec == std::errc::result_out_of_range || value > UINT_MAX ? UINT_MAX : static_cast<unsigned>(value);
}

constexpr unsigned kDefaultSuggestions = 10;

Reply json_reply(std::string body) {
  Reply r;
  r.body = std::move(body);
  return r;
}

// Runs a handler body and maps what it throws; never lets anything escape.
template <class Fn>
Reply guarded(Fn&& fn) noexcept {
  try {
    try {
      return fn();
    } catch (const QueryError& e) {
      return error_reply(400, "bad_request", e.what(), e.parameter());
    } catch (const IndexUnavailable& e) {
      return error_reply(503, "index_unavailable", e.what());
    } catch (const Xapian::QueryParserError& e) {
      return error_reply(400, "bad_request", "query syntax error: " + e.get_msg(), "q");
    } catch (const Xapian::WildcardError& e) {
      return error_reply(400, "bad_request", "wildcard matches too many terms: " + e.get_msg(), "q");
    } catch (const Xapian::DatabaseError& e) {
      return error_reply(503, "index_unavailable", "the index cannot be read right now: " + e.get_description());
    } catch (const Xapian::Error& e) {
      return error_reply(500, "internal", e.get_description());
    } catch (const std::bad_alloc&) {
      return error_reply(503, "overloaded", "out of memory");
    } catch (const std::exception& e) {
      return error_reply(500, "internal", e.what());
    } catch (...) {
      return error_reply(500, "internal", "unknown error");
    }
  } catch (...) {
    // Building the error reply itself failed (out of memory): a fixed body.
    Reply r;
    r.status = 503;
    r.body = R"({"error":{"code":"overloaded","message":"out of memory"}})";
    return r;
  }
}

}  // namespace

SearchRequest parse_search_params(const Params& params) {
  SearchRequest request;
  if (const auto* q = single(params, "q")) request.query = *q;
  for (auto [it, end] = params.equal_range("outlet"); it != end; ++it) {
    if (!it->second.empty()) request.outlets.push_back(it->second);
  }
  for (auto [it, end] = params.equal_range("entity"); it != end; ++it) {
    if (!it->second.empty()) request.entities.push_back(it->second);
  }
  if (const auto* from = single(params, "from"); from && !from->empty()) {
    request.from = parse_date_param("from", *from);
  }
  if (const auto* to = single(params, "to"); to && !to->empty()) request.to = parse_date_param("to", *to);
  if (const auto* sort = single(params, "sort")) request.sort = parse_sort(*sort);
  if (const auto* recency = single(params, "recency"); recency && !recency->empty())
    request.recency_half_life_days = parse_half_life(*recency);
  if (const auto* asof = single(params, "asof"); asof && !asof->empty()) request.asof = parse_date_param("asof", *asof);
  if (const auto* match = single(params, "match")) request.match_any = parse_match(*match);
  if (const auto* feedback = single(params, "feedback")) request.feedback = parse_flag("feedback", *feedback);
  if (const auto* offset = single(params, "offset")) request.offset = parse_count(*offset, "offset");
  if (const auto* limit = single(params, "limit")) request.limit = parse_count(*limit, "limit");
  if (const auto* facets = single(params, "facets")) {
    for (const auto& f : split(*facets, ',')) {
      const auto name = trim(f);
      if (!name.empty()) request.facets.push_back(parse_facet(name));
    }
  }
  validate(request);
  return request;
}

Reply error_reply(int status, std::string_view code, std::string_view message, std::string_view parameter) {
  Reply r;
  r.status = status;
  r.body = error_json(code, message, parameter);
  return r;
}

Reply Handlers::search(const Params& params) noexcept {
  return guarded([&] {
    const SearchRequest request = parse_search_params(params);
    return json_reply(pool_.with_searcher([&](Searcher& s) { return to_json(s.search(request)); }));
  });
}

Reply Handlers::doc(const std::string& id_or_url) noexcept {
  return guarded([&] {
    const auto found = pool_.with_searcher([&](Searcher& s) -> std::optional<std::string> {
      const auto stored = s.find(id_or_url);
      if (!stored) return std::nullopt;
      return to_json(stored->article, stored->id);
    });
    if (!found) return error_reply(404, "not_found", "no document with id or URL '" + id_or_url + "'", "id");
    return json_reply(*found);
  });
}

Reply Handlers::entities(const Params& params) noexcept {
  return guarded([&] {
    const std::string* prefix = single(params, "prefix");
    if (prefix && prefix->size() > kMaxQueryBytes) throw QueryError("prefix", "prefix is too long");
    std::optional<EntityType> type;
    if (const auto* t = single(params, "type"); t && !t->empty()) {
      type = parse_entity_type(*t);
      if (!type) throw QueryError("type", "type must be person, organization, place or other, not '" + *t + "'");
    }
    unsigned limit = kDefaultSuggestions;
    if (const auto* l = single(params, "limit")) limit = parse_count(*l, "limit");
    if (limit > kMaxLimit) throw QueryError("limit", "limit must be at most " + std::to_string(kMaxLimit));
    const std::string p = prefix ? *prefix : std::string();
    return json_reply(pool_.with_searcher([&](Searcher& s) { return to_json(p, s.suggest_entities(p, type, limit)); }));
  });
}

Reply Handlers::health() noexcept {
  return guarded([&] {
    const auto [documents, generation] = pool_.with_searcher([](Searcher& s) {
      return std::pair{static_cast<unsigned long long>(s.doc_count()), s.generation()};
    });
    // Built by hand: three fixed fields, and the generation label is [a-z0-9:-].
    return json_reply(R"({"status":"ok","documents":)" + std::to_string(documents) + R"(,"generation":")" + generation +
                      "\"}");
  });
}

Reply Handlers::metrics() noexcept {
  return guarded([&] {
    const IndexSnapshot seen = pool_.last_seen();
    Reply r;
    r.content_type = "text/plain; version=0.0.4; charset=utf-8";
    const BackgroundFacetColumns::Stats columns = pool_.facet_columns_stats();
    r.body = metrics_.render({seen.available, seen.documents, seen.generation, pool_.reloads(), pool_.waiting(),
                              columns.builds, columns.last_build_seconds});
    return r;
  });
}

Reply Handlers::page(std::string_view path) noexcept {
  return guarded([&] {
    const WebAsset* asset = find_web_asset(path);
    if (!asset) return http_error(404, path);
    Reply r;
    r.content_type = asset->content_type;
    r.body = asset->body;
    // The page inserts server-made HTML (snippets): a strict policy means that even
    // a bug there cannot load or run anything from elsewhere.
    r.headers = {{"Content-Security-Policy",
                  "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
                  "img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"},
                 {"Cache-Control", "no-cache"}};
    return r;
  });
}

Reply Handlers::http_error(int status, std::string_view path, std::string_view target) noexcept {
  return guarded([&] {
    switch (status) {
      case 404:
        return error_reply(404, "not_found", "no such endpoint: " + std::string(path.substr(0, 200)));
      case 405:
        return error_reply(405, "method_not_allowed", "only GET and HEAD are supported");
      case 413:
        return error_reply(413, "payload_too_large", "request bodies are not accepted");
      case 414:
        return error_reply(414, "uri_too_long", "the request URI is too long");
      case 503:
        return error_reply(503, "overloaded", "the server is busy; try again");
      default:
        if (status >= 500) return error_reply(status, "internal", "internal server error");
        // httplib 0.11 refuses a request target with two '?' separating text ("q=why?&x").
        if (std::count(target.begin(), target.end(), '?') > 1) {
          return error_reply(status, "bad_request", "malformed HTTP request: a '?' in a parameter value is written %3F");
        }
        return error_reply(status, "bad_request", "malformed HTTP request");
    }
  });
}

}  // namespace morgue::searchd
