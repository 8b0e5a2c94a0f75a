// morgued's HTTP server: routes, limits against hostile clients, the access log,
// graceful shutdown. The only file that includes httplib.h is server.cc.
#pragma once

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <thread>

namespace morgue::searchd {

struct ServerOptions {
  std::filesystem::path db_dir = "data/index";
  std::string host = "127.0.0.1";  // loopback unless told otherwise
  int port = 8080;                 // 0: any free port (tests)
  // Searches that run at once: the size of the Searcher pool. Two per core: with one,
  // a core idled while the next waiting request's thread woke up to take a freed
  // searcher (~18% of the CPU under 16 connections). bench/README.md ("Date filters,
  // searches per core, the listen queue"), 2 cores, 16 keep-alive connections: 2 at
  // once 1,490-1,720 requests/s, 4 at once 1,740-2,160, p99 alike; 8 at once lost the
  // p99 at 64 connections.
  unsigned threads = std::max(1u, 2 * std::thread::hardware_concurrency());
  // Threads that hold connections; 0 means 4 x threads, at least 256. Idle keep-alive
  // and slow clients occupy one each while they wait, and a connection beyond them
  // waits until one closes (up to keep_alive_max_count requests): with 32, wrk at 200
  // connections timed only the 32 being served (p50 15 ms at ~1,900 requests/s, where
  // 200 served in turn take 105 ms); with 256, p50 107 ms, p99 132-167 ms. The threads
  // mostly wait on sockets; searches queue for a searcher, in arrival order.
  unsigned connections = 0;
  double time_limit_seconds = 2.0;  // a longer match is cut and marked partial
  // Facets, sort=date and recency from columns in memory, built in the background
  // (common/background_facet_columns.h); off: from each match's stored values.
  bool facet_columns = true;
  bool access_log = true;           // one line per request on stderr
  // Where access-log lines go (each ends in '\n'); unset: stderr. Called under a lock.
  std::function<void(const std::string&)> log_sink;

  std::chrono::seconds read_timeout{5};
  std::chrono::seconds write_timeout{5};
  std::chrono::seconds keep_alive_timeout{2};
  std::size_t keep_alive_max_count = 1000;
  std::size_t payload_max_length = 8 * 1024;  // GET only: any body is refused anyway
  std::chrono::milliseconds refresh_interval{100};
};

class Server {
 public:
  explicit Server(ServerOptions options);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds host:port and returns the port (the chosen one for port 0).
  // Throws std::runtime_error when the address cannot be bound.
  int bind();
  // Serves until stop(); returns after the requests in flight are answered.
  void run();
  // Stops accepting connections; safe from any thread, any number of times.
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Blocks SIGTERM and SIGINT in the calling thread and the threads it starts after. Call
// it before constructing the Server: its searcher pool starts a thread (the facet
// columns' builder), which would otherwise take a SIGTERM and die of it (exit 143).
void block_stop_signals();
// Runs a bound server until SIGTERM or SIGINT, then stops it gracefully.
void run_until_signal(Server& server);

}  // namespace morgue::searchd
