#include "searchd/web_page.h"

#include <array>
#include <utility>

namespace morgue::searchd {
namespace {

// Generated from searchd/web/ at build time: kIndexHtml, kMorgueCss, kMorgueJs.
#include "web_assets.inc"

const std::array<std::pair<std::string_view, WebAsset>, 3> kAssets = {{
    {"/", {"text/html; charset=utf-8", kIndexHtml}},
    {"/assets/morgue.css", {"text/css; charset=utf-8", kMorgueCss}},
    {"/assets/morgue.js", {"text/javascript; charset=utf-8", kMorgueJs}},
}};

}  // namespace

const WebAsset* find_web_asset(std::string_view path) {
  for (const auto& [p, asset] : kAssets) {
    if (p == path) return &asset;
  }
  return nullptr;
}

}  // namespace morgue::searchd
