// morgued's --listen value: HOST:PORT, [IPv6]:PORT.
#pragma once

#include <string>

namespace morgue::searchd {

struct ListenAddress {
  std::string host;  // as httplib wants it: "::1", not "[::1]"
  int port = 0;      // 0: any free port
};

// Throws std::invalid_argument naming what is wrong with `spec`, for a message after
// "--listen: " (morgued checks the option with it, a usage error: exit status 2).
[[nodiscard]] ListenAddress parse_listen(const std::string& spec);

}  // namespace morgue::searchd
