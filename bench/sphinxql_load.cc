// Closed-loop load on Sphinx's searchd over SphinxQL, for bench/http_speed.sh: each of
// --connections threads keeps one connection and sends the query file's statements in
// turn, each as "SELECT ...; SHOW META" (hits and total, one round trip), then, with
// --docs, CALL SNIPPETS on the hits' bodies (Sphinx 2.2 stores no text: a client sends
// it), as a result list with snippets needs. Prints the RESULT line of http_speed.lua.
//   sphinxql-load --port P --queries FILE [--docs TSV] [--seconds 5] [--connections 1]
// A minimal MySQL 4.1 protocol client: no password, text results, no TLS.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <CLI/CLI.hpp>

namespace {

constexpr std::uint32_t kClientLongPassword = 0x1, kClientProtocol41 = 0x200, kClientSecureConnection = 0x8000,
                        kClientMultiStatements = 0x10000, kClientMultiResults = 0x20000;
constexpr std::uint16_t kServerMoreResultsExist = 0x0008;

class Connection {
 public:
  explicit Connection(int port) {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<std::uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (fd_ < 0 || ::connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0)
      throw std::runtime_error("cannot connect to searchd on port " + std::to_string(port));
    const int one = 1;
    ::setsockopt(fd_, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    // A stalled server is an error, not a hung benchmark.
    const timeval timeout{10, 0};
    ::setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    ::setsockopt(fd_, SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof timeout);
    read_packet();  // the server's greeting
    std::string hello(32, '\0');
    const std::uint32_t caps = kClientLongPassword | kClientProtocol41 | kClientSecureConnection |
                               kClientMultiStatements | kClientMultiResults;
    std::memcpy(hello.data(), &caps, 4);  // little-endian machines only, as this bench runs on
    const std::uint32_t max_packet = 1 << 24;
    std::memcpy(hello.data() + 4, &max_packet, 4);
    hello[8] = 33;  // utf8_general_ci
    hello += "root";
    hello += '\0';
    hello += '\0';  // no auth response
    write_packet(hello, 1);
    expect_ok(read_packet());
  }
  ~Connection() { ::close(fd_); }
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // Runs `sql` (one or more statements); returns the first column of every row of the
  // first result set. Throws on an error packet.
  std::vector<std::string> query(const std::string& sql) {
    write_packet("\x03" + sql, 0);
    std::vector<std::string> first_column;
    bool first_set = true, more = true;
    while (more) {
      std::string p = read_packet();
      if (static_cast<unsigned char>(p[0]) == 0xff) throw std::runtime_error("searchd: " + p.substr(9));
      if (p[0] == 0) {  // OK: affected rows, insert id, status
        std::size_t pos = 1;
        lenenc(p, pos);
        lenenc(p, pos);
        more = (static_cast<unsigned char>(p[pos]) | static_cast<unsigned char>(p[pos + 1]) << 8) &
               kServerMoreResultsExist;
        continue;
      }
      std::size_t pos = 0;
      const std::uint64_t columns = lenenc(p, pos);
      for (std::uint64_t i = 0; i < columns; ++i) read_packet();
      read_packet();  // EOF after the column definitions
      for (;;) {
        p = read_packet();
        if (static_cast<unsigned char>(p[0]) == 0xfe && p.size() < 9) {
          more = (static_cast<unsigned char>(p[3]) | static_cast<unsigned char>(p[4]) << 8) & kServerMoreResultsExist;
          break;
        }
        if (static_cast<unsigned char>(p[0]) == 0xff) throw std::runtime_error("searchd: " + p.substr(9));
        if (first_set) {
          std::size_t at = 0;
          const std::uint64_t n = lenenc(p, at);
          first_column.push_back(p.substr(at, n));
        }
      }
      first_set = false;
    }
    return first_column;
  }

 private:
  static std::uint64_t lenenc(const std::string& p, std::size_t& pos) {
    const auto b = static_cast<unsigned char>(p[pos++]);
    int bytes = b < 0xfb ? 0 : b == 0xfc ? 2 : b == 0xfd ? 3 : b == 0xfe ? 8 : 0;
    if (b < 0xfb) return b;
    std::uint64_t v = 0;
    for (int i = 0; i < bytes; ++i) v |= std::uint64_t(static_cast<unsigned char>(p[pos++])) << (8 * i);
    return v;
  }

  void expect_ok(const std::string& p) {
    if (p.empty() || p[0] != 0) throw std::runtime_error("searchd refused the connection");
  }

  void write_packet(const std::string& payload, unsigned char seq) {
    std::string out(4, '\0');
    const auto n = static_cast<std::uint32_t>(payload.size());
    out[0] = static_cast<char>(n & 0xff);
    out[1] = static_cast<char>((n >> 8) & 0xff);
    out[2] = static_cast<char>((n >> 16) & 0xff);
    out[3] = static_cast<char>(seq);
    out += payload;
    for (std::size_t sent = 0; sent < out.size();) {
      const ssize_t k = ::send(fd_, out.data() + sent, out.size() - sent, MSG_NOSIGNAL);
      if (k <= 0) throw std::runtime_error("searchd closed the connection");
      sent += static_cast<std::size_t>(k);
    }
  }

  void fill(std::size_t n) {
    while (buffer_.size() - start_ < n) {
      if (start_ > 0) {
        buffer_.erase(0, start_);
        start_ = 0;
      }
      char chunk[65536];
      const ssize_t k = ::recv(fd_, chunk, sizeof chunk, 0);
      if (k <= 0) throw std::runtime_error(k == 0 ? "searchd closed the connection" : "no answer from searchd in 10 s");
      buffer_.append(chunk, static_cast<std::size_t>(k));
    }
  }

  std::string read_packet() {
    fill(4);
    const std::size_t n = static_cast<unsigned char>(buffer_[start_]) |
                          static_cast<unsigned char>(buffer_[start_ + 1]) << 8 |
                          static_cast<unsigned char>(buffer_[start_ + 2]) << 16;
    fill(4 + n);
    std::string p = buffer_.substr(start_ + 4, n);
    start_ += 4 + n;
    return p;
  }

  int fd_ = -1;
  std::string buffer_;
  std::size_t start_ = 0;
};

std::string quoted(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'' || c == '\\') out += '\\';
    out += c;
  }
  return out + "'";
}

