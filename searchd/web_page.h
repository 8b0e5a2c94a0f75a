// The search page served at GET /: HTML, CSS and JS under searchd/web/, compiled
// into the binary (searchd/web/embed.cmake), so there is no build step and the page
// fetches nothing from outside.
#pragma once

#include <string_view>

namespace morgue::searchd {

struct WebAsset {
  const char* content_type;
  std::string_view body;
};

// "/", "/assets/morgue.css", "/assets/morgue.js"; nullptr for anything else.
[[nodiscard]] const WebAsset* find_web_asset(std::string_view path);

}  // namespace morgue::searchd
