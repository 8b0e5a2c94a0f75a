// Outlet names for hosts, from indexer/readers/outlets.tsv (compiled in): the
// fallback when a page names no publisher itself.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace morgue::indexer {

// "www.bbc.co.uk" -> "BBC News". Tries the host without "www.", then each parent
// domain ("edition.cnn.com" -> "cnn.com"), so a table row covers its subdomains.
[[nodiscard]] std::optional<std::string> outlet_for_host(std::string_view host);

// The host of an absolute URL, lower case, without port or "www."; "" when none.
[[nodiscard]] std::string url_host(std::string_view url);

}  // namespace morgue::indexer
