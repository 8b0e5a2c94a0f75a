#include "searchd/listen_address.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <stdexcept>
#include <string_view>

namespace morgue::searchd {
namespace {

constexpr int kMaxPort = 65535;

// Digits only: std::stoi would take "-1", "+80" and " 80".
std::optional<int> port_number(std::string_view digits) {
  if (digits.empty() || digits.size() > 5) return std::nullopt;
  if (!std::all_of(digits.begin(), digits.end(), [](unsigned char c) { return std::isdigit(c); })) return std::nullopt;
  const int port = std::stoi(std::string(digits));
  if (port > kMaxPort) return std::nullopt;
  return port;
}

}  // namespace

ListenAddress parse_listen(const std::string& listen) {
  const auto colon = listen.rfind(':');
  if (colon == std::string::npos || colon == 0) {
    throw std::invalid_argument("must be HOST:PORT (127.0.0.1:8080, [::1]:8080), not '" + listen + "'");
  }
  const std::string port_text = listen.substr(colon + 1);
  const auto port = port_number(port_text);
  if (!port)
    throw std::invalid_argument("the port must be 1-65535 (0: any free port), not '" + port_text + "'");
  ListenAddress address{listen.substr(0, colon), *port};
  // "[::1]:8080": httplib wants the address without brackets.
  if (address.host.size() > 2 && address.host.front() == '[' && address.host.back() == ']') {
    address.host = address.host.substr(1, address.host.size() - 2);
  }
  return address;
}

}  // namespace morgue::searchd
