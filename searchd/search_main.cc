// morgue-search: the command-line search, with the query language and JSON of morgued.
#include <algorithm>
#include <iostream>
#include <string_view>

#include <unistd.h>

#include "common/command_line.h"
#include "common/errors.h"
#include "common/json_writer.h"
#include "common/query_builder.h"
#include "common/searcher.h"
#include "common/text_util.h"
#include "searchd/cli_output.h"

namespace {

// Whether --json is among the options (before any "--"): known even when parsing fails.
bool asks_for_json(int argc, char** argv) {
  const auto end = std::find(argv + 1, argv + argc, std::string_view("--"));
  return std::find(argv + 1, end, std::string_view("--json")) != end;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace morgue;
  CLI::App app{"morgue-search: search a morgue index"};
  std::string db = "data/index";
  std::vector<std::string> words;
  std::vector<std::string> outlets, request_entities;
  std::string from, to, sort = "relevance", facets, color = "auto", recency, asof;
  unsigned offset = 0, limit = 10;
  bool json = false, any = false, feedback = false;
  app.add_option("query", words, "the query (docs/query-language.md); several words are joined");
  app.add_option("--db", db, "index directory")->capture_default_str();
  app.add_option("--outlet", outlets, "only articles from this outlet (repeatable: any of them)")
      ->allow_extra_args(false);
  app.add_option("--from", from, "only articles published on or after YYYY-MM-DD");
  app.add_option("--to", to, "only articles published on or before YYYY-MM-DD");
  app.add_flag("--any", any, "match articles with any of the words, best first (default: all of them)");
  app.add_flag("--feedback", feedback, "add terms from the best matches to the query (pseudo-relevance feedback)");
  app.add_option("--sort", sort, "relevance (default) or date (newest first)");
  app.add_option("--recency", recency, "blend freshness into relevance: half-life such as 30d, 2w, 1y");
  app.add_option("--asof", asof, "with --recency: count ages back from YYYY-MM-DD (default today)");
  app.add_option("--offset", offset, "skip this many results");
  app.add_option("--limit", limit, "show this many results (at most 100)")->capture_default_str();
  app.add_option("--entity", request_entities, "only articles about this entity (repeatable: all of them)")
      ->allow_extra_args(false);
  app.add_option("--facets", facets, "comma list: outlet, date, lang, entity, entity.person, entity.place, ...");
  app.add_flag("--json", json, "print the JSON document of GET /search (docs/api.md)");
  app.add_option("--color", color, "auto, always or never")->check(CLI::IsMember({"auto", "always", "never"}));
  const cli::CommandLine how{
      .program = "morgue-search",
      .unknown_option_hint =
          "to search for a query starting with '-', put it after --: morgue-search [OPTIONS] -- -word",
      .on_usage_error =
          [&](const std::string& message) {
            if (asks_for_json(argc, argv)) std::cout << error_json("bad_request", message) << '\n';
          },
  };
  if (const auto status = cli::parse(app, argc, argv, how)) return *status;

  try {
    SearchRequest request;
    for (const auto& w : words) request.query += (request.query.empty() ? "" : " ") + w;
    request.outlets = outlets;
    request.entities = request_entities;
    if (!from.empty()) request.from = parse_date_param("from", from);
    if (!to.empty()) request.to = parse_date_param("to", to);
    request.sort = parse_sort(sort);
    if (!recency.empty()) request.recency_half_life_days = parse_half_life(recency);
    if (!asof.empty()) request.asof = parse_date_param("asof", asof);
    request.match_any = any;
    request.feedback = feedback;
    request.offset = offset;
    request.limit = limit;
    if (!facets.empty()) {
      for (const auto& f : split(facets, ',')) request.facets.push_back(parse_facet(trim(f)));
    }
    // One search: reading each match's values costs less than building the columns.
    Searcher searcher(db, {.facet_columns = false});
    const SearchResponse response = searcher.search(request);
    if (json) {
      std::cout << to_json(response) << '\n';
    } else {
      const bool ansi = color == "always" || (color == "auto" && ::isatty(STDOUT_FILENO));
      std::cout << format_human(response, ansi ? Highlight::kAnsi : Highlight::kAsterisks);
    }
    return 0;
  } catch (const QueryError& e) {
    if (json) std::cout << error_json("bad_request", e.what(), e.parameter()) << '\n';
    std::cerr << "morgue-search: " << e.what() << '\n';
    return 2;
  } catch (const IndexUnavailable& e) {
    if (json) std::cout << error_json("index_unavailable", e.what()) << '\n';
    std::cerr << "morgue-search: " << e.what() << '\n';
    return 3;
  } catch (const Xapian::Error& e) {
    std::cerr << "morgue-search: " << e.get_description() << '\n';
    return 3;
  }
}
