#include "common/article_json.h"

#include <rapidjson/document.h>

namespace morgue {
namespace {

std::string get_string(const rapidjson::Value& obj, const char* name) {
  const auto it = obj.FindMember(name);
  if (it == obj.MemberEnd() || !it->value.IsString()) return {};
  return std::string(it->value.GetString(), it->value.GetStringLength());
}

Article from_document(const rapidjson::Document& doc, std::string* id, ArticleFields fields) {
  Article a;
  if (doc.HasParseError() || !doc.IsObject()) return a;
  if (id) *id = get_string(doc, "id");
  a.url = get_string(doc, "url");
  a.outlet = get_string(doc, "outlet");
  a.published = parse_iso_date(get_string(doc, "date"));
  a.headline = get_string(doc, "headline");
  a.body = get_string(doc, "body");
  if (fields == ArticleFields::kHit) return a;
  a.lang = get_string(doc, "lang");
  a.source = get_string(doc, "source");
  if (auto it = doc.FindMember("authors"); it != doc.MemberEnd() && it->value.IsArray()) {
    for (const auto& v : it->value.GetArray()) {
      if (v.IsString()) a.authors.emplace_back(v.GetString(), v.GetStringLength());
    }
  }
  if (auto it = doc.FindMember("gold_entities"); it != doc.MemberEnd() && it->value.IsArray()) {
    for (const auto& v : it->value.GetArray()) {
      if (v.IsObject()) a.gold_entities.push_back({get_string(v, "type"), get_string(v, "name")});
    }
  }
  if (auto it = doc.FindMember("entities"); it != doc.MemberEnd() && it->value.IsArray()) {
    for (const auto& v : it->value.GetArray()) {
      if (!v.IsObject()) continue;
      const auto type = parse_entity_type(get_string(v, "type"));
      const auto mentions = v.FindMember("mentions");
      a.entities.push_back({get_string(v, "name"), type.value_or(EntityType::kOther),
                            mentions != v.MemberEnd() && mentions->value.IsUint() ? mentions->value.GetUint() : 0});
    }
  }
  return a;
}

}  // namespace

Article article_from_json(std::string_view json, std::string* id) {
  rapidjson::Document doc;
  doc.Parse(json.data(), json.size());
  return from_document(doc, id, ArticleFields::kAll);
}

Article article_from_json(std::string&& json, std::string* id, ArticleFields fields) {
  rapidjson::Document doc;
  doc.ParseInsitu(json.data());  // std::string keeps a terminating NUL
  return from_document(doc, id, fields);
}

}  // namespace morgue
