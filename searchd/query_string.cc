#include "searchd/query_string.h"

#include <httplib.h>

namespace morgue::searchd {
namespace {

std::string decode(std::string_view text) { return httplib::detail::decode_url(std::string(text), true); }

}  // namespace

Params parse_query_string(std::string_view query) {
  Params params;
  while (!query.empty()) {
    const auto amp = query.find('&');
    const std::string_view pair = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
    if (pair.empty()) continue;
    const auto eq = pair.find('=');
    params.emplace(decode(pair.substr(0, eq)), eq == std::string_view::npos ? std::string() : decode(pair.substr(eq + 1)));
  }
  return params;
}

}  // namespace morgue::searchd
