#include "common/identity.h"

#include <algorithm>
#include <cctype>

#include "common/hashing.h"

namespace morgue {
namespace {

constexpr std::size_t kMaxSourceId = 64;

bool is_url_safe_id(std::string_view id) {
  if (id.empty() || id.size() > kMaxSourceId) return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.';
  });
}

bool looks_like_url(std::string_view s) {
  return s.starts_with("http://") || s.starts_with("https://") || s.find("://") != std::string_view::npos;
}

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

std::string normalize_url(std::string_view url) {
  while (!url.empty() && std::isspace(static_cast<unsigned char>(url.front()))) url.remove_prefix(1);
  while (!url.empty() && std::isspace(static_cast<unsigned char>(url.back()))) url.remove_suffix(1);
  if (auto hash = url.find('#'); hash != std::string_view::npos) url = url.substr(0, hash);
  const auto scheme_end = url.find("://");
  if (scheme_end == std::string_view::npos) return std::string(url);
  const auto host_start = scheme_end + 3;
  auto host_end = url.find_first_of("/?", host_start);
  if (host_end == std::string_view::npos) host_end = url.size();
  const std::string scheme = lower_ascii(url.substr(0, scheme_end));
  std::string host = lower_ascii(url.substr(host_start, host_end - host_start));
  if ((scheme == "http" && host.ends_with(":80")) || (scheme == "https" && host.ends_with(":443"))) {
    host.resize(host.rfind(':'));
  }
  std::string rest(url.substr(host_end));
  if (rest.empty()) rest = "/";
  return scheme + "://" + host + rest;
}

std::string document_id(const Article& article) {
  if (!article.url.empty()) return "u" + hex64(stable_hash64(normalize_url(article.url)));
  if (is_url_safe_id(article.id)) return article.id;
  if (!article.id.empty()) return "h" + hex64(stable_hash64(article.id));
  // No URL and no id: the content is the identity.
  return "h" + hex64(stable_hash64(article.outlet + '\x1f' + article.headline + '\x1f' + article.body));
}

std::string id_from_user(std::string_view id_or_url) {
  if (looks_like_url(id_or_url)) return "u" + hex64(stable_hash64(normalize_url(id_or_url)));
  if (is_url_safe_id(id_or_url)) return std::string(id_or_url);
  return "h" + hex64(stable_hash64(id_or_url));
}

std::string content_fingerprint(const Article& a) {
  std::string all;
  all.reserve(a.headline.size() + a.body.size() + 128);
  for (const std::string* s : {&a.url, &a.outlet, &a.headline, &a.body, &a.lang}) {
    all += *s;
    all += '\x1f';
  }
  if (a.published) all += format_compact(*a.published);
  for (const auto& author : a.authors) all += '\x1e' + author;
  for (const auto& e : a.gold_entities) all += '\x1d' + e.type + ':' + e.name;
  return hex64(stable_hash64(all));
}

}  // namespace morgue
