// Hostile clients: connections that send nothing, or a request one byte at a time,
// must not stop others from being served.
#include <catch2/catch.hpp>

#include <atomic>
#include <thread>
#include <vector>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include "indexer/pipeline.h"
#include "tests/test_daemon.h"
#include "tests/test_support.h"

namespace {

using namespace morgue;
using Clock = std::chrono::steady_clock;
using test::TestDaemon;

const std::filesystem::path& corpus_index() {
  static test::TempDir dir;
  static const std::filesystem::path db = [] {
    const auto p = dir.path() / "index";
    REQUIRE(indexer::run_pipeline(p, {test::corpus_dir()}, {}).stats.added == 5);
    return p;
  }();
  return db;
}

// A raw loopback connection, closed on destruction. No Catch2 macros in here:
// the dribbler threads use it, and Catch2 v2's assertions are not thread-safe.
class RawConnection {
 public:
  explicit RawConnection(int port) : fd_(::socket(AF_INET, SOCK_STREAM, 0)) {
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<std::uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    connected_ = fd_ >= 0 && ::connect(fd_, reinterpret_cast<const sockaddr*>(&addr), sizeof addr) == 0;
  }
  [[nodiscard]] bool connected() const { return connected_; }
  ~RawConnection() {
    if (fd_ >= 0) ::close(fd_);
  }
  RawConnection(const RawConnection&) = delete;
  RawConnection& operator=(const RawConnection&) = delete;

  bool send_byte(char c) { return ::send(fd_, &c, 1, MSG_NOSIGNAL) == 1; }
  // True when the server closed the connection within `timeout`.
  bool closed_within(std::chrono::milliseconds timeout) {
    timeval tv{static_cast<time_t>(timeout.count() / 1000), static_cast<suseconds_t>(timeout.count() % 1000 * 1000)};
    ::setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    char buf[512];
    for (;;) {
      const auto n = ::recv(fd_, buf, sizeof buf, 0);
      if (n == 0) return true;  // orderly close
      if (n < 0) return errno == ECONNRESET;
    }
  }

 private:
  int fd_;
  bool connected_ = false;
};

// Seconds for one fresh-connection search, or a large number when it failed.
double timed_search(const TestDaemon& d) {
  const auto start = Clock::now();
  const auto a = d.get("/search?q=ceasefire&facets=outlet,date");
  if (a.status != 200) return 1e9;
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// One search at a time, `connections` connection threads, idle connections closed
// after `timeout`.
searchd::ServerOptions narrow(unsigned connections, std::chrono::seconds timeout) {
  searchd::ServerOptions options;
  options.threads = 1;
  options.connections = connections;
  options.read_timeout = timeout;
  options.keep_alive_timeout = timeout;
  return options;
}

}  // namespace

TEST_CASE("Idle and byte-at-a-time connections do not stop queries", "[http][slow]") {
  searchd::ServerOptions options;
  options.threads = 2;
  options.connections = 8;
  TestDaemon d(corpus_index(), options);

  std::vector<std::unique_ptr<RawConnection>> idle;
  for (int i = 0; i < 3; ++i) {
    idle.push_back(std::make_unique<RawConnection>(d.port()));
    REQUIRE(idle.back()->connected());
  }

  std::atomic<bool> stop{false};
  std::atomic<int> dribbling{0};
  std::vector<std::thread> dribblers;
  for (int i = 0; i < 3; ++i) {
    dribblers.emplace_back([&] {
      RawConnection c(d.port());
      if (c.connected()) ++dribbling;
      const std::string request = "GET /search?q=" + std::string(4000, 'a');
      for (std::size_t k = 0; !stop && c.send_byte(request[k % request.size()]); ++k) {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
      }
    });
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  CHECK(dribbling == 3);

  double slowest = 0;
  for (int i = 0; i < 20; ++i) slowest = std::max(slowest, timed_search(d));
  // Also a keep-alive client, as a browser would hold one.
  auto client = d.client();
  for (int i = 0; i < 20; ++i) {
    const auto start = Clock::now();
    const auto res = client.Get("/search?q=putin");
    REQUIRE(res);
    CHECK(res->status == 200);
    slowest = std::max(slowest, std::chrono::duration<double>(Clock::now() - start).count());
  }
  stop = true;
  for (auto& t : dribblers) t.join();
  CHECK(slowest < 0.5);
}

TEST_CASE("A connection that sends nothing is closed after the read timeout", "[http][slow]") {
  searchd::ServerOptions options;
  options.read_timeout = std::chrono::seconds(1);
  options.keep_alive_timeout = std::chrono::seconds(1);
  TestDaemon d(corpus_index(), options);
  RawConnection idle(d.port());
  REQUIRE(idle.connected());
  const auto start = Clock::now();
  CHECK(idle.closed_within(std::chrono::milliseconds(3000)));
  CHECK(Clock::now() - start < std::chrono::milliseconds(2500));
}

TEST_CASE("More idle connections than threads delay queries only until the read timeout", "[http][slow]") {
  TestDaemon d(corpus_index(), narrow(2, std::chrono::seconds(1)));
  std::vector<std::unique_ptr<RawConnection>> idle;
  for (int i = 0; i < 6; ++i) {
    idle.push_back(std::make_unique<RawConnection>(d.port()));
    REQUIRE(idle.back()->connected());
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  // Connections are served in arrival order: six idle ones, two at a time, one second each.
  const double seconds = timed_search(d);
  CHECK(seconds < 5.0);
}

TEST_CASE("A burst of connections waits in the listen queue and none is dropped", "[http][slow]") {
  // One connection thread, held by an idle client; the accept loop then holds one more
  // and new connections can only wait in the kernel's listen queue. With httplib's own
  // backlog of 5, the SYNs of the rest were dropped: 1 s before a client's retry.
  TestDaemon d(corpus_index(), narrow(1, std::chrono::seconds(2)));
  RawConnection first(d.port()), second(d.port());
  REQUIRE(first.connected());
  REQUIRE(second.connected());
  std::this_thread::sleep_for(std::chrono::milliseconds(100));

  constexpr int kBurst = 40;
  std::vector<int> fds;
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<std::uint16_t>(d.port()));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  for (int i = 0; i < kBurst; ++i) {
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
    REQUIRE(fd >= 0);
    (void)::connect(fd, reinterpret_cast<const sockaddr*>(&addr), sizeof addr);
    fds.push_back(fd);
  }
  // A connection is made when its socket turns writable with no error.
  int connected = 0;
  const auto deadline = Clock::now() + std::chrono::milliseconds(500);
  for (const int fd : fds) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
    pollfd p{fd, POLLOUT, 0};
    int error = 0;
    socklen_t len = sizeof error;
    if (::poll(&p, 1, static_cast<int>(std::max<long>(0, left))) == 1 &&
        ::getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &len) == 0 && error == 0)
      ++connected;
  }
  for (const int fd : fds) ::close(fd);
  CHECK(connected == kBurst);
}

TEST_CASE("A second daemon cannot take a port that is in use", "[http]") {
  TestDaemon d(corpus_index());
  searchd::ServerOptions options;
  options.db_dir = corpus_index();
  options.host = "127.0.0.1";
  options.port = d.port();
  searchd::Server second(options);
  CHECK_THROWS(second.bind());
}
