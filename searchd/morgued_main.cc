// morgued: the search daemon (docs/http-api.md).
#include <iostream>

#include <CLI/CLI.hpp>

#include "searchd/server.h"

int main(int argc, char** argv) {
  using namespace morgue::searchd;
  CLI::App app{"morgued: serve a morgue index over HTTP (docs/http-api.md)"};
  ServerOptions options;
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
  bool no_facet_columns = false;
  app.add_flag("--no-facet-columns", no_facet_columns,
               "count facets from each match's stored values: less memory, slower facets");
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
  options.facet_columns = !no_facet_columns;
  options.host = listen.substr(0, colon);
  // "[::1]:8080": httplib wants the address without brackets.
  if (options.host.size() > 2 && options.host.front() == '[' && options.host.back() == ']') {
    options.host = options.host.substr(1, options.host.size() - 2);
  }
  options.port = port;
  options.time_limit_seconds = time_limit_ms / 1000.0;
  options.access_log = !quiet;

  try {
    block_stop_signals();  // before the Server's threads start (searchd/server.h)
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
