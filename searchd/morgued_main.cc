// morgued: the search daemon (docs/http-api.md).
#include <algorithm>
#include <iostream>
#include <thread>

#include <CLI/CLI.hpp>

#include "searchd/server.h"

int main(int argc, char** argv) {
  using namespace morgue::searchd;
  CLI::App app{"morgued: serve a morgue index over HTTP (docs/http-api.md)"};
  ServerOptions options;
  // Two searches at once per core: with one, a core idles while the next waiting
  // request's thread wakes up to take a freed searcher (~18% idle CPU under load).
  // bench/README.md ("Searches at once"), 2 cores, 16 keep-alive connections: 2 at once
  // 1,490-1,720 requests/s, 4 at once 1,740-2,160, p99 alike; 8 at once lost the p99
  // at 64 connections.
  options.threads = std::max(1u, 2 * std::thread::hardware_concurrency());
  std::string db = options.db_dir.string();
  std::string listen = "127.0.0.1:8080";
  unsigned time_limit_ms = 2000;
  bool quiet = false;
  app.add_option("--db", db, "index directory (served once it exists)")->capture_default_str();
  app.add_option("--listen", listen, "HOST:PORT to listen on (loopback unless told otherwise)")->capture_default_str();
  app.add_option("--threads", options.threads, "searches run at once (default: two per core)")
      ->check(CLI::Range(1u, 256u))
      ->capture_default_str();
  app.add_option("--connections", options.connections, "connection threads (default: 4 x --threads, at least 256)")
      ->check(CLI::Range(0u, 4096u));
  app.add_option("--time-limit-ms", time_limit_ms, "cut a search after this long and mark it partial (0: none)")
      ->capture_default_str();
  app.add_flag("--quiet", quiet, "no access log");
  CLI11_PARSE(app, argc, argv);

  const auto colon = listen.rfind(':');
  int port = -1;
  if (colon != std::string::npos) {
    try {
      std::size_t used = 0;
      port = std::stoi(listen.substr(colon + 1), &used);
      if (used != listen.size() - colon - 1) port = -1;
    } catch (const std::exception&) {
      port = -1;
    }
  }
  if (port < 0 || port > 65535 || colon == 0) {
    std::cerr << "morgued: --listen must be HOST:PORT, not '" << listen << "'\n";
    return 2;
  }
  options.db_dir = db;
  options.host = listen.substr(0, colon);
  // "[::1]:8080": httplib wants the address without brackets.
  if (options.host.size() > 2 && options.host.front() == '[' && options.host.back() == ']') {
    options.host = options.host.substr(1, options.host.size() - 2);
  }
  options.port = port;
  options.time_limit_seconds = time_limit_ms / 1000.0;
  options.access_log = !quiet;
  // Idle keep-alive and slow clients hold a connection thread each, however few cores,
  // and a connection beyond them waits until one closes (up to 1000 requests on a
  // keep-alive connection). With 32, wrk at 200 connections timed a p50 of 15 ms at
  // ~1,900 requests/s, where 200 connections served in turn take 105 ms (Little's law):
  // only the 32 being served were answered. With 256 threads: p50 107 ms, p99 132-167.
  // The threads mostly wait on sockets; searches queue for a searcher, in arrival order.
  if (options.connections == 0) options.connections = std::max(256u, 4 * options.threads);

  try {
    Server server(options);
    const int bound = server.bind();
    std::cerr << "morgued: serving " << db << " on http://" << listen.substr(0, colon) << ':' << bound << "/\n";
    run_until_signal(server);
    std::cerr << "morgued: stopped\n";
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "morgued: " << e.what() << '\n';
    return 1;
  }
}
