// The programs' command lines, run as a user runs them: bad usage exits 2 with a message
// a user can act on (docs/operations.md), --help exits 0.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <rapidjson/document.h>

#include "indexer/pipeline.h"
#include "tests/test_support.h"

extern char** environ;

namespace {

using namespace morgue;
namespace fs = std::filesystem;

struct Run {
  int status = -1;  // the exit status; -1 when it did not exit
  std::string out;
  std::string err;
};

// `program` (under the build directory) with `args`, its output in files under `dir`.
Run run(const fs::path& dir, const std::string& program, std::vector<std::string> args) {
  const std::string path = (test::binary_dir() / program).string();
  REQUIRE(fs::exists(path));
  args.insert(args.begin(), path);
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  const fs::path out = dir / "stdout", err = dir / "stderr";
  posix_spawn_file_actions_t files;
  posix_spawn_file_actions_init(&files);
  posix_spawn_file_actions_addopen(&files, STDOUT_FILENO, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_addopen(&files, STDERR_FILENO, err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  pid_t pid = -1;
  const int rc = posix_spawn(&pid, path.c_str(), &files, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&files);
  REQUIRE(rc == 0);
  int status = 0;
  REQUIRE(::waitpid(pid, &status, 0) == pid);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, test::read_file(out), test::read_file(err)};
}

const fs::path& corpus_index() {
  static test::TempDir dir;
  static const fs::path db = [] {
    const auto p = dir.path() / "index";
    REQUIRE(indexer::run_pipeline(p, {test::corpus_dir()}, {}).stats.added == 5);
    return p;
  }();
  return db;
}

const char* const kSearch = "searchd/morgue-search";
const char* const kIndex = "indexer/morgue-index";
const char* const kDaemon = "searchd/morgued";

}  // namespace

TEST_CASE("Bad options exit 2 with a message and --help exits 0", "[cli]") {
  struct Row {
    const char* program;
    std::vector<std::string> args;
    int status;
    const char* stderr_has;  // nullptr: not checked
  };
  const std::string db = corpus_index().string();
  const Row rows[] = {
      {kSearch, {"--db", db, "--limit", "-1", "putin"}, 2, "--limit"},
      {kSearch, {"--db", db, "--bogus", "x"}, 2, "unknown option '--bogus'"},
      {kSearch, {"--db", db, "--color", "pink", "x"}, 2, "--color"},
      {kSearch, {"--help"}, 0, nullptr},
      {kIndex, {"--db", db, "--batch", "0", "corpus"}, 2, "--batch"},
      {kIndex, {"--bogus"}, 2, "unknown option '--bogus'"},
      {kIndex, {"--db", db, "--rebuild"}, 2, "--rebuild builds a new index from the inputs named"},
      {kIndex, {"--help"}, 0, nullptr},
      {kDaemon, {"--threads", "0"}, 2, "--threads"},
      {kDaemon, {"--listen", "127.0.0.1:99999"}, 2, "--listen: the port must be 1-65535 (0: any free port), not '99999'"},
      {kDaemon, {"--listen", "8080"}, 2, "--listen: must be HOST:PORT"},
      {kDaemon, {"--db", db, "stray"}, 2, "unexpected argument 'stray'"},
      {kDaemon, {"--help"}, 0, nullptr},
  };
  test::TempDir dir;
  for (const auto& row : rows) {
    std::string line = row.program;
    for (const auto& a : row.args) line += " " + a;
    INFO(line);
    const Run r = run(dir.path(), row.program, row.args);
    INFO("stdout: " << r.out << "\nstderr: " << r.err);
    CHECK(r.status == row.status);
    if (row.status == 0) CHECK_THAT(r.out, Catch::Contains("--help"));
    if (row.stderr_has) CHECK_THAT(r.err, Catch::Contains(row.stderr_has));
  }
}

TEST_CASE("morgue-search --json reports a usage error as a JSON error on stdout", "[cli]") {
  test::TempDir dir;
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"--db", corpus_index().string(), "--json", "--limit", "-1", "putin"},
        std::vector<std::string>{"--bogus", "--json", "putin"}}) {
    const Run r = run(dir.path(), kSearch, args);
    INFO("stdout: " << r.out << "\nstderr: " << r.err);
    CHECK(r.status == 2);
    rapidjson::Document doc;
    doc.Parse(r.out.c_str());
    REQUIRE(doc.IsObject());
    REQUIRE(doc.HasMember("error"));
    CHECK(std::string(doc["error"]["code"].GetString()) == "bad_request");
    CHECK_FALSE(std::string(doc["error"]["message"].GetString()).empty());
  }
}

TEST_CASE("A query starting with '-' goes after -- and the error for it says so", "[cli]") {
  test::TempDir dir;
  const std::string db = corpus_index().string();
  const Run wrong = run(dir.path(), kSearch, {"--db", db, "-Poroshenko"});
  INFO("stderr: " << wrong.err);
  CHECK(wrong.status == 2);
  CHECK_THAT(wrong.err, Catch::Contains("unknown option '-Poroshenko'") &&
                            Catch::Contains("to search for a query starting with '-', put it after --"));
  const Run right = run(dir.path(), kSearch, {"--db", db, "--limit", "0", "--", "-Poroshenko"});
  INFO("stderr: " << right.err);
  CHECK(right.status == 0);
  CHECK_THAT(right.out, Catch::StartsWith("4 matches"));
}

TEST_CASE("morgue-index --delete takes one value, so inputs after it are still read", "[cli]") {
  // "--delete ID FILE" took FILE as a second article to delete, and never read it.
  test::TempDir dir;
  const fs::path db = dir.path() / "index", a = dir.path() / "a.jsonl", b = dir.path() / "b.jsonl";
  test::write_file(a, R"({"id":"a1","headline":"Harbour cranes","body":"Harbour cranes unload ships."})" "\n");
  test::write_file(b, R"({"id":"b1","headline":"Ferry timetable","body":"The ferry leaves at noon."})" "\n");
  REQUIRE(run(dir.path(), kIndex, {"-q", "--db", db.string(), a.string()}).status == 0);
  const Run r = run(dir.path(), kIndex, {"-q", "--json", "--db", db.string(), "--delete", "a1", b.string()});
  INFO("stderr: " << r.err);
  CHECK(r.status == 0);
  CHECK_THAT(r.out, Catch::Contains(R"("added":1)") && Catch::Contains(R"("deleted":1)"));
  const Run twice = run(dir.path(), kIndex, {"-q", "--json", "--db", db.string(), "--delete", "b1", "--delete", "a1"});
  CHECK_THAT(twice.out, Catch::Contains(R"("deleted":1)") && Catch::Contains(R"("failed":1)"));
}
