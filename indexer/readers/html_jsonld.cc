#include "indexer/readers/html_jsonld.h"

#include <algorithm>
#include <array>
#include <map>

#include <rapidjson/document.h>

#include "common/text_util.h"

namespace morgue::indexer {
namespace {

using Value = rapidjson::Value;

// Publishers write JSON by hand; trailing commas and comments are common.
constexpr unsigned kParseFlags =
    rapidjson::kParseCommentsFlag | rapidjson::kParseTrailingCommasFlag | rapidjson::kParseNanAndInfFlag;

constexpr std::array<std::string_view, 9> kArticleTypes = {
    "NewsArticle",        "Article",           "BlogPosting",           "ReportageNewsArticle", "AnalysisNewsArticle",
    "OpinionNewsArticle", "ReviewNewsArticle", "BackgroundNewsArticle", "LiveBlogPosting"};

bool has_type(const Value& node, std::string_view wanted) {
  if (!node.IsObject()) return false;
  const auto it = node.FindMember("@type");
  if (it == node.MemberEnd()) return false;
  auto is = [&](const Value& v) { return v.IsString() && std::string_view(v.GetString()) == wanted; };
  if (is(it->value)) return true;
  if (it->value.IsArray()) return std::any_of(it->value.Begin(), it->value.End(), is);
  return false;
}

bool is_article(const Value& node) {
  return std::any_of(kArticleTypes.begin(), kArticleTypes.end(), [&](std::string_view t) { return has_type(node, t); });
}

// Every object of the document, depth first: top-level arrays, @graph arrays and
// nested objects (an article inside a WebPage's "mainEntity").
void collect_nodes(const Value& v, std::vector<const Value*>& out) {
  if (v.IsArray()) {
    for (const Value& item : v.GetArray()) collect_nodes(item, out);
  } else if (v.IsObject()) {
    out.push_back(&v);
    for (const auto& member : v.GetObject()) {
      if (member.value.IsObject() || member.value.IsArray()) collect_nodes(member.value, out);
    }
  }
}

class Graph {
 public:
  explicit Graph(const std::vector<const Value*>& nodes) {
    for (const Value* node : nodes) {
      const auto id = node->FindMember("@id");
      if (id != node->MemberEnd() && id->value.IsString() && node->MemberCount() > 1) {
        by_id_.emplace(id->value.GetString(), node);
      }
    }
  }

  // A reference {"@id": "#org"} resolved to the node it names.
  const Value& resolve(const Value& v) const {
    if (v.IsObject() && v.MemberCount() == 1) {
      const auto id = v.FindMember("@id");
      if (id != v.MemberEnd() && id->value.IsString()) {
        if (const auto it = by_id_.find(id->value.GetString()); it != by_id_.end()) return *it->second;
      }
    }
    return v;
  }

  // A string, the first string of a list, or an object's "name".
  std::string text(const Value& raw) const {
    const Value& v = resolve(raw);
    if (v.IsString()) return collapse_spaces(decode_entities(v.GetString()));  // CMSs HTML-escape JSON-LD
    if (v.IsArray()) {
      for (const Value& item : v.GetArray()) {
        if (std::string t = text(item); !t.empty()) return t;
      }
      return {};
    }
    if (v.IsObject()) {
      const auto name = v.FindMember("name");
      if (name != v.MemberEnd()) return text(name->value);
    }
    return {};
  }

  std::string field(const Value& node, const char* name) const {
    const auto it = node.FindMember(name);
    return it == node.MemberEnd() ? std::string() : text(it->value);
  }

  std::vector<std::string> names(const Value& node, const char* name) const {
    std::vector<std::string> out;
    const auto it = node.FindMember(name);
    if (it == node.MemberEnd()) return out;
    auto add = [&](const Value& v) {
      std::string t = text(v);
      if (!t.empty() && std::find(out.begin(), out.end(), t) == out.end()) out.push_back(std::move(t));
    };
    if (it->value.IsArray()) {
      for (const Value& item : it->value.GetArray()) add(item);
    } else {
      add(it->value);
    }
    return out;
  }

 private:
  std::map<std::string, const Value*> by_id_;
};

}  // namespace

JsonLdArticle parse_json_ld(const std::vector<std::string_view>& scripts) {
  std::vector<rapidjson::Document> docs(scripts.size());
  std::vector<const Value*> nodes;
  for (std::size_t i = 0; i < scripts.size(); ++i) {
    docs[i].Parse<kParseFlags>(scripts[i].data(), scripts[i].size());
    if (!docs[i].HasParseError()) collect_nodes(docs[i], nodes);
  }
  const Graph graph(nodes);
  const Value* best = nullptr;
  for (const Value* node : nodes) {
    if (is_article(*node)) {
      best = node;
      break;
    }
  }
  if (best == nullptr) {
    for (const Value* node : nodes) {
      if (!graph.field(*node, "headline").empty()) {
        best = node;
        break;
      }
    }
  }
  JsonLdArticle article;
  if (best == nullptr) return article;
  article.headline = graph.field(*best, "headline");
  article.date_published = graph.field(*best, "datePublished");
  article.publisher = graph.field(*best, "publisher");
  article.authors = graph.names(*best, "author");
  if (const auto body = best->FindMember("articleBody"); body != best->MemberEnd() && body->value.IsString()) {
    article.article_body = trim(decode_entities(body->value.GetString()));  // keeps its line breaks
  }
  return article;
}

}  // namespace morgue::indexer
