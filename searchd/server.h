// morgued's HTTP server: routes, limits against hostile clients, the access log,
// graceful shutdown. The only file that includes httplib.h is server.cc.
#pragma once

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>

namespace morgue::searchd {

struct ServerOptions {
  std::filesystem::path db_dir = "data/index";
  std::string host = "127.0.0.1";  // loopback unless told otherwise
  int port = 8080;                 // 0: any free port (tests)
  // Searches that run at once: the size of the Searcher pool.
  unsigned threads = 8;
  // Threads that hold connections; 0 means 4 x threads. Idle keep-alive and slow
  // clients occupy one each while they wait, so these outnumber the searchers.
  unsigned connections = 0;
  double time_limit_seconds = 2.0;  // a longer match is cut and marked partial
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

// Runs a bound server until SIGTERM or SIGINT, then stops it gracefully.
// Call it before any other thread is started: it blocks those signals.
void run_until_signal(Server& server);

}  // namespace morgue::searchd
