// morgue-search's text output (searchd/cli_output.h).
#include <catch2/catch.hpp>

#include "searchd/cli_output.h"

namespace {

using morgue::ExpandedWord;

std::string with_expansion(const std::vector<ExpandedWord::Spelling>& spellings) {
  morgue::SearchResponse r;
  r.query = "kiev";
  r.expanded.push_back({"kiev", "Kyiv", spellings});
  return morgue::format_human(r, morgue::Highlight::kAsterisks);
}

}  // namespace

TEST_CASE("The other spellings a word searched are listed when some match", "[cli]") {
  struct Row {
    const char* what;
    std::vector<ExpandedWord::Spelling> spellings;
    const char* line;  // nullptr: no spellings line at all
  };
  const Row rows[] = {
      {"Reuters-21578 (1987): no article spells Kyiv any way", {{"kyiv", 0}, {"kiev", 0}, {"kiew", 0}}, nullptr},
      {"an excluded name (-kiev): every count is 0", {{"kyiv", 0}, {"kiev", 0}}, nullptr},
      {"corpus/: both spellings are used",
       {{"kyiv", 3}, {"kiev", 1}},
       "'kiev' also searched the other spellings of Kyiv: kyiv (3) kiev (1)\n"},
      {"only the unused ones are left out",
       {{"kyiv", 2}, {"kiew", 0}},
       "'kiev' also searched the other spellings of Kyiv: kyiv (2)\n"},
  };
  for (const auto& row : rows) {
    INFO(row.what);
    const std::string out = with_expansion(row.spellings);
    INFO(out);
    if (row.line) {
      CHECK(out.find(row.line) != std::string::npos);
    } else {
      CHECK(out.find("also searched") == std::string::npos);
    }
  }
}
