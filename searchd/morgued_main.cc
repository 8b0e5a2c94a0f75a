// morgued: the search daemon (docs/http-api.md).
#include <iostream>

#include "common/command_line.h"
#include "searchd/listen_address.h"
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
  app.add_option("--listen", listen, "HOST:PORT to listen on (loopback unless told otherwise)")
      ->check(CLI::Validator(
          [](std::string& spec) {
            try {
              (void)parse_listen(spec);
              return std::string();
            } catch (const std::invalid_argument& e) {
              return std::string(e.what());
            }
          },
          "HOST:PORT"))
      ->capture_default_str();
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
  if (const auto status = morgue::cli::parse(app, argc, argv, {.program = "morgued"})) return *status;

  const ListenAddress address = parse_listen(listen);  // checked above
  options.host = address.host;
  options.port = address.port;
  options.db_dir = db;
  options.facet_columns = !no_facet_columns;
  options.time_limit_seconds = time_limit_ms / 1000.0;
  options.access_log = !quiet;

  try {
    block_stop_signals();  // before the Server's threads start (searchd/server.h)
    Server server(options);
    const int bound = server.bind();
    std::cerr << "morgued: serving " << db << " on http://" << listen.substr(0, listen.rfind(':')) << ':' << bound
              << "/\n";
    run_until_signal(server);
    std::cerr << "morgued: stopped\n";
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "morgued: " << e.what() << '\n';
    return 1;
  }
}
