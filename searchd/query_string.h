// The parameters of a request's query string. cpp-httplib's own reading keeps the text
// after a value's last '=' (q=E=mc2 gave "mc2") and leaves '+' as it is; here a value is
// everything after its key's first '=', and '+' is a space
// (application/x-www-form-urlencoded, what an HTML form sends).
#pragma once

#include <map>
#include <string>
#include <string_view>

namespace morgue::searchd {

using Params = std::multimap<std::string, std::string>;

// `query`: what follows the '?' of a request target, not decoded.
[[nodiscard]] Params parse_query_string(std::string_view query);

}  // namespace morgue::searchd
