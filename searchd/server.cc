#include "searchd/server.h"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <csignal>
#include <deque>
#include <functional>
#include <iostream>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <vector>

#include <pthread.h>
#include <sys/socket.h>

#include <httplib.h>

#include "searchd/handlers.h"
#include "searchd/metrics.h"
#include "searchd/query_string.h"
#include "searchd/searcher_pool.h"

namespace morgue::searchd {
namespace {

// Connections the kernel may hold for the accept loop (SOMAXCONN on Debian 12).
constexpr int kListenBacklog = 4096;

// httplib's ThreadPool queues accepted connections without bound, each an open
// socket. This one makes the accept loop wait instead, so a connection flood backs
// up in the kernel's listen queue rather than in our file descriptors.
class BoundedTaskQueue : public httplib::TaskQueue {
 public:
  BoundedTaskQueue(std::size_t threads, std::size_t max_queued) : max_queued_(max_queued) {
    for (std::size_t i = 0; i < threads; ++i) threads_.emplace_back([this] { work(); });
  }

  void enqueue(std::function<void()> fn) override {
    std::unique_lock lock(mutex_);
    room_.wait(lock, [&] { return jobs_.size() < max_queued_; });
    jobs_.push_back(std::move(fn));
    lock.unlock();
    ready_.notify_one();
  }

  void shutdown() override {
    {
      const std::lock_guard lock(mutex_);
      shutdown_ = true;
    }
    ready_.notify_all();
    for (auto& t : threads_) t.join();
  }

 private:
  void work() {
    for (;;) {
      std::function<void()> fn;
      {
        std::unique_lock lock(mutex_);
        ready_.wait(lock, [&] { return !jobs_.empty() || shutdown_; });
        if (jobs_.empty()) return;  // shut down, and every accepted connection served
        fn = std::move(jobs_.front());
        jobs_.pop_front();
      }
      room_.notify_one();
      fn();
    }
  }

  const std::size_t max_queued_;
  std::mutex mutex_;
  std::condition_variable ready_, room_;
  std::deque<std::function<void()>> jobs_;
  bool shutdown_ = false;
  std::vector<std::thread> threads_;
};

// The logger runs on the thread that handled the request, after the response is sent.
thread_local std::chrono::steady_clock::time_point t_request_started;
thread_local bool t_request_timed = false;

void reply_with(httplib::Response& res, const Reply& reply) {
  res.status = reply.status;
  for (const auto& [name, value] : reply.headers) res.set_header(name, value);
  res.set_header("X-Content-Type-Options", "nosniff");
  res.set_content(reply.body, reply.content_type.c_str());
}

// From the target as sent (searchd/query_string.h), not cpp-httplib's reading.
Params params_of(const httplib::Request& req) {
  const auto question = req.target.find('?');
  if (question == std::string::npos) return {};
  return parse_query_string(std::string_view(req.target).substr(question + 1));
}

// The target as sent (not decoded, so no control characters), shortened.
std::string loggable_target(const httplib::Request& req) {
  const std::string& t = req.target.empty() ? req.path : req.target;
  if (t.empty()) return "-";  // the request line could not be parsed
  return t.size() > 300 ? t.substr(0, 300) + "..." : t;
}

}  // namespace

struct Server::Impl {
  explicit Impl(ServerOptions opts)
      : options(std::move(opts)),
        pool({options.db_dir,
              std::max(1u, options.threads),
              {.time_limit_seconds = options.time_limit_seconds, .facet_columns = options.facet_columns},
              options.refresh_interval}),
        handlers(pool, metrics) {}

  void configure();
  void log(const httplib::Request& req, const httplib::Response& res);

