// The morgued program itself: SIGTERM and SIGINT stop it with exit status 0, whatever
// threads it has started by then (the HTTP tests run the server in-process instead).
#include <catch2/catch.hpp>

#include <chrono>
#include <csignal>
#include <regex>
#include <thread>

#include <fcntl.h>
#include <httplib.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include "indexer/pipeline.h"
#include "tests/test_support.h"

extern char** environ;

namespace {

using namespace morgue;
namespace fs = std::filesystem;

// morgued on an ephemeral port, its stderr in a file; killed if a test ends early.
class Daemon {
 public:
  Daemon(const fs::path& index, const fs::path& log) {
    const std::string program = (test::binary_dir() / "searchd" / "morgued").string();
    INFO("program: " << program);
    REQUIRE(fs::exists(program));
    const std::string db = index.string();
    std::vector<std::string> args = {program, "--db", db, "--listen", "127.0.0.1:0", "--threads", "2"};
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t files;
    posix_spawn_file_actions_init(&files);
    posix_spawn_file_actions_addopen(&files, STDERR_FILENO, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    const int rc = posix_spawn(&pid_, program.c_str(), &files, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&files);
    REQUIRE(rc == 0);
    // "morgued: serving DIR on http://127.0.0.1:PORT/"
    const std::regex serving(R"(http://127\.0\.0\.1:([0-9]+)/)");
    for (int i = 0; i < 400 && port_ == 0; ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(25));
      std::smatch m;
      const std::string text = test::read_file(log);
      if (std::regex_search(text, m, serving)) port_ = std::stoi(m[1]);
    }
    REQUIRE(port_ != 0);
  }
  ~Daemon() {
    if (pid_ > 0) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, nullptr, 0);
    }
  }
  Daemon(const Daemon&) = delete;
  Daemon& operator=(const Daemon&) = delete;

  [[nodiscard]] int port() const { return port_; }
  // Sends `signal` and waits for the program to end: its wait status.
  int stop_with(int signal) {
    REQUIRE(::kill(pid_, signal) == 0);
    int status = 0;
    REQUIRE(::waitpid(pid_, &status, 0) == pid_);
    pid_ = -1;
    return status;
  }

 private:
  pid_t pid_ = -1;
  int port_ = 0;
};

}  // namespace

TEST_CASE("morgued exits 0 on SIGTERM and SIGINT, after faceted searches", "[http][signals]") {
  test::TempDir dir;
  const auto index = dir.path() / "index";
  REQUIRE(indexer::run_pipeline(index, {test::corpus_dir()}, {}).stats.added == 5);
  for (const int signal : {SIGTERM, SIGINT}) {
    INFO("signal " << signal);
    Daemon daemon(index, dir.path() / "morgued.log");
    httplib::Client client("127.0.0.1", daemon.port());
    // Facets, a date order and recency: what starts the facet columns' build.
    for (const char* path : {"/search?q=peace&facets=outlet,date,entity", "/search?q=putin&sort=date",
                             "/search?q=putin&recency=30d"}) {
      const auto r = client.Get(path);
      REQUIRE(r);
      CHECK(r->status == 200);
    }
    const int status = daemon.stop_with(signal);
    INFO("log: " << test::read_file(dir.path() / "morgued.log"));
    CHECK(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
  }
}
