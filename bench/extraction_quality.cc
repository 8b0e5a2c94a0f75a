// Article-text extraction quality on the labelled pages of
// ../shared/corpora/article-extraction (or the directory given): precision, recall and
// F1 of the benchmark's shingle metric, and speed.
//
//   extraction-bench [corpus-dir] [--pages] [--show ID-PREFIX]
//     --pages: one line per page, worst first; --show: print that page's extracted text
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>
#include <vector>

#include "bench/shingle_metric.h"
#include "indexer/readers/html.h"

namespace {

std::string default_corpus() {
  if (const char* env = std::getenv("MORGUE_CORPORA")) return std::string(env) + "/article-extraction";
  return std::string(MORGUE_SOURCE_DIR) + "/../shared/corpora/article-extraction";
}

}  // namespace

int main(int argc, char** argv) {
  std::string dir = default_corpus();
  bool per_page = false;
  std::string show;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--pages") {
      per_page = true;
    } else if (arg == "--show" && i + 1 < argc) {
      show = argv[++i];
    } else if (arg == "-h" || arg == "--help") {
      std::printf("usage: extraction-bench [corpus-dir] [--pages] [--show ID-PREFIX]\n");
      return 0;
    } else {
      dir = arg;
    }
  }
  try {
    const std::vector<morgue::bench::LabelledPage> pages = morgue::bench::load_labelled_pages(dir);
    std::vector<std::string> html(pages.size());
    std::size_t bytes = 0;
    for (std::size_t i = 0; i < pages.size(); ++i) {
      html[i] = morgue::bench::read_gzip_file(pages[i].html_gz_path);
      bytes += html[i].size();
    }
    std::vector<morgue::bench::PageScore> scores;
    std::vector<std::pair<double, std::string>> lines;
    const auto start = std::chrono::steady_clock::now();
    for (std::size_t i = 0; i < pages.size(); ++i) {
      morgue::indexer::HtmlSource src;
      src.fetched_url = pages[i].url;
      src.where = pages[i].html_gz_path;
      const auto article = morgue::indexer::extract_html_article(html[i], src);
      scores.push_back(morgue::bench::score_page(pages[i].truth, article ? article->body : ""));
      if (!show.empty() && pages[i].id.starts_with(show)) {
        std::printf("=== %s\nheadline: %s\n%s\n", pages[i].url.c_str(), article ? article->headline.c_str() : "",
                    article ? article->body.c_str() : "(no article)");
      }
      const auto& s = scores.back();
      const double p = s.tp + s.fp > 0 ? s.tp / (s.tp + s.fp) : 0, r = s.tp + s.fn > 0 ? s.tp / (s.tp + s.fn) : 0;
      char line[512];
      std::snprintf(line, sizeof line, "%.3f  P=%.3f R=%.3f  %s  %s", std::min(p, r), p, r,
                    pages[i].id.substr(0, 12).c_str(), pages[i].url.c_str());
      lines.emplace_back(std::min(p, r), line);
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (per_page) {
      std::sort(lines.begin(), lines.end());
      for (const auto& [key, line] : lines) std::printf("%s\n", line.c_str());
    }
    const auto summary = morgue::bench::summarize(scores);
    std::printf("pages %zu  precision %.3f  recall %.3f  F1 %.3f  |  %.1f pages/s  %.1f MB/s\n", summary.pages,
                summary.precision, summary.recall, summary.f1, static_cast<double>(pages.size()) / seconds,
                static_cast<double>(bytes) / 1e6 / seconds);
    return 0;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "extraction-bench: %s\n", e.what());
    return 1;
  }
}