  ServerOptions options;
  Metrics metrics;
  SearcherPool pool;
  Handlers handlers;
  httplib::Server http;
  std::mutex log_mutex;
  bool bound = false;
  int listen_fd = -1;  // the listening socket, from httplib's socket-options hook
  // stop() may come before run() has got httplib listening, when httplib's own
  // stop() would do nothing; these let it wait for that moment instead.
  std::atomic<bool> run_started{false}, run_finished{false}, stop_requested{false};
};

void Server::Impl::configure() {
  const std::size_t connections =
      options.connections ? options.connections : std::max<std::size_t>(256, 4 * std::size_t{options.threads});
  http.new_task_queue = [connections] { return new BoundedTaskQueue(connections, connections); };
  http.set_tcp_nodelay(true);
  // Debian's httplib listens with a backlog of 5: a burst of connections overflows it,
  // and each dropped SYN costs its client a 1 s retransmission (wrk, 64 connections:
  // 136 listen overflows in 5 s, p99 0.7-1.2 s, timeouts). The hook sees the listening
  // socket before httplib binds it; bind() raises its backlog afterwards. SO_REUSEADDR
  // (restarts), not httplib's default SO_REUSEPORT, which would let a second daemon
  // share the port unnoticed.
  http.set_socket_options([this](socket_t sock) {
    int yes = 1;
    ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    listen_fd = sock;
  });
  http.set_keep_alive_max_count(options.keep_alive_max_count);
  http.set_keep_alive_timeout(options.keep_alive_timeout.count());
  http.set_read_timeout(options.read_timeout.count());
  http.set_write_timeout(options.write_timeout.count());
  http.set_payload_max_length(options.payload_max_length);

  http.set_pre_routing_handler([](const httplib::Request& req, httplib::Response& res) {
    t_request_started = std::chrono::steady_clock::now();
    t_request_timed = true;
    if (req.method != "GET" && req.method != "HEAD") {
      reply_with(res, Handlers::http_error(405, req.path));
      res.set_header("Allow", "GET, HEAD");
      return httplib::Server::HandlerResponse::Handled;
    }
    return httplib::Server::HandlerResponse::Unhandled;
  });

  http.Get("/search", [this](const httplib::Request& req, httplib::Response& res) {
    reply_with(res, handlers.search(params_of(req)));
  });
  // The path is percent-decoded before matching, so a URL id arrives whole.
  http.Get(R"(/doc/(.+))", [this](const httplib::Request& req, httplib::Response& res) {
    reply_with(res, handlers.doc(req.matches[1].str()));
  });
  http.Get("/entities", [this](const httplib::Request& req, httplib::Response& res) {
    reply_with(res, handlers.entities(params_of(req)));
  });
  http.Get("/health", [this](const httplib::Request&, httplib::Response& res) { reply_with(res, handlers.health()); });
  http.Get("/metrics",
           [this](const httplib::Request&, httplib::Response& res) { reply_with(res, handlers.metrics()); });
  http.Get(R"(/|/assets/[a-z.]+)",
           [this](const httplib::Request& req, httplib::Response& res) { reply_with(res, handlers.page(req.path)); });

  // Called for every status >= 400; ours already carry a JSON body, httplib's own
  // (unknown path, malformed request, URI too long, body too large) do not.
  http.set_error_handler(httplib::Server::HandlerWithResponse([](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
    reply_with(res, Handlers::http_error(res.status, req.path, req.target));
    return httplib::Server::HandlerResponse::Handled;
  }));
  // Handlers do not throw; this is the net under httplib's own code paths.
  http.set_exception_handler([](const httplib::Request& req, httplib::Response& res, std::exception_ptr) {
    reply_with(res, Handlers::http_error(500, req.path));
  });
  http.set_logger([this](const httplib::Request& req, const httplib::Response& res) { log(req, res); });
}

void Server::Impl::log(const httplib::Request& req, const httplib::Response& res) {
  double seconds = 0;
  if (t_request_timed) {
    seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t_request_started).count();
    t_request_timed = false;
  }
  metrics.observe(endpoint_for_path(req.path), res.status, seconds);
  if (!options.access_log) return;
  char ms[32];
  std::snprintf(ms, sizeof ms, "%.1f", seconds * 1000);
  const std::string line = (req.method.empty() ? std::string("-") : req.method) + ' ' + loggable_target(req) + ' ' +
                           std::to_string(res.status) + ' ' + ms + "ms\n";
  const std::lock_guard lock(log_mutex);
  if (options.log_sink) {
    options.log_sink(line);
  } else {
    std::cerr << line << std::flush;
  }
}

Server::Server(ServerOptions options) : impl_(std::make_unique<Impl>(std::move(options))) {
  // A client hanging up mid-response must not kill the daemon; httplib does not
  // pass MSG_NOSIGNAL on Linux.
  std::signal(SIGPIPE, SIG_IGN);
  impl_->configure();
}

Server::~Server() { stop(); }

int Server::bind() {
  auto& i = *impl_;
  int port = i.options.port;
  if (port == 0) {
    port = i.http.bind_to_any_port(i.options.host);
    if (port < 0) port = 0;
  } else if (!i.http.bind_to_port(i.options.host, port)) {
    port = 0;
  }
  if (port <= 0) {
    throw std::runtime_error("cannot listen on " + i.options.host + ":" + std::to_string(i.options.port));
  }
  // listen() on a listening socket sets its backlog anew (Linux); the kernel caps it at
  // net.core.somaxconn. On failure the small backlog stays: slower, not wrong.
  if (i.listen_fd >= 0) (void)::listen(i.listen_fd, kListenBacklog);
  i.bound = true;
  return port;
}

void Server::run() {
  auto& i = *impl_;
  if (!i.bound) throw std::logic_error("Server::run() before bind()");
  i.run_started = true;
  if (!i.stop_requested) i.http.listen_after_bind();
  i.run_finished = true;
}

void Server::stop() {
  auto& i = *impl_;
  i.stop_requested = true;
  if (!i.bound) return;
  while (i.run_started && !i.run_finished && !i.http.is_running()) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  i.http.stop();
}

namespace {

sigset_t stop_signals() {
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  return signals;
}

}  // namespace

void block_stop_signals() {
  // Every thread started later inherits the mask, so the signals wait for sigwait() in
  // run_until_signal() instead of killing the process in whichever thread gets them.
  const sigset_t signals = stop_signals();
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
}

void run_until_signal(Server& server) {
  block_stop_signals();  // again, for a caller that did not: idempotent
  sigset_t signals = stop_signals();
  std::mutex mutex;
  bool done = false, signalled = false;
  std::thread waiter([&] {
    int signal_number = 0;
    sigwait(&signals, &signal_number);
    const std::lock_guard lock(mutex);
    signalled = true;
    if (!done) server.stop();
  });
  server.run();
  {
    const std::lock_guard lock(mutex);
    done = true;
    // run() ended on its own: wake the waiter with a signal only it will receive.
    if (!signalled) pthread_kill(waiter.native_handle(), SIGTERM);
  }
  waiter.join();
}

}  // namespace morgue::searchd
