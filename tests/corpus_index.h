// One index of corpus/, made by morgue-index's pipeline in a temporary directory on first
// use, shared by the test cases of a test binary.
#pragma once

#include <catch2/catch.hpp>

#include <filesystem>

#include "indexer/pipeline.h"
#include "tests/test_support.h"

namespace morgue::test {

inline const std::filesystem::path& corpus_index() {
  static TempDir dir;
  static const bool built = [] {
    const auto r = indexer::run_pipeline(dir.path() / "index", {corpus_dir()}, {});
    REQUIRE(r.stats.failed == 0);
    REQUIRE(r.stats.added == 5);
    return true;
  }();
  (void)built;
  static const std::filesystem::path p = dir.path() / "index";
  return p;
}

}  // namespace morgue::test
