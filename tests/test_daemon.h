// morgued in-process for the HTTP tests: bound to an ephemeral loopback port,
// served on a thread, stopped and joined on destruction.
#pragma once

#include <chrono>
#include <filesystem>
#include <memory>
#include <string>
#include <thread>

#include <httplib.h>
#include <rapidjson/document.h>

#include "searchd/server.h"

namespace morgue::test {

class TestDaemon {
 public:
  explicit TestDaemon(const std::filesystem::path& db, searchd::ServerOptions options = {}) {
    options.db_dir = db;
    options.host = "127.0.0.1";
    options.port = 0;
    options.access_log = false;
    options.refresh_interval = std::chrono::milliseconds(50);
    server_ = std::make_unique<searchd::Server>(options);
    port_ = server_->bind();
    thread_ = std::thread([this] { server_->run(); });
  }
  ~TestDaemon() {
    server_->stop();
    thread_.join();
  }
  TestDaemon(const TestDaemon&) = delete;
  TestDaemon& operator=(const TestDaemon&) = delete;

  [[nodiscard]] int port() const { return port_; }
  [[nodiscard]] httplib::Client client() const {
    httplib::Client c("127.0.0.1", port_);
    c.set_connection_timeout(2);
    c.set_read_timeout(10);
    return c;
  }
  // One GET on a fresh client; the status is -1 when there was no response.
  struct Answer {
    int status = -1;
    std::string body;
    std::string content_type;
  };
  [[nodiscard]] Answer get(const std::string& target) const {
    auto c = client();
    const auto res = c.Get(target);
    if (!res) return {};
    return {res->status, res->body, res->get_header_value("Content-Type")};
  }

 private:
  std::unique_ptr<searchd::Server> server_;
  int port_ = 0;
  std::thread thread_;
};

inline rapidjson::Document parse_json(const std::string& text) {
  rapidjson::Document doc;
  doc.Parse(text.c_str(), text.size());
  return doc;
}

}  // namespace morgue::test
