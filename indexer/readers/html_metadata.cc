#include "indexer/readers/html_metadata.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <map>

#include "common/text_util.h"
#include "indexer/readers/html_jsonld.h"
#include "indexer/readers/language.h"
#include "indexer/readers/outlets.h"

namespace morgue::indexer {
namespace {

// <meta> names that carry a publication date, after article:published_time.
constexpr std::array<std::string_view, 8> kDateMetas = {
    "datepublished", "og:published_time", "pubdate", "publishdate", "dc.date.issued", "dc.date", "date",
    "originalpublicationdate"};  // the BBC's

constexpr std::array<std::string_view, 8> kTitleSeparators = {" | ",  " - ",        " \xE2\x80\x93 ", " \xE2\x80\x94 ",
                                                              " :: ", " \xC2\xB7 ", " \xC2\xBB ",     " / "};

constexpr std::size_t kMaxSuffixWords = 4;

// What one pass over the tree collects; the fallback chains then pick from it.
struct Collected {
  std::map<std::string, std::string> metas;  // property / name / itemprop (lower case) -> first content
  std::vector<std::string_view> json_ld;
  std::string canonical;
  std::vector<std::string> rel_authors;
  std::string h1;
  std::string title;
  std::string html_lang;
  std::vector<std::string> time_datetimes;  // itemprop=datePublished first
};

void collect(const GumboNode* root, Collected& c) {
  c.html_lang = std::string(attribute(root, "lang"));
  std::vector<std::string> other_times;
  for_each_element(root, [&](const GumboNode* node) {
    switch (node->v.element.tag) {
      case GUMBO_TAG_META: {
        const std::string_view content = attribute(node, "content");
        for (const char* key : {"property", "name", "itemprop"}) {
          const std::string k = attribute_lower(node, key);
          if (!k.empty() && !content.empty()) c.metas.emplace(k, collapse_spaces(content));
        }
        break;
      }
      case GUMBO_TAG_SCRIPT:
        if (attribute_lower(node, "type") == "application/ld+json" && node->v.element.children.length > 0) {
          const auto* text = static_cast<const GumboNode*>(node->v.element.children.data[0]);
          if (text->type == GUMBO_NODE_TEXT) c.json_ld.emplace_back(text->v.text.text);
        }
        break;
      case GUMBO_TAG_LINK:
      case GUMBO_TAG_A: {
        const std::string rel = attribute_lower(node, "rel");
        if (rel == "canonical" && c.canonical.empty() && node->v.element.tag == GUMBO_TAG_LINK) {
          c.canonical = trim(attribute(node, "href"));
        } else if (rel == "author" && node->v.element.tag == GUMBO_TAG_A) {
          if (std::string name = text_content(node); !name.empty()) c.rel_authors.push_back(std::move(name));
        }
        break;
      }
      case GUMBO_TAG_H1:
        if (c.h1.empty()) c.h1 = text_content(node);
        break;
      case GUMBO_TAG_TITLE:
        if (c.title.empty()) c.title = text_content(node);
        break;
      case GUMBO_TAG_TIME:
        if (const auto dt = attribute(node, "datetime"); !dt.empty()) {
          (attribute_lower(node, "itemprop") == "datepublished" ? c.time_datetimes : other_times).emplace_back(dt);
        }
        break;
      default:
        break;
    }
  });
  c.time_datetimes.insert(c.time_datetimes.end(), other_times.begin(), other_times.end());
}

std::string meta(const Collected& c, const std::string& key) {
  const auto it = c.metas.find(key);
  return it == c.metas.end() ? std::string() : it->second;
}

bool is_url(std::string_view s) { return s.find("://") != std::string_view::npos || s.starts_with("www."); }

// Resolves the forms canonical links take: absolute, "//host/path", "/path".
std::string absolute_url(std::string_view href, std::string_view base) {
  if (href.find("://") != std::string_view::npos) return std::string(href);
  const auto scheme_end = base.find("://");
  if (scheme_end == std::string_view::npos) return {};
  if (href.starts_with("//")) return std::string(base.substr(0, scheme_end + 1)) + std::string(href);
  if (href.starts_with("/")) {
    const auto path = base.find('/', scheme_end + 3);
    return std::string(base.substr(0, path)) + std::string(href);
  }
  return {};
}

std::size_t words(std::string_view s) {
  std::size_t n = 0;
  bool in_word = false;
  for (char ch : s) {
    const bool space = ch == ' ';
    if (!space && !in_word) ++n;
    in_word = !space;
  }
  return n;
}

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
}

}  // namespace

std::string strip_site_suffix(std::string_view title_in, const std::vector<std::string>& site_names) {
  std::string title = collapse_spaces(title_in);
  for (int round = 0; round < 2; ++round) {
    std::size_t cut = std::string::npos, sep_len = 0;
    for (std::string_view sep : kTitleSeparators) {
      const auto pos = title.rfind(sep);
      if (pos != std::string::npos && pos > 0 && (cut == std::string::npos || pos > cut)) {
        cut = pos;
        sep_len = sep.size();
      }
    }
    if (cut == std::string::npos) break;
    const std::string suffix = fold_case(title.substr(cut + sep_len));
    const std::string_view head = std::string_view(title).substr(0, cut);
    const bool names_site = std::any_of(site_names.begin(), site_names.end(), [&](const std::string& name) {
      return !name.empty() && fold_case(name) == suffix;
    });
    if (!names_site && !(words(suffix) <= kMaxSuffixWords && words(head) >= 3)) break;
    title = trim(head);
  }
  return title;
}

