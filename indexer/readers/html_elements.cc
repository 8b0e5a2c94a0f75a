#include "indexer/readers/html_elements.h"

#include <algorithm>
#include <array>
#include <bitset>
#include <initializer_list>
#include <string>
#include <string_view>

namespace morgue::indexer {
namespace {

// Names of what is never the article, whatever wraps it (substrings of class/id).
constexpr std::array<std::string_view, 11> kStrongNegativeNames = {"comment",   "disqus",   "related",  "outbrain",
                                                                   "taboola",   "cookie",   "consent",  "newsletter",
                                                                   "recommend", "trending", "most-read"};
// Names of what is usually not the article (substrings of class/id).
constexpr std::array<std::string_view, 31> kNegativeNames = {
    "share",    "sharing",       "promo",           "subscri", "signup",   "sign-up",   "sidebar",    "breadcrumb",
    "masthead", "navbar",        "navigation",      "menu",    "popup",    "modal",     "widget",     "sponsor",
    "advert",   "popular",       "byline",          "caption", "footer",   "toolbar",   "pagination", "disclaimer",
    "sr-only",  "screen-reader", "visually-hidden", "author",  "dateline", "timestamp", "read-more"};
// Whole tokens of class/id (split at non-alphanumerics) that are negative: too short
// to match as substrings ("ad" is in "header" and "read").
constexpr std::array<std::string_view, 19> kNegativeTokens = {
    "ad",   "ads",  "adv",    "advert", "nav",  "meta",  "tag",    "tags",   "date",   "time",
    "hide", "more", "banner", "extra",  "skip", "label", "search", "credit", "overlay"};
constexpr std::array<std::string_view, 10> kPositiveNames = {"article", "content", "story", "body",  "entry",
                                                             "post",    "text",    "main",  "prose", "blog"};
constexpr std::array<std::string_view, 10> kDroppedRoles = {"navigation", "banner", "contentinfo", "complementary",
                                                            "search",     "dialog", "alertdialog", "menu",
                                                            "menubar",    "toolbar"};

using TagSet = std::bitset<GUMBO_TAG_LAST + 1>;

TagSet tag_set(std::initializer_list<GumboTag> tags) {
  TagSet set;
  for (GumboTag tag : tags) set.set(tag);
  return set;
}

const TagSet& dropped_tags() {
  static const TagSet set =
      tag_set({GUMBO_TAG_SCRIPT, GUMBO_TAG_STYLE,      GUMBO_TAG_NOSCRIPT, GUMBO_TAG_TEMPLATE, GUMBO_TAG_SVG,
               GUMBO_TAG_MATH,   GUMBO_TAG_IFRAME,     GUMBO_TAG_OBJECT,   GUMBO_TAG_EMBED,    GUMBO_TAG_CANVAS,
               GUMBO_TAG_VIDEO,  GUMBO_TAG_AUDIO,      GUMBO_TAG_SELECT,   GUMBO_TAG_TEXTAREA, GUMBO_TAG_BUTTON,
               GUMBO_TAG_INPUT,  GUMBO_TAG_NAV,        GUMBO_TAG_ASIDE,    GUMBO_TAG_FOOTER,   GUMBO_TAG_HEADER,
               GUMBO_TAG_FIGURE, GUMBO_TAG_FIGCAPTION, GUMBO_TAG_HEAD,     GUMBO_TAG_MENU});
  return set;
}

const TagSet& paragraph_tags() {
  static const TagSet set = tag_set({GUMBO_TAG_P, GUMBO_TAG_H1, GUMBO_TAG_H2, GUMBO_TAG_H3, GUMBO_TAG_H4, GUMBO_TAG_H5,
                                     GUMBO_TAG_H6, GUMBO_TAG_LI, GUMBO_TAG_DD, GUMBO_TAG_DT, GUMBO_TAG_PRE,
                                     GUMBO_TAG_BLOCKQUOTE, GUMBO_TAG_TR, GUMBO_TAG_TH, GUMBO_TAG_CAPTION});
  return set;
}

const TagSet& block_tags() {
  static const TagSet set =
      paragraph_tags() |
      tag_set({GUMBO_TAG_HTML,    GUMBO_TAG_BODY,    GUMBO_TAG_ADDRESS, GUMBO_TAG_ARTICLE, GUMBO_TAG_CENTER,
               GUMBO_TAG_DETAILS, GUMBO_TAG_DIR,     GUMBO_TAG_DIV,     GUMBO_TAG_DL,      GUMBO_TAG_FIELDSET,
               GUMBO_TAG_FORM,    GUMBO_TAG_HGROUP,  GUMBO_TAG_HR,      GUMBO_TAG_MAIN,    GUMBO_TAG_OL,
               GUMBO_TAG_SECTION, GUMBO_TAG_SUMMARY, GUMBO_TAG_TABLE,   GUMBO_TAG_TBODY,   GUMBO_TAG_THEAD,
               GUMBO_TAG_TFOOT,   GUMBO_TAG_TD,      GUMBO_TAG_UL,      GUMBO_TAG_LEGEND});
  return set;
}

template <std::size_t N>
bool contains_any(std::string_view s, const std::array<std::string_view, N>& words) {
  return std::any_of(words.begin(), words.end(),
                     [&](std::string_view w) { return s.find(w) != std::string_view::npos; });
}

template <std::size_t N>
bool is_one_of(std::string_view s, const std::array<std::string_view, N>& words) {
  return std::find(words.begin(), words.end(), s) != words.end();
}

}  // namespace

NameHint name_hint(const GumboNode* element) {
  std::string names = attribute_lower(element, "class");
  names += ' ';
  names += attribute_lower(element, "id");
  if (names.size() <= 1) return NameHint::kNone;
  if (contains_any(names, kStrongNegativeNames)) return NameHint::kStrongNegative;
  if (contains_any(names, kNegativeNames)) return NameHint::kNegative;
  std::string token;
  for (std::size_t i = 0; i <= names.size(); ++i) {
    const char ch = i < names.size() ? names[i] : ' ';
    if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')) {
      token += ch;
      continue;
    }
    if (is_one_of(token, kNegativeTokens)) return NameHint::kNegative;
    token.clear();
  }
  return contains_any(names, kPositiveNames) ? NameHint::kPositive : NameHint::kNone;
}

bool is_dropped(const GumboNode* element) {
  if (element->type == GUMBO_NODE_TEMPLATE || dropped_tags().test(element->v.element.tag)) return true;
  if (gumbo_get_attribute(&element->v.element.attributes, "hidden") != nullptr) return true;
  if (attribute_lower(element, "aria-hidden") == "true") return true;
  if (is_one_of(attribute_lower(element, "role"), kDroppedRoles)) return true;
  std::string style = attribute_lower(element, "style");
  std::erase(style, ' ');
  return style.find("display:none") != std::string::npos || style.find("visibility:hidden") != std::string::npos;
}

bool is_block_tag(GumboTag tag) { return block_tags().test(tag); }

bool is_paragraph_like(GumboTag tag) { return paragraph_tags().test(tag); }

}  // namespace morgue::indexer