// The text inside MATCH('...') of a statement, unescaped.
std::string match_text(const std::string& sql) {
  const auto begin = sql.find("MATCH('");
  if (begin == std::string::npos) return {};
  std::string out;
  for (std::size_t i = begin + 7; i < sql.size() && sql[i] != '\''; ++i) {
    if (sql[i] == '\\' && i + 1 < sql.size()) ++i;
    out += sql[i];
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"sphinxql-load: closed-loop SphinxQL load on searchd"};
  int port = 9306;
  std::string queries_file, docs_file, index = "reuters";
  double seconds = 5;
  unsigned connections = 1;
  app.add_option("--port", port)->required();
  app.add_option("--queries", queries_file, "one SELECT a line")->required();
  app.add_option("--docs", docs_file, "TSV of id, title, body, ...: snippets of each hit's body");
  app.add_option("--index", index);
  app.add_option("--seconds", seconds);
  app.add_option("--connections", connections);
  bool show = false;
  app.add_flag("--show", show, "print each statement's ids and snippets once, then stop");
  CLI11_PARSE(app, argc, argv);

  std::vector<std::string> queries;
  std::ifstream in(queries_file);
  for (std::string line; std::getline(in, line);)
    if (!line.empty() && line[0] != '#') queries.push_back(line);
  std::unordered_map<std::string, std::string> bodies;
  if (!docs_file.empty()) {
    std::ifstream docs(docs_file);
    for (std::string line; std::getline(docs, line);) {
      const auto a = line.find('\t'), b = line.find('\t', a + 1), c = line.find('\t', b + 1);
      bodies.emplace(line.substr(0, a), line.substr(b + 1, c - b - 1));
    }
  }

  if (show) {
    Connection db(port);
    for (const auto& sql : queries) {
      const auto ids = db.query(sql + "; SHOW META");
      std::printf("%s\n  %zu ids:", sql.c_str(), ids.size());
      for (const auto& id : ids) std::printf(" %s", id.c_str());
      std::printf("\n");
      if (!bodies.empty() && !ids.empty()) {
        const auto it = bodies.find(ids[0]);
        const auto snippet =
            db.query("CALL SNIPPETS(" + quoted(it == bodies.end() ? "" : it->second) + ", '" + index + "', " +
                     quoted(match_text(sql)) + ", 240 AS limit, '<mark>' AS before_match, '</mark>' AS after_match)");
        std::printf("  %s\n", snippet.empty() ? "" : snippet[0].c_str());
      }
    }
    return 0;
  }
  std::atomic<bool> stop{false};
  std::atomic<unsigned long> errors{0};
  std::mutex error_mutex;
  std::string first_error;
  std::vector<std::vector<double>> latencies(connections);
  std::vector<std::thread> workers;
  for (unsigned t = 0; t < connections; ++t) {
    workers.emplace_back([&, t] {
      try {
        Connection db(port);
        for (std::size_t i = t; !stop; ++i) {
          const std::string& sql = queries[i % queries.size()];
          const auto start = std::chrono::steady_clock::now();
          try {
            const auto ids = db.query(sql + "; SHOW META");
            if (!bodies.empty() && !ids.empty()) {
              std::string call = "CALL SNIPPETS((";
              for (std::size_t k = 0; k < ids.size(); ++k) {
                const auto it = bodies.find(ids[k]);
                call += (k ? "," : "") + quoted(it == bodies.end() ? std::string() : it->second);
              }
              call += "), '" + index + "', " + quoted(match_text(sql)) +
                      ", 240 AS limit, '<mark>' AS before_match, '</mark>' AS after_match)";
              (void)db.query(call);
            }
          } catch (const std::exception& e) {
            ++errors;
            const std::lock_guard lock(error_mutex);
            if (first_error.empty()) first_error = e.what() + std::string(" in: ") + sql;
          }
          latencies[t].push_back(
              std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
        }
      } catch (const std::exception& e) {
        ++errors;
        const std::lock_guard lock(error_mutex);
        if (first_error.empty()) first_error = e.what();
      }
    });
  }
  std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
  stop = true;
  for (auto& w : workers) w.join();
  if (!first_error.empty()) std::fprintf(stderr, "sphinxql-load: %s\n", first_error.c_str());
  std::vector<double> all;
  for (auto& l : latencies) all.insert(all.end(), l.begin(), l.end());
  std::sort(all.begin(), all.end());
  auto pct = [&](double p) { return all.empty() ? 0.0 : all[std::min(all.size() - 1, std::size_t(p * all.size()))]; };
  std::printf("RESULT requests=%zu errors=%lu rps=%.1f p50_ms=%.3f p99_ms=%.3f\n", all.size(), errors.load(),
              all.size() / seconds, pct(0.50), pct(0.99));
  return all.empty() || errors > 0 ? 1 : 0;
}
