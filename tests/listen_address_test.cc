// morgued's --listen (searchd/listen_address.h).
#include <stdexcept>

#include <catch2/catch.hpp>

#include "searchd/listen_address.h"

using morgue::searchd::parse_listen;

TEST_CASE("morgued --listen takes HOST:PORT with a port of 0-65535", "[cli][listen]") {
  struct Good {
    const char* spec;
    const char* host;
    int port;
  };
  const Good good[] = {
      {"127.0.0.1:8080", "127.0.0.1", 8080}, {"127.0.0.1:0", "127.0.0.1", 0}, {"0.0.0.0:65535", "0.0.0.0", 65535},
      {"[::1]:8080", "::1", 8080},           {"localhost:1", "localhost", 1},
  };
  for (const auto& g : good) {
    INFO(g.spec);
    const auto a = parse_listen(g.spec);
    CHECK(a.host == g.host);
    CHECK(a.port == g.port);
  }
  struct Bad {
    const char* spec;
    const char* message;
  };
  const Bad bad[] = {
      {"127.0.0.1:99999", "the port must be 1-65535 (0: any free port), not '99999'"},
      {"127.0.0.1:-1", "the port must be 1-65535 (0: any free port), not '-1'"},
      {"127.0.0.1:http", "the port must be 1-65535 (0: any free port), not 'http'"},
      {"127.0.0.1:", "the port must be 1-65535 (0: any free port), not ''"},
      {"127.0.0.1:80x", "the port must be 1-65535 (0: any free port), not '80x'"},
      {"8080", "must be HOST:PORT (127.0.0.1:8080, [::1]:8080), not '8080'"},
      {":8080", "must be HOST:PORT (127.0.0.1:8080, [::1]:8080), not ':8080'"},
  };
  for (const auto& b : bad) {
    INFO(b.spec);
    try {
      (void)parse_listen(b.spec);
      FAIL("accepted");
    } catch (const std::invalid_argument& e) {
      CHECK(std::string(e.what()) == b.message);
    }
  }
}
