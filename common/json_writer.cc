#include "common/json_writer.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "common/date.h"
#include "common/text_util.h"

namespace morgue {
namespace {

using JsonWriter = rapidjson::Writer<rapidjson::StringBuffer>;

// Every string goes through here, keys too, and comes out valid UTF-8. RapidJSON's
// writer copies bytes as they are, and strings reach it from users (a query's %FF, a
// /doc/ id, an /entities prefix) and from files: one stray byte and no strict parser
// reads the document. Each ill-formed sequence (stray or truncated bytes, overlong
// forms, UTF-16 surrogates) becomes one U+FFFD per maximal subpart, Unicode's rule,
// which ICU's U8_NEXT follows (text_util.h's repair_utf8); valid text, nearly always,
// is written as is without a copy.
template <typename Write>
void write_utf8(std::string_view s, Write write) {
  if (is_valid_utf8(s)) {
    write(s.data(), static_cast<rapidjson::SizeType>(s.size()));
    return;
  }
  const std::string repaired = repair_utf8(s);
  write(repaired.data(), static_cast<rapidjson::SizeType>(repaired.size()));
}

void key(JsonWriter& w, std::string_view k) {
  write_utf8(k, [&](const char* s, rapidjson::SizeType n) { w.Key(s, n); });
}

void string(JsonWriter& w, std::string_view value) {
  write_utf8(value, [&](const char* s, rapidjson::SizeType n) { w.String(s, n); });
}

void put(JsonWriter& w, std::string_view k, std::string_view value) {
  key(w, k);
  string(w, value);
}

const char* sort_name(SortOrder s) { return s == SortOrder::kDate ? "date" : "relevance"; }

}  // namespace

std::string to_json(const SearchResponse& r) {
  rapidjson::StringBuffer buf;
  JsonWriter w(buf);
  w.StartObject();
  put(w, "query", r.query);
  key(w, "total");
  w.Uint64(r.total);
  key(w, "total_exact");
  w.Bool(r.total_exact);
  key(w, "offset");
  w.Uint(r.offset);
  key(w, "limit");
  w.Uint(r.limit);
  put(w, "sort", sort_name(r.sort));
  if (r.recency_half_life_days) {
    key(w, "recency");
    w.StartObject();
    key(w, "half_life_days");
    w.Uint(*r.recency_half_life_days);
    put(w, "asof", r.asof);
    w.EndObject();
  }
  key(w, "partial");
  w.Bool(r.partial);
  key(w, "took_ms");
  w.Double(static_cast<double>(static_cast<long long>(r.took_ms * 1000)) / 1000.0);
  key(w, "hits");
  w.StartArray();
  for (const Hit& h : r.hits) {
    w.StartObject();
    put(w, "id", h.id);
    key(w, "rank");
    w.Uint(h.rank);
    key(w, "score");
    w.Double(static_cast<double>(static_cast<long long>(h.score * 10000)) / 10000.0);
    put(w, "headline", h.headline);
    put(w, "url", h.url);
    put(w, "outlet", h.outlet);
    put(w, "date", h.date);
    put(w, "snippet", h.snippet);
    w.EndObject();
  }
  w.EndArray();
  if (!r.facets.empty()) {
    key(w, "facets");
    w.StartObject();
    for (const auto& [name, values] : r.facets) {
      key(w, name);
      w.StartArray();
      for (const FacetValue& v : values) {
        w.StartObject();
        put(w, "value", v.value);
        if (!v.type.empty()) put(w, "type", v.type);
        key(w, "count");
        w.Uint64(v.count);
        w.EndObject();
      }
      w.EndArray();
    }
    w.EndObject();
    // The searcher names no interval when no match has a date (none matched): its
    // empty histogram spans no days, which by the rule in docs/api.md is "day".
    if (r.facets.contains("date")) {
      put(w, "date_interval", r.date_facet_interval.empty() ? "day" : r.date_facet_interval);
    }
  }
  if (!r.expanded.empty()) {
    key(w, "expanded");
    w.StartArray();
    for (const auto& e : r.expanded) {
      w.StartObject();
      put(w, "word", e.word);
      put(w, "entity", e.entity);
      key(w, "spellings");
      w.StartArray();
      for (const auto& s : e.spellings) {
        w.StartObject();
        put(w, "spelling", s.spelling);
        key(w, "count");
        w.Uint64(s.count);
        w.EndObject();
      }
      w.EndArray();
      w.EndObject();
    }
    w.EndArray();
  }
  w.EndObject();
  return buf.GetString();
}

std::string to_json(const Article& a, std::string_view id) {
  rapidjson::StringBuffer buf;
  JsonWriter w(buf);
  w.StartObject();
  put(w, "id", id);
  put(w, "url", a.url);
  put(w, "outlet", a.outlet);
  put(w, "date", a.published ? format_iso(*a.published) : std::string());
  put(w, "headline", a.headline);
  put(w, "body", a.body);
  key(w, "authors");
  w.StartArray();
  for (const auto& author : a.authors) string(w, author);
  w.EndArray();
  put(w, "lang", a.lang);
  key(w, "gold_entities");
  w.StartArray();
  for (const auto& e : a.gold_entities) {
    w.StartObject();
    put(w, "type", e.type);
    put(w, "name", e.name);
    w.EndObject();
  }
  w.EndArray();
  key(w, "entities");
  w.StartArray();
  for (const auto& e : a.entities) {
    w.StartObject();
    put(w, "name", e.name);
    put(w, "type", entity_type_name(e.type));
    key(w, "mentions");
    w.Uint(e.mentions);
    w.EndObject();
  }
  w.EndArray();
  put(w, "source", a.source);
  w.EndObject();
  return buf.GetString();
}

std::string to_json(std::string_view prefix, const std::vector<EntitySuggestion>& suggestions) {
  rapidjson::StringBuffer buf;
  JsonWriter w(buf);
  w.StartObject();
  put(w, "prefix", prefix);
  key(w, "entities");
  w.StartArray();
  for (const auto& s : suggestions) {
    w.StartObject();
    put(w, "name", s.name);
    put(w, "type", entity_type_name(s.type));
    key(w, "articles");
    w.Uint64(s.articles);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return buf.GetString();
}

std::string to_json(const IndexStats& s) {
  rapidjson::StringBuffer buf;
  JsonWriter w(buf);
  w.StartObject();
  for (const auto& [name, value] : {std::pair{"added", s.added},
                                    {"updated", s.updated},
                                    {"unchanged", s.unchanged},
                                    {"deleted", s.deleted},
                                    {"failed", s.failed},
                                    {"documents", s.documents}}) {
    key(w, name);
    w.Uint64(value);
  }
  key(w, "skipped");
  w.StartObject();
  for (const auto& [reason, count] : s.skipped) {
    key(w, reason);
    w.Uint64(count);
  }
  w.EndObject();
  key(w, "seconds");
  w.Double(static_cast<double>(static_cast<long long>(s.seconds * 1000)) / 1000.0);
  w.EndObject();
  return buf.GetString();
}

std::string error_json(std::string_view code, std::string_view message, std::string_view parameter) {
  rapidjson::StringBuffer buf;
  JsonWriter w(buf);
  w.StartObject();
  key(w, "error");
  w.StartObject();
  put(w, "code", code);
  put(w, "message", message);
  if (!parameter.empty()) put(w, "parameter", parameter);
  w.EndObject();
  w.EndObject();
  return buf.GetString();
}

}  // namespace morgue