std::optional<Date> date_from_url(std::string_view url) {
  const auto scheme = url.find("://");
  if (scheme == std::string_view::npos) return std::nullopt;
  const auto path_start = url.find('/', scheme + 3);
  if (path_start == std::string_view::npos) return std::nullopt;
  std::string_view path = url.substr(path_start);
  path = path.substr(0, path.find_first_of("?#"));
  const std::vector<std::string> segs = split(path, '/');
  for (std::size_t i = 0; i + 2 < segs.size(); ++i) {  // /2025/05/19/
    if (segs[i].size() == 4 && all_digits(segs[i]) && all_digits(segs[i + 1]) && segs[i + 1].size() <= 2 &&
        all_digits(segs[i + 2]) && segs[i + 2].size() <= 2) {
      const int y = std::stoi(segs[i]), m = std::stoi(segs[i + 1]), d = std::stoi(segs[i + 2]);
      if (y >= 1900 && is_valid_date(y, m, d)) return Date{y, m, d};
    }
  }
  for (const std::string& seg : segs) {  // /2025-05-19-slug/
    for (std::size_t p = 0; p + 10 <= seg.size(); ++p) {
      if ((p > 0 && std::isdigit(static_cast<unsigned char>(seg[p - 1]))) ||
          (p + 10 < seg.size() && std::isdigit(static_cast<unsigned char>(seg[p + 10])))) {
        continue;
      }
      if (seg[p + 4] != '-' || seg[p + 7] != '-') continue;
      if (auto d = parse_iso_date(std::string_view(seg).substr(p, 10)); d && d->year >= 1900) return d;
    }
  }
  return std::nullopt;
}

PageMetadata extract_metadata(const GumboNode* root, const HtmlSource& src) {
  Collected c;
  collect(root, c);
  const JsonLdArticle ld = parse_json_ld(c.json_ld);
  PageMetadata m;

  // Canonical URL: <link rel=canonical>, og:url, the fetched URL.
  for (const std::string& candidate : {c.canonical, meta(c, "og:url")}) {
    if (std::string url = absolute_url(candidate, src.fetched_url); !url.empty()) {
      m.canonical_url = std::move(url);
      break;
    }
  }
  if (m.canonical_url.empty()) m.canonical_url = src.fetched_url;

  // Outlet: JSON-LD publisher.name, og:site_name, the outlets table, the bare host.
  const std::string host = url_host(m.canonical_url.empty() ? src.fetched_url : m.canonical_url);
  std::string site_name = meta(c, "og:site_name");
  if (site_name.starts_with('@')) site_name.clear();  // a Twitter handle, not a name
  m.outlet = !ld.publisher.empty() ? ld.publisher : site_name;
  if (m.outlet.empty() && !host.empty()) m.outlet = outlet_for_host(host).value_or(host);

  // Headline: og:title, JSON-LD headline, <h1>, <title> without the site's name.
  const std::vector<std::string> site_names = {m.outlet, site_name, ld.publisher, outlet_for_host(host).value_or(""),
                                               host};
  for (const std::string& candidate : {meta(c, "og:title"), ld.headline, c.h1}) {
    if (!candidate.empty()) {
      m.headline = strip_site_suffix(candidate, site_names);
      break;
    }
  }
  if (m.headline.empty()) m.headline = strip_site_suffix(c.title, site_names);

  // Publication date: JSON-LD datePublished, article:published_time (then other date
  // metas), <time datetime>, a date in the URL's path, each as written (ISO, slashes or
  // words: parse_written_date). A date after the fetch is wrong, and one before 1900 a
  // CMS's placeholder ("0001-01-01T00:00:00Z").
  auto plausible = [&](const std::optional<Date>& d) {
    return d && d->year >= 1900 && (!src.fetched_date || *d <= *src.fetched_date);
  };
  std::vector<std::string> date_texts = {ld.date_published, meta(c, "article:published_time")};
  for (std::string_view key : kDateMetas) date_texts.push_back(meta(c, std::string(key)));
  date_texts.insert(date_texts.end(), c.time_datetimes.begin(), c.time_datetimes.end());
  for (const std::string& text : date_texts) {
    if (auto d = parse_written_date(trim(text)); plausible(d)) {
      m.published = d;
      break;
    }
  }
  if (!m.published) {
    for (const std::string& url : {m.canonical_url, src.fetched_url}) {
      if (auto d = date_from_url(url); plausible(d)) {
        m.published = d;
        break;
      }
    }
  }

  // Authors: JSON-LD author names, <meta name=author>, rel=author links.
  std::vector<std::string> authors = ld.authors;
  if (authors.empty()) {
    if (std::string a = meta(c, "author"); !a.empty()) authors.push_back(std::move(a));
  }
  if (authors.empty()) authors = c.rel_authors;
  for (std::string& a : authors) {
    if (a.empty() || is_url(a) || std::find(m.authors.begin(), m.authors.end(), a) != m.authors.end()) continue;
    m.authors.push_back(std::move(a));
  }

  m.lang = iso639_1(c.html_lang);
  m.json_ld_body = ld.article_body;
  return m;
}

}  // namespace morgue::indexer
